//! Strikes: opening one on a carried strike vote, the committees that join it, its demands
//! and status, and its picket rota (shifts by place and time, gaps, reminders). The fund's
//! bookkeeping is in [`crate::ledger`].

use crate::motion::{Decision, MotionKind, Outcome, Phase};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Longest demand, and most demands, of one strike.
pub const DEMAND_MAX: usize = 500;
pub const DEMANDS_MAX: usize = 20;
/// Longest title of a strike, and place of a picket shift, in characters.
pub const TITLE_MAX: usize = 200;
pub const PLACE_MAX: usize = 200;
/// Most people one shift can ask for, and its longest span.
pub const NEEDED_MAX: u32 = 200;
pub const SHIFT_SPAN_MAX: i64 = 24 * 3600;
/// How long before a shift its pickets are reminded, in seconds.
pub const REMINDER_LEAD: i64 = 2 * 3600;
/// Shifts (with who signed up) are deleted this long after they end: who picketed when is
/// what an employer would want to know.
pub const SHIFT_RETENTION: i64 = 14 * 24 * 3600;
/// Payments stop naming their recipient this long after the strike ended; amounts stay, so
/// the books still balance.
pub const PAYEE_RETENTION: i64 = 365 * 24 * 3600;

/// Why a strike, a demand or a shift was refused. Each variant's code is also its
/// translation key.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum StrikeError {
    /// The motion named is not this committee's strike vote, decided and carried.
    #[error("a strike opens only on this committee's strike vote, decided and carried")]
    VoteNotCarried,
    /// That strike vote already opened or joined a strike.
    #[error("that strike vote is already used")]
    VoteUsed,
    /// The committee is already part of the strike.
    #[error("the committee is already on this strike")]
    AlreadyJoined,
    /// The strike is over: nothing joins it, no shift is added.
    #[error("the strike is over")]
    Ended,
    /// A title, a demand or a place left empty.
    #[error("a title, demand or place is needed")]
    Missing,
    #[error("a text is too long")]
    TooLong,
    #[error("too many demands")]
    TooManyDemands,
    /// A shift that ends before it starts, lasts too long, or needs no one.
    #[error("a shift starts before it ends, lasts at most a day and needs someone")]
    BadShift,
    /// A shift that has already started: signing up or withdrawing is for shifts ahead.
    #[error("the shift has already started")]
    ShiftStarted,
    /// A committee that is not a workplace committee, or a strike committee that is not one.
    #[error("not a council of the right kind")]
    WrongKind,
}

impl StrikeError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            StrikeError::VoteNotCarried => "strike-vote-not-carried",
            StrikeError::VoteUsed => "strike-vote-used",
            StrikeError::AlreadyJoined => "strike-already-joined",
            StrikeError::Ended => "strike-ended",
            StrikeError::Missing => "strike-missing",
            StrikeError::TooLong => "strike-too-long",
            StrikeError::TooManyDemands => "strike-too-many-demands",
            StrikeError::BadShift => "strike-bad-shift",
            StrikeError::ShiftStarted => "strike-shift-started",
            StrikeError::WrongKind => "strike-wrong-kind",
        }
    }
}

/// Where a strike stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StrikeStatus {
    /// Out on strike.
    Active,
    /// Called off for now (talks, a cooling-off), may resume.
    Suspended,
    /// Over: the demands won.
    Won,
    /// Over: ended without winning them all.
    Ended,
}

impl StrikeStatus {
    pub const ALL: [StrikeStatus; 4] = [
        StrikeStatus::Active,
        StrikeStatus::Suspended,
        StrikeStatus::Won,
        StrikeStatus::Ended,
    ];

