//! The publications port: a council's publications (texts per language, sealed), whether
//! each is out and public, and members' threaded comments with their moderation.
//!
//! Titles, texts and comments arrive sealed by the app's `FieldCipher`; the store keeps the
//! ciphertexts and the plain columns that find rows and decide who reads them.

use super::StoreError;
use async_trait::async_trait;
use councils_domain::publication::{CommentStatus, Moderation, PublicationStatus};
use councils_domain::{CommentId, CouncilId, Language, MemberId, PublicationId};

/// One language's title and text, sealed.
#[derive(Clone, Debug)]
pub struct PublicationTextRecord {
    pub language: Language,
    pub title_sealed: Vec<u8>,
    pub body_sealed: Vec<u8>,
}

/// A publication as stored.
#[derive(Clone, Debug)]
pub struct PublicationRecord {
    pub id: PublicationId,
    pub council_id: CouncilId,
    pub status: PublicationStatus,
    pub public: bool,
    /// The organiser who wrote it; `None` once their account is deleted.
    pub created_by: Option<MemberId>,
    pub created_at: i64,
    pub published_at: Option<i64>,
    /// In the order they were written (the first is the publication's first language).
    pub texts: Vec<PublicationTextRecord>,
}

/// A comment on a publication as stored.
#[derive(Clone, Debug)]
pub struct PublicationCommentRecord {
    pub id: CommentId,
    pub publication_id: PublicationId,
    /// The comment this one answers, if it is a reply.
    pub parent_id: Option<CommentId>,
    /// `None` once the author's account is deleted.
    pub author_id: Option<MemberId>,
    /// `None` once removed (or erased after being hidden too long).
    pub body_sealed: Option<Vec<u8>>,
    pub status: CommentStatus,
    pub created_at: i64,
    pub moderated_at: Option<i64>,
}

/// An organiser's moderation of one comment, applied only if the comment is still `from`.
#[derive(Clone, Debug)]
pub struct CommentModeration {
    pub council_id: CouncilId,
    pub publication_id: PublicationId,
    pub comment_id: CommentId,
    pub moderation: Moderation,
    pub from: CommentStatus,
    pub to: CommentStatus,
    pub by: MemberId,
    pub at: i64,
}

/// Publications and their comments.
#[async_trait]
pub trait PublicationStore: Send + Sync {
    /// Stores a new publication with its texts (a draft).
    async fn create_publication(&self, publication: &PublicationRecord) -> Result<(), StoreError>;
    async fn publication(
        &self,
        id: &PublicationId,
    ) -> Result<Option<PublicationRecord>, StoreError>;
    /// The council's publications, newest first.
    async fn publications_of(
        &self,
        council: &CouncilId,
    ) -> Result<Vec<PublicationRecord>, StoreError>;
    /// Every published public publication of the instance, newest published first.
    async fn public_publications(&self, limit: u32) -> Result<Vec<PublicationRecord>, StoreError>;
    /// Publishes a draft and minutes it; `Conflict` if it is no longer a draft.
    async fn publish_publication(
        &self,
        id: &PublicationId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Makes a publication public or for members only, minuted when it is published.
    async fn set_publication_public(
        &self,
        id: &PublicationId,
        public: bool,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Replaces a publication's texts, minuted when it is published.
    async fn revise_publication(
        &self,
        id: &PublicationId,
        texts: &[PublicationTextRecord],
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    /// Deletes a publication with its texts and comments; minuted (withdrawn) when it was
    /// published. `NotFound` if it is gone already.
    async fn delete_publication(
        &self,
        id: &PublicationId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn add_publication_comment(
        &self,
        comment: &PublicationCommentRecord,
    ) -> Result<(), StoreError>;
    /// The publication's comments, oldest first.
    async fn publication_comments(
        &self,
        publication: &PublicationId,
    ) -> Result<Vec<PublicationCommentRecord>, StoreError>;
    /// Applies a moderation and minutes it in one transaction; `Conflict` if the comment
    /// changed meanwhile. Removing erases the text.
    async fn moderate_publication_comment(
        &self,
        moderation: &CommentModeration,
    ) -> Result<(), StoreError>;
    /// Erases the text of comments hidden before `hidden_before`; returns how many.
    async fn erase_hidden_comments(&self, hidden_before: i64) -> Result<u64, StoreError>;
}
