//! Grievances of a workplace committee: what kind of wrong, the filer's statement, the case's
//! status, who may read a case, and how long a closed one is kept. The pay owed in a
//! wage-theft case is in [`crate::grievance_pay`].

use crate::role::{Role, Standing};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Longest "what happened", in characters.
pub const WHAT_MAX: usize = 8_000;
/// Longest "when", in characters.
pub const WHEN_MAX: usize = 200;
/// Longest "who else was affected" and "what they want", in characters.
pub const PEOPLE_MAX: usize = 2_000;
pub const WANTED_MAX: usize = 2_000;
/// Longest note on a case's timeline, and a deadline's label.
pub const NOTE_MAX: usize = 4_000;
pub const LABEL_MAX: usize = 200;
/// A resolved or dropped grievance is deleted this many days after it was closed. Six months
/// is the time within which a charge is usually brought to a labour board; a committee that
/// needs a case longer keeps it open (or files an incident record for its legal team).
pub const CLOSED_KEEP_DAYS: i64 = 180;

/// Why a grievance, a note or a deadline was refused. Each code is also its translation key.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum GrievanceError {
    /// What happened, or what they want, was left empty.
    #[error("what happened and what you want are needed")]
    Missing,
    #[error("a part of the grievance is too long")]
    TooLong,
    /// A note, an answer or a deadline's label was empty.
    #[error("the note is empty")]
    EmptyNote,
    /// A deadline's date is not a date (`YYYY-MM-DD`).
    #[error("not a date")]
    BadDate,
    /// The assignee is not an organiser of the committee.
    #[error("not an organiser of this committee")]
    NotAnOrganiser,
    /// A collective grievance needs at least two grievances that are not in one already.
    #[error("a collective grievance joins two or more grievances")]
    CollectiveTooSmall,
    /// The grievance was already escalated into a motion.
    #[error("already escalated")]
    AlreadyEscalated,
    /// An amount, a number of hours or a currency that cannot be read.
    #[error("not an amount")]
    BadAmount,
    /// More pay lines than a calculation holds, or an amount too large.
    #[error("the calculation is too large")]
    PayTooLarge,
}

impl GrievanceError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            GrievanceError::Missing => "grievance-missing",
            GrievanceError::TooLong => "grievance-too-long",
            GrievanceError::EmptyNote => "grievance-empty-note",
            GrievanceError::BadDate => "grievance-bad-date",
            GrievanceError::NotAnOrganiser => "grievance-not-an-organiser",
            GrievanceError::CollectiveTooSmall => "grievance-collective-too-small",
            GrievanceError::AlreadyEscalated => "grievance-already-escalated",
            GrievanceError::BadAmount => "grievance-bad-amount",
            GrievanceError::PayTooLarge => "grievance-pay-too-large",
        }
    }
}

/// What kind of wrong a grievance is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GrievanceKind {
    WageTheft,
    UnpaidOvertime,
    Harassment,
    SexualHarassment,
    Discrimination,
    UnsafeWork,
    Retaliation,
    Other,
}

impl GrievanceKind {
    /// Every kind, in the order the form offers them.
    pub const ALL: [GrievanceKind; 8] = [
        GrievanceKind::WageTheft,
        GrievanceKind::UnpaidOvertime,
        GrievanceKind::Harassment,
        GrievanceKind::SexualHarassment,
        GrievanceKind::Discrimination,
        GrievanceKind::UnsafeWork,
        GrievanceKind::Retaliation,
        GrievanceKind::Other,
    ];

    /// The code in storage, the API and translation keys (`grievance-kind-wage-theft`).
    pub fn code(self) -> &'static str {
        match self {
            GrievanceKind::WageTheft => "wage-theft",
            GrievanceKind::UnpaidOvertime => "unpaid-overtime",
            GrievanceKind::Harassment => "harassment",
            GrievanceKind::SexualHarassment => "sexual-harassment",
            GrievanceKind::Discrimination => "discrimination",
            GrievanceKind::UnsafeWork => "unsafe-work",
            GrievanceKind::Retaliation => "retaliation",
            GrievanceKind::Other => "other",
        }
    }

    /// Reads a kind code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether a calculation of pay owed fits this kind of case.
    pub fn is_about_pay(self) -> bool {
        matches!(
            self,
            GrievanceKind::WageTheft | GrievanceKind::UnpaidOvertime
        )
    }
}

/// Where a case stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GrievanceStatus {
    Received,
    Investigating,
    RaisedWithEmployer,
    Escalated,
    Resolved,
    Dropped,
}

impl GrievanceStatus {
    /// Every status, in the order a case usually moves through them.
    pub const ALL: [GrievanceStatus; 6] = [
        GrievanceStatus::Received,
        GrievanceStatus::Investigating,
        GrievanceStatus::RaisedWithEmployer,
        GrievanceStatus::Escalated,
        GrievanceStatus::Resolved,
        GrievanceStatus::Dropped,
    ];

