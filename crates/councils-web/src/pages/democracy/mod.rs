//! Council democracy's pages: a council's delegates (sent up and received), a delegate's
//! record of mandates and votes, elections, mandates, recalls, the delegation rules, and
//! putting a motion to a referendum.

pub mod election;
pub mod mandate;
pub mod recall;
pub mod rules;

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::motion::{after_form, text_in};
use crate::pages::{format_time, page, page_with_status};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_app::democracy::DelegateView;
use councils_app::ports::{DelegateRecord, DelegateStatus};
use councils_domain::{CouncilId, Language};
use std::collections::HashMap;

/// A delegate as a row of a list.
pub(crate) struct DelegateRow {
    pub id: String,
    pub handle: String,
    /// The other council: the one sent to, or the one sent from.
    pub council: String,
    pub term: String,
    pub status: String,
    pub active: bool,
}

pub(crate) fn delegate_row(
    l: &Layout,
    d: &DelegateRecord,
    other: &CouncilId,
    names: &HashMap<CouncilId, String>,
) -> DelegateRow {
    DelegateRow {
        id: d.id.to_string(),
        handle: d.handle.to_string(),
        council: names.get(other).cloned().unwrap_or_default(),
        term: term(d),
        status: l.tr.tp("delegate-status-", d.status.code()),
        active: d.status == DelegateStatus::Active,
    }
}

pub(crate) fn term(d: &DelegateRecord) -> String {
    format!(
        "{} – {}",
        format_time(d.term_starts_at),
        format_time(d.term_ends_at)
    )
}

#[derive(Template)]
#[template(path = "democracy/delegates.html")]
struct DelegatesPage {
    l: Layout,
    slug: String,
    name: String,
    sent: Vec<DelegateRow>,
    received: Vec<DelegateRow>,
    may_call_election: bool,
    may_change_rules: bool,
}

/// `GET /c/{slug}/delegates`
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.delegates(actor, &slug).await?;
    let names = state.app.council_names(viewer.tr.language).await?;
    let l = viewer.layout();
    let sent = view
        .sent
        .iter()
        .map(|d| delegate_row(&l, d, &d.parent_id, &names))
        .collect();
    let received = view
        .received
        .iter()
        .map(|d| delegate_row(&l, d, &d.constituent_id, &names))
        .collect();
    page(DelegatesPage {
        name: view.council.name_in(viewer.tr.language).name.clone(),
        slug: view.council.slug.to_string(),
        may_call_election: view.standing.may(councils_domain::Action::ChairMotions),
        may_change_rules: view.standing.may(councils_domain::Action::ChangeSettings),
        l,
        sent,
        received,
    })
}

/// A mandate on the delegate's page, in words.
struct MandateRow {
    title: String,
    /// Link to the higher motion, for readers who may see it.
    mandate: String,
    vote: String,
    contrary: bool,
}

#[derive(Template)]
#[template(path = "democracy/delegate.html")]
struct DelegatePage {
    l: Layout,
    slug: String,
    handle: String,
    constituent: String,
    constituent_slug: String,
    parent: String,
    parent_slug: String,
    term: String,
    status: String,
    active: bool,
    mandates: Vec<MandateRow>,
    contrary_count: u64,
    has_contrary: bool,
    open_recall: bool,
    may_recall: bool,
    id: String,
}

fn name_in(council: &councils_domain::Council, language: Language) -> String {
    council.name_in(language).name.clone()
}

/// `GET /c/{slug}/delegates/{id}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let v: DelegateView = state.app.delegate_page(actor, &slug, &id).await?;
    let l = viewer.layout();
    let language = l.tr.language;
    let mandates = v
        .mandates
        .iter()
        .map(|line| MandateRow {
            title: line
                .motion
                .as_ref()
                .map(|m| text_in(&m.texts, language).title().to_string())
                .unwrap_or_default(),
            mandate: l.tr.tp("mandate-", line.mandate.choice.code()),
            vote: match (&line.vote, &line.motion) {
                (Some(code), Some(motion)) => {
                    crate::pages::motion::describe_choice(&l, motion, code)
                }
                _ => l.tr.t("delegate-no-open-vote"),
            },
            contrary: line.contrary,
        })
        .collect();
    let open_recall = v.recalls.iter().any(|r| {
        matches!(
            r.recall.state(),
            councils_domain::RecallState::Collecting | councils_domain::RecallState::VoteOpened
        )
    });
    page(DelegatePage {
        slug: v.council.slug.to_string(),
        handle: v.delegate.handle.to_string(),
        constituent: name_in(&v.constituent, language),
        constituent_slug: v.constituent.slug.to_string(),
        parent: name_in(&v.parent, language),
        parent_slug: v.parent.slug.to_string(),
        term: term(&v.delegate),
        status: l.tr.tp("delegate-status-", v.delegate.status.code()),
        active: v.delegate.status == DelegateStatus::Active,
        contrary_count: v.contrary.len() as u64,
        has_contrary: !v.contrary.is_empty(),
        may_recall: v.may_recall,
        id: v.delegate.id.to_string(),
        open_recall,
        mandates,
        l,
    })
}

/// `POST /c/{slug}/motions/{id}/referendum`: a chair puts the motion to a referendum of
/// every base member below the council.
pub async fn referendum(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.call_referendum(actor, &slug, &id).await;
    after_form(&state, &viewer, &slug, &id, result).await
}

/// A form's error in the reader's language, with its status; errors that are not about the
/// form (not allowed, not found, a failure) render as error pages.
pub(crate) fn form_error(
    viewer: &Viewer,
    error: AppError,
) -> Result<(axum::http::StatusCode, String), WebError> {
    match error {
        e @ (AppError::Internal(_)
        | AppError::Forbidden
        | AppError::NotFound
        | AppError::NotSignedIn) => Err(e.into()),
        e => Ok((status_of(&e), viewer.tr.t(&format!("error-{}", e.code())))),
    }
}

/// Renders `template` with the status of a form's error.
pub(crate) fn with_status(
    status: axum::http::StatusCode,
    template: impl Template,
) -> Result<Response, WebError> {
    page_with_status(status, template)
}
