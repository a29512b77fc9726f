//! Rapid response in real Chromium: a member files a report; the verifier's open page shows
//! it live; the verifier takes and confirms it; two responders' open pages (one in Spanish)
//! show the alert without a reload and they answer "on my way"; the reporter and the verifier
//! see who is coming; the all-clear closes it; a false alarm reaches no responder. With
//! `COUNCILS_SCREENSHOTS`, the responder's alert page in both languages.

// Shared with the other browser tests, which use more of it.
#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_app::Actor;
use councils_domain::report::{Decision, FactsDraft};
use councils_domain::{CouncilKind, Language, ReportId, Role};
use councils_testkit::TestApp;
use driver::*;

/// Marks the page so that a reload (which would forget the mark) can be told apart from a
/// live change.
async fn mark(browser: &Browser) {
    browser
        .client
        .execute("window.notReloaded = true; return true;", vec![])
        .await
        .expect("mark the page");
}

async fn still_marked(browser: &Browser) -> bool {
    browser
        .client
        .execute("return window.notReloaded === true;", vec![])
        .await
        .expect("read the mark")
        .as_bool()
        .unwrap_or(false)
}

async fn attribute(browser: &Browser, css: &str, name: &str) -> Option<String> {
    browser
        .find(css)
        .await
        .attr(name)
        .await
        .expect("an attribute")
}

/// A report filed to boyle through the use case the report form calls.
async fn filed(app: &TestApp, reporter: &Actor, what: &str) -> ReportId {
    app.app()
        .file_report(
            reporter,
            "boyle",
            &FactsDraft {
                what: what.into(),
                place: "Mott St & 1st St".into(),
                source: "told-by-someone".into(),
                ..Default::default()
            },
        )
        .await
        .expect("a report filed")
}

