//! Council democracy: a council's delegation rules, its delegates (those it sends up and
//! those it receives) and each delegate's record. Elections, mandates, recalls and the
//! weighing of votes in higher councils are in the submodules.

pub mod election;
pub mod mandate;
pub mod recall;
pub mod voting;

use crate::ports::{
    ContraryVote, DelegateRecord, DelegateStatus, LinkStatus, MandateRecord, MotionRecord,
    RecallRecord,
};
use crate::{Actor, App, AppError};
use councils_domain::{
    Action, Council, CouncilId, DelegateId, DelegationRules, MandatePolicy, MembershipStatus,
    RecallMode, RecallRules, RecallThreshold, Standing, TermCap, VoteWeighting,
};

/// A council's delegates, both ways.
#[derive(Clone, Debug)]
pub struct DelegatesView {
    pub council: Council,
    pub standing: Standing,
    /// Delegates this council elected to its higher councils.
    pub sent: Vec<DelegateRecord>,
    /// Delegates its constituents sent to it.
    pub received: Vec<DelegateRecord>,
    pub rules: DelegationRules,
}

/// A mandate of the delegate's council, with how the delegate voted on its motion.
#[derive(Clone, Debug)]
pub struct MandateLine {
    pub mandate: MandateRecord,
    pub motion: Option<MotionRecord>,
    /// The delegate's open vote (`Choice::encode`), if they voted openly.
    pub vote: Option<String>,
    /// Whether the delegate's vote was counted against the mandate.
    pub contrary: bool,
}

/// One delegate's page.
#[derive(Clone, Debug)]
pub struct DelegateView {
    pub council: Council,
    pub standing: Standing,
    pub delegate: DelegateRecord,
    pub constituent: Council,
    pub parent: Council,
    pub mandates: Vec<MandateLine>,
    /// Votes counted against the mandate, with or without a mandate line above.
    pub contrary: Vec<ContraryVote>,
    pub recalls: Vec<RecallRecord>,
    /// Whether the reader is an active member of the electing council (may start or sign a
    /// recall).
    pub may_recall: bool,
}

/// New delegation rules typed by an organiser.
#[derive(Clone, Debug, Default)]
pub struct RulesForm {
    /// 0 for no cap.
    pub term_cap: u32,
    /// `MandatePolicy::code`.
    pub mandate_policy: String,
    /// `majority`, `count` or `share`.
    pub recall_threshold: String,
    /// The count, or the share's numerator.
    pub recall_num: u32,
    /// The share's denominator.
    pub recall_den: u32,
    /// `RecallMode::code`.
    pub recall_mode: String,
    /// `VoteWeighting::code`.
    pub vote_weighting: String,
}

impl RulesForm {
    fn rules(&self) -> Result<DelegationRules, AppError> {
        let term_cap = match self.term_cap {
            0 => TermCap::None,
            n => TermCap::Consecutive(n),
        };
        term_cap.validate()?;
        let threshold = RecallThreshold::from_code(
            &self.recall_threshold,
            Some(self.recall_num),
            Some(self.recall_den),
        )
        .ok_or(AppError::BadValue)?;
        threshold.validate()?;
        Ok(DelegationRules {
            term_cap,
            mandate_policy: MandatePolicy::from_code(&self.mandate_policy)
                .ok_or(AppError::BadValue)?,
            recall: RecallRules {
                threshold,
                mode: RecallMode::from_code(&self.recall_mode).ok_or(AppError::BadValue)?,
            },
            vote_weighting: VoteWeighting::from_code(&self.vote_weighting)
                .ok_or(AppError::BadValue)?,
        })
    }
}

