//! Browser tests of council democracy in real Chromium: a motion proposed, amended, voted
//! openly and by secret ballot, and its result drawn; a ranked election by STV; axe-core on
//! the motion pages in both languages; and, with `COUNCILS_SCREENSHOTS`, their screenshots.

// Shared with the other browser tests, which use more of it.
#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};
use driver::*;

/// The garment workers' committee: rosa organises, lupe and ana (who reads Spanish) are
/// members.
async fn committee(app: &TestApp) -> [TestMember; 3] {
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    [rosa, lupe, ana]
}

/// lupe proposes a demand; ana, in Spanish, proposes an amendment that lupe accepts; lupe
/// opens voting; ana and rosa vote; rosa closes it and everyone sees the result's chart.
/// Then rosa puts a strike vote by secret ballot, ana votes and changes her mind, and the
/// count shows only totals.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_motion_is_amended_voted_and_its_result_drawn_then_a_secret_strike_vote() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let [_rosa, _lupe, _ana] = committee(&app).await;

    let lupe = driver.browser(&app.url).await;
    lupe.sign_in("lupe").await;
    lupe.open("/c/garment").await;
    lupe.click("a[href='/c/garment/motions']").await;
    lupe.click("a[href='/c/garment/motions/new']").await;
    lupe.fill("#title_en", "Demand the back pay").await;
    lupe.fill("#body_en", "Pay the Saturday shifts within two weeks.")
        .await;
    lupe.submit("form[action='/c/garment/motions'] button:not([name])")
        .await;
    lupe.wait_for("#comments").await;
    let motion = lupe.url_path().await;
    assert!(motion.starts_with("/c/garment/motions/"), "{motion}");
    assert_eq!(lupe.text("h1").await, "Demand the back pay");
    assert!(lupe.text("p .badge").await.contains("In discussion"));

    let ana = driver.browser(&app.url).await;
    ana.sign_in("ana").await;
    ana.open(&motion).await;
    assert_eq!(ana.lang().await, "es");
    ana.fill(
        "#amendment-body",
        "Pay the Saturday shifts within ten days.",
    )
    .await;
    ana.find("#amendment-language")
        .await
        .select_by_value("en")
        .await
        .expect("English is offered");
    ana.submit("form[action$='/amendments'] button").await;
    ana.wait_for("li[id^='amendment-']").await;
    assert!(ana.text("#amendments").await.contains("Propuesta"));

    lupe.open(&motion).await;
    lupe.submit("form[action$='/accept'] button").await;
    lupe.wait_for_xpath("//*[contains(@class,'motion-text')]/p[contains(.,'ten days')]")
        .await;
    lupe.submit("form[action$='/voting'] button").await;
    lupe.wait_for("form.ballot").await;

    ana.open(&motion).await;
    ana.click("input[name='choice'][value='yes']").await;
    ana.submit("form.ballot button[type=submit]").await;
    ana.wait_for("p.notice").await;
    assert!(
        ana.text("p.notice")
            .await
            .contains("Tu papeleta está en la urna"),
        "{}",
        ana.text("p.notice").await
    );

    let rosa = driver.browser(&app.url).await;
    rosa.sign_in("rosa").await;
    rosa.open(&motion).await;
    rosa.click("input[name='choice'][value='yes']").await;
    rosa.submit("form.ballot button[type=submit]").await;
    rosa.wait_for("p.notice").await;
    rosa.submit("form[action$='/close'] button").await;
    rosa.wait_for("#result svg[role=img]").await;
    assert_eq!(rosa.text(".result-summary").await, "Passed");

    ana.open(&motion).await;
    ana.wait_for("#result svg[role=img]").await;
    assert_eq!(ana.text(".result-summary").await, "Aprobada");
    let votes = ana.text("ul.open-votes").await;
    assert!(
        votes.contains("ana: Sí") && votes.contains("rosa: Sí"),
        "{votes}"
    );

    // The strike vote: secret, two thirds.
    rosa.open("/c/garment/motions/new").await;
    rosa.fill("#title_en", "Strike vote: walk out on 15 December")
        .await;
    rosa.find("#kind")
        .await
        .select_by_value("strike-vote")
        .await
        .expect("the strike vote kind");
    rosa.find("#majority")
        .await
        .select_by_value("two-thirds")
        .await
        .expect("two thirds");
    rosa.submit("form[action='/c/garment/motions'] button:not([name])")
        .await;
    rosa.wait_for("form[action$='/voting'] button").await;
    let strike = rosa.url_path().await;
    assert!(rosa.body().await.contains("Secret ballot"));
    rosa.submit("form[action$='/voting'] button").await;
    rosa.wait_for("form.ballot").await;

    ana.open(&strike).await;
    ana.click("input[name='choice'][value='yes']").await;
    ana.submit("form.ballot button[type=submit]").await;
    ana.wait_for("p.notice").await;
    ana.click("input[name='choice'][value='no']").await;
    ana.submit("form.ballot button[type=submit]").await;
    ana.wait_for_xpath("//p[contains(@class,'notice')]/strong[.='No']")
        .await;
    assert!(
        ana.text("#ballot")
            .await
            .contains("Han votado 1 de 3 miembros")
    );

    rosa.open(&strike).await;
    rosa.submit("form[action$='/close'] button").await;
    rosa.wait_for("#result svg[role=img]").await;
    assert_eq!(rosa.text(".result-summary").await, "Rejected");
    assert!(
        !rosa.body().await.contains("ana: No"),
        "a secret ballot shows no one's vote"
    );

    for browser in [lupe, ana, rosa] {
        browser.close().await;
    }
    app.stop().await;
}

