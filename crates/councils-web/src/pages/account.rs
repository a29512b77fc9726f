//! A member's own account: language, handle, passphrase, email, sessions, and deleting it.

use crate::WebState;
use crate::error::{WebError, status_of};
use crate::pages::{format_time, page, page_with_status, see};
use crate::viewer::{LANGUAGE_COOKIE, Layout, Viewer, cookie, session_cookie_name};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::Cookie;
use councils_app::ports::SessionKind;
use councils_app::{Actor, AppError};
use councils_domain::{Language, SessionId};
use serde::Deserialize;

struct SessionLine {
    id: String,
    current: bool,
    api: bool,
    opened: String,
    last_seen: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    l: Layout,
    handle: String,
    email: String,
    sessions: Vec<SessionLine>,
    /// The VAPID public key for this browser's push button; `None` hides it.
    push_key: Option<String>,
    devices: Vec<crate::pages::push::DeviceLine>,
    error: Option<String>,
    saved: bool,
}

async fn account_page(
    state: &WebState,
    viewer: &Viewer,
    actor: &Actor,
    error: Option<&AppError>,
    saved: bool,
) -> Result<Response, WebError> {
    let sessions = state
        .app
        .sessions(actor)
        .await?
        .into_iter()
        .map(|s| SessionLine {
            current: s.id == actor.session_id,
            api: s.kind == SessionKind::Api,
            opened: format_time(s.created_at),
            last_seen: format_time(s.last_seen_at),
            id: s.id.to_string(),
        })
        .collect();
    let template = AccountPage {
        l: viewer.layout(),
        handle: actor.handle.to_string(),
        email: state.app.email(actor).await?.unwrap_or_default(),
        sessions,
        push_key: state.app.config().push_public_key.clone(),
        devices: crate::pages::push::devices(state, actor, &viewer.tr).await?,
        error: error.map(|e| viewer.tr.t(&format!("error-{}", e.code()))),
        saved,
    };
    match error {
        Some(error) => page_with_status(status_of(error), template),
        None => page(template),
    }
}

/// Shows the account page again with the error of a refused change; other errors propagate.
async fn refused(state: &WebState, viewer: &Viewer, error: AppError) -> Result<Response, WebError> {
    match error {
        AppError::Internal(_) | AppError::NotSignedIn => Err(error.into()),
        error => account_page(state, viewer, viewer.member()?, Some(&error), false).await,
    }
}

/// `GET /account`
pub async fn show(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    account_page(&state, &viewer, actor, None, false).await
}

#[derive(Deserialize)]
pub struct AccountForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    handle: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    passphrase: String,
}

/// `POST /account/language`
pub async fn language(
    State(state): State<WebState>,
    viewer: Viewer,
    jar: CookieJar,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let language = Language::from_code(&form.language).ok_or(AppError::BadValue)?;
    state.app.change_language(actor, language).await?;
    let jar = jar.add(cookie(
        &state,
        LANGUAGE_COOKIE,
        language.code().to_string(),
        Some(time::Duration::days(365)),
    ));
    Ok((jar, see("/account")).into_response())
}

/// `POST /account/handle`
pub async fn handle(
    State(state): State<WebState>,
    viewer: Viewer,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .change_handle(viewer.member()?, &form.handle)
        .await
    {
        Ok(()) => Ok(see("/account")),
        Err(error) => refused(&state, &viewer, error).await,
    }
}

/// `POST /account/passphrase`: other sessions end; this one stays.
pub async fn passphrase(
    State(state): State<WebState>,
    viewer: Viewer,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    match state
        .app
        .change_passphrase(actor, &form.current, &form.new)
        .await
    {
        Ok(()) => account_page(&state, &viewer, actor, None, true).await,
        Err(error) => refused(&state, &viewer, error).await,
    }
}

/// `POST /account/email`: an empty field removes the email.
pub async fn email(
    State(state): State<WebState>,
    viewer: Viewer,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .change_email(viewer.member()?, Some(&form.email))
        .await
    {
        Ok(()) => Ok(see("/account")),
        Err(error) => refused(&state, &viewer, error).await,
    }
}

/// `POST /account/sessions/{id}/end`
pub async fn end_session(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    state
        .app
        .end_session(viewer.member()?, &SessionId::new(id))
        .await?;
    Ok(see("/account"))
}

/// `POST /account/delete`: erases the account after the passphrase is confirmed.
pub async fn delete(
    State(state): State<WebState>,
    viewer: Viewer,
    jar: CookieJar,
    Form(form): Form<AccountForm>,
) -> Result<Response, WebError> {
    match state
        .app
        .delete_account(viewer.member()?, &form.passphrase)
        .await
    {
        Ok(()) => {
            let jar = jar.remove(Cookie::build(session_cookie_name(&state)).path("/"));
            Ok((jar, see("/")).into_response())
        }
        Err(error) => refused(&state, &viewer, error).await,
    }
}
