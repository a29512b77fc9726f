//! Telling members by Web Push and email: [`MemberDelivery`] opens each member's details and
//! sends, [`InBackground`] runs it off the request path.

use crate::push::{PushOutcome, Urgency, WebPush};
use crate::texts::{mail_for, push_payload};
use async_trait::async_trait;
use councils_app::delivery::{Recipient, Recipients};
use councils_app::ports::{MailError, Mailer, Notice, NoticeKind, Notifier};
use councils_domain::MemberId;
use futures::StreamExt;
use std::sync::Arc;
use std::time::Duration;

/// Members told at the same time; each may wait on a slow push service or mail server.
const CONCURRENT_MEMBERS: usize = 32;

/// What one delivery did, in counts (the log carries these and nothing personal).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub pushed: usize,
    /// Subscriptions the push service said no longer exist, now forgotten.
    pub gone: usize,
    pub push_failed: usize,
    pub mailed: usize,
    pub mail_failed: usize,
}

impl Delivered {
    fn add(mut self, other: Delivered) -> Self {
        self.pushed += other.pushed;
        self.gone += other.gone;
        self.push_failed += other.push_failed;
        self.mailed += other.mailed;
        self.mail_failed += other.mail_failed;
        self
    }
}

/// Sends each member a notice as it reaches them ([`Recipients::for_notice`]): urgent ones by
/// Web Push to every browser they subscribed and by email if they gave one; the others by
/// push, by email at once, or kept for the daily digest, as the member chose.
pub struct MemberDelivery {
    recipients: Recipients,
    push: Option<Arc<WebPush>>,
    mailer: Arc<dyn Mailer>,
    public_url: String,
}

impl MemberDelivery {
    /// Delivery through `push` (none: no Web Push) and `mailer` (`NoMailer`: no email).
    pub fn new(
        recipients: Recipients,
        push: Option<Arc<WebPush>>,
        mailer: Arc<dyn Mailer>,
        public_url: &str,
    ) -> Self {
        Self {
            recipients,
            push,
            mailer,
            public_url: public_url.trim_end_matches('/').to_string(),
        }
    }

    /// Tells every member in `members` and says what happened; waits until all is sent.
    pub async fn deliver(&self, members: &[MemberId], notice: &Notice) -> Delivered {
        let recipients = self.recipients.for_notice(members, notice).await;
        if recipients.is_empty() {
            return Delivered::default();
        }
        self.recipients.keep_for_mail(&recipients, notice).await;
        futures::stream::iter(recipients)
            .map(|recipient| self.deliver_one(recipient, notice))
            .buffer_unordered(CONCURRENT_MEMBERS)
            .fold(Delivered::default(), |sum, one| async move { sum.add(one) })
            .await
    }

    async fn deliver_one(&self, recipient: Recipient, notice: &Notice) -> Delivered {
        let recipient = &recipient;
        let push = async {
            if recipient.mode.pushes() {
                self.push_to(recipient, notice).await
            } else {
                Delivered::default()
            }
        };
        let mail = async {
            if recipient.mode.mails_now() {
                self.mail_to(recipient, notice).await
            } else {
                Delivered::default()
            }
        };
        let (pushed, mailed) = futures::join!(push, mail);
        pushed.add(mailed)
    }

    async fn push_to(&self, recipient: &Recipient, notice: &Notice) -> Delivered {
        let mut done = Delivered::default();
        let Some(push) = &self.push else {
            return done;
        };
        let payload = push_payload(notice, recipient.language);
        let (urgency, ttl) = urgency_and_ttl(notice.kind);
        for target in &recipient.push {
            match push.send(target, &payload, urgency, ttl).await {
                PushOutcome::Delivered => done.pushed += 1,
                PushOutcome::Gone => {
                    self.recipients.forget(&target.id).await;
                    done.gone += 1;
                }
                PushOutcome::Failed => done.push_failed += 1,
            }
        }
        done
    }

    async fn mail_to(&self, recipient: &Recipient, notice: &Notice) -> Delivered {
        let mut done = Delivered::default();
        let Some(email) = &recipient.email else {
            return done;
        };
        let mail = mail_for(notice, recipient.language, email.expose(), &self.public_url);
        match self.mailer.send(&mail).await {
            Ok(()) => done.mailed += 1,
            Err(MailError::NotConfigured) => {}
            Err(error) => {
                tracing::warn!(error = %error, "notice mail not sent");
                done.mail_failed += 1;
            }
        }
        done
    }
}

/// How urgent a kind is to push services, and how long they keep it for a phone that is off:
/// an alert is urgent for an hour (after that the page says more than a stale notice); the
/// legal role's call about a detention and a report to verify keep longer.
fn urgency_and_ttl(kind: NoticeKind) -> (Urgency, Duration) {
    const HOUR: u64 = 3600;
    match kind {
        NoticeKind::AlertRaised | NoticeKind::AlertUpdated => {
            (Urgency::High, Duration::from_secs(HOUR))
        }
        NoticeKind::ReportFiled => (Urgency::High, Duration::from_secs(2 * HOUR)),
        NoticeKind::PlanTriggered => (Urgency::High, Duration::from_secs(12 * HOUR)),
        NoticeKind::AlertClosed | NoticeKind::ReportChanged => {
            (Urgency::Normal, Duration::from_secs(6 * HOUR))
        }
        // Sent two hours before the shift: stale once it has started.
        NoticeKind::PicketReminder => (Urgency::Normal, Duration::from_secs(2 * HOUR)),
        // An event's news keeps for a few hours; a mutual-aid answer for a day.
        NoticeKind::EventUpdated => (Urgency::Normal, Duration::from_secs(6 * HOUR)),
        NoticeKind::AidMatched => (Urgency::Normal, Duration::from_secs(24 * HOUR)),
        // What is not rapid response can wait for a phone that is off for a day.
        #[allow(unreachable_patterns)]
        _ => (Urgency::Normal, Duration::from_secs(24 * HOUR)),
    }
}

#[async_trait]
impl Notifier for MemberDelivery {
    async fn notify(&self, members: &[MemberId], notice: &Notice) {
        let done = self.deliver(members, notice).await;
        tracing::info!(
            kind = notice.kind.code(),
            pushed = done.pushed,
            gone = done.gone,
            push_failed = done.push_failed,
            mailed = done.mailed,
            mail_failed = done.mail_failed,
            "notice delivered"
        );
    }
}

/// Runs a notifier in a task of its own, so the caller (a verifier confirming a report) is
/// answered at once however slow a push service or mail server is.
pub struct InBackground<N>(pub Arc<N>);

#[async_trait]
impl<N: Notifier + 'static> Notifier for InBackground<N> {
    async fn notify(&self, members: &[MemberId], notice: &Notice) {
        let inner = self.0.clone();
        let members = members.to_vec();
        let notice = notice.clone();
        tokio::spawn(async move {
            // Tokio runs a task just spawned ahead of those already waiting, such as the open
            // pages' streams the live hub has just woken; yielding once puts it behind them,
            // so reading the members' push and mail details does not come first.
            tokio::task::yield_now().await;
            inner.notify(&members, &notice).await
        });
    }
}
