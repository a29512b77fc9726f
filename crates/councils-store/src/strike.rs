//! Strikes in the database: opening one (with its strike committee and the committee's link
//! to it), committees joining, status, reads. The rota is in `strike_rota.rs`, the fund's
//! ledger in `strike_fund.rs`.

use crate::council::insert_council;
use crate::membership::add_membership;
use crate::rows::corrupt;
use crate::{Backend, Db, backend_error, is_unique_violation, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    LinkStatus, MovementRecord, NewMovement, NewStrike, PartyRecord, PicketReminder, ShiftRecord,
    StrikeCommittee, StrikePurge, StrikeRecord, StrikeStore,
};
use councils_domain::ledger::{Balances, Currency};
use councils_domain::strike::{ShiftPlan, StrikeError, StrikeStatus};
use councils_domain::{
    CouncilId, MemberId, MembershipStatus, MinutesEvent, MotionId, Role, ShiftId, StrikeId,
};
use sqlx::AnyConnection;

type StrikeRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    i64,
);

const STRIKE_COLUMNS: &str = "strike_id, strike_committee_id, title, status, currency, \
     opened_at, opened_by, status_changed_at";

/// Reads one strike with its parties and demands, on any connection.
pub(crate) async fn read_strike(
    conn: &mut AnyConnection,
    id: &StrikeId,
) -> Result<Option<StrikeRecord>, StoreError> {
    let row: Option<StrikeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "select {STRIKE_COLUMNS} from strike where strike_id = $1"
    )))
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    let Some(row) = row else {
        return Ok(None);
    };
    Ok(Some(complete(conn, row).await?))
}

async fn complete(conn: &mut AnyConnection, row: StrikeRow) -> Result<StrikeRecord, StoreError> {
    let (id, committee, title, status, currency, opened_at, opened_by, changed) = row;
    let parties: Vec<(String, String, i64)> = sqlx::query_as(
        "select council_id, motion_id, joined_at from strike_party where strike_id = $1 \
         order by seq",
    )
    .bind(&id)
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    let demands: Vec<(String,)> =
        sqlx::query_as("select body from strike_demand where strike_id = $1 order by position")
            .bind(&id)
            .fetch_all(&mut *conn)
            .await
            .map_err(backend_error)?;
    Ok(StrikeRecord {
        id: StrikeId::new(id),
        strike_committee: CouncilId::new(committee),
        title,
        status: StrikeStatus::from_code(&status).ok_or_else(|| corrupt("strike status"))?,
        currency: Currency::parse(&currency).map_err(|_| corrupt("currency"))?,
        opened_at,
        opened_by: opened_by.map(MemberId::new),
        status_changed_at: changed,
        parties: parties
            .into_iter()
            .map(|(council, motion, joined_at)| PartyRecord {
                council_id: CouncilId::new(council),
                motion_id: MotionId::new(motion),
                joined_at,
            })
            .collect(),
        demands: demands.into_iter().map(|(d,)| d).collect(),
    })
}

/// Locks the strike's row for the rest of the transaction (PostgreSQL; SQLite has one
/// writer), so two payments cannot both see the same cash.
pub(crate) async fn lock_strike(
    conn: &mut AnyConnection,
    backend: Backend,
    id: &StrikeId,
) -> Result<StrikeRecord, StoreError> {
    if backend == Backend::Postgres {
        sqlx::query("select strike_id from strike where strike_id = $1 for update")
            .bind(id.as_str())
            .execute(&mut *conn)
            .await
            .map_err(backend_error)?;
    }
    read_strike(conn, id).await?.ok_or(StoreError::NotFound)
}

fn vote_used(error: sqlx::Error) -> StoreError {
    if is_unique_violation(&error) {
        StrikeError::VoteUsed.into()
    } else {
        backend_error(error)
    }
}

