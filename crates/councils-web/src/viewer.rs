//! Who is looking at a page, in which language: the session cookie, the language cookie and
//! the browser's `Accept-Language`, read once per request.

use crate::WebState;
use crate::error::WebError;
use crate::i18n::{Tr, negotiate};
use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use councils_app::{Actor, AppError, SessionToken};
use councils_domain::Language;
use time::Duration;

/// The session cookie's name over TLS (or loopback): the `__Host-` prefix pins it to this host.
pub const SESSION_COOKIE_SECURE: &str = "__Host-councils_session";
/// The session cookie's name over plain HTTP on a non-loopback address, where `Secure` (and
/// so `__Host-`) cannot be used.
pub const SESSION_COOKIE_PLAIN: &str = "councils_session";
/// The device cookie: this browser once signed in as a member (see the sign-in throttle).
pub const DEVICE_COOKIE: &str = "councils_device";
/// The language chosen in the switcher, for readers who are not signed in and for error pages.
pub const LANGUAGE_COOKIE: &str = "councils_lang";

/// The reader's language from the language cookie, else the browser's preference.
pub fn request_language(headers: &HeaderMap, member: Option<Language>) -> Language {
    if let Some(language) = member {
        return language;
    }
    let jar = CookieJar::from_headers(headers);
    jar.get(LANGUAGE_COOKIE)
        .and_then(|c| Language::from_code(c.value()))
        .unwrap_or_else(|| {
            negotiate(
                headers
                    .get(axum::http::header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok()),
            )
        })
}

/// What the base layout needs on every page.
#[derive(Clone, Debug)]
pub struct Layout {
    pub tr: Tr,
    /// The signed-in member's handle, if any.
    pub handle: Option<String>,
    /// The current path, so the language switcher comes back here.
    pub path: String,
}

impl Layout {
    /// The layout for a reader who is not signed in.
    pub fn anonymous(tr: Tr, path: &str) -> Self {
        Self {
            tr,
            handle: None,
            path: path.to_string(),
        }
    }

    /// Every language, for the switcher.
    pub fn languages(&self) -> &'static [Language] {
        &Language::ALL
    }
}

/// The reader of a page: maybe a signed-in member, always a language.
pub struct Viewer {
    pub actor: Option<Actor>,
    pub tr: Tr,
    pub path: String,
}

impl Viewer {
    /// The layout of this viewer's pages.
    pub fn layout(&self) -> Layout {
        Layout {
            tr: self.tr,
            handle: self.actor.as_ref().map(|a| a.handle.to_string()),
            path: self.path.clone(),
        }
    }

    /// The signed-in member, or a redirect to sign in.
    pub fn member(&self) -> Result<&Actor, WebError> {
        self.actor.as_ref().ok_or(WebError(AppError::NotSignedIn))
    }

    /// A page that is not found, for a signed-out visitor, is a page to sign in for: it may be
    /// a member's (a link in a notice's mail). Said of every such page alike, it tells nothing.
    pub fn signed_in_or(&self, error: AppError) -> WebError {
        match error {
            AppError::NotFound if self.actor.is_none() => WebError(AppError::NotSignedIn),
            other => WebError(other),
        }
    }
}

/// The session token a browser presented.
pub fn session_token(jar: &CookieJar) -> Option<SessionToken> {
    jar.get(SESSION_COOKIE_SECURE)
        .or_else(|| jar.get(SESSION_COOKIE_PLAIN))
        .map(|c| SessionToken::presented(c.value()))
}

impl FromRequestParts<WebState> for Viewer {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, WebError> {
        let jar = CookieJar::from_headers(&parts.headers);
        let actor = match session_token(&jar) {
            Some(token) => match state.app.authenticate(&token).await {
                Ok(actor) => Some(actor),
                Err(AppError::NotSignedIn) => None,
                Err(other) => return Err(WebError(other)),
            },
            None => None,
        };
        let language = request_language(&parts.headers, actor.as_ref().map(|a| a.language));
        Ok(Viewer {
            actor,
            tr: Tr::new(language),
            path: parts.uri.path().to_string(),
        })
    }
}

/// Cookies set by the server: HttpOnly, SameSite=Lax, path `/`, `Secure` where possible.
pub fn cookie(
    state: &WebState,
    name: &'static str,
    value: String,
    max_age: Option<Duration>,
) -> Cookie<'static> {
    let mut cookie = Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.secure_cookies)
        .build();
    if let Some(age) = max_age {
        cookie.set_max_age(age);
    }
    cookie
}

/// The session cookie's name for this instance.
pub fn session_cookie_name(state: &WebState) -> &'static str {
    if state.secure_cookies {
        SESSION_COOKIE_SECURE
    } else {
        SESSION_COOKIE_PLAIN
    }
}

/// Cookies that sign a browser in (and remember its language and device).
pub fn signed_in_cookies(
    state: &WebState,
    jar: CookieJar,
    token: &SessionToken,
    device_tag: String,
    language: Language,
) -> CookieJar {
    jar.add(cookie(
        state,
        session_cookie_name(state),
        token.expose().to_string(),
        None,
    ))
    .add(cookie(
        state,
        DEVICE_COOKIE,
        device_tag,
        Some(Duration::days(365)),
    ))
    .add(cookie(
        state,
        LANGUAGE_COOKIE,
        language.code().to_string(),
        Some(Duration::days(365)),
    ))
}
