//! Running a case, for the committee's organisers: notes and questions to the filer, status,
//! assignee, deadlines, the pay calculation, joining grievances into a collective one, and
//! escalating a case into a motion of the committee (checked as `App::propose_motion` checks).

use crate::crypto::new_id;
use crate::motion::MotionDraft;
use crate::ports::{GrievanceChange, GrievanceDeadlineRecord, GrievanceRecord, NoticeKind};
use crate::{Actor, App, AppError};
use councils_domain::grievance::{
    self, EntryKind, GrievanceError, GrievanceKind, GrievanceStatus, LABEL_MAX, NOTE_MAX, Statement,
};
use councils_domain::grievance_pay::PayClaim;
use councils_domain::motion::MotionKind;
use councils_domain::{GrievanceDeadlineId, GrievanceId, MemberId, MotionId, Role};

pub(crate) fn deadline_owner(id: &GrievanceDeadlineId) -> String {
    format!("grievance-deadline:{id}")
}

/// A motion an organiser makes of a case.
#[derive(Clone, Debug, Default)]
pub struct EscalationDraft {
    /// `ordinary` (a demand) or `strike-vote`.
    pub kind: String,
    pub title: String,
    pub body: String,
    /// `simple`, `two-thirds` or `members`; empty for the committee's default.
    pub majority: String,
}

impl App {
    /// An organiser adds a note to the case's timeline, or asks its filer a question (the
    /// filer sees both; a named filer is told of a question).
    pub async fn note_grievance(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        text: &str,
        question: bool,
    ) -> Result<(), AppError> {
        let reached = self.managed_grievance(actor, slug, id).await?;
        let text = grievance::note(text, NOTE_MAX)?;
        let kind = if question {
            EntryKind::Question
        } else {
            EntryKind::Note
        };
        let entry = self.grievance_entry(&reached.record.id, kind, Some(actor), Some(&text));
        self.store
            .change_grievance(&GrievanceChange::Note, &entry)
            .await?;
        if question && let Some(filer) = reached.record.filed_by.clone() {
            self.tell_grievance(
                vec![filer],
                NoticeKind::GrievanceQuestion,
                &reached.council,
                &reached.record.id,
            )
            .await;
        }
        Ok(())
    }

    /// An organiser moves the case to a status (resolved and dropped start its retention).
    pub async fn set_grievance_status(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        status: &str,
    ) -> Result<(), AppError> {
        let reached = self.managed_grievance(actor, slug, id).await?;
        let status = GrievanceStatus::from_code(status).ok_or(AppError::BadValue)?;
        let mut entry =
            self.grievance_entry(&reached.record.id, EntryKind::Status, Some(actor), None);
        entry.detail = Some(status.code().to_string());
        let closed_at = status.is_closed().then_some(entry.at);
        self.store
            .change_grievance(&GrievanceChange::Status { status, closed_at }, &entry)
            .await?;
        Ok(())
    }

    /// An organiser assigns the case to an organiser of the committee (or to no one, with an
    /// empty handle); the new assignee is told.
    pub async fn assign_grievance(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        handle: &str,
    ) -> Result<(), AppError> {
        let reached = self.managed_grievance(actor, slug, id).await?;
        let assignee = if handle.trim().is_empty() {
            None
        } else {
            let found = self
                .store
                .members_of(&reached.council.id)
                .await?
                .into_iter()
                .find(|m| m.handle.as_str().eq_ignore_ascii_case(handle.trim()))
                .filter(|m| m.roles.contains(&Role::Organiser))
                .ok_or(GrievanceError::NotAnOrganiser)?;
            Some(found)
        };
        let mut entry =
            self.grievance_entry(&reached.record.id, EntryKind::Assigned, Some(actor), None);
        entry.detail = assignee.as_ref().map(|m| m.handle.to_string());
        let member: Option<MemberId> = assignee.map(|m| m.member_id);
        self.store
            .change_grievance(&GrievanceChange::Assignee(member.clone()), &entry)
            .await?;
        if let Some(member) = member.filter(|m| *m != actor.member_id) {
            self.tell_grievance(
                vec![member],
                NoticeKind::GrievanceAssigned,
                &reached.council,
                &reached.record.id,
            )
            .await;
        }
        Ok(())
    }

    /// An organiser sets a deadline (`YYYY-MM-DD`, due at the end of that day, UTC); the
    /// sweep tells the assignee when it comes due.
    pub async fn add_grievance_deadline(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        label: &str,
        date: &str,
    ) -> Result<GrievanceDeadlineId, AppError> {
        let reached = self.managed_grievance(actor, slug, id).await?;
        let label = grievance::note(label, LABEL_MAX)?;
        let due_at = grievance::due_at(date)?;
        let deadline_id = GrievanceDeadlineId::new(new_id());
        let mut entry = self.grievance_entry(
            &reached.record.id,
            EntryKind::Deadline,
            Some(actor),
            Some(&label),
        );
        entry.detail = Some(date.trim().to_string());
        let deadline = GrievanceDeadlineRecord {
            label_sealed: self.cipher.encrypt(&deadline_owner(&deadline_id), &label),
            id: deadline_id.clone(),
            grievance_id: reached.record.id.clone(),
            due_at,
            reminded_at: None,
            done_at: None,
            created_at: entry.at,
        };
        self.store
            .change_grievance(&GrievanceChange::AddDeadline(deadline), &entry)
            .await?;
        Ok(deadline_id)
    }

