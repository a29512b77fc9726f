//! Elections of delegates: a constituent council elects, by STV, as many delegates to a
//! higher council as its seats there, for a term. The winners take their seats when the
//! election is decided (in the store's deciding transaction).

use crate::crypto::new_id;
use crate::ports::{DelegateRecord, ElectionRecord, MotionRecord};
use crate::{Actor, App, AppError};
use councils_domain::motion::{
    Method, MotionKind, MotionRules, MotionText, Phase, Secrecy, StvVariant, validate_options,
};
use councils_domain::{
    Action, Council, CouncilId, Handle, Language, MemberId, MembershipStatus, MotionId, TermCap,
    consecutive_terms, may_stand,
};
use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

/// Longest term an election may fill, in months (the domain's five years).
pub const TERM_MONTHS_MAX: u32 = 60;
/// A month of a term, in seconds: thirty days.
pub const MONTH_SECONDS: i64 = 30 * 24 * 3600;

/// An election as an organiser typed it.
#[derive(Clone, Debug, Default)]
pub struct ElectionDraft {
    /// The higher council's slug.
    pub parent: String,
    pub term_months: u32,
    /// Candidates' handles.
    pub candidates: Vec<String>,
    /// Title and body per language; a language with an empty title is left out.
    pub texts: Vec<(Language, String, String)>,
}

/// What the election form offers: the higher councils, their seats, and who may stand.
#[derive(Clone, Debug)]
pub struct ElectionForm {
    pub council: Council,
    /// Each higher council with the seats this council holds there.
    pub parents: Vec<(Council, u64)>,
    /// Active members who may stand (not at the term cap for every parent), by handle.
    pub candidates: Vec<Handle>,
}

