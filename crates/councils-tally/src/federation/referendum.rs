//! Referendums: every base member's ballot across a council's whole subtree, each member
//! counted once however many paths lead to their base council.

use serde::{Deserialize, Serialize};

use super::{CouncilId, CouncilIndex, Federation, FederationError, MemberId};
use crate::Weighted;

/// A base council member's ballot in a referendum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberBallot<B> {
    /// The base council the member voted in.
    pub council: CouncilId,
    /// The member.
    pub member: MemberId,
    /// The ballot.
    pub ballot: B,
}

impl Federation {
    /// The base councils in `council`'s subtree (itself, when it is a base council), each
    /// once, found by an iterative walk (no recursion, so depth is no limit).
    pub fn subtree_base_councils(&self, council: CouncilIndex) -> Vec<CouncilIndex> {
        let mut seen = vec![false; self.len()];
        let mut stack = vec![council.0];
        seen[council.0 as usize] = true;
        let mut out = Vec::new();
        while let Some(c) = stack.pop() {
            let c = c as usize;
            if self.is_base[c] {
                out.push(CouncilIndex(c as u32));
                continue;
            }
            for &k in &self.constituents[self.offsets[c] as usize..self.offsets[c + 1] as usize] {
                if !seen[k as usize] {
                    seen[k as usize] = true;
                    stack.push(k);
                }
            }
        }
        out.sort_unstable();
        out
    }

    /// The ballots counted in a referendum of `council`: those cast in a base council of its
    /// subtree, one per member, each of weight 1, ordered by member.
    ///
    /// A member who voted in two base councils of the subtree is counted once, with the
    /// ballot cast in the council with the lowest id; two ballots from one member in one
    /// council are refused. Ballots from outside the subtree are left out.
    pub fn referendum_ballots<B: Clone>(
        &self,
        council: CouncilId,
        ballots: &[MemberBallot<B>],
    ) -> Result<Vec<Weighted<B>>, FederationError> {
        let root = self.index_of(council)?;
        let mut inside = vec![false; self.len()];
        for c in self.subtree_base_councils(root) {
            inside[c.0 as usize] = true;
        }
        let mut kept: Vec<(MemberId, CouncilId, usize)> = Vec::new();
        for (i, b) in ballots.iter().enumerate() {
            if inside[self.index_of(b.council)?.0 as usize] {
                kept.push((b.member, b.council, i));
            }
        }
        kept.sort_unstable();
        for pair in kept.windows(2) {
            if pair[0].0 == pair[1].0 && pair[0].1 == pair[1].1 {
                return Err(FederationError::DuplicateVote(pair[0].1));
            }
        }
        kept.dedup_by_key(|k| k.0);
        Ok(kept
            .into_iter()
            .map(|(_, _, i)| Weighted::one(ballots[i].ballot.clone()))
            .collect())
    }
}
