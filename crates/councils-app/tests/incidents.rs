//! Incident records through the use cases on a real SQLite file: photos stripped, hashed and
//! sealed; readable only by their filer and the committee's legal role; exported for a lawyer
//! as an age-encrypted tar whose hashes match.

mod support;

use age::secrecy::{ExposeSecret, SecretString};
use councils_app::AppError;
use councils_app::records::export::ExportKey;
use councils_domain::Role;
use councils_domain::evidence::samples::{self, metadata_left};
use councils_domain::evidence::{EvidenceError, FILES_MAX, sha256_hex};
use councils_domain::incident::Account;
use councils_store::testing::dump;
use std::collections::HashMap;
use std::io::Read;
use support::{KeyWords, World};

fn account() -> Account {
    Account {
        what: "Two agents in plain clothes asked for Luis at the door; we did not open.".into(),
        when: "2026-11-28 07:30".into(),
        place: "5th and Main, the blue building".into(),
        involved: "Luis, Marta".into(),
        witnesses: "Don Tomás, upstairs".into(),
    }
}

#[tokio::test]
async fn a_photo_is_kept_without_its_metadata_with_the_hash_of_what_was_stored() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let id = w
        .app
        .file_incident(&lupe, "barrio", account())
        .await
        .unwrap();
    let upload = samples::jpeg_with_metadata();
    assert!(metadata_left(&upload).contains(&"GPS".to_string()));

    w.app
        .add_evidence(&lupe, "barrio", id.as_str(), &[upload])
        .await
        .unwrap();

    let view = w.app.incident(&lupe, "barrio", id.as_str()).await.unwrap();
    assert_eq!(view.files.len(), 1);
    let (_, bytes) = w
        .app
        .evidence_file(&lupe, "barrio", id.as_str(), view.files[0].id.as_str())
        .await
        .unwrap();
    assert_eq!(metadata_left(&bytes), Vec::<String>::new());
    assert_eq!(view.files[0].sha256, sha256_hex(&bytes));
    assert_eq!(view.files[0].uploaded_at, 1_795_851_062);
    // At rest: neither the account nor the hash in the clear.
    for table in ["incident", "incident_evidence"] {
        for row in dump(&w.db, table).await {
            for (column, value) in row {
                let value = value.unwrap_or_default();
                for secret in ["Luis", "5th and Main", &view.files[0].sha256] {
                    assert!(!value.contains(secret), "{table}.{column} holds {secret}");
                }
            }
        }
    }
    w.finish().await;
}

#[tokio::test]
async fn a_record_is_read_by_its_filer_and_the_legal_role_and_is_not_found_by_anyone_else() {
    let w = World::new().await;
    let rosa = w.found("barrio", "rosa").await;
    let lawyer = w.join("barrio", Role::Legal, "licenciada").await;
    let pablo = w.join("barrio", Role::Member, "pablo").await;
    let other = w.found_another("barrio", "fabrica", "dmitri").await;
    let other_legal = w.join("fabrica", Role::Legal, "otra").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let id = w
        .app
        .file_incident(&lupe, "barrio", account())
        .await
        .unwrap();
    w.app
        .add_evidence(
            &lupe,
            "barrio",
            id.as_str(),
            &[samples::png_with_metadata()],
        )
        .await
        .unwrap();
    let file = w
        .app
        .incident(&lupe, "barrio", id.as_str())
        .await
        .unwrap()
        .files[0]
        .id
        .clone();

    let seen = w
        .app
        .incident(&lawyer, "barrio", id.as_str())
        .await
        .unwrap();
    assert_eq!(seen.filed_by.as_deref(), Some("lupe"));
    assert!(!seen.mine);
    assert_eq!(
        w.app
            .incidents(&lawyer, "barrio")
            .await
            .unwrap()
            .records
            .len(),
        1
    );
    for (who, slug) in [
        (&rosa, "barrio"),
        (&pablo, "barrio"),
        (&other, "barrio"),
        (&other_legal, "fabrica"),
        (&other_legal, "barrio"),
    ] {
        assert!(matches!(
            w.app.incident(who, slug, id.as_str()).await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            w.app
                .evidence_file(who, slug, id.as_str(), file.as_str())
                .await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            w.app
                .add_evidence(who, slug, id.as_str(), &[samples::plain_png()])
                .await,
            Err(AppError::NotFound)
        ));
        assert!(matches!(
            w.app.delete_incident(who, slug, id.as_str()).await,
            Err(AppError::NotFound)
        ));
    }
    // The organiser and a plain member see only their own in the list.
    assert!(
        w.app
            .incidents(&rosa, "barrio")
            .await
            .unwrap()
            .records
            .is_empty()
    );
    assert!(
        w.app
            .incidents(&pablo, "barrio")
            .await
            .unwrap()
            .records
            .is_empty()
    );
    assert!(matches!(
        w.app.incidents(&other_legal, "barrio").await,
        Err(AppError::Forbidden)
    ));
    w.finish().await;
}

#[tokio::test]
async fn a_refused_upload_leaves_nothing_behind() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let id = w
        .app
        .file_incident(&lupe, "barrio", account())
        .await
        .unwrap();
    let video = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom".to_vec();
    let broken = samples::jpeg_with_metadata()[..300].to_vec();
    for (files, error) in [
        (vec![samples::plain_jpeg(), video], EvidenceError::Video),
        (vec![samples::plain_png(), broken], EvidenceError::Broken),
    ] {
        assert!(matches!(
            w.app.add_evidence(&lupe, "barrio", id.as_str(), &files).await,
            Err(AppError::Evidence(e)) if e == error
        ));
    }
    let too_many = vec![samples::plain_png(); FILES_MAX + 1];
    assert!(matches!(
        w.app
            .add_evidence(&lupe, "barrio", id.as_str(), &too_many)
            .await,
        Err(AppError::Evidence(EvidenceError::RecordFull))
    ));
    assert!(dump(&w.db, "incident_evidence").await.is_empty());
    w.finish().await;
}

