//! The voting method of a motion, and how it is stored: a code plus the parameters some
//! methods take.

use councils_tally::method::stv;
use serde::{Deserialize, Serialize};

use super::MotionError;

/// The highest maximum a score vote may have (the tally stores scores in one byte).
pub const SCORE_MAX_LIMIT: u32 = 255;

/// Which rules of single transferable vote to count by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StvVariant {
    /// Meek's method: every ballot passes through elected candidates, each keeping a share.
    #[default]
    Meek,
    /// The Scottish local-government rules: a weighted inclusive Gregory method.
    Scottish,
}

impl StvVariant {
    /// Every variant, the default first.
    pub const ALL: [StvVariant; 2] = [StvVariant::Meek, StvVariant::Scottish];

    /// The code in storage and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            StvVariant::Meek => "meek",
            StvVariant::Scottish => "scottish",
        }
    }

    /// Reads a variant code.
    pub fn from_code(code: &str) -> Option<Self> {
        StvVariant::ALL.into_iter().find(|v| v.code() == code)
    }

    pub(crate) fn to_tally(self) -> stv::StvVariant {
        match self {
            StvVariant::Meek => stv::StvVariant::Meek,
            StvVariant::Scottish => stv::StvVariant::Scottish,
        }
    }
}

/// How the ballots of a motion are cast and counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "kebab-case")]
pub enum Method {
    /// For, against or abstain, under a quorum and a majority rule.
    YesNo,
    /// Consent, object, stand aside or block: one block stops the proposal.
    Consent,
    /// Approve any number of options; the most approved wins.
    Approval,
    /// Score every option from 0 to `max`; the highest total wins.
    Score {
        /// The highest score a ballot may give, 1 to [`SCORE_MAX_LIMIT`].
        max: u32,
    },
    /// Rank the options; the Schulze method finds the winner. Equal ranks are allowed.
    Schulze,
    /// Rank the options; instant-runoff excludes the last until one has a majority.
    Irv,
    /// Rank the candidates; single transferable vote fills `seats` seats.
    Stv {
        /// Seats to fill, at least 1.
        seats: u32,
        /// The rules counted by.
        #[serde(default)]
        variant: StvVariant,
    },
}

/// The parameters stored beside a method's code: each method reads only its own.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MethodParams {
    /// The maximum score, for `score`.
    pub score_max: Option<u32>,
    /// Seats to fill, for `stv`.
    pub seats: Option<u32>,
    /// The rules counted by, for `stv` (Meek when not given).
    pub stv_variant: Option<StvVariant>,
}

impl Method {
    /// Every method code, in the order they are offered.
    pub const CODES: [&'static str; 7] = [
        "yes-no", "consent", "approval", "score", "schulze", "irv", "stv",
    ];

