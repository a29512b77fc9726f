//! A council's defaults for new motions: the method, majority, quorum and secrecy the
//! new-motion form starts from, and that votes on amendments are held under.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_app::ports::MotionDefaults;
use councils_domain::Action;
use serde::Deserialize;

/// Methods that need no further parameters, so they can stand as a default.
const DEFAULT_METHODS: [&str; 5] = ["yes-no", "consent", "approval", "schulze", "irv"];

#[derive(Template)]
#[template(path = "motion/defaults.html")]
struct DefaultsPage {
    l: Layout,
    slug: String,
    council_name: String,
    defaults: MotionDefaults,
    may_change: bool,
    error: Option<String>,
}

impl DefaultsPage {
    fn methods(&self) -> &'static [&'static str] {
        &DEFAULT_METHODS
    }
    fn majorities(&self) -> [&'static str; 3] {
        ["simple", "two-thirds", "members"]
    }
}

#[derive(Deserialize)]
pub struct DefaultsForm {
    #[serde(default)]
    method: String,
    #[serde(default)]
    majority: String,
    #[serde(default)]
    quorum_percent: String,
    #[serde(default)]
    secret: String,
}

impl DefaultsForm {
    fn defaults(&self) -> Result<MotionDefaults, AppError> {
        if !DEFAULT_METHODS.contains(&self.method.as_str()) {
            return Err(AppError::BadValue);
        }
        Ok(MotionDefaults {
            method: self.method.clone(),
            majority: self.majority.clone(),
            quorum_percent: match self.quorum_percent.trim() {
                "" => 0,
                n => n.parse().map_err(|_| AppError::BadValue)?,
            },
            secret: !self.secret.is_empty(),
        })
    }
}

async fn render(
    state: &WebState,
    viewer: &Viewer,
    slug: String,
    shown: Option<MotionDefaults>,
    error: Option<AppError>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let (council, stored) = state.app.motion_defaults(actor, &slug).await?;
    let may_change = state
        .app
        .council_page(actor, &slug)
        .await?
        .standing
        .may(Action::ChangeSettings);
    let status = error.as_ref().map(status_of);
    let view = DefaultsPage {
        l: viewer.layout(),
        council_name: council.name_in(viewer.tr.language).name.clone(),
        slug,
        defaults: shown.unwrap_or(stored),
        may_change,
        error: error.map(|e| viewer.tr.t(&format!("error-{}", e.code()))),
    };
    match status {
        Some(status) => page_with_status(status, view),
        None => page(view),
    }
}

/// `GET /c/{slug}/motion-defaults`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    render(&state, &viewer, slug, None, None).await
}

/// `POST /c/{slug}/motion-defaults`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<DefaultsForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match form.defaults() {
        Ok(defaults) => state
            .app
            .set_motion_defaults(actor, &slug, &defaults)
            .await
            .map(|()| defaults),
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see(&format!("/c/{slug}/motion-defaults"))),
        Err(e @ (AppError::Internal(_) | AppError::Forbidden | AppError::NotFound)) => {
            Err(e.into())
        }
        Err(e) => {
            let shown = MotionDefaults {
                method: form.method.clone(),
                majority: form.majority.clone(),
                quorum_percent: form.quorum_percent.trim().parse().unwrap_or(0),
                secret: !form.secret.is_empty(),
            };
            render(&state, &viewer, slug, Some(shown), Some(e)).await
        }
    }
}
