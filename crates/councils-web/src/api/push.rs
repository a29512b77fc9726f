//! Web Push subscriptions through the API: a browser's page posts its subscription (signed in
//! by its session cookie; the CSRF layer refuses other sites), API clients use their bearer
//! token. A member sees and removes only their own.

use crate::WebState;
use crate::api::{ApiError, bearer};
use crate::viewer::session_token;
use axum::Json;
use axum::extract::{FromRequestParts, Path, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use councils_app::push::PushSubscriptionForm;
use councils_app::{Actor, AppError};
use councils_domain::PushSubscriptionId;
use serde::Deserialize;
use serde_json::json;

/// The member behind a bearer token, or else behind the browser's session cookie.
pub struct MemberActor(pub Actor);

impl FromRequestParts<WebState> for MemberActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, ApiError> {
        let token = bearer(parts)
            .or_else(|| session_token(&CookieJar::from_headers(&parts.headers)))
            .ok_or(ApiError(AppError::NotSignedIn))?;
        Ok(MemberActor(state.app.authenticate(&token).await?))
    }
}

#[derive(Deserialize)]
pub struct Keys {
    #[serde(default)]
    p256dh: String,
    #[serde(default)]
    auth: String,
}

/// A `PushSubscription.toJSON()`; `expirationTime` and anything else are ignored.
#[derive(Deserialize)]
pub struct Subscription {
    endpoint: String,
    keys: Keys,
}

#[derive(Deserialize)]
pub struct Endpoint {
    endpoint: String,
}

/// `GET /api/v1/push/key`
pub async fn key(State(state): State<WebState>) -> Result<Response, ApiError> {
    let key = state
        .app
        .config()
        .push_public_key
        .clone()
        .ok_or(ApiError(AppError::NotFound))?;
    Ok(Json(json!({ "public_key": key })).into_response())
}

/// `GET /api/v1/push/subscriptions`
pub async fn list(
    State(state): State<WebState>,
    MemberActor(actor): MemberActor,
) -> Result<Response, ApiError> {
    let subscriptions: Vec<_> = state
        .app
        .push_subscriptions(&actor)
        .await?
        .into_iter()
        .map(|s| json!({ "id": s.id, "service": s.service, "created_at": s.created_at }))
        .collect();
    Ok(Json(json!({ "subscriptions": subscriptions })).into_response())
}

/// `POST /api/v1/push/subscriptions`
pub async fn subscribe(
    State(state): State<WebState>,
    MemberActor(actor): MemberActor,
    Json(subscription): Json<Subscription>,
) -> Result<Response, ApiError> {
    let form = PushSubscriptionForm {
        endpoint: subscription.endpoint,
        p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth,
    };
    let id = state.app.subscribe_push(&actor, &form).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))).into_response())
}

/// `DELETE /api/v1/push/subscriptions`: the browser unsubscribed this endpoint.
pub async fn unsubscribe(
    State(state): State<WebState>,
    MemberActor(actor): MemberActor,
    Json(endpoint): Json<Endpoint>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .unsubscribe_push(&actor, &endpoint.endpoint)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/push/subscriptions/{id}`
pub async fn remove(
    State(state): State<WebState>,
    MemberActor(actor): MemberActor,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .remove_push_subscription(&actor, &PushSubscriptionId::new(id))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
