//! A member's emergency plan: writing it, testing it, and the big "I am being detained"
//! button with its confirm step (a page, so it works without JavaScript); and a committee's
//! list of its members' plans, which its organisers and legal members may send for them.

use super::TrWords;
use crate::WebState;
use crate::error::WebError;
use crate::pages::democracy::{form_error, with_status};
use crate::pages::{format_time, page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::records::plan::{MyPlan, PlanForm, Sent};
use councils_domain::emergency::{CONTACTS_MAX, MESSAGE_MAX};
use serde::Deserialize;

struct CouncilChoice {
    slug: String,
    name: String,
    selected: bool,
}

struct SendingLine {
    at: String,
    test: bool,
    by_me: bool,
}

#[derive(Template)]
#[template(path = "records/plan.html")]
struct PlanPage {
    l: Layout,
    has_plan: bool,
    message: String,
    contacts: String,
    council_name: Option<String>,
    councils: Vec<CouncilChoice>,
    sendings: Vec<SendingLine>,
    message_max: usize,
    contacts_max: u64,
    error: Option<String>,
    saved: bool,
}

#[derive(Deserialize, Default)]
pub struct PlanFields {
    #[serde(default)]
    message: String,
    #[serde(default)]
    contacts: String,
    #[serde(default)]
    council: String,
}

fn render(
    viewer: &Viewer,
    mine: MyPlan,
    typed: Option<&PlanFields>,
    error: Option<(StatusCode, String)>,
    saved: bool,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let language = l.tr.language;
    let me = viewer.member()?.member_id.clone();
    let (message, contacts, council) = match (typed, &mine.plan) {
        (Some(t), _) => (t.message.clone(), t.contacts.clone(), t.council.clone()),
        (None, Some((_, body))) => (
            body.message.clone(),
            body.contacts.join("\n"),
            mine.council
                .as_ref()
                .map(|c| c.slug.to_string())
                .unwrap_or_default(),
        ),
        (None, None) => Default::default(),
    };
    let page_ = PlanPage {
        has_plan: mine.plan.is_some(),
        council_name: mine
            .council
            .as_ref()
            .map(|c| c.name_in(language).name.clone()),
        councils: mine
            .councils
            .iter()
            .map(|c| CouncilChoice {
                selected: c.council.slug.as_str() == council,
                slug: c.council.slug.to_string(),
                name: c.council.name_in(language).name.clone(),
            })
            .collect(),
        sendings: mine
            .sendings
            .iter()
            .map(|s| SendingLine {
                at: format_time(s.sent_at),
                test: s.test,
                by_me: s.sent_by.as_ref() == Some(&me),
            })
            .collect(),
        message,
        contacts,
        message_max: MESSAGE_MAX,
        contacts_max: CONTACTS_MAX as u64,
        error: error.as_ref().map(|(_, m)| m.clone()),
        saved,
        l,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

#[derive(Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: Option<String>,
}

/// `GET /plan`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    axum::extract::Query(query): axum::extract::Query<SavedQuery>,
) -> Result<Response, WebError> {
    let mine = state.app.my_plan(viewer.member()?).await?;
    render(&viewer, mine, None, None, query.saved.is_some())
}

/// `POST /plan`: writes or rewrites the plan.
pub async fn save(
    State(state): State<WebState>,
    viewer: Viewer,
    Form(fields): Form<PlanFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let form = PlanForm {
        message: fields.message.clone(),
        contacts: fields.contacts.clone(),
        council: fields.council.clone(),
    };
    match state.app.save_plan(actor, &form).await {
        Ok(_) => Ok(see("/plan?saved=1")),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let mine = state.app.my_plan(actor).await?;
            render(&viewer, mine, Some(&fields), Some(error), false)
        }
    }
}

/// `POST /plan/delete`
pub async fn delete(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    state.app.delete_plan(viewer.member()?).await?;
    Ok(see("/plan"))
}

