//! A council's delegation rules, for its organisers: the term cap, what becomes of a
//! delegate's vote against the mandate, the recall threshold and mode, and how the council
//! weighs the votes of the delegates it receives.

use super::{form_error, with_status};
use crate::WebState;
use crate::error::WebError;
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::democracy::RulesForm;
use councils_domain::{
    Action, DelegationRules, MandatePolicy, RecallMode, RecallThreshold, VoteWeighting,
};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "democracy/rules.html")]
struct RulesPage {
    l: Layout,
    slug: String,
    name: String,
    form: RulesFields,
    error: Option<String>,
    policies: Vec<&'static str>,
    modes: Vec<&'static str>,
    weightings: Vec<&'static str>,
}

#[derive(Deserialize, Default, Clone)]
pub struct RulesFields {
    #[serde(default)]
    term_cap: String,
    #[serde(default)]
    mandate_policy: String,
    #[serde(default)]
    recall_threshold: String,
    #[serde(default)]
    recall_num: String,
    #[serde(default)]
    recall_den: String,
    #[serde(default)]
    recall_mode: String,
    #[serde(default)]
    vote_weighting: String,
}

impl RulesFields {
    fn of(rules: &DelegationRules) -> Self {
        let (num, den) = rules.recall.threshold.numbers();
        Self {
            term_cap: rules.term_cap.terms().unwrap_or(0).to_string(),
            mandate_policy: rules.mandate_policy.code().into(),
            recall_threshold: rules.recall.threshold.code().into(),
            recall_num: num.map(|n| n.to_string()).unwrap_or_default(),
            recall_den: den.map(|n| n.to_string()).unwrap_or_default(),
            recall_mode: rules.recall.mode.code().into(),
            vote_weighting: rules.vote_weighting.code().into(),
        }
    }
}

impl RulesPage {
    fn thresholds(&self) -> [&'static str; 3] {
        [
            RecallThreshold::Majority.code(),
            RecallThreshold::Count(1).code(),
            RecallThreshold::Share { num: 1, den: 2 }.code(),
        ]
    }
}

async fn render(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    form: Option<RulesFields>,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.delegates(actor, slug).await?;
    if !view.standing.may(Action::ChangeSettings) {
        return Err(councils_app::AppError::Forbidden.into());
    }
    let page_ = RulesPage {
        l: viewer.layout(),
        slug: view.council.slug.to_string(),
        name: view.council.name_in(viewer.tr.language).name.clone(),
        form: form.unwrap_or_else(|| RulesFields::of(&view.rules)),
        error: error.as_ref().map(|(_, m)| m.clone()),
        policies: MandatePolicy::ALL.iter().map(|p| p.code()).collect(),
        modes: RecallMode::ALL.iter().map(|m| m.code()).collect(),
        weightings: VoteWeighting::ALL.iter().map(|w| w.code()).collect(),
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/delegation`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    render(&state, &viewer, &slug, None, None).await
}

fn number(text: &str) -> Result<u32, councils_app::AppError> {
    match text.trim() {
        "" => Ok(0),
        t => t.parse().map_err(|_| councils_app::AppError::BadValue),
    }
}

/// `POST /c/{slug}/delegation`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<RulesFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = async {
        let form = RulesForm {
            term_cap: number(&fields.term_cap)?,
            mandate_policy: fields.mandate_policy.clone(),
            recall_threshold: fields.recall_threshold.clone(),
            recall_num: number(&fields.recall_num)?,
            recall_den: number(&fields.recall_den)?,
            recall_mode: fields.recall_mode.clone(),
            vote_weighting: fields.vote_weighting.clone(),
        };
        state.app.set_delegation_rules(actor, &slug, &form).await
    }
    .await;
    match result {
        Ok(()) => Ok(see(&format!("/c/{slug}/delegates"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            render(&state, &viewer, &slug, Some(fields), Some(error)).await
        }
    }
}
