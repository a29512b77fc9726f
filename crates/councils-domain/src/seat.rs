//! The seat rule of a higher council: how many delegates each constituent sends.

use serde::{Deserialize, Serialize};

/// One delegate per `members_per_delegate` members represented, rounded up, and at least
/// `minimum`. For example one per 25 members, at least one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatRule {
    pub members_per_delegate: u32,
    pub minimum: u32,
}

impl Default for SeatRule {
    fn default() -> Self {
        Self {
            members_per_delegate: 25,
            minimum: 1,
        }
    }
}

impl SeatRule {
    /// Seats for a constituent that represents `members` members.
    pub fn seats(&self, members: u64) -> u64 {
        let per = u64::from(self.members_per_delegate.max(1));
        members.div_ceil(per).max(u64::from(self.minimum))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_delegate_per_twenty_five_members_rounded_up() {
        let rule = SeatRule::default();
        assert_eq!(rule.seats(25), 1);
        assert_eq!(rule.seats(26), 2);
        assert_eq!(rule.seats(100), 4);
    }

    #[test]
    fn a_small_constituent_still_gets_the_minimum() {
        let rule = SeatRule {
            members_per_delegate: 25,
            minimum: 2,
        };
        assert_eq!(rule.seats(0), 2);
        assert_eq!(rule.seats(3), 2);
        assert_eq!(rule.seats(51), 3);
    }

    #[test]
    fn a_zero_divisor_counts_as_one() {
        let rule = SeatRule {
            members_per_delegate: 0,
            minimum: 0,
        };
        assert_eq!(rule.seats(7), 7);
    }
}
