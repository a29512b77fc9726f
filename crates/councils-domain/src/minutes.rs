//! The minutes of a council: an append-only log where each entry commits to the one before it.
//!
//! An entry's hash is SHA-256 over the previous hash, its sequence number, its time and the
//! exact JSON text of its event, so anyone holding an export can recompute the chain. Events
//! name members by their opaque id only: when a member deletes their account the entry stays,
//! the chain stays valid, and the page shows a tombstone instead of a handle.

use crate::motion::Outcome;
use crate::recall::{RecallMode, RecallThreshold};
use crate::{AmendmentId, CouncilId, CouncilKind, DelegateId, MemberId, MotionId, RecallId, Role};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

/// The hash the first entry of every council's minutes commits to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Something a council's minutes record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum MinutesEvent {
    CouncilFounded {
        by: Option<MemberId>,
        kind: CouncilKind,
    },
    MemberJoined {
        member: MemberId,
        role: Role,
        pending: bool,
    },
    Vouched {
        member: MemberId,
        voucher: MemberId,
    },
    MemberActivated {
        member: MemberId,
        by: Option<MemberId>,
    },
    RoleGranted {
        member: MemberId,
        role: Role,
        by: MemberId,
    },
    RoleRevoked {
        member: MemberId,
        role: Role,
        by: MemberId,
    },
    MemberRemoved {
        member: MemberId,
        by: MemberId,
    },
    MemberLeft {
        member: MemberId,
    },
    SettingsChanged {
        by: MemberId,
        vouches_required: u32,
        members_per_delegate: u32,
        minimum_seats: u32,
    },
    NamesChanged {
        by: MemberId,
    },
    LinkRequested {
        constituent: CouncilId,
        parent: CouncilId,
        by: MemberId,
    },
    LinkAccepted {
        constituent: CouncilId,
        parent: CouncilId,
        by: MemberId,
    },
    LinkEnded {
        constituent: CouncilId,
        parent: CouncilId,
        by: MemberId,
    },
    /// A motion was put to the council; `title` in the first language it was written in.
    MotionProposed {
        motion: MotionId,
        by: MemberId,
        title: String,
    },
    /// Voting opened on a motion, with this many members entitled to vote.
    VotingOpened {
        motion: MotionId,
        by: Option<MemberId>,
        entitled: u64,
    },
    AmendmentAccepted {
        motion: MotionId,
        amendment: AmendmentId,
        by: MemberId,
    },
    /// An amendment the mover had not accepted was put to the council's vote, the yes/no
    /// motion `vote`.
    AmendmentPutToVote {
        motion: MotionId,
        amendment: AmendmentId,
        vote: MotionId,
        by: MemberId,
    },
    /// The council's vote decided an amendment: taken into the motion's text, or not.
    AmendmentVoted {
        motion: MotionId,
        amendment: AmendmentId,
        accepted: bool,
    },
    /// The council's defaults for new motions changed (`majority` and `method` are the
    /// new-motion form's codes).
    MotionDefaultsChanged {
        by: MemberId,
        method: String,
        majority: String,
        quorum_percent: u32,
        secret: bool,
    },
    /// A motion was decided; the count goes into the minutes whole.
    MotionDecided {
        motion: MotionId,
        outcome: Box<Outcome>,
    },
    /// In the constituent: a member was elected its delegate to `parent` until `ends_at`.
    DelegateElected {
        delegate: DelegateId,
        member: MemberId,
        parent: CouncilId,
        election: MotionId,
        ends_at: i64,
    },
    /// In the higher council: a delegate of `constituent` took their seat as a member.
    DelegateSeated {
        member: MemberId,
        constituent: CouncilId,
    },
    /// In the constituent: a delegate's term ended (a new term started, or it ran out).
    DelegateTermEnded {
        delegate: DelegateId,
        member: MemberId,
        parent: CouncilId,
    },
    /// In the higher council: a delegate of `constituent` left their seat.
    DelegateUnseated {
        member: MemberId,
        constituent: CouncilId,
    },
    /// In the constituent: the council mandated its delegates on a motion of `parent`
    /// (`mandate` is `MandateChoice::encode`).
    MandateVoted {
        motion: MotionId,
        parent: CouncilId,
        mandate: String,
    },
    /// In the constituent: its delegate voted against the mandate, and the vote was counted.
    VoteAgainstMandate {
        delegate: DelegateId,
        member: MemberId,
        motion: MotionId,
    },
    /// In the constituent: a recall of a delegate started (`by` is `None` when it opened by
    /// itself on a vote against the mandate).
    RecallStarted {
        recall: RecallId,
        delegate: DelegateId,
        by: Option<MemberId>,
    },
    /// In the constituent: a recall reached its threshold and a recall vote opened.
    RecallVoteOpened {
        recall: RecallId,
        motion: MotionId,
    },
    /// In the constituent: a delegate was recalled and their seat is vacant.
    DelegateRecalled {
        delegate: DelegateId,
        member: MemberId,
        parent: CouncilId,
    },
    /// In the constituent: a recall vote kept the delegate.
    RecallFailed {
        recall: RecallId,
    },
    /// The council changed how it binds and recalls its delegates and weighs their votes.
    DelegationRulesChanged {
        by: MemberId,
        term_cap: Option<u32>,
        mandate_policy: crate::MandatePolicy,
        recall_threshold: RecallThreshold,
        recall_mode: RecallMode,
        vote_weighting: crate::VoteWeighting,
    },
    /// In the higher council: a motion was put to a referendum of every base member.
    ReferendumCalled {
        motion: MotionId,
        by: MemberId,
    },
    /// A publication went out to the council's members (and to anyone, if `public`).
    PublicationPublished {
        publication: crate::PublicationId,
        by: MemberId,
        public: bool,
    },
    /// An organiser made a publication public, or for members only again.
    PublicationVisibilityChanged {
        publication: crate::PublicationId,
        by: MemberId,
        public: bool,
    },
    /// An organiser changed the text of a published publication.
    PublicationRevised {
        publication: crate::PublicationId,
        by: MemberId,
    },
    /// An organiser withdrew a published publication: it and its comments are deleted.
    PublicationWithdrawn {
        publication: crate::PublicationId,
        by: MemberId,
    },
    /// An organiser hid a comment on a publication, showed it again or removed it.
    PublicationCommentModerated {
        publication: crate::PublicationId,
        comment: crate::CommentId,
        moderation: crate::publication::Moderation,
        by: MemberId,
    },
    /// In the committee and the strike committee: the committee went on strike, on its
    /// carried strike vote `motion`, run by `strike_committee`.
    StrikeOpened {
        strike: crate::StrikeId,
        committee: CouncilId,
        strike_committee: CouncilId,
        motion: MotionId,
        by: MemberId,
    },
    /// In the committee and the strike committee: another committee joined the strike on its
    /// own carried strike vote, as a constituent of the strike committee.
    StrikeJoined {
        strike: crate::StrikeId,
        committee: CouncilId,
        motion: MotionId,
        by: MemberId,
    },
    /// In the strike committee: the strike's status changed (`status` is its code).
    StrikeStatusChanged {
        strike: crate::StrikeId,
        status: String,
        by: MemberId,
    },
}

