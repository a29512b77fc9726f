//! The pay a wage-theft case claims: lines of hours worked at a rate, less what was paid, in
//! integer cents of one currency. No floating point anywhere: hours are kept in hundredths,
//! money in cents, and amounts typed as `12.50` are read digit by digit.

use crate::grievance::GrievanceError;
use serde::{Deserialize, Serialize};

/// A calculation holds at most this many lines.
pub const LINES_MAX: usize = 20;
/// Longest description of a line, in characters.
pub const DESCRIPTION_MAX: usize = 200;
/// Largest amount or number of hours a field takes (in cents or hundredths): ten million.
const FIELD_MAX: i64 = 1_000_000_000;

/// One line: hours worked at a rate, and what was paid for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayLine {
    /// "Week of 3 November", "Saturdays in October".
    pub description: String,
    /// Hours worked, in hundredths of an hour (12.5 hours is 1250).
    pub hours_hundredths: i64,
    /// The rate owed per hour, in cents.
    pub rate_cents: i64,
    /// What was paid for these hours, in cents.
    pub paid_cents: i64,
}

impl PayLine {
    /// What these hours should have paid, in cents, rounded to the nearest cent (half up).
    pub fn due_cents(&self) -> i64 {
        let product = i128::from(self.hours_hundredths) * i128::from(self.rate_cents);
        ((product + 50) / 100) as i64
    }

    /// What is owed for this line: due less paid (negative if overpaid).
    pub fn owed_cents(&self) -> i64 {
        self.due_cents() - self.paid_cents
    }
}

/// A calculation of pay owed, in one currency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayClaim {
    /// An ISO 4217 code: `USD`, `MXN`.
    pub currency: String,
    pub lines: Vec<PayLine>,
}

impl PayClaim {
    /// Checks a calculation: a three-letter currency, at least one line and not too many, no
    /// negative field, descriptions not too long.
    pub fn new(currency: &str, lines: Vec<PayLine>) -> Result<Self, GrievanceError> {
        let currency = currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(GrievanceError::BadAmount);
        }
        if lines.is_empty() {
            return Err(GrievanceError::BadAmount);
        }
        if lines.len() > LINES_MAX {
            return Err(GrievanceError::PayTooLarge);
        }
        let mut clean = Vec::with_capacity(lines.len());
        for line in lines {
            let fields = [line.hours_hundredths, line.rate_cents, line.paid_cents];
            if fields.iter().any(|f| *f < 0) {
                return Err(GrievanceError::BadAmount);
            }
            if fields.iter().any(|f| *f > FIELD_MAX) {
                return Err(GrievanceError::PayTooLarge);
            }
            let description = line.description.trim().to_string();
            if description.chars().count() > DESCRIPTION_MAX {
                return Err(GrievanceError::TooLong);
            }
            clean.push(PayLine {
                description,
                ..line
            });
        }
        Ok(Self {
            currency,
            lines: clean,
        })
    }

    /// What all the hours should have paid, in cents.
    pub fn due_cents(&self) -> i64 {
        self.lines.iter().map(PayLine::due_cents).sum()
    }

    /// What was paid, in cents.
    pub fn paid_cents(&self) -> i64 {
        self.lines.iter().map(|l| l.paid_cents).sum()
    }

    /// What is owed in all, in cents.
    pub fn owed_cents(&self) -> i64 {
        self.due_cents() - self.paid_cents()
    }
}