    /// The code in storage, the API and translation keys (`grievance-status-received`).
    pub fn code(self) -> &'static str {
        match self {
            GrievanceStatus::Received => "received",
            GrievanceStatus::Investigating => "investigating",
            GrievanceStatus::RaisedWithEmployer => "raised-with-employer",
            GrievanceStatus::Escalated => "escalated",
            GrievanceStatus::Resolved => "resolved",
            GrievanceStatus::Dropped => "dropped",
        }
    }

    /// Reads a status code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the case is over: its retention clock runs and its deadlines remind no one.
    pub fn is_closed(self) -> bool {
        matches!(self, GrievanceStatus::Resolved | GrievanceStatus::Dropped)
    }
}

/// What an entry of a case's timeline records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    /// The grievance was filed (or the collective grievance made).
    Filed,
    /// An organiser's note.
    Note,
    /// An organiser's question to the filer.
    Question,
    /// The filer's answer or note.
    Answer,
    /// The status changed (the detail is the new status's code).
    Status,
    /// An organiser was assigned (or none).
    Assigned,
    /// A deadline was set (its label is the body).
    Deadline,
    /// A deadline was met.
    DeadlineDone,
    /// The pay calculation was written or changed.
    Pay,
    /// It was joined into a collective grievance.
    Joined,
    /// It was escalated into a motion (the detail is the motion's kind).
    Escalated,
}

impl EntryKind {
    /// Every kind of entry.
    pub const ALL: [EntryKind; 11] = [
        EntryKind::Filed,
        EntryKind::Note,
        EntryKind::Question,
        EntryKind::Answer,
        EntryKind::Status,
        EntryKind::Assigned,
        EntryKind::Deadline,
        EntryKind::DeadlineDone,
        EntryKind::Pay,
        EntryKind::Joined,
        EntryKind::Escalated,
    ];

    /// The code in storage, the API and translation keys (`grievance-entry-question`).
    pub fn code(self) -> &'static str {
        match self {
            EntryKind::Filed => "filed",
            EntryKind::Note => "note",
            EntryKind::Question => "question",
            EntryKind::Answer => "answer",
            EntryKind::Status => "status",
            EntryKind::Assigned => "assigned",
            EntryKind::Deadline => "deadline",
            EntryKind::DeadlineDone => "deadline-done",
            EntryKind::Pay => "pay",
            EntryKind::Joined => "joined",
            EntryKind::Escalated => "escalated",
        }
    }

    /// Reads an entry kind's code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What the filer says: sealed as one JSON document, never stored in the clear.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// What happened, in their words.
    pub what: String,
    /// When, as they give it ("every Saturday since March").
    pub when: String,
    /// Who else was affected, as they choose to name them.
    pub affected: String,
    /// What they want (back pay, an apology, the machine fixed).
    pub wanted: String,
}

fn clean(s: &str) -> String {
    s.trim().replace("\r\n", "\n")
}

fn too_long(parts: &[(&String, usize)]) -> bool {
    parts.iter().any(|(text, max)| text.chars().count() > *max)
}

impl Statement {
    /// Checks a statement: what happened and what they want are needed, nothing too long.
    pub fn new(raw: Statement) -> Result<Self, GrievanceError> {
        let s = Statement {
            what: clean(&raw.what),
            when: clean(&raw.when),
            affected: clean(&raw.affected),
            wanted: clean(&raw.wanted),
        };
        if s.what.is_empty() || s.wanted.is_empty() {
            return Err(GrievanceError::Missing);
        }
        if too_long(&[
            (&s.what, WHAT_MAX),
            (&s.when, WHEN_MAX),
            (&s.affected, PEOPLE_MAX),
            (&s.wanted, WANTED_MAX),
        ]) {
            return Err(GrievanceError::TooLong);
        }
        Ok(s)
    }
}

/// A note, a question, an answer or a deadline's label: trimmed, not empty, not too long.
pub fn note(raw: &str, max: usize) -> Result<String, GrievanceError> {
    let text = clean(raw);
    if text.is_empty() {
        return Err(GrievanceError::EmptyNote);
    }
    if text.chars().count() > max {
        return Err(GrievanceError::TooLong);
    }
    Ok(text)
}

/// Who may read a case and its sensitive content: its filer, and the committee's organisers.
/// Everyone else is told it does not exist.
pub fn may_read(standing: &Standing, is_filer: bool) -> bool {
    matches!(standing, Standing::Active(_)) && (is_filer || standing.holds(Role::Organiser))
}

