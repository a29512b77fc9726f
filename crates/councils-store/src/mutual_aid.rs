//! Mutual-aid requests and offers in the database: the post (sealed texts), the councils it is
//! shared with, its steps, and the sweep that deletes it once it has been over long enough.

use crate::{Backend, Db, backend_error};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{AidChange, AidRecord, MutualAidStore};
use councils_domain::mutual_aid::{AidDirection, AidKind, AidStatus};
use councils_domain::{AidId, CouncilId, MemberId};

type AidRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    Vec<u8>,
    Option<String>,
    i64,
    Option<String>,
    Option<i64>,
);

const AID_COLUMNS: &str = "a.aid_id, a.council_id, a.direction, a.kind, a.status, a.for_other, \
     a.text_sealed, a.posted_by, a.posted_at, a.matched_by, a.closed_at";

fn aid(row: AidRow) -> Result<AidRecord, StoreError> {
    let (id, council, direction, kind, status, for_other, text, by, at, matched, closed) = row;
    let corrupt = crate::rows::corrupt;
    Ok(AidRecord {
        id: AidId::new(id),
        council_id: CouncilId::new(council),
        direction: AidDirection::from_code(&direction).ok_or_else(|| corrupt("aid direction"))?,
        kind: AidKind::from_code(&kind).ok_or_else(|| corrupt("aid kind"))?,
        status: AidStatus::from_code(&status).ok_or_else(|| corrupt("aid status"))?,
        for_other: for_other != 0,
        text_sealed: text,
        posted_by: by.map(MemberId::new),
        posted_at: at,
        matched_by: matched.map(MemberId::new),
        closed_at: closed,
    })
}

#[async_trait]
impl MutualAidStore for Db {
    async fn create_aid(&self, a: &AidRecord, shared_with: &[CouncilId]) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "insert into aid (aid_id, council_id, direction, kind, status, for_other, \
             text_sealed, posted_by, posted_at, matched_by, closed_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(a.id.as_str())
        .bind(a.council_id.as_str())
        .bind(a.direction.code())
        .bind(a.kind.code())
        .bind(a.status.code())
        .bind(i64::from(a.for_other))
        .bind(a.text_sealed.clone())
        .bind(a.posted_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(a.posted_at)
        .bind(a.matched_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(a.closed_at)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        for council in shared_with {
            sqlx::query("insert into aid_share (aid_id, council_id) values ($1, $2)")
                .bind(a.id.as_str())
                .bind(council.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn aid(&self, id: &AidId) -> Result<Option<AidRecord>, StoreError> {
        let row: Option<AidRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {AID_COLUMNS} from aid a where a.aid_id = $1"
        )))
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        row.map(aid).transpose()
    }

    async fn aid_shares(&self, id: &AidId) -> Result<Vec<CouncilId>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "select council_id from aid_share where aid_id = $1 order by council_id",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows.into_iter().map(|(c,)| CouncilId::new(c)).collect())
    }

    async fn aid_for(&self, council: &CouncilId) -> Result<Vec<AidRecord>, StoreError> {
        let rows: Vec<AidRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {AID_COLUMNS} from aid a where a.council_id = $1 \
             or exists (select 1 from aid_share s where s.aid_id = a.aid_id \
                        and s.council_id = $1) \
             order by a.posted_at desc, a.aid_id"
        )))
        .bind(council.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(aid).collect()
    }

    async fn change_aid(&self, id: &AidId, change: &AidChange) -> Result<(), StoreError> {
        let closed_at = change.to.is_over().then_some(change.now);
        let mut tx = self.begin().await?;
        // Only from the status the caller read: a second answer to the same request, or a
        // withdrawal crossing a match, finds it moved on and writes nothing.
        let moved = sqlx::query(
            "update aid set status = $3, matched_by = $4, closed_at = $5 \
             where aid_id = $1 and status = $2",
        )
        .bind(id.as_str())
        .bind(change.from.code())
        .bind(change.to.code())
        .bind(change.matched_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(closed_at)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?
        .rows_affected();
        if moved == 0 {
            let exists: Option<(i64,)> = sqlx::query_as("select 1 from aid where aid_id = $1")
                .bind(id.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(backend_error)?;
            return Err(if exists.is_some() {
                StoreError::Conflict
            } else {
                StoreError::NotFound
            });
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn purge_aid(&self, closed_before: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        // Shares go with their post (on delete cascade).
        let deleted =
            sqlx::query("delete from aid where status in ('met', 'withdrawn') and closed_at < $1")
                .bind(closed_before)
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?
                .rows_affected();
        self.commit(tx).await.map_err(backend_error)?;
        if deleted > 0 && self.backend == Backend::Sqlite {
            self.truncate_wal().await?;
        }
        Ok(deleted)
    }
}
