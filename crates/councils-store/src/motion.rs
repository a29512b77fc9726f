//! Motions: proposing, reading, moving through their phases, and the store port for them
//! (discussion is in `motion::discussion`, the roll and the box in `ballot`).

mod amendment_vote;
mod defaults;
mod discussion;
mod rows;

use crate::{Backend, Db, backend_error, ballot, minutes};
use async_trait::async_trait;
use councils_app::StoreError;
use councils_app::ports::{
    AmendmentRecord, BallotGroup, BallotRecord, CommentRecord, CountBallots, MotionDefaults,
    MotionRecord, MotionStore, OpenVote, PhaseChange,
};
use councils_domain::motion::{MotionText, Outcome, Phase, Secrecy};
use councils_domain::{AmendmentId, CouncilId, MemberId, MinutesEvent, MotionId};
use rows::{MotionRow, OptionRow, RuleColumns, TextRow, int, motion_columns};
use sqlx::AnyConnection;
use std::collections::HashMap;

/// A request the store will not carry out because the caller broke the port's contract (a
/// motion without a text, a phase change out of order). It is a bug in the caller, so it is
/// reported like a failure, for the log.
pub(crate) fn refused(what: &str) -> StoreError {
    StoreError::Backend(format!("refused: {what}"))
}

/// A foreign key that points nowhere means the motion (or council) the caller named is gone.
pub(crate) fn missing_or_backend(error: sqlx::Error) -> StoreError {
    if error
        .as_database_error()
        .is_some_and(|e| e.is_foreign_key_violation())
    {
        StoreError::NotFound
    } else {
        backend_error(error)
    }
}

/// Reads a motion's phase and secrecy inside a writing transaction, so that the phase cannot
/// change before the transaction commits. On PostgreSQL the row is locked until then: a phase
/// change waits, and one that committed first is seen. (`no key update` is the lock an update
/// of the row takes itself; unlike `for update` it lets comments and amendments that only
/// reference the motion go in meanwhile.) On SQLite every write goes through the one write
/// connection, so nothing else writes meanwhile, and SQLite has no `for update`.
pub(crate) async fn lock_motion(
    conn: &mut AnyConnection,
    backend: Backend,
    motion: &MotionId,
) -> Result<Option<(Phase, Secrecy)>, StoreError> {
    let sql = match backend {
        Backend::Sqlite => "select phase, secrecy from motion where motion_id = $1",
        Backend::Postgres => {
            "select phase, secrecy from motion where motion_id = $1 for no key update"
        }
    };
    let row: Option<(String, String)> = sqlx::query_as(sql)
        .bind(motion.as_str())
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend_error)?;
    row.map(|(phase, secrecy)| Ok((rows::phase(&phase)?, rows::secrecy(&secrecy)?)))
        .transpose()
}

/// The three queries that read motions (with their options and texts) selected by one filter
/// on the motion `m` with one parameter.
struct Reads {
    motions: &'static str,
    options: &'static str,
    texts: &'static str,
}

macro_rules! reads {
    ($filter:literal) => {
        Reads {
            motions: concat!(
                "select ",
                motion_columns!(),
                " from motion m where ",
                $filter,
                " order by m.created_at desc, m.motion_id desc"
            ),
            options: concat!(
                "select o.motion_id, o.label from motion_option o ",
                "join motion m on m.motion_id = o.motion_id where ",
                $filter,
                " order by o.motion_id, o.position"
            ),
            texts: concat!(
                "select t.motion_id, t.language, t.title, t.body from motion_text t ",
                "join motion m on m.motion_id = t.motion_id where ",
                $filter,
                " order by t.motion_id, t.position"
            ),
        }
    };
}

const ONE_MOTION: Reads = reads!("m.motion_id = $1");
const COUNCIL_MOTIONS: Reads = reads!("m.council_id = $1");

