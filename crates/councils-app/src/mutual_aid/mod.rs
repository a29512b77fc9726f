//! Mutual aid: requests and offers posted in a committee (and shared with the linked councils
//! it chooses), shown against the posts that meet them (the same kind in the same area), and
//! their steps: matched, met, withdrawn. A request may be posted for someone else, who is then
//! described only in sealed free text, never as a member.
//!
//! Every reading goes through [`App::aid_access`]: the committee's active members and those of
//! the councils the post was shared with; anyone else is told it does not exist.

use crate::crypto::new_id;
use crate::ports::{AidChange, AidRecord, Notice, NoticeKind};
use crate::{Actor, App, AppError};
use councils_domain::mutual_aid::{
    self, AidDirection, AidError, AidKind, AidParty, AidStatus, AidStep, AidText, area_key, meets,
};
use councils_domain::{AidId, Council, CouncilId, Role, Standing};

/// A post as a list shows it.
#[derive(Clone, Debug)]
pub struct AidSummary {
    pub record: AidRecord,
    pub text: AidText,
    /// The council it was posted in, when it is not the list's own.
    pub from: Option<Council>,
    /// How many open posts of the list meet it.
    pub matches: usize,
}

/// A council's posts, with the filter applied.
#[derive(Clone, Debug)]
pub struct AidList {
    pub council: Council,
    pub posts: Vec<AidSummary>,
}

/// One post for one reader, with what they may do.
#[derive(Clone, Debug)]
pub struct AidView {
    pub council: Council,
    pub record: AidRecord,
    pub text: AidText,
    pub poster: Option<String>,
    pub matcher: Option<String>,
    pub shared_with: Vec<Council>,
    /// Open posts the reader can see that meet this one.
    pub matches: Vec<AidSummary>,
    pub mine: bool,
    pub may_match: bool,
    pub may_release: bool,
    pub may_meet: bool,
    pub may_withdraw: bool,
    /// When it will be deleted, once it is over.
    pub delete_after: Option<i64>,
}

/// The new-post form, as typed.
#[derive(Clone, Debug, Default)]
pub struct AidForm {
    pub direction: String,
    pub kind: String,
    pub text: AidText,
    /// A request posted for someone else (described in `text.for_whom`).
    pub for_other: bool,
    /// Slugs of linked councils to share it with.
    pub share: Vec<String>,
}

/// Which posts a list shows.
#[derive(Clone, Debug, Default)]
pub struct AidFilter {
    pub kind: Option<AidKind>,
    /// Posts whose area contains this (compared as `area_key`).
    pub area: String,
    /// Also those met or withdrawn.
    pub all: bool,
}

fn owner(id: &AidId) -> String {
    format!("aid:{id}")
}

impl App {
    fn open_aid(&self, record: &AidRecord) -> Result<AidText, AppError> {
        let json = self
            .cipher
            .decrypt(&owner(&record.id), &record.text_sealed)
            .map_err(|_| AppError::Internal("an aid post did not open".into()))?;
        serde_json::from_str(&json).map_err(|_| AppError::Internal("an unreadable aid post".into()))
    }

    /// The posts visible in a council, opened.
    async fn aid_in(&self, council: &Council) -> Result<Vec<AidSummary>, AppError> {
        let mut out = Vec::new();
        for record in self.store.aid_for(&council.id).await? {
            let from = if record.council_id == council.id {
                None
            } else {
                self.store.council(&record.council_id).await?
            };
            out.push(AidSummary {
                text: self.open_aid(&record)?,
                record,
                from,
                matches: 0,
            });
        }
        Ok(out)
    }

    /// A council's requests and offers (its own and those shared with it), for its members.
    pub async fn aid_list(
        &self,
        actor: &Actor,
        slug: &str,
        filter: &AidFilter,
    ) -> Result<AidList, AppError> {
        let (council, _) = self.active_in(actor, slug).await?;
        let all = self.aid_in(&council).await?;
        let wanted = area_key(&filter.area);
        let mut posts: Vec<AidSummary> = all
            .iter()
            .filter(|p| filter.all || !p.record.status.is_over())
            .filter(|p| filter.kind.is_none_or(|k| p.record.kind == k))
            .filter(|p| wanted.is_empty() || area_key(&p.text.area).contains(&wanted))
            .cloned()
            .collect();
        for post in &mut posts {
            post.matches = all.iter().filter(|o| meets_open(post, o)).count();
        }
        Ok(AidList { council, posts })
    }

    /// For the new-post form: the committee and the councils it may share with.
    pub async fn aid_form(
        &self,
        actor: &Actor,
        slug: &str,
    ) -> Result<(Council, Vec<Council>), AppError> {
        let (council, _) = self.active_in(actor, slug).await?;
        let linked = self.linked_councils(&council.id).await?;
        Ok((council, linked))
    }

