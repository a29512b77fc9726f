//! Reading and verifying a council's minutes.

use crate::{Actor, App, AppError};
use councils_domain::minutes::verify_chain;
use councils_domain::{Action, ChainBreak, Council, MinutesEntry, MotionId};
use std::collections::HashMap;

/// A council's minutes and whether their chain holds.
#[derive(Clone, Debug)]
pub struct Minutes {
    pub council: Council,
    pub entries: Vec<MinutesEntry>,
    pub verified: Result<(), ChainBreak>,
    /// The options of the council's motions, by motion, so that a decision names whom or
    /// what it elected.
    pub options: HashMap<MotionId, Vec<String>>,
}

impl App {
    /// A council's minutes, for its active members.
    pub async fn minutes(&self, actor: &Actor, slug: &str) -> Result<Minutes, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ReadMinutes)
            .await?;
        self.load_minutes(council).await
    }

    /// The operator's check of a council's minutes (`councils minutes verify`).
    pub async fn verify_minutes(&self, slug: &str) -> Result<Minutes, AppError> {
        let council = self.council_by_slug(slug).await?;
        self.load_minutes(council).await
    }

    async fn load_minutes(&self, council: Council) -> Result<Minutes, AppError> {
        let entries = self.store.minutes(&council.id).await?;
        let verified = verify_chain(&entries);
        let options = self
            .store
            .motions_of(&council.id)
            .await?
            .iter()
            .filter(|m| !m.options.is_empty())
            .map(|m| (m.id.clone(), crate::ballot::labels(m)))
            .collect();
        Ok(Minutes {
            council,
            entries,
            verified,
            options,
        })
    }
}
