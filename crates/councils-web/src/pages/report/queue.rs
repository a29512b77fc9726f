//! The committee's rapid-response page: the button to report, and the reports and alerts the
//! reader may see (a verifier's queue, a responder's alerts, a member's own reports), which
//! `alerts.js` keeps current without a reload.

use super::{Card, card};
use crate::WebState;
use crate::error::WebError;
use crate::pages::page;
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_domain::Role;

#[derive(Template)]
#[template(path = "report/queue.html")]
struct QueuePage {
    l: Layout,
    slug: String,
    council_name: String,
    cards: Vec<Card>,
    may_verify: bool,
    may_respond: bool,
    organiser: bool,
    counts: Option<String>,
}

/// `GET /c/{slug}/alerts`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.report_queue(actor, &slug).await?;
    let l = viewer.layout();
    let home = view.council.slug.to_string();
    page(QueuePage {
        cards: view.items.iter().map(|i| card(&l.tr, i, &home)).collect(),
        council_name: view.council.name_in(l.tr.language).name.clone(),
        slug: home,
        may_verify: view.may_verify,
        may_respond: view.may_respond,
        organiser: view.standing.holds(Role::Organiser),
        counts: view.counts.map(|c| {
            l.tr.args(
                "alerts-counts",
                &[
                    ("reports", c.reports.into()),
                    ("alerts", c.alerts.into()),
                    ("false_alarms", c.false_alarms.into()),
                ],
            )
        }),
        l,
    })
}
