//! The rules of council democracy and of membership: types, invariants and state transitions.
//!
//! Nothing here does IO, reads a clock or knows about HTTP or SQL: callers pass times in and
//! get decisions out, so every rule is tested on its own.

pub mod council;
pub mod delegation;
pub mod federation;
pub mod handle;
pub mod ids;
pub mod language;
pub mod mandate;
pub mod minutes;
pub mod motion;
pub mod passphrase;
pub mod recall;
pub mod report;
pub mod role;
pub mod seat;
pub mod term;
pub mod vouching;
// Rapid response: emergency plans and incident records with their evidence.
pub mod emergency;
pub mod evidence;
pub mod incident;
pub use ids::{EvidenceId, IncidentId, PlanId};
// Publications: statements and leaflets, with comments.
pub mod publication;
pub use ids::PublicationId;
// Strikes: the strike, its picket rota and its fund's double-entry ledger.
pub mod ledger;
pub mod strike;
pub use ids::{MovementId, ShiftId, StrikeId};

pub use council::{Council, CouncilKind, CouncilName, CouncilSettings, Slug};
pub use delegation::{DelegationRules, VoteWeighting, consecutive_terms, delegate_weights};
pub use federation::{FederationError, FederationGraph};
pub use handle::Handle;
pub use ids::{
    AmendmentId, CommentId, CouncilId, DelegateId, ElectionId, InvitationId, MemberId, MotionId,
    PushSubscriptionId, RecallId, ReportId, SessionId,
};
pub use language::Language;
pub use mandate::{
    MandateCheck, MandateChoice, MandateError, MandatePolicy, VoteDecision, apply_policy,
    check_vote,
};
pub use minutes::{ChainBreak, MinutesEntry, MinutesEvent, verify_chain};
pub use motion::{
    BallotError, Choice, CountError, Decision, Detail, Method, MotionError, MotionKind,
    MotionRules, MotionText, Outcome, Phase, Secrecy, StvVariant, count,
};
pub use passphrase::Passphrase;
pub use recall::{
    Recall, RecallError, RecallMode, RecallRules, RecallState, RecallStep, RecallThreshold,
};
pub use role::{Action, MembershipStatus, Role, Standing};
pub use seat::SeatRule;
pub use term::{Term, TermCap, TermError, may_stand};
// Gatherings: protests and events, mutual aid.
pub mod event;
pub mod event_ics;
pub mod mutual_aid;
pub use event::EventId;
pub use mutual_aid::AidId;
// Workplace grievances: the case, its pay claim.
pub mod grievance;
pub mod grievance_pay;
pub use ids::{GrievanceDeadlineId, GrievanceId};
