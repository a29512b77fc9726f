//! Tally engine of councils: voting methods, quorum and majority rules, and aggregation of votes
//! up a federation of councils.
//!
//! The crate is pure: no IO, no clock, no threads. Every method takes weighted ballots (a
//! delegate carries the weight of the members it represents) and every result says which rule
//! decided it ([`DecidedBy`]) and whether the quorum was met. Ties are broken by a documented
//! deterministic rule: earlier rounds first where a method has rounds, then lot drawn from a
//! seeded generator whose seed the result records ([`tiebreak`]).
//!
//! Ballots are counted from compact forms ([`compact`]) rather than row by row through objects;
//! each compact form has constructors from plain ballots.

#![warn(missing_docs)]

pub mod ballot;
pub mod cli;
pub mod compact;
pub mod decimal;
pub mod error;
pub mod federation;
pub mod method;
pub mod rules;
pub mod tiebreak;
pub mod weighted;

pub use error::TallyError;
pub use rules::Rules;
pub use tiebreak::DecidedBy;
pub use weighted::{Weight, Weighted};
