//! A constituent's mandates: the motions of its higher councils, the mandate voted on each,
//! and putting a mandate to the vote.

use super::{form_error, with_status};
use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::pages::motion::text_in;
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::democracy::mandate::MandatesView;
use councils_domain::motion::Phase;
use councils_domain::{Action, Language};
use serde::Deserialize;

struct Item {
    parent: String,
    parent_slug: String,
    motion_id: String,
    title: String,
    phase: String,
    referendum: bool,
    mandate: Option<String>,
    mandate_motions: Vec<String>,
    open: bool,
}

#[derive(Template)]
#[template(path = "democracy/mandates.html")]
struct MandatesPage {
    l: Layout,
    slug: String,
    name: String,
    items: Vec<Item>,
    may_propose: bool,
    error: Option<String>,
}

fn render(
    viewer: &Viewer,
    view: MandatesView,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let language = l.tr.language;
    let items = view
        .items
        .iter()
        .map(|i| Item {
            parent: i.parent.name_in(language).name.clone(),
            parent_slug: i.parent.slug.to_string(),
            motion_id: i.motion.id.to_string(),
            title: text_in(&i.motion.texts, language).title().to_string(),
            phase: l.tr.tp("phase-", i.motion.phase.code()),
            referendum: i.referendum,
            mandate: i
                .mandate
                .as_ref()
                .map(|m| l.tr.tp("mandate-", m.choice.code())),
            mandate_motions: i.mandate_motions.iter().map(|m| m.to_string()).collect(),
            open: matches!(i.motion.phase, Phase::Discussion | Phase::Voting),
        })
        .collect();
    let page_ = MandatesPage {
        slug: view.council.slug.to_string(),
        name: view.council.name_in(language).name.clone(),
        may_propose: view.standing.may(Action::ProposeMotion),
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
        items,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/mandates`
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.mandates(actor, &slug).await?;
    render(&viewer, view, None)
}

#[derive(Deserialize)]
pub struct MandateForm {
    #[serde(default)]
    for_motion: String,
}

/// `POST /c/{slug}/mandates`: an active member puts a mandate on a higher council's motion
/// to the council; it opens in discussion like any motion.
pub async fn propose(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<MandateForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state
        .app
        .propose_mandate(actor, &slug, form.for_motion.trim(), |higher| {
            Language::ALL
                .iter()
                .map(|&language| {
                    let tr = Tr::new(language);
                    let title = text_in(&higher.texts, language).title();
                    (
                        language,
                        tr.ta("mandate-motion-title", "title", title),
                        tr.t(if higher.rules.method().is_ranked() {
                            "mandate-motion-body-ranked"
                        } else {
                            "mandate-motion-body"
                        }),
                    )
                })
                .collect()
        })
        .await;
    match result {
        Ok(id) => Ok(see(&format!("/c/{slug}/motions/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let view = state.app.mandates(actor, &slug).await?;
            render(&viewer, view, Some(error))
        }
    }
}
