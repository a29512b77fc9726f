//! Motions as the database returns them, and a motion's rules as the columns that store them.

use crate::rows::{corrupt, language};
use councils_app::StoreError;
use councils_app::ports::MotionRecord;
use councils_domain::motion::{
    Method, MethodParams, MotionKind, MotionRules, MotionText, Outcome, Phase, Secrecy, StvVariant,
};
use councils_domain::{CouncilId, MemberId, MotionId};
use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

/// The columns of a [`MotionRow`], in the order [`MotionRow`] and the insert bind them, for
/// `concat!` into static SQL.
macro_rules! motion_columns {
    () => {
        "motion_id, council_id, mover_id, kind, method, score_max, seats, stv_variant, \
         quorum_kind, quorum_num, quorum_den, majority, majority_num, majority_den, \
         majority_base, secrecy, phase, created_at, voting_opened_at, entitled, closes_at, \
         decided_at, outcome"
    };
}
pub(crate) use motion_columns;

/// A number the tally counts in `u64`, as the database's signed `bigint`.
pub(crate) fn int(n: u64) -> Result<i64, StoreError> {
    i64::try_from(n).map_err(|_| StoreError::Backend("a number too large to store".into()))
}

fn uint(n: i64, what: &str) -> Result<u64, StoreError> {
    u64::try_from(n).map_err(|_| corrupt(what))
}

/// A motion's rules as stored: the method's code and parameters, the quorum, the majority and
/// the secrecy, each a plain column.
pub(crate) struct RuleColumns {
    pub method: &'static str,
    pub score_max: Option<i64>,
    pub seats: Option<i64>,
    pub stv_variant: Option<&'static str>,
    pub quorum_kind: &'static str,
    pub quorum_num: Option<i64>,
    pub quorum_den: Option<i64>,
    pub majority: &'static str,
    pub majority_num: Option<i64>,
    pub majority_den: Option<i64>,
    pub majority_base: &'static str,
    pub secrecy: &'static str,
}

impl RuleColumns {
    pub(crate) fn of(rules: &MotionRules) -> Result<Self, StoreError> {
        let method = rules.method();
        let params = method.params();
        let (quorum_kind, quorum_num, quorum_den) = match rules.quorum() {
            Quorum::None => ("none", None, None),
            Quorum::Absolute(n) => ("absolute", Some(int(n)?), None),
            Quorum::Share { num, den } => ("share", Some(int(num)?), Some(int(den)?)),
        };
        let rule = rules.majority();
        let (majority, majority_num, majority_den) = match rule.majority {
            Majority::Simple => ("simple", None, None),
            Majority::TwoThirds => ("two-thirds", None, None),
            Majority::Fraction { num, den } => ("fraction", Some(int(num)?), Some(int(den)?)),
        };
        Ok(Self {
            method: method.code(),
            score_max: params.score_max.map(i64::from),
            seats: params.seats.map(i64::from),
            stv_variant: params.stv_variant.map(StvVariant::code),
            quorum_kind,
            quorum_num,
            quorum_den,
            majority,
            majority_num,
            majority_den,
            majority_base: match rule.base {
                MajorityBase::VotesCast => "votes-cast",
                MajorityBase::Entitled => "entitled",
            },
            secrecy: rules.secrecy().code(),
        })
    }
}

pub(crate) fn phase(code: &str) -> Result<Phase, StoreError> {
    Phase::from_code(code).ok_or_else(|| corrupt("motion phase"))
}

pub(crate) fn secrecy(code: &str) -> Result<Secrecy, StoreError> {
    Secrecy::from_code(code).ok_or_else(|| corrupt("motion secrecy"))
}

#[derive(sqlx::FromRow)]
pub(crate) struct MotionRow {
    pub motion_id: String,
    council_id: String,
    mover_id: Option<String>,
    kind: String,
    method: String,
    score_max: Option<i64>,
    seats: Option<i64>,
    stv_variant: Option<String>,
    quorum_kind: String,
    quorum_num: Option<i64>,
    quorum_den: Option<i64>,
    majority: String,
    majority_num: Option<i64>,
    majority_den: Option<i64>,
    majority_base: String,
    secrecy: String,
    phase: String,
    created_at: i64,
    voting_opened_at: Option<i64>,
    entitled: Option<i64>,
    closes_at: Option<i64>,
    decided_at: Option<i64>,
    outcome: Option<String>,
}

