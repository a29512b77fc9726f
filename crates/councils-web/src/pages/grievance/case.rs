//! A case's page and its forms: notes and questions, status, assignee, deadlines, the pay
//! calculation and escalation for organisers; answers for the named filer. The anonymous
//! filer's page (`follow`) is the same template, read through the private link.

use super::{Choice, Entry, Line, Pay, day, entries, line, pay, statuses};
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
use councils_app::AppError;
use councils_app::grievance::{EscalationDraft, GrievanceView, Reader};
use councils_domain::grievance::{LABEL_MAX, NOTE_MAX, Statement};
use councils_domain::grievance_pay::{LINES_MAX, PayClaim, PayLine, parse_hundredths};
use councils_domain::motion::Phase;
use serde::Deserialize;
use std::collections::HashMap;

/// A deadline, in words.
pub(crate) struct DeadlineLine {
    pub id: String,
    pub label: String,
    pub due: String,
    pub done: bool,
    pub overdue: bool,
}

/// A row of the pay form: what is there, or blank.
pub(crate) struct PayField {
    pub n: usize,
    /// Its number as people count: 1, 2, 3.
    pub number: String,
    pub description: String,
    pub hours: String,
    pub rate: String,
    pub paid: String,
}

/// The motion a case became, in words.
pub(crate) struct MotionLine {
    pub href: String,
    pub title: String,
    pub state: String,
}

#[derive(Template)]
#[template(path = "grievance/show.html")]
pub(crate) struct CasePage {
    pub l: Layout,
    pub slug: String,
    pub id: String,
    /// Where the filer's answers go: the case's own path or the private link's.
    pub answer_action: String,
    pub reader_is_organiser: bool,
    pub reader_is_link: bool,
    pub may_answer: bool,
    /// The private link, shown to the anonymous filer.
    pub private_link: Option<String>,
    pub just_filed: bool,
    pub kind: String,
    pub status: String,
    pub status_code: &'static str,
    pub anonymous: bool,
    pub collective: bool,
    pub filed_at: String,
    pub filed_by: Option<String>,
    pub assignee: Option<String>,
    pub statement: Statement,
    pub pay: Option<Pay>,
    pub pay_fields: Vec<PayField>,
    pub currency: String,
    pub part_of: Option<(String, String)>,
    pub members: Vec<Line>,
    pub motion: Option<MotionLine>,
    pub deadlines: Vec<DeadlineLine>,
    pub timeline: Vec<Entry>,
    pub statuses: Vec<Choice>,
    pub organisers: Vec<Choice>,
    pub note_max: usize,
    pub label_max: usize,
    pub error: Option<String>,
}

