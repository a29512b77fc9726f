//! The application: the ports it was wired with and the instance's settings.

use crate::clock::Clock;
use crate::crypto::FieldCipher;
use crate::ports::Store;
use crate::throttle::SignInThrottle;
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
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            invitation_ttl: 7 * 24 * 3600,
            session_idle: 2 * 3600,
            session_absolute: 14 * 24 * 3600,
            public_url: "http://127.0.0.1:8080".into(),
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
    pub(crate) config: AppConfig,
}

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
            config,
        }
    }

    /// The instance's settings.
    pub fn config(&self) -> &AppConfig {
        &self.config
    }

    /// The field cipher, for device cookies checked at the web edge.
    pub fn cipher(&self) -> &FieldCipher {
        &self.cipher
    }

    /// Whether the database answers.
    pub async fn healthy(&self) -> bool {
        self.store.ping().await.is_ok()
    }

    pub(crate) fn now(&self) -> i64 {
        self.clock.now()
    }
}
