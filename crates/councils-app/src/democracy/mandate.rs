//! Mandates: before a higher council decides a motion, each constituent may vote its
//! delegates a mandate on it.
//!
//! A mandate motion is an ordinary, open motion of the constituent with four options,
//! `for`, `against`, `abstain` and `free`, counted by instant-runoff: a member ranks as many
//! as they like, and the mandate is the option a majority prefers once the others are
//! eliminated. (A member who only wants "for" ranks it alone.) When it is decided the store
//! records the winner as the mandate, in the same transaction.
//!
//! On a ranked higher motion (Schulze, instant-runoff, STV) the mandate is a ranking: the
//! mandate motion ranks the higher motion's options by Schulze, and its ranking (in tiers)
//! becomes the mandate. Where the higher method takes no equal ranks and the ranking has a
//! tie, the delegates are left free. Approval and score motions take no mandate.

use crate::crypto::new_id;
use crate::ports::{MandateMotionRecord, MandateRecord, MotionRecord};
use crate::{Actor, App, AppError};
use councils_domain::motion::{
    Method, MotionKind, MotionRules, MotionText, Phase, Secrecy, validate_options,
};
use councils_domain::{Action, Council, Language, MotionId, Standing};
use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

/// The options of a mandate motion, in order: `MandateChoice::encode` of each.
pub const MANDATE_OPTIONS: [&str; 4] = ["for", "against", "abstain", "free"];

/// A higher council's motion a constituent may mandate its delegates on.
#[derive(Clone, Debug)]
pub struct MandateItem {
    pub parent: Council,
    pub motion: MotionRecord,
    /// Whether it is put to a referendum (then no mandate: every member votes).
    pub referendum: bool,
    /// The mandate voted, if any.
    pub mandate: Option<MandateRecord>,
    /// Mandate motions of this council on it, newest first.
    pub mandate_motions: Vec<MotionId>,
}

/// A constituent's mandates page.
#[derive(Clone, Debug)]
pub struct MandatesView {
    pub council: Council,
    pub standing: Standing,
    pub items: Vec<MandateItem>,
}

impl App {
    /// The motions of the council's higher councils in discussion or voting, with this
    /// council's mandate on each.
    pub async fn mandates(&self, actor: &Actor, slug: &str) -> Result<MandatesView, AppError> {
        let (council, standing) = self
            .council_for_action(actor, slug, Action::SeeMembers)
            .await?;
        let mut items = Vec::new();
        for parent in self.active_parents(&council.id).await? {
            for motion in self.store.motions_of(&parent.id).await? {
                if !matches!(
                    motion.phase,
                    Phase::Discussion | Phase::Voting | Phase::Decided
                ) {
                    continue;
                }
                let mandate = self.store.mandate(&motion.id, &council.id).await?;
                if motion.phase == Phase::Decided && mandate.is_none() {
                    continue;
                }
                let mandate_motions = self
                    .store
                    .mandate_motions_for(&motion.id)
                    .await?
                    .into_iter()
                    .filter(|m| m.constituent_id == council.id)
                    .map(|m| m.motion_id)
                    .collect();
                items.push(MandateItem {
                    referendum: self.store.is_referendum(&motion.id).await?,
                    parent: parent.clone(),
                    motion,
                    mandate,
                    mandate_motions,
                });
            }
        }
        Ok(MandatesView {
            council,
            standing,
            items,
        })
    }

    /// An active member of a constituent puts a mandate on a higher council's motion (in
    /// discussion or voting) to the constituent. `texts` words it in each language.
    pub async fn propose_mandate(
        &self,
        actor: &Actor,
        slug: &str,
        for_motion: &str,
        texts: impl Fn(&MotionRecord) -> Vec<(Language, String, String)>,
    ) -> Result<MotionId, AppError> {
        let (council, _) = self
            .council_for_action(actor, slug, Action::ProposeMotion)
            .await?;
        let higher = self
            .store
            .motion(&MotionId::new(for_motion))
            .await?
            .ok_or(AppError::NotFound)?;
        let parents = self.active_parents(&council.id).await?;
        if !parents.iter().any(|p| p.id == higher.council_id) {
            return Err(AppError::NotFound);
        }
        if !matches!(higher.phase, Phase::Discussion | Phase::Voting)
            || self.store.is_referendum(&higher.id).await?
        {
            return Err(AppError::NotVoting);
        }
        let texts = texts(&higher)
            .into_iter()
            .map(|(language, title, body)| MotionText::new(language, &title, &body))
            .collect::<Result<Vec<_>, _>>()?;
        MotionText::validate_all(&texts)?;
        let higher_method = higher.rules.method();
        let (method, options) = if higher_method.has_fixed_options() {
            let codes = MANDATE_OPTIONS.iter().map(|o| o.to_string()).collect();
            (Method::Irv, codes)
        } else if higher_method.is_ranked() {
            (Method::Schulze, higher.options.clone())
        } else {
            // Approval and score motions take free mandates only: nothing to vote.
            return Err(councils_domain::MandateError::DoesNotFit {
                method: higher_method.code(),
            }
            .into());
        };
        let rules = MotionRules::new(
            MotionKind::Ordinary,
            method,
            Quorum::None,
            MajorityRule {
                majority: Majority::Simple,
                base: MajorityBase::VotesCast,
            },
            Secrecy::Open,
        )?;
        let options = validate_options(&method, &options)?;
        let id = MotionId::new(new_id());
        let motion = MotionRecord {
            id: id.clone(),
            council_id: council.id.clone(),
            mover: Some(actor.member_id.clone()),
            kind: MotionKind::Ordinary,
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
        };
        self.store
            .create_mandate_motion(
                &motion,
                &MandateMotionRecord {
                    motion_id: id.clone(),
                    for_motion_id: higher.id,
                    constituent_id: council.id,
                },
            )
            .await?;
        Ok(id)
    }
}
