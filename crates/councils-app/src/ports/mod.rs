//! The store port: what the use cases need from persistence. Each method is one transaction:
//! it either happens whole or not at all.

use async_trait::async_trait;

mod delivery;
mod democracy;
mod event;
mod grievance;
mod motion;
mod mutual_aid;
mod notices;
mod publication;
mod push;
mod records;
mod report;
mod strike;
use councils_domain::federation::FederationError;
use councils_domain::{
    Council, CouncilId, CouncilKind, CouncilName, CouncilSettings, Handle, InvitationId, Language,
    MemberId, MembershipStatus, MinutesEntry, Role, SessionId, Slug,
};
pub use delivery::{
    Mail, MailError, Mailer, NoMailer, NoNotifier, Notice, NoticeKind, NoticeTopic, Notifier,
};
pub use democracy::{
    ContraryVote, DelegateRecord, DelegateStatus, DemocracyStore, ElectionRecord,
    MandateMotionRecord, MandateRecord, RecallFollowUp, RecallRecord,
};
pub use event::{
    EventDetail, EventRecord, EventStore, EventUpdateRecord, Rsvp, SignUp, SignUpOutcome,
};
pub use grievance::{
    DueGrievanceDeadline, GrievanceChange, GrievanceDeadlineRecord, GrievanceEntryRecord,
    GrievanceRecord, GrievanceStore, NewGrievanceEntry,
};
pub use motion::{
    AmendmentRecord, AmendmentStatus, BallotGroup, BallotRecord, CommentRecord, CountBallots,
    MotionDefaults, MotionRecord, MotionStore, OpenVote, PhaseChange,
};
pub use mutual_aid::{AidChange, AidRecord, MutualAidStore};
pub use notices::{DeliveryMode, DeliveryTarget, NoticeItem, NoticeStore};
pub use publication::{
    CommentModeration, PublicationCommentRecord, PublicationRecord, PublicationStore,
    PublicationTextRecord,
};
pub use push::{PushStore, PushSubscriptionRecord};
pub use records::{
    EvidenceRecord, EvidenceRoom, IncidentRecord, MemberPlan, NewEvidence, PlanRecord, PlanSending,
    RecordsStore, RightsContacts,
};
pub use report::{
    NewUpdate, RapidResponseSettings, ReportCounts, ReportRecord, ReportStep, ReportStore,
    ResponseRecord, UpdateRecord,
};
pub use strike::{
    MovementRecord, NewMovement, NewStrike, PartyRecord, PicketReminder, ShiftRecord,
    StrikeCommittee, StrikePurge, StrikeRecord, StrikeStore,
};
use thiserror::Error;

/// Why the store refused or failed a request.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("handle already taken")]
    HandleTaken,
    #[error("slug already taken")]
    SlugTaken,
    #[error("invitation already used")]
    InvitationUsed,
    #[error("already vouched")]
    AlreadyVouched,
    #[error("already a member")]
    AlreadyMember,
    #[error("the council would lose its last organiser")]
    LastOrganiser,
    /// The row changed under the caller (a motion moved on, an amendment already decided).
    #[error("changed meanwhile")]
    Conflict,
    #[error(transparent)]
    Federation(#[from] FederationError),
    #[error(transparent)]
    Recall(#[from] councils_domain::RecallError),
    #[error(transparent)]
    Strike(#[from] councils_domain::strike::StrikeError),
    #[error(transparent)]
    Ledger(#[from] councils_domain::ledger::LedgerError),
    /// The database failed. The message is for the log only and carries no personal data.
    #[error("database error: {0}")]
    Backend(String),
}

/// A member as stored.
#[derive(Clone, Debug)]
pub struct MemberRecord {
    pub id: MemberId,
    pub handle: Handle,
    pub language: Language,
    pub passphrase_hash: String,
    /// The email for notifications, encrypted with the instance key; `None` if not given.
    pub email_sealed: Option<Vec<u8>>,
    pub created_at: i64,
}

/// A member's place in one council.
#[derive(Clone, Debug)]
pub struct MembershipRecord {
    pub council_id: CouncilId,
    pub member_id: MemberId,
    pub status: MembershipStatus,
    /// Always includes [`Role::Member`].
    pub roles: Vec<Role>,
    pub joined_at: i64,
}

/// A member as listed on a council's page.
#[derive(Clone, Debug)]
pub struct MemberListing {
    pub member_id: MemberId,
    pub handle: Handle,
    pub status: MembershipStatus,
    pub roles: Vec<Role>,
    /// Members who vouched for this one (while pending).
    pub vouched_by: Vec<MemberId>,
}

/// An invitation as stored. The token itself is never stored, only its hash.
#[derive(Clone, Debug)]
pub struct InvitationRecord {
    pub id: InvitationId,
    pub token_hash: String,
    /// `None` for the invitation to found the instance's first council.
    pub council_id: Option<CouncilId>,
    pub role: Role,
    pub created_by: Option<MemberId>,
    pub created_at: i64,
    pub expires_at: i64,
    pub used_at: Option<i64>,
}

/// A new member joining through an invitation.
#[derive(Clone, Debug)]
pub struct NewMember {
    pub id: MemberId,
    pub handle: Handle,
    pub language: Language,
    pub passphrase_hash: String,
    pub email_sealed: Option<Vec<u8>>,
}

/// A council about to be founded.
#[derive(Clone, Debug)]
pub struct NewCouncil {
    pub id: CouncilId,
    pub slug: Slug,
    pub kind: CouncilKind,
    pub names: Vec<CouncilName>,
    pub settings: CouncilSettings,
}

/// Whether a federation link is asked for or in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkStatus {
    Requested,
    Active,
}

/// A constituent sending (or asking to send) delegates to a higher council.
#[derive(Clone, Debug)]
pub struct LinkRecord {
    pub constituent: CouncilId,
    pub parent: CouncilId,
    pub status: LinkStatus,
    pub requested_at: i64,
}

/// How a session was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionKind {
    Browser,
    Api,
}

/// A session as stored: the token's hash, never the token.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub id: SessionId,
    pub token_hash: String,
    pub member_id: MemberId,
    pub kind: SessionKind,
    pub created_at: i64,
    pub last_seen_at: i64,
}

