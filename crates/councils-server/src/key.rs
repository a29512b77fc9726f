//! The instance's secret key: it encrypts personal fields at rest, and lives outside the
//! database (an environment variable, or a file the server creates readable by its owner only),
//! so a copy of the database alone reveals no email address.

use anyhow::{Context, bail};
use councils_app::Secret;
use councils_delivery::VapidKey;
use rand::RngCore;
use std::io::Write;
use std::path::Path;

/// The key from `COUNCILS_SECRET_KEY` (64 hex digits), else from `file`, created if missing.
pub fn load_or_create(file: &Path) -> anyhow::Result<Secret<Vec<u8>>> {
    if let Ok(hex_key) = std::env::var("COUNCILS_SECRET_KEY") {
        let key =
            hex::decode(hex_key.trim()).context("COUNCILS_SECRET_KEY must be 64 hex digits")?;
        if key.len() != 32 {
            bail!("COUNCILS_SECRET_KEY must be 64 hex digits (32 bytes)");
        }
        return Ok(Secret::new(key));
    }
    if file.exists() {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("reading the key file {}", file.display()))?;
        let key = hex::decode(text.trim()).context("the key file must hold 64 hex digits")?;
        if key.len() != 32 {
            bail!("the key file must hold 64 hex digits (32 bytes)");
        }
        return Ok(Secret::new(key));
    }
    let mut key = vec![0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    write_private(file, &hex::encode(&key))?;
    Ok(Secret::new(key))
}

/// The VAPID key pair for Web Push from `COUNCILS_VAPID_KEY` (the private key in base64url),
/// else from `file`, created on the first start. Every process serving the instance must use
/// the same one: browsers' subscriptions are tied to its public key.
pub fn load_or_create_vapid(file: &Path) -> anyhow::Result<VapidKey> {
    if let Ok(text) = std::env::var("COUNCILS_VAPID_KEY") {
        return VapidKey::from_base64url(&text).context("COUNCILS_VAPID_KEY");
    }
    if file.exists() {
        let text = std::fs::read_to_string(file)
            .with_context(|| format!("reading the VAPID key file {}", file.display()))?;
        return VapidKey::from_base64url(&text)
            .with_context(|| format!("the VAPID key file {}", file.display()));
    }
    let key = VapidKey::generate();
    write_private(file, key.private_base64url().expose())?;
    Ok(key)
}

#[cfg(unix)]
fn write_private(file: &Path, text: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut handle = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(file)
        .with_context(|| format!("creating the key file {}", file.display()))?;
    handle.write_all(text.as_bytes())?;
    handle.sync_all()?;
    Ok(())
}

#[cfg(not(unix))]
fn write_private(file: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(file, text)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn a_new_key_file_is_readable_by_its_owner_only_and_stable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("councils-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("test.key");
        let _ = std::fs::remove_file(&file);
        let first = load_or_create(&file).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(load_or_create(&file).unwrap().expose(), first.expose());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    #[cfg(unix)]
    fn the_vapid_key_is_made_once_readable_by_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("test.vapid");
        let first = load_or_create_vapid(&file).unwrap();
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let again = load_or_create_vapid(&file).unwrap();
        assert_eq!(again.public_base64url(), first.public_base64url());
    }
}
