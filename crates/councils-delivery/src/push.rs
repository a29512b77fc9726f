//! Sending one push message to one browser: the payload encrypted for it (RFC 8291,
//! aes128gcm), signed with the instance's VAPID key, posted over HTTPS with a TTL and an
//! urgency, retried with backoff when the push service is busy or unreachable. A push
//! service's name is resolved by [`PublicOnly`], so a name that points into the server's own
//! networks is never connected to.

use crate::vapid::VapidKey;
use councils_app::delivery::PushTarget;
use councils_app::push::{EndpointPolicy, is_own_network};
use reqwest::StatusCode;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use web_push_native::p256::PublicKey;
use web_push_native::{Auth, WebPushBuilder};

/// How urgent a message is to the push service (RFC 8030 section 5.3): `high` wakes a phone
/// at once; lower ones may wait for it to be awake anyway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Urgency {
    Normal,
    High,
}

impl Urgency {
    fn header(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::High => "high",
        }
    }
}

/// How pushes are sent.
#[derive(Clone, Debug)]
pub struct PushSettings {
    /// Who push services may write to about this instance (`mailto:` or `https:`), in the
    /// VAPID claims.
    pub contact: String,
    /// Where endpoints may point; plain loopback HTTP only in tests.
    pub endpoints: EndpointPolicy,
    /// Tries per message, the first included, when the push service is busy (429), failing
    /// (5xx) or unreachable.
    pub attempts: u32,
    /// The wait before the second try; it doubles before each next one (a push service's
    /// `Retry-After` is followed instead, up to [`PushSettings::MAX_WAIT`]).
    pub backoff: Duration,
    /// The longest a push service may take to answer one request.
    pub timeout: Duration,
}

impl PushSettings {
    /// The longest wait between tries, whatever a push service asks.
    pub const MAX_WAIT: Duration = Duration::from_secs(60);

    /// Settings for production: 4 tries, 1 s, 2 s and 4 s apart, 10 s per request.
    pub fn new(contact: impl Into<String>) -> Self {
        Self {
            contact: contact.into(),
            endpoints: EndpointPolicy::PublicHttps,
            attempts: 4,
            backoff: Duration::from_secs(1),
            timeout: Duration::from_secs(10),
        }
    }
}

/// What became of one message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PushOutcome {
    /// The push service took it (201, or any 2xx).
    Delivered,
    /// The subscription no longer exists (404 or 410): forget it.
    Gone,
    /// Not delivered: refused, or still failing after every try.
    Failed,
}

/// Sends Web Push messages with the instance's VAPID key.
pub struct WebPush {
    client: reqwest::Client,
    key: VapidKey,
    settings: PushSettings,
}

impl WebPush {
    /// A sender with its own HTTPS client (rustls).
    pub fn new(key: VapidKey, settings: PushSettings) -> Result<Self, reqwest::Error> {
        let mut client = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            // A push service answers; it never sends us elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .https_only(settings.endpoints == EndpointPolicy::PublicHttps);
        if settings.endpoints == EndpointPolicy::PublicHttps {
            client = client.dns_resolver(Arc::new(PublicOnly));
        }
        let client = client.build()?;
        Ok(Self {
            client,
            key,
            settings,
        })
    }

    /// The public key pages subscribe with (base64url).
    pub fn public_key(&self) -> String {
        self.key.public_base64url()
    }

    /// Sends `payload` to one browser, kept by the push service for `ttl` at most.
    pub async fn send(
        &self,
        target: &PushTarget,
        payload: &[u8],
        urgency: Urgency,
        ttl: Duration,
    ) -> PushOutcome {
        let Some(request) = self.request(target, payload, urgency, ttl) else {
            // The subscription cannot be used (a broken key, an endpoint no longer allowed).
            return PushOutcome::Gone;
        };
        let mut wait = self.settings.backoff;
        for attempt in 1..=self.settings.attempts.max(1) {
            let Some(this_try) = request.try_clone() else {
                return PushOutcome::Failed;
            };
            let retry_after = match self.client.execute(this_try).await {
                Ok(response) => match response.status() {
                    status if status.is_success() => return PushOutcome::Delivered,
                    StatusCode::NOT_FOUND | StatusCode::GONE => return PushOutcome::Gone,
                    status
                        if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() =>
                    {
                        tracing::info!(status = status.as_u16(), attempt, "push service busy");
                        retry_after(&response)
                    }
                    status => {
                        tracing::warn!(status = status.as_u16(), "push refused");
                        return PushOutcome::Failed;
                    }
                },
                Err(error) => {
                    // reqwest's message names the URL, which is personal data: only the kind.
                    tracing::info!(
                        timeout = error.is_timeout(),
                        connect = error.is_connect(),
                        attempt,
                        "push service unreachable"
                    );
                    None
                }
            };
            if attempt < self.settings.attempts {
                tokio::time::sleep(retry_after.unwrap_or(wait).min(PushSettings::MAX_WAIT)).await;
                wait *= 2;
            }
        }
        tracing::warn!(attempts = self.settings.attempts, "push not delivered");
        PushOutcome::Failed
    }

    fn request(
        &self,
        target: &PushTarget,
        payload: &[u8],
        urgency: Urgency,
        ttl: Duration,
    ) -> Option<reqwest::Request> {
        let endpoint = target.endpoint.expose();
        self.settings.endpoints.check(endpoint)?;
        let public = PublicKey::from_sec1_bytes(&target.p256dh).ok()?;
        if target.auth.expose().len() != 16 {
            return None;
        }
        let auth = Auth::clone_from_slice(target.auth.expose());
        let mut request = WebPushBuilder::new(endpoint.parse().ok()?, public, auth)
            .with_valid_duration(ttl)
            .with_vapid(self.key.pair(), &self.settings.contact)
            .build(payload.to_vec())
            .ok()?;
        request
            .headers_mut()
            .insert("urgency", http_value(urgency.header()));
        reqwest::Request::try_from(request).ok()
    }
}

fn http_value(text: &'static str) -> reqwest::header::HeaderValue {
    reqwest::header::HeaderValue::from_static(text)
}

/// A `Retry-After` in seconds, as push services send it with 429 and 503.
fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    let seconds: u64 = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    Some(Duration::from_secs(seconds))
}

/// Resolves a push service's name to its public addresses only, at the moment of connecting:
/// an endpoint whose name points at this machine or its networks (set up by whoever
/// subscribed, or changed after the endpoint was checked) is refused, not posted to.
pub struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let public: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|addr| !is_own_network(addr.ip()))
                .collect();
            if public.is_empty() {
                return Err("the push service's name has no public address".into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[tokio::test]
    async fn a_name_of_this_machine_is_not_resolved_for_a_push() {
        let refused = PublicOnly
            .resolve(Name::from_str("localhost").unwrap())
            .await;
        assert!(refused.is_err());
    }

    #[tokio::test]
    async fn a_public_address_passes_through() {
        let addrs: Vec<SocketAddr> = PublicOnly
            .resolve(Name::from_str("192.0.2.10").unwrap())
            .await
            .unwrap()
            .collect();
        assert_eq!(addrs, vec![SocketAddr::from(([192, 0, 2, 10], 0))]);
    }
}
