//! The store port for motions: the agenda, discussion (comments and amendments), the voter
//! roll and the ballot box, and decisions.
//!
//! Secret ballots: the roll says who has voted, the box says what was voted, and nothing in
//! the database joins them. A ballot's id is a keyed hash of the motion and the voter under
//! the instance key, which lives outside the database (`FieldCipher::ballot_id`): the voter
//! can change their ballot until voting closes, and a copy of the database alone cannot tell
//! whose ballot is whose. Ballots carry no time and no insertion order.

use super::StoreError;
use async_trait::async_trait;
use councils_domain::motion::{MotionKind, MotionRules, MotionText, Outcome, Phase};
use councils_domain::{AmendmentId, CommentId, CouncilId, Handle, Language, MemberId, MotionId};

/// A motion as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct MotionRecord {
    pub id: MotionId,
    pub council_id: CouncilId,
    /// `None` once the mover has deleted their account.
    pub mover: Option<MemberId>,
    pub kind: MotionKind,
    pub rules: MotionRules,
    /// The options voted on, in order (empty for yes/no and consent, whose options are fixed).
    pub options: Vec<String>,
    /// The text in each language it was written in; at least one.
    pub texts: Vec<MotionText>,
    pub phase: Phase,
    pub created_at: i64,
    /// When voting opened, and the members entitled to vote then (fixed for the count).
    pub voting_opened_at: Option<i64>,
    pub entitled: Option<u64>,
    /// When voting closes by itself, if a close was set.
    pub closes_at: Option<i64>,
    pub decided_at: Option<i64>,
    /// The count, once decided.
    pub outcome: Option<Outcome>,
}

/// What an amendment proposes, and what became of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmendmentStatus {
    Proposed,
    /// Put to the council's vote; its vote's decision accepts or rejects it.
    Voting,
    Accepted,
    Rejected,
}

impl AmendmentStatus {
    pub fn code(self) -> &'static str {
        match self {
            AmendmentStatus::Proposed => "proposed",
            AmendmentStatus::Voting => "voting",
            AmendmentStatus::Accepted => "accepted",
            AmendmentStatus::Rejected => "rejected",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "proposed" => Some(AmendmentStatus::Proposed),
            "voting" => Some(AmendmentStatus::Voting),
            "accepted" => Some(AmendmentStatus::Accepted),
            "rejected" => Some(AmendmentStatus::Rejected),
            _ => None,
        }
    }
}

/// An amendment: a new body for the motion's text in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct AmendmentRecord {
    pub id: AmendmentId,
    pub motion_id: MotionId,
    /// `None` once the author has deleted their account.
    pub author: Option<MemberId>,
    /// The author's handle, read with the amendment (for the page).
    pub author_handle: Option<Handle>,
    pub language: Language,
    pub body: String,
    pub status: AmendmentStatus,
    pub created_at: i64,
    /// The yes/no motion that votes on it, once it was put to the council's vote.
    pub vote: Option<MotionId>,
}

/// A council's defaults for new motions, in the new-motion form's codes (see
/// `motion::MotionDraft`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MotionDefaults {
    /// `Method::code`; only methods that need no parameters.
    pub method: String,
    /// `simple`, `two-thirds` or `members`.
    pub majority: String,
    /// Share of the members entitled who must vote, in percent; 0 for none.
    pub quorum_percent: u32,
    pub secret: bool,
}

impl Default for MotionDefaults {
    fn default() -> Self {
        Self {
            method: "yes-no".into(),
            majority: "simple".into(),
            quorum_percent: 0,
            secret: false,
        }
    }
}

/// A comment in a motion's discussion.
#[derive(Clone, Debug, PartialEq)]
pub struct CommentRecord {
    pub id: CommentId,
    pub motion_id: MotionId,
    pub author: Option<MemberId>,
    pub author_handle: Option<Handle>,
    pub body: String,
    pub created_at: i64,
}

/// A ballot to put in the box, with the voter to put on the roll.
#[derive(Clone, Debug)]
pub struct BallotRecord {
    pub motion_id: MotionId,
    /// Goes on the roll only.
    pub voter: MemberId,
    /// Keyed hash of motion and voter (see the module's comment); the box's key.
    pub ballot_id: String,
    /// `Choice::encode`.
    pub choice: String,
    /// The members this ballot counts for (1 for a member; a delegate's weight later).
    pub weight: u64,
    /// For an open vote the roll also keeps the choice, so members can see who voted what.
    pub open: bool,
}

/// A phase change, made only if the motion is still in `from`.
#[derive(Clone, Debug)]
pub struct PhaseChange {
    pub motion_id: MotionId,
    pub from: Phase,
    pub to: Phase,
    pub by: Option<MemberId>,
    pub at: i64,
    /// Set when voting opens: the members entitled to vote, and when voting closes.
    pub entitled: Option<u64>,
    pub closes_at: Option<i64>,
}

/// Identical ballots of a motion's box, together: what the count reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BallotGroup {
    /// `Choice::encode`.
    pub choice: String,
    /// The total weight of these ballots.
    pub weight: u64,
    /// How many ballots say this.
    pub ballots: u64,
}

