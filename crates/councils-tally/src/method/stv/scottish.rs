//! Scottish STV (Scottish Local Government Elections Order 2007, schedule 1, rules 45-52): a
//! weighted inclusive Gregory method.
//!
//! Arithmetic: votes are kept in integer units of 0.00001. The quota is the total of valid
//! (non-empty) ballots divided by seats + 1, fraction dropped, plus 1 (rule 46). A surplus is
//! transferred by passing on *all* of the elected candidate's ballot papers, each at
//! `surplus × value when received / candidate's total`, truncated to 5 decimal places (rule
//! 48); a weighted ballot is that many papers, each computed alone, so grouping never changes
//! a result. One surplus is transferred per stage, the largest first. When no surplus is left,
//! the candidate with fewest votes is excluded and all their papers move at their current value.
//! Ties look *forwards*: the candidate with more (or fewer) votes at the earliest stage where
//! the tied candidates differed, then lot.

use super::{StvResult, StvRound, StvVariant, Transfer, TransferKind};
use crate::{
    DecidedBy, TallyError,
    compact::RankedBallots,
    decimal::Decimal,
    tiebreak::{Direction, Lot, Pick, break_tie, extremes},
};

const DECIMALS: u32 = 5;
const SCALE: i128 = 100_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Continuing,
    Elected,
    Excluded,
}

#[derive(Clone, Copy)]
struct Paper {
    ballot: u32,
    pos: u32,
    /// Value of one paper, in units of 0.00001.
    value: i128,
}

struct Count<'a> {
    ballots: &'a RankedBallots,
    state: Vec<State>,
    votes: Vec<i128>,
    piles: Vec<Vec<Paper>>,
    exhausted: i128,
    history: Vec<Vec<i128>>,
    lot: Lot,
}

fn dec(units: i128) -> Decimal {
    Decimal::new(units, DECIMALS)
}

impl Count<'_> {
    /// Moves `papers` on to their next continuing preference, each at `value(old)`; returns
    /// the change per candidate and the non-transferable total.
    fn pass_on(&mut self, papers: Vec<Paper>, value: impl Fn(i128) -> i128) -> (Vec<i128>, i128) {
        let mut moved = vec![0i128; self.votes.len()];
        let mut non_transferable = 0;
        for paper in papers {
            let raw = self.ballots.raw_ballot(paper.ballot as usize);
            let w = self.ballots.weight(paper.ballot as usize) as i128;
            let v = value(paper.value);
            let mut k = paper.pos as usize + 1;
            while k < raw.len() && self.state[raw[k] as usize] != State::Continuing {
                k += 1;
            }
            match raw.get(k) {
                Some(&next) => {
                    moved[next as usize] += w * v;
                    self.piles[next as usize].push(Paper {
                        ballot: paper.ballot,
                        pos: k as u32,
                        value: v,
                    });
                }
                None => non_transferable += w * v,
            }
        }
        for (v, m) in self.votes.iter_mut().zip(&moved) {
            *v += m;
        }
        self.exhausted += non_transferable;
        (moved, non_transferable)
    }

    /// Orders candidates by votes, highest first, ties broken forwards then by lot.
    fn order(&mut self, mut group: Vec<usize>, by: &mut DecidedBy) -> Vec<usize> {
        let mut out = Vec::with_capacity(group.len());
        while !group.is_empty() {
            let top = extremes(group.iter().copied(), |c| self.votes[c], Pick::Highest);
            let (c, how) = break_tie(
                &top,
                &self.history,
                Direction::Forwards,
                Pick::Highest,
                &mut self.lot,
            );
            *by = by.and(how);
            out.push(c);
            group.retain(|&g| g != c);
        }
        out
    }
}

