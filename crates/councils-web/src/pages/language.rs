//! The language switcher on every page: a form post, so it works without JavaScript.

use crate::WebState;
use crate::error::WebError;
use crate::pages::see;
use crate::viewer::{LANGUAGE_COOKIE, Viewer, cookie};
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use councils_domain::Language;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
    #[serde(default)]
    back: String,
}

/// Only a path on this site may be returned to, never another site.
fn local_path(back: &str) -> &str {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
        back
    } else {
        "/"
    }
}

/// `POST /language`: remembers the choice in a cookie, and for a member in their account.
pub async fn switch(
    State(state): State<WebState>,
    viewer: Viewer,
    jar: CookieJar,
    Form(form): Form<LanguageForm>,
) -> Result<Response, WebError> {
    let language = Language::from_code(&form.language).unwrap_or(viewer.tr.language);
    if let Some(actor) = &viewer.actor {
        state.app.change_language(actor, language).await?;
    }
    let age = Some(time::Duration::days(365));
    let jar = jar.add(cookie(
        &state,
        LANGUAGE_COOKIE,
        language.code().to_string(),
        age,
    ));
    Ok((jar, see(local_path(&form.back))).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switcher_returns_only_to_a_local_path() {
        assert_eq!(local_path("/c/garment"), "/c/garment");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
    }
}