impl App {
    /// A council's delegates, sent and received, for its active members.
    pub async fn delegates(&self, actor: &Actor, slug: &str) -> Result<DelegatesView, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        let all = self.store.delegates_of(&council.id).await?;
        let (sent, received) = all
            .into_iter()
            .partition(|d: &DelegateRecord| d.constituent_id == council.id);
        Ok(DelegatesView {
            rules: self.store.delegation_rules(&council.id).await?,
            council,
            standing,
            sent,
            received,
        })
    }

    /// The delegate `id` as seen from the council `slug` (the one that elected them, or the
    /// one they sit in), for its active members.
    pub async fn delegate_page(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<DelegateView, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        let delegate = self.delegate_in(&council.id, id).await?;
        let constituent = self.council_named(&delegate.constituent_id).await?;
        let parent = self.council_named(&delegate.parent_id).await?;
        let contrary = self.store.contrary_votes(&delegate.id).await?;
        let mut mandates = Vec::new();
        for mandate in self.store.mandates_of(&delegate.constituent_id).await? {
            let motion = self.store.motion(&mandate.for_motion_id).await?;
            if motion
                .as_ref()
                .is_some_and(|m| m.council_id != delegate.parent_id)
            {
                continue;
            }
            let vote = self
                .store
                .open_votes(&mandate.for_motion_id)
                .await?
                .into_iter()
                .find(|v| v.voter == delegate.member_id)
                .map(|v| v.choice);
            mandates.push(MandateLine {
                contrary: contrary
                    .iter()
                    .any(|c| c.motion_id == mandate.for_motion_id),
                mandate,
                motion,
                vote,
            });
        }
        let may_recall = self
            .store
            .membership(&delegate.constituent_id, &actor.member_id)
            .await?
            .is_some_and(|m| m.status == MembershipStatus::Active);
        Ok(DelegateView {
            recalls: self.store.recalls_of(&delegate.id).await?,
            council,
            standing,
            delegate,
            constituent,
            parent,
            mandates,
            contrary,
            may_recall,
        })
    }

    /// An organiser changes how the council binds, recalls and weighs its delegates.
    pub async fn set_delegation_rules(
        &self,
        actor: &Actor,
        slug: &str,
        form: &RulesForm,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChangeSettings)
            .await?;
        let rules = form.rules()?;
        Ok(self
            .store
            .set_delegation_rules(&council.id, &rules, &actor.member_id, self.now())
            .await?)
    }

    /// The delegate `id` if it was elected by, or sits in, `council`.
    pub(crate) async fn delegate_in(
        &self,
        council: &CouncilId,
        id: &str,
    ) -> Result<DelegateRecord, AppError> {
        self.store
            .delegate(&DelegateId::new(id))
            .await?
            .filter(|d| d.constituent_id == *council || d.parent_id == *council)
            .ok_or(AppError::NotFound)
    }

    pub(crate) async fn council_named(&self, id: &CouncilId) -> Result<Council, AppError> {
        self.store.council(id).await?.ok_or(AppError::NotFound)
    }

    /// The councils `council` sends delegates to through links in force.
    pub(crate) async fn active_parents(
        &self,
        council: &CouncilId,
    ) -> Result<Vec<Council>, AppError> {
        let mut parents = Vec::new();
        for link in self.store.links_of(council).await? {
            if link.constituent == *council && link.status == LinkStatus::Active {
                parents.push(self.council_named(&link.parent).await?);
            }
        }
        parents.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
        Ok(parents)
    }

    /// The constituents of `council` through links in force.
    pub(crate) async fn active_constituents(
        &self,
        council: &CouncilId,
    ) -> Result<Vec<CouncilId>, AppError> {
        let read = async {
            Ok(self
                .store
                .links_of(council)
                .await?
                .into_iter()
                .filter(|l| l.parent == *council && l.status == LinkStatus::Active)
                .map(|l| l.constituent)
                .collect())
        };
        Ok((*self
            .cached(&self.cache.constituents, council.clone(), read)
            .await?)
            .clone())
    }

    /// The active delegates of `constituent` to `parent` whose term is running, in id order
    /// (the order weights are shared in). A term that ran out without a new election leaves
    /// the seat empty: the delegate no longer votes, though their record stays active until
    /// the next election ends it.
    /// Ends the seats of delegates whose term ran out; run by the server beside the retention
    /// sweep. Until then such a delegate already cannot vote (see `sitting_delegates`).
    pub async fn end_expired_terms(&self) -> Result<u64, AppError> {
        Ok(self.store.end_expired_terms(self.now()).await?)
    }

    pub(crate) async fn sitting_delegates(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
    ) -> Result<Vec<DelegateRecord>, AppError> {
        let now = self.now();
        let mut sitting: Vec<DelegateRecord> = self
            .store
            .delegates_of(constituent)
            .await?
            .into_iter()
            .filter(|d| {
                d.constituent_id == *constituent
                    && d.parent_id == *parent
                    && d.status == DelegateStatus::Active
                    && d.term_ends_at > now
            })
            .collect();
        sitting.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(sitting)
    }
}
