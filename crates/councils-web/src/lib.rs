//! The web front of councils: server-rendered pages (askama) in English and Spanish, working
//! without JavaScript, and the JSON API under `/api/v1`. Handlers parse and render; every
//! decision is the app's.

pub mod api;
pub mod charts;
mod error;
pub mod i18n;
mod pages;
mod routes;
mod security;
mod viewer;

pub use routes::router;

use axum::body::Bytes;
use councils_app::App;
use councils_app::read_cache::ReadCache;
use councils_domain::{Language, MemberId};
use std::sync::Arc;

/// What every handler receives.
#[derive(Clone)]
pub struct WebState {
    pub app: App,
    /// Whether cookies are `Secure` with the `__Host-` prefix (served over TLS, or on loopback
    /// where browsers treat plain HTTP as secure).
    pub secure_cookies: bool,
    /// Whether to send `Strict-Transport-Security` (served over TLS).
    pub tls: bool,
    /// Council pages as rendered, by council, reader and language, while nothing has been
    /// written since (see `councils_app::read_cache`): the page members open most.
    pub council_pages: Arc<ReadCache<(String, MemberId, Language), Bytes>>,
}

impl WebState {
    /// The state for an app reached at its configured public URL.
    pub fn new(app: App) -> Self {
        let url = app.config().public_url.clone();
        let tls = url.starts_with("https://");
        let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|prefix| url.starts_with(prefix));
        Self {
            app,
            secure_cookies: tls || loopback,
            tls,
            council_pages: Arc::new(ReadCache::new(10_000)),
        }
    }
}
