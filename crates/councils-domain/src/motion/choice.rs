//! What one ballot says, in the form its method asks for, and the checks a ballot passes
//! before it is taken.

pub use councils_tally::method::consent::ConsentChoice;
pub use councils_tally::method::yes_no::Choice as YesNo;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::Method;

/// Why a ballot was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum BallotError {
    /// A ballot of another form than the method's (a ranking for a yes/no motion).
    #[error("this ballot does not fit the method {method}")]
    WrongKind {
        /// The method's code.
        method: &'static str,
    },
    /// An option number beyond the motion's options.
    #[error("option {option} does not exist (there are {options})")]
    UnknownOption {
        /// The 0-based option number on the ballot.
        option: usize,
        /// How many options the motion has.
        options: usize,
    },
    /// The same option approved or ranked twice.
    #[error("option {option} appears twice on the ballot")]
    DuplicateOption {
        /// The 0-based option number.
        option: usize,
    },
    /// A score ballot without one score per option.
    #[error("{got} scores for {options} options")]
    WrongLength {
        /// Scores on the ballot.
        got: usize,
        /// How many options the motion has.
        options: usize,
    },
    /// A score above the method's maximum.
    #[error("score {score} is above the maximum {max}")]
    ScoreAboveMax {
        /// The score given.
        score: u32,
        /// The method's maximum.
        max: u32,
    },
    /// A ranking that ranks nothing.
    #[error("a ranking must rank at least one option")]
    EmptyRanking,
    /// A rank with no option in it.
    #[error("rank {rank} of the ranking is empty")]
    EmptyRank {
        /// The 0-based rank.
        rank: usize,
    },
    /// Options ranked equal where the method cannot count that.
    #[error("{method} does not accept options ranked equal")]
    EqualRanks {
        /// The method's code.
        method: &'static str,
    },
    /// Stored text that is not a ballot encoding.
    #[error("not a ballot encoding")]
    Malformed,
}

impl BallotError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            BallotError::WrongKind { .. } => "ballot-wrong-kind",
            BallotError::UnknownOption { .. } => "ballot-unknown-option",
            BallotError::DuplicateOption { .. } => "ballot-duplicate-option",
            BallotError::WrongLength { .. } => "ballot-wrong-length",
            BallotError::ScoreAboveMax { .. } => "ballot-score-above-max",
            BallotError::EmptyRanking => "ballot-empty-ranking",
            BallotError::EmptyRank { .. } => "ballot-empty-rank",
            BallotError::EqualRanks { .. } => "ballot-equal-ranks",
            BallotError::Malformed => "ballot-malformed",
        }
    }
}

/// What one ballot says. Options are 0-based indices into the motion's options.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Choice {
    /// For, against or abstaining, on a yes/no motion.
    YesNo(YesNo),
    /// Consent, objection, standing aside or block, on a consent motion.
    Consent(ConsentChoice),
    /// The options approved; none is a blank ballot, which counts for the quorum.
    Approval(Vec<usize>),
    /// One score per option, in option order.
    Score(Vec<u32>),
    /// Groups of options from most to least preferred; options in one group are ranked
    /// equal, options left off rank below all ranked ones.
    Ranked(Vec<Vec<usize>>),
}

impl Choice {
    /// Checks the ballot for a motion counted by `method` with `options` options (ignored
    /// for yes/no and consent, whose options are fixed).
    pub fn validate(&self, method: &Method, options: usize) -> Result<(), BallotError> {
        match (method, self) {
            (Method::YesNo, Choice::YesNo(_)) | (Method::Consent, Choice::Consent(_)) => Ok(()),
            (Method::Approval, Choice::Approval(approved)) => {
                check_distinct(approved.iter().copied(), options)
            }
            (Method::Score { max }, Choice::Score(scores)) => {
                if scores.len() != options {
                    return Err(BallotError::WrongLength {
                        got: scores.len(),
                        options,
                    });
                }
                match scores.iter().find(|&&s| s > *max) {
                    Some(&score) => Err(BallotError::ScoreAboveMax { score, max: *max }),
                    None => Ok(()),
                }
            }
            (m, Choice::Ranked(ranks)) if m.is_ranked() => {
                if ranks.is_empty() {
                    return Err(BallotError::EmptyRanking);
                }
                for (rank, group) in ranks.iter().enumerate() {
                    if group.is_empty() {
                        return Err(BallotError::EmptyRank { rank });
                    }
                    if group.len() > 1 && !m.accepts_equal_ranks() {
                        return Err(BallotError::EqualRanks { method: m.code() });
                    }
                }
                check_distinct(ranks.iter().flatten().copied(), options)
            }
            (m, _) => Err(BallotError::WrongKind { method: m.code() }),
        }
    }
}

