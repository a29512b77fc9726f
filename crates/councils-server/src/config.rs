//! The server's configuration, from flags and environment variables.

use councils_app::push::EndpointPolicy;
use councils_delivery::SmtpSettings;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    /// How members are told beyond their open pages: Web Push and email.
    pub delivery: DeliveryConfig,
}

/// Web Push and email settings.
#[derive(Clone, Debug, Default)]
pub struct DeliveryConfig {
    /// The operator's mail server; `None` sends no mail.
    pub smtp: Option<SmtpSettings>,
    /// Where the VAPID key pair is kept when `COUNCILS_VAPID_KEY` is not set; defaults to
    /// the secret key file's name with `.vapid`.
    pub vapid_key_file: Option<PathBuf>,
    /// Who push services may contact about this instance (`mailto:` or `https:`); defaults
    /// to the public URL.
    pub push_contact: Option<String>,
    /// Where browsers' push endpoints may point: tests allow plain HTTP on loopback, where
    /// their push receiver runs. Never offered on the command line.
    pub push_endpoints: EndpointPolicy,
    /// The first wait before a push is tried again; `None` for the default (1 s). Tests
    /// shorten it.
    pub push_backoff: Option<Duration>,
}

impl DeliveryConfig {
    /// The VAPID key file: the configured one, or beside the secret key file.
    pub fn vapid_key_file(&self, key_file: &Path) -> PathBuf {
        self.vapid_key_file
            .clone()
            .unwrap_or_else(|| key_file.with_extension("vapid"))
    }
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
