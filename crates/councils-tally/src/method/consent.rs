//! Consent decisions: a proposal passes unless someone blocks it; objections are recorded.

use serde::{Deserialize, Serialize};

use crate::{DecidedBy, Rules, TallyError, Weight, Weighted};

/// A response to a proposal decided by consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentChoice {
    /// Consents.
    Consent,
    /// Objects, for the minutes, without stopping the proposal.
    Object,
    /// Stands aside: present, takes no position.
    StandAside,
    /// Blocks: the proposal does not pass.
    Block,
}

/// The weight of each response; also the compact form of consent ballots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ConsentCount {
    /// Weight consenting.
    pub consent: u64,
    /// Weight objecting (recorded, does not stop the proposal).
    pub object: u64,
    /// Weight standing aside.
    pub stand_aside: u64,
    /// Weight blocking.
    pub block: u64,
}

impl ConsentCount {
    /// The count of some weighted responses.
    pub fn from_ballots<'a>(
        ballots: impl IntoIterator<Item = &'a Weighted<ConsentChoice>>,
    ) -> Self {
        let mut count = Self::default();
        for b in ballots {
            count.add(b.ballot, b.weight);
        }
        count
    }

    /// Adds one response.
    pub fn add(&mut self, choice: ConsentChoice, weight: Weight) {
        match choice {
            ConsentChoice::Consent => self.consent += weight,
            ConsentChoice::Object => self.object += weight,
            ConsentChoice::StandAside => self.stand_aside += weight,
            ConsentChoice::Block => self.block += weight,
        }
    }

    /// The weight of all responses (what a quorum counts).
    pub fn cast(&self) -> u64 {
        self.consent + self.object + self.stand_aside + self.block
    }
}

/// What became of a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsentDecision {
    /// Quorum met and no block.
    Passed,
    /// At least one block.
    Blocked,
    /// Too few responses for any decision.
    NoQuorum,
}

/// The result of a consent decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConsentResult {
    /// The weight of each response.
    pub count: ConsentCount,
    /// Whether the quorum was met.
    pub quorum_met: bool,
    /// What became of the proposal.
    pub decision: ConsentDecision,
    /// Always [`DecidedBy::Count`].
    pub decided_by: DecidedBy,
}

/// Decides a proposal by consent under `rules` (only the quorum applies; majority does not).
pub fn tally(count: &ConsentCount, rules: &Rules) -> Result<ConsentResult, TallyError> {
    let quorum_met = rules.quorum.is_met(count.cast(), rules.entitled)?;
    let decision = if !quorum_met {
        ConsentDecision::NoQuorum
    } else if count.block > 0 {
        ConsentDecision::Blocked
    } else {
        ConsentDecision::Passed
    };
    Ok(ConsentResult {
        count: *count,
        quorum_met,
        decision,
        decided_by: DecidedBy::Count,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_block_stops_a_proposal_that_everyone_else_consents_to() {
        let mut ballots = vec![Weighted::new(ConsentChoice::Consent, 99)];
        ballots.push(Weighted::one(ConsentChoice::Block));
        let result = tally(&ConsentCount::from_ballots(&ballots), &Rules::default()).unwrap();
        assert_eq!(result.decision, ConsentDecision::Blocked);
    }

    #[test]
    fn objections_are_recorded_but_do_not_stop_a_proposal() {
        let ballots = [
            Weighted::new(ConsentChoice::Object, 5),
            Weighted::one(ConsentChoice::Consent),
            Weighted::one(ConsentChoice::StandAside),
        ];
        let result = tally(&ConsentCount::from_ballots(&ballots), &Rules::default()).unwrap();
        assert_eq!(result.decision, ConsentDecision::Passed);
        assert_eq!(result.count.object, 5);
    }
}
