//! Delegate terms and rotation: how long a delegate serves, and how many terms in a row a
//! council lets one person serve.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Longest term, in seconds: five years of 366 days, so leap days never push a five-year
/// term over.
pub const TERM_MAX_SECONDS: i64 = 5 * 366 * 24 * 60 * 60;

/// Why a term or a candidacy was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum TermError {
    /// The candidate has served as many consecutive terms as the council allows.
    #[error("the council allows at most {cap} consecutive terms")]
    CapReached {
        /// The consecutive terms allowed.
        cap: u32,
    },
    /// A cap of zero terms, which would bar everyone.
    #[error("a cap on consecutive terms allows at least one term")]
    InvalidCap,
    /// A term that ends when or before it starts.
    #[error("a term ends after it starts")]
    EndsBeforeStart,
    /// A term longer than [`TERM_MAX_SECONDS`].
    #[error("a term lasts at most five years")]
    TooLong,
}

impl TermError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            TermError::CapReached { .. } => "term-cap-reached",
            TermError::InvalidCap => "term-invalid-cap",
            TermError::EndsBeforeStart => "term-ends-before-start",
            TermError::TooLong => "term-too-long",
        }
    }
}

/// How many terms in a row a council lets one delegate serve.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermCap {
    /// No cap.
    #[default]
    None,
    /// At most this many consecutive terms; then the delegate must sit one out.
    Consecutive(u32),
}

impl TermCap {
    /// The code in storage; a consecutive cap stores its number beside.
    pub fn code(self) -> &'static str {
        match self {
            TermCap::None => "none",
            TermCap::Consecutive(_) => "consecutive",
        }
    }

    /// Reads a cap from its code and stored number (needed by `consecutive`).
    pub fn from_code(code: &str, terms: Option<u32>) -> Option<Self> {
        match code {
            "none" => Some(TermCap::None),
            "consecutive" => terms.map(TermCap::Consecutive),
            _ => None,
        }
    }

    /// The number stored beside the code.
    pub fn terms(self) -> Option<u32> {
        match self {
            TermCap::None => None,
            TermCap::Consecutive(n) => Some(n),
        }
    }

    /// Checks the cap: a consecutive cap allows at least one term.
    pub fn validate(self) -> Result<(), TermError> {
        match self {
            TermCap::Consecutive(0) => Err(TermError::InvalidCap),
            _ => Ok(()),
        }
    }
}

/// Whether a member who has served `consecutive_terms_served` terms in a row, up to the
/// term being filled, may stand for it.
pub fn may_stand(cap: TermCap, consecutive_terms_served: u32) -> Result<(), TermError> {
    match cap {
        TermCap::Consecutive(cap) if consecutive_terms_served >= cap => {
            Err(TermError::CapReached { cap })
        }
        _ => Ok(()),
    }
}

/// A delegate's term: from `starts_at` (included) to `ends_at` (excluded), in seconds since
/// the Unix epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    starts_at: i64,
    ends_at: i64,
}

impl Term {
    /// Checks a term: it ends after it starts and lasts at most [`TERM_MAX_SECONDS`].
    pub fn new(starts_at: i64, ends_at: i64) -> Result<Self, TermError> {
        if ends_at <= starts_at {
            return Err(TermError::EndsBeforeStart);
        }
        if ends_at.saturating_sub(starts_at) > TERM_MAX_SECONDS {
            return Err(TermError::TooLong);
        }
        Ok(Self { starts_at, ends_at })
    }

    /// When it starts.
    pub fn starts_at(&self) -> i64 {
        self.starts_at
    }

    /// When it ends.
    pub fn ends_at(&self) -> i64 {
        self.ends_at
    }

    /// Whether the term is running at `now`.
    pub fn is_current(&self, now: i64) -> bool {
        self.starts_at <= now && now < self.ends_at
    }

    /// Whether the term is over at `now`.
    pub fn has_ended(&self, now: i64) -> bool {
        now >= self.ends_at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 24 * 60 * 60;

    #[test]
    fn without_a_cap_anyone_may_stand_again() {
        assert_eq!(may_stand(TermCap::None, 12), Ok(()));
    }

    #[test]
    fn a_delegate_at_the_cap_must_sit_a_term_out() {
        let cap = TermCap::Consecutive(2);
        assert_eq!(may_stand(cap, 0), Ok(()));
        assert_eq!(may_stand(cap, 1), Ok(()));
        assert_eq!(may_stand(cap, 2), Err(TermError::CapReached { cap: 2 }));
    }

    #[test]
    fn a_cap_of_no_term_is_refused() {
        assert_eq!(
            TermCap::Consecutive(0).validate(),
            Err(TermError::InvalidCap)
        );
        assert_eq!(TermCap::Consecutive(1).validate(), Ok(()));
    }

    #[test]
    fn a_term_ends_after_it_starts() {
        assert_eq!(Term::new(100, 100), Err(TermError::EndsBeforeStart));
        assert_eq!(Term::new(100, 50), Err(TermError::EndsBeforeStart));
        assert!(Term::new(100, 101).is_ok());
    }

    #[test]
    fn a_term_lasts_at_most_five_years() {
        let start = 1_700_000_000;
        assert!(Term::new(start, start + 5 * 365 * DAY + 2 * DAY).is_ok());
        assert_eq!(
            Term::new(start, start + 6 * 365 * DAY),
            Err(TermError::TooLong)
        );
        assert_eq!(Term::new(i64::MIN, i64::MAX), Err(TermError::TooLong));
    }

    #[test]
    fn a_term_runs_from_its_start_to_just_before_its_end() {
        let term = Term::new(1000, 2000).unwrap();
        assert!(!term.is_current(999));
        assert!(term.is_current(1000));
        assert!(term.is_current(1999));
        assert!(!term.is_current(2000));
        assert!(term.has_ended(2000));
        assert!(!term.has_ended(1999));
    }

    #[test]
    fn cap_codes_round_trip() {
        for cap in [TermCap::None, TermCap::Consecutive(3)] {
            assert_eq!(TermCap::from_code(cap.code(), cap.terms()), Some(cap));
        }
    }
}
