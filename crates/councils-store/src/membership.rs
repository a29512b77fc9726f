//! Members' places in councils: joining, vouching, approval, roles, removal, representation.

use crate::rows::{role, status};
use crate::{Db, backend_error, is_unique_violation, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{MemberListing, MembershipRecord, MembershipStore};
use councils_domain::vouching::status_after_vouches;
use councils_domain::{CouncilId, Handle, MemberId, MembershipStatus, MinutesEvent, Role};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Adds a member to a council in a role (always also `member`) and records it in the minutes.
pub(crate) async fn add_membership(
    conn: &mut AnyConnection,
    council: &CouncilId,
    member: &MemberId,
    role: Role,
    status: MembershipStatus,
    now: i64,
) -> Result<(), StoreError> {
    sqlx::query(
        "insert into membership (council_id, member_id, status, joined_at) values ($1, $2, $3, $4)",
    )
    .bind(council.as_str())
    .bind(member.as_str())
    .bind(status.code())
    .bind(now)
    .execute(&mut *conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::AlreadyMember
        } else {
            backend_error(e)
        }
    })?;
    let mut roles = vec![Role::Member];
    if role != Role::Member {
        roles.push(role);
    }
    for role in roles {
        insert_role(conn, council, member, role).await?;
    }
    let event = MinutesEvent::MemberJoined {
        member: member.clone(),
        role,
        pending: status == MembershipStatus::Pending,
    };
    minutes::append(conn, council, now, &event).await
}

async fn insert_role(
    conn: &mut AnyConnection,
    council: &CouncilId,
    member: &MemberId,
    role: Role,
) -> Result<bool, StoreError> {
    let inserted = sqlx::query(
        "insert into membership_role (council_id, member_id, role) values ($1, $2, $3)",
    )
    .bind(council.as_str())
    .bind(member.as_str())
    .bind(role.code())
    .execute(&mut *conn)
    .await;
    match inserted {
        Ok(_) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(backend_error(e)),
    }
}

async fn roles_of(
    conn: &mut AnyConnection,
    council: &CouncilId,
    member: &MemberId,
) -> Result<Vec<Role>, StoreError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("select role from membership_role where council_id = $1 and member_id = $2")
            .bind(council.as_str())
            .bind(member.as_str())
            .fetch_all(&mut *conn)
            .await
            .map_err(backend_error)?;
    let mut roles = rows
        .iter()
        .map(|(r,)| role(r))
        .collect::<Result<Vec<_>, _>>()?;
    roles.sort();
    Ok(roles)
}

/// Refuses a change that would leave the council without an active organiser.
async fn keep_an_organiser(
    conn: &mut AnyConnection,
    council: &CouncilId,
    member: &MemberId,
) -> Result<(), StoreError> {
    let (others,): (i64,) = sqlx::query_as(
        "select count(*) from membership_role r
         join membership m on m.council_id = r.council_id and m.member_id = r.member_id
         where r.council_id = $1 and r.role = 'organiser' and m.status = 'active' and r.member_id <> $2",
    )
    .bind(council.as_str())
    .bind(member.as_str())
    .fetch_one(&mut *conn)
    .await
    .map_err(backend_error)?;
    let is_organiser = roles_of(conn, council, member)
        .await?
        .contains(&Role::Organiser);
    if is_organiser && others == 0 {
        return Err(StoreError::LastOrganiser);
    }
    Ok(())
}

async fn activate(
    conn: &mut AnyConnection,
    council: &CouncilId,
    member: &MemberId,
) -> Result<bool, StoreError> {
    let updated = sqlx::query("update membership set status = 'active' where council_id = $1 and member_id = $2 and status = 'pending'")
        .bind(council.as_str())
        .bind(member.as_str())
        .execute(&mut *conn)
        .await
        .map_err(backend_error)?;
    Ok(updated.rows_affected() == 1)
}

