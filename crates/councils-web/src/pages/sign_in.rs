//! Signing in and out.

use crate::WebState;
use crate::error::{SignInNeeded, WebError, status_of};
use crate::pages::{page, page_with_status, see};
use crate::viewer::{
    DEVICE_COOKIE, Layout, Viewer, cookie, session_cookie_name, signed_in_cookies,
};
use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::Method;
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::Cookie;
use councils_app::AppError;
use councils_app::ports::SessionKind;
use councils_domain::Passphrase;
use serde::Deserialize;
use std::convert::Infallible;
use std::net::SocketAddr;

/// The page a signed-out visitor asked for (a link in a notice's mail, say), opened once they
/// have signed in. It stays in their browser only, for a quarter of an hour.
pub const THEN_COOKIE: &str = "councils_then";

/// A path of this site that signing in may lead back to: absolute, not to another host
/// (`//host`; a backslash is not among the characters allowed), and only characters a cookie
/// may hold unquoted.
fn local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/sign-in")
        && path.len() <= 512
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/-._~%?=&+".contains(&b))
}

/// Remembers the page behind a redirect to sign in, for a page read (GET) only.
pub async fn remember_destination(
    State(state): State<WebState>,
    request: Request,
    next: Next,
) -> Response {
    let wanted = (request.method() == Method::GET)
        .then(|| {
            request
                .uri()
                .path_and_query()
                .map(|p| p.as_str().to_string())
        })
        .flatten()
        .filter(|p| local_path(p));
    let response = next.run(request).await;
    match wanted {
        Some(path) if response.extensions().get::<SignInNeeded>().is_some() => {
            let then = cookie(&state, THEN_COOKIE, path, Some(time::Duration::minutes(15)));
            (CookieJar::new().add(then), response).into_response()
        }
        _ => response,
    }
}

/// The client's address, for throttling only: held in memory, never stored or logged.
pub struct ClientKey(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientKey {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string())
            .unwrap_or_default();
        Ok(ClientKey(ip))
    }
}

#[derive(Template)]
#[template(path = "sign_in.html")]
struct SignInPage {
    l: Layout,
    handle: String,
    error: Option<String>,
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    handle: String,
    #[serde(default)]
    passphrase: String,
}

/// `GET /sign-in`
pub async fn show(viewer: Viewer) -> Result<Response, WebError> {
    if viewer.actor.is_some() {
        return Ok(see("/councils"));
    }
    page(SignInPage {
        l: viewer.layout(),
        handle: String::new(),
        error: None,
    })
}

/// `POST /sign-in`
pub async fn submit(
    State(state): State<WebState>,
    viewer: Viewer,
    ClientKey(client): ClientKey,
    jar: CookieJar,
    Form(form): Form<SignInForm>,
) -> Result<Response, WebError> {
    let device = jar.get(DEVICE_COOKIE).map(|c| c.value().to_string());
    let result = state
        .app
        .sign_in(
            &form.handle,
            &Passphrase::unchecked(&form.passphrase),
            &client,
            device.as_deref(),
            SessionKind::Browser,
        )
        .await;
    match result {
        Ok(signed_in) => {
            let actor = state.app.authenticate(&signed_in.token).await?;
            let then = jar
                .get(THEN_COOKIE)
                .map(|c| c.value().to_string())
                .filter(|p| local_path(p))
                .unwrap_or_else(|| "/councils".to_string());
            let jar = signed_in_cookies(
                &state,
                jar.remove(Cookie::build(THEN_COOKIE).path("/")),
                &signed_in.token,
                signed_in.device_tag,
                actor.language,
            );
            Ok((jar, see(&then)).into_response())
        }
        Err(error @ (AppError::SignInFailed | AppError::SignInThrottled { .. })) => {
            let message = match &error {
                AppError::SignInThrottled {
                    retry_after_minutes,
                } => viewer
                    .tr
                    .tn("error-sign-in-throttled", *retry_after_minutes as u64),
                _ => viewer.tr.t("error-sign-in-failed"),
            };
            page_with_status(
                status_of(&error),
                SignInPage {
                    l: viewer.layout(),
                    handle: form.handle,
                    error: Some(message),
                },
            )
        }
        Err(other) => Err(other.into()),
    }
}

/// `POST /sign-out`: ends the session on the server, not only in the browser.
pub async fn sign_out(
    State(state): State<WebState>,
    viewer: Viewer,
    jar: CookieJar,
) -> Result<Response, WebError> {
    if let Some(actor) = &viewer.actor {
        state.app.sign_out(actor).await?;
    }
    let jar = jar.remove(Cookie::build(session_cookie_name(&state)).path("/"));
    Ok((jar, see("/")).into_response())
}
