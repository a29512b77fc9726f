//! Amendments put to the council's vote: the vote is a yes/no motion of its own, and the
//! transaction that decides it takes the amendment into the motion's text or rejects it.

use super::discussion::{AmendmentRow, replace_body, select_amendments};
use super::{insert_motion, lock_motion, refused};
use crate::{Db, backend_error, minutes};
use councils_app::StoreError;
use councils_app::ports::{AmendmentRecord, AmendmentStatus, MotionRecord};
use councils_domain::motion::{Outcome, Phase};
use councils_domain::{AmendmentId, CouncilId, MemberId, MinutesEvent, MotionId};
use sqlx::{AnyConnection, AnyPool};

pub(super) async fn put_to_vote(
    db: &Db,
    amendment: &AmendmentId,
    vote: &MotionRecord,
    by: &MemberId,
) -> Result<(), StoreError> {
    if vote.phase != Phase::Voting || vote.entitled.is_none() {
        return Err(refused("an amendment vote that is not open"));
    }
    let mut tx = db.begin().await?;
    let found: Option<(String,)> =
        sqlx::query_as("select motion_id from amendment where amendment_id = $1")
            .bind(amendment.as_str())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend_error)?;
    let motion = MotionId::new(found.ok_or(StoreError::NotFound)?.0);
    let (phase, _) = lock_motion(&mut tx, db.backend, &motion)
        .await?
        .ok_or(StoreError::NotFound)?;
    if phase != Phase::Discussion {
        return Err(StoreError::Conflict);
    }
    insert_motion(&mut tx, vote).await?;
    // Conditional on the status: of two members putting it to a vote (or the mover deciding
    // it meanwhile) only the first takes effect, and this whole transaction rolls back.
    let marked = sqlx::query(
        "update amendment set status = 'voting', vote_motion_id = $1
         where amendment_id = $2 and status = 'proposed'",
    )
    .bind(vote.id.as_str())
    .bind(amendment.as_str())
    .execute(&mut *tx)
    .await
    .map_err(backend_error)?;
    if marked.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    let at = vote.voting_opened_at.unwrap_or(vote.created_at);
    let events = [
        MinutesEvent::AmendmentPutToVote {
            motion,
            amendment: amendment.clone(),
            vote: vote.id.clone(),
            by: by.clone(),
        },
        MinutesEvent::VotingOpened {
            motion: vote.id.clone(),
            by: Some(by.clone()),
            entitled: vote.entitled.unwrap_or(0),
        },
    ];
    for event in &events {
        minutes::append(&mut tx, &vote.council_id, at, event).await?;
    }
    db.commit(tx).await.map_err(backend_error)
}

pub(super) async fn amendment_voted_by(
    pool: &AnyPool,
    vote: &MotionId,
) -> Result<Option<AmendmentRecord>, StoreError> {
    let row: Option<AmendmentRow> = sqlx::query_as(select_amendments!("a.vote_motion_id = $1"))
        .bind(vote.as_str())
        .fetch_optional(pool)
        .await
        .map_err(backend_error)?;
    row.map(AmendmentRecord::try_from).transpose()
}

/// Inside the transaction that decided `vote`: if it was the vote on an amendment, the
/// amendment is taken into its motion's text when the vote passed, and rejected otherwise
/// (short of quorum included), and the minutes say so.
pub(super) async fn after_decision(
    conn: &mut AnyConnection,
    vote: &MotionId,
    at: i64,
    outcome: &Outcome,
) -> Result<(), StoreError> {
    let found: Option<(String, String, String, String, String)> = sqlx::query_as(
        "select a.amendment_id, a.motion_id, m.council_id, a.language, a.body
         from amendment a join motion m on m.motion_id = a.motion_id
         where a.vote_motion_id = $1 and a.status = 'voting'",
    )
    .bind(vote.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    let Some((amendment, motion, council, language, body)) = found else {
        return Ok(());
    };
    let accepted = outcome.passed() == Some(true);
    let status = if accepted {
        AmendmentStatus::Accepted
    } else {
        AmendmentStatus::Rejected
    };
    sqlx::query("update amendment set status = $1 where amendment_id = $2")
        .bind(status.code())
        .bind(&amendment)
        .execute(&mut *conn)
        .await
        .map_err(backend_error)?;
    let motion = MotionId::new(motion);
    if accepted {
        replace_body(conn, &motion, &language, &body).await?;
    }
    let event = MinutesEvent::AmendmentVoted {
        motion,
        amendment: AmendmentId::new(amendment),
        accepted,
    };
    minutes::append(conn, &CouncilId::new(council), at, &event).await
}
