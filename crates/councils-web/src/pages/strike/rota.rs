//! A strike's picket rota: shifts by place and time with who signed up and what each still
//! needs (the gaps), a button to sign up or withdraw, and the form organisers add shifts with.
//! Times are typed and shown in UTC, as on every page.

use super::StrikeHead;
use crate::WebState;
use crate::error::WebError;
use crate::i18n::Arg;
use crate::pages::democracy::{form_error, with_status};
use crate::pages::{format_time, page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::strike::rota::{RotaView, ShiftForm};
use councils_domain::strike::StrikeError;
use serde::Deserialize;

struct Shift {
    id: String,
    place: String,
    when: String,
    count: String,
    gap_text: String,
    signed: Vec<String>,
    gap: u32,
    mine: bool,
    ahead: bool,
}

#[derive(Template)]
#[template(path = "strike/rota.html")]
struct RotaPage {
    l: Layout,
    head: StrikeHead,
    shifts: Vec<Shift>,
    gaps: u32,
    gaps_text: String,
    may_add: bool,
    form: ShiftFields,
    error: Option<String>,
}

fn render(
    viewer: &Viewer,
    v: RotaView,
    form: ShiftFields,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let rota = RotaPage {
        head: StrikeHead::of(&v.access, l.tr.language),
        shifts: v
            .shifts
            .into_iter()
            .map(|s| Shift {
                id: s.id.to_string(),
                place: s.place,
                when: format!("{} – {}", format_time(s.starts_at), format_time(s.ends_at)),
                count: l.tr.args(
                    "rota-signed",
                    &[
                        ("signed", Arg::from(s.signed_up.len() as u64)),
                        ("needed", Arg::from(s.needed)),
                    ],
                ),
                gap_text: l.tr.tn("rota-gap", u64::from(s.gap)),
                signed: s.signed_up.iter().map(|h| h.to_string()).collect(),
                gap: s.gap,
                mine: s.mine,
                ahead: s.ahead,
            })
            .collect(),
        gaps: v.gaps,
        gaps_text: l.tr.args(
            "rota-gaps",
            &[
                ("people", Arg::from(v.gaps)),
                ("shifts", Arg::from(v.short as u64)),
            ],
        ),
        may_add: v.access.organiser && !v.access.strike.status.is_over(),
        form,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => with_status(status, rota),
        None => page(rota),
    }
}

/// `GET /strikes/{id}/rota`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.rota(viewer.member()?, &id).await?;
    render(
        &viewer,
        v,
        ShiftFields {
            hours: "4".into(),
            needed: "2".into(),
            ..ShiftFields::default()
        },
        None,
    )
}

#[derive(Deserialize, Default)]
pub struct ShiftFields {
    #[serde(default)]
    place: String,
    /// `2026-12-15T06:00`, as a `datetime-local` input sends it (read as UTC).
    #[serde(default)]
    starts: String,
    #[serde(default)]
    hours: String,
    #[serde(default)]
    needed: String,
}

/// Reads `YYYY-MM-DDTHH:MM` (seconds allowed) as a UTC time.
pub(crate) fn parse_local(raw: &str) -> Option<i64> {
    let raw = raw.trim();
    let minutes = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]");
    let seconds =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    time::PrimitiveDateTime::parse(raw, &minutes)
        .or_else(|_| time::PrimitiveDateTime::parse(raw, &seconds))
        .ok()
        .map(|t| t.assume_utc().unix_timestamp())
}

impl ShiftFields {
    fn form(&self) -> Result<ShiftForm, StrikeError> {
        Ok(ShiftForm {
            place: self.place.clone(),
            starts_at: parse_local(&self.starts).ok_or(StrikeError::BadShift)?,
            hours: self
                .hours
                .trim()
                .parse()
                .map_err(|_| StrikeError::BadShift)?,
            needed: self
                .needed
                .trim()
                .parse()
                .map_err(|_| StrikeError::BadShift)?,
        })
    }
}

/// `POST /strikes/{id}/rota`: an organiser adds a shift.
pub async fn add(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(fields): Form<ShiftFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let added = match fields.form() {
        Ok(form) => state.app.add_shift(actor, &id, &form).await,
        Err(e) => {
            // A reader who may not see the strike learns nothing from a bad form either.
            state.app.strike_access(actor, &id).await?;
            Err(e.into())
        }
    };
    match added {
        Ok(_) => Ok(see(&format!("/strikes/{id}/rota"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let v = state.app.rota(actor, &id).await?;
            render(&viewer, v, fields, Some(error))
        }
    }
}

/// `POST /strikes/{id}/rota/{shift}/sign-up`
pub async fn sign_up(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((id, shift)): Path<(String, String)>,
) -> Result<Response, WebError> {
    state.app.sign_up(viewer.member()?, &id, &shift).await?;
    Ok(see(&format!("/strikes/{id}/rota#shift-{shift}")))
}

/// `POST /strikes/{id}/rota/{shift}/withdraw`
pub async fn withdraw(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((id, shift)): Path<(String, String)>,
) -> Result<Response, WebError> {
    state.app.withdraw(viewer.member()?, &id, &shift).await?;
    Ok(see(&format!("/strikes/{id}/rota#shift-{shift}")))
}
