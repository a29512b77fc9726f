//! An organiser's and a member's actions on the members of a council: vouch, approve, roles,
//! removal. Each is a form post that returns to the council's page.

use crate::WebState;
use crate::error::WebError;
use crate::pages::see;
use crate::viewer::Viewer;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_domain::{MemberId, Role};
use serde::Deserialize;

fn back(slug: &str) -> Response {
    see(&format!("/c/{slug}"))
}

/// `POST /c/{slug}/members/{member}/vouch`
pub async fn vouch(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, member)): Path<(String, String)>,
) -> Result<Response, WebError> {
    state
        .app
        .vouch(viewer.member()?, &slug, &MemberId::new(member))
        .await?;
    Ok(back(&slug))
}

/// `POST /c/{slug}/members/{member}/approve`
pub async fn approve(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, member)): Path<(String, String)>,
) -> Result<Response, WebError> {
    state
        .app
        .approve(viewer.member()?, &slug, &MemberId::new(member))
        .await?;
    Ok(back(&slug))
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

/// `POST /c/{slug}/members/{member}/roles`
pub async fn grant_role(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, member)): Path<(String, String)>,
    Form(form): Form<RoleForm>,
) -> Result<Response, WebError> {
    let role = Role::from_code(&form.role).ok_or(AppError::BadValue)?;
    state
        .app
        .grant_role(viewer.member()?, &slug, &MemberId::new(member), role)
        .await?;
    Ok(back(&slug))
}

/// `POST /c/{slug}/members/{member}/roles/{role}/revoke`
pub async fn revoke_role(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, member, role)): Path<(String, String, String)>,
) -> Result<Response, WebError> {
    let role = Role::from_code(&role).ok_or(AppError::BadValue)?;
    state
        .app
        .revoke_role(viewer.member()?, &slug, &MemberId::new(member), role)
        .await?;
    Ok(back(&slug))
}

/// `POST /c/{slug}/members/{member}/remove`
pub async fn remove(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, member)): Path<(String, String)>,
) -> Result<Response, WebError> {
    state
        .app
        .remove_member(viewer.member()?, &slug, &MemberId::new(member))
        .await?;
    Ok(back(&slug))
}
