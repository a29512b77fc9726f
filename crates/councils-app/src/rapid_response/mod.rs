//! Rapid response: filing a report, its verification, the alert, responders on their way,
//! updates and the all-clear, with who may do each, and telling the right people at once.
//!
//! Every reading of a report goes through [`App::report_access`]: anyone who may not read a
//! report is told it does not exist (404), never that it is forbidden. Free text is sealed
//! under the report's id before it reaches the store.

mod queue;
mod settings;
mod steps;

pub use queue::{QueueItem, QueueView};
pub use settings::RapidResponseSettingsView;

use crate::ports::{Notice, NoticeKind, ReportRecord, ResponseRecord, StoreError, UpdateRecord};
use crate::{Actor, App, AppError};
use councils_domain::report::{
    ReportError, ReportFacts, ReportState, ResponseRole, UpdateKind, access,
};
use councils_domain::{Council, CouncilId, Handle, MemberId, ReportId, Role, Standing};

/// A report as its page shows it to one reader, with what they may do.
#[derive(Clone, Debug)]
pub struct ReportView {
    pub council: Council,
    pub report: ReportRecord,
    /// The facts, opened.
    pub facts: ReportFacts,
    /// The outcome given with the all-clear.
    pub outcome: Option<String>,
    pub timeline: Vec<TimelineEntry>,
    pub responses: Vec<ResponseRecord>,
    pub is_reporter: bool,
    /// May take and answer it (a verifier or organiser of its committee, while unverified).
    pub may_verify: bool,
    /// May answer the open alert "on my way".
    pub may_respond: bool,
    /// May post an update to the open alert.
    pub may_update: bool,
    /// May give the all-clear.
    pub may_close: bool,
    /// May add to it while the verifier asks for more (its reporter).
    pub may_add_info: bool,
    /// The reader's own answer, if they are on their way.
    pub my_response: Option<ResponseRole>,
    /// Read as a responder of a neighbouring committee the report's committee chose.
    pub via_neighbour: bool,
}

/// An entry of a report's timeline, opened.
#[derive(Clone, Debug)]
pub struct TimelineEntry {
    pub kind: UpdateKind,
    pub author: Option<Handle>,
    pub at: i64,
    pub body: Option<String>,
    pub role: Option<ResponseRole>,
}

/// How a reader reaches a report.
pub(crate) struct Access {
    pub council: Council,
    pub standing: Standing,
    pub is_reporter: bool,
    pub via_neighbour: bool,
}

/// A store refusal on a report that moved on meanwhile.
pub(crate) fn changed(error: StoreError) -> AppError {
    match error {
        StoreError::Conflict => AppError::Report(ReportError::WrongStep),
        other => other.into(),
    }
}

impl App {
    pub(crate) fn seal(&self, id: &ReportId, text: &str) -> Vec<u8> {
        self.cipher.encrypt(id.as_str(), text)
    }

    pub(crate) fn open(&self, id: &ReportId, sealed: &[u8]) -> Result<String, AppError> {
        self.cipher
            .decrypt(id.as_str(), sealed)
            .map_err(|_| AppError::Internal("a sealed report field did not open".into()))
    }

