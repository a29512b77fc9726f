//! Score ballots in compact form: one row of `u8` scores per ballot, identical ballots grouped.

use std::collections::HashMap;

use super::MAX_CANDIDATES;
use crate::{TallyError, Weight, Weighted, ballot::ScoreBallot};

/// Many score ballots: ballot `i` is `scores[i * candidates..(i + 1) * candidates]`, counted
/// `weights[i]` times. Every score is at most `max`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreBallots {
    candidates: usize,
    max: u8,
    scores: Vec<u8>,
    weights: Vec<Weight>,
}

impl ScoreBallots {
    /// An empty set of ballots over `candidates` candidates, scores from 0 to `max`.
    pub fn new(candidates: usize, max: u8) -> Result<Self, TallyError> {
        if candidates > MAX_CANDIDATES {
            return Err(TallyError::TooManyCandidates {
                candidates,
                max: MAX_CANDIDATES,
            });
        }
        Ok(Self {
            candidates,
            max,
            scores: Vec::new(),
            weights: Vec::new(),
        })
    }

    /// Compact, grouped ballots from plain ones.
    pub fn from_ballots<'a>(
        candidates: usize,
        max: u8,
        ballots: impl IntoIterator<Item = &'a Weighted<ScoreBallot>>,
    ) -> Result<Self, TallyError> {
        let mut out = Self::new(candidates, max)?;
        for b in ballots {
            out.push(&b.ballot.scores, b.weight)?;
        }
        Ok(out.grouped())
    }

    /// Adds a ballot with one score per candidate.
    pub fn push(&mut self, scores: &[u8], weight: Weight) -> Result<(), TallyError> {
        if scores.len() != self.candidates {
            return Err(TallyError::WrongBallotLength {
                got: scores.len(),
                candidates: self.candidates,
            });
        }
        if let Some(&s) = scores.iter().find(|&&s| s > self.max) {
            return Err(TallyError::ScoreAboveMax {
                score: s as u32,
                max: self.max,
            });
        }
        self.scores.extend_from_slice(scores);
        self.weights.push(weight);
        Ok(())
    }

    /// The same ballots with identical ones merged, in order of first appearance.
    pub fn grouped(&self) -> Self {
        let mut index: HashMap<&[u8], usize> = HashMap::new();
        let mut out = Self::new(self.candidates, self.max).expect("candidates already checked");
        for i in 0..self.len() {
            let row = self.ballot(i);
            match index.get(row) {
                Some(&g) => out.weights[g] += self.weights[i],
                None => {
                    index.insert(row, out.weights.len());
                    out.scores.extend_from_slice(row);
                    out.weights.push(self.weights[i]);
                }
            }
        }
        out
    }

    /// Number of candidates.
    pub fn candidates(&self) -> usize {
        self.candidates
    }

    /// The highest score allowed.
    pub fn max(&self) -> u8 {
        self.max
    }

    /// Number of stored ballots (groups, once grouped).
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether no ballot is stored.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Ballot `i`'s scores.
    #[inline]
    pub fn ballot(&self, i: usize) -> &[u8] {
        &self.scores[i * self.candidates..(i + 1) * self.candidates]
    }

    /// All scores, ballot after ballot.
    pub fn scores(&self) -> &[u8] {
        &self.scores
    }

    /// All weights, in ballot order.
    pub fn weights(&self) -> &[Weight] {
        &self.weights
    }
}
