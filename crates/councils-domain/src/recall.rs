//! Instant recall: any member of the electing council can start a recall of its delegate;
//! when the signatures reach the council's threshold the delegate is removed at once, or,
//! if the council so chose, a recall vote opens.
//!
//! A [`Recall`] holds its signers, so one member cannot sign twice. Whether a signer is an
//! active member of the electing council, and how many active members it has, the
//! application knows and passes in.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::MemberId;

/// Why a recall step was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum RecallError {
    /// The member has signed this recall already.
    #[error("this member has already signed the recall")]
    AlreadySigned,
    /// The recall no longer collects signatures.
    #[error("the recall is no longer collecting signatures")]
    NotCollecting,
    /// No recall vote is open on this recall.
    #[error("no recall vote is open")]
    NoVoteOpen,
    /// A threshold of no signature, or a share that is not a fraction above 0.
    #[error("a recall threshold needs at least one signature")]
    InvalidThreshold,
}

impl RecallError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            RecallError::AlreadySigned => "recall-already-signed",
            RecallError::NotCollecting => "recall-not-collecting",
            RecallError::NoVoteOpen => "recall-no-vote-open",
            RecallError::InvalidThreshold => "recall-invalid-threshold",
        }
    }
}

/// How many signatures a recall needs, out of the electing council's active members.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecallThreshold {
    /// More than half of the members.
    #[default]
    Majority,
    /// A fixed number of signatures.
    Count(u32),
    /// At least `num`/`den` of the members.
    Share {
        /// Numerator.
        num: u32,
        /// Denominator.
        den: u32,
    },
}

impl RecallThreshold {
    /// The code in storage and translation keys; a count or share stores its numbers beside.
    pub fn code(self) -> &'static str {
        match self {
            RecallThreshold::Majority => "majority",
            RecallThreshold::Count(_) => "count",
            RecallThreshold::Share { .. } => "share",
        }
    }

    /// Reads a threshold from its code and numbers: `count` takes its number in `num`,
    /// `share` takes `num` and `den`. Returns `None` for an unknown code or a missing number.
    pub fn from_code(code: &str, num: Option<u32>, den: Option<u32>) -> Option<Self> {
        match code {
            "majority" => Some(RecallThreshold::Majority),
            "count" => num.map(RecallThreshold::Count),
            "share" => Some(RecallThreshold::Share {
                num: num?,
                den: den?,
            }),
            _ => None,
        }
    }

    /// The numbers stored beside the code, as [`RecallThreshold::from_code`] reads them.
    pub fn numbers(self) -> (Option<u32>, Option<u32>) {
        match self {
            RecallThreshold::Majority => (None, None),
            RecallThreshold::Count(n) => (Some(n), None),
            RecallThreshold::Share { num, den } => (Some(num), Some(den)),
        }
    }

    /// Checks the threshold: at least one signature, a share between 0 (excluded) and 1.
    pub fn validate(self) -> Result<(), RecallError> {
        match self {
            RecallThreshold::Count(0) => Err(RecallError::InvalidThreshold),
            RecallThreshold::Share { num, den } if num == 0 || den == 0 || num > den => {
                Err(RecallError::InvalidThreshold)
            }
            _ => Ok(()),
        }
    }

    /// The signatures needed in a council of `members` active members (never fewer than one).
    pub fn required(self, members: u64) -> u64 {
        let needed = match self {
            RecallThreshold::Majority => members / 2 + 1,
            RecallThreshold::Count(n) => u64::from(n),
            RecallThreshold::Share { num, den } => {
                let num = u128::from(num) * u128::from(members);
                num.div_ceil(u128::from(den.max(1))) as u64
            }
        };
        needed.max(1)
    }

    /// Whether `signatures` reach the threshold in a council of `members` active members.
    pub fn reached(self, signatures: u64, members: u64) -> bool {
        signatures >= self.required(members)
    }
}

/// What happens when a recall reaches its threshold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecallMode {
    /// The delegate is removed at once and a by-election opens.
    #[default]
    RemoveAtThreshold,
    /// A recall vote of the council opens; it decides whether the delegate goes. Meant for
    /// thresholds below a majority.
    OpenRecallVote,
}

impl RecallMode {
    /// Every mode, the default first.
    pub const ALL: [RecallMode; 2] = [RecallMode::RemoveAtThreshold, RecallMode::OpenRecallVote];

    /// The code in storage and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            RecallMode::RemoveAtThreshold => "remove-at-threshold",
            RecallMode::OpenRecallVote => "open-recall-vote",
        }
    }

    /// Reads a mode code.
    pub fn from_code(code: &str) -> Option<Self> {
        RecallMode::ALL.into_iter().find(|m| m.code() == code)
    }
}

