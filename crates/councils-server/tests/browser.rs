//! Browser tests: the main journeys in real Chromium (Debian's `chromium` and `chromium-driver`),
//! axe-core on every main page in both languages, and screenshots for `docs/screenshots`.
//!
//! Each test starts its own chromedriver on a free loopback port and a headless Chromium with a
//! fresh profile, and ends both. Without the browser the tests say SKIPPED (and fail under
//! `CI=true`). axe-core comes from `tests/browser/node_modules` (`npm ci --prefix tests/browser`),
//! never from a CDN. With `COUNCILS_SCREENSHOTS=<folder>` the tour of the main pages saves PNGs
//! there, at phone and desktop width, in English and Spanish: `council-es-phone.png`.

// Shared with the other browser tests, which use parts this one does not.
#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;
#[path = "browser/world.rs"]
mod world;

use councils_domain::{CouncilKind, Role};
use councils_testkit::{PASSPHRASE, TestApp};
use driver::*;
use world::*;

/// The pages the tour photographs (the others it only checks), to keep the folder small.
const PHOTOGRAPHED: [&str; 8] = [
    "landing",
    "sign-in",
    "join",
    "councils",
    "council",
    "federation",
    "minutes",
    "account",
];

// ---------------------------------------------------------------------------------------------
// The journeys.

/// An organiser asks for one vouch and invites; a newcomer opens the link, reads it in Spanish,
/// joins and waits; the organiser vouches; the newcomer then sees the members and the city
/// council above the committee, and signing out ends the session.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_invited_in_spanish_is_vouched_in_and_sees_the_federation() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let ana = app
        .found("los-angeles", CouncilKind::CityCouncil, "ana")
        .await;
    name(
        &app,
        &ana,
        "los-angeles",
        [
            ("Los Angeles City Council", ""),
            ("Consejo de la Ciudad de Los Ángeles", ""),
        ],
        0,
    )
    .await;
    link(&app, &rosa, "garment", &ana, "los-angeles").await;

    // The organiser signs in through the page and asks for one vouch, naming the council in
    // Spanish too.
    let organiser = driver.browser(&app.url).await;
    organiser.sign_in("rosa").await;
    organiser.open("/c/garment").await;
    organiser.click("a[href='/c/garment/settings']").await;
    organiser.fill("#name_es", "Comité de la confección").await;
    organiser.fill("#vouches_required", "1").await;
    organiser
        .submit("form[action='/c/garment/settings'] button[type=submit]")
        .await;
    organiser
        .wait_for("form[action='/c/garment/invitations']")
        .await;

    // It makes an invitation for a member and reads the link from the page.
    organiser
        .find("#invite-role")
        .await
        .select_by_value("member")
        .await
        .expect("the member role is offered");
    organiser
        .submit("form[action='/c/garment/invitations'] button[type=submit]")
        .await;
    let link = organiser.text("#invitation-link").await;
    let path = link
        .strip_prefix(&app.url)
        .unwrap_or_else(|| panic!("the link {link} points at this instance"))
        .to_string();
    assert!(path.starts_with("/join/"), "{link}");
    organiser.sign_out().await;

    // The newcomer opens it, switches to Spanish and joins.
    let newcomer = driver.browser(&app.url).await;
    newcomer.open(&path).await;
    assert_eq!(newcomer.lang().await, "en");
    newcomer.switch_language("es").await;
    assert!(newcomer.url_path().await.starts_with("/join/"));
    assert_eq!(newcomer.text("h1").await, "Unirse");
    newcomer.fill("#handle", "lucia").await;
    newcomer.fill("#passphrase", PASSPHRASE).await;
    newcomer
        .submit("form[action^='/join/'] button[type=submit]")
        .await;
    newcomer.wait_for("a[href='/c/garment']").await;
    assert_eq!(newcomer.lang().await, "es");
    assert_eq!(newcomer.text("h1").await, "Mis consejos");
    assert!(newcomer.body().await.contains("pendiente"));
    newcomer.click("a[href='/c/garment']").await;
    newcomer.wait_for("a[href='/c/garment/federation']").await;
    assert_eq!(newcomer.text("h1").await, "Comité de la confección");
    assert!(newcomer.body().await.contains(
        "Eres miembro pendiente: cuando suficientes miembros te avalen, verás a los miembros"
    ));
    assert!(
        !newcomer.body().await.contains("rosa"),
        "a pending member sees no members"
    );

    // The organiser signs in again in their own browser and vouches.
    organiser.sign_in("rosa").await;
    organiser.open("/c/garment").await;
    let vouch =
        "//li[.//strong[normalize-space()='lucia']]//form[contains(@action,'/vouch')]//button";
    organiser.click_xpath(vouch).await;
    organiser
        .wait_for_xpath(
            "//li[.//strong[normalize-space()='lucia']][not(.//*[contains(@class,'pending')])]",
        )
        .await;
    assert!(
        organiser.find_all_xpath(vouch).await.is_empty(),
        "vouched once, no button left"
    );

    // The newcomer is now a member: the members, in Spanish, and the city council above.
    newcomer.open("/c/garment").await;
    let body = newcomer.body().await;
    assert!(!body.contains("Eres miembro pendiente"), "{body}");
    let members = newcomer.texts("li[id^='member-'] strong").await;
    for handle in ["rosa", "ana", "lucia"] {
        assert!(
            members.iter().any(|m| m == handle),
            "{handle} among the members: {members:?}"
        );
    }
    assert!(
        newcomer
            .texts("h2")
            .await
            .contains(&"3 miembros".to_string())
    );
    newcomer.click("a[href='/c/garment/federation']").await;
    let up = newcomer.text("section.card").await;
    assert_eq!(newcomer.text("h1").await, "Federación");
    assert!(up.contains("Arriba"), "{up}");
    assert!(up.contains("Consejo de la Ciudad de Los Ángeles"), "{up}");
    assert!(up.contains("consejo de ciudad"), "{up}");
    assert_eq!(newcomer.lang().await, "es");

    // Signing out ends the session: my councils asks to sign in again.
    newcomer.sign_out().await;
    newcomer.open("/councils").await;
    newcomer.wait_for("form[action='/sign-in']").await;
    assert_eq!(newcomer.url_path().await, "/sign-in");
    assert_eq!(newcomer.text("h1").await, "Entrar");

    organiser.close().await;
    newcomer.close().await;
    app.stop().await;
}

