//! Exporting an incident record for a lawyer: a tar archive of the account and the photos,
//! with their hashes recorded at upload (`SHA256SUMS`, checked with `sha256sum -c`), encrypted
//! with age to the lawyer's public key (`age1...`) or to a passphrase given to them apart.

use super::{Words, format_utc};
use crate::{Actor, App, AppError};
use age::secrecy::SecretString;
use councils_domain::Passphrase;
use std::str::FromStr;

/// Who can open an export.
#[derive(Clone, Debug)]
pub enum ExportKey {
    /// An age public key, `age1...`.
    Recipient(String),
    /// A passphrase, to be given to the lawyer by another way than the file.
    Passphrase(String),
}

/// An export, ready to download.
pub struct Export {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

impl App {
    /// The record as an age-encrypted tar archive (its filer or the legal role).
    pub async fn export_incident(
        &self,
        actor: &Actor,
        slug: &str,
        id: &str,
        key: &ExportKey,
        words: &dyn Words,
    ) -> Result<Export, AppError> {
        // Check the key before reading anything, so a typo costs nothing.
        let recipient: Box<dyn age::Recipient + Send> = match key {
            ExportKey::Recipient(text) => Box::new(
                age::x25519::Recipient::from_str(text.trim()).map_err(|_| AppError::ExportKey)?,
            ),
            ExportKey::Passphrase(text) => {
                Passphrase::new_checked(text, &[])?;
                Box::new(age::scrypt::Recipient::new(SecretString::from(
                    text.clone(),
                )))
            }
        };
        let view = self.incident(actor, slug, id).await?;
        let (_, record, _) = self.readable_incident(actor, slug, id).await?;
        let language = actor.language;
        let w = |key: &str| words.word(language, key, &[]);
        let a = &view.account;
        let mut account = String::new();
        for (label, value) in [
            (
                "export-council",
                view.council.name_in(language).name.clone(),
            ),
            ("export-record", view.id.to_string()),
            ("export-filed-at", format_utc(view.filed_at)),
            ("export-filed-by", view.filed_by.clone().unwrap_or_default()),
            ("incident-field-what", a.what.clone()),
            ("incident-field-when", a.when.clone()),
            ("incident-field-place", a.place.clone()),
            ("incident-field-involved", a.involved.clone()),
            ("incident-field-witnesses", a.witnesses.clone()),
        ] {
            account.push_str(&format!("{}:\n{}\n\n", w(label), value));
        }
        let mut sums = String::new();
        let mut custody = format!("{}\n\n", w("export-custody-intro"));
        let mut archive = tar::Builder::new(Vec::new());
        let mtime = u64::try_from(self.now()).unwrap_or(0);
        let mut add = |name: &str, data: &[u8]| -> Result<(), AppError> {
            let mut header = tar::Header::new_ustar();
            header.set_size(data.len() as u64);
            header.set_mode(0o600);
            header.set_mtime(mtime);
            header.set_cksum();
            archive
                .append_data(&mut header, name, data)
                .map_err(|e| AppError::Internal(format!("export archive: {e}")))
        };
        for (n, file) in view.files.iter().enumerate() {
            let name = format!("photos/{:02}.{}", n + 1, file.format.extension());
            let (_, sealed) = self
                .store
                .evidence_file(&record.id, &file.id)
                .await?
                .ok_or(AppError::NotFound)?;
            add(&name, &self.open_evidence(&file.id, &sealed)?)?;
            sums.push_str(&format!("{}  {name}\n", file.sha256));
            custody.push_str(&format!(
                "{name}\n  sha256: {}\n  {}: {}\n  {}: {} bytes\n",
                file.sha256,
                w("export-uploaded-at"),
                format_utc(file.uploaded_at),
                w("export-size"),
                file.size,
            ));
        }
        add("README.txt", w("export-readme").as_bytes())?;
        add("account.txt", account.as_bytes())?;
        let json = serde_json::to_vec_pretty(&serde_json::json!({
            "record": view.id,
            "filed_at": view.filed_at,
            "account": a,
            "photos": view.files.iter().enumerate().map(|(n, f)| serde_json::json!({
                "name": format!("photos/{:02}.{}", n + 1, f.format.extension()),
                "sha256": f.sha256,
                "uploaded_at": f.uploaded_at,
                "size": f.size,
            })).collect::<Vec<_>>(),
        }))
        .map_err(|e| AppError::Internal(e.to_string()))?;
        add("account.json", &json)?;
        add("custody.txt", custody.as_bytes())?;
        add("SHA256SUMS", sums.as_bytes())?;
        let tar = archive
            .into_inner()
            .map_err(|e| AppError::Internal(format!("export archive: {e}")))?;
        let bytes = encrypt(recipient.as_ref(), &tar)
            .map_err(|e| AppError::Internal(format!("export encryption: {e}")))?;
        Ok(Export {
            file_name: format!("incident-{}.tar.age", view.id),
            bytes,
        })
    }
}

/// `tar` encrypted with age to one recipient.
fn encrypt(recipient: &dyn age::Recipient, tar: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(recipient)).map_err(|e| e.to_string())?;
    let mut out = Vec::with_capacity(tar.len() + 1024);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| e.to_string())?;
    writer.write_all(tar).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}
