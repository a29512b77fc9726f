//! Appending to and reading a council's minutes, always inside the caller's transaction.

use crate::backend_error;
use councils_app::StoreError;
use councils_domain::{CouncilId, MinutesEntry, MinutesEvent};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct EntryRow {
    seq: i64,
    recorded_at: i64,
    body: String,
    prev_hash: String,
    entry_hash: String,
}

impl From<EntryRow> for MinutesEntry {
    fn from(row: EntryRow) -> Self {
        MinutesEntry {
            seq: row.seq as u64,
            recorded_at: row.recorded_at,
            body: row.body,
            prev_hash: row.prev_hash,
            hash: row.entry_hash,
        }
    }
}

/// Appends `event` to the council's minutes, chained to the last entry.
pub(crate) async fn append(
    conn: &mut AnyConnection,
    council: &CouncilId,
    now: i64,
    event: &MinutesEvent,
) -> Result<(), StoreError> {
    let last: Option<EntryRow> = sqlx::query_as(
        "select seq, recorded_at, body, prev_hash, entry_hash from minutes_entry
         where council_id = $1 order by seq desc limit 1",
    )
    .bind(council.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    let last = last.map(MinutesEntry::from);
    let entry = MinutesEntry::next(last.as_ref(), now, event);
    sqlx::query(
        "insert into minutes_entry (council_id, seq, recorded_at, body, prev_hash, entry_hash)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(council.as_str())
    .bind(entry.seq as i64)
    .bind(entry.recorded_at)
    .bind(&entry.body)
    .bind(&entry.prev_hash)
    .bind(&entry.hash)
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(())
}

/// The council's minutes in order.
pub(crate) async fn read(
    conn: &mut AnyConnection,
    council: &CouncilId,
) -> Result<Vec<MinutesEntry>, StoreError> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "select seq, recorded_at, body, prev_hash, entry_hash from minutes_entry
         where council_id = $1 order by seq",
    )
    .bind(council.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(rows.into_iter().map(MinutesEntry::from).collect())
}
