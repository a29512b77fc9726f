//! Know your rights: a committee's page of general guidance (the words are the web's), with
//! the hotline and legal contacts an organiser sets.

use crate::ports::RightsContacts;
use crate::{Actor, App, AppError};
use councils_domain::{Action, Council};

/// Longest hotline text and legal contacts text, in characters.
pub const HOTLINE_MAX: usize = 200;
pub const LEGAL_MAX: usize = 1_000;

/// A committee's know-your-rights page.
#[derive(Clone, Debug)]
pub struct RightsView {
    pub council: Council,
    pub contacts: RightsContacts,
    /// Whether the reader may change the contacts (an organiser).
    pub may_edit: bool,
}

impl App {
    /// The page, for the committee's active members.
    pub async fn rights(&self, actor: &Actor, slug: &str) -> Result<RightsView, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        Ok(RightsView {
            contacts: self.store.rights_contacts(&council.id).await?,
            may_edit: standing.may(Action::ChangeSettings),
            council,
        })
    }

    /// An organiser sets the hotline and legal contacts.
    pub async fn set_rights_contacts(
        &self,
        actor: &Actor,
        slug: &str,
        contacts: &RightsContacts,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChangeSettings)
            .await?;
        let clean = RightsContacts {
            hotline: contacts.hotline.trim().to_string(),
            legal: contacts.legal.trim().replace("\r\n", "\n"),
        };
        if clean.hotline.chars().count() > HOTLINE_MAX || clean.legal.chars().count() > LEGAL_MAX {
            return Err(AppError::FieldTooLong);
        }
        self.store
            .set_rights_contacts(&council.id, &clean, &actor.member_id, self.now())
            .await?;
        Ok(())
    }
}
