//! The API for rapid response: filing a report, a committee's reports, one report with its
//! verification, alert, responses and timeline (404 to anyone who may not read it), the
//! verifier's steps, "on my way", updates, the all-clear, and the live stream.

use super::{ApiActor, ApiError};
use crate::WebState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use councils_app::AppError;
use councils_app::rapid_response::{QueueItem, ReportView};
use councils_domain::report::{Decision, FactsDraft, ReportFacts, ResponseRole};
use serde::Deserialize;
use serde_json::{Value, json};

fn facts_json(f: &ReportFacts) -> Value {
    json!({
        "what": f.what,
        "place": f.place,
        "officers": f.officers,
        "vehicles": f.vehicles,
        "agency": f.agency.code(),
        "seen_at": f.seen_at,
        "source": f.source.code(),
        "via_hotline": f.via_hotline,
    })
}

fn item_json(item: &QueueItem) -> Value {
    json!({
        "id": item.report.id,
        "council": item.council_slug,
        "state": item.report.state.code(),
        "filed_at": item.report.filed_at,
        "facts": facts_json(&item.facts),
    })
}

fn view_json(v: &ReportView) -> Value {
    let r = &v.report;
    json!({
        "report": {
            "id": r.id,
            "council": v.council.slug.as_str(),
            "filed_at": r.filed_at,
            "facts": facts_json(&v.facts),
        },
        "verification": {
            "state": r.state.code(),
            "verifier": v.timeline.iter()
                .find(|e| matches!(e.kind, councils_domain::report::UpdateKind::Taken
                    | councils_domain::report::UpdateKind::Confirmed
                    | councils_domain::report::UpdateKind::FalseAlarm
                    | councils_domain::report::UpdateKind::MoreInfoAsked))
                .and_then(|e| e.author.as_ref().map(|h| h.to_string())),
            "decided_at": r.decided_at,
        },
        "alert": if r.state.is_alert() {
            json!({
                "open": r.closed_at.is_none(),
                "closed_at": r.closed_at,
                "outcome": v.outcome,
            })
        } else {
            Value::Null
        },
        "responses": v.responses.iter().map(|x| json!({
            "handle": x.handle.as_str(),
            "role": x.role.code(),
            "at": x.at,
        })).collect::<Vec<_>>(),
        "timeline": v.timeline.iter().map(|e| json!({
            "kind": e.kind.code(),
            "author": e.author.as_ref().map(|h| h.to_string()),
            "at": e.at,
            "text": e.body,
            "role": e.role.map(|r| r.code()),
        })).collect::<Vec<_>>(),
    })
}

/// A report as a client sends it.
#[derive(Deserialize)]
pub struct ReportBody {
    what: String,
    place: String,
    #[serde(default)]
    officers: Option<u32>,
    #[serde(default)]
    vehicles: Option<u32>,
    #[serde(default)]
    agency: String,
    #[serde(default)]
    minutes_ago: Option<u32>,
    source: String,
    #[serde(default)]
    via_hotline: bool,
}

/// `POST /api/v1/councils/{slug}/reports`: answers `{"id": ...}`.
pub async fn file(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<ReportBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let draft = FactsDraft {
        what: body.what,
        officers: body.officers,
        vehicles: body.vehicles,
        agency: body.agency,
        place: body.place,
        minutes_ago: body.minutes_ago,
        source: body.source,
        via_hotline: body.via_hotline,
    };
    let id = state.app.file_report(&actor, &slug, &draft).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `GET /api/v1/councils/{slug}/reports`: the committee's reports the reader may see.
pub async fn list(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.report_queue(&actor, &slug).await?;
    Ok(Json(json!({
        "reports": v.items.iter().map(item_json).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/reports/{id}`
pub async fn show(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.report_page(&actor, &id).await?;
    Ok(Json(view_json(&v)))
}

async fn answer(
    state: &WebState,
    actor: &councils_app::Actor,
    id: &str,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.report_page(actor, id).await?;
    Ok(Json(view_json(&v)))
}

/// `POST /api/v1/reports/{id}/take`: "I'm going".
pub async fn take(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    state.app.take_report(&actor, &id).await?;
    answer(&state, &actor, &id).await
}

#[derive(Deserialize)]
pub struct VerificationBody {
    outcome: String,
    #[serde(default)]
    note: String,
}

/// `POST /api/v1/reports/{id}/verification`: `confirmed`, `false_alarm` or `more_info`.
pub async fn verify(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<VerificationBody>,
) -> Result<Json<Value>, ApiError> {
    let decision = Decision::from_code(&body.outcome).ok_or(AppError::BadValue)?;
    state
        .app
        .verify_report(&actor, &id, decision, &body.note)
        .await?;
    answer(&state, &actor, &id).await
}

#[derive(Deserialize)]
pub struct TextBody {
    text: String,
}

/// `POST /api/v1/reports/{id}/info`: the reporter adds to their report.
pub async fn add_info(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<TextBody>,
) -> Result<Json<Value>, ApiError> {
    state.app.add_report_info(&actor, &id, &body.text).await?;
    answer(&state, &actor, &id).await
}

#[derive(Deserialize)]
pub struct RoleBody {
    role: String,
}

/// `POST /api/v1/reports/{id}/responses`: on my way, in a role.
pub async fn respond(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<RoleBody>,
) -> Result<Json<Value>, ApiError> {
    let role = ResponseRole::from_code(&body.role).ok_or(AppError::BadValue)?;
    state.app.respond_to_alert(&actor, &id, role).await?;
    answer(&state, &actor, &id).await
}

/// `POST /api/v1/reports/{id}/updates`
pub async fn update(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<TextBody>,
) -> Result<Json<Value>, ApiError> {
    state.app.update_alert(&actor, &id, &body.text).await?;
    answer(&state, &actor, &id).await
}

#[derive(Deserialize)]
pub struct CloseBody {
    outcome: String,
}

/// `POST /api/v1/reports/{id}/close`: the all-clear with its outcome.
pub async fn close(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(id): Path<String>,
    Json(body): Json<CloseBody>,
) -> Result<Json<Value>, ApiError> {
    state.app.close_alert(&actor, &id, &body.outcome).await?;
    answer(&state, &actor, &id).await
}
