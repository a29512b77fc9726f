//! A report's verification and its alert, as a state machine:
//!
//! ```text
//! filed --take ("I'm going")--> taken --confirm--> confirmed (the alert) --all-clear--> closed
//!   |                             |  \--false alarm--> false-alarm
//!   |                             \--ask for more--> more-info --reporter adds--> taken
//!   \--a verifier decides at once (taking it)
//! ```
//!
//! Only the verifier who took a report (or an organiser) answers it once taken; responders
//! answer only a confirmed report, and only until the all-clear.

use super::ReportError;
use crate::MemberId;

/// Where a report stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportState {
    /// Filed, waiting for a verifier.
    Filed,
    /// A verifier is on their way to see.
    Taken,
    /// The verifier asked the reporter for more.
    MoreInfo,
    /// Confirmed: an alert, open to responders.
    Confirmed,
    /// Seen and found to be nothing; reaches no responder.
    FalseAlarm,
    /// The all-clear was given; the alert is over.
    Closed,
}

impl ReportState {
    /// Every state, in order.
    pub const ALL: [ReportState; 6] = [
        ReportState::Filed,
        ReportState::Taken,
        ReportState::MoreInfo,
        ReportState::Confirmed,
        ReportState::FalseAlarm,
        ReportState::Closed,
    ];

    /// The code in storage, the API and translation keys (`report-state-confirmed`).
    pub fn code(self) -> &'static str {
        match self {
            ReportState::Filed => "filed",
            ReportState::Taken => "taken",
            ReportState::MoreInfo => "more-info",
            ReportState::Confirmed => "confirmed",
            ReportState::FalseAlarm => "false-alarm",
            ReportState::Closed => "closed",
        }
    }

    /// Reads a state code.
    pub fn from_code(code: &str) -> Option<Self> {
        ReportState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether it is still waiting for a verifier's answer.
    pub fn is_unverified(self) -> bool {
        matches!(
            self,
            ReportState::Filed | ReportState::Taken | ReportState::MoreInfo
        )
    }

    /// Whether it was confirmed: an alert, open or closed.
    pub fn is_alert(self) -> bool {
        matches!(self, ReportState::Confirmed | ReportState::Closed)
    }
}

/// A verifier's answer to a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Confirm,
    FalseAlarm,
    AskMore,
}

impl Decision {
    /// Reads the API's and the form's outcome: `confirmed`, `false_alarm`, `more_info`.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "confirmed" | "confirm" => Some(Decision::Confirm),
            "false_alarm" | "false-alarm" => Some(Decision::FalseAlarm),
            "more_info" | "more-info" => Some(Decision::AskMore),
            _ => None,
        }
    }
}

/// What a responder goes to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResponseRole {
    /// Observes and takes notes for the lawyers.
    LegalObserver,
    /// Documents what happens (never officers' faces or plates).
    Documentation,
    /// Stays with the family of those taken.
    FamilyAccompaniment,
    /// Supports from home: calls, childcare, the hotline.
    SupportAtHome,
}

impl ResponseRole {
    /// Every role, in the order offered.
    pub const ALL: [ResponseRole; 4] = [
        ResponseRole::LegalObserver,
        ResponseRole::Documentation,
        ResponseRole::FamilyAccompaniment,
        ResponseRole::SupportAtHome,
    ];

    /// The code in storage, the API and translation keys (`response-role-legal-observer`).
    pub fn code(self) -> &'static str {
        match self {
            ResponseRole::LegalObserver => "legal-observer",
            ResponseRole::Documentation => "documentation",
            ResponseRole::FamilyAccompaniment => "family-accompaniment",
            ResponseRole::SupportAtHome => "support-at-home",
        }
    }

    /// Reads a role code (dashes or underscores).
    pub fn from_code(code: &str) -> Option<Self> {
        let code = code.replace('_', "-");
        ResponseRole::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// An entry of a report's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UpdateKind {
    Filed,
    Taken,
    MoreInfoAsked,
    InfoAdded,
    Confirmed,
    FalseAlarm,
    /// A responder is on their way (the role is in the response).
    OnMyWay,
    /// An update to the alert.
    Update,
    /// The all-clear, with the outcome.
    Closed,
}

