//! The test harness: [`TestApp::spawn`] starts the real server on 127.0.0.1:0 on a fresh
//! database (SQLite, or PostgreSQL with [`TestApp::spawn_postgres`]), and builders make the
//! councils and members a test needs through the same use cases the pages call.

pub mod link;
pub mod push;
pub mod smtp;

use axum::Router;
use councils_app::clock::FakeClock;
use councils_app::join::{CouncilForm, JoinForm};
use councils_app::push::EndpointPolicy;
use councils_app::{Actor, App, SessionToken};
use councils_app::{Clock, SystemClock};
use councils_domain::{CouncilKind, Language, MemberId, Role};
use councils_server::{Config, DeliveryConfig, RunningServer};
use councils_store::testing::FreshDb;
use councils_web::WebState;
use std::sync::{Arc, Mutex};

/// The passphrase of every member the builders make.
pub const PASSPHRASE: &str = "the strike goes on tomorrow";

/// A member made by a builder, signed in with a session of their own.
#[derive(Clone, Debug)]
pub struct TestMember {
    pub id: MemberId,
    pub handle: String,
    pub token: SessionToken,
}

impl TestMember {
    /// The `Cookie` header of this member's browser session.
    pub fn cookie(&self) -> String {
        format!("__Host-councils_session={}", self.token.expose())
    }
}

/// A running instance for one test.
pub struct TestApp {
    pub url: String,
    pub server: RunningServer,
    fresh: FreshDb,
    _key_dir: tempfile::TempDir,
    /// The slug of the first council founded, which later founders join first.
    first: Mutex<Option<String>>,
}

impl TestApp {
    /// A server on a fresh SQLite file.
    pub async fn spawn() -> Self {
        Self::spawn_on(FreshDb::sqlite(), Arc::new(SystemClock)).await
    }

    /// A server on a fresh SQLite file whose clock the test moves.
    pub async fn spawn_with_clock(clock: Arc<FakeClock>) -> Self {
        Self::spawn_on(FreshDb::sqlite(), clock).await
    }

    /// A server on a fresh PostgreSQL database, or `None` when none is configured (skipped,
    /// with a note; under `CI=true` a missing PostgreSQL fails).
    pub async fn spawn_postgres() -> Option<Self> {
        Some(Self::spawn_on(FreshDb::postgres().await?, Arc::new(SystemClock)).await)
    }

    /// A server on a fresh SQLite file with these delivery settings (a mail server, say).
    pub async fn spawn_with_delivery(delivery: DeliveryConfig) -> Self {
        Self::spawn_configured(FreshDb::sqlite(), Arc::new(SystemClock), delivery).await
    }

    /// Delivery as tests have it: push endpoints on loopback over plain HTTP (where
    /// [`push::PushReceiver`] runs), retries 10 ms apart, no mail server.
    pub fn test_delivery() -> DeliveryConfig {
        DeliveryConfig {
            push_endpoints: EndpointPolicy::AllowLoopbackHttp,
            push_backoff: Some(std::time::Duration::from_millis(10)),
            ..DeliveryConfig::default()
        }
    }

    async fn spawn_on(fresh: FreshDb, clock: Arc<dyn Clock>) -> Self {
        Self::spawn_configured(fresh, clock, Self::test_delivery()).await
    }

    async fn spawn_configured(
        fresh: FreshDb,
        clock: Arc<dyn Clock>,
        delivery: DeliveryConfig,
    ) -> Self {
        let key_dir = tempfile::tempdir().expect("a temporary folder for the key");
        let config = Config {
            bind: "127.0.0.1:0".parse().expect("an address"),
            database: fresh.url.clone(),
            public_url: None,
            key_file: key_dir.path().join("test.key"),
            ballot_batch: Config::BALLOT_BATCH,
            delivery,
        };
        let server = councils_server::start_with_clock(config, clock)
            .await
            .expect("the server starts");
        Self {
            url: server.url.clone(),
            server,
            fresh,
            _key_dir: key_dir,
            first: Mutex::new(None),
        }
    }

