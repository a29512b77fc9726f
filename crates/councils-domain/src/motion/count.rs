//! Counting a motion: checks every ballot, hands them to the tally crate's method under the
//! motion's rules, and turns its result into an [`Outcome`].

use councils_tally::{
    Rules, TallyError, Weight,
    compact::{ApprovalBallots, RankedBallots, ScoreBallots},
    method::{
        approval, consent,
        consent::{ConsentCount, ConsentDecision},
        irv, schulze, score, stv, yes_no,
        yes_no::YesNoCount,
    },
};
use thiserror::Error;

use super::{
    BallotError, Choice, DecidedBy, Decision, Detail, IrvRound, Method, MotionRules, Outcome,
    StvRound,
};

/// Largest total weight a count takes: far above any federation of humans, and low enough
/// that no total of scores times weights can overflow.
pub const WEIGHT_MAX: u64 = 1 << 40;

/// Why a motion could not be counted.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum CountError {
    /// A ballot that does not fit the motion.
    #[error("ballot {index} is not valid: {error}")]
    Ballot {
        /// Its position in the ballots given.
        index: usize,
        /// What is wrong with it.
        error: BallotError,
    },
    /// The ballots weigh more than [`WEIGHT_MAX`].
    #[error("the ballots weigh more than a count takes")]
    WeightTooLarge,
    /// The tally refused the count (for example a quorum share without those entitled).
    #[error(transparent)]
    Tally(#[from] TallyError),
}

/// Counts a motion with `options` (empty for yes/no and consent) from weighted ballots.
///
/// `entitled` is the weight of all those entitled to vote, needed by a quorum share or a
/// majority of members. `seed` seeds the lot that breaks ties no earlier round breaks; it is
/// recorded in the outcome so anyone can repeat the draw, and should be chosen when the vote
/// closes, not before. Single-winner methods elect one option; STV fills its seats.
pub fn count(
    rules: &MotionRules,
    options: &[String],
    ballots: &[(Choice, Weight)],
    entitled: Option<u64>,
    seed: u64,
) -> Result<Outcome, CountError> {
    let method = rules.method();
    let n = options.len();
    let mut weight: u64 = 0;
    for (index, (choice, w)) in ballots.iter().enumerate() {
        choice
            .validate(&method, n)
            .map_err(|error| CountError::Ballot { index, error })?;
        weight = weight.saturating_add(*w);
    }
    if weight > WEIGHT_MAX {
        return Err(CountError::WeightTooLarge);
    }
    let tally_rules = Rules {
        quorum: rules.quorum(),
        majority: rules.majority(),
        entitled,
        seed,
    };
    let counted = match method {
        Method::YesNo => yes_no_count(ballots, &tally_rules)?,
        Method::Consent => consent_count(ballots, &tally_rules)?,
        Method::Approval => {
            let mut compact = ApprovalBallots::new(n)?;
            for (choice, w) in ballots {
                if let Choice::Approval(approved) = choice {
                    compact.push(approved, *w)?;
                }
            }
            let r = approval::tally(&compact.grouped(), 1, &tally_rules)?;
            let detail = Detail::Approval { totals: r.totals };
            (
                elected(r.quorum_met, r.winners),
                r.quorum_met,
                r.decided_by,
                detail,
            )
        }
        Method::Score { max } => {
            let max8 = u8::try_from(max).map_err(|_| TallyError::ScoreAboveMax {
                score: max,
                max: u8::MAX,
            })?;
            let mut compact = ScoreBallots::new(n, max8)?;
            for (choice, w) in ballots {
                if let Choice::Score(scores) = choice {
                    // Validated: every score is at most `max`, which fits a byte.
                    let bytes: Vec<u8> = scores.iter().map(|&s| s as u8).collect();
                    compact.push(&bytes, *w)?;
                }
            }
            let r = score::tally(&compact.grouped(), 1, &tally_rules)?;
            let detail = Detail::Score {
                totals: r.totals,
                max,
            };
            (
                elected(r.quorum_met, r.winners),
                r.quorum_met,
                r.decided_by,
                detail,
            )
        }
        Method::Schulze => {
            let r = schulze::tally(&ranked(ballots, n)?, &tally_rules)?;
            let detail = Detail::Schulze {
                pairwise: r.pairwise,
                strongest_paths: r.strongest_paths,
                ranking: r.ranking,
            };
            let winners = r.winner.into_iter().collect();
            (
                elected(r.quorum_met, winners),
                r.quorum_met,
                r.decided_by,
                detail,
            )
        }
        Method::Irv => {
            let r = irv::tally(&ranked(ballots, n)?, &tally_rules)?;
            let detail = Detail::Irv {
                rounds: r.rounds.iter().map(IrvRound::from).collect(),
            };
            let winners = r.winner.into_iter().collect();
            (
                elected(r.quorum_met, winners),
                r.quorum_met,
                r.decided_by,
                detail,
            )
        }
        Method::Stv { seats, variant } => {
            let r = stv::tally(
                &ranked(ballots, n)?,
                seats as usize,
                variant.to_tally(),
                &tally_rules,
            )?;
            let detail = Detail::Stv {
                variant,
                seats,
                quota: r.quota.into(),
                rounds: r.rounds.iter().map(StvRound::from).collect(),
            };
            (
                elected(r.quorum_met, r.elected),
                r.quorum_met,
                r.decided_by,
                detail,
            )
        }
    };
    let (decision, quorum_met, decided_by, detail) = counted;
    Ok(Outcome {
        method,
        decision,
        quorum_met,
        ballots: ballots.len() as u64,
        weight,
        entitled,
        decided_by: DecidedBy::from(decided_by),
        detail,
    })
}

