//! Publications: organisers write a statement or leaflet in one or more languages (a draft),
//! publish it to the council's members and, if the council chooses, to anyone; members
//! comment in threads (`comments`), organisers moderate. Anyone who may not read a
//! publication is told it does not exist.

pub mod comments;

use crate::crypto::new_id;
use crate::ports::{Notice, NoticeKind, PublicationRecord, PublicationTextRecord};
use crate::{Actor, App, AppError};
use councils_domain::publication::{
    self, PublicationError, PublicationStatus, PublicationText, check_texts,
};
use councils_domain::{Council, Language, MembershipStatus, PublicationId, Standing};

pub use comments::CommentView;

/// A publication in a list: its title in the reader's language (or its first).
#[derive(Clone, Debug)]
pub struct PublicationSummary {
    pub id: PublicationId,
    pub council: Council,
    pub title: String,
    pub languages: Vec<Language>,
    pub status: PublicationStatus,
    pub public: bool,
    pub created_at: i64,
    pub published_at: Option<i64>,
}

/// A council's publications the reader may read.
#[derive(Clone, Debug)]
pub struct PublicationList {
    pub council: Council,
    pub may_write: bool,
    pub publications: Vec<PublicationSummary>,
}

/// One publication with its comments, as the reader may see it.
#[derive(Clone, Debug)]
pub struct PublicationView {
    pub council: Council,
    pub id: PublicationId,
    pub status: PublicationStatus,
    pub public: bool,
    pub texts: Vec<PublicationText>,
    pub created_by: Option<String>,
    pub created_at: i64,
    pub published_at: Option<i64>,
    pub comments: Vec<CommentView>,
    /// Whether the reader may comment (an active member, once published).
    pub may_comment: bool,
    /// Whether the reader may publish, change who reads it and moderate (an organiser).
    pub may_edit: bool,
}

/// What an organiser typed for a new publication.
#[derive(Clone, Debug)]
pub struct PublicationForm {
    pub texts: Vec<PublicationText>,
    pub public: bool,
}

pub(crate) fn title_owner(id: &PublicationId, language: Language) -> String {
    format!("publication:{id}:title:{}", language.code())
}

pub(crate) fn body_owner(id: &PublicationId, language: Language) -> String {
    format!("publication:{id}:body:{}", language.code())
}

impl App {
    /// The reader's standing in the council, or `None` when not signed in.
    pub(crate) async fn standing_of(
        &self,
        actor: Option<&Actor>,
        council: &Council,
    ) -> Result<Option<Standing>, AppError> {
        Ok(match actor {
            Some(actor) => Some(self.standing(actor, council).await?),
            None => None,
        })
    }

    /// The texts of a stored publication, opened.
    pub(crate) fn open_texts(
        &self,
        record: &PublicationRecord,
    ) -> Result<Vec<PublicationText>, AppError> {
        record
            .texts
            .iter()
            .map(|t| {
                let open = |owner: String, sealed: &[u8]| {
                    self.cipher
                        .decrypt(&owner, sealed)
                        .map_err(|_| AppError::Internal("publication text unreadable".into()))
                };
                Ok(PublicationText {
                    language: t.language,
                    title: open(title_owner(&record.id, t.language), &t.title_sealed)?,
                    body: open(body_owner(&record.id, t.language), &t.body_sealed)?,
                })
            })
            .collect()
    }

    fn summary(
        &self,
        council: &Council,
        record: &PublicationRecord,
        language: Language,
    ) -> Result<PublicationSummary, AppError> {
        let texts = self.open_texts(record)?;
        Ok(PublicationSummary {
            id: record.id.clone(),
            council: council.clone(),
            title: publication::text_for(&texts, language)
                .map(|t| t.title.clone())
                .unwrap_or_default(),
            languages: texts.iter().map(|t| t.language).collect(),
            status: record.status,
            public: record.public,
            created_at: record.created_at,
            published_at: record.published_at,
        })
    }

