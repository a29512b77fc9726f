//! What a motion is for, and whether its ballots are secret.

use serde::{Deserialize, Serialize};

use super::{Method, MotionError};

/// What a motion decides. The kind fixes which methods fit and whether the ballot is secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MotionKind {
    /// A proposal, a position, a plan: any method, open or secret as the council chooses.
    Ordinary,
    /// An election of delegates or officers among candidates.
    Election,
    /// A vote on recalling a delegate, opened when a recall reaches its threshold.
    Recall,
    /// A vote to strike.
    StrikeVote,
}

impl MotionKind {
    /// Every kind, in the order they are offered.
    pub const ALL: [MotionKind; 4] = [
        MotionKind::Ordinary,
        MotionKind::Election,
        MotionKind::Recall,
        MotionKind::StrikeVote,
    ];

    /// The code in storage and translation keys (`motion-kind-strike-vote`).
    pub fn code(self) -> &'static str {
        match self {
            MotionKind::Ordinary => "ordinary",
            MotionKind::Election => "election",
            MotionKind::Recall => "recall",
            MotionKind::StrikeVote => "strike-vote",
        }
    }

    /// Reads a kind code.
    pub fn from_code(code: &str) -> Option<Self> {
        MotionKind::ALL.into_iter().find(|kind| kind.code() == code)
    }

    /// Whether the ballot must be secret. Elections, recalls and strike votes always are:
    /// a member must be free to vote against a delegate, or against a strike, unseen.
    pub fn requires_secret(self) -> bool {
        !matches!(self, MotionKind::Ordinary)
    }

    /// Whether the method fits the kind: an election is among candidates, so it needs a
    /// method with options; a recall or a strike is a yes-or-no question.
    pub fn allows(self, method: &Method) -> bool {
        match self {
            MotionKind::Ordinary => true,
            MotionKind::Election => !method.has_fixed_options(),
            MotionKind::Recall | MotionKind::StrikeVote => *method == Method::YesNo,
        }
    }

    /// Checks a secrecy against the kind: refuses an open ballot where it must be secret.
    pub fn check_secrecy(self, secrecy: Secrecy) -> Result<(), MotionError> {
        if self.requires_secret() && secrecy == Secrecy::Open {
            Err(MotionError::SecretRequired { kind: self })
        } else {
            Ok(())
        }
    }
}

/// Whether others can see how a member voted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Secrecy {
    /// Every ballot is shown with its voter once the vote is decided.
    Open,
    /// No one sees how a member voted; only the count is published.
    Secret,
}

impl Secrecy {
    /// The code in storage.
    pub fn code(self) -> &'static str {
        match self {
            Secrecy::Open => "open",
            Secrecy::Secret => "secret",
        }
    }

    /// Reads a secrecy code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "open" => Some(Secrecy::Open),
            "secret" => Some(Secrecy::Secret),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elections_recalls_and_strike_votes_refuse_open_voting() {
        for kind in [
            MotionKind::Election,
            MotionKind::Recall,
            MotionKind::StrikeVote,
        ] {
            assert_eq!(
                kind.check_secrecy(Secrecy::Open),
                Err(MotionError::SecretRequired { kind })
            );
            assert_eq!(kind.check_secrecy(Secrecy::Secret), Ok(()));
        }
    }

    #[test]
    fn an_ordinary_motion_may_be_open_or_secret() {
        assert_eq!(MotionKind::Ordinary.check_secrecy(Secrecy::Open), Ok(()));
        assert_eq!(MotionKind::Ordinary.check_secrecy(Secrecy::Secret), Ok(()));
    }

    #[test]
    fn an_election_is_among_candidates_and_a_strike_vote_is_yes_or_no() {
        assert!(!MotionKind::Election.allows(&Method::YesNo));
        assert!(MotionKind::Election.allows(&Method::Irv));
        assert!(MotionKind::StrikeVote.allows(&Method::YesNo));
        assert!(!MotionKind::StrikeVote.allows(&Method::Consent));
        assert!(!MotionKind::Recall.allows(&Method::Schulze));
        assert!(MotionKind::Ordinary.allows(&Method::Consent));
    }

    #[test]
    fn kind_and_secrecy_codes_round_trip() {
        for kind in MotionKind::ALL {
            assert_eq!(MotionKind::from_code(kind.code()), Some(kind));
        }
        for secrecy in [Secrecy::Open, Secrecy::Secret] {
            assert_eq!(Secrecy::from_code(secrecy.code()), Some(secrecy));
        }
    }
}
