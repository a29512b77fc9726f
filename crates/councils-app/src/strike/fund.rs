//! The strike and hardship fund: pledges, receipts and payments recorded by the strike
//! committee's treasurer as balanced double-entry transactions, the balance, and the report.
//!
//! Who sees what: the treasurer sees every movement; a payee sees their own payments; every
//! reader of the strike sees the totals. Who pledged or gave, and what a payment is for, are
//! sealed under the movement's id.

use super::StrikeAccess;
use crate::crypto::new_id;
use crate::ports::{MovementRecord, NewMovement};
use crate::{Actor, App, AppError};
use councils_domain::ledger::{self, Balances, Money, MovementKind};
use councils_domain::{Handle, MemberId, MembershipStatus, MovementId};

/// Longest note on a movement (who pledged, what a payment is for), in characters.
pub const NOTE_MAX: usize = 300;

/// The fund's totals, which every reader of the strike sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FundTotals {
    pub pledged: i64,
    /// Pledged and not yet received.
    pub outstanding: i64,
    pub received: i64,
    pub paid: i64,
    /// Cash in the fund.
    pub balance: i64,
    pub pledges: usize,
    pub payments: usize,
}

/// A movement as the fund page shows it.
#[derive(Clone, Debug)]
pub struct MovementView {
    pub id: MovementId,
    pub kind: MovementKind,
    pub amount: Money,
    pub recorded_at: i64,
    pub payee: Option<Handle>,
    pub note: Option<String>,
    /// For a pledge, what it still owes.
    pub outstanding: Option<i64>,
    pub record: MovementRecord,
}

/// The fund as one reader may see it.
#[derive(Clone, Debug)]
pub struct FundView {
    pub access: StrikeAccess,
    pub totals: FundTotals,
    /// The ledger's accounts (shown in the report).
    pub balances: Balances,
    /// Every movement for the treasurer; the reader's own payments for anyone else.
    pub movements: Vec<MovementView>,
    /// Members a payment can go to (treasurer only): active members of the committees on
    /// strike and of the strike committee.
    pub payees: Vec<Handle>,
}

/// A movement as the treasurer types it.
#[derive(Clone, Debug, Default)]
pub struct MovementForm {
    /// `MovementKind::code`.
    pub kind: String,
    pub amount: String,
    pub currency: String,
    /// A receipt's pledge, by id (empty for none).
    pub pledge: String,
    /// A payment's recipient, by handle.
    pub payee: String,
    pub note: String,
}

fn note_owner(id: &MovementId) -> String {
    format!("movement:{id}")
}

impl App {
    /// The fund of a strike, for its readers.
    pub async fn fund(&self, actor: &Actor, id: &str) -> Result<FundView, AppError> {
        let access = self.strike_access(actor, id).await?;
        let balances = self.store.balances(&access.strike.id).await?;
        let records = self.store.movements(&access.strike.id).await?;
        let sum = |kind: MovementKind| -> i64 {
            records
                .iter()
                .filter(|m| m.kind == kind)
                .map(|m| m.amount.cents)
                .sum()
        };
        let totals = FundTotals {
            pledged: sum(MovementKind::Pledge),
            outstanding: balances.pledged,
            received: sum(MovementKind::Receipt),
            paid: sum(MovementKind::Payment),
            balance: balances.cash,
            pledges: records
                .iter()
                .filter(|m| m.kind == MovementKind::Pledge)
                .count(),
            payments: records
                .iter()
                .filter(|m| m.kind == MovementKind::Payment)
                .count(),
        };
        let mut movements = Vec::new();
        for record in &records {
            let own_payment = record.payee.as_ref() == Some(&actor.member_id);
            if !access.treasurer && !own_payment {
                continue;
            }
            let outstanding = (record.kind == MovementKind::Pledge).then(|| {
                let received: i64 = records
                    .iter()
                    .filter(|r| r.pledge.as_ref() == Some(&record.id))
                    .flat_map(|r| r.entries.iter())
                    .filter(|e| e.account == ledger::Account::Pledged)
                    .map(|e| e.cents)
                    .sum();
                record.amount.cents + received
            });
            movements.push(MovementView {
                id: record.id.clone(),
                kind: record.kind,
                amount: record.amount,
                recorded_at: record.recorded_at,
                payee: record.payee_handle.clone(),
                note: record
                    .note_sealed
                    .as_deref()
                    .map(|sealed| {
                        self.cipher
                            .decrypt(&note_owner(&record.id), sealed)
                            .map_err(|_| AppError::Internal("a fund note did not open".into()))
                    })
                    .transpose()?,
                outstanding,
                record: record.clone(),
            });
        }
        let payees = if access.treasurer {
            let mut all = Vec::new();
            for council in std::iter::once(&access.committee).chain(&access.parties) {
                for m in self.store.members_of(&council.id).await? {
                    if m.status == MembershipStatus::Active {
                        all.push(m.handle);
                    }
                }
            }
            all.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            all.dedup();
            all
        } else {
            Vec::new()
        };
        Ok(FundView {
            access,
            totals,
            balances,
            movements,
            payees,
        })
    }

    /// The strike committee's treasurer records a pledge, a receipt or a payment. A payment
    /// goes to an active member of the strike committee or of a committee on strike, and is
    /// refused if it would overdraw the fund.
    pub async fn record_movement(
        &self,
        actor: &Actor,
        id: &str,
        form: &MovementForm,
    ) -> Result<MovementId, AppError> {
        let access = self.strike_access(actor, id).await?;
        if !access.treasurer {
            return Err(AppError::Forbidden);
        }
        let kind = MovementKind::from_code(&form.kind).ok_or(AppError::BadValue)?;
        let cents = ledger::parse_cents(&form.amount)?;
        let currency = if form.currency.trim().is_empty() {
            access.strike.currency
        } else {
            ledger::Currency::parse(&form.currency)?
        };
        let note = form.note.trim();
        if note.chars().count() > NOTE_MAX {
            return Err(AppError::FieldTooLong);
        }
        let payee = match kind {
            MovementKind::Payment => Some(self.payee(&access, &form.payee).await?),
            _ => None,
        };
        let pledge = match (kind, form.pledge.trim()) {
            (MovementKind::Receipt, p) if !p.is_empty() => Some(MovementId::new(p)),
            _ => None,
        };
        let movement = MovementId::new(new_id());
        self.store
            .record_movement(&NewMovement {
                note_sealed: (!note.is_empty())
                    .then(|| self.cipher.encrypt(&note_owner(&movement), note)),
                id: movement.clone(),
                strike_id: access.strike.id.clone(),
                kind,
                amount: Money { cents, currency },
                pledge,
                payee,
                by: actor.member_id.clone(),
                now: self.now(),
            })
            .await?;
        Ok(movement)
    }

    /// The member a payment goes to: an active member of a council of the strike.
    async fn payee(&self, access: &StrikeAccess, handle: &str) -> Result<MemberId, AppError> {
        let handle = handle.trim().trim_start_matches('@');
        if handle.is_empty() {
            return Err(AppError::FieldMissing);
        }
        for council in std::iter::once(&access.committee).chain(&access.parties) {
            for m in self.store.members_of(&council.id).await? {
                if m.status == MembershipStatus::Active
                    && m.handle.as_str().eq_ignore_ascii_case(handle)
                {
                    return Ok(m.member_id);
                }
            }
        }
        Err(AppError::BadValue)
    }
}
