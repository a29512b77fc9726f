//! Errors as pages: a handler returns a [`WebError`], and the error layer renders it in the
//! reader's language with its stable code. A 5xx shows only a request id; the cause is logged.

use crate::i18n::Tr;
use crate::viewer::{Layout, request_language};
use askama::Template;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use councils_app::AppError;
use councils_domain::report::ReportError;

/// An error on its way to becoming a page.
#[derive(Debug)]
pub struct WebError(pub AppError);

impl From<AppError> for WebError {
    fn from(error: AppError) -> Self {
        Self(error)
    }
}

/// The HTTP status of an application error.
pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::NotSignedIn | AppError::SignInFailed | AppError::WrongPassphrase => {
            StatusCode::UNAUTHORIZED
        }
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound | AppError::InvitationInvalid => StatusCode::NOT_FOUND,
        AppError::InvitationUsed | AppError::InvitationExpired => StatusCode::GONE,
        AppError::HandleTaken
        | AppError::SlugTaken
        | AppError::AlreadyVouched
        | AppError::AlreadyMember
        | AppError::LastOrganiser
        | AppError::MotionChanged
        | AppError::NotVoting
        | AppError::AmendmentPending
        | AppError::Federation(_)
        | AppError::Report(ReportError::WrongStep | ReportError::TakenByAnother)
        | AppError::Event(
            councils_domain::event::EventError::RoleFull
            | councils_domain::event::EventError::Cancelled,
        )
        | AppError::Aid(councils_domain::mutual_aid::AidError::WrongStep) => StatusCode::CONFLICT,
        AppError::SignInThrottled { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Evidence(councils_domain::evidence::EvidenceError::TooLarge) => {
            StatusCode::PAYLOAD_TOO_LARGE
        }
        AppError::LeafletsNotBuilt => StatusCode::NOT_IMPLEMENTED,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// Marks a redirect to sign in, so that the page asked for can be opened after signing in.
#[derive(Clone, Copy, Debug)]
pub struct SignInNeeded;

/// Marks a response as an error to render: its code and status.
#[derive(Clone, Debug)]
pub struct ErrorMarker {
    pub code: &'static str,
    pub status: StatusCode,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if matches!(self.0, AppError::NotSignedIn) {
            let mut response = Redirect::to("/sign-in").into_response();
            response.extensions_mut().insert(SignInNeeded);
            return response;
        }
        let status = status_of(&self.0);
        if let AppError::Internal(cause) = &self.0 {
            // The cause goes to the log only; the request id ties it to what the person saw.
            tracing::error!(cause = %cause, "internal error");
        }
        let mut response = status.into_response();
        response.extensions_mut().insert(ErrorMarker {
            code: self.0.code(),
            status,
        });
        response
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    l: Layout,
    code: &'static str,
    message: String,
    server_error: bool,
    request_id: String,
}

/// Renders every marked error response as a page in the reader's language.
pub async fn render_errors(request: Request, next: Next) -> Response {
    let language = request_language(request.headers(), None);
    let request_id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_string();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let Some(marker) = response.extensions().get::<ErrorMarker>().cloned() else {
        return response;
    };
    let tr = Tr::new(language);
    let server_error = marker.status.is_server_error();
    if server_error {
        tracing::error!(request_id = %request_id, status = marker.status.as_u16(), "request failed");
    }
    let page = ErrorPage {
        l: Layout::anonymous(tr, &path),
        code: marker.code,
        message: tr.t(&format!("error-{}", marker.code)),
        server_error,
        request_id,
    };
    match page.render() {
        Ok(html) => (
            marker.status,
            [(header::CACHE_CONTROL, "no-store")],
            Html(html),
        )
            .into_response(),
        Err(_) => marker.status.into_response(),
    }
}