/// As [`count`], for ballots grouped by choice, as the store reads them: each group is a
/// choice, the total weight of its ballots, and how many ballots it holds. The outcome counts
/// ballots, not groups.
pub fn count_grouped(
    rules: &MotionRules,
    options: &[String],
    groups: &[(Choice, Weight, u64)],
    entitled: Option<u64>,
    seed: u64,
) -> Result<Outcome, CountError> {
    let weighted: Vec<(Choice, Weight)> = groups.iter().map(|(c, w, _)| (c.clone(), *w)).collect();
    let mut outcome = count(rules, options, &weighted, entitled, seed)?;
    outcome.ballots = groups.iter().map(|(_, _, n)| n).sum();
    Ok(outcome)
}

type Counted = (Decision, bool, councils_tally::tiebreak::DecidedBy, Detail);

fn elected(quorum_met: bool, winners: Vec<usize>) -> Decision {
    if quorum_met {
        Decision::Elected { winners }
    } else {
        Decision::NoQuorum
    }
}

fn yes_no_count(ballots: &[(Choice, Weight)], rules: &Rules) -> Result<Counted, TallyError> {
    let mut count = YesNoCount::default();
    for (choice, w) in ballots {
        if let Choice::YesNo(v) = choice {
            count.add(*v, *w);
        }
    }
    let r = yes_no::tally(&count, rules)?;
    let decision = match r.decision {
        yes_no::Decision::Passed => Decision::Passed,
        yes_no::Decision::Rejected => Decision::Rejected,
        yes_no::Decision::NoQuorum => Decision::NoQuorum,
    };
    let detail = Detail::YesNo {
        yes: count.yes,
        no: count.no,
        abstain: count.abstain,
    };
    Ok((decision, r.quorum_met, r.decided_by, detail))
}

fn consent_count(ballots: &[(Choice, Weight)], rules: &Rules) -> Result<Counted, TallyError> {
    let mut count = ConsentCount::default();
    for (choice, w) in ballots {
        if let Choice::Consent(c) = choice {
            count.add(*c, *w);
        }
    }
    let r = consent::tally(&count, rules)?;
    let decision = match r.decision {
        ConsentDecision::Passed => Decision::Passed,
        ConsentDecision::Blocked => Decision::Blocked,
        ConsentDecision::NoQuorum => Decision::NoQuorum,
    };
    let detail = Detail::Consent {
        consent: count.consent,
        object: count.object,
        stand_aside: count.stand_aside,
        block: count.block,
    };
    Ok((decision, r.quorum_met, r.decided_by, detail))
}

fn ranked(ballots: &[(Choice, Weight)], n: usize) -> Result<RankedBallots, TallyError> {
    let mut compact = RankedBallots::new(n)?;
    for (choice, w) in ballots {
        if let Choice::Ranked(ranks) = choice {
            compact.push(ranks, *w)?;
        }
    }
    Ok(compact.grouped())
}

#[cfg(test)]
mod tests;
