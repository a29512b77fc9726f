//! A council's motions: the agenda, proposing one, a motion's page (its text, discussion,
//! ballot and result) and moving it through its phases.

pub mod ballot;
pub mod defaults;
pub mod discussion;
pub mod new;

use crate::WebState;
use crate::charts::results_chart;
use crate::error::{WebError, status_of};
use crate::pages::{format_time, page, page_with_status, see};
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::AppError;
use councils_app::ballot::labels;
use councils_app::motion::MotionView;
use councils_app::ports::{AmendmentRecord, AmendmentStatus, MotionRecord, OpenVote};
use councils_domain::motion::{Choice, Decision, Method, MotionKind, MotionText, Phase, Secrecy};
use councils_domain::{Action, Council, Language, Standing};
use councils_tally::rules::{Majority, MajorityBase, Quorum};
use serde::Deserialize;

#[derive(Template)]
#[template(path = "motion/agenda.html")]
struct AgendaPage {
    l: Layout,
    council: Council,
    standing: Standing,
    motions: Vec<MotionRecord>,
}

impl AgendaPage {
    fn council_name(&self) -> &str {
        &self.council.name_in(self.l.tr.language).name
    }
    fn title(&self, motion: &MotionRecord) -> String {
        text_in(&motion.texts, self.l.tr.language)
            .title()
            .to_string()
    }
    fn in_phase(&self, phase: &str) -> Vec<&MotionRecord> {
        self.motions
            .iter()
            .filter(|m| m.phase.code() == phase)
            .collect()
    }
    fn may_propose(&self) -> bool {
        self.standing.may(Action::ProposeMotion)
    }
    fn summary(&self, motion: &MotionRecord) -> String {
        summary(&self.l, motion)
    }
}

/// The motion's text in the reader's language, or the first it was written in.
pub(crate) fn text_in(texts: &[MotionText], language: Language) -> &MotionText {
    MotionText::pick(texts, language)
        .or(texts.first())
        .expect("a motion has at least one text")
}

/// A one-line account of a motion's outcome, or of its phase when not yet decided.
pub(crate) fn summary(l: &Layout, motion: &MotionRecord) -> String {
    let Some(outcome) = &motion.outcome else {
        return l.tr.tp("phase-", motion.phase.code());
    };
    match &outcome.decision {
        Decision::Passed => l.tr.t("decision-passed"),
        Decision::Rejected => l.tr.t("decision-rejected"),
        Decision::Blocked => l.tr.t("decision-blocked"),
        Decision::NoQuorum => l.tr.t("decision-no-quorum"),
        Decision::Elected { winners } => {
            let options = labels(motion);
            let names: Vec<&str> = winners
                .iter()
                .filter_map(|&i| options.get(i).map(String::as_str))
                .collect();
            let key = if motion.kind == MotionKind::Election {
                "decision-elected"
            } else {
                "decision-chosen"
            };
            l.tr.ta(key, "names", &names.join(", "))
        }
    }
}

/// `GET /c/{slug}/motions`
pub async fn agenda(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let (council, standing, motions) = state.app.agenda(actor, &slug).await?;
    page(AgendaPage {
        l: viewer.layout(),
        council,
        standing,
        motions,
    })
}

#[derive(Template)]
#[template(path = "motion/show.html")]
struct MotionPage {
    l: Layout,
    v: MotionView,
    error: Option<String>,
    /// The result's charts, rendered by `charts` (escaped there).
    chart: String,
    /// The grievance it was escalated from, for a reader who may read that grievance.
    grievance: Option<String>,
}

