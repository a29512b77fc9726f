//! The events port: call-outs of a council, the councils they are shared with, RSVPs, role
//! sign-ups and live updates. Texts arrive sealed by the app's `FieldCipher`; the store keeps
//! the plain columns it needs to find and order rows (ids, kind, times, counts).

use super::StoreError;
use async_trait::async_trait;
use councils_domain::event::{EventKind, EventRole};
use councils_domain::{CouncilId, EventId, Handle, MemberId};

/// An event as stored.
#[derive(Clone, Debug)]
pub struct EventRecord {
    pub id: EventId,
    pub council_id: CouncilId,
    pub kind: EventKind,
    pub starts_at: i64,
    pub ends_at: i64,
    /// Minutes east of UTC its times are shown at.
    pub utc_offset: i32,
    /// Sealed JSON of `councils_domain::event::EventText`.
    pub text_sealed: Vec<u8>,
    /// `None` once the caller's account is deleted.
    pub created_by: Option<MemberId>,
    pub created_at: i64,
    /// When it was called off, if it was.
    pub cancelled_at: Option<i64>,
}

/// A member signed up for a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignUp {
    pub member_id: MemberId,
    pub handle: Handle,
    pub role: EventRole,
}

/// A member who said they are coming.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rsvp {
    pub member_id: MemberId,
    pub handle: Handle,
}

/// A live update, sealed.
#[derive(Clone, Debug)]
pub struct EventUpdateRecord {
    pub id: String,
    pub event_id: EventId,
    pub text_sealed: Vec<u8>,
    pub posted_by: Option<MemberId>,
    pub posted_at: i64,
}

/// Everything an event's page shows, read together.
#[derive(Clone, Debug)]
pub struct EventDetail {
    pub event: EventRecord,
    /// The roles asked for and how many of each.
    pub needs: Vec<(EventRole, u32)>,
    pub sign_ups: Vec<SignUp>,
    pub rsvps: Vec<Rsvp>,
    /// The councils it is shared with (besides its own).
    pub shared_with: Vec<CouncilId>,
    /// Newest first.
    pub updates: Vec<EventUpdateRecord>,
}

/// How a sign-up went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignUpOutcome {
    Signed,
    /// As many as needed have signed up: nothing written.
    Full,
    /// The event does not ask for that role.
    NotNeeded,
}

/// Events and who comes to them.
#[async_trait]
pub trait EventStore: Send + Sync {
    /// Creates the event with the roles it needs and the councils it is shared with.
    async fn create_event(
        &self,
        event: &EventRecord,
        needs: &[(EventRole, u32)],
        shared_with: &[CouncilId],
    ) -> Result<(), StoreError>;
    async fn event(&self, id: &EventId) -> Result<Option<EventDetail>, StoreError>;
    /// Events of the council or shared with it that end at or after `from`, soonest first.
    async fn events_for(
        &self,
        council: &CouncilId,
        from: i64,
    ) -> Result<Vec<EventRecord>, StoreError>;
    /// Says the member comes (`true`) or no longer comes (`false`, which also drops a role).
    async fn set_rsvp(
        &self,
        event: &EventId,
        member: &MemberId,
        going: bool,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Signs the member up for a role (one role per member: a new one replaces the old), if
    /// the role still has room; also counts them as coming.
    async fn sign_up(
        &self,
        event: &EventId,
        member: &MemberId,
        role: EventRole,
        now: i64,
    ) -> Result<SignUpOutcome, StoreError>;
    /// Takes the member off their role (they stay as coming).
    async fn leave_role(&self, event: &EventId, member: &MemberId) -> Result<(), StoreError>;
    async fn add_event_update(&self, update: &EventUpdateRecord) -> Result<(), StoreError>;
    async fn cancel_event(&self, event: &EventId, now: i64) -> Result<(), StoreError>;
    /// Deletes events that ended before `ended_before`, with their RSVPs, sign-ups, shares
    /// and updates. Answers how many.
    async fn purge_events(&self, ended_before: i64) -> Result<u64, StoreError>;
}
