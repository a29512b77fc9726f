//! A committee's grievances: the list (all of them for organisers, with the form that joins
//! several into a collective grievance; a member's own named ones otherwise), and the form
//! that files one, named or anonymously.

use super::{Choice, Line, kinds, line};
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
use councils_app::grievance::GrievanceDraft;
use councils_domain::grievance::{PEOPLE_MAX, Statement, WANTED_MAX, WHAT_MAX, WHEN_MAX};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Template)]
#[template(path = "grievance/list.html")]
struct ListPage {
    l: Layout,
    slug: String,
    name: String,
    organiser: bool,
    grievances: Vec<Line>,
    kinds: Vec<Choice>,
    error: Option<String>,
}

async fn list_page(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let v = state.app.grievances(viewer.member()?, slug).await?;
    let l = viewer.layout();
    let page_ = ListPage {
        slug: v.council.slug.to_string(),
        name: v.council.name_in(l.tr.language).name.clone(),
        organiser: v.organiser,
        grievances: v.grievances.iter().map(|g| line(&l.tr, g)).collect(),
        kinds: kinds(&l.tr, "other"),
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/grievances`
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    list_page(&state, &viewer, &slug, None).await
}

/// The filing form's fields.
#[derive(Deserialize, Default)]
pub struct FileFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    what: String,
    #[serde(default)]
    when: String,
    #[serde(default)]
    affected: String,
    #[serde(default)]
    wanted: String,
    #[serde(default)]
    anonymous: Option<String>,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    rate: String,
    #[serde(default)]
    paid: String,
    #[serde(default)]
    currency: String,
}

#[derive(Template)]
#[template(path = "grievance/new.html")]
struct NewPage {
    l: Layout,
    slug: String,
    form: FileFields,
    kinds: Vec<Choice>,
    what_max: usize,
    when_max: usize,
    people_max: usize,
    wanted_max: usize,
    error: Option<String>,
}

fn new_page(
    viewer: &Viewer,
    slug: &str,
    form: FileFields,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let page_ = NewPage {
        kinds: kinds(&l.tr, &form.kind),
        l,
        slug: slug.to_string(),
        form,
        what_max: WHAT_MAX,
        when_max: WHEN_MAX,
        people_max: PEOPLE_MAX,
        wanted_max: WANTED_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/grievances/new`
pub async fn new(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    // The same check as filing: an active member of a workplace committee.
    state.app.grievances(viewer.member()?, &slug).await?;
    let form = FileFields {
        kind: "wage-theft".into(),
        currency: "USD".into(),
        ..FileFields::default()
    };
    new_page(&viewer, &slug, form, None)
}

/// `POST /c/{slug}/grievances`: a named grievance opens its case page; an anonymous one opens
/// its private link, the only way back to it.
pub async fn file(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<FileFields>,
) -> Result<Response, WebError> {
    let draft = GrievanceDraft {
        kind: fields.kind.clone(),
        statement: Statement {
            what: fields.what.clone(),
            when: fields.when.clone(),
            affected: fields.affected.clone(),
            wanted: fields.wanted.clone(),
        },
        anonymous: fields.anonymous.is_some(),
        hours: fields.hours.clone(),
        rate: fields.rate.clone(),
        paid: fields.paid.clone(),
        currency: fields.currency.clone(),
        claim: None,
    };
    match state
        .app
        .file_grievance(viewer.member()?, &slug, &draft)
        .await
    {
        Ok(filed) => Ok(match filed.follow_token {
            Some(token) => see(&format!("/grievances/follow/{}?new=1", token.expose())),
            None => see(&format!("/c/{slug}/grievances/{}", filed.id)),
        }),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            new_page(&viewer, &slug, fields, Some(error))
        }
    }
}

/// `POST /c/{slug}/grievances/collective`: the grievances ticked (`join-{id}`), with the
/// collective grievance's kind, statement and demand.
pub async fn collective(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let mut ids: Vec<String> = fields
        .keys()
        .filter_map(|k| k.strip_prefix("join-"))
        .map(str::to_string)
        .collect();
    ids.sort();
    let field = |name: &str| fields.get(name).cloned().unwrap_or_default();
    let statement = Statement {
        what: field("what"),
        wanted: field("wanted"),
        ..Statement::default()
    };
    match state
        .app
        .join_grievances(viewer.member()?, &slug, &ids, &field("kind"), statement)
        .await
    {
        Ok(id) => Ok(see(&format!("/c/{slug}/grievances/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            list_page(&state, &viewer, &slug, Some(error)).await
        }
    }
}