/// Waits until the live stream of the page is open.
async fn connected(browser: &Browser) {
    browser.wait_for("[data-live][data-connected='true']").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_confirmed_report_reaches_responders_live_and_a_false_alarm_reaches_none() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("boyle", CouncilKind::NeighbourhoodCommittee, "olga")
        .await;
    let vera_member = app
        .join("boyle", Role::Verifier, "vera", Language::En)
        .await;
    app.join("boyle", Role::Responder, "rita", Language::En)
        .await;
    app.join("boyle", Role::Responder, "rosa", Language::Es)
        .await;
    let mateo_member = app.join("boyle", Role::Member, "mateo", Language::En).await;

    let vera = driver.browser(&app.url).await;
    let rita = driver.browser(&app.url).await;
    let rosa = driver.browser(&app.url).await;
    let mateo = driver.browser(&app.url).await;
    for (browser, handle) in [
        (&vera, "vera"),
        (&rita, "rita"),
        (&rosa, "rosa"),
        (&mateo, "mateo"),
    ] {
        browser.sign_in(handle).await;
    }
    for browser in [&vera, &rita, &rosa] {
        browser.open("/c/boyle/alerts").await;
        connected(browser).await;
        mark(browser).await;
    }
    assert_eq!(rosa.text("h1").await, "Respuesta rápida");

    // mateo files a report from the committee's page.
    mateo.open("/c/boyle").await;
    mateo.click("a[href='/c/boyle/alerts']").await;
    mateo.click("a[href='/c/boyle/reports/new']").await;
    mateo
        .fill(
            "#what",
            "Two unmarked vans, agents asking people for papers",
        )
        .await;
    mateo.fill("#place", "Cesar Chavez Ave & Soto St").await;
    mateo.fill("#officers", "4").await;
    mateo.fill("#vehicles", "2").await;
    mateo.click("#agency option[value='ice']").await;
    if let Some(folder) = screenshot_folder() {
        mateo.screenshots(&folder, "report-new", "en").await;
    }
    mateo.submit("form.report-form button[type=submit]").await;
    mateo.wait_for("#report-live").await;
    let path = mateo.url_path().await;
    let id = path
        .strip_prefix("/reports/")
        .expect("the report's page")
        .to_string();
    connected(&mateo).await;
    mark(&mateo).await;
    assert_eq!(mateo.text("#report-state").await, "Waiting for a verifier");

    // The verifier's open queue shows it without a reload, with a visible cue.
    let card = format!("#report-{id}");
    vera.wait_for(&card).await;
    assert!(still_marked(&vera).await, "shown live, not by a reload");
    assert!(
        vera.text("#live-cue")
            .await
            .contains("Cesar Chavez Ave & Soto St")
    );
    assert_eq!(
        attribute(&vera, "#report-list", "data-cues")
            .await
            .as_deref(),
        Some("1")
    );
    assert!(rita.texts(&card).await.is_empty(), "not yet for responders");

    // She goes to see, and confirms.
    vera.click(&format!("{card} a")).await;
    vera.submit("#take").await;
    vera.wait_for("form[action$='/verification']").await;
    assert_eq!(vera.text("#report-state").await, "A verifier is going");
    vera.fill(
        "#note",
        "Saw the vans myself, agents at the laundromat door",
    )
    .await;
    vera.submit("#confirm").await;
    vera.wait_for("#close").await;
    connected(&vera).await;
    mark(&vera).await;

    // Both responders' open pages show the alert live, each in their language.
    rita.wait_for(&card).await;
    rosa.wait_for(&card).await;
    for browser in [&rita, &rosa] {
        assert!(still_marked(browser).await, "no reload");
        assert_eq!(
            attribute(browser, "#report-list", "data-cues")
                .await
                .as_deref(),
            Some("1")
        );
        assert!(!browser.text("#live-cue").await.is_empty(), "a visible cue");
    }
    assert!(rita.text(&card).await.contains("Confirmed alert"));
    assert!(rita.text(&card).await.contains("4 officers"));
    let rosa_card = rosa.text(&card).await;
    assert!(rosa_card.contains("Alerta confirmada"), "{rosa_card}");
    assert!(rosa_card.contains("4 agentes · 2 vehículos"), "{rosa_card}");
    if let Some(folder) = screenshot_folder() {
        rita.screenshots(&folder, "alert-queue", "en").await;
        rosa.screenshots(&folder, "alert-queue", "es").await;
    }

    // They answer "on my way", each in a role.
    rita.click(&format!("{card} a")).await;
    rita.submit("#respond button[value='documentation']").await;
    rita.wait_for("#respond button[aria-pressed='true'][value='documentation']")
        .await;
    rosa.click(&format!("{card} a")).await;
    assert_eq!(rosa.text("#report-state").await, "Alerta confirmada");
    rosa.submit("#respond button[value='legal-observer']").await;
    rosa.wait_for("#respond button[aria-pressed='true'][value='legal-observer']")
        .await;
    if let Some(folder) = screenshot_folder() {
        rita.screenshots(&folder, "alert-responder", "en").await;
        rosa.screenshots(&folder, "alert-responder", "es").await;
    }

    // The reporter's and the verifier's open pages show who is coming, without a reload.
    for browser in [&mateo, &vera] {
        browser
            .wait_for_xpath("//section[@id='coming']//li[contains(., 'rosa')]")
            .await;
        assert!(still_marked(browser).await, "live, not reloaded");
        let coming = browser.texts("#coming li").await;
        assert_eq!(
            coming,
            vec!["rita · Documentation", "rosa · Legal observer"],
            "{coming:?}"
        );
    }
    assert_eq!(mateo.text("#report-state").await, "Confirmed alert");

    // The all-clear closes it, and the responders' open pages say so.
    rita.wait_for("#report-live[data-connected='true']").await;
    mark(&rita).await;
    vera.fill("#outcome-text", "They left after an hour; nobody was taken")
        .await;
    vera.submit("#close button").await;
    vera.wait_for("#outcome").await;
    rita.wait_for_xpath("//span[@id='report-state'][.='All clear']")
        .await;
    assert!(still_marked(&rita).await);
    assert!(rita.text("#outcome").await.contains("nobody was taken"));
    assert!(
        rita.texts("#respond").await.is_empty(),
        "no one answers a closed alert"
    );
    rosa.open(&path).await;
    assert_eq!(rosa.text("#report-state").await, "Fin de la alerta");

    // A false alarm reaches no responder: rita's open queue hears nothing of it, and the next
    // confirmed alert is the first thing it shows.
    rita.open("/c/boyle/alerts").await;
    connected(&rita).await;
    mark(&rita).await;
    mateo.open("/c/boyle/reports/new").await;
    mateo
        .fill("#what", "A police car parked by the school")
        .await;
    mateo.fill("#place", "Breed St & 4th St").await;
    mateo.submit("form.report-form button[type=submit]").await;
    mateo.wait_for("#report-live").await;
    let false_alarm = mateo
        .url_path()
        .await
        .strip_prefix("/reports/")
        .unwrap()
        .to_string();
    vera.open(&format!("/reports/{false_alarm}")).await;
    vera.submit("#false-alarm").await;
    vera.wait_for_xpath("//span[@id='report-state'][.='False alarm']")
        .await;

    let reporter = app.actor(&mateo_member).await;
    let verifier = app.actor(&vera_member).await;
    let next = filed(&app, &reporter, "Agents at a door").await;
    app.app()
        .verify_report(&verifier, next.as_str(), Decision::Confirm, "")
        .await
        .unwrap();
    rita.wait_for(&format!("#report-{next}")).await;
    assert!(still_marked(&rita).await);
    assert!(
        rita.texts(&format!("#report-{false_alarm}"))
            .await
            .is_empty(),
        "the false alarm never reached the responder's page"
    );
    assert_eq!(
        attribute(&rita, "#report-list", "data-cues")
            .await
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        rita.status().await,
        200,
        "the responder's page is still the queue it opened"
    );

    // Every rapid-response page, and the emergency plan and know-your-rights pages, pass
    // axe-core in both languages.
    if let Some(axe) = axe_source() {
        let mut violations = Vec::new();
        for language in ["en", "es"] {
            vera.open("/c/boyle/alerts").await;
            vera.switch_language(language).await;
            let pages = [
                ("alerts", "/c/boyle/alerts".to_string()),
                ("report-new", "/c/boyle/reports/new".to_string()),
                ("alert", format!("/reports/{id}")),
                ("false-alarm", format!("/reports/{false_alarm}")),
                ("plan", "/plan".to_string()),
                ("rights", "/c/boyle/rights".to_string()),
            ];
            for (name, path) in pages {
                vera.open(&path).await;
                assert_eq!(vera.status().await, 200, "{path}");
                assert_eq!(vera.lang().await, language, "{path}");
                violations.extend(vera.axe(&axe, name, language).await);
            }
        }
        assert!(
            violations.is_empty(),
            "serious or critical accessibility violations:\n{}",
            violations.join("\n")
        );
    }

    for browser in [vera, rita, rosa, mateo] {
        browser.close().await;
    }
    app.stop().await;
}

