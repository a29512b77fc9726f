//! The API for grievances: the same use cases and authorisation as the pages. Anyone who may
//! not read a grievance, a caller without a token included, gets 404.

use super::{ApiActor, ApiError};
use crate::WebState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use councils_app::grievance::{EscalationDraft, GrievanceDraft, GrievanceSummary, GrievanceView};
use councils_app::{Actor, AppError};
use councils_domain::grievance::Statement;
use councils_domain::grievance_pay::{PayClaim, PayLine};
use serde::Deserialize;
use serde_json::{Value, json};

type Signed = Result<ApiActor, ApiError>;

/// The caller (401 without a session, as everywhere in the API).
fn caller(signed: Signed) -> Result<Actor, ApiError> {
    signed.map(|ApiActor(actor)| actor)
}

fn summary_json(g: &GrievanceSummary) -> Value {
    json!({
        "id": g.id,
        "kind": g.kind.code(),
        "status": g.status.code(),
        "anonymous": g.anonymous,
        "collective": g.is_collective,
        "in_collective": g.in_collective,
        "filed_at": g.filed_at,
        "filed_by": g.filed_by,
        "assignee": g.assignee,
        "next_due": g.next_due,
    })
}

fn pay_json(p: &PayClaim) -> Value {
    json!({
        "currency": p.currency,
        "lines": p.lines.iter().map(|l| json!({
            "description": l.description,
            "hours_hundredths": l.hours_hundredths,
            "rate_cents": l.rate_cents,
            "paid_cents": l.paid_cents,
            "due_cents": l.due_cents(),
            "owed_cents": l.owed_cents(),
        })).collect::<Vec<_>>(),
        "due_cents": p.due_cents(),
        "paid_cents": p.paid_cents(),
        "owed_cents": p.owed_cents(),
    })
}

fn view_json(v: &GrievanceView) -> Value {
    let r = &v.record;
    json!({
        "id": r.id,
        "council": v.council.slug.as_str(),
        "kind": r.kind.code(),
        "status": r.status.code(),
        "anonymous": r.anonymous,
        "collective": r.is_collective,
        "filed_at": r.filed_at,
        "filed_by": v.filed_by,
        "assignee": v.assignee,
        "statement": {
            "what": v.statement.what,
            "when": v.statement.when,
            "affected": v.statement.affected,
            "wanted": v.statement.wanted,
        },
        "pay": v.pay.as_ref().map(pay_json),
        "part_of": v.collective.as_ref().map(|(id, status)| json!({"id": id, "status": status.code()})),
        "members": v.members.iter().map(summary_json).collect::<Vec<_>>(),
        "motion": v.motion.as_ref().map(|m| json!({
            "id": m.id,
            "title": m.title,
            "kind": m.kind.code(),
            "phase": m.phase.code(),
            "passed": m.passed,
        })),
        "deadlines": v.deadlines.iter().map(|d| json!({
            "id": d.id,
            "label": d.label,
            "due_at": d.due_at,
            "done": d.done,
            "overdue": d.overdue,
        })).collect::<Vec<_>>(),
        "timeline": v.timeline.iter().map(|e| json!({
            "kind": e.kind.code(),
            "author": e.author,
            "by_filer": e.by_filer,
            "body": e.body,
            "detail": e.detail,
            "at": e.at,
        })).collect::<Vec<_>>(),
    })
}

/// `GET /api/v1/councils/{slug}/grievances`
pub async fn list(
    State(state): State<WebState>,
    signed: Signed,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.grievances(&caller(signed)?, &slug).await?;
    Ok(Json(json!({
        "grievances": v.grievances.iter().map(summary_json).collect::<Vec<_>>(),
    })))
}

/// A pay line in the API: integers only (hundredths of an hour, cents).
#[derive(Deserialize)]
pub struct PayLineBody {
    #[serde(default)]
    description: String,
    hours_hundredths: i64,
    rate_cents: i64,
    #[serde(default)]
    paid_cents: i64,
}

#[derive(Deserialize)]
pub struct PayBody {
    currency: String,
    lines: Vec<PayLineBody>,
}

impl PayBody {
    fn claim(self) -> Result<PayClaim, AppError> {
        let lines = self
            .lines
            .into_iter()
            .map(|l| PayLine {
                description: l.description,
                hours_hundredths: l.hours_hundredths,
                rate_cents: l.rate_cents,
                paid_cents: l.paid_cents,
            })
            .collect();
        Ok(PayClaim::new(&self.currency, lines)?)
    }
}

#[derive(Deserialize)]
pub struct FileBody {
    kind: String,
    what: String,
    #[serde(default)]
    when: String,
    #[serde(default)]
    affected: String,
    wanted: String,
    #[serde(default)]
    anonymous: bool,
    #[serde(default)]
    pay: Option<PayBody>,
}

