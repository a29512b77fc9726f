//! The federation graph: base councils with members, higher councils whose constituents are
//! councils, stored flat with a precomputed topological order.

use std::collections::HashMap;

use super::{CouncilId, FederationError};

/// A council's position in a [`Federation`]'s arrays: dense, from 0, in topological order
/// (every constituent has a smaller index than the councils it sends delegates to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CouncilIndex(pub u32);

/// Collects councils and delegations, then checks and freezes them into a [`Federation`].
#[derive(Debug, Default, Clone)]
pub struct FederationBuilder {
    councils: Vec<(CouncilId, Option<u64>)>,
    delegations: Vec<(CouncilId, CouncilId, u32)>,
}

impl FederationBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a base council with its number of members.
    pub fn base(&mut self, id: CouncilId, members: u64) -> &mut Self {
        self.councils.push((id, Some(members)));
        self
    }

    /// Adds a higher council, whose constituents are councils.
    pub fn higher(&mut self, id: CouncilId) -> &mut Self {
        self.councils.push((id, None));
        self
    }

    /// Records that `constituent` sends `seats` delegates to `higher`.
    pub fn delegates(
        &mut self,
        constituent: CouncilId,
        higher: CouncilId,
        seats: u32,
    ) -> &mut Self {
        self.delegations.push((constituent, higher, seats));
        self
    }

    /// Checks the graph (ids unique and known, base councils without constituents, no
    /// cycle) and computes its topological order and members represented.
    pub fn build(&self) -> Result<Federation, FederationError> {
        let n = self.councils.len();
        let mut index = HashMap::with_capacity(n);
        let mut ids = Vec::with_capacity(n);
        let mut members = Vec::with_capacity(n);
        let mut is_base = Vec::with_capacity(n);
        for (i, &(id, m)) in self.councils.iter().enumerate() {
            if index.insert(id, i as u32).is_some() {
                return Err(FederationError::DuplicateCouncil(id));
            }
            ids.push(id);
            members.push(m.unwrap_or(0));
            is_base.push(m.is_some());
        }
        let find = |id: CouncilId| {
            index
                .get(&id)
                .copied()
                .ok_or(FederationError::UnknownCouncil(id))
        };
        let mut offsets = vec![0u32; n + 1];
        let mut resolved = Vec::with_capacity(self.delegations.len());
        for &(from, to, seats) in &self.delegations {
            let (f, t) = (find(from)?, find(to)?);
            if is_base[t as usize] {
                return Err(FederationError::BaseWithConstituents(to));
            }
            offsets[t as usize + 1] += 1;
            resolved.push((f, t, seats));
        }
        for i in 0..n {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut constituents = vec![0u32; resolved.len()];
        let mut seats = vec![0u32; resolved.len()];
        for &(f, t, s) in &resolved {
            let at = fill[t as usize] as usize;
            constituents[at] = f;
            seats[at] = s;
            fill[t as usize] += 1;
        }
        let order = topological_order(n, &offsets, &constituents)
            .map_err(|i| FederationError::Cycle(ids[i]))?;
        // Relabel councils by their topological position, so that a pass over the federation
        // is a linear scan and constituents always have smaller indices than their councils.
        let mut position = vec![0u32; n];
        for (p, &c) in order.iter().enumerate() {
            position[c as usize] = p as u32;
        }
        let ids: Vec<CouncilId> = order.iter().map(|&c| ids[c as usize]).collect();
        let is_base: Vec<bool> = order.iter().map(|&c| is_base[c as usize]).collect();
        let members: Vec<u64> = order.iter().map(|&c| members[c as usize]).collect();
        let mut new_offsets = Vec::with_capacity(n + 1);
        new_offsets.push(0u32);
        let mut new_constituents = Vec::with_capacity(constituents.len());
        let mut new_seats = Vec::with_capacity(seats.len());
        for &c in &order {
            let range = offsets[c as usize] as usize..offsets[c as usize + 1] as usize;
            new_constituents.extend(
                constituents[range.clone()]
                    .iter()
                    .map(|&k| position[k as usize]),
            );
            new_seats.extend_from_slice(&seats[range]);
            new_offsets.push(new_constituents.len() as u32);
        }
        for v in index.values_mut() {
            *v = position[*v as usize];
        }
        let mut represented = members.clone();
        for c in 0..n {
            if !is_base[c] {
                let range = new_offsets[c] as usize..new_offsets[c + 1] as usize;
                represented[c] = new_constituents[range]
                    .iter()
                    .map(|&k| represented[k as usize])
                    .sum();
            }
        }
        Ok(Federation {
            ids,
            index,
            is_base,
            members,
            represented,
            offsets: new_offsets,
            constituents: new_constituents,
            seats: new_seats,
        })
    }
}

