//! A motion's count read from the database, beside SQLite's own GROUP BY over the same rows:
//! 1M yes/no/abstain ballots in the ballot box of an SQLite file.
//!
//! - `sqlite group by`: `select choice, sum(weight), count(*) ... group by choice` straight
//!   through sqlx's SQLite driver, nothing else: the floor (a count needs the weights).
//! - `store: read and count`: what closing a vote does: the store reads the box (grouped by the
//!   database), each group is decoded into a domain `Choice` and counted by the tally engine.
//!
//! `cargo bench -p councils-store --bench tally_from_db`; figures in docs/performance.md.

use councils_app::ports::MotionStore;
use councils_domain::MotionId;
use councils_domain::motion::{Choice, Method, MotionKind, MotionRules, count_grouped};
use councils_store::testing::FreshDb;
use criterion::{Criterion, criterion_group, criterion_main};
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{Executor, Row};

const BALLOTS: usize = 1_000_000;

fn tally_from_db(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let fresh = FreshDb::sqlite();
    let db = runtime.block_on(fresh.connect());
    let raw = runtime.block_on(async {
        let raw = SqlitePoolOptions::new()
            .max_connections(1)
            .connect(&format!("sqlite://{}", fresh.url))
            .await
            .unwrap();
        raw.execute(
            "insert into council (council_id, slug, kind, vouches_required, members_per_delegate,
             minimum_seats, created_at) values ('c', 'bench', 'workplace-committee', 0, 25, 1, 0)",
        )
        .await
        .unwrap();
        raw.execute(
            "insert into motion (motion_id, council_id, kind, method, quorum_kind, majority,
             majority_base, secrecy, phase, created_at, entitled)
             values ('m', 'c', 'strike-vote', 'yes-no', 'none', 'simple', 'votes-cast', 'secret',
             'voting', 0, 1000000)",
        )
        .await
        .unwrap();
        let mut tx = raw.begin().await.unwrap();
        let choices = ["yes", "yes", "no", "abstain", "yes"];
        for n in 0..BALLOTS {
            // Ballot ids are keyed hashes in the application; any distinct text stands in.
            sqlx::query(
                "insert into ballot (ballot_id, motion_id, choice, weight) values ($1, 'm', $2, 1)",
            )
            .bind(format!(
                "{:016x}",
                (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ))
            .bind(choices[n % choices.len()])
            .execute(&mut *tx)
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        raw
    });
    let motion = MotionId::new("m");
    let rules = MotionRules::default_for(MotionKind::StrikeVote);

    // Both give the same totals before anything is timed.
    let floor: Vec<(String, i64)> = runtime.block_on(async {
        sqlx::query("select choice, count(*) from ballot where motion_id = 'm' group by choice order by choice")
            .fetch_all(&raw)
            .await
            .unwrap()
            .into_iter()
            .map(|row| (row.get(0), row.get(1)))
            .collect()
    });
    let read = runtime.block_on(db.ballots(&motion)).unwrap();
    assert_eq!(
        floor,
        read.iter()
            .map(|g| (g.choice.clone(), g.ballots as i64))
            .collect::<Vec<_>>()
    );

    let mut group = c.benchmark_group("tally from the database, 1M ballots");
    group.sample_size(10);
    group.bench_function("sqlite group by", |b| {
        b.iter(|| {
            runtime.block_on(async {
                sqlx::query(
                    "select choice, sum(weight), count(*) from ballot where motion_id = 'm'
                     group by choice",
                )
                .fetch_all(&raw)
                .await
                .unwrap()
                .len()
            })
        })
    });
    group.bench_function("store: read and count", |b| {
        b.iter(|| {
            let stored = runtime.block_on(db.ballots(&motion)).unwrap();
            let groups: Vec<(Choice, u64, u64)> = stored
                .iter()
                .map(|g| {
                    (
                        Choice::decode(&Method::YesNo, &g.choice).unwrap(),
                        g.weight,
                        g.ballots,
                    )
                })
                .collect();
            count_grouped(&rules, &[], &groups, Some(1_000_000), 1).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, tally_from_db);
criterion_main!(benches);
