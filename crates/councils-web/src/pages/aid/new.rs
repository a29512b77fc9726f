//! A committee's requests and offers (its own and those shared with it), filtered by kind
//! and area with a plain GET form, and the form to post one (for oneself or for someone
//! else, who is then described in words only).

use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::pages::democracy::{form_error, with_status};
use crate::pages::{format_time, page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::mutual_aid::{AidFilter, AidForm, AidSummary};
use councils_domain::Council;
use councils_domain::mutual_aid::{AREA_MAX, AidDirection, AidKind, DETAILS_MAX, FOR_WHOM_MAX};
use serde::Deserialize;

/// A post as a line of a list.
pub struct Row {
    pub id: String,
    pub direction: String,
    pub direction_code: &'static str,
    pub kind: String,
    pub status: String,
    pub status_code: &'static str,
    pub area: String,
    pub details: String,
    pub for_other: bool,
    pub posted_at: String,
    pub matches: u64,
    pub from: Option<String>,
}

/// A summary in the reader's words.
pub fn row(tr: &Tr, p: &AidSummary) -> Row {
    Row {
        id: p.record.id.to_string(),
        direction: tr.tp("aid-direction-", p.record.direction.code()),
        direction_code: p.record.direction.code(),
        kind: tr.tp("aid-kind-", p.record.kind.code()),
        status: tr.tp("aid-status-", p.record.status.code()),
        status_code: p.record.status.code(),
        area: p.text.area.clone(),
        details: p.text.details.clone(),
        for_other: p.record.for_other,
        posted_at: format_time(p.record.posted_at),
        matches: p.matches as u64,
        from: p.from.as_ref().map(|c| c.name_in(tr.language).name.clone()),
    }
}

fn kinds(tr: &Tr, chosen: &str) -> Vec<(&'static str, String, bool)> {
    AidKind::ALL
        .iter()
        .map(|k| (k.code(), tr.tp("aid-kind-", k.code()), chosen == k.code()))
        .collect()
}

#[derive(Template)]
#[template(path = "aid/list.html")]
struct ListPage {
    l: Layout,
    slug: String,
    name: String,
    kinds: Vec<(&'static str, String, bool)>,
    area: String,
    all: bool,
    rows: Vec<Row>,
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    all: String,
}

/// `GET /c/{slug}/aid?kind=rides&area=boyle+heights`
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let filter = AidFilter {
        kind: AidKind::from_code(&q.kind),
        area: q.area.chars().take(AREA_MAX).collect(),
        all: q.all == "1",
    };
    let v = state.app.aid_list(actor, &slug, &filter).await?;
    let l = viewer.layout();
    page(ListPage {
        slug: v.council.slug.to_string(),
        name: v.council.name_in(l.tr.language).name.clone(),
        kinds: kinds(&l.tr, &q.kind),
        area: filter.area,
        all: filter.all,
        rows: v.posts.iter().map(|p| row(&l.tr, p)).collect(),
        l,
    })
}

struct ShareField {
    slug: String,
    name: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "aid/new.html")]
struct NewPage {
    l: Layout,
    slug: String,
    name: String,
    directions: Vec<(&'static str, String, bool)>,
    kinds: Vec<(&'static str, String, bool)>,
    form: AidForm,
    shares: Vec<ShareField>,
    error: Option<String>,
    area_max: usize,
    details_max: usize,
    for_whom_max: usize,
}

fn new_page(
    viewer: &Viewer,
    council: &Council,
    linked: &[Council],
    form: AidForm,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let language = l.tr.language;
    let p = NewPage {
        slug: council.slug.to_string(),
        name: council.name_in(language).name.clone(),
        directions: AidDirection::ALL
            .iter()
            .map(|d| {
                (
                    d.code(),
                    l.tr.tp("aid-direction-", d.code()),
                    form.direction == d.code(),
                )
            })
            .collect(),
        kinds: kinds(&l.tr, &form.kind),
        shares: linked
            .iter()
            .map(|c| ShareField {
                slug: c.slug.to_string(),
                name: c.name_in(language).name.clone(),
                checked: form.share.iter().any(|s| s == c.slug.as_str()),
            })
            .collect(),
        form,
        error: error.as_ref().map(|(_, m)| m.clone()),
        area_max: AREA_MAX,
        details_max: DETAILS_MAX,
        for_whom_max: FOR_WHOM_MAX,
        l,
    };
    match error {
        Some((status, _)) => with_status(status, p),
        None => page(p),
    }
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    direction: String,
    #[serde(default)]
    kind: String,
}

/// `GET /c/{slug}/aid/new?direction=offer`
pub async fn new(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Query(q): Query<NewQuery>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let (council, linked) = state.app.aid_form(actor, &slug).await?;
    let form = AidForm {
        direction: AidDirection::from_code(&q.direction)
            .unwrap_or(AidDirection::Request)
            .code()
            .into(),
        kind: q.kind,
        ..AidForm::default()
    };
    new_page(&viewer, &council, &linked, form, None)
}

/// Reads the posted fields (several `share` boxes may be ticked).
pub fn read_form(fields: &[(String, String)]) -> AidForm {
    let mut form = AidForm::default();
    for (name, value) in fields {
        match name.as_str() {
            "direction" => form.direction = value.clone(),
            "kind" => form.kind = value.clone(),
            "area" => form.text.area = value.clone(),
            "details" => form.text.details = value.clone(),
            "for_other" => form.for_other = value == "1",
            "for_whom" => form.text.for_whom = value.clone(),
            "share" => form.share.push(value.clone()),
            _ => {}
        }
    }
    form
}

/// `POST /c/{slug}/aid`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let form = read_form(&fields);
    match state.app.post_aid(actor, &slug, &form).await {
        Ok(id) => Ok(see(&format!("/aid/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let (council, linked) = state.app.aid_form(actor, &slug).await?;
            new_page(&viewer, &council, &linked, form, Some(error))
        }
    }
}
