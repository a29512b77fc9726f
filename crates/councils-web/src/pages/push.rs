//! The settings page's Web Push section (this browser's button, the member's devices) and the
//! two scripts behind it: `push.js` subscribes the page's browser, `sw.js` shows what arrives.

use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::pages::{format_time, see};
use crate::viewer::Viewer;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use councils_app::Actor;
use councils_domain::PushSubscriptionId;

const PUSH_SCRIPT: &str = include_str!("../../static/push.js");
const SERVICE_WORKER: &str = include_str!("../../static/sw.js");

/// A browser that gets the member's notifications, as listed on the settings page.
pub struct DeviceLine {
    pub id: String,
    /// "Through fcm.googleapis.com, since ...", in the reader's language.
    pub label: String,
}

/// The member's devices for the settings page.
pub async fn devices(
    state: &WebState,
    actor: &Actor,
    tr: &Tr,
) -> Result<Vec<DeviceLine>, WebError> {
    Ok(state
        .app
        .push_subscriptions(actor)
        .await?
        .into_iter()
        .map(|s| DeviceLine {
            id: s.id.to_string(),
            label: tr.args(
                "push-device",
                &[
                    ("service", s.service.into()),
                    ("date", format_time(s.created_at).into()),
                ],
            ),
        })
        .collect())
}

/// `POST /account/push/{id}/remove`
pub async fn remove(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    state
        .app
        .remove_push_subscription(actor, &PushSubscriptionId::new(id))
        .await?;
    Ok(see("/account"))
}

/// `GET /static/push.js`
pub async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        PUSH_SCRIPT,
    )
}

/// `GET /static/sw.js`: never cached, so a new version reaches browsers on their next visit.
pub async fn service_worker() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        SERVICE_WORKER,
    )
}
