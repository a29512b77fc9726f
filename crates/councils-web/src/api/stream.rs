//! `GET /api/v1/alerts/stream`: the server-sent events of the signed-in member's reports and
//! alerts, for API clients (bearer token) and for the pages (session cookie, through
//! `static/alerts.js`). Each event is `data: {"kind": ..., "report_id": ..., ...}`; the page
//! or client then reads the report itself with its own session, in its own language.
//!
//! The body is written from the live hub's frames as they are (one buffer per notice, shared
//! by every subscriber) rather than through axum's `Sse`, which would format each event again
//! for each connection.
//!
//! Events carry no ids and are not replayed: what a reader missed is read again from the
//! pages and the API, which hold the truth. A reader too slow to keep up is sent
//! `event: resync` (a named event, so a client reading only `message` events is not
//! disturbed), and the pages read their content again then, and after a reconnection.

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
use futures_util::StreamExt;
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

/// Tells the client at once that it is connected (and how soon to come back).
const OPENING: &[u8] = b"retry: 3000\n: open\n\n";
/// Tells a reader that it missed frames, and should read what it shows again.
const RESYNC: &[u8] = b"event: resync\ndata: {}\n\n";

/// The stream's frames: the opening, then each notice, keep-alives and resyncs.
fn frames(subscription: Subscription) -> impl futures_util::Stream<Item = Bytes> {
    let mut keep_alive = tokio::time::interval(KEEP_ALIVE);
    keep_alive.reset();
    let live = Live {
        subscription,
        keep_alive,
        opened: false,
    };
    futures_util::stream::unfold(live, |mut live| async move {
        if !live.opened {
            live.opened = true;
            return Some((Bytes::from_static(OPENING), live));
        }
        tokio::select! {
            frame = live.subscription.receiver.recv() => match frame {
                Ok(frame) => Some((frame, live)),
                Err(RecvError::Lagged(_)) => Some((Bytes::from_static(RESYNC), live)),
                Err(RecvError::Closed) => None,
            },
            _ = live.keep_alive.tick() => Some((Bytes::from_static(b": keep-alive\n\n"), live)),
        }
    })
}

/// `GET /api/v1/alerts/stream`
pub async fn stream(State(state): State<WebState>, StreamActor(actor): StreamActor) -> Response {
    let subscription = state.app.live().subscribe(&actor.member_id);
    let body = frames(subscription).map(Ok::<_, Infallible>);
    let mut response = Body::from_stream(body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use councils_app::live::LiveHub;
    use councils_domain::MemberId;

    #[tokio::test]
    async fn a_reader_that_fell_behind_is_told_to_read_again_and_goes_on() {
        let hub = LiveHub::new();
        let member = MemberId::new("m1");
        let mut stream = Box::pin(frames(hub.subscribe(&member)));
        assert_eq!(stream.next().await.unwrap().as_ref(), OPENING);
        // More notices than the member's channel holds, before the page reads any.
        for n in 0..40 {
            hub.send(
                std::slice::from_ref(&member),
                &Bytes::from(format!("data: {n}\n\n")),
            );
        }
        assert_eq!(stream.next().await.unwrap().as_ref(), RESYNC);
        // Then the frames the channel kept, the newest last.
        let kept: Vec<Bytes> = stream.take(32).collect().await;
        assert_eq!(kept.last().unwrap().as_ref(), b"data: 39\n\n");
        assert_eq!(kept.first().unwrap().as_ref(), b"data: 8\n\n");
    }

    #[tokio::test]
    async fn a_reader_that_keeps_up_gets_every_frame_and_no_resync() {
        let hub = LiveHub::new();
        let member = MemberId::new("m1");
        let mut stream = Box::pin(frames(hub.subscribe(&member)));
        stream.next().await.unwrap();
        for n in 0..40 {
            hub.send(
                std::slice::from_ref(&member),
                &Bytes::from(format!("data: {n}\n\n")),
            );
            let frame = stream.next().await.unwrap();
            assert_eq!(frame, Bytes::from(format!("data: {n}\n\n")));
        }
    }
}
