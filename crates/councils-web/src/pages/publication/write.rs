//! Writing a publication (organisers): the form for its texts in each language and whether it
//! is public, then publishing the draft, changing who reads it, editing its texts and
//! deleting it.

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
use councils_app::publication::PublicationForm;
use councils_domain::Language;
use councils_domain::publication::{BODY_MAX, PublicationText, TITLE_MAX};
use serde::Deserialize;

/// One language's fields on the form.
pub struct TextFields {
    pub code: &'static str,
    pub name: &'static str,
    pub title: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "publication/new.html")]
struct NewPage {
    l: Layout,
    slug: String,
    name: String,
    /// The publication being edited; none for a new one.
    editing: Option<String>,
    texts: Vec<TextFields>,
    public: bool,
    title_max: usize,
    body_max: usize,
    error: Option<String>,
}

/// The form's fields: a title and a text per language, and the public box.
#[derive(Deserialize, Default)]
pub struct NewFields {
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    body_en: String,
    #[serde(default)]
    title_es: String,
    #[serde(default)]
    body_es: String,
    #[serde(default)]
    public: Option<String>,
}

impl NewFields {
    fn texts(&self) -> Vec<PublicationText> {
        Language::ALL
            .iter()
            .map(|&language| {
                let (title, body) = match language {
                    Language::En => (&self.title_en, &self.body_en),
                    Language::Es => (&self.title_es, &self.body_es),
                };
                PublicationText {
                    language,
                    title: title.clone(),
                    body: body.clone(),
                }
            })
            .collect()
    }
}

impl NewFields {
    /// The fields as a publication's texts fill them.
    fn of(texts: Vec<PublicationText>) -> Self {
        let mut fields = Self::default();
        for t in texts {
            let (title, body) = match t.language {
                Language::En => (&mut fields.title_en, &mut fields.body_en),
                Language::Es => (&mut fields.title_es, &mut fields.body_es),
            };
            *title = t.title;
            *body = t.body;
        }
        fields
    }
}

async fn render(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    typed: NewFields,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    // Only organisers reach the form: the same check as creating.
    let council = state.app.publication_desk(actor, slug).await?;
    form_page(viewer, &council, None, typed, error)
}

fn form_page(
    viewer: &Viewer,
    council: &councils_domain::Council,
    editing: Option<String>,
    typed: NewFields,
    error: Option<(StatusCode, String)>,
) -> Result<Response, WebError> {
    let l = viewer.layout();
    let texts = typed
        .texts()
        .into_iter()
        .map(|t| TextFields {
            code: t.language.code(),
            name: t.language.endonym(),
            title: t.title,
            body: t.body,
        })
        .collect();
    let page_ = NewPage {
        slug: council.slug.to_string(),
        name: council.name_in(l.tr.language).name.clone(),
        editing,
        texts,
        public: typed.public.is_some(),
        title_max: TITLE_MAX,
        body_max: BODY_MAX,
        error: error.as_ref().map(|(_, m)| m.clone()),
        l,
    };
    match error {
        Some((status, _)) => with_status(status, page_),
        None => page(page_),
    }
}

/// `GET /c/{slug}/publications/new`
pub async fn new(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    render(&state, &viewer, &slug, NewFields::default(), None).await
}

/// `POST /c/{slug}/publications`: an organiser saves a draft.
pub async fn create(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(fields): Form<NewFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let form = PublicationForm {
        texts: fields.texts(),
        public: fields.public.is_some(),
    };
    match state.app.draft_publication(actor, &slug, form).await {
        Ok(id) => Ok(see(&format!("/c/{slug}/publications/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            render(&state, &viewer, &slug, fields, Some(error)).await
        }
    }
}

/// `POST /c/{slug}/publications/{id}/publish`
pub async fn publish(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    match state.app.publish_publication(actor, &slug, &id).await {
        Ok(()) => Ok(see(&format!("/c/{slug}/publications/{id}"))),
        Err(e) => super::show::render_with_error(&state, &viewer, &slug, &id, e).await,
    }
}

#[derive(Deserialize)]
pub struct VisibilityFields {
    #[serde(default)]
    public: String,
}

/// `POST /c/{slug}/publications/{id}/visibility`: public (`public=yes`) or members only.
pub async fn visibility(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<VisibilityFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let public = fields.public == "yes";
    state
        .app
        .set_publication_public(actor, &slug, &id, public)
        .await?;
    Ok(see(&format!("/c/{slug}/publications/{id}")))
}

/// `GET /c/{slug}/publications/{id}/edit`: the texts as they are, to change.
pub async fn edit(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let (council, texts) = state
        .app
        .publication_for_revision(actor, &slug, &id)
        .await?;
    form_page(&viewer, &council, Some(id), NewFields::of(texts), None)
}

/// `POST /c/{slug}/publications/{id}/edit`: an organiser saves the changed texts.
pub async fn revise(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<NewFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    match state
        .app
        .revise_publication(actor, &slug, &id, fields.texts())
        .await
    {
        Ok(()) => Ok(see(&format!("/c/{slug}/publications/{id}"))),
        Err(e) => {
            let error = form_error(&viewer, e)?;
            let (council, _) = state
                .app
                .publication_for_revision(actor, &slug, &id)
                .await?;
            form_page(&viewer, &council, Some(id), fields, Some(error))
        }
    }
}

#[derive(Deserialize)]
pub struct DeleteFields {
    #[serde(default)]
    sure: String,
}

/// `POST /c/{slug}/publications/{id}/delete`: an organiser deletes it with its comments, once
/// they ticked that they are sure.
pub async fn delete(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(fields): Form<DeleteFields>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    if fields.sure != "yes" {
        let unsure = councils_app::AppError::Publication(
            councils_domain::publication::PublicationError::NotConfirmed,
        );
        return super::show::render_with_error(&state, &viewer, &slug, &id, unsure).await;
    }
    match state.app.delete_publication(actor, &slug, &id).await {
        Ok(()) => Ok(see(&format!("/c/{slug}/publications"))),
        Err(e) => super::show::render_with_error(&state, &viewer, &slug, &id, e).await,
    }
}