impl UpdateKind {
    /// Every kind.
    pub const ALL: [UpdateKind; 9] = [
        UpdateKind::Filed,
        UpdateKind::Taken,
        UpdateKind::MoreInfoAsked,
        UpdateKind::InfoAdded,
        UpdateKind::Confirmed,
        UpdateKind::FalseAlarm,
        UpdateKind::OnMyWay,
        UpdateKind::Update,
        UpdateKind::Closed,
    ];

    /// The code in storage, the API and translation keys (`timeline-confirmed`).
    pub fn code(self) -> &'static str {
        match self {
            UpdateKind::Filed => "filed",
            UpdateKind::Taken => "taken",
            UpdateKind::MoreInfoAsked => "more-info-asked",
            UpdateKind::InfoAdded => "info-added",
            UpdateKind::Confirmed => "confirmed",
            UpdateKind::FalseAlarm => "false-alarm",
            UpdateKind::OnMyWay => "on-my-way",
            UpdateKind::Update => "update",
            UpdateKind::Closed => "closed",
        }
    }

    /// Reads a kind code.
    pub fn from_code(code: &str) -> Option<Self> {
        UpdateKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// A report's verification: where it stands and who took it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    pub state: ReportState,
    pub verifier: Option<MemberId>,
}

impl Verification {
    /// A report just filed.
    pub fn filed() -> Self {
        Self {
            state: ReportState::Filed,
            verifier: None,
        }
    }

    /// Whether `who` may answer it now: the verifier who took it, an organiser, or anyone
    /// allowed to verify while nobody has taken it.
    fn may_answer(&self, who: &MemberId, organiser: bool) -> Result<(), ReportError> {
        match &self.verifier {
            Some(verifier) if verifier != who && !organiser => Err(ReportError::TakenByAnother),
            _ => Ok(()),
        }
    }

    /// A verifier says "I'm going". Taking it again is a no-op for the same verifier.
    pub fn take(&self, who: &MemberId, organiser: bool) -> Result<Self, ReportError> {
        if !self.state.is_unverified() {
            return Err(ReportError::WrongStep);
        }
        self.may_answer(who, organiser)?;
        Ok(Self {
            state: ReportState::Taken,
            verifier: Some(who.clone()),
        })
    }

    /// A verifier answers: confirmed, false alarm, or more asked of the reporter. Answering a
    /// report nobody took takes it.
    pub fn decide(
        &self,
        who: &MemberId,
        organiser: bool,
        decision: Decision,
    ) -> Result<Self, ReportError> {
        if !self.state.is_unverified() {
            return Err(ReportError::WrongStep);
        }
        self.may_answer(who, organiser)?;
        let state = match decision {
            Decision::Confirm => ReportState::Confirmed,
            Decision::FalseAlarm => ReportState::FalseAlarm,
            Decision::AskMore => ReportState::MoreInfo,
        };
        Ok(Self {
            state,
            verifier: self.verifier.clone().or_else(|| Some(who.clone())),
        })
    }

    /// The reporter adds to their report before it is answered; a report waiting for more
    /// goes back to its verifier.
    pub fn add_info(&self) -> Result<Self, ReportError> {
        match self.state {
            ReportState::Filed | ReportState::Taken => Ok(self.clone()),
            ReportState::MoreInfo => Ok(Self {
                state: ReportState::Taken,
                verifier: self.verifier.clone(),
            }),
            _ => Err(ReportError::WrongStep),
        }
    }

    /// A responder answers "on my way", or anyone allowed posts an update: only while the
    /// alert is open.
    pub fn check_open_alert(&self) -> Result<(), ReportError> {
        if self.state == ReportState::Confirmed {
            Ok(())
        } else {
            Err(ReportError::WrongStep)
        }
    }

