//! The command-line tally: parse a ballot file, count it by the chosen method, and return the
//! result as JSON, for `councils tally --method ... [--seats N] [--stv meek|scottish] FILE`.
//!
//! Ranked methods (schulze, irv, stv) read BLT ([`blt`]); the others read CSV ([`table`]).
//! Every result has `method`, `candidates` (the names counted), `winners` (names; for STV in
//! the order elected), `counts`, `quorum_met`, `decided_by` and the method's `details`, where
//! candidates are 0-based indices into `candidates`. Ties are drawn by lot with a seed taken
//! from the input itself (FNV-1a of its bytes), so the same file always gives the same result.

pub mod blt;
mod error;
mod output;
pub mod table;

pub use error::{CliError, InputProblem};

use serde_json::Value;

use crate::{Rules, method::stv::StvVariant};

/// A counting method the command line offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `yes-no`.
    YesNo,
    /// `consent`.
    Consent,
    /// `approval`.
    Approval,
    /// `score`.
    Score,
    /// `schulze`.
    Schulze,
    /// `irv`.
    Irv,
    /// `stv`.
    Stv,
}

impl Method {
    /// The method named on the command line.
    pub fn parse(name: &str) -> Result<Self, CliError> {
        Ok(match name {
            "yes-no" => Method::YesNo,
            "consent" => Method::Consent,
            "approval" => Method::Approval,
            "score" => Method::Score,
            "schulze" => Method::Schulze,
            "irv" => Method::Irv,
            "stv" => Method::Stv,
            other => return Err(CliError::UnknownMethod(other.to_owned())),
        })
    }
}

/// The seed of any lot: FNV-1a of the input, so a file always counts the same way.
pub fn seed_of(input: &str) -> u64 {
    input.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Counts the ballots in `input` by `method` and returns the result as JSON.
///
/// `seats` applies to approval, score (winners wanted, default 1) and stv (overrides the
/// file's); `stv` picks the STV rules (`meek`, the default, or `scottish`).
pub fn run(
    method: &str,
    seats: Option<usize>,
    stv: Option<&str>,
    input: &str,
) -> Result<Value, CliError> {
    let method_kind = Method::parse(method)?;
    let variant = match stv {
        None | Some("meek") => StvVariant::Meek,
        Some("scottish") => StvVariant::Scottish,
        Some(other) => return Err(CliError::UnknownStv(other.to_owned())),
    };
    let not_for = |option| CliError::OptionNotApplicable {
        option,
        method: method.to_owned(),
    };
    if stv.is_some() && method_kind != Method::Stv {
        return Err(not_for("--stv"));
    }
    let takes_seats = matches!(method_kind, Method::Approval | Method::Score | Method::Stv);
    if seats.is_some() && !takes_seats {
        return Err(not_for("--seats"));
    }
    let rules = Rules {
        seed: seed_of(input),
        ..Rules::default()
    };
    let mut value = match method_kind {
        Method::YesNo => output::yes_no(&table::parse(input)?, &rules)?,
        Method::Consent => output::consent(&table::parse(input)?, &rules)?,
        Method::Approval => output::approval(&table::parse(input)?, seats, &rules)?,
        Method::Score => output::score(&table::parse(input)?, seats, &rules)?,
        Method::Schulze | Method::Irv | Method::Stv => {
            output::ranked(method_kind, &blt::parse(input)?, seats, variant, &rules)?
        }
    };
    value["method"] = Value::from(method);
    Ok(value)
}
