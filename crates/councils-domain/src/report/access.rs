//! Who may do what with a committee's reports. Nothing is ever public: a report is read by
//! the committee's verifiers and organisers and by its reporter; once confirmed, its alert is
//! read by the committee's responders too (and by responders of the neighbouring committees it
//! chose). A false alarm reaches no responder.

use super::ReportState;
use crate::{Role, Standing};

/// Filing: any active member of the committee (a hotline volunteer files for a caller).
pub fn may_file(standing: &Standing) -> bool {
    matches!(standing, Standing::Active(_))
}

/// Taking and answering reports: verifiers and organisers.
pub fn may_verify(standing: &Standing) -> bool {
    standing.holds(Role::Verifier) || standing.holds(Role::Organiser)
}

/// Answering an alert "on my way": responders.
pub fn may_respond(standing: &Standing) -> bool {
    standing.holds(Role::Responder)
}

/// Reading a report in `state` of this committee: verifiers and organisers always; responders
/// once it is an alert; the reporter always their own.
pub fn may_read(standing: &Standing, state: ReportState, is_reporter: bool) -> bool {
    if !matches!(standing, Standing::Active(_)) {
        return false;
    }
    is_reporter || may_verify(standing) || (state.is_alert() && may_respond(standing))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn active(roles: &[Role]) -> Standing {
        let mut all = vec![Role::Member];
        all.extend_from_slice(roles);
        Standing::Active(all)
    }

    #[test]
    fn a_plain_member_files_but_reads_only_their_own_report() {
        let member = active(&[]);
        assert!(may_file(&member));
        assert!(!may_read(&member, ReportState::Filed, false));
        assert!(!may_read(&member, ReportState::Confirmed, false));
        assert!(may_read(&member, ReportState::Filed, true));
    }

    #[test]
    fn responders_read_alerts_but_not_unverified_reports_or_false_alarms() {
        let responder = active(&[Role::Responder]);
        assert!(!may_read(&responder, ReportState::Filed, false));
        assert!(!may_read(&responder, ReportState::Taken, false));
        assert!(!may_read(&responder, ReportState::FalseAlarm, false));
        assert!(may_read(&responder, ReportState::Confirmed, false));
        assert!(may_read(&responder, ReportState::Closed, false));
        assert!(may_respond(&responder));
        assert!(!may_verify(&responder));
    }

    #[test]
    fn verifiers_and_organisers_read_everything_of_their_committee() {
        for standing in [active(&[Role::Verifier]), active(&[Role::Organiser])] {
            assert!(may_verify(&standing));
            for state in ReportState::ALL {
                assert!(may_read(&standing, state, false));
            }
        }
    }

    #[test]
    fn outsiders_and_pending_members_read_and_file_nothing() {
        for standing in [Standing::Outsider, Standing::Pending] {
            assert!(!may_file(&standing));
            assert!(!may_verify(&standing));
            for state in ReportState::ALL {
                assert!(!may_read(&standing, state, true));
            }
        }
    }
}
