//! A member's Web Push subscriptions: a browser subscribes (its endpoint and keys sealed under
//! the instance key), the member lists and removes them, and the browser unsubscribes.

use crate::crypto::new_id;
use crate::ports::PushSubscriptionRecord;
use crate::{Actor, App, AppError};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use councils_domain::PushSubscriptionId;
use std::net::IpAddr;

/// The longest endpoint accepted; push services' endpoints are a few hundred bytes.
const ENDPOINT_MAX: usize = 2048;

/// A subscription as a browser's `PushSubscription.toJSON()` gives it.
#[derive(Clone, Debug)]
pub struct PushSubscriptionForm {
    pub endpoint: String,
    /// The browser's P-256 public key, uncompressed, base64url.
    pub p256dh: String,
    /// The browser's 16-byte auth secret, base64url.
    pub auth: String,
}

/// A subscription as its member sees it on their settings page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushSubscriptionView {
    pub id: PushSubscriptionId,
    /// The push service's host (it names the browser's maker, not the browser).
    pub service: String,
    pub created_at: i64,
}

/// Where endpoints may point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EndpointPolicy {
    /// `https://` to a named host or a public address only: a member cannot make the server
    /// post to its own machine or network.
    #[default]
    PublicHttps,
    /// Also plain `http://` to a loopback address: only for tests, whose push receiver runs
    /// on 127.0.0.1.
    AllowLoopbackHttp,
}

impl EndpointPolicy {
    /// The push service's host if `endpoint` is one the server may post to.
    pub fn check(self, endpoint: &str) -> Option<String> {
        if endpoint.len() > ENDPOINT_MAX || endpoint.chars().any(|c| c.is_whitespace()) {
            return None;
        }
        let (scheme, rest) = endpoint.split_once("://")?;
        let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
        if authority.is_empty() || authority.contains('@') {
            return None;
        }
        let host = match authority.strip_prefix('[') {
            Some(bracketed) => bracketed.split_once(']')?.0,
            None => authority.split(':').next().unwrap_or_default(),
        };
        let host = host.to_ascii_lowercase();
        let ip = host.parse::<IpAddr>().ok();
        let loopback = host == "localhost" || ip.is_some_and(|ip| ip.is_loopback());
        match scheme {
            "https" if !loopback && !ip.is_some_and(is_private) => Some(host),
            "https" | "http" if loopback && self == EndpointPolicy::AllowLoopbackHttp => Some(host),
            _ => None,
        }
    }
}

/// Addresses of the server's own machine or networks, which no push service uses: a host name
/// that resolves only to such addresses is not posted to either.
pub fn is_own_network(ip: IpAddr) -> bool {
    ip.is_loopback() || is_private(ip)
}

/// Addresses of the server's own networks (loopback aside), which no push service uses.
fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64
        }
        IpAddr::V6(v6) => {
            v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
                || v6
                    .to_ipv4_mapped()
                    .is_some_and(|v4| is_private(IpAddr::V4(v4)) || v4.is_loopback())
        }
    }
}

/// Decodes base64url with or without padding.
pub(crate) fn base64url(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD
        .decode(text.trim().trim_end_matches('='))
        .ok()
}

/// The sealed form of a subscription's keys: base64url public key and auth secret joined by
/// a dot (which base64url never uses).
fn keys_text(form: &PushSubscriptionForm) -> Option<String> {
    let p256dh = base64url(&form.p256dh)?;
    let auth = base64url(&form.auth)?;
    // An uncompressed P-256 point, and RFC 8291's 16-byte secret.
    if p256dh.len() != 65 || p256dh[0] != 4 || auth.len() != 16 {
        return None;
    }
    Some(format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(p256dh),
        URL_SAFE_NO_PAD.encode(auth)
    ))
}

/// Splits sealed keys back into the public key and the auth secret.
pub(crate) fn split_keys(text: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let (p256dh, auth) = text.split_once('.')?;
    Some((base64url(p256dh)?, base64url(auth)?))
}

impl App {
    /// Keeps a browser's push subscription for the signed-in member, replacing any earlier one
    /// of the same browser (theirs or another member's).
    pub async fn subscribe_push(
        &self,
        actor: &Actor,
        form: &PushSubscriptionForm,
    ) -> Result<PushSubscriptionId, AppError> {
        let endpoint = form.endpoint.trim();
        self.config
            .push_endpoints
            .check(endpoint)
            .ok_or(AppError::PushSubscriptionInvalid)?;
        let keys = keys_text(form).ok_or(AppError::PushSubscriptionInvalid)?;
        let id = PushSubscriptionId::new(new_id());
        self.store
            .save_push_subscription(&PushSubscriptionRecord {
                id: id.clone(),
                member_id: actor.member_id.clone(),
                endpoint_hash: self.cipher.push_endpoint_hash(endpoint),
                endpoint_sealed: self.cipher.encrypt(id.as_str(), endpoint),
                keys_sealed: self.cipher.encrypt(id.as_str(), &keys),
                created_at: self.now(),
            })
            .await?;
        Ok(id)
    }

