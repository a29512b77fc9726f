//! The rapid-response port: reports, their verification and alerts, responders on their way,
//! the timeline of updates, the committee's settings, and the retention sweep.
//!
//! Free text (what is happening, where, notes, updates, the outcome) arrives sealed by the
//! app's `FieldCipher` and is stored as bytes; the store never sees it in the clear.

use super::StoreError;
use async_trait::async_trait;
use councils_domain::report::{Agency, ReportState, ResponseRole, Source, UpdateKind};
use councils_domain::{CouncilId, Handle, MemberId, ReportId, Role};

/// A report as stored, with its verification and alert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRecord {
    pub id: ReportId,
    pub council_id: CouncilId,
    /// `None` once the reporter's account is deleted.
    pub reporter: Option<MemberId>,
    pub what_sealed: Vec<u8>,
    pub place_sealed: Vec<u8>,
    pub officers: Option<u32>,
    pub vehicles: Option<u32>,
    pub agency: Agency,
    pub source: Source,
    pub seen_at: i64,
    pub via_hotline: bool,
    pub state: ReportState,
    /// The verifier who took it ("I'm going") or answered it.
    pub verifier: Option<MemberId>,
    pub filed_at: i64,
    /// When it was confirmed or marked a false alarm.
    pub decided_at: Option<i64>,
    /// The all-clear.
    pub closed_at: Option<i64>,
    /// The outcome given with the all-clear, sealed.
    pub outcome_sealed: Option<Vec<u8>>,
}

/// An entry of a report's timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpdateRecord {
    pub report_id: ReportId,
    /// Its place in the timeline, from 1.
    pub seq: i64,
    pub kind: UpdateKind,
    pub author: Option<MemberId>,
    pub author_handle: Option<Handle>,
    pub at: i64,
    /// A note, update, added information or outcome, sealed; `None` for bare steps.
    pub body_sealed: Option<Vec<u8>>,
    /// The role, for "on my way".
    pub role: Option<ResponseRole>,
}

/// A new entry for a report's timeline.
#[derive(Clone, Debug)]
pub struct NewUpdate {
    pub kind: UpdateKind,
    pub author: MemberId,
    pub at: i64,
    pub body_sealed: Option<Vec<u8>>,
    pub role: Option<ResponseRole>,
}

/// A responder on their way to an alert.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseRecord {
    pub report_id: ReportId,
    pub member_id: MemberId,
    pub handle: Handle,
    pub role: ResponseRole,
    pub at: i64,
}

/// A step of a report's verification or its alert: from `from` to `to`, with `verifier`
/// (who took or answered it), recorded in the timeline by `update`.
#[derive(Clone, Debug)]
pub struct ReportStep {
    pub from: ReportState,
    pub to: ReportState,
    pub verifier: Option<MemberId>,
    pub update: NewUpdate,
}

/// What a committee keeps of its reports once they are deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReportCounts {
    pub reports: u64,
    pub alerts: u64,
    pub false_alarms: u64,
}

/// A committee's rapid-response settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RapidResponseSettings {
    /// Days a closed alert is kept after its all-clear.
    pub closed_days: u32,
    /// Neighbouring committees whose responders also get this committee's alerts.
    pub neighbours: Vec<CouncilId>,
}

/// Reports, alerts, responses and updates.
#[async_trait]
pub trait ReportStore: Send + Sync {
    /// Stores a new report with its first timeline entry and counts it.
    async fn file_report(
        &self,
        report: &ReportRecord,
        update: &NewUpdate,
    ) -> Result<(), StoreError>;
    async fn report(&self, id: &ReportId) -> Result<Option<ReportRecord>, StoreError>;
    /// A committee's reports, newest first.
    async fn council_reports(&self, council: &CouncilId) -> Result<Vec<ReportRecord>, StoreError>;
    /// Alerts of the committees that chose `council` as a neighbour, newest first.
    async fn neighbour_alerts(&self, council: &CouncilId) -> Result<Vec<ReportRecord>, StoreError>;
    /// Moves a report on, if it is still at `step.from` (else `Conflict`, nothing written),
    /// records the step in its timeline, and counts a confirmation or a false alarm. Closing
    /// stores `outcome_sealed`.
    async fn advance_report(
        &self,
        id: &ReportId,
        step: &ReportStep,
        outcome_sealed: Option<Vec<u8>>,
    ) -> Result<(), StoreError>;
    /// Adds an entry to the timeline, if the report is still at `state` (else `Conflict`).
    async fn add_update(
        &self,
        id: &ReportId,
        state: ReportState,
        update: &NewUpdate,
    ) -> Result<(), StoreError>;
    /// A responder is on their way in `role` (replacing an earlier answer), if the alert is
    /// still open (else `Conflict`); recorded in the timeline.
    async fn respond(
        &self,
        id: &ReportId,
        role: ResponseRole,
        update: &NewUpdate,
    ) -> Result<(), StoreError>;
    async fn responses(&self, id: &ReportId) -> Result<Vec<ResponseRecord>, StoreError>;
    async fn updates(&self, id: &ReportId) -> Result<Vec<UpdateRecord>, StoreError>;
    /// Active members of `council` holding any of `roles`, sorted, each once: whom a notice
    /// goes to.
    async fn members_holding(
        &self,
        council: &CouncilId,
        roles: &[Role],
    ) -> Result<Vec<MemberId>, StoreError>;
    async fn report_counts(&self, council: &CouncilId) -> Result<ReportCounts, StoreError>;
    async fn rapid_response_settings(
        &self,
        council: &CouncilId,
    ) -> Result<RapidResponseSettings, StoreError>;
    async fn set_rapid_response_settings(
        &self,
        council: &CouncilId,
        settings: &RapidResponseSettings,
    ) -> Result<(), StoreError>;
    /// Deletes every report whose retention ran out at `now` (with its responses and
    /// timeline), each committee by its own days; on SQLite the file and its WAL keep no
    /// trace afterwards. Returns how many reports went.
    async fn purge_reports(&self, now: i64) -> Result<u64, StoreError>;
}
