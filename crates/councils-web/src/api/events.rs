//! The API for protests and events: a council's events, calling one, reading one, RSVPs,
//! role sign-ups, live updates and calling it off; the same use cases and authorisation as
//! the pages. A request without a valid session is answered not found, as for anyone who may
//! not read the event.

use super::{ApiActor, ApiError};
use crate::WebState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use councils_app::event::{EventForm, EventView};
use councils_app::{Actor, AppError};
use councils_domain::event::{EventRole, EventText};
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The member behind the request (401 without a session, as everywhere in the API).
pub(crate) fn member(actor: Result<ApiActor, ApiError>) -> Result<Actor, ApiError> {
    actor.map(|ApiActor(a)| a)
}

fn event_json(v: &EventView) -> Value {
    json!({
        "id": v.event.id,
        "council": v.council.slug.as_str(),
        "kind": v.event.kind.code(),
        "title": v.text.title,
        "place": v.text.place,
        "languages": v.text.languages,
        "accessibility": v.text.accessibility,
        "details": v.text.details,
        "starts_at": v.event.starts_at,
        "ends_at": v.event.ends_at,
        "utc_offset_minutes": v.event.utc_offset,
        "cancelled": v.event.cancelled_at.is_some(),
        "roles": v.needs.iter().map(|n| json!({
            "role": n.role.code(), "needed": n.needed, "signed": n.signed, "gap": n.gap(),
        })).collect::<Vec<_>>(),
        "coming": v.coming_count,
        "my_rsvp": v.my_rsvp,
        "my_role": v.my_role.map(|r| r.code()),
        "shared_with": v.shared_with.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(),
        "updates": v.updates.iter().map(|u| json!({
            "text": u.text, "by": u.by, "at": u.at,
        })).collect::<Vec<_>>(),
        "may_manage": v.may_manage,
        "delete_after": v.delete_after,
    })
}

/// `GET /api/v1/councils/{slug}/events`
pub async fn list(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    let v = state.app.events(&actor, &slug).await?;
    Ok(Json(json!({
        "may_call": v.may_call,
        "events": v.events.iter().map(|e| json!({
            "id": e.id,
            "kind": e.kind.code(),
            "title": e.title,
            "place": e.place,
            "starts_at": e.starts_at,
            "ends_at": e.ends_at,
            "utc_offset_minutes": e.utc_offset,
            "cancelled": e.cancelled,
            "from": e.from.as_ref().map(|c| c.slug.as_str()),
        })).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct NewEvent {
    kind: String,
    title: String,
    place: String,
    #[serde(default)]
    languages: String,
    #[serde(default)]
    accessibility: String,
    #[serde(default)]
    details: String,
    /// Local time `2026-12-05T10:00` at `utc_offset`.
    starts: String,
    ends: String,
    /// `-08:00`
    utc_offset: String,
    #[serde(default)]
    roles: BTreeMap<String, u32>,
    #[serde(default)]
    share: Vec<String>,
}

/// `POST /api/v1/councils/{slug}/events`
pub async fn create(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(slug): Path<String>,
    Json(body): Json<NewEvent>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let actor = member(actor)?;
    let mut needs = Vec::new();
    for (code, n) in &body.roles {
        needs.push((EventRole::from_code(code).ok_or(AppError::BadValue)?, *n));
    }
    let form = EventForm {
        kind: body.kind,
        text: EventText {
            title: body.title,
            place: body.place,
            languages: body.languages,
            accessibility: body.accessibility,
            details: body.details,
        },
        starts: body.starts,
        ends: body.ends,
        offset: body.utc_offset,
        needs,
        share: body.share,
    };
    let id = state.app.call_event(&actor, &slug, &form).await?;
    let v = state.app.event_page(&actor, id.as_str()).await?;
    Ok((StatusCode::CREATED, Json(event_json(&v))))
}

async fn shown(state: &WebState, actor: &Actor, id: &str) -> Result<Json<Value>, ApiError> {
    let v = state.app.event_page(actor, id).await?;
    Ok(Json(event_json(&v)))
}

/// `GET /api/v1/events/{id}`
pub async fn show(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    shown(&state, &actor, &id).await
}

/// `PUT /api/v1/events/{id}/rsvp`
pub async fn rsvp(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    state.app.rsvp(&actor, &id, true).await?;
    shown(&state, &actor, &id).await
}

/// `DELETE /api/v1/events/{id}/rsvp`: no longer coming (and off any role).
pub async fn unrsvp(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    state.app.rsvp(&actor, &id, false).await?;
    shown(&state, &actor, &id).await
}

#[derive(Deserialize)]
pub struct RoleBody {
    role: String,
}

/// `PUT /api/v1/events/{id}/role`: `{"role": "medic"}`.
pub async fn sign_up(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
    Json(body): Json<RoleBody>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    state.app.sign_up_for_role(&actor, &id, &body.role).await?;
    shown(&state, &actor, &id).await
}

/// `DELETE /api/v1/events/{id}/role`
pub async fn leave_role(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    state.app.leave_role(&actor, &id).await?;
    shown(&state, &actor, &id).await
}

#[derive(Deserialize)]
pub struct UpdateBody {
    text: String,
}

/// `POST /api/v1/events/{id}/updates`
pub async fn update(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
    Json(body): Json<UpdateBody>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    state.app.post_event_update(&actor, &id, &body.text).await?;
    shown(&state, &actor, &id).await
}

/// `POST /api/v1/events/{id}/cancel`
pub async fn cancel(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    state.app.cancel_event(&actor, &id).await?;
    shown(&state, &actor, &id).await
}
