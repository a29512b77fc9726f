//! Load generator for the alert fan-out benchmark, on loopback only: opens N event streams,
//! each as one responder (or plain connections, against the floor), waits until all are open,
//! sends the trigger (a verifier's confirmation), and measures from the moment the trigger is
//! acknowledged to the moment each stream has the event that carries the report's id.
//!
//! ```sh
//! fanout_load --stream URL --trigger URL --report ID --tokens FILE --connections N \
//!     [--verifier TOKEN] [--body JSON]
//! ```
//!
//! `--tokens` holds one bearer token per line (the first N are used); against the floor any
//! lines will do. The trigger is a `POST` of `--body` (default: the report id) with the
//! verifier's token. Prints one line: `connections=… received=… last_ms=… p50_ms=… p99_ms=…
//! before_ack=… ack_ms=… last_from_send_ms=… first_from_send_ms=… connect_s=…` (times after
//! the acknowledgement; an event that came before it counts as 0; the `from_send` times also
//! count the time the trigger took, commit included), and exits with 1 if any stream missed the event within
//! 60 s.
//! Used by `scripts/bench-fanout.sh`.

use clap::Parser;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Semaphore, mpsc};

#[derive(Parser)]
struct Args {
    /// The event stream: `http://127.0.0.1:PORT/api/v1/alerts/stream`.
    #[arg(long)]
    stream: String,
    /// Where the trigger is posted.
    #[arg(long)]
    trigger: String,
    /// The report whose event is awaited.
    #[arg(long)]
    report: String,
    #[arg(long)]
    tokens: String,
    #[arg(long)]
    connections: usize,
    #[arg(long, default_value = "")]
    verifier: String,
    #[arg(long)]
    body: Option<String>,
}

