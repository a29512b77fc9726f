//! How a council sends delegates up: the rules it chooses for them (term cap, mandate policy,
//! recall, vote weighting), how much a delegate's ballot weighs in the higher council, and how
//! many terms in a row a member has served.

use crate::{MandatePolicy, MemberId, RecallRules, TermCap};
use serde::{Deserialize, Serialize};

/// How a higher council weighs its delegates' ballots.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteWeighting {
    /// Each constituent's ballots together weigh the base members it represents, shared
    /// among its delegates.
    #[default]
    Members,
    /// Each delegate's ballot weighs one: one per seat.
    Seats,
}

impl VoteWeighting {
    /// Every weighting, the default first.
    pub const ALL: [VoteWeighting; 2] = [VoteWeighting::Members, VoteWeighting::Seats];

    /// The code in storage and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            VoteWeighting::Members => "members",
            VoteWeighting::Seats => "seats",
        }
    }

    /// Reads a weighting code.
    pub fn from_code(code: &str) -> Option<Self> {
        VoteWeighting::ALL.into_iter().find(|w| w.code() == code)
    }
}

/// The rules a council keeps for its delegates (as a constituent) and for the delegates it
/// receives (as a higher council). Defaults: no term cap, contrary votes refused, recall by
/// a majority removing at once, votes weighted by members.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DelegationRules {
    /// Consecutive terms one member may serve as this council's delegate.
    pub term_cap: TermCap,
    /// What becomes of this council's delegates' votes against its mandate.
    pub mandate_policy: MandatePolicy,
    /// When and how this council's delegates are recalled.
    pub recall: RecallRules,
    /// How this council, as a higher council, weighs its delegates' ballots.
    pub vote_weighting: VoteWeighting,
}

/// The weight of each of `delegates` delegates of a constituent representing `represented`
/// base members: the members shared as evenly as whole numbers allow, the first delegates
/// (in the order given) taking one more each until the remainder is spent, so the weights
/// always add up to `represented`. Under [`VoteWeighting::Seats`] each weighs one.
pub fn delegate_weights(weighting: VoteWeighting, represented: u64, delegates: usize) -> Vec<u64> {
    let n = delegates as u64;
    if n == 0 {
        return Vec::new();
    }
    match weighting {
        VoteWeighting::Seats => vec![1; delegates],
        VoteWeighting::Members => (0..n)
            .map(|i| represented / n + u64::from(i < represented % n))
            .collect(),
    }
}

/// How many terms in a row `member` has served, counting back from the latest election:
/// `elections` holds each election's winners, newest first.
pub fn consecutive_terms(elections: &[Vec<MemberId>], member: &MemberId) -> u32 {
    elections
        .iter()
        .take_while(|winners| winners.contains(member))
        .count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_shared_among_delegates_and_add_up() {
        assert_eq!(
            delegate_weights(VoteWeighting::Members, 10, 3),
            vec![4, 3, 3]
        );
        assert_eq!(
            delegate_weights(VoteWeighting::Members, 9, 3),
            vec![3, 3, 3]
        );
        assert_eq!(
            delegate_weights(VoteWeighting::Members, 2, 3),
            vec![1, 1, 0]
        );
        assert!(delegate_weights(VoteWeighting::Members, 7, 0).is_empty());
    }

    #[test]
    fn one_per_seat_weighs_each_delegate_one() {
        assert_eq!(delegate_weights(VoteWeighting::Seats, 40, 2), vec![1, 1]);
    }

    #[test]
    fn consecutive_terms_stop_at_the_first_term_missed() {
        let ana = MemberId::new("ana");
        let luz = MemberId::new("luz");
        let elections = vec![
            vec![ana.clone(), luz.clone()],
            vec![ana.clone()],
            vec![luz.clone()],
            vec![ana.clone()],
        ];
        assert_eq!(consecutive_terms(&elections, &ana), 2);
        assert_eq!(consecutive_terms(&elections, &luz), 1);
        assert_eq!(consecutive_terms(&[], &luz), 0);
    }

    #[test]
    fn weighting_codes_round_trip() {
        for w in VoteWeighting::ALL {
            assert_eq!(VoteWeighting::from_code(w.code()), Some(w));
        }
    }
}
