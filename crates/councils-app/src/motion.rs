//! Motions: putting one to a council, its agenda, its discussion (comments and amendments)
//! and moving it through its phases.

use crate::crypto::new_id;
use crate::ports::{
    AmendmentRecord, AmendmentStatus, CommentRecord, MotionRecord, OpenVote, PhaseChange,
};
use crate::{Actor, App, AppError};
use councils_domain::motion::{
    Choice, Method, MethodParams, MotionError, MotionKind, MotionRules, MotionText, Phase, Secrecy,
    StvVariant, validate_options,
};
use councils_domain::{
    Action, AmendmentId, CommentId, Council, Language, MemberId, MotionId, Standing,
};
use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

/// A comment or an amendment may be this long.
pub const COMMENT_MAX: usize = 5_000;
/// Voting may be set to close by itself at most this many hours after it opens.
pub const VOTING_HOURS_MAX: u32 = 24 * 60;

/// A motion as its mover typed it.
#[derive(Clone, Debug, Default)]
pub struct MotionDraft {
    /// `MotionKind::code`.
    pub kind: String,
    /// `Method::code`.
    pub method: String,
    pub score_max: Option<u32>,
    pub seats: Option<u32>,
    pub secret: bool,
    /// `simple`, `two-thirds`, or `members` (more than half of all members entitled).
    pub majority: String,
    /// Share of the members entitled who must vote, in percent; 0 for no quorum.
    pub quorum_percent: u32,
    /// One option per entry (blank entries are dropped); ignored for yes/no and consent.
    pub options: Vec<String>,
    /// Title and body per language; a language with an empty title is left out.
    pub texts: Vec<(Language, String, String)>,
    /// Keep it as a draft (only the mover sees it) instead of opening discussion at once.
    pub as_draft: bool,
}

impl MotionDraft {
    pub(crate) fn rules(&self) -> Result<(MotionKind, MotionRules), AppError> {
        let kind = MotionKind::from_code(&self.kind).ok_or(AppError::BadValue)?;
        let method = Method::from_code(
            &self.method,
            MethodParams {
                score_max: self.score_max,
                seats: self.seats,
                stv_variant: Some(StvVariant::Meek),
            },
        )?;
        let majority = match self.majority.as_str() {
            "simple" | "" => MajorityRule {
                majority: Majority::Simple,
                base: MajorityBase::VotesCast,
            },
            "two-thirds" => MajorityRule {
                majority: Majority::TwoThirds,
                base: MajorityBase::VotesCast,
            },
            "members" => MajorityRule {
                majority: Majority::Simple,
                base: MajorityBase::Entitled,
            },
            _ => return Err(AppError::BadValue),
        };
        let quorum = match self.quorum_percent {
            0 => Quorum::None,
            p if p <= 100 => Quorum::Share {
                num: u64::from(p),
                den: 100,
            },
            _ => return Err(AppError::BadValue),
        };
        let secrecy = if self.secret || kind.requires_secret() {
            Secrecy::Secret
        } else {
            Secrecy::Open
        };
        Ok((
            kind,
            MotionRules::new(kind, method, quorum, majority, secrecy)?,
        ))
    }
}

/// A motion with what its page shows, filtered by what the reader may see and do.
#[derive(Clone, Debug)]
pub struct MotionView {
    pub council: Council,
    pub motion: MotionRecord,
    pub standing: Standing,
    pub mover_handle: Option<String>,
    pub comments: Vec<CommentRecord>,
    pub amendments: Vec<AmendmentRecord>,
    /// Whether the reader is on the roll, and (their own, read back by its keyed id) what
    /// their ballot says.
    pub voted: bool,
    pub my_choice: Option<Choice>,
    /// How many are on the roll.
    pub roll: u64,
    /// Who voted what, for an open vote that has been decided.
    pub open_votes: Vec<OpenVote>,
    /// Whether the reader may open or close voting.
    pub may_chair: bool,
    /// Whether the reader is the mover (accepts amendments, opens discussion of a draft).
    pub is_mover: bool,
    /// Whether the motion is put to a referendum of every base member below the council.
    pub referendum: bool,
    /// Whether the reader votes only as a base member in that referendum.
    pub referendum_voter: bool,
    /// Whether it is a by-election the council opened itself, after a recall (no mover).
    pub by_election: bool,
    /// Whether it votes the council's mandate for, against, abstain or free on a higher
    /// council's motion (its options are those `MandateChoice` codes).
    pub mandate_motion: bool,
    /// If this motion is the council's vote on an amendment to another motion: that amendment.
    pub amendment_vote: Option<AmendmentRecord>,
    /// Who is reading.
    pub reader: MemberId,
}

