//! The server's configuration, from flags and environment variables.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything needed to start a server.
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen; port 0 picks a free port (tests).
    pub bind: SocketAddr,
    /// An SQLite file path or a `postgres://` URL.
    pub database: String,
    /// The address members reach the instance at; defaults to `http://{bind}`.
    pub public_url: Option<String>,
    /// Where the secret key is kept when `COUNCILS_SECRET_KEY` is not set.
    pub key_file: PathBuf,
    /// At most this many ballots are committed together ([`Config::BALLOT_BATCH`] unless a
    /// benchmark asks for 1, one fsync per ballot).
    pub ballot_batch: usize,
}

impl Config {
    /// Ballots committed together at most, by default.
    pub const BALLOT_BATCH: usize = 512;

    /// The key file beside an SQLite database, or in the working directory for PostgreSQL.
    pub fn default_key_file(database: &str) -> PathBuf {
        if database.starts_with("postgres") {
            PathBuf::from("councils.key")
        } else {
            let path = PathBuf::from(
                database
                    .trim_start_matches("sqlite://")
                    .split('?')
                    .next()
                    .unwrap_or(database),
            );
            path.with_extension("key")
        }
    }
}
