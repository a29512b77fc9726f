//! Sign-in throttling, per account and per client, held in memory only (nothing to seize).
//!
//! An attacker guessing one member's passphrase is slowed per account; an attacker spraying
//! many accounts from one client is slowed per client. The real member is not locked out: a
//! browser that has signed in as them before carries a device cookie, and attempts with it
//! are exempt from the per-account limit (OWASP's "device cookie" scheme).

use std::collections::HashMap;
use std::sync::Mutex;

/// Length of a counting window, in seconds.
pub const WINDOW: i64 = 15 * 60;
/// Failed attempts on one account, without its device cookie, allowed per window.
pub const ACCOUNT_LIMIT: u32 = 5;
/// Failed attempts from one client allowed per window.
pub const CLIENT_LIMIT: u32 = 20;
const MAX_ENTRIES: usize = 100_000;

#[derive(Clone, Copy)]
struct Failures {
    count: u32,
    window_start: i64,
}

/// Counts failed sign-ins.
#[derive(Default)]
pub struct SignInThrottle {
    accounts: Mutex<HashMap<String, Failures>>,
    clients: Mutex<HashMap<String, Failures>>,
}

fn blocked(map: &Mutex<HashMap<String, Failures>>, key: &str, limit: u32, now: i64) -> Option<i64> {
    let map = map.lock().expect("throttle lock");
    let failures = map.get(key)?;
    let ends = failures.window_start + WINDOW;
    (failures.count >= limit && now < ends).then(|| ((ends - now) + 59) / 60)
}

fn count(map: &Mutex<HashMap<String, Failures>>, key: &str, now: i64) {
    let mut map = map.lock().expect("throttle lock");
    if map.len() >= MAX_ENTRIES {
        map.retain(|_, f| now < f.window_start + WINDOW);
    }
    let failures = map.entry(key.to_string()).or_insert(Failures {
        count: 0,
        window_start: now,
    });
    if now >= failures.window_start + WINDOW {
        *failures = Failures {
            count: 0,
            window_start: now,
        };
    }
    failures.count += 1;
}

impl SignInThrottle {
    /// `Err(minutes)` when this attempt must wait that many minutes.
    pub fn check(
        &self,
        account: &str,
        client: &str,
        has_device: bool,
        now: i64,
    ) -> Result<(), i64> {
        if let Some(minutes) = blocked(&self.clients, client, CLIENT_LIMIT, now) {
            return Err(minutes);
        }
        if !has_device && let Some(minutes) = blocked(&self.accounts, account, ACCOUNT_LIMIT, now) {
            return Err(minutes);
        }
        Ok(())
    }

    /// Counts a failed attempt.
    pub fn failed(&self, account: &str, client: &str, has_device: bool, now: i64) {
        count(&self.clients, client, now);
        if !has_device {
            count(&self.accounts, account, now);
        }
    }

    /// Forgets the failures of a client that has just signed in.
    pub fn succeeded(&self, client: &str) {
        self.clients.lock().expect("throttle lock").remove(client);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_is_throttled_after_repeated_failures() {
        let throttle = SignInThrottle::default();
        for i in 0..ACCOUNT_LIMIT {
            assert!(
                throttle
                    .check("rosa", &format!("client-{i}"), false, 100)
                    .is_ok()
            );
            throttle.failed("rosa", &format!("client-{i}"), false, 100);
        }
        assert_eq!(throttle.check("rosa", "another", false, 160), Err(14));
    }

    #[test]
    fn the_real_member_with_a_device_cookie_is_not_locked_out() {
        let throttle = SignInThrottle::default();
        for i in 0..ACCOUNT_LIMIT * 2 {
            throttle.failed("rosa", &format!("attacker-{i}"), false, 100);
        }
        assert!(throttle.check("rosa", "rosas-phone", true, 100).is_ok());
    }

    #[test]
    fn a_client_spraying_many_accounts_is_throttled() {
        let throttle = SignInThrottle::default();
        for i in 0..CLIENT_LIMIT {
            throttle.failed(&format!("member-{i}"), "sprayer", false, 100);
        }
        assert!(
            throttle
                .check("someone-else", "sprayer", true, 100)
                .is_err()
        );
        assert!(
            throttle
                .check("someone-else", "other-client", false, 100)
                .is_ok()
        );
    }

    #[test]
    fn the_throttle_lifts_when_the_window_ends() {
        let throttle = SignInThrottle::default();
        for _ in 0..ACCOUNT_LIMIT {
            throttle.failed("rosa", "c", false, 100);
        }
        assert!(throttle.check("rosa", "d", false, 100 + WINDOW).is_ok());
    }
}