/// The motions `reads` selects, newest first, each with its options and texts in order.
async fn load(db: &Db, reads: &Reads, key: &str) -> Result<Vec<MotionRecord>, StoreError> {
    // One read transaction, so that on SQLite the three queries see one snapshot.
    let mut tx = db.read.begin().await.map_err(backend_error)?;
    let motions: Vec<MotionRow> = sqlx::query_as(reads.motions)
        .bind(key)
        .fetch_all(&mut *tx)
        .await
        .map_err(backend_error)?;
    if motions.is_empty() {
        return Ok(Vec::new());
    }
    let options: Vec<OptionRow> = sqlx::query_as(reads.options)
        .bind(key)
        .fetch_all(&mut *tx)
        .await
        .map_err(backend_error)?;
    let texts: Vec<TextRow> = sqlx::query_as(reads.texts)
        .bind(key)
        .fetch_all(&mut *tx)
        .await
        .map_err(backend_error)?;
    tx.commit().await.map_err(backend_error)?;
    let mut options_of: HashMap<String, Vec<String>> = HashMap::new();
    for row in options {
        options_of.entry(row.motion_id).or_default().push(row.label);
    }
    let mut texts_of: HashMap<String, Vec<MotionText>> = HashMap::new();
    for row in texts {
        let motion = row.motion_id.clone();
        texts_of
            .entry(motion)
            .or_default()
            .push(MotionText::try_from(row)?);
    }
    motions
        .into_iter()
        .map(|row| {
            let options = options_of.remove(&row.motion_id).unwrap_or_default();
            let texts = texts_of.remove(&row.motion_id).unwrap_or_default();
            row.into_record(options, texts)
        })
        .collect()
}

pub(crate) async fn insert_motion(
    conn: &mut AnyConnection,
    motion: &MotionRecord,
) -> Result<(), StoreError> {
    let rules = RuleColumns::of(&motion.rules)?;
    let outcome = motion
        .outcome
        .as_ref()
        .map(|o| serde_json::to_string(o).expect("outcomes always serialise"));
    sqlx::query(concat!(
        "insert into motion (",
        motion_columns!(),
        ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21, $22, $23)"
    ))
    .bind(motion.id.as_str())
    .bind(motion.council_id.as_str())
    .bind(motion.mover.as_ref().map(MemberId::as_str))
    .bind(motion.kind.code())
    .bind(rules.method)
    .bind(rules.score_max)
    .bind(rules.seats)
    .bind(rules.stv_variant)
    .bind(rules.quorum_kind)
    .bind(rules.quorum_num)
    .bind(rules.quorum_den)
    .bind(rules.majority)
    .bind(rules.majority_num)
    .bind(rules.majority_den)
    .bind(rules.majority_base)
    .bind(rules.secrecy)
    .bind(motion.phase.code())
    .bind(motion.created_at)
    .bind(motion.voting_opened_at)
    .bind(motion.entitled.map(int).transpose()?)
    .bind(motion.closes_at)
    .bind(motion.decided_at)
    .bind(outcome)
    .execute(&mut *conn)
    .await
    .map_err(missing_or_backend)?;
    for (position, label) in motion.options.iter().enumerate() {
        sqlx::query("insert into motion_option (motion_id, position, label) values ($1, $2, $3)")
            .bind(motion.id.as_str())
            .bind(position as i64)
            .bind(label)
            .execute(&mut *conn)
            .await
            .map_err(backend_error)?;
    }
    for (position, text) in motion.texts.iter().enumerate() {
        sqlx::query(
            "insert into motion_text (motion_id, language, position, title, body)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(motion.id.as_str())
        .bind(text.language().code())
        .bind(position as i64)
        .bind(text.title())
        .bind(text.body())
        .execute(&mut *conn)
        .await
        .map_err(backend_error)?;
    }
    Ok(())
}

/// The change's new phase written to the motion if it is still in `change.from`; the council
/// it belongs to, or `None` if it was not.
/// Writes a new motion, in draft or in discussion, with its minutes entry, inside the caller's
/// transaction (a grievance's escalation writes its link in the same one).
pub(crate) async fn propose(
    conn: &mut AnyConnection,
    motion: &MotionRecord,
) -> Result<(), StoreError> {
    let first = motion
        .texts
        .first()
        .ok_or_else(|| refused("a motion without a text"))?;
    let by = motion
        .mover
        .clone()
        .ok_or_else(|| refused("a new motion without its mover"))?;
    if !matches!(motion.phase, Phase::Draft | Phase::Discussion) {
        return Err(refused("a new motion past discussion"));
    }
    insert_motion(conn, motion).await?;
    let event = MinutesEvent::MotionProposed {
        motion: motion.id.clone(),
        by,
        title: first.title().to_string(),
    };
    minutes::append(conn, &motion.council_id, motion.created_at, &event).await
}