/// The case page for a view; `link` is the private link's token for its anonymous filer.
pub(crate) fn case_page(
    l: Layout,
    v: GrievanceView,
    link: Option<(&str, bool)>,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let tr = l.tr;
    let slug = v.council.slug.to_string();
    let id = v.record.id.to_string();
    let organiser = v.reader == Reader::Organiser;
    let claim = v.pay.clone();
    let mut pay_fields: Vec<PayField> = claim
        .iter()
        .flat_map(|c| c.lines.iter())
        .enumerate()
        .map(|(n, l)| PayField {
            n,
            number: (n + 1).to_string(),
            description: l.description.clone(),
            hours: councils_domain::grievance_pay::format_hundredths(l.hours_hundredths),
            rate: councils_domain::grievance_pay::format_hundredths(l.rate_cents),
            paid: councils_domain::grievance_pay::format_hundredths(l.paid_cents),
        })
        .collect();
    // Two blank rows to add lines without JavaScript.
    let filled = pay_fields.len();
    for n in filled..(filled + 2).min(LINES_MAX) {
        pay_fields.push(PayField {
            n,
            number: (n + 1).to_string(),
            description: String::new(),
            hours: String::new(),
            rate: String::new(),
            paid: String::new(),
        });
    }
    let motion = v.motion.as_ref().map(|m| MotionLine {
        href: format!("/c/{slug}/motions/{}", m.id),
        title: m.title.clone(),
        state: match (m.phase, m.passed) {
            (Phase::Decided, Some(true)) => tr.t("grievance-motion-passed"),
            (Phase::Decided, _) => tr.t("grievance-motion-not-passed"),
            (phase, _) => tr.tp("grievance-motion-phase-", phase.code()),
        },
    });
    let assignee = v.assignee.clone();
    let page_ = CasePage {
        answer_action: match link {
            Some((token, _)) => format!("/grievances/follow/{token}/answers"),
            None => format!("/c/{slug}/grievances/{id}/answers"),
        },
        reader_is_organiser: organiser,
        reader_is_link: v.reader == Reader::Link,
        may_answer: v.reader != Reader::Organiser && !v.record.status.is_closed(),
        private_link: link.map(|(token, _)| format!("/grievances/follow/{token}")),
        just_filed: link.is_some_and(|(_, new)| new),
        kind: tr.tp("grievance-kind-", v.record.kind.code()),
        status: tr.tp("grievance-status-", v.record.status.code()),
        status_code: v.record.status.code(),
        anonymous: v.record.anonymous,
        collective: v.record.is_collective,
        filed_at: if v.record.anonymous {
            day(v.record.filed_at)
        } else {
            format_time(v.record.filed_at)
        },
        filed_by: v.filed_by.clone(),
        assignee: assignee.clone(),
        statement: v.statement.clone(),
        pay: claim.as_ref().map(pay),
        currency: claim
            .as_ref()
            .map(|c| c.currency.clone())
            .unwrap_or_else(|| "USD".into()),
        pay_fields,
        part_of: v
            .collective
            .as_ref()
            .map(|(c, s)| (c.to_string(), tr.tp("grievance-status-", s.code()))),
        members: v.members.iter().map(|g| line(&tr, g)).collect(),
        motion,
        deadlines: v
            .deadlines
            .iter()
            .map(|d| DeadlineLine {
                id: d.id.to_string(),
                label: d.label.clone(),
                due: day(d.due_at),
                done: d.done,
                overdue: d.overdue,
            })
            .collect(),
        timeline: entries(&tr, &v),
        statuses: statuses(&tr, v.record.status),
        organisers: v
            .organisers
            .iter()
            .map(|(_, h)| Choice {
                value: h.to_string(),
                label: h.to_string(),
                selected: assignee.as_deref() == Some(h.as_str()),
            })
            .collect(),
        note_max: NOTE_MAX,
        label_max: LABEL_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
        slug,
        id,
        l,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/grievances/{id}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let v = state
        .app
        .grievance_page(viewer.member()?, &slug, &id)
        .await?;
    case_page(viewer.layout(), v, None, None)
}

/// After a form: back to the case, or the case again with the form's error.
async fn done(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    id: &str,
    result: Result<(), AppError>,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(see(&format!("/c/{slug}/grievances/{id}"))),
        Err(e) => {
            let error = form_error(viewer, e)?;
            let v = state.app.grievance_page(viewer.member()?, slug, id).await?;
            case_page(viewer.layout(), v, None, Some(error))
        }
    }
}

#[derive(Deserialize)]
pub struct NoteFields {
    #[serde(default)]
    text: String,
    #[serde(default)]
    question: Option<String>,
}

/// `POST /c/{slug}/grievances/{id}/notes`: an organiser's note, or a question to the filer.
pub async fn note(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<NoteFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state
        .app
        .note_grievance(actor, &slug, &id, &f.text, f.question.is_some())
        .await;
    done(&state, &viewer, &slug, &id, result).await
}

/// `POST /c/{slug}/grievances/{id}/answers`: the named filer answers or adds to it.
pub async fn answer(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<NoteFields>,
) -> Result<Response, WebError> {
    let result = state
        .app
        .answer_grievance(viewer.member()?, &slug, &id, &f.text)
        .await;
    done(&state, &viewer, &slug, &id, result).await
}

