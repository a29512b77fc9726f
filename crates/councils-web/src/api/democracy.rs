//! The API for council democracy: a council's delegates, a delegate's record, recalls
//! (start, sign, see), mandates (see, put to the vote) and elections.

use super::{ApiActor, ApiError};
use crate::WebState;
use crate::i18n::Tr;
use crate::pages::democracy::recall::recall_words;
use crate::pages::motion::text_in;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use councils_app::AppError;
use councils_app::democracy::election::ElectionDraft;
use councils_app::ports::{DelegateRecord, RecallRecord};
use councils_domain::{Language, RecallStep};
use serde::Deserialize;
use serde_json::{Value, json};

fn delegate_json(d: &DelegateRecord) -> Value {
    json!({
        "id": d.id,
        "handle": d.handle.as_str(),
        "constituent_id": d.constituent_id,
        "parent_id": d.parent_id,
        "election": d.election,
        "term_starts_at": d.term_starts_at,
        "term_ends_at": d.term_ends_at,
        "status": d.status.code(),
        "ended_at": d.ended_at,
    })
}

fn recall_json(r: &RecallRecord) -> Value {
    json!({
        "id": r.id,
        "delegate_id": r.delegate_id,
        "reason": r.reason,
        "started_at": r.started_at,
        "state": r.recall.state().code(),
        "signatures": r.recall.signers().len(),
        "vote_motion_id": r.vote_motion_id,
    })
}

fn step_json(step: RecallStep) -> Value {
    match step {
        RecallStep::StillCollecting { needed } => json!({ "step": "collecting", "needed": needed }),
        RecallStep::DelegateRemoved => json!({ "step": "delegate-removed" }),
        RecallStep::RecallVoteOpens => json!({ "step": "recall-vote-opened" }),
    }
}

/// `GET /api/v1/councils/{slug}/delegates`
pub async fn list(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.delegates(&actor, &slug).await?;
    Ok(Json(json!({
        "sent": v.sent.iter().map(delegate_json).collect::<Vec<_>>(),
        "received": v.received.iter().map(delegate_json).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/councils/{slug}/delegates/{id}`: the delegate, their mandates with how
/// they voted, votes against the mandate, and recalls.
pub async fn show(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.delegate_page(&actor, &slug, &id).await?;
    Ok(Json(json!({
        "delegate": delegate_json(&v.delegate),
        "mandates": v.mandates.iter().map(|m| json!({
            "motion_id": m.mandate.for_motion_id,
            "mandate": m.mandate.choice.encode(),
            "vote": m.vote,
            "contrary": m.contrary,
        })).collect::<Vec<_>>(),
        "contrary_votes": v.contrary.iter().map(|c| json!({
            "motion_id": c.motion_id, "at": c.at,
        })).collect::<Vec<_>>(),
        "recalls": v.recalls.iter().map(recall_json).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/councils/{slug}/delegates/{id}/recall`: the open recall, if any, and the
/// threshold.
pub async fn recall(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.recall_page(&actor, &slug, &id).await?;
    Ok(Json(json!({
        "open": v.open.as_ref().map(recall_json),
        "members": v.members,
        "required": v.required,
        "signed": v.signed,
    })))
}

#[derive(Deserialize)]
pub struct RecallBody {
    reason: String,
}

/// `POST /api/v1/councils/{slug}/delegates/{id}/recall`
pub async fn start_recall(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<RecallBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let step = state
        .app
        .start_recall(&actor, &slug, &id, &body.reason, &recall_words)
        .await?;
    Ok((StatusCode::CREATED, Json(step_json(step))))
}

/// `POST /api/v1/councils/{slug}/delegates/{id}/recall/signatures`
pub async fn sign_recall(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let step = state
        .app
        .sign_recall(&actor, &slug, &id, &recall_words)
        .await?;
    Ok(Json(step_json(step)))
}

/// `GET /api/v1/councils/{slug}/mandates`
pub async fn mandates(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.mandates(&actor, &slug).await?;
    Ok(Json(json!({
        "items": v.items.iter().map(|i| json!({
            "parent": i.parent.slug.as_str(),
            "motion_id": i.motion.id,
            "phase": i.motion.phase.code(),
            "referendum": i.referendum,
            "mandate": i.mandate.as_ref().map(|m| m.choice.encode()),
            "mandate_motions": i.mandate_motions,
        })).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct MandateBody {
    for_motion: String,
}

/// `POST /api/v1/councils/{slug}/mandates`: puts a mandate to the council's vote.
pub async fn propose_mandate(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<MandateBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let id = state
        .app
        .propose_mandate(&actor, &slug, &body.for_motion, |higher| {
            Language::ALL
                .iter()
                .map(|&language| {
                    let tr = Tr::new(language);
                    let title = text_in(&higher.texts, language).title();
                    (
                        language,
                        tr.ta("mandate-motion-title", "title", title),
                        tr.t(if higher.rules.method().is_ranked() {
                            "mandate-motion-body-ranked"
                        } else {
                            "mandate-motion-body"
                        }),
                    )
                })
                .collect()
        })
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

#[derive(Deserialize)]
pub struct TextBody {
    language: String,
    title: String,
    #[serde(default)]
    body: String,
}

#[derive(Deserialize)]
pub struct ElectionBody {
    parent: String,
    term_months: u32,
    candidates: Vec<String>,
    texts: Vec<TextBody>,
}

/// `POST /api/v1/councils/{slug}/elections`
pub async fn call_election(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<ElectionBody>,
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
    let draft = ElectionDraft {
        parent: body.parent,
        term_months: body.term_months,
        candidates: body.candidates,
        texts,
    };
    let id = state.app.call_election(&actor, &slug, &draft).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}
