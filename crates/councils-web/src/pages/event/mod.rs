//! An event's page: what, when, where, languages and accessibility, the roles it needs with
//! the gaps left and a sign-up per role, RSVPs, live updates (shown without reload through
//! the alerts stream by `static/live.js`, and on any reload), the calendar file, and the
//! organisers' forms. The council's list and the new-event form are in `new`.
//!
//! Anyone who may not read an event, signed out or not, is told it does not exist.

pub mod new;

use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::pages::democracy::form_error;
use crate::pages::{format_time, fragment, page_with_status, render, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use councils_app::AppError;
use councils_app::event::EventView;
use councils_domain::event::{UPDATE_MAX, format_offset, input_local};
use serde::Deserialize;

/// An event's times at its offset: `2026-12-05 10:00 – 13:30 (UTC-08:00)`, the end's date
/// written only when it is another day.
pub(crate) fn when(starts: i64, ends: i64, offset: i32) -> String {
    let start = input_local(starts, offset).replace('T', " ");
    let end = input_local(ends, offset).replace('T', " ");
    let end = match end.split_once(' ') {
        Some((day, time)) if start.starts_with(day) => time.to_string(),
        _ => end,
    };
    format!("{start} – {end} (UTC{})", format_offset(offset))
}

/// A role's line: how many, how many signed up, the gap, whether the reader holds it.
pub struct NeedRow {
    pub code: &'static str,
    pub label: String,
    pub needed: u32,
    pub signed: u32,
    pub gap: u64,
    pub full: bool,
    pub mine: bool,
    /// Who holds it (for those who run the event).
    pub who: Vec<String>,
}

/// A live update as shown.
pub struct UpdateRow {
    pub text: String,
    pub by: String,
    pub at: String,
}

/// What the page's content (and its live fragment) shows.
pub struct Body {
    pub id: String,
    pub slug: String,
    pub council: String,
    pub kind: String,
    pub title: String,
    pub when: String,
    pub place: String,
    pub languages: String,
    pub accessibility: String,
    pub details: String,
    pub cancelled: bool,
    pub needs: Vec<NeedRow>,
    pub coming_count: u64,
    pub coming: Vec<String>,
    pub my_rsvp: bool,
    /// The councils it is shared with, by name, in one line.
    pub shared_with: String,
    pub updates: Vec<UpdateRow>,
    pub may_manage: bool,
    pub delete_after: String,
    pub update_max: usize,
    pub error: Option<String>,
}

fn body(tr: &Tr, v: &EventView, error: Option<String>) -> Body {
    let language = tr.language;
    Body {
        id: v.event.id.to_string(),
        slug: v.council.slug.to_string(),
        council: v.council.name_in(language).name.clone(),
        kind: tr.tp("event-kind-", v.event.kind.code()),
        title: v.text.title.clone(),
        when: when(v.event.starts_at, v.event.ends_at, v.event.utc_offset),
        place: v.text.place.clone(),
        languages: v.text.languages.clone(),
        accessibility: v.text.accessibility.clone(),
        details: v.text.details.clone(),
        cancelled: v.event.cancelled_at.is_some(),
        needs: v
            .needs
            .iter()
            .map(|n| NeedRow {
                code: n.role.code(),
                label: tr.tp("event-role-", n.role.code()),
                needed: n.needed,
                signed: n.signed,
                gap: u64::from(n.gap()),
                full: n.is_full(),
                mine: v.my_role == Some(n.role),
                who: v
                    .sign_ups
                    .iter()
                    .filter(|s| s.role == n.role)
                    .map(|s| s.handle.to_string())
                    .collect(),
            })
            .collect(),
        coming_count: v.coming_count as u64,
        coming: v.coming.clone(),
        my_rsvp: v.my_rsvp,
        shared_with: v
            .shared_with
            .iter()
            .map(|c| c.name_in(language).name.clone())
            .collect::<Vec<_>>()
            .join(", "),
        updates: v
            .updates
            .iter()
            .map(|u| UpdateRow {
                text: u.text.clone(),
                by: u.by.clone().unwrap_or_default(),
                at: format_time(u.at),
            })
            .collect(),
        may_manage: v.may_manage,
        delete_after: format_time(v.delete_after),
        update_max: UPDATE_MAX,
        error,
    }
}

#[derive(Template)]
#[template(path = "event/show.html")]
struct ShowPage {
    l: Layout,
    b: Body,
}

#[derive(Template)]
#[template(path = "event/body.html")]
struct BodyFragment {
    l: Layout,
    b: Body,
}

fn show_page(
    viewer: &Viewer,
    v: &EventView,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let b = body(&l.tr, v, error);
    page_with_status(status, ShowPage { l, b })
}

/// `GET /events/{id}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let v = state.app.event_page(actor, &id).await?;
    show_page(&viewer, &v, StatusCode::OK, None)
}

/// `GET /events/{id}/live`: the page's content alone, for the open page to put in place when
/// the stream says the event has news.
pub async fn live(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let v = state.app.event_page(actor, &id).await?;
    let l = viewer.layout();
    let b = body(&l.tr, &v, None);
    Ok(fragment(render(&BodyFragment { l, b })?))
}

/// `GET /events/{id}/event.ics`: the event for a calendar.
pub async fn ics(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let labels = [
        viewer.tr.t("event-languages"),
        viewer.tr.t("event-accessibility"),
    ];
    let file = state
        .app
        .event_ics(actor, &id, [&labels[0], &labels[1]])
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"event.ics\"",
            ),
        ],
        file,
    )
        .into_response())
}

/// After a step: back to the event, or the page again with the error in words.
async fn after(
    state: &WebState,
    viewer: &Viewer,
    id: &str,
    result: Result<(), AppError>,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(see(&format!("/events/{id}"))),
        Err(e) => {
            let (status, message) = form_error(viewer, e)?;
            let actor = viewer.member()?;
            let v = state.app.event_page(actor, id).await?;
            show_page(viewer, &v, status, Some(message))
        }
    }
}

#[derive(Deserialize)]
pub struct RsvpFields {
    going: String,
}

/// `POST /events/{id}/rsvp`: `going=yes` or `going=no`.
pub async fn rsvp(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(f): Form<RsvpFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match f.going.as_str() {
        "yes" => state.app.rsvp(actor, &id, true).await,
        "no" => state.app.rsvp(actor, &id, false).await,
        _ => Err(AppError::BadValue),
    };
    after(&state, &viewer, &id, result).await
}

#[derive(Deserialize)]
pub struct RoleFields {
    role: String,
}

/// `POST /events/{id}/roles`: sign up for a role.
pub async fn sign_up(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(f): Form<RoleFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.sign_up_for_role(actor, &id, &f.role).await;
    after(&state, &viewer, &id, result).await
}

/// `POST /events/{id}/roles/leave`
pub async fn leave_role(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.leave_role(actor, &id).await;
    after(&state, &viewer, &id, result).await
}

#[derive(Deserialize)]
pub struct UpdateFields {
    #[serde(default)]
    text: String,
}

/// `POST /events/{id}/updates`: a live update to everyone coming.
pub async fn update(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(f): Form<UpdateFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.post_event_update(actor, &id, &f.text).await;
    after(&state, &viewer, &id, result).await
}

/// `POST /events/{id}/cancel`
pub async fn cancel(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.cancel_event(actor, &id).await;
    after(&state, &viewer, &id, result).await
}
