//! Council democracy in the database: delegation rules, elections and delegates, mandates,
//! votes against them, recalls and referendums (seats themselves are in
//! `democracy::seating`).

mod recall;
mod rows;
pub(crate) mod seating;

pub(crate) use recall::recall_in;

use crate::motion::{insert_motion, refused};
use crate::{Db, backend_error, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    ContraryVote, DelegateRecord, DemocracyStore, ElectionRecord, MandateMotionRecord,
    MandateRecord, MotionRecord, RecallFollowUp, RecallRecord,
};
use councils_domain::motion::Phase;
use councils_domain::{
    CouncilId, DelegateId, DelegationRules, MemberId, MinutesEvent, MotionId, RecallId,
    RecallState, RecallStep,
};
use rows::{DelegateRow, MandateRow, RulesRow, delegate_columns, mandate_columns};
use sqlx::AnyConnection;

pub(crate) async fn rules_in(
    conn: &mut AnyConnection,
    council: &CouncilId,
) -> Result<DelegationRules, StoreError> {
    let row: Option<RulesRow> = sqlx::query_as(
        "select term_cap, mandate_policy, recall_threshold, recall_num, recall_den, recall_mode,
             vote_weighting
         from delegation_rules where council_id = $1",
    )
    .bind(council.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    row.map(DelegationRules::try_from)
        .transpose()
        .map(Option::unwrap_or_default)
}

pub(crate) async fn election_in(
    conn: &mut AnyConnection,
    motion: &MotionId,
) -> Result<Option<ElectionRecord>, StoreError> {
    let row: Option<(String, String, i64, i64)> = sqlx::query_as(
        "select constituent_id, parent_id, term_months, by_election from election
         where motion_id = $1",
    )
    .bind(motion.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    let Some((constituent, parent, months, by_election)) = row else {
        return Ok(None);
    };
    let candidates: Vec<(String,)> = sqlx::query_as(
        "select member_id from election_candidate where motion_id = $1 order by position",
    )
    .bind(motion.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(Some(ElectionRecord {
        motion_id: motion.clone(),
        constituent_id: CouncilId::new(constituent),
        parent_id: CouncilId::new(parent),
        term_months: u32::try_from(months).map_err(|_| crate::rows::corrupt("term"))?,
        candidates: candidates
            .into_iter()
            .map(|(m,)| MemberId::new(m))
            .collect(),
        by_election: by_election != 0,
    }))
}

/// Stores an election motion and its record; minuted as proposed when it has a mover.
pub(crate) async fn insert_election_motion(
    conn: &mut AnyConnection,
    motion: &MotionRecord,
    election: &ElectionRecord,
) -> Result<(), StoreError> {
    if motion.options.len() != election.candidates.len() || motion.texts.is_empty() {
        return Err(refused("an election whose candidates are not its options"));
    }
    insert_motion(conn, motion).await?;
    sqlx::query(
        "insert into election (motion_id, constituent_id, parent_id, term_months, by_election)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(election.motion_id.as_str())
    .bind(election.constituent_id.as_str())
    .bind(election.parent_id.as_str())
    .bind(i64::from(election.term_months))
    .bind(i64::from(election.by_election))
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    for (position, member) in election.candidates.iter().enumerate() {
        sqlx::query(
            "insert into election_candidate (motion_id, position, member_id) values ($1, $2, $3)",
        )
        .bind(election.motion_id.as_str())
        .bind(position as i64)
        .bind(member.as_str())
        .execute(&mut *conn)
        .await
        .map_err(backend_error)?;
    }
    if let Some(by) = &motion.mover {
        let event = MinutesEvent::MotionProposed {
            motion: motion.id.clone(),
            by: by.clone(),
            title: motion.texts[0].title().to_string(),
        };
        minutes::append(conn, &motion.council_id, motion.created_at, &event).await?;
    }
    Ok(())
}

pub(crate) async fn load_delegates_in(
    conn: &mut AnyConnection,
    council: &CouncilId,
) -> Result<Vec<DelegateRecord>, StoreError> {
    let rows: Vec<DelegateRow> = sqlx::query_as(concat!(
        "select ",
        delegate_columns!(),
        " from delegate d join member m on m.member_id = d.member_id
         where d.constituent_id = $1 or d.parent_id = $1
         order by d.term_starts_at desc, d.delegate_id"
    ))
    .bind(council.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    rows.into_iter().map(DelegateRecord::try_from).collect()
}

pub(crate) async fn delegate_in(
    conn: &mut AnyConnection,
    id: &DelegateId,
) -> Result<Option<DelegateRecord>, StoreError> {
    let row: Option<DelegateRow> = sqlx::query_as(concat!(
        "select ",
        delegate_columns!(),
        " from delegate d join member m on m.member_id = d.member_id where d.delegate_id = $1"
    ))
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    row.map(DelegateRecord::try_from).transpose()
}

#[async_trait]
impl DemocracyStore for Db {
    async fn delegation_rules(&self, council: &CouncilId) -> Result<DelegationRules, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        rules_in(&mut conn, council).await
    }

    async fn set_delegation_rules(
        &self,
        council: &CouncilId,
        rules: &DelegationRules,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError> {
        let (num, den) = rules.recall.threshold.numbers();
        let mut tx = self.begin().await?;
        sqlx::query(
            "insert into delegation_rules (council_id, term_cap, mandate_policy, recall_threshold,
                 recall_num, recall_den, recall_mode, vote_weighting)
             values ($1, $2, $3, $4, $5, $6, $7, $8)
             on conflict (council_id) do update set term_cap = excluded.term_cap,
                 mandate_policy = excluded.mandate_policy,
                 recall_threshold = excluded.recall_threshold, recall_num = excluded.recall_num,
                 recall_den = excluded.recall_den, recall_mode = excluded.recall_mode,
                 vote_weighting = excluded.vote_weighting",
        )
        .bind(council.as_str())
        .bind(rules.term_cap.terms().map(i64::from))
        .bind(rules.mandate_policy.code())
        .bind(rules.recall.threshold.code())
        .bind(num.map(i64::from))
        .bind(den.map(i64::from))
        .bind(rules.recall.mode.code())
        .bind(rules.vote_weighting.code())
        .execute(&mut *tx)
        .await
        .map_err(crate::motion::missing_or_backend)?;
        let event = MinutesEvent::DelegationRulesChanged {
            by: by.clone(),
            term_cap: rules.term_cap.terms(),
            mandate_policy: rules.mandate_policy,
            recall_threshold: rules.recall.threshold,
            recall_mode: rules.recall.mode,
            vote_weighting: rules.vote_weighting,
        };
        minutes::append(&mut tx, council, at, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn create_election(
        &self,
        motion: &MotionRecord,
        election: &ElectionRecord,
    ) -> Result<(), StoreError> {
        if !matches!(motion.phase, Phase::Draft | Phase::Discussion) {
            return Err(refused("a new election past discussion"));
        }
        let mut tx = self.begin().await?;
        insert_election_motion(&mut tx, motion, election).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn election(&self, motion: &MotionId) -> Result<Option<ElectionRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        election_in(&mut conn, motion).await
    }

    async fn delegates_of(&self, council: &CouncilId) -> Result<Vec<DelegateRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        load_delegates_in(&mut conn, council).await
    }

    async fn delegate(&self, id: &DelegateId) -> Result<Option<DelegateRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        delegate_in(&mut conn, id).await
    }

    async fn create_mandate_motion(
        &self,
        motion: &MotionRecord,
        link: &MandateMotionRecord,
    ) -> Result<(), StoreError> {
        let by = motion
            .mover
            .clone()
            .ok_or_else(|| refused("a mandate motion without its mover"))?;
        let first = motion
            .texts
            .first()
            .ok_or_else(|| refused("a motion without a text"))?;
        let mut tx = self.begin().await?;
        insert_motion(&mut tx, motion).await?;
        sqlx::query(
            "insert into mandate_motion (motion_id, for_motion_id, constituent_id)
             values ($1, $2, $3)",
        )
        .bind(link.motion_id.as_str())
        .bind(link.for_motion_id.as_str())
        .bind(link.constituent_id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(crate::motion::missing_or_backend)?;
        let event = MinutesEvent::MotionProposed {
            motion: motion.id.clone(),
            by,
            title: first.title().to_string(),
        };
        minutes::append(&mut tx, &motion.council_id, motion.created_at, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn mandate_motion(
        &self,
        motion: &MotionId,
    ) -> Result<Option<MandateMotionRecord>, StoreError> {
        let row: Option<(String, String)> = sqlx::query_as(
            "select for_motion_id, constituent_id from mandate_motion where motion_id = $1",
        )
        .bind(motion.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(row.map(|(for_motion, constituent)| MandateMotionRecord {
            motion_id: motion.clone(),
            for_motion_id: MotionId::new(for_motion),
            constituent_id: CouncilId::new(constituent),
        }))
    }

    async fn mandate_motions_for(
        &self,
        for_motion: &MotionId,
    ) -> Result<Vec<MandateMotionRecord>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as(
            "select mm.motion_id, mm.constituent_id from mandate_motion mm
             join motion m on m.motion_id = mm.motion_id
             where mm.for_motion_id = $1 order by m.created_at desc, mm.motion_id",
        )
        .bind(for_motion.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows
            .into_iter()
            .map(|(motion, constituent)| MandateMotionRecord {
                motion_id: MotionId::new(motion),
                for_motion_id: for_motion.clone(),
                constituent_id: CouncilId::new(constituent),
            })
            .collect())
    }

    async fn mandate(
        &self,
        for_motion: &MotionId,
        constituent: &CouncilId,
    ) -> Result<Option<MandateRecord>, StoreError> {
        let row: Option<MandateRow> = sqlx::query_as(concat!(
            "select ",
            mandate_columns!(),
            " from mandate where for_motion_id = $1 and constituent_id = $2"
        ))
        .bind(for_motion.as_str())
        .bind(constituent.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        row.map(MandateRecord::try_from).transpose()
    }

    async fn mandates_of(&self, constituent: &CouncilId) -> Result<Vec<MandateRecord>, StoreError> {
        let rows: Vec<MandateRow> = sqlx::query_as(concat!(
            "select ",
            mandate_columns!(),
            " from mandate where constituent_id = $1 order by decided_at desc, for_motion_id"
        ))
        .bind(constituent.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(MandateRecord::try_from).collect()
    }

    async fn mandates_for(&self, for_motion: &MotionId) -> Result<Vec<MandateRecord>, StoreError> {
        let rows: Vec<MandateRow> = sqlx::query_as(concat!(
            "select ",
            mandate_columns!(),
            " from mandate where for_motion_id = $1 order by constituent_id"
        ))
        .bind(for_motion.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(MandateRecord::try_from).collect()
    }

    async fn record_contrary(
        &self,
        vote: &ContraryVote,
        recall: Option<&RecallRecord>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let delegate = delegate_in(&mut tx, &vote.delegate_id)
            .await?
            .ok_or(StoreError::NotFound)?;
        let inserted = sqlx::query(
            "insert into contrary_vote (delegate_id, motion_id, voted_at) values ($1, $2, $3)
             on conflict (delegate_id, motion_id) do nothing",
        )
        .bind(vote.delegate_id.as_str())
        .bind(vote.motion_id.as_str())
        .bind(vote.at)
        .execute(&mut *tx)
        .await
        .map_err(crate::motion::missing_or_backend)?;
        if inserted.rows_affected() == 1 {
            let event = MinutesEvent::VoteAgainstMandate {
                delegate: delegate.id.clone(),
                member: delegate.member_id.clone(),
                motion: vote.motion_id.clone(),
            };
            minutes::append(&mut tx, &delegate.constituent_id, vote.at, &event).await?;
        }
        if let Some(recall) = recall {
            match recall::insert_recall(&mut tx, recall).await {
                // A recall already open keeps collecting; the vote is recorded all the same.
                Err(StoreError::Conflict) | Ok(()) => {}
                Err(other) => return Err(other),
            }
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn contrary_votes(&self, delegate: &DelegateId) -> Result<Vec<ContraryVote>, StoreError> {
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "select motion_id, voted_at from contrary_vote where delegate_id = $1
             order by voted_at desc, motion_id",
        )
        .bind(delegate.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows
            .into_iter()
            .map(|(motion, at)| ContraryVote {
                delegate_id: delegate.clone(),
                motion_id: MotionId::new(motion),
                at,
            })
            .collect())
    }

    async fn start_recall(&self, recall: &RecallRecord) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        recall::insert_recall(&mut tx, recall).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn recall(&self, id: &RecallId) -> Result<Option<RecallRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        recall::recall_in(&mut conn, id).await
    }

    async fn recalls_of(&self, delegate: &DelegateId) -> Result<Vec<RecallRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        recall::recalls_where(&mut conn, recall::RECALLS_OF_DELEGATE, delegate.as_str()).await
    }

    async fn recall_by_vote(&self, motion: &MotionId) -> Result<Option<RecallRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        Ok(
            recall::recalls_where(&mut conn, recall::RECALL_BY_VOTE, motion.as_str())
                .await?
                .into_iter()
                .next(),
        )
    }

    async fn sign_recall(
        &self,
        recall: &RecallId,
        signer: &MemberId,
        at: i64,
        follow: &RecallFollowUp,
    ) -> Result<RecallStep, StoreError> {
        let mut tx = self.begin().await?;
        recall::lock_recall(&mut tx, self.backend, recall).await?;
        let mut record = recall::recall_in(&mut tx, recall)
            .await?
            .ok_or(StoreError::NotFound)?;
        let rules = rules_in(&mut tx, &record.constituent_id).await?.recall;
        let members = recall::active_members_in(&mut tx, &record.constituent_id).await?;
        let step = record.recall.sign(signer.clone(), members, &rules)?;
        sqlx::query(
            "insert into recall_signature (recall_id, member_id, signed_at, position)
             values ($1, $2, $3, $4)",
        )
        .bind(recall.as_str())
        .bind(signer.as_str())
        .bind(at)
        .bind(record.recall.signers().len() as i64)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        match step {
            RecallStep::StillCollecting { .. } => {}
            RecallStep::DelegateRemoved => {
                seating::remove_recalled(&mut tx, recall, at, follow.by_election.as_ref()).await?;
            }
            RecallStep::RecallVoteOpens => {
                recall::open_vote(&mut tx, &record, &follow.recall_vote, at).await?;
            }
        }
        self.commit(tx).await.map_err(backend_error)?;
        Ok(step)
    }

    async fn recall_vote_decided(
        &self,
        recall: &RecallId,
        recalled: bool,
        at: i64,
        by_election: Option<&(MotionRecord, ElectionRecord)>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        recall::lock_recall(&mut tx, self.backend, recall).await?;
        let mut record = recall::recall_in(&mut tx, recall)
            .await?
            .ok_or(StoreError::NotFound)?;
        record.recall.vote_decided(recalled)?;
        if recalled {
            seating::remove_recalled(&mut tx, recall, at, by_election).await?;
        } else {
            seating::set_recall_state(&mut tx, recall, RecallState::Failed).await?;
            let event = MinutesEvent::RecallFailed {
                recall: recall.clone(),
            };
            minutes::append(&mut tx, &record.constituent_id, at, &event).await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn call_referendum(
        &self,
        motion: &MotionId,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let state = crate::motion::lock_motion(&mut tx, self.backend, motion)
            .await?
            .ok_or(StoreError::NotFound)?;
        if !matches!(state.0, Phase::Draft | Phase::Discussion) {
            return Err(StoreError::Conflict);
        }
        let (council,): (String,) =
            sqlx::query_as("select council_id from motion where motion_id = $1")
                .bind(motion.as_str())
                .fetch_one(&mut *tx)
                .await
                .map_err(backend_error)?;
        let inserted = sqlx::query(
            "insert into referendum (motion_id, called_by, called_at) values ($1, $2, $3)
             on conflict (motion_id) do nothing",
        )
        .bind(motion.as_str())
        .bind(by.as_str())
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        if inserted.rows_affected() == 1 {
            // Every base member votes in it: secretly, as in any vote of members.
            sqlx::query("update motion set secrecy = 'secret' where motion_id = $1")
                .bind(motion.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
            let event = MinutesEvent::ReferendumCalled {
                motion: motion.clone(),
                by: by.clone(),
            };
            minutes::append(&mut tx, &CouncilId::new(council), at, &event).await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn is_referendum(&self, motion: &MotionId) -> Result<bool, StoreError> {
        let (count,): (i64,) =
            sqlx::query_as("select count(*) from referendum where motion_id = $1")
                .bind(motion.as_str())
                .fetch_one(&self.read)
                .await
                .map_err(backend_error)?;
        Ok(count > 0)
    }

    async fn in_subtree(&self, council: &CouncilId, member: &MemberId) -> Result<bool, StoreError> {
        let (count,): (i64,) = sqlx::query_as(
            "with recursive subtree (council_id) as (
                 select cast($1 as text)
                 union
                 select l.constituent_id from council_link l
                 join subtree s on l.parent_id = s.council_id
                 where l.status = 'active'
             )
             select count(*) from membership ms
             join subtree s on ms.council_id = s.council_id
             where ms.status = 'active' and ms.member_id = $2",
        )
        .bind(council.as_str())
        .bind(member.as_str())
        .fetch_one(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(count > 0)
    }

    async fn unsettled_recall_votes(&self) -> Result<Vec<MotionId>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "select r.vote_motion_id from recall r join motion m on m.motion_id = r.vote_motion_id
             where r.state = 'vote-opened' and m.phase = 'decided' order by m.decided_at",
        )
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows.into_iter().map(|(id,)| MotionId::new(id)).collect())
    }

    async fn end_expired_terms(&self, now: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        let ended = seating::end_expired(&mut tx, now).await?;
        self.commit(tx).await.map_err(backend_error)?;
        Ok(ended)
    }
}
