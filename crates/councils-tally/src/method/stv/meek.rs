//! Meek's method of STV (Hill, Wichmann and Woodall, "Algorithm 123", 1987), with the
//! fixed-point rules New Zealand uses for its local elections.
//!
//! Arithmetic: values are integers in units of 10^-9. Every candidate has a keep factor:
//! 1 while hopeful, 0 once excluded, and for an elected candidate the share of each ballot
//! reaching them that they keep. A ballot's value flows down its preferences: each candidate
//! keeps `value × keep` (rounded down) and passes on the rest; what is left after the last
//! preference is excess. The quota is the votes held by candidates divided by seats + 1,
//! rounded down, plus 10^-9 (so it shrinks as ballots exhaust). After each pass an elected
//! candidate's keep factor becomes `keep × quota / votes`, rounded up. Passes repeat until the
//! total surplus is at most 0.00001, or stops shrinking (rounding has made it stall), or
//! 1000 passes have run; then, if seats remain, the hopeful with fewest votes is excluded
//! (ties broken backwards through earlier rounds, then by lot). A weighted ballot's value is
//! computed once per paper and multiplied by its weight, so grouping never changes a result.

use super::{StvResult, StvRound, StvVariant, Transfer, TransferKind};
use crate::{
    DecidedBy, TallyError,
    compact::RankedBallots,
    decimal::Decimal,
    tiebreak::{Direction, Lot, Pick, break_tie, extremes},
};

const DECIMALS: u32 = 9;
const ONE: i128 = 1_000_000_000;
/// Surplus at which the passes have converged: 0.00001.
const SURPLUS_LIMIT: i128 = 10_000;
const MAX_PASSES: u32 = 1000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Hopeful,
    Elected,
    Excluded,
}

fn dec(units: i128) -> Decimal {
    Decimal::new(units, DECIMALS)
}

/// One pass: each candidate's votes and the excess, under the given keep factors.
fn distribute(ballots: &RankedBallots, keep: &[i128], votes: &mut [i128]) -> i128 {
    votes.fill(0);
    let mut excess = 0;
    for i in 0..ballots.len() {
        let w = ballots.weight(i) as i128;
        let mut rest = ONE;
        for &e in ballots.raw_ballot(i) {
            let k = keep[e as usize];
            if k == 0 {
                continue;
            }
            if k == ONE {
                votes[e as usize] += w * rest;
                rest = 0;
                break;
            }
            let kept = rest * k / ONE;
            votes[e as usize] += w * kept;
            rest -= kept;
        }
        excess += w * rest;
    }
    excess
}

/// Counts by Meek's method.
pub(super) fn count(
    ballots: &RankedBallots,
    seats: usize,
    seed: u64,
) -> Result<StvResult, TallyError> {
    let c = ballots.candidates();
    let total = ballots.total_weight() as u128;
    if total > (i128::MAX / ONE / 4) as u128 {
        return Err(TallyError::WeightOverflow {
            method: "Meek STV",
            total,
        });
    }
    let mut lot = Lot::new(seed);
    let mut state = vec![State::Hopeful; c];
    let mut keep = vec![ONE; c];
    let mut votes = vec![0i128; c];
    let mut elected: Vec<usize> = Vec::new();
    let mut history: Vec<Vec<i128>> = Vec::new();
    let mut rounds: Vec<StvRound> = Vec::new();
    let mut excluded: Option<usize> = None;
    let mut quota;
    loop {
        let mut decided_by = DecidedBy::Count;
        let mut newly = Vec::new();
        let mut passes = 0;
        let mut previous = i128::MAX;
        let mut excess;
        loop {
            excess = distribute(ballots, &keep, &mut votes);
            passes += 1;
            let held: i128 = votes.iter().sum();
            quota = held / (seats as i128 + 1) + 1;
            let reaching: Vec<usize> = (0..c)
                .filter(|&x| state[x] == State::Hopeful && votes[x] >= quota)
                .collect();
            let ordered = order(reaching, &votes, &history, &mut lot, &mut decided_by);
            for &x in ordered.iter().take(seats - elected.len()) {
                state[x] = State::Elected;
                elected.push(x);
                newly.push(x);
            }
            if elected.len() == seats {
                break;
            }
            let surplus: i128 = (0..c)
                .filter(|&x| state[x] == State::Elected)
                .map(|x| (votes[x] - quota).max(0))
                .sum();
            if ordered.is_empty()
                && (surplus <= SURPLUS_LIMIT || surplus >= previous || passes >= MAX_PASSES)
            {
                break;
            }
            previous = if ordered.is_empty() {
                surplus
            } else {
                i128::MAX
            };
            for x in (0..c).filter(|&x| state[x] == State::Elected) {
                if votes[x] > 0 {
                    keep[x] = ((keep[x] * quota + votes[x] - 1) / votes[x]).min(ONE);
                }
            }
        }
        let hopeful: Vec<usize> = (0..c).filter(|&x| state[x] == State::Hopeful).collect();
        let finished = elected.len() == seats || hopeful.len() <= seats - elected.len();
        if finished && elected.len() < seats {
            let rest = order(hopeful.clone(), &votes, &history, &mut lot, &mut decided_by);
            for &x in &rest {
                state[x] = State::Elected;
            }
            elected.extend_from_slice(&rest);
            newly.extend_from_slice(&rest);
        }
        let transfer = excluded.map(|from| {
            let before = history.last().expect("an exclusion follows a round");
            let mut to: Vec<Decimal> = votes.iter().zip(before).map(|(v, b)| dec(v - b)).collect();
            to[from] = dec(-before[from]);
            let exhausted_before = rounds.last().map_or(0, |r: &StvRound| r.exhausted.units);
            Transfer {
                from,
                kind: TransferKind::Exclusion,
                to,
                non_transferable: dec(excess - exhausted_before),
                rounding_loss: dec(0),
            }
        });
        rounds.push(StvRound {
            transfer,
            votes: votes.iter().map(|&v| dec(v)).collect(),
            quota: dec(quota),
            exhausted: dec(excess),
            elected: newly,
            keep_factors: Some(keep.iter().map(|&k| dec(k)).collect()),
            iterations: Some(passes),
            decided_by,
        });
        if finished {
            break;
        }
        history.push(votes.clone());
        let lowest = extremes(hopeful.iter().copied(), |x| votes[x], Pick::Lowest);
        let (out, how) = break_tie(
            &lowest,
            &history,
            Direction::Backwards,
            Pick::Lowest,
            &mut lot,
        );
        if let Some(last) = rounds.last_mut() {
            last.decided_by = last.decided_by.and(how);
        }
        state[out] = State::Excluded;
        keep[out] = 0;
        excluded = Some(out);
    }
    Ok(StvResult {
        variant: StvVariant::Meek,
        seats,
        elected,
        quota: dec(quota),
        rounds,
        cast: 0,
        quorum_met: true,
        decided_by: DecidedBy::Count,
    })
}

/// Orders candidates by votes, highest first, ties broken backwards then by lot.
fn order(
    mut group: Vec<usize>,
    votes: &[i128],
    history: &[Vec<i128>],
    lot: &mut Lot,
    by: &mut DecidedBy,
) -> Vec<usize> {
    let mut out = Vec::with_capacity(group.len());
    while !group.is_empty() {
        let top = extremes(group.iter().copied(), |c| votes[c], Pick::Highest);
        let (c, how) = break_tie(&top, history, Direction::Backwards, Pick::Highest, lot);
        *by = by.and(how);
        out.push(c);
        group.retain(|&g| g != c);
    }
    out
}