    /// The code in storage and translation keys (`method-schulze`).
    pub fn code(&self) -> &'static str {
        match self {
            Method::YesNo => "yes-no",
            Method::Consent => "consent",
            Method::Approval => "approval",
            Method::Score { .. } => "score",
            Method::Schulze => "schulze",
            Method::Irv => "irv",
            Method::Stv { .. } => "stv",
        }
    }

    /// Reads a method from its stored code and parameters, and checks it.
    pub fn from_code(code: &str, params: MethodParams) -> Result<Self, MotionError> {
        let method = match code {
            "yes-no" => Method::YesNo,
            "consent" => Method::Consent,
            "approval" => Method::Approval,
            "score" => Method::Score {
                max: params
                    .score_max
                    .ok_or(MotionError::MissingParameter("score-max"))?,
            },
            "schulze" => Method::Schulze,
            "irv" => Method::Irv,
            "stv" => Method::Stv {
                seats: params.seats.ok_or(MotionError::MissingParameter("seats"))?,
                variant: params.stv_variant.unwrap_or_default(),
            },
            _ => return Err(MotionError::UnknownMethod(code.to_string())),
        };
        method.validate()?;
        Ok(method)
    }

    /// The parameters to store beside [`Method::code`].
    pub fn params(&self) -> MethodParams {
        MethodParams {
            score_max: self.score_max(),
            seats: self.stv_seats(),
            stv_variant: self.stv_variant(),
        }
    }

    /// Checks the parameters: a score maximum of 1 to [`SCORE_MAX_LIMIT`], at least one seat.
    pub fn validate(&self) -> Result<(), MotionError> {
        match *self {
            Method::Score { max } if max == 0 || max > SCORE_MAX_LIMIT => {
                Err(MotionError::ScoreMaxOutOfRange { max })
            }
            Method::Stv { seats: 0, .. } => Err(MotionError::NoSeats),
            _ => Ok(()),
        }
    }

    /// The maximum score, for a score vote.
    pub fn score_max(&self) -> Option<u32> {
        match *self {
            Method::Score { max } => Some(max),
            _ => None,
        }
    }

    /// The seats to fill, for single transferable vote.
    pub fn stv_seats(&self) -> Option<u32> {
        match *self {
            Method::Stv { seats, .. } => Some(seats),
            _ => None,
        }
    }

    /// The rules of single transferable vote counted by.
    pub fn stv_variant(&self) -> Option<StvVariant> {
        match *self {
            Method::Stv { variant, .. } => Some(variant),
            _ => None,
        }
    }

    /// Whether the options are fixed by the method (yes/no/abstain, consent/object/...)
    /// rather than written by the motion's author.
    pub fn has_fixed_options(&self) -> bool {
        matches!(self, Method::YesNo | Method::Consent)
    }

    /// Whether ballots rank the options.
    pub fn is_ranked(&self) -> bool {
        matches!(self, Method::Schulze | Method::Irv | Method::Stv { .. })
    }

    /// Whether a ranked ballot may rank options equal (Schulze only: instant-runoff and
    /// STV have no rule for splitting a ballot).
    pub fn accepts_equal_ranks(&self) -> bool {
        matches!(self, Method::Schulze)
    }

    /// How many options win: none for a yes/no or consent decision, the seats for STV, and
    /// one otherwise.
    pub fn winners(&self) -> u32 {
        match *self {
            Method::YesNo | Method::Consent => 0,
            Method::Stv { seats, .. } => seats,
            _ => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_method() -> Vec<Method> {
        vec![
            Method::YesNo,
            Method::Consent,
            Method::Approval,
            Method::Score { max: 5 },
            Method::Schulze,
            Method::Irv,
            Method::Stv {
                seats: 3,
                variant: StvVariant::Scottish,
            },
        ]
    }

    #[test]
    fn a_method_round_trips_through_its_code_and_parameters() {
        for method in every_method() {
            assert_eq!(
                Method::from_code(method.code(), method.params()),
                Ok(method)
            );
        }
        let codes: Vec<_> = every_method().iter().map(Method::code).collect();
        assert_eq!(codes, Method::CODES);
    }

    #[test]
    fn stv_is_counted_by_meek_unless_told_otherwise() {
        let params = MethodParams {
            seats: Some(2),
            ..MethodParams::default()
        };
        assert_eq!(
            Method::from_code("stv", params),
            Ok(Method::Stv {
                seats: 2,
                variant: StvVariant::Meek
            })
        );
    }

    #[test]
    fn a_score_vote_needs_a_maximum_the_tally_can_hold() {
        assert_eq!(
            Method::from_code("score", MethodParams::default()),
            Err(MotionError::MissingParameter("score-max"))
        );
        assert_eq!(
            Method::Score { max: 256 }.validate(),
            Err(MotionError::ScoreMaxOutOfRange { max: 256 })
        );
        assert_eq!(
            Method::Score { max: 0 }.validate(),
            Err(MotionError::ScoreMaxOutOfRange { max: 0 })
        );
    }

    #[test]
    fn an_election_for_no_seat_is_refused() {
        let method = Method::Stv {
            seats: 0,
            variant: StvVariant::Meek,
        };
        assert_eq!(method.validate(), Err(MotionError::NoSeats));
    }

    #[test]
    fn an_unknown_method_code_is_refused() {
        assert_eq!(
            Method::from_code("borda", MethodParams::default()),
            Err(MotionError::UnknownMethod("borda".into()))
        );
    }

    #[test]
    fn variant_codes_round_trip() {
        for variant in StvVariant::ALL {
            assert_eq!(StvVariant::from_code(variant.code()), Some(variant));
        }
    }
}