#[derive(Deserialize)]
pub struct StatusFields {
    #[serde(default)]
    status: String,
}

/// `POST /c/{slug}/grievances/{id}/status`
pub async fn status(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<StatusFields>,
) -> Result<Response, WebError> {
    let result = state
        .app
        .set_grievance_status(viewer.member()?, &slug, &id, &f.status)
        .await;
    done(&state, &viewer, &slug, &id, result).await
}

#[derive(Deserialize)]
pub struct AssigneeFields {
    #[serde(default)]
    handle: String,
}

/// `POST /c/{slug}/grievances/{id}/assignee`
pub async fn assignee(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<AssigneeFields>,
) -> Result<Response, WebError> {
    let result = state
        .app
        .assign_grievance(viewer.member()?, &slug, &id, &f.handle)
        .await;
    done(&state, &viewer, &slug, &id, result).await
}

#[derive(Deserialize)]
pub struct DeadlineFields {
    #[serde(default)]
    label: String,
    #[serde(default)]
    date: String,
}

/// `POST /c/{slug}/grievances/{id}/deadlines`
pub async fn deadline(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<DeadlineFields>,
) -> Result<Response, WebError> {
    let result = state
        .app
        .add_grievance_deadline(viewer.member()?, &slug, &id, &f.label, &f.date)
        .await
        .map(|_| ());
    done(&state, &viewer, &slug, &id, result).await
}

/// `POST /c/{slug}/grievances/{id}/deadlines/{deadline}/done`
pub async fn deadline_done(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id, deadline)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let result = state
        .app
        .finish_grievance_deadline(viewer.member()?, &slug, &id, &deadline)
        .await;
    done(&state, &viewer, &slug, &id, result).await
}

/// Reads the pay form: `currency`, and rows `description-N`, `hours-N`, `rate-N`, `paid-N`
/// (a row with no hours is left out).
pub(crate) fn read_pay(fields: &HashMap<String, String>) -> Result<PayClaim, AppError> {
    let field = |name: String| {
        fields
            .get(&name)
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let mut lines = Vec::new();
    for n in 0..LINES_MAX {
        let hours = field(format!("hours-{n}"));
        if hours.is_empty() {
            continue;
        }
        let paid = field(format!("paid-{n}"));
        lines.push(PayLine {
            description: field(format!("description-{n}")),
            hours_hundredths: parse_hundredths(&hours)?,
            rate_cents: parse_hundredths(&field(format!("rate-{n}")))?,
            paid_cents: if paid.is_empty() {
                0
            } else {
                parse_hundredths(&paid)?
            },
        });
    }
    Ok(PayClaim::new(&field("currency".into()), lines)?)
}

/// `POST /c/{slug}/grievances/{id}/pay`
pub async fn set_pay(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match read_pay(&fields) {
        Ok(claim) => state.app.set_grievance_pay(actor, &slug, &id, claim).await,
        // Nothing of an unreadable form is kept; the reader is checked first all the same.
        Err(e) => match state.app.grievance_page(actor, &slug, &id).await {
            Ok(v) if v.reader == Reader::Organiser => Err(e),
            Ok(_) => Err(AppError::Forbidden),
            Err(other) => Err(other),
        },
    };
    done(&state, &viewer, &slug, &id, result).await
}

#[derive(Deserialize)]
pub struct EscalateFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    majority: String,
}

/// `POST /c/{slug}/grievances/{id}/escalate`: the motion opens in discussion; its page next.
pub async fn escalate(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<EscalateFields>,
) -> Result<Response, WebError> {
    let draft = EscalationDraft {
        kind: f.kind,
        title: f.title,
        body: f.body,
        majority: f.majority,
    };
    match state
        .app
        .escalate_grievance(viewer.member()?, &slug, &id, &draft)
        .await
    {
        Ok(motion) => Ok(see(&format!("/c/{slug}/motions/{motion}"))),
        Err(e) => done(&state, &viewer, &slug, &id, Err(e)).await,
    }
}
