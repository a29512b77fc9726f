//! Who is asking: the signed-in member behind a session token.

use crate::crypto::SessionToken;
use crate::ports::LiveSession;
use crate::{App, AppError};
use councils_domain::{Handle, Language, MemberId, SessionId};

/// A signed-in member, as every use case receives them.
#[derive(Clone, Debug)]
pub struct Actor {
    pub member_id: MemberId,
    pub handle: Handle,
    pub language: Language,
    pub session_id: SessionId,
}

/// Sessions are touched at most this often, so reading a page does not always write.
const TOUCH_EVERY: i64 = 60;

impl App {
    /// The member a session token belongs to, if the session is still alive. A session idle
    /// too long, or older than the absolute limit, is ended here.
    pub async fn authenticate(&self, token: &SessionToken) -> Result<Actor, AppError> {
        let now = self.now();
        let LiveSession {
            session,
            handle,
            language,
        } = self
            .store
            .session_by_token_hash(&token.hash())
            .await?
            .ok_or(AppError::NotSignedIn)?;
        let idle = now - session.last_seen_at > self.config.session_idle;
        let too_old = now - session.created_at > self.config.session_absolute;
        if idle || too_old {
            self.store
                .delete_session(&session.member_id, &session.id)
                .await?;
            return Err(AppError::NotSignedIn);
        }
        if now - session.last_seen_at >= TOUCH_EVERY {
            self.store.touch_session(&session.id, now).await?;
        }
        Ok(Actor {
            member_id: session.member_id,
            handle,
            language,
            session_id: session.id,
        })
    }
}