#[async_trait]
impl MembershipStore for Db {
    async fn membership(
        &self,
        council: &CouncilId,
        member: &MemberId,
    ) -> Result<Option<MembershipRecord>, StoreError> {
        // One row per role (every member holds at least `member`), in one query: this runs on
        // every council page.
        let rows: Vec<(String, i64, Option<String>)> = sqlx::query_as(
            "select ms.status, ms.joined_at, r.role from membership ms
             left join membership_role r on r.council_id = ms.council_id and r.member_id = ms.member_id
             where ms.council_id = $1 and ms.member_id = $2",
        )
        .bind(council.as_str())
        .bind(member.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        let Some((code, joined_at, _)) = rows.first() else {
            return Ok(None);
        };
        let mut roles = rows
            .iter()
            .filter_map(|(_, _, r)| r.as_deref().map(role))
            .collect::<Result<Vec<_>, _>>()?;
        roles.sort();
        Ok(Some(MembershipRecord {
            council_id: council.clone(),
            member_id: member.clone(),
            status: status(code)?,
            roles,
            joined_at: *joined_at,
        }))
    }

    async fn memberships_of(&self, member: &MemberId) -> Result<Vec<MembershipRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "select council_id, status, joined_at from membership where member_id = $1",
        )
        .bind(member.as_str())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        let mut memberships = Vec::with_capacity(rows.len());
        for (council, code, joined_at) in rows {
            let council = CouncilId::new(council);
            memberships.push(MembershipRecord {
                roles: roles_of(&mut conn, &council, member).await?,
                council_id: council,
                member_id: member.clone(),
                status: status(&code)?,
                joined_at,
            });
        }
        Ok(memberships)
    }

    async fn members_of(&self, council: &CouncilId) -> Result<Vec<MemberListing>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let members: Vec<(String, String, String)> = sqlx::query_as(
            "select m.member_id, m.handle, ms.status from membership ms
             join member m on m.member_id = ms.member_id
             where ms.council_id = $1 order by m.handle_key",
        )
        .bind(council.as_str())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        let role_rows: Vec<(String, String)> =
            sqlx::query_as("select member_id, role from membership_role where council_id = $1")
                .bind(council.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_error)?;
        let vouch_rows: Vec<(String, String)> =
            sqlx::query_as("select member_id, voucher_id from vouch where council_id = $1")
                .bind(council.as_str())
                .fetch_all(&mut *conn)
                .await
                .map_err(backend_error)?;
        let mut roles: HashMap<String, Vec<Role>> = HashMap::new();
        for (member, code) in role_rows {
            roles.entry(member).or_default().push(role(&code)?);
        }
        let mut vouches: HashMap<String, Vec<MemberId>> = HashMap::new();
        for (member, voucher) in vouch_rows {
            vouches
                .entry(member)
                .or_default()
                .push(MemberId::new(voucher));
        }
        members
            .into_iter()
            .map(|(id, handle, code)| {
                let mut member_roles = roles.remove(&id).unwrap_or_default();
                member_roles.sort();
                Ok(MemberListing {
                    vouched_by: vouches.remove(&id).unwrap_or_default(),
                    roles: member_roles,
                    handle: Handle::from_stored(handle),
                    status: status(&code)?,
                    member_id: MemberId::new(id),
                })
            })
            .collect()
    }

    async fn vouch(
        &self,
        council: &CouncilId,
        member: &MemberId,
        voucher: &MemberId,
        now: i64,
    ) -> Result<MembershipStatus, StoreError> {
        let mut tx = self.begin().await?;
        let current: Option<(String,)> = sqlx::query_as(
            "select status from membership where council_id = $1 and member_id = $2",
        )
        .bind(council.as_str())
        .bind(member.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend_error)?;
        match current {
            None => return Err(StoreError::NotFound),
            Some((code,)) if status(&code)? == MembershipStatus::Active => {
                return Err(StoreError::AlreadyMember);
            }
            Some(_) => {}
        }
        sqlx::query("insert into vouch (council_id, member_id, voucher_id, created_at) values ($1, $2, $3, $4)")
            .bind(council.as_str())
            .bind(member.as_str())
            .bind(voucher.as_str())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(|e| if is_unique_violation(&e) { StoreError::AlreadyVouched } else { backend_error(e) })?;
        let vouched = MinutesEvent::Vouched {
            member: member.clone(),
            voucher: voucher.clone(),
        };
        minutes::append(&mut tx, council, now, &vouched).await?;
        let (vouches, required): (i64, i64) = sqlx::query_as(
            "select (select count(*) from vouch where council_id = $1 and member_id = $2),
                    (select vouches_required from council where council_id = $1)",
        )
        .bind(council.as_str())
        .bind(member.as_str())
        .fetch_one(&mut *tx)
        .await
        .map_err(backend_error)?;
        let new_status = status_after_vouches(vouches as u32, required as u32);
        if new_status == MembershipStatus::Active && activate(&mut tx, council, member).await? {
            let event = MinutesEvent::MemberActivated {
                member: member.clone(),
                by: None,
            };
            minutes::append(&mut tx, council, now, &event).await?;
        }
        self.commit(tx).await.map_err(backend_error)?;
        Ok(new_status)
    }

    async fn approve(
        &self,
        council: &CouncilId,
        member: &MemberId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if !activate(&mut tx, council, member).await? {
            return Err(StoreError::NotFound);
        }
        let event = MinutesEvent::MemberActivated {
            member: member.clone(),
            by: Some(by.clone()),
        };
        minutes::append(&mut tx, council, now, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn grant_role(
        &self,
        council: &CouncilId,
        member: &MemberId,
        role: Role,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let active: Option<(String,)> = sqlx::query_as(
            "select status from membership where council_id = $1 and member_id = $2 and status = 'active'",
        )
        .bind(council.as_str())
        .bind(member.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend_error)?;
        if active.is_none() {
            return Err(StoreError::NotFound);
        }
        if insert_role(&mut tx, council, member, role).await? {
            let event = MinutesEvent::RoleGranted {
                member: member.clone(),
                role,
                by: by.clone(),
            };
            minutes::append(&mut tx, council, now, &event).await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn revoke_role(
        &self,
        council: &CouncilId,
        member: &MemberId,
        role: Role,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        if role == Role::Organiser {
            keep_an_organiser(&mut tx, council, member).await?;
        }
        let deleted = sqlx::query(
            "delete from membership_role where council_id = $1 and member_id = $2 and role = $3",
        )
        .bind(council.as_str())
        .bind(member.as_str())
        .bind(role.code())
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        if deleted.rows_affected() == 1 {
            let event = MinutesEvent::RoleRevoked {
                member: member.clone(),
                role,
                by: by.clone(),
            };
            minutes::append(&mut tx, council, now, &event).await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn remove_member(
        &self,
        council: &CouncilId,
        member: &MemberId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        keep_an_organiser(&mut tx, council, member).await?;
        // Vouches the removed member gave for newcomers here are withdrawn with them.
        sqlx::query("delete from vouch where council_id = $1 and voucher_id = $2")
            .bind(council.as_str())
            .bind(member.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        let deleted =
            sqlx::query("delete from membership where council_id = $1 and member_id = $2")
                .bind(council.as_str())
                .bind(member.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
        if deleted.rows_affected() != 1 {
            return Err(StoreError::NotFound);
        }
        // A member removed from a council no longer speaks for it in a higher one.
        crate::democracy::seating::end_seats(&mut tx, council, None, Some(member), now).await?;
        sqlx::query("delete from session where member_id = $1")
            .bind(member.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        let event = MinutesEvent::MemberRemoved {
            member: member.clone(),
            by: by.clone(),
        };
        minutes::append(&mut tx, council, now, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn represented_members(&self, council: &CouncilId) -> Result<u64, StoreError> {
        // UNION (not UNION ALL) visits each council once, so a member reachable by several
        // paths is counted once.
        let (count,): (i64,) = sqlx::query_as(
            "with recursive subtree (council_id) as (
                 select cast($1 as text)
                 union
                 select l.constituent_id from council_link l
                 join subtree s on l.parent_id = s.council_id
                 where l.status = 'active'
             )
             select count(distinct ms.member_id) from membership ms
             join subtree s on ms.council_id = s.council_id
             where ms.status = 'active'",
        )
        .bind(council.as_str())
        .fetch_one(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(count as u64)
    }
}
