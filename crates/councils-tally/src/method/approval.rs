//! Approval voting: each ballot approves any number of candidates; the most approved win.

use serde::Serialize;

use crate::{
    DecidedBy, Rules, TallyError,
    compact::ApprovalBallots,
    tiebreak::{Lot, top_n},
};

/// The result of an approval vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovalResult {
    /// The weight approving each candidate.
    pub totals: Vec<u64>,
    /// The weight of all ballots cast, empty ones included.
    pub cast: u64,
    /// Whether the quorum was met.
    pub quorum_met: bool,
    /// The winners, most approved first (none when the quorum was not met).
    pub winners: Vec<usize>,
    /// Whether lot was needed to fill the last places.
    pub decided_by: DecidedBy,
}

/// The weight approving each candidate.
///
/// Up to 64 candidates (one word per ballot), each byte of a ballot's bitset indexes a
/// 256-entry histogram of weights, so a ballot costs one add per 8 candidates whatever it
/// approves; the histograms are turned into totals at the end. Two sets of histograms take
/// alternate ballots so that runs of identical bytes do not wait on each other's adds. With
/// more candidates, the set bits of each ballot are walked instead.
pub fn count(ballots: &ApprovalBallots) -> Vec<u64> {
    if ballots.words() == 1 {
        return count_by_bytes(ballots);
    }
    let mut totals = vec![0u64; ballots.words() * 64];
    let words = ballots.words();
    for (bits, &w) in ballots.bits().chunks_exact(words).zip(ballots.weights()) {
        for (i, &word) in bits.iter().enumerate() {
            let mut x = word;
            while x != 0 {
                totals[i * 64 + x.trailing_zeros() as usize] += w;
                x &= x - 1;
            }
        }
    }
    totals.truncate(ballots.candidates());
    totals
}

fn count_by_bytes(ballots: &ApprovalBallots) -> Vec<u64> {
    let c = ballots.candidates();
    let bytes = c.div_ceil(8).max(1);
    let mut even = vec![[0u64; 256]; bytes];
    let mut odd = vec![[0u64; 256]; bytes];
    let bits = ballots.bits();
    let weights = ballots.weights();
    let pairs = bits.len() / 2;
    for i in 0..pairs {
        let (x, w) = (bits[2 * i], weights[2 * i]);
        let (y, v) = (bits[2 * i + 1], weights[2 * i + 1]);
        for k in 0..bytes {
            even[k][((x >> (8 * k)) & 0xFF) as usize] += w;
            odd[k][((y >> (8 * k)) & 0xFF) as usize] += v;
        }
    }
    if bits.len() % 2 == 1 {
        let (x, w) = (bits[bits.len() - 1], weights[bits.len() - 1]);
        for (k, h) in even.iter_mut().enumerate() {
            h[((x >> (8 * k)) & 0xFF) as usize] += w;
        }
    }
    let mut totals = vec![0u64; bytes * 8];
    for k in 0..bytes {
        for value in 1..256usize {
            let weight = even[k][value] + odd[k][value];
            if weight == 0 {
                continue;
            }
            for bit in 0..8 {
                if value & (1 << bit) != 0 {
                    totals[8 * k + bit] += weight;
                }
            }
        }
    }
    totals.truncate(c);
    totals
}

/// Elects the `seats` most approved candidates; ties for the last places are drawn by lot.
pub fn tally(
    ballots: &ApprovalBallots,
    seats: usize,
    rules: &Rules,
) -> Result<ApprovalResult, TallyError> {
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
    Ok(ApprovalResult {
        totals,
        cast,
        quorum_met,
        winners,
        decided_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Weighted, ballot::ApprovalBallot};

    fn approve(c: &[usize], w: u64) -> Weighted<ApprovalBallot> {
        Weighted::new(
            ApprovalBallot {
                approved: c.to_vec(),
            },
            w,
        )
    }

    #[test]
    fn the_most_approved_candidate_wins() {
        let ballots = [approve(&[0, 1], 3), approve(&[1], 2), approve(&[2], 4)];
        let compact = ApprovalBallots::from_ballots(3, &ballots).unwrap();
        let result = tally(&compact, 1, &Rules::default()).unwrap();
        assert_eq!(result.totals, vec![3, 5, 4]);
        assert_eq!(result.winners, vec![1]);
        assert_eq!(result.decided_by, DecidedBy::Count);
    }

    #[test]
    fn candidates_beyond_64_are_counted() {
        let ballots = [approve(&[70, 3], 1), approve(&[70], 1)];
        let compact = ApprovalBallots::from_ballots(80, &ballots).unwrap();
        let result = tally(&compact, 2, &Rules::default()).unwrap();
        assert_eq!(result.winners, vec![70, 3]);
    }

    #[test]
    fn a_tie_for_the_last_seat_is_drawn_by_lot() {
        let ballots = [approve(&[0, 1, 2], 1)];
        let compact = ApprovalBallots::from_ballots(3, &ballots).unwrap();
        let rules = Rules {
            seed: 11,
            ..Rules::default()
        };
        let result = tally(&compact, 2, &rules).unwrap();
        assert_eq!(result.winners.len(), 2);
        assert_eq!(result.decided_by, DecidedBy::Lot { seed: 11 });
    }
}