    /// An organiser marks a deadline met.
    pub async fn finish_grievance_deadline(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        deadline: &str,
    ) -> Result<(), AppError> {
        let reached = self.managed_grievance(actor, slug, id).await?;
        let entry = self.grievance_entry(
            &reached.record.id,
            EntryKind::DeadlineDone,
            Some(actor),
            None,
        );
        let change = GrievanceChange::FinishDeadline(GrievanceDeadlineId::new(deadline), entry.at);
        self.store.change_grievance(&change, &entry).await?;
        Ok(())
    }

    /// An organiser writes (or rewrites) the case's calculation of pay owed.
    pub async fn set_grievance_pay(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        pay: PayClaim,
    ) -> Result<(), AppError> {
        let reached = self.managed_grievance(actor, slug, id).await?;
        let pay = PayClaim::new(&pay.currency, pay.lines)?;
        let sealed = self.seal_pay(&reached.record.id, &pay)?;
        let entry = self.grievance_entry(&reached.record.id, EntryKind::Pay, Some(actor), None);
        self.store
            .change_grievance(&GrievanceChange::Pay(sealed), &entry)
            .await?;
        Ok(())
    }

    /// An organiser joins two or more of the committee's grievances into a collective
    /// grievance with its own statement; returns its id. All are joined or none.
    pub async fn join_grievances(
        &self,
        actor: &Actor,
        slug: &str,
        ids: &[String],
        kind: &str,
        statement: Statement,
    ) -> Result<GrievanceId, AppError> {
        let home = self.council_by_slug(slug).await?;
        if !grievance::may_manage(&self.standing(actor, &home).await?) {
            return Err(AppError::NotFound);
        }
        let mut members: Vec<GrievanceId> = Vec::new();
        let mut council = None;
        for id in ids {
            let reached = self.managed_grievance(actor, slug, id).await?;
            if reached.record.is_collective || reached.record.collective_id.is_some() {
                return Err(GrievanceError::CollectiveTooSmall.into());
            }
            if !members.contains(&reached.record.id) {
                members.push(reached.record.id);
            }
            council = Some(reached.council);
        }
        let Some(council) = council.filter(|_| members.len() >= 2) else {
            return Err(GrievanceError::CollectiveTooSmall.into());
        };
        let kind = GrievanceKind::from_code(kind).ok_or(AppError::BadValue)?;
        let statement = Statement::new(statement)?;
        let id = GrievanceId::new(new_id());
        let first = self.grievance_entry(&id, EntryKind::Filed, Some(actor), None);
        let record = GrievanceRecord {
            statement_sealed: self.seal_statement(&id, &statement)?,
            pay_sealed: None,
            id: id.clone(),
            council_id: council.id.clone(),
            kind,
            status: GrievanceStatus::Received,
            anonymous: false,
            filed_by: Some(actor.member_id.clone()),
            follow_token_hash: None,
            assignee: Some(actor.member_id.clone()),
            is_collective: true,
            collective_id: None,
            filed_at: first.at,
            closed_at: None,
            motion_id: None,
        };
        self.store
            .join_collective(&record, &first, &members)
            .await
            .map_err(|e| match e {
                crate::ports::StoreError::Conflict => GrievanceError::CollectiveTooSmall.into(),
                other => AppError::from(other),
            })?;
        Ok(id)
    }

    /// An organiser escalates a case into a motion of the committee (a demand, or a strike
    /// vote by secret ballot), put to discussion at once with the checks of
    /// `App::propose_motion`; the motion and the link both ways are written in one transaction. The motion's text is the organiser's: the filer is not
    /// named, and their statement stays sealed in the case.
    pub async fn escalate_grievance(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        draft: &EscalationDraft,
    ) -> Result<MotionId, AppError> {
        let reached = self.managed_grievance(actor, slug, id).await?;
        if reached.record.motion_id.is_some() {
            return Err(GrievanceError::AlreadyEscalated.into());
        }
        let kind = match draft.kind.as_str() {
            "ordinary" => MotionKind::Ordinary,
            "strike-vote" => MotionKind::StrikeVote,
            _ => return Err(AppError::BadValue),
        };
        let (_, defaults) = self.motion_defaults(actor, slug).await?;
        let motion = MotionDraft {
            kind: kind.code().to_string(),
            method: "yes-no".into(),
            secret: defaults.secret,
            majority: if draft.majority.is_empty() {
                defaults.majority
            } else {
                draft.majority.clone()
            },
            quorum_percent: defaults.quorum_percent,
            texts: vec![(actor.language, draft.title.clone(), draft.body.clone())],
            ..MotionDraft::default()
        };
        let motion = self.new_motion(actor, slug, &motion).await?;
        let motion_id = motion.id.clone();
        let mut entry =
            self.grievance_entry(&reached.record.id, EntryKind::Escalated, Some(actor), None);
        entry.detail = Some(kind.code().to_string());
        self.store
            .change_grievance(&GrievanceChange::Escalate(Box::new(motion)), &entry)
            .await
            .map_err(|e| match e {
                crate::ports::StoreError::Conflict => GrievanceError::AlreadyEscalated.into(),
                other => AppError::from(other),
            })?;
        Ok(motion_id)
    }
}
