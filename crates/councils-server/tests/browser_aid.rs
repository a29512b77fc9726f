//! Browser test of mutual aid in real Chromium: a member posts a request for rides for a
//! detained neighbour's family (in Spanish); another member's offer in the same area is
//! shown against it; he answers it; she sees who answered and marks it met.

#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use driver::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_is_posted_answered_by_another_member_and_marked_met() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("barrio", CouncilKind::NeighbourhoodCommittee, "rosa")
        .await;
    app.join("barrio", Role::Member, "lupe", Language::Es).await;
    app.join("barrio", Role::Member, "pablo", Language::En)
        .await;

    // Pablo offers rides in Boyle Heights.
    let pablo = driver.browser(&app.url).await;
    pablo.sign_in("pablo").await;
    pablo.open("/c/barrio").await;
    pablo.click("#council-aid").await;
    pablo.click("#new-offer").await;
    pablo.click("#kind option[value='rides']").await;
    pablo.fill("#area", "Boyle Heights").await;
    pablo
        .fill("#details", "A van with seven seats, weekends")
        .await;
    pablo.submit("#aid-form button[type=submit]").await;
    pablo.wait_for("#aid-status").await;
    assert_eq!(pablo.text("#aid-status").await, "Open");

    // Lupe asks for rides for a detained neighbour's family.
    let lupe = driver.browser(&app.url).await;
    lupe.sign_in("lupe").await;
    lupe.open("/c/barrio/aid").await;
    assert_eq!(lupe.text("h1").await, "Ayuda mutua");
    lupe.click("#new-request").await;
    lupe.click("#kind option[value='rides']").await;
    lupe.fill("#area", "boyle heights").await;
    lupe.fill("#details", "Viajes a Adelanto el sábado para la visita")
        .await;
    lupe.click("#for-other").await;
    lupe.fill(
        "#for-whom",
        "La familia de un vecino detenido: su esposa y dos niños",
    )
    .await;
    if let Some(folder) = screenshot_folder() {
        lupe.screenshots(&folder, "aid-new", "es").await;
    }
    lupe.submit("#aid-form button[type=submit]").await;
    lupe.wait_for("#aid-status").await;
    let path = lupe.url_path().await;
    assert_eq!(lupe.text("#aid-status").await, "Abierto");
    assert!(
        lupe.text("#for-whom")
            .await
            .contains("su esposa y dos niños")
    );
    // Pablo's offer is shown against her request.
    assert_eq!(
        lupe.texts("#matches .aid-link").await,
        vec!["Boyle Heights"]
    );

    // Pablo finds it on the list (his offer shows one match) and answers it.
    pablo.open("/c/barrio/aid?kind=rides").await;
    let id = path.strip_prefix("/aid/").unwrap();
    pablo.click(&format!("#aid-{id} .aid-link")).await;
    assert!(pablo.text("#for-whom").await.contains("dos niños"));
    if let Some(folder) = screenshot_folder() {
        pablo.screenshots(&folder, "aid-request", "en").await;
    }
    pablo.submit("#aid-answer").await;
    pablo.wait_for("#aid-matcher").await;
    assert_eq!(pablo.text("#aid-status").await, "Matched");

    // Lupe sees who answered and marks it met.
    lupe.open(&path).await;
    assert_eq!(lupe.text("#aid-matcher").await, "pablo");
    lupe.submit("#aid-met").await;
    lupe.wait_for("#aid-deleted-on").await;
    assert_eq!(lupe.text("#aid-status").await, "Cumplido");
    if let Some(folder) = screenshot_folder() {
        lupe.screenshots(&folder, "aid-met", "es").await;
    }
    if let Some(source) = axe_source() {
        let violations = lupe.axe(&source, "aid", "es").await;
        assert!(violations.is_empty(), "{violations:?}");
    }
    // Met requests leave the open list.
    pablo.open("/c/barrio/aid").await;
    assert!(pablo.texts(&format!("#aid-{id}")).await.is_empty());
    for browser in [pablo, lupe] {
        browser.close().await;
    }
    app.stop().await;
}
