//! A stand-in for a push service on 127.0.0.1:0, and a browser's push keys: the receiver
//! records each push message and answers with the statuses a test scripts, and
//! [`BrowserKeys`] decrypts what it got, as the browser would.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc;
use web_push_native::p256::SecretKey;
use web_push_native::p256::elliptic_curve::sec1::ToEncodedPoint;

/// A push message as the push service got it.
#[derive(Clone, Debug)]
pub struct PushRequest {
    /// The endpoint's last segment: which browser it was for.
    pub browser: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    /// The status it was answered with.
    pub status: u16,
}

impl PushRequest {
    /// A header's value as text, or "" if absent.
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

#[derive(Clone)]
struct Script {
    answers: Arc<Mutex<HashMap<String, VecDeque<u16>>>>,
    seen: mpsc::UnboundedSender<PushRequest>,
    /// While false, requests are recorded on arrival but not answered.
    open: tokio::sync::watch::Sender<bool>,
}

/// A push service on loopback, until dropped.
pub struct PushReceiver {
    pub addr: SocketAddr,
    script: Script,
    requests: mpsc::UnboundedReceiver<PushRequest>,
    task: tokio::task::JoinHandle<()>,
}

impl PushReceiver {
    /// Starts listening on 127.0.0.1 on a free port.
    pub async fn start() -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port for the push receiver");
        let addr = listener.local_addr().expect("its address");
        let (sender, requests) = mpsc::unbounded_channel();
        let script = Script {
            answers: Arc::default(),
            seen: sender,
            open: tokio::sync::watch::Sender::new(true),
        };
        let app = Router::new()
            .route("/push/{browser}", post(receive))
            .with_state(script.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            addr,
            script,
            requests,
            task,
        }
    }

    /// The endpoint of one browser at this push service.
    pub fn endpoint(&self, browser: &str) -> String {
        format!("http://{}/push/{browser}", self.addr)
    }

    /// The statuses the next messages for `browser` are answered with, in order; after them,
    /// 201 Created.
    pub fn answer(&self, browser: &str, statuses: &[u16]) {
        self.script
            .answers
            .lock()
            .expect("script lock")
            .entry(browser.to_string())
            .or_default()
            .extend(statuses);
    }

    /// Holds every answer (requests are still recorded as they arrive) until
    /// [`PushReceiver::resume`]: a push service that is slow to answer.
    pub fn pause(&self) {
        self.script.open.send_replace(false);
    }

    /// Answers the requests held since [`PushReceiver::pause`], and the next ones at once.
    pub fn resume(&self) {
        self.script.open.send_replace(true);
    }

    /// The next message received; panics after 10 seconds without one.
    pub async fn next_request(&mut self) -> PushRequest {
        tokio::time::timeout(Duration::from_secs(10), self.requests.recv())
            .await
            .expect("a push message within 10 s")
            .expect("the receiver runs")
    }

    /// Every message received and not yet taken.
    pub fn drain(&mut self) -> Vec<PushRequest> {
        let mut all = Vec::new();
        while let Ok(request) = self.requests.try_recv() {
            all.push(request);
        }
        all
    }
}

impl Drop for PushReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn receive(
    State(script): State<Script>,
    Path(browser): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> StatusCode {
    let status = script
        .answers
        .lock()
        .expect("script lock")
        .get_mut(&browser)
        .and_then(|queue| queue.pop_front())
        .unwrap_or(201);
    let _ = script.seen.send(PushRequest {
        browser,
        headers,
        body: body.to_vec(),
        status,
    });
    let mut open = script.open.subscribe();
    let _ = open.wait_for(|open| *open).await;
    StatusCode::from_u16(status).expect("a status")
}

/// A browser's push keys, made as a browser makes them: a P-256 key pair and a 16-byte auth
/// secret.
pub struct BrowserKeys {
    secret: SecretKey,
    auth: [u8; 16],
}

impl BrowserKeys {
    /// New random keys.
    pub fn generate() -> Self {
        let mut auth = [0u8; 16];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut auth);
        Self {
            secret: SecretKey::random(&mut rand::rngs::OsRng),
            auth,
        }
    }

    /// The public key as `PushSubscription.toJSON().keys.p256dh` gives it.
    pub fn p256dh(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.secret.public_key().to_encoded_point(false).as_bytes())
    }

    /// The auth secret as `PushSubscription.toJSON().keys.auth` gives it.
    pub fn auth(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.auth)
    }

    /// The subscription's JSON, as a browser's page posts it.
    pub fn subscription_json(&self, endpoint: &str) -> serde_json::Value {
        serde_json::json!({
            "endpoint": endpoint,
            "expirationTime": null,
            "keys": { "p256dh": self.p256dh(), "auth": self.auth() }
        })
    }

    /// Decrypts an aes128gcm push message body (RFC 8291) with these keys.
    pub fn decrypt(&self, body: &[u8]) -> Result<Vec<u8>, String> {
        let auth = web_push_native::Auth::clone_from_slice(&self.auth);
        web_push_native::decrypt(body.to_vec(), &self.secret, &auth).map_err(|e| e.to_string())
    }
}
