//! `GET /api/v1/alerts/stream`: the server-sent events of the signed-in member's reports and
//! alerts, for API clients (bearer token) and for the pages (session cookie, through
//! `static/alerts.js`). Each event is `data: {"kind": ..., "report_id": ..., ...}`; the page
//! or client then reads the report itself with its own session, in its own language.
//!
//! The body is written from the live hub's frames as they are (one buffer per notice, shared
//! by every subscriber) rather than through axum's `Sse`, which would format each event again
//! for each connection.

use super::{ApiError, bearer};
use crate::WebState;
use crate::viewer::session_token;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::CookieJar;
use councils_app::live::Subscription;
use councils_app::{Actor, AppError};
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// A comment line every so often, so proxies keep the connection and the page notices a
/// dead one.
const KEEP_ALIVE: Duration = Duration::from_secs(25);

/// The member behind a bearer token or a browser's session cookie.
pub struct StreamActor(pub Actor);

impl FromRequestParts<WebState> for StreamActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, ApiError> {
        let token = bearer(parts)
            .or_else(|| session_token(&CookieJar::from_headers(&parts.headers)))
            .ok_or(ApiError(AppError::NotSignedIn))?;
        Ok(StreamActor(state.app.authenticate(&token).await?))
    }
}

struct Live {
    subscription: Subscription,
    keep_alive: tokio::time::Interval,
    opened: bool,
}

/// `GET /api/v1/alerts/stream`
pub async fn stream(State(state): State<WebState>, StreamActor(actor): StreamActor) -> Response {
    let subscription = state.app.live().subscribe(&actor.member_id);
    let mut keep_alive = tokio::time::interval(KEEP_ALIVE);
    keep_alive.reset();
    let live = Live {
        subscription,
        keep_alive,
        opened: false,
    };
    let frames = futures_util::stream::unfold(live, |mut live| async move {
        if !live.opened {
            live.opened = true;
            // Tells the client at once that it is connected (and how soon to come back).
            return Some((
                Ok::<_, Infallible>(Bytes::from_static(b"retry: 3000\n: open\n\n")),
                live,
            ));
        }
        loop {
            tokio::select! {
                frame = live.subscription.receiver.recv() => match frame {
                    Ok(frame) => return Some((Ok(frame), live)),
                    // A slow page missed some; it shows them when it is next loaded.
                    Err(RecvError::Lagged(_)) => continue,
                    Err(RecvError::Closed) => return None,
                },
                _ = live.keep_alive.tick() => {
                    return Some((Ok(Bytes::from_static(b": keep-alive\n\n")), live));
                }
            }
        }
    });
    let mut response = Body::from_stream(frames).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}
