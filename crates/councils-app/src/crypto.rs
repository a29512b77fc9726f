//! Secrets in memory, encryption of personal fields at rest, tokens and passphrase hashes.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use std::fmt;
use zeroize::Zeroize;

/// A value that must never reach a log: its `Debug` is redacted and it is wiped when dropped.
#[derive(Clone)]
pub struct Secret<T: Zeroize>(T);

impl<T: Zeroize> Secret<T> {
    /// Wraps a secret value.
    pub fn new(value: T) -> Self {
        Self(value)
    }

    /// The secret value, for the one place that needs it.
    pub fn expose(&self) -> &T {
        &self.0
    }
}

impl<T: Zeroize> Drop for Secret<T> {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

impl<T: Zeroize> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(..)")
    }
}

/// Random bytes from the operating system, as URL-safe text: ids and tokens.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

/// A new opaque identifier (128 random bits).
pub fn new_id() -> String {
    random_token(16)
}

/// SHA-256 of a token, in hex: what the database keeps instead of the token itself.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A bearer secret given to a client (session cookie, API token, invitation link).
#[derive(Clone, Debug)]
pub struct SessionToken(Secret<String>);

impl SessionToken {
    /// A fresh token with 256 random bits.
    pub fn generate() -> Self {
        Self(Secret::new(random_token(32)))
    }

    /// Wraps a token presented by a client.
    pub fn presented(value: &str) -> Self {
        Self(Secret::new(value.to_string()))
    }

    /// The token's text, to hand to the client once.
    pub fn expose(&self) -> &str {
        self.0.expose()
    }

    /// What the database keeps.
    pub fn hash(&self) -> String {
        token_hash(self.0.expose())
    }
}

/// Why an encrypted field could not be read.
#[derive(Debug, thiserror::Error)]
#[error("an encrypted field could not be decrypted (wrong key or altered data)")]
pub struct DecryptError;

/// Encrypts personal fields at rest with XChaCha20-Poly1305 under a key kept outside the
/// database. Each ciphertext is bound to its owner's id, so it cannot be moved to another row.
#[derive(Clone)]
pub struct FieldCipher {
    cipher: XChaCha20Poly1305,
    device_key: Secret<Vec<u8>>,
    ballot_key: Secret<Vec<u8>>,
    push_key: Secret<Vec<u8>>,
}

impl FieldCipher {
    /// A cipher from the instance's 32-byte secret key.
    pub fn new(key: &Secret<Vec<u8>>) -> Self {
        let key_bytes = key.expose();
        assert_eq!(key_bytes.len(), 32, "the secret key is 32 bytes");
        let cipher = XChaCha20Poly1305::new_from_slice(key_bytes).expect("32-byte key");
        // A separate key for device cookies, so no single use of the main key serves two purposes.
        let mut device = Sha256::new();
        device.update(b"councils device cookie\n");
        device.update(key_bytes);
        // And one for ballot ids, so a ballot's id says nothing without the key.
        let mut ballot = Sha256::new();
        ballot.update(b"councils ballot id\n");
        ballot.update(key_bytes);
        // And one for finding push subscriptions by their endpoint.
        let mut push = Sha256::new();
        push.update(b"councils push endpoint\n");
        push.update(key_bytes);
        Self {
            cipher,
            device_key: Secret::new(device.finalize().to_vec()),
            ballot_key: Secret::new(ballot.finalize().to_vec()),
            push_key: Secret::new(push.finalize().to_vec()),
        }
    }