async fn move_phase(
    conn: &mut AnyConnection,
    change: &PhaseChange,
) -> Result<Option<String>, StoreError> {
    let motion = change.motion_id.as_str();
    let from = change.from.code();
    let query = match change.to {
        Phase::Voting => sqlx::query_as(
            "update motion set phase = 'voting', voting_opened_at = $1, entitled = $2, closes_at = $3
             where motion_id = $4 and phase = $5
               and not exists (select 1 from amendment
                               where motion_id = $4 and status = 'voting')
             returning council_id",
        )
        .bind(change.at)
        .bind(change.entitled.map(int).transpose()?)
        .bind(change.closes_at)
        .bind(motion)
        .bind(from),
        Phase::Draft | Phase::Discussion | Phase::Decided => sqlx::query_as(
            "update motion set phase = $1 where motion_id = $2 and phase = $3 returning council_id",
        )
        .bind(change.to.code())
        .bind(motion)
        .bind(from),
    };
    let council: Option<(String,)> = query
        .fetch_optional(&mut *conn)
        .await
        .map_err(backend_error)?;
    Ok(council.map(|(c,)| c))
}

#[async_trait]
impl MotionStore for Db {
    async fn create_motion(&self, motion: &MotionRecord) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        propose(&mut tx, motion).await?;
        self.commit(tx).await.map_err(backend_error)
    }

    async fn motion(&self, id: &MotionId) -> Result<Option<MotionRecord>, StoreError> {
        Ok(load(self, &ONE_MOTION, id.as_str())
            .await?
            .into_iter()
            .next())
    }

    async fn motions_of(&self, council: &CouncilId) -> Result<Vec<MotionRecord>, StoreError> {
        load(self, &COUNCIL_MOTIONS, council.as_str()).await
    }

    async fn change_phase(&self, change: &PhaseChange) -> Result<(), StoreError> {
        change
            .from
            .advance(change.to)
            .map_err(|_| refused("a phase change out of order"))?;
        let event = match change.to {
            Phase::Voting => Some(MinutesEvent::VotingOpened {
                motion: change.motion_id.clone(),
                by: change.by.clone(),
                entitled: change
                    .entitled
                    .ok_or_else(|| refused("voting opened without those entitled"))?,
            }),
            Phase::Decided => return Err(refused("a decision without its count")),
            Phase::Draft | Phase::Discussion => None,
        };
        let mut tx = self.begin().await?;
        // The update is conditional on the phase, and takes the row's lock on PostgreSQL: a
        // ballot batch that read the motion as voting has committed before it, and one that
        // comes after reads it decided, so no ballot goes in after the decision.
        let Some(council) = move_phase(&mut tx, change).await? else {
            let exists: Option<(String,)> =
                sqlx::query_as("select phase from motion where motion_id = $1")
                    .bind(change.motion_id.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend_error)?;
            return Err(match exists {
                Some(_) => StoreError::Conflict,
                None => StoreError::NotFound,
            });
        };
        if let Some(event) = event {
            minutes::append(&mut tx, &CouncilId::new(council), change.at, &event).await?;
        }
        self.commit(tx).await.map_err(backend_error)
    }

    async fn decide(
        &self,
        motion: &MotionId,
        at: i64,
        count: &CountBallots<'_>,
    ) -> Result<Outcome, StoreError> {
        let mut tx = self.begin().await?;
        // Closing first takes the row's lock on PostgreSQL (a ballot batch locks it too) and,
        // on SQLite, this transaction holds the one write connection: no ballot goes in
        // between the close and the count, and every one acknowledged before is in the box.
        let closed: Option<(String, String)> = sqlx::query_as(
            "update motion set phase = 'decided', decided_at = $1
             where motion_id = $2 and phase = 'voting' returning council_id, secrecy",
        )
        .bind(at)
        .bind(motion.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(backend_error)?;
        let Some((council, secrecy)) = closed else {
            let exists: Option<(String,)> =
                sqlx::query_as("select phase from motion where motion_id = $1")
                    .bind(motion.as_str())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(backend_error)?;
            return Err(match exists {
                Some(_) => StoreError::Conflict,
                None => StoreError::NotFound,
            });
        };
        let stored = ballot::grouped_ballots_in(&mut tx, motion).await?;
        let outcome = count(&stored).map_err(|e| StoreError::Backend(format!("count: {e}")))?;
        sqlx::query("update motion set outcome = $1 where motion_id = $2")
            .bind(serde_json::to_string(&outcome).expect("outcomes always serialise"))
            .bind(motion.as_str())
            .execute(&mut *tx)
            .await
            .map_err(backend_error)?;
        let event = MinutesEvent::MotionDecided {
            motion: motion.clone(),
            outcome: Box::new(outcome.clone()),
        };
        minutes::append(&mut tx, &CouncilId::new(council), at, &event).await?;
        // Once a secret vote is counted, who took part is no longer needed (the turnout is in
        // the outcome) and is worth seizing: a list of those who voted in a strike vote.
        if secrecy == Secrecy::Secret.code() {
            sqlx::query("delete from vote_roll where motion_id = $1")
                .bind(motion.as_str())
                .execute(&mut *tx)
                .await
                .map_err(backend_error)?;
        }
        // A decided election seats its winners, a decided mandate motion records the
        // mandate, in this same transaction.
        crate::democracy::seating::after_decision(&mut tx, motion, at, &outcome).await?;
        // A decided amendment vote takes the amendment into its motion's text, or not.
        amendment_vote::after_decision(&mut tx, motion, at, &outcome).await?;
        self.commit(tx).await.map_err(backend_error)?;
        Ok(outcome)
    }

    async fn motions_due(&self, now: i64) -> Result<Vec<MotionId>, StoreError> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "select motion_id from motion where phase = 'voting' and closes_at <= $1
             order by closes_at, motion_id",
        )
        .bind(now)
        .fetch_all(&self.read)
        .await
        .map_err(backend_error)?;
        Ok(rows.into_iter().map(|(id,)| MotionId::new(id)).collect())
    }

    async fn add_comment(&self, comment: &CommentRecord) -> Result<(), StoreError> {
        discussion::add_comment(self, comment).await
    }

    async fn comments_of(&self, motion: &MotionId) -> Result<Vec<CommentRecord>, StoreError> {
        discussion::comments_of(&self.read, motion).await
    }

    async fn propose_amendment(&self, amendment: &AmendmentRecord) -> Result<(), StoreError> {
        discussion::propose_amendment(self, amendment).await
    }

    async fn amendments_of(&self, motion: &MotionId) -> Result<Vec<AmendmentRecord>, StoreError> {
        discussion::amendments_of(&self.read, motion).await
    }

    async fn decide_amendment(
        &self,
        amendment: &AmendmentId,
        accept: bool,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError> {
        discussion::decide_amendment(self, amendment, accept, by, at).await
    }

    async fn put_amendment_to_vote(
        &self,
        amendment: &AmendmentId,
        vote: &MotionRecord,
        by: &MemberId,
    ) -> Result<(), StoreError> {
        amendment_vote::put_to_vote(self, amendment, vote, by).await
    }

    async fn amendment_voted_by(
        &self,
        vote: &MotionId,
    ) -> Result<Option<AmendmentRecord>, StoreError> {
        amendment_vote::amendment_voted_by(&self.read, vote).await
    }

    async fn motion_defaults(&self, council: &CouncilId) -> Result<MotionDefaults, StoreError> {
        defaults::motion_defaults(&self.read, council).await
    }

    async fn set_motion_defaults(
        &self,
        council: &CouncilId,
        defaults: &MotionDefaults,
        by: &MemberId,
        at: i64,
    ) -> Result<(), StoreError> {
        defaults::set_motion_defaults(self, council, defaults, by, at).await
    }

    async fn cast_ballot(&self, ballot: BallotRecord) -> Result<(), StoreError> {
        self.ballots.cast(ballot).await
    }

    async fn has_voted(&self, motion: &MotionId, member: &MemberId) -> Result<bool, StoreError> {
        ballot::has_voted(&self.read, motion, member).await
    }

    async fn ballot_choice(
        &self,
        motion: &MotionId,
        ballot_id: &str,
    ) -> Result<Option<String>, StoreError> {
        ballot::ballot_choice(&self.read, motion, ballot_id).await
    }

    async fn ballots(&self, motion: &MotionId) -> Result<Vec<BallotGroup>, StoreError> {
        ballot::ballots(&self.read, motion).await
    }

    async fn roll_count(&self, motion: &MotionId) -> Result<u64, StoreError> {
        ballot::roll_count(&self.read, motion).await
    }

    async fn open_votes(&self, motion: &MotionId) -> Result<Vec<OpenVote>, StoreError> {
        ballot::open_votes(&self.read, motion).await
    }
}
