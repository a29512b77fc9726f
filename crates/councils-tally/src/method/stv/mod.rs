//! Single transferable vote for multi-seat elections, with a Droop quota: Meek's method by
//! default, Scottish STV as an option.

mod meek;
mod scottish;

use serde::{Deserialize, Serialize};

use crate::{DecidedBy, Rules, TallyError, compact::RankedBallots, decimal::Decimal};

/// Which rules of STV to count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StvVariant {
    /// Meek's method (Hill, Wichmann and Woodall 1987, as in New Zealand's rules): every
    /// ballot passes through elected candidates, each keeping a share of it.
    #[default]
    Meek,
    /// The Scottish local-government rules (SSI 2007/42): a weighted inclusive Gregory method
    /// with values truncated to 5 decimal places.
    Scottish,
}

/// Why votes moved in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferKind {
    /// An elected candidate's surplus was passed on.
    Surplus,
    /// An excluded candidate's ballots were passed on.
    Exclusion,
}

/// Votes moved from one candidate to the others in a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transfer {
    /// The candidate whose votes moved.
    pub from: usize,
    /// Why they moved.
    pub kind: TransferKind,
    /// The change in each candidate's votes (for Meek, the net change after re-convergence).
    pub to: Vec<Decimal>,
    /// Votes that found no further preference.
    pub non_transferable: Decimal,
    /// Votes lost to truncation (Scottish only; Meek's is part of its excess).
    pub rounding_loss: Decimal,
}

/// One round (Scottish: stage) of an STV count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StvRound {
    /// The transfer that opened this round (none for the first preferences).
    pub transfer: Option<Transfer>,
    /// Each candidate's votes at the end of the round.
    pub votes: Vec<Decimal>,
    /// The quota in this round.
    pub quota: Decimal,
    /// Votes no longer with any continuing or elected candidate.
    pub exhausted: Decimal,
    /// Candidates elected in this round, in order.
    pub elected: Vec<usize>,
    /// Meek only: each candidate's keep factor at the end of the round.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keep_factors: Option<Vec<Decimal>>,
    /// Meek only: iterations until the surpluses converged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iterations: Option<u32>,
    /// The strongest rule a choice in this round needed.
    pub decided_by: DecidedBy,
}

/// The result of an STV count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StvResult {
    /// The rules counted by.
    pub variant: StvVariant,
    /// Seats to fill.
    pub seats: usize,
    /// Elected candidates, in the order they were elected.
    pub elected: Vec<usize>,
    /// The quota of the last round.
    pub quota: Decimal,
    /// The rounds, first to last.
    pub rounds: Vec<StvRound>,
    /// The weight of all ballots cast, empty ones included.
    pub cast: u64,
    /// Whether the quorum was met (when not, there is no count).
    pub quorum_met: bool,
    /// The strongest rule any choice needed.
    pub decided_by: DecidedBy,
}

/// Counts ranked ballots by STV for `seats` seats.
///
/// Ballots with equal preferences are refused: neither rule set says how to split them.
pub fn tally(
    ballots: &RankedBallots,
    seats: usize,
    variant: StvVariant,
    rules: &Rules,
) -> Result<StvResult, TallyError> {
    if seats == 0 {
        return Err(TallyError::NoSeats);
    }
    if ballots.has_equal_preferences() {
        return Err(TallyError::EqualPreferences { method: "STV" });
    }
    let cast = ballots.total_weight();
    let quorum_met = rules.quorum.is_met(cast, rules.entitled)?;
    let mut result = if !quorum_met {
        StvResult {
            variant,
            seats,
            elected: Vec::new(),
            quota: Decimal::new(0, 0),
            rounds: Vec::new(),
            cast,
            quorum_met,
            decided_by: DecidedBy::Count,
        }
    } else {
        match variant {
            StvVariant::Meek => meek::count(ballots, seats, rules.seed)?,
            StvVariant::Scottish => scottish::count(ballots, seats, rules.seed)?,
        }
    };
    result.cast = cast;
    result.quorum_met = quorum_met;
    result.decided_by = result
        .rounds
        .iter()
        .fold(DecidedBy::Count, |acc, r| acc.and(r.decided_by));
    Ok(result)
}
