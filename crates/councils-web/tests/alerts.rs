//! Rapid response through the pages: filing, the verifier's queue, confirming, the alert in
//! each responder's language, who is coming, the all-clear, neighbouring committees, who is
//! told live, and retention.

mod common;

use common::{get, post};
use councils_app::clock::FakeClock;
use councils_app::live::Subscription;
use councils_app::ports::{CouncilStore, ReportStore};
use councils_domain::report::{Decision, FactsDraft};
use councils_domain::{CouncilKind, Language, Role, Slug};
use councils_testkit::{TestApp, TestMember};
use std::sync::Arc;

struct Committee {
    app: TestApp,
    olga: TestMember,
    vera: TestMember,
    rita: TestMember,
    rosa: TestMember,
    mateo: TestMember,
}

/// Boyle Heights: olga organises, vera verifies, rita and rosa (in Spanish) respond, mateo
/// is a member who reports.
async fn committee(app: TestApp) -> Committee {
    let olga = app
        .found("boyle", CouncilKind::NeighbourhoodCommittee, "olga")
        .await;
    let vera = app
        .join("boyle", Role::Verifier, "vera", Language::En)
        .await;
    let rita = app
        .join("boyle", Role::Responder, "rita", Language::En)
        .await;
    let rosa = app
        .join("boyle", Role::Responder, "rosa", Language::Es)
        .await;
    let mateo = app.join("boyle", Role::Member, "mateo", Language::En).await;
    Committee {
        app,
        olga,
        vera,
        rita,
        rosa,
        mateo,
    }
}

const REPORT: [(&str, &str); 7] = [
    (
        "what",
        "Two vans, agents asking for papers at the laundromat",
    ),
    ("place", "Cesar Chavez Ave & Soto St"),
    ("officers", "4"),
    ("vehicles", "2"),
    ("agency", "ice"),
    ("minutes_ago", "5"),
    ("source", "saw-it"),
];

async fn file(c: &Committee) -> String {
    let router = c.app.router();
    let filed = post(
        &router,
        "/c/boyle/reports",
        &REPORT,
        Some(&c.mateo.cookie()),
    )
    .await;
    assert_eq!(filed.status, 303, "{}", filed.body);
    filed
        .location()
        .unwrap()
        .strip_prefix("/reports/")
        .unwrap()
        .to_string()
}

/// The kinds of what reached a subscription so far.
fn received(subscription: &mut Subscription) -> Vec<(String, String)> {
    let mut all = Vec::new();
    while let Ok(frame) = subscription.receiver.try_recv() {
        let text = std::str::from_utf8(&frame).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(text.trim_start_matches("data: ").trim()).unwrap();
        all.push((
            json["kind"].as_str().unwrap().to_string(),
            json["report_id"].as_str().unwrap().to_string(),
        ));
    }
    all
}

#[tokio::test]
async fn a_report_reaches_the_verifiers_queue_and_becomes_an_alert_only_once_confirmed() {
    let c = committee(TestApp::spawn().await).await;
    let router = c.app.router();
    let id = file(&c).await;
    let queue = get(&router, "/c/boyle/alerts", Some(&c.vera.cookie()), None).await;
    assert_eq!(
        queue.texts("#report-list .report-place"),
        vec!["Cesar Chavez Ave & Soto St"]
    );
    let responders = get(&router, "/c/boyle/alerts", Some(&c.rita.cookie()), None).await;
    assert!(responders.texts("#report-list li").is_empty());

    let took = post(
        &router,
        &format!("/reports/{id}/take"),
        &[],
        Some(&c.vera.cookie()),
    )
    .await;
    assert_eq!(took.status, 303);
    let confirmed = post(
        &router,
        &format!("/reports/{id}/verification"),
        &[("outcome", "confirmed"), ("note", "Saw the vans myself")],
        Some(&c.vera.cookie()),
    )
    .await;
    assert_eq!(confirmed.status, 303);
    let responders = get(&router, "/c/boyle/alerts", Some(&c.rita.cookie()), None).await;
    assert_eq!(
        responders.texts("#report-list .report-place"),
        vec!["Cesar Chavez Ave & Soto St"]
    );

    let alert = get(
        &router,
        &format!("/reports/{id}"),
        Some(&c.rita.cookie()),
        None,
    )
    .await;
    assert_eq!(alert.text("#report-state"), "Confirmed alert");
    assert_eq!(alert.text("#fact-counts"), "4 officers · 2 vehicles");
    assert_eq!(alert.texts("#respond button").len(), 4);
    let timeline = alert.texts("#timeline li");
    assert!(timeline[0].contains("mateo · reported it"), "{timeline:?}");
    assert!(timeline[1].contains("vera · is going to see"));
    assert!(timeline[2].contains("vera · confirmed it Saw the vans myself"));
    c.app.stop().await;
}

