//! Invitations, and joining a council through one.

use crate::council::insert_council;
use crate::membership::add_membership;
use crate::{Db, backend_error, is_unique_violation};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{InvitationRecord, InvitationStore, NewCouncil, NewMember};
use councils_domain::{CouncilId, InvitationId, MemberId, MembershipStatus, Role};
use sqlx::AnyConnection;

#[derive(sqlx::FromRow)]
struct InvitationRow {
    invitation_id: String,
    token_hash: String,
    council_id: Option<String>,
    role: String,
    created_by: Option<String>,
    created_at: i64,
    expires_at: i64,
    used_at: Option<i64>,
}

/// Marks the invitation used, once; returns the council and role it is for.
async fn use_invitation(
    conn: &mut AnyConnection,
    invitation: &InvitationId,
    now: i64,
) -> Result<(Option<CouncilId>, Role), StoreError> {
    let used = sqlx::query(
        "update invitation set used_at = $1
         where invitation_id = $2 and used_at is null and expires_at > $1",
    )
    .bind(now)
    .bind(invitation.as_str())
    .execute(&mut *conn)
    .await
    .map_err(backend_error)?;
    if used.rows_affected() != 1 {
        return Err(StoreError::InvitationUsed);
    }
    let (council, role): (Option<String>, String) =
        sqlx::query_as("select council_id, role from invitation where invitation_id = $1")
            .bind(invitation.as_str())
            .fetch_one(&mut *conn)
            .await
            .map_err(backend_error)?;
    Ok((council.map(CouncilId::new), crate::rows::role(&role)?))
}

/// The status a newcomer starts with in a council: pending while it requires vouches.
async fn starting_status(
    conn: &mut AnyConnection,
    council: &CouncilId,
) -> Result<MembershipStatus, StoreError> {
    let (required,): (i64,) =
        sqlx::query_as("select vouches_required from council where council_id = $1")
            .bind(council.as_str())
            .fetch_optional(&mut *conn)
            .await
            .map_err(backend_error)?
            .ok_or(StoreError::NotFound)?;
    Ok(councils_domain::vouching::status_after_vouches(
        0,
        required as u32,
    ))
}

#[async_trait]
impl InvitationStore for Db {
    async fn create_invitation(&self, invitation: &InvitationRecord) -> Result<(), StoreError> {
        self.write_one(sqlx::query(
            "insert into invitation
             (invitation_id, token_hash, council_id, role, created_by, created_at, expires_at, used_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(invitation.id.as_str())
        .bind(&invitation.token_hash)
        .bind(invitation.council_id.as_ref().map(|c| c.as_str().to_string()))
        .bind(invitation.role.code())
        .bind(invitation.created_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(invitation.created_at)
        .bind(invitation.expires_at)
        .bind(invitation.used_at)
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn invitation_by_token_hash(
        &self,
        hash: &str,
    ) -> Result<Option<InvitationRecord>, StoreError> {
        let row: Option<InvitationRow> = sqlx::query_as(
            "select invitation_id, token_hash, council_id, role, created_by, created_at, expires_at, used_at
             from invitation where token_hash = $1",
        )
        .bind(hash)
        .fetch_optional(&self.read)
        .await
        .map_err(backend_error)?;
        row.map(|row| {
            Ok(InvitationRecord {
                id: InvitationId::new(row.invitation_id),
                token_hash: row.token_hash,
                council_id: row.council_id.map(CouncilId::new),
                role: crate::rows::role(&row.role)?,
                created_by: row.created_by.map(MemberId::new),
                created_at: row.created_at,
                expires_at: row.expires_at,
                used_at: row.used_at,
            })
        })
        .transpose()
    }

    async fn join(
        &self,
        invitation: &InvitationId,
        member: &NewMember,
        founding: Option<&NewCouncil>,
        now: i64,
    ) -> Result<MembershipStatus, StoreError> {
        let mut tx = self.begin().await?;
        let (council, role) = use_invitation(&mut tx, invitation, now).await?;
        sqlx::query(
            "insert into member (member_id, handle, handle_key, language, passphrase_hash, email_sealed, created_at)
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(member.id.as_str())
        .bind(member.handle.as_str())
        .bind(member.handle.key())
        .bind(member.language.code())
        .bind(&member.passphrase_hash)
        .bind(member.email_sealed.clone())
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::HandleTaken
            } else {
                backend_error(e)
            }
        })?;
        let (council, status) = match (council, founding) {
            (Some(council), _) => {
                let status = starting_status(&mut tx, &council).await?;
                (council, status)
            }
            (None, Some(new)) => {
                insert_council(&mut tx, new, Some(&member.id), now).await?;
                (new.id.clone(), MembershipStatus::Active)
            }
            (None, None) => return Err(StoreError::NotFound),
        };
        add_membership(&mut tx, &council, &member.id, role, status, now).await?;
        self.commit(tx).await.map_err(backend_error)?;
        Ok(status)
    }

    async fn join_existing(
        &self,
        invitation: &InvitationId,
        member: &MemberId,
        now: i64,
    ) -> Result<MembershipStatus, StoreError> {
        let mut tx = self.begin().await?;
        let (council, role) = use_invitation(&mut tx, invitation, now).await?;
        let council = council.ok_or(StoreError::NotFound)?;
        let existing: Option<(String,)> = sqlx::query_as(
            "select status from membership where council_id = $1 and member_id = $2",
        )
        .bind(council.as_str())
        .bind(member.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend_error)?;
        if existing.is_some() {
            return Err(StoreError::AlreadyMember);
        }
        let status = starting_status(&mut tx, &council).await?;
        add_membership(&mut tx, &council, member, role, status, now).await?;
        self.commit(tx).await.map_err(backend_error)?;
        Ok(status)
    }
}
