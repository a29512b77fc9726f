//! Democracy's records as the database returns them.

use crate::rows::corrupt;
use councils_app::StoreError;
use councils_app::ports::{DelegateRecord, DelegateStatus, MandateRecord};
use councils_domain::{
    CouncilId, DelegateId, DelegationRules, Handle, MandateChoice, MandatePolicy, MemberId,
    MotionId, RecallMode, RecallRules, RecallThreshold, TermCap, VoteWeighting,
};

/// The columns of a [`DelegateRow`], read with the member's handle (`d` joined to `m`), for
/// `concat!` into static SQL.
macro_rules! delegate_columns {
    () => {
        "d.delegate_id, d.constituent_id, d.parent_id, d.member_id, m.handle, \
         d.election_motion_id, d.term_starts_at, d.term_ends_at, d.status, d.ended_at, d.seated"
    };
}
pub(crate) use delegate_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct DelegateRow {
    delegate_id: String,
    constituent_id: String,
    parent_id: String,
    member_id: String,
    handle: String,
    election_motion_id: String,
    term_starts_at: i64,
    term_ends_at: i64,
    status: String,
    ended_at: Option<i64>,
    seated: i64,
}

impl TryFrom<DelegateRow> for DelegateRecord {
    type Error = StoreError;

    fn try_from(row: DelegateRow) -> Result<Self, StoreError> {
        Ok(DelegateRecord {
            id: DelegateId::new(row.delegate_id),
            constituent_id: CouncilId::new(row.constituent_id),
            parent_id: CouncilId::new(row.parent_id),
            member_id: MemberId::new(row.member_id),
            handle: Handle::from_stored(row.handle),
            election: MotionId::new(row.election_motion_id),
            term_starts_at: row.term_starts_at,
            term_ends_at: row.term_ends_at,
            status: DelegateStatus::from_code(&row.status)
                .ok_or_else(|| corrupt("delegate status"))?,
            ended_at: row.ended_at,
            seated: row.seated != 0,
        })
    }
}

macro_rules! mandate_columns {
    () => {
        "for_motion_id, constituent_id, choice, mandate_motion_id, decided_at"
    };
}
pub(crate) use mandate_columns;

#[derive(sqlx::FromRow)]
pub(crate) struct MandateRow {
    for_motion_id: String,
    constituent_id: String,
    choice: String,
    mandate_motion_id: String,
    decided_at: i64,
}

impl TryFrom<MandateRow> for MandateRecord {
    type Error = StoreError;

    fn try_from(row: MandateRow) -> Result<Self, StoreError> {
        Ok(MandateRecord {
            for_motion_id: MotionId::new(row.for_motion_id),
            constituent_id: CouncilId::new(row.constituent_id),
            choice: MandateChoice::decode(&row.choice).map_err(|_| corrupt("mandate"))?,
            mandate_motion_id: MotionId::new(row.mandate_motion_id),
            decided_at: row.decided_at,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RulesRow {
    term_cap: Option<i64>,
    mandate_policy: String,
    recall_threshold: String,
    recall_num: Option<i64>,
    recall_den: Option<i64>,
    recall_mode: String,
    vote_weighting: String,
}

fn small(n: Option<i64>, what: &str) -> Result<Option<u32>, StoreError> {
    n.map(|n| u32::try_from(n).map_err(|_| corrupt(what)))
        .transpose()
}

impl TryFrom<RulesRow> for DelegationRules {
    type Error = StoreError;

    fn try_from(row: RulesRow) -> Result<Self, StoreError> {
        Ok(DelegationRules {
            term_cap: match small(row.term_cap, "term cap")? {
                None => TermCap::None,
                Some(n) => TermCap::Consecutive(n),
            },
            mandate_policy: MandatePolicy::from_code(&row.mandate_policy)
                .ok_or_else(|| corrupt("mandate policy"))?,
            recall: RecallRules {
                threshold: RecallThreshold::from_code(
                    &row.recall_threshold,
                    small(row.recall_num, "recall threshold")?,
                    small(row.recall_den, "recall threshold")?,
                )
                .ok_or_else(|| corrupt("recall threshold"))?,
                mode: RecallMode::from_code(&row.recall_mode)
                    .ok_or_else(|| corrupt("recall mode"))?,
            },
            vote_weighting: VoteWeighting::from_code(&row.vote_weighting)
                .ok_or_else(|| corrupt("vote weighting"))?,
        })
    }
}
