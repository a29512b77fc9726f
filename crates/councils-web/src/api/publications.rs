//! The API for publications: lists, reading (signed out too, for public ones), writing and
//! publishing, comments and their moderation, and the leaflet PDF; the same use cases and
//! authorisation as the pages.

use super::{ApiError, bearer};
use crate::WebState;
use crate::i18n::Tr;
use crate::pages::publication::PUBLIC_LIST_MAX;
use crate::pages::publication::leaflet::{LeafletQuery, leaflet_pdf};
use crate::viewer::request_language;
use axum::Json;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::Response;
use councils_app::publication::{PublicationForm, PublicationSummary, PublicationView};
use councils_app::{Actor, AppError};
use councils_domain::Language;
use councils_domain::publication::{Moderation, PublicationText};
use serde::Deserialize;
use serde_json::{Value, json};

/// The member behind a bearer token, if one was sent (public publications need none). A
/// token that is sent but no longer valid is refused, not ignored.
pub struct MaybeApiActor(pub Option<Actor>, pub Language);

impl FromRequestParts<WebState> for MaybeApiActor {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, ApiError> {
        let actor = match bearer(parts) {
            Some(token) => Some(state.app.authenticate(&token).await?),
            None => None,
        };
        let language = request_language(&parts.headers, actor.as_ref().map(|a| a.language));
        Ok(MaybeApiActor(actor, language))
    }
}

fn signed_in(actor: &Option<Actor>) -> Result<&Actor, ApiError> {
    actor.as_ref().ok_or(ApiError(AppError::NotSignedIn))
}

fn summary_json(s: &PublicationSummary) -> Value {
    json!({
        "id": s.id,
        "council": s.council.slug.as_str(),
        "title": s.title,
        "languages": s.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
        "status": s.status.code(),
        "public": s.public,
        "created_at": s.created_at,
        "published_at": s.published_at,
        "path": format!("/c/{}/publications/{}", s.council.slug, s.id),
    })
}

fn view_json(v: &PublicationView) -> Value {
    json!({
        "id": v.id,
        "council": v.council.slug.as_str(),
        "status": v.status.code(),
        "public": v.public,
        "created_by": v.created_by,
        "created_at": v.created_at,
        "published_at": v.published_at,
        "texts": v.texts.iter().map(|t| json!({
            "language": t.language.code(),
            "title": t.title,
            "body": t.body,
        })).collect::<Vec<_>>(),
        "comments": v.comments.iter().map(|c| json!({
            "id": c.id,
            "parent": c.parent,
            "depth": c.depth,
            "author": c.author,
            "body": c.body,
            "status": c.status.code(),
            "created_at": c.created_at,
        })).collect::<Vec<_>>(),
        "may_comment": v.may_comment,
        "may_edit": v.may_edit,
    })
}

/// `GET /api/v1/publications`: every public publication of the instance.
pub async fn public(
    State(state): State<WebState>,
    MaybeApiActor(_, language): MaybeApiActor,
) -> Result<Json<Value>, ApiError> {
    let all = state
        .app
        .public_publications(language, PUBLIC_LIST_MAX)
        .await?;
    Ok(Json(
        json!({ "publications": all.iter().map(summary_json).collect::<Vec<_>>() }),
    ))
}

/// `GET /api/v1/councils/{slug}/publications`
pub async fn list(
    State(state): State<WebState>,
    MaybeApiActor(actor, language): MaybeApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let list = state
        .app
        .publications(actor.as_ref(), &slug, language)
        .await?;
    Ok(Json(json!({
        "may_write": list.may_write,
        "publications": list.publications.iter().map(summary_json).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct TextBody {
    language: String,
    title: String,
    body: String,
}

#[derive(Deserialize)]
pub struct NewBody {
    texts: Vec<TextBody>,
    #[serde(default)]
    public: bool,
}

fn texts_of(bodies: Vec<TextBody>) -> Result<Vec<PublicationText>, AppError> {
    bodies
        .into_iter()
        .map(|t| {
            Ok(PublicationText {
                language: Language::from_code(&t.language).ok_or(AppError::BadValue)?,
                title: t.title,
                body: t.body,
            })
        })
        .collect()
}

#[derive(Deserialize)]
pub struct RevisedBody {
    texts: Vec<TextBody>,
}

/// `PUT /api/v1/councils/{slug}/publications/{id}`: an organiser replaces its texts.
pub async fn revise(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<RevisedBody>,
) -> Result<StatusCode, ApiError> {
    let actor = signed_in(&actor)?;
    state
        .app
        .revise_publication(actor, &slug, &id, texts_of(body.texts)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/councils/{slug}/publications/{id}`: an organiser deletes it with its
/// comments (a published one is withdrawn, in the minutes).
pub async fn delete(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let actor = signed_in(&actor)?;
    state.app.delete_publication(actor, &slug, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/councils/{slug}/publications`: an organiser saves a draft.
pub async fn create(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path(slug): Path<String>,
    Json(body): Json<NewBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let actor = signed_in(&actor)?;
    let texts = texts_of(body.texts)?;
    let id = state
        .app
        .draft_publication(
            actor,
            &slug,
            PublicationForm {
                texts,
                public: body.public,
            },
        )
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))))
}

/// `GET /api/v1/councils/{slug}/publications/{id}`
pub async fn show(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let v = state.app.publication(actor.as_ref(), &slug, &id).await?;
    Ok(Json(view_json(&v)))
}

/// `POST /api/v1/councils/{slug}/publications/{id}/publish`
pub async fn publish(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path((slug, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .publish_publication(signed_in(&actor)?, &slug, &id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct PublicBody {
    public: bool,
}

/// `PUT /api/v1/councils/{slug}/publications/{id}/public`
pub async fn set_public(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<PublicBody>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .set_publication_public(signed_in(&actor)?, &slug, &id, body.public)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct CommentBody {
    body: String,
    #[serde(default)]
    parent: Option<String>,
}

/// `POST /api/v1/councils/{slug}/publications/{id}/comments`
pub async fn comment(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path((slug, id)): Path<(String, String)>,
    Json(body): Json<CommentBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let comment = state
        .app
        .comment_on_publication(
            signed_in(&actor)?,
            &slug,
            &id,
            body.parent.as_deref(),
            &body.body,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": comment }))))
}

#[derive(Deserialize)]
pub struct ModerationBody {
    action: String,
}

/// `POST /api/v1/councils/{slug}/publications/{id}/comments/{comment}/moderation`
pub async fn moderate(
    State(state): State<WebState>,
    MaybeApiActor(actor, _): MaybeApiActor,
    Path((slug, id, comment)): Path<(String, String, String)>,
    Json(body): Json<ModerationBody>,
) -> Result<StatusCode, ApiError> {
    let actor = signed_in(&actor)?;
    let moderation = Moderation::from_code(&body.action).ok_or(AppError::BadValue)?;
    state
        .app
        .moderate_publication_comment(actor, &slug, &id, &comment, moderation)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/councils/{slug}/publications/{id}/leaflet.pdf`
pub async fn leaflet(
    State(state): State<WebState>,
    MaybeApiActor(actor, language): MaybeApiActor,
    Path((slug, id)): Path<(String, String)>,
    Query(query): Query<LeafletQuery>,
) -> Result<Response, ApiError> {
    Ok(leaflet_pdf(
        &state,
        actor.as_ref(),
        Tr::new(language),
        &slug,
        &id,
        &query,
    )
    .await?)
}
