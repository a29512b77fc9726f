//! A member's pseudonymous handle: the only name the instance knows them by.

use serde::{Deserialize, Serialize};
use std::fmt;
use thiserror::Error;

/// Shortest handle accepted, in characters.
pub const HANDLE_MIN: usize = 3;
/// Longest handle accepted, in characters.
pub const HANDLE_MAX: usize = 32;

/// Why a handle was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum HandleError {
    #[error("handle too short")]
    TooShort,
    #[error("handle too long")]
    TooLong,
    #[error("handle has characters that are not letters, digits, '-', '_' or '.'")]
    BadCharacter,
}

impl HandleError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            HandleError::TooShort => "handle-too-short",
            HandleError::TooLong => "handle-too-long",
            HandleError::BadCharacter => "handle-bad-character",
        }
    }
}

/// A validated handle: letters of any script, digits, `-`, `_` and `.`, 3 to 32 characters.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Handle(String);

impl Handle {
    /// Checks a handle typed by a person. Surrounding spaces are dropped.
    pub fn parse(raw: &str) -> Result<Self, HandleError> {
        let trimmed = raw.trim();
        let count = trimmed.chars().count();
        if count < HANDLE_MIN {
            return Err(HandleError::TooShort);
        }
        if count > HANDLE_MAX {
            return Err(HandleError::TooLong);
        }
        if !trimmed
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(HandleError::BadCharacter);
        }
        Ok(Self(trimmed.to_string()))
    }

    /// Wraps a handle read back from storage, which was checked when it was stored.
    pub fn from_stored(value: String) -> Self {
        Self(value)
    }

    /// The handle as shown.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form two handles are compared in: "Rosa" and "rosa" are the same handle.
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for Handle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spanish_handle_with_accents_is_accepted() {
        assert_eq!(
            Handle::parse(" maría.josé_23 ").unwrap().as_str(),
            "maría.josé_23"
        );
    }

    #[test]
    fn handles_that_differ_only_in_case_share_a_key() {
        assert_eq!(
            Handle::parse("Rosa").unwrap().key(),
            Handle::parse("rosa").unwrap().key()
        );
    }

    #[test]
    fn spaces_and_symbols_inside_a_handle_are_refused() {
        assert_eq!(Handle::parse("rosa m"), Err(HandleError::BadCharacter));
        assert_eq!(Handle::parse("<script>"), Err(HandleError::BadCharacter));
    }

    #[test]
    fn handles_outside_the_length_bounds_are_refused() {
        assert_eq!(Handle::parse("ab"), Err(HandleError::TooShort));
        assert_eq!(Handle::parse(&"a".repeat(33)), Err(HandleError::TooLong));
    }
}
