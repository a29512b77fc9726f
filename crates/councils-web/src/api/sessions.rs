//! API sessions: a bearer token from handle and passphrase, under the same rules as the pages.

use crate::WebState;
use crate::api::{ApiActor, ApiError};
use crate::pages::sign_in::ClientKey;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use councils_app::ports::SessionKind;
use councils_domain::Passphrase;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
pub struct Credentials {
    handle: String,
    passphrase: String,
}

/// `POST /api/v1/sessions`
pub async fn create(
    State(state): State<WebState>,
    ClientKey(client): ClientKey,
    Json(credentials): Json<Credentials>,
) -> Result<Response, ApiError> {
    let signed_in = state
        .app
        .sign_in(
            &credentials.handle,
            &Passphrase::unchecked(&credentials.passphrase),
            &client,
            None,
            SessionKind::Api,
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "token": signed_in.token.expose() })),
    )
        .into_response())
}

/// `DELETE /api/v1/sessions/current`
pub async fn delete_current(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
) -> Result<StatusCode, ApiError> {
    state.app.sign_out(&actor).await?;
    Ok(StatusCode::NO_CONTENT)
}
