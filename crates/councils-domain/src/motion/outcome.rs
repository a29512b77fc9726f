//! The outcome of a counted motion, as stored in the minutes and the database (JSON) and as
//! the results page draws it.
//!
//! The tally crate's results serialize but do not deserialize, and its fixed-point values
//! are written as decimal strings; these types mirror them in a form that reads back, with
//! the JSON the tally would write for the same values.

use councils_tally::{decimal, method, tiebreak};
use serde::{Deserialize, Serialize};

use super::{Method, StvVariant};

/// Which rule decided a result: the count, a tie broken by earlier rounds, or lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "rule")]
pub enum DecidedBy {
    /// The count alone: no tie needed breaking.
    Count,
    /// A tie broken by the totals of earlier rounds, most recent first.
    BackwardsTieBreak,
    /// A tie broken by the totals of earlier stages, first stage first.
    ForwardsTieBreak,
    /// A tie broken by lot, drawn from a generator seeded with `seed`.
    Lot {
        /// The seed of the draw, so anyone can repeat it.
        seed: u64,
    },
}

impl From<tiebreak::DecidedBy> for DecidedBy {
    fn from(d: tiebreak::DecidedBy) -> Self {
        match d {
            tiebreak::DecidedBy::Count => DecidedBy::Count,
            tiebreak::DecidedBy::BackwardsTieBreak => DecidedBy::BackwardsTieBreak,
            tiebreak::DecidedBy::ForwardsTieBreak => DecidedBy::ForwardsTieBreak,
            tiebreak::DecidedBy::Lot { seed } => DecidedBy::Lot { seed },
        }
    }
}

/// An exact fixed-point value of an STV count, written as the count wrote it (`"6.00000"`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Fixed(String);

impl Fixed {
    /// The value as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The value as a float, for drawing charts only.
    pub fn to_f64(&self) -> f64 {
        self.0.parse().unwrap_or(0.0)
    }
}

impl From<decimal::Decimal> for Fixed {
    fn from(d: decimal::Decimal) -> Self {
        Fixed(d.to_string())
    }
}

fn fixed_all(ds: &[decimal::Decimal]) -> Vec<Fixed> {
    ds.iter().copied().map(Fixed::from).collect()
}

/// What became of a motion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "kebab-case")]
pub enum Decision {
    /// Quorum met and the majority reached (yes/no), or no block (consent).
    Passed,
    /// Quorum met, majority not reached.
    Rejected,
    /// Quorum met, and at least one block.
    Blocked,
    /// Options won: the winners, in order (for STV, the order elected).
    Elected {
        /// 0-based option numbers.
        winners: Vec<usize>,
    },
    /// Too little was cast for any decision.
    NoQuorum,
}

/// One round of an instant-runoff count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IrvRound {
    /// Votes of each option this round (0 for excluded options).
    pub votes: Vec<u64>,
    /// Weight of ballots with no continuing option left.
    pub exhausted: u64,
    /// The option elected this round, if any.
    pub elected: Option<usize>,
    /// The option excluded at the end of this round, if any.
    pub excluded: Option<usize>,
    /// How the exclusion was decided.
    pub decided_by: DecidedBy,
}

impl From<&method::irv::IrvRound> for IrvRound {
    fn from(r: &method::irv::IrvRound) -> Self {
        Self {
            votes: r.votes.clone(),
            exhausted: r.exhausted,
            elected: r.elected,
            excluded: r.excluded,
            decided_by: r.decided_by.into(),
        }
    }
}

/// Why votes moved in an STV round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferKind {
    /// An elected candidate's surplus was passed on.
    Surplus,
    /// An excluded candidate's ballots were passed on.
    Exclusion,
}

/// Votes moved from one candidate to the others in an STV round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transfer {
    /// The candidate whose votes moved.
    pub from: usize,
    /// Why they moved.
    pub kind: TransferKind,
    /// The change in each candidate's votes.
    pub to: Vec<Fixed>,
    /// Votes that found no further preference.
    pub non_transferable: Fixed,
    /// Votes lost to truncation (Scottish STV only).
    pub rounding_loss: Fixed,
}

impl From<&method::stv::Transfer> for Transfer {
    fn from(t: &method::stv::Transfer) -> Self {
        Self {
            from: t.from,
            kind: match t.kind {
                method::stv::TransferKind::Surplus => TransferKind::Surplus,
                method::stv::TransferKind::Exclusion => TransferKind::Exclusion,
            },
            to: fixed_all(&t.to),
            non_transferable: t.non_transferable.into(),
            rounding_loss: t.rounding_loss.into(),
        }
    }
}

