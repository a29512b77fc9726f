//! A strike fund's double-entry ledger in the database. A movement's entries are built by the
//! domain (`ledger::Transaction`) inside the transaction that writes them, against the
//! balances as they are then: the strike's row is locked first, so two payments cannot both
//! spend the same cash.

use crate::rows::corrupt;
use crate::strike::lock_strike;
use crate::{Db, backend_error};
use councils_app::StoreError;
use councils_app::ports::{MovementRecord, NewMovement};
use councils_domain::ledger::{
    Account, Balances, Currency, Entry, LedgerError, Money, MovementKind, Transaction,
};
use councils_domain::{Handle, MemberId, MovementId, StrikeId};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// The balance of each account of a strike's fund.
pub(crate) async fn balances(
    conn: &mut AnyConnection,
    strike: &StrikeId,
) -> Result<Balances, StoreError> {
    // PostgreSQL's sum of bigint is numeric: cast it back.
    let rows: Vec<(String, i64)> = sqlx::query_as(
        "select e.account, cast(sum(e.cents) as bigint) from fund_entry e \
         join fund_movement m on m.movement_id = e.movement_id \
         where m.strike_id = $1 group by e.account",
    )
    .bind(strike.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    let mut entries = Vec::with_capacity(rows.len());
    for (account, cents) in rows {
        entries.push(Entry {
            account: Account::from_code(&account).ok_or_else(|| corrupt("account"))?,
            cents,
        });
    }
    Ok(Balances::of(&entries))
}

/// What a pledge still owes: its amount less the receipts against it.
async fn outstanding(
    conn: &mut AnyConnection,
    strike: &StrikeId,
    pledge: &MovementId,
) -> Result<i64, StoreError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "select cents from fund_movement where movement_id = $1 and strike_id = $2 \
         and kind = 'pledge'",
    )
    .bind(pledge.as_str())
    .bind(strike.as_str())
    .fetch_optional(&mut *conn)
    .await
    .map_err(backend_error)?;
    let (promised,) = row.ok_or(StoreError::NotFound)?;
    // What went to the pledged account against this pledge (credits are negative).
    let (received,): (Option<i64>,) = sqlx::query_as(
        "select cast(sum(e.cents) as bigint) from fund_entry e \
         join fund_movement m on m.movement_id = e.movement_id \
         where m.pledge_id = $1 and e.account = 'pledged'",
    )
    .bind(pledge.as_str())
    .fetch_one(&mut *conn)
    .await
    .map_err(backend_error)?;
    Ok(promised + received.unwrap_or(0))
}

pub(crate) async fn record_movement(db: &Db, m: &NewMovement) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let strike = lock_strike(&mut tx, db.backend(), &m.strike_id).await?;
    if m.amount.currency != strike.currency {
        return Err(LedgerError::WrongCurrency.into());
    }
    let transaction = match m.kind {
        MovementKind::Pledge => Transaction::pledge(m.amount)?,
        MovementKind::Receipt => {
            let owed = match &m.pledge {
                Some(pledge) => Some(outstanding(&mut tx, &m.strike_id, pledge).await?),
                None => None,
            };
            Transaction::receipt(m.amount, owed)?
        }
        MovementKind::Payment => {
            let cash = balances(&mut tx, &m.strike_id).await?.cash;
            Transaction::payment(m.amount, cash)?
        }
    };
    let (last,): (Option<i64>,) =
        sqlx::query_as("select max(seq) from fund_movement where strike_id = $1")
            .bind(m.strike_id.as_str())
            .fetch_one(&mut *tx)
            .await
            .map_err(backend_error)?;
    sqlx::query(
        "insert into fund_movement (movement_id, strike_id, kind, cents, currency, pledge_id, \
         payee_id, note_sealed, recorded_at, recorded_by, seq) \
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(m.id.as_str())
    .bind(m.strike_id.as_str())
    .bind(m.kind.code())
    .bind(m.amount.cents)
    .bind(m.amount.currency.code())
    .bind(m.pledge.as_ref().map(|p| p.as_str().to_string()))
    .bind(m.payee.as_ref().map(|p| p.as_str().to_string()))
    .bind(m.note_sealed.clone())
    .bind(m.now)
    .bind(m.by.as_str())
    .bind(last.unwrap_or(0) + 1)
    .execute(&mut *tx)
    .await
    .map_err(backend_error)?;
    for (line, entry) in transaction.entries().iter().enumerate() {
        sqlx::query(
            "insert into fund_entry (movement_id, line, account, cents) values ($1, $2, $3, $4)",
        )
        .bind(m.id.as_str())
        .bind(line as i64)
        .bind(entry.account.code())
        .bind(entry.cents)
        .execute(&mut *tx)
        .await
        .map_err(backend_error)?;
    }
    db.commit(tx).await.map_err(backend_error)
}

type MovementRow = (
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<Vec<u8>>,
    i64,
);

pub(crate) async fn movements(
    db: &Db,
    strike: &StrikeId,
) -> Result<Vec<MovementRecord>, StoreError> {
    let mut conn = db.read.acquire().await.map_err(backend_error)?;
    let rows: Vec<MovementRow> = sqlx::query_as(
        "select f.movement_id, f.kind, f.cents, f.currency, f.pledge_id, f.payee_id, m.handle, \
         f.note_sealed, f.recorded_at from fund_movement f \
         left join member m on m.member_id = f.payee_id \
         where f.strike_id = $1 order by f.seq",
    )
    .bind(strike.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    let lines: Vec<(String, String, i64)> = sqlx::query_as(
        "select e.movement_id, e.account, e.cents from fund_entry e \
         join fund_movement f on f.movement_id = e.movement_id \
         where f.strike_id = $1 order by e.movement_id, e.line",
    )
    .bind(strike.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    let mut entries: HashMap<String, Vec<Entry>> = HashMap::new();
    for (movement, account, cents) in lines {
        entries.entry(movement).or_default().push(Entry {
            account: Account::from_code(&account).ok_or_else(|| corrupt("account"))?,
            cents,
        });
    }
    rows.into_iter()
        .map(
            |(id, kind, cents, currency, pledge, payee, handle, note, recorded_at)| {
                Ok(MovementRecord {
                    entries: entries.remove(&id).unwrap_or_default(),
                    id: MovementId::new(id),
                    kind: MovementKind::from_code(&kind).ok_or_else(|| corrupt("movement"))?,
                    amount: Money {
                        cents,
                        currency: Currency::parse(&currency).map_err(|_| corrupt("currency"))?,
                    },
                    pledge: pledge.map(MovementId::new),
                    payee: payee.map(MemberId::new),
                    payee_handle: handle.map(Handle::from_stored),
                    note_sealed: note,
                    recorded_at,
                })
            },
        )
        .collect()
}
