//! The landing page: what councils is, and the way in.

use crate::error::WebError;
use crate::pages::page;
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::response::Response;

#[derive(Template)]
#[template(path = "landing.html")]
struct LandingPage {
    l: Layout,
}

/// `GET /`
pub async fn show(viewer: Viewer) -> Result<Response, WebError> {
    page(LandingPage { l: viewer.layout() })
}