/// Kahn's algorithm on the reversed edges: every council after all its constituents.
/// On a cycle, returns a council on it.
fn topological_order(n: usize, offsets: &[u32], constituents: &[u32]) -> Result<Vec<u32>, usize> {
    // parents[c] = councils that have c as a constituent, in CSR form.
    let mut parent_offsets = vec![0u32; n + 1];
    for &k in constituents {
        parent_offsets[k as usize + 1] += 1;
    }
    for i in 0..n {
        parent_offsets[i + 1] += parent_offsets[i];
    }
    let mut fill = parent_offsets.clone();
    let mut parents = vec![0u32; constituents.len()];
    let mut waiting = vec![0u32; n];
    for t in 0..n {
        waiting[t] = offsets[t + 1] - offsets[t];
        for &k in &constituents[offsets[t] as usize..offsets[t + 1] as usize] {
            parents[fill[k as usize] as usize] = t as u32;
            fill[k as usize] += 1;
        }
    }
    let mut order: Vec<u32> = (0..n as u32)
        .filter(|&c| waiting[c as usize] == 0)
        .collect();
    let mut next = 0;
    while next < order.len() {
        let c = order[next] as usize;
        next += 1;
        for &p in &parents[parent_offsets[c] as usize..parent_offsets[c + 1] as usize] {
            waiting[p as usize] -= 1;
            if waiting[p as usize] == 0 {
                order.push(p);
            }
        }
    }
    if order.len() < n {
        return Err((0..n).find(|&c| waiting[c] > 0).unwrap_or(0));
    }
    Ok(order)
}

/// A checked federation of councils, with its topological order precomputed.
#[derive(Debug, Clone)]
pub struct Federation {
    pub(super) ids: Vec<CouncilId>,
    pub(super) index: HashMap<CouncilId, u32>,
    pub(super) is_base: Vec<bool>,
    pub(super) members: Vec<u64>,
    pub(super) represented: Vec<u64>,
    pub(super) offsets: Vec<u32>,
    pub(super) constituents: Vec<u32>,
    pub(super) seats: Vec<u32>,
}

impl Federation {
    /// Number of councils.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there is no council.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The index of a council in this federation's arrays.
    pub fn index_of(&self, id: CouncilId) -> Result<CouncilIndex, FederationError> {
        self.index
            .get(&id)
            .map(|&i| CouncilIndex(i))
            .ok_or(FederationError::UnknownCouncil(id))
    }

    /// The id of the council at `index`.
    pub fn id(&self, index: CouncilIndex) -> CouncilId {
        self.ids[index.0 as usize]
    }

    /// Whether the council is a base council (with members rather than constituents).
    pub fn is_base(&self, index: CouncilIndex) -> bool {
        self.is_base[index.0 as usize]
    }

    /// The members a council represents: a base council's own members; for a higher council
    /// the sum over its constituents. A base council reached by two paths is counted on
    /// each: each path is a separate delegation (a referendum counts each member once).
    pub fn members_represented(&self, index: CouncilIndex) -> u64 {
        self.represented[index.0 as usize]
    }

    /// A council's constituents and the seats each has in it.
    pub fn constituents(
        &self,
        index: CouncilIndex,
    ) -> impl Iterator<Item = (CouncilIndex, u32)> + '_ {
        let c = index.0 as usize;
        let range = self.offsets[c] as usize..self.offsets[c + 1] as usize;
        self.constituents[range.clone()]
            .iter()
            .zip(&self.seats[range])
            .map(|(&k, &s)| (CouncilIndex(k), s))
    }

    /// Every council, each after all of its constituents. Indices are assigned in this
    /// order, so it is simply every index from 0 up.
    pub fn topological_order(&self) -> impl Iterator<Item = CouncilIndex> + '_ {
        (0..self.len() as u32).map(CouncilIndex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_of_councils_is_refused() {
        let mut b = FederationBuilder::new();
        b.higher(CouncilId(1)).higher(CouncilId(2));
        b.delegates(CouncilId(1), CouncilId(2), 1);
        b.delegates(CouncilId(2), CouncilId(1), 1);
        assert!(matches!(b.build(), Err(FederationError::Cycle(_))));
    }

    #[test]
    fn a_base_council_cannot_have_constituents() {
        let mut b = FederationBuilder::new();
        b.base(CouncilId(1), 5).base(CouncilId(2), 5);
        b.delegates(CouncilId(1), CouncilId(2), 1);
        assert_eq!(
            b.build().unwrap_err(),
            FederationError::BaseWithConstituents(CouncilId(2))
        );
    }

    #[test]
    fn constituents_come_before_the_councils_they_send_delegates_to() {
        let mut b = FederationBuilder::new();
        b.higher(CouncilId(9))
            .base(CouncilId(1), 10)
            .base(CouncilId(2), 20);
        b.higher(CouncilId(5));
        b.delegates(CouncilId(1), CouncilId(5), 1)
            .delegates(CouncilId(5), CouncilId(9), 1);
        b.delegates(CouncilId(2), CouncilId(9), 1);
        let f = b.build().unwrap();
        let order: Vec<CouncilId> = f.topological_order().map(|i| f.id(i)).collect();
        let pos = |id| order.iter().position(|&x| x == CouncilId(id)).unwrap();
        assert!(pos(1) < pos(5) && pos(5) < pos(9) && pos(2) < pos(9));
        assert_eq!(f.members_represented(f.index_of(CouncilId(9)).unwrap()), 30);
    }
}
