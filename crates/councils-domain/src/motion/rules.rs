//! The rules a motion is voted under: method, quorum, majority and secrecy, checked against
//! the motion's kind.

use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

use super::{Method, MotionError, MotionKind, Secrecy, StvVariant};

/// The rules of one motion. Built only by [`MotionRules::new`] or
/// [`MotionRules::default_for`], so a secret-only kind never has open rules.
///
/// The majority applies to yes/no votes only: consent is decided by blocks, and the methods
/// with options elect the most supported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MotionRules {
    method: Method,
    quorum: Quorum,
    majority: MajorityRule,
    secrecy: Secrecy,
}

impl MotionRules {
    /// Checks rules for a motion of `kind`: the method fits the kind and its parameters are
    /// valid, fractions are fractions, a majority is more than half, and the ballot is
    /// secret where the kind requires it.
    pub fn new(
        kind: MotionKind,
        method: Method,
        quorum: Quorum,
        majority: MajorityRule,
        secrecy: Secrecy,
    ) -> Result<Self, MotionError> {
        method.validate()?;
        if !kind.allows(&method) {
            return Err(MotionError::MethodNotForKind {
                kind,
                method: method.code(),
            });
        }
        kind.check_secrecy(secrecy)?;
        if let Quorum::Share { num, den } = quorum
            && (den == 0 || num > den)
        {
            return Err(MotionError::InvalidFraction { num, den });
        }
        if let Majority::Fraction { num, den } = majority.majority {
            if den == 0 || num > den {
                return Err(MotionError::InvalidFraction { num, den });
            }
            // At half or below, a tie or a minority would pass the motion.
            if 2 * u128::from(num) <= u128::from(den) {
                return Err(MotionError::MajorityNotAboveHalf { num, den });
            }
        }
        Ok(Self {
            method,
            quorum,
            majority,
            secrecy,
        })
    }

    /// What a council starts from for a motion of `kind`: no quorum, a simple majority of
    /// votes cast, yes/no for ordinary motions, recalls and strike votes, and Meek STV for
    /// one seat for elections (the application sets the seats to the delegates to elect).
    /// Ordinary motions are open; the other kinds secret.
    pub fn default_for(kind: MotionKind) -> Self {
        let method = match kind {
            MotionKind::Election => Method::Stv {
                seats: 1,
                variant: StvVariant::Meek,
            },
            MotionKind::Ordinary | MotionKind::Recall | MotionKind::StrikeVote => Method::YesNo,
        };
        let secrecy = if kind.requires_secret() {
            Secrecy::Secret
        } else {
            Secrecy::Open
        };
        Self {
            method,
            quorum: Quorum::None,
            majority: MajorityRule {
                majority: Majority::Simple,
                base: MajorityBase::VotesCast,
            },
            secrecy,
        }
    }

    /// How the ballots are cast and counted.
    pub fn method(&self) -> Method {
        self.method
    }

    /// How much must be cast for the result to stand.
    pub fn quorum(&self) -> Quorum {
        self.quorum
    }

    /// What a yes/no motion needs to pass.
    pub fn majority(&self) -> MajorityRule {
        self.majority
    }

    /// Whether others can see how a member voted.
    pub fn secrecy(&self) -> Secrecy {
        self.secrecy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple() -> MajorityRule {
        MajorityRule::default()
    }

    #[test]
    fn the_default_rules_of_every_kind_are_valid_for_it() {
        for kind in MotionKind::ALL {
            let rules = MotionRules::default_for(kind);
            assert_eq!(
                MotionRules::new(
                    kind,
                    rules.method(),
                    rules.quorum(),
                    rules.majority(),
                    rules.secrecy()
                ),
                Ok(rules)
            );
        }
        assert_eq!(
            MotionRules::default_for(MotionKind::Ordinary).secrecy(),
            Secrecy::Open
        );
    }

    #[test]
    fn a_strike_vote_cannot_be_held_openly() {
        let refused = MotionRules::new(
            MotionKind::StrikeVote,
            Method::YesNo,
            Quorum::None,
            simple(),
            Secrecy::Open,
        );
        assert_eq!(
            refused,
            Err(MotionError::SecretRequired {
                kind: MotionKind::StrikeVote
            })
        );
    }

    #[test]
    fn an_election_by_yes_or_no_is_refused() {
        let refused = MotionRules::new(
            MotionKind::Election,
            Method::YesNo,
            Quorum::None,
            simple(),
            Secrecy::Secret,
        );
        assert_eq!(
            refused,
            Err(MotionError::MethodNotForKind {
                kind: MotionKind::Election,
                method: "yes-no"
            })
        );
    }

    #[test]
    fn a_majority_of_half_or_less_is_refused() {
        let half = MajorityRule {
            majority: Majority::Fraction { num: 1, den: 2 },
            base: MajorityBase::VotesCast,
        };
        assert_eq!(
            MotionRules::new(
                MotionKind::Ordinary,
                Method::YesNo,
                Quorum::None,
                half,
                Secrecy::Open
            ),
            Err(MotionError::MajorityNotAboveHalf { num: 1, den: 2 })
        );
        let three_fifths = MajorityRule {
            majority: Majority::Fraction { num: 3, den: 5 },
            base: MajorityBase::Entitled,
        };
        assert!(
            MotionRules::new(
                MotionKind::Ordinary,
                Method::YesNo,
                Quorum::None,
                three_fifths,
                Secrecy::Open
            )
            .is_ok()
        );
    }

    #[test]
    fn a_quorum_share_must_be_a_fraction() {
        assert_eq!(
            MotionRules::new(
                MotionKind::Ordinary,
                Method::YesNo,
                Quorum::Share { num: 3, den: 2 },
                simple(),
                Secrecy::Open
            ),
            Err(MotionError::InvalidFraction { num: 3, den: 2 })
        );
    }
}
