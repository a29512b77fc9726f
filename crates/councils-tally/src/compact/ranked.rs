//! Ranked ballots in compact form: candidate numbers flattened into one array with offsets, and
//! identical ballots grouped with their weights summed.

use std::collections::HashMap;

use super::MAX_CANDIDATES;
use crate::{TallyError, Weight, Weighted, ballot::RankedBallot};

/// One entry of a compact ranked ballot: a candidate number in the low 15 bits, and the high
/// bit set when the candidate is ranked equal to the entry before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct RankedEntry(pub u16);

const EQUAL: u16 = 0x8000;

impl RankedEntry {
    /// The 0-based candidate index.
    #[inline]
    pub fn candidate(self) -> usize {
        (self.0 & !EQUAL) as usize
    }

    /// Whether this candidate is ranked equal to the previous entry.
    #[inline]
    pub fn equal_to_previous(self) -> bool {
        self.0 & EQUAL != 0
    }
}

/// Many ranked ballots: `entries[offsets[i]..offsets[i + 1]]` is ballot `i`, counted `weights[i]`
/// times.
#[derive(Debug, Clone)]
pub struct RankedBallots {
    candidates: usize,
    entries: Vec<u16>,
    offsets: Vec<u32>,
    weights: Vec<Weight>,
    has_equal: bool,
    seen: Vec<u32>,
    stamp: u32,
}

impl RankedBallots {
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
            entries: Vec::new(),
            offsets: vec![0],
            weights: Vec::new(),
            has_equal: false,
            seen: vec![0; candidates],
            stamp: 0,
        })
    }

    /// Compact, grouped ballots from plain ones.
    pub fn from_ballots<'a>(
        candidates: usize,
        ballots: impl IntoIterator<Item = &'a Weighted<RankedBallot>>,
    ) -> Result<Self, TallyError> {
        let mut out = Self::new(candidates)?;
        for b in ballots {
            out.push(b.ballot.ranks(), b.weight)?;
        }
        Ok(out.grouped())
    }

    /// Adds a ballot given as groups of equally ranked candidates, most preferred first.
    pub fn push(&mut self, ranks: &[Vec<usize>], weight: Weight) -> Result<(), TallyError> {
        let start = self.entries.len();
        let ballot_no = self.next_stamp();
        for group in ranks {
            for (i, &c) in group.iter().enumerate() {
                if let Err(e) = self.check(c, ballot_no) {
                    self.entries.truncate(start);
                    return Err(e);
                }
                let flag = if i > 0 { EQUAL } else { 0 };
                self.has_equal |= i > 0;
                self.entries.push(c as u16 | flag);
            }
        }
        self.finish(weight);
        Ok(())
    }

    /// Adds a ballot ranking one candidate per rank, most preferred first.
    pub fn push_strict(&mut self, order: &[usize], weight: Weight) -> Result<(), TallyError> {
        let start = self.entries.len();
        let ballot_no = self.next_stamp();
        for &c in order {
            if let Err(e) = self.check(c, ballot_no) {
                self.entries.truncate(start);
                return Err(e);
            }
            self.entries.push(c as u16);
        }
        self.finish(weight);
        Ok(())
    }

    fn next_stamp(&mut self) -> u32 {
        if self.stamp == u32::MAX {
            self.seen.fill(0);
            self.stamp = 0;
        }
        self.stamp += 1;
        self.stamp
    }

    fn check(&mut self, c: usize, ballot_no: u32) -> Result<(), TallyError> {
        if c >= self.candidates {
            return Err(TallyError::UnknownCandidate {
                candidate: c,
                candidates: self.candidates,
            });
        }
        if self.seen[c] == ballot_no {
            return Err(TallyError::DuplicateCandidate { candidate: c });
        }
        self.seen[c] = ballot_no;
        Ok(())
    }

    fn finish(&mut self, weight: Weight) {
        self.offsets.push(self.entries.len() as u32);
        self.weights.push(weight);
    }

    /// The same ballots with identical ones merged into one entry whose weight is the sum,
    /// in order of first appearance.
    pub fn grouped(&self) -> Self {
        let mut index: HashMap<&[u16], usize> = HashMap::with_capacity(self.weights.len() / 4);
        let mut out = Self::new(self.candidates).expect("candidates already checked");
        out.has_equal = self.has_equal;
        for i in 0..self.weights.len() {
            let entries = self.raw(i);
            match index.get(entries) {
                Some(&g) => out.weights[g] += self.weights[i],
                None => {
                    index.insert(entries, out.weights.len());
                    out.entries.extend_from_slice(entries);
                    out.finish(self.weights[i]);
                }
            }
        }
        out
    }

    #[inline]
    fn raw(&self, i: usize) -> &[u16] {
        &self.entries[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Number of candidates.
    pub fn candidates(&self) -> usize {
        self.candidates
    }

    /// Number of stored ballots (groups, once grouped).
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether no ballot is stored.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Whether any ballot ranks two candidates equal.
    pub fn has_equal_preferences(&self) -> bool {
        self.has_equal
    }

    /// The sum of all weights, empty ballots included.
    pub fn total_weight(&self) -> u64 {
        self.weights.iter().sum()
    }

    /// Ballot `i`'s entries, most preferred first.
    #[inline]
    pub fn ballot(&self, i: usize) -> &[RankedEntry] {
        let raw = self.raw(i);
        // SAFETY: RankedEntry is a repr(transparent) wrapper of u16.
        unsafe { std::slice::from_raw_parts(raw.as_ptr().cast::<RankedEntry>(), raw.len()) }
    }

    /// Ballot `i`'s candidate numbers as stored (the high bit marks an equal preference).
    #[inline]
    pub fn raw_ballot(&self, i: usize) -> &[u16] {
        self.raw(i)
    }

    /// Ballot `i`'s weight.
    #[inline]
    pub fn weight(&self, i: usize) -> Weight {
        self.weights[i]
    }

    /// The same ballots over a subset of candidates: `map[c]` is candidate `c`'s new index, or
    /// `None` to drop it from every ballot (a withdrawn candidate).
    pub fn restricted(&self, map: &[Option<usize>], candidates: usize) -> Result<Self, TallyError> {
        let mut out = Self::new(candidates)?;
        let mut ranks: Vec<Vec<usize>> = Vec::new();
        for i in 0..self.len() {
            ranks.clear();
            // Whether the current group of the original ballot already has a kept candidate.
            let mut group_open = false;
            for e in self.ballot(i) {
                if !e.equal_to_previous() {
                    group_open = false;
                }
                let Some(c) = map[e.candidate()] else {
                    continue;
                };
                match ranks.last_mut() {
                    Some(last) if group_open => last.push(c),
                    _ => ranks.push(vec![c]),
                }
                group_open = true;
            }
            out.push(&ranks, self.weights[i])?;
        }
        Ok(out)
    }
}
