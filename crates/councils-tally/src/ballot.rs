//! Plain ballots, one object per ballot, as a caller builds them; the compact forms in
//! [`crate::compact`] are built from these.

use serde::{Deserialize, Serialize};

/// A ranked ballot: groups of candidates (0-based indices) from most to least preferred.
/// Candidates in one group are ranked equal; candidates left off are ranked below all others.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RankedBallot {
    ranks: Vec<Vec<usize>>,
}

impl RankedBallot {
    /// A ballot with equal preferences allowed: `ranks[0]` is the most preferred group.
    /// Empty groups are dropped.
    pub fn new(ranks: Vec<Vec<usize>>) -> Self {
        Self {
            ranks: ranks.into_iter().filter(|r| !r.is_empty()).collect(),
        }
    }

    /// A ballot ranking one candidate per rank, most preferred first.
    pub fn strict(order: impl IntoIterator<Item = usize>) -> Self {
        Self {
            ranks: order.into_iter().map(|c| vec![c]).collect(),
        }
    }

    /// The groups of equally ranked candidates, most preferred first.
    pub fn ranks(&self) -> &[Vec<usize>] {
        &self.ranks
    }
}

/// An approval ballot: the candidates approved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ApprovalBallot {
    /// 0-based indices of the approved candidates.
    pub approved: Vec<usize>,
}

/// A score ballot: one score per candidate, in candidate order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScoreBallot {
    /// The score given to each candidate.
    pub scores: Vec<u8>,
}
