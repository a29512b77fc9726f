//! Delivery for the notifiers the server wires in: who a member is to be told as (their
//! language, their email opened, their push subscriptions opened), and [`Fanout`], the
//! notifier that hands each notice to several.
//!
//! What goes where, until members choose per kind (issue 5): an urgent notice
//! ([`NoticeKind::is_urgent`]) goes by Web Push to every subscription the member has and by
//! email if the member gave one; the others only to the member's open pages.

use crate::crypto::{FieldCipher, Secret};
use crate::ports::{Notice, NoticeKind, Notifier, Store};
use crate::push::split_keys;
use async_trait::async_trait;
use councils_domain::{Language, MemberId, PushSubscriptionId};
use std::sync::Arc;

/// A member as a notifier needs them, opened from the store.
#[derive(Debug)]
pub struct Recipient {
    pub member: MemberId,
    pub language: Language,
    /// The member's email, if they gave one.
    pub email: Option<Secret<String>>,
    pub push: Vec<PushTarget>,
}

/// One browser to push to.
#[derive(Debug)]
pub struct PushTarget {
    pub id: PushSubscriptionId,
    /// The push service's URL for this browser: personal data, never logged.
    pub endpoint: Secret<String>,
    /// The browser's P-256 public key, uncompressed (65 bytes).
    pub p256dh: Vec<u8>,
    /// The browser's auth secret (16 bytes).
    pub auth: Secret<Vec<u8>>,
}

/// Opens members' delivery details, and forgets subscriptions their push service dropped.
#[derive(Clone)]
pub struct Recipients {
    store: Arc<dyn Store>,
    cipher: FieldCipher,
}

impl Recipients {
    pub(crate) fn new(store: Arc<dyn Store>, cipher: FieldCipher) -> Self {
        Self { store, cipher }
    }

    /// The member's language, email and push subscriptions; `None` if the member is gone or
    /// the store failed (logged without the member's id). A field that does not open (an
    /// altered row) is left out.
    pub async fn recipient(&self, member: &MemberId) -> Option<Recipient> {
        let record = match self.store.member(member).await {
            Ok(Some(record)) => record,
            Ok(None) => return None,
            Err(error) => {
                tracing::warn!(error = %error, "reading a recipient failed");
                return None;
            }
        };
        let subscriptions = match self.store.push_subscriptions_of(member).await {
            Ok(subscriptions) => subscriptions,
            Err(error) => {
                tracing::warn!(error = %error, "reading push subscriptions failed");
                Vec::new()
            }
        };
        let email = record
            .email_sealed
            .and_then(|sealed| self.cipher.decrypt(record.id.as_str(), &sealed).ok())
            .map(Secret::new);
        let push = subscriptions
            .into_iter()
            .filter_map(|sub| {
                let endpoint = self
                    .cipher
                    .decrypt(sub.id.as_str(), &sub.endpoint_sealed)
                    .ok()?;
                let keys = self
                    .cipher
                    .decrypt(sub.id.as_str(), &sub.keys_sealed)
                    .ok()?;
                let (p256dh, auth) = split_keys(&keys)?;
                Some(PushTarget {
                    id: sub.id,
                    endpoint: Secret::new(endpoint),
                    p256dh,
                    auth: Secret::new(auth),
                })
            })
            .collect();
        Some(Recipient {
            member: record.id,
            language: record.language,
            email,
            push,
        })
    }

    /// Deletes a subscription its push service says no longer exists.
    pub async fn forget(&self, subscription: &PushSubscriptionId) {
        if let Err(error) = self.store.forget_push_subscription(subscription).await {
            tracing::warn!(error = %error, "forgetting a push subscription failed");
        }
    }
}

/// Whether a notice of this kind goes by Web Push and email (and not only to open pages).
pub fn goes_out(kind: NoticeKind) -> bool {
    kind.is_urgent()
}

/// Hands each notice to every notifier in turn. Each should return at once (the live hub
/// writes to memory; push and email run in the background), so the caller is never held up.
pub struct Fanout(pub Vec<Arc<dyn Notifier>>);

#[async_trait]
impl Notifier for Fanout {
    async fn notify(&self, members: &[MemberId], notice: &Notice) {
        for notifier in &self.0 {
            notifier.notify(members, notice).await;
        }
    }
}
