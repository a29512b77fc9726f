//! A strike's page: its title, status, demands, the strike committee and the committees on
//! strike, links to the rota and the fund, and (for the strike committee's organisers) the
//! status form.

use super::StrikeHead;
use crate::WebState;
use crate::error::WebError;
use crate::pages::{format_time, page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_domain::strike::StrikeStatus;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "strike/show.html")]
struct ShowPage {
    l: Layout,
    head: StrikeHead,
    demands: Vec<String>,
    opened_at: String,
    chair: bool,
    statuses: Vec<(&'static str, String)>,
}

/// `GET /strikes/{id}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.strike(viewer.member()?, &id).await?;
    let l = viewer.layout();
    let a = &v.access;
    page(ShowPage {
        head: StrikeHead::of(a, l.tr.language),
        demands: a.strike.demands.clone(),
        opened_at: format_time(a.strike.opened_at),
        chair: a.chair,
        statuses: StrikeStatus::ALL
            .iter()
            .map(|s| (s.code(), l.tr.tp("strike-status-", s.code())))
            .collect(),
        l,
    })
}

#[derive(Deserialize)]
pub struct StatusFields {
    #[serde(default)]
    status: String,
}

/// `POST /strikes/{id}/status`: an organiser of the strike committee changes the status.
pub async fn status(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<StatusFields>,
) -> Result<Response, WebError> {
    state
        .app
        .set_strike_status(viewer.member()?, &id, &fields.status)
        .await?;
    Ok(see(&format!("/strikes/{id}")))
}
