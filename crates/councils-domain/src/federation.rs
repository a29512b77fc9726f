//! The federation: which councils send delegates to which. A directed graph that never has a cycle.

use crate::CouncilId;
use std::collections::{HashMap, HashSet};
use thiserror::Error;

/// Why a federation link was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FederationError {
    #[error("a council cannot send delegates to itself")]
    SelfLink,
    #[error("the link would make a cycle in the federation")]
    Cycle,
    #[error("the councils are already linked")]
    AlreadyLinked,
}

impl FederationError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            FederationError::SelfLink => "federation-self-link",
            FederationError::Cycle => "federation-cycle",
            FederationError::AlreadyLinked => "federation-already-linked",
        }
    }
}

/// The links of a federation: each constituent to the higher councils it sends delegates to.
#[derive(Clone, Debug, Default)]
pub struct FederationGraph {
    parents: HashMap<CouncilId, Vec<CouncilId>>,
    constituents: HashMap<CouncilId, Vec<CouncilId>>,
}

impl FederationGraph {
    /// Builds the graph from `(constituent, parent)` links.
    pub fn from_links(links: impl IntoIterator<Item = (CouncilId, CouncilId)>) -> Self {
        let mut graph = Self::default();
        for (constituent, parent) in links {
            graph.insert(constituent, parent);
        }
        graph
    }

    fn insert(&mut self, constituent: CouncilId, parent: CouncilId) {
        self.parents
            .entry(constituent.clone())
            .or_default()
            .push(parent.clone());
        self.constituents
            .entry(parent)
            .or_default()
            .push(constituent);
    }

    /// The councils `council` sends delegates to.
    pub fn parents_of(&self, council: &CouncilId) -> &[CouncilId] {
        self.parents.get(council).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The councils that send delegates to `council`.
    pub fn constituents_of(&self, council: &CouncilId) -> &[CouncilId] {
        self.constituents
            .get(council)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Checks that `constituent` may send delegates to `parent` without making a cycle.
    pub fn check_link(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
    ) -> Result<(), FederationError> {
        if constituent == parent {
            return Err(FederationError::SelfLink);
        }
        if self.parents_of(constituent).contains(parent) {
            return Err(FederationError::AlreadyLinked);
        }
        // A cycle appears exactly when the constituent is already above the parent.
        if self.ancestors(parent).contains(constituent) {
            return Err(FederationError::Cycle);
        }
        Ok(())
    }

    /// Every council above `council`, following links upward.
    pub fn ancestors(&self, council: &CouncilId) -> HashSet<CouncilId> {
        walk(council, |c| self.parents_of(c))
    }
}

fn walk<'g>(start: &CouncilId, next: impl Fn(&CouncilId) -> &'g [CouncilId]) -> HashSet<CouncilId> {
    let mut seen = HashSet::new();
    let mut stack: Vec<CouncilId> = next(start).to_vec();
    while let Some(council) = stack.pop() {
        if seen.insert(council.clone()) {
            stack.extend(next(&council).iter().cloned());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> CouncilId {
        CouncilId::new(s)
    }

    fn city() -> FederationGraph {
        FederationGraph::from_links([
            (id("garment"), id("city")),
            (id("warehouse"), id("city")),
            (id("boyle"), id("city")),
            (id("garment"), id("strike")),
            (id("city"), id("region")),
            (id("region"), id("world")),
        ])
    }

    #[test]
    fn a_link_that_would_close_a_cycle_is_refused() {
        assert_eq!(
            city().check_link(&id("world"), &id("garment")),
            Err(FederationError::Cycle)
        );
        assert_eq!(
            city().check_link(&id("region"), &id("city")),
            Err(FederationError::Cycle)
        );
    }

    #[test]
    fn a_council_cannot_be_its_own_constituent() {
        assert_eq!(
            city().check_link(&id("city"), &id("city")),
            Err(FederationError::SelfLink)
        );
    }

    #[test]
    fn a_second_identical_link_is_refused() {
        assert_eq!(
            city().check_link(&id("garment"), &id("city")),
            Err(FederationError::AlreadyLinked)
        );
    }

    #[test]
    fn a_committee_may_join_several_higher_councils() {
        assert_eq!(city().check_link(&id("warehouse"), &id("strike")), Ok(()));
        assert_eq!(city().check_link(&id("boyle"), &id("world")), Ok(()));
    }

    #[test]
    fn ancestors_reach_the_world_council() {
        let ancestors = city().ancestors(&id("garment"));
        assert!(ancestors.contains(&id("world")));
        assert!(ancestors.contains(&id("strike")));
        assert!(!ancestors.contains(&id("warehouse")));
    }
}
