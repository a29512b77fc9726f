//! The JSON API under `/api/v1`: the same use cases and authorisation as the pages, for
//! clients that sign in with `POST /api/v1/sessions` and send `Authorization: Bearer`.

pub mod aid;
pub mod councils;
pub mod democracy;
pub mod events;
pub mod grievances;
pub mod motions;
pub mod notices;
pub mod openapi;
pub mod publications;
pub mod push;
pub mod records;
pub mod reports;
pub mod sessions;
pub mod stream;
pub mod strikes;

use crate::WebState;
use crate::error::status_of;
use axum::Json;
use axum::extract::FromRequestParts;
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use councils_app::{Actor, AppError, SessionToken};
use serde_json::json;

/// An API error: `{"error": {"code": ..., "message": ...}}` with the matching status.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(&self.0);
        let message = match &self.0 {
            AppError::Internal(cause) => {
                tracing::error!(cause = %cause, "internal error in the API");
                "internal error".to_string()
            }
            other => other.to_string(),
        };
        (
            status,
            Json(json!({ "error": { "code": self.0.code(), "message": message } })),
        )
            .into_response()
    }
}

/// The bearer token of an API request.
pub fn bearer(parts: &Parts) -> Option<SessionToken> {
    parts
        .headers
        .get(AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(|t| SessionToken::presented(t.trim()))
}

/// The member behind an API request's bearer token.
pub struct ApiActor(pub Actor);

impl FromRequestParts<WebState> for ApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, ApiError> {
        let token = bearer(parts).ok_or(ApiError(AppError::NotSignedIn))?;
        Ok(ApiActor(state.app.authenticate(&token).await?))
    }
}
