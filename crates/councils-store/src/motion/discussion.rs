//! A motion's discussion: comments, and amendments proposed, accepted or rejected.

use super::{lock_motion, missing_or_backend, refused};
use crate::rows::{corrupt, language};
use crate::{Db, backend_error, minutes};
use councils_app::StoreError;
use councils_app::ports::{AmendmentRecord, AmendmentStatus, CommentRecord};
use councils_domain::motion::Phase;
use councils_domain::{
    AmendmentId, CommentId, CouncilId, Handle, MemberId, MinutesEvent, MotionId,
};
use sqlx::AnyPool;

#[derive(sqlx::FromRow)]
struct CommentRow {
    comment_id: String,
    motion_id: String,
    author_id: Option<String>,
    handle: Option<String>,
    body: String,
    created_at: i64,
}

impl From<CommentRow> for CommentRecord {
    fn from(row: CommentRow) -> Self {
        CommentRecord {
            id: CommentId::new(row.comment_id),
            motion_id: MotionId::new(row.motion_id),
            author: row.author_id.map(MemberId::new),
            author_handle: row.handle.map(Handle::from_stored),
            body: row.body,
            created_at: row.created_at,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(super) struct AmendmentRow {
    amendment_id: String,
    motion_id: String,
    author_id: Option<String>,
    handle: Option<String>,
    language: String,
    body: String,
    status: String,
    created_at: i64,
    vote_motion_id: Option<String>,
}

/// What an [`AmendmentRow`] reads: `amendment a` with its author `m`, then `$filter`.
macro_rules! select_amendments {
    ($filter:literal) => {
        concat!(
            "select a.amendment_id, a.motion_id, a.author_id, m.handle, a.language, a.body, ",
            "a.status, a.created_at, a.vote_motion_id ",
            "from amendment a left join member m on m.member_id = a.author_id where ",
            $filter
        )
    };
}
pub(super) use select_amendments;

impl TryFrom<AmendmentRow> for AmendmentRecord {
    type Error = StoreError;
    fn try_from(row: AmendmentRow) -> Result<Self, StoreError> {
        Ok(AmendmentRecord {
            id: AmendmentId::new(row.amendment_id),
            motion_id: MotionId::new(row.motion_id),
            author: row.author_id.map(MemberId::new),
            author_handle: row.handle.map(Handle::from_stored),
            language: language(&row.language)?,
            body: row.body,
            status: AmendmentStatus::from_code(&row.status)
                .ok_or_else(|| corrupt("amendment status"))?,
            created_at: row.created_at,
            vote: row.vote_motion_id.map(MotionId::new),
        })
    }
}

pub(super) async fn add_comment(db: &Db, comment: &CommentRecord) -> Result<(), StoreError> {
    db.write_one(
        sqlx::query(
            "insert into motion_comment (comment_id, motion_id, author_id, body, created_at)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(comment.id.as_str())
        .bind(comment.motion_id.as_str())
        .bind(comment.author.as_ref().map(MemberId::as_str))
        .bind(&comment.body)
        .bind(comment.created_at),
    )
    .await
    .map_err(missing_or_backend)?;
    Ok(())
}

pub(super) async fn comments_of(
    pool: &AnyPool,
    motion: &MotionId,
) -> Result<Vec<CommentRecord>, StoreError> {
    let rows: Vec<CommentRow> = sqlx::query_as(
        "select c.comment_id, c.motion_id, c.author_id, m.handle, c.body, c.created_at
         from motion_comment c left join member m on m.member_id = c.author_id
         where c.motion_id = $1 order by c.created_at, c.comment_id",
    )
    .bind(motion.as_str())
    .fetch_all(pool)
    .await
    .map_err(backend_error)?;
    Ok(rows.into_iter().map(CommentRecord::from).collect())
}

/// Amendments are taken only while the motion is in discussion (`Phase::takes_amendments`),
/// checked under the motion's lock so that voting cannot open in between.
pub(super) async fn propose_amendment(
    db: &Db,
    amendment: &AmendmentRecord,
) -> Result<(), StoreError> {
    if amendment.status != AmendmentStatus::Proposed {
        return Err(refused("a new amendment already decided"));
    }
    let mut tx = db.begin().await?;
    let (phase, _) = lock_motion(&mut tx, db.backend, &amendment.motion_id)
        .await?
        .ok_or(StoreError::NotFound)?;
    if !phase.takes_amendments() {
        return Err(StoreError::Conflict);
    }
    sqlx::query(
        "insert into amendment (amendment_id, motion_id, author_id, language, body, status, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(amendment.id.as_str())
    .bind(amendment.motion_id.as_str())
    .bind(amendment.author.as_ref().map(MemberId::as_str))
    .bind(amendment.language.code())
    .bind(&amendment.body)
    .bind(AmendmentStatus::Proposed.code())
    .bind(amendment.created_at)
    .execute(&mut *tx)
    .await
    .map_err(missing_or_backend)?;
    db.commit(tx).await.map_err(backend_error)
}

pub(super) async fn amendments_of(
    pool: &AnyPool,
    motion: &MotionId,
) -> Result<Vec<AmendmentRecord>, StoreError> {
    let rows: Vec<AmendmentRow> = sqlx::query_as(select_amendments!(
        "a.motion_id = $1 order by a.created_at, a.amendment_id"
    ))
    .bind(motion.as_str())
    .fetch_all(pool)
    .await
    .map_err(backend_error)?;
    rows.into_iter().map(AmendmentRecord::try_from).collect()
}

pub(super) async fn decide_amendment(
    db: &Db,
    amendment: &AmendmentId,
    accept: bool,
    by: &MemberId,
    at: i64,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let found: Option<(String, String, String, String)> = sqlx::query_as(
        "select a.motion_id, m.council_id, a.language, a.body
         from amendment a join motion m on m.motion_id = a.motion_id
         where a.amendment_id = $1",
    )
    .bind(amendment.as_str())
    .fetch_optional(&mut *tx)
    .await
    .map_err(backend_error)?;
    let (motion, council, language, body) = found.ok_or(StoreError::NotFound)?;
    let motion = MotionId::new(motion);
    let (phase, _) = lock_motion(&mut tx, db.backend, &motion)
        .await?
        .ok_or(StoreError::NotFound)?;
    if phase != Phase::Discussion {
        return Err(StoreError::Conflict);
    }
    let status = if accept {
        AmendmentStatus::Accepted
    } else {
        AmendmentStatus::Rejected
    };
    // Conditional on the status, so that of two decisions on one amendment only the first
    // takes effect.
    let decided = sqlx::query(
        "update amendment set status = $1 where amendment_id = $2 and status = 'proposed'",
    )
    .bind(status.code())
    .bind(amendment.as_str())
    .execute(&mut *tx)
    .await
    .map_err(backend_error)?;
    if decided.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    if accept {
        replace_body(&mut tx, &motion, &language, &body).await?;
        let event = MinutesEvent::AmendmentAccepted {
            motion,
            amendment: amendment.clone(),
            by: by.clone(),
        };
        minutes::append(&mut tx, &CouncilId::new(council), at, &event).await?;
    }
    db.commit(tx).await.map_err(backend_error)
}

/// Puts `body` in the motion's text in `language`; a language the motion was not yet written
/// in gets a new text, after the others, under the title of the first.
pub(super) async fn replace_body(
    conn: &mut sqlx::AnyConnection,
    motion: &MotionId,
    language: &str,
    body: &str,
) -> Result<(), StoreError> {
    let replaced =
        sqlx::query("update motion_text set body = $1 where motion_id = $2 and language = $3")
            .bind(body)
            .bind(motion.as_str())
            .bind(language)
            .execute(&mut *conn)
            .await
            .map_err(backend_error)?;
    if replaced.rows_affected() == 1 {
        return Ok(());
    }
    let (title, last): (String, i64) = sqlx::query_as(
        "select title, (select max(position) from motion_text where motion_id = $1)
         from motion_text where motion_id = $1 order by position limit 1",
    )
    .bind(motion.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?
    .ok_or_else(|| corrupt("motion without a text"))?;
    sqlx::query(
        "insert into motion_text (motion_id, language, position, title, body)
         values ($1, $2, $3, $4, $5)",
    )
    .bind(motion.as_str())
    .bind(language)
    .bind(last + 1)
    .bind(title)
    .bind(body)
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(())
}
