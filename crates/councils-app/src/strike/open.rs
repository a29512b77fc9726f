//! Opening a strike on a committee's carried strike vote, another committee joining it on its
//! own, a committee's list of its strikes, a strike's page and its status.

use super::StrikeAccess;
use crate::crypto::new_id;
use crate::join::CouncilForm;
use crate::ports::{NewStrike, StrikeCommittee, StrikeRecord};
use crate::{Actor, App, AppError};
use councils_domain::ledger::Currency;
use councils_domain::motion::{MotionKind, Phase};
use councils_domain::strike::{self, StrikeError, StrikeStatus, VoteFacts};
use councils_domain::{Council, CouncilKind, MotionId, Role, Standing, StrikeId};

/// A strike in a committee's list.
#[derive(Clone, Debug)]
pub struct StrikeSummary {
    pub strike: StrikeRecord,
    pub committee: Council,
}

/// A strike vote of the committee that is decided and carried and not used yet.
#[derive(Clone, Debug)]
pub struct CarriedVote {
    pub id: MotionId,
    pub title: String,
}

/// A committee's strikes, and what its organisers may start from here.
#[derive(Clone, Debug)]
pub struct CommitteeStrikes {
    pub council: Council,
    pub strikes: Vec<StrikeSummary>,
    /// Whether the reader organises this workplace committee (opens and joins strikes).
    pub may_open: bool,
    /// Carried strike votes not used yet (shown to organisers).
    pub carried: Vec<CarriedVote>,
    /// Strike committees the reader organises that run no strike yet.
    pub free_committees: Vec<Council>,
}

/// A strike as its organiser opens it.
#[derive(Clone, Debug, Default)]
pub struct StrikeForm {
    /// The carried strike vote.
    pub motion: String,
    pub title: String,
    /// One per line.
    pub demands: String,
    pub currency: String,
    /// The slug of a strike committee the opener organises, or empty to found one.
    pub existing: String,
    /// For a new strike committee: its slug and name.
    pub slug: String,
    pub name: String,
}

/// A strike's page.
#[derive(Clone, Debug)]
pub struct StrikeView {
    pub access: StrikeAccess,
}

impl App {
    /// The committee's strikes (any active member); organisers also get what they can open.
    pub async fn committee_strikes(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<CommitteeStrikes, AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        if !matches!(standing, Standing::Active(_)) {
            return Err(AppError::NotFound);
        }
        let mut strikes = Vec::new();
        for strike in self.store.strikes_of(&council.id).await? {
            if let Some(committee) = self.store.council(&strike.strike_committee).await? {
                strikes.push(StrikeSummary { strike, committee });
            }
        }
        let may_open =
            standing.holds(Role::Organiser) && council.kind == CouncilKind::WorkplaceCommittee;
        let mut carried = Vec::new();
        let mut free_committees = Vec::new();
        if may_open {
            let used: Vec<&MotionId> = strikes
                .iter()
                .flat_map(|s| s.strike.parties.iter())
                .filter(|p| p.council_id == council.id)
                .map(|p| &p.motion_id)
                .collect();
            for motion in self.store.motions_of(&council.id).await? {
                let facts = VoteFacts {
                    kind: motion.kind,
                    phase: motion.phase,
                    outcome: motion.outcome.as_ref(),
                    own: true,
                };
                if strike::check_vote(facts).is_ok() && !used.contains(&&motion.id) {
                    carried.push(CarriedVote {
                        title: motion
                            .texts
                            .iter()
                            .find(|t| t.language() == actor.language)
                            .or(motion.texts.first())
                            .map(|t| t.title().to_string())
                            .unwrap_or_default(),
                        id: motion.id,
                    });
                }
            }
            for membership in self.store.memberships_of(&actor.member_id).await? {
                if !membership.roles.contains(&Role::Organiser) {
                    continue;
                }
                let Some(other) = self.store.council(&membership.council_id).await? else {
                    continue;
                };
                if other.kind == CouncilKind::StrikeCommittee
                    && self
                        .store
                        .strikes_of(&other.id)
                        .await?
                        .iter()
                        .all(|s| s.strike_committee != other.id)
                {
                    free_committees.push(other);
                }
            }
        }
        Ok(CommitteeStrikes {
            council,
            strikes,
            may_open,
            carried,
            free_committees,
        })
    }

