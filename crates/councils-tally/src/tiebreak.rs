//! Deterministic tie-breaking: earlier rounds first, then lot from a seeded generator.
//!
//! The rule, for every method with rounds: among candidates tied for a decision (lowest to
//! exclude, highest to elect or transfer first), look at the totals of earlier rounds and keep
//! only the candidates that were lowest (or highest) there; repeat round by round until one is
//! left. IRV and Meek STV look *backwards* from the most recent earlier round; Scottish STV looks
//! *forwards* from the first stage, as the Scottish rules (SSI 2007/42, rules 49 and 52) say. If
//! candidates are still tied after every round, or the method has no rounds, lot decides: a
//! SplitMix64 generator seeded with [`crate::Rules::seed`] draws one of them, the tied
//! candidates taken in increasing index order. The seed is recorded in the result, so anyone
//! can repeat the draw.

use serde::Serialize;

/// Which rule decided a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum DecidedBy {
    /// The count alone: no tie needed breaking.
    Count,
    /// A tie broken by the totals of earlier rounds, most recent first.
    BackwardsTieBreak,
    /// A tie broken by the totals of earlier stages, first stage first.
    ForwardsTieBreak,
    /// A tie broken by lot, drawn from a generator seeded with `seed`.
    Lot {
        /// The seed of the draw.
        seed: u64,
    },
}

impl DecidedBy {
    fn severity(self) -> u8 {
        match self {
            DecidedBy::Count => 0,
            DecidedBy::BackwardsTieBreak | DecidedBy::ForwardsTieBreak => 1,
            DecidedBy::Lot { .. } => 2,
        }
    }

    /// The stronger of two: a result that needed lot anywhere was decided by lot.
    pub fn and(self, other: DecidedBy) -> DecidedBy {
        if other.severity() > self.severity() {
            other
        } else {
            self
        }
    }
}

/// Where to look first in earlier rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From the most recent earlier round back to the first.
    Backwards,
    /// From the first round on.
    Forwards,
}

/// Which end of a tie is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The candidate with the fewest votes (to exclude).
    Lowest,
    /// The candidate with the most votes (to elect or transfer first).
    Highest,
}

/// A SplitMix64 generator: tiny, portable and fully determined by its seed.
#[derive(Debug, Clone)]
pub struct Lot {
    seed: u64,
    state: u64,
}

impl Lot {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Self { seed, state: seed }
    }

    /// The seed this generator started from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (multiply-shift; the bias is below 2^-32 for any tally-sized `n`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }

    /// One of `tied` (taken in increasing order), and the rule that decided.
    pub fn draw(&mut self, tied: &[usize]) -> (usize, DecidedBy) {
        let mut sorted = tied.to_vec();
        sorted.sort_unstable();
        if sorted.len() == 1 {
            return (sorted[0], DecidedBy::Count);
        }
        let chosen = sorted[self.below(sorted.len())];
        (chosen, DecidedBy::Lot { seed: self.seed })
    }
}

/// Breaks a tie among `tied` candidates using `history` (one row of totals per earlier round,
/// first round first, indexed by candidate), then lot.
///
/// Returns the chosen candidate and the rule that decided. A single candidate is decided by
/// [`DecidedBy::Count`].
pub fn break_tie<T: Ord + Copy>(
    tied: &[usize],
    history: &[Vec<T>],
    direction: Direction,
    pick: Pick,
    lot: &mut Lot,
) -> (usize, DecidedBy) {
    if tied.len() == 1 {
        return (tied[0], DecidedBy::Count);
    }
    let mut remaining = tied.to_vec();
    let rows: Box<dyn Iterator<Item = &Vec<T>>> = match direction {
        Direction::Backwards => Box::new(history.iter().rev()),
        Direction::Forwards => Box::new(history.iter()),
    };
    let by_rounds = match direction {
        Direction::Backwards => DecidedBy::BackwardsTieBreak,
        Direction::Forwards => DecidedBy::ForwardsTieBreak,
    };
    for row in rows {
        let best = match pick {
            Pick::Lowest => remaining.iter().map(|&c| row[c]).min(),
            Pick::Highest => remaining.iter().map(|&c| row[c]).max(),
        };
        if let Some(best) = best {
            remaining.retain(|&c| row[c] == best);
        }
        if remaining.len() == 1 {
            return (remaining[0], by_rounds);
        }
    }
    lot.draw(&remaining)
}

