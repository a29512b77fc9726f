//! "My councils", and founding a new council.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::Response;
use councils_app::AppError;
use councils_app::council::MyCouncil;
use councils_app::join::CouncilForm;
use councils_domain::{CouncilKind, MembershipStatus};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "councils.html")]
struct MyCouncilsPage {
    l: Layout,
    councils: Vec<MyCouncil>,
}

impl MyCouncilsPage {
    fn name<'a>(&self, council: &'a MyCouncil) -> &'a str {
        &council.council.name_in(self.l.tr.language).name
    }
    fn pending(&self, council: &MyCouncil) -> bool {
        council.status == MembershipStatus::Pending
    }
}

/// `GET /councils`
pub async fn mine(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let councils = state.app.my_councils(actor).await?;
    page(MyCouncilsPage {
        l: viewer.layout(),
        councils,
    })
}

#[derive(Template)]
#[template(path = "council_new.html")]
struct NewCouncilPage {
    l: Layout,
    kinds: &'static [CouncilKind],
    form: NewCouncilFields,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct NewCouncilFields {
    #[serde(default)]
    name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    description: String,
}

/// `GET /councils/new`
pub async fn new(viewer: Viewer) -> Result<Response, WebError> {
    viewer.member()?;
    page(NewCouncilPage {
        l: viewer.layout(),
        kinds: &CouncilKind::ALL,
        form: NewCouncilFields::default(),
        error: None,
    })
}

/// `POST /councils`
pub async fn found(
    State(state): State<WebState>,
    viewer: Viewer,
    Form(fields): Form<NewCouncilFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let Some(kind) = CouncilKind::from_code(&fields.kind) else {
        return Err(AppError::BadValue.into());
    };
    let form = CouncilForm {
        slug: fields.slug.clone(),
        kind,
        name: fields.name.clone(),
        description: fields.description.clone(),
        language: viewer.tr.language,
    };
    match state.app.found_council(actor, &form).await {
        Ok(slug) => Ok(see(&format!("/c/{slug}"))),
        Err(AppError::Internal(cause)) => Err(AppError::Internal(cause).into()),
        Err(error) => page_with_status(
            status_of(&error),
            NewCouncilPage {
                error: Some(viewer.tr.t(&format!("error-{}", error.code()))),
                l: viewer.layout(),
                kinds: &CouncilKind::ALL,
                form: fields,
            },
        ),
    }
}
