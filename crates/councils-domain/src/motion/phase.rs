//! The phases of a motion and the order they come in. Who may move a motion on is the
//! application's business; here is only which moves exist.

use serde::{Deserialize, Serialize};

use super::MotionError;

/// Where a motion is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    /// Being written: its author may still change it.
    Draft,
    /// Open for comments and amendments; its text is fixed except by amendment.
    Discussion,
    /// Open for ballots.
    Voting,
    /// Counted; the outcome is in the minutes. Nothing changes any more.
    Decided,
}

impl Phase {
    /// Every phase, in order.
    pub const ALL: [Phase; 4] = [
        Phase::Draft,
        Phase::Discussion,
        Phase::Voting,
        Phase::Decided,
    ];

    /// The code in storage and translation keys (`phase-voting`).
    pub fn code(self) -> &'static str {
        match self {
            Phase::Draft => "draft",
            Phase::Discussion => "discussion",
            Phase::Voting => "voting",
            Phase::Decided => "decided",
        }
    }

    /// Reads a phase code.
    pub fn from_code(code: &str) -> Option<Self> {
        Phase::ALL.into_iter().find(|phase| phase.code() == code)
    }

    /// Moves to `to` if that is the next step: draft to discussion, draft or discussion to
    /// voting (a motion may skip discussion), voting to decided. Nothing goes back.
    pub fn advance(self, to: Phase) -> Result<Phase, MotionError> {
        let allowed = matches!(
            (self, to),
            (Phase::Draft, Phase::Discussion)
                | (Phase::Draft | Phase::Discussion, Phase::Voting)
                | (Phase::Voting, Phase::Decided)
        );
        if allowed {
            Ok(to)
        } else {
            Err(MotionError::PhaseOrder { from: self, to })
        }
    }

    /// Opens the discussion of a draft.
    pub fn open_discussion(self) -> Result<Phase, MotionError> {
        self.advance(Phase::Discussion)
    }

    /// Opens the vote, from a draft or a discussion.
    pub fn open_voting(self) -> Result<Phase, MotionError> {
        self.advance(Phase::Voting)
    }

    /// Closes the vote; the motion is then counted and decided.
    pub fn close(self) -> Result<Phase, MotionError> {
        self.advance(Phase::Decided)
    }

    /// Whether the text and rules may still be edited directly.
    pub fn is_editable(self) -> bool {
        self == Phase::Draft
    }

    /// Whether amendments and comments are taken.
    pub fn takes_amendments(self) -> bool {
        self == Phase::Discussion
    }

    /// Whether ballots are taken.
    pub fn takes_ballots(self) -> bool {
        self == Phase::Voting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_motion_goes_from_draft_through_discussion_and_voting_to_decided() {
        let phase = Phase::Draft.open_discussion().unwrap();
        assert_eq!(phase, Phase::Discussion);
        let phase = phase.open_voting().unwrap();
        assert_eq!(phase, Phase::Voting);
        assert_eq!(phase.close(), Ok(Phase::Decided));
    }

    #[test]
    fn a_draft_may_go_straight_to_the_vote() {
        assert_eq!(Phase::Draft.open_voting(), Ok(Phase::Voting));
    }

    #[test]
    fn a_motion_cannot_go_back_or_skip_the_vote() {
        assert_eq!(
            Phase::Voting.open_discussion(),
            Err(MotionError::PhaseOrder {
                from: Phase::Voting,
                to: Phase::Discussion
            })
        );
        assert!(Phase::Draft.close().is_err());
        assert!(Phase::Discussion.close().is_err());
        assert!(Phase::Decided.open_voting().is_err());
        assert!(Phase::Voting.open_voting().is_err());
        assert!(Phase::Decided.advance(Phase::Draft).is_err());
    }

    #[test]
    fn only_a_voting_motion_takes_ballots() {
        let taking: Vec<_> = Phase::ALL
            .into_iter()
            .filter(|p| p.takes_ballots())
            .collect();
        assert_eq!(taking, vec![Phase::Voting]);
        assert!(Phase::Discussion.takes_amendments());
        assert!(!Phase::Voting.takes_amendments());
        assert!(Phase::Draft.is_editable());
    }

    #[test]
    fn phase_codes_round_trip() {
        for phase in Phase::ALL {
            assert_eq!(Phase::from_code(phase.code()), Some(phase));
        }
    }
}
