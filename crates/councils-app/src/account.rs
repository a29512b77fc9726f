//! A member's own account: language, handle, passphrase, email, and deleting it.

use crate::crypto::{hash_passphrase, verify_passphrase};
use crate::join::parse_email;
use crate::{Actor, App, AppError};
use councils_domain::{Handle, Language, MemberId, Passphrase};
use std::collections::HashMap;

impl App {
    /// Changes the language the member reads the instance in.
    pub async fn change_language(&self, actor: &Actor, language: Language) -> Result<(), AppError> {
        Ok(self
            .store
            .set_member_language(&actor.member_id, language)
            .await?)
    }

    /// Changes the member's handle; refused if another member has it.
    pub async fn change_handle(&self, actor: &Actor, handle: &str) -> Result<(), AppError> {
        let handle = Handle::parse(handle)?;
        Ok(self
            .store
            .set_member_handle(&actor.member_id, &handle)
            .await?)
    }

    /// Changes the passphrase after checking the current one; ends every other session.
    pub async fn change_passphrase(
        &self,
        actor: &Actor,
        current: &str,
        new: &str,
    ) -> Result<(), AppError> {
        self.check_passphrase(actor, current).await?;
        let new = Passphrase::new_checked(new, &[actor.handle.as_str()])?;
        Ok(self
            .store
            .set_member_passphrase(
                &actor.member_id,
                &hash_passphrase(new.expose()),
                &actor.session_id,
            )
            .await?)
    }

    /// Sets or clears the email for notifications, stored encrypted.
    pub async fn change_email(&self, actor: &Actor, email: Option<&str>) -> Result<(), AppError> {
        let sealed = parse_email(email)?.map(|e| self.cipher.encrypt(actor.member_id.as_str(), &e));
        Ok(self
            .store
            .set_member_email(&actor.member_id, sealed)
            .await?)
    }

    /// The member's email, decrypted for their own settings page.
    pub async fn email(&self, actor: &Actor) -> Result<Option<String>, AppError> {
        let member = self
            .store
            .member(&actor.member_id)
            .await?
            .ok_or(AppError::NotSignedIn)?;
        Ok(member
            .email_sealed
            .and_then(|sealed| self.cipher.decrypt(member.id.as_str(), &sealed).ok()))
    }

    /// Deletes the account after checking the passphrase. Personal data is erased; the minutes
    /// keep the member's decisions under a tombstone.
    pub async fn delete_account(&self, actor: &Actor, passphrase: &str) -> Result<(), AppError> {
        self.check_passphrase(actor, passphrase).await?;
        Ok(self
            .store
            .delete_member(&actor.member_id, self.now())
            .await?)
    }

    async fn check_passphrase(&self, actor: &Actor, passphrase: &str) -> Result<(), AppError> {
        let member = self
            .store
            .member(&actor.member_id)
            .await?
            .ok_or(AppError::NotSignedIn)?;
        if verify_passphrase(passphrase, &member.passphrase_hash) {
            Ok(())
        } else {
            Err(AppError::WrongPassphrase)
        }
    }

    /// Handles of the given members, for showing minutes and member lists; deleted members
    /// are missing from the map and shown as a tombstone.
    pub async fn handles(&self, ids: &[&MemberId]) -> Result<HashMap<MemberId, Handle>, AppError> {
        let mut handles = HashMap::new();
        for id in ids {
            if handles.contains_key(*id) {
                continue;
            }
            if let Some(member) = self.store.member(id).await? {
                handles.insert(member.id, member.handle);
            }
        }
        Ok(handles)
    }
}
