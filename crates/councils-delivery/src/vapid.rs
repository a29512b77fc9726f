//! The instance's VAPID key pair (RFC 8292): push services tie every subscription to its
//! public key, so it is made once, on the first start, and kept (beside the instance key).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use councils_app::Secret;
use thiserror::Error;
use web_push_native::jwt_simple::algorithms::{ECDSAP256PublicKeyLike, ES256KeyPair};

/// Why a stored VAPID key could not be read.
#[derive(Debug, Error)]
#[error("a VAPID private key is 32 bytes in base64url")]
pub struct VapidError;

/// The instance's P-256 key pair for signing pushes.
pub struct VapidKey {
    pair: ES256KeyPair,
}

impl VapidKey {
    /// A new random key pair.
    pub fn generate() -> Self {
        Self {
            pair: ES256KeyPair::generate(),
        }
    }

    /// The key pair from its private scalar in base64url, as [`VapidKey::private_base64url`]
    /// wrote it.
    pub fn from_base64url(text: &str) -> Result<Self, VapidError> {
        let bytes = Secret::new(
            URL_SAFE_NO_PAD
                .decode(text.trim().trim_end_matches('='))
                .map_err(|_| VapidError)?,
        );
        if bytes.expose().len() != 32 {
            return Err(VapidError);
        }
        let pair = ES256KeyPair::from_bytes(bytes.expose()).map_err(|_| VapidError)?;
        Ok(Self { pair })
    }

    /// The private scalar in base64url, to keep in a file readable by the server only.
    pub fn private_base64url(&self) -> Secret<String> {
        Secret::new(URL_SAFE_NO_PAD.encode(self.pair.to_bytes()))
    }

    /// The public key, uncompressed, in base64url: the `applicationServerKey` pages subscribe
    /// with.
    pub fn public_base64url(&self) -> String {
        URL_SAFE_NO_PAD.encode(self.pair.public_key().public_key().to_bytes_uncompressed())
    }

    pub(crate) fn pair(&self) -> &ES256KeyPair {
        &self.pair
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_key_reads_back_as_the_same_pair() {
        let key = VapidKey::generate();
        let again = VapidKey::from_base64url(key.private_base64url().expose()).unwrap();
        assert_eq!(again.public_base64url(), key.public_base64url());
        let public = URL_SAFE_NO_PAD.decode(key.public_base64url()).unwrap();
        assert_eq!(public.len(), 65);
        assert_eq!(public[0], 4);
    }

    #[test]
    fn a_broken_key_is_refused() {
        assert!(VapidKey::from_base64url("not base64!").is_err());
        assert!(VapidKey::from_base64url(&URL_SAFE_NO_PAD.encode([1u8; 16])).is_err());
    }
}
