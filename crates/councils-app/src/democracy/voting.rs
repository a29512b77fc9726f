//! Voting in a higher council: who may vote, with what weight, and the mandate check; and
//! referendums, where every base member below the council votes instead.
//!
//! In a council with constituents (links in force) only the delegates of its constituents
//! vote: a member of the higher council who is no delegate is refused (`delegates-only`),
//! so the entitled weight is exactly the constituents' (their represented members, or their
//! seats under one-per-seat weighting). A member who sits for one constituent cannot stand
//! for another's seat in the same council (`seated-for-another`); one who still holds two
//! (elected by both at the same moment) votes with the seat that sorts first. A council with no constituents votes as a base council: each
//! active member once, weight one. In a referendum everyone active in the subtree votes
//! once, weight one, and no mandate applies.
//!
//! The entitled weight counts every constituent linked when voting opens, whether or not it
//! has delegates sitting: a constituent that has not elected any is counted as absent, as its
//! members would be, so a quorum measures the whole federation.

use crate::ports::{ContraryVote, DelegateRecord, MotionRecord, RecallRecord};
use crate::{Actor, App, AppError};
use councils_domain::motion::{Choice, Phase};
use councils_domain::{
    Action, Council, MembershipStatus, MotionId, Recall, RecallId, VoteDecision, apply_policy,
    check_vote, delegate_weights,
};

/// How one voter's ballot on one motion goes in.
#[derive(Clone, Debug)]
pub(crate) struct Voter {
    pub weight: u64,
    /// The seat the voter votes with, in a council of delegates.
    pub seat: Option<DelegateRecord>,
}

impl App {
    /// Whether `actor` may vote on `motion` of `council`, and with what weight.
    pub(crate) async fn voter(
        &self,
        actor: &Actor,
        council: &Council,
        motion: &MotionRecord,
    ) -> Result<Voter, AppError> {
        let referendum = async { Ok(self.store.is_referendum(&motion.id).await?) };
        if *self
            .cached(&self.cache.referendums, motion.id.clone(), referendum)
            .await?
        {
            return Ok(Voter {
                weight: 1,
                seat: None,
            });
        }
        let constituents = self.active_constituents(&council.id).await?;
        if constituents.is_empty() {
            return Ok(Voter {
                weight: 1,
                seat: None,
            });
        }
        let weighting = self
            .store
            .delegation_rules(&council.id)
            .await?
            .vote_weighting;
        for constituent in constituents {
            let sitting = self.sitting_delegates(&constituent, &council.id).await?;
            let Some(position) = sitting.iter().position(|d| d.member_id == actor.member_id) else {
                continue;
            };
            let represented = self.store.represented_members(&constituent).await?;
            let weights = delegate_weights(weighting, represented, sitting.len());
            return Ok(Voter {
                weight: weights[position],
                seat: Some(sitting[position].clone()),
            });
        }
        Err(AppError::DelegatesOnly)
    }

    /// Checks a delegate's choice against their council's mandate under its policy:
    /// `Err` refuses the ballot; `Ok(true)` counts it flagged, against the mandate.
    pub(crate) async fn mandate_check(
        &self,
        seat: &DelegateRecord,
        motion: &MotionId,
        choice: &Choice,
    ) -> Result<bool, AppError> {
        let mandate = self.store.mandate(motion, &seat.constituent_id).await?;
        let check = check_vote(mandate.as_ref().map(|m| &m.choice), choice);
        let policy = self
            .store
            .delegation_rules(&seat.constituent_id)
            .await?
            .mandate_policy;
        Ok(matches!(
            apply_policy(policy, check)?,
            VoteDecision::AcceptFlagged { .. }
        ))
    }

    /// Records a counted vote against the mandate, and opens a recall of the delegate.
    pub(crate) async fn flag_contrary(
        &self,
        seat: &DelegateRecord,
        motion: &MotionId,
    ) -> Result<(), AppError> {
        let now = self.now();
        let recall = RecallRecord {
            id: RecallId::new(crate::crypto::new_id()),
            delegate_id: seat.id.clone(),
            constituent_id: seat.constituent_id.clone(),
            reason: String::new(),
            started_by: None,
            started_at: now,
            recall: Recall::new(),
            vote_motion_id: None,
        };
        self.store
            .record_contrary(
                &ContraryVote {
                    delegate_id: seat.id.clone(),
                    motion_id: motion.clone(),
                    at: now,
                },
                Some(&recall),
            )
            .await?;
        Ok(())
    }

    /// The weight entitled to vote on `motion` when voting opens: see the module's comment.
    pub(crate) async fn entitled(
        &self,
        council: &Council,
        motion: &MotionRecord,
    ) -> Result<u64, AppError> {
        if self.store.is_referendum(&motion.id).await? {
            return Ok(self.store.represented_members(&council.id).await?);
        }
        let constituents = self.active_constituents(&council.id).await?;
        if constituents.is_empty() {
            return self.active_members(council).await;
        }
        let weighting = self
            .store
            .delegation_rules(&council.id)
            .await?
            .vote_weighting;
        let mut total = 0;
        for constituent in constituents {
            let represented = self.store.represented_members(&constituent).await?;
            total += match weighting {
                councils_domain::VoteWeighting::Members => represented,
                councils_domain::VoteWeighting::Seats => {
                    council.settings.seat_rule.seats(represented)
                }
            };
        }
        Ok(total)
    }

    /// A chair of a higher council puts a motion (before voting) to a referendum of every
    /// base member below it.
    pub async fn call_referendum(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(), AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChairMotions)
            .await?;
        let motion = self
            .store
            .motion(&MotionId::new(id))
            .await?
            .filter(|m| m.council_id == council.id)
            .ok_or(AppError::NotFound)?;
        if !matches!(motion.phase, Phase::Draft | Phase::Discussion)
            || self.active_constituents(&council.id).await?.is_empty()
        {
            return Err(AppError::NoReferendum);
        }
        self.store
            .call_referendum(&motion.id, &actor.member_id, self.now())
            .await
            .map_err(|e| match e {
                crate::StoreError::Conflict => AppError::NoReferendum,
                other => other.into(),
            })
    }

    /// Whether `actor` may see and vote on `motion` of `council` as a base member below it
    /// in a referendum (when not an active member of the council itself).
    pub(crate) async fn referendum_voter(
        &self,
        actor: &Actor,
        council: &Council,
        motion: &MotionRecord,
    ) -> Result<bool, AppError> {
        if motion.phase == Phase::Draft || !self.store.is_referendum(&motion.id).await? {
            return Ok(false);
        }
        let own = self
            .store
            .membership(&council.id, &actor.member_id)
            .await?
            .is_some_and(|m| m.status == MembershipStatus::Active);
        Ok(!own && self.store.in_subtree(&council.id, &actor.member_id).await?)
    }
}
