//! The delivery port: telling members that something needs them (live in their open pages, by
//! Web Push, by email), and plain mail to people who are not members (an emergency plan's
//! contacts).
//!
//! A notice carries no details of what happened: only what kind of thing needs the member,
//! which council, what it concerns and where to look. Push services and mail servers are not
//! private, and an open page fetches the details itself, in its reader's language, with the
//! reader's own session.

use async_trait::async_trait;
use councils_domain::{CouncilId, MemberId};
use thiserror::Error;

/// What a member is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub council: CouncilId,
    /// The id of what it concerns (a report's id), for the live stream's `report_id`.
    pub subject: String,
    /// Where to look: a path on this instance, such as `/reports/{id}`.
    pub path: String,
}

/// The kinds of notice. The code is the live stream's event name and a translation key's tail.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// A report came in for the council's verifiers.
    ReportFiled,
    /// A verifier took a report, asked for more, or answered it: the reporter is told.
    ReportChanged,
    /// A report was confirmed: an alert for the responders.
    AlertRaised,
    /// An update to an alert, or a responder on their way.
    AlertUpdated,
    /// The all-clear: the alert is closed.
    AlertClosed,
    /// A member's emergency plan was set off: the committee's legal role is told.
    PlanTriggered,
    /// A grievance was filed: the committee's organisers are told.
    GrievanceFiled,
    /// An organiser was assigned a grievance.
    GrievanceAssigned,
    /// A deadline of a grievance came due: its assignee is told.
    GrievanceDeadlineDue,
    /// The filer answered or added to a grievance: its assignee (or the organisers) are told.
    GrievanceAnswered,
    /// An organiser asked the named filer of a grievance a question.
    GrievanceQuestion,
    /// A council published a publication: its members are told.
    PublicationPublished,
    /// Someone replied to a member's comment on a publication.
    PublicationReplied,
    /// A picket shift a member signed up to starts soon.
    PicketReminder,
    /// An update to an event: those who said they are coming or took a role are told.
    EventUpdated,
    /// Someone answered a mutual-aid post: its poster is told.
    AidMatched,
    /// Voting opened on a motion of a council the member belongs to.
    VotingOpened,
    /// A higher council's vote opened: the constituent's members can give their delegates a
    /// mandate.
    MandateWanted,
}

impl NoticeKind {
    /// Every kind, so that what crosses processes by code (the PostgreSQL relay) is read back
    /// whatever its kind. A new kind must be added here, or it is dropped between processes.
    pub const ALL: [NoticeKind; 18] = [
        NoticeKind::ReportFiled,
        NoticeKind::ReportChanged,
        NoticeKind::AlertRaised,
        NoticeKind::AlertUpdated,
        NoticeKind::AlertClosed,
        NoticeKind::PlanTriggered,
        NoticeKind::GrievanceFiled,
        NoticeKind::GrievanceAssigned,
        NoticeKind::GrievanceDeadlineDue,
        NoticeKind::GrievanceAnswered,
        NoticeKind::GrievanceQuestion,
        NoticeKind::PicketReminder,
        NoticeKind::EventUpdated,
        NoticeKind::AidMatched,
        NoticeKind::VotingOpened,
        NoticeKind::MandateWanted,
        NoticeKind::PublicationPublished,
        NoticeKind::PublicationReplied,
    ];

