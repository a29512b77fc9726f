//! Fresh databases for tests: an SQLite file in a temporary folder, and, when
//! `COUNCILS_TEST_POSTGRES` names a server, a new PostgreSQL database on it.
//!
//! With `CI=true` a missing PostgreSQL fails the run instead of being skipped.

use crate::Db;
use sqlx::{Connection, Executor};

/// A database made for one test, dropped by [`FreshDb::finish`].
pub struct FreshDb {
    pub label: &'static str,
    pub url: String,
    admin_url: Option<String>,
    name: String,
    _dir: Option<tempfile::TempDir>,
}

impl FreshDb {
    /// A new SQLite file.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("councils-test.db");
        Self {
            label: "sqlite",
            url: path.to_string_lossy().into_owned(),
            admin_url: None,
            name: String::new(),
            _dir: Some(dir),
        }
    }

    /// A new PostgreSQL database, or `None` (with a note on standard error) when no server is
    /// configured. Panics under `CI=true` when none is configured.
    pub async fn postgres() -> Option<Self> {
        let Some(admin_url) = postgres_url() else {
            // Written to the real standard error (the test harness captures `eprintln!`), once.
            static SAID: std::sync::Once = std::sync::Once::new();
            SAID.call_once(|| {
                use std::io::Write;
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED PostgreSQL: set COUNCILS_TEST_POSTGRES=postgres://... to run the store suite on it too"
                );
            });
            return None;
        };
        sqlx::any::install_default_drivers();
        let name = format!("councils_test_{}", hex_token());
        let mut admin = sqlx::AnyConnection::connect(&admin_url)
            .await
            .expect("COUNCILS_TEST_POSTGRES answers");
        admin
            .execute(sqlx::AssertSqlSafe(format!("create database {name}")))
            .await
            .expect("create a test database");
        let url = match admin_url.rsplit_once('/') {
            Some((server, _)) if server.contains("://") && server.len() > "postgres://".len() => {
                format!("{server}/{name}")
            }
            _ => format!("{}/{name}", admin_url.trim_end_matches('/')),
        };
        Some(Self {
            label: "postgres",
            url,
            admin_url: Some(admin_url),
            name,
            _dir: None,
        })
    }

    /// Every database this machine can test on: SQLite always, PostgreSQL when configured.
    pub async fn all() -> Vec<Self> {
        let mut all = vec![Self::sqlite()];
        all.extend(Self::postgres().await);
        all
    }

    /// Connects and migrates.
    pub async fn connect(&self) -> Db {
        Db::connect(&self.url)
            .await
            .expect("connect to the test database")
    }

    /// Drops the PostgreSQL database (the SQLite folder goes when this is dropped).
    pub async fn finish(self) {
        if let Some(admin_url) = &self.admin_url
            && let Ok(mut admin) = sqlx::AnyConnection::connect(admin_url).await
        {
            let _ = admin
                .execute(sqlx::AssertSqlSafe(format!(
                    "drop database if exists {} with (force)",
                    self.name
                )))
                .await;
        }
    }
}

/// Every row of `table` as a dump would show it: each column's name and its value as text
/// (`None` for null). For tests that check what the database itself holds, such as that the
/// ballot box names no voter.
pub async fn dump(db: &Db, table: &'static str) -> Vec<Vec<(String, Option<String>)>> {
    use sqlx::{Column, Row};
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!("select * from {table}")))
        .fetch_all(&db.read)
        .await
        .expect("read the table");
    rows.iter()
        .map(|row| {
            row.columns()
                .iter()
                .map(|column| {
                    let i = column.ordinal();
                    let value = row
                        .try_get::<Option<String>, _>(i)
                        .or_else(|_| {
                            row.try_get::<Option<i64>, _>(i)
                                .map(|v| v.map(|v| v.to_string()))
                        })
                        .or_else(|_| {
                            row.try_get::<Option<Vec<u8>>, _>(i)
                                .map(|v| v.map(|v| String::from_utf8_lossy(&v).into_owned()))
                        })
                        .expect("a text, integer or blob column");
                    (column.name().to_string(), value)
                })
                .collect()
        })
        .collect()
}

/// The PostgreSQL server for tests, from `COUNCILS_TEST_POSTGRES`.
pub fn postgres_url() -> Option<String> {
    match std::env::var("COUNCILS_TEST_POSTGRES") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!(
                    "CI=true but COUNCILS_TEST_POSTGRES is not set: PostgreSQL tests must run in CI"
                );
            }
            None
        }
    }
}

fn hex_token() -> String {
    councils_app::crypto::random_token(12)
        .bytes()
        .map(|b| format!("{:02x}", b))
        .take(12)
        .collect()
}
