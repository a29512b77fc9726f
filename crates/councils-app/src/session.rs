//! Signing in and out, and a member's view of their own sessions.

use crate::crypto::{SessionToken, decoy_hash, new_id, verify_passphrase};
use crate::ports::{SessionKind, SessionRecord};
use crate::{Actor, App, AppError};
use councils_domain::{Handle, MemberId, Passphrase, SessionId};

/// A fresh session.
#[derive(Debug)]
pub struct SignedIn {
    pub member_id: MemberId,
    pub token: SessionToken,
    /// The device cookie to give this browser, so it is not locked out by others' failures.
    pub device_tag: String,
}

impl App {
    /// Signs a member in with handle and passphrase. `client` identifies the client for
    /// throttling only (kept in memory, never stored or logged); `device_tag` is the device
    /// cookie the client presented, if any.
    pub async fn sign_in(
        &self,
        handle: &str,
        passphrase: &Passphrase,
        client: &str,
        device_tag: Option<&str>,
        kind: SessionKind,
    ) -> Result<SignedIn, AppError> {
        let now = self.now();
        let handle = Handle::parse(handle).map_err(|_| AppError::SignInFailed)?;
        let account = handle.key();
        let member = self.store.member_by_handle(&handle).await?;
        let has_device = match (&member, device_tag) {
            (Some(member), Some(tag)) => self.cipher.device_tag(member.id.as_str()) == tag,
            _ => false,
        };
        self.throttle
            .check(&account, client, has_device, now)
            .map_err(|retry_after_minutes| AppError::SignInThrottled {
                retry_after_minutes,
            })?;
        let stored = member
            .as_ref()
            .map(|m| m.passphrase_hash.as_str())
            .unwrap_or_else(|| decoy_hash());
        let matches = verify_passphrase(passphrase.expose(), stored);
        let Some(member) = member.filter(|_| matches) else {
            self.throttle.failed(&account, client, has_device, now);
            return Err(AppError::SignInFailed);
        };
        self.throttle.succeeded(client);
        let token = self.open_session(&member.id, kind).await?;
        Ok(SignedIn {
            device_tag: self.cipher.device_tag(member.id.as_str()),
            member_id: member.id,
            token,
        })
    }

    /// Opens a new session for a member; always a new id, never a reused one.
    pub(crate) async fn open_session(
        &self,
        member: &MemberId,
        kind: SessionKind,
    ) -> Result<SessionToken, AppError> {
        let now = self.now();
        let token = SessionToken::generate();
        self.store
            .create_session(&SessionRecord {
                id: SessionId::new(new_id()),
                token_hash: token.hash(),
                member_id: member.clone(),
                kind,
                created_at: now,
                last_seen_at: now,
            })
            .await?;
        Ok(token)
    }

    /// Ends the actor's current session on the server.
    pub async fn sign_out(&self, actor: &Actor) -> Result<(), AppError> {
        Ok(self
            .store
            .delete_session(&actor.member_id, &actor.session_id)
            .await?)
    }

    /// The actor's sessions, newest first.
    pub async fn sessions(&self, actor: &Actor) -> Result<Vec<SessionRecord>, AppError> {
        let mut sessions = self.store.sessions_of(&actor.member_id).await?;
        sessions.sort_by_key(|s| std::cmp::Reverse(s.last_seen_at));
        Ok(sessions)
    }

    /// Ends one of the actor's own sessions.
    pub async fn end_session(&self, actor: &Actor, session: &SessionId) -> Result<(), AppError> {
        Ok(self.store.delete_session(&actor.member_id, session).await?)
    }

    /// Deletes expired sessions and invitations. Run periodically by the server.
    pub async fn enforce_retention(&self) -> Result<crate::ports::Purged, AppError> {
        let now = self.now();
        Ok(self
            .store
            .purge(
                now,
                now - self.config.session_idle,
                now - self.config.session_absolute,
            )
            .await?)
    }
}
