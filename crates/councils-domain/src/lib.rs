//! The rules of council democracy and of membership: types, invariants and state transitions.
//!
//! Nothing here does IO, reads a clock or knows about HTTP or SQL: callers pass times in and
//! get decisions out, so every rule is tested on its own.

pub mod council;
pub mod federation;
pub mod handle;
pub mod ids;
pub mod language;
pub mod minutes;
pub mod passphrase;
pub mod role;
pub mod seat;
pub mod vouching;

pub use council::{Council, CouncilKind, CouncilName, CouncilSettings, Slug};
pub use federation::{FederationError, FederationGraph};
pub use handle::Handle;
pub use ids::{CouncilId, InvitationId, MemberId, SessionId};
pub use language::Language;
pub use minutes::{ChainBreak, MinutesEntry, MinutesEvent, verify_chain};
pub use passphrase::Passphrase;
pub use role::{Action, MembershipStatus, Role, Standing};
pub use seat::SeatRule;
