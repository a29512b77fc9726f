//! The notices port: how each member chose to hear about each topic, the delivery details of
//! many members at once, and the notices kept for a member's mail (sent at once or in the daily
//! digest) until their page of notices has shown them.

use super::delivery::NoticeTopic;
use super::push::PushSubscriptionRecord;
use crate::StoreError;
use async_trait::async_trait;
use councils_domain::{Language, MemberId};

/// How a member hears about a topic that is not urgent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeliveryMode {
    /// Only in their open pages (and on their next visit).
    Live,
    /// By Web Push to the devices they subscribed.
    Push,
    /// By email, at once.
    Email,
    /// By email, once a day, all together.
    Digest,
}

impl DeliveryMode {
    /// Every mode, in the order the settings page offers them.
    pub const ALL: [DeliveryMode; 4] = [
        DeliveryMode::Live,
        DeliveryMode::Push,
        DeliveryMode::Email,
        DeliveryMode::Digest,
    ];

    /// The code in storage, forms, the API and translation keys (`notice-mode-digest`).
    pub fn code(self) -> &'static str {
        match self {
            DeliveryMode::Live => "live",
            DeliveryMode::Push => "push",
            DeliveryMode::Email => "email",
            DeliveryMode::Digest => "digest",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|mode| mode.code() == code)
    }

    /// What a member hears by until they choose: a push to the devices they subscribed
    /// (none until they do), never mail they did not ask for.
    pub fn default_for(_topic: NoticeTopic) -> Self {
        DeliveryMode::Push
    }

    /// Whether this mode sends mail, and so keeps the notice for the page a mail links to.
    pub fn mails(self) -> bool {
        matches!(self, DeliveryMode::Email | DeliveryMode::Digest)
    }
}

/// A member as delivery beyond open pages needs them, for one topic: only members with an
/// email or a push subscription are ever returned.
#[derive(Clone, Debug)]
pub struct DeliveryTarget {
    pub member: MemberId,
    pub language: Language,
    pub email_sealed: Option<Vec<u8>>,
    /// What the member chose for the topic; `None` if they never chose.
    pub mode: Option<DeliveryMode>,
    pub subscriptions: Vec<PushSubscriptionRecord>,
}

/// A notice kept for a member who hears by mail: its kind's code and where to look, nothing
/// of what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeItem {
    pub id: String,
    pub member: MemberId,
    pub topic: NoticeTopic,
    /// `NoticeKind::code`, for the title in the reader's language.
    pub kind: String,
    pub path: String,
    pub created_at: i64,
    /// When it went out by mail; `None` while it waits for the member's digest.
    pub mailed_at: Option<i64>,
}

/// Preferences, delivery details and kept notices.
#[async_trait]
pub trait NoticeStore: Send + Sync {
    /// What the member chose, per topic (topics never chosen are left out).
    async fn notice_preferences(
        &self,
        member: &MemberId,
    ) -> Result<Vec<(NoticeTopic, DeliveryMode)>, StoreError>;
    /// Replaces every choice of the member with `choices`, in one transaction.
    async fn set_notice_preferences(
        &self,
        member: &MemberId,
        choices: &[(NoticeTopic, DeliveryMode)],
    ) -> Result<(), StoreError>;
    /// The delivery details of those of `members` who can be reached beyond their open
    /// pages (an email or a push subscription), with their choice for `topic`. Reads many
    /// members in a few statements, so telling a committee of thousands stays cheap.
    async fn delivery_targets(
        &self,
        members: &[MemberId],
        topic: NoticeTopic,
    ) -> Result<Vec<DeliveryTarget>, StoreError>;
    /// Keeps notices for members who hear by mail, in one transaction.
    async fn keep_notices(&self, items: &[NoticeItem]) -> Result<(), StoreError>;
    /// The member's kept notices, newest first.
    async fn kept_notices(&self, member: &MemberId) -> Result<Vec<NoticeItem>, StoreError>;
    /// Members with a notice waiting for their digest since `since` or earlier.
    async fn digests_due(&self, since: i64) -> Result<Vec<MemberId>, StoreError>;
    /// Marks the member's waiting notices as mailed at `at` and returns them, in one
    /// transaction, so two sweeps never mail the same digest twice.
    async fn take_digest(&self, member: &MemberId, at: i64) -> Result<Vec<NoticeItem>, StoreError>;
    /// Deletes kept notices made before `before`; how many.
    async fn forget_notices_before(&self, before: i64) -> Result<u64, StoreError>;
}
