//! The federation: asking to send delegates to a higher council, accepting, ending; and the
//! view of a council's place in the whole federation, up to the world council and back down.

use crate::ports::LinkStatus;
use crate::{Actor, App, AppError};
use councils_domain::{Action, Council, CouncilId, FederationGraph};
use std::collections::HashMap;

/// Deepest level the federation browser shows in each direction.
pub const MAX_DEPTH: usize = 8;

/// A council in the federation browser and the councils beside it in one direction.
#[derive(Clone, Debug)]
pub struct FederationNode {
    pub council: Council,
    pub next: Vec<FederationNode>,
}

/// A council's place in the federation.
#[derive(Clone, Debug)]
pub struct FederationView {
    pub council: Council,
    /// The councils it sends delegates to, and theirs, up to the top.
    pub up: Vec<FederationNode>,
    /// Its constituents, and theirs, down to the base.
    pub down: Vec<FederationNode>,
}

impl App {
    /// An organiser of `constituent` asks to send delegates to `parent`.
    pub async fn request_link(
        &self,
        actor: &Actor,
        constituent: &str,
        parent: &str,
    ) -> Result<(), AppError> {
        let (constituent, _) = self
            .council_for_action(actor, constituent, Action::ManageFederation)
            .await?;
        let parent = self.council_by_slug(parent).await?;
        Ok(self
            .store
            .request_link(&constituent.id, &parent.id, &actor.member_id, self.now())
            .await?)
    }

    /// An organiser of `parent` accepts a constituent that asked to join.
    pub async fn accept_link(
        &self,
        actor: &Actor,
        parent: &str,
        constituent: &str,
    ) -> Result<(), AppError> {
        let (parent, _) = self
            .council_for_action(actor, parent, Action::ManageFederation)
            .await?;
        let constituent = self.council_by_slug(constituent).await?;
        Ok(self
            .store
            .accept_link(&constituent.id, &parent.id, &actor.member_id, self.now())
            .await?)
    }

    /// An organiser of either side ends a link (or withdraws or declines a request).
    pub async fn end_link(
        &self,
        actor: &Actor,
        constituent: &str,
        parent: &str,
    ) -> Result<(), AppError> {
        let constituent = self.council_by_slug(constituent).await?;
        let parent = self.council_by_slug(parent).await?;
        let may_constituent = self
            .standing(actor, &constituent)
            .await?
            .may(Action::ManageFederation);
        let may_parent = self
            .standing(actor, &parent)
            .await?
            .may(Action::ManageFederation);
        if !(may_constituent || may_parent) {
            return Err(AppError::Forbidden);
        }
        Ok(self
            .store
            .end_link(&constituent.id, &parent.id, &actor.member_id, self.now())
            .await?)
    }

    /// A council's place in the federation, for any signed-in member.
    pub async fn federation(&self, actor: &Actor, slug: &str) -> Result<FederationView, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::SeeCouncil)
            .await?;
        let councils: HashMap<CouncilId, Council> = self
            .store
            .all_councils()
            .await?
            .into_iter()
            .map(|c| (c.id.clone(), c))
            .collect();
        let graph = FederationGraph::from_links(
            self.store
                .links()
                .await?
                .into_iter()
                .filter(|l| l.status == LinkStatus::Active)
                .map(|l| (l.constituent, l.parent)),
        );
        let up = nodes(&council.id, &councils, &|id| graph.parents_of(id), 0);
        let down = nodes(&council.id, &councils, &|id| graph.constituents_of(id), 0);
        Ok(FederationView { council, up, down })
    }
}

fn nodes<'g>(
    from: &CouncilId,
    councils: &HashMap<CouncilId, Council>,
    next: &dyn Fn(&CouncilId) -> &'g [CouncilId],
    depth: usize,
) -> Vec<FederationNode> {
    if depth >= MAX_DEPTH {
        return Vec::new();
    }
    let mut found: Vec<FederationNode> = next(from)
        .iter()
        .filter_map(|id| councils.get(id))
        .map(|council| FederationNode {
            next: nodes(&council.id, councils, next, depth + 1),
            council: council.clone(),
        })
        .collect();
    found.sort_by(|a, b| a.council.slug.as_str().cmp(b.council.slug.as_str()));
    found
}
