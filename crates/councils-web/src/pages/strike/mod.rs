//! Strikes (`pages/strike/`): a committee's strikes with the forms to open one on a carried
//! strike vote or join another committee's (here), a strike's page and status (`show`), its
//! picket rota (`rota`) and its fund (`fund`).
//!
//! Anyone who may not see a strike, signed in or not, gets not-found, as if it did not exist.

pub mod fund;
pub mod rota;
pub mod show;

use crate::WebState;
use crate::error::WebError;
use crate::pages::democracy::{form_error, with_status};
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::AppError;
use councils_app::strike::StrikeAccess;
use councils_app::strike::open::{CommitteeStrikes, StrikeForm};
use councils_domain::Language;
use councils_domain::ledger::Money;
use serde::Deserialize;

/// What every strike page shows at its top: the strike, its committees and its sections.
pub(crate) struct StrikeHead {
    pub id: String,
    pub title: String,
    pub status: String,
    pub status_code: &'static str,
    pub committee: String,
    pub committee_slug: String,
    pub parties: Vec<(String, String)>,
}

impl StrikeHead {
    pub(crate) fn of(access: &StrikeAccess, language: Language) -> Self {
        let tr = crate::i18n::Tr::new(language);
        Self {
            id: access.strike.id.to_string(),
            title: access.strike.title.clone(),
            status: tr.tp("strike-status-", access.strike.status.code()),
            status_code: access.strike.status.code(),
            committee: access.committee.name_in(language).name.clone(),
            committee_slug: access.committee.slug.to_string(),
            parties: access
                .parties
                .iter()
                .map(|c| (c.slug.to_string(), c.name_in(language).name.clone()))
                .collect(),
        }
    }
}

/// Money as pages show it: `1250.05 USD`.
pub(crate) fn money(cents: i64, access: &StrikeAccess) -> String {
    Money {
        cents,
        currency: access.strike.currency,
    }
    .to_string()
}

struct Line {
    id: String,
    title: String,
    status: String,
    committee: String,
}

#[derive(Template)]
#[template(path = "strike/list.html")]
struct ListPage {
    l: Layout,
    slug: String,
    name: String,
    strikes: Vec<Line>,
    may_open: bool,
    carried: Vec<(String, String)>,
    free: Vec<(String, String)>,
    form: OpenFields,
    join: JoinFields,
    error: Option<String>,
}

fn render(
    viewer: &Viewer,
    v: CommitteeStrikes,
    form: OpenFields,
    join: JoinFields,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let language = l.tr.language;
    let list = ListPage {
        slug: v.council.slug.to_string(),
        name: v.council.name_in(language).name.clone(),
        strikes: v
            .strikes
            .iter()
            .map(|s| Line {
                id: s.strike.id.to_string(),
                title: s.strike.title.clone(),
                status: l.tr.tp("strike-status-", s.strike.status.code()),
                committee: s.committee.name_in(language).name.clone(),
            })
            .collect(),
        may_open: v.may_open,
        carried: v
            .carried
            .iter()
            .map(|c| (c.id.to_string(), c.title.clone()))
            .collect(),
        free: v
            .free_committees
            .iter()
            .map(|c| (c.slug.to_string(), c.name_in(language).name.clone()))
            .collect(),
        form,
        join,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => with_status(status, list),
        None => page(list),
    }
}

/// `GET /c/{slug}/strikes`
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let v = state.app.committee_strikes(viewer.member()?, &slug).await?;
    render(
        &viewer,
        v,
        OpenFields {
            currency: "USD".into(),
            ..OpenFields::default()
        },
        JoinFields::default(),
        None,
    )
}

#[derive(Deserialize, Default)]
pub struct OpenFields {
    #[serde(default)]
    motion: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    demands: String,
    #[serde(default)]
    currency: String,
    #[serde(default)]
    existing: String,
    #[serde(default)]
    committee_slug: String,
    #[serde(default)]
    committee_name: String,
}

/// `POST /c/{slug}/strikes`: an organiser opens a strike on a carried strike vote.
pub async fn open(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<OpenFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let form = StrikeForm {
        motion: fields.motion.clone(),
        title: fields.title.clone(),
        demands: fields.demands.clone(),
        currency: fields.currency.clone(),
        existing: fields.existing.clone(),
        slug: fields.committee_slug.clone(),
        name: fields.committee_name.clone(),
    };
    match state.app.open_strike(actor, &slug, &form).await {
        Ok(id) => Ok(see(&format!("/strikes/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let v = state.app.committee_strikes(actor, &slug).await?;
            render(&viewer, v, fields, JoinFields::default(), Some(error))
        }
    }
}

#[derive(Deserialize, Default)]
pub struct JoinFields {
    #[serde(default)]
    motion: String,
    #[serde(default)]
    strike_committee: String,
}

/// `POST /c/{slug}/strikes/join`: an organiser joins another committee's strike on the
/// committee's own carried strike vote.
pub async fn join(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<JoinFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    match state
        .app
        .join_strike(actor, &slug, &fields.strike_committee, &fields.motion)
        .await
    {
        Ok(id) => Ok(see(&format!("/strikes/{id}"))),
        Err(e) => {
            // No strike run by that committee: said on the form (councils' names are no
            // secret); the list below still refuses anyone who is not a member here.
            let error = match e {
                AppError::NotFound => (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    viewer.tr.t("strike-join-unknown"),
                ),
                e => form_error(&viewer, e)?,
            };
            let v = state.app.committee_strikes(actor, &slug).await?;
            render(&viewer, v, OpenFields::default(), fields, Some(error))
        }
    }
}
