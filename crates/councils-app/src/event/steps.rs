//! What members do with an event: say they are coming, take a role, post a live update (which
//! tells everyone coming, live in their open pages and by the other channels), call it off;
//! the calendar file; and the sweep that deletes events and who came once their time is past.

use super::{EventAccess, text_owner};
use crate::ports::{EventUpdateRecord, Notice, NoticeKind, SignUpOutcome};
use crate::{Actor, App, AppError};
use councils_domain::event::{EventError, EventRole, RETENTION_DAYS, check_update};
use councils_domain::event_ics::{IcsEvent, calendar};
use councils_domain::mutual_aid;
use councils_domain::{MemberId, Standing};

/// What the retention sweep deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GatheringsPurged {
    pub events: u64,
    pub aid: u64,
}

impl App {
    fn open_for_attending(access: &EventAccess) -> Result<(), AppError> {
        if access.detail.event.cancelled_at.is_some() {
            return Err(EventError::Cancelled.into());
        }
        Ok(())
    }

    /// Says the actor is coming (`going`) or no longer coming (which also drops their role).
    pub async fn rsvp(&self, actor: &Actor, id: &str, going: bool) -> Result<(), AppError> {
        let access = self.event_access(actor, id).await?;
        if going {
            Self::open_for_attending(&access)?;
        }
        Ok(self
            .store
            .set_rsvp(&access.detail.event.id, &actor.member_id, going, self.now())
            .await?)
    }

    /// Signs the actor up for a role the event asks for, while it has room.
    pub async fn sign_up_for_role(
        &self,
        actor: &Actor,
        id: &str,
        role: &str,
    ) -> Result<(), AppError> {
        let role = EventRole::from_code(role).ok_or(AppError::BadValue)?;
        let access = self.event_access(actor, id).await?;
        Self::open_for_attending(&access)?;
        match self
            .store
            .sign_up(&access.detail.event.id, &actor.member_id, role, self.now())
            .await?
        {
            SignUpOutcome::Signed => Ok(()),
            SignUpOutcome::Full => Err(EventError::RoleFull.into()),
            SignUpOutcome::NotNeeded => Err(EventError::RoleNotNeeded.into()),
        }
    }

    /// Takes the actor off their role; they stay as coming.
    pub async fn leave_role(&self, actor: &Actor, id: &str) -> Result<(), AppError> {
        let access = self.event_access(actor, id).await?;
        Ok(self
            .store
            .leave_role(&access.detail.event.id, &actor.member_id)
            .await?)
    }

    async fn managed(&self, actor: &Actor, id: &str) -> Result<EventAccess, AppError> {
        let access = self.event_access(actor, id).await?;
        let organiser = access.standing.holds(councils_domain::Role::Organiser);
        let caller = matches!(access.standing, Standing::Active(_))
            && access.detail.event.created_by.as_ref() == Some(&actor.member_id);
        if !organiser && !caller {
            return Err(AppError::Forbidden);
        }
        Ok(access)
    }

    /// Posts a live update (an organiser of the event's council or whoever called it), and
    /// tells everyone coming or holding a role.
    pub async fn post_event_update(
        &self,
        actor: &Actor,
        id: &str,
        text: &str,
    ) -> Result<(), AppError> {
        let access = self.managed(actor, id).await?;
        let text = check_update(text)?;
        let event = &access.detail.event;
        self.store
            .add_event_update(&EventUpdateRecord {
                id: crate::crypto::new_id(),
                event_id: event.id.clone(),
                text_sealed: self.cipher.encrypt(&text_owner(&event.id), &text),
                posted_by: Some(actor.member_id.clone()),
                posted_at: self.now(),
            })
            .await?;
        self.tell_attendees(&access).await;
        Ok(())
    }

    /// Calls the event off; everyone coming is told, as for an update.
    pub async fn cancel_event(&self, actor: &Actor, id: &str) -> Result<(), AppError> {
        let access = self.managed(actor, id).await?;
        Self::open_for_attending(&access)?;
        self.store
            .cancel_event(&access.detail.event.id, self.now())
            .await?;
        self.tell_attendees(&access).await;
        Ok(())
    }

    async fn tell_attendees(&self, access: &EventAccess) {
        let detail = &access.detail;
        let mut members: Vec<MemberId> = detail
            .rsvps
            .iter()
            .map(|r| r.member_id.clone())
            .chain(detail.sign_ups.iter().map(|s| s.member_id.clone()))
            .collect();
        members.sort();
        members.dedup();
        if members.is_empty() {
            return;
        }
        let notice = Notice {
            kind: NoticeKind::EventUpdated,
            council: detail.event.council_id.clone(),
            subject: detail.event.id.to_string(),
            path: format!("/events/{}", detail.event.id),
        };
        self.notifier.notify(&members, &notice).await;
    }

    /// The event as an iCalendar file (RFC 5545), for whoever may read it; `labels` name the
    /// languages and the accessibility notes in the reader's language.
    pub async fn event_ics(
        &self,
        actor: &Actor,
        id: &str,
        labels: [&str; 2],
    ) -> Result<String, AppError> {
        let access = self.event_access(actor, id).await?;
        let event = &access.detail.event;
        let text = self.open_event_text(event)?;
        let base = self.config.public_url.trim_end_matches('/');
        let host = base.split("://").nth(1).unwrap_or(base);
        let uid = format!("{}@{}", event.id, host);
        let url = format!("{base}/events/{}", event.id);
        let mut description = text.details.clone();
        for (label, value) in [
            (labels[0], &text.languages),
            (labels[1], &text.accessibility),
        ] {
            if !value.is_empty() {
                if !description.is_empty() {
                    description.push_str("\n\n");
                }
                description.push_str(&format!("{label}: {value}"));
            }
        }
        Ok(calendar(&IcsEvent {
            uid: &uid,
            stamp: self.now(),
            starts_at: event.starts_at,
            ends_at: event.ends_at,
            summary: &text.title,
            location: &text.place,
            description: &description,
            url: &url,
            cancelled: event.cancelled_at.is_some(),
        }))
    }

    /// The sweep: events deleted [`RETENTION_DAYS`] after they end (with who came and who
    /// took a role), mutual-aid posts `mutual_aid::RETENTION_DAYS` after they are met or
    /// withdrawn.
    pub async fn enforce_gathering_retention(&self) -> Result<GatheringsPurged, AppError> {
        let now = self.now();
        Ok(GatheringsPurged {
            events: self
                .store
                .purge_events(now - RETENTION_DAYS * 86_400)
                .await?,
            aid: self
                .store
                .purge_aid(now - mutual_aid::RETENTION_DAYS * 86_400)
                .await?,
        })
    }
}
