//! The steps of a report: filing it, taking it ("I'm going"), answering it, adding to it,
//! answering the alert "on my way", updates and the all-clear; each told at once to whom it
//! concerns, after the commit.

use super::changed;
use crate::crypto::new_id;
use crate::ports::{NewUpdate, NoticeKind, ReportRecord, ReportStep};
use crate::{Actor, App, AppError};
use councils_domain::report::{
    Decision, FactsDraft, ReportState, ResponseRole, UpdateKind, Verification, access, short_text,
};
use councils_domain::{ReportId, Role};

impl App {
    /// An active member of the committee files a report (for themselves, or as a hotline
    /// volunteer typing in a call); it goes to the committee's verifiers at once.
    pub async fn file_report(
        &self,
        actor: &Actor,
        slug: &str,
        draft: &FactsDraft,
    ) -> Result<ReportId, AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        if !access::may_file(&standing) {
            return Err(AppError::Forbidden);
        }
        let now = self.now();
        let facts = draft.check(now)?;
        let id = ReportId::new(new_id());
        let report = ReportRecord {
            what_sealed: self.seal(&id, &facts.what),
            place_sealed: self.seal(&id, &facts.place),
            id: id.clone(),
            council_id: council.id.clone(),
            reporter: Some(actor.member_id.clone()),
            officers: facts.officers,
            vehicles: facts.vehicles,
            agency: facts.agency,
            source: facts.source,
            seen_at: facts.seen_at,
            via_hotline: facts.via_hotline,
            state: ReportState::Filed,
            verifier: None,
            filed_at: now,
            decided_at: None,
            closed_at: None,
            outcome_sealed: None,
        };
        self.store
            .file_report(&report, &self.entry(actor, UpdateKind::Filed, None))
            .await?;
        let verifiers = self.verifiers_of(&council.id).await?;
        self.tell(verifiers, NoticeKind::ReportFiled, &report).await;
        Ok(id)
    }

    /// The committee a report form files to, if the actor may file there.
    pub async fn report_council(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<councils_domain::Council, AppError> {
        let council = self.council_by_slug(slug).await?;
        if !access::may_file(&self.standing(actor, &council).await?) {
            return Err(AppError::Forbidden);
        }
        Ok(council)
    }

    fn entry(&self, actor: &Actor, kind: UpdateKind, body: Option<Vec<u8>>) -> NewUpdate {
        NewUpdate {
            kind,
            author: actor.member_id.clone(),
            at: self.now(),
            body_sealed: body,
            role: None,
        }
    }

    /// The verifier's step from `report` to `next`, stored if nobody moved it meanwhile.
    async fn step(
        &self,
        report: &ReportRecord,
        next: &Verification,
        update: NewUpdate,
        outcome: Option<Vec<u8>>,
    ) -> Result<(), AppError> {
        self.store
            .advance_report(
                &report.id,
                &ReportStep {
                    from: report.state,
                    to: next.state,
                    verifier: next.verifier.clone(),
                    update,
                },
                outcome,
            )
            .await
            .map_err(changed)
    }

    /// The report's verification as the domain sees it, if `actor` may verify it.
    async fn verifiable(
        &self,
        actor: &Actor,
        id: &str,
    ) -> Result<(ReportRecord, Verification, bool), AppError> {
        let (report, access) = self.report_access(actor, id).await?;
        if access.via_neighbour || !access::may_verify(&access.standing) {
            return Err(AppError::Forbidden);
        }
        let verification = Verification {
            state: report.state,
            verifier: report.verifier.clone(),
        };
        Ok((report, verification, access.standing.holds(Role::Organiser)))
    }

    /// A verifier takes the report: "I'm going" to see. The reporter and the other verifiers
    /// are told.
    pub async fn take_report(&self, actor: &Actor, id: &str) -> Result<(), AppError> {
        let (report, verification, organiser) = self.verifiable(actor, id).await?;
        let next = verification.take(&actor.member_id, organiser)?;
        if next == verification {
            return Ok(());
        }
        self.step(
            &report,
            &next,
            self.entry(actor, UpdateKind::Taken, None),
            None,
        )
        .await?;
        let audience = self.alert_audience(&report).await;
        self.tell(audience, NoticeKind::ReportChanged, &report)
            .await;
        Ok(())
    }

    /// A verifier answers the report with what they saw: confirmed (it becomes an alert and
    /// goes to the responders), a false alarm (it reaches no responder), or more asked of the
    /// reporter. The note is optional when confirming or dismissing, required when asking.
    pub async fn verify_report(
        &self,
        actor: &Actor,
        id: &str,
        decision: Decision,
        note: &str,
    ) -> Result<(), AppError> {
        let (report, verification, organiser) = self.verifiable(actor, id).await?;
        let next = verification.decide(&actor.member_id, organiser, decision)?;
        let note = if note.trim().is_empty() && decision != Decision::AskMore {
            None
        } else {
            Some(self.seal(&report.id, &short_text(note)?))
        };
        let kind = match decision {
            Decision::Confirm => UpdateKind::Confirmed,
            Decision::FalseAlarm => UpdateKind::FalseAlarm,
            Decision::AskMore => UpdateKind::MoreInfoAsked,
        };
        let entry = self.entry(actor, kind, note);
        let responders = async {
            match decision {
                Decision::Confirm => Some(self.responders_of(&report.council_id).await),
                _ => None,
            }
        };
        // Whom a confirmed alert goes to is read while the confirmation commits (roles do
        // not depend on it), so the alert goes out as soon as it is durable.
        let (stepped, responders) =
            tokio::join!(self.step(&report, &next, entry, None), responders);
        stepped?;
        let after = ReportRecord {
            state: next.state,
            ..report
        };
        match responders {
            Some(Ok(responders)) => {
                self.tell(responders, NoticeKind::AlertRaised, &after).await;
            }
            Some(Err(error)) => tracing::error!(error = %error, "could not list responders"),
            None => {}
        }
        let mut followers = self
            .verifiers_of(&after.council_id)
            .await
            .unwrap_or_default();
        followers.extend(after.reporter.clone());
        self.tell(followers, NoticeKind::ReportChanged, &after)
            .await;
        Ok(())
    }

    /// The reporter adds to their report before it is answered (as when the verifier asks
    /// for more); it goes back to its verifier.
    pub async fn add_report_info(
        &self,
        actor: &Actor,
        id: &str,
        text: &str,
    ) -> Result<(), AppError> {
        let (report, access) = self.report_access(actor, id).await?;
        if !access.is_reporter {
            return Err(AppError::Forbidden);
        }
        let verification = Verification {
            state: report.state,
            verifier: report.verifier.clone(),
        };
        let next = verification.add_info()?;
        let body = Some(self.seal(&report.id, &short_text(text)?));
        let update = self.entry(actor, UpdateKind::InfoAdded, body);
        if next.state == report.state {
            self.store
                .add_update(&report.id, report.state, &update)
                .await
                .map_err(changed)?;
        } else {
            self.step(&report, &next, update, None).await?;
        }
        let audience = self.alert_audience(&report).await;
        self.tell(audience, NoticeKind::ReportChanged, &report)
            .await;
        Ok(())
    }

    /// A responder answers the open alert: on my way, in `role` (a second answer replaces
    /// the first). Everyone following the alert sees who is coming.
    pub async fn respond_to_alert(
        &self,
        actor: &Actor,
        id: &str,
        role: ResponseRole,
    ) -> Result<(), AppError> {
        let (report, access) = self.report_access(actor, id).await?;
        if !access::may_respond(&access.standing) {
            return Err(AppError::Forbidden);
        }
        Verification {
            state: report.state,
            verifier: None,
        }
        .check_open_alert()?;
        let update = NewUpdate {
            role: Some(role),
            ..self.entry(actor, UpdateKind::OnMyWay, None)
        };
        self.store
            .respond(&report.id, role, &update)
            .await
            .map_err(changed)?;
        let audience = self.alert_audience(&report).await;
        self.tell(audience, NoticeKind::AlertUpdated, &report).await;
        Ok(())
    }

    /// An update to the open alert, by its verifier, a responder or the reporter.
    pub async fn update_alert(&self, actor: &Actor, id: &str, text: &str) -> Result<(), AppError> {
        let view = self.report_page(actor, id).await?;
        if !view.may_update {
            return Err(match view.report.state {
                ReportState::Confirmed => AppError::Forbidden,
                _ => councils_domain::report::ReportError::WrongStep.into(),
            });
        }
        let report = view.report;
        let body = Some(self.seal(&report.id, &short_text(text)?));
        self.store
            .add_update(
                &report.id,
                ReportState::Confirmed,
                &self.entry(actor, UpdateKind::Update, body),
            )
            .await
            .map_err(changed)?;
        let audience = self.alert_audience(&report).await;
        self.tell(audience, NoticeKind::AlertUpdated, &report).await;
        Ok(())
    }

    /// The all-clear: the verifier (or an organiser) closes the alert with a short outcome.
    pub async fn close_alert(
        &self,
        actor: &Actor,
        id: &str,
        outcome: &str,
    ) -> Result<(), AppError> {
        let (report, verification, organiser) = self.verifiable(actor, id).await?;
        let next = verification.close(&actor.member_id, organiser)?;
        let outcome = short_text(outcome)?;
        self.step(
            &report,
            &next,
            self.entry(
                actor,
                UpdateKind::Closed,
                Some(self.seal(&report.id, &outcome)),
            ),
            Some(self.seal(&report.id, &outcome)),
        )
        .await?;
        let audience = self.alert_audience(&report).await;
        self.tell(audience, NoticeKind::AlertClosed, &report).await;
        Ok(())
    }

    /// Deletes reports whose retention ran out (see `ReportStore::purge_reports`). Run
    /// periodically by the server.
    pub async fn enforce_report_retention(&self) -> Result<u64, AppError> {
        Ok(self.store.purge_reports(self.now()).await?)
    }
}