/// One round (in Scottish STV, stage) of an STV count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StvRound {
    /// The transfer that opened this round (none for the first preferences).
    pub transfer: Option<Transfer>,
    /// The candidate whose exclusion this round's transfer carried out, if any.
    pub excluded: Option<usize>,
    /// Each candidate's votes at the end of the round.
    pub votes: Vec<Fixed>,
    /// The quota in this round.
    pub quota: Fixed,
    /// Votes no longer with any continuing or elected candidate.
    pub exhausted: Fixed,
    /// Candidates elected in this round, in order.
    pub elected: Vec<usize>,
    /// Meek only: each candidate's keep factor at the end of the round.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_factors: Option<Vec<Fixed>>,
    /// Meek only: iterations until the surpluses converged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iterations: Option<u32>,
    /// The strongest rule a choice in this round needed.
    pub decided_by: DecidedBy,
}

impl From<&method::stv::StvRound> for StvRound {
    fn from(r: &method::stv::StvRound) -> Self {
        let excluded = r
            .transfer
            .as_ref()
            .filter(|t| t.kind == method::stv::TransferKind::Exclusion)
            .map(|t| t.from);
        Self {
            transfer: r.transfer.as_ref().map(Transfer::from),
            excluded,
            votes: fixed_all(&r.votes),
            quota: r.quota.into(),
            exhausted: r.exhausted.into(),
            elected: r.elected.clone(),
            keep_factors: r.keep_factors.as_deref().map(fixed_all),
            iterations: r.iterations,
            decided_by: r.decided_by.into(),
        }
    }
}

/// What the results page needs to draw a count, per method.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "method", rename_all = "kebab-case")]
pub enum Detail {
    /// The weight cast for each choice.
    YesNo {
        /// Weight for.
        yes: u64,
        /// Weight against.
        no: u64,
        /// Weight abstaining.
        abstain: u64,
    },
    /// The weight of each response.
    Consent {
        /// Weight consenting.
        consent: u64,
        /// Weight objecting without blocking.
        object: u64,
        /// Weight standing aside.
        stand_aside: u64,
        /// Weight blocking.
        block: u64,
    },
    /// The weight approving each option.
    Approval {
        /// One total per option.
        totals: Vec<u64>,
    },
    /// Each option's total of score times weight.
    Score {
        /// One total per option.
        totals: Vec<u64>,
        /// The highest score a ballot could give.
        max: u32,
    },
    /// The pairwise contests of a Schulze count.
    Schulze {
        /// `pairwise[a][b]`: the weight ranking `a` above `b`.
        pairwise: Vec<Vec<u64>>,
        /// `strongest_paths[a][b]`: the strength of the strongest path from `a` to `b`.
        strongest_paths: Vec<Vec<u64>>,
        /// Options in tiers, best first.
        ranking: Vec<Vec<usize>>,
    },
    /// The rounds of an instant-runoff count.
    Irv {
        /// First to last.
        rounds: Vec<IrvRound>,
    },
    /// The rounds of an STV count.
    Stv {
        /// The rules counted by.
        variant: StvVariant,
        /// Seats filled.
        seats: u32,
        /// The quota of the last round.
        quota: Fixed,
        /// First to last (none when the quorum was not met).
        rounds: Vec<StvRound>,
    },
}

/// The outcome of a motion: what was decided, on what, and by which rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The method counted by.
    pub method: Method,
    /// What became of the motion.
    pub decision: Decision,
    /// Whether the quorum was met.
    pub quorum_met: bool,
    /// Ballots cast (a delegate's ballot is one, whatever its weight).
    pub ballots: u64,
    /// Their total weight: the members they count for.
    pub weight: u64,
    /// The weight entitled to vote, when known.
    pub entitled: Option<u64>,
    /// The strongest rule the result needed.
    pub decided_by: DecidedBy,
    /// The counts behind the decision.
    pub detail: Detail,
}

impl Outcome {
    /// For a yes/no or consent motion, whether it passed (not when short of quorum); none
    /// for methods that elect options.
    pub fn passed(&self) -> Option<bool> {
        match self.decision {
            Decision::Passed => Some(true),
            Decision::Rejected | Decision::Blocked => Some(false),
            Decision::NoQuorum => self.method.has_fixed_options().then_some(false),
            Decision::Elected { .. } => None,
        }
    }

    /// The options that won, in order; empty for yes/no, consent, or no quorum.
    pub fn winners(&self) -> &[usize] {
        match &self.decision {
            Decision::Elected { winners } => winners,
            _ => &[],
        }
    }
}
