//! Grievances in the database: cases, their timelines and deadlines, collective grievances,
//! the link to the motion a case became, the deadline sweep and the retention sweep.
//!
//! Grievances are not minuted: a council's minutes are read by every member, and a case is
//! for its filer and the organisers only. The motion a case is escalated into is minuted as
//! every motion is, in the same transaction that links it to the case.

use crate::rows::corrupt;
use crate::{Backend, Db, backend_error, is_unique_violation};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    DueGrievanceDeadline, GrievanceChange, GrievanceDeadlineRecord, GrievanceEntryRecord,
    GrievanceRecord, GrievanceStore, NewGrievanceEntry,
};
use councils_domain::grievance::{EntryKind, GrievanceKind, GrievanceStatus};
use councils_domain::{CouncilId, GrievanceDeadlineId, GrievanceId, Handle, MemberId, MotionId};
use sqlx::{Any, Transaction};

type Row = (
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    Option<String>,
    Vec<u8>,
    Option<Vec<u8>>,
    Option<String>,
    i64,
    Option<String>,
    i64,
    Option<i64>,
    Option<String>,
);

macro_rules! select_grievance {
    ($where:literal) => {
        concat!(
            "select g.grievance_id, g.council_id, g.kind, g.status, g.anonymous, g.filed_by, \
             g.follow_token_hash, g.statement_sealed, g.pay_sealed, g.assignee, g.is_collective, \
             g.collective_id, g.filed_at, g.closed_at, gm.motion_id \
             from grievance g left join grievance_motion gm on gm.grievance_id = g.grievance_id ",
            $where
        )
    };
}

fn grievance(row: Row) -> Result<GrievanceRecord, StoreError> {
    let (id, council, kind, status, anonymous, filed_by, follow, statement, pay) = (
        row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
    );
    Ok(GrievanceRecord {
        id: GrievanceId::new(id),
        council_id: CouncilId::new(council),
        kind: GrievanceKind::from_code(&kind).ok_or_else(|| corrupt("grievance kind"))?,
        status: GrievanceStatus::from_code(&status).ok_or_else(|| corrupt("grievance status"))?,
        anonymous: anonymous != 0,
        filed_by: filed_by.map(MemberId::new),
        follow_token_hash: follow,
        statement_sealed: statement,
        pay_sealed: pay,
        assignee: row.9.map(MemberId::new),
        is_collective: row.10 != 0,
        collective_id: row.11.map(GrievanceId::new),
        filed_at: row.12,
        closed_at: row.13,
        motion_id: row.14.map(MotionId::new),
    })
}

type DeadlineRow = (String, String, Vec<u8>, i64, Option<i64>, Option<i64>, i64);

const DEADLINE_COLUMNS: &str = "d.grievance_deadline_id, d.grievance_id, d.label_sealed, d.due_at, d.reminded_at, d.done_at, d.created_at";

fn deadline(row: DeadlineRow) -> GrievanceDeadlineRecord {
    let (id, grievance, label, due_at, reminded_at, done_at, created_at) = row;
    GrievanceDeadlineRecord {
        id: GrievanceDeadlineId::new(id),
        grievance_id: GrievanceId::new(grievance),
        label_sealed: label,
        due_at,
        reminded_at,
        done_at,
        created_at,
    }
}

async fn insert_grievance(
    tx: &mut Transaction<'static, Any>,
    g: &GrievanceRecord,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into grievance (grievance_id, council_id, kind, status, anonymous, filed_by, \
         follow_token_hash, statement_sealed, pay_sealed, assignee, is_collective, collective_id, \
         filed_at, closed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
    )
    .bind(g.id.as_str())
    .bind(g.council_id.as_str())
    .bind(g.kind.code())
    .bind(g.status.code())
    .bind(i64::from(g.anonymous))
    // The database refuses a filer on an anonymous grievance too (grievance_anonymous_ck).
    .bind(g.filed_by.as_ref().map(|m| m.as_str().to_string()))
    .bind(g.follow_token_hash.clone())
    .bind(g.statement_sealed.clone())
    .bind(g.pay_sealed.clone())
    .bind(g.assignee.as_ref().map(|m| m.as_str().to_string()))
    .bind(i64::from(g.is_collective))
    .bind(g.collective_id.as_ref().map(|c| c.as_str().to_string()))
    .bind(g.filed_at)
    .bind(g.closed_at)
    .execute(&mut **tx)
    .await
    .map_err(backend_error)?;
    Ok(())
}

