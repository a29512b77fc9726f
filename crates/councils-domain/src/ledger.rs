//! The strike and hardship fund's ledger: double-entry bookkeeping in integer cents.
//!
//! Every movement is one [`Transaction`] of two or more [`Entry`]s whose amounts sum to zero
//! across the fund's four accounts (debits positive, credits negative). A pledge is a promise,
//! not money: it raises what is owed to the fund (`Pledged`) against `Contributions`. A
//! receipt turns money in: `Cash` up, against the pledge it fulfils (as far as it goes) and
//! `Contributions` for the rest. A payment pays a member out of `Cash` into `Payments`, and
//! is refused if it would take `Cash` below zero. No floats anywhere: amounts are `i64` cents
//! with a [`Currency`].

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Largest amount of one movement, in cents (ten million in the currency's unit): far above
/// any strike fund's single movement, and far below where sums could overflow.
pub const AMOUNT_MAX: i64 = 1_000_000_000;

/// Why a movement was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum LedgerError {
    /// An amount of zero, below zero, above [`AMOUNT_MAX`], or not a number of cents.
    #[error("an amount is more than zero and at most {AMOUNT_MAX} cents")]
    BadAmount,
    /// Not a three-letter currency code.
    #[error("a currency is three capital letters")]
    BadCurrency,
    /// A movement in another currency than the fund's.
    #[error("the fund keeps one currency")]
    WrongCurrency,
    /// Entries that do not sum to zero, or fewer than two of them.
    #[error("the entries of a transaction must balance")]
    Unbalanced,
    /// A payment larger than the cash in the fund.
    #[error("the fund does not hold that much")]
    Overdrawn,
    /// A receipt against a pledge that is already fully received.
    #[error("that pledge is already received")]
    PledgeReceived,
}

impl LedgerError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            LedgerError::BadAmount => "ledger-bad-amount",
            LedgerError::BadCurrency => "ledger-bad-currency",
            LedgerError::WrongCurrency => "ledger-wrong-currency",
            LedgerError::Unbalanced => "ledger-unbalanced",
            LedgerError::Overdrawn => "ledger-overdrawn",
            LedgerError::PledgeReceived => "ledger-pledge-received",
        }
    }
}

/// An ISO 4217 currency code: `USD`, `MXN`, `EUR`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Currency([u8; 3]);

impl Currency {
    /// Reads three letters, in any case.
    pub fn parse(raw: &str) -> Result<Self, LedgerError> {
        let raw = raw.trim().to_ascii_uppercase();
        let bytes = raw.as_bytes();
        if bytes.len() == 3 && bytes.iter().all(u8::is_ascii_uppercase) {
            Ok(Self([bytes[0], bytes[1], bytes[2]]))
        } else {
            Err(LedgerError::BadCurrency)
        }
    }

    /// The code, as stored.
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII letters")
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money: cents (hundredths of the currency's unit) and the currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub cents: i64,
    pub currency: Currency,
}

impl Money {
    /// `1234.50 USD` style: units, a point, two digits (a minus sign when negative).
    pub fn amount_text(&self) -> String {
        let sign = if self.cents < 0 { "-" } else { "" };
        let abs = self.cents.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.amount_text(), self.currency)
    }
}

/// Reads an amount as typed: `25`, `25.5`, `25.50`, `1,250.00` (commas between thousands
/// are ignored; a comma as the decimal mark, `25,50`, is read as one too). At most two
/// decimals; more than zero; at most [`AMOUNT_MAX`] cents.
pub fn parse_cents(raw: &str) -> Result<i64, LedgerError> {
    let raw = raw.trim();
    // "25,50": a comma followed by one or two digits at the end is a decimal mark.
    let normal = match raw.rfind(',') {
        Some(at) if !raw.contains('.') && (1..=2).contains(&(raw.len() - at - 1)) => {
            format!("{}.{}", &raw[..at].replace(',', ""), &raw[at + 1..])
        }
        _ => raw.replace(',', ""),
    };
    let (units, fraction) = normal.split_once('.').unwrap_or((&normal, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if units.is_empty() || !digits(units) || !digits(fraction) || fraction.len() > 2 {
        return Err(LedgerError::BadAmount);
    }
    if units.len() > 12 {
        return Err(LedgerError::BadAmount);
    }
    let units: i64 = units.parse().map_err(|_| LedgerError::BadAmount)?;
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => {
            fraction
                .parse::<i64>()
                .map_err(|_| LedgerError::BadAmount)?
                * 10
        }
        _ => fraction.parse().map_err(|_| LedgerError::BadAmount)?,
    };
    let cents = units
        .checked_mul(100)
        .and_then(|c| c.checked_add(fraction))
        .ok_or(LedgerError::BadAmount)?;
    check_amount(cents)?;
    Ok(cents)
}

fn check_amount(cents: i64) -> Result<(), LedgerError> {
    if cents <= 0 || cents > AMOUNT_MAX {
        Err(LedgerError::BadAmount)
    } else {
        Ok(())
    }
}

/// The fund's accounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Account {
    /// Money the fund holds (an asset: debit balance).
    Cash,
    /// Money promised and not yet received (an asset: debit balance).
    Pledged,
    /// What supporters gave or promised (credit balance).
    Contributions,
    /// What was paid out to members (debit balance).
    Payments,
}

