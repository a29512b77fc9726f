//! The one route table, and the layers every request passes through. The routes themselves
//! are in `pages.rs` (by area) and `api.rs`; the assets and the health check are here.

mod api;
mod pages;

use crate::WebState;
use crate::error::render_errors;
use crate::pages::records::incident::UPLOAD_BODY_LIMIT;
use crate::pages::{push, sign_in};
use crate::security::{
    BODY_LIMIT, RandomRequestId, access_log, baseline_headers, csrf_refused, limit_headers,
};
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Router, middleware};
use tower_http::compression::CompressionLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;

const STYLESHEET: &str = include_str!("../../static/app.css");
/// Drag-to-order for ranked ballots; the form works without it.
const BALLOT_SCRIPT: &str = include_str!("../../static/ballot.js");
/// Live alerts in open pages (the stream, a fragment inserted, a cue); pages work without it.
const ALERTS_SCRIPT: &str = include_str!("../../static/alerts.js");
/// Live updates on an event's open page, over the same stream; the page works without it.
const LIVE_SCRIPT: &str = include_str!("../../static/live.js");

async fn live_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        LIVE_SCRIPT,
    )
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
}

async fn ballot_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        BALLOT_SCRIPT,
    )
}

async fn alerts_script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        ALERTS_SCRIPT,
    )
}

async fn healthz(State(state): State<WebState>) -> StatusCode {
    if state.app.healthy().await {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    }
}

async fn not_found() -> crate::error::WebError {
    crate::error::WebError(councils_app::AppError::NotFound)
}

/// Every route of the instance, with its security and logging layers.
pub fn router(state: WebState) -> Router {
    let pages = pages::pages()
        .route("/static/live.js", get(live_script))
        .route("/static/push.js", get(push::script))
        .route("/static/sw.js", get(push::service_worker))
        .route("/static/app.css", get(stylesheet))
        .route("/static/ballot.js", get(ballot_script))
        .route("/static/alerts.js", get(alerts_script))
        .route("/healthz", get(healthz))
        .fallback(not_found)
        .route_layer(middleware::from_fn(access_log));
    let api = api::api().route_layer(middleware::from_fn(access_log));

    let mut router = Router::new()
        .nest("/api/v1", api)
        .merge(pages)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            sign_in::remember_destination,
        ))
        .with_state(state.clone())
        .layer(CsrfLayer::new().with_rejection_response(|_| csrf_refused()))
        .layer(middleware::from_fn(render_errors))
        // Extractors read at most BODY_LIMIT; photo uploads (their own DefaultBodyLimit above)
        // up to UPLOAD_BODY_LIMIT, which also bounds every request's body.
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(UPLOAD_BODY_LIMIT))
        .layer(middleware::from_fn(limit_headers));
    for (name, value) in baseline_headers(state.tls) {
        router = router.layer(SetResponseHeaderLayer::overriding(name, value));
    }
    router = router.layer(SetResponseHeaderLayer::if_not_present(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    ));
    // Gzip for phones on slow connections; pages are mostly repeated markup.
    router
        .layer(CompressionLayer::new().gzip(true))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(RandomRequestId))
}
