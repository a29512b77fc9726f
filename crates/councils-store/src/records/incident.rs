//! Incident records and their photos in the database. Adding photos checks the record's room
//! inside the transaction (the record's row locked on PostgreSQL), so two uploads at once
//! cannot together pass the limits, and a refused upload writes nothing.

use crate::{Backend, Db, backend_error};
use councils_app::StoreError;
use councils_app::ports::{EvidenceRecord, EvidenceRoom, IncidentRecord, NewEvidence};
use councils_domain::{CouncilId, EvidenceId, IncidentId, MemberId};

type IncidentRow = (String, String, Option<String>, Vec<u8>, i64);

macro_rules! incident_columns {
    () => {
        "incident_id, council_id, filed_by, account_sealed, filed_at"
    };
}

fn incident(row: IncidentRow) -> IncidentRecord {
    let (id, council, filed_by, account, filed_at) = row;
    IncidentRecord {
        id: IncidentId::new(id),
        council_id: CouncilId::new(council),
        filed_by: filed_by.map(MemberId::new),
        account_sealed: account,
        filed_at,
    }
}

type EvidenceRow = (String, String, String, i64, Vec<u8>, i64, Option<String>);
/// An evidence row with its sealed bytes last.
type EvidenceFileRow = (
    String,
    String,
    String,
    i64,
    Vec<u8>,
    i64,
    Option<String>,
    Vec<u8>,
);

macro_rules! evidence_columns {
    () => {
        "evidence_id, incident_id, media_type, size, sha256_sealed, uploaded_at, uploaded_by"
    };
}

fn evidence(row: EvidenceRow) -> EvidenceRecord {
    let (id, incident, media_type, size, sha, uploaded_at, by) = row;
    EvidenceRecord {
        id: EvidenceId::new(id),
        incident_id: IncidentId::new(incident),
        media_type,
        size: size.max(0) as u64,
        sha256_sealed: sha,
        uploaded_at,
        uploaded_by: by.map(MemberId::new),
    }
}

pub(super) async fn create(db: &Db, record: &IncidentRecord) -> Result<(), StoreError> {
    db.write_one(
        sqlx::query(concat!(
            "insert into incident (",
            incident_columns!(),
            ") values ($1, $2, $3, $4, $5)"
        ))
        .bind(record.id.as_str())
        .bind(record.council_id.as_str())
        .bind(record.filed_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(record.account_sealed.clone())
        .bind(record.filed_at),
    )
    .await
    .map_err(backend_error)?;
    Ok(())
}

pub(super) async fn one(db: &Db, id: &IncidentId) -> Result<Option<IncidentRecord>, StoreError> {
    let row: Option<IncidentRow> = sqlx::query_as(concat!(
        "select ",
        incident_columns!(),
        " from incident where incident_id = $1"
    ))
    .bind(id.as_str())
    .fetch_optional(&db.read)
    .await
    .map_err(backend_error)?;
    Ok(row.map(incident))
}

pub(super) async fn of_council(
    db: &Db,
    council: &CouncilId,
) -> Result<Vec<IncidentRecord>, StoreError> {
    let rows: Vec<IncidentRow> = sqlx::query_as(concat!(
        "select ",
        incident_columns!(),
        " from incident where council_id = $1 order by filed_at desc, incident_id"
    ))
    .bind(council.as_str())
    .fetch_all(&db.read)
    .await
    .map_err(backend_error)?;
    Ok(rows.into_iter().map(incident).collect())
}

pub(super) async fn delete(db: &Db, id: &IncidentId) -> Result<(), StoreError> {
    // Its photos go with it (on delete cascade); SQLite's secure_delete overwrites them.
    let deleted = db
        .write_one(sqlx::query("delete from incident where incident_id = $1").bind(id.as_str()))
        .await
        .map_err(backend_error)?;
    if deleted.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

pub(super) async fn add_evidence(
    db: &Db,
    id: &IncidentId,
    files: &[NewEvidence],
    room: EvidenceRoom,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
    let lock = match db.backend() {
        Backend::Sqlite => "select incident_id from incident where incident_id = $1",
        Backend::Postgres => "select incident_id from incident where incident_id = $1 for update",
    };
    let found: Option<(String,)> = sqlx::query_as(lock)
        .bind(id.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend_error)?;
    if found.is_none() {
        return Err(StoreError::NotFound);
    }
    let (count, bytes): (i64, i64) = sqlx::query_as(
        "select count(*), cast(coalesce(sum(size), 0) as bigint) from incident_evidence \
         where incident_id = $1",
    )
    .bind(id.as_str())
    .fetch_one(&mut *tx)
    .await
    .map_err(backend_error)?;
    let new_bytes: u64 = files.iter().map(|f| f.record.size).sum();
    if count as u64 + files.len() as u64 > room.files || bytes as u64 + new_bytes > room.bytes {
        return Ok(false);
    }
    for file in files {
        let r = &file.record;
        sqlx::query(concat!(
            "insert into incident_evidence (",
            evidence_columns!(),
            ", bytes_sealed) values ($1, $2, $3, $4, $5, $6, $7, $8)"
        ))
        .bind(r.id.as_str())
        .bind(id.as_str())
        .bind(r.media_type.clone())
        .bind(r.size as i64)
        .bind(r.sha256_sealed.clone())
        .bind(r.uploaded_at)
        .bind(r.uploaded_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(file.bytes_sealed.clone())
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
    }
    db.commit(tx).await.map_err(backend_error)?;
    Ok(true)
}

pub(super) async fn evidence_of(
    db: &Db,
    id: &IncidentId,
) -> Result<Vec<EvidenceRecord>, StoreError> {
    let rows: Vec<EvidenceRow> = sqlx::query_as(concat!(
        "select ",
        evidence_columns!(),
        " from incident_evidence where incident_id = $1 order by uploaded_at, evidence_id"
    ))
    .bind(id.as_str())
    .fetch_all(&db.read)
    .await
    .map_err(backend_error)?;
    Ok(rows.into_iter().map(evidence).collect())
}

pub(super) async fn evidence_file(
    db: &Db,
    incident: &IncidentId,
    id: &EvidenceId,
) -> Result<Option<(EvidenceRecord, Vec<u8>)>, StoreError> {
    let row: Option<EvidenceFileRow> = sqlx::query_as(concat!(
        "select ",
        evidence_columns!(),
        ", bytes_sealed from incident_evidence where incident_id = $1 and evidence_id = $2"
    ))
    .bind(incident.as_str())
    .bind(id.as_str())
    .fetch_optional(&db.read)
    .await
    .map_err(backend_error)?;
    Ok(row.map(|(a, b, c, d, e, f, g, bytes)| (evidence((a, b, c, d, e, f, g)), bytes)))
}

pub(super) async fn delete_evidence(
    db: &Db,
    incident: &IncidentId,
    id: &EvidenceId,
) -> Result<(), StoreError> {
    let deleted = db
        .write_one(
            sqlx::query(
                "delete from incident_evidence where incident_id = $1 and evidence_id = $2",
            )
            .bind(incident.as_str())
            .bind(id.as_str()),
        )
        .await
        .map_err(backend_error)?;
    if deleted.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
