//! Score voting: each ballot scores every candidate from 0 to a maximum; the highest total wins.

use serde::Serialize;

use crate::{
    DecidedBy, Rules, TallyError,
    compact::ScoreBallots,
    tiebreak::{Lot, top_n},
};

/// The result of a score vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreResult {
    /// Each candidate's total: the sum of score times weight.
    pub totals: Vec<u64>,
    /// The highest score a ballot could give.
    pub max: u8,
    /// The weight of all ballots cast.
    pub cast: u64,
    /// Whether the quorum was met.
    pub quorum_met: bool,
    /// The winners, highest total first (none when the quorum was not met).
    pub winners: Vec<usize>,
    /// Whether lot was needed to fill the last places.
    pub decided_by: DecidedBy,
}

/// Ballots checked together for a common weight.
const CHUNK: usize = 1 << 16;

/// Each candidate's total, score times weight summed over the ballots.
///
/// Ballots are taken in chunks; when every ballot of a chunk has the same weight (members'
/// own ballots all weigh 1), the chunk's scores are summed without regard to rows
/// ([`column_sums`]) and multiplied by the weight once. Otherwise each ballot is multiplied
/// by its weight.
pub fn count(ballots: &ScoreBallots) -> Vec<u64> {
    let c = ballots.candidates();
    let mut totals = vec![0u64; c];
    if c == 0 {
        return totals;
    }
    let mut sums = vec![0u64; c];
    for (rows, weights) in ballots
        .scores()
        .chunks(CHUNK * c)
        .zip(ballots.weights().chunks(CHUNK))
    {
        let w0 = weights[0];
        if weights.iter().all(|&w| w == w0) {
            column_sums(rows, c, &mut sums);
            for (t, s) in totals.iter_mut().zip(&mut sums) {
                *t += w0 * *s;
                *s = 0;
            }
        } else {
            for (row, &w) in rows.chunks_exact(c).zip(weights) {
                for (t, &x) in totals.iter_mut().zip(row) {
                    *t += w * x as u64;
                }
            }
        }
    }
    totals
}

/// Adds the column sums of `rows` (rows of `c` scores, flattened) to `sums`.
///
/// The bytes are read in blocks of `lcm(c, 32)` (a whole number of rows and of SIMD
/// registers), added into `u16` lanes the compiler vectorizes, and flushed to `u64` every
/// 257 blocks, before a lane could overflow (257 x 255 < 65536). Lane `p` belongs to
/// candidate `p % c`.
pub fn column_sums(rows: &[u8], c: usize, sums: &mut [u64]) {
    let period = c / gcd(c, 32) * 32;
    if period > 4096 {
        for row in rows.chunks_exact(c) {
            for (s, &x) in sums.iter_mut().zip(row) {
                *s += x as u64;
            }
        }
        return;
    }
    let mut lanes = vec![0u16; period];
    let mut wide = vec![0u64; period];
    let blocks = rows.chunks_exact(period);
    let rest = blocks.remainder();
    let flush = |lanes: &mut [u16], wide: &mut [u64]| {
        for (w, l) in wide.iter_mut().zip(lanes) {
            *w += *l as u64;
            *l = 0;
        }
    };
    for (n, block) in blocks.enumerate() {
        for (l, &x) in lanes.iter_mut().zip(block) {
            *l += x as u16;
        }
        if n % 257 == 256 {
            flush(&mut lanes, &mut wide);
        }
    }
    flush(&mut lanes, &mut wide);
    for (p, &w) in wide.iter().enumerate() {
        sums[p % c] += w;
    }
    for row in rest.chunks_exact(c) {
        for (s, &x) in sums.iter_mut().zip(row) {
            *s += x as u64;
        }
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// Elects the `seats` candidates with the highest totals; ties for the last places by lot.
pub fn tally(
    ballots: &ScoreBallots,
    seats: usize,
    rules: &Rules,
) -> Result<ScoreResult, TallyError> {
    if seats == 0 {
        return Err(TallyError::NoSeats);
    }
    let totals = count(ballots);
    let cast: u64 = ballots.weights().iter().sum();
    let quorum_met = rules.quorum.is_met(cast, rules.entitled)?;
    let (winners, decided_by) = if quorum_met {
        top_n(&totals, seats, &mut Lot::new(rules.seed))
    } else {
        (Vec::new(), DecidedBy::Count)
    };
    Ok(ScoreResult {
        totals,
        max: ballots.max(),
        cast,
        quorum_met,
        winners,
        decided_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Weighted, ballot::ScoreBallot};

    #[test]
    fn the_highest_total_wins_even_against_more_first_places() {
        let ballots = [
            Weighted::new(ScoreBallot { scores: vec![5, 0] }, 3),
            Weighted::new(ScoreBallot { scores: vec![0, 4] }, 2),
            Weighted::new(ScoreBallot { scores: vec![1, 5] }, 2),
        ];
        let compact = ScoreBallots::from_ballots(2, 5, &ballots).unwrap();
        let result = tally(&compact, 1, &Rules::default()).unwrap();
        assert_eq!(result.totals, vec![17, 18]);
        assert_eq!(result.winners, vec![1]);
    }

    #[test]
    fn column_sums_match_row_by_row_sums_for_any_width() {
        for c in [1usize, 3, 20, 33, 64, 200] {
            let rows: Vec<u8> = (0..c * 9001).map(|i| (i * 7 % 256) as u8).collect();
            let mut fast = vec![0u64; c];
            column_sums(&rows, c, &mut fast);
            let mut slow = vec![0u64; c];
            for row in rows.chunks_exact(c) {
                for (s, &x) in slow.iter_mut().zip(row) {
                    *s += x as u64;
                }
            }
            assert_eq!(fast, slow, "{c} candidates");
        }
    }

    #[test]
    fn a_score_above_the_maximum_is_refused() {
        let ballots = [Weighted::one(ScoreBallot { scores: vec![6] })];
        assert_eq!(
            ScoreBallots::from_ballots(1, 5, &ballots),
            Err(TallyError::ScoreAboveMax { score: 6, max: 5 })
        );
    }
}
