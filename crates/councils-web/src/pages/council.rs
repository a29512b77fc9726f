//! A council's page: who it is, its members and roles, its constituents with their seats, the
//! councils it belongs to; and for organisers, inviting.

use crate::WebState;
use crate::error::WebError;
use crate::pages::{format_time, page, private_html, render};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_app::council::CouncilPage as CouncilView;
use councils_app::ports::{LinkStatus, MemberListing};
use councils_domain::{Action, Council, MemberId, MembershipStatus, Role};
use serde::Deserialize;
use std::sync::Arc;

#[derive(Template)]
#[template(path = "council.html")]
struct CouncilPage {
    l: Layout,
    v: Arc<CouncilView>,
    me: MemberId,
    roles: &'static [Role],
}

impl CouncilPage {
    fn name<'a>(&self, council: &'a Council) -> &'a str {
        &council.name_in(self.l.tr.language).name
    }
    fn description(&self) -> &str {
        &self.v.council.name_in(self.l.tr.language).description
    }
    fn organiser(&self) -> bool {
        self.v.standing.may(Action::ManageMembers)
    }
    fn may_send_plans(&self) -> bool {
        councils_domain::emergency::may_trigger_for(&self.v.standing)
    }

    fn active(&self) -> bool {
        self.v.standing.may(Action::Vouch)
    }
    fn pending_standing(&self) -> bool {
        matches!(self.v.standing, councils_domain::Standing::Pending)
    }
    fn is_pending(&self, member: &MemberListing) -> bool {
        member.status == MembershipStatus::Pending
    }
    fn may_vouch_for(&self, member: &MemberListing) -> bool {
        self.active() && member.member_id != self.me && !member.vouched_by.contains(&self.me)
    }
    fn requested(&self, status: &LinkStatus) -> bool {
        *status == LinkStatus::Requested
    }
    fn extra_roles(&self, member: &MemberListing) -> Vec<Role> {
        member
            .roles
            .iter()
            .copied()
            .filter(|r| *r != Role::Member)
            .collect()
    }
    fn represented(&self) -> String {
        self.l.tr.tn("council-represented", self.v.represented)
    }
    fn seat_rule(&self) -> String {
        let rule = self.v.council.settings.seat_rule;
        self.l.tr.args(
            "council-seat-rule",
            &[
                ("per", rule.members_per_delegate.into()),
                ("minimum", rule.minimum.into()),
            ],
        )
    }
    fn members_heading(&self, members: &[MemberListing]) -> String {
        self.l.tr.tn("council-members-count", members.len() as u64)
    }
    fn vouches(&self, member: &MemberListing) -> String {
        self.l.tr.args(
            "council-vouches",
            &[
                ("count", (member.vouched_by.len() as u64).into()),
                ("required", self.v.council.settings.vouches_required.into()),
            ],
        )
    }
}

/// `GET /c/{slug}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let generation = state.app.generation();
    let key = (slug, actor.member_id.clone(), viewer.tr.language);
    let cached = generation.and_then(|g| state.council_pages.get(&key, g));
    let html = match cached {
        Some(html) => (*html).clone(),
        None => {
            let v = state.app.council_page(actor, &key.0).await?;
            let html = Bytes::from(render(&CouncilPage {
                me: actor.member_id.clone(),
                l: viewer.layout(),
                v,
                roles: &Role::ALL,
            })?);
            if let Some(g) = generation {
                state.council_pages.put(key, g, Arc::new(html.clone()));
            }
            html
        }
    };
    Ok(private_html(html))
}

#[derive(Template)]
#[template(path = "invitation.html")]
struct InvitationPage {
    l: Layout,
    slug: String,
    council_name: String,
    role: &'static str,
    url: String,
    expires: String,
}

#[derive(Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    role: String,
}

/// `POST /c/{slug}/invitations`: shows the new link once; only its hash is stored.
pub async fn invite(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
    Form(form): Form<InviteForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let role = Role::from_code(&form.role).ok_or(AppError::BadValue)?;
    let invitation = state.app.invite(actor, &slug, role).await?;
    let council = invitation.council.as_ref().ok_or(AppError::NotFound)?;
    page(InvitationPage {
        council_name: council.name_in(viewer.tr.language).name.clone(),
        l: viewer.layout(),
        slug,
        role: role.code(),
        url: invitation.url,
        expires: format_time(invitation.expires_at),
    })
}
