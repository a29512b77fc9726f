//! Rapid response in the database: reports with their verification and alert, the timeline,
//! responders on their way, per-committee counts and settings, and the retention sweep with
//! secure deletion on SQLite.

use crate::rows::corrupt;
use crate::{Backend, Db, backend_error};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    NewUpdate, RapidResponseSettings, ReportCounts, ReportRecord, ReportStep, ReportStore,
    ResponseRecord, UpdateRecord,
};
use councils_domain::report::retention::{CLOSED_DAYS_DEFAULT, cutoffs};
use councils_domain::report::{Agency, ReportState, ResponseRole, Source, UpdateKind};
use councils_domain::{CouncilId, Handle, MemberId, ReportId, Role};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct ReportRow {
    report_id: String,
    council_id: String,
    reporter_id: Option<String>,
    what_sealed: Vec<u8>,
    place_sealed: Vec<u8>,
    officers: Option<i64>,
    vehicles: Option<i64>,
    agency: String,
    source: String,
    seen_at: i64,
    via_hotline: i64,
    state: String,
    verifier_id: Option<String>,
    filed_at: i64,
    decided_at: Option<i64>,
    closed_at: Option<i64>,
    outcome_sealed: Option<Vec<u8>>,
}

macro_rules! report_columns {
    () => {
        "r.report_id, r.council_id, r.reporter_id, r.what_sealed, r.place_sealed, r.officers, \
         r.vehicles, r.agency, r.source, r.seen_at, r.via_hotline, r.state, r.verifier_id, \
         r.filed_at, r.decided_at, r.closed_at, r.outcome_sealed"
    };
}

fn count(value: Option<i64>) -> Result<Option<u32>, StoreError> {
    value
        .map(|v| u32::try_from(v).map_err(|_| corrupt("report count")))
        .transpose()
}

impl TryFrom<ReportRow> for ReportRecord {
    type Error = StoreError;
    fn try_from(row: ReportRow) -> Result<Self, StoreError> {
        Ok(ReportRecord {
            id: ReportId::new(row.report_id),
            council_id: CouncilId::new(row.council_id),
            reporter: row.reporter_id.map(MemberId::new),
            what_sealed: row.what_sealed,
            place_sealed: row.place_sealed,
            officers: count(row.officers)?,
            vehicles: count(row.vehicles)?,
            agency: Agency::from_code(&row.agency).ok_or_else(|| corrupt("agency"))?,
            source: Source::from_code(&row.source).ok_or_else(|| corrupt("report source"))?,
            seen_at: row.seen_at,
            via_hotline: row.via_hotline != 0,
            state: state(&row.state)?,
            verifier: row.verifier_id.map(MemberId::new),
            filed_at: row.filed_at,
            decided_at: row.decided_at,
            closed_at: row.closed_at,
            outcome_sealed: row.outcome_sealed,
        })
    }
}

fn state(code: &str) -> Result<ReportState, StoreError> {
    ReportState::from_code(code).ok_or_else(|| corrupt("report state"))
}

fn response_role(code: &str) -> Result<ResponseRole, StoreError> {
    ResponseRole::from_code(code).ok_or_else(|| corrupt("response role"))
}

/// Locks a report's row for the rest of the transaction (PostgreSQL; SQLite has one writer)
/// and reads its state, or `NotFound`.
async fn lock_report(
    conn: &mut AnyConnection,
    backend: Backend,
    id: &ReportId,
) -> Result<ReportState, StoreError> {
    let sql = match backend {
        Backend::Sqlite => "select state from report where report_id = $1",
        Backend::Postgres => "select state from report where report_id = $1 for update",
    };
    let row: Option<(String,)> = sqlx::query_as(sql)
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend_error)?;
    state(&row.ok_or(StoreError::NotFound)?.0)
}

