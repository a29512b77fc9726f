//! The store port for council democracy: elections of delegates, delegates and their terms,
//! mandates, votes against them, recalls, referendums and each council's delegation rules.
//!
//! Seating the winners of an election and recording a voted mandate happen inside the
//! transaction that decides the motion (`MotionStore::decide`), so a decided election always
//! has its delegates and a decided mandate motion its mandate.

use super::{MotionRecord, StoreError};
use async_trait::async_trait;
use councils_domain::{
    CouncilId, DelegateId, DelegationRules, Handle, MandateChoice, MemberId, MotionId, Recall,
    RecallId, RecallStep,
};

/// An election of a constituent's delegates to a higher council: an election motion of the
/// constituent, its candidates (the motion's options, in order) and the term it fills.
#[derive(Clone, Debug, PartialEq)]
pub struct ElectionRecord {
    pub motion_id: MotionId,
    pub constituent_id: CouncilId,
    pub parent_id: CouncilId,
    pub term_months: u32,
    /// The candidates, one per option of the motion, in the same order.
    pub candidates: Vec<MemberId>,
    /// A by-election fills vacant seats and leaves the sitting delegates be; a full
    /// election ends their terms.
    pub by_election: bool,
}

/// Where a delegate's seat stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DelegateStatus {
    Active,
    Recalled,
    Ended,
}

impl DelegateStatus {
    pub fn code(self) -> &'static str {
        match self {
            DelegateStatus::Active => "active",
            DelegateStatus::Recalled => "recalled",
            DelegateStatus::Ended => "ended",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "active" => Some(DelegateStatus::Active),
            "recalled" => Some(DelegateStatus::Recalled),
            "ended" => Some(DelegateStatus::Ended),
            _ => None,
        }
    }
}

/// A delegate: one member sent by a constituent to a higher council for one term.
#[derive(Clone, Debug, PartialEq)]
pub struct DelegateRecord {
    pub id: DelegateId,
    pub constituent_id: CouncilId,
    pub parent_id: CouncilId,
    pub member_id: MemberId,
    /// Read with the delegate, for pages.
    pub handle: Handle,
    pub election: MotionId,
    pub term_starts_at: i64,
    pub term_ends_at: i64,
    pub status: DelegateStatus,
    pub ended_at: Option<i64>,
    /// Whether the delegate's membership of the higher council came with the seat (and so
    /// goes with it). A member of the higher council in their own right keeps it.
    pub seated: bool,
}

/// A motion of a constituent that votes its delegates' mandate on a higher council's motion.
#[derive(Clone, Debug, PartialEq)]
pub struct MandateMotionRecord {
    pub motion_id: MotionId,
    pub for_motion_id: MotionId,
    pub constituent_id: CouncilId,
}

/// A constituent's mandate on one motion of a higher council.
#[derive(Clone, Debug, PartialEq)]
pub struct MandateRecord {
    pub for_motion_id: MotionId,
    pub constituent_id: CouncilId,
    pub choice: MandateChoice,
    /// The mandate motion that decided it.
    pub mandate_motion_id: MotionId,
    pub decided_at: i64,
}

/// A delegate's vote against their mandate that was counted (under `RecordAndFlag`).
#[derive(Clone, Debug, PartialEq)]
pub struct ContraryVote {
    pub delegate_id: DelegateId,
    pub motion_id: MotionId,
    pub at: i64,
}

/// A recall of a delegate, with its signatures.
#[derive(Clone, Debug, PartialEq)]
pub struct RecallRecord {
    pub id: RecallId,
    pub delegate_id: DelegateId,
    pub constituent_id: CouncilId,
    pub reason: String,
    /// `None` when opened by a vote against the mandate, or once the starter is gone.
    pub started_by: Option<MemberId>,
    pub started_at: i64,
    pub recall: Recall,
    /// The recall vote, once one opened.
    pub vote_motion_id: Option<MotionId>,
}

/// What a recall may need when it reaches its threshold, made ready by the application (it
/// chooses ids and words the texts): the by-election for the vacant seat, and the recall
/// vote. The store uses the one the recall's step calls for.
#[derive(Clone, Debug)]
pub struct RecallFollowUp {
    /// In discussion, with its election record.
    pub by_election: Option<(MotionRecord, ElectionRecord)>,
    /// A yes/no recall motion, opened for voting at once with `entitled` set.
    pub recall_vote: MotionRecord,
}