/// An election by STV filled in with a rank beside each candidate, counted with its rounds;
/// every motion page passes axe-core in both languages, and is photographed when asked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ranked_election_is_filled_in_without_javascript_and_every_motion_page_passes_axe() {
    let Some(axe) = axe_source() else {
        return;
    };
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let [rosa, lupe, ana] = committee(&app).await;
    let organiser = app.actor(&rosa).await;
    let draft = councils_app::motion::MotionDraft {
        kind: "election".into(),
        method: "stv".into(),
        seats: Some(2),
        options: vec!["ana".into(), "lupe".into(), "beto".into()],
        texts: vec![
            (
                Language::En,
                "Delegates to the city council".into(),
                "Two seats.".into(),
            ),
            (
                Language::Es,
                "Delegadas al consejo de la ciudad".into(),
                "Dos puestos.".into(),
            ),
        ],
        ..Default::default()
    };
    let id = app
        .app()
        .propose_motion(&organiser, "garment", &draft)
        .await
        .expect("the election");
    app.app()
        .open_voting(&organiser, "garment", id.as_str(), None)
        .await
        .expect("voting opens");
    let path = format!("/c/garment/motions/{id}");
    for (member, ranks) in [(&lupe, ["2", "1", ""]), (&ana, ["1", "", "2"])] {
        let browser = driver.browser(&app.url).await;
        browser.sign_in(&member.handle).await;
        browser.open(&path).await;
        for (i, rank) in ranks.iter().enumerate() {
            browser.fill(&format!("#rank-{i}"), rank).await;
        }
        browser.submit("form.ballot button[type=submit]").await;
        browser.wait_for("p.notice").await;
        browser.close().await;
    }

    let shots = screenshot_folder();
    let browser = driver.browser(&app.url).await;
    browser.sign_in("rosa").await;
    // With JavaScript on, the options can be put in order with buttons (or dragged): moving
    // beto up ranks him first, and the form posts that.
    browser.open(&path).await;
    browser
        .click("fieldset.ranking .rank-row:last-child .rank-move")
        .await;
    let beto = browser
        .find("#rank-2")
        .await
        .prop("value")
        .await
        .expect("the rank field");
    assert_eq!(beto.as_deref(), Some("1"), "moved up, beto is ranked first");
    browser.submit("form.ballot button[type=submit]").await;
    browser
        .wait_for_xpath("//p[contains(@class,'notice')]/strong[starts-with(.,'1. beto')]")
        .await;
    let mut violations = Vec::new();
    for language in ["en", "es"] {
        browser.open(&path).await;
        browser.switch_language(language).await;
        browser.wait_for("#rank-0").await;
        if let Some(folder) = &shots {
            browser.screenshots(folder, "ballot", language).await;
        }
        violations.extend(browser.axe(&axe, "ballot", language).await);
        browser.open("/c/garment/motions/new").await;
        violations.extend(browser.axe(&axe, "motion-new", language).await);
    }
    browser.open(&path).await;
    browser.switch_language("en").await;
    browser.submit("form[action$='/close'] button").await;
    browser.wait_for("#result svg[role=img]").await;
    assert!(
        browser
            .text(".result-summary")
            .await
            .starts_with("Elected:"),
        "{}",
        browser.text(".result-summary").await
    );
    for language in ["en", "es"] {
        browser.switch_language(language).await;
        browser.open(&path).await;
        if let Some(folder) = &shots {
            browser.screenshots(folder, "result", language).await;
        }
        violations.extend(browser.axe(&axe, "result", language).await);
        browser.open("/c/garment/motions").await;
        if let Some(folder) = &shots {
            browser.screenshots(folder, "agenda", language).await;
        }
        violations.extend(browser.axe(&axe, "agenda", language).await);
    }
    browser.close().await;
    app.stop().await;
    assert!(
        violations.is_empty(),
        "serious or critical accessibility violations:\n{}",
        violations.join("\n")
    );
}
