//! What a request comes to in an access test, read from its response.

use super::Page;

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