/// A page on another site posts a form to the instance while the member is signed in: the
/// instance answers 403 with the refusal in words, and the account is still there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_posted_from_another_site_is_refused_and_changes_nothing() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;

    // Another site: `localhost` while the instance is on 127.0.0.1, so a different site.
    let page = format!(
        "<!doctype html><html lang=\"en\"><title>Prize</title><body>\
         <form method=\"post\" action=\"{url}/account/delete\">\
         <input type=\"hidden\" name=\"passphrase\" value=\"{PASSPHRASE}\">\
         <button id=\"delete\" type=\"submit\">Win a prize</button></form>\
         <form method=\"post\" action=\"{url}/c/garment/invitations\">\
         <input type=\"hidden\" name=\"role\" value=\"organiser\">\
         <button id=\"invite\" type=\"submit\">Another prize</button></form></body></html>",
        url = app.url
    );
    let other = OtherSite::serve(page).await;

    let browser = driver.browser(&app.url).await;
    browser.sign_in("rosa").await;
    for (button, target) in [
        ("#delete", "/account/delete"),
        ("#invite", "/c/garment/invitations"),
    ] {
        browser.goto_absolute(&other.url).await;
        browser.click(button).await;
        browser.wait_for("p.error").await;
        assert_eq!(browser.url_path().await, target);
        assert_eq!(browser.status().await, 403, "the instance refuses the post");
        assert_eq!(
            browser.text("p.error").await,
            "This form was sent from another site and was refused."
        );
        assert!(browser.body().await.contains("csrf-refused"));
    }

    // Nothing changed: rosa's account is there, she is still signed in, and her passphrase
    // still opens it.
    browser.open("/account").await;
    assert_eq!(browser.text("h1").await, "Account");
    assert_eq!(browser.text("header .handle").await, "rosa");
    browser.sign_out().await;
    browser.sign_in("rosa").await;

    browser.close().await;
    other.stop();
    app.stop().await;
}

