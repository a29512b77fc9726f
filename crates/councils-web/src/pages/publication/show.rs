//! Reading a publication: its texts (Markdown made safe), the leaflet form, the organisers'
//! buttons, and the comments in threads, each with a reply form (a `<details>`, so no
//! JavaScript is needed) and, for organisers, hide, show again and remove.

use super::markdown::to_html;
use super::{format_date, language_names};
use crate::WebState;
use crate::error::WebError;
use crate::pages::democracy::form_error;
use crate::pages::{page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use councils_app::AppError;
use councils_app::publication::PublicationView;
use councils_domain::publication::{COMMENT_MAX, CommentStatus, Moderation, PublicationStatus};
use serde::Deserialize;

/// One language's text, rendered.
pub struct Shown {
    pub code: &'static str,
    pub name: &'static str,
    pub title: String,
    /// Sanitised HTML (see `markdown::to_html`).
    pub html: String,
}

/// A comment as the page shows it.
pub struct ShownComment {
    pub id: String,
    pub depth: usize,
    pub author: String,
    pub when: String,
    /// `None` when hidden from this reader or removed.
    pub body: Option<String>,
    pub hidden: bool,
    pub removed: bool,
}

#[derive(Template)]
#[template(path = "publication/show.html")]
struct ShowPage {
    l: Layout,
    slug: String,
    id: String,
    council: String,
    title: String,
    texts: Vec<Shown>,
    languages: String,
    two_languages: bool,
    draft: bool,
    public: bool,
    date: String,
    comments: Vec<ShownComment>,
    may_comment: bool,
    may_edit: bool,
    signed_in: bool,
    comment_max: usize,
    error: Option<String>,
}

fn render(
    viewer: &Viewer,
    v: PublicationView,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let reader = l.tr.language;
    // The reader's language first, then the others in the order written.
    let mut texts = v.texts.clone();
    texts.sort_by_key(|t| t.language != reader);
    let title = texts.first().map(|t| t.title.clone()).unwrap_or_default();
    let former = l.tr.t("minutes-former-member");
    let page_ = ShowPage {
        slug: v.council.slug.to_string(),
        id: v.id.to_string(),
        council: v.council.name_in(reader).name.clone(),
        title,
        languages: language_names(&v.texts.iter().map(|t| t.language).collect::<Vec<_>>()),
        two_languages: v.texts.len() > 1,
        texts: texts
            .iter()
            .map(|t| Shown {
                code: t.language.code(),
                name: t.language.endonym(),
                title: t.title.clone(),
                html: to_html(&t.body),
            })
            .collect(),
        draft: v.status == PublicationStatus::Draft,
        public: v.public,
        date: format_date(&l.tr, v.published_at.unwrap_or(v.created_at)),
        comments: v
            .comments
            .iter()
            .map(|c| ShownComment {
                id: c.id.to_string(),
                depth: c.depth,
                author: c.author.clone().unwrap_or_else(|| former.clone()),
                when: crate::pages::format_time(c.created_at),
                body: c.body.clone(),
                hidden: c.status == CommentStatus::Hidden,
                removed: c.status == CommentStatus::Removed,
            })
            .collect(),
        may_comment: v.may_comment,
        may_edit: v.may_edit,
        signed_in: viewer.actor.is_some(),
        comment_max: COMMENT_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => page_with_status(status, page_),
        None => page(page_),
    }
}

/// The publication page again with a form's error on it (or the error's own page when the
/// reader may not see it).
pub(crate) async fn render_with_error(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    id: &str,
    error: AppError,
) -> Result<Response, WebError> {
    let shown = form_error(viewer, error)?;
    let v = state
        .app
        .publication(viewer.actor.as_ref(), slug, id)
        .await?;
    render(viewer, v, Some(shown))
}

/// `GET /c/{slug}/publications/{id}`: for anyone who may read it, signed in or not.
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let v = state
        .app
        .publication(viewer.actor.as_ref(), &slug, &id)
        .await
        .map_err(|e| viewer.signed_in_or(e))?;
    render(&viewer, v, None)
}

#[derive(Deserialize)]
pub struct CommentFields {
    #[serde(default)]
    body: String,
    #[serde(default)]
    parent: String,
}

/// `POST /c/{slug}/publications/{id}/comments`: a comment, or a reply (`parent`).
pub async fn comment(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<CommentFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let parent = Some(fields.parent.as_str()).filter(|p| !p.is_empty());
    match state
        .app
        .comment_on_publication(actor, &slug, &id, parent, &fields.body)
        .await
    {
        Ok(comment) => Ok(see(&format!(
            "/c/{slug}/publications/{id}#comment-{comment}"
        ))),
        Err(e) => render_with_error(&state, &viewer, &slug, &id, e).await,
    }
}

#[derive(Deserialize)]
pub struct ModerationFields {
    #[serde(default)]
    action: String,
}

/// `POST /c/{slug}/publications/{id}/comments/{comment}/moderation`: hide, restore, remove.
pub async fn moderate(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id, comment)): Path<(String, String, String)>,
    Form(fields): Form<ModerationFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let Some(moderation) = Moderation::from_code(&fields.action) else {
        return render_with_error(&state, &viewer, &slug, &id, AppError::BadValue).await;
    };
    match state
        .app
        .moderate_publication_comment(actor, &slug, &id, &comment, moderation)
        .await
    {
        Ok(()) => Ok(see(&format!(
            "/c/{slug}/publications/{id}#comment-{comment}"
        ))),
        Err(e) => render_with_error(&state, &viewer, &slug, &id, e).await,
    }
}