/// Counts a motion's box, one group per distinct choice, into its outcome.
pub type CountBallots<'a> = dyn Fn(&[BallotGroup]) -> Result<Outcome, String> + Send + Sync + 'a;

/// An open vote as the roll shows it: who voted what.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenVote {
    pub voter: MemberId,
    pub handle: Option<Handle>,
    pub choice: String,
}

/// Motions, their discussion and their ballots. Every change a council's rules care about
/// (a motion proposed, voting opened, an amendment accepted, a decision with its count) is
/// appended to the council's minutes in the same transaction.
#[async_trait]
pub trait MotionStore: Send + Sync {
    /// Stores a new motion (in phase draft or discussion) and records it in the minutes.
    async fn create_motion(&self, motion: &MotionRecord) -> Result<(), StoreError>;
    async fn motion(&self, id: &MotionId) -> Result<Option<MotionRecord>, StoreError>;
    /// A council's motions, newest first.
    async fn motions_of(&self, council: &CouncilId) -> Result<Vec<MotionRecord>, StoreError>;
    /// Moves a motion from one phase to the next, up to voting (deciding is [`Self::decide`]);
    /// `StoreError::Conflict` if it is no longer in `change.from` (someone else moved it
    /// first). Opening voting is recorded in the minutes.
    async fn change_phase(&self, change: &PhaseChange) -> Result<(), StoreError>;
    /// Closes voting and decides the motion in one transaction: the motion is locked first
    /// (no ballot batch runs between the close and the commit), then its box is read, each
    /// distinct choice once with its total weight, and `count`ed, and the outcome is stored and appended to the minutes. `Conflict` if the
    /// motion is no longer voting; nothing changes if `count` fails.
    async fn decide(
        &self,
        motion: &MotionId,
        at: i64,
        count: &CountBallots<'_>,
    ) -> Result<Outcome, StoreError>;
    /// Motions still voting whose close time has passed, for the sweep that closes them.
    async fn motions_due(&self, now: i64) -> Result<Vec<MotionId>, StoreError>;

    async fn add_comment(&self, comment: &CommentRecord) -> Result<(), StoreError>;
    /// A motion's comments, oldest first.
    async fn comments_of(&self, motion: &MotionId) -> Result<Vec<CommentRecord>, StoreError>;
    async fn propose_amendment(&self, amendment: &AmendmentRecord) -> Result<(), StoreError>;
    /// A motion's amendments, oldest first.
    async fn amendments_of(&self, motion: &MotionId) -> Result<Vec<AmendmentRecord>, StoreError>;
    /// Accepts (replacing the motion's body in the amendment's language, and recording it in
    /// the minutes) or rejects a proposed amendment; `StoreError::Conflict` if it was already
    /// decided or the motion has left discussion.
    async fn decide_amendment(
        &self,
        amendment: &AmendmentId,
        accept: bool,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError>;

    /// Puts a proposed amendment to the council's vote: `vote` (a yes/no motion, already
    /// voting) is stored, the amendment marks it as its vote, and both go into the minutes.
    /// `Conflict` if the amendment is no longer proposed or its motion has left discussion.
    /// When `vote` is decided ([`Self::decide`]), its outcome accepts or rejects the amendment
    /// in that same transaction.
    async fn put_amendment_to_vote(
        &self,
        amendment: &AmendmentId,
        vote: &MotionRecord,
        by: &MemberId,
    ) -> Result<(), StoreError>;
    /// The amendment a motion is the vote on, if it is one.
    async fn amendment_voted_by(
        &self,
        vote: &MotionId,
    ) -> Result<Option<AmendmentRecord>, StoreError>;
    /// A council's defaults for new motions ([`MotionDefaults::default`] if never set).
    async fn motion_defaults(&self, council: &CouncilId) -> Result<MotionDefaults, StoreError>;
    /// Sets a council's defaults for new motions, recorded in its minutes.
    async fn set_motion_defaults(
        &self,
        council: &CouncilId,
        defaults: &MotionDefaults,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError>;

    /// Puts a ballot in the box and its voter on the roll, replacing the voter's earlier
    /// ballot on the same motion. Ballots are committed in groups (many per fsync); the call
    /// returns once this one is durable. `StoreError::Conflict` if the motion is not voting.
    async fn cast_ballot(&self, ballot: BallotRecord) -> Result<(), StoreError>;
    /// Whether a member is on a motion's roll.
    async fn has_voted(&self, motion: &MotionId, member: &MemberId) -> Result<bool, StoreError>;
    /// The choice in the box under one ballot id (a voter looking at their own ballot).
    async fn ballot_choice(
        &self,
        motion: &MotionId,
        ballot_id: &str,
    ) -> Result<Option<String>, StoreError>;
    /// What is in a motion's box: each distinct choice once with the total weight of its
    /// ballots (the database groups them), in choice order.
    async fn ballots(&self, motion: &MotionId) -> Result<Vec<BallotGroup>, StoreError>;
    /// How many are on the roll.
    async fn roll_count(&self, motion: &MotionId) -> Result<u64, StoreError>;
    /// For an open vote: who voted what.
    async fn open_votes(&self, motion: &MotionId) -> Result<Vec<OpenVote>, StoreError>;
}
