//! Sessions (stored as token hashes) and the retention sweep.

use crate::rows::{SessionRow, language, session_columns, session_kind_code};
use crate::{Db, backend_error};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{LiveSession, Purged, SessionRecord, SessionStore};
use councils_domain::{Handle, MemberId, SessionId};

#[derive(sqlx::FromRow)]
struct LiveSessionRow {
    #[sqlx(flatten)]
    session: SessionRow,
    handle: String,
    language: String,
}

#[async_trait]
impl SessionStore for Db {
    async fn create_session(&self, session: &SessionRecord) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query(concat!(
                "insert into session (",
                session_columns!(),
                ") values ($1, $2, $3, $4, $5, $6)"
            ))
            .bind(session.id.as_str())
            .bind(&session.token_hash)
            .bind(session.member_id.as_str())
            .bind(session_kind_code(session.kind))
            .bind(session.created_at)
            .bind(session.last_seen_at),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn session_by_token_hash(&self, hash: &str) -> Result<Option<LiveSession>, StoreError> {
        let row: Option<LiveSessionRow> = sqlx::query_as(
            "select s.session_id, s.token_hash, s.member_id, s.kind, s.created_at, s.last_seen_at,
                    m.handle, m.language
             from session s join member m on m.member_id = s.member_id
             where s.token_hash = $1",
        )
        .bind(hash)
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        row.map(|row| {
            Ok(LiveSession {
                handle: Handle::from_stored(row.handle),
                language: language(&row.language)?,
                session: SessionRecord::try_from(row.session)?,
            })
        })
        .transpose()
    }

    async fn touch_session(&self, id: &SessionId, now: i64) -> Result<(), StoreError> {
        // Deliberately not `write_one`: see the port's comment on the write generation.
        sqlx::query("update session set last_seen_at = $1 where session_id = $2")
            .bind(now)
            .bind(id.as_str())
            .execute(&self.write)
            .await
            .map_err(backend_error)?;
        Ok(())
    }

    async fn sessions_of(&self, member: &MemberId) -> Result<Vec<SessionRecord>, StoreError> {
        let rows: Vec<SessionRow> = sqlx::query_as(concat!(
            "select ",
            session_columns!(),
            " from session where member_id = $1"
        ))
        .bind(member.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(SessionRecord::try_from).collect()
    }

    async fn delete_session(&self, member: &MemberId, id: &SessionId) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query("delete from session where session_id = $1 and member_id = $2")
                .bind(id.as_str())
                .bind(member.as_str()),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn purge(
        &self,
        now: i64,
        idle_before: i64,
        opened_before: i64,
    ) -> Result<Purged, StoreError> {
        let mut tx = self.begin().await?;
        let sessions =
            sqlx::query("delete from session where last_seen_at < $1 or created_at < $2")
                .bind(idle_before)
                .bind(opened_before)
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
        let invitations = sqlx::query("delete from invitation where expires_at < $1")
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        self.commit(tx).await.map_err(backend_error)?;
        Ok(Purged {
            sessions: sessions.rows_affected(),
            invitations: invitations.rows_affected(),
        })
    }
}