/// Appends an entry to a report's timeline, after its last one.
async fn append(
    conn: &mut AnyConnection,
    id: &ReportId,
    update: &NewUpdate,
) -> Result<(), StoreError> {
    let (last,): (Option<i64>,) =
        sqlx::query_as("select max(seq) from report_update where report_id = $1")
            .bind(id.as_str())
            .fetch_one(&mut *conn)
            .await
            .map_err(backend_error)?;
    sqlx::query(
        "insert into report_update (report_id, seq, kind, author_id, at, body_sealed, role)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id.as_str())
    .bind(last.unwrap_or(0) + 1)
    .bind(update.kind.code())
    .bind(update.author.as_str())
    .bind(update.at)
    .bind(update.body_sealed.clone())
    .bind(update.role.map(|r| r.code()))
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(())
}

/// Adds to a committee's counts, creating its row on first use.
async fn tally(
    conn: &mut AnyConnection,
    council: &str,
    reports: i64,
    alerts: i64,
    false_alarms: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into report_count (council_id, reports, alerts, false_alarms)
         values ($1, $2, $3, $4)
         on conflict (council_id) do update set
           reports = report_count.reports + excluded.reports,
           alerts = report_count.alerts + excluded.alerts,
           false_alarms = report_count.false_alarms + excluded.false_alarms",
    )
    .bind(council)
    .bind(reports)
    .bind(alerts)
    .bind(false_alarms)
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(())
}