    /// The signed-in member's push subscriptions, oldest first.
    pub async fn push_subscriptions(
        &self,
        actor: &Actor,
    ) -> Result<Vec<PushSubscriptionView>, AppError> {
        let records = self.store.push_subscriptions_of(&actor.member_id).await?;
        Ok(records
            .into_iter()
            .map(|record| {
                let service = self
                    .cipher
                    .decrypt(record.id.as_str(), &record.endpoint_sealed)
                    .ok()
                    .and_then(|endpoint| EndpointPolicy::AllowLoopbackHttp.check(&endpoint))
                    .unwrap_or_default();
                PushSubscriptionView {
                    id: record.id,
                    service,
                    created_at: record.created_at,
                }
            })
            .collect())
    }

    /// Removes one of the signed-in member's subscriptions (`NotFound` for anyone else's).
    pub async fn remove_push_subscription(
        &self,
        actor: &Actor,
        id: &PushSubscriptionId,
    ) -> Result<(), AppError> {
        Ok(self
            .store
            .delete_push_subscription(&actor.member_id, id)
            .await?)
    }

    /// Removes the signed-in member's subscription of this endpoint: its browser unsubscribed.
    pub async fn unsubscribe_push(&self, actor: &Actor, endpoint: &str) -> Result<(), AppError> {
        let hash = self.cipher.push_endpoint_hash(endpoint.trim());
        Ok(self
            .store
            .delete_push_subscription_by_endpoint(&actor.member_id, &hash)
            .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_services_on_https_are_accepted_and_their_host_named() {
        let policy = EndpointPolicy::PublicHttps;
        assert_eq!(
            policy
                .check("https://fcm.googleapis.com/fcm/send/abc:def")
                .as_deref(),
            Some("fcm.googleapis.com")
        );
        assert_eq!(
            policy
                .check("https://updates.push.services.mozilla.com:443/wpush/v2/x")
                .as_deref(),
            Some("updates.push.services.mozilla.com")
        );
    }

    #[test]
    fn plain_http_and_the_servers_own_networks_are_refused() {
        let policy = EndpointPolicy::PublicHttps;
        for endpoint in [
            "http://push.example.org/x",
            "https://127.0.0.1/x",
            "https://localhost:8443/x",
            "https://[::1]/x",
            "https://10.0.0.8/x",
            "https://192.168.1.1/x",
            "https://169.254.169.254/latest",
            "https://[fd00::1]/x",
            "https://[::ffff:10.0.0.1]/x",
            "https://user@push.example.org/x",
            "https:///x",
            "ftp://push.example.org/x",
            "not a url",
        ] {
            assert_eq!(policy.check(endpoint), None, "{endpoint}");
        }
    }

    #[test]
    fn loopback_http_is_accepted_only_under_the_test_policy() {
        let endpoint = "http://127.0.0.1:4040/push/1";
        assert_eq!(EndpointPolicy::PublicHttps.check(endpoint), None);
        assert_eq!(
            EndpointPolicy::AllowLoopbackHttp.check(endpoint).as_deref(),
            Some("127.0.0.1")
        );
        assert_eq!(
            EndpointPolicy::AllowLoopbackHttp.check("http://push.example.org/x"),
            None
        );
    }

    #[test]
    fn keys_must_be_a_p256_point_and_a_sixteen_byte_secret() {
        let point = URL_SAFE_NO_PAD.encode([4u8; 65]);
        let auth = URL_SAFE_NO_PAD.encode([7u8; 16]);
        let form = |p256dh: &str, auth: &str| PushSubscriptionForm {
            endpoint: String::new(),
            p256dh: p256dh.into(),
            auth: auth.into(),
        };
        let text = keys_text(&form(&point, &auth)).unwrap();
        assert_eq!(split_keys(&text), Some((vec![4u8; 65], vec![7u8; 16])));
        assert!(keys_text(&form(&URL_SAFE_NO_PAD.encode([4u8; 33]), &auth)).is_none());
        assert!(keys_text(&form(&URL_SAFE_NO_PAD.encode([5u8; 65]), &auth)).is_none());
        assert!(keys_text(&form(&point, &URL_SAFE_NO_PAD.encode([7u8; 8]))).is_none());
        assert!(keys_text(&form("not base64!", &auth)).is_none());
    }
}