/// `POST /api/v1/councils/{slug}/grievances`: an anonymous grievance answers its private
/// link's token, once.
pub async fn file(
    State(state): State<WebState>,
    signed: Signed,
    Path(slug): Path<String>,
    Json(body): Json<FileBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let actor = caller(signed)?;
    let draft = GrievanceDraft {
        kind: body.kind,
        statement: Statement {
            what: body.what,
            when: body.when,
            affected: body.affected,
            wanted: body.wanted,
        },
        anonymous: body.anonymous,
        claim: body.pay.map(PayBody::claim).transpose()?,
        ..GrievanceDraft::default()
    };
    let filed = state.app.file_grievance(&actor, &slug, &draft).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "id": filed.id,
            "follow_token": filed.follow_token.as_ref().map(|t| t.expose().to_string()),
        })),
    ))
}

/// `GET /api/v1/councils/{slug}/grievances/{id}`
pub async fn show(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let v = state
        .app
        .grievance_page(&caller(signed)?, &slug, &id)
        .await?;
    Ok(Json(view_json(&v)))
}

#[derive(Deserialize)]
pub struct NoteBody {
    text: String,
    #[serde(default)]
    question: bool,
}

/// `POST /api/v1/councils/{slug}/grievances/{id}/notes`: organisers.
pub async fn note(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<NoteBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .note_grievance(&caller(signed)?, &slug, &id, &body.text, body.question)
        .await?;
    Ok(StatusCode::CREATED)
}

/// `POST /api/v1/councils/{slug}/grievances/{id}/answers`: its named filer.
pub async fn answer(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<NoteBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .answer_grievance(&caller(signed)?, &slug, &id, &body.text)
        .await?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize)]
pub struct StatusBody {
    status: String,
}

/// `PUT /api/v1/councils/{slug}/grievances/{id}/status`
pub async fn status(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<StatusBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .set_grievance_status(&caller(signed)?, &slug, &id, &body.status)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct AssigneeBody {
    #[serde(default)]
    handle: Option<String>,
}

/// `PUT /api/v1/councils/{slug}/grievances/{id}/assignee`: `{"handle": null}` unassigns.
pub async fn assignee(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<AssigneeBody>,
) -> Result<StatusCode, ApiError> {
    let handle = body.handle.unwrap_or_default();
    state
        .app
        .assign_grievance(&caller(signed)?, &slug, &id, &handle)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct DeadlineBody {
    label: String,
    /// `YYYY-MM-DD`, due at the end of that day (UTC).
    date: String,
}

/// `POST /api/v1/councils/{slug}/grievances/{id}/deadlines`
pub async fn deadline(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<DeadlineBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let deadline = state
        .app
        .add_grievance_deadline(&caller(signed)?, &slug, &id, &body.label, &body.date)
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": deadline }))))
}

/// `POST /api/v1/councils/{slug}/grievances/{id}/deadlines/{deadline}/done`
pub async fn deadline_done(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id, deadline)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .finish_grievance_deadline(&caller(signed)?, &slug, &id, &deadline)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `PUT /api/v1/councils/{slug}/grievances/{id}/pay`
pub async fn pay(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<PayBody>,
) -> Result<StatusCode, ApiError> {
    let actor = caller(signed)?;
    // Who may write it is checked before what was written is read.
    state.app.grievance_page(&actor, &slug, &id).await?;
    let claim = body.claim()?;
    state
        .app
        .set_grievance_pay(&actor, &slug, &id, claim)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct EscalationBody {
    /// `ordinary` (a demand) or `strike-vote`.
    kind: String,
    title: String,
    body: String,
    #[serde(default)]
    majority: String,
}

/// `POST /api/v1/councils/{slug}/grievances/{id}/escalation`: the motion, in discussion.
pub async fn escalate(
    State(state): State<WebState>,
    signed: Signed,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<EscalationBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let draft = EscalationDraft {
        kind: body.kind,
        title: body.title,
        body: body.body,
        majority: body.majority,
    };
    let motion = state
        .app
        .escalate_grievance(&caller(signed)?, &slug, &id, &draft)
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "motion_id": motion }))))
}

#[derive(Deserialize)]
pub struct CollectiveBody {
    grievances: Vec<String>,
    kind: String,
    what: String,
    wanted: String,
}

/// `POST /api/v1/councils/{slug}/grievances/collective`
pub async fn collective(
    State(state): State<WebState>,
    signed: Signed,
    Path(slug): Path<String>,
    Json(body): Json<CollectiveBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let statement = Statement {
        what: body.what,
        wanted: body.wanted,
        ..Statement::default()
    };
    let id = state
        .app
        .join_grievances(
            &caller(signed)?,
            &slug,
            &body.grievances,
            &body.kind,
            statement,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `GET /api/v1/grievances/follow/{token}`: the anonymous filer's grievance; no session.
pub async fn follow(
    State(state): State<WebState>,
    Path(token): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.follow_grievance(&token).await?;
    Ok(Json(view_json(&v)))
}

#[derive(Deserialize)]
pub struct AnswerBody {
    text: String,
}

/// `POST /api/v1/grievances/follow/{token}/answers`
pub async fn follow_answer(
    State(state): State<WebState>,
    Path(token): Path<String>,
    Json(body): Json<AnswerBody>,
) -> Result<StatusCode, ApiError> {
    state.app.answer_by_link(&token, &body.text).await?;
    Ok(StatusCode::CREATED)
}
