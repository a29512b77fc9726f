//! Use cases and authorisation: what a signed-in member (or the operator) may do, and doing it.
//!
//! Ports are traits ([`ports::Store`], [`clock::Clock`]); the store crate implements them and the
//! server wires them in. Each use case checks who is asking, applies the domain's rules, and
//! hands one transaction to the store.

pub mod account;
pub mod actor;
pub mod amendment_vote;
pub mod app;
pub mod ballot;
pub mod clock;
pub mod council;
pub mod crypto;
pub mod delivery;
pub mod democracy;
pub mod error;
pub mod event;
pub mod federation;
pub mod grievance;
pub mod invitation;
pub mod join;
pub mod live;
pub mod membership;
pub mod minutes;
pub mod motion;
mod motion_notices;
pub mod mutual_aid;
pub mod notices;
pub mod ports;
pub mod publication;
pub mod push;
pub mod rapid_response;
pub mod read_cache;
pub mod records;
pub mod session;
pub mod strike;
pub mod throttle;

pub use actor::Actor;
pub use app::{App, AppConfig};
pub use clock::{Clock, SystemClock};
pub use crypto::{FieldCipher, Secret, SessionToken};
pub use error::AppError;
pub use ports::{
    CouncilStore, FederationStore, InvitationStore, MemberStore, SessionStore, Store, StoreError,
};
