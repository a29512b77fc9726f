//! A mutual-aid post's page: what is asked or offered, where, for whom, its status, the open
//! posts that meet it (the same kind in the same area), and its steps: "I can help" (or "I'd
//! like this" on an offer), met, withdraw, release the match. The list and the new-post form
//! are in `new`.
//!
//! Anyone who may not read a post, signed out or not, is told it does not exist.

pub mod new;

use crate::WebState;
use crate::error::WebError;
use crate::pages::democracy::form_error;
use crate::pages::{format_time, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::AppError;
use councils_app::mutual_aid::AidView;
use councils_domain::mutual_aid::AidStep;
use new::{Row, row};

#[derive(Template)]
#[template(path = "aid/show.html")]
struct ShowPage {
    l: Layout,
    id: String,
    slug: String,
    council: String,
    post: Row,
    for_whom: String,
    poster: String,
    matcher: String,
    shared_with: Vec<String>,
    matches: Vec<Row>,
    mine: bool,
    may_match: bool,
    may_release: bool,
    may_meet: bool,
    may_withdraw: bool,
    delete_after: Option<String>,
    error: Option<String>,
}

fn show_page(
    viewer: &Viewer,
    v: AidView,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let language = l.tr.language;
    let summary = councils_app::mutual_aid::AidSummary {
        record: v.record.clone(),
        text: v.text.clone(),
        from: None,
        matches: v.matches.len(),
    };
    let p = ShowPage {
        id: v.record.id.to_string(),
        slug: v.council.slug.to_string(),
        council: v.council.name_in(language).name.clone(),
        post: row(&l.tr, &summary),
        for_whom: v.text.for_whom.clone(),
        poster: v.poster.clone().unwrap_or_default(),
        matcher: v.matcher.clone().unwrap_or_default(),
        shared_with: v
            .shared_with
            .iter()
            .map(|c| c.name_in(language).name.clone())
            .collect(),
        matches: v.matches.iter().map(|m| row(&l.tr, m)).collect(),
        mine: v.mine,
        may_match: v.may_match,
        may_release: v.may_release,
        may_meet: v.may_meet,
        may_withdraw: v.may_withdraw,
        delete_after: v.delete_after.map(format_time),
        error,
        l,
    };
    page_with_status(status, p)
}

/// `GET /aid/{id}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let v = state.app.aid_page(actor, &id).await?;
    show_page(&viewer, v, StatusCode::OK, None)
}

async fn take(
    state: &WebState,
    viewer: &Viewer,
    id: &str,
    step: AidStep,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result: Result<(), AppError> = state.app.aid_step(actor, id, step).await;
    match result {
        Ok(()) => Ok(see(&format!("/aid/{id}"))),
        Err(e) => {
            let (status, message) = form_error(viewer, e)?;
            let v = state.app.aid_page(actor, id).await?;
            show_page(viewer, v, status, Some(message))
        }
    }
}

/// `POST /aid/{id}/match`: "I can help" on a request, "I'd like this" on an offer.
pub async fn answer(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    take(&state, &viewer, &id, AidStep::Match).await
}

/// `POST /aid/{id}/release`: the match fell through; open again.
pub async fn release(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    take(&state, &viewer, &id, AidStep::Release).await
}

/// `POST /aid/{id}/met`
pub async fn met(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    take(&state, &viewer, &id, AidStep::Met).await
}

/// `POST /aid/{id}/withdraw`
pub async fn withdraw(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    take(&state, &viewer, &id, AidStep::Withdraw).await
}
