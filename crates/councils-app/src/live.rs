//! The live hub: notices to members whose pages are open, in this process. Each connected
//! member has a broadcast channel (one per member, shared by their open pages); the live
//! stream (`GET /api/v1/alerts/stream`) subscribes to it.
//!
//! A notice is turned into its server-sent-event frame once, and that one buffer is shared
//! by every subscriber (cloning [`Bytes`] counts a reference, it copies nothing), so telling
//! 18,000 responders costs 18,000 map lookups and channel sends, not 18,000 serialisations.

use crate::ports::{Notice, NoticeTopic, Notifier};
use async_trait::async_trait;
use bytes::Bytes;
use councils_domain::MemberId;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, RwLock};
use tokio::sync::broadcast;

/// Frames a member's channel holds for a slow reader before the oldest are dropped (the page
/// then misses them live and shows them on its next load).
const CHANNEL_CAPACITY: usize = 32;

/// Connected members and their channels.
#[derive(Default)]
pub struct LiveHub {
    members: RwLock<HashMap<MemberId, broadcast::Sender<Bytes>>>,
    /// Set when the server stops: no stream opens any more.
    closed: AtomicBool,
}

/// One open page's subscription; dropping it lets the hub forget a member with no page open.
pub struct Subscription {
    hub: Arc<LiveHub>,
    member: MemberId,
    /// The frames for this page, in order.
    pub receiver: broadcast::Receiver<Bytes>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut members = self.hub.members.write().expect("live hub lock");
        // This subscription's receiver is still alive here, so 1 means it was the last.
        if members
            .get(&self.member)
            .is_some_and(|sender| sender.receiver_count() <= 1)
        {
            members.remove(&self.member);
        }
    }
}

impl LiveHub {
    /// An empty hub.
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Subscribes one open page of `member` to their notices.
    pub fn subscribe(self: &Arc<Self>, member: &MemberId) -> Subscription {
        let mut members = self.members.write().expect("live hub lock");
        let receiver = if self.closed.load(Ordering::SeqCst) {
            // A channel whose sender is gone: the stream ends at once.
            broadcast::channel(1).1
        } else {
            members
                .entry(member.clone())
                .or_insert_with(|| broadcast::channel(CHANNEL_CAPACITY).0)
                .subscribe()
        };
        Subscription {
            hub: self.clone(),
            member: member.clone(),
            receiver,
        }
    }

    /// Ends every open stream (the server is stopping: open pages reconnect to another
    /// server, or to this one when it is back).
    pub fn close_all(&self) {
        let mut members = self.members.write().expect("live hub lock");
        self.closed.store(true, Ordering::SeqCst);
        members.clear();
    }

    /// How many members have a page open, for the log and the tests.
    pub fn connected(&self) -> usize {
        self.members.read().expect("live hub lock").len()
    }

    /// The server-sent-event frame of a notice: `data: {"kind":...,"subject":...}`. Notices
    /// of rapid response also carry the subject as `report_id`, as the API promises.
    pub fn frame(notice: &Notice) -> Bytes {
        let report_id = (notice.kind.topic() == NoticeTopic::Alerts).then_some(&notice.subject);
        let json = serde_json::json!({
            "kind": notice.kind.code(),
            "subject": notice.subject,
            "report_id": report_id,
            "council_id": notice.council.as_str(),
            "path": notice.path,
        });
        Bytes::from(format!("data: {json}\n\n"))
    }

    /// Sends one frame to each of `members` who has a page open.
    pub fn send(&self, members: &[MemberId], frame: &Bytes) {
        let connected = self.members.read().expect("live hub lock");
        let mut reached = 0;
        for member in members {
            if let Some(sender) = connected.get(member) {
                // An error only says no page is listening any more.
                reached += usize::from(sender.send(frame.clone()).is_ok());
            }
        }
        tracing::debug!(told = members.len(), reached, "live hand-off");
    }
}

#[async_trait]
impl Notifier for LiveHub {
    async fn notify(&self, members: &[MemberId], notice: &Notice) {
        self.send(members, &Self::frame(notice));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::NoticeKind;
    use councils_domain::CouncilId;

    fn notice() -> Notice {
        Notice {
            kind: NoticeKind::AlertRaised,
            council: CouncilId::new("c1"),
            subject: "r1".into(),
            path: "/reports/r1".into(),
        }
    }

    #[tokio::test]
    async fn a_notice_reaches_every_open_page_of_the_members_named_and_no_one_else() {
        let hub = LiveHub::new();
        let rita = MemberId::new("rita");
        let mut phone = hub.subscribe(&rita);
        let mut laptop = hub.subscribe(&rita);
        let mut mateo = hub.subscribe(&MemberId::new("mateo"));
        hub.notify(&[rita.clone(), MemberId::new("absent")], &notice())
            .await;
        let frame = phone.receiver.recv().await.unwrap();
        assert_eq!(laptop.receiver.recv().await.unwrap(), frame);
        assert!(mateo.receiver.try_recv().is_err());
        let text = std::str::from_utf8(&frame).unwrap();
        assert!(
            text.starts_with("data: {") && text.ends_with("}\n\n"),
            "{text}"
        );
        let json: serde_json::Value =
            serde_json::from_str(text.trim_start_matches("data: ").trim()).unwrap();
        assert_eq!(json["report_id"], "r1");
        assert_eq!(json["subject"], "r1");
        assert_eq!(json["kind"], "alert-raised");
    }

    #[tokio::test]
    async fn a_member_whose_last_page_closes_is_forgotten() {
        let hub = LiveHub::new();
        let rita = MemberId::new("rita");
        let first = hub.subscribe(&rita);
        let second = hub.subscribe(&rita);
        assert_eq!(hub.connected(), 1);
        drop(first);
        assert_eq!(hub.connected(), 1);
        drop(second);
        assert_eq!(hub.connected(), 0);
    }

    #[tokio::test]
    async fn closing_the_hub_ends_every_open_stream() {
        let hub = LiveHub::new();
        let mut page = hub.subscribe(&MemberId::new("rita"));
        hub.close_all();
        assert!(matches!(
            page.receiver.recv().await,
            Err(broadcast::error::RecvError::Closed)
        ));
        let mut late = hub.subscribe(&MemberId::new("rosa"));
        assert!(matches!(
            late.receiver.recv().await,
            Err(broadcast::error::RecvError::Closed)
        ));
    }
}
