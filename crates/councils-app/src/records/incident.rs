//! Incident records: filing an account, adding photos (stripped of metadata, hashed, sealed),
//! reading and deleting them. A record is readable only by the member who filed it and the
//! committee's legal role; anyone else is told it does not exist.

use crate::crypto::new_id;
use crate::ports::{EvidenceRecord, EvidenceRoom, IncidentRecord, NewEvidence};
use crate::{Actor, App, AppError};
use councils_domain::evidence::{self, EvidenceError, FILES_MAX, ImageFormat, RECORD_MAX};
use councils_domain::incident::Account;
use councils_domain::{Action, Council, EvidenceId, IncidentId, Role, Standing};

/// A record in a committee's list.
#[derive(Clone, Debug)]
pub struct IncidentSummary {
    pub id: IncidentId,
    pub filed_at: i64,
    /// The filer's handle, `None` once their account is gone.
    pub filed_by: Option<String>,
    pub when: String,
    pub place: String,
    pub files: usize,
}

/// The records of a committee the actor may read: their own, or all of them for its legal
/// role.
#[derive(Clone, Debug)]
pub struct IncidentList {
    pub council: Council,
    pub legal: bool,
    pub records: Vec<IncidentSummary>,
}

/// A photo as its record shows it: the chain of custody.
#[derive(Clone, Debug)]
pub struct EvidenceView {
    pub id: EvidenceId,
    pub format: ImageFormat,
    pub size: u64,
    /// SHA-256 of the stored photo, recorded at upload.
    pub sha256: String,
    pub uploaded_at: i64,
    pub uploaded_by: Option<String>,
}

/// One record, for its filer or the committee's legal role.
#[derive(Clone, Debug)]
pub struct IncidentView {
    pub council: Council,
    pub id: IncidentId,
    pub filed_at: i64,
    pub filed_by: Option<String>,
    pub account: Account,
    pub files: Vec<EvidenceView>,
    /// Whether the reader is the filer (else they read it as the legal role).
    pub mine: bool,
}

fn account_owner(id: &IncidentId) -> String {
    format!("incident:{id}")
}

fn file_owner(id: &EvidenceId, what: &str) -> String {
    format!("evidence:{id}:{what}")
}

