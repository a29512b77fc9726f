//! Errors a tally can return.

use thiserror::Error;

/// Why ballots could not be counted under the given rules.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TallyError {
    /// A rule refers to the number of members entitled to vote, and it was not given.
    #[error("the rule needs the number of members entitled to vote, and it was not given")]
    EntitledUnknown,
    /// A fraction with a zero denominator or greater than one.
    #[error("{num}/{den} is not a fraction between 0 and 1")]
    InvalidFraction {
        /// Numerator.
        num: u64,
        /// Denominator.
        den: u64,
    },
    /// A ballot names a candidate outside the list.
    #[error("candidate {candidate} does not exist (there are {candidates})")]
    UnknownCandidate {
        /// The 0-based index on the ballot.
        candidate: usize,
        /// How many candidates there are.
        candidates: usize,
    },
    /// A ranked ballot names the same candidate twice.
    #[error("candidate {candidate} is ranked twice on one ballot")]
    DuplicateCandidate {
        /// The 0-based index of the candidate.
        candidate: usize,
    },
    /// The method cannot count ballots with equal preferences.
    #[error("{method} does not accept equal preferences on a ballot")]
    EqualPreferences {
        /// The method's name.
        method: &'static str,
    },
    /// More candidates than the compact forms can index.
    #[error("{candidates} candidates is more than the {max} a tally accepts")]
    TooManyCandidates {
        /// How many were given.
        candidates: usize,
        /// The limit.
        max: usize,
    },
    /// A ballot does not have one entry per candidate.
    #[error("a ballot has {got} entries for {candidates} candidates")]
    WrongBallotLength {
        /// Entries on the ballot.
        got: usize,
        /// Candidates in the count.
        candidates: usize,
    },
    /// A score ballot gives more than the maximum score.
    #[error("score {score} is above the maximum {max}")]
    ScoreAboveMax {
        /// The score given.
        score: u32,
        /// The maximum of the count.
        max: u8,
    },
    /// An election for no seat.
    #[error("an election needs at least one seat")]
    NoSeats,
    /// Weights too large for the fixed-point arithmetic of a method.
    #[error("the total weight {total} is too large for {method}")]
    WeightOverflow {
        /// The method's name.
        method: &'static str,
        /// The total weight of the ballots.
        total: u128,
    },
}