impl App {
    /// An active member puts a motion to their council; returns its id.
    pub async fn propose_motion(
        &self,
        actor: &Actor,
        slug: &str,
        draft: &MotionDraft,
    ) -> Result<MotionId, AppError> {
        let motion = self.new_motion(actor, slug, draft).await?;
        self.store.create_motion(&motion).await?;
        Ok(motion.id)
    }

    /// A motion the actor may propose, checked and not yet stored.
    pub(crate) async fn new_motion(
        &self,
        actor: &Actor,
        slug: &str,
        draft: &MotionDraft,
    ) -> Result<MotionRecord, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ProposeMotion)
            .await?;
        let (kind, mut rules) = draft.rules()?;
        // In a council of delegates an ordinary motion is voted openly: delegates answer to
        // the councils that sent them, who see how they voted (a referendum turns it secret).
        if kind == MotionKind::Ordinary
            && rules.secrecy() == Secrecy::Secret
            && !self.active_constituents(&council.id).await?.is_empty()
        {
            rules = MotionRules::new(
                kind,
                rules.method(),
                rules.quorum(),
                rules.majority(),
                Secrecy::Open,
            )?;
        }
        let texts = draft
            .texts
            .iter()
            .filter(|(_, title, body)| !title.trim().is_empty() || !body.trim().is_empty())
            .map(|(language, title, body)| MotionText::new(*language, title, body))
            .collect::<Result<Vec<_>, _>>()?;
        MotionText::validate_all(&texts)?;
        let options: Vec<String> = draft
            .options
            .iter()
            .map(|o| o.trim().to_string())
            .filter(|o| !o.is_empty())
            .collect();
        let options = if rules.method().has_fixed_options() {
            Vec::new()
        } else {
            validate_options(&rules.method(), &options)?
        };
        Ok(MotionRecord {
            id: MotionId::new(new_id()),
            council_id: council.id,
            mover: Some(actor.member_id.clone()),
            kind,
            rules,
            options,
            texts,
            phase: if draft.as_draft {
                Phase::Draft
            } else {
                Phase::Discussion
            },
            created_at: self.now(),
            voting_opened_at: None,
            entitled: None,
            closes_at: None,
            decided_at: None,
            outcome: None,
        })
    }

    /// A council's motions as the actor may see them (drafts only to their mover).
    pub async fn agenda(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<(Council, Standing, Vec<MotionRecord>), AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        let mut motions = self.store.motions_of(&council.id).await?;
        motions.retain(|m| m.phase != Phase::Draft || m.mover.as_ref() == Some(&actor.member_id));
        Ok((council, standing, motions))
    }

    /// The motion named by `id` in the council `slug`, if the actor may see it.
    pub(crate) async fn motion_for(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        action: Action,
    ) -> Result<(Council, Standing, MotionRecord), AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        let allowed = standing.may(action);
        let motion_id = MotionId::new(id);
        let read = async { Ok(self.store.motion(&motion_id).await?) };
        let motion = (*self
            .cached(&self.cache.motions, motion_id.clone(), read)
            .await?)
            .clone()
            .filter(|m| m.council_id == council.id)
            .filter(|m| m.phase != Phase::Draft || m.mover.as_ref() == Some(&actor.member_id));
        if !allowed {
            // A referendum opens this one motion, to be read and voted, to every base
            // member below the council.
            let voter = match &motion {
                Some(m) if matches!(action, Action::SeeMembers | Action::Vote) => {
                    self.referendum_voter(actor, &council, m).await?
                }
                _ => false,
            };
            if !voter {
                return Err(AppError::Forbidden);
            }
        }
        let motion = motion.ok_or(AppError::NotFound)?;
        Ok((council, standing, motion))
    }

    /// A motion's page.
    pub async fn motion_page(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<MotionView, AppError> {
        let (council, standing, motion) =
            self.motion_for(actor, slug, id, Action::SeeMembers).await?;
        let mover_handle = match &motion.mover {
            Some(mover) => self
                .store
                .member(mover)
                .await?
                .map(|m| m.handle.to_string()),
            None => None,
        };
        let voted = self.store.has_voted(&motion.id, &actor.member_id).await?;
        let my_choice = if voted {
            let ballot_id = self
                .cipher
                .ballot_id(motion.id.as_str(), actor.member_id.as_str());
            self.store
                .ballot_choice(&motion.id, &ballot_id)
                .await?
                .and_then(|code| Choice::decode(&motion.rules.method(), &code).ok())
        } else {
            None
        };
        let open_votes =
            if motion.rules.secrecy() == Secrecy::Open && motion.phase == Phase::Decided {
                self.store.open_votes(&motion.id).await?
            } else {
                Vec::new()
            };
        let referendum = self.store.is_referendum(&motion.id).await?;
        let referendum_voter = self.referendum_voter(actor, &council, &motion).await?;
        let by_election = motion.kind == councils_domain::motion::MotionKind::Election
            && self
                .store
                .election(&motion.id)
                .await?
                .is_some_and(|e| e.by_election);
        let mandate_motion = motion.options == crate::democracy::mandate::MANDATE_OPTIONS
            && self.store.mandate_motion(&motion.id).await?.is_some();
        Ok(MotionView {
            amendment_vote: self.store.amendment_voted_by(&motion.id).await?,
            reader: actor.member_id.clone(),
            mandate_motion,
            by_election,
            referendum,
            referendum_voter,
            is_mover: motion.mover.as_ref() == Some(&actor.member_id),
            may_chair: standing.may(Action::ChairMotions),
            roll: self.store.roll_count(&motion.id).await?,
            comments: self.store.comments_of(&motion.id).await?,
            amendments: self.store.amendments_of(&motion.id).await?,
            council,
            motion,
            standing,
            mover_handle,
            voted,
            my_choice,
            open_votes,
        })
    }

    /// The mover opens a draft to discussion.
    pub async fn open_discussion(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
    ) -> Result<(), AppError> {
        let (_, _, motion) = self
            .motion_for(actor, slug, id, Action::ProposeMotion)
            .await?;
        if motion.mover.as_ref() != Some(&actor.member_id) {
            return Err(AppError::Forbidden);
        }
        let to = motion.phase.open_discussion()?;
        self.change_phase(&motion, to, Some(&actor.member_id), None, None)
            .await
    }

    /// The chair (an organiser) or the mover opens voting, fixing who is entitled to vote;
    /// with `hours`, voting closes by itself that long after.
    pub async fn open_voting(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        hours: Option<u32>,
    ) -> Result<(), AppError> {
        let (council, standing, motion) = self
            .motion_for(actor, slug, id, Action::ProposeMotion)
            .await?;
        let mover = motion.mover.as_ref() == Some(&actor.member_id);
        if !mover && !standing.may(Action::ChairMotions) {
            return Err(AppError::Forbidden);
        }
        let to = motion.phase.open_voting()?;
        let amendments = self.store.amendments_of(&motion.id).await?;
        if amendments
            .iter()
            .any(|a| a.status == AmendmentStatus::Voting)
        {
            return Err(AppError::AmendmentPending);
        }
        let closes_at = self.voting_closes_at(hours)?;
        let entitled = self.entitled(&council, &motion).await?;
        self.change_phase(
            &motion,
            to,
            Some(&actor.member_id),
            Some(entitled),
            closes_at,
        )
        .await?;
        self.tell_voting_opened(&council, &motion).await;
        Ok(())
    }

    /// When voting opened now closes by itself after `hours` (none, or 0, to close it by
    /// hand); more than [`VOTING_HOURS_MAX`] is refused.
    pub(crate) fn voting_closes_at(&self, hours: Option<u32>) -> Result<Option<i64>, AppError> {
        match hours {
            None | Some(0) => Ok(None),
            Some(h) if h <= VOTING_HOURS_MAX => Ok(Some(self.now() + i64::from(h) * 3600)),
            Some(_) => Err(AppError::BadValue),
        }
    }

    pub(crate) async fn change_phase(
        &self,
        motion: &MotionRecord,
        to: Phase,
        by: Option<&MemberId>,
        entitled: Option<u64>,
        closes_at: Option<i64>,
    ) -> Result<(), AppError> {
        Ok(self
            .store
            .change_phase(&PhaseChange {
                motion_id: motion.id.clone(),
                from: motion.phase,
                to,
                by: by.cloned(),
                at: self.now(),
                entitled,
                closes_at,
            })
            .await?)
    }

    /// An active member comments on a motion in discussion or voting.
    pub async fn comment(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        body: &str,
    ) -> Result<(), AppError> {
        let (_, _, motion) = self
            .motion_for(actor, slug, id, Action::ProposeMotion)
            .await?;
        if !matches!(motion.phase, Phase::Discussion | Phase::Voting) {
            return Err(MotionError::PhaseOrder {
                from: motion.phase,
                to: motion.phase,
            }
            .into());
        }
        let body = checked_text(body)?;
        self.store
            .add_comment(&CommentRecord {
                id: CommentId::new(new_id()),
                motion_id: motion.id,
                author: Some(actor.member_id.clone()),
                author_handle: None,
                body,
                created_at: self.now(),
            })
            .await?;
        Ok(())
    }

    /// An active member proposes a new body for the motion's text in one language.
    pub async fn propose_amendment(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        language: Language,
        body: &str,
    ) -> Result<(), AppError> {
        let (_, _, motion) = self
            .motion_for(actor, slug, id, Action::ProposeMotion)
            .await?;
        if !motion.phase.takes_amendments() {
            return Err(MotionError::PhaseOrder {
                from: motion.phase,
                to: Phase::Discussion,
            }
            .into());
        }
        let body = checked_text(body)?;
        self.store
            .propose_amendment(&AmendmentRecord {
                id: AmendmentId::new(new_id()),
                motion_id: motion.id,
                author: Some(actor.member_id.clone()),
                author_handle: None,
                language,
                body,
                status: AmendmentStatus::Proposed,
                created_at: self.now(),
                vote: None,
            })
            .await?;
        Ok(())
    }

    /// The mover accepts (the text changes, and the minutes record it) or rejects an
    /// amendment.
    pub async fn decide_amendment(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        amendment: &str,
        accept: bool,
    ) -> Result<(), AppError> {
        let (_, _, motion) = self
            .motion_for(actor, slug, id, Action::ProposeMotion)
            .await?;
        if motion.mover.as_ref() != Some(&actor.member_id) {
            return Err(AppError::Forbidden);
        }
        let amendments = self.store.amendments_of(&motion.id).await?;
        let amendment = amendments
            .iter()
            .find(|a| a.id.as_str() == amendment)
            .ok_or(AppError::NotFound)?;
        self.store
            .decide_amendment(&amendment.id, accept, &actor.member_id, self.now())
            .await?;
        Ok(())
    }
}

/// A comment's or amendment's text: not empty, not too long.
fn checked_text(body: &str) -> Result<String, AppError> {
    let body = body.trim();
    if body.is_empty() {
        return Err(AppError::FieldMissing);
    }
    if body.chars().count() > COMMENT_MAX {
        return Err(AppError::FieldTooLong);
    }
    Ok(body.to_string())
}