#[derive(Template)]
#[template(path = "records/plan_confirm.html")]
struct ConfirmPage {
    l: Layout,
    /// Where the confirm button posts.
    action: String,
    back: String,
    /// The owner's handle when a committee member sends it for them.
    for_handle: Option<String>,
    last_sent: Option<String>,
}

/// `GET /plan/send`: the confirm step of "I am being detained".
pub async fn confirm(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    let mine = state.app.my_plan(viewer.member()?).await?;
    if mine.plan.is_none() {
        return Ok(see("/plan"));
    }
    page(ConfirmPage {
        l: viewer.layout(),
        action: "/plan/send".into(),
        back: "/plan".into(),
        for_handle: None,
        last_sent: None,
    })
}

#[derive(Template)]
#[template(path = "records/plan_sent.html")]
struct SentPage {
    l: Layout,
    test: bool,
    line: String,
    no_mail_server: bool,
    legal_line: Option<String>,
    at: String,
    back: String,
}

fn sent_page(viewer: &Viewer, sent: Sent, back: &str) -> Result<Response, WebError> {
    let l = viewer.layout();
    let line = l.tr.args(
        "plan-sent-line",
        &[
            ("delivered", (sent.delivered as u64).into()),
            ("contacts", (sent.contacts as u64).into()),
        ],
    );
    let legal_line = (!sent.test && sent.legal_told > 0)
        .then(|| l.tr.tn("plan-sent-legal", sent.legal_told as u64));
    page(SentPage {
        test: sent.test,
        line,
        no_mail_server: sent.no_mail_server,
        legal_line,
        at: format_time(sent.at),
        back: back.to_string(),
        l,
    })
}

/// `POST /plan/send`: sends the plan now.
pub async fn send(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    let sent = state
        .app
        .send_my_plan(viewer.member()?, false, &TrWords)
        .await?;
    sent_page(&viewer, sent, "/plan")
}

/// `POST /plan/test`: sends a test, marked as one, to the contacts.
pub async fn test(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    let sent = state
        .app
        .send_my_plan(viewer.member()?, true, &TrWords)
        .await?;
    sent_page(&viewer, sent, "/plan")
}

struct PlanLine {
    id: String,
    handle: String,
    last_sent: Option<String>,
}

#[derive(Template)]
#[template(path = "records/committee_plans.html")]
struct CommitteePlansPage {
    l: Layout,
    slug: String,
    name: String,
    plans: Vec<PlanLine>,
}

/// `GET /c/{slug}/plans`: for organisers and legal members.
pub async fn committee(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.committee_plans(viewer.member()?, &slug).await?;
    let l = viewer.layout();
    page(CommitteePlansPage {
        slug: v.council.slug.to_string(),
        name: v.council.name_in(l.tr.language).name.clone(),
        plans: v
            .plans
            .into_iter()
            .map(|p| PlanLine {
                id: p.id.to_string(),
                handle: p.handle,
                last_sent: p.last_sent_at.map(format_time),
            })
            .collect(),
        l,
    })
}

/// `GET /c/{slug}/plans/{id}/send`: the confirm step of sending a member's plan for them.
pub async fn confirm_for(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (council, plan) = state
        .app
        .plan_for_committee(viewer.member()?, &slug, &id)
        .await?;
    page(ConfirmPage {
        l: viewer.layout(),
        action: format!("/c/{}/plans/{}/send", council.slug.as_str(), plan.id),
        back: format!("/c/{}/plans", council.slug.as_str()),
        for_handle: Some(plan.handle),
        last_sent: plan.last_sent_at.map(format_time),
    })
}

/// `POST /c/{slug}/plans/{id}/send`
pub async fn send_for(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let sent = state
        .app
        .send_plan_for(viewer.member()?, &slug, &id, &TrWords)
        .await?;
    sent_page(&viewer, sent, &format!("/c/{slug}/plans"))
}
