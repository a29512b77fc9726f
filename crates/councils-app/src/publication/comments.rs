//! Comments on a publication: members write them and reply in threads; organisers hide a
//! comment (and may show it again), or remove it for good, each minuted. A hidden comment's
//! text is erased after `HIDDEN_KEEP` by the retention sweep.

use crate::crypto::new_id;
use crate::ports::{
    CommentModeration, Notice, NoticeKind, PublicationCommentRecord, PublicationRecord,
};
use crate::{Actor, App, AppError};
use councils_domain::CommentId;
use councils_domain::publication::{
    self, COMMENTS_MAX_DEFAULT, CommentStatus, DEPTH_SHOWN_MAX, HIDDEN_KEEP, Moderation,
    PublicationError, check_comment,
};

/// A comment as the reader sees it, in thread order.
#[derive(Clone, Debug)]
pub struct CommentView {
    pub id: CommentId,
    pub parent: Option<CommentId>,
    /// How far under its thread's first comment (capped for display).
    pub depth: usize,
    /// The author's handle; `None` once their account is gone.
    pub author: Option<String>,
    /// The text: `None` when removed, or hidden and the reader is no organiser.
    pub body: Option<String>,
    pub status: CommentStatus,
    pub created_at: i64,
}

fn comment_owner(id: &CommentId) -> String {
    format!("publication-comment:{id}")
}

impl App {
    /// The publication's comments in thread order, as `organiser` or not may see them.
    pub(crate) async fn comment_views(
        &self,
        record: &PublicationRecord,
        organiser: bool,
    ) -> Result<Vec<CommentView>, AppError> {
        let stored = self.store.publication_comments(&record.id).await?;
        let threaded = publication::thread(
            stored,
            |c| c.id.as_str(),
            |c| c.parent_id.as_ref().map(|p| p.as_str()),
        );
        let mut views = Vec::with_capacity(threaded.len());
        let mut handles = std::collections::HashMap::new();
        for (comment, depth) in threaded {
            let visible = match comment.status {
                CommentStatus::Shown => true,
                CommentStatus::Hidden => organiser,
                CommentStatus::Removed => false,
            };
            let body = match (&comment.body_sealed, visible) {
                (Some(sealed), true) => Some(
                    self.cipher
                        .decrypt(&comment_owner(&comment.id), sealed)
                        .map_err(|_| AppError::Internal("comment unreadable".into()))?,
                ),
                _ => None,
            };
            let author = match &comment.author_id {
                Some(member) => {
                    if !handles.contains_key(member) {
                        let handle = self
                            .store
                            .member(member)
                            .await?
                            .map(|m| m.handle.to_string());
                        handles.insert(member.clone(), handle);
                    }
                    handles[member].clone()
                }
                None => None,
            };
            views.push(CommentView {
                id: comment.id,
                parent: comment.parent_id,
                depth: depth.min(DEPTH_SHOWN_MAX),
                author,
                body,
                status: comment.status,
                created_at: comment.created_at,
            });
        }
        Ok(views)
    }

    /// A member comments on a published publication, or replies to a comment on it. The
    /// author of the comment replied to is told.
    pub async fn comment_on_publication(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        parent: Option<&str>,
        body: &str,
    ) -> Result<CommentId, AppError> {
        let (council, record, standing) = self.readable_publication(Some(actor), slug, id).await?;
        if record.status != councils_domain::publication::PublicationStatus::Published {
            return Err(PublicationError::NotPublished.into());
        }
        if !publication::may_comment(record.status, standing.as_ref()) {
            return Err(AppError::Forbidden);
        }
        let body = check_comment(body)?;
        let existing = self.store.publication_comments(&record.id).await?;
        if existing.len() >= COMMENTS_MAX_DEFAULT {
            return Err(PublicationError::CommentsFull.into());
        }
        let parent = match parent.filter(|p| !p.is_empty()) {
            Some(p) => Some(
                existing
                    .iter()
                    .find(|c| c.id.as_str() == p)
                    .ok_or(PublicationError::NoSuchParent)?,
            ),
            None => None,
        };
        let comment_id = CommentId::new(new_id());
        self.store
            .add_publication_comment(&PublicationCommentRecord {
                body_sealed: Some(self.cipher.encrypt(&comment_owner(&comment_id), &body)),
                id: comment_id.clone(),
                publication_id: record.id.clone(),
                parent_id: parent.map(|p| p.id.clone()),
                author_id: Some(actor.member_id.clone()),
                status: CommentStatus::Shown,
                created_at: self.now(),
                moderated_at: None,
            })
            .await?;
        if let Some(author) = parent
            .and_then(|p| p.author_id.clone())
            .filter(|a| *a != actor.member_id)
        {
            let notice = Notice {
                kind: NoticeKind::PublicationReplied,
                council: council.id.clone(),
                subject: record.id.to_string(),
                path: format!(
                    "/c/{}/publications/{}#comment-{comment_id}",
                    council.slug, record.id
                ),
            };
            self.notifier.notify(&[author], &notice).await;
        }
        Ok(comment_id)
    }

    /// An organiser hides, shows again or removes a comment; minuted with the moderation.
    pub async fn moderate_publication_comment(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        comment: &str,
        moderation: Moderation,
    ) -> Result<(), AppError> {
        let (council, record, standing) = self.readable_publication(Some(actor), slug, id).await?;
        if !publication::may_edit(standing.as_ref()) {
            return Err(AppError::Forbidden);
        }
        let found = self
            .store
            .publication_comments(&record.id)
            .await?
            .into_iter()
            .find(|c| c.id.as_str() == comment)
            .ok_or(AppError::NotFound)?;
        let to = found.status.moderate(moderation)?;
        self.store
            .moderate_publication_comment(&CommentModeration {
                council_id: council.id,
                publication_id: record.id,
                comment_id: found.id,
                moderation,
                from: found.status,
                to,
                by: actor.member_id.clone(),
                at: self.now(),
            })
            .await
            .map_err(|e| match e {
                crate::StoreError::Conflict => PublicationError::WrongModeration.into(),
                other => AppError::from(other),
            })
    }

    /// The retention sweep: erases the text of comments hidden longer than `HIDDEN_KEEP`.
    pub async fn enforce_publication_retention(&self) -> Result<u64, AppError> {
        Ok(self
            .store
            .erase_hidden_comments(self.now() - HIDDEN_KEEP)
            .await?)
    }
}