impl MinutesEvent {
    /// The event's code, also the stem of its translation key (`minutes-member-joined`).
    pub fn code(&self) -> &'static str {
        match self {
            MinutesEvent::CouncilFounded { .. } => "council-founded",
            MinutesEvent::MemberJoined { .. } => "member-joined",
            MinutesEvent::Vouched { .. } => "vouched",
            MinutesEvent::MemberActivated { .. } => "member-activated",
            MinutesEvent::RoleGranted { .. } => "role-granted",
            MinutesEvent::RoleRevoked { .. } => "role-revoked",
            MinutesEvent::MemberRemoved { .. } => "member-removed",
            MinutesEvent::MemberLeft { .. } => "member-left",
            MinutesEvent::SettingsChanged { .. } => "settings-changed",
            MinutesEvent::NamesChanged { .. } => "names-changed",
            MinutesEvent::LinkRequested { .. } => "link-requested",
            MinutesEvent::LinkAccepted { .. } => "link-accepted",
            MinutesEvent::LinkEnded { .. } => "link-ended",
            MinutesEvent::MotionProposed { .. } => "motion-proposed",
            MinutesEvent::VotingOpened { .. } => "voting-opened",
            MinutesEvent::AmendmentAccepted { .. } => "amendment-accepted",
            MinutesEvent::AmendmentPutToVote { .. } => "amendment-put-to-vote",
            MinutesEvent::AmendmentVoted { .. } => "amendment-voted",
            MinutesEvent::MotionDefaultsChanged { .. } => "motion-defaults-changed",
            MinutesEvent::MotionDecided { .. } => "motion-decided",
            MinutesEvent::DelegateElected { .. } => "delegate-elected",
            MinutesEvent::DelegateSeated { .. } => "delegate-seated",
            MinutesEvent::DelegateTermEnded { .. } => "delegate-term-ended",
            MinutesEvent::DelegateUnseated { .. } => "delegate-unseated",
            MinutesEvent::MandateVoted { .. } => "mandate-voted",
            MinutesEvent::VoteAgainstMandate { .. } => "vote-against-mandate",
            MinutesEvent::RecallStarted { .. } => "recall-started",
            MinutesEvent::RecallVoteOpened { .. } => "recall-vote-opened",
            MinutesEvent::DelegateRecalled { .. } => "delegate-recalled",
            MinutesEvent::RecallFailed { .. } => "recall-failed",
            MinutesEvent::DelegationRulesChanged { .. } => "delegation-rules-changed",
            MinutesEvent::ReferendumCalled { .. } => "referendum-called",
            MinutesEvent::PublicationPublished { .. } => "publication-published",
            MinutesEvent::PublicationVisibilityChanged { .. } => "publication-visibility-changed",
            MinutesEvent::PublicationRevised { .. } => "publication-revised",
            MinutesEvent::PublicationWithdrawn { .. } => "publication-withdrawn",
            MinutesEvent::PublicationCommentModerated { .. } => "publication-comment-moderated",
            MinutesEvent::StrikeOpened { .. } => "strike-opened",
            MinutesEvent::StrikeJoined { .. } => "strike-joined",
            MinutesEvent::StrikeStatusChanged { .. } => "strike-status-changed",
        }
    }
}

