//! The strike port: strikes with the committees on them and their demands, the picket rota,
//! and the fund's double-entry ledger.
//!
//! The store applies the domain's rules that need the rows as they are inside the
//! transaction: a strike vote used once, a strike over takes no one, a payment never
//! overdraws the fund, a receipt fulfils at most what its pledge still owes, and every
//! movement's entries balance (`councils_domain::ledger::Transaction`).

use super::{NewCouncil, StoreError};
use async_trait::async_trait;
use councils_domain::ledger::{Balances, Currency, Entry, Money, MovementKind};
use councils_domain::strike::{ShiftPlan, StrikeStatus};
use councils_domain::{CouncilId, Handle, MemberId, MotionId, MovementId, ShiftId, StrikeId};

/// A committee on a strike, on its own carried strike vote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyRecord {
    pub council_id: CouncilId,
    pub motion_id: MotionId,
    pub joined_at: i64,
}

/// A strike as stored, with its committees (the opener first) and demands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrikeRecord {
    pub id: StrikeId,
    pub strike_committee: CouncilId,
    pub title: String,
    pub status: StrikeStatus,
    pub currency: Currency,
    pub opened_at: i64,
    pub opened_by: Option<MemberId>,
    pub status_changed_at: i64,
    pub parties: Vec<PartyRecord>,
    pub demands: Vec<String>,
}

/// The strike committee a new strike is run by.
#[derive(Clone, Debug)]
pub enum StrikeCommittee {
    /// Founded with the strike, its opener as organiser.
    Found(NewCouncil),
    /// A strike committee that exists already (the opener organises it).
    Existing(CouncilId),
}

/// A strike to open: the committee and its carried vote, the strike committee, what it is.
#[derive(Clone, Debug)]
pub struct NewStrike {
    pub id: StrikeId,
    pub committee: CouncilId,
    pub motion: MotionId,
    pub strike_committee: StrikeCommittee,
    pub title: String,
    pub demands: Vec<String>,
    pub currency: Currency,
    pub by: MemberId,
    pub now: i64,
}

/// A picket shift with who signed up, in sign-up order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShiftRecord {
    pub id: ShiftId,
    pub strike_id: StrikeId,
    pub plan: ShiftPlan,
    pub signed_up: Vec<(MemberId, Handle)>,
}

/// A reminder the sweep claimed: the member is told once, before the shift.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PicketReminder {
    pub strike_id: StrikeId,
    pub strike_committee: CouncilId,
    pub shift_id: ShiftId,
    pub member_id: MemberId,
}

/// A movement to record. The store builds its balanced entries inside the transaction.
#[derive(Clone, Debug)]
pub struct NewMovement {
    pub id: MovementId,
    pub strike_id: StrikeId,
    pub kind: MovementKind,
    pub amount: Money,
    /// A receipt's pledge, when it fulfils one.
    pub pledge: Option<MovementId>,
    /// A payment's recipient.
    pub payee: Option<MemberId>,
    pub note_sealed: Option<Vec<u8>>,
    pub by: MemberId,
    pub now: i64,
}

/// A movement as stored, with its entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MovementRecord {
    pub id: MovementId,
    pub kind: MovementKind,
    pub amount: Money,
    pub pledge: Option<MovementId>,
    pub payee: Option<MemberId>,
    pub payee_handle: Option<Handle>,
    pub note_sealed: Option<Vec<u8>>,
    pub recorded_at: i64,
    pub entries: Vec<Entry>,
}

/// What the retention sweep removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StrikePurge {
    pub shifts: u64,
    pub payees: u64,
}

/// Strikes, rotas and funds.
#[async_trait]
pub trait StrikeStore: Send + Sync {
    /// Opens a strike in one transaction: the strike committee founded (or the existing one
    /// taken), the committee linked to it as a constituent (refused if that makes a cycle),
    /// the strike, its first party and demands, minuted in both councils. A vote already
    /// used is refused with `Strike(VoteUsed)`.
    async fn open_strike(&self, strike: &NewStrike) -> Result<(), StoreError>;
    /// Another committee joins on its carried vote: a party and an active link to the strike
    /// committee, minuted in both. Refused when the strike is over or the committee is on it.
    async fn join_strike(
        &self,
        strike: &StrikeId,
        committee: &CouncilId,
        motion: &MotionId,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;
    async fn strike(&self, id: &StrikeId) -> Result<Option<StrikeRecord>, StoreError>;
    /// The strikes a council runs or is on, newest first.
    async fn strikes_of(&self, council: &CouncilId) -> Result<Vec<StrikeRecord>, StoreError>;
    /// Sets the status, minuted in the strike committee.
    async fn set_strike_status(
        &self,
        id: &StrikeId,
        status: StrikeStatus,
        by: &MemberId,
        now: i64,
    ) -> Result<(), StoreError>;

    async fn add_shift(
        &self,
        strike: &StrikeId,
        id: &ShiftId,
        plan: &ShiftPlan,
        by: &MemberId,
    ) -> Result<(), StoreError>;
    /// The strike's shifts in time order, with who signed up.
    async fn shifts(&self, strike: &StrikeId) -> Result<Vec<ShiftRecord>, StoreError>;
    async fn shift(&self, id: &ShiftId) -> Result<Option<ShiftRecord>, StoreError>;
    /// Signs a member up (again is a no-op).
    async fn sign_up(&self, shift: &ShiftId, member: &MemberId, now: i64)
    -> Result<(), StoreError>;
    /// Withdraws a member (not signed up is a no-op).
    async fn withdraw(&self, shift: &ShiftId, member: &MemberId) -> Result<(), StoreError>;
    /// Claims, in one transaction, every sign-up to a shift starting after `now` and by
    /// `now + lead` that was not reminded yet, and marks them reminded.
    async fn claim_reminders(&self, now: i64, lead: i64)
    -> Result<Vec<PicketReminder>, StoreError>;

    /// Records a movement: entries built by the domain against the balances inside the
    /// transaction (`Ledger(Overdrawn)`, `Ledger(PledgeReceived)`, `Ledger(WrongCurrency)`).
    async fn record_movement(&self, movement: &NewMovement) -> Result<(), StoreError>;
    /// Every movement of the strike's fund, oldest first.
    async fn movements(&self, strike: &StrikeId) -> Result<Vec<MovementRecord>, StoreError>;
    /// The balance of each account of the strike's fund.
    async fn balances(&self, strike: &StrikeId) -> Result<Balances, StoreError>;

    /// Deletes shifts that ended before `shifts_before`, and unnames payments of strikes over
    /// since before `payees_before`.
    async fn purge_strikes(
        &self,
        shifts_before: i64,
        payees_before: i64,
    ) -> Result<StrikePurge, StoreError>;
}
