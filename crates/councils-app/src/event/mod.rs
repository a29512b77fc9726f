//! Protests, assemblies and trainings: calling one (an organiser of the council), sharing it
//! with the councils the council is linked to (its higher councils and its constituents),
//! reading it, and (in `steps`) RSVPs, role sign-ups, live updates and the calendar file.
//!
//! Every reading goes through [`App::event_access`]: the event's council's active members and
//! those of the councils it was shared with may read it; anyone else is told it does not
//! exist. The texts are sealed under the event's id before they reach the store.

mod steps;

use crate::crypto::new_id;
use crate::ports::{EventRecord, LinkStatus, SignUp};
use crate::{Actor, App, AppError};
use councils_domain::event::{
    EventKind, EventRole, EventText, EventTimes, RETENTION_DAYS, RoleNeed, check_needs,
};
use councils_domain::{Council, CouncilId, EventId, Role, Standing};

/// An event as a council's list shows it.
#[derive(Clone, Debug)]
pub struct EventSummary {
    pub id: EventId,
    pub kind: EventKind,
    pub title: String,
    pub place: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub utc_offset: i32,
    pub cancelled: bool,
    /// The council that called it, when it is not the list's own.
    pub from: Option<Council>,
}

/// A council's events, upcoming and under way.
#[derive(Clone, Debug)]
pub struct EventList {
    pub council: Council,
    pub may_call: bool,
    pub events: Vec<EventSummary>,
}

/// A live update as an event's page shows it.
#[derive(Clone, Debug)]
pub struct UpdateView {
    pub text: String,
    pub by: Option<String>,
    pub at: i64,
}

/// An event for one reader, with what they may do.
#[derive(Clone, Debug)]
pub struct EventView {
    /// The council that called it.
    pub council: Council,
    pub event: EventRecord,
    pub text: EventText,
    pub needs: Vec<RoleNeed>,
    /// Who took which role: for those who run it only (everyone else sees the numbers).
    pub sign_ups: Vec<SignUp>,
    /// Who is coming: handles for those who run it only.
    pub coming: Vec<String>,
    pub coming_count: usize,
    pub shared_with: Vec<Council>,
    pub updates: Vec<UpdateView>,
    pub my_rsvp: bool,
    pub my_role: Option<EventRole>,
    /// May post updates and call it off: the council's organisers and whoever called it.
    pub may_manage: bool,
    /// When the event and who came are deleted.
    pub delete_after: i64,
}

/// The new-event form, as typed.
#[derive(Clone, Debug, Default)]
pub struct EventForm {
    pub kind: String,
    pub text: EventText,
    /// Local times (`2026-12-05T10:00`) at `offset` (`-08:00`).
    pub starts: String,
    pub ends: String,
    pub offset: String,
    pub needs: Vec<(EventRole, u32)>,
    /// Slugs of the linked councils to share it with.
    pub share: Vec<String>,
}

/// How a reader reaches an event.
pub(crate) struct EventAccess {
    pub detail: crate::ports::EventDetail,
    pub council: Council,
    pub standing: Standing,
}

pub(crate) fn text_owner(id: &EventId) -> String {
    format!("event:{id}")
}

impl App {
    /// The council if the actor is one of its active members; not found for anyone else.
    pub(crate) async fn active_in(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<(Council, Standing), AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        if !matches!(standing, Standing::Active(_)) {
            return Err(AppError::NotFound);
        }
        Ok((council, standing))
    }

    /// The councils a council may share with: those it has an active federation link to,
    /// above (its higher councils) and below (its constituents).
    pub async fn linked_councils(&self, council: &CouncilId) -> Result<Vec<Council>, AppError> {
        let mut out = Vec::new();
        for link in self.store.links_of(council).await? {
            if link.status != LinkStatus::Active {
                continue;
            }
            let other = if &link.constituent == council {
                &link.parent
            } else {
                &link.constituent
            };
            if let Some(c) = self.store.council(other).await? {
                out.push(c);
            }
        }
        out.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
        out.dedup_by(|a, b| a.id == b.id);
        Ok(out)
    }

    /// The councils chosen by slug, each one the council is linked to; anything else is a
    /// bad value.
    pub(crate) async fn chosen_shares(
        &self,
        council: &Council,
        slugs: &[String],
    ) -> Result<Vec<CouncilId>, AppError> {
        let linked = self.linked_councils(&council.id).await?;
        let mut out = Vec::new();
        for slug in slugs.iter().filter(|s| !s.trim().is_empty()) {
            let c = linked
                .iter()
                .find(|c| c.slug.as_str() == slug.trim())
                .ok_or(AppError::BadValue)?;
            if !out.contains(&c.id) {
                out.push(c.id.clone());
            }
        }
        Ok(out)
    }

    /// A council's events that have not ended, its own and those shared with it.
    pub async fn events(&self, actor: &Actor, slug: &str) -> Result<EventList, AppError> {
        let (council, standing) = self.active_in(actor, slug).await?;
        let mut events = Vec::new();
        for record in self.store.events_for(&council.id, self.now()).await? {
            let text = self.open_event_text(&record)?;
            let from = if record.council_id == council.id {
                None
            } else {
                self.store.council(&record.council_id).await?
            };
            events.push(EventSummary {
                id: record.id,
                kind: record.kind,
                title: text.title,
                place: text.place,
                starts_at: record.starts_at,
                ends_at: record.ends_at,
                utc_offset: record.utc_offset,
                cancelled: record.cancelled_at.is_some(),
                from,
            });
        }
        Ok(EventList {
            may_call: standing.holds(Role::Organiser),
            council,
            events,
        })
    }

