//! The server side of the alert fan-out benchmark: the real server (`councils serve`'s code,
//! on a fresh SQLite file) with two neighbourhood committees of responders, every responder
//! signed in, and reports waiting, each already taken by its committee's verifier, for the
//! load generator to confirm.
//!
//! ```sh
//! fanout_server DIR SMALL BIG ROUNDS
//! ```
//!
//! Writes `DIR/small.tokens` and `DIR/big.tokens` (one responder's bearer token per line),
//! `DIR/small-verifier.token` and `DIR/big-verifier.token`, and `DIR/reports`
//! (`small|big ROUND REPORT_ID` lines), then prints `serving at URL` and serves until its
//! standard input closes. Members join through the real sign-up (Argon2id included), so
//! seeding 19,000 takes minutes. Loopback only; used by `scripts/bench-fanout.sh`.

use councils_domain::report::FactsDraft;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use std::io::Read;
use std::io::Write;
use std::sync::Arc;

/// Sign-ups run this many at a time (Argon2id keeps both cores busy).
const JOINING: usize = 4;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let dir = std::path::PathBuf::from(args.get(1).expect("DIR"));
    let small: usize = args.get(2).map_or(Ok(1_000), |a| a.parse())?;
    let big: usize = args.get(3).map_or(Ok(18_000), |a| a.parse())?;
    let rounds: usize = args.get(4).map_or(Ok(3), |a| a.parse())?;
    std::fs::create_dir_all(&dir)?;
    // `COUNCILS_LOG=sqlx=debug` shows each statement with its time, to see where the time
    // between the confirmation and the hand-off goes. Nothing is logged without it.
    if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("COUNCILS_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    }

    let app = Arc::new(TestApp::spawn().await);
    let verifier = app
        .found("small", CouncilKind::NeighbourhoodCommittee, "verifier")
        .await;
    let bigorg = app
        .found("big", CouncilKind::NeighbourhoodCommittee, "bigverifier")
        .await;
    let mut reports = String::new();
    for (slug, count, organiser) in [("small", small, &verifier), ("big", big, &bigorg)] {
        let started = std::time::Instant::now();
        let joined = Arc::new(tokio::sync::Semaphore::new(JOINING));
        let mut joins = Vec::with_capacity(count);
        for n in 0..count {
            let (app, joined) = (app.clone(), joined.clone());
            joins.push(tokio::spawn(async move {
                let _permit = joined.acquire().await.expect("open");
                let language = if n % 2 == 0 {
                    Language::En
                } else {
                    Language::Es
                };
                app.join(slug, Role::Responder, &format!("{slug}{n}"), language)
                    .await
                    .token
                    .expose()
                    .to_string()
            }));
        }
        let mut tokens = std::fs::File::create(dir.join(format!("{slug}.tokens")))?;
        for join in joins {
            writeln!(tokens, "{}", join.await?)?;
        }
        eprintln!(
            "{count} responders joined {slug} in {:.0?}",
            started.elapsed()
        );
        let actor = app.actor(organiser).await;
        for round in 0..rounds {
            let report = app
                .app()
                .file_report(
                    &actor,
                    slug,
                    &FactsDraft {
                        what: "Agents at the corner asking for papers".into(),
                        officers: Some(4),
                        vehicles: Some(2),
                        agency: String::new(),
                        place: "5th and Main".into(),
                        minutes_ago: None,
                        source: "saw-it".into(),
                        via_hotline: false,
                    },
                )
                .await?;
            app.app().take_report(&actor, report.as_str()).await?;
            reports.push_str(&format!("{slug} {round} {report}\n"));
        }
        std::fs::write(
            dir.join(format!("{slug}-verifier.token")),
            organiser.token.expose(),
        )?;
    }
    std::fs::write(dir.join("reports"), reports)?;
    println!("serving at {}", app.url);
    // Serve until whoever started us closes our standard input.
    tokio::task::spawn_blocking(|| {
        let mut ignored = Vec::new();
        std::io::stdin().read_to_end(&mut ignored)
    })
    .await??;
    Ok(())
}