#[tokio::test]
async fn a_spanish_responder_reads_the_alert_in_spanish_from_its_structured_facts() {
    let c = committee(TestApp::spawn().await).await;
    let router = c.app.router();
    let id = file(&c).await;
    let vera = c.app.actor(&c.vera).await;
    c.app
        .app()
        .verify_report(&vera, &id, Decision::Confirm, "")
        .await
        .unwrap();
    let alert = get(
        &router,
        &format!("/reports/{id}"),
        Some(&c.rosa.cookie()),
        None,
    )
    .await;
    assert_eq!(alert.text("#report-state"), "Alerta confirmada");
    assert_eq!(alert.text("#fact-counts"), "4 agentes · 2 vehículos");
    assert_eq!(alert.text("#fact-agency"), "ICE (la migra)");
    assert_eq!(alert.text("#fact-source"), "Lo vi yo");
    assert_eq!(
        alert.text("#fact-what"),
        "Two vans, agents asking for papers at the laundromat",
        "what the reporter typed stays as typed"
    );
    let answered = post(
        &router,
        &format!("/reports/{id}/responses"),
        &[("role", "legal-observer")],
        Some(&c.rosa.cookie()),
    )
    .await;
    assert_eq!(answered.status, 303);
    let seen_by_verifier = get(
        &router,
        &format!("/reports/{id}"),
        Some(&c.vera.cookie()),
        None,
    )
    .await;
    assert_eq!(
        seen_by_verifier.texts("#coming li"),
        vec!["rosa · Legal observer"]
    );
    let seen_by_rosa = get(
        &router,
        &format!("/reports/{id}"),
        Some(&c.rosa.cookie()),
        None,
    )
    .await;
    assert_eq!(
        seen_by_rosa.texts("#coming li"),
        vec!["rosa · Observación legal"]
    );
    assert_eq!(
        seen_by_rosa
            .attr("#respond button[aria-pressed]", "value")
            .as_deref(),
        Some("legal-observer")
    );
    c.app.stop().await;
}

#[tokio::test]
async fn a_report_without_a_place_comes_back_as_typed_with_the_error_in_words() {
    let c = committee(TestApp::spawn().await).await;
    let router = c.app.router();
    let mut form = REPORT.to_vec();
    form[1] = ("place", "  ");
    let page = post(&router, "/c/boyle/reports", &form, Some(&c.mateo.cookie())).await;
    assert_eq!(page.status, 422);
    assert_eq!(page.text("p.error"), "Say what is happening and where.");
    assert_eq!(
        page.text("#what"),
        "Two vans, agents asking for papers at the laundromat"
    );
    assert_eq!(page.attr("#officers", "value").as_deref(), Some("4"));
    let queue = get(&router, "/c/boyle/alerts", Some(&c.vera.cookie()), None).await;
    assert!(
        queue.texts("#report-list li").is_empty(),
        "nothing half-written"
    );
    let spanish = post(&router, "/c/boyle/reports", &form, Some(&c.rosa.cookie())).await;
    assert_eq!(spanish.text("p.error"), "Diga qué está pasando y dónde.");
    c.app.stop().await;
}

#[tokio::test]
async fn verifiers_are_told_of_a_report_at_once_and_a_false_alarm_reaches_no_responder() {
    let c = committee(TestApp::spawn().await).await;
    let live = c.app.app().live();
    let mut vera = live.subscribe(&c.vera.id);
    let mut olga = live.subscribe(&c.olga.id);
    let mut rita = live.subscribe(&c.rita.id);
    let mut mateo = live.subscribe(&c.mateo.id);
    let id = file(&c).await;
    let filed = vec![("report-filed".to_string(), id.clone())];
    assert_eq!(received(&mut vera), filed);
    assert_eq!(received(&mut olga), filed);
    assert!(received(&mut rita).is_empty());

    let verifier = c.app.actor(&c.vera).await;
    c.app
        .app()
        .verify_report(&verifier, &id, Decision::FalseAlarm, "Only a delivery van")
        .await
        .unwrap();
    assert!(
        received(&mut rita).is_empty(),
        "a false alarm reaches no responder"
    );
    assert_eq!(
        received(&mut mateo),
        vec![("report-changed".to_string(), id.clone())]
    );

    let second = file(&c).await;
    c.app
        .app()
        .verify_report(&verifier, &second, Decision::Confirm, "")
        .await
        .unwrap();
    assert_eq!(
        received(&mut rita),
        vec![("alert-raised".to_string(), second.clone())]
    );
    let responder = c.app.actor(&c.rita).await;
    c.app
        .app()
        .respond_to_alert(
            &responder,
            &second,
            councils_domain::report::ResponseRole::Documentation,
        )
        .await
        .unwrap();
    received(&mut vera);
    c.app
        .app()
        .close_alert(&verifier, &second, "Nobody was taken")
        .await
        .unwrap();
    for subscription in [&mut vera, &mut mateo, &mut rita] {
        assert!(
            received(subscription).contains(&("alert-closed".to_string(), second.clone())),
            "the all-clear reaches everyone following the alert"
        );
    }
    c.app.stop().await;
}