#[tokio::test]
async fn deleting_a_record_deletes_its_photos() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    let lawyer = w.join("barrio", Role::Legal, "licenciada").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let id = w
        .app
        .file_incident(&lupe, "barrio", account())
        .await
        .unwrap();
    w.app
        .add_evidence(
            &lupe,
            "barrio",
            id.as_str(),
            &[samples::plain_webp(), samples::plain_jpeg()],
        )
        .await
        .unwrap();
    let view = w.app.incident(&lupe, "barrio", id.as_str()).await.unwrap();
    w.app
        .delete_evidence(&lupe, "barrio", id.as_str(), view.files[0].id.as_str())
        .await
        .unwrap();
    assert_eq!(dump(&w.db, "incident_evidence").await.len(), 1);
    w.app
        .delete_incident(&lawyer, "barrio", id.as_str())
        .await
        .unwrap();
    assert!(dump(&w.db, "incident").await.is_empty());
    assert!(dump(&w.db, "incident_evidence").await.is_empty());
    w.finish().await;
}

/// The files of a decrypted export.
fn untar(tar: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut archive = tar::Archive::new(tar);
    let mut files = HashMap::new();
    for entry in archive.entries().unwrap() {
        let mut entry = entry.unwrap();
        let name = entry.path().unwrap().to_string_lossy().into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).unwrap();
        files.insert(name, data);
    }
    files
}

fn check_bundle(files: &HashMap<String, Vec<u8>>, hashes: &[String]) {
    let account = String::from_utf8(files["account.txt"].clone()).unwrap();
    assert!(account.contains("Two agents in plain clothes") && account.contains("Don Tomás"));
    let sums = String::from_utf8(files["SHA256SUMS"].clone()).unwrap();
    let mut listed = 0;
    for line in sums.lines() {
        let (hash, name) = line.split_once("  ").unwrap();
        assert_eq!(sha256_hex(&files[name]), hash, "{name}");
        assert!(hashes.contains(&hash.to_string()));
        assert_eq!(metadata_left(&files[name]), Vec::<String>::new());
        listed += 1;
    }
    assert_eq!(listed, hashes.len());
}

#[tokio::test]
async fn an_export_for_a_lawyer_s_age_key_holds_the_account_and_photos_whose_hashes_match() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    let lawyer = w.join("barrio", Role::Legal, "licenciada").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let id = w
        .app
        .file_incident(&lupe, "barrio", account())
        .await
        .unwrap();
    w.app
        .add_evidence(
            &lupe,
            "barrio",
            id.as_str(),
            &[samples::jpeg_with_metadata(), samples::webp_with_metadata()],
        )
        .await
        .unwrap();
    let hashes: Vec<String> = w
        .app
        .incident(&lupe, "barrio", id.as_str())
        .await
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.sha256)
        .collect();
    let identity = age::x25519::Identity::generate();
    let key = ExportKey::Recipient(identity.to_public().to_string());

    let export = w
        .app
        .export_incident(&lawyer, "barrio", id.as_str(), &key, &KeyWords)
        .await
        .unwrap();

    assert!(export.bytes.starts_with(b"age-encryption.org/v1"));
    assert!(!export.bytes.windows(10).any(|w| w == b"Two agents"));
    let tar = age::decrypt(&identity, &export.bytes).unwrap();
    check_bundle(&untar(&tar), &hashes);
    let wrong = age::x25519::Identity::generate();
    assert!(age::decrypt(&wrong, &export.bytes).is_err());
    w.finish().await;
}

#[tokio::test]
async fn an_export_to_a_passphrase_opens_with_that_passphrase_and_a_bad_key_is_refused() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let id = w
        .app
        .file_incident(&lupe, "barrio", account())
        .await
        .unwrap();
    w.app
        .add_evidence(
            &lupe,
            "barrio",
            id.as_str(),
            &[samples::png_with_metadata()],
        )
        .await
        .unwrap();
    let hashes: Vec<String> = w
        .app
        .incident(&lupe, "barrio", id.as_str())
        .await
        .unwrap()
        .files
        .into_iter()
        .map(|f| f.sha256)
        .collect();
    let passphrase = SecretString::from("correct horse battery staple for Ruiz".to_string());
    let key = ExportKey::Passphrase(passphrase.expose_secret().to_string());

    let export = w
        .app
        .export_incident(&lupe, "barrio", id.as_str(), &key, &KeyWords)
        .await
        .unwrap();

    let tar = age::decrypt(&age::scrypt::Identity::new(passphrase), &export.bytes).unwrap();
    check_bundle(&untar(&tar), &hashes);
    for bad in [
        ExportKey::Recipient("age1notakey".into()),
        ExportKey::Recipient("ssh-ed25519 AAAA".into()),
    ] {
        assert!(matches!(
            w.app
                .export_incident(&lupe, "barrio", id.as_str(), &bad, &KeyWords)
                .await,
            Err(AppError::ExportKey)
        ));
    }
    assert!(matches!(
        w.app
            .export_incident(
                &lupe,
                "barrio",
                id.as_str(),
                &ExportKey::Passphrase("short".into()),
                &KeyWords
            )
            .await,
        Err(AppError::Passphrase(_))
    ));
    w.finish().await;
}
