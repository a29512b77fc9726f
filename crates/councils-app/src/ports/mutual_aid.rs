//! The mutual-aid port: requests and offers of a committee, the councils each is shared
//! with, and their steps. The area, the description and whom a request is for are one sealed
//! JSON document; the store sees only kind, direction, status and times.

use super::StoreError;
use async_trait::async_trait;
use councils_domain::mutual_aid::{AidDirection, AidKind, AidStatus};
use councils_domain::{AidId, CouncilId, MemberId};

/// A request or an offer as stored.
#[derive(Clone, Debug)]
pub struct AidRecord {
    pub id: AidId,
    pub council_id: CouncilId,
    pub direction: AidDirection,
    pub kind: AidKind,
    pub status: AidStatus,
    /// Posted for someone else (whom is in the sealed text).
    pub for_other: bool,
    /// Sealed JSON of `councils_domain::mutual_aid::AidText`.
    pub text_sealed: Vec<u8>,
    /// `None` once the poster's account is deleted.
    pub posted_by: Option<MemberId>,
    pub posted_at: i64,
    /// Who answered it, while matched or once met.
    pub matched_by: Option<MemberId>,
    /// When it was met or withdrawn: the retention period counts from here.
    pub closed_at: Option<i64>,
}

/// A step to store: from the status it was read in to the next, with who answered.
#[derive(Clone, Debug)]
pub struct AidChange {
    pub from: AidStatus,
    pub to: AidStatus,
    pub matched_by: Option<MemberId>,
    pub now: i64,
}

/// Requests and offers.
#[async_trait]
pub trait MutualAidStore: Send + Sync {
    async fn create_aid(
        &self,
        aid: &AidRecord,
        shared_with: &[CouncilId],
    ) -> Result<(), StoreError>;
    async fn aid(&self, id: &AidId) -> Result<Option<AidRecord>, StoreError>;
    /// The councils a post is shared with (besides its own).
    async fn aid_shares(&self, id: &AidId) -> Result<Vec<CouncilId>, StoreError>;
    /// Posts of the council or shared with it, newest first.
    async fn aid_for(&self, council: &CouncilId) -> Result<Vec<AidRecord>, StoreError>;
    /// Moves a post on, only if it is still in `change.from` (else `Conflict`, nothing
    /// written).
    async fn change_aid(&self, id: &AidId, change: &AidChange) -> Result<(), StoreError>;
    /// Deletes posts met or withdrawn before `closed_before`, with their shares.
    async fn purge_aid(&self, closed_before: i64) -> Result<u64, StoreError>;
}
