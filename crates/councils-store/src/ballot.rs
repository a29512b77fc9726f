//! The ballot box and the voter roll, and the writer that puts ballots in the box in groups.
//!
//! A vote can bring thousands of ballots in a minute, and each commit costs an fsync. So
//! `cast_ballot` does not write: it hands its ballot to one writer task and waits. The task
//! takes the first ballot waiting, and with it every other already queued (up to
//! [`MAX_BATCH`]), writes them all in one transaction and answers each caller only once that
//! transaction has committed: one fsync for the group, and no caller told its ballot is in
//! before it is durable.

use crate::motion::{lock_motion, refused};
use crate::{Backend, backend_error};
use councils_app::StoreError;
use councils_app::ports::{BallotGroup, BallotRecord, OpenVote};
use councils_domain::motion::{Phase, Secrecy};
use councils_domain::{Handle, MemberId, MotionId};
use sqlx::{AnyConnection, AnyPool};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

/// Most ballots written in one transaction.
pub(crate) const MAX_BATCH: usize = 512;

/// A ballot waiting for the writer, and where to send what became of it.
struct Request {
    ballot: BallotRecord,
    reply: oneshot::Sender<Result<(), StoreError>>,
}

/// The handle on the writer task, shared by every clone of a `Db`.
pub(crate) struct BallotWriter {
    /// `None` once the store is closed. Callers clone the sender for the moment they send;
    /// the task ends when the last sender is gone.
    requests: Mutex<Option<mpsc::Sender<Request>>>,
    task: Mutex<Option<JoinHandle<()>>>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Nothing panics while holding these locks; if something did, the value is still whole.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl BallotWriter {
    /// Starts the writer on the current tokio runtime, writing through `write` at most
    /// `max_batch` ballots per transaction (1 commits each ballot on its own).
    pub(crate) fn start(write: AnyPool, backend: Backend, max_batch: usize) -> Arc<Self> {
        let max_batch = max_batch.clamp(1, MAX_BATCH);
        let (sender, receiver) = mpsc::channel(4 * MAX_BATCH);
        let task = tokio::spawn(run(write, backend, receiver, max_batch));
        Arc::new(Self {
            requests: Mutex::new(Some(sender)),
            task: Mutex::new(Some(task)),
        })
    }

    /// Queues a ballot and waits until it is committed, or refused.
    pub(crate) async fn cast(&self, ballot: BallotRecord) -> Result<(), StoreError> {
        let sender = lock(&self.requests).clone().ok_or_else(closed)?;
        let (reply, answer) = oneshot::channel();
        sender
            .send(Request { ballot, reply })
            .await
            .map_err(|_| closed())?;
        // Not kept while waiting, so that closing the store is not held up by a waiting caller.
        drop(sender);
        answer.await.map_err(|_| closed())?
    }

    /// Stops taking ballots, and waits until every ballot already queued is written.
    pub(crate) async fn stop(&self) {
        lock(&self.requests).take();
        let task = lock(&self.task).take();
        if let Some(task) = task
            && let Err(error) = task.await
        {
            tracing::error!(%error, "the ballot writer stopped abnormally");
        }
    }
}

fn closed() -> StoreError {
    StoreError::Backend("the ballot writer has stopped".into())
}

async fn run(
    write: AnyPool,
    backend: Backend,
    mut requests: mpsc::Receiver<Request>,
    max_batch: usize,
) {
    let mut batch = Vec::with_capacity(max_batch);
    // Waits for one request, then takes whatever else is already queued, without waiting.
    while requests.recv_many(&mut batch, max_batch).await > 0 {
        write_batch(&write, backend, std::mem::take(&mut batch)).await;
    }
}

/// Why a group of ballots was not written.
enum Failed {
    /// A statement failed, and the transaction with it.
    Statement(String),
    /// The commit failed: nothing in the group may be taken as written.
    Commit(String),
}

async fn write_batch(write: &AnyPool, backend: Backend, batch: Vec<Request>) {
    let ballots: Vec<&BallotRecord> = batch.iter().map(|r| &r.ballot).collect();
    match write_group(write, backend, &ballots).await {
        Ok(results) => {
            for (request, result) in batch.into_iter().zip(results) {
                let _ = request.reply.send(result);
            }
        }
        Err(Failed::Statement(_)) if batch.len() > 1 => {
            // One ballot's statement can fail on its own (its voter's account deleted a moment
            // before, say); the group rolled back, so each is written again alone, and only
            // the failing one fails.
            for request in batch {
                let result = match write_group(write, backend, &[&request.ballot]).await {
                    Ok(mut results) => results.pop().unwrap_or_else(|| Err(closed())),
                    Err(Failed::Statement(e) | Failed::Commit(e)) => Err(StoreError::Backend(e)),
                };
                let _ = request.reply.send(result);
            }
        }
        Err(Failed::Statement(error) | Failed::Commit(error)) => {
            tracing::error!(%error, ballots = batch.len(), "a group of ballots was not written");
            for request in batch {
                let _ = request.reply.send(Err(StoreError::Backend(error.clone())));
            }
        }
    }
}

/// Writes `ballots` in one transaction. Each gets its own answer: written, or refused because
/// its motion is not voting (or is gone); only the written ones are in the transaction.
async fn write_group(
    write: &AnyPool,
    backend: Backend,
    ballots: &[&BallotRecord],
) -> Result<Vec<Result<(), StoreError>>, Failed> {
    let statement = |e: sqlx::Error| Failed::Statement(e.to_string());
    let mut tx = write.begin().await.map_err(statement)?;
    // Phase and secrecy of each motion in the group, read (and on PostgreSQL locked) once.
    let mut motions: HashMap<&str, Option<(Phase, Secrecy)>> = HashMap::new();
    let mut results = Vec::with_capacity(ballots.len());
    for ballot in ballots {
        let motion = ballot.motion_id.as_str();
        let state = match motions.get(motion) {
            Some(state) => *state,
            None => {
                let state = lock_motion(&mut tx, backend, &ballot.motion_id)
                    .await
                    .map_err(|e| Failed::Statement(e.to_string()))?;
                motions.insert(motion, state);
                state
            }
        };
        let result = match state {
            None => Err(StoreError::NotFound),
            Some((phase, _)) if !phase.takes_ballots() => Err(StoreError::Conflict),
            Some((_, secrecy)) => match i64::try_from(ballot.weight) {
                Err(_) => Err(refused("a ballot weight too large to store")),
                Ok(weight) => {
                    // The roll keeps the choice only for an open ballot on an open motion: a
                    // caller's mistake cannot put a secret choice next to its voter.
                    let open = ballot.open && secrecy == Secrecy::Open;
                    put(&mut tx, ballot, weight, open)
                        .await
                        .map_err(statement)?;
                    Ok(())
                }
            },
        };
        results.push(result);
    }
    // A plain commit, not `Db::commit`: ballots are shown in no cached page, and counting
    // every group as a write would empty the application's read cache many times a second.
    tx.commit()
        .await
        .map_err(|e| Failed::Commit(e.to_string()))?;
    Ok(results)
}

/// Puts the voter on the roll and the ballot in the box, replacing an earlier ballot of theirs.
async fn put(
    conn: &mut AnyConnection,
    ballot: &BallotRecord,
    weight: i64,
    open: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into vote_roll (motion_id, member_id, choice) values ($1, $2, $3)
         on conflict (motion_id, member_id) do update set choice = excluded.choice",
    )
    .bind(ballot.motion_id.as_str())
    .bind(ballot.voter.as_str())
    .bind(open.then_some(ballot.choice.as_str()))
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "insert into ballot (ballot_id, motion_id, choice, weight) values ($1, $2, $3, $4)
         on conflict (ballot_id) do update set choice = excluded.choice, weight = excluded.weight",
    )
    .bind(ballot.ballot_id.as_str())
    .bind(ballot.motion_id.as_str())
    .bind(ballot.choice.as_str())
    .bind(weight)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn has_voted(
    pool: &AnyPool,
    motion: &MotionId,
    member: &MemberId,
) -> Result<bool, StoreError> {
    let (count,): (i64,) =
        sqlx::query_as("select count(*) from vote_roll where motion_id = $1 and member_id = $2")
            .bind(motion.as_str())
            .bind(member.as_str())
            .fetch_one(pool)
            .await
            .map_err(backend_error)?;
    Ok(count > 0)
}