/// A council's recall rules: its threshold and what reaching it does. The mode is the
/// council's own choice, independent of the threshold.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecallRules {
    /// Signatures needed.
    pub threshold: RecallThreshold,
    /// What reaching them does.
    pub mode: RecallMode,
}

/// Where a recall is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecallState {
    /// Collecting signatures.
    Collecting,
    /// The delegate was recalled: removed, and a by-election opens.
    Succeeded,
    /// The threshold was reached and a recall vote is open.
    VoteOpened,
    /// The recall vote kept the delegate.
    Failed,
    /// Withdrawn before it reached the threshold.
    Withdrawn,
}

impl RecallState {
    /// Every state, in order.
    pub const ALL: [RecallState; 5] = [
        RecallState::Collecting,
        RecallState::Succeeded,
        RecallState::VoteOpened,
        RecallState::Failed,
        RecallState::Withdrawn,
    ];

    /// The code in storage and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            RecallState::Collecting => "collecting",
            RecallState::Succeeded => "succeeded",
            RecallState::VoteOpened => "vote-opened",
            RecallState::Failed => "failed",
            RecallState::Withdrawn => "withdrawn",
        }
    }

    /// Reads a state code.
    pub fn from_code(code: &str) -> Option<Self> {
        RecallState::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What a signature (or a change in membership) did to a recall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecallStep {
    /// Below the threshold: `needed` more signatures are needed.
    StillCollecting {
        /// Signatures still missing.
        needed: u64,
    },
    /// The threshold was reached: the delegate is removed and a by-election opens.
    DelegateRemoved,
    /// The threshold was reached: a recall vote opens.
    RecallVoteOpens,
}

/// A recall of one delegate: its state and who signed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recall {
    state: RecallState,
    signers: Vec<MemberId>,
}

impl Default for Recall {
    fn default() -> Self {
        Self::new()
    }
}

impl Recall {
    /// A recall with no signature yet; whoever starts it signs it first with [`Recall::sign`].
    pub fn new() -> Self {
        Self {
            state: RecallState::Collecting,
            signers: Vec::new(),
        }
    }

    /// A recall read back from storage.
    pub fn from_stored(state: RecallState, signers: Vec<MemberId>) -> Self {
        Self { state, signers }
    }

    /// Where the recall is.
    pub fn state(&self) -> RecallState {
        self.state
    }

    /// Who signed, in order.
    pub fn signers(&self) -> &[MemberId] {
        &self.signers
    }

    /// Adds a member's signature, in a council of `members` active members, and says what
    /// follows. A member signs once; a recall signs only while collecting.
    pub fn sign(
        &mut self,
        signer: MemberId,
        members: u64,
        rules: &RecallRules,
    ) -> Result<RecallStep, RecallError> {
        if self.state != RecallState::Collecting {
            return Err(RecallError::NotCollecting);
        }
        if self.signers.contains(&signer) {
            return Err(RecallError::AlreadySigned);
        }
        self.signers.push(signer);
        self.reassess(members, rules)
    }

    /// Looks at the threshold again without a new signature, for when the council has lost
    /// members (or changed its rules) while the recall collects.
    pub fn reassess(
        &mut self,
        members: u64,
        rules: &RecallRules,
    ) -> Result<RecallStep, RecallError> {
        if self.state != RecallState::Collecting {
            return Err(RecallError::NotCollecting);
        }
        let signatures = self.signers.len() as u64;
        if !rules.threshold.reached(signatures, members) {
            let needed = rules.threshold.required(members) - signatures;
            return Ok(RecallStep::StillCollecting { needed });
        }
        Ok(match rules.mode {
            RecallMode::RemoveAtThreshold => {
                self.state = RecallState::Succeeded;
                RecallStep::DelegateRemoved
            }
            RecallMode::OpenRecallVote => {
                self.state = RecallState::VoteOpened;
                RecallStep::RecallVoteOpens
            }
        })
    }

    /// Records the result of the recall vote: whether the council recalled the delegate.
    pub fn vote_decided(&mut self, recalled: bool) -> Result<RecallState, RecallError> {
        if self.state != RecallState::VoteOpened {
            return Err(RecallError::NoVoteOpen);
        }
        self.state = if recalled {
            RecallState::Succeeded
        } else {
            RecallState::Failed
        };
        Ok(self.state)
    }

