//! The grievances port: cases of a workplace committee, their timelines and deadlines, joining
//! them into a collective grievance, the motion a case was escalated into, the deadline sweep
//! and the retention sweep.
//!
//! Everything the filer or an organiser writes arrives sealed by the app's `FieldCipher`.
//! An anonymous grievance arrives without its filer: there is no column that could hold them.

use super::{MotionRecord, StoreError};
use async_trait::async_trait;
use councils_domain::grievance::{EntryKind, GrievanceKind, GrievanceStatus};
use councils_domain::{CouncilId, GrievanceDeadlineId, GrievanceId, Handle, MemberId, MotionId};

/// A grievance as stored.
#[derive(Clone, Debug)]
pub struct GrievanceRecord {
    pub id: GrievanceId,
    pub council_id: CouncilId,
    pub kind: GrievanceKind,
    pub status: GrievanceStatus,
    pub anonymous: bool,
    /// The filer of a named grievance (`None` when anonymous, or once their account is gone).
    pub filed_by: Option<MemberId>,
    /// SHA-256 of the private link's token (anonymous grievances only).
    pub follow_token_hash: Option<String>,
    /// Sealed JSON of the filer's `Statement`.
    pub statement_sealed: Vec<u8>,
    /// Sealed JSON of the `PayClaim`, if one was written.
    pub pay_sealed: Option<Vec<u8>>,
    pub assignee: Option<MemberId>,
    pub is_collective: bool,
    /// The collective grievance this one was joined into.
    pub collective_id: Option<GrievanceId>,
    pub filed_at: i64,
    pub closed_at: Option<i64>,
    /// The motion it was escalated into (read from the link; ignored when creating).
    pub motion_id: Option<MotionId>,
}

/// An entry of a case's timeline as stored.
#[derive(Clone, Debug)]
pub struct GrievanceEntryRecord {
    pub kind: EntryKind,
    pub author: Option<MemberId>,
    /// The author's handle, read with the entry.
    pub author_handle: Option<Handle>,
    /// Written by the filer (named, or anonymous through the private link).
    pub by_filer: bool,
    pub body_sealed: Option<Vec<u8>>,
    /// A code the entry is about (a status, a motion kind); never free text.
    pub detail: Option<String>,
    pub at: i64,
}

/// An entry to append to a case's timeline.
#[derive(Clone, Debug)]
pub struct NewGrievanceEntry {
    pub grievance_id: GrievanceId,
    pub kind: EntryKind,
    pub author: Option<MemberId>,
    pub by_filer: bool,
    pub body_sealed: Option<Vec<u8>>,
    pub detail: Option<String>,
    pub at: i64,
}

/// A deadline of a case as stored.
#[derive(Clone, Debug)]
pub struct GrievanceDeadlineRecord {
    pub id: GrievanceDeadlineId,
    pub grievance_id: GrievanceId,
    pub label_sealed: Vec<u8>,
    pub due_at: i64,
    pub reminded_at: Option<i64>,
    pub done_at: Option<i64>,
    pub created_at: i64,
}

/// A deadline that came due and has not been reminded of, with whom to tell.
#[derive(Clone, Debug)]
pub struct DueGrievanceDeadline {
    pub deadline: GrievanceDeadlineRecord,
    pub council_id: CouncilId,
    pub assignee: Option<MemberId>,
}

/// A change to a case; each goes in one transaction with its timeline entry.
#[derive(Clone, Debug)]
pub enum GrievanceChange {
    /// Only the entry (a note, a question, an answer).
    Note,
    /// A new status; `closed_at` is set for resolved and dropped, cleared otherwise.
    Status {
        status: GrievanceStatus,
        closed_at: Option<i64>,
    },
    Assignee(Option<MemberId>),
    Pay(Vec<u8>),
    AddDeadline(GrievanceDeadlineRecord),
    /// A deadline met (`NotFound` if it is not one of this case's open deadlines).
    FinishDeadline(GrievanceDeadlineId, i64),
    /// The motion it is escalated into, written and linked in one transaction, and its status
    /// set to escalated (`Conflict`, and no motion written, if it already was).
    Escalate(Box<MotionRecord>),
}

/// Grievances and their cases.
#[async_trait]
pub trait GrievanceStore: Send + Sync {
    /// Stores a new grievance with the first entry of its timeline.
    async fn create_grievance(
        &self,
        grievance: &GrievanceRecord,
        first: &NewGrievanceEntry,
    ) -> Result<(), StoreError>;
    async fn grievance(&self, id: &GrievanceId) -> Result<Option<GrievanceRecord>, StoreError>;
    /// The anonymous grievance whose private link's token hashes to `hash`.
    async fn grievance_by_follow_hash(
        &self,
        hash: &str,
    ) -> Result<Option<GrievanceRecord>, StoreError>;
    /// The council's grievances, newest first.
    async fn grievances_of(&self, council: &CouncilId) -> Result<Vec<GrievanceRecord>, StoreError>;
    /// The grievances joined into a collective one.
    async fn grievances_in(
        &self,
        collective: &GrievanceId,
    ) -> Result<Vec<GrievanceRecord>, StoreError>;
    /// The grievance a motion came from.
    async fn grievance_of_motion(
        &self,
        motion: &MotionId,
    ) -> Result<Option<GrievanceRecord>, StoreError>;
    /// A case's timeline, oldest first.
    async fn grievance_entries(
        &self,
        id: &GrievanceId,
    ) -> Result<Vec<GrievanceEntryRecord>, StoreError>;
    /// A case's deadlines, soonest first.
    async fn grievance_deadlines(
        &self,
        id: &GrievanceId,
    ) -> Result<Vec<GrievanceDeadlineRecord>, StoreError>;
    /// Changes a case and appends the entry, in one transaction.
    async fn change_grievance(
        &self,
        change: &GrievanceChange,
        entry: &NewGrievanceEntry,
    ) -> Result<(), StoreError>;
    /// Makes the collective grievance and joins `members` into it, each with a `Joined`
    /// entry at `at` by `by`: all or none (`Conflict` if one is gone, of another council, or
    /// already in a collective).
    async fn join_collective(
        &self,
        collective: &GrievanceRecord,
        first: &NewGrievanceEntry,
        members: &[GrievanceId],
    ) -> Result<(), StoreError>;
    /// Open deadlines of open cases due at or before `now` that no one was reminded of.
    async fn due_grievance_deadlines(
        &self,
        now: i64,
    ) -> Result<Vec<DueGrievanceDeadline>, StoreError>;
    /// Records that a deadline's reminder went out; `false` if another sweep got there first.
    async fn mark_deadline_reminded(
        &self,
        id: &GrievanceDeadlineId,
        now: i64,
    ) -> Result<bool, StoreError>;
    /// Deletes every resolved or dropped grievance closed before `closed_before`, with its
    /// timeline, deadlines and link to a motion (the motion stays: it is the council's).
    async fn purge_grievances(&self, closed_before: i64) -> Result<u64, StoreError>;
}
