//! Load generator for the ballot endpoint, on loopback only: N voters of the demo's garment
//! workers' committee, each signed in through the API, cast and recast their ballot on the
//! open strike vote as fast as the server acknowledges them, for a bounded time and count.
//!
//! ```sh
//! ballot_load URL ACCOUNTS_FILE [VOTERS] [SECONDS] [MAX_BALLOTS]
//! ```
//!
//! `ACCOUNTS_FILE` is what `councils demo` printed (`handle<TAB>role<TAB>council` lines). Prints
//! one line: `ballots=… seconds=… per_second=… p50_ms=… p99_ms=… errors=0`. Any answer other
//! than 204 is an error and makes the exit status 1. Used by `scripts/bench-ballots.sh`.

use serde_json::{Value, json};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "solidaridad sin fronteras";
const COUNCIL: &str = "garment-workers";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let url = args.get(1).expect("URL").trim_end_matches('/').to_string();
    anyhow::ensure!(
        url.starts_with("http://127.0.0.1:") || url.starts_with("http://[::1]:"),
        "the load generator only sends to loopback"
    );
    let accounts = std::fs::read_to_string(args.get(2).expect("ACCOUNTS_FILE"))?;
    let voters: usize = args.get(3).map_or(Ok(50), |a| a.parse())?;
    let seconds: u64 = args.get(4).map_or(Ok(10), |a| a.parse())?;
    let max_ballots: usize = args.get(5).map_or(Ok(200_000), |a| a.parse())?;

    let mut handles: Vec<&str> = accounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let (handle, role, council) = (fields.next()?, fields.next()?, fields.next()?);
            (council == COUNCIL && role == "member").then_some(handle)
        })
        .collect();
    handles.dedup();
    anyhow::ensure!(
        handles.len() >= voters,
        "only {} members of {COUNCIL} in the accounts file",
        handles.len()
    );

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(voters)
        .build()?;
    let mut tokens = Vec::with_capacity(voters);
    for handle in &handles[..voters] {
        let answer: Value = client
            .post(format!("{url}/api/v1/sessions"))
            .json(&json!({ "handle": handle, "passphrase": PASSPHRASE }))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        tokens.push(answer["token"].as_str().expect("a token").to_string());
    }
    let motions: Value = client
        .get(format!("{url}/api/v1/councils/{COUNCIL}/motions"))
        .bearer_auth(&tokens[0])
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let strike = motions
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["kind"] == "strike-vote" && m["phase"] == "voting")
        .and_then(|m| m["id"].as_str())
        .expect("the demo's open strike vote")
        .to_string();
    let ballot_url = format!("{url}/api/v1/councils/{COUNCIL}/motions/{strike}/ballot");

    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let per_voter = max_ballots / voters;
    let mut tasks = Vec::new();
    for (n, token) in tokens.into_iter().enumerate() {
        let (client, ballot_url) = (client.clone(), ballot_url.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            let mut i = n;
            while Instant::now() < deadline && latencies.len() < per_voter {
                let choice = if i % 3 == 0 { "no" } else { "yes" };
                i += 1;
                let sent = Instant::now();
                let answer = client
                    .put(&ballot_url)
                    .bearer_auth(&token)
                    .json(&json!({ "choice": choice }))
                    .send()
                    .await;
                match answer {
                    Ok(r) if r.status() == 204 => latencies.push(sent.elapsed()),
                    _ => errors += 1,
                }
            }
            (latencies, errors)
        }));
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (mut l, e) = task.await?;
        latencies.append(&mut l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "ballots={} seconds={elapsed:.2} per_second={:.0} p50_ms={:.2} p99_ms={:.2} errors={errors}",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        at(0.5),
        at(0.99),
    );
    if errors > 0 {
        std::process::exit(1);
    }
    Ok(())
}