impl Account {
    /// Every account, in the order the report lists them.
    pub const ALL: [Account; 4] = [
        Account::Cash,
        Account::Pledged,
        Account::Contributions,
        Account::Payments,
    ];

    /// The code in storage and translation keys (`ledger-account-cash`).
    pub fn code(self) -> &'static str {
        match self {
            Account::Cash => "cash",
            Account::Pledged => "pledged",
            Account::Contributions => "contributions",
            Account::Payments => "payments",
        }
    }

    /// Reads an account code.
    pub fn from_code(code: &str) -> Option<Self> {
        Account::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// One line of a transaction: a debit (positive) or a credit (negative) to an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub account: Account,
    pub cents: i64,
}

/// What a movement is, as the treasurer records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MovementKind {
    Pledge,
    Receipt,
    Payment,
}

impl MovementKind {
    /// Every kind.
    pub const ALL: [MovementKind; 3] = [
        MovementKind::Pledge,
        MovementKind::Receipt,
        MovementKind::Payment,
    ];

    /// The code in storage, URLs and translation keys (`fund-kind-pledge`).
    pub fn code(self) -> &'static str {
        match self {
            MovementKind::Pledge => "pledge",
            MovementKind::Receipt => "receipt",
            MovementKind::Payment => "payment",
        }
    }

    /// Reads a kind code.
    pub fn from_code(code: &str) -> Option<Self> {
        MovementKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A balanced set of entries in one currency. Only built by [`Transaction::new`] and the
/// movements below, so an unbalanced transaction cannot exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transaction {
    currency: Currency,
    entries: Vec<Entry>,
}

impl Transaction {
    /// Checks entries: at least two, none zero, each within [`AMOUNT_MAX`], summing to zero.
    pub fn new(currency: Currency, entries: Vec<Entry>) -> Result<Self, LedgerError> {
        if entries.len() < 2 {
            return Err(LedgerError::Unbalanced);
        }
        let mut sum: i64 = 0;
        for entry in &entries {
            if entry.cents == 0 || entry.cents.unsigned_abs() > AMOUNT_MAX as u64 {
                return Err(LedgerError::BadAmount);
            }
            sum = sum
                .checked_add(entry.cents)
                .ok_or(LedgerError::Unbalanced)?;
        }
        if sum != 0 {
            return Err(LedgerError::Unbalanced);
        }
        Ok(Self { currency, entries })
    }

    /// A pledge of `cents`: owed to the fund, from contributions.
    pub fn pledge(amount: Money) -> Result<Self, LedgerError> {
        check_amount(amount.cents)?;
        Self::new(
            amount.currency,
            vec![
                Entry {
                    account: Account::Pledged,
                    cents: amount.cents,
                },
                Entry {
                    account: Account::Contributions,
                    cents: -amount.cents,
                },
            ],
        )
    }

    /// A receipt of `amount`, of which `against_pledge` (at most the pledge's outstanding
    /// amount) fulfils a pledge and the rest is a new contribution.
    pub fn receipt(amount: Money, outstanding: Option<i64>) -> Result<Self, LedgerError> {
        check_amount(amount.cents)?;
        let against = match outstanding {
            Some(0) => return Err(LedgerError::PledgeReceived),
            Some(owed) if owed < 0 => return Err(LedgerError::PledgeReceived),
            Some(owed) => owed.min(amount.cents),
            None => 0,
        };
        let mut entries = vec![Entry {
            account: Account::Cash,
            cents: amount.cents,
        }];
        if against > 0 {
            entries.push(Entry {
                account: Account::Pledged,
                cents: -against,
            });
        }
        if amount.cents > against {
            entries.push(Entry {
                account: Account::Contributions,
                cents: -(amount.cents - against),
            });
        }
        Self::new(amount.currency, entries)
    }

