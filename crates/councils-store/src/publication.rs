//! Publications, their texts and their comments in the database. Publishing, changing who
//! reads a publication and moderating a comment each append to the council's minutes in the
//! same transaction, and each applies only to the row as it was read (else a conflict,
//! nothing written).

use crate::rows::{corrupt, language};
use crate::{Db, backend_error, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    CommentModeration, PublicationCommentRecord, PublicationRecord, PublicationStore,
    PublicationTextRecord,
};
use councils_domain::publication::{CommentStatus, PublicationStatus};
use councils_domain::{CommentId, CouncilId, MemberId, MinutesEvent, PublicationId};
use sqlx::AnyConnection;

type PublicationRow = (
    String,
    String,
    String,
    i64,
    Option<String>,
    i64,
    Option<i64>,
);

macro_rules! publication_columns {
    () => {
        "publication_id, council_id, status, public, created_by, created_at, published_at"
    };
}

type CommentRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<Vec<u8>>,
    String,
    i64,
    Option<i64>,
);

fn comment(row: CommentRow) -> Result<PublicationCommentRecord, StoreError> {
    let (id, publication, parent, author, body, status, created_at, moderated_at) = row;
    Ok(PublicationCommentRecord {
        id: CommentId::new(id),
        publication_id: PublicationId::new(publication),
        parent_id: parent.map(CommentId::new),
        author_id: author.map(MemberId::new),
        body_sealed: body,
        status: CommentStatus::from_code(&status).ok_or_else(|| corrupt("comment status"))?,
        created_at,
        moderated_at,
    })
}

/// The publications of rows, each with its texts.
async fn with_texts(
    conn: &mut AnyConnection,
    rows: Vec<PublicationRow>,
) -> Result<Vec<PublicationRecord>, StoreError> {
    let mut out = Vec::with_capacity(rows.len());
    for (id, council, status, public, created_by, created_at, published_at) in rows {
        let texts: Vec<(String, Vec<u8>, Vec<u8>)> = sqlx::query_as(
            "select language, title_sealed, body_sealed from publication_text \
             where publication_id = $1 order by position",
        )
        .bind(&id)
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        out.push(PublicationRecord {
            texts: texts
                .into_iter()
                .map(|(code, title, body)| {
                    Ok(PublicationTextRecord {
                        language: language(&code)?,
                        title_sealed: title,
                        body_sealed: body,
                    })
                })
                .collect::<Result<_, StoreError>>()?,
            id: PublicationId::new(id),
            council_id: CouncilId::new(council),
            status: PublicationStatus::from_code(&status)
                .ok_or_else(|| corrupt("publication status"))?,
            public: public != 0,
            created_by: created_by.map(MemberId::new),
            created_at,
            published_at,
        });
    }
    Ok(out)
}

/// The publication's council and whether it is public, if it exists and is `status`.
async fn council_of(
    conn: &mut AnyConnection,
    id: &PublicationId,
) -> Result<(CouncilId, String, bool), StoreError> {
    let row: Option<(String, String, i64)> = sqlx::query_as(
        "select council_id, status, public from publication where publication_id = $1",
    )
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    let (council, status, public) = row.ok_or(StoreError::NotFound)?;
    Ok((CouncilId::new(council), status, public != 0))
}

/// Minutes a change to a publication that was published; a draft is not yet the council's
/// business.
async fn minute_if_published(
    conn: &mut AnyConnection,
    council: &CouncilId,
    status: &str,
    now: i64,
    event: MinutesEvent,
) -> Result<(), StoreError> {
    if status != PublicationStatus::Published.code() {
        return Ok(());
    }
    minutes::append(conn, council, now, &event).await
}

async fn insert_texts(
    conn: &mut AnyConnection,
    id: &PublicationId,
    texts: &[PublicationTextRecord],
) -> Result<(), StoreError> {
    for (position, text) in texts.iter().enumerate() {
        sqlx::query(
            "insert into publication_text \
             (publication_id, language, position, title_sealed, body_sealed) \
             values ($1, $2, $3, $4, $5)",
        )
        .bind(id.as_str())
        .bind(text.language.code())
        .bind(position as i64)
        .bind(text.title_sealed.clone())
        .bind(text.body_sealed.clone())
        .execute(&mut *conn)
        .await
        .map_err(backend_error)?;
    }
    Ok(())
}

