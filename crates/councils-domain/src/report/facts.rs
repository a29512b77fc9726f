//! A report's facts in a fixed structure, so a verifier can act on them and each responder
//! reads them in their own language: what, how many officers and vehicles, which agency,
//! where, when, and how the reporter knows. Where is a place typed in, never a position.

use super::{COUNT_MAX, PLACE_MAX, ReportError, WHAT_MAX, WHEN_FUTURE_MAX, WHEN_PAST_MAX};
use serde::{Deserialize, Serialize};

/// The agency, if the reporter knows it. A fixed list, so it can be said in any language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Agency {
    /// Immigration and Customs Enforcement.
    Ice,
    /// Customs and Border Protection (Border Patrol).
    Cbp,
    /// City police.
    Police,
    /// County sheriff.
    Sheriff,
    /// Another agency.
    Other,
    /// The reporter does not know.
    Unknown,
}

impl Agency {
    /// Every agency, in the order offered.
    pub const ALL: [Agency; 6] = [
        Agency::Ice,
        Agency::Cbp,
        Agency::Police,
        Agency::Sheriff,
        Agency::Other,
        Agency::Unknown,
    ];

    /// The code in storage, forms and translation keys (`agency-ice`).
    pub fn code(self) -> &'static str {
        match self {
            Agency::Ice => "ice",
            Agency::Cbp => "cbp",
            Agency::Police => "police",
            Agency::Sheriff => "sheriff",
            Agency::Other => "other",
            Agency::Unknown => "unknown",
        }
    }

    /// Reads an agency code.
    pub fn from_code(code: &str) -> Option<Self> {
        Agency::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// How the reporter knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Source {
    /// They saw it themselves.
    SawIt,
    /// Someone told them (a caller to the hotline, a neighbour).
    ToldBySomeone,
    /// Otherwise (a post they read, a noise they heard).
    Other,
}

impl Source {
    /// Every source, in the order offered.
    pub const ALL: [Source; 3] = [Source::SawIt, Source::ToldBySomeone, Source::Other];