/// One option of a motion.
#[derive(sqlx::FromRow)]
pub(crate) struct OptionRow {
    pub motion_id: String,
    pub label: String,
}

/// A motion's text in one language.
#[derive(sqlx::FromRow)]
pub(crate) struct TextRow {
    pub motion_id: String,
    language: String,
    title: String,
    body: String,
}

impl TryFrom<TextRow> for MotionText {
    type Error = StoreError;
    fn try_from(row: TextRow) -> Result<Self, StoreError> {
        MotionText::new(language(&row.language)?, &row.title, &row.body)
            .map_err(|_| corrupt("motion text"))
    }
}

/// Reads a stored fraction: both parts present and not negative.
fn fraction(num: Option<i64>, den: Option<i64>, what: &str) -> Result<(u64, u64), StoreError> {
    match (num, den) {
        (Some(num), Some(den)) => Ok((uint(num, what)?, uint(den, what)?)),
        _ => Err(corrupt(what)),
    }
}

impl MotionRow {
    fn rules(&self, kind: MotionKind) -> Result<MotionRules, StoreError> {
        let params = MethodParams {
            score_max: self
                .score_max
                .map(|n| u32::try_from(n).map_err(|_| corrupt("score maximum")))
                .transpose()?,
            seats: self
                .seats
                .map(|n| u32::try_from(n).map_err(|_| corrupt("seats")))
                .transpose()?,
            stv_variant: self
                .stv_variant
                .as_deref()
                .map(|code| StvVariant::from_code(code).ok_or_else(|| corrupt("stv variant")))
                .transpose()?,
        };
        let method = Method::from_code(&self.method, params).map_err(|_| corrupt("method"))?;
        let quorum = match self.quorum_kind.as_str() {
            "none" => Quorum::None,
            "absolute" => Quorum::Absolute(uint(
                self.quorum_num.ok_or_else(|| corrupt("quorum"))?,
                "quorum",
            )?),
            "share" => {
                let (num, den) = fraction(self.quorum_num, self.quorum_den, "quorum")?;
                Quorum::Share { num, den }
            }
            _ => return Err(corrupt("quorum")),
        };
        let majority = match self.majority.as_str() {
            "simple" => Majority::Simple,
            "two-thirds" => Majority::TwoThirds,
            "fraction" => {
                let (num, den) = fraction(self.majority_num, self.majority_den, "majority")?;
                Majority::Fraction { num, den }
            }
            _ => return Err(corrupt("majority")),
        };
        let base = match self.majority_base.as_str() {
            "votes-cast" => MajorityBase::VotesCast,
            "entitled" => MajorityBase::Entitled,
            _ => return Err(corrupt("majority base")),
        };
        MotionRules::new(
            kind,
            method,
            quorum,
            MajorityRule { majority, base },
            secrecy(&self.secrecy)?,
        )
        .map_err(|_| corrupt("motion rules"))
    }

    /// The motion, with its options and texts in order.
    pub(crate) fn into_record(
        self,
        options: Vec<String>,
        texts: Vec<MotionText>,
    ) -> Result<MotionRecord, StoreError> {
        let kind = MotionKind::from_code(&self.kind).ok_or_else(|| corrupt("motion kind"))?;
        let rules = self.rules(kind)?;
        let outcome = self
            .outcome
            .as_deref()
            .map(serde_json::from_str::<Outcome>)
            .transpose()
            .map_err(|_| corrupt("motion outcome"))?;
        Ok(MotionRecord {
            id: MotionId::new(self.motion_id),
            council_id: CouncilId::new(self.council_id),
            mover: self.mover_id.map(MemberId::new),
            kind,
            rules,
            options,
            texts,
            phase: phase(&self.phase)?,
            created_at: self.created_at,
            voting_opened_at: self.voting_opened_at,
            entitled: self.entitled.map(|n| uint(n, "entitled")).transpose()?,
            closes_at: self.closes_at,
            decided_at: self.decided_at,
            outcome,
        })
    }
}
