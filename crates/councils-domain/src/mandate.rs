//! Imperative mandates: before a higher council votes, a constituent council may bind its
//! delegates' votes. A delegate's vote is checked against the mandate, and the council's
//! policy says what happens to a vote against it.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::motion::{
    BallotError, Choice, ConsentChoice, Method, YesNo, decode_ranks, encode_ranks,
};

/// Why a mandate or a vote under it was refused. Each variant's code is also its
/// translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum MandateError {
    /// The council refuses votes against the mandate, and this vote is one.
    #[error("this vote goes against the delegate's mandate")]
    ContraryToMandate,
    /// A mandate that does not fit the motion's method (a ranking for a yes/no motion).
    #[error("this mandate does not fit the method {method}")]
    DoesNotFit {
        /// The method's code.
        method: &'static str,
    },
    /// A mandated ranking that is not a valid ranking of the motion's options.
    #[error("the mandated ranking is not valid: {0}")]
    Ranking(BallotError),
    /// Stored text that is not a mandate encoding.
    #[error("not a mandate encoding")]
    Malformed,
}

impl MandateError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            MandateError::ContraryToMandate => "mandate-contrary",
            MandateError::DoesNotFit { .. } => "mandate-does-not-fit",
            MandateError::Ranking(_) => "mandate-ranking-invalid",
            MandateError::Malformed => "mandate-malformed",
        }
    }
}

/// What a council mandates its delegates to vote on one motion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MandateChoice {
    /// Vote for (yes; consent on a consent motion).
    For,
    /// Vote against (no; block on a consent motion).
    Against,
    /// Abstain (stand aside on a consent motion).
    Abstain,
    /// Vote as the delegate judges best.
    Free,
    /// On a ranked motion, rank the options exactly so.
    Ranking(Vec<Vec<usize>>),
}

impl MandateChoice {
    /// The kind of mandate, in storage and translation keys (`mandate-for`).
    pub fn code(&self) -> &'static str {
        match self {
            MandateChoice::For => "for",
            MandateChoice::Against => "against",
            MandateChoice::Abstain => "abstain",
            MandateChoice::Free => "free",
            MandateChoice::Ranking(_) => "ranking",
        }
    }

    /// The stored form: the code, or for a ranking `r:` and the ranking as a ballot writes
    /// it (`r:2,0=1`).
    pub fn encode(&self) -> String {
        match self {
            MandateChoice::Ranking(ranks) => format!("r:{}", encode_ranks(ranks)),
            other => other.code().to_string(),
        }
    }

    /// Reads a stored mandate.
    pub fn decode(text: &str) -> Result<Self, MandateError> {
        match text {
            "for" => Ok(MandateChoice::For),
            "against" => Ok(MandateChoice::Against),
            "abstain" => Ok(MandateChoice::Abstain),
            "free" => Ok(MandateChoice::Free),
            _ => match text.strip_prefix("r:") {
                Some(ranks) => decode_ranks(ranks)
                    .map(MandateChoice::Ranking)
                    .map_err(|_| MandateError::Malformed),
                None => Err(MandateError::Malformed),
            },
        }
    }

    /// Checks a mandate as the council votes it, for a motion counted by `method` with
    /// `options` options. For, against and abstain fit yes/no and consent motions; a ranking
    /// fits ranked motions and must itself be a valid ballot; a free mandate fits any.
    /// Approval and score motions take free mandates only.
    pub fn fits(&self, method: &Method, options: usize) -> Result<(), MandateError> {
        let fits = match self {
            MandateChoice::Free => true,
            MandateChoice::For | MandateChoice::Against | MandateChoice::Abstain => {
                method.has_fixed_options()
            }
            MandateChoice::Ranking(ranks) => {
                if method.is_ranked() {
                    return Choice::Ranked(ranks.clone())
                        .validate(method, options)
                        .map_err(MandateError::Ranking);
                }
                false
            }
        };
        if fits {
            Ok(())
        } else {
            Err(MandateError::DoesNotFit {
                method: method.code(),
            })
        }
    }
}

/// How a delegate's vote stands against the mandate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MandateCheck {
    /// The vote is what the mandate says.
    Conforms,
    /// The council gave no mandate on this motion.
    NoMandate,
    /// The mandate leaves the vote to the delegate.
    Free,
    /// The vote goes against the mandate.
    Contrary,
}

