//! How members chose to hear about each topic, the delivery details of many members at once,
//! and the notices kept for members who hear by mail (migration 0012).

use crate::push::PushSubscriptionRow;
use crate::rows::{corrupt, language};
use crate::{Backend, Db, backend_error};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    DeliveryMode, DeliveryTarget, NoticeItem, NoticeStore, NoticeTopic, PushSubscriptionRecord,
};
use councils_domain::MemberId;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Members read per statement when many are told at once.
const MEMBERS_PER_READ: usize = 500;

fn topic(code: &str) -> Result<NoticeTopic, StoreError> {
    NoticeTopic::ALL
        .into_iter()
        .find(|topic| topic.code() == code)
        .ok_or_else(|| corrupt("notice topic"))
}

fn mode(code: &str) -> Result<DeliveryMode, StoreError> {
    DeliveryMode::parse(code).ok_or_else(|| corrupt("delivery mode"))
}

/// A subquery giving the ids of a JSON array bound as parameter `$n` (see [`id_array`]): one
/// bound value for hundreds of members, where a list of placeholders would have SQLite look
/// up each placeholder's name among all of them.
fn member_list(backend: Backend, n: usize) -> String {
    match backend {
        Backend::Sqlite => format!("select value from json_each(${n})"),
        Backend::Postgres => format!("select json_array_elements_text(${n}::json)"),
    }
}

/// Member ids as the JSON array [`member_list`] reads.
fn id_array(members: &[MemberId]) -> String {
    serde_json::json!(members).to_string()
}

/// [`NoticeStore::delivery_targets`] for one chunk of members.
async fn delivery_chunk(
    conn: &mut AnyConnection,
    backend: Backend,
    members: &[MemberId],
    topic: NoticeTopic,
) -> Result<Vec<DeliveryTarget>, StoreError> {
    let sql = format!(
        "select m.member_id, m.language, m.email_sealed, p.mode,
                (select count(*) from push_subscription s where s.member_id = m.member_id)
         from member m
         left join notice_preference p on p.member_id = m.member_id and p.topic = $1
         where m.member_id in ({})
           and (m.email_sealed is not null
                or exists (select 1 from push_subscription s where s.member_id = m.member_id))",
        member_list(backend, 2)
    );
    let rows = sqlx::query_as::<_, (String, String, Option<Vec<u8>>, Option<String>, i64)>(
        // The text is fixed; the ids are one bound value.
        sqlx::AssertSqlSafe(sql),
    )
    .bind(topic.code())
    .bind(id_array(members))
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    let mut found = Vec::with_capacity(rows.len());
    let mut subscribed = Vec::new();
    for (member, code, email_sealed, chosen, has_push) in rows {
        let member = MemberId::new(member);
        if has_push > 0 {
            subscribed.push(member.clone());
        }
        found.push(DeliveryTarget {
            member,
            language: language(&code)?,
            email_sealed,
            mode: chosen.as_deref().map(mode).transpose()?,
            subscriptions: Vec::new(),
        });
    }
    let mut by_member: HashMap<MemberId, Vec<PushSubscriptionRecord>> = HashMap::new();
    if !subscribed.is_empty() {
        let sql = format!(
            "select push_subscription_id, member_id, endpoint_hash, endpoint_sealed,
                    keys_sealed, created_at
             from push_subscription where member_id in ({})
             order by created_at, push_subscription_id",
            member_list(backend, 1)
        );
        let rows: Vec<PushSubscriptionRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
            .bind(id_array(&subscribed))
            .fetch_all(&mut *conn)
            .await
            .map_err(backend_error)?;
        for row in rows {
            let record = PushSubscriptionRecord::from(row);
            by_member
                .entry(record.member_id.clone())
                .or_default()
                .push(record);
        }
    }
    Ok(found
        .into_iter()
        .map(|mut target| {
            target.subscriptions = by_member.remove(&target.member).unwrap_or_default();
            target
        })
        .collect())
}

#[derive(sqlx::FromRow)]
struct NoticeItemRow {
    notice_item_id: String,
    member_id: String,
    topic: String,
    kind: String,
    path: String,
    created_at: i64,
    mailed_at: Option<i64>,
}

impl TryFrom<NoticeItemRow> for NoticeItem {
    type Error = StoreError;

