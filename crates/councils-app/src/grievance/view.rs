//! Reading grievances: a committee's list as a reader may see it, one case opened for its
//! page (for an organiser, its named filer, or the anonymous filer's private link), and the
//! grievance a motion came from.

use crate::ports::{GrievanceRecord, MotionRecord};
use crate::{Actor, App, AppError};
use councils_domain::grievance::{self, EntryKind, GrievanceKind, GrievanceStatus, Statement};
use councils_domain::grievance_pay::PayClaim;
use councils_domain::motion::{Decision, MotionKind, Phase};
use councils_domain::{
    Action, Council, CouncilKind, GrievanceDeadlineId, GrievanceId, Handle, MemberId, MotionId,
    Role,
};

/// Who is reading a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// An organiser of its committee: runs the case.
    Organiser,
    /// Its named filer, signed in.
    Filer,
    /// Its anonymous filer, through the private link.
    Link,
}

/// A grievance in a committee's list.
#[derive(Clone, Debug)]
pub struct GrievanceSummary {
    pub id: GrievanceId,
    pub kind: GrievanceKind,
    pub status: GrievanceStatus,
    pub anonymous: bool,
    pub is_collective: bool,
    pub in_collective: bool,
    pub filed_at: i64,
    pub filed_by: Option<String>,
    pub assignee: Option<String>,
    /// The first words of what happened.
    pub gist: String,
    /// The soonest open deadline.
    pub next_due: Option<i64>,
}

/// The grievances of a committee a reader may see: all of them for an organiser, their own
/// named ones for anyone else (an anonymous one is theirs only through its link).
#[derive(Clone, Debug)]
pub struct GrievanceList {
    pub council: Council,
    pub organiser: bool,
    pub grievances: Vec<GrievanceSummary>,
}

/// An entry of a case's timeline, opened.
#[derive(Clone, Debug)]
pub struct EntryView {
    pub kind: EntryKind,
    /// The author's handle; `None` for the anonymous filer (and for a filer's own entries
    /// read through the link).
    pub author: Option<String>,
    pub by_filer: bool,
    pub body: Option<String>,
    pub detail: Option<String>,
    pub at: i64,
}

/// A deadline of a case, opened.
#[derive(Clone, Debug)]
pub struct DeadlineView {
    pub id: GrievanceDeadlineId,
    pub label: String,
    pub due_at: i64,
    pub done: bool,
    pub overdue: bool,
}

/// The motion a case was escalated into, as its page shows it.
#[derive(Clone, Debug)]
pub struct MotionLink {
    pub id: MotionId,
    pub title: String,
    pub kind: MotionKind,
    pub phase: Phase,
    /// Once decided: whether it passed.
    pub passed: Option<bool>,
}

/// One case, opened for its reader.
#[derive(Clone, Debug)]
pub struct GrievanceView {
    pub council: Council,
    pub record: GrievanceRecord,
    pub statement: Statement,
    pub pay: Option<PayClaim>,
    pub filed_by: Option<String>,
    pub assignee: Option<String>,
    pub timeline: Vec<EntryView>,
    pub deadlines: Vec<DeadlineView>,
    /// The collective grievance it was joined into: its id and status.
    pub collective: Option<(GrievanceId, GrievanceStatus)>,
    /// For a collective grievance read by an organiser: the grievances it joins.
    pub members: Vec<GrievanceSummary>,
    pub motion: Option<MotionLink>,
    /// The committee's organisers, whom an organiser may assign.
    pub organisers: Vec<(MemberId, Handle)>,
    pub reader: Reader,
    pub now: i64,
}

fn gist(statement: &Statement) -> String {
    let mut words: String = statement.what.chars().take(80).collect();
    if statement.what.chars().count() > 80 {
        words.push('…');
    }
    words
}