    /// Encrypts `plaintext` for the row `owner`: a random 24-byte nonce followed by the ciphertext.
    pub fn encrypt(&self, owner: &str, plaintext: &str) -> Vec<u8> {
        let mut nonce = [0u8; 24];
        OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext.as_bytes(),
                    aad: owner.as_bytes(),
                },
            )
            .expect("encryption of a short field cannot fail");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        out
    }

    /// Encrypts bytes (a photo) for the row `owner`, as [`FieldCipher::encrypt`] does text.
    pub fn seal_bytes(&self, owner: &str, plaintext: &[u8]) -> Vec<u8> {
        let mut nonce = [0u8; 24];
        OsRng.fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: plaintext,
                    aad: owner.as_bytes(),
                },
            )
            .expect("encryption of bytes in memory cannot fail");
        let mut out = nonce.to_vec();
        out.extend(sealed);
        out
    }

    /// Decrypts bytes sealed by [`FieldCipher::seal_bytes`] for the same owner.
    pub fn open_bytes(&self, owner: &str, stored: &[u8]) -> Result<Vec<u8>, DecryptError> {
        if stored.len() < 24 {
            return Err(DecryptError);
        }
        let (nonce, sealed) = stored.split_at(24);
        self.cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: owner.as_bytes(),
                },
            )
            .map_err(|_| DecryptError)
    }

    /// Decrypts a field written by [`FieldCipher::encrypt`] for the same owner.
    pub fn decrypt(&self, owner: &str, stored: &[u8]) -> Result<String, DecryptError> {
        if stored.len() < 24 {
            return Err(DecryptError);
        }
        let (nonce, sealed) = stored.split_at(24);
        let plain = self
            .cipher
            .decrypt(
                XNonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: owner.as_bytes(),
                },
            )
            .map_err(|_| DecryptError)?;
        String::from_utf8(plain).map_err(|_| DecryptError)
    }

    /// The device cookie of a member: proof that this browser once signed in as them.
    pub fn device_tag(&self, member: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(self.device_key.expose()).expect("any length");
        mac.update(member.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }

    /// A ballot's id in the ballot box: a keyed hash of the motion and the voter. The same
    /// voter always gets the same id on a motion (so a new ballot replaces the old one), and
    /// without the instance key, which is not in the database, no one can tell whose it is.
    pub fn ballot_id(&self, motion: &str, voter: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(self.ballot_key.expose()).expect("any length");
        mac.update(motion.as_bytes());
        mac.update(b"\n");
        mac.update(voter.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

impl FieldCipher {
    /// A push endpoint's keyed hash: finds its subscription again (when its browser subscribes
    /// anew or unsubscribes) while the stored endpoint stays sealed.
    pub fn push_endpoint_hash(&self, endpoint: &str) -> String {
        let mut mac =
            <Hmac<Sha256> as Mac>::new_from_slice(self.push_key.expose()).expect("any length");
        mac.update(endpoint.as_bytes());
        URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
    }
}

/// Argon2id with 19 MiB of memory, 2 passes and one lane (OWASP's recommended minimum).
pub fn argon2() -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters"),
    )
}

/// Hashes a passphrase into a PHC string with a fresh salt.
pub fn hash_passphrase(passphrase: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(passphrase.as_bytes(), &salt)
        .expect("hashing a passphrase cannot fail")
        .to_string()
}

/// Whether `passphrase` matches a stored PHC string.
pub fn verify_passphrase(passphrase: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|hash| {
            argon2()
                .verify_password(passphrase.as_bytes(), &hash)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A PHC string that matches no passphrase, verified against when a handle does not exist so
/// that a wrong handle takes as long as a wrong passphrase.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_passphrase(&random_token(24)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cipher() -> FieldCipher {
        FieldCipher::new(&Secret::new(vec![7u8; 32]))
    }

    #[test]
    fn a_field_decrypts_only_for_its_owner() {
        let sealed = cipher().encrypt("member-1", "rosa@example.org");
        assert_eq!(
            cipher().decrypt("member-1", &sealed).unwrap(),
            "rosa@example.org"
        );
        assert!(cipher().decrypt("member-2", &sealed).is_err());
    }

    #[test]
    fn the_stored_field_does_not_contain_the_plaintext() {
        let sealed = cipher().encrypt("m", "rosa@example.org");
        assert!(!sealed.windows(4).any(|w| w == b"rosa"));
    }

    #[test]
    fn a_passphrase_hash_is_argon2id_with_19_mib_and_two_passes() {
        let hash = hash_passphrase("la huelga sigue");
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_passphrase("la huelga sigue", &hash));
        assert!(!verify_passphrase("la huelga sigue!", &hash));
    }

    #[test]
    fn secrets_never_show_in_debug_output() {
        assert_eq!(
            format!("{:?}", SessionToken::generate()),
            "SessionToken(Secret(..))"
        );
    }
}