/// Who runs a case (status, assignee, deadlines, questions, escalation): the organisers.
pub fn may_manage(standing: &Standing) -> bool {
    standing.holds(Role::Organiser)
}

/// The time an anonymous grievance is stored as filed: the start of its day (UTC), so that
/// the time cannot be matched with when a member's session was last seen.
pub fn anonymous_time(now: i64) -> i64 {
    now - now.rem_euclid(86_400)
}

/// Before this time, a grievance closed then has passed its retention.
pub fn closed_before(now: i64) -> i64 {
    now - CLOSED_KEEP_DAYS * 86_400
}

/// A deadline's day (`2026-12-15`, UTC) as the epoch second it comes due: the end of that day,
/// 23:59:59 UTC, so a deadline "on the 15th" reminds once the 15th is over for everyone.
pub fn due_at(date: &str) -> Result<i64, GrievanceError> {
    let parts: Vec<&str> = date.trim().split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(GrievanceError::BadDate);
    };
    let parse = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
            .ok_or(GrievanceError::BadDate)
    };
    let (year, month, day) = (parse(y, 4)?, parse(m, 2)?, parse(d, 2)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1970..=9999).contains(&year) || !(1..=12).contains(&month) {
        return Err(GrievanceError::BadDate);
    }
    if day < 1 || day > days_in[(month - 1) as usize] {
        return Err(GrievanceError::BadDate);
    }
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Ok(days * 86_400 + 86_399)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement() -> Statement {
        Statement {
            what: " They paid us for 40 hours when we worked 52. \r\n Every week. ".into(),
            when: "Since March".into(),
            affected: "The whole cutting line".into(),
            wanted: "The back pay".into(),
        }
    }

    #[test]
    fn a_statement_keeps_its_words_without_surrounding_spaces() {
        let s = Statement::new(statement()).unwrap();
        assert_eq!(
            s.what,
            "They paid us for 40 hours when we worked 52. \n Every week."
        );
    }

    #[test]
    fn a_statement_needs_what_happened_and_what_is_wanted() {
        let mut s = statement();
        s.wanted = "  ".into();
        assert_eq!(Statement::new(s), Err(GrievanceError::Missing));
        let mut s = statement();
        s.what = String::new();
        assert_eq!(Statement::new(s), Err(GrievanceError::Missing));
    }

    #[test]
    fn a_part_that_is_too_long_is_refused() {
        let mut s = statement();
        s.when = "x".repeat(WHEN_MAX + 1);
        assert_eq!(Statement::new(s), Err(GrievanceError::TooLong));
        assert_eq!(
            note(&"y".repeat(NOTE_MAX + 1), NOTE_MAX),
            Err(GrievanceError::TooLong)
        );
        assert_eq!(note(" \n ", NOTE_MAX), Err(GrievanceError::EmptyNote));
    }

    #[test]
    fn only_the_filer_and_the_organisers_read_a_case() {
        let member = Standing::Active(vec![Role::Member]);
        let organiser = Standing::Active(vec![Role::Member, Role::Organiser]);
        assert!(may_read(&member, true));
        assert!(!may_read(&member, false));
        assert!(may_read(&organiser, false));
        assert!(!may_read(&Standing::Outsider, true));
        assert!(!may_read(&Standing::Pending, true));
        assert!(may_manage(&organiser) && !may_manage(&member));
    }

    #[test]
    fn codes_round_trip() {
        for kind in GrievanceKind::ALL {
            assert_eq!(GrievanceKind::from_code(kind.code()), Some(kind));
        }
        for status in GrievanceStatus::ALL {
            assert_eq!(GrievanceStatus::from_code(status.code()), Some(status));
        }
        assert!(GrievanceStatus::Dropped.is_closed() && !GrievanceStatus::Escalated.is_closed());
        for kind in EntryKind::ALL {
            assert_eq!(EntryKind::from_code(kind.code()), Some(kind));
        }
    }

    #[test]
    fn an_anonymous_grievance_is_timed_to_its_day() {
        assert_eq!(anonymous_time(1_795_851_062), 1_795_824_000);
        assert_eq!(anonymous_time(1_795_824_000), 1_795_824_000);
    }

    #[test]
    fn a_deadline_comes_due_at_the_end_of_its_day() {
        assert_eq!(due_at("1970-01-01"), Ok(86_399));
        assert_eq!(due_at("2026-11-28"), Ok(1_795_910_399));
        assert_eq!(due_at("2000-02-29"), Ok(951_868_799));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "26-01-01",
            "2026/01/01",
            "",
            "2026-1-01",
        ] {
            assert_eq!(due_at(bad), Err(GrievanceError::BadDate), "{bad}");
        }
    }

    #[test]
    fn a_closed_case_is_kept_six_months() {
        assert_eq!(closed_before(200 * 86_400), 20 * 86_400);
    }
}