impl Db {
    /// Makes `committee` an active constituent of `strike_committee` (the federation link,
    /// checked for cycles), minuted in both, unless it is one already.
    async fn link_to_strike_committee(
        &self,
        conn: &mut AnyConnection,
        committee: &CouncilId,
        strike_committee: &CouncilId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let status: Option<(String,)> = sqlx::query_as(
            "select status from council_link where constituent_id = $1 and parent_id = $2",
        )
        .bind(committee.as_str())
        .bind(strike_committee.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend_error)?;
        if status.as_ref().is_some_and(|(s,)| s == "active") {
            // A constituent already (as the demo's warehouse committee is).
            return Ok(());
        }
        let links = self.check_link(conn, committee, strike_committee).await?;
        let existing = links
            .iter()
            .find(|l| &l.constituent == committee && &l.parent == strike_committee);
        match existing.map(|l| l.status) {
            Some(LinkStatus::Active) => return Ok(()),
            Some(LinkStatus::Requested) => {
                sqlx::query(
                    "update council_link set status = 'active' \
                     where constituent_id = $1 and parent_id = $2",
                )
                .bind(committee.as_str())
                .bind(strike_committee.as_str())
                .execute(&mut *conn)
                .await
                .map_err(backend_error)?;
            }
            None => {
                sqlx::query(
                    "insert into council_link (constituent_id, parent_id, status, requested_at) \
                     values ($1, $2, 'active', $3)",
                )
                .bind(committee.as_str())
                .bind(strike_committee.as_str())
                .bind(now)
                .execute(&mut *conn)
                .await
                .map_err(backend_error)?;
            }
        }
        let event = MinutesEvent::LinkAccepted {
            constituent: committee.clone(),
            parent: strike_committee.clone(),
            by: by.clone(),
        };
        minutes::append(conn, committee, now, &event).await?;
        minutes::append(conn, strike_committee, now, &event).await
    }
}

