//! Browser test of emergency plans and incident records in real Chromium: a member writes her
//! plan and tests it (her contacts get mails marked as a test, one each); she files an
//! incident record and uploads a photo carrying GPS in its EXIF; the committee's legal member
//! opens the record and the photo she downloads has no metadata left, and the hash shown is
//! the hash of what she downloaded.
//!
//! The server here is the test app's own router, served on loopback with a mailer that records
//! what it is given (the instance's SMTP adapter is tested on its own).

#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use async_trait::async_trait;
use councils_app::ports::{Mail, MailError, Mailer, NoNotifier};
use councils_domain::evidence::samples::{jpeg_with_metadata, metadata_left};
use councils_domain::evidence::sha256_hex;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use councils_web::WebState;
use driver::*;
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct RecordingMailer(Mutex<Vec<Mail>>);

#[async_trait]
impl Mailer for RecordingMailer {
    async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        self.0.lock().unwrap().push(mail.clone());
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_tests_her_plan_and_the_legal_member_downloads_her_photo_without_its_gps() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("barrio", CouncilKind::NeighbourhoodCommittee, "rosa")
        .await;
    app.join("barrio", Role::Member, "lupe", Language::Es).await;
    app.join("barrio", Role::Legal, "licenciada", Language::En)
        .await;
    let mailer = Arc::new(RecordingMailer::default());
    let wired = app
        .app()
        .clone()
        .with_delivery(Arc::new(NoNotifier), mailer.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let server = tokio::spawn(async move {
        axum::serve(listener, councils_web::router(WebState::new(wired)))
            .await
            .unwrap();
    });

    // Lupe writes her plan, in Spanish, and tests it.
    let lupe = driver.browser(&base).await;
    lupe.sign_in("lupe").await;
    lupe.click("a[href='/plan']").await;
    assert_eq!(lupe.lang().await, "es");
    lupe.fill(
        "#message",
        "Soy Lupe. Llamen a la licenciada Ruiz y recojan a Sofi.",
    )
    .await;
    lupe.fill("#contacts", "hermana@example.org\nvecina@example.org")
        .await;
    lupe.client
        .find(fantoccini::Locator::Css("#council option[value='barrio']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    lupe.submit("#plan-form button[type=submit]").await;
    lupe.wait_for("#detained").await;
    lupe.click("#test-plan").await;
    let sent = lupe.text("#sent").await;
    assert!(sent.contains("2 de 2"), "{sent}");
    {
        let mails = mailer.0.lock().unwrap();
        let to: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
        assert_eq!(to, ["hermana@example.org", "vecina@example.org"]);
        for mail in mails.iter() {
            assert!(
                mail.subject.starts_with("PRUEBA — esto es una prueba"),
                "{}",
                mail.subject
            );
            assert!(mail.body.contains("licenciada Ruiz"));
        }
    }
    // The big button asks first, on a page of its own.
    lupe.open("/plan").await;
    lupe.click("#detained").await;
    lupe.wait_for("#confirm-send").await;

    // She files a record and uploads a photo with GPS in it.
    lupe.open("/c/barrio/incidents").await;
    lupe.click("#new-incident").await;
    lupe.fill(
        "#what",
        "Dos agentes preguntaron por Luis en la puerta; no abrimos.",
    )
    .await;
    lupe.fill("#when", "2026-11-28 07:30").await;
    lupe.fill("#place", "Calle 1 y Soto").await;
    lupe.submit("#incident-form button[type=submit]").await;
    lupe.wait_for("#upload").await;
    let photo = tempfile::Builder::new().suffix(".jpg").tempfile().unwrap();
    let original = jpeg_with_metadata();
    assert!(metadata_left(&original).contains(&"GPS".to_string()));
    std::fs::write(photo.path(), &original).unwrap();
    lupe.find("#photos")
        .await
        .send_keys(&photo.path().display().to_string())
        .await
        .unwrap();
    lupe.submit("#upload button[type=submit]").await;
    lupe.wait_for("#photo-list li").await;
    let record = lupe.url_path().await;
    lupe.close().await;

    // The legal member finds it and downloads the photo.
    let legal = driver.browser(&base).await;
    legal.sign_in("licenciada").await;
    legal.open("/c/barrio/incidents").await;
    legal.click("#incidents a").await;
    assert_eq!(legal.url_path().await, record);
    assert!(
        legal
            .text("#account")
            .await
            .contains("preguntaron por Luis")
    );
    let href = legal
        .find("#photo-list li a")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    let shown_hash = legal.text("#photo-list code.hash").await;
    let bytes = legal
        .client
        .execute_async(
            "const [url, done] = arguments; \
             fetch(url).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))));",
            vec![serde_json::json!(href)],
        )
        .await
        .unwrap();
    let downloaded: Vec<u8> = serde_json::from_value(bytes).unwrap();
    assert!(downloaded.starts_with(&[0xFF, 0xD8]), "a JPEG");
    assert_eq!(metadata_left(&downloaded), Vec::<String>::new());
    assert_eq!(shown_hash, sha256_hex(&downloaded));
    legal.close().await;
    server.abort();
    app.stop().await;
}