    /// The all-clear, by the verifier or an organiser.
    pub fn close(&self, who: &MemberId, organiser: bool) -> Result<Self, ReportError> {
        self.check_open_alert()?;
        self.may_answer(who, organiser)?;
        Ok(Self {
            state: ReportState::Closed,
            verifier: self.verifier.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str) -> MemberId {
        MemberId::new(id)
    }

    #[test]
    fn a_taken_report_is_confirmed_by_its_verifier_and_closed() {
        let v = Verification::filed().take(&m("vera"), false).unwrap();
        assert_eq!(v.state, ReportState::Taken);
        let v = v.decide(&m("vera"), false, Decision::Confirm).unwrap();
        assert_eq!(v.state, ReportState::Confirmed);
        assert!(v.check_open_alert().is_ok());
        let v = v.close(&m("vera"), false).unwrap();
        assert_eq!(v.state, ReportState::Closed);
        assert_eq!(v.check_open_alert(), Err(ReportError::WrongStep));
    }

    #[test]
    fn another_verifier_cannot_answer_a_taken_report_but_an_organiser_can() {
        let v = Verification::filed().take(&m("vera"), false).unwrap();
        assert_eq!(
            v.decide(&m("victor"), false, Decision::Confirm),
            Err(ReportError::TakenByAnother)
        );
        assert_eq!(
            v.take(&m("victor"), false),
            Err(ReportError::TakenByAnother)
        );
        let v = v.decide(&m("olga"), true, Decision::FalseAlarm).unwrap();
        assert_eq!(v.state, ReportState::FalseAlarm);
        assert_eq!(v.verifier, Some(m("vera")));
    }

    #[test]
    fn answering_an_untaken_report_takes_it() {
        let v = Verification::filed()
            .decide(&m("vera"), false, Decision::Confirm)
            .unwrap();
        assert_eq!(v.verifier, Some(m("vera")));
    }

    #[test]
    fn a_false_alarm_can_never_become_an_alert() {
        let v = Verification::filed()
            .decide(&m("vera"), false, Decision::FalseAlarm)
            .unwrap();
        assert_eq!(
            v.decide(&m("vera"), false, Decision::Confirm),
            Err(ReportError::WrongStep)
        );
        assert_eq!(v.check_open_alert(), Err(ReportError::WrongStep));
        assert_eq!(v.close(&m("vera"), false), Err(ReportError::WrongStep));
        assert!(!v.state.is_alert());
    }

    #[test]
    fn more_info_goes_back_to_the_verifier_when_the_reporter_adds_to_it() {
        let v = Verification::filed()
            .take(&m("vera"), false)
            .unwrap()
            .decide(&m("vera"), false, Decision::AskMore)
            .unwrap();
        assert_eq!(v.state, ReportState::MoreInfo);
        let v = v.add_info().unwrap();
        assert_eq!(v.state, ReportState::Taken);
        assert_eq!(v.verifier, Some(m("vera")));
        let confirmed = v.decide(&m("vera"), false, Decision::Confirm).unwrap();
        assert_eq!(confirmed.add_info(), Err(ReportError::WrongStep));
    }

    #[test]
    fn nobody_responds_to_a_report_before_it_is_confirmed() {
        let v = Verification::filed().take(&m("vera"), false).unwrap();
        assert_eq!(v.check_open_alert(), Err(ReportError::WrongStep));
    }

    #[test]
    fn codes_round_trip() {
        for s in ReportState::ALL {
            assert_eq!(ReportState::from_code(s.code()), Some(s));
        }
        for r in ResponseRole::ALL {
            assert_eq!(ResponseRole::from_code(r.code()), Some(r));
        }
        for k in UpdateKind::ALL {
            assert_eq!(UpdateKind::from_code(k.code()), Some(k));
        }
        assert_eq!(
            ResponseRole::from_code("legal_observer"),
            Some(ResponseRole::LegalObserver)
        );
        assert_eq!(
            Decision::from_code("false_alarm"),
            Some(Decision::FalseAlarm)
        );
    }
}
