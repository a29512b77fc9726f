//! A council's events (its own and those shared with it) and the form an organiser calls one
//! with: kind, title, times at an offset, place, languages, accessibility, details, how many
//! of each role, and the linked councils to share it with.

use super::when;
use crate::WebState;
use crate::error::WebError;
use crate::pages::democracy::{form_error, with_status};
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::AppError;
use councils_app::event::EventForm;
use councils_domain::Council;
use councils_domain::event::{
    ACCESSIBILITY_MAX, DETAILS_MAX, EventKind, EventRole, EventText, LANGUAGES_MAX, NEEDED_MAX,
    PLACE_MAX, TITLE_MAX,
};

/// A line of the list.
pub struct Row {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub place: String,
    pub when: String,
    pub cancelled: bool,
    pub from: Option<String>,
}

#[derive(Template)]
#[template(path = "event/list.html")]
struct ListPage {
    l: Layout,
    slug: String,
    name: String,
    may_call: bool,
    rows: Vec<Row>,
}

/// `GET /c/{slug}/events`
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let v = state.app.events(actor, &slug).await?;
    let l = viewer.layout();
    let language = l.tr.language;
    page(ListPage {
        slug: v.council.slug.to_string(),
        name: v.council.name_in(language).name.clone(),
        may_call: v.may_call,
        rows: v
            .events
            .into_iter()
            .map(|e| Row {
                id: e.id.to_string(),
                kind: l.tr.tp("event-kind-", e.kind.code()),
                when: when(e.starts_at, e.ends_at, e.utc_offset),
                title: e.title,
                place: e.place,
                cancelled: e.cancelled,
                from: e.from.map(|c| c.name_in(language).name.clone()),
            })
            .collect(),
        l,
    })
}

/// A role's line of the form.
struct NeedField {
    code: &'static str,
    label: String,
    value: String,
}

/// A linked council to tick.
struct ShareField {
    slug: String,
    name: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "event/new.html")]
struct NewPage {
    l: Layout,
    slug: String,
    name: String,
    kinds: Vec<(&'static str, String, bool)>,
    text: EventText,
    starts: String,
    ends: String,
    offset: String,
    needs: Vec<NeedField>,
    shares: Vec<ShareField>,
    error: Option<String>,
    title_max: usize,
    place_max: usize,
    languages_max: usize,
    accessibility_max: usize,
    details_max: usize,
    needed_max: u32,
}

fn new_page(
    viewer: &Viewer,
    council: &Council,
    linked: &[Council],
    form: &EventForm,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let language = l.tr.language;
    let p = NewPage {
        slug: council.slug.to_string(),
        name: council.name_in(language).name.clone(),
        kinds: EventKind::ALL
            .iter()
            .map(|k| {
                (
                    k.code(),
                    l.tr.tp("event-kind-", k.code()),
                    form.kind == k.code(),
                )
            })
            .collect(),
        text: form.text.clone(),
        starts: form.starts.clone(),
        ends: form.ends.clone(),
        offset: if form.offset.is_empty() {
            "-08:00".into()
        } else {
            form.offset.clone()
        },
        needs: EventRole::ALL
            .iter()
            .map(|r| NeedField {
                code: r.code(),
                label: l.tr.tp("event-role-", r.code()),
                value: form
                    .needs
                    .iter()
                    .find(|(role, _)| role == r)
                    .map(|(_, n)| n.to_string())
                    .unwrap_or_default(),
            })
            .collect(),
        shares: linked
            .iter()
            .map(|c| ShareField {
                slug: c.slug.to_string(),
                name: c.name_in(language).name.clone(),
                checked: form.share.iter().any(|s| s == c.slug.as_str()),
            })
            .collect(),
        error: error.as_ref().map(|(_, m)| m.clone()),
        title_max: TITLE_MAX,
        place_max: PLACE_MAX,
        languages_max: LANGUAGES_MAX,
        accessibility_max: ACCESSIBILITY_MAX,
        details_max: DETAILS_MAX,
        needed_max: NEEDED_MAX,
        l,
    };
    match error {
        Some((status, _)) => with_status(status, p),
        None => page(p),
    }
}

/// `GET /c/{slug}/events/new`
pub async fn new(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let (council, linked) = state.app.event_form(actor, &slug).await?;
    let form = EventForm {
        kind: "protest".into(),
        ..EventForm::default()
    };
    new_page(&viewer, &council, &linked, &form, None)
}

/// Reads the posted fields (several `share` boxes may be ticked), and whether a role's number
/// was not a number (then the form is refused as a whole and shown again).
pub fn read_form(fields: &[(String, String)]) -> (EventForm, bool) {
    let mut form = EventForm::default();
    let mut bad = false;
    for (name, value) in fields {
        match name.as_str() {
            "kind" => form.kind = value.clone(),
            "title" => form.text.title = value.clone(),
            "place" => form.text.place = value.clone(),
            "languages" => form.text.languages = value.clone(),
            "accessibility" => form.text.accessibility = value.clone(),
            "details" => form.text.details = value.clone(),
            "starts" => form.starts = value.clone(),
            "ends" => form.ends = value.clone(),
            "offset" => form.offset = value.clone(),
            "share" => form.share.push(value.clone()),
            other => {
                if let Some(role) = other.strip_prefix("need-").and_then(EventRole::from_code) {
                    let value = value.trim();
                    if value.is_empty() {
                        continue;
                    }
                    match value.parse::<u32>() {
                        Ok(n) => form.needs.push((role, n)),
                        Err(_) => bad = true,
                    }
                }
            }
        }
    }
    (form, bad)
}

/// `POST /c/{slug}/events`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let (form, bad) = read_form(&fields);
    let result = if bad {
        Err(AppError::BadValue)
    } else {
        state.app.call_event(actor, &slug, &form).await
    };
    match result {
        Ok(id) => Ok(see(&format!("/events/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let (council, linked) = state.app.event_form(actor, &slug).await?;
            new_page(&viewer, &council, &linked, &form, Some(error))
        }
    }
}
