//! Emergency plans: writing one, testing it, and setting it off (by its owner, or by an
//! organiser or legal member of the committee it names, acting for them).
//!
//! A plan is sealed whole (message, contacts, committee, language) under its id. Setting it
//! off sends one mail per contact through the `Mailer`, so no contact sees another's address,
//! tells the committee's legal role through the `Notifier` (not for a test), and records only
//! when it was sent, by whom, and whether it was a test.

use super::Words;
use crate::council::MyCouncil;
use crate::crypto::new_id;
use crate::ports::{Mail, MailError, Notice, NoticeKind, PlanRecord, PlanSending};
use crate::{Actor, App, AppError};
use councils_domain::emergency::{Contacts, PlanMessage, may_trigger_for};
use councils_domain::{Council, CouncilId, Language, MemberId, MembershipStatus, PlanId, Role};
use serde::{Deserialize, Serialize};

/// What a plan holds, sealed as one JSON document.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PlanBody {
    pub message: String,
    pub contacts: Vec<String>,
    /// The committee whose legal role is told, and whose organisers and legal members may
    /// set it off for the member.
    pub council: Option<CouncilId>,
    /// The language of the mail around the member's message.
    pub language: Language,
}

/// A plan as typed in its form.
#[derive(Clone, Debug, Default)]
pub struct PlanForm {
    pub message: String,
    /// One address per line.
    pub contacts: String,
    /// The slug of the committee, or empty for none.
    pub council: String,
}

/// The member's own plan page.
#[derive(Clone, Debug)]
pub struct MyPlan {
    pub plan: Option<(PlanId, PlanBody)>,
    /// The committee the plan names, if it still exists.
    pub council: Option<Council>,
    /// The councils the member is an active member of, to choose from.
    pub councils: Vec<MyCouncil>,
    pub sendings: Vec<PlanSending>,
}

/// A plan in a committee's list: whose, and when it was last sent. Never what it says.
#[derive(Clone, Debug)]
pub struct CommitteePlan {
    pub id: PlanId,
    pub handle: String,
    pub last_sent_at: Option<i64>,
}

/// The plans a committee's organisers and legal members may set off.
#[derive(Clone, Debug)]
pub struct CommitteePlans {
    pub council: Council,
    pub plans: Vec<CommitteePlan>,
}

/// What happened when a plan was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    pub test: bool,
    pub contacts: usize,
    pub delivered: usize,
    /// The instance has no mail server: nothing could be mailed.
    pub no_mail_server: bool,
    /// Legal members of the committee told (0 for a test).
    pub legal_told: usize,
    pub at: i64,
}

fn owner(id: &PlanId) -> String {
    format!("plan:{id}")
}

impl App {
    fn open_plan(&self, plan: &PlanRecord) -> Result<PlanBody, AppError> {
        let json = self
            .cipher
            .decrypt(&owner(&plan.id), &plan.body_sealed)
            .map_err(|_| AppError::Internal("a plan could not be decrypted".into()))?;
        serde_json::from_str(&json).map_err(|_| AppError::Internal("an unreadable plan".into()))
    }

    /// The actor's plan, the councils they could name in it, and when it was sent.
    pub async fn my_plan(&self, actor: &Actor) -> Result<MyPlan, AppError> {
        let councils: Vec<MyCouncil> = self
            .my_councils(actor)
            .await?
            .into_iter()
            .filter(|c| c.status == MembershipStatus::Active)
            .collect();
        let Some(record) = self.store.plan_of(&actor.member_id).await? else {
            return Ok(MyPlan {
                plan: None,
                council: None,
                councils,
                sendings: Vec::new(),
            });
        };
        let body = self.open_plan(&record)?;
        let council = match &body.council {
            Some(id) => self.store.council(id).await?,
            None => None,
        };
        Ok(MyPlan {
            sendings: self.store.sendings(&record.id).await?,
            plan: Some((record.id, body)),
            council,
            councils,
        })
    }

