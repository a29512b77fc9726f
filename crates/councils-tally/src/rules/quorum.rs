//! Quorum: how much weight must be cast, abstentions included, for a result to stand.

use crate::TallyError;

/// A quorum, counted on the weight of all ballots cast, abstentions included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Quorum {
    /// Any number of ballots is enough.
    #[default]
    None,
    /// At least this weight must be cast.
    Absolute(u64),
    /// At least `num`/`den` of the weight entitled to vote must be cast.
    Share {
        /// Numerator.
        num: u64,
        /// Denominator.
        den: u64,
    },
}

impl Quorum {
    /// Whether `cast` (the weight of all ballots, abstentions included) meets the quorum.
    pub fn is_met(&self, cast: u64, entitled: Option<u64>) -> Result<bool, TallyError> {
        match *self {
            Quorum::None => Ok(true),
            Quorum::Absolute(n) => Ok(cast >= n),
            Quorum::Share { num, den } => {
                if den == 0 || num > den {
                    return Err(TallyError::InvalidFraction { num, den });
                }
                let entitled = entitled.ok_or(TallyError::EntitledUnknown)?;
                Ok(cast as u128 * den as u128 >= num as u128 * entitled as u128)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_quorum_counts_against_those_entitled() {
        let half = Quorum::Share { num: 1, den: 2 };
        assert_eq!(half.is_met(50, Some(100)), Ok(true));
        assert_eq!(half.is_met(49, Some(100)), Ok(false));
        assert_eq!(half.is_met(49, None), Err(TallyError::EntitledUnknown));
    }

    #[test]
    fn an_absolute_quorum_is_a_minimum_weight() {
        assert_eq!(Quorum::Absolute(10).is_met(10, None), Ok(true));
        assert_eq!(Quorum::Absolute(10).is_met(9, None), Ok(false));
    }
}
