//! Weighted ballots: a ballot and the number of members it counts for.

use serde::{Deserialize, Serialize};

/// How many members a ballot counts for: 1 for a member's own ballot, the members represented
/// (or 1 per seat) for a delegate's, the number of identical ballots for a grouped one.
pub type Weight = u64;

/// A ballot together with its weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weighted<B> {
    /// The ballot.
    pub ballot: B,
    /// How many members it counts for.
    pub weight: Weight,
}

impl<B> Weighted<B> {
    /// A ballot with the given weight.
    pub fn new(ballot: B, weight: Weight) -> Self {
        Self { ballot, weight }
    }

    /// A member's own ballot, of weight 1.
    pub fn one(ballot: B) -> Self {
        Self { ballot, weight: 1 }
    }
}
