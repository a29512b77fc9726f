//! A committee's rapid-response settings: how long closed alerts are kept, and which
//! neighbouring committees' responders also get its alerts. Organisers choose them.

use crate::ports::RapidResponseSettings;
use crate::{Actor, App, AppError};
use councils_domain::report::retention::CLOSED_DAYS_MAX;
use councils_domain::{Action, Council, CouncilKind, Slug};

/// What the settings page shows.
#[derive(Clone, Debug)]
pub struct RapidResponseSettingsView {
    pub council: Council,
    pub settings: RapidResponseSettings,
    /// Committees that may be chosen as neighbours (base committees other than this one).
    pub candidates: Vec<Council>,
}

fn is_committee(kind: CouncilKind) -> bool {
    matches!(
        kind,
        CouncilKind::NeighbourhoodCommittee
            | CouncilKind::WorkplaceCommittee
            | CouncilKind::StrikeCommittee
            | CouncilKind::WorkingGroup
    )
}

impl App {
    /// The settings, for the committee's organisers.
    pub async fn rapid_response_settings(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<RapidResponseSettingsView, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChangeSettings)
            .await?;
        let settings = self.store.rapid_response_settings(&council.id).await?;
        let candidates = self
            .store
            .all_councils()
            .await?
            .into_iter()
            .filter(|c| c.id != council.id && is_committee(c.kind))
            .collect();
        Ok(RapidResponseSettingsView {
            council,
            settings,
            candidates,
        })
    }

    /// Organisers keep closed alerts `closed_days` (1 to 30) and choose neighbours by slug.
    pub async fn set_rapid_response_settings(
        &self,
        actor: &Actor,
        slug: &str,
        closed_days: u32,
        neighbours: &[String],
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChangeSettings)
            .await?;
        if !(1..=CLOSED_DAYS_MAX).contains(&closed_days) {
            return Err(AppError::BadValue);
        }
        let mut ids = Vec::new();
        for neighbour in neighbours {
            let slug = Slug::parse(neighbour).map_err(|_| AppError::BadValue)?;
            let other = self
                .store
                .council_by_slug(&slug)
                .await?
                .ok_or(AppError::BadValue)?;
            if other.id != council.id && is_committee(other.kind) {
                ids.push(other.id);
            }
        }
        ids.sort();
        ids.dedup();
        self.store
            .set_rapid_response_settings(
                &council.id,
                &RapidResponseSettings {
                    closed_days,
                    neighbours: ids,
                },
            )
            .await?;
        Ok(())
    }
}