impl MotionPage {
    fn slug(&self) -> &str {
        self.v.council.slug.as_str()
    }
    fn id(&self) -> &str {
        self.v.motion.id.as_str()
    }
    fn council_name(&self) -> &str {
        &self.v.council.name_in(self.l.tr.language).name
    }
    fn text(&self) -> &MotionText {
        text_in(&self.v.motion.texts, self.l.tr.language)
    }
    fn paragraphs(&self) -> Vec<&str> {
        self.text()
            .body()
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    }
    fn phase(&self) -> &'static str {
        self.v.motion.phase.code()
    }
    fn is(&self, phase: &str) -> bool {
        self.v.motion.phase.code() == phase
    }
    fn secret(&self) -> bool {
        self.v.motion.rules.secrecy() == Secrecy::Secret
    }
    fn method(&self) -> Method {
        self.v.motion.rules.method()
    }
    fn method_name(&self) -> String {
        self.l.tr.tp("method-", self.method().code())
    }
    fn kind_name(&self) -> String {
        self.l.tr.tp("motion-kind-", self.v.motion.kind.code())
    }
    fn rules_line(&self) -> String {
        let rules = &self.v.motion.rules;
        let majority = match (rules.majority().majority, rules.majority().base) {
            (Majority::TwoThirds, _) => self.l.tr.t("majority-two-thirds"),
            (_, MajorityBase::Entitled) => self.l.tr.t("majority-members"),
            _ => self.l.tr.t("majority-simple"),
        };
        let quorum = match rules.quorum() {
            Quorum::None => self.l.tr.t("quorum-none"),
            Quorum::Absolute(n) => self.l.tr.tn("quorum-absolute", n),
            Quorum::Share { num, den } => self.l.tr.tn("quorum-share", num * 100 / den.max(1)),
        };
        format!("{majority} · {quorum}")
    }
    fn mover(&self) -> String {
        self.v
            .mover_handle
            .clone()
            .unwrap_or_else(|| self.l.tr.t("minutes-former-member"))
    }
    fn created(&self) -> String {
        format_time(self.v.motion.created_at)
    }
    fn closes(&self) -> Option<String> {
        self.v.motion.closes_at.map(format_time)
    }
    fn may_vote(&self) -> bool {
        self.v.motion.phase == Phase::Voting
            && (self.v.standing.may(Action::Vote) || self.v.referendum_voter)
    }
    fn may_call_referendum(&self) -> bool {
        self.v.may_chair
            && !self.v.referendum
            && matches!(self.v.motion.phase, Phase::Draft | Phase::Discussion)
    }
    fn may_open_voting(&self) -> bool {
        matches!(self.v.motion.phase, Phase::Discussion)
            && (self.v.is_mover || self.v.may_chair)
            && !self.amendment_pending()
    }
    /// Whether an amendment to this motion is being voted on (voting on it waits).
    fn amendment_pending(&self) -> bool {
        self.v
            .amendments
            .iter()
            .any(|a| a.status == AmendmentStatus::Voting)
    }
    /// Whether the reader may put a proposed amendment to the council's vote: its author,
    /// the mover, or an organiser, while the motion is in discussion.
    fn may_put_to_vote(&self, a: &AmendmentRecord) -> bool {
        a.status == AmendmentStatus::Proposed
            && matches!(self.v.motion.phase, Phase::Discussion)
            && (a.author.as_ref() == Some(&self.v.reader) || self.v.is_mover || self.v.may_chair)
    }
    fn may_discuss(&self) -> bool {
        matches!(self.v.motion.phase, Phase::Discussion | Phase::Voting)
            && self.v.standing.may(Action::ProposeMotion)
    }
    fn options(&self) -> Vec<(usize, String)> {
        labels(&self.v.motion).into_iter().enumerate().collect()
    }
    /// Whether the reader's ballot says this (`yes`, `block`, ...), to check it again.
    fn chose(&self, code: &str) -> bool {
        self.v
            .my_choice
            .as_ref()
            .is_some_and(|c| c.encode() == code)
    }
    fn approved(&self, option: &usize) -> bool {
        matches!(&self.v.my_choice, Some(Choice::Approval(a)) if a.contains(option))
    }
    fn score_of(&self, option: &usize) -> String {
        match &self.v.my_choice {
            Some(Choice::Score(s)) => s.get(*option).map(u32::to_string).unwrap_or_default(),
            _ => String::new(),
        }
    }
    fn score_max(&self) -> u32 {
        self.method().score_max().unwrap_or(0)
    }
    fn rank_of(&self, option: &usize) -> String {
        match &self.v.my_choice {
            Some(Choice::Ranked(ranks)) => ranks
                .iter()
                .position(|group| group.contains(option))
                .map(|p| (p + 1).to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }
    fn rank_hint(&self) -> String {
        if self.method().accepts_equal_ranks() {
            self.l.tr.t("ballot-rank-hint-equal")
        } else {
            self.l.tr.t("ballot-rank-hint")
        }
    }
    fn roll(&self) -> String {
        let entitled = self.v.motion.entitled.unwrap_or(0);
        self.l.tr.args(
            "motion-roll",
            &[("count", self.v.roll.into()), ("entitled", entitled.into())],
        )
    }
    fn summary(&self) -> String {
        summary(&self.l, &self.v.motion)
    }
    fn amendment_status(&self, a: &AmendmentRecord) -> String {
        self.l.tr.tp("amendment-", a.status.code())
    }
    fn is_voting_amendment(&self, a: &AmendmentRecord) -> bool {
        a.status == AmendmentStatus::Voting
    }
    fn proposed(&self, a: &AmendmentRecord) -> bool {
        a.status == AmendmentStatus::Proposed
    }
    fn author(&self, handle: &Option<councils_domain::Handle>) -> String {
        handle
            .as_ref()
            .map(|h| h.to_string())
            .unwrap_or_else(|| self.l.tr.t("minutes-former-member"))
    }
    fn when(&self, at: &i64) -> String {
        format_time(*at)
    }
    /// An open vote's choice in words.
    fn vote_words(&self, vote: &OpenVote) -> String {
        describe_choice(&self.l, &self.v.motion, &vote.choice)
    }
    fn my_ballot_words(&self) -> String {
        match &self.v.my_choice {
            Some(choice) => describe_choice(&self.l, &self.v.motion, &choice.encode()),
            None => String::new(),
        }
    }
    fn languages(&self) -> &'static [Language] {
        &Language::ALL
    }
}

