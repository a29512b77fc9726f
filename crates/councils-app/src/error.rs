//! The one error type of the use cases. Each variant has a stable code that is also the
//! translation key of the message shown to the person.

use crate::ports::StoreError;
use councils_domain::council::SlugError;
use councils_domain::emergency::PlanError;
use councils_domain::evidence::EvidenceError;
use councils_domain::federation::FederationError;
use councils_domain::grievance::GrievanceError;
use councils_domain::handle::HandleError;
use councils_domain::incident::IncidentError;
use councils_domain::motion::{BallotError, MotionError, OptionsError, TextError};
use councils_domain::passphrase::PassphraseError;
use councils_domain::report::ReportError;
use councils_domain::{MandateError, RecallError, TermError};
use thiserror::Error;

/// Why a use case did not happen. Nothing was changed when one of these is returned.
#[derive(Debug, Error)]
pub enum AppError {
    #[error("not signed in")]
    NotSignedIn,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invitation not valid")]
    InvitationInvalid,
    #[error("invitation already used")]
    InvitationUsed,
    #[error("invitation expired")]
    InvitationExpired,
    #[error("handle taken")]
    HandleTaken,
    #[error("slug taken")]
    SlugTaken,
    #[error(transparent)]
    Handle(#[from] HandleError),
    #[error(transparent)]
    Passphrase(#[from] PassphraseError),
    #[error(transparent)]
    Slug(#[from] SlugError),
    #[error(transparent)]
    Federation(#[from] FederationError),
    #[error("wrong handle or passphrase")]
    SignInFailed,
    #[error("too many sign-in attempts")]
    SignInThrottled { retry_after_minutes: i64 },
    #[error("wrong passphrase")]
    WrongPassphrase,
    #[error("already vouched")]
    AlreadyVouched,
    #[error("already a member")]
    AlreadyMember,
    #[error("last organiser")]
    LastOrganiser,
    #[error("a field is too long")]
    FieldTooLong,
    #[error("a required field is empty")]
    FieldMissing,
    #[error("a value is not one of those offered")]
    BadValue,
    #[error(transparent)]
    Motion(#[from] MotionError),
    #[error(transparent)]
    MotionText(#[from] TextError),
    #[error(transparent)]
    Options(#[from] OptionsError),
    #[error(transparent)]
    Ballot(#[from] BallotError),
    /// Someone else moved the motion on first (voting closed, amendment already decided).
    #[error("the motion changed meanwhile")]
    MotionChanged,
    #[error("the motion is not voting")]
    NotVoting,
    #[error(transparent)]
    Mandate(#[from] MandateError),
    #[error(transparent)]
    Recall(#[from] RecallError),
    #[error(transparent)]
    Term(#[from] TermError),
    /// In a higher council only delegates of its constituents vote (unless a referendum).
    #[error("only delegates vote in this council")]
    DelegatesOnly,
    /// The higher council named is not one this council sends delegates to.
    #[error("not a higher council of this council")]
    NotAParent,
    /// A recall of this delegate is already open, or the delegate no longer sits.
    #[error("a recall is already open or the delegate no longer sits")]
    RecallOpen,
    /// A referendum needs a council with constituents, before voting opens.
    #[error("this motion cannot be put to a referendum")]
    NoReferendum,
    /// A candidate already sits in the higher council as delegate of another constituent.
    #[error("the candidate already sits in that council for another council")]
    SeatedForAnother,
    /// Voting on a motion waits while an amendment to it is being voted on.
    #[error("an amendment to this motion is being voted on")]
    AmendmentPending,
    #[error(transparent)]
    Report(#[from] ReportError),
    /// A push subscription a browser sent is not one the server can deliver to.
    #[error("not a push subscription this server can use")]
    PushSubscriptionInvalid,
    #[error(transparent)]
    Plan(#[from] PlanError),
    #[error(transparent)]
    Incident(#[from] IncidentError),
    #[error(transparent)]
    Evidence(#[from] EvidenceError),
    #[error(transparent)]
    Event(#[from] councils_domain::event::EventError),
    #[error(transparent)]
    Aid(#[from] councils_domain::mutual_aid::AidError),
    /// An export key that is neither an age public key (`age1...`) nor a passphrase.
    #[error("not an age public key")]
    ExportKey,
    #[error(transparent)]
    Grievance(#[from] GrievanceError),
    #[error(transparent)]
    Publication(#[from] councils_domain::publication::PublicationError),
    /// This server was built without the leaflets feature: no PDF can be made.
    #[error("this server was built without leaflets")]
    LeafletsNotBuilt,
    #[error(transparent)]
    Strike(#[from] councils_domain::strike::StrikeError),
    #[error(transparent)]
    Ledger(#[from] councils_domain::ledger::LedgerError),
    /// Rapid response alerts always come at once; no member chooses otherwise.
    #[error("alerts always come at once")]
    AlertsAlwaysAtOnce,
    /// Mail was chosen by a member who gave no email.
    #[error("no email to send to")]
    MailWithoutEmail,
    /// Something broke on the server. The cause is logged with the request id, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    /// The stable code of this error, also its translation key.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotSignedIn => "not-signed-in",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not-found",
            AppError::InvitationInvalid => "invitation-invalid",
            AppError::InvitationUsed => "invitation-used",
            AppError::InvitationExpired => "invitation-expired",
            AppError::HandleTaken => "handle-taken",
            AppError::SlugTaken => "slug-taken",
            AppError::Handle(e) => e.code(),
            AppError::Passphrase(e) => e.code(),
            AppError::Slug(_) => "slug-invalid",
            AppError::Federation(e) => e.code(),
            AppError::SignInFailed => "sign-in-failed",
            AppError::SignInThrottled { .. } => "sign-in-throttled",
            AppError::WrongPassphrase => "wrong-passphrase",
            AppError::AlreadyVouched => "already-vouched",
            AppError::AlreadyMember => "already-member",
            AppError::LastOrganiser => "last-organiser",
            AppError::FieldTooLong => "field-too-long",
            AppError::FieldMissing => "field-missing",
            AppError::BadValue => "bad-value",
            AppError::Motion(e) => e.code(),
            AppError::MotionText(e) => e.code(),
            AppError::Options(e) => e.code(),
            AppError::Ballot(e) => e.code(),
            AppError::MotionChanged => "motion-changed",
            AppError::NotVoting => "not-voting",
            AppError::Mandate(e) => e.code(),
            AppError::Recall(e) => e.code(),
            AppError::Term(e) => e.code(),
            AppError::DelegatesOnly => "delegates-only",
            AppError::NotAParent => "not-a-parent",
            AppError::RecallOpen => "recall-open",
            AppError::NoReferendum => "no-referendum",
            AppError::AmendmentPending => "amendment-pending",
            AppError::SeatedForAnother => "seated-for-another",
            AppError::Report(e) => e.code(),
            AppError::PushSubscriptionInvalid => "push-subscription-invalid",
            AppError::Plan(e) => e.code(),
            AppError::Incident(e) => e.code(),
            AppError::Evidence(e) => e.code(),
            AppError::Event(e) => e.code(),
            AppError::Aid(e) => e.code(),
            AppError::ExportKey => "export-key",
            AppError::Grievance(e) => e.code(),
            AppError::Publication(e) => e.code(),
            AppError::LeafletsNotBuilt => "leaflets-not-built",
            AppError::Strike(e) => e.code(),
            AppError::Ledger(e) => e.code(),
            AppError::AlertsAlwaysAtOnce => "notice-alerts-fixed",
            AppError::MailWithoutEmail => "notice-mail-without-email",
            AppError::Internal(_) => "internal",
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::HandleTaken => AppError::HandleTaken,
            StoreError::SlugTaken => AppError::SlugTaken,
            StoreError::InvitationUsed => AppError::InvitationUsed,
            StoreError::AlreadyVouched => AppError::AlreadyVouched,
            StoreError::AlreadyMember => AppError::AlreadyMember,
            StoreError::LastOrganiser => AppError::LastOrganiser,
            StoreError::Conflict => AppError::MotionChanged,
            StoreError::Federation(e) => AppError::Federation(e),
            StoreError::Recall(e) => AppError::Recall(e),
            StoreError::Strike(e) => AppError::Strike(e),
            StoreError::Ledger(e) => AppError::Ledger(e),
            StoreError::Backend(message) => AppError::Internal(message),
        }
    }
}
