//! Amendments put to the council's vote, and each council's defaults for new motions.
//!
//! An amendment the mover does not take is not lost: its author, the mover or an organiser can
//! put it to the council. The vote is a yes/no motion of its own, under the council's default
//! majority, quorum and secrecy; its decision takes the amendment into the motion's text or
//! rejects it, in the transaction that counts it. Voting on the motion itself waits until every
//! amendment vote on it is decided.

use crate::crypto::new_id;
use crate::motion::MotionDraft;
use crate::ports::{AmendmentStatus, MotionDefaults, MotionRecord};
use crate::{Actor, App, AppError};
use councils_domain::motion::{MotionText, Phase};
use councils_domain::{Action, Council, MotionId};

impl App {
    /// Puts a proposed amendment to the council's vote, open at once, closing by itself after
    /// `hours` if given. The amendment's author, the motion's mover and organisers may.
    pub async fn put_amendment_to_vote(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        amendment: &str,
        hours: Option<u32>,
    ) -> Result<MotionId, AppError> {
        let (council, standing, motion) = self
            .motion_for(actor, slug, id, Action::ProposeMotion)
            .await?;
        let amendments = self.store.amendments_of(&motion.id).await?;
        let amendment = amendments
            .iter()
            .find(|a| a.id.as_str() == amendment)
            .ok_or(AppError::NotFound)?;
        let allowed = amendment.author.as_ref() == Some(&actor.member_id)
            || motion.mover.as_ref() == Some(&actor.member_id)
            || standing.may(Action::ChairMotions);
        if !allowed {
            return Err(AppError::Forbidden);
        }
        if amendment.status != AmendmentStatus::Proposed || motion.phase != Phase::Discussion {
            return Err(AppError::MotionChanged);
        }
        let closes_at = self.voting_closes_at(hours)?;
        let defaults = self.store.motion_defaults(&council.id).await?;
        let (kind, rules) = MotionDraft {
            kind: "ordinary".into(),
            method: "yes-no".into(),
            secret: defaults.secret,
            majority: defaults.majority,
            quorum_percent: defaults.quorum_percent,
            ..MotionDraft::default()
        }
        .rules()?;
        // The vote reads as the motion's title over the amendment's text, in its language.
        let title = motion
            .texts
            .iter()
            .find(|t| t.language() == amendment.language)
            .or(motion.texts.first())
            .map(|t| t.title().to_string())
            .unwrap_or_default();
        let now = self.now();
        let mut vote = MotionRecord {
            id: MotionId::new(new_id()),
            council_id: council.id.clone(),
            mover: Some(actor.member_id.clone()),
            kind,
            rules,
            options: Vec::new(),
            texts: vec![MotionText::new(
                amendment.language,
                &title,
                &amendment.body,
            )?],
            phase: Phase::Voting,
            created_at: now,
            voting_opened_at: Some(now),
            entitled: None,
            closes_at,
            decided_at: None,
            outcome: None,
        };
        vote.entitled = Some(self.entitled(&council, &vote).await?);
        self.store
            .put_amendment_to_vote(&amendment.id, &vote, &actor.member_id)
            .await?;
        Ok(vote.id)
    }

    /// A council's defaults for new motions, for anyone who may propose one.
    pub async fn motion_defaults(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<(Council, MotionDefaults), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ProposeMotion)
            .await?;
        let defaults = self.store.motion_defaults(&council.id).await?;
        Ok((council, defaults))
    }

    /// An organiser sets the council's defaults for new motions. Only methods that need no
    /// further parameters can be the default.
    pub async fn set_motion_defaults(
        &self,
        actor: &Actor,
        slug: &str,
        defaults: &MotionDefaults,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChangeSettings)
            .await?;
        MotionDraft {
            kind: "ordinary".into(),
            method: defaults.method.clone(),
            secret: defaults.secret,
            majority: defaults.majority.clone(),
            quorum_percent: defaults.quorum_percent,
            ..MotionDraft::default()
        }
        .rules()?;
        if defaults.majority.is_empty() {
            return Err(AppError::BadValue);
        }
        self.store
            .set_motion_defaults(&council.id, defaults, &actor.member_id, self.now())
            .await?;
        Ok(())
    }
}
