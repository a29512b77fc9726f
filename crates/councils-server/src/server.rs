//! Starting a server: store, app and web wired together, listening, with the retention sweep.

use crate::{Config, delivery, key};
use anyhow::Context;
use councils_app::ports::Notifier;
use councils_app::{App, AppConfig, Clock, FieldCipher, SystemClock};
use councils_delivery::Digests;
use councils_store::{Backend, Db, PgRelay, database_url};
use councils_web::{WebState, router};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// How often expired sessions and invitations are deleted.
const RETENTION_EVERY: Duration = Duration::from_secs(600);
/// Motions whose voting time has run out are closed and counted this soon after, and
/// reports whose retention ran out are deleted.
const CLOSING_EVERY: Duration = Duration::from_secs(30);

/// A server that is listening. Dropping it does not stop it; call [`RunningServer::stop`].
pub struct RunningServer {
    pub addr: SocketAddr,
    pub url: String,
    pub app: App,
    pub db: Db,
    /// What the app tells members through (push and email in the background), for tests.
    pub notifier: Arc<dyn Notifier>,
    stop: watch::Sender<bool>,
    task: JoinHandle<std::io::Result<()>>,
    /// The PostgreSQL relay of notices between processes, if on PostgreSQL.
    relay: Option<Arc<PgRelay>>,
}

impl RunningServer {
    /// Stops accepting, finishes requests in flight and closes the database.
    pub async fn stop(self) -> anyhow::Result<()> {
        let _ = self.stop.send(true);
        // Open live streams would keep the graceful shutdown waiting for ever.
        self.app.live().close_all();
        self.task.await??;
        if let Some(relay) = &self.relay {
            relay.stop().await;
        }
        self.db.close().await;
        Ok(())
    }

