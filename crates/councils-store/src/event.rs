//! Events in the database: the call-out (sealed texts), the councils it is shared with, the
//! roles it needs, who is coming, who took a role, and live updates.

use crate::{Backend, Db, backend_error};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    EventDetail, EventRecord, EventStore, EventUpdateRecord, Rsvp, SignUp, SignUpOutcome,
};
use councils_domain::event::{EventKind, EventRole};
use councils_domain::{CouncilId, EventId, Handle, MemberId};

type EventRow = (
    String,
    String,
    String,
    i64,
    i64,
    i64,
    Vec<u8>,
    Option<String>,
    i64,
    Option<i64>,
);

const EVENT_COLUMNS: &str = "e.event_id, e.council_id, e.kind, e.starts_at, e.ends_at, \
     e.utc_offset, e.text_sealed, e.created_by, e.created_at, e.cancelled_at";

fn corrupt(what: &str) -> StoreError {
    crate::rows::corrupt(what)
}

fn event(row: EventRow) -> Result<EventRecord, StoreError> {
    let (id, council, kind, starts, ends, offset, text, by, at, cancelled) = row;
    Ok(EventRecord {
        id: EventId::new(id),
        council_id: CouncilId::new(council),
        kind: EventKind::from_code(&kind).ok_or_else(|| corrupt("event kind"))?,
        starts_at: starts,
        ends_at: ends,
        utc_offset: i32::try_from(offset).map_err(|_| corrupt("event offset"))?,
        text_sealed: text,
        created_by: by.map(MemberId::new),
        created_at: at,
        cancelled_at: cancelled,
    })
}

fn role(code: &str) -> Result<EventRole, StoreError> {
    EventRole::from_code(code).ok_or_else(|| corrupt("event role"))
}

fn handle(text: &str) -> Result<Handle, StoreError> {
    Handle::parse(text).map_err(|_| corrupt("handle"))
}