/// A stored choice in words: `yes`, `approves A, C`, `1. B 2. A`.
pub(crate) fn describe_choice(l: &Layout, motion: &MotionRecord, code: &str) -> String {
    let options = labels(motion);
    let name = |i: &usize| options.get(*i).cloned().unwrap_or_default();
    match Choice::decode(&motion.rules.method(), code) {
        Ok(Choice::YesNo(_) | Choice::Consent(_)) => l.tr.tp("choice-", code),
        Ok(Choice::Approval(approved)) => approved.iter().map(name).collect::<Vec<_>>().join(", "),
        Ok(Choice::Score(scores)) => scores
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}: {s}", name(&i)))
            .collect::<Vec<_>>()
            .join(", "),
        Ok(Choice::Ranked(ranks)) => ranks
            .iter()
            .enumerate()
            .map(|(r, group)| {
                let names: Vec<String> = group.iter().map(name).collect();
                format!("{}. {}", r + 1, names.join(" = "))
            })
            .collect::<Vec<_>>()
            .join("  "),
        Err(_) => String::new(),
    }
}

/// Renders a motion's page, with an error from a form when there is one.
pub(crate) async fn motion_page(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    id: &str,
    error: Option<AppError>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let mut v = state.app.motion_page(actor, slug, id).await?;
    if v.mandate_motion {
        // A mandate motion's options are mandates' codes: shown in the reader's words.
        for option in &mut v.motion.options {
            *option = viewer.tr.tp("mandate-", option);
        }
    }
    let chart = match &v.motion.outcome {
        Some(outcome) => results_chart(outcome, &labels(&v.motion), &viewer.tr)
            .map_err(|e| AppError::Internal(format!("chart: {e}")))?,
        None => String::new(),
    };
    let (status, error) = match error {
        Some(e) => (
            status_of(&e),
            Some(viewer.tr.t(&format!("error-{}", e.code()))),
        ),
        None => (axum::http::StatusCode::OK, None),
    };
    let grievance = state
        .app
        .grievance_of_motion(actor, &v.motion.id)
        .await?
        .map(|(slug, id)| format!("/c/{slug}/grievances/{id}"));
    page_with_status(
        status,
        MotionPage {
            l: viewer.layout(),
            v,
            error,
            chart,
            grievance,
        },
    )
}

/// After a form on a motion's page: back to the page, or the page again with the error.
/// Errors that are not about the form (not allowed, not found, a failure) render as errors.
pub(crate) async fn after_form(
    state: &WebState,
    viewer: &Viewer,
    slug: &str,
    id: &str,
    result: Result<(), AppError>,
) -> Result<Response, WebError> {
    match result {
        Ok(()) => Ok(see(&format!("/c/{slug}/motions/{id}"))),
        Err(e @ (AppError::Internal(_) | AppError::Forbidden | AppError::NotFound)) => {
            Err(e.into())
        }
        Err(e) => motion_page(state, viewer, slug, id, Some(e)).await,
    }
}

/// `GET /c/{slug}/motions/{id}`
pub async fn show(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    motion_page(&state, &viewer, &slug, &id, None).await
}

/// `POST /c/{slug}/motions/{id}/discussion`: the mover opens a draft to discussion.
pub async fn open_discussion(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.open_discussion(actor, &slug, &id).await;
    after_form(&state, &viewer, &slug, &id, result).await
}

#[derive(Deserialize)]
pub struct OpenVotingForm {
    #[serde(default)]
    hours: String,
}

/// `POST /c/{slug}/motions/{id}/voting`: voting opens, closing by itself after `hours`.
pub async fn open_voting(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
    Form(form): Form<OpenVotingForm>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = match form.hours.trim() {
        "" => state.app.open_voting(actor, &slug, &id, None).await,
        hours => match hours.parse::<u32>() {
            Ok(h) => state.app.open_voting(actor, &slug, &id, Some(h)).await,
            Err(_) => Err(AppError::BadValue),
        },
    };
    after_form(&state, &viewer, &slug, &id, result).await
}

/// `POST /c/{slug}/motions/{id}/close`: the chair closes voting and the motion is counted.
pub async fn close(
    State(state): State<WebState>,
    viewer: Viewer,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let actor = viewer.member()?;
    let result = state.app.close_voting(actor, &slug, &id).await.map(|_| ());
    after_form(&state, &viewer, &slug, &id, result).await
}