/// Counts by the Scottish rules.
pub(super) fn count(
    ballots: &RankedBallots,
    seats: usize,
    seed: u64,
) -> Result<StvResult, TallyError> {
    let c = ballots.candidates();
    let mut count = Count {
        ballots,
        state: vec![State::Continuing; c],
        votes: vec![0; c],
        piles: vec![Vec::new(); c],
        exhausted: 0,
        history: Vec::new(),
        lot: Lot::new(seed),
    };
    let mut valid: i128 = 0;
    for i in 0..ballots.len() {
        if let Some(&first) = ballots.raw_ballot(i).first() {
            let w = ballots.weight(i) as i128;
            valid += w;
            count.votes[first as usize] += w * SCALE;
            count.piles[first as usize].push(Paper {
                ballot: i as u32,
                pos: 0,
                value: SCALE,
            });
        }
    }
    let quota = (valid / (seats as i128 + 1) + 1) * SCALE;
    let mut elected: Vec<usize> = Vec::new();
    let mut pending: Vec<usize> = Vec::new();
    let mut rounds = Vec::new();
    let mut transfer: Option<Transfer> = None;
    let mut decided_by = DecidedBy::Count;
    loop {
        let reaching: Vec<usize> = (0..c)
            .filter(|&x| count.state[x] == State::Continuing && count.votes[x] >= quota)
            .collect();
        let mut newly = count.order(reaching, &mut decided_by);
        newly.truncate(seats - elected.len());
        for &x in &newly {
            count.state[x] = State::Elected;
            pending.push(x);
        }
        elected.extend_from_slice(&newly);
        let continuing: Vec<usize> = (0..c)
            .filter(|&x| count.state[x] == State::Continuing)
            .collect();
        let finished = elected.len() == seats || continuing.len() <= seats - elected.len();
        if finished && elected.len() < seats {
            let rest = count.order(continuing.clone(), &mut decided_by);
            for &x in &rest {
                count.state[x] = State::Elected;
            }
            newly.extend_from_slice(&rest);
            elected.extend_from_slice(&rest);
        }
        rounds.push(StvRound {
            transfer: transfer.take(),
            votes: count.votes.iter().map(|&v| dec(v)).collect(),
            quota: dec(quota),
            exhausted: dec(count.exhausted),
            elected: newly,
            keep_factors: None,
            iterations: None,
            decided_by: std::mem::replace(&mut decided_by, DecidedBy::Count),
        });
        if finished {
            break;
        }
        count.history.push(count.votes.clone());
        pending.retain(|&x| count.votes[x] > quota);
        if !pending.is_empty() {
            let largest = extremes(pending.iter().copied(), |x| count.votes[x], Pick::Highest);
            let (from, how) = break_tie(
                &largest,
                &count.history,
                Direction::Forwards,
                Pick::Highest,
                &mut count.lot,
            );
            decided_by = decided_by.and(how);
            pending.retain(|&x| x != from);
            let total = count.votes[from];
            let surplus = total - quota;
            let papers = std::mem::take(&mut count.piles[from]);
            let (moved, non_transferable) = count.pass_on(papers, |v| surplus * v / total);
            let passed: i128 = moved.iter().sum::<i128>() + non_transferable;
            count.votes[from] = quota;
            let mut to: Vec<Decimal> = moved.into_iter().map(dec).collect();
            to[from] = dec(-surplus);
            transfer = Some(Transfer {
                from,
                kind: TransferKind::Surplus,
                to,
                non_transferable: dec(non_transferable),
                rounding_loss: dec(surplus - passed),
            });
        } else {
            let lowest = extremes(continuing.iter().copied(), |x| count.votes[x], Pick::Lowest);
            let (from, how) = break_tie(
                &lowest,
                &count.history,
                Direction::Forwards,
                Pick::Lowest,
                &mut count.lot,
            );
            decided_by = decided_by.and(how);
            count.state[from] = State::Excluded;
            let had = count.votes[from];
            let papers = std::mem::take(&mut count.piles[from]);
            let (moved, non_transferable) = count.pass_on(papers, |v| v);
            count.votes[from] = 0;
            let mut to: Vec<Decimal> = moved.into_iter().map(dec).collect();
            to[from] = dec(-had);
            transfer = Some(Transfer {
                from,
                kind: TransferKind::Exclusion,
                to,
                non_transferable: dec(non_transferable),
                rounding_loss: dec(0),
            });
        }
    }
    Ok(StvResult {
        variant: StvVariant::Scottish,
        seats,
        elected,
        quota: dec(quota),
        rounds,
        cast: 0,
        quorum_met: true,
        decided_by: DecidedBy::Count,
    })
}