#[async_trait]
impl EventStore for Db {
    async fn create_event(
        &self,
        e: &EventRecord,
        needs: &[(EventRole, u32)],
        shared_with: &[CouncilId],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(
            "insert into event (event_id, council_id, kind, starts_at, ends_at, utc_offset, \
             text_sealed, created_by, created_at, cancelled_at) \
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(e.id.as_str())
        .bind(e.council_id.as_str())
        .bind(e.kind.code())
        .bind(e.starts_at)
        .bind(e.ends_at)
        .bind(i64::from(e.utc_offset))
        .bind(e.text_sealed.clone())
        .bind(e.created_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(e.created_at)
        .bind(e.cancelled_at)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        for (r, needed) in needs {
            sqlx::query("insert into event_role (event_id, role, needed) values ($1, $2, $3)")
                .bind(e.id.as_str())
                .bind(r.code())
                .bind(i64::from(*needed))
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
        }
        for council in shared_with {
            sqlx::query("insert into event_share (event_id, council_id) values ($1, $2)")
                .bind(e.id.as_str())
                .bind(council.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn event(&self, id: &EventId) -> Result<Option<EventDetail>, StoreError> {
        let row: Option<EventRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {EVENT_COLUMNS} from event e where e.event_id = $1"
        )))
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let event = event(row)?;
        let needs: Vec<(String, i64)> =
            sqlx::query_as("select role, needed from event_role where event_id = $1 order by role")
                .bind(id.as_str())
                .fetch_all(&self.read)
                .await
                .map_err(backend_error)?;
        let sign_ups: Vec<(String, String, String)> = sqlx::query_as(
            "select s.member_id, m.handle, s.role from event_signup s \
             join member m on m.member_id = s.member_id \
             where s.event_id = $1 order by s.signed_at, m.handle_key",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        let rsvps: Vec<(String, String)> = sqlx::query_as(
            "select r.member_id, m.handle from event_rsvp r \
             join member m on m.member_id = r.member_id \
             where r.event_id = $1 order by m.handle_key",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        let shares: Vec<(String,)> =
            sqlx::query_as("select council_id from event_share where event_id = $1")
                .bind(id.as_str())
                .fetch_all(&self.read)
                .await
                .map_err(backend_error)?;
        let updates: Vec<(String, Vec<u8>, Option<String>, i64)> = sqlx::query_as(
            "select event_update_id, text_sealed, posted_by, posted_at from event_update \
             where event_id = $1 order by posted_at desc, event_update_id desc",
        )
        .bind(id.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        let mut needs = needs
            .into_iter()
            .map(|(r, n)| Ok((role(&r)?, u32::try_from(n).map_err(|_| corrupt("needed"))?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        // In the order roles are listed (marshals first), not by their codes.
        needs.sort();
        Ok(Some(EventDetail {
            needs,
            sign_ups: sign_ups
                .into_iter()
                .map(|(m, h, r)| {
                    Ok(SignUp {
                        member_id: MemberId::new(m),
                        handle: handle(&h)?,
                        role: role(&r)?,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
            rsvps: rsvps
                .into_iter()
                .map(|(m, h)| {
                    Ok(Rsvp {
                        member_id: MemberId::new(m),
                        handle: handle(&h)?,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
            shared_with: shares.into_iter().map(|(c,)| CouncilId::new(c)).collect(),
            updates: updates
                .into_iter()
                .map(|(uid, text, by, at)| EventUpdateRecord {
                    id: uid,
                    event_id: event.id.clone(),
                    text_sealed: text,
                    posted_by: by.map(MemberId::new),
                    posted_at: at,
                })
                .collect(),
            event,
        }))
    }

    async fn events_for(
        &self,
        council: &CouncilId,
        from: i64,
    ) -> Result<Vec<EventRecord>, StoreError> {
        let rows: Vec<EventRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {EVENT_COLUMNS} from event e where e.ends_at >= $2 and (e.council_id = $1 \
             or exists (select 1 from event_share s where s.event_id = e.event_id \
                        and s.council_id = $1)) \
             order by e.starts_at, e.event_id"
        )))
        .bind(council.as_str())
        .bind(from)
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(event).collect()
    }

    async fn set_rsvp(
        &self,
        event: &EventId,
        member: &MemberId,
        going: bool,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if going {
            sqlx::query(
                "insert into event_rsvp (event_id, member_id, rsvp_at) values ($1, $2, $3) \
                 on conflict (event_id, member_id) do nothing",
            )
            .bind(event.as_str())
            .bind(member.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        } else {
            for table in ["event_signup", "event_rsvp"] {
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "delete from {table} where event_id = $1 and member_id = $2"
                )))
                .bind(event.as_str())
                .bind(member.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
            }
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn sign_up(
        &self,
        event: &EventId,
        member: &MemberId,
        r: EventRole,
        now: i64,
    ) -> Result<SignUpOutcome, StoreError> {
        let mut tx = self.begin().await?;
        // On PostgreSQL the role's row is locked so two last sign-ups cannot both fit; SQLite
        // has one writer, so nothing else writes meanwhile.
        let lock = match self.backend {
            Backend::Sqlite => "select needed from event_role where event_id = $1 and role = $2",
            Backend::Postgres => {
                "select needed from event_role where event_id = $1 and role = $2 for update"
            }
        };
        let needed: Option<(i64,)> = sqlx::query_as(lock)
            .bind(event.as_str())
            .bind(r.code())
            .fetch_optional(&mut *tx)
            .await
            .map_err(backend_error)?;
        let Some((needed,)) = needed else {
            return Ok(SignUpOutcome::NotNeeded);
        };
        let (signed,): (i64,) = sqlx::query_as(
            "select count(*) from event_signup where event_id = $1 and role = $2 \
             and member_id <> $3",
        )
        .bind(event.as_str())
        .bind(r.code())
        .bind(member.as_str())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend_error)?;
        if signed >= needed {
            return Ok(SignUpOutcome::Full);
        }
        sqlx::query("delete from event_signup where event_id = $1 and member_id = $2")
            .bind(event.as_str())
            .bind(member.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        sqlx::query(
            "insert into event_signup (event_id, member_id, role, signed_at) \
             values ($1, $2, $3, $4)",
        )
        .bind(event.as_str())
        .bind(member.as_str())
        .bind(r.code())
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        sqlx::query(
            "insert into event_rsvp (event_id, member_id, rsvp_at) values ($1, $2, $3) \
             on conflict (event_id, member_id) do nothing",
        )
        .bind(event.as_str())
        .bind(member.as_str())
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        self.commit(tx).await.map_err(backend_error)?;
        Ok(SignUpOutcome::Signed)
    }

    async fn leave_role(&self, event: &EventId, member: &MemberId) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query("delete from event_signup where event_id = $1 and member_id = $2")
                .bind(event.as_str())
                .bind(member.as_str()),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn add_event_update(&self, u: &EventUpdateRecord) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query(
                "insert into event_update (event_update_id, event_id, text_sealed, posted_by, \
                 posted_at) values ($1, $2, $3, $4, $5)",
            )
            .bind(u.id.as_str())
            .bind(u.event_id.as_str())
            .bind(u.text_sealed.clone())
            .bind(u.posted_by.as_ref().map(|m| m.as_str().to_string()))
            .bind(u.posted_at),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn cancel_event(&self, event: &EventId, now: i64) -> Result<(), StoreError> {
        let done = self
            .write_one(
                sqlx::query(
                    "update event set cancelled_at = $2 where event_id = $1 \
                     and cancelled_at is null",
                )
                .bind(event.as_str())
                .bind(now),
            )
            .await
            .map_err(backend_error)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict);
        }
        Ok(())
    }

    async fn purge_events(&self, ended_before: i64) -> Result<u64, StoreError> {
        let mut tx = self.begin().await?;
        // Roles, sign-ups, RSVPs, shares and updates go with their event (on delete cascade).
        let deleted = sqlx::query("delete from event where ends_at < $1")
            .bind(ended_before)
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
