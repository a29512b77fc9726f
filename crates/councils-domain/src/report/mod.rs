//! Rapid response: a report of a raid in a fixed structure, its verification by a trained
//! member, the alert a confirmed report becomes, responders on their way in a role, updates
//! and the all-clear.
//!
//! Most raw reports are false alarms, so nothing reaches a responder before a verifier
//! confirms it. Nothing here is ever public: who may read what is in [`access`].

pub mod access;
pub mod facts;
pub mod retention;
pub mod state;

pub use facts::{Agency, FactsDraft, ReportFacts, Source};
pub use state::{Decision, ReportState, ResponseRole, UpdateKind, Verification};

use thiserror::Error;

/// Longest description of what is happening, in characters.
pub const WHAT_MAX: usize = 500;
/// Longest place (an address, a corner, a landmark), in characters.
pub const PLACE_MAX: usize = 160;
/// Longest note, update, added information or outcome, in characters.
pub const NOTE_MAX: usize = 500;
/// Largest number of officers or vehicles a report can give.
pub const COUNT_MAX: u32 = 999;
/// How far in the past a report's time may be: a report is about now, not history.
pub const WHEN_PAST_MAX: i64 = 24 * 3600;
/// How far in the future a report's time may be (clocks of phones drift).
pub const WHEN_FUTURE_MAX: i64 = 15 * 60;

/// Why a report, or a step in its verification, was refused. Each code is also the
/// translation key of its message.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum ReportError {
    /// What is happening, or where, was left empty.
    #[error("say what is happening and where")]
    Missing,
    /// A text is longer than its limit.
    #[error("a text is too long")]
    TooLong,
    /// More officers or vehicles than [`COUNT_MAX`].
    #[error("too many officers or vehicles")]
    CountTooLarge,
    /// The time is more than a day ago or in the future.
    #[error("the time is not within the last day")]
    WhenOutOfRange,
    /// An agency, source, role or outcome that is not one offered.
    #[error("not one of the values offered")]
    Unknown,
    /// The step does not follow from where the report is (confirming a closed alert).
    #[error("the report is not at a step that allows this")]
    WrongStep,
    /// Another verifier has taken the report.
    #[error("another verifier has taken this report")]
    TakenByAnother,
}

impl ReportError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            ReportError::Missing => "report-missing",
            ReportError::TooLong => "report-too-long",
            ReportError::CountTooLarge => "report-count-too-large",
            ReportError::WhenOutOfRange => "report-when-out-of-range",
            ReportError::Unknown => "report-unknown-value",
            ReportError::WrongStep => "report-wrong-step",
            ReportError::TakenByAnother => "report-taken-by-another",
        }
    }
}

/// A short text (a note, an update, an outcome): trimmed, not empty, at most [`NOTE_MAX`].
pub fn short_text(raw: &str) -> Result<String, ReportError> {
    let text = raw.trim();
    if text.is_empty() {
        Err(ReportError::Missing)
    } else if text.chars().count() > NOTE_MAX {
        Err(ReportError::TooLong)
    } else {
        Ok(text.to_string())
    }
}