    /// The code in storage and translation keys (`strike-status-active`).
    pub fn code(self) -> &'static str {
        match self {
            StrikeStatus::Active => "active",
            StrikeStatus::Suspended => "suspended",
            StrikeStatus::Won => "won",
            StrikeStatus::Ended => "ended",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        StrikeStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the strike is over (won or ended): nothing joins it any more.
    pub fn is_over(self) -> bool {
        matches!(self, StrikeStatus::Won | StrikeStatus::Ended)
    }
}

/// The facts of a motion that decide whether it can open (or join) a strike.
#[derive(Clone, Copy, Debug)]
pub struct VoteFacts<'a> {
    pub kind: MotionKind,
    pub phase: Phase,
    pub outcome: Option<&'a Outcome>,
    /// Whether the motion is the committee's own (not another council's).
    pub own: bool,
}

/// A strike opens, or a committee joins one, only on that committee's own strike vote,
/// decided and carried (quorum met and the majority reached).
pub fn check_vote(vote: VoteFacts<'_>) -> Result<(), StrikeError> {
    let carried = vote
        .outcome
        .is_some_and(|o| o.quorum_met && o.decision == Decision::Passed);
    if vote.own && vote.kind == MotionKind::StrikeVote && vote.phase == Phase::Decided && carried {
        Ok(())
    } else {
        Err(StrikeError::VoteNotCarried)
    }
}

fn clean(raw: &str, max: usize) -> Result<String, StrikeError> {
    let text = raw.trim().replace("\r\n", "\n");
    if text.is_empty() {
        return Err(StrikeError::Missing);
    }
    if text.chars().count() > max {
        return Err(StrikeError::TooLong);
    }
    Ok(text)
}

/// Checks a strike's title.
pub fn check_title(raw: &str) -> Result<String, StrikeError> {
    clean(raw, TITLE_MAX)
}

/// Reads demands, one per line (blank lines dropped): at least one, each bounded.
pub fn parse_demands(raw: &str) -> Result<Vec<String>, StrikeError> {
    let demands: Vec<String> = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| clean(l, DEMAND_MAX))
        .collect::<Result<_, _>>()?;
    if demands.is_empty() {
        return Err(StrikeError::Missing);
    }
    if demands.len() > DEMANDS_MAX {
        return Err(StrikeError::TooManyDemands);
    }
    Ok(demands)
}

/// A picket shift as an organiser sets it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShiftPlan {
    pub place: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub needed: u32,
}

impl ShiftPlan {
    /// Checks a shift: a place, a start before its end at most a day later, someone needed,
    /// and not already over at `now`.
    pub fn new(
        place: &str,
        starts_at: i64,
        ends_at: i64,
        needed: u32,
        now: i64,
    ) -> Result<Self, StrikeError> {
        let place = clean(place, PLACE_MAX)?;
        let span = ends_at - starts_at;
        if span <= 0
            || span > SHIFT_SPAN_MAX
            || needed == 0
            || needed > NEEDED_MAX
            || ends_at <= now
        {
            return Err(StrikeError::BadShift);
        }
        Ok(Self {
            place,
            starts_at,
            ends_at,
            needed,
        })
    }
}

/// How many more people a shift needs (0 when it is full or over-full).
pub fn gap(needed: u32, signed_up: u32) -> u32 {
    needed.saturating_sub(signed_up)
}

/// Whether a member may sign up to, or withdraw from, a shift at `now`: only before it starts.
pub fn check_shift_open(starts_at: i64, now: i64) -> Result<(), StrikeError> {
    if now >= starts_at {
        Err(StrikeError::ShiftStarted)
    } else {
        Ok(())
    }
}

