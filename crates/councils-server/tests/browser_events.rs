//! Browser test of a protest in real Chromium: an organiser calls it from the committee's
//! page with roles needed and shares it with the city; a member signs up as a marshal and
//! the gap shrinks; a member reading Spanish and a member of the city say they are coming;
//! the organiser posts an update and both attendees' open pages show it without a reload.

#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use driver::*;

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

/// Sets a field's value as the browser's own date picker would (typing into a
/// datetime-local field depends on the locale's order of day and month).
async fn set(browser: &Browser, id: &str, value: &str) {
    browser
        .client
        .execute(
            "document.getElementById(arguments[0]).value = arguments[1]; return true;",
            vec![id.into(), value.into()],
        )
        .await
        .expect("set a field");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_protest_fills_its_roles_and_an_update_reaches_open_pages_without_reload() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let cityorg = app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa_member = app
        .found("barrio", CouncilKind::NeighbourhoodCommittee, "rosa")
        .await;
    app.join("barrio", Role::Member, "pablo", Language::En)
        .await;
    app.join("barrio", Role::Member, "lupe", Language::Es).await;
    app.join("city", Role::Member, "carmen", Language::En).await;
    let a = app.app();
    a.request_link(&app.actor(&rosa_member).await, "barrio", "city")
        .await
        .unwrap();
    a.accept_link(&app.actor(&cityorg).await, "city", "barrio")
        .await
        .unwrap();

    // Rosa calls the march from her committee's page.
    let rosa = driver.browser(&app.url).await;
    rosa.sign_in("rosa").await;
    rosa.open("/c/barrio").await;
    rosa.click("#council-events").await;
    rosa.click("#new-event").await;
    rosa.fill("#title", "March for the Nine").await;
    set(&rosa, "starts", "2030-01-12T10:00").await;
    set(&rosa, "ends", "2030-01-12T13:00").await;
    rosa.fill("#place", "Mariachi Plaza to City Hall").await;
    rosa.fill("#languages", "English, Spanish").await;
    rosa.fill("#accessibility", "Step-free route; a van follows")
        .await;
    rosa.fill("#need-marshal", "2").await;
    rosa.fill("#need-medic", "1").await;
    rosa.click("input[name=share][value=city]").await;
    if let Some(folder) = screenshot_folder() {
        rosa.screenshots(&folder, "event-new", "en").await;
    }
    rosa.submit("#event-form button[type=submit]").await;
    rosa.wait_for("#event-live").await;
    let path = rosa.url_path().await;
    assert!(path.starts_with("/events/"), "{path}");
    assert_eq!(rosa.text("#event-title").await, "March for the Nine");
    assert_eq!(
        rosa.text("#event-when").await,
        "2030-01-12 10:00 – 13:00 (UTC-08:00)"
    );
    assert_eq!(rosa.text("#role-marshal .gap").await, "2 more");

    // Pablo signs up as a marshal; the gap shrinks.
    let pablo = driver.browser(&app.url).await;
    pablo.sign_in("pablo").await;
    pablo.open("/c/barrio/events").await;
    pablo.click(".event-link").await;
    pablo.submit("#take-marshal").await;
    pablo.wait_for("#leave-marshal").await;
    assert_eq!(pablo.text("#role-marshal .signed").await, "1");
    assert_eq!(pablo.text("#role-marshal .gap").await, "1 more");
    assert_eq!(pablo.text("#role-medic .gap").await, "1 more");

    // Lupe, in Spanish, and Carmen, from the city, say they are coming.
    let lupe = driver.browser(&app.url).await;
    lupe.sign_in("lupe").await;
    lupe.open(&path).await;
    assert_eq!(lupe.lang().await, "es");
    assert_eq!(lupe.text("#role-marshal .gap").await, "falta 1");
    lupe.submit("#rsvp-yes").await;
    lupe.wait_for("#rsvp-no").await;
    let carmen = driver.browser(&app.url).await;
    carmen.sign_in("carmen").await;
    carmen.open("/c/city/events").await;
    assert!(
        carmen
            .text(".event-row")
            .await
            .contains("From Council barrio")
    );
    carmen.click(".event-link").await;
    carmen.submit("#rsvp-yes").await;
    carmen.wait_for("#rsvp-no").await;
    assert_eq!(carmen.text("#coming-count").await, "3 people are coming.");
    if let Some(folder) = screenshot_folder() {
        carmen.screenshots(&folder, "event", "en").await;
        lupe.open(&path).await;
        lupe.screenshots(&folder, "event", "es").await;
    }
    if let Some(source) = axe_source() {
        for (browser, language) in [(&carmen, "en"), (&lupe, "es")] {
            let violations = browser.axe(&source, "event", language).await;
            assert!(violations.is_empty(), "{violations:?}");
        }
    }

    // The attendees keep the page open; the organiser posts an update.
    for browser in [&lupe, &carmen] {
        browser.open(&path).await;
        browser.wait_for("[data-live][data-connected='true']").await;
        mark(browser).await;
    }
    rosa.open(&path).await;
    rosa.fill("#update-text", "Police closed 1st St: we go by 2nd St")
        .await;
    rosa.submit("#update-form button[type=submit]").await;
    rosa.wait_for(".event-update").await;
    for browser in [&lupe, &carmen] {
        browser
            .wait_for_xpath("//li[contains(@class,'event-update')][contains(., 'we go by 2nd St')]")
            .await;
        assert!(still_marked(browser).await, "shown live, not by a reload");
    }
    assert_eq!(lupe.text("#event-live h2").await, "Novedades");
    if let Some(folder) = screenshot_folder() {
        lupe.screenshots(&folder, "event-updated", "es").await;
    }
    // A plain reload shows it too.
    carmen.open(&path).await;
    assert!(
        carmen
            .text("#updates")
            .await
            .contains("Police closed 1st St")
    );
    for browser in [rosa, pablo, lupe, carmen] {
        browser.close().await;
    }
    app.stop().await;
}