    /// Writes (or rewrites) the actor's plan.
    pub async fn save_plan(&self, actor: &Actor, form: &PlanForm) -> Result<PlanId, AppError> {
        let message = PlanMessage::parse(&form.message)?;
        let contacts = Contacts::parse(&form.contacts)?;
        let council = match form.council.trim() {
            "" => None,
            slug => {
                let council = self
                    .council_by_slug(slug)
                    .await
                    .map_err(|_| AppError::BadValue)?;
                if !self
                    .standing(actor, &council)
                    .await?
                    .may(councils_domain::Action::SeeMembers)
                {
                    return Err(AppError::BadValue);
                }
                Some(council.id)
            }
        };
        let body = PlanBody {
            message: message.as_str().to_string(),
            contacts: contacts.as_slice().to_vec(),
            council,
            language: actor.language,
        };
        let now = self.now();
        let existing = self.store.plan_of(&actor.member_id).await?;
        let (id, created_at) = match existing {
            Some(p) => (p.id, p.created_at),
            None => (PlanId::new(new_id()), now),
        };
        let json = serde_json::to_string(&body).map_err(|e| AppError::Internal(e.to_string()))?;
        self.store
            .save_plan(&PlanRecord {
                body_sealed: self.cipher.encrypt(&owner(&id), &json),
                id: id.clone(),
                member_id: actor.member_id.clone(),
                created_at,
                updated_at: now,
            })
            .await?;
        Ok(id)
    }

    /// Deletes the actor's plan and the record of its sendings.
    pub async fn delete_plan(&self, actor: &Actor) -> Result<(), AppError> {
        Ok(self.store.delete_plan(&actor.member_id).await?)
    }