    /// Posts a request or an offer in the council (any active member).
    pub async fn post_aid(
        &self,
        actor: &Actor,
        slug: &str,
        form: &AidForm,
    ) -> Result<AidId, AppError> {
        let (council, _) = self.active_in(actor, slug).await?;
        let direction = AidDirection::from_code(&form.direction).ok_or(AppError::BadValue)?;
        let kind = AidKind::from_code(&form.kind).ok_or(AppError::BadValue)?;
        // Only a request is posted for someone else.
        let for_other = form.for_other && direction == AidDirection::Request;
        let text = form.text.clone().check(for_other)?;
        let shares = self.chosen_shares(&council, &form.share).await?;
        let id = AidId::new(new_id());
        let json = serde_json::to_string(&text).map_err(|e| AppError::Internal(e.to_string()))?;
        self.store
            .create_aid(
                &AidRecord {
                    text_sealed: self.cipher.encrypt(&owner(&id), &json),
                    id: id.clone(),
                    council_id: council.id,
                    direction,
                    kind,
                    status: AidStatus::Open,
                    for_other,
                    posted_by: Some(actor.member_id.clone()),
                    posted_at: self.now(),
                    matched_by: None,
                    closed_at: None,
                },
                &shares,
            )
            .await?;
        Ok(id)
    }

    /// The post, if the actor may read it, with its committee, the actor's standing there
    /// and the council they read it through. Not found for everyone else.
    async fn aid_access(
        &self,
        actor: &Actor,
        id: &str,
    ) -> Result<(AidRecord, Council, Standing, Council), AppError> {
        let record = self
            .store
            .aid(&AidId::new(id))
            .await?
            .ok_or(AppError::NotFound)?;
        let council = self
            .store
            .council(&record.council_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let standing = self.standing(actor, &council).await?;
        if matches!(standing, Standing::Active(_)) {
            return Ok((record, council.clone(), standing, council));
        }
        for shared in self.store.aid_shares(&record.id).await? {
            let Some(other) = self.store.council(&shared).await? else {
                continue;
            };
            if matches!(self.standing(actor, &other).await?, Standing::Active(_)) {
                return Ok((record, council, Standing::Outsider, other));
            }
        }
        Err(AppError::NotFound)
    }

    /// A post opened for its page, with the open posts that meet it.
    pub async fn aid_page(&self, actor: &Actor, id: &str) -> Result<AidView, AppError> {
        let (record, council, standing, through) = self.aid_access(actor, id).await?;
        let text = self.open_aid(&record)?;
        let me = &actor.member_id;
        let party = AidParty {
            poster: record.posted_by.as_ref() == Some(me),
            matcher: record.matched_by.as_ref() == Some(me),
            organiser: standing.holds(Role::Organiser),
        };
        let may = |s| mutual_aid::step(record.status, s, party).is_ok();
        let this = AidSummary {
            record: record.clone(),
            text: text.clone(),
            from: None,
            matches: 0,
        };
        let matches = self
            .aid_in(&through)
            .await?
            .into_iter()
            .filter(|o| meets_open(&this, o))
            .collect();
        let mut shared_with = Vec::new();
        for c in self.store.aid_shares(&record.id).await? {
            shared_with.extend(self.store.council(&c).await?);
        }
        Ok(AidView {
            poster: self.handle_of_member(record.posted_by.as_ref()).await?,
            matcher: self.handle_of_member(record.matched_by.as_ref()).await?,
            mine: party.poster,
            may_match: may(AidStep::Match),
            may_release: may(AidStep::Release),
            may_meet: may(AidStep::Met),
            may_withdraw: may(AidStep::Withdraw),
            delete_after: record
                .closed_at
                .map(|at| at + mutual_aid::RETENTION_DAYS * 86_400),
            council,
            shared_with,
            matches,
            text,
            record,
        })
    }

    /// Takes a step on a post: answer it, release the match, mark it met, withdraw it.
    pub async fn aid_step(&self, actor: &Actor, id: &str, step: AidStep) -> Result<(), AppError> {
        let (record, _, standing, _) = self.aid_access(actor, id).await?;
        let me = &actor.member_id;
        let party = AidParty {
            poster: record.posted_by.as_ref() == Some(me),
            matcher: record.matched_by.as_ref() == Some(me),
            organiser: standing.holds(Role::Organiser),
        };
        let to = mutual_aid::step(record.status, step, party)?;
        let matched_by = match step {
            AidStep::Match => Some(me.clone()),
            AidStep::Release => None,
            AidStep::Met | AidStep::Withdraw => record.matched_by.clone(),
        };
        let change = AidChange {
            from: record.status,
            to,
            matched_by,
            now: self.now(),
        };
        self.store
            .change_aid(&record.id, &change)
            .await
            .map_err(|e| match e {
                crate::ports::StoreError::Conflict => AppError::Aid(AidError::WrongStep),
                other => other.into(),
            })?;
        if step == AidStep::Match
            && let Some(poster) = &record.posted_by
        {
            self.tell_poster(poster.clone(), &record.council_id, &record.id)
                .await;
        }
        Ok(())
    }

    async fn tell_poster(
        &self,
        poster: councils_domain::MemberId,
        council: &CouncilId,
        id: &AidId,
    ) {
        let notice = Notice {
            kind: NoticeKind::AidMatched,
            council: council.clone(),
            subject: id.to_string(),
            path: format!("/aid/{id}"),
        };
        self.notifier.notify(&[poster], &notice).await;
    }
}

/// Whether `other` is an open post that meets `post`.
fn meets_open(post: &AidSummary, other: &AidSummary) -> bool {
    other.record.status == AidStatus::Open
        && other.record.id != post.record.id
        && meets(
            (post.record.direction, post.record.kind, &post.text.area),
            (other.record.direction, other.record.kind, &other.text.area),
        )
}
