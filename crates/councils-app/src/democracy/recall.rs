//! Instant recall: any active member of the electing council starts a recall of its
//! delegate with a reason, members sign once each, and at the council's threshold the
//! delegate is removed at once and a by-election opens (or, if the council chose, a secret
//! recall vote opens).
//!
//! The by-election copies the texts of the election that seated the delegate, for the
//! vacant seats, among the active members who do not sit and may stand; with fewer than two
//! such candidates none opens, and the organisers call one by hand.

use crate::crypto::new_id;
use crate::ports::{
    DelegateRecord, DelegateStatus, ElectionRecord, MotionRecord, RecallFollowUp, RecallRecord,
};
use crate::{Actor, App, AppError};
use councils_domain::motion::{Method, MotionKind, MotionRules, MotionText, Phase, Secrecy};
use councils_domain::{
    Action, Council, Language, MembershipStatus, MotionId, Recall, RecallId, RecallState,
    RecallStep, Standing,
};
use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

/// A reason for a recall may be this long.
pub const REASON_MAX: usize = 2_000;

/// A delegate's recall page.
#[derive(Clone, Debug)]
pub struct RecallView {
    pub council: Council,
    pub standing: Standing,
    pub delegate: DelegateRecord,
    pub parent: Council,
    /// The recall collecting signatures or voting, if any.
    pub open: Option<RecallRecord>,
    /// Active members of the electing council now.
    pub members: u64,
    /// Signatures the threshold needs now.
    pub required: u64,
    pub signed: bool,
}

/// Words for a recall vote in one language: (title, body) for the delegate's handle, the
/// higher council's name and the recall's reason.
pub type RecallWords<'a> =
    dyn Fn(Language, &str, &str, &str) -> (String, String) + Send + Sync + 'a;

impl App {
    /// The recall page of a delegate, for active members of the council that elected them.
    pub async fn recall_page(
        &self,
        actor: &Actor,
        slug: &str,
        delegate: &str,
    ) -> Result<RecallView, AppError> {
        let (council, standing) = self.council_for_action(actor, slug, Action::Vote).await?;
        let delegate = self.delegate_in(&council.id, delegate).await?;
        if delegate.constituent_id != council.id {
            return Err(AppError::NotFound);
        }
        let parent = self.council_named(&delegate.parent_id).await?;
        let open = self
            .store
            .recalls_of(&delegate.id)
            .await?
            .into_iter()
            .find(|r| {
                matches!(
                    r.recall.state(),
                    RecallState::Collecting | RecallState::VoteOpened
                )
            });
        let members = self.active_members(&council).await?;
        let rules = self.store.delegation_rules(&council.id).await?.recall;
        Ok(RecallView {
            signed: open
                .as_ref()
                .is_some_and(|r| r.recall.signers().contains(&actor.member_id)),
            required: rules.threshold.required(members),
            council,
            standing,
            delegate,
            parent,
            open,
            members,
        })
    }

