//! A strike's picket rota in the database: shifts, sign-ups, and the reminders the sweep
//! claims once each.

use crate::rows::corrupt;
use crate::{Db, backend_error};
use councils_app::StoreError;
use councils_app::ports::{PicketReminder, ShiftRecord};
use councils_domain::strike::ShiftPlan;
use councils_domain::{CouncilId, Handle, MemberId, ShiftId, StrikeId};
use sqlx::AnyConnection;

type ShiftRow = (String, String, String, i64, i64, i64);

const SHIFT_COLUMNS: &str = "shift_id, strike_id, place, starts_at, ends_at, needed";

async fn with_signups(conn: &mut AnyConnection, row: ShiftRow) -> Result<ShiftRecord, StoreError> {
    let (id, strike, place, starts_at, ends_at, needed) = row;
    let signed: Vec<(String, String)> = sqlx::query_as(
        "select s.member_id, m.handle from picket_signup s \
         join member m on m.member_id = s.member_id \
         where s.shift_id = $1 order by s.signed_at, m.handle_key",
    )
    .bind(&id)
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(ShiftRecord {
        id: ShiftId::new(id),
        strike_id: StrikeId::new(strike),
        plan: ShiftPlan {
            place,
            starts_at,
            ends_at,
            needed: u32::try_from(needed).map_err(|_| corrupt("shift"))?,
        },
        signed_up: signed
            .into_iter()
            .map(|(member, handle)| (MemberId::new(member), Handle::from_stored(handle)))
            .collect(),
    })
}

pub(crate) async fn add_shift(
    db: &Db,
    strike: &StrikeId,
    id: &ShiftId,
    plan: &ShiftPlan,
    by: &MemberId,
) -> Result<(), StoreError> {
    db.write_one(
        sqlx::query(
            "insert into picket_shift \
             (shift_id, strike_id, place, starts_at, ends_at, needed, created_by) \
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.as_str())
        .bind(strike.as_str())
        .bind(&plan.place)
        .bind(plan.starts_at)
        .bind(plan.ends_at)
        .bind(i64::from(plan.needed))
        .bind(by.as_str()),
    )
    .await
    .map_err(backend_error)?;
    Ok(())
}

pub(crate) async fn shifts(db: &Db, strike: &StrikeId) -> Result<Vec<ShiftRecord>, StoreError> {
    let mut conn = db.read.acquire().await.map_err(backend_error)?;
    let rows: Vec<ShiftRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select {SHIFT_COLUMNS} from picket_shift where strike_id = $1 \
         order by starts_at, place, shift_id"
    )))
    .bind(strike.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    let mut shifts = Vec::with_capacity(rows.len());
    for row in rows {
        shifts.push(with_signups(&mut conn, row).await?);
    }
    Ok(shifts)
}

pub(crate) async fn shift(db: &Db, id: &ShiftId) -> Result<Option<ShiftRecord>, StoreError> {
    let mut conn = db.read.acquire().await.map_err(backend_error)?;
    let row: Option<ShiftRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select {SHIFT_COLUMNS} from picket_shift where shift_id = $1"
    )))
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    match row {
        Some(row) => Ok(Some(with_signups(&mut conn, row).await?)),
        None => Ok(None),
    }
}

pub(crate) async fn sign_up(
    db: &Db,
    shift: &ShiftId,
    member: &MemberId,
    now: i64,
) -> Result<(), StoreError> {
    db.write_one(
        sqlx::query(
            "insert into picket_signup (shift_id, member_id, signed_at) values ($1, $2, $3) \
             on conflict (shift_id, member_id) do nothing",
        )
        .bind(shift.as_str())
        .bind(member.as_str())
        .bind(now),
    )
    .await
    .map_err(backend_error)?;
    Ok(())
}

pub(crate) async fn withdraw(
    db: &Db,
    shift: &ShiftId,
    member: &MemberId,
) -> Result<(), StoreError> {
    db.write_one(
        sqlx::query("delete from picket_signup where shift_id = $1 and member_id = $2")
            .bind(shift.as_str())
            .bind(member.as_str()),
    )
    .await
    .map_err(backend_error)?;
    Ok(())
}

pub(crate) async fn claim_reminders(
    db: &Db,
    now: i64,
    lead: i64,
) -> Result<Vec<PicketReminder>, StoreError> {
    let mut tx = db.begin().await?;
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "select s.shift_id, s.member_id, p.strike_id, k.strike_committee_id \
         from picket_signup s \
         join picket_shift p on p.shift_id = s.shift_id \
         join strike k on k.strike_id = p.strike_id \
         where s.reminded_at is null and p.starts_at > $1 and p.starts_at <= $2 \
         order by p.starts_at, s.shift_id, s.member_id",
    )
    .bind(now)
    .bind(now + lead)
    .fetch_all(&mut *tx)
    .await
    .map_err(backend_error)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    // Another process's sweep may claim the same rows: on PostgreSQL its update waits for
    // ours and then finds them reminded, so each reminder is kept by one claimant only.
    let mut claimed = Vec::with_capacity(rows.len());
    for row in rows {
        let (shift, member, _, _) = &row;
        let updated = sqlx::query(
            "update picket_signup set reminded_at = $1 \
             where shift_id = $2 and member_id = $3 and reminded_at is null",
        )
        .bind(now)
        .bind(shift)
        .bind(member)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        if updated.rows_affected() == 1 {
            claimed.push(row);
        }
    }
    db.commit(tx).await.map_err(backend_error)?;
    Ok(claimed
        .into_iter()
        .map(|(shift, member, strike, committee)| PicketReminder {
            strike_id: StrikeId::new(strike),
            strike_committee: CouncilId::new(committee),
            shift_id: ShiftId::new(shift),
            member_id: MemberId::new(member),
        })
        .collect())
}
