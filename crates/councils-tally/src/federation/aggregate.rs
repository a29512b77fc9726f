//! A higher council's vote as the tally of its delegates' votes, each weighted by the members
//! represented or one per seat; and the whole federation's mandated result in one pass.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{CouncilId, CouncilIndex, Federation, FederationError};
use crate::{
    Rules, Weighted,
    method::yes_no::{Decision, YesNoCount},
};

/// How much a delegate's vote weighs in the higher council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DelegateWeighting {
    /// The members the delegate represents: the constituent council's members represented,
    /// shared among its seats (when they do not divide evenly, the lowest-numbered seats carry
    /// one member more).
    #[default]
    MembersRepresented,
    /// One per seat.
    OnePerSeat,
}

/// A delegate's vote in a higher council.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegateVote<B> {
    /// The constituent council the delegate was elected by.
    pub from: CouncilId,
    /// The delegate's seat among that council's seats (from 0).
    pub seat: u32,
    /// The delegate's ballot.
    pub ballot: B,
}

/// The mandated result of a yes/no motion at every council of a federation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FederatedTally {
    /// Each council's count, by [`CouncilIndex`].
    pub counts: Vec<YesNoCount>,
    /// Each council's decision, by [`CouncilIndex`].
    pub decisions: Vec<Decision>,
}

impl FederatedTally {
    /// The decision of one council.
    pub fn decision(&self, council: CouncilIndex) -> Decision {
        self.decisions[council.0 as usize]
    }

    /// The count of one council.
    pub fn count(&self, council: CouncilIndex) -> YesNoCount {
        self.counts[council.0 as usize]
    }
}

/// A decision by (quorum met, majority reached).
const OUTCOME: [Decision; 4] = [
    Decision::NoQuorum,
    Decision::NoQuorum,
    Decision::Rejected,
    Decision::Passed,
];

impl Federation {
    /// The weight of the delegate in `seat` of `seats` sent by `from`.
    pub fn delegate_weight(
        &self,
        from: CouncilIndex,
        seats: u32,
        seat: u32,
        weighting: DelegateWeighting,
    ) -> u64 {
        match weighting {
            DelegateWeighting::OnePerSeat => 1,
            DelegateWeighting::MembersRepresented => {
                let r = self.members_represented(from);
                let s = seats.max(1) as u64;
                r / s + u64::from((seat as u64) < r % s)
            }
        }
    }

    /// Delegates' votes in `council` as weighted ballots, ready for any method.
    ///
    /// Each vote must come from a constituent of `council`, from a seat it has, at most once
    /// per seat. The weights do not depend on the order of the votes.
    pub fn delegate_ballots<B: Clone>(
        &self,
        council: CouncilId,
        votes: &[DelegateVote<B>],
        weighting: DelegateWeighting,
    ) -> Result<Vec<Weighted<B>>, FederationError> {
        let to = self.index_of(council)?;
        let seats: HashMap<CouncilIndex, u32> = self.constituents(to).collect();
        let mut used = HashSet::with_capacity(votes.len());
        let mut out = Vec::with_capacity(votes.len());
        for vote in votes {
            let from = self.index_of(vote.from)?;
            let &s = seats.get(&from).ok_or(FederationError::NotAConstituent {
                from: vote.from,
                to: council,
            })?;
            if vote.seat >= s {
                return Err(FederationError::NoSuchSeat {
                    from: vote.from,
                    seat: vote.seat,
                    seats: s,
                });
            }
            if !used.insert((from, vote.seat)) {
                return Err(FederationError::DuplicateVote(vote.from));
            }
            let weight = self.delegate_weight(from, s, vote.seat, weighting);
            out.push(Weighted::new(vote.ballot.clone(), weight));
        }
        Ok(out)
    }

    /// A yes/no motion decided at every council under imperative mandate, in one pass in
    /// topological order.
    ///
    /// `base` holds each council's members' count by [`CouncilIndex`] (ignored for higher
    /// councils). A higher council's delegates vote as their own council decided (yes when it
    /// passed, no when it was rejected, abstain when it lacked quorum), each seat weighted by
    /// `weighting`. Quorum and majority apply at every council, with those entitled being a
    /// base council's members and a higher council's full delegate weight.
    pub fn tally_mandated(
        &self,
        base: &[YesNoCount],
        weighting: DelegateWeighting,
        rules: &Rules,
    ) -> Result<FederatedTally, FederationError> {
        let mut out = FederatedTally {
            counts: Vec::new(),
            decisions: Vec::new(),
        };
        self.tally_mandated_into(base, weighting, rules, &mut out)?;
        Ok(out)
    }

    /// [`Federation::tally_mandated`] into the buffers of an earlier result, so that counting
    /// the same federation again allocates nothing.
    pub fn tally_mandated_into(
        &self,
        base: &[YesNoCount],
        weighting: DelegateWeighting,
        rules: &Rules,
        out: &mut FederatedTally,
    ) -> Result<(), FederationError> {
        let n = self.len();
        if base.len() != n {
            return Err(FederationError::WrongCountLength {
                got: base.len(),
                councils: n,
            });
        }
        // Check the rules once, so that the pass below cannot fail.
        rules.quorum.is_met(0, Some(0))?;
        rules.majority.is_reached(0, 0, Some(0))?;
        let decide = |count: &YesNoCount, entitled: u64| -> Decision {
            let quorum = rules
                .quorum
                .is_met(count.cast(), Some(entitled))
                .unwrap_or(false);
            let reached = rules
                .majority
                .is_reached(count.yes, count.no, Some(entitled))
                .unwrap_or(false);
            OUTCOME[usize::from(quorum) * 2 + usize::from(reached)]
        };
        out.counts.clear();
        out.counts.reserve(n);
        out.decisions.clear();
        out.decisions.reserve(n);
        for (c, &own) in base.iter().enumerate() {
            let count = if self.is_base[c] {
                own
            } else {
                // Indexed by decision: delegates vote yes, no or abstain as their council decided.
                let mut by_decision = [0u64; 3];
                let range = self.offsets[c] as usize..self.offsets[c + 1] as usize;
                for (&k, &s) in self.constituents[range.clone()]
                    .iter()
                    .zip(&self.seats[range])
                {
                    let weight = match weighting {
                        DelegateWeighting::MembersRepresented => {
                            self.represented[k as usize] * u64::from(s > 0)
                        }
                        DelegateWeighting::OnePerSeat => s as u64,
                    };
                    by_decision[out.decisions[k as usize] as usize] += weight;
                }
                YesNoCount {
                    yes: by_decision[Decision::Passed as usize],
                    no: by_decision[Decision::Rejected as usize],
                    abstain: by_decision[Decision::NoQuorum as usize],
                }
            };
            let entitled = if self.is_base[c] {
                self.members[c]
            } else {
                count.cast()
            };
            out.decisions.push(decide(&count, entitled));
            out.counts.push(count);
        }
        Ok(())
    }
}
