//! Majority rules: what share of the votes a motion needs to pass.

use crate::TallyError;

/// The share a motion needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Majority {
    /// More than half.
    #[default]
    Simple,
    /// At least two thirds.
    TwoThirds,
    /// At least `num`/`den`.
    Fraction {
        /// Numerator.
        num: u64,
        /// Denominator.
        den: u64,
    },
}

/// What the share is taken of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MajorityBase {
    /// Votes cast for or against; abstentions are not votes cast (they count for quorum only).
    #[default]
    VotesCast,
    /// All members entitled to vote, whether they voted or not.
    Entitled,
}

/// A majority and its base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MajorityRule {
    /// The share needed.
    pub majority: Majority,
    /// What it is a share of.
    pub base: MajorityBase,
}

impl MajorityRule {
    /// Whether `yes` votes reach the majority, given `no` votes and those entitled.
    ///
    /// A motion with no vote in favour never passes, whatever the rule.
    pub fn is_reached(&self, yes: u64, no: u64, entitled: Option<u64>) -> Result<bool, TallyError> {
        let base = match self.base {
            MajorityBase::VotesCast => yes as u128 + no as u128,
            MajorityBase::Entitled => entitled.ok_or(TallyError::EntitledUnknown)? as u128,
        };
        let yes = yes as u128;
        let reached = match self.majority {
            Majority::Simple => 2 * yes > base,
            Majority::TwoThirds => 3 * yes >= 2 * base,
            Majority::Fraction { num, den } => {
                if den == 0 || num > den {
                    return Err(TallyError::InvalidFraction { num, den });
                }
                yes * den as u128 >= num as u128 * base
            }
        };
        Ok(reached && yes > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_simple_majority_needs_more_than_half_of_votes_cast() {
        let rule = MajorityRule::default();
        assert_eq!(rule.is_reached(5, 4, None), Ok(true));
        assert_eq!(rule.is_reached(5, 5, None), Ok(false));
    }

    #[test]
    fn two_thirds_of_votes_cast_is_enough_for_two_thirds() {
        let rule = MajorityRule {
            majority: Majority::TwoThirds,
            base: MajorityBase::VotesCast,
        };
        assert_eq!(rule.is_reached(6, 3, None), Ok(true));
        assert_eq!(rule.is_reached(5, 3, None), Ok(false));
    }

    #[test]
    fn a_majority_of_members_counts_those_who_stayed_home() {
        let rule = MajorityRule {
            majority: Majority::Simple,
            base: MajorityBase::Entitled,
        };
        assert_eq!(rule.is_reached(30, 0, Some(100)), Ok(false));
        assert_eq!(rule.is_reached(51, 0, Some(100)), Ok(true));
    }

    #[test]
    fn no_rule_passes_a_motion_without_a_yes() {
        let rule = MajorityRule {
            majority: Majority::Fraction { num: 0, den: 1 },
            base: MajorityBase::VotesCast,
        };
        assert_eq!(rule.is_reached(0, 0, None), Ok(false));
    }
}
