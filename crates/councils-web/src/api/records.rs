//! The API for emergency plans, incident records (with photo uploads and exports) and
//! know-your-rights contacts: the same use cases and authorisation as the pages.

use super::{ApiActor, ApiError};
use crate::WebState;
use crate::pages::records::TrWords;
use crate::pages::records::incident::{
    ExportFields, export_response, photo_response, read_uploads,
};
use axum::Json;
use axum::extract::multipart::Multipart;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::ports::RightsContacts;
use councils_app::records::plan::{PlanForm, Sent};
use councils_domain::incident::Account;
use serde::Deserialize;
use serde_json::{Value, json};

fn sent_json(s: &Sent) -> Value {
    json!({
        "test": s.test,
        "contacts": s.contacts,
        "delivered": s.delivered,
        "no_mail_server": s.no_mail_server,
        "legal_told": s.legal_told,
        "sent_at": s.at,
    })
}

/// `GET /api/v1/plan`: the signed-in member's own plan, and when it was sent.
pub async fn my_plan(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Value>, ApiError> {
    let mine = state.app.my_plan(&actor).await?;
    Ok(Json(json!({
        "plan": mine.plan.as_ref().map(|(id, body)| json!({
            "id": id,
            "message": body.message,
            "contacts": body.contacts,
            "council": mine.council.as_ref().map(|c| c.slug.as_str()),
        })),
        "sendings": mine.sendings.iter().map(|s| json!({
            "sent_at": s.sent_at,
            "test": s.test,
            "by_me": s.sent_by.as_ref() == Some(&actor.member_id),
        })).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct PlanBody {
    message: String,
    contacts: Vec<String>,
    #[serde(default)]
    council: Option<String>,
}

/// `PUT /api/v1/plan`
pub async fn save_plan(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Json(body): Json<PlanBody>,
) -> Result<Json<Value>, ApiError> {
    let form = PlanForm {
        message: body.message,
        contacts: body.contacts.join("\n"),
        council: body.council.unwrap_or_default(),
    };
    let id = state.app.save_plan(&actor, &form).await?;
    Ok(Json(json!({ "id": id })))
}

/// `DELETE /api/v1/plan`
pub async fn delete_plan(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
) -> Result<StatusCode, ApiError> {
    state.app.delete_plan(&actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct SendBody {
    #[serde(default)]
    test: bool,
}

/// `POST /api/v1/plan/sendings`: "I am being detained" (or `{"test": true}`).
pub async fn send_plan(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Json(body): Json<SendBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let sent = state.app.send_my_plan(&actor, body.test, &TrWords).await?;
    Ok((StatusCode::CREATED, Json(sent_json(&sent))))
}

/// `GET /api/v1/councils/{slug}/plans`: for organisers and legal members.
pub async fn committee_plans(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.committee_plans(&actor, &slug).await?;
    Ok(Json(json!({
        "plans": v.plans.iter().map(|p| json!({
            "id": p.id, "handle": p.handle, "last_sent_at": p.last_sent_at,
        })).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/councils/{slug}/plans/{id}/sendings`: sends a member's plan for them.
pub async fn send_plan_for(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let sent = state
        .app
        .send_plan_for(&actor, &slug, &id, &TrWords)
        .await?;
    Ok((StatusCode::CREATED, Json(sent_json(&sent))))
}

/// `GET /api/v1/councils/{slug}/incidents`
pub async fn incidents(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.incidents(&actor, &slug).await?;
    Ok(Json(json!({
        "incidents": v.records.iter().map(|r| json!({
            "id": r.id, "filed_at": r.filed_at, "filed_by": r.filed_by,
            "when": r.when, "place": r.place, "photos": r.files,
        })).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/councils/{slug}/incidents`
pub async fn file_incident(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(account): Json<Account>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let id = state.app.file_incident(&actor, &slug, account).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `GET /api/v1/councils/{slug}/incidents/{id}`
pub async fn incident(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.incident(&actor, &slug, &id).await?;
    Ok(Json(json!({
        "id": v.id,
        "filed_at": v.filed_at,
        "filed_by": v.filed_by,
        "account": v.account,
        "photos": v.files.iter().map(|f| json!({
            "id": f.id, "media_type": f.format.media_type(), "size": f.size,
            "sha256": f.sha256, "uploaded_at": f.uploaded_at, "uploaded_by": f.uploaded_by,
        })).collect::<Vec<_>>(),
    })))
}

/// `DELETE /api/v1/councils/{slug}/incidents/{id}`
pub async fn delete_incident(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state.app.delete_incident(&actor, &slug, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/councils/{slug}/incidents/{id}/photos`: multipart, one or more `photos`.
pub async fn upload(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
    multipart: Multipart,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    state.app.incident(&actor, &slug, &id).await?;
    let files = read_uploads(multipart).await?;
    let added = state.app.add_evidence(&actor, &slug, &id, &files).await?;
    Ok((StatusCode::CREATED, Json(json!({ "added": added }))))
}

/// `GET /api/v1/councils/{slug}/incidents/{id}/photos/{photo}`: the stripped photo.
pub async fn photo(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id, photo)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    let (format, bytes) = state.app.evidence_file(&actor, &slug, &id, &photo).await?;
    Ok(photo_response(
        format.media_type(),
        &format!("photo-{photo}.{}", format.extension()),
        bytes,
    ))
}

/// `DELETE /api/v1/councils/{slug}/incidents/{id}/photos/{photo}`
pub async fn delete_photo(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id, photo)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .delete_evidence(&actor, &slug, &id, &photo)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/councils/{slug}/incidents/{id}/export`: `{"recipient": "age1..."}` or
/// `{"passphrase": "..."}`; answers the age-encrypted tar.
pub async fn export(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(fields): Json<ExportFields>,
) -> Result<Response, ApiError> {
    let key = fields.key()?;
    let export = state
        .app
        .export_incident(&actor, &slug, &id, &key, &TrWords)
        .await?;
    Ok(export_response(&export.file_name, export.bytes))
}

/// `GET /api/v1/councils/{slug}/rights`: the committee's hotline and legal contacts.
pub async fn rights(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.rights(&actor, &slug).await?;
    Ok(Json(
        json!({ "hotline": v.contacts.hotline, "legal": v.contacts.legal }),
    ))
}

#[derive(Deserialize)]
pub struct RightsBody {
    #[serde(default)]
    hotline: String,
    #[serde(default)]
    legal: String,
}

/// `PUT /api/v1/councils/{slug}/rights`: an organiser sets them.
pub async fn set_rights(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<RightsBody>,
) -> Result<StatusCode, ApiError> {
    let contacts = RightsContacts {
        hotline: body.hotline,
        legal: body.legal,
    };
    state
        .app
        .set_rights_contacts(&actor, &slug, &contacts)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
