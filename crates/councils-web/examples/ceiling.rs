//! The ceiling for load tests: a bare axum handler that returns a fixed string, on the same
//! multi-thread tokio runtime as the real server. `scripts/bench-council-page.sh` measures the
//! council page against it in the same run (see `docs/performance.md`).
//!
//! Usage: `cargo run --release -p councils-web --example ceiling -- 127.0.0.1:PORT`

use axum::Router;
use axum::routing::get;
use std::net::SocketAddr;

/// What `GET /` returns: short and fixed, so the figure is the cost of HTTP and axum alone.
const BODY: &str = "councils ceiling: a fixed string from a bare axum handler\n";

#[tokio::main(flavor = "multi_thread")]
async fn main() -> std::io::Result<()> {
    let bind: SocketAddr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:8081".to_string())
        .parse()
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    let listener = tokio::net::TcpListener::bind(bind).await?;
    println!("ceiling is serving at http://{}", listener.local_addr()?);
    let router = Router::new().route("/", get(|| async { BODY }));
    axum::serve(listener, router).await
}