impl App {
    /// The committee's grievances the actor may see (active members of a workplace committee).
    pub async fn grievances(&self, actor: &Actor, slug: &str) -> Result<GrievanceList, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await
            .map_err(|_| AppError::NotFound)?;
        if council.kind != CouncilKind::WorkplaceCommittee {
            return Err(AppError::NotFound);
        }
        let organiser = grievance::may_manage(&standing);
        let mut grievances = Vec::new();
        for record in self.store.grievances_of(&council.id).await? {
            if organiser || record.filed_by.as_ref() == Some(&actor.member_id) {
                grievances.push(self.grievance_summary(&record).await?);
            }
        }
        Ok(GrievanceList {
            council,
            organiser,
            grievances,
        })
    }

    /// One case for an organiser or its named filer.
    pub async fn grievance_page(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<GrievanceView, AppError> {
        let reached = self.readable_grievance(actor, slug, id).await?;
        let reader = if grievance::may_manage(&reached.standing) {
            Reader::Organiser
        } else {
            Reader::Filer
        };
        self.grievance_view(reached.council, reached.record, reader)
            .await
    }

    /// The grievance a motion came from, if the actor may read it: its committee's slug and
    /// its id, for the motion's page.
    pub async fn grievance_of_motion(
        &self,
        actor: &Actor,
        motion: &MotionId,
    ) -> Result<Option<(String, GrievanceId)>, AppError> {
        let Some(record) = self.store.grievance_of_motion(motion).await? else {
            return Ok(None);
        };
        let Some(council) = self.store.council(&record.council_id).await? else {
            return Ok(None);
        };
        let standing = self.standing(actor, &council).await?;
        let is_filer = record.filed_by.as_ref() == Some(&actor.member_id);
        Ok(grievance::may_read(&standing, is_filer).then(|| (council.slug.to_string(), record.id)))
    }

    pub(crate) async fn grievance_summary(
        &self,
        g: &GrievanceRecord,
    ) -> Result<GrievanceSummary, AppError> {
        let statement = self.open_statement(g)?;
        let next_due = self
            .store
            .grievance_deadlines(&g.id)
            .await?
            .iter()
            .filter(|d| d.done_at.is_none())
            .map(|d| d.due_at)
            .min();
        Ok(GrievanceSummary {
            id: g.id.clone(),
            kind: g.kind,
            status: g.status,
            anonymous: g.anonymous,
            is_collective: g.is_collective,
            in_collective: g.collective_id.is_some(),
            filed_at: g.filed_at,
            filed_by: self.grievance_handle(g.filed_by.as_ref()).await?,
            assignee: self.grievance_handle(g.assignee.as_ref()).await?,
            gist: gist(&statement),
            next_due,
        })
    }

    async fn grievance_handle(
        &self,
        member: Option<&MemberId>,
    ) -> Result<Option<String>, AppError> {
        Ok(match member {
            Some(id) => self.store.member(id).await?.map(|m| m.handle.to_string()),
            None => None,
        })
    }

    pub(crate) async fn grievance_view(
        &self,
        council: Council,
        record: GrievanceRecord,
        reader: Reader,
    ) -> Result<GrievanceView, AppError> {
        let now = self.now();
        let timeline = self
            .store
            .grievance_entries(&record.id)
            .await?
            .into_iter()
            .map(|e| {
                Ok(EntryView {
                    body: e
                        .body_sealed
                        .as_deref()
                        .map(|b| self.open_grievance_entry(&record.id, b))
                        .transpose()?,
                    author: e.author_handle.map(|h| h.to_string()),
                    kind: e.kind,
                    by_filer: e.by_filer,
                    detail: e.detail,
                    at: e.at,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let deadlines = self
            .store
            .grievance_deadlines(&record.id)
            .await?
            .into_iter()
            .map(|d| {
                let label = self
                    .cipher
                    .decrypt(&super::case::deadline_owner(&d.id), &d.label_sealed)
                    .map_err(|_| AppError::Internal("a deadline could not be decrypted".into()))?;
                Ok(DeadlineView {
                    overdue: d.done_at.is_none() && d.due_at <= now,
                    done: d.done_at.is_some(),
                    id: d.id,
                    label,
                    due_at: d.due_at,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let collective = match &record.collective_id {
            Some(c) => self.store.grievance(c).await?.map(|g| (g.id, g.status)),
            None => None,
        };
        let mut members = Vec::new();
        if record.is_collective && reader == Reader::Organiser {
            for g in self.store.grievances_in(&record.id).await? {
                members.push(self.grievance_summary(&g).await?);
            }
        }
        let motion = match &record.motion_id {
            Some(m) => self.store.motion(m).await?.map(|m| motion_link(&m)),
            None => None,
        };
        let organisers = if reader == Reader::Organiser {
            self.store
                .members_of(&council.id)
                .await?
                .into_iter()
                .filter(|m| m.roles.contains(&Role::Organiser))
                .map(|m| (m.member_id, m.handle))
                .collect()
        } else {
            Vec::new()
        };
        Ok(GrievanceView {
            statement: self.open_statement(&record)?,
            pay: self.open_pay(&record)?,
            filed_by: self.grievance_handle(record.filed_by.as_ref()).await?,
            assignee: self.grievance_handle(record.assignee.as_ref()).await?,
            timeline,
            deadlines,
            collective,
            members,
            motion,
            organisers,
            reader,
            now,
            council,
            record,
        })
    }
}

fn motion_link(m: &MotionRecord) -> MotionLink {
    // An escalation's motion has one text, in the language its organiser wrote it in.
    let text = m.texts.first();
    MotionLink {
        id: m.id.clone(),
        title: text.map(|t| t.title().to_string()).unwrap_or_default(),
        kind: m.kind,
        phase: m.phase,
        passed: m
            .outcome
            .as_ref()
            .map(|o| matches!(o.decision, Decision::Passed)),
    }
}