/// The candidates among `candidates` whose value is lowest (or highest), in increasing order.
pub fn extremes<T: Ord + Copy>(
    candidates: impl Iterator<Item = usize>,
    value: impl Fn(usize) -> T,
    pick: Pick,
) -> Vec<usize> {
    let mut best: Option<T> = None;
    let mut out = Vec::new();
    for c in candidates {
        let v = value(c);
        let better = match (best, pick) {
            (None, _) => true,
            (Some(b), Pick::Lowest) => v < b,
            (Some(b), Pick::Highest) => v > b,
        };
        if better {
            best = Some(v);
            out.clear();
            out.push(c);
        } else if best == Some(v) {
            out.push(c);
        }
    }
    out
}

/// The `n` candidates with the highest totals, highest first, for methods without rounds.
///
/// Candidates tied for the last places are drawn by lot, one at a time; candidates tied but
/// all within the `n` are taken in increasing index order, decided by the count.
pub fn top_n(totals: &[u64], n: usize, lot: &mut Lot) -> (Vec<usize>, DecidedBy) {
    let mut remaining: Vec<usize> = (0..totals.len()).collect();
    let mut chosen = Vec::with_capacity(n.min(totals.len()));
    let mut decided_by = DecidedBy::Count;
    while chosen.len() < n && !remaining.is_empty() {
        let tied = extremes(remaining.iter().copied(), |c| totals[c], Pick::Highest);
        if tied.len() <= n - chosen.len() {
            chosen.extend_from_slice(&tied);
            remaining.retain(|c| !tied.contains(c));
        } else {
            let (c, by) = lot.draw(&tied);
            decided_by = decided_by.and(by);
            chosen.push(c);
            remaining.retain(|&r| r != c);
        }
    }
    (chosen, decided_by)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_draws_the_same_lot() {
        let mut a = Lot::new(42);
        let mut b = Lot::new(42);
        let draws_a: Vec<usize> = (0..20).map(|_| a.below(7)).collect();
        let draws_b: Vec<usize> = (0..20).map(|_| b.below(7)).collect();
        assert_eq!(draws_a, draws_b);
        assert!(draws_a.iter().all(|&d| d < 7));
    }

    #[test]
    fn backwards_tie_break_looks_at_the_most_recent_earlier_round_first() {
        // Candidates 0 and 1 are tied now; in round 2 candidate 1 had fewer, in round 1 candidate 0.
        let history = vec![vec![3, 5], vec![6, 4]];
        let (loser, by) = break_tie(
            &[0, 1],
            &history,
            Direction::Backwards,
            Pick::Lowest,
            &mut Lot::new(0),
        );
        assert_eq!((loser, by), (1, DecidedBy::BackwardsTieBreak));
        let (loser, by) = break_tie(
            &[0, 1],
            &history,
            Direction::Forwards,
            Pick::Lowest,
            &mut Lot::new(0),
        );
        assert_eq!((loser, by), (0, DecidedBy::ForwardsTieBreak));
    }

    #[test]
    fn a_tie_in_every_round_is_decided_by_lot_with_the_seed_recorded() {
        let history = vec![vec![2, 2, 9]];
        let (chosen, by) = break_tie(
            &[0, 1],
            &history,
            Direction::Backwards,
            Pick::Lowest,
            &mut Lot::new(7),
        );
        assert!(chosen == 0 || chosen == 1);
        assert_eq!(by, DecidedBy::Lot { seed: 7 });
    }
}
