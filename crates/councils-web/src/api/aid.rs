//! The API for mutual aid: a council's requests and offers, posting one, reading one with
//! the posts that meet it, and its steps; the same use cases and authorisation as the pages.
//! A request without a valid session is answered not found.

use super::events::member;
use super::{ApiActor, ApiError};
use crate::WebState;
use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use councils_app::AppError;
use councils_app::mutual_aid::{AidFilter, AidForm, AidSummary, AidView};
use councils_domain::mutual_aid::{AidKind, AidStep, AidText};
use serde::Deserialize;
use serde_json::{Value, json};

fn summary_json(p: &AidSummary) -> Value {
    json!({
        "id": p.record.id,
        "direction": p.record.direction.code(),
        "kind": p.record.kind.code(),
        "status": p.record.status.code(),
        "area": p.text.area,
        "details": p.text.details,
        "for_other": p.record.for_other,
        "posted_at": p.record.posted_at,
        "matches": p.matches,
        "from": p.from.as_ref().map(|c| c.slug.as_str()),
    })
}

fn view_json(v: &AidView) -> Value {
    let steps: Vec<&str> = [
        ("match", v.may_match),
        ("release", v.may_release),
        ("met", v.may_meet),
        ("withdraw", v.may_withdraw),
    ]
    .iter()
    .filter(|(_, may)| *may)
    .map(|(s, _)| *s)
    .collect();
    json!({
        "id": v.record.id,
        "council": v.council.slug.as_str(),
        "direction": v.record.direction.code(),
        "kind": v.record.kind.code(),
        "status": v.record.status.code(),
        "area": v.text.area,
        "details": v.text.details,
        "for_other": v.record.for_other,
        "for_whom": v.record.for_other.then_some(&v.text.for_whom),
        "posted_by": v.poster,
        "posted_at": v.record.posted_at,
        "matched_by": v.matcher,
        "shared_with": v.shared_with.iter().map(|c| c.slug.as_str()).collect::<Vec<_>>(),
        "matches": v.matches.iter().map(summary_json).collect::<Vec<_>>(),
        "steps": steps,
        "delete_after": v.delete_after,
    })
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    all: bool,
}

/// `GET /api/v1/councils/{slug}/aid?kind=rides&area=boyle+heights&all=false`
pub async fn list(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    let filter = AidFilter {
        kind: AidKind::from_code(&q.kind),
        area: q.area,
        all: q.all,
    };
    let v = state.app.aid_list(&actor, &slug, &filter).await?;
    Ok(Json(json!({
        "posts": v.posts.iter().map(summary_json).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct NewAid {
    direction: String,
    kind: String,
    area: String,
    details: String,
    #[serde(default)]
    for_whom: Option<String>,
    #[serde(default)]
    share: Vec<String>,
}

/// `POST /api/v1/councils/{slug}/aid`: with `for_whom` when posted for someone else.
pub async fn create(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(slug): Path<String>,
    Json(body): Json<NewAid>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let actor = member(actor)?;
    let form = AidForm {
        direction: body.direction,
        kind: body.kind,
        for_other: body.for_whom.is_some(),
        text: AidText {
            area: body.area,
            details: body.details,
            for_whom: body.for_whom.unwrap_or_default(),
        },
        share: body.share,
    };
    let id = state.app.post_aid(&actor, &slug, &form).await?;
    let v = state.app.aid_page(&actor, id.as_str()).await?;
    Ok((StatusCode::CREATED, Json(view_json(&v))))
}

/// `GET /api/v1/aid/{id}`
pub async fn show(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    let v = state.app.aid_page(&actor, &id).await?;
    Ok(Json(view_json(&v)))
}

#[derive(Deserialize)]
pub struct StepBody {
    step: String,
}

/// `POST /api/v1/aid/{id}/steps`: `{"step": "match" | "release" | "met" | "withdraw"}`.
pub async fn step(
    State(state): State<WebState>,
    actor: Result<ApiActor, ApiError>,
    Path(id): Path<String>,
    Json(body): Json<StepBody>,
) -> Result<Json<Value>, ApiError> {
    let actor = member(actor)?;
    let step = match body.step.as_str() {
        "match" => AidStep::Match,
        "release" => AidStep::Release,
        "met" => AidStep::Met,
        "withdraw" => AidStep::Withdraw,
        _ => return Err(ApiError(AppError::BadValue)),
    };
    state.app.aid_step(&actor, &id, step).await?;
    let v = state.app.aid_page(&actor, &id).await?;
    Ok(Json(view_json(&v)))
}