    /// The report, if it exists and the actor may read it; `NotFound` otherwise, so nobody
    /// learns that a report they may not read exists.
    pub(crate) async fn report_access(
        &self,
        actor: &Actor,
        id: &str,
    ) -> Result<(ReportRecord, Access), AppError> {
        let id = ReportId::new(id);
        let report = self.store.report(&id).await?.ok_or(AppError::NotFound)?;
        let council = self
            .store
            .council(&report.council_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let standing = self.standing(actor, &council).await?;
        let is_reporter = report.reporter.as_ref() == Some(&actor.member_id);
        if access::may_read(&standing, report.state, is_reporter) {
            return Ok((
                report,
                Access {
                    council,
                    standing,
                    is_reporter,
                    via_neighbour: false,
                },
            ));
        }
        if report.state.is_alert() {
            let settings = self.store.rapid_response_settings(&council.id).await?;
            for neighbour in &settings.neighbours {
                let Some(other) = self.store.council(neighbour).await? else {
                    continue;
                };
                let theirs = self.standing(actor, &other).await?;
                if access::may_respond(&theirs) {
                    return Ok((
                        report,
                        Access {
                            council,
                            standing: theirs,
                            is_reporter,
                            via_neighbour: true,
                        },
                    ));
                }
            }
        }
        Err(AppError::NotFound)
    }

    /// A report opened for its page.
    pub async fn report_page(&self, actor: &Actor, id: &str) -> Result<ReportView, AppError> {
        let (report, access) = self.report_access(actor, id).await?;
        self.report_view(actor, report, access).await
    }

    pub(crate) fn facts(&self, report: &ReportRecord) -> Result<ReportFacts, AppError> {
        Ok(ReportFacts {
            what: self.open(&report.id, &report.what_sealed)?,
            officers: report.officers,
            vehicles: report.vehicles,
            agency: report.agency,
            place: self.open(&report.id, &report.place_sealed)?,
            seen_at: report.seen_at,
            source: report.source,
            via_hotline: report.via_hotline,
        })
    }

    async fn report_view(
        &self,
        actor: &Actor,
        report: ReportRecord,
        access: Access,
    ) -> Result<ReportView, AppError> {
        let updates = self.store.updates(&report.id).await?;
        let responses = if report.state.is_alert() {
            self.store.responses(&report.id).await?
        } else {
            Vec::new()
        };
        let timeline = updates
            .into_iter()
            .map(|u: UpdateRecord| {
                Ok(TimelineEntry {
                    kind: u.kind,
                    author: u.author_handle,
                    at: u.at,
                    body: u
                        .body_sealed
                        .as_deref()
                        .map(|b| self.open(&report.id, b))
                        .transpose()?,
                    role: u.role,
                })
            })
            .collect::<Result<Vec<_>, AppError>>()?;
        let home = !access.via_neighbour;
        let verifier = home && access::may_verify(&access.standing);
        let responder = access::may_respond(&access.standing);
        let open_alert = report.state == ReportState::Confirmed;
        let answers = report.verifier.is_none()
            || report.verifier.as_ref() == Some(&actor.member_id)
            || access.standing.holds(Role::Organiser);
        Ok(ReportView {
            facts: self.facts(&report)?,
            outcome: report
                .outcome_sealed
                .as_deref()
                .map(|b| self.open(&report.id, b))
                .transpose()?,
            timeline,
            my_response: responses
                .iter()
                .find(|r| r.member_id == actor.member_id)
                .map(|r| r.role),
            responses,
            is_reporter: access.is_reporter,
            may_verify: verifier && report.state.is_unverified() && answers,
            may_respond: responder && open_alert,
            may_update: open_alert && (verifier || responder || access.is_reporter),
            may_close: open_alert && verifier && answers,
            may_add_info: access.is_reporter && report.state.is_unverified(),
            via_neighbour: access.via_neighbour,
            council: access.council,
            report,
        })
    }

    /// The committee's verifiers and organisers.
    pub(crate) async fn verifiers_of(
        &self,
        council: &CouncilId,
    ) -> Result<Vec<MemberId>, AppError> {
        Ok(self
            .store
            .members_holding(council, &[Role::Verifier, Role::Organiser])
            .await?)
    }

    /// The committee's responders and those of the neighbours it chose, sorted, each once.
    pub(crate) async fn responders_of(
        &self,
        council: &CouncilId,
    ) -> Result<Vec<MemberId>, AppError> {
        // The neighbours are read while the committee's own responders are.
        let (own, settings) = tokio::join!(
            self.store.members_holding(council, &[Role::Responder]),
            self.store.rapid_response_settings(council)
        );
        let mut all = own?;
        let neighbours = settings?.neighbours;
        if neighbours.is_empty() {
            return Ok(all);
        }
        for neighbour in neighbours {
            all.extend(
                self.store
                    .members_holding(&neighbour, &[Role::Responder])
                    .await?,
            );
        }
        all.sort();
        all.dedup();
        Ok(all)
    }

    /// Tells `members` about a report. Delivery never fails the use case (see `Notifier`);
    /// a failure to find whom to tell is logged, not returned, since the step is committed.
    pub(crate) async fn tell(
        &self,
        members: Vec<MemberId>,
        kind: NoticeKind,
        report: &ReportRecord,
    ) {
        if members.is_empty() {
            return;
        }
        let notice = Notice {
            kind,
            council: report.council_id.clone(),
            subject: report.id.to_string(),
            path: format!("/reports/{}", report.id),
        };
        self.notifier.notify(&members, &notice).await;
    }

    /// Everyone who follows an alert: the committee's verifiers and organisers, its (and its
    /// neighbours') responders, and the reporter.
    pub(crate) async fn alert_audience(&self, report: &ReportRecord) -> Vec<MemberId> {
        let mut all = match self.verifiers_of(&report.council_id).await {
            Ok(v) => v,
            Err(error) => {
                tracing::error!(error = %error, "could not list whom to tell");
                Vec::new()
            }
        };
        if report.state.is_alert() {
            match self.responders_of(&report.council_id).await {
                Ok(r) => all.extend(r),
                Err(error) => tracing::error!(error = %error, "could not list responders"),
            }
        }
        all.extend(report.reporter.clone());
        all.sort();
        all.dedup();
        all
    }
}
