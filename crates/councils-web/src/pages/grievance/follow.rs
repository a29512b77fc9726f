//! The anonymous filer's private link: their grievance as they filed it, its status and
//! timeline, and a form to answer the organisers' questions. No session is read here, so
//! nothing on the server ties the link's use to an account.

use super::case::case_page;
use crate::WebState;
use crate::error::{WebError, status_of};
use crate::i18n::Tr;
use crate::pages::see;
use crate::viewer::{Layout, request_language};
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::http::Uri;
use axum::response::Response;
use councils_app::AppError;
use serde::Deserialize;

/// A form's error in the reader's language (as `democracy::form_error`, without a viewer).
fn form_error_in(tr: &Tr, error: AppError) -> Result<(axum::http::StatusCode, String), WebError> {
    match error {
        e @ (AppError::Internal(_) | AppError::NotFound) => Err(e.into()),
        e => Ok((status_of(&e), tr.t(&format!("error-{}", e.code())))),
    }
}

#[derive(Deserialize)]
pub struct FollowQuery {
    #[serde(default)]
    new: Option<String>,
}

fn layout(headers: &HeaderMap, uri: &Uri) -> Layout {
    Layout::anonymous(Tr::new(request_language(headers, None)), uri.path())
}

/// `GET /grievances/follow/{token}`
pub async fn show(
    State(state): State<WebState>,
    headers: HeaderMap,
    uri: Uri,
    Path(token): Path<String>,
    Query(q): Query<FollowQuery>,
) -> Result<Response, WebError> {
    let v = state.app.follow_grievance(&token).await?;
    case_page(
        layout(&headers, &uri),
        v,
        Some((&token, q.new.is_some())),
        None,
    )
}

#[derive(Deserialize)]
pub struct AnswerFields {
    #[serde(default)]
    text: String,
}

/// `POST /grievances/follow/{token}/answers`
pub async fn answer(
    State(state): State<WebState>,
    headers: HeaderMap,
    uri: Uri,
    Path(token): Path<String>,
    Form(f): Form<AnswerFields>,
) -> Result<Response, WebError> {
    match state.app.answer_by_link(&token, &f.text).await {
        Ok(()) => Ok(see(&format!("/grievances/follow/{token}"))),
        Err(e) => {
            let l = layout(&headers, &uri);
            let error = form_error_in(&l.tr, e)?;
            let v = state.app.follow_grievance(&token).await?;
            let back = Layout::anonymous(l.tr, &format!("/grievances/follow/{token}"));
            case_page(back, v, Some((&token, false)), Some(error))
        }
    }
}