    /// The council's publications the reader may read. Someone who may read none of them
    /// (not a member, and nothing public) is told the list does not exist.
    pub async fn publications(
        &self,
        actor: Option<&Actor>,
        slug: &str,
        language: Language,
    ) -> Result<PublicationList, AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing_of(actor, &council).await?;
        let member = matches!(standing, Some(Standing::Active(_)));
        let mut publications = Vec::new();
        for record in self.store.publications_of(&council.id).await? {
            if publication::may_read(record.status, record.public, standing.as_ref()) {
                publications.push(self.summary(&council, &record, language)?);
            }
        }
        if !member && publications.is_empty() {
            return Err(AppError::NotFound);
        }
        Ok(PublicationList {
            may_write: publication::may_edit(standing.as_ref()),
            council,
            publications,
        })
    }

    /// Every public publication of the instance, newest first (the public list and the feed).
    pub async fn public_publications(
        &self,
        language: Language,
        limit: u32,
    ) -> Result<Vec<PublicationSummary>, AppError> {
        let mut out = Vec::new();
        for record in self.store.public_publications(limit).await? {
            if let Some(council) = self.store.council(&record.council_id).await? {
                out.push(self.summary(&council, &record, language)?);
            }
        }
        Ok(out)
    }

    /// A publication the reader may read, with its council and the reader's standing;
    /// not found for anyone else.
    pub(crate) async fn readable_publication(
        &self,
        actor: Option<&Actor>,
        slug: &str,
        id: &str,
    ) -> Result<(Council, PublicationRecord, Option<Standing>), AppError> {
        let council = self.council_by_slug(slug).await?;
        let record = self
            .store
            .publication(&PublicationId::new(id))
            .await?
            .filter(|r| r.council_id == council.id)
            .ok_or(AppError::NotFound)?;
        let standing = self.standing_of(actor, &council).await?;
        if !publication::may_read(record.status, record.public, standing.as_ref()) {
            return Err(AppError::NotFound);
        }
        Ok((council, record, standing))
    }

    /// A publication that the actor, an organiser of its council, may change.
    async fn editable_publication(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(Council, PublicationRecord), AppError> {
        let (council, record, standing) = self.readable_publication(Some(actor), slug, id).await?;
        if !publication::may_edit(standing.as_ref()) {
            return Err(AppError::Forbidden);
        }
        Ok((council, record))
    }

    /// One publication with its comments in thread order.
    pub async fn publication(
        &self,
        actor: Option<&Actor>,
        slug: &str,
        id: &str,
    ) -> Result<PublicationView, AppError> {
        let (council, record, standing) = self.readable_publication(actor, slug, id).await?;
        let may_edit = publication::may_edit(standing.as_ref());
        let comments = self.comment_views(&record, may_edit).await?;
        let created_by = match &record.created_by {
            Some(member) => self
                .store
                .member(member)
                .await?
                .map(|m| m.handle.to_string()),
            None => None,
        };
        Ok(PublicationView {
            texts: self.open_texts(&record)?,
            may_comment: publication::may_comment(record.status, standing.as_ref()),
            may_edit,
            council,
            id: record.id,
            status: record.status,
            public: record.public,
            created_by,
            created_at: record.created_at,
            published_at: record.published_at,
            comments,
        })
    }

    /// The council, if the actor may write its publications (an organiser); else forbidden.
    pub async fn publication_desk(&self, actor: &Actor, slug: &str) -> Result<Council, AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        if !publication::may_edit(Some(&standing)) {
            return Err(AppError::Forbidden);
        }
        Ok(council)
    }

    /// An organiser writes a new publication: a draft, seen by organisers until published.
    pub async fn draft_publication(
        &self,
        actor: &Actor,
        slug: &str,
        form: PublicationForm,
    ) -> Result<PublicationId, AppError> {
        let council = self.publication_desk(actor, slug).await?;
        let texts = check_texts(form.texts)?;
        let id = PublicationId::new(new_id());
        let record = PublicationRecord {
            texts: self.sealed_texts(&id, &texts),
            id: id.clone(),
            council_id: council.id,
            status: PublicationStatus::Draft,
            public: form.public,
            created_by: Some(actor.member_id.clone()),
            created_at: self.now(),
            published_at: None,
        };
        self.store.create_publication(&record).await?;
        Ok(id)
    }

    fn sealed_texts(
        &self,
        id: &PublicationId,
        texts: &[PublicationText],
    ) -> Vec<PublicationTextRecord> {
        texts
            .iter()
            .map(|t| PublicationTextRecord {
                language: t.language,
                title_sealed: self.cipher.encrypt(&title_owner(id, t.language), &t.title),
                body_sealed: self.cipher.encrypt(&body_owner(id, t.language), &t.body),
            })
            .collect()
    }

    /// The texts of a publication as its organisers edit them, with the council.
    pub async fn publication_for_revision(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(Council, Vec<PublicationText>), AppError> {
        let (council, record) = self.editable_publication(actor, slug, id).await?;
        let texts = self.open_texts(&record)?;
        Ok((council, texts))
    }

    /// An organiser changes a publication's texts (a draft, or one already out: minuted). The
    /// texts are checked as when it was written; languages left empty are taken out.
    pub async fn revise_publication(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        texts: Vec<PublicationText>,
    ) -> Result<(), AppError> {
        let (_, record) = self.editable_publication(actor, slug, id).await?;
        let texts = check_texts(texts)?;
        self.store
            .revise_publication(
                &record.id,
                &self.sealed_texts(&record.id, &texts),
                &actor.member_id,
                self.now(),
            )
            .await?;
        Ok(())
    }

    /// An organiser deletes a draft, or withdraws a publication that is out (minuted): it
    /// goes with its comments, and its PDF and public page with it.
    pub async fn delete_publication(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(), AppError> {
        let (_, record) = self.editable_publication(actor, slug, id).await?;
        self.store
            .delete_publication(&record.id, &actor.member_id, self.now())
            .await?;
        Ok(())
    }

    /// An organiser publishes a draft: minuted, and the council's members are told.
    pub async fn publish_publication(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(), AppError> {
        let (council, record) = self.editable_publication(actor, slug, id).await?;
        if record.status != PublicationStatus::Draft {
            return Err(PublicationError::AlreadyPublished.into());
        }
        self.store
            .publish_publication(&record.id, &actor.member_id, self.now())
            .await
            .map_err(|e| match e {
                crate::StoreError::Conflict => PublicationError::AlreadyPublished.into(),
                other => AppError::from(other),
            })?;
        let members: Vec<_> = self
            .store
            .members_of(&council.id)
            .await?
            .into_iter()
            .filter(|m| m.status == MembershipStatus::Active && m.member_id != actor.member_id)
            .map(|m| m.member_id)
            .collect();
        if !members.is_empty() {
            let notice = Notice {
                kind: NoticeKind::PublicationPublished,
                council: council.id.clone(),
                subject: record.id.to_string(),
                path: format!("/c/{}/publications/{}", council.slug, record.id),
            };
            self.notifier.notify(&members, &notice).await;
        }
        Ok(())
    }

    /// An organiser makes a publication public (readable without signing in) or for
    /// members only.
    pub async fn set_publication_public(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        public: bool,
    ) -> Result<(), AppError> {
        let (_, record) = self.editable_publication(actor, slug, id).await?;
        if record.public == public {
            return Ok(());
        }
        self.store
            .set_publication_public(&record.id, public, &actor.member_id, self.now())
            .await?;
        Ok(())
    }
}
