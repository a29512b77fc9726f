//! The printable leaflet: a publication typeset as a PDF by typst (`councils-leaflet`), on A4
//! or US Letter, its languages side by side or one a page, as the reader chooses, with the
//! council's name and the date. Typesetting runs on a blocking thread, off the runtime's
//! workers. A server built without the `leaflets` feature says so, in the reader's language.

use super::format_date;
use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use councils_app::{Actor, AppError};
use councils_leaflet::{Layout, Leaflet, LeafletError, LeafletText, Paper};
use serde::Deserialize;

/// The reader's choices, from the leaflet form (a GET form, so it works without JavaScript).
#[derive(Deserialize, Default)]
pub struct LeafletQuery {
    #[serde(default)]
    paper: Option<String>,
    #[serde(default)]
    layout: Option<String>,
}

/// Makes the leaflet the reader asked for, if they may read the publication.
pub(crate) async fn leaflet_pdf(
    state: &WebState,
    actor: Option<&Actor>,
    tr: Tr,
    slug: &str,
    id: &str,
    query: &LeafletQuery,
) -> Result<Response, AppError> {
    let view = state.app.publication(actor, slug, id).await?;
    let paper = match query.paper.as_deref() {
        None | Some("") => Paper::A4,
        Some(code) => Paper::from_code(code).ok_or(AppError::BadValue)?,
    };
    let layout = match query.layout.as_deref() {
        None | Some("") => Layout::SideBySide,
        Some(code) => Layout::from_code(code).ok_or(AppError::BadValue)?,
    };
    if !councils_leaflet::AVAILABLE {
        return Err(AppError::LeafletsNotBuilt);
    }
    // The reader's language first (on the left, or on the first page).
    let mut texts = view.texts.clone();
    texts.sort_by_key(|t| t.language != tr.language);
    let leaflet = Leaflet {
        council: view.council.name_in(tr.language).name.clone(),
        date: format_date(&tr, view.published_at.unwrap_or(view.created_at)),
        paper,
        layout,
        texts: texts
            .into_iter()
            .map(|t| LeafletText {
                language: t.language.code().to_string(),
                title: t.title,
                body: t.body,
            })
            .collect(),
    };
    let pdf = tokio::task::spawn_blocking(move || councils_leaflet::render(&leaflet))
        .await
        .map_err(|e| AppError::Internal(format!("leaflet task: {e}")))?
        .map_err(|e| match e {
            LeafletError::NotBuilt => AppError::LeafletsNotBuilt,
            other => AppError::Internal(other.to_string()),
        })?;
    let filename = format!("leaflet-{}-{}.pdf", view.council.slug, paper.code());
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{filename}\""),
            ),
        ],
        pdf,
    )
        .into_response())
}

/// `GET /c/{slug}/publications/{id}/leaflet.pdf?paper=a4|us-letter&layout=side-by-side|page-per-language`
pub async fn pdf(
    State(state): State<WebState>,
    viewer: crate::viewer::Viewer,
    Path((slug, id)): Path<(String, String)>,
    Query(query): Query<LeafletQuery>,
) -> Result<Response, WebError> {
    leaflet_pdf(&state, viewer.actor.as_ref(), viewer.tr, &slug, &id, &query)
        .await
        .map_err(|e| viewer.signed_in_or(e))
}
