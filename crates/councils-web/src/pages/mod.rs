//! Pages, by area; each beside its template in `templates/`.

pub mod account;
pub mod aid;
pub mod council;
pub mod councils;
pub mod democracy;
pub mod event;
pub mod federation;
pub mod grievance;
pub mod join;
pub mod landing;
pub mod language;
pub mod members;
pub mod minutes;
pub mod motion;
pub mod notices;
pub mod publication;
pub mod push;
pub mod records;
pub mod report;
pub mod settings;
pub mod sign_in;
pub mod strike;

use crate::error::WebError;
use askama::Template;
use axum::body::Bytes;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use councils_app::AppError;

/// Renders a page that must not be cached (every page may show private data).
pub fn page(template: impl Template) -> Result<Response, WebError> {
    page_with_status(StatusCode::OK, template)
}

/// Renders a page with a status, as for a form shown again with its error.
pub fn page_with_status(status: StatusCode, template: impl Template) -> Result<Response, WebError> {
    Ok((
        status,
        [(header::CACHE_CONTROL, "no-store")],
        Html(render(&template)?),
    )
        .into_response())
}

/// A template's HTML.
pub fn render(template: &impl Template) -> Result<String, WebError> {
    template
        .render()
        .map_err(|e| WebError(AppError::Internal(format!("template: {e}"))))
}

/// HTML already rendered, as a private page.
pub fn private_html(html: Bytes) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

/// A part of a page, for an open page to put in place (never cached).
pub fn fragment(html: String) -> Response {
    (
        [
            (axum::http::header::CACHE_CONTROL, "no-store"),
            (axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8"),
        ],
        Html(html),
    )
        .into_response()
}

/// After a successful form post: see the result with a GET (so a reload posts nothing).
pub fn see(path: &str) -> Response {
    Redirect::to(path).into_response()
}

/// A time as shown on pages: `2026-11-28 14:05 UTC`.
pub fn format_time(epoch: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(epoch)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}
