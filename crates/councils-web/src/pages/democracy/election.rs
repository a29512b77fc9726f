//! Calling an election of a council's delegates to a higher council.

use super::{form_error, with_status};
use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::democracy::election::{ElectionDraft, ElectionForm, TERM_MONTHS_MAX};
use councils_domain::Language;

struct ParentOption {
    slug: String,
    name: String,
    seats: u64,
}

#[derive(Template)]
#[template(path = "democracy/election_new.html")]
struct ElectionPage {
    l: Layout,
    slug: String,
    name: String,
    parents: Vec<ParentOption>,
    candidates: Vec<String>,
    chosen: Vec<String>,
    term_months: String,
    title_en: String,
    body_en: String,
    title_es: String,
    body_es: String,
    error: Option<String>,
    months_max: u32,
}

impl ElectionPage {
    fn chosen(&self, handle: &str) -> bool {
        self.chosen.iter().any(|c| c == handle)
    }
}

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn render(
    viewer: &Viewer,
    form: ElectionForm,
    fields: Option<&[(String, String)]>,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let language = viewer.tr.language;
    let first = form.parents.first().map(|(p, _)| p.clone());
    let default_title = |l: Language| {
        first
            .as_ref()
            .map(|p| Tr::new(l).ta("election-default-title", "parent", &p.name_in(l).name))
            .unwrap_or_default()
    };
    let value = |name: &str, default: String| match fields {
        Some(f) => field(f, name).to_string(),
        None => default,
    };
    let page_ = ElectionPage {
        l: viewer.layout(),
        slug: form.council.slug.to_string(),
        name: form.council.name_in(language).name.clone(),
        parents: form
            .parents
            .iter()
            .map(|(p, seats)| ParentOption {
                slug: p.slug.to_string(),
                name: p.name_in(language).name.clone(),
                seats: *seats,
            })
            .collect(),
        candidates: form.candidates.iter().map(|h| h.to_string()).collect(),
        chosen: fields
            .map(|f| {
                f.iter()
                    .filter(|(k, _)| k == "candidate")
                    .map(|(_, v)| v.clone())
                    .collect()
            })
            .unwrap_or_default(),
        term_months: value("term_months", "12".into()),
        title_en: value("title_en", default_title(Language::En)),
        body_en: value("body_en", String::new()),
        title_es: value("title_es", default_title(Language::Es)),
        body_es: value("body_es", String::new()),
        error: error.as_ref().map(|(_, m)| m.clone()),
        months_max: TERM_MONTHS_MAX,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/elections/new`
pub async fn new(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let form = state.app.election_form(actor, &slug).await?;
    render(&viewer, form, None, None)
}

/// `POST /c/{slug}/elections`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let draft = ElectionDraft {
        parent: field(&fields, "parent").trim().to_string(),
        term_months: field(&fields, "term_months").trim().parse().unwrap_or(0),
        candidates: fields
            .iter()
            .filter(|(k, _)| k == "candidate")
            .map(|(_, v)| v.clone())
            .collect(),
        texts: vec![
            (
                Language::En,
                field(&fields, "title_en").to_string(),
                field(&fields, "body_en").to_string(),
            ),
            (
                Language::Es,
                field(&fields, "title_es").to_string(),
                field(&fields, "body_es").to_string(),
            ),
        ],
    };
    match state.app.call_election(actor, &slug, &draft).await {
        Ok(id) => Ok(see(&format!("/c/{slug}/motions/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let form = state.app.election_form(actor, &slug).await?;
            render(&viewer, form, Some(&fields), Some(error))
        }
    }
}