/// A session with what every page needs to know of its member.
#[derive(Clone, Debug)]
pub struct LiveSession {
    pub session: SessionRecord,
    pub handle: Handle,
    pub language: Language,
}

/// What a retention sweep deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub invitations: u64,
}

/// Everything the use cases need from persistence, in one object.
pub trait Store:
    MemberStore
    + InvitationStore
    + CouncilStore
    + MembershipStore
    + FederationStore
    + SessionStore
    + MotionStore
    + DemocracyStore
    + ReportStore
    + PushStore
    + NoticeStore
    + RecordsStore
    + GrievanceStore
    + PublicationStore
    + StrikeStore
    + EventStore
    + MutualAidStore
{
}

impl<T> Store for T where
    T: MemberStore
        + InvitationStore
        + CouncilStore
        + MembershipStore
        + FederationStore
        + SessionStore
        + MotionStore
        + DemocracyStore
        + ReportStore
        + PushStore
        + NoticeStore
        + RecordsStore
        + GrievanceStore
        + PublicationStore
        + StrikeStore
        + EventStore
        + MutualAidStore
{
}

/// Members' own records.
#[async_trait]
pub trait MemberStore: Send + Sync {
    /// Whether the database answers.
    async fn ping(&self) -> Result<(), StoreError>;
    /// A number that changes on every write this process makes, or `None` when other
    /// processes may write to the same database. Reads taken at one generation may be reused
    /// while it holds (see `ReadCache`).
    fn generation(&self) -> Option<u64>;
    /// Whether the instance has no council and no member yet.
    async fn is_empty(&self) -> Result<bool, StoreError>;
    async fn member(&self, id: &MemberId) -> Result<Option<MemberRecord>, StoreError>;
    async fn member_by_handle(&self, handle: &Handle) -> Result<Option<MemberRecord>, StoreError>;
    async fn set_member_language(
        &self,
        id: &MemberId,
        language: Language,
    ) -> Result<(), StoreError>;
    async fn set_member_handle(&self, id: &MemberId, handle: &Handle) -> Result<(), StoreError>;
    /// Changes the passphrase and ends every session of the member except `keep`.
    async fn set_member_passphrase(
        &self,
        id: &MemberId,
        passphrase_hash: &str,
        keep: &SessionId,
    ) -> Result<(), StoreError>;
    async fn set_member_email(
        &self,
        id: &MemberId,
        sealed: Option<Vec<u8>>,
    ) -> Result<(), StoreError>;
    /// Erases the member: their row, memberships, vouches and sessions. Each council they were in
    /// records `MemberLeft` in its minutes.
    async fn delete_member(&self, id: &MemberId, now: i64) -> Result<(), StoreError>;
}