    /// The code in storage, forms and translation keys (`source-saw-it`).
    pub fn code(self) -> &'static str {
        match self {
            Source::SawIt => "saw-it",
            Source::ToldBySomeone => "told-by-someone",
            Source::Other => "other",
        }
    }

    /// Reads a source code.
    pub fn from_code(code: &str) -> Option<Self> {
        Source::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The facts of a report, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportFacts {
    /// What is happening, as the reporter said it.
    pub what: String,
    /// How many officers, if counted.
    pub officers: Option<u32>,
    /// How many vehicles, if counted.
    pub vehicles: Option<u32>,
    pub agency: Agency,
    /// Where: a place or an intersection, as typed.
    pub place: String,
    /// When it was seen, epoch seconds.
    pub seen_at: i64,
    pub source: Source,
    /// Whether a hotline volunteer typed it in during a call.
    pub via_hotline: bool,
}

/// The facts as a form or the API gives them, not yet checked.
#[derive(Clone, Debug, Default)]
pub struct FactsDraft {
    pub what: String,
    pub officers: Option<u32>,
    pub vehicles: Option<u32>,
    /// `Agency::code`; empty for unknown.
    pub agency: String,
    pub place: String,
    /// Minutes ago it was seen (0 or none: now).
    pub minutes_ago: Option<u32>,
    /// `Source::code`.
    pub source: String,
    pub via_hotline: bool,
}

impl FactsDraft {
    /// Checks the draft at `now`: what and where given and short enough, counts bounded, the
    /// time within the last day, agency and source among those offered.
    pub fn check(&self, now: i64) -> Result<ReportFacts, ReportError> {
        let what = self.what.trim();
        let place = self.place.trim();
        if what.is_empty() || place.is_empty() {
            return Err(ReportError::Missing);
        }
        if what.chars().count() > WHAT_MAX || place.chars().count() > PLACE_MAX {
            return Err(ReportError::TooLong);
        }
        if self.officers.is_some_and(|n| n > COUNT_MAX)
            || self.vehicles.is_some_and(|n| n > COUNT_MAX)
        {
            return Err(ReportError::CountTooLarge);
        }
        let ago = i64::from(self.minutes_ago.unwrap_or(0)) * 60;
        if ago > WHEN_PAST_MAX {
            return Err(ReportError::WhenOutOfRange);
        }
        let agency = if self.agency.trim().is_empty() {
            Agency::Unknown
        } else {
            Agency::from_code(self.agency.trim()).ok_or(ReportError::Unknown)?
        };
        let source = Source::from_code(self.source.trim()).ok_or(ReportError::Unknown)?;
        Ok(ReportFacts {
            what: what.to_string(),
            officers: self.officers,
            vehicles: self.vehicles,
            agency,
            place: place.to_string(),
            seen_at: now - ago,
            source,
            via_hotline: self.via_hotline,
        })
    }
}

impl ReportFacts {
    /// Checks facts read back or sent with an explicit time (the API's `seen_at`).
    pub fn check_time(seen_at: i64, now: i64) -> Result<(), ReportError> {
        if seen_at < now - WHEN_PAST_MAX || seen_at > now + WHEN_FUTURE_MAX {
            Err(ReportError::WhenOutOfRange)
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;

    fn draft() -> FactsDraft {
        FactsDraft {
            what: "Two unmarked vans outside the laundromat, agents asking for papers".into(),
            officers: Some(4),
            vehicles: Some(2),
            agency: "ice".into(),
            place: "Cesar Chavez Ave & Soto St".into(),
            minutes_ago: Some(10),
            source: "saw-it".into(),
            via_hotline: false,
        }
    }

    #[test]
    fn a_complete_report_is_accepted_with_its_time_counted_back() {
        let facts = draft().check(NOW).unwrap();
        assert_eq!(facts.agency, Agency::Ice);
        assert_eq!(facts.source, Source::SawIt);
        assert_eq!(facts.seen_at, NOW - 600);
    }

    #[test]
    fn a_report_must_say_what_and_where() {
        let mut d = draft();
        d.place = "   ".into();
        assert_eq!(d.check(NOW), Err(ReportError::Missing));
        let mut d = draft();
        d.what = String::new();
        assert_eq!(d.check(NOW), Err(ReportError::Missing));
    }

    #[test]
    fn texts_and_counts_are_bounded() {
        let mut d = draft();
        d.what = "x".repeat(WHAT_MAX + 1);
        assert_eq!(d.check(NOW), Err(ReportError::TooLong));
        let mut d = draft();
        d.place = "x".repeat(PLACE_MAX + 1);
        assert_eq!(d.check(NOW), Err(ReportError::TooLong));
        let mut d = draft();
        d.officers = Some(COUNT_MAX + 1);
        assert_eq!(d.check(NOW), Err(ReportError::CountTooLarge));
    }

    #[test]
    fn a_report_is_about_the_last_day_only() {
        let mut d = draft();
        d.minutes_ago = Some(24 * 60 + 1);
        assert_eq!(d.check(NOW), Err(ReportError::WhenOutOfRange));
        assert!(ReportFacts::check_time(NOW + 3600, NOW).is_err());
        assert!(ReportFacts::check_time(NOW - 60, NOW).is_ok());
    }

    #[test]
    fn an_unknown_agency_is_refused_but_a_blank_one_means_unknown() {
        let mut d = draft();
        d.agency = "fbi-swat".into();
        assert_eq!(d.check(NOW), Err(ReportError::Unknown));
        d.agency = String::new();
        assert_eq!(d.check(NOW).unwrap().agency, Agency::Unknown);
    }

    #[test]
    fn codes_round_trip() {
        for a in Agency::ALL {
            assert_eq!(Agency::from_code(a.code()), Some(a));
        }
        for s in Source::ALL {
            assert_eq!(Source::from_code(s.code()), Some(s));
        }
    }
}