/// Checks a delegate's vote against their council's mandate, if any.
///
/// For maps to yes and to consent, against to no and to block, abstain to abstain and to
/// standing aside; an objection on a consent motion conforms to no mandate but a free one. A
/// ranking conforms when it ranks the same options in the same groups (the order within a
/// group does not matter). A mandate that does not fit the vote's form is contrary: mandates
/// are checked with [`MandateChoice::fits`] when voted, so this only meets a broken record.
pub fn check_vote(mandate: Option<&MandateChoice>, vote: &Choice) -> MandateCheck {
    let Some(mandate) = mandate else {
        return MandateCheck::NoMandate;
    };
    let conforms = match (mandate, vote) {
        (MandateChoice::Free, _) => return MandateCheck::Free,
        (MandateChoice::For, Choice::YesNo(v)) => *v == YesNo::Yes,
        (MandateChoice::Against, Choice::YesNo(v)) => *v == YesNo::No,
        (MandateChoice::Abstain, Choice::YesNo(v)) => *v == YesNo::Abstain,
        (MandateChoice::For, Choice::Consent(c)) => *c == ConsentChoice::Consent,
        (MandateChoice::Against, Choice::Consent(c)) => *c == ConsentChoice::Block,
        (MandateChoice::Abstain, Choice::Consent(c)) => *c == ConsentChoice::StandAside,
        (MandateChoice::Ranking(mandated), Choice::Ranked(voted)) => {
            normalised(mandated) == normalised(voted)
        }
        _ => false,
    };
    if conforms {
        MandateCheck::Conforms
    } else {
        MandateCheck::Contrary
    }
}

/// A ranking with each group sorted and empty groups dropped, so equal rankings compare
/// equal.
fn normalised(ranks: &[Vec<usize>]) -> Vec<Vec<usize>> {
    ranks
        .iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            let mut g = g.clone();
            g.sort_unstable();
            g
        })
        .collect()
}

/// What a council does with a delegate's vote against its mandate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MandatePolicy {
    /// The vote is refused; the delegate may vote again, as mandated.
    #[default]
    Refuse,
    /// The vote is counted, flagged in the minutes, and a recall of the delegate opens.
    RecordAndFlag,
}

impl MandatePolicy {
    /// Every policy, the default first.
    pub const ALL: [MandatePolicy; 2] = [MandatePolicy::Refuse, MandatePolicy::RecordAndFlag];

    /// The code in storage and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            MandatePolicy::Refuse => "refuse",
            MandatePolicy::RecordAndFlag => "record-and-flag",
        }
    }

    /// Reads a policy code.
    pub fn from_code(code: &str) -> Option<Self> {
        MandatePolicy::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// What becomes of a delegate's vote once its mandate check is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteDecision {
    /// The vote is taken as any other.
    Accept,
    /// The vote is taken, flagged as against the mandate in the minutes, and, when
    /// `open_recall`, a recall of the delegate opens with it.
    AcceptFlagged {
        /// Whether a recall of the delegate opens.
        open_recall: bool,
    },
}

