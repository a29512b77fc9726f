//! Who is asking: the signed-in member behind a session token.

use crate::crypto::SessionToken;
use crate::ports::LiveSession;
use crate::{App, AppError};
use councils_domain::{Handle, Language, MemberId, SessionId};
use std::sync::Arc;

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
        let live = self.live_session(token.hash()).await?;
        let LiveSession {
            session,
            handle,
            language,
        } = &*live;
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
            self.touched(&live, now);
        }
        Ok(Actor {
            member_id: session.member_id.clone(),
            handle: handle.clone(),
            language: *language,
            session_id: session.id.clone(),
        })
    }

    /// The session behind a token hash, from memory while nothing has been written since it
    /// was read (a sign-out, a removal or a touch is a write, so none is missed).
    /// A touch is not counted as a write (it would make every cached page stale once a
    /// minute per member), so the cached session is brought up to date here.
    fn touched(&self, live: &LiveSession, now: i64) {
        if let Some(g) = self.store.generation() {
            let mut fresh = live.clone();
            fresh.session.last_seen_at = now;
            self.cache
                .sessions
                .put(fresh.session.token_hash.clone(), g, Arc::new(fresh));
        }
    }

    async fn live_session(&self, hash: String) -> Result<Arc<LiveSession>, AppError> {
        let generation = self.store.generation();
        if let Some(live) = generation.and_then(|g| self.cache.sessions.get(&hash, g)) {
            return Ok(live);
        }
        let live = Arc::new(
            self.store
                .session_by_token_hash(&hash)
                .await?
                .ok_or(AppError::NotSignedIn)?,
        );
        if let Some(g) = generation {
            self.cache.sessions.put(hash, g, live.clone());
        }
        Ok(live)
    }
}
