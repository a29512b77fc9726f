//! The relay across processes: on PostgreSQL several `councils serve` processes share one
//! database, and a member's open page is connected to one of them. A notice is published
//! with `NOTIFY`; every process (the sender too) `LISTEN`s and hands it to its own live hub,
//! which reaches the members connected there.
//!
//! A `NOTIFY` payload is at most 8,000 bytes, so the members of one notice travel in chunks,
//! all published by one statement (delivered together, in order, at its commit).

use crate::backend_error;
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{Notice, NoticeKind, Notifier};
use councils_domain::{CouncilId, MemberId};
use serde_json::{Value, json};
use sqlx::postgres::{PgListener, PgPool, PgPoolOptions};
use std::sync::Arc;
use std::time::Duration;
use tokio::task::AbortHandle;

/// The channel notices travel on.
const CHANNEL: &str = "councils_notice";
/// Room for member ids in one payload, below PostgreSQL's 8,000 bytes with the rest.
const MEMBERS_BYTES: usize = 7_000;

/// Publishes notices to every process and delivers those published by any to `local`.
pub struct PgRelay {
    pool: PgPool,
    listening: AbortHandle,
}

fn kind(code: &str) -> Option<NoticeKind> {
    [
        NoticeKind::ReportFiled,
        NoticeKind::ReportChanged,
        NoticeKind::AlertRaised,
        NoticeKind::AlertUpdated,
        NoticeKind::AlertClosed,
        NoticeKind::PlanTriggered,
        NoticeKind::PicketReminder,
    ]
    .into_iter()
    .find(|k| k.code() == code)
}

/// The payloads of one notice: the notice with a share of its members each.
fn payloads(members: &[MemberId], notice: &Notice) -> Vec<String> {
    let mut chunks: Vec<Vec<&str>> = vec![Vec::new()];
    let mut size = 0;
    for member in members {
        let id = member.as_str();
        if size + id.len() + 3 > MEMBERS_BYTES && !chunks.last().is_some_and(Vec::is_empty) {
            chunks.push(Vec::new());
            size = 0;
        }
        size += id.len() + 3;
        chunks.last_mut().expect("a chunk").push(id);
    }
    chunks
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(|c| {
            json!({
                "members": c,
                "kind": notice.kind.code(),
                "council": notice.council.as_str(),
                "subject": notice.subject,
                "path": notice.path,
            })
            .to_string()
        })
        .collect()
}

fn parse(payload: &str) -> Option<(Vec<MemberId>, Notice)> {
    let v: Value = serde_json::from_str(payload).ok()?;
    let members = v["members"]
        .as_array()?
        .iter()
        .filter_map(|m| m.as_str().map(MemberId::new))
        .collect();
    Some((
        members,
        Notice {
            kind: kind(v["kind"].as_str()?)?,
            council: CouncilId::new(v["council"].as_str()?),
            subject: v["subject"].as_str()?.to_string(),
            path: v["path"].as_str()?.to_string(),
        },
    ))
}

impl PgRelay {
    /// Connects to the PostgreSQL database at `url`, listens, and delivers what arrives to
    /// `local` (this process's live hub).
    pub async fn start(url: &str, local: Arc<dyn Notifier>) -> Result<Arc<Self>, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(backend_error)?;
        let mut listener = PgListener::connect_with(&pool)
            .await
            .map_err(backend_error)?;
        listener.listen(CHANNEL).await.map_err(backend_error)?;
        let task = tokio::spawn(async move {
            loop {
                match listener.recv().await {
                    Ok(notification) => {
                        if let Some((members, notice)) = parse(notification.payload()) {
                            local.notify(&members, &notice).await;
                        } else {
                            tracing::warn!("an unreadable notice on the relay");
                        }
                    }
                    Err(error) => {
                        // The listener reconnects on the next call; notices sent meanwhile are
                        // lost to the live stream (the pages show them when next loaded).
                        tracing::warn!(error = %error, "the notice relay lost its connection");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(Arc::new(Self {
            pool,
            listening: task.abort_handle(),
        }))
    }

    /// Stops listening and closes the relay's connections.
    pub async fn stop(&self) {
        self.listening.abort();
        self.pool.close().await;
    }
}

#[async_trait]
impl Notifier for PgRelay {
    async fn notify(&self, members: &[MemberId], notice: &Notice) {
        let payloads = payloads(members, notice);
        if payloads.is_empty() {
            return;
        }
        let sent = sqlx::query("select pg_notify($1, payload) from unnest($2::text[]) as payload")
            .bind(CHANNEL)
            .bind(payloads)
            .execute(&self.pool)
            .await;
        if let Err(error) = sent {
            tracing::error!(error = %error, "a notice could not be relayed");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_to_many_members_travels_in_payloads_postgres_accepts_and_reads_back_whole() {
        let members: Vec<MemberId> = (0..18_000)
            .map(|n| MemberId::new(format!("member-{n:016}")))
            .collect();
        let notice = Notice {
            kind: NoticeKind::AlertRaised,
            council: CouncilId::new("c1"),
            subject: "r1".into(),
            path: "/reports/r1".into(),
        };
        let payloads = payloads(&members, &notice);
        assert!(payloads.len() > 1);
        let mut back = Vec::new();
        for p in &payloads {
            assert!(p.len() < 8_000, "{}", p.len());
            let (m, n) = parse(p).unwrap();
            assert_eq!(n, notice);
            back.extend(m);
        }
        assert_eq!(back, members);
    }
}