/// Checks that every option is in range and none appears twice.
fn check_distinct(chosen: impl Iterator<Item = usize>, options: usize) -> Result<(), BallotError> {
    let mut seen = vec![false; options];
    for option in chosen {
        match seen.get_mut(option) {
            None => return Err(BallotError::UnknownOption { option, options }),
            Some(true) => return Err(BallotError::DuplicateOption { option }),
            Some(slot) => *slot = true,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::StvVariant;

    const STV: Method = Method::Stv {
        seats: 2,
        variant: StvVariant::Meek,
    };

    #[test]
    fn a_ballot_of_the_wrong_form_is_refused() {
        assert_eq!(
            Choice::YesNo(YesNo::Yes).validate(&Method::Schulze, 3),
            Err(BallotError::WrongKind { method: "schulze" })
        );
        assert_eq!(
            Choice::Ranked(vec![vec![0]]).validate(&Method::Approval, 3),
            Err(BallotError::WrongKind { method: "approval" })
        );
        assert_eq!(
            Choice::Consent(ConsentChoice::Block).validate(&Method::YesNo, 0),
            Err(BallotError::WrongKind { method: "yes-no" })
        );
    }

    #[test]
    fn an_option_beyond_the_list_is_refused() {
        assert_eq!(
            Choice::Approval(vec![0, 3]).validate(&Method::Approval, 3),
            Err(BallotError::UnknownOption {
                option: 3,
                options: 3
            })
        );
        assert_eq!(
            Choice::Ranked(vec![vec![5]]).validate(&Method::Irv, 3),
            Err(BallotError::UnknownOption {
                option: 5,
                options: 3
            })
        );
    }

    #[test]
    fn an_option_ranked_or_approved_twice_is_refused() {
        assert_eq!(
            Choice::Ranked(vec![vec![1], vec![0], vec![1]]).validate(&Method::Irv, 3),
            Err(BallotError::DuplicateOption { option: 1 })
        );
        assert_eq!(
            Choice::Approval(vec![2, 2]).validate(&Method::Approval, 3),
            Err(BallotError::DuplicateOption { option: 2 })
        );
    }

    #[test]
    fn a_blank_approval_ballot_is_taken() {
        assert_eq!(
            Choice::Approval(vec![]).validate(&Method::Approval, 3),
            Ok(())
        );
    }

    #[test]
    fn scores_must_cover_every_option_within_the_maximum() {
        let method = Method::Score { max: 5 };
        assert_eq!(Choice::Score(vec![5, 0, 3]).validate(&method, 3), Ok(()));
        assert_eq!(
            Choice::Score(vec![6, 0, 3]).validate(&method, 3),
            Err(BallotError::ScoreAboveMax { score: 6, max: 5 })
        );
        assert_eq!(
            Choice::Score(vec![1, 2]).validate(&method, 3),
            Err(BallotError::WrongLength { got: 2, options: 3 })
        );
    }

    #[test]
    fn an_empty_ranking_or_rank_is_refused() {
        assert_eq!(
            Choice::Ranked(vec![]).validate(&Method::Schulze, 3),
            Err(BallotError::EmptyRanking)
        );
        assert_eq!(
            Choice::Ranked(vec![vec![0], vec![]]).validate(&Method::Schulze, 3),
            Err(BallotError::EmptyRank { rank: 1 })
        );
    }

    #[test]
    fn only_schulze_takes_options_ranked_equal() {
        let equal = Choice::Ranked(vec![vec![2], vec![0, 1]]);
        assert_eq!(equal.validate(&Method::Schulze, 3), Ok(()));
        assert_eq!(
            equal.validate(&Method::Irv, 3),
            Err(BallotError::EqualRanks { method: "irv" })
        );
        assert_eq!(
            equal.validate(&STV, 3),
            Err(BallotError::EqualRanks { method: "stv" })
        );
    }

    #[test]
    fn a_partial_ranking_is_taken() {
        assert_eq!(Choice::Ranked(vec![vec![2]]).validate(&STV, 4), Ok(()));
    }
}