    /// For the new-event form: the council and the councils it may share with (organisers).
    pub async fn event_form(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<(Council, Vec<Council>), AppError> {
        let (council, standing) = self.active_in(actor, slug).await?;
        if !standing.holds(Role::Organiser) {
            return Err(AppError::Forbidden);
        }
        let linked = self.linked_councils(&council.id).await?;
        Ok((council, linked))
    }

    /// Calls an event in the council (its organisers), shared with the linked councils
    /// chosen.
    pub async fn call_event(
        &self,
        actor: &Actor,
        slug: &str,
        form: &EventForm,
    ) -> Result<EventId, AppError> {
        let (council, standing) = self.active_in(actor, slug).await?;
        if !standing.holds(Role::Organiser) {
            return Err(AppError::Forbidden);
        }
        let kind = EventKind::from_code(&form.kind).ok_or(AppError::BadValue)?;
        let text = form.text.clone().check()?;
        let times = EventTimes::parse(&form.starts, &form.ends, &form.offset)?;
        let needs = check_needs(&form.needs)?;
        let shares = self.chosen_shares(&council, &form.share).await?;
        let id = EventId::new(new_id());
        let json = serde_json::to_string(&text).map_err(|e| AppError::Internal(e.to_string()))?;
        let record = EventRecord {
            text_sealed: self.cipher.encrypt(&text_owner(&id), &json),
            id: id.clone(),
            council_id: council.id.clone(),
            kind,
            starts_at: times.starts_at,
            ends_at: times.ends_at,
            utc_offset: times.utc_offset,
            created_by: Some(actor.member_id.clone()),
            created_at: self.now(),
            cancelled_at: None,
        };
        self.store.create_event(&record, &needs, &shares).await?;
        Ok(id)
    }

    /// The event, if the actor may read it: an active member of its council or of a council
    /// it was shared with. Not found for everyone else, whether or not it exists.
    pub(crate) async fn event_access(
        &self,
        actor: &Actor,
        id: &str,
    ) -> Result<EventAccess, AppError> {
        let detail = self
            .store
            .event(&EventId::new(id))
            .await?
            .ok_or(AppError::NotFound)?;
        let council = self
            .store
            .council(&detail.event.council_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let standing = self.standing(actor, &council).await?;
        if matches!(standing, Standing::Active(_)) {
            return Ok(EventAccess {
                detail,
                council,
                standing,
            });
        }
        for shared in &detail.shared_with {
            let Some(other) = self.store.council(shared).await? else {
                continue;
            };
            if matches!(self.standing(actor, &other).await?, Standing::Active(_)) {
                return Ok(EventAccess {
                    detail,
                    council,
                    // Read through a shared council: no standing in the event's own.
                    standing: Standing::Outsider,
                });
            }
        }
        Err(AppError::NotFound)
    }

    /// An event opened for its page.
    pub async fn event_page(&self, actor: &Actor, id: &str) -> Result<EventView, AppError> {
        let access = self.event_access(actor, id).await?;
        let detail = access.detail;
        let may_manage = access.standing.holds(Role::Organiser)
            || (matches!(access.standing, Standing::Active(_))
                && detail.event.created_by.as_ref() == Some(&actor.member_id));
        let needs = detail
            .needs
            .iter()
            .map(|(role, needed)| RoleNeed {
                role: *role,
                needed: *needed,
                signed: detail.sign_ups.iter().filter(|s| s.role == *role).count() as u32,
            })
            .collect();
        let mut updates = Vec::new();
        for u in &detail.updates {
            updates.push(UpdateView {
                text: self
                    .cipher
                    .decrypt(&text_owner(&detail.event.id), &u.text_sealed)
                    .map_err(|_| AppError::Internal("an event update did not open".into()))?,
                by: self.handle_of_member(u.posted_by.as_ref()).await?,
                at: u.posted_at,
            });
        }
        let mut shared_with = Vec::new();
        for c in &detail.shared_with {
            shared_with.extend(self.store.council(c).await?);
        }
        let me = &actor.member_id;
        Ok(EventView {
            text: self.open_event_text(&detail.event)?,
            my_rsvp: detail.rsvps.iter().any(|r| &r.member_id == me),
            my_role: detail
                .sign_ups
                .iter()
                .find(|s| &s.member_id == me)
                .map(|s| s.role),
            coming_count: detail.rsvps.len(),
            coming: if may_manage {
                detail.rsvps.iter().map(|r| r.handle.to_string()).collect()
            } else {
                Vec::new()
            },
            sign_ups: if may_manage {
                detail.sign_ups.clone()
            } else {
                Vec::new()
            },
            delete_after: detail.event.ends_at + RETENTION_DAYS * 86_400,
            needs,
            shared_with,
            updates,
            may_manage,
            council: access.council,
            event: detail.event,
        })
    }

    pub(crate) fn open_event_text(&self, record: &EventRecord) -> Result<EventText, AppError> {
        let json = self
            .cipher
            .decrypt(&text_owner(&record.id), &record.text_sealed)
            .map_err(|_| AppError::Internal("an event did not open".into()))?;
        serde_json::from_str(&json).map_err(|_| AppError::Internal("an unreadable event".into()))
    }

    pub(crate) async fn handle_of_member(
        &self,
        member: Option<&councils_domain::MemberId>,
    ) -> Result<Option<String>, AppError> {
        Ok(match member {
            Some(id) => self.store.member(id).await?.map(|m| m.handle.to_string()),
            None => None,
        })
    }
}
