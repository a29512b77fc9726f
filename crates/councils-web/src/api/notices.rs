//! How the member hears about each topic, and the notices kept for their mail, through the
//! API: `GET`/`PUT /api/v1/notices/choices` and `GET /api/v1/notices`.

use crate::WebState;
use crate::api::{ApiActor, ApiError};
use crate::pages::notices::parse_choices;
use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};
use std::collections::HashMap;

async fn choices_json(state: &WebState, actor: &councils_app::Actor) -> Result<Value, ApiError> {
    let mut all = Map::new();
    for choice in state.app.notice_choices(actor).await? {
        let mode = if choice.fixed {
            "at-once"
        } else {
            choice.mode.code()
        };
        all.insert(choice.topic.code().to_string(), json!(mode));
    }
    Ok(Value::Object(all))
}

/// `GET /api/v1/notices/choices`: every topic with how the member hears about it (`alerts`
/// is always `at-once`).
pub async fn choices(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
) -> Result<Response, ApiError> {
    Ok(Json(choices_json(&state, &actor).await?).into_response())
}

/// `PUT /api/v1/notices/choices`: `{"motions": "digest", ...}`; topics left out go back to
/// the default. Answers every topic as it now is.
pub async fn choose(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Json(body): Json<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let choices = parse_choices(&body).map_err(ApiError)?;
    state.app.choose_notices(&actor, &choices).await?;
    Ok(Json(choices_json(&state, &actor).await?).into_response())
}

/// `GET /api/v1/notices`: the notices kept for the member's mail this week, newest first.
pub async fn kept(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
) -> Result<Response, ApiError> {
    let items: Vec<Value> = state
        .app
        .kept_notices(&actor)
        .await?
        .into_iter()
        .map(|item| {
            json!({
                "topic": item.topic.code(),
                "kind": item.kind,
                "path": item.path,
                "created_at": item.created_at,
                "mailed_at": item.mailed_at,
            })
        })
        .collect();
    Ok(Json(json!({ "notices": items })).into_response())
}