#[tokio::test]
async fn responders_of_a_neighbouring_committee_the_committee_chose_get_its_alerts() {
    let app = TestApp::spawn().await;
    let c = committee(app).await;
    let eastside = c
        .app
        .found("eastside", CouncilKind::NeighbourhoodCommittee, "esther")
        .await;
    let ernesto = c
        .app
        .join("eastside", Role::Responder, "ernesto", Language::Es)
        .await;
    let router = c.app.router();
    let mut ernesto_live = c.app.app().live().subscribe(&ernesto.id);
    let chosen = post(
        &router,
        "/c/boyle/rapid-response",
        &[("closed_days", "3"), ("neighbour", "eastside")],
        Some(&c.olga.cookie()),
    )
    .await;
    assert_eq!(chosen.status, 303);
    let id = file(&c).await;
    assert_eq!(
        get(
            &router,
            &format!("/reports/{id}"),
            Some(&ernesto.cookie()),
            None
        )
        .await
        .status,
        404,
        "not before it is confirmed"
    );
    let verifier = c.app.actor(&c.vera).await;
    c.app
        .app()
        .verify_report(&verifier, &id, Decision::Confirm, "")
        .await
        .unwrap();
    assert_eq!(
        received(&mut ernesto_live),
        vec![("alert-raised".to_string(), id.clone())]
    );
    let queue = get(&router, "/c/eastside/alerts", Some(&ernesto.cookie()), None).await;
    assert_eq!(
        queue.texts("#report-list .report-place"),
        vec!["Cesar Chavez Ave & Soto St"]
    );
    let answered = post(
        &router,
        &format!("/reports/{id}/responses"),
        &[("role", "support-at-home")],
        Some(&ernesto.cookie()),
    )
    .await;
    assert_eq!(answered.status, 303);
    let esther = get(
        &router,
        &format!("/reports/{id}"),
        Some(&eastside.cookie()),
        None,
    )
    .await;
    assert_eq!(
        esther.status, 404,
        "the neighbour's organiser is not a responder"
    );
    c.app.stop().await;
}

#[tokio::test]
async fn a_false_alarm_is_deleted_after_a_day_and_a_closed_alert_after_the_committees_days() {
    let clock = Arc::new(FakeClock::at(1_800_000_000));
    let c = committee(TestApp::spawn_with_clock(clock.clone()).await).await;
    let app = c.app.app();
    let reporter = c.app.actor(&c.mateo).await;
    let draft = FactsDraft {
        what: "Agents".into(),
        place: "Mott St".into(),
        source: "told-by-someone".into(),
        ..Default::default()
    };
    let false_alarm = app.file_report(&reporter, "boyle", &draft).await.unwrap();
    let alert = app.file_report(&reporter, "boyle", &draft).await.unwrap();
    let verifier = c.app.actor(&c.vera).await;
    app.verify_report(&verifier, false_alarm.as_str(), Decision::FalseAlarm, "")
        .await
        .unwrap();
    app.verify_report(&verifier, alert.as_str(), Decision::Confirm, "")
        .await
        .unwrap();
    app.close_alert(&verifier, alert.as_str(), "They left")
        .await
        .unwrap();
    // Sessions do not last days; what is left is read from the store itself.
    let db = &c.app.server.db;
    clock.advance(24 * 3600 + 1);
    assert_eq!(app.enforce_report_retention().await.unwrap(), 1);
    assert!(db.report(&false_alarm).await.unwrap().is_none());
    assert!(db.report(&alert).await.unwrap().is_some());
    clock.advance(6 * 24 * 3600);
    assert_eq!(app.enforce_report_retention().await.unwrap(), 1);
    assert!(db.report(&alert).await.unwrap().is_none());
    assert!(db.updates(&alert).await.unwrap().is_empty());
    let counts = db
        .report_counts(
            &db.council_by_slug(&Slug::parse("boyle").unwrap())
                .await
                .unwrap()
                .unwrap()
                .id,
        )
        .await
        .unwrap();
    assert_eq!(
        (counts.reports, counts.alerts, counts.false_alarms),
        (2, 1, 1)
    );
    c.app.stop().await;
}