/// Every main page, in English and in Spanish, has no serious or critical accessibility
/// violation that axe-core finds; with `COUNCILS_SCREENSHOTS` set, the tour is photographed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_main_page_passes_axe_in_both_languages() {
    let Some(axe) = axe_source() else {
        return;
    };
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let world = realistic_federation(&app).await;
    let join = app
        .app()
        .invite_as_operator("garment", Role::Member)
        .await
        .expect("an invitation");
    let join_path = format!("/join/{}", TestApp::token_of(&join.url));
    let shots = screenshot_folder();
    let browser = driver.browser(&app.url).await;
    let mut violations = Vec::new();

    for language in ["en", "es"] {
        // Signed out.
        browser.open("/").await;
        browser.switch_language(language).await;
        let signed_out: [(&str, &str); 4] = [
            ("landing", "/"),
            ("sign-in", "/sign-in"),
            ("join", &join_path),
            ("error", "/join/not-a-real-invitation"),
        ];
        for (name, path) in signed_out {
            browser.open(path).await;
            assert_eq!(browser.lang().await, language, "{path}");
            if let (Some(folder), true) = (&shots, PHOTOGRAPHED.contains(&name)) {
                browser.screenshots(folder, name, language).await;
            }
            violations.extend(browser.axe(&axe, name, language).await);
        }

        // A form shown again with its error.
        browser.open("/sign-in").await;
        browser.fill("#handle", "rosa").await;
        browser.fill("#passphrase", "not her passphrase").await;
        browser
            .submit("form[action='/sign-in'] button[type=submit]")
            .await;
        browser.wait_for("p.error").await;
        violations.extend(browser.axe(&axe, "sign-in-error", language).await);

        // Signed in as the organiser of the garment workers' committee.
        browser.sign_in(&world.organiser.handle).await;
        browser.switch_language(language).await;
        let signed_in = [
            ("councils", "/councils"),
            ("council", "/c/garment"),
            ("federation", "/c/garment/federation"),
            ("minutes", "/c/garment/minutes"),
            ("settings", "/c/garment/settings"),
            ("account", "/account"),
            ("council-new", "/councils/new"),
        ];
        for (name, path) in signed_in {
            browser.open(path).await;
            assert_eq!(browser.lang().await, language, "{path}");
            if let (Some(folder), true) = (&shots, PHOTOGRAPHED.contains(&name)) {
                browser.screenshots(folder, name, language).await;
            }
            // After the screenshots: axe opens every folded section.
            violations.extend(browser.axe(&axe, name, language).await);
        }
        // A member's page, where the organiser manages roles.
        browser.open("/c/garment").await;
        browser.click("li[id^='member-'] a").await;
        browser.wait_for("form[action$='/remove']").await;
        assert_eq!(browser.lang().await, language, "member page");
        violations.extend(browser.axe(&axe, "member", language).await);
        browser.open("/c/garment").await;
        browser
            .submit("form[action='/c/garment/invitations'] button[type=submit]")
            .await;
        browser.wait_for("#invitation-link").await;
        violations.extend(browser.axe(&axe, "invitation", language).await);
        browser.sign_out().await;
    }

    browser.close().await;
    app.stop().await;
    assert!(
        violations.is_empty(),
        "serious or critical accessibility violations:\n{}",
        violations.join("\n")
    );
}
