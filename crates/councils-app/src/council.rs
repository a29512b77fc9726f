//! Councils: founding one, a member's list of their councils, a council's page and settings.

use crate::join::CouncilForm;
use crate::ports::{LinkStatus, MemberListing};
use crate::{Actor, App, AppError};
use councils_domain::council::{DESCRIPTION_MAX, NAME_MAX, VOUCHES_MAX};
use councils_domain::{
    Action, Council, CouncilId, CouncilName, CouncilSettings, Language, MembershipStatus, Role,
    SeatRule, Slug, Standing,
};
use std::collections::HashMap;
use std::sync::Arc;

/// A council in the list of the actor's councils.
#[derive(Clone, Debug)]
pub struct MyCouncil {
    pub council: Council,
    pub status: MembershipStatus,
    pub roles: Vec<Role>,
}

/// A constituent of a higher council, with its seats there.
#[derive(Clone, Debug)]
pub struct Constituent {
    pub council: Council,
    pub status: LinkStatus,
    /// Distinct base members it represents.
    pub represented: u64,
    /// Seats under the higher council's seat rule.
    pub seats: u64,
}

/// A higher council this council sends (or has asked to send) delegates to.
#[derive(Clone, Debug)]
pub struct ParentCouncil {
    pub council: Council,
    pub status: LinkStatus,
}

/// Everything a council's page shows, already filtered by what the actor may see.
#[derive(Clone, Debug)]
pub struct CouncilPage {
    pub council: Council,
    pub standing: Standing,
    /// `None` when the actor may not see the members.
    pub members: Option<Vec<MemberListing>>,
    pub constituents: Vec<Constituent>,
    pub parents: Vec<ParentCouncil>,
    /// Distinct base members the council represents through its subtree.
    pub represented: u64,
}

/// New settings typed by an organiser.
#[derive(Clone, Debug)]
pub struct SettingsForm {
    pub names: Vec<CouncilName>,
    pub vouches_required: u32,
    pub members_per_delegate: u32,
    pub minimum_seats: u32,
}

impl App {
    /// Where the actor stands in a council.
    pub async fn standing(&self, actor: &Actor, council: &Council) -> Result<Standing, AppError> {
        let key = (council.id.clone(), actor.member_id.clone());
        let read = async {
            Ok(
                match self.store.membership(&council.id, &actor.member_id).await? {
                    None => Standing::Outsider,
                    Some(m) if m.status == MembershipStatus::Pending => Standing::Pending,
                    Some(m) => Standing::Active(m.roles),
                },
            )
        };
        Ok((*self.cached(&self.cache.standings, key, read).await?).clone())
    }

    /// The council named by `slug` and the actor's standing there, if it allows `action`.
    pub(crate) async fn council_for_action(
        &self,
        actor: &Actor,
        slug: &str,
        action: Action,
    ) -> Result<(Council, Standing), AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        if !standing.may(action) {
            return Err(AppError::Forbidden);
        }
        Ok((council, standing))
    }

    pub(crate) async fn council_by_slug(&self, slug: &str) -> Result<Council, AppError> {
        let parsed = Slug::parse(slug).map_err(|_| AppError::NotFound)?;
        let read = async {
            self.store
                .council_by_slug(&parsed)
                .await?
                .ok_or(AppError::NotFound)
        };
        Ok((*self
            .cached(&self.cache.councils, slug.to_string(), read)
            .await?)
            .clone())
    }

    /// Every council's name in `language`, for naming councils in minutes.
    pub async fn council_names(
        &self,
        language: Language,
    ) -> Result<HashMap<CouncilId, String>, AppError> {
        Ok(self
            .store
            .all_councils()
            .await?
            .into_iter()
            .map(|c| (c.id.clone(), c.name_in(language).name.clone()))
            .collect())
    }

    /// The councils the actor belongs to, with their standing in each.
    pub async fn my_councils(&self, actor: &Actor) -> Result<Vec<MyCouncil>, AppError> {
        let mut councils = Vec::new();
        for membership in self.store.memberships_of(&actor.member_id).await? {
            if let Some(council) = self.store.council(&membership.council_id).await? {
                councils.push(MyCouncil {
                    council,
                    status: membership.status,
                    roles: membership.roles,
                });
            }
        }
        councils.sort_by(|a, b| a.council.slug.as_str().cmp(b.council.slug.as_str()));
        Ok(councils)
    }

    /// A council's page as the actor may see it, from memory while nothing has been written
    /// since it was read.
    pub async fn council_page(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<Arc<CouncilPage>, AppError> {
        let key = (slug.to_string(), actor.member_id.clone());
        self.cached(
            &self.cache.council_pages,
            key,
            self.read_council_page(actor, slug),
        )
        .await
    }

    async fn read_council_page(&self, actor: &Actor, slug: &str) -> Result<CouncilPage, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeCouncil)
            .await?;
        let members = if standing.may(Action::SeeMembers) {
            Some(self.store.members_of(&council.id).await?)
        } else {
            None
        };
        let links = self.store.links_of(&council.id).await?;
        let mut constituents = Vec::new();
        let mut parents = Vec::new();
        for link in links {
            if link.parent == council.id {
                if let Some(constituent) = self.store.council(&link.constituent).await? {
                    let represented = self.store.represented_members(&constituent.id).await?;
                    constituents.push(Constituent {
                        seats: council.settings.seat_rule.seats(represented),
                        council: constituent,
                        status: link.status,
                        represented,
                    });
                }
            } else if link.constituent == council.id
                && let Some(parent) = self.store.council(&link.parent).await?
            {
                parents.push(ParentCouncil {
                    council: parent,
                    status: link.status,
                });
            }
        }
        constituents.sort_by(|a, b| a.council.slug.as_str().cmp(b.council.slug.as_str()));
        parents.sort_by(|a, b| a.council.slug.as_str().cmp(b.council.slug.as_str()));
        let represented = self.store.represented_members(&council.id).await?;
        Ok(CouncilPage {
            council,
            standing,
            members,
            constituents,
            parents,
            represented,
        })
    }

    /// An active member founds a new council and becomes its first organiser.
    pub async fn found_council(&self, actor: &Actor, form: &CouncilForm) -> Result<Slug, AppError> {
        let council = form.validate()?;
        self.store
            .found_council(&council, &actor.member_id, self.now())
            .await?;
        Ok(council.slug)
    }

    /// An organiser changes the council's names, description and settings.
    pub async fn update_council(
        &self,
        actor: &Actor,
        slug: &str,
        form: &SettingsForm,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChangeSettings)
            .await?;
        if form.names.is_empty() || form.names.iter().any(|n| n.name.trim().is_empty()) {
            return Err(AppError::FieldMissing);
        }
        let too_long = form.names.iter().any(|n| {
            n.name.chars().count() > NAME_MAX || n.description.chars().count() > DESCRIPTION_MAX
        });
        if too_long {
            return Err(AppError::FieldTooLong);
        }
        if form.vouches_required > VOUCHES_MAX
            || form.members_per_delegate == 0
            || form.minimum_seats > 100
        {
            return Err(AppError::BadValue);
        }
        let settings = CouncilSettings {
            vouches_required: form.vouches_required,
            seat_rule: SeatRule {
                members_per_delegate: form.members_per_delegate,
                minimum: form.minimum_seats,
            },
        };
        self.store
            .update_council(
                &council.id,
                &form.names,
                settings,
                &actor.member_id,
                self.now(),
            )
            .await?;
        Ok(())
    }
}
