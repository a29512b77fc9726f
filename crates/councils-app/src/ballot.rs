//! Ballots: casting one (open or secret), closing a vote, and counting it into a decision.

use crate::ports::{BallotGroup, BallotRecord, MotionRecord};
use crate::{Actor, App, AppError};
use councils_domain::Action;
use councils_domain::motion::{BallotError, Choice, Outcome, Secrecy, count_grouped};
use rand::RngCore;

impl App {
    /// An active member casts (or replaces) their ballot on a motion that is voting. `read`
    /// turns what they filled in into a choice, knowing the motion's method and options (the
    /// motion is read once). Returns once the ballot is durable.
    pub async fn cast_ballot(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        read: impl FnOnce(&MotionRecord) -> Result<Choice, AppError>,
    ) -> Result<(), AppError> {
        let (council, _, motion) = self.motion_for(actor, slug, id, Action::Vote).await?;
        if !motion.phase.takes_ballots() || self.past_close(&motion) {
            return Err(AppError::NotVoting);
        }
        let voter = self.voter(actor, &council, &motion).await?;
        let choice = read(&motion)?;
        choice.validate(&motion.rules.method(), option_count(&motion))?;
        // A delegate's ballot is checked against their council's mandate first: refused, or
        // counted and flagged, as that council chose.
        let contrary = match &voter.seat {
            Some(seat) => self.mandate_check(seat, &motion.id, &choice).await?,
            None => false,
        };
        self.store
            .cast_ballot(BallotRecord {
                ballot_id: self
                    .cipher
                    .ballot_id(motion.id.as_str(), actor.member_id.as_str()),
                motion_id: motion.id.clone(),
                voter: actor.member_id.clone(),
                choice: choice.encode(),
                weight: voter.weight,
                open: motion.rules.secrecy() == Secrecy::Open,
            })
            .await
            .map_err(|e| match e {
                crate::StoreError::Conflict => AppError::NotVoting,
                other => other.into(),
            })?;
        if let (true, Some(seat)) = (contrary, &voter.seat) {
            self.flag_contrary(seat, &motion.id).await?;
        }
        Ok(())
    }

    /// The chair closes voting now and the motion is counted.
    pub async fn close_voting(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<Outcome, AppError> {
        let (_, standing, motion) = self
            .motion_for(actor, slug, id, Action::ProposeMotion)
            .await?;
        if !standing.may(Action::ChairMotions) {
            return Err(AppError::Forbidden);
        }
        self.decide(&motion).await
    }

    /// Closes and counts every motion whose voting time has run out. Run periodically by the
    /// server, beside the retention sweep; returns how many were decided.
    pub async fn close_due_motions(&self) -> Result<usize, AppError> {
        let mut decided = 0;
        for id in self.store.motions_due(self.now()).await? {
            let Some(motion) = self.store.motion(&id).await? else {
                continue;
            };
            match self.decide(&motion).await {
                Ok(_) => decided += 1,
                // Closed by the chair meanwhile.
                Err(AppError::MotionChanged) => {}
                Err(other) => return Err(other),
            }
        }
        // A recall vote is settled (the delegate removed, the by-election opened) just after
        // its count, in a second transaction; one the process stopped between is settled here.
        for id in self.store.unsettled_recall_votes().await? {
            let Some(motion) = self.store.motion(&id).await? else {
                continue;
            };
            let passed = motion.outcome.as_ref().and_then(|o| o.passed()) == Some(true);
            match self.recall_vote_counted(&motion, passed).await {
                // Settled by the chair's own close meanwhile.
                Ok(()) | Err(AppError::Recall(_) | AppError::MotionChanged) => {}
                Err(other) => return Err(other),
            }
        }
        Ok(decided)
    }

    /// Closes voting and counts the box into a decision (recorded in the minutes too). The
    /// store counts inside the transaction that closes the motion, so every ballot
    /// acknowledged before the close is counted, none after, and a motion is counted once.
    async fn decide(&self, motion: &MotionRecord) -> Result<Outcome, AppError> {
        motion.phase.close()?;
        let method = motion.rules.method();
        let options = labels(motion);
        // The seed of any draw by lot, recorded in the outcome so anyone can repeat it.
        let seed = rand::rngs::OsRng.next_u64();
        let count = |stored: &[BallotGroup]| {
            let groups = stored
                .iter()
                .map(|g| Ok((Choice::decode(&method, &g.choice)?, g.weight, g.ballots)))
                .collect::<Result<Vec<_>, BallotError>>()
                .map_err(|e| format!("a stored ballot: {e}"))?;
            count_grouped(&motion.rules, &options, &groups, motion.entitled, seed)
                .map_err(|e| e.to_string())
        };
        let outcome = self.store.decide(&motion.id, self.now(), &count).await?;
        if motion.kind == councils_domain::motion::MotionKind::Recall {
            self.recall_vote_counted(motion, outcome.passed() == Some(true))
                .await?;
        }
        Ok(outcome)
    }

    fn past_close(&self, motion: &MotionRecord) -> bool {
        motion.closes_at.is_some_and(|at| self.now() >= at)
    }
}

/// The options a motion is voted on, as the count names them.
pub fn labels(motion: &MotionRecord) -> Vec<String> {
    if motion.rules.method().has_fixed_options() {
        Vec::new()
    } else {
        motion.options.clone()
    }
}

fn option_count(motion: &MotionRecord) -> usize {
    match motion.rules.method().has_fixed_options() {
        true => 0,
        false => motion.options.len(),
    }
}
