//! Rapid response's pages: filing a report, the committee's queue, a report or alert with its
//! timeline and who is coming, the verifier's and responders' buttons, updates and the
//! all-clear, the committee's settings. Facts are rendered in the reader's language from
//! their structure; only what and where stay as the reporter typed them.

pub mod new;
pub mod queue;
pub mod settings;

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::i18n::Tr;
use crate::pages::{format_time, fragment, page_with_status, render, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::AppError;
use councils_app::rapid_response::{QueueItem, ReportView};
use councils_domain::report::{
    Decision, NOTE_MAX, ReportFacts, ReportState, ResponseRole, UpdateKind,
};
use serde::Deserialize;

/// A report's facts in one language.
pub(crate) struct FactsText {
    pub what: String,
    pub place: String,
    pub agency: String,
    pub officers: String,
    pub vehicles: String,
    pub when: String,
    pub source: String,
    pub via_hotline: bool,
}

fn counted(tr: &Tr, key: &str, n: Option<u32>) -> String {
    match n {
        Some(n) => tr.tn(key, u64::from(n)),
        None => tr.t(&format!("{key}-unknown")),
    }
}

pub(crate) fn facts_text(tr: &Tr, facts: &ReportFacts) -> FactsText {
    FactsText {
        what: facts.what.clone(),
        place: facts.place.clone(),
        agency: tr.tp("agency-", facts.agency.code()),
        officers: counted(tr, "report-officers", facts.officers),
        vehicles: counted(tr, "report-vehicles", facts.vehicles),
        when: format_time(facts.seen_at),
        source: tr.tp("source-", facts.source.code()),
        via_hotline: facts.via_hotline,
    }
}

/// A report as a line of a list (the queue, and the fragment a page inserts live).
pub(crate) struct Card {
    pub id: String,
    pub state_code: &'static str,
    pub state: String,
    pub facts: FactsText,
    /// The committee's slug, when the alert comes from a neighbouring one.
    pub from_neighbour: Option<String>,
}

pub(crate) fn card(tr: &Tr, item: &QueueItem, home: &str) -> Card {
    Card {
        id: item.report.id.to_string(),
        state_code: item.report.state.code(),
        state: tr.tp("report-state-", item.report.state.code()),
        facts: facts_text(tr, &item.facts),
        from_neighbour: (item.council_slug != home).then(|| item.council_slug.clone()),
    }
}

#[derive(Template)]
#[template(path = "report/card.html")]
struct CardFragment {
    l: Layout,
    c: Card,
}

/// A timeline entry in one language.
pub(crate) struct Entry {
    pub at: String,
    pub who: String,
    pub what: String,
    pub body: Option<String>,
}

/// A responder on their way, in one language.
pub(crate) struct Coming {
    pub handle: String,
    pub role: String,
}

/// A role button.
pub(crate) struct RoleButton {
    pub code: &'static str,
    pub label: String,
    pub chosen: bool,
}

/// Everything a report's page shows.
pub(crate) struct Body {
    pub id: String,
    pub council_name: String,
    pub council_slug: String,
    pub state_code: &'static str,
    pub state: String,
    pub heading: String,
    pub facts: FactsText,
    pub outcome: Option<String>,
    pub timeline: Vec<Entry>,
    pub coming: Vec<Coming>,
    pub roles: Vec<RoleButton>,
    pub may_take: bool,
    pub may_verify: bool,
    pub may_respond: bool,
    pub may_update: bool,
    pub may_close: bool,
    pub may_add_info: bool,
    pub is_alert: bool,
    pub note_max: usize,
    pub error: Option<String>,
}

fn body(tr: &Tr, v: &ReportView, error: Option<String>) -> Body {
    let state = v.report.state;
    let heading = if state.is_alert() {
        tr.ta("alert-heading", "place", &v.facts.place)
    } else {
        tr.ta("report-heading", "place", &v.facts.place)
    };
    Body {
        id: v.report.id.to_string(),
        council_name: v.council.name_in(tr.language).name.clone(),
        council_slug: v.council.slug.to_string(),
        state_code: state.code(),
        state: tr.tp("report-state-", state.code()),
        heading,
        facts: facts_text(tr, &v.facts),
        outcome: v.outcome.clone(),
        timeline: v
            .timeline
            .iter()
            .map(|e| Entry {
                at: format_time(e.at),
                who: e
                    .author
                    .as_ref()
                    .map(|h| h.to_string())
                    .unwrap_or_else(|| tr.t("report-someone")),
                what: match (e.kind, e.role) {
                    (UpdateKind::OnMyWay, Some(role)) => tr.ta(
                        "timeline-on-my-way",
                        "role",
                        &tr.tp("response-role-", role.code()),
                    ),
                    (kind, _) => tr.tp("timeline-", kind.code()),
                },
                body: e.body.clone(),
            })
            .collect(),
        coming: v
            .responses
            .iter()
            .map(|r| Coming {
                handle: r.handle.to_string(),
                role: tr.tp("response-role-", r.role.code()),
            })
            .collect(),
        roles: ResponseRole::ALL
            .iter()
            .map(|role| RoleButton {
                code: role.code(),
                label: tr.tp("response-role-", role.code()),
                chosen: v.my_response == Some(*role),
            })
            .collect(),
        may_take: v.may_verify && state == ReportState::Filed,
        may_verify: v.may_verify,
        may_respond: v.may_respond,
        may_update: v.may_update,
        may_close: v.may_close,
        may_add_info: v.may_add_info,
        is_alert: state.is_alert(),
        note_max: NOTE_MAX,
        error,
    }
}

#[derive(Template)]
#[template(path = "report/show.html")]
struct ReportPage {
    l: Layout,
    b: Body,
}

#[derive(Template)]
#[template(path = "report/body.html")]
struct BodyFragment {
    l: Layout,
    b: Body,
}

fn show_page(
    viewer: &Viewer,
    view: &ReportView,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let b = body(&l.tr, view, error);
    page_with_status(status, ReportPage { l, b })
}

/// `GET /reports/{id}`: the report or alert, to those who may read it (404 to anyone else).
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.report_page(actor, &id).await?;
    show_page(&viewer, &view, StatusCode::OK, None)
}