/// Invitations and joining through them.
#[async_trait]
pub trait InvitationStore: Send + Sync {
    async fn create_invitation(&self, invitation: &InvitationRecord) -> Result<(), StoreError>;
    async fn invitation_by_token_hash(
        &self,
        hash: &str,
    ) -> Result<Option<InvitationRecord>, StoreError>;
    /// Uses the invitation (once), creates the member, founds `founding` if given, and adds the
    /// member to the council: pending if the council requires vouches, else active.
    async fn join(
        &self,
        invitation: &InvitationId,
        member: &NewMember,
        founding: Option<&NewCouncil>,
        now: i64,
    ) -> Result<MembershipStatus, StoreError>;
    /// Adds an existing member to a council through an invitation (no new account).
    async fn join_existing(
        &self,
        invitation: &InvitationId,
        member: &MemberId,
        now: i64,
    ) -> Result<MembershipStatus, StoreError>;
}

/// Councils and their minutes.
#[async_trait]
pub trait CouncilStore: Send + Sync {
    async fn council(&self, id: &CouncilId) -> Result<Option<Council>, StoreError>;
    async fn council_by_slug(&self, slug: &Slug) -> Result<Option<Council>, StoreError>;
    async fn all_councils(&self) -> Result<Vec<Council>, StoreError>;
    /// Founds a council with `founder` as its first organiser.
    async fn found_council(
        &self,
        council: &NewCouncil,
        founder: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn update_council(
        &self,
        id: &CouncilId,
        names: &[CouncilName],
        settings: CouncilSettings,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn minutes(&self, council: &CouncilId) -> Result<Vec<MinutesEntry>, StoreError>;
}

/// Members' places in councils: status, roles, vouches.
#[async_trait]
pub trait MembershipStore: Send + Sync {
    async fn membership(
        &self,
        council: &CouncilId,
        member: &MemberId,
    ) -> Result<Option<MembershipRecord>, StoreError>;
    async fn memberships_of(&self, member: &MemberId) -> Result<Vec<MembershipRecord>, StoreError>;
    async fn members_of(&self, council: &CouncilId) -> Result<Vec<MemberListing>, StoreError>;
    /// Records a vouch; activates the newcomer when the council's requirement is met.
    async fn vouch(
        &self,
        council: &CouncilId,
        member: &MemberId,
        voucher: &MemberId,
        now: i64,
    ) -> Result<MembershipStatus, StoreError>;
    /// Makes a pending member active at once (an organiser's approval).
    async fn approve(
        &self,
        council: &CouncilId,
        member: &MemberId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn grant_role(
        &self,
        council: &CouncilId,
        member: &MemberId,
        role: Role,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Refused with `LastOrganiser` when it would leave the council without one.
    async fn revoke_role(
        &self,
        council: &CouncilId,
        member: &MemberId,
        role: Role,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Removes the member from the council and ends all of their sessions. Refused with
    /// `LastOrganiser` when it would leave the council without one.
    async fn remove_member(
        &self,
        council: &CouncilId,
        member: &MemberId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Distinct active base members a council represents, through its whole subtree.
    async fn represented_members(&self, council: &CouncilId) -> Result<u64, StoreError>;
}

/// Links between constituents and higher councils.
#[async_trait]
pub trait FederationStore: Send + Sync {
    async fn links(&self) -> Result<Vec<LinkRecord>, StoreError>;
    /// The links in which `council` is the constituent or the higher council.
    async fn links_of(&self, council: &CouncilId) -> Result<Vec<LinkRecord>, StoreError>;
    /// Records a request, refused if it would make a cycle with the links in force.
    async fn request_link(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Accepts a requested link, checking again inside the transaction that no cycle appears.
    async fn accept_link(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn end_link(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
}

/// Sessions, and the retention sweep.
#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn create_session(&self, session: &SessionRecord) -> Result<(), StoreError>;
    /// The session with this token hash, and its member's handle and language (one query: it
    /// runs on every request).
    async fn session_by_token_hash(&self, hash: &str) -> Result<Option<LiveSession>, StoreError>;
    /// Records that a session was used. Not counted in the write generation: only the
    /// session's own `last_seen_at` changes, and the app updates its cached copy itself.
    async fn touch_session(&self, id: &SessionId, now: i64) -> Result<(), StoreError>;
    async fn sessions_of(&self, member: &MemberId) -> Result<Vec<SessionRecord>, StoreError>;
    async fn delete_session(&self, member: &MemberId, id: &SessionId) -> Result<(), StoreError>;
    /// Deletes what retention says must go: sessions idle since `idle_before` or opened before
    /// `opened_before`, invitations expired before `now`.
    async fn purge(
        &self,
        now: i64,
        idle_before: i64,
        opened_before: i64,
    ) -> Result<Purged, StoreError>;
}
