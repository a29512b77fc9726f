//! The ceiling for load tests: a bare axum handler that returns a fixed string, on the same
//! multi-thread tokio runtime as the real server. `scripts/bench-council-page.sh` measures the
//! council page against it in the same run (see `docs/performance.md`).
//!
//! Usage: `ceiling ADDRESS [BYTES]`, for example `ceiling 127.0.0.1:0`. With BYTES, `GET /`
//! returns that many bytes of text instead of the short string, to tell the cost of a page's
//! size from the cost of making it.

use axum::Router;
use axum::routing::get;
use std::net::SocketAddr;

/// What `GET /` returns by default: short and fixed, so the figure is HTTP and axum alone.
const BODY: &str = "councils ceiling: a fixed string from a bare axum handler\n";

fn invalid(error: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidInput, error.to_string())
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let bind: SocketAddr = args
        .next()
        .unwrap_or_else(|| "127.0.0.1:8081".to_string())
        .parse()
        .map_err(invalid)?;
    let body: &'static str = match args.next() {
        None => BODY,
        Some(bytes) => {
            let bytes: usize = bytes.parse().map_err(invalid)?;
            BODY.repeat(bytes / BODY.len() + 1)[..bytes]
                .to_string()
                .leak()
        }
    };
    let listener = tokio::net::TcpListener::bind(bind).await?;
    println!("ceiling is serving at http://{}", listener.local_addr()?);
    let router = Router::new().route("/", get(move || async move { body }));
    axum::serve(listener, router).await
}
