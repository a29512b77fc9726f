//! Proposing a motion: its kind, voting method and rules, its options, and its text in one
//! or both languages.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_app::motion::MotionDraft;
use councils_domain::motion::{Method, MotionKind};
use councils_domain::{Action, Language};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "motion/new.html")]
struct NewMotionPage {
    l: Layout,
    slug: String,
    council_name: String,
    form: MotionFields,
    error: Option<String>,
}

impl NewMotionPage {
    fn kinds(&self) -> &'static [MotionKind] {
        &MotionKind::ALL
    }
    fn methods(&self) -> &'static [&'static str] {
        &Method::CODES
    }
    fn majorities(&self) -> [&'static str; 3] {
        ["simple", "two-thirds", "members"]
    }
}

/// The form as typed, kept to show it again with an error.
#[derive(Deserialize, Default)]
pub struct MotionFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    method: String,
    #[serde(default)]
    score_max: String,
    #[serde(default)]
    seats: String,
    #[serde(default)]
    secret: String,
    #[serde(default)]
    majority: String,
    #[serde(default)]
    quorum_percent: String,
    #[serde(default)]
    options: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    title_es: String,
    #[serde(default)]
    body_es: String,
    #[serde(default)]
    draft: String,
}

impl MotionFields {
    fn draft(&self) -> Result<MotionDraft, AppError> {
        let optional = |text: &str| -> Result<Option<u32>, AppError> {
            match text.trim() {
                "" => Ok(None),
                n => n.parse().map(Some).map_err(|_| AppError::BadValue),
            }
        };
        Ok(MotionDraft {
            kind: self.kind.clone(),
            method: self.method.clone(),
            score_max: optional(&self.score_max)?,
            seats: optional(&self.seats)?,
            secret: !self.secret.is_empty(),
            majority: self.majority.clone(),
            quorum_percent: optional(&self.quorum_percent)?.unwrap_or(0),
            options: self.options.lines().map(str::to_string).collect(),
            texts: vec![
                (Language::En, self.title_en.clone(), self.body_en.clone()),
                (Language::Es, self.title_es.clone(), self.body_es.clone()),
            ],
            as_draft: !self.draft.is_empty(),
        })
    }
}

async fn council_name(state: &WebState, viewer: &Viewer, slug: &str) -> Result<String, WebError> {
    let actor = viewer.member()?;
    let view = state.app.council_page(actor, slug).await?;
    if !view.standing.may(Action::ProposeMotion) {
        return Err(AppError::Forbidden.into());
    }
    Ok(view.council.name_in(viewer.tr.language).name.clone())
}

/// `GET /c/{slug}/motions/new`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let council_name = council_name(&state, &viewer, &slug).await?;
    let (_, defaults) = state.app.motion_defaults(viewer.member()?, &slug).await?;
    page(NewMotionPage {
        l: viewer.layout(),
        slug,
        council_name,
        form: MotionFields {
            kind: "ordinary".into(),
            method: defaults.method,
            majority: defaults.majority,
            quorum_percent: match defaults.quorum_percent {
                0 => String::new(),
                p => p.to_string(),
            },
            secret: if defaults.secret {
                "1".into()
            } else {
                String::new()
            },
            ..MotionFields::default()
        },
        error: None,
    })
}

/// `POST /c/{slug}/motions`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<MotionFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match form.draft() {
        Ok(draft) => state.app.propose_motion(actor, &slug, &draft).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see(&format!("/c/{slug}/motions/{id}"))),
        Err(e @ (AppError::Internal(_) | AppError::Forbidden | AppError::NotFound)) => {
            Err(e.into())
        }
        Err(e) => page_with_status(
            status_of(&e),
            NewMotionPage {
                error: Some(viewer.tr.t(&format!("error-{}", e.code()))),
                council_name: council_name(&state, &viewer, &slug).await?,
                l: viewer.layout(),
                slug,
                form,
            },
        ),
    }
}