pub(crate) async fn ballot_choice(
    pool: &AnyPool,
    motion: &MotionId,
    ballot_id: &str,
) -> Result<Option<String>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("select choice from ballot where motion_id = $1 and ballot_id = $2")
            .bind(motion.as_str())
            .bind(ballot_id)
            .fetch_optional(pool)
            .await
            .map_err(backend_error)?;
    Ok(row.map(|(choice,)| choice))
}

pub(crate) async fn ballots(
    pool: &AnyPool,
    motion: &MotionId,
) -> Result<Vec<BallotGroup>, StoreError> {
    let mut conn = pool.acquire().await.map_err(backend_error)?;
    grouped_ballots_in(&mut conn, motion).await
}

/// The box of a motion, on the caller's connection (inside the deciding transaction for the
/// count): identical ballots come grouped with their total weight and number. The database
/// groups them (as fast as its own GROUP BY, on a covering index) and the count works on the
/// groups, not on every row.
pub(crate) async fn grouped_ballots_in(
    conn: &mut AnyConnection,
    motion: &MotionId,
) -> Result<Vec<BallotGroup>, StoreError> {
    let rows: Vec<(String, i64, i64)> = sqlx::query_as(
        "select choice, cast(sum(weight) as bigint), count(*) from ballot where motion_id = $1
         group by choice order by choice",
    )
    .bind(motion.as_str())
    .fetch_all(&mut *conn)
    .await
    .map_err(backend_error)?;
    rows.into_iter()
        .map(|(choice, weight, ballots)| {
            let number =
                |n: i64| u64::try_from(n).map_err(|_| crate::rows::corrupt("ballot weight"));
            Ok(BallotGroup {
                choice,
                weight: number(weight)?,
                ballots: number(ballots)?,
            })
        })
        .collect()
}

pub(crate) async fn roll_count(pool: &AnyPool, motion: &MotionId) -> Result<u64, StoreError> {
    let (count,): (i64,) = sqlx::query_as("select count(*) from vote_roll where motion_id = $1")
        .bind(motion.as_str())
        .fetch_one(pool)
        .await
        .map_err(backend_error)?;
    Ok(count as u64)
}

pub(crate) async fn open_votes(
    pool: &AnyPool,
    motion: &MotionId,
) -> Result<Vec<OpenVote>, StoreError> {
    let rows: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "select r.member_id, m.handle, r.choice
         from vote_roll r left join member m on m.member_id = r.member_id
         where r.motion_id = $1 and r.choice is not null
         order by m.handle_key, r.member_id",
    )
    .bind(motion.as_str())
    .fetch_all(pool)
    .await
    .map_err(backend_error)?;
    Ok(rows
        .into_iter()
        .map(|(voter, handle, choice)| OpenVote {
            voter: MemberId::new(voter),
            handle: handle.map(Handle::from_stored),
            choice,
        })
        .collect())
}
