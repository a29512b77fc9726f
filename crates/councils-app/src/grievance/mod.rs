//! Grievances: a member files one (named, or anonymously with a private link to follow it),
//! the committee's organisers run the case (status, assignee, deadlines, notes and questions,
//! a pay calculation), join several into a collective grievance, and escalate one into a
//! motion of the committee through the motion machinery.
//!
//! Every reading goes through [`App::readable_grievance`] or the private link: anyone else is
//! told the grievance does not exist. Everything written is sealed under the grievance's id.

mod case;
mod file;
mod sweep;
mod view;

pub use case::EscalationDraft;
pub use file::{FiledGrievance, GrievanceDraft};
pub use view::{
    DeadlineView, EntryView, GrievanceList, GrievanceSummary, GrievanceView, MotionLink, Reader,
};

use crate::ports::{GrievanceRecord, NewGrievanceEntry, Notice, NoticeKind};
use crate::{Actor, App, AppError};
use councils_domain::grievance::{self, EntryKind, Statement};
use councils_domain::grievance_pay::PayClaim;
use councils_domain::{Council, GrievanceId, MemberId, Role, Standing};

fn statement_owner(id: &GrievanceId) -> String {
    format!("grievance:{id}")
}

fn pay_owner(id: &GrievanceId) -> String {
    format!("grievance-pay:{id}")
}

fn entry_owner(id: &GrievanceId) -> String {
    format!("grievance-entry:{id}")
}

fn sealed_json<T: serde::Serialize>(
    app: &App,
    owner: &str,
    value: &T,
) -> Result<Vec<u8>, AppError> {
    let json = serde_json::to_string(value).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(app.cipher.encrypt(owner, &json))
}

fn opened_json<T: serde::de::DeserializeOwned>(
    app: &App,
    owner: &str,
    sealed: &[u8],
) -> Result<T, AppError> {
    let json = app
        .cipher
        .decrypt(owner, sealed)
        .map_err(|_| AppError::Internal("a grievance could not be decrypted".into()))?;
    serde_json::from_str(&json).map_err(|_| AppError::Internal("an unreadable grievance".into()))
}

/// A grievance as a reader reaches it: signed in, through its committee.
pub(crate) struct Reached {
    pub council: Council,
    pub standing: Standing,
    pub record: GrievanceRecord,
    pub is_filer: bool,
}

impl App {
    pub(crate) fn seal_statement(
        &self,
        id: &GrievanceId,
        s: &Statement,
    ) -> Result<Vec<u8>, AppError> {
        sealed_json(self, &statement_owner(id), s)
    }

    pub(crate) fn open_statement(&self, g: &GrievanceRecord) -> Result<Statement, AppError> {
        opened_json(self, &statement_owner(&g.id), &g.statement_sealed)
    }

    pub(crate) fn seal_pay(&self, id: &GrievanceId, pay: &PayClaim) -> Result<Vec<u8>, AppError> {
        sealed_json(self, &pay_owner(id), pay)
    }

    pub(crate) fn open_pay(&self, g: &GrievanceRecord) -> Result<Option<PayClaim>, AppError> {
        g.pay_sealed
            .as_deref()
            .map(|sealed| opened_json(self, &pay_owner(&g.id), sealed))
            .transpose()
    }

    pub(crate) fn seal_grievance_entry(&self, id: &GrievanceId, text: &str) -> Vec<u8> {
        self.cipher.encrypt(&entry_owner(id), text)
    }

    pub(crate) fn open_grievance_entry(
        &self,
        id: &GrievanceId,
        sealed: &[u8],
    ) -> Result<String, AppError> {
        self.cipher
            .decrypt(&entry_owner(id), sealed)
            .map_err(|_| AppError::Internal("a grievance note could not be decrypted".into()))
    }

    /// An entry of `kind` on `id`'s timeline, now, by `author`.
    pub(crate) fn grievance_entry(
        &self,
        id: &GrievanceId,
        kind: EntryKind,
        author: Option<&Actor>,
        body: Option<&str>,
    ) -> NewGrievanceEntry {
        NewGrievanceEntry {
            grievance_id: id.clone(),
            kind,
            author: author.map(|a| a.member_id.clone()),
            by_filer: false,
            body_sealed: body.map(|b| self.seal_grievance_entry(id, b)),
            detail: None,
            at: self.now(),
        }
    }

    /// The grievance, if the actor filed it (named) or organises its committee; not found
    /// for everyone else, whether or not it exists.
    pub(crate) async fn readable_grievance(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<Reached, AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        let record = self
            .store
            .grievance(&GrievanceId::new(id))
            .await?
            .filter(|g| g.council_id == council.id)
            .ok_or(AppError::NotFound)?;
        let is_filer = record.filed_by.as_ref() == Some(&actor.member_id);
        if !grievance::may_read(&standing, is_filer) {
            return Err(AppError::NotFound);
        }
        Ok(Reached {
            council,
            standing,
            record,
            is_filer,
        })
    }

    /// As [`App::readable_grievance`], for what only organisers do (the filer, like anyone
    /// who may read it, is refused; anyone else still finds nothing).
    pub(crate) async fn managed_grievance(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<Reached, AppError> {
        let reached = self.readable_grievance(actor, slug, id).await?;
        if !grievance::may_manage(&reached.standing) {
            return Err(AppError::Forbidden);
        }
        Ok(reached)
    }

    /// The committee's organisers.
    pub(crate) async fn grievance_organisers(
        &self,
        council: &councils_domain::CouncilId,
    ) -> Result<Vec<MemberId>, AppError> {
        Ok(self
            .store
            .members_holding(council, &[Role::Organiser])
            .await?)
    }

    /// Tells `members` about a grievance: its kind of news and where to look, nothing else.
    pub(crate) async fn tell_grievance(
        &self,
        members: Vec<MemberId>,
        kind: NoticeKind,
        council: &Council,
        id: &GrievanceId,
    ) {
        if members.is_empty() {
            return;
        }
        let notice = Notice {
            kind,
            council: council.id.clone(),
            subject: id.to_string(),
            path: format!("/c/{}/grievances/{id}", council.slug),
        };
        self.notifier.notify(&members, &notice).await;
    }

    /// Whom to tell of a filer's words: the assignee, or every organiser if none.
    pub(crate) async fn grievance_audience(&self, record: &GrievanceRecord) -> Vec<MemberId> {
        if let Some(assignee) = &record.assignee {
            return vec![assignee.clone()];
        }
        match self.grievance_organisers(&record.council_id).await {
            Ok(all) => all,
            Err(error) => {
                tracing::error!(error = %error, "could not list whom to tell");
                Vec::new()
            }
        }
    }
}
