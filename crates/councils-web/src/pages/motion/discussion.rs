//! A motion's discussion: comments, and amendments that its mover accepts or rejects, or that
//! are put to the council's vote.

use super::after_form;
use crate::WebState;
use crate::error::WebError;
use crate::pages::see;
use crate::viewer::Viewer;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_domain::Language;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

/// `POST /c/{slug}/motions/{id}/comments`
pub async fn comment(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<CommentForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.comment(actor, &slug, &id, &form.body).await;
    after_form(&state, &viewer, &slug, &id, result).await
}

#[derive(Deserialize)]
pub struct AmendmentForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    body: String,
}

/// `POST /c/{slug}/motions/{id}/amendments`
pub async fn propose(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<AmendmentForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match Language::from_code(&form.language) {
        Some(language) => {
            state
                .app
                .propose_amendment(actor, &slug, &id, language, &form.body)
                .await
        }
        None => Err(AppError::BadValue),
    };
    after_form(&state, &viewer, &slug, &id, result).await
}

/// `POST /c/{slug}/motions/{id}/amendments/{amendment}/accept`
pub async fn accept(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id, amendment)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    decide(state, viewer, slug, id, amendment, true).await
}

/// `POST /c/{slug}/motions/{id}/amendments/{amendment}/reject`
pub async fn reject(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id, amendment)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    decide(state, viewer, slug, id, amendment, false).await
}

async fn decide(
    state: WebState,
    viewer: Viewer,
    slug: String,
    id: String,
    amendment: String,
    accept: bool,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state
        .app
        .decide_amendment(actor, &slug, &id, &amendment, accept)
        .await;
    after_form(&state, &viewer, &slug, &id, result).await
}

#[derive(Deserialize)]
pub struct AmendmentVoteForm {
    #[serde(default)]
    hours: String,
}

/// `POST /c/{slug}/motions/{id}/amendments/{amendment}/vote`: the amendment goes to the
/// council's vote, and the reader to that vote.
pub async fn put_to_vote(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id, amendment)): Path<(String, String, String)>,
    Form(form): Form<AmendmentVoteForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let hours = match form.hours.trim() {
        "" => Ok(None),
        h => h.parse().map(Some).map_err(|_| AppError::BadValue),
    };
    let result = match hours {
        Ok(hours) => {
            state
                .app
                .put_amendment_to_vote(actor, &slug, &id, &amendment, hours)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(vote) => Ok(see(&format!("/c/{slug}/motions/{vote}"))),
        Err(e) => after_form(&state, &viewer, &slug, &id, Err(e)).await,
    }
}
