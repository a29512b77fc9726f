//! Passphrase rules: a length range and a refusal of the most common passphrases, no composition rules.

use std::fmt;
use thiserror::Error;

/// Shortest passphrase accepted, in characters.
pub const PASSPHRASE_MIN: usize = 8;
/// Longest passphrase accepted, in characters.
pub const PASSPHRASE_MAX: usize = 128;

/// Why a new passphrase was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PassphraseError {
    #[error("passphrase too short")]
    TooShort,
    #[error("passphrase too long")]
    TooLong,
    #[error("passphrase is one of the most common")]
    TooCommon,
}

impl PassphraseError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            PassphraseError::TooShort => "passphrase-too-short",
            PassphraseError::TooLong => "passphrase-too-long",
            PassphraseError::TooCommon => "passphrase-too-common",
        }
    }
}

/// A passphrase in memory. Its `Debug` never shows it, so it cannot leak into a log.
#[derive(Clone)]
pub struct Passphrase(String);

impl Passphrase {
    /// Checks a new passphrase (at join or change). Common passphrases are those an attacker
    /// guesses first: zxcvbn's lowest score, which covers its lists of the most used passwords.
    pub fn new_checked(raw: &str, context: &[&str]) -> Result<Self, PassphraseError> {
        let count = raw.chars().count();
        if count < PASSPHRASE_MIN {
            return Err(PassphraseError::TooShort);
        }
        if count > PASSPHRASE_MAX {
            return Err(PassphraseError::TooLong);
        }
        let estimate = zxcvbn::zxcvbn(raw, context);
        if u8::from(estimate.score()) == 0 {
            return Err(PassphraseError::TooCommon);
        }
        Ok(Self(raw.to_string()))
    }

    /// Wraps a passphrase typed at sign-in, which is only compared, never stored.
    pub fn unchecked(raw: &str) -> Self {
        Self(raw.to_string())
    }

    /// The passphrase's text, for hashing only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_common_passphrases_are_refused() {
        for common in [
            "password",
            "password1",
            "12345678",
            "qwertyuiop",
            "iloveyou",
        ] {
            assert_eq!(
                Passphrase::new_checked(common, &[]).unwrap_err(),
                PassphraseError::TooCommon,
                "{common}"
            );
        }
    }

    #[test]
    fn a_plain_lowercase_phrase_is_accepted_without_composition_rules() {
        assert!(Passphrase::new_checked("la huelga sigue mañana", &[]).is_ok());
    }

    #[test]
    fn the_length_bounds_are_counted_in_characters() {
        assert_eq!(
            Passphrase::new_checked("ñandú7", &[]).unwrap_err(),
            PassphraseError::TooShort
        );
        assert_eq!(
            Passphrase::new_checked(&"ñ".repeat(129), &[]).unwrap_err(),
            PassphraseError::TooLong
        );
        let long: String = "ñandúes bailan ".repeat(9).chars().take(128).collect();
        assert!(Passphrase::new_checked(&long, &[]).is_ok());
    }

    #[test]
    fn a_passphrase_never_shows_in_debug_output() {
        assert_eq!(
            format!("{:?}", Passphrase::unchecked("secret words")),
            "Passphrase(..)"
        );
    }
}