/// A responder's phone loses its connection while a report is confirmed: the alert reaches
/// no open stream then, and the page shows it once it is back, without a reload.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_alert_raised_while_a_responder_was_offline_shows_when_the_page_reconnects() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("boyle", CouncilKind::NeighbourhoodCommittee, "olga")
        .await;
    let vera = app
        .join("boyle", Role::Verifier, "vera", Language::En)
        .await;
    app.join("boyle", Role::Responder, "rosa", Language::Es)
        .await;
    let mateo = app.join("boyle", Role::Member, "mateo", Language::En).await;
    let link = councils_testkit::link::FlakyLink::start(&app.url).await;
    let rosa = driver.browser(&link.url).await;
    rosa.sign_in("rosa").await;
    rosa.open("/c/boyle/alerts").await;
    connected(&rosa).await;
    mark(&rosa).await;

    let (reporter, verifier) = (app.actor(&mateo).await, app.actor(&vera).await);
    let report = filed(&app, &reporter, "Agents at a door").await;
    app.app()
        .take_report(&verifier, report.as_str())
        .await
        .unwrap();

    link.offline();
    rosa.wait_for("[data-live][data-connected='false']").await;
    app.app()
        .verify_report(&verifier, report.as_str(), Decision::Confirm, "")
        .await
        .unwrap();
    let card = format!("#report-{report}");
    assert!(rosa.texts(&card).await.is_empty(), "nothing reached her");

    link.online();
    rosa.wait_for(&card).await;
    assert!(still_marked(&rosa).await, "read again, not reloaded");
    assert_eq!(
        attribute(&rosa, "#report-list", "data-resyncs")
            .await
            .as_deref(),
        Some("1")
    );
    assert_eq!(
        attribute(&rosa, "#report-list", "data-cues")
            .await
            .as_deref(),
        Some("1"),
        "the alert she missed gets the cue"
    );
    assert!(rosa.text(&card).await.contains("Alerta confirmada"));
    assert!(!rosa.text("#live-cue").await.is_empty(), "a visible cue");

    rosa.close().await;
    app.stop().await;
}
