//! Instant-runoff voting: the candidate with the fewest votes is excluded, round after round,
//! until one has a majority of the ballots still in the count.

use serde::Serialize;

use crate::{
    DecidedBy, Rules, TallyError,
    compact::RankedBallots,
    tiebreak::{Direction, Lot, Pick, break_tie, extremes},
};

/// One round of an instant-runoff count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IrvRound {
    /// Votes of each candidate this round (0 for excluded candidates).
    pub votes: Vec<u64>,
    /// Weight of ballots with no continuing candidate left.
    pub exhausted: u64,
    /// The candidate elected this round, if any.
    pub elected: Option<usize>,
    /// The candidate excluded at the end of this round, if any.
    pub excluded: Option<usize>,
    /// How the exclusion was decided.
    pub decided_by: DecidedBy,
}

/// The result of an instant-runoff count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IrvResult {
    /// The rounds, first to last.
    pub rounds: Vec<IrvRound>,
    /// The winner (none when there are no candidates or the quorum was not met).
    pub winner: Option<usize>,
    /// The weight of all ballots cast.
    pub cast: u64,
    /// Whether the quorum was met.
    pub quorum_met: bool,
    /// The strongest rule any exclusion needed.
    pub decided_by: DecidedBy,
}

/// Marks an exhausted ballot.
const NONE: u16 = u16::MAX;

/// Counts ranked ballots by instant-runoff.
///
/// A candidate wins with more than half of the votes of ballots not yet exhausted, or as the
/// last candidate left. Ties for exclusion are broken backwards through earlier rounds, then
/// by lot. Each ballot's current preference is kept in one flat array; an exclusion scans
/// that array in order and moves only the excluded candidate's ballots. A sequential scan of
/// 2 bytes per ballot per round was measured faster than per-candidate piles of ballot
/// numbers, whose moves jump around memory. Ballots with equal preferences are refused.
pub fn tally(ballots: &RankedBallots, rules: &Rules) -> Result<IrvResult, TallyError> {
    if ballots.has_equal_preferences() {
        return Err(TallyError::EqualPreferences {
            method: "instant-runoff",
        });
    }
    let c = ballots.candidates();
    let cast = ballots.total_weight();
    let quorum_met = rules.quorum.is_met(cast, rules.entitled)?;
    let mut lot = Lot::new(rules.seed);
    let mut continuing = vec![true; c];
    let mut votes = vec![0u64; c];
    // Each ballot's current first continuing preference, NONE once exhausted.
    let mut top = vec![NONE; ballots.len()];
    let mut exhausted = 0u64;
    for (i, t) in top.iter_mut().enumerate() {
        match ballots.raw_ballot(i).first() {
            Some(&first) => {
                votes[first as usize] += ballots.weight(i);
                *t = first;
            }
            None => exhausted += ballots.weight(i),
        }
    }
    let mut rounds: Vec<IrvRound> = Vec::new();
    let mut history: Vec<Vec<u64>> = Vec::new();
    let mut decided_by = DecidedBy::Count;
    let mut left = c;
    let winner = loop {
        if left == 0 || !quorum_met {
            break None;
        }
        let active: u64 = votes.iter().sum();
        let best = extremes(
            (0..c).filter(|&x| continuing[x]),
            |x| votes[x],
            Pick::Highest,
        );
        if left == 1 || (best.len() == 1 && 2 * votes[best[0]] > active) {
            let w = best[0];
            rounds.push(IrvRound {
                votes: votes.clone(),
                exhausted,
                elected: Some(w),
                excluded: None,
                decided_by: DecidedBy::Count,
            });
            break Some(w);
        }
        let lowest = extremes(
            (0..c).filter(|&x| continuing[x]),
            |x| votes[x],
            Pick::Lowest,
        );
        let (out, by) = break_tie(
            &lowest,
            &history,
            Direction::Backwards,
            Pick::Lowest,
            &mut lot,
        );
        decided_by = decided_by.and(by);
        rounds.push(IrvRound {
            votes: votes.clone(),
            exhausted,
            elected: None,
            excluded: Some(out),
            decided_by: by,
        });
        history.push(votes.clone());
        continuing[out] = false;
        left -= 1;
        votes[out] = 0;
        let out = out as u16;
        for (i, t) in top.iter_mut().enumerate() {
            if *t != out {
                continue;
            }
            let w = ballots.weight(i);
            match ballots
                .raw_ballot(i)
                .iter()
                .find(|&&x| continuing[x as usize])
            {
                Some(&next) => {
                    votes[next as usize] += w;
                    *t = next;
                }
                None => {
                    exhausted += w;
                    *t = NONE;
                }
            }
        }
    };
    Ok(IrvResult {
        rounds,
        winner,
        cast,
        quorum_met,
        decided_by,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_round_majority_wins_at_once() {
        let mut b = RankedBallots::new(3).unwrap();
        b.push_strict(&[2, 0], 6).unwrap();
        b.push_strict(&[0, 1], 5).unwrap();
        let result = tally(&b, &Rules::default()).unwrap();
        assert_eq!(result.winner, Some(2));
        assert_eq!(result.rounds.len(), 1);
    }

    #[test]
    fn a_tie_for_last_place_is_broken_by_the_earlier_round() {
        // Round 1: A 4, B 3, C 2, D 1 -> D out, its ballot goes to C: A 4, B 3, C 3.
        // B and C tie; in round 1 C had fewer, so C is excluded.
        let mut b = RankedBallots::new(4).unwrap();
        b.push_strict(&[0], 4).unwrap();
        b.push_strict(&[1], 3).unwrap();
        b.push_strict(&[2, 1], 2).unwrap();
        b.push_strict(&[3, 2], 1).unwrap();
        let result = tally(&b, &Rules::default()).unwrap();
        assert_eq!(result.rounds[1].excluded, Some(2));
        assert_eq!(result.rounds[1].decided_by, DecidedBy::BackwardsTieBreak);
        assert_eq!(result.winner, Some(1));
    }
}
