//! A member of a council, on a page of their own, and the actions on them: vouch, approve,
//! roles, removal. Each action is a form post that returns to a page with a GET.

use crate::WebState;
use crate::error::WebError;
use crate::pages::{page, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_app::ports::MemberListing;
use councils_domain::{Action, MembershipStatus};
use councils_domain::{MemberId, Role};
use serde::Deserialize;

fn back(slug: &str) -> Response {
    see(&format!("/c/{slug}"))
}

#[derive(Template)]
#[template(path = "member.html")]
struct MemberPage {
    l: Layout,
    slug: String,
    council_name: String,
    member: MemberListing,
    vouches_required: u32,
    organiser: bool,
    may_vouch: bool,
    yourself: bool,
    roles: &'static [Role],
}

impl MemberPage {
    fn pending(&self) -> bool {
        self.member.status == MembershipStatus::Pending
    }
    fn extra_roles(&self) -> Vec<Role> {
        self.member
            .roles
            .iter()
            .copied()
            .filter(|r| *r != Role::Member)
            .collect()
    }
    fn grantable(&self) -> Vec<Role> {
        self.roles
            .iter()
            .copied()
            .filter(|r| !self.member.roles.contains(r))
            .collect()
    }
    fn vouches(&self) -> String {
        self.l.tr.args(
            "council-vouches",
            &[
                ("count", (self.member.vouched_by.len() as u64).into()),
                ("required", self.vouches_required.into()),
            ],
        )
    }
    fn take_role(&self, role: &Role) -> String {
        self.l.tr.ta(
            "member-take-role",
            "role",
            &self.l.tr.tp("role-", role.code()),
        )
    }
}

/// `GET /c/{slug}/members/{member}`: for the council's active members; organisers manage here.
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, member)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let view = state.app.council_page(actor, &slug).await?;
    let members = view.members.as_ref().ok_or(AppError::Forbidden)?;
    let member = members
        .iter()
        .find(|m| m.member_id.as_str() == member)
        .cloned()
        .ok_or(AppError::NotFound)?;
    let yourself = member.member_id == actor.member_id;
    page(MemberPage {
        council_name: view.council.name_in(viewer.tr.language).name.clone(),
        vouches_required: view.council.settings.vouches_required,
        organiser: view.standing.may(Action::ManageMembers),
        may_vouch: view.standing.may(Action::Vouch)
            && !yourself
            && !member.vouched_by.contains(&actor.member_id),
        yourself,
        l: viewer.layout(),
        slug,
        member,
        roles: &Role::ALL,
    })
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
