//! Compact in-memory forms of many ballots, so that counting runs over flat arrays rather than
//! row by row through objects.

mod approval;
mod ranked;
mod score;

pub use approval::ApprovalBallots;
pub use ranked::{RankedBallots, RankedEntry};
pub use score::ScoreBallots;

/// The most candidates a compact form indexes (candidates are stored as 15-bit numbers).
pub const MAX_CANDIDATES: usize = 0x7FFF;
