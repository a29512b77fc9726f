//! A committee's rapid-response settings: how many days closed alerts are kept, and which
//! neighbouring committees' responders also get its alerts.

use super::new::Offer;
use crate::WebState;
use crate::error::WebError;
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_domain::report::retention::CLOSED_DAYS_MAX;

#[derive(Template)]
#[template(path = "report/settings.html")]
struct SettingsPage {
    l: Layout,
    slug: String,
    council_name: String,
    closed_days: u32,
    days_max: u32,
    neighbours: Vec<Offer>,
}

/// `GET /c/{slug}/rapid-response`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let v = state.app.rapid_response_settings(actor, &slug).await?;
    let l = viewer.layout();
    page(SettingsPage {
        slug: v.council.slug.to_string(),
        council_name: v.council.name_in(l.tr.language).name.clone(),
        closed_days: v.settings.closed_days,
        days_max: CLOSED_DAYS_MAX,
        neighbours: v
            .candidates
            .iter()
            .map(|c| Offer {
                code: c.slug.to_string(),
                label: c.name_in(l.tr.language).name.clone(),
                chosen: v.settings.neighbours.contains(&c.id),
            })
            .collect(),
        l,
    })
}

/// `POST /c/{slug}/rapid-response`: `closed_days`, and `neighbour` once per chosen committee.
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let days = fields
        .iter()
        .find(|(k, _)| k == "closed_days")
        .and_then(|(_, v)| v.trim().parse().ok())
        .ok_or(AppError::BadValue)?;
    let neighbours: Vec<String> = fields
        .into_iter()
        .filter(|(k, _)| k == "neighbour")
        .map(|(_, v)| v)
        .collect();
    state
        .app
        .set_rapid_response_settings(actor, &slug, days, &neighbours)
        .await?;
    Ok(see(&format!("/c/{slug}/alerts")))
}
