//! Delivery for the notifiers the server wires in: who members are to be told as (their
//! language, their email opened, their push subscriptions opened, and how they chose to hear
//! about the notice's topic), the notices kept for those who hear by mail, and [`Fanout`], the
//! notifier that hands each notice to several.
//!
//! What goes where: an urgent notice ([`crate::ports::NoticeKind::is_urgent`]: rapid response) goes at once
//! by Web Push to every subscription the member has and by email if the member gave one,
//! whatever they chose. Other notices of rapid response stay in the member's open pages. Every
//! other topic goes as the member chose ([`DeliveryMode`]): only to open pages, by push, by
//! email at once, or in the daily digest.

use crate::clock::Clock;
use crate::crypto::{FieldCipher, Secret, new_id};
use crate::ports::{
    DeliveryMode, DeliveryTarget, Notice, NoticeItem, NoticeTopic, Notifier, Store,
};
use crate::push::split_keys;
use async_trait::async_trait;
use councils_domain::{Language, MemberId, PushSubscriptionId};
use std::sync::Arc;

/// How long a kept notice stays for the member's page of notices: a week.
pub const KEPT_NOTICE_SECONDS: i64 = 7 * 86_400;

/// How long a notice waits for the digest: a day.
pub const DIGEST_SECONDS: i64 = 86_400;

/// A member as a notifier needs them, opened from the store.
#[derive(Debug)]
pub struct Recipient {
    pub member: MemberId,
    pub language: Language,
    /// The member's email, if they gave one.
    pub email: Option<Secret<String>>,
    pub push: Vec<PushTarget>,
    /// How this notice reaches them (see [`Recipients::for_notice`]).
    pub mode: Reach,
}

/// How one notice reaches one member beyond their open pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// Urgent: push and email at once, whatever was chosen.
    AtOnce,
    /// As the member chose for the topic.
    Chosen(DeliveryMode),
}

impl Reach {
    pub fn pushes(self) -> bool {
        matches!(self, Reach::AtOnce | Reach::Chosen(DeliveryMode::Push))
    }

    pub fn mails_now(self) -> bool {
        matches!(self, Reach::AtOnce | Reach::Chosen(DeliveryMode::Email))
    }
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

/// A member's digest, opened: where to send it, in which language, and what waits.
#[derive(Debug)]
pub struct Digest {
    pub email: Secret<String>,
    pub language: Language,
    pub items: Vec<NoticeItem>,
}

/// Opens members' delivery details, keeps notices for those who hear by mail, and forgets
/// subscriptions their push service dropped.
#[derive(Clone)]
pub struct Recipients {
    store: Arc<dyn Store>,
    cipher: FieldCipher,
    clock: Arc<dyn Clock>,
}

impl Recipients {
    pub(crate) fn new(store: Arc<dyn Store>, cipher: FieldCipher, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            cipher,
            clock,
        }
    }

    /// The members of `members` that `notice` reaches beyond their open pages, opened, with
    /// how it reaches each. Read in a few statements however many members there are; members
    /// with neither an email nor a subscription are not read at all. A store failure is
    /// logged (without ids) and tells no one; a field that does not open is left out.
    pub async fn for_notice(&self, members: &[MemberId], notice: &Notice) -> Vec<Recipient> {
        let urgent = notice.kind.is_urgent();
        let topic = notice.kind.topic();
        if !urgent && topic == NoticeTopic::Alerts {
            return Vec::new();
        }
        let targets = match self.store.delivery_targets(members, topic).await {
            Ok(targets) => targets,
            Err(error) => {
                tracing::warn!(error = %error, "reading recipients failed");
                return Vec::new();
            }
        };
        targets
            .into_iter()
            .map(|target| {
                let mode = if urgent {
                    Reach::AtOnce
                } else {
                    Reach::Chosen(target.mode.unwrap_or(DeliveryMode::default_for(topic)))
                };
                self.open(target, mode)
            })
            .filter(|recipient| match recipient.mode {
                Reach::AtOnce => true,
                Reach::Chosen(DeliveryMode::Live) => false,
                Reach::Chosen(DeliveryMode::Push) => !recipient.push.is_empty(),
                Reach::Chosen(_) => recipient.email.is_some(),
            })
            .collect()
    }

    fn open(&self, target: DeliveryTarget, mode: Reach) -> Recipient {
        let email = target
            .email_sealed
            .and_then(|sealed| self.cipher.decrypt(target.member.as_str(), &sealed).ok())
            .map(Secret::new);
        let push = target
            .subscriptions
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
        Recipient {
            member: target.member,
            language: target.language,
            email,
            push,
            mode,
        }
    }

    /// Keeps `notice` for each of `recipients` who hears of it by mail (at once, marked mailed;
    /// or waiting for the digest), so the page a mail links to lists it. Urgent notices are
    /// not kept: their mail links to them directly.
    pub async fn keep_for_mail(&self, recipients: &[Recipient], notice: &Notice) {
        let now = self.clock.now();
        let items: Vec<NoticeItem> = recipients
            .iter()
            .filter_map(|recipient| match recipient.mode {
                Reach::Chosen(mode) if mode.mails() => Some(NoticeItem {
                    id: new_id(),
                    member: recipient.member.clone(),
                    topic: notice.kind.topic(),
                    kind: notice.kind.code().to_string(),
                    path: notice.path.clone(),
                    created_at: now,
                    mailed_at: (mode == DeliveryMode::Email).then_some(now),
                }),
                _ => None,
            })
            .collect();
        if let Err(error) = self.store.keep_notices(&items).await {
            tracing::warn!(error = %error, "keeping notices for mail failed");
        }
    }

    /// Members whose oldest waiting notice has waited a day.
    pub async fn digests_due(&self) -> Vec<MemberId> {
        let since = self.clock.now() - DIGEST_SECONDS;
        self.store.digests_due(since).await.unwrap_or_else(|error| {
            tracing::warn!(error = %error, "reading due digests failed");
            Vec::new()
        })
    }

    /// Takes the member's waiting notices (marked mailed from now on) with their email and
    /// language; `None` if nothing waits or the member has no email any more.
    pub async fn take_digest(&self, member: &MemberId) -> Option<Digest> {
        let record = self.store.member(member).await.ok()??;
        let email = record
            .email_sealed
            .and_then(|sealed| self.cipher.decrypt(record.id.as_str(), &sealed).ok())?;
        let items = match self.store.take_digest(member, self.clock.now()).await {
            Ok(items) if !items.is_empty() => items,
            Ok(_) => return None,
            Err(error) => {
                tracing::warn!(error = %error, "taking a digest failed");
                return None;
            }
        };
        Some(Digest {
            email: Secret::new(email),
            language: record.language,
            items,
        })
    }

    /// Deletes a subscription its push service says no longer exists.
    pub async fn forget(&self, subscription: &PushSubscriptionId) {
        if let Err(error) = self.store.forget_push_subscription(subscription).await {
            tracing::warn!(error = %error, "forgetting a push subscription failed");
        }
    }
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
