//! Approval ballots in compact form: one bitset per ballot, identical ballots grouped.

use std::collections::HashMap;

use super::MAX_CANDIDATES;
use crate::{TallyError, Weight, Weighted, ballot::ApprovalBallot};

/// Many approval ballots: ballot `i` is the bitset `bits[i * words..(i + 1) * words]` (bit `c`
/// set when candidate `c` is approved), counted `weights[i]` times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalBallots {
    candidates: usize,
    words: usize,
    bits: Vec<u64>,
    weights: Vec<Weight>,
}

impl ApprovalBallots {
    /// An empty set of ballots over `candidates` candidates.
    pub fn new(candidates: usize) -> Result<Self, TallyError> {
        if candidates > MAX_CANDIDATES {
            return Err(TallyError::TooManyCandidates {
                candidates,
                max: MAX_CANDIDATES,
            });
        }
        Ok(Self {
            candidates,
            words: candidates.div_ceil(64).max(1),
            bits: Vec::new(),
            weights: Vec::new(),
        })
    }

    /// Compact, grouped ballots from plain ones.
    pub fn from_ballots<'a>(
        candidates: usize,
        ballots: impl IntoIterator<Item = &'a Weighted<ApprovalBallot>>,
    ) -> Result<Self, TallyError> {
        let mut out = Self::new(candidates)?;
        for b in ballots {
            out.push(&b.ballot.approved, b.weight)?;
        }
        Ok(out.grouped())
    }

    /// Adds a ballot approving the given candidates (approving one twice is approving it once).
    pub fn push(&mut self, approved: &[usize], weight: Weight) -> Result<(), TallyError> {
        let start = self.bits.len();
        self.bits.resize(start + self.words, 0);
        for &c in approved {
            if c >= self.candidates {
                self.bits.truncate(start);
                return Err(TallyError::UnknownCandidate {
                    candidate: c,
                    candidates: self.candidates,
                });
            }
            self.bits[start + c / 64] |= 1 << (c % 64);
        }
        self.weights.push(weight);
        Ok(())
    }

    /// Adds a ballot given directly as a bitset of `words` 64-bit words.
    pub fn push_bits(&mut self, bits: &[u64], weight: Weight) -> Result<(), TallyError> {
        if bits.len() != self.words {
            return Err(TallyError::WrongBallotLength {
                got: bits.len() * 64,
                candidates: self.candidates,
            });
        }
        let last = bits[self.words - 1];
        let used = self.candidates - (self.words - 1) * 64;
        if used < 64 && last >> used != 0 {
            return Err(TallyError::UnknownCandidate {
                candidate: (self.words - 1) * 64 + (63 - last.leading_zeros() as usize),
                candidates: self.candidates,
            });
        }
        self.bits.extend_from_slice(bits);
        self.weights.push(weight);
        Ok(())
    }

    /// The same ballots with identical ones merged, in order of first appearance.
    pub fn grouped(&self) -> Self {
        let mut index: HashMap<&[u64], usize> = HashMap::new();
        let mut out = Self::new(self.candidates).expect("candidates already checked");
        for i in 0..self.len() {
            let bits = self.ballot(i);
            match index.get(bits) {
                Some(&g) => out.weights[g] += self.weights[i],
                None => {
                    index.insert(bits, out.weights.len());
                    out.bits.extend_from_slice(bits);
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

    /// 64-bit words per ballot.
    pub fn words(&self) -> usize {
        self.words
    }

    /// Number of stored ballots (groups, once grouped).
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether no ballot is stored.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Ballot `i`'s bitset.
    #[inline]
    pub fn ballot(&self, i: usize) -> &[u64] {
        &self.bits[i * self.words..(i + 1) * self.words]
    }

    /// All bitsets, ballot after ballot.
    pub fn bits(&self) -> &[u64] {
        &self.bits
    }

    /// All weights, in ballot order.
    pub fn weights(&self) -> &[Weight] {
        &self.weights
    }
}
