//! Incident records: an account of what happened, in a fixed structure, for the lawyers who
//! will use it. Its photos are in [`crate::evidence`].

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Longest account of what happened, in characters.
pub const WHAT_MAX: usize = 8_000;
/// Longest "when" and "where", in characters.
pub const WHEN_MAX: usize = 200;
pub const PLACE_MAX: usize = 300;
/// Longest list of who was involved from our side, and of witnesses, in characters.
pub const PEOPLE_MAX: usize = 2_000;

/// Why an account was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum IncidentError {
    /// What happened, when, or where was left empty.
    #[error("what happened, when and where are needed")]
    Missing,
    #[error("a part of the account is too long")]
    TooLong,
}

impl IncidentError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            IncidentError::Missing => "incident-missing",
            IncidentError::TooLong => "incident-too-long",
        }
    }
}

/// What happened, as the person who was there tells it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// What happened, in their words.
    pub what: String,
    /// When it happened, as they give it ("28 November 2026, about 7:30").
    pub when: String,
    /// Where: a place or an intersection, typed in.
    pub place: String,
    /// Who from our side was involved (members, neighbours, coworkers), as they choose to
    /// name them.
    pub involved: String,
    /// Witnesses and how to reach them.
    pub witnesses: String,
}

impl Account {
    /// Checks an account: what, when and where are needed, nothing too long. Surrounding
    /// spaces go; line ends become `\n`.
    pub fn new(raw: Account) -> Result<Self, IncidentError> {
        let clean = |s: &str| s.trim().replace("\r\n", "\n");
        let account = Account {
            what: clean(&raw.what),
            when: clean(&raw.when),
            place: clean(&raw.place),
            involved: clean(&raw.involved),
            witnesses: clean(&raw.witnesses),
        };
        if account.what.is_empty() || account.when.is_empty() || account.place.is_empty() {
            return Err(IncidentError::Missing);
        }
        let too_long = [
            (&account.what, WHAT_MAX),
            (&account.when, WHEN_MAX),
            (&account.place, PLACE_MAX),
            (&account.involved, PEOPLE_MAX),
            (&account.witnesses, PEOPLE_MAX),
        ]
        .iter()
        .any(|(text, max)| text.chars().count() > *max);
        if too_long {
            return Err(IncidentError::TooLong);
        }
        Ok(account)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> Account {
        Account {
            what: " Two agents knocked and asked for Luis. \r\n We did not open. ".into(),
            when: "2026-11-28 07:30".into(),
            place: "5th and Main".into(),
            involved: String::new(),
            witnesses: "Marta, the neighbour upstairs".into(),
        }
    }

    #[test]
    fn an_account_keeps_its_words_without_surrounding_spaces() {
        let a = Account::new(account()).unwrap();
        assert_eq!(
            a.what,
            "Two agents knocked and asked for Luis. \n We did not open."
        );
        assert_eq!(a.witnesses, "Marta, the neighbour upstairs");
    }

    #[test]
    fn an_account_needs_what_when_and_where() {
        for blank in 0..3 {
            let mut a = account();
            match blank {
                0 => a.what = "  ".into(),
                1 => a.when = String::new(),
                _ => a.place = "\n".into(),
            }
            assert_eq!(Account::new(a), Err(IncidentError::Missing));
        }
    }

    #[test]
    fn a_part_of_an_account_that_is_too_long_is_refused() {
        let mut a = account();
        a.place = "x".repeat(PLACE_MAX + 1);
        assert_eq!(Account::new(a), Err(IncidentError::TooLong));
    }
}
