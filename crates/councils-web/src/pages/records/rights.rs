//! A committee's know-your-rights page: general guidance at the door, at work and in the
//! street in the reader's language, with the committee's hotline and legal contacts, which
//! an organiser sets here. Printable (the stylesheet's print rules).

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
use councils_app::ports::RightsContacts;
use councils_app::records::rights::{HOTLINE_MAX, LEGAL_MAX, RightsView};
use serde::Deserialize;

/// The guidance, by place: each a heading and its points, all translation keys.
const SECTIONS: [(&str, &[&str]); 3] = [
    (
        "rights-door",
        &[
            "rights-door-open",
            "rights-door-warrant",
            "rights-door-judge",
            "rights-door-outside",
            "rights-door-silent",
        ],
    ),
    (
        "rights-work",
        &[
            "rights-work-silent",
            "rights-work-areas",
            "rights-work-papers",
            "rights-work-run",
        ],
    ),
    (
        "rights-street",
        &[
            "rights-street-free",
            "rights-street-silent",
            "rights-street-search",
            "rights-street-calm",
            "rights-street-record",
        ],
    ),
];

/// What holds everywhere: the points said once after the places.
const ALWAYS: [&str; 5] = [
    "rights-always-sign",
    "rights-always-lie",
    "rights-always-lawyer",
    "rights-always-number",
    "rights-always-plan",
];

struct Section {
    heading: String,
    points: Vec<String>,
}

#[derive(Template)]
#[template(path = "records/rights.html")]
struct RightsPage {
    l: Layout,
    slug: String,
    name: String,
    sections: Vec<Section>,
    always: Vec<String>,
    hotline: String,
    legal: String,
    may_edit: bool,
    hotline_max: usize,
    legal_max: usize,
    error: Option<String>,
}

fn render(
    viewer: &Viewer,
    v: RightsView,
    typed: Option<RightsContacts>,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let contacts = typed.unwrap_or(v.contacts);
    let page_ = RightsPage {
        slug: v.council.slug.to_string(),
        name: v.council.name_in(l.tr.language).name.clone(),
        sections: SECTIONS
            .iter()
            .map(|(heading, points)| Section {
                heading: l.tr.t(heading),
                points: points.iter().map(|p| l.tr.t(p)).collect(),
            })
            .collect(),
        always: ALWAYS.iter().map(|p| l.tr.t(p)).collect(),
        hotline: contacts.hotline,
        legal: contacts.legal,
        may_edit: v.may_edit,
        hotline_max: HOTLINE_MAX,
        legal_max: LEGAL_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/rights`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.rights(viewer.member()?, &slug).await?;
    render(&viewer, v, None, None)
}

#[derive(Deserialize)]
pub struct ContactFields {
    #[serde(default)]
    hotline: String,
    #[serde(default)]
    legal: String,
}

/// `POST /c/{slug}/rights`: an organiser sets the hotline and legal contacts.
pub async fn set_contacts(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<ContactFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let contacts = RightsContacts {
        hotline: fields.hotline,
        legal: fields.legal,
    };
    match state.app.set_rights_contacts(actor, &slug, &contacts).await {
        Ok(()) => Ok(see(&format!("/c/{slug}/rights"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let v = state.app.rights(actor, &slug).await?;
            render(&viewer, v, Some(contacts), Some(error))
        }
    }
}
