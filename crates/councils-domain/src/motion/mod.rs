//! Motions: their kind, phases, rules, options and text, the ballots cast on them, and how
//! they are counted. Counting itself is the tally crate's; this module checks what goes in
//! and keeps what comes out.

mod choice;
mod count;
mod encoding;
mod kind;
mod method;
mod options;
mod outcome;
mod phase;
mod rules;
mod text;

pub use choice::{BallotError, Choice, ConsentChoice, YesNo};
pub use count::{CountError, WEIGHT_MAX, count, count_grouped};
pub use kind::{MotionKind, Secrecy};
pub use method::{Method, MethodParams, SCORE_MAX_LIMIT, StvVariant};
pub use options::{OPTION_LABEL_MAX, OPTIONS_MAX, OPTIONS_MIN, OptionsError, validate_options};
pub use outcome::{
    DecidedBy, Decision, Detail, Fixed, IrvRound, Outcome, StvRound, Transfer, TransferKind,
};
pub use phase::Phase;
pub use rules::MotionRules;
pub use text::{BODY_MAX, MotionText, TITLE_MAX, TextError};

pub(crate) use encoding::{decode_ranks, encode_ranks};

use thiserror::Error;

/// Why a motion's method, rules or phase change was refused. Each variant's code is also its
/// translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum MotionError {
    /// A method code that names no method.
    #[error("no voting method is called {0:?}")]
    UnknownMethod(String),
    /// A method stored without a parameter it needs.
    #[error("the method needs its {0} parameter")]
    MissingParameter(&'static str),
    /// A score maximum of 0 or above [`SCORE_MAX_LIMIT`].
    #[error("a score maximum is 1 to {SCORE_MAX_LIMIT}, not {max}")]
    ScoreMaxOutOfRange {
        /// The maximum given.
        max: u32,
    },
    /// An STV election for no seat.
    #[error("an election needs at least one seat")]
    NoSeats,
    /// A method that does not fit the kind of motion.
    #[error("a {kind:?} motion cannot be voted by {method}")]
    MethodNotForKind {
        /// The kind of motion.
        kind: MotionKind,
        /// The method's code.
        method: &'static str,
    },
    /// An open ballot for a kind that is always secret.
    #[error("a {kind:?} motion is always voted by secret ballot")]
    SecretRequired {
        /// The kind of motion.
        kind: MotionKind,
    },
    /// A quorum or majority share that is not a fraction between 0 and 1.
    #[error("{num}/{den} is not a fraction between 0 and 1")]
    InvalidFraction {
        /// Numerator.
        num: u64,
        /// Denominator.
        den: u64,
    },
    /// A majority of half or less, which would let a tie or a minority pass a motion.
    #[error("a majority must be more than half, not {num}/{den}")]
    MajorityNotAboveHalf {
        /// Numerator.
        num: u64,
        /// Denominator.
        den: u64,
    },
    /// A phase change out of order.
    #[error("a motion cannot go from {from:?} to {to:?}")]
    PhaseOrder {
        /// The phase it is in.
        from: Phase,
        /// The phase asked for.
        to: Phase,
    },
}

impl MotionError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            MotionError::UnknownMethod(_) => "motion-unknown-method",
            MotionError::MissingParameter(_) => "motion-missing-parameter",
            MotionError::ScoreMaxOutOfRange { .. } => "motion-score-max-out-of-range",
            MotionError::NoSeats => "motion-no-seats",
            MotionError::MethodNotForKind { .. } => "motion-method-not-for-kind",
            MotionError::SecretRequired { .. } => "motion-secret-required",
            MotionError::InvalidFraction { .. } => "motion-invalid-fraction",
            MotionError::MajorityNotAboveHalf { .. } => "motion-majority-not-above-half",
            MotionError::PhaseOrder { .. } => "motion-phase-order",
        }
    }
}
