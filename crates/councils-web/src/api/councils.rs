//! API: councils, members, federation links and minutes.

use crate::WebState;
use crate::api::{ApiActor, ApiError};
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use councils_app::AppError;
use councils_app::federation::FederationNode;
use councils_app::ports::LinkStatus;
use councils_domain::{MemberId, MembershipStatus, Role, Standing};
use serde::Deserialize;
use serde_json::{Value, json};

fn link_status(status: LinkStatus) -> &'static str {
    match status {
        LinkStatus::Requested => "requested",
        LinkStatus::Active => "active",
    }
}

fn standing(standing: &Standing) -> Value {
    match standing {
        Standing::Outsider => json!({ "status": "outsider", "roles": [] }),
        Standing::Pending => json!({ "status": "pending", "roles": [] }),
        Standing::Active(roles) => json!({ "status": "active", "roles": roles }),
    }
}

/// `GET /api/v1/councils`: the caller's councils.
pub async fn mine(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
) -> Result<Json<Value>, ApiError> {
    let councils = state.app.my_councils(&actor).await?;
    Ok(Json(json!(
        councils
            .iter()
            .map(|c| json!({ "council": c.council, "status": c.status, "roles": c.roles }))
            .collect::<Vec<_>>()
    )))
}

/// `GET /api/v1/councils/{slug}`
pub async fn show(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let page = state.app.council_page(&actor, &slug).await?;
    Ok(Json(json!({
        "council": page.council,
        "standing": standing(&page.standing),
        "represented_members": page.represented,
        "parents": page.parents.iter().map(|p| json!({ "slug": p.council.slug, "status": link_status(p.status) })).collect::<Vec<_>>(),
        "constituents": page.constituents.iter().map(|c| json!({
            "slug": c.council.slug,
            "status": link_status(c.status),
            "represented_members": c.represented,
            "seats": c.seats,
        })).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/councils/{slug}/members`
pub async fn members(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let page = state.app.council_page(&actor, &slug).await?;
    let members = page.members.as_ref().ok_or(AppError::Forbidden)?;
    Ok(Json(json!(
        members
            .iter()
            .map(|m| json!({
                "member_id": m.member_id,
                "handle": m.handle,
                "status": m.status,
                "roles": m.roles,
                "vouches": m.vouched_by.len(),
            }))
            .collect::<Vec<_>>()
    )))
}

fn tree(nodes: &[FederationNode]) -> Value {
    json!(nodes
        .iter()
        .map(|n| json!({ "slug": n.council.slug, "kind": n.council.kind, "names": n.council.names, "next": tree(&n.next) }))
        .collect::<Vec<_>>())
}

/// `GET /api/v1/councils/{slug}/federation`
pub async fn federation(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let view = state.app.federation(&actor, &slug).await?;
    Ok(Json(
        json!({ "council": view.council, "up": tree(&view.up), "down": tree(&view.down) }),
    ))
}

/// `GET /api/v1/councils/{slug}/minutes`
pub async fn minutes(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let minutes = state.app.minutes(&actor, &slug).await?;
    Ok(Json(json!({
        "verified": minutes.verified.is_ok(),
        "break": minutes.verified.err().map(|b| b.to_string()),
        "entries": minutes.entries,
    })))
}

#[derive(Deserialize)]
pub struct InviteBody {
    role: Role,
}

/// `POST /api/v1/councils/{slug}/invitations`
pub async fn invite(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<InviteBody>,
) -> Result<Response, ApiError> {
    let invitation = state.app.invite(&actor, &slug, body.role).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "url": invitation.url, "expires_at": invitation.expires_at })),
    )
        .into_response())
}

/// `POST /api/v1/councils/{slug}/members/{member}/vouch`
pub async fn vouch(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, member)): Path<(String, String)>,
) -> Result<Json<Value>, ApiError> {
    let status: MembershipStatus = state
        .app
        .vouch(&actor, &slug, &MemberId::new(member))
        .await?;
    Ok(Json(json!({ "status": status })))
}

/// `POST /api/v1/councils/{slug}/members/{member}/approve`
pub async fn approve(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, member)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .approve(&actor, &slug, &MemberId::new(member))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

fn role(code: &str) -> Result<Role, ApiError> {
    Role::from_code(code).ok_or(ApiError(AppError::BadValue))
}

/// `PUT /api/v1/councils/{slug}/members/{member}/roles/{role}`
pub async fn grant_role(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, member, code)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .grant_role(&actor, &slug, &MemberId::new(member), role(&code)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/councils/{slug}/members/{member}/roles/{role}`
pub async fn revoke_role(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, member, code)): Path<(String, String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .revoke_role(&actor, &slug, &MemberId::new(member), role(&code)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/councils/{slug}/members/{member}`
pub async fn remove(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, member)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state
        .app
        .remove_member(&actor, &slug, &MemberId::new(member))
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
pub struct LinkBody {
    parent: String,
}

/// `POST /api/v1/councils/{slug}/links`: ask to send delegates to `parent`.
pub async fn request_link(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path(slug): Path<String>,
    Json(body): Json<LinkBody>,
) -> Result<StatusCode, ApiError> {
    state.app.request_link(&actor, &slug, &body.parent).await?;
    Ok(StatusCode::CREATED)
}

/// `POST /api/v1/councils/{slug}/links/{constituent}/accept`
pub async fn accept_link(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((slug, constituent)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state.app.accept_link(&actor, &slug, &constituent).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/links/{constituent}/{parent}`
pub async fn end_link(
    State(state): State<WebState>,
    ApiActor(actor): ApiActor,
    Path((constituent, parent)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    state.app.end_link(&actor, &constituent, &parent).await?;
    Ok(StatusCode::NO_CONTENT)
}