async fn insert_party(
    conn: &mut AnyConnection,
    strike: &StrikeId,
    committee: &CouncilId,
    motion: &MotionId,
    by: &MemberId,
    now: i64,
) -> Result<(), StoreError> {
    let (last,): (Option<i64>,) =
        sqlx::query_as("select max(seq) from strike_party where strike_id = $1")
            .bind(strike.as_str())
            .fetch_one(&mut *conn)
            .await
            .map_err(backend_error)?;
    sqlx::query(
        "insert into strike_party (strike_id, council_id, motion_id, joined_at, joined_by, seq) \
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(strike.as_str())
    .bind(committee.as_str())
    .bind(motion.as_str())
    .bind(now)
    .bind(by.as_str())
    .bind(last.unwrap_or(0) + 1)
    .execute(&mut *conn)
    .await
    .map_err(vote_used)?;
    Ok(())
}

#[async_trait]
impl StrikeStore for Db {
    async fn open_strike(&self, s: &NewStrike) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let strike_committee = match &s.strike_committee {
            StrikeCommittee::Found(council) => {
                insert_council(&mut tx, council, Some(&s.by), s.now).await?;
                add_membership(
                    &mut tx,
                    &council.id,
                    &s.by,
                    Role::Organiser,
                    MembershipStatus::Active,
                    s.now,
                )
                .await?;
                council.id.clone()
            }
            StrikeCommittee::Existing(id) => id.clone(),
        };
        self.link_to_strike_committee(&mut tx, &s.committee, &strike_committee, &s.by, s.now)
            .await?;
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "insert into strike ({STRIKE_COLUMNS}) values ($1, $2, $3, 'active', $4, $5, $6, $5)"
        )))
        .bind(s.id.as_str())
        .bind(strike_committee.as_str())
        .bind(&s.title)
        .bind(s.currency.code())
        .bind(s.now)
        .bind(s.by.as_str())
        .execute(&mut *tx)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                // The strike committee already runs a strike.
                StoreError::Conflict
            } else {
                backend_error(e)
            }
        })?;
        for (position, demand) in s.demands.iter().enumerate() {
            sqlx::query(
                "insert into strike_demand (strike_id, position, body) values ($1, $2, $3)",
            )
            .bind(s.id.as_str())
            .bind(position as i64)
            .bind(demand)
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        }
        insert_party(&mut tx, &s.id, &s.committee, &s.motion, &s.by, s.now).await?;
        let event = MinutesEvent::StrikeOpened {
            strike: s.id.clone(),
            committee: s.committee.clone(),
            strike_committee: strike_committee.clone(),
            motion: s.motion.clone(),
            by: s.by.clone(),
        };
        minutes::append(&mut tx, &s.committee, s.now, &event).await?;
        minutes::append(&mut tx, &strike_committee, s.now, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn join_strike(
        &self,
        strike: &StrikeId,
        committee: &CouncilId,
        motion: &MotionId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let record = lock_strike(&mut tx, self.backend(), strike).await?;
        if record.status.is_over() {
            return Err(StrikeError::Ended.into());
        }
        if record.parties.iter().any(|p| &p.council_id == committee) {
            return Err(StrikeError::AlreadyJoined.into());
        }
        self.link_to_strike_committee(&mut tx, committee, &record.strike_committee, by, now)
            .await?;
        insert_party(&mut tx, strike, committee, motion, by, now).await?;
        let event = MinutesEvent::StrikeJoined {
            strike: strike.clone(),
            committee: committee.clone(),
            motion: motion.clone(),
            by: by.clone(),
        };
        minutes::append(&mut tx, committee, now, &event).await?;
        minutes::append(&mut tx, &record.strike_committee, now, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn strike(&self, id: &StrikeId) -> Result<Option<StrikeRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        read_strike(&mut conn, id).await
    }

    async fn strikes_of(&self, council: &CouncilId) -> Result<Vec<StrikeRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let rows: Vec<StrikeRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {STRIKE_COLUMNS} from strike where strike_committee_id = $1 \
             or strike_id in (select strike_id from strike_party where council_id = $1) \
             order by opened_at desc, strike_id"
        )))
        .bind(council.as_str())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        let mut strikes = Vec::with_capacity(rows.len());
        for row in rows {
            strikes.push(complete(&mut conn, row).await?);
        }
        Ok(strikes)
    }

    async fn set_strike_status(
        &self,
        id: &StrikeId,
        status: StrikeStatus,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let record = lock_strike(&mut tx, self.backend(), id).await?;
        sqlx::query("update strike set status = $1, status_changed_at = $2 where strike_id = $3")
            .bind(status.code())
            .bind(now)
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        let event = MinutesEvent::StrikeStatusChanged {
            strike: id.clone(),
            status: status.code().to_string(),
            by: by.clone(),
        };
        minutes::append(&mut tx, &record.strike_committee, now, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn add_shift(
        &self,
        strike: &StrikeId,
        id: &ShiftId,
        plan: &ShiftPlan,
        by: &MemberId,
    ) -> Result<(), StoreError> {
        crate::strike_rota::add_shift(self, strike, id, plan, by).await
    }

    async fn shifts(&self, strike: &StrikeId) -> Result<Vec<ShiftRecord>, StoreError> {
        crate::strike_rota::shifts(self, strike).await
    }

    async fn shift(&self, id: &ShiftId) -> Result<Option<ShiftRecord>, StoreError> {
        crate::strike_rota::shift(self, id).await
    }

    async fn sign_up(
        &self,
        shift: &ShiftId,
        member: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        crate::strike_rota::sign_up(self, shift, member, now).await
    }

    async fn withdraw(&self, shift: &ShiftId, member: &MemberId) -> Result<(), StoreError> {
        crate::strike_rota::withdraw(self, shift, member).await
    }

    async fn claim_reminders(
        &self,
        now: i64,
        lead: i64,
    ) -> Result<Vec<PicketReminder>, StoreError> {
        crate::strike_rota::claim_reminders(self, now, lead).await
    }

    async fn record_movement(&self, movement: &NewMovement) -> Result<(), StoreError> {
        crate::strike_fund::record_movement(self, movement).await
    }

    async fn movements(&self, strike: &StrikeId) -> Result<Vec<MovementRecord>, StoreError> {
        crate::strike_fund::movements(self, strike).await
    }

    async fn balances(&self, strike: &StrikeId) -> Result<Balances, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        crate::strike_fund::balances(&mut conn, strike).await
    }

    async fn purge_strikes(
        &self,
        shifts_before: i64,
        payees_before: i64,
    ) -> Result<StrikePurge, StoreError> {
        let mut tx = self.begin().await?;
        let shifts = sqlx::query("delete from picket_shift where ends_at < $1")
            .bind(shifts_before)
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?
            .rows_affected();
        let payees = sqlx::query(
            "update fund_movement set payee_id = null where payee_id is not null and strike_id in \
             (select strike_id from strike where status in ('won', 'ended') \
              and status_changed_at < $1)",
        )
        .bind(payees_before)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?
        .rows_affected();
        self.commit(tx).await.map_err(backend_error)?;
        Ok(StrikePurge { shifts, payees })
    }
}
