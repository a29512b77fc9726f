//! The application: the ports it was wired with and the instance's settings.

use crate::AppError;
use crate::clock::Clock;
use crate::council::CouncilPage;
use crate::crypto::FieldCipher;
use crate::live::LiveHub;
use crate::ports::MotionRecord;
use crate::ports::{LiveSession, Mailer, NoMailer, NoNotifier, Notifier, Store};
use crate::read_cache::ReadCache;
use crate::throttle::SignInThrottle;
use councils_domain::{Council, CouncilId, MemberId, MotionId, Standing};
use std::hash::Hash;
use std::sync::Arc;

/// Settings that shape the use cases.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// How long an invitation link stays valid, in seconds.
    pub invitation_ttl: i64,
    /// A session unused for this long ends, in seconds.
    pub session_idle: i64,
    /// A session ends this long after sign-in whatever happens, in seconds.
    pub session_absolute: i64,
    /// The instance's address as members reach it, for links: `http://127.0.0.1:8080`.
    pub public_url: String,
    /// The VAPID public key pages subscribe to push with (base64url); `None` without Web Push.
    pub push_public_key: Option<String>,
    /// Where browsers' push endpoints may point (plain loopback HTTP only in tests).
    pub push_endpoints: crate::push::EndpointPolicy,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            invitation_ttl: 7 * 24 * 3600,
            session_idle: 2 * 3600,
            session_absolute: 14 * 24 * 3600,
            public_url: "http://127.0.0.1:8080".into(),
            push_public_key: None,
            push_endpoints: crate::push::EndpointPolicy::PublicHttps,
        }
    }
}

/// The use cases, with everything they need. Cheap to clone and share between requests.
#[derive(Clone)]
pub struct App {
    pub(crate) store: Arc<dyn Store>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) cipher: FieldCipher,
    pub(crate) throttle: Arc<SignInThrottle>,
    pub(crate) config: Arc<AppConfig>,
    pub(crate) cache: Arc<Caches>,
    /// Tells members that something needs them (see [`Notifier`]).
    pub(crate) notifier: Arc<dyn Notifier>,
    /// Sends mail to people who are not members (an emergency plan's contacts).
    pub(crate) mailer: Arc<dyn Mailer>,
    /// Members' open pages in this process, for the live stream (see [`LiveHub`]).
    pub(crate) live: Arc<LiveHub>,
}

/// The reads kept between writes (see [`ReadCache`]): the two every signed-in page makes.
pub(crate) struct Caches {
    /// Sessions by token hash.
    pub(crate) sessions: ReadCache<String, LiveSession>,
    /// Council pages by slug and reader (what a page shows depends on the reader's standing).
    pub(crate) council_pages: ReadCache<(String, MemberId), CouncilPage>,
    /// What every ballot needs to know before it is cast: the council, the voter's standing
    /// in it, the motion, whether it is a referendum, and the council's constituents. Ballots
    /// are not counted as writes, so these stay while a vote runs.
    pub(crate) councils: ReadCache<String, Council>,
    pub(crate) standings: ReadCache<(CouncilId, MemberId), Standing>,
    pub(crate) motions: ReadCache<MotionId, Option<MotionRecord>>,
    pub(crate) referendums: ReadCache<MotionId, bool>,
    pub(crate) constituents: ReadCache<CouncilId, Vec<CouncilId>>,
}

/// Entries per cache: a few hundred bytes for a session, a few kilobytes for a page.
const CACHE_CAPACITY: usize = 10_000;

impl App {
    /// Wires the application.
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        cipher: FieldCipher,
        config: AppConfig,
    ) -> Self {
        Self {
            store,
            clock,
            cipher,
            throttle: Arc::new(SignInThrottle::default()),
            config: Arc::new(config),
            cache: Arc::new(Caches {
                sessions: ReadCache::new(CACHE_CAPACITY),
                council_pages: ReadCache::new(CACHE_CAPACITY),
                councils: ReadCache::new(CACHE_CAPACITY),
                standings: ReadCache::new(CACHE_CAPACITY),
                motions: ReadCache::new(CACHE_CAPACITY),
                referendums: ReadCache::new(CACHE_CAPACITY),
                constituents: ReadCache::new(CACHE_CAPACITY),
            }),
            notifier: Arc::new(NoNotifier),
            mailer: Arc::new(NoMailer),
            live: LiveHub::new(),
        }
    }

    /// The same app, telling members through `notifier` and mailing through `mailer`.
    pub fn with_delivery(mut self, notifier: Arc<dyn Notifier>, mailer: Arc<dyn Mailer>) -> Self {
        self.notifier = notifier;
        self.mailer = mailer;
        self
    }

    /// The members' open pages in this process: the live stream subscribes here, and the
    /// server makes it (or the cross-process relay feeding it) one of the notifiers.
    pub fn live(&self) -> &Arc<LiveHub> {
        &self.live
    }

    /// Who to tell and how, for the notifiers the server wires in (see [`Recipients`]).
    pub fn recipients(&self) -> crate::delivery::Recipients {
        crate::delivery::Recipients::new(
            self.store.clone(),
            self.cipher.clone(),
            self.clock.clone(),
        )
    }

    /// The instance's settings.
    pub fn config(&self) -> &AppConfig {
        &self.config
    }

    /// The field cipher, for device cookies checked at the web edge.
    pub fn cipher(&self) -> &FieldCipher {
        &self.cipher
    }

    /// The store's write generation (see `ports::MemberStore::generation`), for the web
    /// layer's cache of rendered pages.
    pub fn generation(&self) -> Option<u64> {
        self.store.generation()
    }

    /// Whether the database answers.
    pub async fn healthy(&self) -> bool {
        self.store.ping().await.is_ok()
    }

    /// The value `read` gives, or the one kept in `cache` while nothing has been written
    /// since it was read (`read` is not run then). Failures are never kept.
    pub(crate) async fn cached<K: Eq + Hash, V>(
        &self,
        cache: &ReadCache<K, V>,
        key: K,
        read: impl Future<Output = Result<V, AppError>>,
    ) -> Result<Arc<V>, AppError> {
        let generation = self.store.generation();
        if let Some(value) = generation.and_then(|g| cache.get(&key, g)) {
            return Ok(value);
        }
        let value = Arc::new(read.await?);
        if let Some(g) = generation {
            cache.put(key, g, value.clone());
        }
        Ok(value)
    }

    pub(crate) fn now(&self) -> i64 {
        self.clock.now()
    }
}