impl App {
    /// What an organiser needs to call an election.
    pub async fn election_form(&self, actor: &Actor, slug: &str) -> Result<ElectionForm, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChairMotions)
            .await?;
        let mut parents = Vec::new();
        for parent in self.active_parents(&council.id).await? {
            let seats = self.seats_in(&parent, &council.id).await?;
            parents.push((parent, seats));
        }
        let mut candidates: Vec<Handle> = self
            .store
            .members_of(&council.id)
            .await?
            .into_iter()
            .filter(|m| m.status == MembershipStatus::Active)
            .map(|m| m.handle)
            .collect();
        candidates.sort_by_key(|h| h.as_str().to_lowercase());
        Ok(ElectionForm {
            council,
            parents,
            candidates,
        })
    }

    /// An organiser of a constituent calls an election of its delegates to a higher council:
    /// an STV election for as many seats as it holds there, secret, in discussion.
    pub async fn call_election(
        &self,
        actor: &Actor,
        slug: &str,
        draft: &ElectionDraft,
    ) -> Result<MotionId, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ChairMotions)
            .await?;
        let parent = self
            .active_parents(&council.id)
            .await?
            .into_iter()
            .find(|p| p.slug.as_str() == draft.parent)
            .ok_or(AppError::NotAParent)?;
        if draft.term_months == 0 || draft.term_months > TERM_MONTHS_MAX {
            return Err(AppError::BadValue);
        }
        let texts = draft
            .texts
            .iter()
            .filter(|(_, title, body)| !title.trim().is_empty() || !body.trim().is_empty())
            .map(|(language, title, body)| MotionText::new(*language, title, body))
            .collect::<Result<Vec<_>, _>>()?;
        MotionText::validate_all(&texts)?;
        let mut handles: Vec<String> = draft
            .candidates
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        handles.dedup();
        let candidates = self.candidates(&council.id, &parent.id, &handles).await?;
        let seats = self.seats_in(&parent, &council.id).await?;
        let seats = u32::try_from(seats).map_err(|_| AppError::BadValue)?;
        let (motion, election) = self
            .election_motion(
                &council.id,
                &parent.id,
                Some(actor.member_id.clone()),
                seats,
                draft.term_months,
                handles,
                candidates,
                texts,
            )
            .await?;
        self.store.create_election(&motion, &election).await?;
        Ok(motion.id)
    }

    /// Checks each handle names an active member of the constituent who may stand under
    /// its term cap and holds no seat in `parent` for another constituent; their ids in the
    /// same order.
    pub(crate) async fn candidates(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        handles: &[String],
    ) -> Result<Vec<MemberId>, AppError> {
        let members = self.store.members_of(constituent).await?;
        let cap = self.store.delegation_rules(constituent).await?.term_cap;
        let past = self.past_elections(constituent, parent).await?;
        // One person holds one seat in a council: whoever sits there for another constituent
        // (a member of two committees) cannot stand for this one's.
        let mut seated_elsewhere = Vec::new();
        for other in self.active_constituents(parent).await? {
            if other != *constituent {
                for seat in self.sitting_delegates(&other, parent).await? {
                    seated_elsewhere.push(seat.member_id);
                }
            }
        }
        let mut ids = Vec::with_capacity(handles.len());
        for handle in handles {
            let member = members
                .iter()
                .find(|m| {
                    m.status == MembershipStatus::Active
                        && m.handle.as_str().eq_ignore_ascii_case(handle)
                })
                .ok_or(AppError::BadValue)?;
            if seated_elsewhere.contains(&member.member_id) {
                return Err(AppError::SeatedForAnother);
            }
            if cap != TermCap::None {
                may_stand(cap, consecutive_terms(&past, &member.member_id))?;
            }
            ids.push(member.member_id.clone());
        }
        Ok(ids)
    }

    /// The winners of each past election of `constituent` to `parent`, newest first.
    async fn past_elections(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
    ) -> Result<Vec<Vec<MemberId>>, AppError> {
        let mut delegates: Vec<DelegateRecord> = self
            .store
            .delegates_of(constituent)
            .await?
            .into_iter()
            .filter(|d| d.constituent_id == *constituent && d.parent_id == *parent)
            .collect();
        delegates.sort_by_key(|d| std::cmp::Reverse(d.term_starts_at));
        let mut elections: Vec<(MotionId, Vec<MemberId>)> = Vec::new();
        for d in delegates {
            match elections.iter_mut().find(|(e, _)| *e == d.election) {
                Some((_, winners)) => winners.push(d.member_id),
                None => elections.push((d.election, vec![d.member_id])),
            }
        }
        Ok(elections.into_iter().map(|(_, w)| w).collect())
    }

    /// The seats `constituent` holds in `parent` under the parent's seat rule.
    pub(crate) async fn seats_in(
        &self,
        parent: &Council,
        constituent: &CouncilId,
    ) -> Result<u64, AppError> {
        let represented = self.store.represented_members(constituent).await?;
        Ok(parent.settings.seat_rule.seats(represented))
    }

    /// An election motion and its record, ready to store.
    #[allow(clippy::too_many_arguments)]
    pub(crate) async fn election_motion(
        &self,
        constituent: &CouncilId,
        parent: &CouncilId,
        mover: Option<MemberId>,
        seats: u32,
        term_months: u32,
        handles: Vec<String>,
        candidates: Vec<MemberId>,
        texts: Vec<MotionText>,
    ) -> Result<(MotionRecord, ElectionRecord), AppError> {
        let method = Method::Stv {
            seats,
            variant: StvVariant::Meek,
        };
        let rules = MotionRules::new(
            MotionKind::Election,
            method,
            Quorum::None,
            MajorityRule {
                majority: Majority::Simple,
                base: MajorityBase::VotesCast,
            },
            Secrecy::Secret,
        )?;
        let options = validate_options(&method, &handles)?;
        let id = MotionId::new(new_id());
        let by_election = mover.is_none();
        Ok((
            MotionRecord {
                id: id.clone(),
                council_id: constituent.clone(),
                mover,
                kind: MotionKind::Election,
                rules,
                options,
                texts,
                phase: Phase::Discussion,
                created_at: self.now(),
                voting_opened_at: None,
                entitled: None,
                closes_at: None,
                decided_at: None,
                outcome: None,
            },
            ElectionRecord {
                motion_id: id,
                constituent_id: constituent.clone(),
                parent_id: parent.clone(),
                term_months,
                candidates,
                by_election,
            },
        ))
    }
}
