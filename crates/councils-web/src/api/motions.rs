//! API: a council's motions, their discussion, ballots and results.

use crate::WebState;
use crate::api::{ApiActor, ApiError};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use councils_app::AppError;
use councils_app::motion::MotionDraft;
use councils_app::ports::{MotionDefaults, MotionRecord};
use councils_domain::Language;
use councils_domain::motion::Choice;
use serde::Deserialize;
use serde_json::{Value, json};

fn motion_json(motion: &MotionRecord) -> Value {
    json!({
        "id": motion.id,
        "kind": motion.kind.code(),
        "method": motion.rules.method(),
        "secret": motion.rules.secrecy().code() == "secret",
        "phase": motion.phase.code(),
        "options": motion.options,
        "texts": motion.texts.iter().map(|t| json!({
            "language": t.language().code(),
            "title": t.title(),
            "body": t.body(),
        })).collect::<Vec<_>>(),
        "created_at": motion.created_at,
        "voting_opened_at": motion.voting_opened_at,
        "closes_at": motion.closes_at,
        "entitled": motion.entitled,
        "decided_at": motion.decided_at,
        "outcome": motion.outcome,
    })
}

/// `GET /api/v1/councils/{slug}/motions`
pub async fn list(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (_, _, motions) = state.app.agenda(&actor, &slug).await?;
    Ok(Json(json!(
        motions.iter().map(motion_json).collect::<Vec<_>>()
    )))
}

#[derive(Deserialize)]
pub struct TextBody {
    language: String,
    title: String,
    #[serde(default)]
    body: String,
}

#[derive(Deserialize)]
pub struct MotionBody {
    #[serde(default = "ordinary")]
    kind: String,
    #[serde(default = "yes_no")]
    method: String,
    score_max: Option<u32>,
    seats: Option<u32>,
    #[serde(default)]
    secret: bool,
    #[serde(default)]
    majority: String,
    #[serde(default)]
    quorum_percent: u32,
    #[serde(default)]
    options: Vec<String>,
    texts: Vec<TextBody>,
    #[serde(default)]
    draft: bool,
}

fn ordinary() -> String {
    "ordinary".into()
}

fn yes_no() -> String {
    "yes-no".into()
}