    /// The committee's carried strike vote `motion`, for an organiser of a workplace
    /// committee; refused unless it is this committee's strike vote, decided and carried.
    async fn carried_vote(
        &self,
        actor: &Actor,
        slug: &str,
        motion: &str,
    ) -> Result<(Council, MotionId), AppError> {
        let council = self.council_by_slug(slug).await?;
        let standing = self.standing(actor, &council).await?;
        if !matches!(standing, Standing::Active(_)) {
            return Err(AppError::NotFound);
        }
        if !standing.holds(Role::Organiser) {
            return Err(AppError::Forbidden);
        }
        if council.kind != CouncilKind::WorkplaceCommittee {
            return Err(StrikeError::WrongKind.into());
        }
        let record = self.store.motion(&MotionId::new(motion.trim())).await?;
        let facts = match &record {
            Some(m) => VoteFacts {
                kind: m.kind,
                phase: m.phase,
                outcome: m.outcome.as_ref(),
                own: m.council_id == council.id,
            },
            None => VoteFacts {
                kind: MotionKind::Ordinary,
                phase: Phase::Draft,
                outcome: None,
                own: false,
            },
        };
        strike::check_vote(facts)?;
        let id = record.map(|m| m.id).ok_or(AppError::NotFound)?;
        Ok((council, id))
    }

    /// An organiser of a workplace committee opens a strike on its carried strike vote, with
    /// a strike committee founded for it (or one they organise that runs none yet).
    pub async fn open_strike(
        &self,
        actor: &Actor,
        slug: &str,
        form: &StrikeForm,
    ) -> Result<StrikeId, AppError> {
        let (council, motion) = self.carried_vote(actor, slug, &form.motion).await?;
        let title = strike::check_title(&form.title)?;
        let demands = strike::parse_demands(&form.demands)?;
        let currency = Currency::parse(if form.currency.trim().is_empty() {
            "USD"
        } else {
            &form.currency
        })?;
        let strike_committee = if form.existing.trim().is_empty() {
            StrikeCommittee::Found(
                CouncilForm {
                    slug: form.slug.clone(),
                    kind: CouncilKind::StrikeCommittee,
                    name: form.name.clone(),
                    description: title.clone(),
                    language: actor.language,
                }
                .validate()?,
            )
        } else {
            let other = self.council_by_slug(form.existing.trim()).await?;
            let theirs = self.standing(actor, &other).await?;
            if other.kind != CouncilKind::StrikeCommittee {
                return Err(StrikeError::WrongKind.into());
            }
            if !theirs.holds(Role::Organiser) {
                return Err(AppError::Forbidden);
            }
            StrikeCommittee::Existing(other.id)
        };
        let id = StrikeId::new(new_id());
        self.store
            .open_strike(&NewStrike {
                id: id.clone(),
                committee: council.id,
                motion,
                strike_committee,
                title,
                demands,
                currency,
                by: actor.member_id.clone(),
                now: self.now(),
            })
            .await?;
        Ok(id)
    }

    /// An organiser of another workplace committee joins the strike run by the strike
    /// committee `strike_committee` (a slug), on its own carried strike vote: the committee
    /// becomes a constituent of the strike committee and elects delegates to it.
    pub async fn join_strike(
        &self,
        actor: &Actor,
        slug: &str,
        strike_committee: &str,
        motion: &str,
    ) -> Result<StrikeId, AppError> {
        let (council, motion) = self.carried_vote(actor, slug, motion).await?;
        let committee = self.council_by_slug(strike_committee.trim()).await?;
        let strike = self
            .store
            .strikes_of(&committee.id)
            .await?
            .into_iter()
            .find(|s| s.strike_committee == committee.id)
            .ok_or(AppError::NotFound)?;
        self.store
            .join_strike(
                &strike.id,
                &council.id,
                &motion,
                &actor.member_id,
                self.now(),
            )
            .await?;
        Ok(strike.id)
    }

    /// A strike's page, for its readers.
    pub async fn strike(&self, actor: &Actor, id: &str) -> Result<StrikeView, AppError> {
        Ok(StrikeView {
            access: self.strike_access(actor, id).await?,
        })
    }

    /// An organiser of the strike committee changes the strike's status.
    pub async fn set_strike_status(
        &self,
        actor: &Actor,
        id: &str,
        status: &str,
    ) -> Result<(), AppError> {
        let access = self.strike_access(actor, id).await?;
        if !access.chair {
            return Err(AppError::Forbidden);
        }
        let status = StrikeStatus::from_code(status).ok_or(AppError::BadValue)?;
        Ok(self
            .store
            .set_strike_status(&access.strike.id, status, &actor.member_id, self.now())
            .await?)
    }
}