/// `GET /reports/{id}/live`: the page's content alone, for the page to replace itself with
/// when the live stream says the report changed.
pub async fn live(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.report_page(actor, &id).await?;
    let l = viewer.layout();
    let b = body(&l.tr, &view, None);
    Ok(fragment(render(&BodyFragment { l, b })?))
}

/// `GET /reports/{id}/card`: the report as a line of the queue, for a page to insert live.
pub async fn card_fragment(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let item = state.app.report_item(actor, &id).await?;
    let l = viewer.layout();
    let c = card(&l.tr, &item, &item.council_slug);
    Ok(fragment(render(&CardFragment { l, c })?))
}

/// After a step: back to the report, or the page again with the error in words.
async fn after(
    state: &WebState,
    viewer: &Viewer,
    id: &str,
    result: Result<(), AppError>,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(see(&format!("/reports/{id}"))),
        Err(
            e @ (AppError::Internal(_)
            | AppError::Forbidden
            | AppError::NotFound
            | AppError::NotSignedIn),
        ) => Err(e.into()),
        Err(e) => {
            let actor = viewer.member()?;
            let view = state.app.report_page(actor, id).await?;
            let message = viewer.tr.t(&format!("error-{}", e.code()));
            show_page(viewer, &view, status_of(&e), Some(message))
        }
    }
}

/// `POST /reports/{id}/take`: "I'm going".
pub async fn take(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.take_report(actor, &id).await;
    after(&state, &viewer, &id, result).await
}

#[derive(Deserialize)]
pub struct VerificationForm {
    outcome: String,
    #[serde(default)]
    note: String,
}

/// `POST /reports/{id}/verification`: confirmed, false alarm, or more asked.
pub async fn verify(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<VerificationForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match Decision::from_code(&form.outcome) {
        Some(decision) => {
            state
                .app
                .verify_report(actor, &id, decision, &form.note)
                .await
        }
        None => Err(AppError::BadValue),
    };
    after(&state, &viewer, &id, result).await
}

#[derive(Deserialize)]
pub struct TextForm {
    #[serde(default)]
    text: String,
}

/// `POST /reports/{id}/info`: the reporter adds to their report.
pub async fn add_info(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<TextForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.add_report_info(actor, &id, &form.text).await;
    after(&state, &viewer, &id, result).await
}

#[derive(Deserialize)]
pub struct RoleForm {
    role: String,
}

/// `POST /reports/{id}/responses`: on my way, in a role.
pub async fn respond(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<RoleForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match ResponseRole::from_code(&form.role) {
        Some(role) => state.app.respond_to_alert(actor, &id, role).await,
        None => Err(AppError::BadValue),
    };
    after(&state, &viewer, &id, result).await
}

/// `POST /reports/{id}/updates`
pub async fn update(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<TextForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.update_alert(actor, &id, &form.text).await;
    after(&state, &viewer, &id, result).await
}

/// `POST /reports/{id}/close`: the all-clear, with the outcome.
pub async fn close(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<TextForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.close_alert(actor, &id, &form.text).await;
    after(&state, &viewer, &id, result).await
}