/// `POST /api/v1/councils/{slug}/motions`
pub async fn create(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<MotionBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let texts = body
        .texts
        .into_iter()
        .map(|t| {
            Language::from_code(&t.language)
                .map(|language| (language, t.title, t.body))
                .ok_or(AppError::BadValue)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let draft = MotionDraft {
        kind: body.kind,
        method: body.method,
        score_max: body.score_max,
        seats: body.seats,
        secret: body.secret,
        majority: body.majority,
        quorum_percent: body.quorum_percent,
        options: body.options,
        texts,
        as_draft: body.draft,
    };
    let id = state.app.propose_motion(&actor, &slug, &draft).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `GET /api/v1/councils/{slug}/motions/{id}`: the motion, its discussion, the roll's size,
/// the caller's own ballot, and the outcome once decided.
pub async fn show(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.motion_page(&actor, &slug, &id).await?;
    Ok(Json(json!({
        "motion": motion_json(&v.motion),
        "roll": v.roll,
        "voted": v.voted,
        "my_choice": v.my_choice.as_ref().map(Choice::encode),
        "comments": v.comments.iter().map(|c| json!({
            "id": c.id, "author": c.author_handle, "body": c.body, "created_at": c.created_at,
        })).collect::<Vec<_>>(),
        "amendments": v.amendments.iter().map(|a| json!({
            "id": a.id, "author": a.author_handle, "language": a.language.code(),
            "body": a.body, "status": a.status.code(), "created_at": a.created_at, "vote": a.vote,
        })).collect::<Vec<_>>(),
        "open_votes": v.open_votes.iter().map(|o| json!({
            "handle": o.handle, "choice": o.choice,
        })).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct VotingBody {
    hours: Option<u32>,
}

/// `POST /api/v1/councils/{slug}/motions/{id}/voting`
pub async fn open_voting(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<VotingBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .open_voting(&actor, &slug, &id, body.hours)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/councils/{slug}/motions/{id}/close`: counts it; answers the outcome.
pub async fn close(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let outcome = state.app.close_voting(&actor, &slug, &id).await?;
    Ok(Json(json!(outcome)))
}

#[derive(Deserialize)]
pub struct BallotBody {
    /// The choice in its compact form: `yes`, `block`, `a:0,2`, `s:3,0,5`, `r:2,0=1`.
    choice: String,
}

/// `PUT /api/v1/councils/{slug}/motions/{id}/ballot`: casts or replaces the caller's ballot;
/// answers once it is durable.
pub async fn cast(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<BallotBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .cast_ballot(&actor, &slug, &id, |motion| {
            Ok(Choice::decode(&motion.rules.method(), body.choice.trim())?)
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct CommentBody {
    body: String,
}

/// `POST /api/v1/councils/{slug}/motions/{id}/comments`
pub async fn comment(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<CommentBody>,
) -> Result<StatusCode, ApiError> {
    state.app.comment(&actor, &slug, &id, &body.body).await?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize)]
pub struct AmendmentBody {
    language: String,
    body: String,
}

/// `POST /api/v1/councils/{slug}/motions/{id}/amendments`
pub async fn amend(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<AmendmentBody>,
) -> Result<StatusCode, ApiError> {
    let language = Language::from_code(&body.language).ok_or(AppError::BadValue)?;
    state
        .app
        .propose_amendment(&actor, &slug, &id, language, &body.body)
        .await?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize)]
pub struct DecisionBody {
    accept: bool,
}

/// `POST /api/v1/councils/{slug}/motions/{id}/amendments/{amendment}`: the mover accepts or
/// rejects it.
pub async fn decide_amendment(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id, amendment)): Path<(String, String, String)>,
    Json(body): Json<DecisionBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .decide_amendment(&actor, &slug, &id, &amendment, body.accept)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct AmendmentVoteBody {
    /// Close the vote by itself after this many hours; none to close it by hand.
    #[serde(default)]
    hours: Option<u32>,
}

/// `POST /api/v1/councils/{slug}/motions/{id}/amendments/{amendment}/vote`: the amendment goes
/// to the council's vote; answers the vote's id.
pub async fn amendment_vote(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id, amendment)): Path<(String, String, String)>,
    Json(body): Json<AmendmentVoteBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let vote = state
        .app
        .put_amendment_to_vote(&actor, &slug, &id, &amendment, body.hours)
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": vote }))))
}

fn defaults_json(defaults: &MotionDefaults) -> Value {
    json!({
        "method": defaults.method,
        "majority": defaults.majority,
        "quorum_percent": defaults.quorum_percent,
        "secret": defaults.secret,
    })
}

/// `GET /api/v1/councils/{slug}/motion-defaults`
pub async fn defaults(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let (_, defaults) = state.app.motion_defaults(&actor, &slug).await?;
    Ok(Json(defaults_json(&defaults)))
}

#[derive(Deserialize)]
pub struct DefaultsBody {
    method: String,
    majority: String,
    #[serde(default)]
    quorum_percent: u32,
    #[serde(default)]
    secret: bool,
}

/// `PUT /api/v1/councils/{slug}/motion-defaults`: an organiser sets them.
pub async fn set_defaults(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<DefaultsBody>,
) -> Result<Json<Value>, ApiError> {
    let defaults = MotionDefaults {
        method: body.method,
        majority: body.majority,
        quorum_percent: body.quorum_percent,
        secret: body.secret,
    };
    state
        .app
        .set_motion_defaults(&actor, &slug, &defaults)
        .await?;
    Ok(Json(defaults_json(&defaults)))
}