#[async_trait]
impl ReportStore for Db {
    async fn file_report(
        &self,
        report: &ReportRecord,
        update: &NewUpdate,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "insert into report (report_id, council_id, reporter_id, what_sealed, place_sealed,
               officers, vehicles, agency, source, seen_at, via_hotline, state, verifier_id,
               filed_at, decided_at, closed_at, outcome_sealed)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        )
        .bind(report.id.as_str())
        .bind(report.council_id.as_str())
        .bind(report.reporter.as_ref().map(|m| m.as_str()))
        .bind(report.what_sealed.clone())
        .bind(report.place_sealed.clone())
        .bind(report.officers.map(i64::from))
        .bind(report.vehicles.map(i64::from))
        .bind(report.agency.code())
        .bind(report.source.code())
        .bind(report.seen_at)
        .bind(i64::from(report.via_hotline))
        .bind(report.state.code())
        .bind(report.verifier.as_ref().map(|m| m.as_str()))
        .bind(report.filed_at)
        .bind(report.decided_at)
        .bind(report.closed_at)
        .bind(report.outcome_sealed.clone())
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        append(&mut tx, &report.id, update).await?;
        tally(&mut tx, report.council_id.as_str(), 1, 0, 0).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn report(&self, id: &ReportId) -> Result<Option<ReportRecord>, StoreError> {
        let row: Option<ReportRow> = sqlx::query_as(concat!(
            "select ",
            report_columns!(),
            " from report r where r.report_id = $1"
        ))
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        row.map(ReportRecord::try_from).transpose()
    }

    async fn council_reports(&self, council: &CouncilId) -> Result<Vec<ReportRecord>, StoreError> {
        let rows: Vec<ReportRow> = sqlx::query_as(concat!(
            "select ",
            report_columns!(),
            " from report r where r.council_id = $1 order by r.filed_at desc, r.report_id"
        ))
        .bind(council.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(ReportRecord::try_from).collect()
    }

    async fn neighbour_alerts(&self, council: &CouncilId) -> Result<Vec<ReportRecord>, StoreError> {
        let rows: Vec<ReportRow> = sqlx::query_as(concat!(
            "select ",
            report_columns!(),
            " from report r join rapid_response_neighbour n on n.council_id = r.council_id
              where n.neighbour_id = $1 and r.state in ('confirmed', 'closed')
              order by r.filed_at desc, r.report_id"
        ))
        .bind(council.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(ReportRecord::try_from).collect()
    }

    async fn advance_report(
        &self,
        id: &ReportId,
        step: &ReportStep,
        outcome_sealed: Option<Vec<u8>>,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if lock_report(&mut tx, self.backend, id).await? != step.from {
            return Err(StoreError::Conflict);
        }
        let at = step.update.at;
        let decided = matches!(step.to, ReportState::Confirmed | ReportState::FalseAlarm);
        let closed = step.to == ReportState::Closed;
        sqlx::query(
            "update report set state = $1, verifier_id = $2,
               decided_at = case when $3 = 1 then $4 else decided_at end,
               closed_at = case when $5 = 1 then $4 else closed_at end,
               outcome_sealed = coalesce($6, outcome_sealed)
             where report_id = $7",
        )
        .bind(step.to.code())
        .bind(step.verifier.as_ref().map(|m| m.as_str()))
        .bind(i64::from(decided))
        .bind(at)
        .bind(i64::from(closed))
        .bind(outcome_sealed)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        append(&mut tx, id, &step.update).await?;
        let alerts = i64::from(step.to == ReportState::Confirmed);
        let false_alarms = i64::from(step.to == ReportState::FalseAlarm);
        if alerts + false_alarms > 0 {
            let (council,): (String,) =
                sqlx::query_as("select council_id from report where report_id = $1")
                    .bind(id.as_str())
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(backend_error)?;
            tally(&mut tx, &council, 0, alerts, false_alarms).await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn add_update(
        &self,
        id: &ReportId,
        state: ReportState,
        update: &NewUpdate,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if lock_report(&mut tx, self.backend, id).await? != state {
            return Err(StoreError::Conflict);
        }
        append(&mut tx, id, update).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn respond(
        &self,
        id: &ReportId,
        role: ResponseRole,
        update: &NewUpdate,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if lock_report(&mut tx, self.backend, id).await? != ReportState::Confirmed {
            return Err(StoreError::Conflict);
        }
        sqlx::query(
            "insert into report_response (report_id, member_id, role, at) values ($1, $2, $3, $4)
             on conflict (report_id, member_id) do update set role = excluded.role, at = excluded.at",
        )
        .bind(id.as_str())
        .bind(update.author.as_str())
        .bind(role.code())
        .bind(update.at)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        append(&mut tx, id, update).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn responses(&self, id: &ReportId) -> Result<Vec<ResponseRecord>, StoreError> {
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
            "select r.member_id, m.handle, r.role, r.at from report_response r
             join member m on m.member_id = r.member_id
             where r.report_id = $1 order by r.at, m.handle_key",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter()
            .map(|(member, handle, code, at)| {
                Ok(ResponseRecord {
                    report_id: id.clone(),
                    member_id: MemberId::new(member),
                    handle: Handle::from_stored(handle),
                    role: response_role(&code)?,
                    at,
                })
            })
            .collect()
    }

    async fn updates(&self, id: &ReportId) -> Result<Vec<UpdateRecord>, StoreError> {
        type Row = (
            i64,
            String,
            Option<String>,
            Option<String>,
            i64,
            Option<Vec<u8>>,
            Option<String>,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "select u.seq, u.kind, u.author_id, m.handle, u.at, u.body_sealed, u.role
             from report_update u left join member m on m.member_id = u.author_id
             where u.report_id = $1 order by u.seq",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter()
            .map(|(seq, kind, author, handle, at, body_sealed, role_code)| {
                Ok(UpdateRecord {
                    report_id: id.clone(),
                    seq,
                    kind: UpdateKind::from_code(&kind).ok_or_else(|| corrupt("update kind"))?,
                    author: author.map(MemberId::new),
                    author_handle: handle.map(Handle::from_stored),
                    at,
                    body_sealed,
                    role: role_code.as_deref().map(response_role).transpose()?,
                })
            })
            .collect()
    }

    async fn members_holding(
        &self,
        council: &CouncilId,
        roles: &[Role],
    ) -> Result<Vec<MemberId>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let mut members = Vec::new();
        for wanted in roles {
            // One row holding every id (ids are tokens without spaces), not a row per
            // member, so 18,000 responders are read in one step. Every role belongs to a
            // membership (a foreign key): leaving out the members who are not active leaves
            // the active ones, with one list rather than a lookup per holder.
            let (ids,): (Option<String>,) = sqlx::query_as(
                "select string_agg(r.member_id, ' ') from membership_role r
                 where r.council_id = $1 and r.role = $2
                   and r.member_id not in (select ms.member_id from membership ms
                                           where ms.council_id = $1 and ms.status <> 'active')",
            )
            .bind(council.as_str())
            .bind(wanted.code())
            .fetch_one(&mut *conn)
            .await
            .map_err(backend_error)?;
            members.extend(ids.iter().flat_map(|ids| ids.split(' ')).map(MemberId::new));
        }
        // One role's list comes in index order: sorting 18,000 ids again would take a few
        // milliseconds of the alert's way out.
        if roles.len() > 1 || !members.is_sorted() {
            members.sort();
            members.dedup();
        }
        Ok(members)
    }

    async fn report_counts(&self, council: &CouncilId) -> Result<ReportCounts, StoreError> {
        let row: Option<(i64, i64, i64)> = sqlx::query_as(
            "select reports, alerts, false_alarms from report_count where council_id = $1",
        )
        .bind(council.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        let (reports, alerts, false_alarms) = row.unwrap_or_default();
        let n = |v: i64| u64::try_from(v).map_err(|_| corrupt("report count"));
        Ok(ReportCounts {
            reports: n(reports)?,
            alerts: n(alerts)?,
            false_alarms: n(false_alarms)?,
        })
    }

    async fn rapid_response_settings(
        &self,
        council: &CouncilId,
    ) -> Result<RapidResponseSettings, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let days: Option<(i64,)> =
            sqlx::query_as("select closed_days from rapid_response_setting where council_id = $1")
                .bind(council.as_str())
                .fetch_optional(&mut *conn)
                .await
                .map_err(backend_error)?;
        let neighbours: Vec<(String,)> = sqlx::query_as(
            "select neighbour_id from rapid_response_neighbour where council_id = $1
             order by neighbour_id",
        )
        .bind(council.as_str())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        Ok(RapidResponseSettings {
            closed_days: match days {
                Some((d,)) => u32::try_from(d).map_err(|_| corrupt("retention days"))?,
                None => CLOSED_DAYS_DEFAULT,
            },
            neighbours: neighbours
                .into_iter()
                .map(|(id,)| CouncilId::new(id))
                .collect(),
        })
    }

    async fn set_rapid_response_settings(
        &self,
        council: &CouncilId,
        settings: &RapidResponseSettings,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "insert into rapid_response_setting (council_id, closed_days) values ($1, $2)
             on conflict (council_id) do update set closed_days = excluded.closed_days",
        )
        .bind(council.as_str())
        .bind(i64::from(settings.closed_days))
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        sqlx::query("delete from rapid_response_neighbour where council_id = $1")
            .bind(council.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        for neighbour in &settings.neighbours {
            if neighbour == council {
                continue;
            }
            sqlx::query(
                "insert into rapid_response_neighbour (council_id, neighbour_id) values ($1, $2)",
            )
            .bind(council.as_str())
            .bind(neighbour.as_str())
            .execute(&mut *tx)
            .await
            .map_err(|e| match e.as_database_error() {
                Some(d) if d.is_foreign_key_violation() => StoreError::NotFound,
                _ => backend_error(e),
            })?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn purge_reports(&self, now: i64) -> Result<u64, StoreError> {
        let c = cutoffs(now, CLOSED_DAYS_DEFAULT);
        let mut tx = self.begin().await?;
        // The responses and the timeline go with their report (on delete cascade).
        let deleted = sqlx::query(
            "delete from report where
               (state = 'false-alarm' and decided_at < $1)
               or (state = 'closed' and closed_at < $2 - 86400 * coalesce(
                     (select s.closed_days from rapid_response_setting s
                      where s.council_id = report.council_id), $3))
               or (state in ('filed', 'taken', 'more-info') and filed_at < $4)
               or (state = 'confirmed' and decided_at < $5)",
        )
        .bind(c.false_alarm_before)
        .bind(now)
        .bind(i64::from(CLOSED_DAYS_DEFAULT))
        .bind(c.unanswered_before)
        .bind(c.open_before)
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

impl Db {
    /// Copies every page of the WAL into the file and truncates the WAL to nothing, so that
    /// pages from before a secure delete are left nowhere. Readers may hold the WAL for a
    /// moment, so it retries briefly before giving up (the next sweep tries again).
    pub(crate) async fn truncate_wal(&self) -> Result<(), StoreError> {
        for _ in 0..50 {
            let (busy, _, _): (i64, i64, i64) = sqlx::query_as("pragma wal_checkpoint(truncate)")
                .fetch_one(&self.write)
                .await
                .map_err(backend_error)?;
            if busy == 0 {
                return Ok(());
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        tracing::warn!("the WAL could not be truncated after the retention sweep");
        Ok(())
    }
}