/// One entry of the minutes, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesEntry {
    /// Position in the council's minutes, from 1.
    pub seq: u64,
    /// Seconds since the Unix epoch.
    pub recorded_at: i64,
    /// The event's JSON text, exactly as hashed.
    pub body: String,
    pub prev_hash: String,
    pub hash: String,
}

impl MinutesEntry {
    /// The entry that follows `previous` (or starts the minutes) recording `event`.
    pub fn next(previous: Option<&MinutesEntry>, recorded_at: i64, event: &MinutesEvent) -> Self {
        let (seq, prev_hash) = match previous {
            Some(entry) => (entry.seq + 1, entry.hash.clone()),
            None => (1, GENESIS_HASH.to_string()),
        };
        let body = serde_json::to_string(event).expect("events always serialise");
        let hash = entry_hash(&prev_hash, seq, recorded_at, &body);
        Self {
            seq,
            recorded_at,
            body,
            prev_hash,
            hash,
        }
    }

    /// The event this entry records, if its text is still readable.
    pub fn event(&self) -> Option<MinutesEvent> {
        serde_json::from_str(&self.body).ok()
    }
}

fn entry_hash(prev_hash: &str, seq: u64, recorded_at: i64, body: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(b"\n");
    hasher.update(seq.to_string().as_bytes());
    hasher.update(b"\n");
    hasher.update(recorded_at.to_string().as_bytes());
    hasher.update(b"\n");
    hasher.update(body.as_bytes());
    hex::encode(hasher.finalize())
}

