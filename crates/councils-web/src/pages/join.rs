//! Joining through an invitation link: a new pseudonymous account, or an existing member
//! joining one more council. The first invitation of a new instance also founds a council.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{page, page_with_status, see};
use crate::viewer::{Layout, Viewer, signed_in_cookies};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use councils_app::AppError;
use councils_app::invitation::InvitationPreview;
use councils_app::join::{CouncilForm, JoinForm};
use councils_domain::{CouncilKind, Language};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "join.html")]
struct JoinPage {
    l: Layout,
    token: String,
    council_name: Option<String>,
    role: &'static str,
    kinds: &'static [CouncilKind],
    form: JoinFields,
    error: Option<String>,
}

/// The join form as typed, shown again (without the passphrase) when something is wrong.
#[derive(Deserialize, Default, Clone)]
pub struct JoinFields {
    #[serde(default)]
    handle: String,
    #[serde(default)]
    passphrase: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    council_name: String,
    #[serde(default)]
    council_slug: String,
    #[serde(default)]
    council_kind: String,
}

fn join_page(
    viewer: &Viewer,
    token: String,
    preview: &InvitationPreview,
    form: JoinFields,
    error: Option<String>,
) -> JoinPage {
    JoinPage {
        l: viewer.layout(),
        token,
        council_name: preview
            .council
            .as_ref()
            .map(|c| c.name_in(viewer.tr.language).name.clone()),
        role: preview.role.code(),
        kinds: &CouncilKind::ALL,
        form: JoinFields {
            passphrase: String::new(),
            language: if form.language.is_empty() {
                viewer.tr.language.code().to_string()
            } else {
                form.language
            },
            ..form
        },
        error,
    }
}

/// `GET /join/{token}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let preview = state.app.invitation(&token).await?;
    page(join_page(
        &viewer,
        token,
        &preview,
        JoinFields::default(),
        None,
    ))
}

/// `POST /join/{token}`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    jar: CookieJar,
    Path(token): Path<String>,
    Form(fields): Form<JoinFields>,
) -> Result<Response, WebError> {
    let preview = state.app.invitation(&token).await?;
    let language = Language::from_code(&fields.language).unwrap_or(viewer.tr.language);
    let founding = preview.council.is_none().then(|| CouncilForm {
        slug: fields.council_slug.clone(),
        kind: CouncilKind::from_code(&fields.council_kind)
            .unwrap_or(CouncilKind::WorkplaceCommittee),
        name: fields.council_name.clone(),
        description: String::new(),
        language,
    });
    let form = JoinForm {
        handle: fields.handle.clone(),
        passphrase: fields.passphrase.clone(),
        language,
        email: Some(fields.email.clone()),
        founding,
    };
    match state.app.join(&token, &form).await {
        Ok((_, signed_in)) => {
            let jar = signed_in_cookies(
                &state,
                jar,
                &signed_in.token,
                signed_in.device_tag,
                language,
            );
            Ok((jar, see("/councils")).into_response())
        }
        Err(error)
            if !matches!(
                error,
                AppError::Internal(_) | AppError::InvitationUsed | AppError::InvitationExpired
            ) =>
        {
            let message = viewer.tr.t(&format!("error-{}", error.code()));
            page_with_status(
                status_of(&error),
                join_page(&viewer, token, &preview, fields, Some(message)),
            )
        }
        Err(error) => Err(error.into()),
    }
}

/// `POST /join/{token}/existing`: a signed-in member joins one more council.
pub async fn join_existing(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    state.app.join_existing(actor, &token).await?;
    Ok(see("/councils"))
}
