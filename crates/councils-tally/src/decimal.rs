//! Fixed-point numbers in results, written as exact decimal strings.

use std::fmt;

use serde::{Serialize, Serializer};

/// A fixed-point value: `units` in steps of 10^-`decimals`.
///
/// STV counts use fixed-point arithmetic as their published rules do; results keep the exact
/// value and serialize it as a decimal string (`"6.00000"`) so no precision is lost to floats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Decimal {
    /// The value in steps of 10^-`decimals`.
    pub units: i128,
    /// Number of decimal places.
    pub decimals: u32,
}

impl Decimal {
    /// A value of `units` steps of 10^-`decimals`.
    pub fn new(units: i128, decimals: u32) -> Self {
        Self { units, decimals }
    }

    /// The value as a float, for display and plotting only.
    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.decimals as i32)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = 10i128.pow(self.decimals);
        let sign = if self.units < 0 { "-" } else { "" };
        let abs = self.units.unsigned_abs();
        let (whole, frac) = (abs / scale as u128, abs % scale as u128);
        if self.decimals == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(
                f,
                "{sign}{whole}.{frac:0width$}",
                width = self.decimals as usize
            )
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decimal_is_written_with_all_its_places() {
        assert_eq!(Decimal::new(600_000, 5).to_string(), "6.00000");
        assert_eq!(Decimal::new(-1_500_000_000, 9).to_string(), "-1.500000000");
        assert_eq!(Decimal::new(7, 0).to_string(), "7");
    }
}