impl App {
    /// The committee's records the actor may read (active members only).
    pub async fn incidents(&self, actor: &Actor, slug: &str) -> Result<IncidentList, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        let legal = standing.holds(Role::Legal);
        let mut records = Vec::new();
        for record in self.store.incidents_of(&council.id).await? {
            if !legal && record.filed_by.as_ref() != Some(&actor.member_id) {
                continue;
            }
            let account = self.open_account(&record)?;
            records.push(IncidentSummary {
                files: self.store.evidence_of(&record.id).await?.len(),
                filed_by: self.handle_of(record.filed_by.as_ref()).await?,
                id: record.id,
                filed_at: record.filed_at,
                when: account.when,
                place: account.place,
            });
        }
        Ok(IncidentList {
            council,
            legal,
            records,
        })
    }

    /// Files a new record in the committee; any active member may.
    pub async fn file_incident(
        &self,
        actor: &Actor,
        slug: &str,
        account: Account,
    ) -> Result<IncidentId, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        let account = Account::new(account)?;
        let id = IncidentId::new(new_id());
        let json =
            serde_json::to_string(&account).map_err(|e| AppError::Internal(e.to_string()))?;
        self.store
            .create_incident(&IncidentRecord {
                account_sealed: self.cipher.encrypt(&account_owner(&id), &json),
                id: id.clone(),
                council_id: council.id,
                filed_by: Some(actor.member_id.clone()),
                filed_at: self.now(),
            })
            .await?;
        Ok(id)
    }

    /// One record with its photos' chain of custody.
    pub async fn incident(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<IncidentView, AppError> {
        let (council, record, mine) = self.readable_incident(actor, slug, id).await?;
        let mut files = Vec::new();
        for file in self.store.evidence_of(&record.id).await? {
            files.push(self.evidence_view(&file).await?);
        }
        Ok(IncidentView {
            account: self.open_account(&record)?,
            filed_by: self.handle_of(record.filed_by.as_ref()).await?,
            council,
            id: record.id,
            filed_at: record.filed_at,
            files,
            mine,
        })
    }

    /// Adds photos to a record, all or none: each is stripped of its metadata, hashed and
    /// sealed; one that cannot be stripped, or too many or too large together, refuses all.
    pub async fn add_evidence(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        uploads: &[Vec<u8>],
    ) -> Result<usize, AppError> {
        let (_, record, _) = self.readable_incident(actor, slug, id).await?;
        if uploads.is_empty() {
            return Err(AppError::Evidence(EvidenceError::Empty));
        }
        let now = self.now();
        let mut files = Vec::with_capacity(uploads.len());
        for upload in uploads {
            let stripped = evidence::strip(upload)?;
            let evidence_id = EvidenceId::new(new_id());
            files.push(NewEvidence {
                bytes_sealed: self
                    .cipher
                    .seal_bytes(&file_owner(&evidence_id, "bytes"), &stripped.bytes),
                record: EvidenceRecord {
                    sha256_sealed: self
                        .cipher
                        .encrypt(&file_owner(&evidence_id, "sha256"), &stripped.sha256),
                    id: evidence_id,
                    incident_id: record.id.clone(),
                    media_type: stripped.format.media_type().to_string(),
                    size: stripped.bytes.len() as u64,
                    uploaded_at: now,
                    uploaded_by: Some(actor.member_id.clone()),
                },
            });
        }
        let room = EvidenceRoom {
            files: FILES_MAX as u64,
            bytes: RECORD_MAX as u64,
        };
        if !self.store.add_evidence(&record.id, &files, room).await? {
            return Err(AppError::Evidence(EvidenceError::RecordFull));
        }
        Ok(files.len())
    }

    /// A photo of a record, decrypted, with its format.
    pub async fn evidence_file(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        file: &str,
    ) -> Result<(ImageFormat, Vec<u8>), AppError> {
        let (_, record, _) = self.readable_incident(actor, slug, id).await?;
        let (evidence, sealed) = self
            .store
            .evidence_file(&record.id, &EvidenceId::new(file))
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((
            format_of(&evidence)?,
            self.open_evidence(&evidence.id, &sealed)?,
        ))
    }

    /// Deletes a record and its photos (its filer or the legal role).
    pub async fn delete_incident(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(), AppError> {
        let (_, record, _) = self.readable_incident(actor, slug, id).await?;
        Ok(self.store.delete_incident(&record.id).await?)
    }

    /// Deletes one photo of a record (its filer or the legal role).
    pub async fn delete_evidence(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        file: &str,
    ) -> Result<(), AppError> {
        let (_, record, _) = self.readable_incident(actor, slug, id).await?;
        Ok(self
            .store
            .delete_evidence(&record.id, &EvidenceId::new(file))
            .await?)
    }

    /// The record, if the actor filed it or holds the legal role in its committee; not found
    /// for everyone else, whether or not it exists. Also says whether it is the actor's own.
    pub(crate) async fn readable_incident(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(Council, IncidentRecord, bool), AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        if !matches!(standing, Standing::Active(_)) {
            return Err(AppError::NotFound);
        }
        let record = self
            .store
            .incident(&IncidentId::new(id))
            .await?
            .filter(|r| r.council_id == council.id)
            .ok_or(AppError::NotFound)?;
        let mine = record.filed_by.as_ref() == Some(&actor.member_id);
        if !mine && !standing.holds(Role::Legal) {
            return Err(AppError::NotFound);
        }
        Ok((council, record, mine))
    }

    pub(crate) fn open_account(&self, record: &IncidentRecord) -> Result<Account, AppError> {
        let json = self
            .cipher
            .decrypt(&account_owner(&record.id), &record.account_sealed)
            .map_err(|_| AppError::Internal("an incident could not be decrypted".into()))?;
        serde_json::from_str(&json).map_err(|_| AppError::Internal("an unreadable incident".into()))
    }

    pub(crate) fn open_evidence(
        &self,
        id: &EvidenceId,
        sealed: &[u8],
    ) -> Result<Vec<u8>, AppError> {
        self.cipher
            .open_bytes(&file_owner(id, "bytes"), sealed)
            .map_err(|_| AppError::Internal("a photo could not be decrypted".into()))
    }

    pub(crate) async fn evidence_view(
        &self,
        file: &EvidenceRecord,
    ) -> Result<EvidenceView, AppError> {
        Ok(EvidenceView {
            id: file.id.clone(),
            format: format_of(file)?,
            size: file.size,
            sha256: self
                .cipher
                .decrypt(&file_owner(&file.id, "sha256"), &file.sha256_sealed)
                .map_err(|_| AppError::Internal("a hash could not be decrypted".into()))?,
            uploaded_at: file.uploaded_at,
            uploaded_by: self.handle_of(file.uploaded_by.as_ref()).await?,
        })
    }

    async fn handle_of(
        &self,
        member: Option<&councils_domain::MemberId>,
    ) -> Result<Option<String>, AppError> {
        Ok(match member {
            Some(id) => self.store.member(id).await?.map(|m| m.handle.to_string()),
            None => None,
        })
    }
}

fn format_of(file: &EvidenceRecord) -> Result<ImageFormat, AppError> {
    ImageFormat::from_media_type(&file.media_type)
        .ok_or_else(|| AppError::Internal("an unknown media type".into()))
}
