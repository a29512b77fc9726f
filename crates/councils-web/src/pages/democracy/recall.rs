//! A delegate's recall: starting one with a reason, signing it, and how far it is from the
//! threshold.

use super::{form_error, with_status};
use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::pages::{format_time, page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::democracy::recall::{REASON_MAX, RecallView};
use councils_domain::{Language, RecallState};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "democracy/recall.html")]
struct RecallPage {
    l: Layout,
    slug: String,
    id: String,
    handle: String,
    parent: String,
    active: bool,
    open: bool,
    voting: bool,
    vote_motion: Option<String>,
    reason: String,
    started: String,
    signatures_line: String,
    required: u64,
    signed: bool,
    reason_max: usize,
    error: Option<String>,
}

/// The words of a recall vote in `language`.
pub(crate) fn recall_words(
    language: Language,
    handle: &str,
    parent: &str,
    reason: &str,
) -> (String, String) {
    let tr = Tr::new(language);
    let title = tr.args(
        "recall-vote-title",
        &[
            ("handle", handle.to_string().into()),
            ("parent", parent.to_string().into()),
        ],
    );
    let body = if reason.trim().is_empty() {
        tr.t("recall-vote-body-contrary")
    } else {
        reason.to_string()
    };
    (title, body)
}

fn render(
    viewer: &Viewer,
    v: RecallView,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let open = v.open.as_ref();
    let page_ = RecallPage {
        slug: v.council.slug.to_string(),
        id: v.delegate.id.to_string(),
        handle: v.delegate.handle.to_string(),
        parent: v.parent.name_in(l.tr.language).name.clone(),
        active: v.delegate.status == councils_app::ports::DelegateStatus::Active,
        open: open.is_some(),
        voting: open.is_some_and(|r| r.recall.state() == RecallState::VoteOpened),
        vote_motion: open.and_then(|r| r.vote_motion_id.as_ref().map(|m| m.to_string())),
        reason: open
            .map(|r| {
                if r.reason.is_empty() {
                    l.tr.t("recall-vote-body-contrary")
                } else {
                    r.reason.clone()
                }
            })
            .unwrap_or_default(),
        started: open.map(|r| format_time(r.started_at)).unwrap_or_default(),
        signatures_line: l.tr.args(
            "recall-signatures",
            &[
                (
                    "count",
                    (open.map(|r| r.recall.signers().len()).unwrap_or(0) as u64).into(),
                ),
                ("required", v.required.into()),
            ],
        ),
        required: v.required,
        signed: v.signed,
        reason_max: REASON_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/delegates/{id}/recall`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.recall_page(actor, &slug, &id).await?;
    render(&viewer, view, None)
}

#[derive(Deserialize)]
pub struct StartForm {
    #[serde(default)]
    reason: String,
}

async fn after(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    id: &str,
    result: Result<councils_domain::RecallStep, councils_app::AppError>,
) -> Result<Response, WebError> {
    match result {
        Ok(_) => Ok(see(&format!("/c/{slug}/delegates/{id}/recall"))),
        Err(e) => {
            let error = form_error(viewer, e)?;
            let actor = viewer.member()?;
            let view = state.app.recall_page(actor, slug, id).await?;
            render(viewer, view, Some(error))
        }
    }
}

/// `POST /c/{slug}/delegates/{id}/recall`: an active member of the electing council starts
/// a recall, with a reason, and signs it first.
pub async fn start(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<StartForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state
        .app
        .start_recall(actor, &slug, &id, &form.reason, &recall_words)
        .await;
    after(&state, &viewer, &slug, &id, result).await
}

/// `POST /c/{slug}/delegates/{id}/recall/sign`
pub async fn sign(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state
        .app
        .sign_recall(actor, &slug, &id, &recall_words)
        .await;
    after(&state, &viewer, &slug, &id, result).await
}
