//! What a request comes to in an access test, read from its response.

use super::{Page, send};
use axum::Router;
use axum::body::Body;
use axum::http::Request;

#[derive(Debug, PartialEq, Clone, Copy)]
pub enum Outcome {
    /// Done: a page, or a form's redirect onward.
    Allowed,
    /// Sent to sign in (a page), or refused for want of a session (the API).
    SignIn,
    Forbidden,
    /// As if it did not exist.
    NotFound,
    /// Reached, and refused for what was sent or for the step it is at (409, 422).
    Refused,
}

pub fn outcome(page: &Page) -> Outcome {
    match page.status.as_u16() {
        200..=299 => Outcome::Allowed,
        303 if page.location().as_deref() == Some("/sign-in") => Outcome::SignIn,
        303 => Outcome::Allowed,
        401 => Outcome::SignIn,
        403 => Outcome::Forbidden,
        404 => Outcome::NotFound,
        409 | 422 => Outcome::Refused,
        other => panic!("unexpected status {other}: {}", page.body),
    }
}

/// An API call with an optional bearer token and JSON body.
pub async fn api(
    router: &Router,
    method: &str,
    path: &str,
    bearer: Option<&str>,
    json: Option<&str>,
) -> Page {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(b) = bearer {
        request = request.header("authorization", b);
    }
    let body = match json {
        Some(j) => {
            request = request.header("content-type", "application/json");
            Body::from(j.to_string())
        }
        None => Body::empty(),
    };
    send(router, request.body(body).unwrap()).await
}
