//! Aggregation of votes up a federation of councils: the graph of councils, delegates' votes
//! weighted by the members they represent, and referendums counted across a whole subtree.

mod aggregate;
mod graph;
mod referendum;

pub use aggregate::{DelegateVote, DelegateWeighting, FederatedTally};
pub use graph::{CouncilIndex, Federation, FederationBuilder};
pub use referendum::MemberBallot;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A council's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CouncilId(pub u64);

/// A base council member's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemberId(pub u64);

/// Why a federation or a vote up it is not valid.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FederationError {
    /// Two councils with one id.
    #[error("council {0:?} is added twice")]
    DuplicateCouncil(CouncilId),
    /// An id that names no council.
    #[error("council {0:?} does not exist")]
    UnknownCouncil(CouncilId),
    /// Base councils have members, not constituent councils.
    #[error("base council {0:?} cannot have constituent councils")]
    BaseWithConstituents(CouncilId),
    /// A council that would be its own constituent, directly or not.
    #[error("the councils form a cycle through {0:?}")]
    Cycle(CouncilId),
    /// A delegate from a council that does not send delegates to this one.
    #[error("council {from:?} is not a constituent of {to:?}")]
    NotAConstituent {
        /// The delegate's council.
        from: CouncilId,
        /// The council voting.
        to: CouncilId,
    },
    /// A delegate seat number beyond the seats of the council.
    #[error("council {from:?} has {seats} seats, not a seat {seat}")]
    NoSuchSeat {
        /// The delegate's council.
        from: CouncilId,
        /// The seat given.
        seat: u32,
        /// The seats it has.
        seats: u32,
    },
    /// Two votes for one delegate seat, or two ballots from one member of one council.
    #[error("two votes from one seat or member of council {0:?}")]
    DuplicateVote(CouncilId),
    /// A count per council that does not have one entry per council.
    #[error("{got} counts for {councils} councils")]
    WrongCountLength {
        /// Entries given.
        got: usize,
        /// Councils in the federation.
        councils: usize,
    },
    /// The rules could not be applied.
    #[error(transparent)]
    Tally(#[from] crate::TallyError),
}
