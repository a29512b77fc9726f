//! The push-subscription port: the browsers each member asked to be told in by Web Push.

use crate::StoreError;
use async_trait::async_trait;
use councils_domain::{MemberId, PushSubscriptionId};

/// A browser's Web Push subscription as stored: the endpoint and keys sealed under the
/// instance key (bound to the subscription's id), the endpoint's keyed hash to find it again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushSubscriptionRecord {
    pub id: PushSubscriptionId,
    pub member_id: MemberId,
    /// `FieldCipher::push_endpoint_hash` of the endpoint: unique across the instance.
    pub endpoint_hash: String,
    pub endpoint_sealed: Vec<u8>,
    /// The browser's public key and auth secret, as JSON, sealed.
    pub keys_sealed: Vec<u8>,
    pub created_at: i64,
}

/// Members' push subscriptions.
#[async_trait]
pub trait PushStore: Send + Sync {
    /// Keeps a subscription, replacing any with the same endpoint (its browser subscribing
    /// again, or another member subscribing on the same browser).
    async fn save_push_subscription(
        &self,
        subscription: &PushSubscriptionRecord,
    ) -> Result<(), StoreError>;
    /// A member's subscriptions, oldest first.
    async fn push_subscriptions_of(
        &self,
        member: &MemberId,
    ) -> Result<Vec<PushSubscriptionRecord>, StoreError>;
    /// Deletes one of the member's subscriptions; `NotFound` if the member has none by that id.
    async fn delete_push_subscription(
        &self,
        member: &MemberId,
        id: &PushSubscriptionId,
    ) -> Result<(), StoreError>;
    /// Deletes the member's subscription with this endpoint hash; `NotFound` if none.
    async fn delete_push_subscription_by_endpoint(
        &self,
        member: &MemberId,
        endpoint_hash: &str,
    ) -> Result<(), StoreError>;
    /// Deletes a subscription its push service says no longer exists. Deleting one already
    /// gone is not an error.
    async fn forget_push_subscription(&self, id: &PushSubscriptionId) -> Result<(), StoreError>;
}
