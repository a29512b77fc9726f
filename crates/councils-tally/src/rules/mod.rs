//! The rules a count is held under: quorum, majority, who is entitled to vote, and the seed of
//! any lot.

mod majority;
mod quorum;

pub use majority::{Majority, MajorityBase, MajorityRule};
pub use quorum::Quorum;

/// The rules of one count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rules {
    /// How much must be cast for the result to stand.
    pub quorum: Quorum,
    /// What a motion needs to pass (used by yes/no votes).
    pub majority: MajorityRule,
    /// The weight of all members entitled to vote, when known.
    pub entitled: Option<u64>,
    /// The seed of the generator that draws lots to break ties; recorded in results.
    pub seed: u64,
}