/// Council democracy's records. Each method is one transaction, minuted where the rules
/// care.
#[async_trait]
pub trait DemocracyStore: Send + Sync {
    /// A council's delegation rules (the defaults when it never set them).
    async fn delegation_rules(&self, council: &CouncilId) -> Result<DelegationRules, StoreError>;
    async fn set_delegation_rules(
        &self,
        council: &CouncilId,
        rules: &DelegationRules,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError>;

    /// Stores an election motion (in discussion) with its election record, minuted.
    async fn create_election(
        &self,
        motion: &MotionRecord,
        election: &ElectionRecord,
    ) -> Result<(), StoreError>;
    async fn election(&self, motion: &MotionId) -> Result<Option<ElectionRecord>, StoreError>;

    /// Delegates a council sends up or receives, newest term first.
    async fn delegates_of(&self, council: &CouncilId) -> Result<Vec<DelegateRecord>, StoreError>;
    async fn delegate(&self, id: &DelegateId) -> Result<Option<DelegateRecord>, StoreError>;

    /// Stores a mandate motion (in discussion) linked to the higher motion, minuted.
    async fn create_mandate_motion(
        &self,
        motion: &MotionRecord,
        link: &MandateMotionRecord,
    ) -> Result<(), StoreError>;
    async fn mandate_motion(
        &self,
        motion: &MotionId,
    ) -> Result<Option<MandateMotionRecord>, StoreError>;
    /// The mandate motions voting on one higher motion.
    async fn mandate_motions_for(
        &self,
        for_motion: &MotionId,
    ) -> Result<Vec<MandateMotionRecord>, StoreError>;
    async fn mandate(
        &self,
        for_motion: &MotionId,
        constituent: &CouncilId,
    ) -> Result<Option<MandateRecord>, StoreError>;
    /// Every mandate a constituent voted, newest first.
    async fn mandates_of(&self, constituent: &CouncilId) -> Result<Vec<MandateRecord>, StoreError>;
    /// The mandates on one higher motion.
    async fn mandates_for(&self, for_motion: &MotionId) -> Result<Vec<MandateRecord>, StoreError>;

    /// Records a counted vote against the mandate, minuted in the constituent, and opens
    /// `recall` with it when given (unless one is already open on the delegate).
    async fn record_contrary(
        &self,
        vote: &ContraryVote,
        recall: Option<&RecallRecord>,
    ) -> Result<(), StoreError>;
    async fn contrary_votes(&self, delegate: &DelegateId) -> Result<Vec<ContraryVote>, StoreError>;

    /// Starts a recall (its starter signs first), minuted. `Conflict` if the delegate is not
    /// active or a recall of them is already open.
    async fn start_recall(&self, recall: &RecallRecord) -> Result<(), StoreError>;
    async fn recall(&self, id: &RecallId) -> Result<Option<RecallRecord>, StoreError>;
    /// A delegate's recalls, newest first.
    async fn recalls_of(&self, delegate: &DelegateId) -> Result<Vec<RecallRecord>, StoreError>;
    /// The recall whose vote is `motion`, if any.
    async fn recall_by_vote(&self, motion: &MotionId) -> Result<Option<RecallRecord>, StoreError>;
    /// Adds a signature under the electing council's rules, counting its active members
    /// inside the transaction. At the threshold the delegate is removed at once (their seat
    /// and, if it came with the seat, their membership of the higher council) and the
    /// by-election opens, or the recall vote opens; all minuted.
    async fn sign_recall(
        &self,
        recall: &RecallId,
        signer: &MemberId,
        at: i64,
        follow: &RecallFollowUp,
    ) -> Result<RecallStep, StoreError>;
    /// Records a decided recall vote: `recalled` removes the delegate as a signature at the
    /// threshold would, opening the by-election. `Conflict` if no vote is open on it.
    async fn recall_vote_decided(
        &self,
        recall: &RecallId,
        recalled: bool,
        at: i64,
        by_election: Option<&(MotionRecord, ElectionRecord)>,
    ) -> Result<(), StoreError>;

    /// Puts a motion of a higher council to a referendum of every base member below it,
    /// and makes its ballot secret, minuted. Only before voting opens (`Conflict` after).
    async fn call_referendum(
        &self,
        motion: &MotionId,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError>;
    async fn is_referendum(&self, motion: &MotionId) -> Result<bool, StoreError>;
    /// Whether `member` is an active member of a council in `council`'s subtree (itself
    /// included, through active links).
    async fn in_subtree(&self, council: &CouncilId, member: &MemberId) -> Result<bool, StoreError>;
    /// Ends every delegate's seat whose term ran out by `now` (the higher council's membership
    /// goes with it unless they were re-elected), minuted; how many ended.
    async fn end_expired_terms(&self, now: i64) -> Result<u64, StoreError>;
    /// Recall votes that were counted but whose recall was not settled (the process stopped
    /// between the two), for the sweep to settle.
    async fn unsettled_recall_votes(&self) -> Result<Vec<MotionId>, StoreError>;
}
