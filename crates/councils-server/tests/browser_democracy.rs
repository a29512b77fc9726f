//! Browser test of council democracy up the federation, in real Chromium: a delegate's vote
//! against their council's mandate is refused and the mandated vote accepted; members sign a
//! recall of that delegate until she is removed; axe-core on every council democracy page in
//! both languages.

// Shared with the other browser tests, which use more of it.
#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_app::council::SettingsForm;
use councils_domain::{CouncilKind, CouncilName, Language, Role};
use councils_testkit::TestApp;
use driver::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_delegates_contrary_vote_is_refused_and_members_recall_her_by_signatures() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let cityorg = app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    app.join("garment", Role::Member, "marta", Language::En)
        .await;
    let city = app.actor(&cityorg).await;
    app.app()
        .update_council(
            &city,
            "city",
            &SettingsForm {
                names: vec![CouncilName {
                    language: Language::En,
                    name: "City council".into(),
                    description: String::new(),
                }],
                vouches_required: 0,
                members_per_delegate: 3,
                minimum_seats: 1,
            },
        )
        .await
        .unwrap();
    let organiser = app.actor(&rosa).await;
    app.app()
        .request_link(&organiser, "garment", "city")
        .await
        .unwrap();
    app.app()
        .accept_link(&city, "city", "garment")
        .await
        .unwrap();

    // Garment elects lupe and ana (two seats for four members), the city puts a motion to
    // its delegates, and garment mandates them to vote for it.
    let election = form(
        &app,
        &rosa,
        "/c/garment/elections",
        &[
            ("parent", "city"),
            ("term_months", "6"),
            ("title_en", "Delegates to the city"),
            ("candidate", "lupe"),
            ("candidate", "ana"),
            ("candidate", "rosa"),
        ],
    )
    .await;
    form(&app, &rosa, &format!("{election}/voting"), &[]).await;
    for who in [&rosa, &lupe, &ana] {
        let ranks = [("rank-0", "1"), ("rank-1", "2"), ("rank-2", "3")];
        form(&app, who, &format!("{election}/ballot"), &ranks).await;
    }
    form(&app, &rosa, &format!("{election}/close"), &[]).await;
    let motion = form(
        &app,
        &cityorg,
        "/c/city/motions",
        &[
            ("title_en", "A citywide strike fund"),
            ("body_en", "Each council pays into one fund."),
            ("kind", "ordinary"),
            ("method", "yes-no"),
        ],
    )
    .await;
    form(&app, &cityorg, &format!("{motion}/voting"), &[]).await;
    let id = motion.rsplit('/').next().unwrap().to_string();
    let mandate = form(&app, &lupe, "/c/garment/mandates", &[("for_motion", &id)]).await;
    form(&app, &rosa, &format!("{mandate}/voting"), &[]).await;
    for who in [&rosa, &lupe, &ana] {
        form(&app, who, &format!("{mandate}/ballot"), &[("rank-0", "1")]).await;
    }
    form(&app, &rosa, &format!("{mandate}/close"), &[]).await;

    // The delegate votes against the mandate in her browser: refused, in words; then as
    // mandated: accepted.
    let delegate = driver.browser(&app.url).await;
    delegate.sign_in("lupe").await;
    delegate.open(&motion).await;
    delegate.click("input[name='choice'][value='no']").await;
    delegate.submit("form.ballot button[type=submit]").await;
    delegate.wait_for("p.error").await;
    assert_eq!(delegate.status().await, 422);
    let refusal = delegate.text("p.error").await;
    assert!(
        refusal.contains("goes against your council's mandate"),
        "{refusal}"
    );
    delegate.click("input[name='choice'][value='yes']").await;
    delegate.submit("form.ballot button[type=submit]").await;
    delegate.wait_for("p.notice").await;
    assert!(
        delegate
            .text("p.notice")
            .await
            .contains("Your ballot is in the box")
    );

    // Ana, in Spanish, starts a recall of lupe from the delegates' page; rosa and marta
    // sign; at three of four members lupe is removed.
    let member = driver.browser(&app.url).await;
    member.sign_in("ana").await;
    member.open("/c/garment/delegates").await;
    member
        .click_xpath("//a[starts-with(@href,'/c/garment/delegates/')][strong[.='lupe']]")
        .await;
    let lupe_page = member.url_path().await;
    member.click("a[href$='/recall']").await;
    member
        .fill("#reason", "Votó por el plan de los caseros.")
        .await;
    member.submit("form[action$='/recall'] button").await;
    member.wait_for("#signatures").await;
    assert!(
        member.text("#signatures").await.starts_with("1 "),
        "{}",
        member.text("#signatures").await
    );
    for handle in ["rosa", "marta"] {
        let signer = driver.browser(&app.url).await;
        signer.sign_in(handle).await;
        signer.open(&format!("{lupe_page}/recall")).await;
        signer.submit("form[action$='/recall/sign'] button").await;
        signer.close().await;
    }
    member.open(&lupe_page).await;
    let badges = member.texts("p .badge").await;
    assert!(badges.iter().any(|b| b == "Revocada"), "{badges:?}");
    // The seat went with the recall: lupe no longer sits in the city council.
    delegate.open("/c/city/motions").await;
    assert_eq!(delegate.status().await, 403);

    // Every council democracy page passes axe-core in both languages.
    if let Some(axe) = axe_source() {
        let shots = screenshot_folder();
        let organiser = driver.browser(&app.url).await;
        organiser.sign_in("rosa").await;
        let mut violations = Vec::new();
        for language in ["en", "es"] {
            organiser.open("/c/garment/delegates").await;
            organiser.switch_language(language).await;
            let pages = [
                ("delegates", "/c/garment/delegates".to_string()),
                ("delegate", lupe_page.clone()),
                ("recall", format!("{lupe_page}/recall")),
                ("mandates", "/c/garment/mandates".to_string()),
                ("mandate", mandate.clone()),
                ("election-new", "/c/garment/elections/new".to_string()),
                ("delegation", "/c/garment/delegation".to_string()),
            ];
            for (name, path) in pages {
                organiser.open(&path).await;
                assert_eq!(organiser.lang().await, language, "{path}");
                if let (Some(folder), "delegate") = (&shots, name) {
                    organiser.screenshots(folder, name, language).await;
                }
                violations.extend(organiser.axe(&axe, name, language).await);
            }
        }
        organiser.close().await;
        assert!(
            violations.is_empty(),
            "serious or critical accessibility violations:\n{}",
            violations.join("\n")
        );
    }

    delegate.close().await;
    member.close().await;
    app.stop().await;
}