    /// Serves until Ctrl-C or SIGTERM, then stops cleanly.
    pub async fn run_until_signal(self) -> anyhow::Result<()> {
        shutdown_signal().await;
        tracing::info!("stopping");
        self.stop().await
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}

/// Connects (and migrates) the database and builds the app on it.
pub async fn build_app(config: &Config, public_url: &str) -> anyhow::Result<(App, Db)> {
    let built = build_app_with_clock(config, public_url, Arc::new(SystemClock)).await?;
    Ok((built.app, built.db))
}

/// An app wired to its database and delivery.
struct Built {
    app: App,
    db: Db,
    notifier: Arc<dyn Notifier>,
    digests: Arc<Digests>,
    relay: Option<Arc<PgRelay>>,
}

async fn build_app_with_clock(
    config: &Config,
    public_url: &str,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<Built> {
    let db = Db::connect_with_batch(&config.database, config.ballot_batch)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database: {e}"))?;
    let key = key::load_or_create(&config.key_file)?;
    let vapid = delivery::vapid_key(config)?;
    let public_url = public_url.trim_end_matches('/');
    let app = App::new(
        Arc::new(db.clone()),
        clock,
        FieldCipher::new(&key),
        AppConfig {
            public_url: public_url.to_string(),
            push_public_key: Some(vapid.public_base64url()),
            push_endpoints: config.delivery.push_endpoints,
            ..AppConfig::default()
        },
    );
    let (live, relay) = live_delivery(&app, &db, &config.database).await?;
    let delivery = delivery::wire(config, vapid, app.recipients(), public_url, live)?;
    let app = app.with_delivery(delivery.notifier.clone(), delivery.mailer);
    Ok(Built {
        app,
        db,
        notifier: delivery.notifier,
        digests: delivery.digests,
        relay,
    })
}

/// Live delivery to members' open pages: this process's hub directly on SQLite (one
/// process), or through the PostgreSQL relay, which feeds the hub of every process.
async fn live_delivery(
    app: &App,
    db: &Db,
    database: &str,
) -> anyhow::Result<(Arc<dyn Notifier>, Option<Arc<PgRelay>>)> {
    Ok(match db.backend() {
        Backend::Sqlite => (app.live().clone(), None),
        Backend::Postgres => {
            let relay = PgRelay::start(&database_url(database), app.live().clone())
                .await
                .map_err(|e| anyhow::anyhow!("cannot start the notice relay: {e}"))?;
            (relay.clone(), Some(relay))
        }
    })
}

/// Opens the database, binds the address and starts serving.
pub async fn start(config: Config) -> anyhow::Result<RunningServer> {
    start_with_clock(config, Arc::new(SystemClock)).await
}

/// As [`start`], with a clock of the caller's (tests move a fake one).
pub async fn start_with_clock(
    config: Config,
    clock: Arc<dyn Clock>,
) -> anyhow::Result<RunningServer> {
    let listener = tokio::net::TcpListener::bind(config.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.bind))?;
    let addr = listener.local_addr()?;
    let url = config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{addr}"));
    let Built {
        app,
        db,
        notifier,
        digests,
        relay,
    } = build_app_with_clock(&config, &url, clock).await?;
    let (stop, mut stopped) = watch::channel(false);
    let service =
        router(WebState::new(app.clone())).into_make_service_with_connect_info::<SocketAddr>();
    let task = tokio::spawn(async move {
        axum::serve(listener, service)
            .with_graceful_shutdown(async move {
                let _ = stopped.changed().await;
            })
            .await
    });
    let sweeper = app.clone();
    let mut sweep_stopped = stop.subscribe();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(RETENTION_EVERY);
        let mut closing = tokio::time::interval(CLOSING_EVERY);
        loop {
            tokio::select! {
                _ = every.tick() => {
                    match sweeper.enforce_retention().await {
                        Ok(purged) => tracing::info!(sessions = purged.sessions, invitations = purged.invitations, "retention sweep"),
                        Err(error) => tracing::error!(error = %error, "retention sweep failed"),
                    }
                    match sweeper.forget_old_notices().await {
                        Ok(0) => {}
                        Ok(forgotten) => tracing::info!(forgotten, "kept notices past their week deleted"),
                        Err(error) => tracing::error!(error = %error, "deleting old notices failed"),
                    }
                }
                _ = closing.tick() => {
                    match sweeper.close_due_motions().await {
                        Ok(0) => {}
                        Ok(decided) => tracing::info!(decided, "motions closed on time"),
                        Err(error) => tracing::error!(error = %error, "closing motions failed"),
                    }
                    match sweeper.end_expired_terms().await {
                        Ok(0) => {}
                        Ok(ended) => tracing::info!(ended, "delegates' terms ended"),
                        Err(error) => tracing::error!(error = %error, "ending terms failed"),
                    }
                    match sweeper.enforce_report_retention().await {
                        Ok(0) => {}
                        Ok(deleted) => tracing::info!(deleted, "reports past their retention deleted"),
                        Err(error) => tracing::error!(error = %error, "deleting old reports failed"),
                    }
                    match sweeper.remind_grievance_deadlines().await {
                        Ok(0) => {}
                        Ok(sent) => tracing::info!(sent, "grievance deadlines reminded"),
                        Err(error) => tracing::error!(error = %error, "reminding grievance deadlines failed"),
                    }
                    match sweeper.enforce_grievance_retention().await {
                        Ok(0) => {}
                        Ok(deleted) => tracing::info!(deleted, "grievances past their retention deleted"),
                        Err(error) => tracing::error!(error = %error, "deleting old grievances failed"),
                    }
                    match sweeper.enforce_publication_retention().await {
                        Ok(0) => {}
                        Ok(erased) => tracing::info!(erased, "hidden comments past their keeping erased"),
                        Err(error) => tracing::error!(error = %error, "erasing hidden comments failed"),
                    }
                    match sweeper.remind_pickets().await {
                        Ok(0) => {}
                        Ok(told) => tracing::info!(told, "pickets reminded of their shifts"),
                        Err(error) => tracing::error!(error = %error, "picket reminders failed"),
                    }
                    match sweeper.enforce_strike_retention().await {
                        Ok(purged) if purged == Default::default() => {}
                        Ok(purged) => tracing::info!(shifts = purged.shifts, payees = purged.payees, "old picket shifts and payees removed"),
                        Err(error) => tracing::error!(error = %error, "strike retention failed"),
                    }
                    match sweeper.enforce_gathering_retention().await {
                        Ok(p) if p.events == 0 && p.aid == 0 => {}
                        Ok(p) => tracing::info!(events = p.events, aid = p.aid, "events and mutual aid past their retention deleted"),
                        Err(error) => tracing::error!(error = %error, "deleting old events and mutual aid failed"),
                    }
                    let sent = digests.send_due().await;
                    if sent.mailed + sent.failed > 0 {
                        tracing::info!(mailed = sent.mailed, failed = sent.failed, "daily digests");
                    }
                }
                _ = sweep_stopped.changed() => break,
            }
        }
    });
    Ok(RunningServer {
        addr,
        url,
        app,
        db,
        notifier,
        stop,
        task,
        relay,
    })
}
