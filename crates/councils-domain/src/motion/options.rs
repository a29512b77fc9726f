//! The options of a motion: the candidates or alternatives its ballots choose among.

use thiserror::Error;

use super::Method;

/// Fewest options a motion with options may have.
pub const OPTIONS_MIN: usize = 2;
/// Most options a motion may have.
pub const OPTIONS_MAX: usize = 50;
/// Longest option label, in characters.
pub const OPTION_LABEL_MAX: usize = 200;

/// Why a motion's options were refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum OptionsError {
    /// Yes/no and consent motions have their options given by the method.
    #[error("this method has fixed options; none may be written")]
    FixedOptions,
    /// Fewer than [`OPTIONS_MIN`] options.
    #[error("a motion needs at least {OPTIONS_MIN} options, {got} given")]
    TooFew {
        /// Options given.
        got: usize,
    },
    /// More than [`OPTIONS_MAX`] options.
    #[error("a motion has at most {OPTIONS_MAX} options, {got} given")]
    TooMany {
        /// Options given.
        got: usize,
    },
    /// An option with nothing but spaces.
    #[error("option {index} is empty")]
    Empty {
        /// 0-based position of the option.
        index: usize,
    },
    /// An option longer than [`OPTION_LABEL_MAX`] characters.
    #[error("option {index} is longer than {OPTION_LABEL_MAX} characters")]
    TooLong {
        /// 0-based position of the option.
        index: usize,
    },
    /// Two options with the same label (ignoring case and surrounding spaces).
    #[error("option {index} repeats an earlier option")]
    Duplicate {
        /// 0-based position of the repeated option.
        index: usize,
    },
    /// As many seats as candidates or more: there would be nothing to elect.
    #[error("{seats} seats need more than {options} candidates")]
    TooManySeats {
        /// Seats to fill.
        seats: u32,
        /// Candidates given.
        options: usize,
    },
}

impl OptionsError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            OptionsError::FixedOptions => "options-fixed",
            OptionsError::TooFew { .. } => "options-too-few",
            OptionsError::TooMany { .. } => "options-too-many",
            OptionsError::Empty { .. } => "option-empty",
            OptionsError::TooLong { .. } => "option-too-long",
            OptionsError::Duplicate { .. } => "option-duplicate",
            OptionsError::TooManySeats { .. } => "options-too-many-seats",
        }
    }
}

/// Checks the options written for a motion counted by `method` and returns them trimmed.
///
/// Yes/no and consent take none. The others take [`OPTIONS_MIN`] to [`OPTIONS_MAX`]
/// non-empty labels of at most [`OPTION_LABEL_MAX`] characters, no two alike, and an STV
/// election more candidates than seats.
pub fn validate_options(method: &Method, labels: &[String]) -> Result<Vec<String>, OptionsError> {
    if method.has_fixed_options() {
        return if labels.is_empty() {
            Ok(Vec::new())
        } else {
            Err(OptionsError::FixedOptions)
        };
    }
    if labels.len() < OPTIONS_MIN {
        return Err(OptionsError::TooFew { got: labels.len() });
    }
    if labels.len() > OPTIONS_MAX {
        return Err(OptionsError::TooMany { got: labels.len() });
    }
    let mut trimmed: Vec<String> = Vec::with_capacity(labels.len());
    let mut folded: Vec<String> = Vec::with_capacity(labels.len());
    for (index, label) in labels.iter().enumerate() {
        let label = label.trim();
        if label.is_empty() {
            return Err(OptionsError::Empty { index });
        }
        if label.chars().count() > OPTION_LABEL_MAX {
            return Err(OptionsError::TooLong { index });
        }
        let key = label.to_lowercase();
        if folded.contains(&key) {
            return Err(OptionsError::Duplicate { index });
        }
        folded.push(key);
        trimmed.push(label.to_string());
    }
    if let Some(seats) = method.stv_seats()
        && seats as usize >= trimmed.len()
    {
        return Err(OptionsError::TooManySeats {
            seats,
            options: trimmed.len(),
        });
    }
    Ok(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::StvVariant;

    fn labels(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn options_are_trimmed() {
        assert_eq!(
            validate_options(&Method::Approval, &labels(&["  Ana ", "Bo"])),
            Ok(labels(&["Ana", "Bo"]))
        );
    }

    #[test]
    fn a_yes_no_motion_takes_no_written_options() {
        assert_eq!(validate_options(&Method::YesNo, &[]), Ok(Vec::new()));
        assert_eq!(
            validate_options(&Method::Consent, &labels(&["a", "b"])),
            Err(OptionsError::FixedOptions)
        );
    }

    #[test]
    fn a_ranked_vote_needs_two_to_fifty_options() {
        assert_eq!(
            validate_options(&Method::Schulze, &labels(&["only"])),
            Err(OptionsError::TooFew { got: 1 })
        );
        let many: Vec<String> = (0..51).map(|i| format!("option {i}")).collect();
        assert_eq!(
            validate_options(&Method::Irv, &many),
            Err(OptionsError::TooMany { got: 51 })
        );
        assert!(validate_options(&Method::Irv, &many[..50]).is_ok());
    }

    #[test]
    fn blank_long_and_repeated_options_are_refused() {
        assert_eq!(
            validate_options(&Method::Approval, &labels(&["a", "  "])),
            Err(OptionsError::Empty { index: 1 })
        );
        let long = "x".repeat(OPTION_LABEL_MAX + 1);
        assert_eq!(
            validate_options(&Method::Approval, &[long, "b".into()]),
            Err(OptionsError::TooLong { index: 0 })
        );
        assert_eq!(
            validate_options(&Method::Approval, &labels(&["Ana", "Bo", " ana"])),
            Err(OptionsError::Duplicate { index: 2 })
        );
    }

    #[test]
    fn an_stv_election_needs_more_candidates_than_seats() {
        let method = Method::Stv {
            seats: 2,
            variant: StvVariant::Meek,
        };
        assert_eq!(
            validate_options(&method, &labels(&["a", "b"])),
            Err(OptionsError::TooManySeats {
                seats: 2,
                options: 2
            })
        );
        assert!(validate_options(&method, &labels(&["a", "b", "c"])).is_ok());
    }
}
