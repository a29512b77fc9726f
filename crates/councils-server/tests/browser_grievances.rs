//! Browser test of grievances in real Chromium: lupe files an anonymous wage-theft grievance
//! with the pay she is owed, in Spanish, and keeps its private link; rosa, the organiser, reads
//! it without learning who filed it and asks a question; lupe answers through the link alone,
//! in a browser with no session; rosa escalates it into a strike vote by secret ballot; the
//! members vote, rosa counts it, it passes, and the link shows the grievance escalated and the
//! strike vote passed. The pages pass axe-core in both languages, photographed when asked.

#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use driver::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_anonymous_wage_theft_grievance_is_followed_by_its_link_and_escalated_into_a_strike_that_passes()
 {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    app.join("garment", Role::Member, "lupe", Language::Es)
        .await;
    app.join("garment", Role::Member, "ana", Language::Es).await;
    app.join("garment", Role::Member, "pablo", Language::En)
        .await;

    // Lupe files it from her committee's page, anonymously, with her hours and pay.
    let lupe = driver.browser(&app.url).await;
    lupe.sign_in("lupe").await;
    lupe.open("/c/garment").await;
    lupe.click("#council-grievances").await;
    lupe.click("#new-grievance").await;
    assert_eq!(lupe.lang().await, "es");
    lupe.find("#kind")
        .await
        .select_by_value("wage-theft")
        .await
        .expect("the wage-theft kind");
    lupe.fill(
        "#what",
        "Nos pagan 40 horas cuando trabajamos 52, cada semana desde marzo.",
    )
    .await;
    lupe.fill("#when", "Desde marzo").await;
    lupe.fill("#affected", "Toda la línea de corte").await;
    lupe.fill(
        "#wanted",
        "El pago atrasado y un reloj checador que podamos ver",
    )
    .await;
    lupe.fill("#hours", "52").await;
    lupe.fill("#rate", "16.90").await;
    lupe.fill("#paid", "676").await;
    lupe.click("#anonymous").await;
    lupe.submit("#grievance-form button[type=submit]").await;
    lupe.wait_for("#private-link").await;
    let link = lupe
        .find("#private-link")
        .await
        .attr("href")
        .await
        .unwrap()
        .expect("the private link");
    assert!(link.starts_with("/grievances/follow/"));
    assert_eq!(lupe.text("#owed").await, "202.80 USD");
    assert!(lupe.text("#private-link-box").await.contains("Guárdalo"));

    // Rosa reads it, without its filer, and asks her a question.
    let rosa = driver.browser(&app.url).await;
    rosa.sign_in("rosa").await;
    rosa.open("/c/garment/grievances").await;
    rosa.click("#grievances li a").await;
    rosa.wait_for("#statement").await;
    let case = rosa.url_path().await;
    assert!(rosa.text("#statement").await.contains("línea de corte"));
    assert!(
        !rosa.body().await.contains("lupe"),
        "the filer is named nowhere"
    );
    rosa.fill("#note", "¿Qué semanas? ¿Guardaste los talones de pago?")
        .await;
    rosa.click("#question").await;
    rosa.submit("#note-form button[type=submit]").await;
    rosa.wait_for("#timeline li.entry-question").await;

    // Lupe opens her link in a browser that has never signed in, and answers there.
    let filer = driver.browser(&app.url).await;
    filer.open(&link).await;
    assert_eq!(filer.status().await, 200);
    filer.switch_language("es").await;
    assert!(filer.text("#timeline").await.contains("¿Qué semanas?"));
    filer
        .fill("#answer", "Todo octubre. Guardé los talones.")
        .await;
    filer.submit("#answer-form button[type=submit]").await;
    filer.wait_for("#timeline li.entry-answer").await;
    assert!(filer.text("#timeline li.entry-answer").await.contains("tú"));

    rosa.open(&case).await;
    let answer = rosa.text("#timeline li.entry-answer").await;
    assert!(answer.contains("Guardé los talones"), "{answer}");
    assert!(answer.contains("the filer (anonymous)"), "{answer}");

    // Rosa escalates it into a strike vote, which opens in discussion.
    rosa.find("#escalate-kind")
        .await
        .select_by_value("strike-vote")
        .await
        .expect("the strike vote");
    rosa.fill("#escalate-title", "Strike until the cutting line is paid")
        .await;
    rosa.fill(
        "#escalate-body",
        "We walk out on Monday unless the back pay of the cutting line is paid.",
    )
    .await;
    rosa.submit("#escalate-form button[type=submit]").await;
    rosa.wait_for("#from-grievance a").await;
    let motion = rosa.url_path().await;
    assert!(motion.starts_with("/c/garment/motions/"));
    assert!(rosa.body().await.contains("Secret ballot"));
    rosa.submit("form[action$='/voting'] button").await;
    rosa.wait_for("form.ballot").await;

    // The members vote by secret ballot; rosa counts it.
    for browser in [&lupe, &rosa] {
        browser.open(&motion).await;
        browser.click("input[name='choice'][value='yes']").await;
        browser.submit("form.ballot button[type=submit]").await;
    }
    let ana = driver.browser(&app.url).await;
    ana.sign_in("ana").await;
    ana.open(&motion).await;
    ana.click("input[name='choice'][value='yes']").await;
    ana.submit("form.ballot button[type=submit]").await;
    let pablo = driver.browser(&app.url).await;
    pablo.sign_in("pablo").await;
    pablo.open(&motion).await;
    pablo.click("input[name='choice'][value='no']").await;
    pablo.submit("form.ballot button[type=submit]").await;
    assert!(
        pablo
            .find_all_xpath("//*[@id='from-grievance']")
            .await
            .is_empty(),
        "a member who may not read the grievance is not led to it"
    );
    rosa.open(&motion).await;
    rosa.submit("form[action$='/close'] button").await;
    rosa.wait_for("#result svg[role=img]").await;
    assert_eq!(rosa.text(".result-summary").await, "Passed");

    // The link shows what became of it.
    filer.open(&link).await;
    assert_eq!(filer.text("#status").await, "Escalada");
    let outcome = filer.text("#motion").await;
    assert!(outcome.contains("aprobada"), "{outcome}");
    assert!(outcome.contains("Strike until the cutting line is paid"));

    // Every grievance page passes axe-core in both languages; photographed when asked.
    let shots = screenshot_folder();
    if let Some(axe) = axe_source() {
        let mut violations = Vec::new();
        for language in ["en", "es"] {
            for (browser, path, name) in [
                (
                    &lupe,
                    "/c/garment/grievances/new".to_string(),
                    "grievance-new",
                ),
                (&rosa, case.clone(), "grievance-case"),
                (&rosa, "/c/garment/grievances".to_string(), "grievance-list"),
                (&filer, link.clone(), "grievance-link"),
            ] {
                browser.open(&path).await;
                browser.switch_language(language).await;
                browser.open(&path).await;
                assert_eq!(browser.lang().await, language, "{path}");
                violations.extend(browser.axe(&axe, name, language).await);
                if let Some(folder) = &shots {
                    browser.screenshots(folder, name, language).await;
                }
            }
        }
        assert!(
            violations.is_empty(),
            "serious or critical accessibility violations:\n{}",
            violations.join("\n")
        );
    }
    for browser in [lupe, rosa, filer, ana, pablo] {
        browser.close().await;
    }
    app.stop().await;
}
