//! Yes/no/abstain votes on a motion, under a quorum and a majority rule.

use std::ops::AddAssign;

use serde::{Deserialize, Serialize};

use crate::{DecidedBy, Rules, TallyError, Weight, Weighted};

/// A member's or delegate's choice on a motion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// For the motion.
    Yes,
    /// Against the motion.
    No,
    /// Present but neither for nor against: counts for quorum only.
    Abstain,
}

/// The weight cast for each choice. This is also the compact form of yes/no ballots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct YesNoCount {
    /// Weight for.
    pub yes: u64,
    /// Weight against.
    pub no: u64,
    /// Weight abstaining.
    pub abstain: u64,
}

impl YesNoCount {
    /// The count of some weighted ballots.
    pub fn from_ballots<'a>(ballots: impl IntoIterator<Item = &'a Weighted<Choice>>) -> Self {
        let mut count = Self::default();
        for b in ballots {
            count.add(b.ballot, b.weight);
        }
        count
    }

    /// Adds one ballot.
    pub fn add(&mut self, choice: Choice, weight: Weight) {
        match choice {
            Choice::Yes => self.yes += weight,
            Choice::No => self.no += weight,
            Choice::Abstain => self.abstain += weight,
        }
    }

    /// The weight of all ballots cast, abstentions included (what a quorum counts).
    pub fn cast(&self) -> u64 {
        self.yes + self.no + self.abstain
    }
}

impl AddAssign for YesNoCount {
    fn add_assign(&mut self, other: Self) {
        self.yes += other.yes;
        self.no += other.no;
        self.abstain += other.abstain;
    }
}

/// What became of a motion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum Decision {
    /// Quorum met and majority reached.
    Passed = 0,
    /// Quorum met, majority not reached.
    Rejected,
    /// Too few ballots cast for any decision.
    NoQuorum,
}

/// The result of a yes/no vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YesNoResult {
    /// The weight cast for each choice.
    pub count: YesNoCount,
    /// Whether the quorum was met.
    pub quorum_met: bool,
    /// What became of the motion.
    pub decision: Decision,
    /// Always [`DecidedBy::Count`]: a tie is not a majority, so no tie is broken.
    pub decided_by: DecidedBy,
}

/// Decides a motion from its count under `rules` (quorum, majority, those entitled).
pub fn tally(count: &YesNoCount, rules: &Rules) -> Result<YesNoResult, TallyError> {
    let quorum_met = rules.quorum.is_met(count.cast(), rules.entitled)?;
    let reached = rules
        .majority
        .is_reached(count.yes, count.no, rules.entitled)?;
    let decision = match (quorum_met, reached) {
        (false, _) => Decision::NoQuorum,
        (true, true) => Decision::Passed,
        (true, false) => Decision::Rejected,
    };
    Ok(YesNoResult {
        count: *count,
        quorum_met,
        decision,
        decided_by: DecidedBy::Count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Majority, MajorityBase, MajorityRule, Quorum};

    #[test]
    fn abstentions_count_for_quorum_but_not_for_majority() {
        let count = YesNoCount {
            yes: 3,
            no: 2,
            abstain: 5,
        };
        let rules = Rules {
            quorum: Quorum::Absolute(10),
            ..Rules::default()
        };
        let result = tally(&count, &rules).unwrap();
        assert!(result.quorum_met);
        assert_eq!(result.decision, Decision::Passed);
    }

    #[test]
    fn a_motion_short_of_quorum_is_not_decided() {
        let count = YesNoCount {
            yes: 9,
            no: 0,
            abstain: 0,
        };
        let rules = Rules {
            quorum: Quorum::Share { num: 1, den: 2 },
            entitled: Some(20),
            ..Rules::default()
        };
        assert_eq!(tally(&count, &rules).unwrap().decision, Decision::NoQuorum);
    }

    #[test]
    fn a_tie_rejects_a_motion() {
        let count = YesNoCount {
            yes: 4,
            no: 4,
            abstain: 0,
        };
        assert_eq!(
            tally(&count, &Rules::default()).unwrap().decision,
            Decision::Rejected
        );
    }

    #[test]
    fn a_delegate_weight_counts_as_many_members() {
        let ballots = [
            Weighted::new(Choice::Yes, 120),
            Weighted::one(Choice::No),
            Weighted::new(Choice::No, 100),
        ];
        let count = YesNoCount::from_ballots(&ballots);
        let rules = Rules {
            majority: MajorityRule {
                majority: Majority::TwoThirds,
                base: MajorityBase::VotesCast,
            },
            ..Rules::default()
        };
        assert_eq!(count.yes, 120);
        assert_eq!(tally(&count, &rules).unwrap().decision, Decision::Rejected);
    }
}