/// Where and how a chain of minutes is broken.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ChainBreak {
    #[error("entry {seq}: expected sequence number {expected}")]
    Gap { seq: u64, expected: u64 },
    #[error("entry {seq}: does not follow the hash of the entry before it")]
    Unlinked { seq: u64 },
    #[error("entry {seq}: its content does not match its hash (it was changed)")]
    Altered { seq: u64 },
}

/// Checks a council's minutes in order; the first break found is returned.
pub fn verify_chain(entries: &[MinutesEntry]) -> Result<(), ChainBreak> {
    let mut expected_prev = GENESIS_HASH.to_string();
    for (index, entry) in entries.iter().enumerate() {
        let expected = index as u64 + 1;
        if entry.seq != expected {
            return Err(ChainBreak::Gap {
                seq: entry.seq,
                expected,
            });
        }
        if entry.prev_hash != expected_prev {
            return Err(ChainBreak::Unlinked { seq: entry.seq });
        }
        if entry_hash(&entry.prev_hash, entry.seq, entry.recorded_at, &entry.body) != entry.hash {
            return Err(ChainBreak::Altered { seq: entry.seq });
        }
        expected_prev = entry.hash.clone();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain() -> Vec<MinutesEntry> {
        let ana = MemberId::new("ana");
        let events = [
            MinutesEvent::CouncilFounded {
                by: Some(ana.clone()),
                kind: CouncilKind::WorkplaceCommittee,
            },
            MinutesEvent::MemberJoined {
                member: ana.clone(),
                role: Role::Organiser,
                pending: false,
            },
            MinutesEvent::MemberJoined {
                member: MemberId::new("luz"),
                role: Role::Member,
                pending: true,
            },
            MinutesEvent::Vouched {
                member: MemberId::new("luz"),
                voucher: ana,
            },
        ];
        let mut entries: Vec<MinutesEntry> = Vec::new();
        for (i, event) in events.iter().enumerate() {
            let entry = MinutesEntry::next(entries.last(), 1_700_000_000 + i as i64, event);
            entries.push(entry);
        }
        entries
    }

    #[test]
    fn an_untouched_chain_verifies() {
        assert_eq!(verify_chain(&chain()), Ok(()));
    }

    #[test]
    fn each_entry_commits_to_the_previous_hash() {
        let entries = chain();
        assert_eq!(entries[0].prev_hash, GENESIS_HASH);
        assert_eq!(entries[2].prev_hash, entries[1].hash);
    }

    #[test]
    fn a_rewritten_entry_is_found() {
        let mut entries = chain();
        entries[2].body = entries[2].body.replace("true", "false");
        assert_eq!(verify_chain(&entries), Err(ChainBreak::Altered { seq: 3 }));
    }

    #[test]
    fn a_deleted_entry_is_found() {
        let mut entries = chain();
        entries.remove(1);
        assert_eq!(
            verify_chain(&entries),
            Err(ChainBreak::Gap {
                seq: 3,
                expected: 2
            })
        );
    }

    #[test]
    fn a_rehashed_entry_breaks_the_link_to_the_next() {
        let mut entries = chain();
        entries[1].recorded_at += 60;
        entries[1].hash = entry_hash(
            &entries[1].prev_hash,
            2,
            entries[1].recorded_at,
            &entries[1].body,
        );
        assert_eq!(verify_chain(&entries), Err(ChainBreak::Unlinked { seq: 3 }));
    }

    #[test]
    fn the_event_text_reads_back() {
        assert_eq!(chain()[3].event().unwrap().code(), "vouched");
    }
}
