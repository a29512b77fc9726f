//! Recalls in the database: reading them with their signatures, starting one, locking one
//! while it is signed, and opening a recall vote.

use super::delegate_in;
use crate::motion::{insert_motion, refused};
use crate::{backend_error, minutes};
use councils_app::StoreError;
use councils_app::ports::{MotionRecord, RecallRecord};
use councils_domain::motion::Phase;
use councils_domain::{
    CouncilId, DelegateId, MemberId, MinutesEvent, MotionId, Recall, RecallId, RecallState,
};
use sqlx::AnyConnection;

type RecallRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    i64,
    String,
    Option<String>,
);

macro_rules! recall_columns {
    () => {
        "recall_id, delegate_id, constituent_id, reason, started_by, started_at, state, \
         vote_motion_id"
    };
}

/// Recalls selected by one filter with one parameter, newest first.
macro_rules! recalls {
    ($filter:literal) => {
        concat!(
            "select ",
            recall_columns!(),
            " from recall where ",
            $filter,
            " order by started_at desc, recall_id"
        )
    };
}

const RECALL_BY_ID: &str = recalls!("recall_id = $1");
pub(super) const RECALLS_OF_DELEGATE: &str = recalls!("delegate_id = $1");
pub(super) const RECALL_BY_VOTE: &str = recalls!("vote_motion_id = $1");

pub(super) async fn recalls_where(
    conn: &mut AnyConnection,
    query: &'static str,
    key: &str,
) -> Result<Vec<RecallRecord>, StoreError> {
    let rows: Vec<RecallRow> = sqlx::query_as(query)
        .bind(key)
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
    let mut recalls = Vec::with_capacity(rows.len());
    for (id, delegate, constituent, reason, started_by, started_at, state, vote) in rows {
        let signers: Vec<(String,)> = sqlx::query_as(
            "select member_id from recall_signature where recall_id = $1 order by position",
        )
        .bind(&id)
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        let state =
            RecallState::from_code(&state).ok_or_else(|| crate::rows::corrupt("recall state"))?;
        recalls.push(RecallRecord {
            id: RecallId::new(id),
            delegate_id: DelegateId::new(delegate),
            constituent_id: CouncilId::new(constituent),
            reason,
            started_by: started_by.map(MemberId::new),
            started_at,
            recall: Recall::from_stored(
                state,
                signers.into_iter().map(|(m,)| MemberId::new(m)).collect(),
            ),
            vote_motion_id: vote.map(MotionId::new),
        });
    }
    Ok(recalls)
}

pub(crate) async fn recall_in(
    conn: &mut AnyConnection,
    id: &RecallId,
) -> Result<Option<RecallRecord>, StoreError> {
    Ok(recalls_where(conn, RECALL_BY_ID, id.as_str())
        .await?
        .into_iter()
        .next())
}

/// Inserts a recall (no signature yet), refused with `Conflict` while another is open on
/// the delegate or the delegate no longer sits.
pub(super) async fn insert_recall(
    conn: &mut AnyConnection,
    recall: &RecallRecord,
) -> Result<(), StoreError> {
    let delegate = delegate_in(conn, &recall.delegate_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    let open = recalls_where(conn, RECALLS_OF_DELEGATE, recall.delegate_id.as_str())
        .await?
        .into_iter()
        .any(|r| {
            matches!(
                r.recall.state(),
                RecallState::Collecting | RecallState::VoteOpened
            )
        });
    if open || delegate.status != councils_app::ports::DelegateStatus::Active {
        return Err(StoreError::Conflict);
    }
    sqlx::query(concat!(
        "insert into recall (",
        recall_columns!(),
        ") values ($1, $2, $3, $4, $5, $6, 'collecting', null)"
    ))
    .bind(recall.id.as_str())
    .bind(recall.delegate_id.as_str())
    .bind(delegate.constituent_id.as_str())
    .bind(&recall.reason)
    .bind(recall.started_by.as_ref().map(MemberId::as_str))
    .bind(recall.started_at)
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    let event = MinutesEvent::RecallStarted {
        recall: recall.id.clone(),
        delegate: recall.delegate_id.clone(),
        by: recall.started_by.clone(),
    };
    minutes::append(conn, &delegate.constituent_id, recall.started_at, &event).await
}

pub(super) async fn active_members_in(
    conn: &mut AnyConnection,
    council: &CouncilId,
) -> Result<u64, StoreError> {
    let (count,): (i64,) = sqlx::query_as(
        "select count(*) from membership where council_id = $1 and status = 'active'",
    )
    .bind(council.as_str())
    .fetch_one(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(count as u64)
}

/// Locks the recall's row on PostgreSQL, so two last signatures cannot both pass the
/// threshold (on SQLite the one write connection already orders them).
pub(super) async fn lock_recall(
    conn: &mut AnyConnection,
    backend: crate::Backend,
    id: &RecallId,
) -> Result<(), StoreError> {
    if backend == crate::Backend::Postgres {
        sqlx::query("select recall_id from recall where recall_id = $1 for update")
            .bind(id.as_str())
            .execute(&mut *conn)
            .await
            .map_err(backend_error)?;
    }
    Ok(())
}

/// Opens the secret recall vote a lower threshold calls for, and minutes it.
pub(super) async fn open_vote(
    conn: &mut AnyConnection,
    record: &RecallRecord,
    vote: &MotionRecord,
    at: i64,
) -> Result<(), StoreError> {
    if vote.phase != Phase::Voting || vote.entitled.is_none() {
        return Err(refused("a recall vote not ready to vote"));
    }
    insert_motion(&mut *conn, vote).await?;
    sqlx::query(
        "update recall set state = 'vote-opened', vote_motion_id = $1
         where recall_id = $2",
    )
    .bind(vote.id.as_str())
    .bind(record.id.as_str())
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    let event = MinutesEvent::RecallVoteOpened {
        recall: record.id.clone(),
        motion: vote.id.clone(),
    };
    minutes::append(&mut *conn, &record.constituent_id, at, &event).await?;
    let event = MinutesEvent::VotingOpened {
        motion: vote.id.clone(),
        by: None,
        entitled: vote.entitled.unwrap_or(0),
    };
    minutes::append(&mut *conn, &record.constituent_id, at, &event).await?;
    Ok(())
}