    /// Withdraws a recall still collecting signatures.
    pub fn withdraw(&mut self) -> Result<(), RecallError> {
        if self.state != RecallState::Collecting {
            return Err(RecallError::NotCollecting);
        }
        self.state = RecallState::Withdrawn;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(i: u32) -> MemberId {
        MemberId::new(format!("m{i}"))
    }

    #[test]
    fn a_majority_of_nine_members_needs_five_signatures() {
        let majority = RecallThreshold::Majority;
        assert_eq!(majority.required(9), 5);
        assert!(!majority.reached(4, 9));
        assert!(majority.reached(5, 9));
        assert_eq!(majority.required(10), 6);
    }

    #[test]
    fn a_share_rounds_up_and_a_count_is_a_count() {
        let third = RecallThreshold::Share { num: 1, den: 3 };
        assert_eq!(third.required(10), 4);
        assert_eq!(third.required(9), 3);
        assert_eq!(RecallThreshold::Count(3).required(100), 3);
        assert_eq!(RecallThreshold::Majority.required(0), 1);
    }

    #[test]
    fn a_threshold_of_no_signature_is_refused() {
        assert_eq!(
            RecallThreshold::Count(0).validate(),
            Err(RecallError::InvalidThreshold)
        );
        assert!(
            RecallThreshold::Share { num: 0, den: 3 }
                .validate()
                .is_err()
        );
        assert!(
            RecallThreshold::Share { num: 4, den: 3 }
                .validate()
                .is_err()
        );
        assert!(RecallThreshold::Share { num: 1, den: 4 }.validate().is_ok());
    }

    #[test]
    fn the_delegate_is_removed_at_once_when_a_majority_signs() {
        let rules = RecallRules::default();
        let mut recall = Recall::new();
        for i in 0..4 {
            let step = recall.sign(member(i), 9, &rules).unwrap();
            assert_eq!(
                step,
                RecallStep::StillCollecting {
                    needed: 4 - i as u64
                }
            );
        }
        assert_eq!(
            recall.sign(member(4), 9, &rules),
            Ok(RecallStep::DelegateRemoved)
        );
        assert_eq!(recall.state(), RecallState::Succeeded);
    }

    #[test]
    fn a_lower_count_threshold_opens_a_vote_instead_of_removing() {
        let rules = RecallRules {
            threshold: RecallThreshold::Count(2),
            mode: RecallMode::OpenRecallVote,
        };
        let mut recall = Recall::new();
        recall.sign(member(1), 30, &rules).unwrap();
        assert_eq!(
            recall.sign(member(2), 30, &rules),
            Ok(RecallStep::RecallVoteOpens)
        );
        assert_eq!(recall.state(), RecallState::VoteOpened);
        assert_eq!(recall.vote_decided(false), Ok(RecallState::Failed));
    }

    #[test]
    fn a_recall_vote_that_passes_removes_the_delegate() {
        let mut recall = Recall::from_stored(RecallState::VoteOpened, vec![member(1)]);
        assert_eq!(recall.vote_decided(true), Ok(RecallState::Succeeded));
        assert_eq!(recall.vote_decided(true), Err(RecallError::NoVoteOpen));
    }

    #[test]
    fn a_member_cannot_sign_twice() {
        let rules = RecallRules::default();
        let mut recall = Recall::new();
        recall.sign(member(1), 9, &rules).unwrap();
        assert_eq!(
            recall.sign(member(1), 9, &rules),
            Err(RecallError::AlreadySigned)
        );
        assert_eq!(recall.signers().len(), 1);
    }

    #[test]
    fn a_finished_or_withdrawn_recall_takes_no_signature() {
        let rules = RecallRules::default();
        let mut recall = Recall::new();
        recall.sign(member(1), 9, &rules).unwrap();
        recall.withdraw().unwrap();
        assert_eq!(
            recall.sign(member(2), 9, &rules),
            Err(RecallError::NotCollecting)
        );
        let mut removed = Recall::from_stored(RecallState::Succeeded, vec![]);
        assert_eq!(removed.withdraw(), Err(RecallError::NotCollecting));
    }

    #[test]
    fn members_leaving_can_bring_a_recall_to_its_threshold() {
        let rules = RecallRules::default();
        let mut recall = Recall::new();
        for i in 0..3 {
            recall.sign(member(i), 9, &rules).unwrap();
        }
        assert_eq!(recall.reassess(5, &rules), Ok(RecallStep::DelegateRemoved));
    }

    #[test]
    fn recall_codes_round_trip() {
        for threshold in [
            RecallThreshold::Majority,
            RecallThreshold::Count(4),
            RecallThreshold::Share { num: 1, den: 3 },
        ] {
            let (num, den) = threshold.numbers();
            assert_eq!(
                RecallThreshold::from_code(threshold.code(), num, den),
                Some(threshold)
            );
        }
        for mode in RecallMode::ALL {
            assert_eq!(RecallMode::from_code(mode.code()), Some(mode));
        }
        for state in RecallState::ALL {
            assert_eq!(RecallState::from_code(state.code()), Some(state));
        }
    }
}
