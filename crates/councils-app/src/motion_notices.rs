//! Telling members that a vote opened: the council's members (motions), and, for a council
//! with constituents, the constituents' members, who can give their delegates a mandate
//! (mandates). Each hears as they chose for the topic (see `delivery`).

use crate::App;
use crate::ports::{MotionRecord, Notice, NoticeKind};
use councils_domain::{Council, CouncilId, MemberId, MembershipStatus};

impl App {
    /// After voting opened on `motion`. Delivery never fails the use case: a failure to find
    /// whom to tell is logged, since voting is already open.
    pub(crate) async fn tell_voting_opened(&self, council: &Council, motion: &MotionRecord) {
        let voters = self.active_member_ids(&council.id).await;
        self.notifier
            .notify(
                &voters,
                &Notice {
                    kind: NoticeKind::VotingOpened,
                    council: council.id.clone(),
                    subject: motion.id.to_string(),
                    path: format!("/c/{}/motions/{}", council.slug, motion.id),
                },
            )
            .await;
        let constituents = match self.active_constituents(&council.id).await {
            Ok(constituents) => constituents,
            Err(error) => {
                tracing::error!(error = %error, "could not list constituents to tell");
                return;
            }
        };
        for constituent in constituents {
            let Ok(Some(below)) = self.store.council(&constituent).await else {
                continue;
            };
            let members = self.active_member_ids(&below.id).await;
            self.notifier
                .notify(
                    &members,
                    &Notice {
                        kind: NoticeKind::MandateWanted,
                        council: below.id.clone(),
                        subject: motion.id.to_string(),
                        path: format!("/c/{}/mandates", below.slug),
                    },
                )
                .await;
        }
    }

    async fn active_member_ids(&self, council: &CouncilId) -> Vec<MemberId> {
        match self.store.members_of(council).await {
            Ok(members) => members
                .into_iter()
                .filter(|m| m.status == MembershipStatus::Active)
                .map(|m| m.member_id)
                .collect(),
            Err(error) => {
                tracing::error!(error = %error, "could not list members to tell");
                Vec::new()
            }
        }
    }
}
