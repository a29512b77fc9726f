//! Filing a grievance, named or anonymous, and the filer's side of the case: their answers,
//! and for an anonymous filer the private link, which is all that ties them to it.

use super::Reader;
use crate::crypto::{SessionToken, new_id};
use crate::ports::{GrievanceChange, GrievanceRecord, NoticeKind};
use crate::{Actor, App, AppError};
use councils_domain::grievance::{
    self, EntryKind, GrievanceKind, GrievanceStatus, NOTE_MAX, Statement,
};
use councils_domain::grievance_pay::{PayClaim, PayLine, parse_hundredths};
use councils_domain::{Action, CouncilKind, GrievanceId};

/// A grievance as its filer typed it.
#[derive(Clone, Debug, Default)]
pub struct GrievanceDraft {
    /// `GrievanceKind::code`.
    pub kind: String,
    pub statement: Statement,
    pub anonymous: bool,
    /// An optional first line of the pay owed, as typed (`52`, `16.90`, `676.00`, `USD`):
    /// used when hours are given.
    pub hours: String,
    pub rate: String,
    pub paid: String,
    pub currency: String,
    /// The whole calculation, as the API sends it (instead of the first line above).
    pub claim: Option<PayClaim>,
}

/// What filing gives back: the grievance, and for an anonymous one the private link's token,
/// shown once (only its SHA-256 is kept).
#[derive(Debug)]
pub struct FiledGrievance {
    pub id: GrievanceId,
    pub follow_token: Option<SessionToken>,
}

impl GrievanceDraft {
    /// The pay calculation's first line, if hours were given.
    pub(crate) fn pay(&self) -> Result<Option<PayClaim>, AppError> {
        if let Some(claim) = &self.claim {
            return Ok(Some(PayClaim::new(&claim.currency, claim.lines.clone())?));
        }
        if self.hours.trim().is_empty() {
            return Ok(None);
        }
        let paid = if self.paid.trim().is_empty() {
            0
        } else {
            parse_hundredths(&self.paid)?
        };
        let line = PayLine {
            description: String::new(),
            hours_hundredths: parse_hundredths(&self.hours)?,
            rate_cents: parse_hundredths(&self.rate)?,
            paid_cents: paid,
        };
        let currency = if self.currency.trim().is_empty() {
            "USD"
        } else {
            &self.currency
        };
        Ok(Some(PayClaim::new(currency, vec![line])?))
    }
}

impl App {
    /// An active member of a workplace committee files a grievance there. Anonymous: no
    /// member id is stored with it, its time is its day's start, and the filer follows it
    /// through the private link returned here.
    pub async fn file_grievance(
        &self,
        actor: &Actor,
        slug: &str,
        draft: &GrievanceDraft,
    ) -> Result<FiledGrievance, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await
            .map_err(|_| AppError::NotFound)?;
        if council.kind != CouncilKind::WorkplaceCommittee {
            return Err(AppError::NotFound);
        }
        let kind = GrievanceKind::from_code(&draft.kind).ok_or(AppError::BadValue)?;
        let statement = Statement::new(draft.statement.clone())?;
        let pay = draft.pay()?;
        let id = GrievanceId::new(new_id());
        let now = self.now();
        let (filed_by, token, filed_at) = if draft.anonymous {
            let token = SessionToken::generate();
            (None, Some(token), grievance::anonymous_time(now))
        } else {
            (Some(actor.member_id.clone()), None, now)
        };
        let record = GrievanceRecord {
            statement_sealed: self.seal_statement(&id, &statement)?,
            pay_sealed: pay.as_ref().map(|p| self.seal_pay(&id, p)).transpose()?,
            id: id.clone(),
            council_id: council.id.clone(),
            kind,
            status: GrievanceStatus::Received,
            anonymous: draft.anonymous,
            filed_by: filed_by.clone(),
            follow_token_hash: token.as_ref().map(SessionToken::hash),
            assignee: None,
            is_collective: false,
            collective_id: None,
            filed_at,
            closed_at: None,
            motion_id: None,
        };
        let mut first = self.grievance_entry(&id, EntryKind::Filed, None, None);
        first.author = filed_by;
        first.by_filer = true;
        first.at = filed_at;
        self.store.create_grievance(&record, &first).await?;
        let organisers = self
            .grievance_organisers(&council.id)
            .await
            .unwrap_or_default();
        self.tell_grievance(organisers, NoticeKind::GrievanceFiled, &council, &id)
            .await;
        Ok(FiledGrievance {
            id,
            follow_token: token,
        })
    }

    /// The anonymous grievance behind a private link, for its filer; not found for any other
    /// token. No session is read: the link alone is the filer.
    pub async fn follow_grievance(&self, token: &str) -> Result<super::GrievanceView, AppError> {
        let record = self.grievance_by_link(token).await?;
        let council = self
            .store
            .council(&record.council_id)
            .await?
            .ok_or(AppError::NotFound)?;
        self.grievance_view(council, record, Reader::Link).await
    }

    /// The anonymous filer answers a question, or adds to their grievance, through the link.
    /// The entry has no author: it says only that the filer wrote it.
    pub async fn answer_by_link(&self, token: &str, text: &str) -> Result<(), AppError> {
        let record = self.grievance_by_link(token).await?;
        let text = grievance::note(text, NOTE_MAX)?;
        let mut entry = self.grievance_entry(&record.id, EntryKind::Answer, None, Some(&text));
        entry.by_filer = true;
        self.store
            .change_grievance(&GrievanceChange::Note, &entry)
            .await?;
        self.tell_answered(&record).await;
        Ok(())
    }

    /// A named filer answers a question or adds to their grievance, signed in.
    pub async fn answer_grievance(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        text: &str,
    ) -> Result<(), AppError> {
        let reached = self.readable_grievance(actor, slug, id).await?;
        if !reached.is_filer {
            return Err(AppError::Forbidden);
        }
        let text = grievance::note(text, NOTE_MAX)?;
        let mut entry = self.grievance_entry(
            &reached.record.id,
            EntryKind::Answer,
            Some(actor),
            Some(&text),
        );
        entry.by_filer = true;
        self.store
            .change_grievance(&GrievanceChange::Note, &entry)
            .await?;
        self.tell_answered(&reached.record).await;
        Ok(())
    }

    async fn tell_answered(&self, record: &GrievanceRecord) {
        let audience = self.grievance_audience(record).await;
        if let Ok(Some(council)) = self.store.council(&record.council_id).await {
            self.tell_grievance(
                audience,
                NoticeKind::GrievanceAnswered,
                &council,
                &record.id,
            )
            .await;
        }
    }

    async fn grievance_by_link(&self, token: &str) -> Result<GrievanceRecord, AppError> {
        if token.len() < 32 || token.len() > 64 {
            return Err(AppError::NotFound);
        }
        let hash = SessionToken::presented(token).hash();
        self.store
            .grievance_by_follow_hash(&hash)
            .await?
            .filter(|g| g.anonymous)
            .ok_or(AppError::NotFound)
    }
}