/// Reads a number with at most two decimals (`12`, `12.5`, `1,234.50`) as hundredths: money
/// in cents, hours in hundredths of an hour. Commas between thousands are allowed.
pub fn parse_hundredths(text: &str) -> Result<i64, GrievanceError> {
    let text: String = text.trim().chars().filter(|c| *c != ',').collect();
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if text.contains('.') && fraction.is_empty() {
        return Err(GrievanceError::BadAmount);
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.len() > 2 || (!fraction.is_empty() && !digits(fraction)) {
        return Err(GrievanceError::BadAmount);
    }
    if whole.len() > 9 {
        return Err(GrievanceError::PayTooLarge);
    }
    let whole: i64 = whole.parse().map_err(|_| GrievanceError::BadAmount)?;
    let fraction: i64 = match fraction.len() {
        0 => 0,
        1 => {
            fraction
                .parse::<i64>()
                .map_err(|_| GrievanceError::BadAmount)?
                * 10
        }
        _ => fraction.parse().map_err(|_| GrievanceError::BadAmount)?,
    };
    Ok(whole * 100 + fraction)
}

/// Hundredths written back as people type them: `1250` is `12.50`, `-305` is `-3.05`.
pub fn format_hundredths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let value = value.unsigned_abs();
    format!("{sign}{}.{:02}", value / 100, value % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(hours: &str, rate: &str, paid: &str) -> PayLine {
        PayLine {
            description: "A week".into(),
            hours_hundredths: parse_hundredths(hours).unwrap(),
            rate_cents: parse_hundredths(rate).unwrap(),
            paid_cents: parse_hundredths(paid).unwrap(),
        }
    }

    #[test]
    fn amounts_are_read_without_floating_point() {
        assert_eq!(parse_hundredths("12"), Ok(1200));
        assert_eq!(parse_hundredths("12.5"), Ok(1250));
        assert_eq!(parse_hundredths(" 1,234.05 "), Ok(123_405));
        assert_eq!(parse_hundredths("0.07"), Ok(7));
        for bad in ["", "abc", "1.234", "-3", "1.", ".5", "1e3", "12.5.1"] {
            assert_eq!(
                parse_hundredths(bad),
                Err(GrievanceError::BadAmount),
                "{bad}"
            );
        }
        assert_eq!(
            parse_hundredths("12345678901"),
            Err(GrievanceError::PayTooLarge)
        );
    }

    #[test]
    fn amounts_are_written_back_with_two_decimals() {
        assert_eq!(format_hundredths(123_405), "1234.05");
        assert_eq!(format_hundredths(7), "0.07");
        assert_eq!(format_hundredths(-305), "-3.05");
    }

    #[test]
    fn the_pay_owed_is_hours_at_the_rate_less_what_was_paid() {
        // 52 hours at 16.90 is 878.80; paid 40 hours at 16.90, 676.00: 202.80 owed.
        let claim = PayClaim::new("usd", vec![line("52", "16.90", "676")]).unwrap();
        assert_eq!(claim.currency, "USD");
        assert_eq!(claim.due_cents(), 87_880);
        assert_eq!(claim.owed_cents(), 20_280);
        // Overtime at time and a half: 12.25 hours at 25.35 is 310.5375, rounded to 310.54.
        let two = PayClaim::new(
            "USD",
            vec![line("52", "16.90", "676"), line("12.25", "25.35", "0")],
        )
        .unwrap();
        assert_eq!(two.lines[1].due_cents(), 31_054);
        assert_eq!(two.owed_cents(), 20_280 + 31_054);
        assert_eq!(two.paid_cents(), 67_600);
    }

    #[test]
    fn a_calculation_needs_a_currency_and_sane_lines() {
        assert_eq!(
            PayClaim::new("dollars", vec![line("1", "1", "0")]),
            Err(GrievanceError::BadAmount)
        );
        assert_eq!(PayClaim::new("USD", vec![]), Err(GrievanceError::BadAmount));
        let mut negative = line("1", "1", "0");
        negative.paid_cents = -1;
        assert_eq!(
            PayClaim::new("USD", vec![negative]),
            Err(GrievanceError::BadAmount)
        );
        assert_eq!(
            PayClaim::new("USD", vec![line("1", "1", "0"); LINES_MAX + 1]),
            Err(GrievanceError::PayTooLarge)
        );
    }

    #[test]
    fn the_largest_lines_do_not_overflow() {
        let big = PayLine {
            description: String::new(),
            hours_hundredths: FIELD_MAX,
            rate_cents: FIELD_MAX,
            paid_cents: 0,
        };
        let claim = PayClaim::new("USD", vec![big; LINES_MAX]);
        // Ten million hours at ten million an hour: 10^16 cents a line, far inside i64.
        assert_eq!(claim.unwrap().due_cents(), 20 * 10_000_000_000_000_000);
    }
}