#[async_trait]
impl PublicationStore for Db {
    async fn create_publication(&self, p: &PublicationRecord) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query(concat!(
            "insert into publication (",
            publication_columns!(),
            ") values ($1, $2, $3, $4, $5, $6, $7)"
        ))
        .bind(p.id.as_str())
        .bind(p.council_id.as_str())
        .bind(p.status.code())
        .bind(i64::from(p.public))
        .bind(p.created_by.as_ref().map(|m| m.as_str().to_string()))
        .bind(p.created_at)
        .bind(p.published_at)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        insert_texts(&mut tx, &p.id, &p.texts).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn publication(
        &self,
        id: &PublicationId,
    ) -> Result<Option<PublicationRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let rows: Vec<PublicationRow> = sqlx::query_as(concat!(
            "select ",
            publication_columns!(),
            " from publication where publication_id = $1"
        ))
        .bind(id.as_str())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        Ok(with_texts(&mut conn, rows).await?.pop())
    }

    async fn publications_of(
        &self,
        council: &CouncilId,
    ) -> Result<Vec<PublicationRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let rows: Vec<PublicationRow> = sqlx::query_as(concat!(
            "select ",
            publication_columns!(),
            " from publication where council_id = $1 \
             order by coalesce(published_at, created_at) desc, publication_id"
        ))
        .bind(council.as_str())
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        with_texts(&mut conn, rows).await
    }

    async fn public_publications(&self, limit: u32) -> Result<Vec<PublicationRecord>, StoreError> {
        let mut conn = self.read.acquire().await.map_err(backend_error)?;
        let rows: Vec<PublicationRow> = sqlx::query_as(concat!(
            "select ",
            publication_columns!(),
            " from publication where public = 1 and status = 'published' \
             order by published_at desc, publication_id limit $1"
        ))
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await
        .map_err(backend_error)?;
        with_texts(&mut conn, rows).await
    }

    async fn publish_publication(
        &self,
        id: &PublicationId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (council, _, public) = council_of(&mut tx, id).await?;
        let done = sqlx::query(
            "update publication set status = 'published', published_at = $1 \
             where publication_id = $2 and status = 'draft'",
        )
        .bind(now)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        let event = MinutesEvent::PublicationPublished {
            publication: id.clone(),
            by: by.clone(),
            public,
        };
        minutes::append(&mut tx, &council, now, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn set_publication_public(
        &self,
        id: &PublicationId,
        public: bool,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (council, status, _) = council_of(&mut tx, id).await?;
        sqlx::query("update publication set public = $1 where publication_id = $2")
            .bind(i64::from(public))
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        // A draft's readers do not change with it; only a published one's change is the
        // council's decision to minute.
        let event = MinutesEvent::PublicationVisibilityChanged {
            publication: id.clone(),
            by: by.clone(),
            public,
        };
        minute_if_published(&mut tx, &council, &status, now, event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn revise_publication(
        &self,
        id: &PublicationId,
        texts: &[PublicationTextRecord],
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (council, status, _) = council_of(&mut tx, id).await?;
        sqlx::query("delete from publication_text where publication_id = $1")
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        insert_texts(&mut tx, id, texts).await?;
        let event = MinutesEvent::PublicationRevised {
            publication: id.clone(),
            by: by.clone(),
        };
        minute_if_published(&mut tx, &council, &status, now, event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn delete_publication(
        &self,
        id: &PublicationId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let (council, status, _) = council_of(&mut tx, id).await?;
        // Its texts and comments go with it (the foreign keys cascade, on both databases).
        sqlx::query("delete from publication where publication_id = $1")
            .bind(id.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        let event = MinutesEvent::PublicationWithdrawn {
            publication: id.clone(),
            by: by.clone(),
        };
        minute_if_published(&mut tx, &council, &status, now, event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn add_publication_comment(
        &self,
        c: &PublicationCommentRecord,
    ) -> Result<(), StoreError> {
        self.write_one(
            sqlx::query(
                "insert into publication_comment (comment_id, publication_id, parent_id, \
                 author_id, body_sealed, status, created_at, moderated_at, position) \
                 select $1, $2, $3, $4, $5, $6, $7, $8, coalesce(max(position), 0) + 1 \
                 from publication_comment where publication_id = $2",
            )
            .bind(c.id.as_str())
            .bind(c.publication_id.as_str())
            .bind(c.parent_id.as_ref().map(|p| p.as_str().to_string()))
            .bind(c.author_id.as_ref().map(|m| m.as_str().to_string()))
            .bind(c.body_sealed.clone())
            .bind(c.status.code())
            .bind(c.created_at)
            .bind(c.moderated_at),
        )
        .await
        .map_err(backend_error)?;
        Ok(())
    }

    async fn publication_comments(
        &self,
        publication: &PublicationId,
    ) -> Result<Vec<PublicationCommentRecord>, StoreError> {
        let rows: Vec<CommentRow> = sqlx::query_as(
            "select comment_id, publication_id, parent_id, author_id, body_sealed, status, \
             created_at, moderated_at from publication_comment where publication_id = $1 \
             order by position, comment_id",
        )
        .bind(publication.as_str())
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        rows.into_iter().map(comment).collect()
    }

    async fn moderate_publication_comment(&self, m: &CommentModeration) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let erase = m.to == CommentStatus::Removed;
        let done = sqlx::query(
            "update publication_comment set status = $1, moderated_at = $2, \
             body_sealed = case when $3 = 1 then null else body_sealed end \
             where comment_id = $4 and publication_id = $5 and status = $6",
        )
        .bind(m.to.code())
        .bind(m.at)
        .bind(i64::from(erase))
        .bind(m.comment_id.as_str())
        .bind(m.publication_id.as_str())
        .bind(m.from.code())
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
        let event = MinutesEvent::PublicationCommentModerated {
            publication: m.publication_id.clone(),
            comment: m.comment_id.clone(),
            moderation: m.moderation,
            by: m.by.clone(),
        };
        minutes::append(&mut tx, &m.council_id, m.at, &event).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn erase_hidden_comments(&self, hidden_before: i64) -> Result<u64, StoreError> {
        let done = self
            .write_one(
                sqlx::query(
                    "update publication_comment set status = 'removed', body_sealed = null \
                     where status = 'hidden' and moderated_at < $1",
                )
                .bind(hidden_before),
            )
            .await
            .map_err(backend_error)?;
        Ok(done.rows_affected())
    }
}