/// Applies the council's policy to a mandate check. Under [`MandatePolicy::RecordAndFlag`]
/// a contrary vote always opens a recall, as the council chose; the flag keeps the two
/// apart for a policy that might one day flag without recall.
pub fn apply_policy(
    policy: MandatePolicy,
    check: MandateCheck,
) -> Result<VoteDecision, MandateError> {
    match (check, policy) {
        (MandateCheck::Conforms | MandateCheck::NoMandate | MandateCheck::Free, _) => {
            Ok(VoteDecision::Accept)
        }
        (MandateCheck::Contrary, MandatePolicy::Refuse) => Err(MandateError::ContraryToMandate),
        (MandateCheck::Contrary, MandatePolicy::RecordAndFlag) => {
            Ok(VoteDecision::AcceptFlagged { open_recall: true })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::StvVariant;

    fn yes_no(v: YesNo) -> Choice {
        Choice::YesNo(v)
    }

    #[test]
    fn a_vote_as_mandated_conforms() {
        let pairs = [
            (MandateChoice::For, YesNo::Yes),
            (MandateChoice::Against, YesNo::No),
            (MandateChoice::Abstain, YesNo::Abstain),
        ];
        for (mandate, vote) in pairs {
            assert_eq!(
                check_vote(Some(&mandate), &yes_no(vote)),
                MandateCheck::Conforms
            );
        }
    }

    #[test]
    fn a_vote_against_the_mandate_is_contrary() {
        assert_eq!(
            check_vote(Some(&MandateChoice::For), &yes_no(YesNo::No)),
            MandateCheck::Contrary
        );
        assert_eq!(
            check_vote(Some(&MandateChoice::Against), &yes_no(YesNo::Abstain)),
            MandateCheck::Contrary
        );
    }

    #[test]
    fn a_consent_vote_is_checked_as_for_against_or_abstain() {
        let consent = |c| Choice::Consent(c);
        assert_eq!(
            check_vote(
                Some(&MandateChoice::Against),
                &consent(ConsentChoice::Block)
            ),
            MandateCheck::Conforms
        );
        assert_eq!(
            check_vote(Some(&MandateChoice::For), &consent(ConsentChoice::Object)),
            MandateCheck::Contrary
        );
    }

    #[test]
    fn without_a_mandate_or_with_a_free_one_any_vote_stands() {
        assert_eq!(
            check_vote(None, &yes_no(YesNo::No)),
            MandateCheck::NoMandate
        );
        assert_eq!(
            check_vote(Some(&MandateChoice::Free), &yes_no(YesNo::No)),
            MandateCheck::Free
        );
    }

    #[test]
    fn a_mandated_ranking_must_be_followed_exactly() {
        let mandate = MandateChoice::Ranking(vec![vec![2], vec![0, 1]]);
        let same = Choice::Ranked(vec![vec![2], vec![1, 0]]);
        let other = Choice::Ranked(vec![vec![2], vec![0], vec![1]]);
        assert_eq!(check_vote(Some(&mandate), &same), MandateCheck::Conforms);
        assert_eq!(check_vote(Some(&mandate), &other), MandateCheck::Contrary);
    }

    #[test]
    fn a_contrary_vote_is_refused_by_default() {
        assert_eq!(
            apply_policy(MandatePolicy::default(), MandateCheck::Contrary),
            Err(MandateError::ContraryToMandate)
        );
    }

    #[test]
    fn a_council_may_record_and_flag_a_contrary_vote_and_open_a_recall() {
        assert_eq!(
            apply_policy(MandatePolicy::RecordAndFlag, MandateCheck::Contrary),
            Ok(VoteDecision::AcceptFlagged { open_recall: true })
        );
    }

    #[test]
    fn a_conforming_free_or_unmandated_vote_is_accepted_under_any_policy() {
        for policy in MandatePolicy::ALL {
            for check in [
                MandateCheck::Conforms,
                MandateCheck::NoMandate,
                MandateCheck::Free,
            ] {
                assert_eq!(apply_policy(policy, check), Ok(VoteDecision::Accept));
            }
        }
    }

    #[test]
    fn a_mandate_must_fit_the_motion() {
        let stv = Method::Stv {
            seats: 1,
            variant: StvVariant::Meek,
        };
        assert_eq!(MandateChoice::For.fits(&Method::Consent, 0), Ok(()));
        assert_eq!(
            MandateChoice::For.fits(&stv, 3),
            Err(MandateError::DoesNotFit { method: "stv" })
        );
        assert_eq!(
            MandateChoice::Ranking(vec![vec![0]]).fits(&Method::YesNo, 0),
            Err(MandateError::DoesNotFit { method: "yes-no" })
        );
        assert_eq!(
            MandateChoice::Ranking(vec![vec![0, 1]]).fits(&stv, 3),
            Err(MandateError::Ranking(BallotError::EqualRanks {
                method: "stv"
            }))
        );
        assert_eq!(MandateChoice::Free.fits(&Method::Approval, 3), Ok(()));
        assert!(MandateChoice::Abstain.fits(&Method::Approval, 3).is_err());
    }

    #[test]
    fn mandates_and_policies_round_trip_through_storage() {
        for mandate in [
            MandateChoice::For,
            MandateChoice::Against,
            MandateChoice::Abstain,
            MandateChoice::Free,
            MandateChoice::Ranking(vec![vec![2], vec![0, 1]]),
        ] {
            assert_eq!(MandateChoice::decode(&mandate.encode()), Ok(mandate));
        }
        assert_eq!(
            MandateChoice::Ranking(vec![vec![2], vec![0, 1]]).encode(),
            "r:2,0=1"
        );
        assert_eq!(MandateChoice::decode("yes"), Err(MandateError::Malformed));
        for policy in MandatePolicy::ALL {
            assert_eq!(MandatePolicy::from_code(policy.code()), Some(policy));
        }
    }
}
