//! The OpenAPI document of `/api/v1`, kept beside the code and checked against the route table
//! by the web tests.

use axum::http::header;
use axum::response::IntoResponse;

/// The document, as served.
pub const OPENAPI: &str = include_str!("../../openapi.json");

/// `GET /api/v1/openapi.json`
pub async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}
