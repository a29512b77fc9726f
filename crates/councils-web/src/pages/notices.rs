//! `/notices`: how the member hears about each topic (live only, Web Push, email at once or a
//! daily digest), and the notices kept for their mail, which every such mail links to.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{format_time, page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;
use councils_app::notices::TopicChoice;
use councils_app::ports::{DeliveryMode, NoticeTopic};
use councils_app::{Actor, AppError};
use std::collections::HashMap;

/// A kept notice as the page lists it.
struct KeptLine {
    title: String,
    path: String,
    when: String,
    waiting: bool,
}

#[derive(Template)]
#[template(path = "notices.html")]
struct NoticesPage {
    l: Layout,
    choices: Vec<TopicChoice>,
    modes: [DeliveryMode; 4],
    kept: Vec<KeptLine>,
    has_email: bool,
    error: Option<String>,
    saved: bool,
}

async fn notices_page(
    state: &WebState,
    viewer: &Viewer,
    actor: &Actor,
    error: Option<&AppError>,
    saved: bool,
) -> Result<Response, WebError> {
    let tr = &viewer.tr;
    let kept = state
        .app
        .kept_notices(actor)
        .await?
        .into_iter()
        .map(|item| KeptLine {
            title: tr.tp("delivery-title-", &item.kind),
            when: format_time(item.created_at),
            waiting: item.mailed_at.is_none(),
            path: item.path,
        })
        .collect();
    let template = NoticesPage {
        l: viewer.layout(),
        choices: state.app.notice_choices(actor).await?,
        modes: DeliveryMode::ALL,
        kept,
        has_email: state.app.email(actor).await?.is_some(),
        error: error.map(|e| tr.t(&format!("error-{}", e.code()))),
        saved,
    };
    match error {
        Some(error) => page_with_status(status_of(error), template),
        None => page(template),
    }
}

/// `GET /notices` (`?saved=1` after the choices were saved).
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let saved = query.contains_key("saved");
    notices_page(&state, &viewer, actor, None, saved).await
}

/// The choices a form (or the API) names: `topic code -> mode code`. Alerts and unknown
/// topics are refused, as are unknown modes.
pub fn parse_choices(
    fields: &HashMap<String, String>,
) -> Result<Vec<(NoticeTopic, DeliveryMode)>, AppError> {
    let mut choices = Vec::new();
    for (name, value) in fields {
        let topic = NoticeTopic::ALL
            .into_iter()
            .find(|t| t.code() == name)
            .ok_or(AppError::BadValue)?;
        let mode = DeliveryMode::parse(value).ok_or(AppError::BadValue)?;
        choices.push((topic, mode));
    }
    choices.sort_by_key(|(topic, _)| *topic);
    Ok(choices)
}

/// `POST /notices`: one select per topic.
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let chosen = match parse_choices(&fields) {
        Ok(choices) => state.app.choose_notices(actor, &choices).await,
        Err(error) => Err(error),
    };
    match chosen {
        Ok(()) => Ok(see("/notices?saved=1")),
        Err(error @ (AppError::Internal(_) | AppError::NotSignedIn)) => Err(error.into()),
        Err(error) => notices_page(&state, &viewer, actor, Some(&error), false).await,
    }
}