    /// Sends the actor's own plan now ("I am being detained"), or a marked test of it.
    pub async fn send_my_plan(
        &self,
        actor: &Actor,
        test: bool,
        words: &dyn Words,
    ) -> Result<Sent, AppError> {
        let record = self
            .store
            .plan_of(&actor.member_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let body = self.open_plan(&record)?;
        self.send_plan(&record, &body, &actor.member_id, test, false, words)
            .await
    }

    /// The plans of a committee's members that name it, for its organisers and legal
    /// members, who may set them off. Anyone else is refused.
    pub async fn committee_plans(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<CommitteePlans, AppError> {
        let council = self.council_by_slug(slug).await?;
        if !may_trigger_for(&self.standing(actor, &council).await?) {
            return Err(AppError::Forbidden);
        }
        let mut plans = Vec::new();
        for member_plan in self.store.plans_of_members(&council.id).await? {
            let body = self.open_plan(&member_plan.plan)?;
            if body.council.as_ref() == Some(&council.id) {
                plans.push(CommitteePlan {
                    id: member_plan.plan.id,
                    handle: member_plan.handle.to_string(),
                    last_sent_at: member_plan.last_sent_at,
                });
            }
        }
        Ok(CommitteePlans { council, plans })
    }

    /// The handle of a plan's owner, for the confirm step of setting it off for them.
    /// Not found for anyone who may not set it off.
    pub async fn plan_for_committee(
        &self,
        actor: &Actor,
        slug: &str,
        plan: &str,
    ) -> Result<(Council, CommitteePlan), AppError> {
        let (council, record, _) = self.plan_of_committee(actor, slug, plan).await?;
        let handle = self
            .store
            .member(&record.member_id)
            .await?
            .ok_or(AppError::NotFound)?
            .handle
            .to_string();
        let last_sent_at = self
            .store
            .sendings(&record.id)
            .await?
            .into_iter()
            .find(|s| !s.test)
            .map(|s| s.sent_at);
        Ok((
            council,
            CommitteePlan {
                id: record.id,
                handle,
                last_sent_at,
            },
        ))
    }

    /// An organiser or legal member sets off a member's plan for them.
    pub async fn send_plan_for(
        &self,
        actor: &Actor,
        slug: &str,
        plan: &str,
        words: &dyn Words,
    ) -> Result<Sent, AppError> {
        let (_, record, body) = self.plan_of_committee(actor, slug, plan).await?;
        self.send_plan(&record, &body, &actor.member_id, false, true, words)
            .await
    }

    /// The plan, if the actor may set it off for its owner: it names this committee, its
    /// owner is an active member of it, and the actor is an organiser or legal member there.
    /// Everyone else gets not found, so no one learns that a plan exists.
    async fn plan_of_committee(
        &self,
        actor: &Actor,
        slug: &str,
        plan: &str,
    ) -> Result<(Council, PlanRecord, PlanBody), AppError> {
        let council = self.council_by_slug(slug).await?;
        if !may_trigger_for(&self.standing(actor, &council).await?) {
            return Err(AppError::NotFound);
        }
        let record = self
            .store
            .plan(&PlanId::new(plan))
            .await?
            .ok_or(AppError::NotFound)?;
        let body = self.open_plan(&record)?;
        let owner_active = self
            .store
            .membership(&council.id, &record.member_id)
            .await?
            .is_some_and(|m| m.status == MembershipStatus::Active);
        if body.council.as_ref() != Some(&council.id) || !owner_active {
            return Err(AppError::NotFound);
        }
        Ok((council, record, body))
    }

    async fn send_plan(
        &self,
        record: &PlanRecord,
        body: &PlanBody,
        by: &MemberId,
        test: bool,
        for_them: bool,
        words: &dyn Words,
    ) -> Result<Sent, AppError> {
        let now = self.now();
        let language = body.language;
        let time = crate::records::format_utc(now);
        let (subject_key, intro_key) = match (test, for_them) {
            (true, _) => ("plan-mail-test-subject", "plan-mail-test-intro"),
            (false, false) => ("plan-mail-subject", "plan-mail-intro"),
            (false, true) => ("plan-mail-subject", "plan-mail-intro-for"),
        };
        let subject = words.word(language, subject_key, &[]);
        let body_text = format!(
            "{}\n\n{}\n\n-- \n{}",
            words.word(language, intro_key, &[("time", time.clone())]),
            body.message,
            words.word(language, "plan-mail-footer", &[]),
        );
        let mut delivered = 0;
        let mut no_mail_server = false;
        for contact in &body.contacts {
            let mail = Mail {
                to: contact.clone(),
                subject: subject.clone(),
                body: body_text.clone(),
            };
            match self.mailer.send(&mail).await {
                Ok(()) => delivered += 1,
                Err(MailError::NotConfigured) => no_mail_server = true,
                // The mailer logs its own failures, naming no recipient.
                Err(_) => {}
            }
        }
        self.store
            .record_sending(&PlanSending {
                plan_id: record.id.clone(),
                sent_at: now,
                sent_by: Some(by.clone()),
                test,
            })
            .await?;
        let mut legal_told = 0;
        if !test && let Some(council_id) = &body.council {
            legal_told = self.tell_legal(council_id, &record.id).await?;
        }
        Ok(Sent {
            test,
            contacts: body.contacts.len(),
            delivered,
            no_mail_server,
            legal_told,
            at: now,
        })
    }

    /// Tells the committee's active legal members that a plan was set off.
    async fn tell_legal(&self, council_id: &CouncilId, plan: &PlanId) -> Result<usize, AppError> {
        let Some(council) = self.store.council(council_id).await? else {
            return Ok(0);
        };
        let legal: Vec<MemberId> = self
            .store
            .members_of(&council.id)
            .await?
            .into_iter()
            .filter(|m| m.status == MembershipStatus::Active && m.roles.contains(&Role::Legal))
            .map(|m| m.member_id)
            .collect();
        if !legal.is_empty() {
            let notice = Notice {
                kind: NoticeKind::PlanTriggered,
                council: council.id.clone(),
                subject: plan.to_string(),
                path: format!("/c/{}/plans", council.slug.as_str()),
            };
            self.notifier.notify(&legal, &notice).await;
        }
        Ok(legal.len())
    }
}
