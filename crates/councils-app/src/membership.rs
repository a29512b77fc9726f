//! Membership changes in a council: vouching, approval, roles and removal.

use crate::{Actor, App, AppError};
use councils_domain::{Action, MemberId, MembershipStatus, Role};

impl App {
    /// An active member vouches for a pending newcomer.
    pub async fn vouch(
        &self,
        actor: &Actor,
        slug: &str,
        member: &MemberId,
    ) -> Result<MembershipStatus, AppError> {
        let (council, _) = self.council_for_action(actor, slug, Action::Vouch).await?;
        if member == &actor.member_id {
            return Err(AppError::Forbidden);
        }
        Ok(self
            .store
            .vouch(&council.id, member, &actor.member_id, self.now())
            .await?)
    }

    /// An organiser makes a pending newcomer active without waiting for vouches.
    pub async fn approve(
        &self,
        actor: &Actor,
        slug: &str,
        member: &MemberId,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ManageMembers)
            .await?;
        Ok(self
            .store
            .approve(&council.id, member, &actor.member_id, self.now())
            .await?)
    }

    /// An organiser gives a member a role.
    pub async fn grant_role(
        &self,
        actor: &Actor,
        slug: &str,
        member: &MemberId,
        role: Role,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ManageMembers)
            .await?;
        if role == Role::Member {
            return Err(AppError::BadValue);
        }
        Ok(self
            .store
            .grant_role(&council.id, member, role, &actor.member_id, self.now())
            .await?)
    }

    /// An organiser takes a role back. Every member keeps the member role.
    pub async fn revoke_role(
        &self,
        actor: &Actor,
        slug: &str,
        member: &MemberId,
        role: Role,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ManageMembers)
            .await?;
        if role == Role::Member {
            return Err(AppError::BadValue);
        }
        Ok(self
            .store
            .revoke_role(&council.id, member, role, &actor.member_id, self.now())
            .await?)
    }

    /// An organiser removes a member from the council; all of that member's sessions end.
    pub async fn remove_member(
        &self,
        actor: &Actor,
        slug: &str,
        member: &MemberId,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ManageMembers)
            .await?;
        Ok(self
            .store
            .remove_member(&council.id, member, &actor.member_id, self.now())
            .await?)
    }
}
