//! The federation browser (from any council up to the world council and back down), and the
//! organisers' forms that ask to join, accept and end links.

use crate::WebState;
use crate::error::WebError;
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::federation::FederationNode;
use councils_domain::Language;
use serde::Deserialize;

/// One line of the federation browser: a council at a depth.
struct Row {
    depth: usize,
    slug: String,
    name: String,
    kind: &'static str,
}

fn flatten(nodes: &[FederationNode], depth: usize, language: Language, rows: &mut Vec<Row>) {
    for node in nodes {
        rows.push(Row {
            depth,
            slug: node.council.slug.to_string(),
            name: node.council.name_in(language).name.clone(),
            kind: node.council.kind.code(),
        });
        flatten(&node.next, depth + 1, language, rows);
    }
}

#[derive(Template)]
#[template(path = "federation.html")]
struct FederationPage {
    l: Layout,
    slug: String,
    name: String,
    kind: &'static str,
    up: Vec<Row>,
    down: Vec<Row>,
}

/// `GET /c/{slug}/federation`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.federation(actor, &slug).await?;
    let language = viewer.tr.language;
    let (mut up, mut down) = (Vec::new(), Vec::new());
    flatten(&view.up, 0, language, &mut up);
    flatten(&view.down, 0, language, &mut down);
    page(FederationPage {
        l: viewer.layout(),
        slug: view.council.slug.to_string(),
        name: view.council.name_in(language).name.clone(),
        kind: view.council.kind.code(),
        up,
        down,
    })
}

#[derive(Deserialize)]
pub struct RequestForm {
    #[serde(default)]
    parent: String,
}

/// `POST /c/{slug}/links`: this council asks to send delegates to a higher council.
pub async fn request(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<RequestForm>,
) -> Result<Response, WebError> {
    state
        .app
        .request_link(viewer.member()?, &slug, form.parent.trim())
        .await?;
    Ok(see(&format!("/c/{slug}")))
}

/// `POST /c/{slug}/links/{constituent}/accept`
pub async fn accept(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, constituent)): Path<(String, String)>,
) -> Result<Response, WebError> {
    state
        .app
        .accept_link(viewer.member()?, &slug, &constituent)
        .await?;
    Ok(see(&format!("/c/{slug}")))
}

#[derive(Deserialize)]
pub struct EndForm {
    #[serde(default)]
    constituent: String,
    #[serde(default)]
    parent: String,
    #[serde(default)]
    back: String,
}

/// `POST /links/end`: either side's organiser ends a link, withdraws or declines a request.
pub async fn end(
    State(state): State<WebState>,
    viewer: Viewer,
    Form(form): Form<EndForm>,
) -> Result<Response, WebError> {
    state
        .app
        .end_link(viewer.member()?, &form.constituent, &form.parent)
        .await?;
    let back = if form.back == form.parent {
        &form.parent
    } else {
        &form.constituent
    };
    Ok(see(&format!("/c/{back}")))
}