/// Locks the case (on PostgreSQL) and says whether it exists.
async fn lock(
    tx: &mut Transaction<'static, Any>,
    backend: Backend,
    id: &GrievanceId,
) -> Result<(), StoreError> {
    let sql = match backend {
        Backend::Sqlite => "select grievance_id from grievance where grievance_id = $1",
        Backend::Postgres => {
            "select grievance_id from grievance where grievance_id = $1 for update"
        }
    };
    let row: Option<(String,)> = sqlx::query_as(sql)
        .bind(id.as_str())
        .fetch_optional(&mut **tx)
        .await
        .map_err(backend_error)?;
    row.map(|_| ()).ok_or(StoreError::NotFound)
}

/// Appends an entry after the case's last one (the case is locked by the caller).
async fn append(
    tx: &mut Transaction<'static, Any>,
    entry: &NewGrievanceEntry,
) -> Result<(), StoreError> {
    let (last,): (Option<i64>,) =
        sqlx::query_as("select max(seq) from grievance_entry where grievance_id = $1")
            .bind(entry.grievance_id.as_str())
            .fetch_one(&mut **tx)
            .await
            .map_err(backend_error)?;
    sqlx::query(
        "insert into grievance_entry (grievance_id, seq, kind, author, by_filer, body_sealed, \
         detail, at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(entry.grievance_id.as_str())
    .bind(last.unwrap_or(0) + 1)
    .bind(entry.kind.code())
    .bind(entry.author.as_ref().map(|m| m.as_str().to_string()))
    .bind(i64::from(entry.by_filer))
    .bind(entry.body_sealed.clone())
    .bind(entry.detail.clone())
    .bind(entry.at)
    .execute(&mut **tx)
    .await
    .map_err(backend_error)?;
    Ok(())
}

impl Db {
    async fn grievances_where(
        &self,
        sql: &'static str,
        key: &str,
    ) -> Result<Vec<GrievanceRecord>, StoreError> {
        let rows: Vec<Row> = sqlx::query_as(sql)
            .bind(key.to_string())
            .fetch_all(&self.read)
            .await
            .map_err(backend_error)?;
        rows.into_iter().map(grievance).collect()
    }

    async fn apply_change(
        tx: &mut Transaction<'static, Any>,
        id: &GrievanceId,
        change: &GrievanceChange,
        at: i64,
    ) -> Result<(), StoreError> {
        let done = match change {
            GrievanceChange::Note => 1,
            GrievanceChange::Status { status, closed_at } => sqlx::query(
                "update grievance set status = $2, closed_at = $3 where grievance_id = $1",
            )
            .bind(id.as_str())
            .bind(status.code())
            .bind(*closed_at)
            .execute(&mut **tx)
            .await
            .map_err(backend_error)?
            .rows_affected(),
            GrievanceChange::Assignee(member) => {
                sqlx::query("update grievance set assignee = $2 where grievance_id = $1")
                    .bind(id.as_str())
                    .bind(member.as_ref().map(|m| m.as_str().to_string()))
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_error)?
                    .rows_affected()
            }
            GrievanceChange::Pay(sealed) => {
                sqlx::query("update grievance set pay_sealed = $2 where grievance_id = $1")
                    .bind(id.as_str())
                    .bind(sealed.clone())
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_error)?
                    .rows_affected()
            }
            GrievanceChange::AddDeadline(d) => sqlx::query(
                "insert into grievance_deadline (grievance_deadline_id, grievance_id, label_sealed, \
                 due_at, reminded_at, done_at, created_at) values ($1, $2, $3, $4, null, null, $5)",
            )
            .bind(d.id.as_str())
            .bind(id.as_str())
            .bind(d.label_sealed.clone())
            .bind(d.due_at)
            .bind(d.created_at)
            .execute(&mut **tx)
            .await
            .map_err(backend_error)?
            .rows_affected(),
            GrievanceChange::FinishDeadline(deadline, at) => sqlx::query(
                "update grievance_deadline set done_at = $3 \
                 where grievance_deadline_id = $1 and grievance_id = $2 and done_at is null",
            )
            .bind(deadline.as_str())
            .bind(id.as_str())
            .bind(*at)
            .execute(&mut **tx)
            .await
            .map_err(backend_error)?
            .rows_affected(),
            GrievanceChange::Escalate(motion) => {
                crate::motion::propose(tx, motion).await?;
                sqlx::query(
                    "insert into grievance_motion (grievance_id, motion_id, escalated_at) \
                     values ($1, $2, $3)",
                )
                .bind(id.as_str())
                .bind(motion.id.as_str())
                .bind(at)
                .execute(&mut **tx)
                .await
                .map_err(|e| {
                    if is_unique_violation(&e) {
                        StoreError::Conflict
                    } else {
                        backend_error(e)
                    }
                })?;
                // Escalating a closed case reopens it: its retention stops running.
                sqlx::query(
                    "update grievance set status = $2, closed_at = null where grievance_id = $1",
                )
                .bind(id.as_str())
                .bind(GrievanceStatus::Escalated.code())
                    .execute(&mut **tx)
                    .await
                    .map_err(backend_error)?
                    .rows_affected()
            }
        };
        if done == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }
}