    fn try_from(row: NoticeItemRow) -> Result<Self, StoreError> {
        Ok(Self {
            id: row.notice_item_id,
            member: MemberId::new(row.member_id),
            topic: topic(&row.topic)?,
            kind: row.kind,
            path: row.path,
            created_at: row.created_at,
            mailed_at: row.mailed_at,
        })
    }
}

const ITEM_COLUMNS: &str = "notice_item_id, member_id, topic, kind, path, created_at, mailed_at";

#[async_trait]
impl NoticeStore for Db {
    async fn notice_preferences(
        &self,
        member: &MemberId,
    ) -> Result<Vec<(NoticeTopic, DeliveryMode)>, StoreError> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("select topic, mode from notice_preference where member_id = $1")
                .bind(member.as_str())
                .fetch_all(&self.read)
                .await
                .map_err(backend_error)?;
        let mut choices = rows
            .iter()
            .map(|(t, m)| Ok((topic(t)?, mode(m)?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        choices.sort_by_key(|(topic, _)| *topic);
        Ok(choices)
    }

    async fn set_notice_preferences(
        &self,
        member: &MemberId,
        choices: &[(NoticeTopic, DeliveryMode)],
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("delete from notice_preference where member_id = $1")
            .bind(member.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        for (topic, mode) in choices {
            sqlx::query(
                "insert into notice_preference (member_id, topic, mode) values ($1, $2, $3)",
            )
            .bind(member.as_str())
            .bind(topic.code())
            .bind(mode.code())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn delivery_targets(
        &self,
        members: &[MemberId],
        topic: NoticeTopic,
    ) -> Result<Vec<DeliveryTarget>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let mut targets = Vec::new();
        // A committee of thousands is read a few hundred at a time: one long statement would
        // hold a core for tens of milliseconds while its open pages are being written to,
        // where between short ones they go first.
        for chunk in members.chunks(MEMBERS_PER_READ) {
            targets.extend(delivery_chunk(&mut conn, self.backend(), chunk, topic).await?);
        }
        Ok(targets)
    }

    async fn keep_notices(&self, items: &[NoticeItem]) -> Result<(), StoreError> {
        if items.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin().await?;
        for item in items {
            sqlx::query(
                "insert into notice_item (notice_item_id, member_id, topic, kind, path,
                     created_at, mailed_at)
                 values ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(&item.id)
            .bind(item.member.as_str())
            .bind(item.topic.code())
            .bind(&item.kind)
            .bind(&item.path)
            .bind(item.created_at)
            .bind(item.mailed_at)
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn kept_notices(&self, member: &MemberId) -> Result<Vec<NoticeItem>, StoreError> {
        let rows: Vec<NoticeItemRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "select {ITEM_COLUMNS} from notice_item where member_id = $1
             order by created_at desc, notice_item_id"
        )))
        .bind(member.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(NoticeItem::try_from).collect()
    }

    async fn digests_due(&self, since: i64) -> Result<Vec<MemberId>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "select distinct member_id from notice_item
             where mailed_at is null and created_at <= $1
             order by member_id",
        )
        .bind(since)
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows.into_iter().map(|(m,)| MemberId::new(m)).collect())
    }

    async fn take_digest(&self, member: &MemberId, at: i64) -> Result<Vec<NoticeItem>, StoreError> {
        // One statement marks and returns, so a notice that comes meanwhile waits for the
        // next digest instead of being marked without being mailed.
        let mut tx = self.begin().await?;
        let rows: Vec<NoticeItemRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "update notice_item set mailed_at = $2
             where member_id = $1 and mailed_at is null
             returning {ITEM_COLUMNS}"
        )))
        .bind(member.as_str())
        .bind(at)
        .fetch_all(&mut *tx)
        .await
        .map_err(backend_error)?;
        self.commit(tx).await.map_err(backend_error)?;
        let mut items = rows
            .into_iter()
            .map(NoticeItem::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        items.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        Ok(items)
    }

    async fn forget_notices_before(&self, before: i64) -> Result<u64, StoreError> {
        let done = self
            .write_one(sqlx::query("delete from notice_item where created_at < $1").bind(before))
            .await
            .map_err(backend_error)?;
        Ok(done.rows_affected())
    }
}
