//! The store: SQLite (default, embedded) and PostgreSQL implementations of the app's ports,
//! with one SQL text for both (`$1` placeholders, integers for times and flags, text ids).
//!
//! Every port method is one transaction. On SQLite all writes go through a single connection
//! (one writer; readers never block it in WAL mode), with `synchronous=FULL` so that an
//! acknowledged write survives the process being killed, and `secure_delete=ON` so that
//! deleted personal data is overwritten in the file. Ballots are the exception to one
//! transaction per call: they are committed in groups by one writer task (`ballot`).

mod ballot;
mod council;
mod democracy;
mod event;
mod federation;
mod grievance;
mod invitation;
mod member;
mod membership;
mod minutes;
mod motion;
mod mutual_aid;
mod notices;
mod publication;
mod push;
mod records;
mod relay;
mod report;
mod rows;
mod session;
mod strike;
mod strike_fund;
mod strike_rota;

use councils_app::StoreError;
use sqlx::any::{AnyArguments, AnyConnectOptions, AnyPoolOptions, AnyQueryResult};
use sqlx::query::Query;
use sqlx::{Any, AnyPool, Executor, Transaction};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Which database a store talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connected store.
#[derive(Clone)]
pub struct Db {
    read: AnyPool,
    /// Every write goes through [`Db::commit`] or [`Db::write_one`], which count it.
    write: AnyPool,
    backend: Backend,
    /// How many writes this process has made; see [`councils_app::ports::Store::generation`].
    generation: Arc<AtomicU64>,
    /// The task that commits ballots in groups, on the write pool.
    ballots: Arc<ballot::BallotWriter>,
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// Turns a database argument into a URL: a plain path means an SQLite file, created if missing.
pub fn database_url(database: &str) -> String {
    if database.starts_with("postgres://")
        || database.starts_with("postgresql://")
        || database.starts_with("sqlite:")
    {
        database.to_string()
    } else {
        format!("sqlite://{database}?mode=rwc")
    }
}

impl Db {
    /// Connects to `database` (a path to an SQLite file or a `postgres://` URL) and migrates it.
    pub async fn connect(database: &str) -> Result<Self, StoreError> {
        Self::connect_with_batch(database, ballot::MAX_BATCH).await
    }

    /// As [`Db::connect`], committing at most `max_batch` ballots per transaction (1 is one
    /// fsync per ballot: the baseline the ballot benchmark compares group commits with).
    pub async fn connect_with_batch(database: &str, max_batch: usize) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let url = database_url(database);
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            Backend::Postgres
        };
        let options = AnyConnectOptions::from_str(&url).map_err(backend_error)?;
        let (read, write) = match backend {
            Backend::Sqlite => {
                let write = sqlite_pool(1)
                    .connect_with(options.clone())
                    .await
                    .map_err(backend_error)?;
                // WAL is a property of the file: set once, before readers open it.
                write
                    .execute("pragma journal_mode = wal")
                    .await
                    .map_err(backend_error)?;
                let read = sqlite_pool(4)
                    .connect_with(options)
                    .await
                    .map_err(backend_error)?;
                (read, write)
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await
                    .map_err(backend_error)?;
                (pool.clone(), pool)
            }
        };
        let db = Db {
            ballots: ballot::BallotWriter::start(write.clone(), backend, max_batch),
            read,
            write,
            backend,
            generation: Arc::default(),
        };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator
            .run(&self.write)
            .await
            .map_err(|e| StoreError::Backend(format!("migration failed: {e}")))
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection, once the ballots already cast are written; on SQLite this
    /// checkpoints and truncates the WAL.
    pub async fn close(&self) {
        self.ballots.stop().await;
        if self.backend == Backend::Sqlite {
            let _ = self.write.execute("pragma wal_checkpoint(truncate)").await;
        }
        self.read.close().await;
        self.write.close().await;
    }

    pub(crate) async fn begin(&self) -> Result<Transaction<'static, Any>, StoreError> {
        self.write.begin().await.map_err(backend_error)
    }

    /// Commits a write transaction and counts the write, before the caller can acknowledge it,
    /// so no read cached before it is served after it.
    pub(crate) async fn commit(&self, tx: Transaction<'static, Any>) -> Result<(), sqlx::Error> {
        let committed = tx.commit().await;
        self.generation.fetch_add(1, Ordering::SeqCst);
        committed
    }

    /// Runs one writing statement on its own and counts the write.
    pub(crate) async fn write_one<'q>(
        &self,
        query: Query<'q, Any, AnyArguments>,
    ) -> Result<AnyQueryResult, sqlx::Error> {
        let written = query.execute(&self.write).await;
        self.generation.fetch_add(1, Ordering::SeqCst);
        written
    }

    /// The write count, when this process is the only writer (SQLite: the file is ours alone).
    /// On PostgreSQL other processes may write too, so nothing read can be cached by it.
    pub(crate) fn generation(&self) -> Option<u64> {
        match self.backend {
            Backend::Sqlite => Some(self.generation.load(Ordering::SeqCst)),
            Backend::Postgres => None,
        }
    }
}

fn sqlite_pool(size: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(size)
        .min_connections(1)
        // A local file cannot drop a connection; pinging before each use cost a tenth of a page.
        .test_before_acquire(false)
        .after_connect(|conn, _meta| {
            Box::pin(async move {
                for pragma in [
                    "pragma foreign_keys = on",
                    "pragma synchronous = full",
                    "pragma secure_delete = on",
                    "pragma busy_timeout = 5000",
                ] {
                    conn.execute(pragma).await?;
                }
                Ok(())
            })
        })
}

/// A database failure, kept for the log. sqlx's messages name tables and constraints, never
/// the values bound to a query, so no personal data reaches the log through them.
pub(crate) fn backend_error(error: sqlx::Error) -> StoreError {
    StoreError::Backend(error.to_string())
}

/// Whether an error is a unique-constraint violation (a taken handle, slug, ...).
pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|e| e.is_unique_violation())
}

pub use relay::PgRelay;

#[cfg(feature = "testing")]
pub mod testing;