    /// A payment of `amount` to a member, refused when the fund's cash is less.
    pub fn payment(amount: Money, cash: i64) -> Result<Self, LedgerError> {
        check_amount(amount.cents)?;
        if amount.cents > cash {
            return Err(LedgerError::Overdrawn);
        }
        Self::new(
            amount.currency,
            vec![
                Entry {
                    account: Account::Payments,
                    cents: amount.cents,
                },
                Entry {
                    account: Account::Cash,
                    cents: -amount.cents,
                },
            ],
        )
    }

    /// The transaction's currency.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Its entries, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// The balance of every account over a set of entries (debit positive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Balances {
    pub cash: i64,
    pub pledged: i64,
    pub contributions: i64,
    pub payments: i64,
}

impl Balances {
    /// Sums entries into account balances.
    pub fn of<'e>(entries: impl IntoIterator<Item = &'e Entry>) -> Self {
        let mut b = Balances::default();
        for entry in entries {
            let slot = match entry.account {
                Account::Cash => &mut b.cash,
                Account::Pledged => &mut b.pledged,
                Account::Contributions => &mut b.contributions,
                Account::Payments => &mut b.payments,
            };
            *slot = slot.saturating_add(entry.cents);
        }
        b
    }

    /// Whether the books balance: every account's balance sums to zero.
    pub fn balanced(&self) -> bool {
        self.cash + self.pledged + self.contributions + self.payments == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd(cents: i64) -> Money {
        Money {
            cents,
            currency: Currency::parse("usd").unwrap(),
        }
    }

    #[test]
    fn a_transaction_whose_entries_do_not_sum_to_zero_is_refused() {
        let usd = Currency::parse("USD").unwrap();
        let lopsided = vec![
            Entry {
                account: Account::Cash,
                cents: 500,
            },
            Entry {
                account: Account::Contributions,
                cents: -400,
            },
        ];
        assert_eq!(
            Transaction::new(usd, lopsided),
            Err(LedgerError::Unbalanced)
        );
        let alone = vec![Entry {
            account: Account::Cash,
            cents: 500,
        }];
        assert_eq!(Transaction::new(usd, alone), Err(LedgerError::Unbalanced));
    }

    #[test]
    fn a_pledge_is_owed_not_cash() {
        let pledge = Transaction::pledge(usd(10_000)).unwrap();
        let b = Balances::of(pledge.entries());
        assert_eq!(b.cash, 0);
        assert_eq!(b.pledged, 10_000);
        assert!(b.balanced());
    }

    #[test]
    fn a_receipt_fulfils_its_pledge_and_the_rest_is_a_new_contribution() {
        let mut entries = Transaction::pledge(usd(10_000)).unwrap().entries().to_vec();
        entries.extend_from_slice(
            Transaction::receipt(usd(12_500), Some(10_000))
                .unwrap()
                .entries(),
        );
        let b = Balances::of(&entries);
        assert_eq!(b.cash, 12_500);
        assert_eq!(b.pledged, 0);
        assert_eq!(b.contributions, -12_500);
        assert!(b.balanced());
        assert_eq!(
            Transaction::receipt(usd(100), Some(0)),
            Err(LedgerError::PledgeReceived)
        );
    }

    #[test]
    fn a_payment_may_not_overdraw_the_fund() {
        assert_eq!(
            Transaction::payment(usd(5_001), 5_000),
            Err(LedgerError::Overdrawn)
        );
        let paid = Transaction::payment(usd(5_000), 5_000).unwrap();
        let b = Balances::of(paid.entries());
        assert_eq!((b.cash, b.payments), (-5_000, 5_000));
    }

    #[test]
    fn amounts_are_read_as_whole_cents_without_floats() {
        assert_eq!(parse_cents("25"), Ok(2_500));
        assert_eq!(parse_cents("25.5"), Ok(2_550));
        assert_eq!(parse_cents("0.10"), Ok(10));
        assert_eq!(parse_cents("1,250.00"), Ok(125_000));
        assert_eq!(parse_cents("25,50"), Ok(2_550));
        assert_eq!(parse_cents("0.105"), Err(LedgerError::BadAmount));
        assert_eq!(parse_cents("0"), Err(LedgerError::BadAmount));
        assert_eq!(parse_cents("-5"), Err(LedgerError::BadAmount));
        assert_eq!(parse_cents("abc"), Err(LedgerError::BadAmount));
        assert_eq!(parse_cents("99999999999999"), Err(LedgerError::BadAmount));
        assert_eq!(usd(125_005).to_string(), "1250.05 USD");
    }

    #[test]
    fn currencies_are_three_letters() {
        assert_eq!(Currency::parse("mxn").unwrap().code(), "MXN");
        assert_eq!(Currency::parse("US"), Err(LedgerError::BadCurrency));
        assert_eq!(Currency::parse("U$D"), Err(LedgerError::BadCurrency));
    }
}