/// `host:port` and path of a loopback `http://` URL.
fn split(url: &str) -> anyhow::Result<(String, String)> {
    let rest = url
        .strip_prefix("http://")
        .filter(|r| r.starts_with("127.0.0.1:"))
        .ok_or_else(|| anyhow::anyhow!("only http://127.0.0.1 addresses: {url}"))?;
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    Ok((
        host.to_string(),
        if path.is_empty() { "/" } else { path }.to_string(),
    ))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Opens one stream and waits for its head; then reads until `marker` arrives.
async fn open(host: &str, path: &str, token: &str) -> anyhow::Result<(TcpStream, Vec<u8>)> {
    let mut stream = TcpStream::connect(host).await?;
    stream.set_nodelay(true)?;
    let request = format!(
        "GET {path} HTTP/1.1\r\nhost: {host}\r\naccept: text/event-stream\r\n\
         authorization: Bearer {token}\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await?;
    let mut buffer = Vec::with_capacity(512);
    let mut chunk = [0u8; 512];
    loop {
        let n = stream.read(&mut chunk).await?;
        anyhow::ensure!(n > 0, "the stream closed before its head");
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(end) = find(&buffer, b"\r\n\r\n") {
            anyhow::ensure!(
                buffer.starts_with(b"HTTP/1.1 200"),
                "the stream was refused: {}",
                String::from_utf8_lossy(&buffer[..end])
            );
            return Ok((stream, buffer[end + 4..].to_vec()));
        }
    }
}

/// Reads until `marker` arrives; answers when, with the stream, which stays open: a
/// responder does not hang up on getting the alert, so the server is not made to close
/// connections while it is still writing to the rest.
async fn wait_for(
    mut stream: TcpStream,
    mut seen: Vec<u8>,
    marker: &[u8],
) -> Option<(Instant, TcpStream)> {
    let mut chunk = [0u8; 1024];
    loop {
        if find(&seen, marker).is_some() {
            return Some((Instant::now(), stream));
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        // Keep only what could hold the start of the marker, so a long stream stays small.
        let keep = seen.len().saturating_sub(marker.len());
        seen.drain(..keep);
        seen.extend_from_slice(&chunk[..n]);
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let (host, path) = split(&args.stream)?;
    let (trigger_host, trigger_path) = split(&args.trigger)?;
    let tokens: Vec<String> = std::fs::read_to_string(&args.tokens)?
        .lines()
        .map(str::to_string)
        .take(args.connections)
        .collect();
    anyhow::ensure!(
        tokens.len() == args.connections,
        "only {} tokens in {}",
        tokens.len(),
        args.tokens
    );
    let marker: Arc<[u8]> = format!("\"report_id\":\"{}\"", args.report)
        .into_bytes()
        .into();

    // Open every stream, a few hundred connects at a time so the listener's queue holds.
    let started = Instant::now();
    let connects = Arc::new(Semaphore::new(256));
    let (opened, mut ready) = mpsc::unbounded_channel();
    let (arrived, mut arrivals) = mpsc::unbounded_channel();
    for token in tokens {
        let (host, path, marker) = (host.clone(), path.clone(), marker.clone());
        let (connects, opened, arrived) = (connects.clone(), opened.clone(), arrived.clone());
        tokio::spawn(async move {
            let permit = connects
                .acquire_owned()
                .await
                .expect("the semaphore stays open");
            let result = open(&host, &path, &token).await;
            drop(permit);
            match result {
                Ok((stream, seen)) => {
                    let _ = opened.send(Ok(()));
                    let _ = arrived.send(wait_for(stream, seen, &marker).await);
                }
                Err(e) => {
                    let _ = opened.send(Err(e.to_string()));
                }
            }
        });
    }
    drop((opened, arrived));
    for _ in 0..args.connections {
        match ready.recv().await {
            Some(Ok(())) => {}
            Some(Err(e)) => anyhow::bail!("a stream did not open: {e}"),
            None => anyhow::bail!("the streams ended before opening"),
        }
    }
    let connect_s = started.elapsed().as_secs_f64();
    // Let the server finish subscribing what it has answered.
    tokio::time::sleep(Duration::from_millis(500)).await;

    let body = args.body.unwrap_or_else(|| args.report.clone());
    let mut trigger = TcpStream::connect(&trigger_host).await?;
    trigger.set_nodelay(true)?;
    let request = format!(
        "POST {trigger_path} HTTP/1.1\r\nhost: {trigger_host}\r\ncontent-type: application/json\r\n\
         authorization: Bearer {}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        args.verifier,
        body.len()
    );
    let sent = Instant::now();
    trigger.write_all(request.as_bytes()).await?;
    let mut head = [0u8; 64];
    let n = trigger.read(&mut head).await?;
    let acknowledged = Instant::now();
    let status = String::from_utf8_lossy(&head[..n]).to_string();
    anyhow::ensure!(
        status.starts_with("HTTP/1.1 2"),
        "the trigger was refused: {status}"
    );

    let mut latencies = Vec::with_capacity(args.connections);
    let mut last_from_send = Duration::ZERO;
    let mut first_from_send = Duration::MAX;
    let mut before_ack = 0;
    let mut held = Vec::with_capacity(args.connections);
    let deadline = tokio::time::sleep(Duration::from_secs(60));
    tokio::pin!(deadline);
    while latencies.len() < args.connections {
        tokio::select! {
            arrival = arrivals.recv() => match arrival {
                Some(Some((at, stream))) => {
                    held.push(stream);
                    if at < acknowledged {
                        before_ack += 1;
                    }
                    latencies.push(at.saturating_duration_since(acknowledged));
                    last_from_send = last_from_send.max(at.saturating_duration_since(sent));
                    first_from_send = first_from_send.min(at.saturating_duration_since(sent));
                }
                Some(None) | None => break,
            },
            () = &mut deadline => break,
        }
    }
    let received = latencies.len();
    drop(held);
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| {
        latencies
            .get(((received as f64 * q).ceil() as usize).saturating_sub(1))
            .copied()
            .map_or(f64::NAN, ms)
    };
    println!(
        "connections={} received={received} last_ms={:.2} p50_ms={:.2} p99_ms={:.2} \
         before_ack={before_ack} ack_ms={:.2} last_from_send_ms={:.2} first_from_send_ms={:.2} \
         connect_s={connect_s:.1}",
        args.connections,
        latencies.last().copied().map_or(f64::NAN, ms),
        at(0.5),
        at(0.99),
        ms(acknowledged - sent),
        ms(last_from_send),
        ms(first_from_send),
    );
    if received < args.connections {
        std::process::exit(1);
    }
    Ok(())
}
