//! Invitations: single-use, expiring links tied to a council and a role.

use crate::crypto::{SessionToken, new_id, token_hash};
use crate::ports::InvitationRecord;
use crate::{Actor, App, AppError};
use councils_domain::{Action, Council, InvitationId, MemberId, Role, Slug};

/// A new invitation. The link is shown once and stored only as a hash.
#[derive(Debug)]
pub struct Invitation {
    pub url: String,
    pub expires_at: i64,
    /// The council it is for; `None` for the invitation that founds the first council.
    pub council: Option<Council>,
}

/// What the join page shows about an invitation before anyone uses it.
#[derive(Clone, Debug)]
pub struct InvitationPreview {
    pub id: InvitationId,
    /// `None` when the invitation is to found the instance's first council.
    pub council: Option<Council>,
    pub role: Role,
    pub expires_at: i64,
}

impl App {
    /// An organiser invites someone to their council, in a role.
    pub async fn invite(
        &self,
        actor: &Actor,
        slug: &str,
        role: Role,
    ) -> Result<Invitation, AppError> {
        let (council, _) = self.council_for_action(actor, slug, Action::Invite).await?;
        self.create_invitation(Some(&council), role, Some(&actor.member_id))
            .await
    }

    /// The operator invites someone from the command line.
    pub async fn invite_as_operator(&self, slug: &str, role: Role) -> Result<Invitation, AppError> {
        let slug = Slug::parse(slug)?;
        let council = self
            .store
            .council_by_slug(&slug)
            .await?
            .ok_or(AppError::NotFound)?;
        self.create_invitation(Some(&council), role, None).await
    }

    /// On a brand-new instance, an invitation for the first organiser of a first council.
    pub async fn founding_invitation(&self) -> Result<Option<Invitation>, AppError> {
        if !self.store.is_empty().await? {
            return Ok(None);
        }
        Ok(Some(
            self.create_invitation(None, Role::Organiser, None).await?,
        ))
    }

    async fn create_invitation(
        &self,
        council: Option<&Council>,
        role: Role,
        created_by: Option<&MemberId>,
    ) -> Result<Invitation, AppError> {
        let now = self.now();
        let token = SessionToken::generate();
        let expires_at = now + self.config.invitation_ttl;
        self.store
            .create_invitation(&InvitationRecord {
                id: InvitationId::new(new_id()),
                token_hash: token.hash(),
                council_id: council.map(|c| c.id.clone()),
                role,
                created_by: created_by.cloned(),
                created_at: now,
                expires_at,
                used_at: None,
            })
            .await?;
        Ok(Invitation {
            council: council.cloned(),
            url: format!("{}/join/{}", self.config.public_url, token.expose()),
            expires_at,
        })
    }

    /// Looks an invitation up by the token in its link; refuses used and expired ones.
    pub async fn invitation(&self, token: &str) -> Result<InvitationPreview, AppError> {
        let record = self
            .store
            .invitation_by_token_hash(&token_hash(token))
            .await?
            .ok_or(AppError::InvitationInvalid)?;
        if record.used_at.is_some() {
            return Err(AppError::InvitationUsed);
        }
        if record.expires_at <= self.now() {
            return Err(AppError::InvitationExpired);
        }
        let council = match &record.council_id {
            Some(id) => Some(
                self.store
                    .council(id)
                    .await?
                    .ok_or(AppError::InvitationInvalid)?,
            ),
            None => None,
        };
        Ok(InvitationPreview {
            id: record.id,
            council,
            role: record.role,
            expires_at: record.expires_at,
        })
    }
}
