//! Members' own records, and erasing a member.

use crate::rows::{MemberRow, member_columns};
use crate::{Db, backend_error, is_unique_violation, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{MemberRecord, MemberStore};
use councils_domain::{CouncilId, Handle, Language, MemberId, MinutesEvent, SessionId};

#[async_trait]
impl MemberStore for Db {
    fn generation(&self) -> Option<u64> {
        Db::generation(self)
    }

    async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("select 1")
            .execute(&self.read)
            .await
            .map_err(backend_error)?;
        Ok(())
    }

    async fn is_empty(&self) -> Result<bool, StoreError> {
        let (councils, members): (i64, i64) =
            sqlx::query_as("select (select count(*) from council), (select count(*) from member)")
                .fetch_one(&self.read)
                .await
                .map_err(backend_error)?;
        Ok(councils == 0 && members == 0)
    }

    async fn member(&self, id: &MemberId) -> Result<Option<MemberRecord>, StoreError> {
        let row: Option<MemberRow> = sqlx::query_as(concat!(
            "select ",
            member_columns!(),
            " from member where member_id = $1"
        ))
        .bind(id.as_str())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        row.map(MemberRecord::try_from).transpose()
    }

    async fn member_by_handle(&self, handle: &Handle) -> Result<Option<MemberRecord>, StoreError> {
        let row: Option<MemberRow> = sqlx::query_as(concat!(
            "select ",
            member_columns!(),
            " from member where handle_key = $1"
        ))
        .bind(handle.key())
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        row.map(MemberRecord::try_from).transpose()
    }

    async fn set_member_language(
        &self,
        id: &MemberId,
        language: Language,
    ) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query("update member set language = $1 where member_id = $2")
                .bind(language.code())
                .bind(id.as_str()),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn set_member_handle(&self, id: &MemberId, handle: &Handle) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query("update member set handle = $1, handle_key = $2 where member_id = $3")
                .bind(handle.as_str())
                .bind(handle.key())
                .bind(id.as_str()),
        )
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::HandleTaken
            } else {
                backend_error(e)
            }
        })?;
        Ok(())
    }

    async fn set_member_passphrase(
        &self,
        id: &MemberId,
        passphrase_hash: &str,
        keep: &SessionId,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("update member set passphrase_hash = $1 where member_id = $2")
            .bind(passphrase_hash)
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        sqlx::query("delete from session where member_id = $1 and session_id <> $2")
            .bind(id.as_str())
            .bind(keep.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn set_member_email(
        &self,
        id: &MemberId,
        sealed: Option<Vec<u8>>,
    ) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query("update member set email_sealed = $1 where member_id = $2")
                .bind(sealed)
                .bind(id.as_str()),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn delete_member(&self, id: &MemberId, now: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let councils: Vec<(String,)> =
            sqlx::query_as("select council_id from membership where member_id = $1")
                .bind(id.as_str())
                .fetch_all(&mut *tx)
                .await
                .map_err(backend_error)?;
        for (council,) in councils {
            let event = MinutesEvent::MemberLeft { member: id.clone() };
            minutes::append(&mut tx, &CouncilId::new(council), now, &event).await?;
        }
        // Memberships, roles, vouches and sessions go with the member (on delete cascade).
        let deleted = sqlx::query("delete from member where member_id = $1")
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        if deleted.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        self.commit(tx).await.map_err(backend_error)
    }
}
