//! Browser test, in real Chromium: a city council puts a motion to a referendum of every base
//! member below it, who find and vote it from their own councils' pages, in English and in
//! Spanish; and an amendment the mover did not take is put to the council's vote from its
//! author's browser and, passed, becomes the motion's text.

// Shared with the other browser tests, which use more of it.
#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use driver::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn base_members_of_two_councils_vote_a_city_referendum_from_their_own_councils_pages() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let cityorg = app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    app.join("garment", Role::Member, "lupe", Language::En)
        .await;
    app.join("warehouse", Role::Member, "ana", Language::Es)
        .await;
    let city = app.actor(&cityorg).await;
    for (slug, organiser) in [("garment", &rosa), ("warehouse", &dmitri)] {
        let organiser = app.actor(organiser).await;
        app.app()
            .request_link(&organiser, slug, "city")
            .await
            .unwrap();
        app.app().accept_link(&city, "city", slug).await.unwrap();
    }

    // The city's organiser puts a motion to a referendum in her browser and opens voting.
    let motion = form(
        &app,
        &cityorg,
        "/c/city/motions",
        &[
            ("title_en", "A citywide strike fund"),
            ("body_en", "Every council pays into one fund."),
            ("title_es", "Un fondo de huelga de toda la ciudad"),
            ("body_es", "Cada consejo aporta a un solo fondo."),
            ("kind", "ordinary"),
            ("method", "yes-no"),
        ],
    )
    .await;
    let chair = driver.browser(&app.url).await;
    chair.sign_in("cityorg").await;
    chair.open(&motion).await;
    chair
        .submit(&format!("form[action='{motion}/referendum'] button"))
        .await;
    chair.wait_for("span.referendum").await;
    chair
        .submit(&format!("form[action='{motion}/voting'] button"))
        .await;
    chair.wait_for("#ballot").await;

    // Base members of both committees (not members of the city council) find it among their
    // own council's mandates and vote, each in their language.
    for (handle, council, choice, vote_link, done) in [
        (
            "lupe",
            "garment",
            "yes",
            "Vote in the referendum",
            "Your ballot is in the box",
        ),
        (
            "ana",
            "warehouse",
            "yes",
            "Votar en el referendo",
            "Tu papeleta está en la urna",
        ),
        (
            "rosa",
            "garment",
            "no",
            "Vote in the referendum",
            "Your ballot is in the box",
        ),
    ] {
        let member = driver.browser(&app.url).await;
        member.sign_in(handle).await;
        member.open(&format!("/c/{council}/mandates")).await;
        let link = member.text(&format!("a[href='{motion}']")).await;
        assert_eq!(link, vote_link, "{handle} sees the referendum");
        member.click(&format!("a[href='{motion}']")).await;
        member.wait_for("span.referendum").await;
        member
            .click(&format!("input[name='choice'][value='{choice}']"))
            .await;
        member.submit("form.ballot button[type=submit]").await;
        member.wait_for("p.notice").await;
        let notice = member.text("p.notice").await;
        assert!(notice.contains(done), "{handle}: {notice}");
        member.close().await;
    }
    chair.open(&motion).await;
    assert!(
        chair.text("#ballot").await.contains("3 of"),
        "{}",
        chair.text("#ballot").await
    );
    chair
        .submit(&format!("form[action='{motion}/close'] button"))
        .await;
    chair.wait_for(".result-summary").await;
    assert_eq!(chair.text(".result-summary").await, "Passed");
    chair.close().await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_amendment_put_to_the_vote_from_its_authors_browser_becomes_the_motions_text() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    app.join("garment", Role::Member, "ana", Language::Es).await;
    let motion = form(
        &app,
        &lupe,
        "/c/garment/motions",
        &[
            ("title_es", "Pago de los sábados"),
            ("body_es", "Que paguen los sábados en dos semanas."),
            ("kind", "ordinary"),
            ("method", "yes-no"),
        ],
    )
    .await;

    let author = driver.browser(&app.url).await;
    author.sign_in("ana").await;
    author.open(&motion).await;
    author
        .fill("#amendment-body", "Que paguen los sábados en diez días.")
        .await;
    author
        .submit(&format!("form[action='{motion}/amendments'] button"))
        .await;
    author.wait_for("li[id^=amendment-]").await;
    author
        .click_xpath("//button[.='Someter a votación del consejo']")
        .await;
    author.wait_for("#amendment-vote-of").await;
    let vote = author.url_path().await;
    assert_ne!(vote, motion);
    assert_eq!(
        author.text(".motion-text p").await,
        "Que paguen los sábados en diez días."
    );
    author.click("input[name='choice'][value='yes']").await;
    author.submit("form.ballot button[type=submit]").await;
    author.wait_for("p.notice").await;
    form(&app, &rosa, &format!("{vote}/ballot"), &[("choice", "yes")]).await;
    form(&app, &rosa, &format!("{vote}/close"), &[]).await;

    author.submit("#amendment-vote-of a").await;
    assert_eq!(
        author.text(".motion-text p").await,
        "Que paguen los sábados en diez días."
    );
    assert!(author.text("#amendments").await.contains("Aceptada"));
    if let Some(folder) = screenshot_folder() {
        author.screenshots(&folder, "amendment-voted", "es").await;
    }
    author.close().await;
    app.stop().await;
}