#[async_trait]
impl GrievanceStore for Db {
    async fn create_grievance(
        &self,
        g: &GrievanceRecord,
        first: &NewGrievanceEntry,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        insert_grievance(&mut tx, g).await?;
        append(&mut tx, first).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn grievance(&self, id: &GrievanceId) -> Result<Option<GrievanceRecord>, StoreError> {
        Ok(self
            .grievances_where(select_grievance!("where g.grievance_id = $1"), id.as_str())
            .await?
            .pop())
    }

    async fn grievance_by_follow_hash(
        &self,
        hash: &str,
    ) -> Result<Option<GrievanceRecord>, StoreError> {
        Ok(self
            .grievances_where(select_grievance!("where g.follow_token_hash = $1"), hash)
            .await?
            .pop())
    }

    async fn grievances_of(&self, council: &CouncilId) -> Result<Vec<GrievanceRecord>, StoreError> {
        self.grievances_where(
            select_grievance!("where g.council_id = $1 order by g.filed_at desc, g.grievance_id"),
            council.as_str(),
        )
        .await
    }

    async fn grievances_in(
        &self,
        collective: &GrievanceId,
    ) -> Result<Vec<GrievanceRecord>, StoreError> {
        self.grievances_where(
            select_grievance!("where g.collective_id = $1 order by g.filed_at, g.grievance_id"),
            collective.as_str(),
        )
        .await
    }

    async fn grievance_of_motion(
        &self,
        motion: &MotionId,
    ) -> Result<Option<GrievanceRecord>, StoreError> {
        Ok(self
            .grievances_where(
                select_grievance!("where gm.motion_id = $1"),
                motion.as_str(),
            )
            .await?
            .pop())
    }

    async fn grievance_entries(
        &self,
        id: &GrievanceId,
    ) -> Result<Vec<GrievanceEntryRecord>, StoreError> {
        type EntryRow = (
            String,
            Option<String>,
            Option<String>,
            i64,
            Option<Vec<u8>>,
            Option<String>,
            i64,
        );
        let rows: Vec<EntryRow> = sqlx::query_as(
            "select e.kind, e.author, m.handle, e.by_filer, e.body_sealed, e.detail, e.at \
             from grievance_entry e left join member m on m.member_id = e.author \
             where e.grievance_id = $1 order by e.seq",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter()
            .map(|(kind, author, handle, by_filer, body, detail, at)| {
                Ok(GrievanceEntryRecord {
                    kind: EntryKind::from_code(&kind).ok_or_else(|| corrupt("entry kind"))?,
                    author: author.map(MemberId::new),
                    author_handle: handle.map(Handle::from_stored),
                    by_filer: by_filer != 0,
                    body_sealed: body,
                    detail,
                    at,
                })
            })
            .collect()
    }

    async fn grievance_deadlines(
        &self,
        id: &GrievanceId,
    ) -> Result<Vec<GrievanceDeadlineRecord>, StoreError> {
        let rows: Vec<DeadlineRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {DEADLINE_COLUMNS} from grievance_deadline d where d.grievance_id = $1 \
             order by d.due_at, d.grievance_deadline_id"
        )))
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows.into_iter().map(deadline).collect())
    }

    async fn change_grievance(
        &self,
        change: &GrievanceChange,
        entry: &NewGrievanceEntry,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        lock(&mut tx, self.backend, &entry.grievance_id).await?;
        append(&mut tx, entry).await?;
        Db::apply_change(&mut tx, &entry.grievance_id, change, entry.at).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn join_collective(
        &self,
        collective: &GrievanceRecord,
        first: &NewGrievanceEntry,
        members: &[GrievanceId],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        insert_grievance(&mut tx, collective).await?;
        append(&mut tx, first).await?;
        for member in members {
            lock(&mut tx, self.backend, member)
                .await
                .map_err(|_| StoreError::Conflict)?;
            let joined = sqlx::query(
                "update grievance set collective_id = $1 where grievance_id = $2 \
                 and council_id = $3 and collective_id is null and is_collective = 0",
            )
            .bind(collective.id.as_str())
            .bind(member.as_str())
            .bind(collective.council_id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?
            .rows_affected();
            if joined == 0 {
                return Err(StoreError::Conflict);
            }
            let entry = NewGrievanceEntry {
                grievance_id: member.clone(),
                kind: EntryKind::Joined,
                detail: Some(collective.id.to_string()),
                body_sealed: None,
                ..first.clone()
            };
            append(&mut tx, &entry).await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn due_grievance_deadlines(
        &self,
        now: i64,
    ) -> Result<Vec<DueGrievanceDeadline>, StoreError> {
        type DueRow = (
            String,
            String,
            Vec<u8>,
            i64,
            Option<i64>,
            Option<i64>,
            i64,
            String,
            Option<String>,
        );
        let rows: Vec<DueRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {DEADLINE_COLUMNS}, g.council_id, g.assignee from grievance_deadline d \
             join grievance g on g.grievance_id = d.grievance_id \
             where d.reminded_at is null and d.done_at is null and d.due_at <= $1 \
             and g.status not in ('resolved', 'dropped') order by d.due_at"
        )))
        .bind(now)
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows
            .into_iter()
            .map(|r| DueGrievanceDeadline {
                deadline: deadline((r.0, r.1, r.2, r.3, r.4, r.5, r.6)),
                council_id: CouncilId::new(r.7),
                assignee: r.8.map(MemberId::new),
            })
            .collect())
    }

    async fn mark_deadline_reminded(
        &self,
        id: &GrievanceDeadlineId,
        now: i64,
    ) -> Result<bool, StoreError> {
        let marked = self
            .write_one(
                sqlx::query(
                    "update grievance_deadline set reminded_at = $2 \
                     where grievance_deadline_id = $1 and reminded_at is null",
                )
                .bind(id.as_str())
                .bind(now),
            )
            .await
            .map_err(backend_error)?;
        Ok(marked.rows_affected() == 1)
    }

    async fn purge_grievances(&self, closed_before: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        // Timelines, deadlines and the link to a motion go with their case (on delete
        // cascade); grievances joined into a deleted collective one stay, unjoined.
        let deleted = sqlx::query(
            "delete from grievance where closed_at is not null and closed_at < $1 \
             and status in ('resolved', 'dropped')",
        )
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
