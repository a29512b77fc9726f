//! The records port: members' emergency plans and the record of each sending, incident
//! records with their evidence, and each committee's know-your-rights contacts.
//!
//! Everything personal arrives here sealed by the app's `FieldCipher`: the store keeps
//! ciphertexts and the few plain columns it needs to find rows (ids, times, sizes).

use super::StoreError;
use async_trait::async_trait;
use councils_domain::{CouncilId, EvidenceId, Handle, IncidentId, MemberId, PlanId};

/// A member's emergency plan as stored: its message, contacts, committee and language are one
/// sealed JSON document (`crate::records::plan::PlanBody`).
#[derive(Clone, Debug)]
pub struct PlanRecord {
    pub id: PlanId,
    pub member_id: MemberId,
    pub body_sealed: Vec<u8>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A plan of a member of a committee, for the committee's list: the owner's handle with it.
#[derive(Clone, Debug)]
pub struct MemberPlan {
    pub plan: PlanRecord,
    pub handle: Handle,
    /// When it was last sent for real (not a test), if ever.
    pub last_sent_at: Option<i64>,
}

/// That a plan was sent: when, by whom, and whether as a test. Nothing else is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanSending {
    pub plan_id: PlanId,
    pub sent_at: i64,
    /// The member who set it off (the owner, or an organiser or legal member acting for
    /// them); `None` once that member's account is deleted.
    pub sent_by: Option<MemberId>,
    pub test: bool,
}

/// An incident record as stored: the account is sealed JSON (`councils_domain::incident::Account`).
#[derive(Clone, Debug)]
pub struct IncidentRecord {
    pub id: IncidentId,
    pub council_id: CouncilId,
    /// `None` once the filer's account is deleted (the record stays for the legal role).
    pub filed_by: Option<MemberId>,
    pub account_sealed: Vec<u8>,
    pub filed_at: i64,
}

/// A photo of an incident record, without its bytes.
#[derive(Clone, Debug)]
pub struct EvidenceRecord {
    pub id: EvidenceId,
    pub incident_id: IncidentId,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub media_type: String,
    /// Size of the stripped file, in bytes.
    pub size: u64,
    /// SHA-256 of the stripped file, sealed (a plain hash would confirm that someone holds a
    /// given photo).
    pub sha256_sealed: Vec<u8>,
    pub uploaded_at: i64,
    pub uploaded_by: Option<MemberId>,
}

/// A photo to add: its record and its sealed bytes.
#[derive(Clone, Debug)]
pub struct NewEvidence {
    pub record: EvidenceRecord,
    pub bytes_sealed: Vec<u8>,
}

/// How much an incident record may hold.
#[derive(Clone, Copy, Debug)]
pub struct EvidenceRoom {
    pub files: u64,
    pub bytes: u64,
}

/// A committee's hotline and legal contacts, shown on its know-your-rights page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RightsContacts {
    pub hotline: String,
    pub legal: String,
}

/// Plans, incident records and rights contacts.
#[async_trait]
pub trait RecordsStore: Send + Sync {
    async fn plan_of(&self, member: &MemberId) -> Result<Option<PlanRecord>, StoreError>;
    async fn plan(&self, id: &PlanId) -> Result<Option<PlanRecord>, StoreError>;
    /// Creates the member's plan or replaces its body (a member has one plan).
    async fn save_plan(&self, plan: &PlanRecord) -> Result<(), StoreError>;
    /// Deletes the member's plan and the record of its sendings.
    async fn delete_plan(&self, member: &MemberId) -> Result<(), StoreError>;
    /// The plans of the council's active members (whether each names this council is in its
    /// sealed body, which the app reads).
    async fn plans_of_members(&self, council: &CouncilId) -> Result<Vec<MemberPlan>, StoreError>;
    async fn record_sending(&self, sending: &PlanSending) -> Result<(), StoreError>;
    /// The plan's sendings, newest first.
    async fn sendings(&self, plan: &PlanId) -> Result<Vec<PlanSending>, StoreError>;

    async fn create_incident(&self, incident: &IncidentRecord) -> Result<(), StoreError>;
    async fn incident(&self, id: &IncidentId) -> Result<Option<IncidentRecord>, StoreError>;
    /// The council's incident records, newest first.
    async fn incidents_of(&self, council: &CouncilId) -> Result<Vec<IncidentRecord>, StoreError>;
    /// Deletes the record and all its evidence.
    async fn delete_incident(&self, id: &IncidentId) -> Result<(), StoreError>;
    /// Adds photos to a record, all or none: `Ok(false)` (and nothing written) when they would
    /// take it past `room`.
    async fn add_evidence(
        &self,
        incident: &IncidentId,
        files: &[NewEvidence],
        room: EvidenceRoom,
    ) -> Result<bool, StoreError>;
    /// The record's photos, oldest first, without their bytes.
    async fn evidence_of(&self, incident: &IncidentId) -> Result<Vec<EvidenceRecord>, StoreError>;
    /// One photo of the record with its sealed bytes.
    async fn evidence_file(
        &self,
        incident: &IncidentId,
        id: &EvidenceId,
    ) -> Result<Option<(EvidenceRecord, Vec<u8>)>, StoreError>;
    async fn delete_evidence(
        &self,
        incident: &IncidentId,
        id: &EvidenceId,
    ) -> Result<(), StoreError>;

    async fn rights_contacts(&self, council: &CouncilId) -> Result<RightsContacts, StoreError>;
    async fn set_rights_contacts(
        &self,
        council: &CouncilId,
        contacts: &RightsContacts,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
}