/// Whether a shift starting at `starts_at` is due for its reminder at `now`.
pub fn reminder_due(starts_at: i64, now: i64) -> bool {
    now < starts_at && starts_at - now <= REMINDER_LEAD
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::motion::{DecidedBy, Detail, Method};

    fn outcome(decision: Decision, quorum_met: bool) -> Outcome {
        Outcome {
            method: Method::YesNo,
            decision,
            quorum_met,
            ballots: 30,
            weight: 30,
            entitled: Some(40),
            decided_by: DecidedBy::Count,
            detail: Detail::YesNo {
                yes: 25,
                no: 5,
                abstain: 0,
            },
        }
    }

    fn facts(o: Option<&Outcome>) -> VoteFacts<'_> {
        VoteFacts {
            kind: MotionKind::StrikeVote,
            phase: Phase::Decided,
            outcome: o,
            own: true,
        }
    }

    #[test]
    fn a_strike_opens_only_on_a_carried_strike_vote_of_the_committee() {
        let carried = outcome(Decision::Passed, true);
        assert_eq!(check_vote(facts(Some(&carried))), Ok(()));
        let lost = outcome(Decision::Rejected, true);
        assert_eq!(
            check_vote(facts(Some(&lost))),
            Err(StrikeError::VoteNotCarried)
        );
        let short = outcome(Decision::NoQuorum, false);
        assert_eq!(
            check_vote(facts(Some(&short))),
            Err(StrikeError::VoteNotCarried)
        );
        assert_eq!(check_vote(facts(None)), Err(StrikeError::VoteNotCarried));
        let voting = VoteFacts {
            phase: Phase::Voting,
            ..facts(Some(&carried))
        };
        assert_eq!(check_vote(voting), Err(StrikeError::VoteNotCarried));
        let ordinary = VoteFacts {
            kind: MotionKind::Ordinary,
            ..facts(Some(&carried))
        };
        assert_eq!(check_vote(ordinary), Err(StrikeError::VoteNotCarried));
        let theirs = VoteFacts {
            own: false,
            ..facts(Some(&carried))
        };
        assert_eq!(check_vote(theirs), Err(StrikeError::VoteNotCarried));
    }

    #[test]
    fn demands_are_one_per_line_and_at_least_one() {
        assert_eq!(
            parse_demands("Back pay\n\n  Shade and water \r\n").unwrap(),
            vec!["Back pay".to_string(), "Shade and water".to_string()]
        );
        assert_eq!(parse_demands(" \n "), Err(StrikeError::Missing));
        let many = "x\n".repeat(DEMANDS_MAX + 1);
        assert_eq!(parse_demands(&many), Err(StrikeError::TooManyDemands));
    }

    #[test]
    fn a_shift_ends_after_it_starts_within_a_day_and_needs_someone() {
        let now = 1_000_000;
        assert!(ShiftPlan::new("Gate 3", now + 60, now + 4 * 3600, 4, now).is_ok());
        assert_eq!(
            ShiftPlan::new("Gate 3", now + 60, now + 30, 4, now),
            Err(StrikeError::BadShift)
        );
        assert_eq!(
            ShiftPlan::new("Gate 3", now, now + 25 * 3600, 4, now),
            Err(StrikeError::BadShift)
        );
        assert_eq!(
            ShiftPlan::new("Gate 3", now + 60, now + 120, 0, now),
            Err(StrikeError::BadShift)
        );
        assert_eq!(
            ShiftPlan::new("  ", now + 60, now + 120, 1, now),
            Err(StrikeError::Missing)
        );
    }

    #[test]
    fn the_gap_is_what_a_shift_still_needs() {
        assert_eq!(gap(4, 1), 3);
        assert_eq!(gap(2, 3), 0);
    }

    #[test]
    fn a_reminder_is_due_within_the_lead_before_a_shift_only() {
        let start = 10_000;
        assert!(!reminder_due(start, start - REMINDER_LEAD - 1));
        assert!(reminder_due(start, start - REMINDER_LEAD));
        assert!(reminder_due(start, start - 1));
        assert!(!reminder_due(start, start));
        assert_eq!(
            check_shift_open(start, start),
            Err(StrikeError::ShiftStarted)
        );
        assert_eq!(check_shift_open(start, start - 1), Ok(()));
    }

    #[test]
    fn won_and_ended_strikes_are_over() {
        assert!(StrikeStatus::Won.is_over());
        assert!(!StrikeStatus::Suspended.is_over());
        for s in StrikeStatus::ALL {
            assert_eq!(StrikeStatus::from_code(s.code()), Some(s));
        }
    }
}