    /// An active member of the electing council starts a recall of its delegate, signing it
    /// first. The threshold may be reached at once (a council of one or two).
    pub async fn start_recall(
        &self,
        actor: &Actor,
        slug: &str,
        delegate: &str,
        reason: &str,
        words: &RecallWords<'_>,
    ) -> Result<RecallStep, AppError> {
        let (council, _) = self.council_for_action(actor, slug, Action::Vote).await?;
        let delegate = self.delegate_in(&council.id, delegate).await?;
        if delegate.constituent_id != council.id || delegate.status != DelegateStatus::Active {
            return Err(AppError::RecallOpen);
        }
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(AppError::FieldMissing);
        }
        if reason.chars().count() > REASON_MAX {
            return Err(AppError::FieldTooLong);
        }
        let id = RecallId::new(new_id());
        self.store
            .start_recall(&RecallRecord {
                id: id.clone(),
                delegate_id: delegate.id,
                constituent_id: council.id,
                reason: reason.to_string(),
                started_by: Some(actor.member_id.clone()),
                started_at: self.now(),
                recall: Recall::new(),
                vote_motion_id: None,
            })
            .await
            .map_err(|e| match e {
                crate::StoreError::Conflict => AppError::RecallOpen,
                other => other.into(),
            })?;
        self.sign(actor, &id, words).await
    }

    /// An active member of the electing council signs the open recall of its delegate.
    pub async fn sign_recall(
        &self,
        actor: &Actor,
        slug: &str,
        delegate: &str,
        words: &RecallWords<'_>,
    ) -> Result<RecallStep, AppError> {
        let view = self.recall_page(actor, slug, delegate).await?;
        let open = view.open.ok_or(AppError::Recall(
            councils_domain::RecallError::NotCollecting,
        ))?;
        self.sign(actor, &open.id, words).await
    }

    async fn sign(
        &self,
        actor: &Actor,
        recall: &RecallId,
        words: &RecallWords<'_>,
    ) -> Result<RecallStep, AppError> {
        let record = self.store.recall(recall).await?.ok_or(AppError::NotFound)?;
        let delegate = self
            .store
            .delegate(&record.delegate_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let follow = self.follow_up(&delegate, &record, words).await?;
        Ok(self
            .store
            .sign_recall(recall, &actor.member_id, self.now(), &follow)
            .await?)
    }

    /// Records a decided recall vote (called after the count): a majority for recall
    /// removes the delegate and opens the by-election.
    pub(crate) async fn recall_vote_counted(
        &self,
        motion: &MotionRecord,
        passed: bool,
    ) -> Result<(), AppError> {
        let Some(record) = self.store.recall_by_vote(&motion.id).await? else {
            return Ok(());
        };
        let delegate = self
            .store
            .delegate(&record.delegate_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let by_election = if passed {
            self.by_election(&delegate).await?
        } else {
            None
        };
        self.store
            .recall_vote_decided(&record.id, passed, self.now(), by_election.as_ref())
            .await?;
        Ok(())
    }

    async fn follow_up(
        &self,
        delegate: &DelegateRecord,
        record: &RecallRecord,
        words: &RecallWords<'_>,
    ) -> Result<RecallFollowUp, AppError> {
        let parent = self.council_named(&delegate.parent_id).await?;
        let constituent = self.council_named(&delegate.constituent_id).await?;
        let texts = Language::ALL
            .iter()
            .map(|&language| {
                let (title, body) = words(
                    language,
                    delegate.handle.as_str(),
                    &parent.name_in(language).name,
                    &record.reason,
                );
                MotionText::new(language, &title, &body)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let rules = MotionRules::new(
            MotionKind::Recall,
            Method::YesNo,
            Quorum::None,
            MajorityRule {
                majority: Majority::Simple,
                base: MajorityBase::VotesCast,
            },
            Secrecy::Secret,
        )?;
        let now = self.now();
        let recall_vote = MotionRecord {
            id: MotionId::new(new_id()),
            council_id: constituent.id.clone(),
            mover: record.started_by.clone(),
            kind: MotionKind::Recall,
            rules,
            options: Vec::new(),
            texts,
            phase: Phase::Voting,
            created_at: now,
            voting_opened_at: Some(now),
            entitled: Some(self.active_members(&constituent).await?),
            closes_at: None,
            decided_at: None,
            outcome: None,
        };
        Ok(RecallFollowUp {
            by_election: self.by_election(delegate).await?,
            recall_vote,
        })
    }

    /// The by-election for `delegate`'s seat once they are gone: see the module's comment.
    async fn by_election(
        &self,
        delegate: &DelegateRecord,
    ) -> Result<Option<(MotionRecord, ElectionRecord)>, AppError> {
        let Some(original) = self.store.election(&delegate.election).await? else {
            return Ok(None);
        };
        let Some(election_motion) = self.store.motion(&delegate.election).await? else {
            return Ok(None);
        };
        let parent = self.council_named(&delegate.parent_id).await?;
        let sitting: Vec<_> = self
            .sitting_delegates(&delegate.constituent_id, &delegate.parent_id)
            .await?
            .into_iter()
            .filter(|d| d.id != delegate.id)
            .collect();
        let seats = self.seats_in(&parent, &delegate.constituent_id).await?;
        let vacant = seats.saturating_sub(sitting.len() as u64).max(1);
        let mut handles = Vec::new();
        for m in self.store.members_of(&delegate.constituent_id).await? {
            let sits = m.member_id == delegate.member_id
                || sitting.iter().any(|d| d.member_id == m.member_id);
            if m.status != MembershipStatus::Active || sits {
                continue;
            }
            let handle = m.handle.to_string();
            if self
                .candidates(
                    &delegate.constituent_id,
                    &delegate.parent_id,
                    std::slice::from_ref(&handle),
                )
                .await
                .is_ok()
            {
                handles.push(handle);
            }
        }
        handles.sort_by_key(|h| h.to_lowercase());
        handles.truncate(councils_domain::motion::OPTIONS_MAX);
        if (handles.len() as u64) <= vacant {
            return Ok(None);
        }
        let candidates = self
            .candidates(&delegate.constituent_id, &delegate.parent_id, &handles)
            .await?;
        let Ok(seats) = u32::try_from(vacant) else {
            return Ok(None);
        };
        match self
            .election_motion(
                &delegate.constituent_id,
                &delegate.parent_id,
                None,
                seats,
                original.term_months,
                handles,
                candidates,
                election_motion.texts.clone(),
            )
            .await
        {
            Ok(pair) => Ok(Some(pair)),
            Err(_) => Ok(None),
        }
    }

    pub(crate) async fn active_members(&self, council: &Council) -> Result<u64, AppError> {
        Ok(self
            .store
            .members_of(&council.id)
            .await?
            .iter()
            .filter(|m| m.status == MembershipStatus::Active)
            .count() as u64)
    }
}