    /// Another server on the same database with the same key, as a second `councils serve`
    /// process behind the same proxy would be. The caller stops it.
    pub async fn spawn_sibling(&self) -> RunningServer {
        let config = Config {
            bind: "127.0.0.1:0".parse().expect("an address"),
            database: self.fresh.url.clone(),
            public_url: None,
            key_file: self._key_dir.path().join("test.key"),
            ballot_batch: Config::BALLOT_BATCH,
            delivery: Self::test_delivery(),
        };
        councils_server::start(config)
            .await
            .expect("the second server starts")
    }

    /// The database this instance runs on (a `postgres://` URL or an SQLite file's), for a
    /// second `councils serve` process on the same database.
    pub fn database_url(&self) -> &str {
        &self.fresh.url
    }

    /// The instance's secret key file, which a second process on the same database needs.
    pub fn key_file(&self) -> std::path::PathBuf {
        self._key_dir.path().join("test.key")
    }

    /// The application behind the server.
    pub fn app(&self) -> &App {
        &self.server.app
    }

    /// The same router the server runs, for in-process requests.
    pub fn router(&self) -> Router {
        councils_web::router(WebState::new(self.server.app.clone()))
    }

    /// Stops the server and drops its database.
    pub async fn stop(self) {
        self.server.stop().await.expect("the server stops cleanly");
        self.fresh.finish().await;
    }

    /// The token in an invitation link.
    pub fn token_of(url: &str) -> String {
        url.rsplit('/')
            .next()
            .expect("an invitation link")
            .to_string()
    }

    /// Founds a council and returns its organiser. The first council is founded through the
    /// instance's founding invitation; later founders are first invited into the first council
    /// (as any member would be) and found theirs from there.
    pub async fn found(&self, slug: &str, kind: CouncilKind, organiser: &str) -> TestMember {
        let form = CouncilForm {
            slug: slug.into(),
            kind,
            name: format!("Council {slug}"),
            description: format!("About {slug}"),
            language: Language::En,
        };
        if let Some(invitation) = self
            .app()
            .founding_invitation()
            .await
            .expect("founding invitation")
        {
            *self.first.lock().expect("lock") = Some(slug.to_string());
            return self
                .join_with(&invitation.url, organiser, Language::En, Some(form))
                .await;
        }
        let first = self
            .first
            .lock()
            .expect("lock")
            .clone()
            .expect("a first council");
        let founder = self
            .join(&first, Role::Member, organiser, Language::En)
            .await;
        let actor = self.actor(&founder).await;
        self.app()
            .found_council(&actor, &form)
            .await
            .expect("found a council");
        founder
    }

    /// A newcomer joins `slug` in `role` through an invitation made by the operator.
    pub async fn join(
        &self,
        slug: &str,
        role: Role,
        handle: &str,
        language: Language,
    ) -> TestMember {
        let invitation = self
            .app()
            .invite_as_operator(slug, role)
            .await
            .expect("invite");
        self.join_with(&invitation.url, handle, language, None)
            .await
    }

    async fn join_with(
        &self,
        url: &str,
        handle: &str,
        language: Language,
        founding: Option<CouncilForm>,
    ) -> TestMember {
        let form = JoinForm {
            handle: handle.into(),
            passphrase: PASSPHRASE.into(),
            language,
            email: None,
            founding,
        };
        let (_, signed_in) = self
            .app()
            .join(&Self::token_of(url), &form)
            .await
            .expect("join");
        TestMember {
            id: signed_in.member_id,
            handle: handle.into(),
            token: signed_in.token,
        }
    }

    /// The actor behind a member's session.
    pub async fn actor(&self, member: &TestMember) -> Actor {
        self.app()
            .authenticate(&member.token)
            .await
            .expect("a live session")
    }
}
