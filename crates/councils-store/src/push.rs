//! Members' Web Push subscriptions (migration 0006): sealed endpoints and keys, found again by
//! the endpoint's keyed hash.

use crate::{Db, backend_error};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{PushStore, PushSubscriptionRecord};
use councils_domain::{MemberId, PushSubscriptionId};

#[derive(sqlx::FromRow)]
pub(crate) struct PushSubscriptionRow {
    push_subscription_id: String,
    member_id: String,
    endpoint_hash: String,
    endpoint_sealed: Vec<u8>,
    keys_sealed: Vec<u8>,
    created_at: i64,
}

impl From<PushSubscriptionRow> for PushSubscriptionRecord {
    fn from(row: PushSubscriptionRow) -> Self {
        Self {
            id: PushSubscriptionId::new(row.push_subscription_id),
            member_id: MemberId::new(row.member_id),
            endpoint_hash: row.endpoint_hash,
            endpoint_sealed: row.endpoint_sealed,
            keys_sealed: row.keys_sealed,
            created_at: row.created_at,
        }
    }
}

#[async_trait]
impl PushStore for Db {
    async fn save_push_subscription(
        &self,
        subscription: &PushSubscriptionRecord,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("delete from push_subscription where endpoint_hash = $1")
            .bind(&subscription.endpoint_hash)
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        sqlx::query(
            "insert into push_subscription (push_subscription_id, member_id, endpoint_hash,
                 endpoint_sealed, keys_sealed, created_at)
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(subscription.id.as_str())
        .bind(subscription.member_id.as_str())
        .bind(&subscription.endpoint_hash)
        .bind(subscription.endpoint_sealed.clone())
        .bind(subscription.keys_sealed.clone())
        .bind(subscription.created_at)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn push_subscriptions_of(
        &self,
        member: &MemberId,
    ) -> Result<Vec<PushSubscriptionRecord>, StoreError> {
        let rows: Vec<PushSubscriptionRow> = sqlx::query_as(
            "select push_subscription_id, member_id, endpoint_hash, endpoint_sealed,
                    keys_sealed, created_at
             from push_subscription where member_id = $1
             order by created_at, push_subscription_id",
        )
        .bind(member.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    async fn delete_push_subscription(
        &self,
        member: &MemberId,
        id: &PushSubscriptionId,
    ) -> Result<(), StoreError> {
        let deleted = self
            .write_one(
                sqlx::query(
                    "delete from push_subscription
                     where push_subscription_id = $1 and member_id = $2",
                )
                .bind(id.as_str())
                .bind(member.as_str()),
            )
            .await
            .map_err(backend_error)?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn delete_push_subscription_by_endpoint(
        &self,
        member: &MemberId,
        endpoint_hash: &str,
    ) -> Result<(), StoreError> {
        let deleted = self
            .write_one(
                sqlx::query(
                    "delete from push_subscription where endpoint_hash = $1 and member_id = $2",
                )
                .bind(endpoint_hash)
                .bind(member.as_str()),
            )
            .await
            .map_err(backend_error)?;
        if deleted.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn forget_push_subscription(&self, id: &PushSubscriptionId) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query("delete from push_subscription where push_subscription_id = $1")
                .bind(id.as_str()),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }
}