    /// The code in the live stream and in translation keys (`notice-alert-raised`).
    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::ReportFiled => "report-filed",
            NoticeKind::ReportChanged => "report-changed",
            NoticeKind::AlertRaised => "alert-raised",
            NoticeKind::AlertUpdated => "alert-updated",
            NoticeKind::AlertClosed => "alert-closed",
            NoticeKind::PlanTriggered => "plan-triggered",
            NoticeKind::GrievanceFiled => "grievance-filed",
            NoticeKind::GrievanceAssigned => "grievance-assigned",
            NoticeKind::GrievanceDeadlineDue => "grievance-deadline-due",
            NoticeKind::GrievanceAnswered => "grievance-answered",
            NoticeKind::GrievanceQuestion => "grievance-question",
            NoticeKind::PublicationPublished => "publication-published",
            NoticeKind::PublicationReplied => "publication-replied",
            NoticeKind::PicketReminder => "picket-reminder",
            NoticeKind::EventUpdated => "event-updated",
            NoticeKind::AidMatched => "aid-matched",
            NoticeKind::VotingOpened => "voting-opened",
            NoticeKind::MandateWanted => "mandate-wanted",
        }
    }

    /// Whether it comes at once whatever the member chose for other kinds (alerts do).
    pub fn is_urgent(self) -> bool {
        !matches!(
            self,
            NoticeKind::ReportChanged
                | NoticeKind::VotingOpened
                | NoticeKind::MandateWanted
                | NoticeKind::GrievanceFiled
                | NoticeKind::GrievanceAssigned
                | NoticeKind::GrievanceDeadlineDue
                | NoticeKind::GrievanceAnswered
                | NoticeKind::GrievanceQuestion
                | NoticeKind::PublicationPublished
                | NoticeKind::PublicationReplied
                | NoticeKind::PicketReminder
                | NoticeKind::EventUpdated
                | NoticeKind::AidMatched
        )
    }

    /// The topic a member chooses how to hear about (live only, push, email or a digest).
    /// Urgent kinds come at once whatever was chosen.
    pub fn topic(self) -> NoticeTopic {
        match self {
            NoticeKind::ReportFiled
            | NoticeKind::ReportChanged
            | NoticeKind::AlertRaised
            | NoticeKind::AlertUpdated
            | NoticeKind::AlertClosed
            | NoticeKind::PlanTriggered => NoticeTopic::Alerts,
            NoticeKind::GrievanceFiled
            | NoticeKind::GrievanceAssigned
            | NoticeKind::GrievanceDeadlineDue
            | NoticeKind::GrievanceAnswered
            | NoticeKind::GrievanceQuestion => NoticeTopic::Grievances,
            NoticeKind::PublicationPublished | NoticeKind::PublicationReplied => {
                NoticeTopic::Publications
            }
            NoticeKind::PicketReminder => NoticeTopic::Events,
            NoticeKind::EventUpdated => NoticeTopic::Events,
            NoticeKind::AidMatched => NoticeTopic::MutualAid,
            NoticeKind::VotingOpened => NoticeTopic::Motions,
            NoticeKind::MandateWanted => NoticeTopic::Mandates,
        }
    }
}

/// What a member chooses, per topic, how to hear about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoticeTopic {
    Alerts,
    Motions,
    Mandates,
    Grievances,
    Events,
    MutualAid,
    Publications,
}

impl NoticeTopic {
    /// Every topic, in the order the settings page lists them.
    pub const ALL: [NoticeTopic; 7] = [
        NoticeTopic::Alerts,
        NoticeTopic::Motions,
        NoticeTopic::Mandates,
        NoticeTopic::Grievances,
        NoticeTopic::Events,
        NoticeTopic::MutualAid,
        NoticeTopic::Publications,
    ];

    /// The code in storage and translation keys (`notice-topic-mutual-aid`).
    pub fn code(self) -> &'static str {
        match self {
            NoticeTopic::Alerts => "alerts",
            NoticeTopic::Motions => "motions",
            NoticeTopic::Mandates => "mandates",
            NoticeTopic::Grievances => "grievances",
            NoticeTopic::Events => "events",
            NoticeTopic::MutualAid => "mutual-aid",
            NoticeTopic::Publications => "publications",
        }
    }
}

/// Tells members about notices. Delivery is best effort and never fails the use case that
/// caused it: the record is already committed, and the member sees it on their next page.
/// Implementations log failures without personal data.
#[async_trait]
pub trait Notifier: Send + Sync {
    /// Tells each of `members` about `notice`.
    async fn notify(&self, members: &[MemberId], notice: &Notice);
}

/// A notifier that tells no one, for tools that run no server (admin commands, the tally).
pub struct NoNotifier;

#[async_trait]
impl Notifier for NoNotifier {
    async fn notify(&self, _members: &[MemberId], _notice: &Notice) {}
}

/// A mail to one address. One mail per recipient: recipients never see each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
}

/// Why a mail was not sent.
#[derive(Debug, Error)]
pub enum MailError {
    /// The operator configured no mail server.
    #[error("no mail server configured")]
    NotConfigured,
    /// The address is not one a mail can go to.
    #[error("not a mail address")]
    BadAddress,
    /// The mail server refused or could not be reached. The message names no recipient.
    #[error("mail not sent: {0}")]
    Failed(String),
}

/// Sends plain mail.
#[async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, mail: &Mail) -> Result<(), MailError>;
}

/// A mailer for an instance whose operator configured no mail server.
pub struct NoMailer;

#[async_trait]
impl Mailer for NoMailer {
    async fn send(&self, _mail: &Mail) -> Result<(), MailError> {
        Err(MailError::NotConfigured)
    }
}

#[cfg(test)]
mod tests {
    use super::NoticeKind;

    #[test]
    fn every_listed_kind_has_a_code_of_its_own() {
        let mut codes: Vec<&str> = NoticeKind::ALL.iter().map(|k| k.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), NoticeKind::ALL.len());
    }
}
