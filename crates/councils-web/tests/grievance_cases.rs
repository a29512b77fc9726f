//! Grievance cases through their pages: the pay owed in cents, deadlines that remind their
//! assignee once when due (fake clock), retention, collective grievances, and escalation into
//! a strike vote, linked both ways.

mod common;
#[path = "grievances/fixture.rs"]
mod fixture;

use common::{get, post};
use councils_app::clock::FakeClock;
use councils_testkit::TestApp;
use fixture::{START, file, garment, only_id, received, signed_in_again, token};
use std::sync::Arc;

#[tokio::test]
async fn a_wage_theft_case_holds_the_pay_owed_in_integer_cents() {
    let g = garment(TestApp::spawn().await).await;
    let filed = file(&g, &g.pablo, false).await;
    let case = filed.location().unwrap();
    let router = g.app.router();
    let page = get(&router, &case, Some(&g.pablo.cookie()), None).await;
    assert_eq!(page.text("#owed"), "202.80 USD");
    // Overtime at time and a half, 12.25 hours at 25.35: 310.54 more.
    let form = [
        ("currency", "USD"),
        ("description-0", "Straight time"),
        ("hours-0", "52"),
        ("rate-0", "16.90"),
        ("paid-0", "676.00"),
        ("description-1", "Overtime"),
        ("hours-1", "12.25"),
        ("rate-1", "25.35"),
        ("paid-1", ""),
    ];
    let saved = post(
        &router,
        &format!("{case}/pay"),
        &form,
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(saved.status.as_u16(), 303);
    let page = get(&router, &case, Some(&g.pablo.cookie()), None).await;
    assert_eq!(page.text("#owed"), "513.34 USD");
    // The filer reads it but does not write it; a bad amount changes nothing.
    let theirs = post(
        &router,
        &format!("{case}/pay"),
        &form,
        Some(&g.pablo.cookie()),
    )
    .await;
    assert_eq!(theirs.status.as_u16(), 403);
    let bad = [("currency", "USD"), ("hours-0", "12,5h"), ("rate-0", "1")];
    let refused = post(&router, &format!("{case}/pay"), &bad, Some(&g.ana.cookie())).await;
    assert_eq!(refused.status.as_u16(), 422);
    assert!(
        refused.text("p.error").contains("12.50"),
        "{}",
        refused.text("p.error")
    );
    let page = get(&router, &case, Some(&g.rosa.cookie()), None).await;
    assert_eq!(page.text("#owed"), "513.34 USD");
    assert_eq!(
        page.attr("#pay details", "open"),
        None,
        "the form is folded"
    );
    g.app.stop().await;
}

#[tokio::test]
async fn a_deadline_reminds_its_assignee_once_when_it_comes_due() {
    let clock = Arc::new(FakeClock::at(START));
    let g = garment(TestApp::spawn_with_clock(clock.clone()).await).await;
    let case = file(&g, &g.pablo, false).await.location().unwrap();
    let router = g.app.router();
    let assigned = post(
        &router,
        &format!("{case}/assignee"),
        &[("handle", "ana")],
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(assigned.status.as_u16(), 303);
    let refused = post(
        &router,
        &format!("{case}/assignee"),
        &[("handle", "pablo")],
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(
        refused.status.as_u16(),
        422,
        "only an organiser runs a case"
    );
    post(
        &router,
        &format!("{case}/deadlines"),
        &[
            ("label", "The employer answers our letter"),
            ("date", "2027-01-16"),
        ],
        Some(&g.rosa.cookie()),
    )
    .await;
    let mut ana = g.app.app().live().subscribe(&g.ana.id);
    let mut rosa = g.app.app().live().subscribe(&g.rosa.id);
    let sweep = || async { g.app.app().remind_grievance_deadlines().await.unwrap() };
    assert_eq!(sweep().await, 0, "not due yet");
    clock.advance(86_400);
    assert_eq!(sweep().await, 0, "due at the end of its day");
    clock.advance(14 * 3600);
    assert_eq!(sweep().await, 1);
    assert_eq!(received(&mut ana), ["grievance-deadline-due"]);
    assert!(received(&mut rosa).is_empty(), "only the assignee is told");
    assert_eq!(sweep().await, 0, "once");
    let ana_again = signed_in_again(&g, &g.ana).await;
    let page = get(&router, &case, Some(&ana_again), None).await;
    assert!(page.text("#deadlines").contains("2027-01-16"));
    assert!(page.text("#deadlines").contains("vencido"));
    g.app.stop().await;
}

#[tokio::test]
async fn a_closed_grievance_is_deleted_when_its_retention_runs_out_and_an_open_one_stays() {
    let clock = Arc::new(FakeClock::at(START));
    let g = garment(TestApp::spawn_with_clock(clock.clone()).await).await;
    let resolved = file(&g, &g.pablo, false).await.location().unwrap();
    let open = file(&g, &g.pablo, false).await.location().unwrap();
    let router = g.app.router();
    let status = post(
        &router,
        &format!("{resolved}/status"),
        &[("status", "resolved")],
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(status.status.as_u16(), 303);
    clock.advance(179 * 86_400);
    assert_eq!(g.app.app().enforce_grievance_retention().await.unwrap(), 0);
    clock.advance(2 * 86_400);
    assert_eq!(g.app.app().enforce_grievance_retention().await.unwrap(), 1);
    let rosa = signed_in_again(&g, &g.rosa).await;
    let gone = get(&router, &resolved, Some(&rosa), None).await;
    assert_eq!(gone.status.as_u16(), 404);
    let kept = get(&router, &open, Some(&rosa), None).await;
    assert_eq!(kept.status.as_u16(), 200);
    let db = &g.app.server.db;
    assert_eq!(
        councils_store::testing::dump(db, "grievance").await.len(),
        1
    );
    g.app.stop().await;
}

#[tokio::test]
async fn grievances_are_joined_into_a_collective_grievance_all_or_none() {
    let g = garment(TestApp::spawn().await).await;
    let first = file(&g, &g.pablo, false).await.location().unwrap();
    file(&g, &g.lupe, true).await;
    let router = g.app.router();
    let list = get(
        &router,
        "/c/garment/grievances",
        Some(&g.rosa.cookie()),
        None,
    )
    .await;
    assert_eq!(list.texts("#grievances li").len(), 2);
    let html = scraper::Html::parse_document(&list.body);
    let selector = scraper::Selector::parse("#grievances input[type=checkbox]").unwrap();
    let names: Vec<String> = html
        .select(&selector)
        .map(|e| e.value().attr("name").unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 2);
    let one = [
        (names[0].as_str(), "on"),
        ("kind", "wage-theft"),
        ("what", "The cutting line is paid 40 hours for 52"),
        ("wanted", "Back pay for the whole line"),
    ];
    let refused = post(
        &router,
        "/c/garment/grievances/collective",
        &one,
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(
        refused.status.as_u16(),
        422,
        "a collective joins two or more"
    );
    let mut both = one.to_vec();
    both.push((names[1].as_str(), "on"));
    let made = post(
        &router,
        "/c/garment/grievances/collective",
        &both,
        Some(&g.rosa.cookie()),
    )
    .await;
    let collective = made.location().unwrap();
    let page = get(&router, &collective, Some(&g.rosa.cookie()), None).await;
    assert_eq!(page.texts("#members li").len(), 2);
    let member = get(&router, &first, Some(&g.pablo.cookie()), None).await;
    assert!(
        member
            .text("#part-of")
            .contains("Part of a collective grievance")
    );
    assert!(
        member.attr("#part-of a", "href").is_none(),
        "its filer does not open the collective grievance"
    );
    let again = post(
        &router,
        "/c/garment/grievances/collective",
        &both,
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(
        again.status.as_u16(),
        422,
        "already in a collective grievance"
    );
    g.app.stop().await;
}

#[tokio::test]
async fn an_escalated_grievance_becomes_a_strike_vote_linked_both_ways_that_passes() {
    let g = garment(TestApp::spawn().await).await;
    let token = token(&file(&g, &g.lupe, true).await);
    let id = only_id(&g).await;
    let router = g.app.router();
    let case = format!("/c/garment/grievances/{id}");
    let form = [
        ("kind", "strike-vote"),
        ("majority", "simple"),
        ("title", "Strike until the back pay is paid"),
        (
            "body",
            "We walk out on Monday unless the cutting line is paid what it is owed.",
        ),
    ];
    let escalated = post(
        &router,
        &format!("{case}/escalate"),
        &form,
        Some(&g.rosa.cookie()),
    )
    .await;
    let motion = escalated.location().expect("the motion's page");
    assert!(motion.starts_with("/c/garment/motions/"));
    let motion_page = get(&router, &motion, Some(&g.rosa.cookie()), None).await;
    assert_eq!(
        motion_page.attr("#from-grievance a", "href").as_deref(),
        Some(case.as_str())
    );
    assert!(motion_page.body.contains("Secret ballot"));
    let plain = get(&router, &motion, Some(&g.pablo.cookie()), None).await;
    assert!(
        plain.attr("#from-grievance a", "href").is_none(),
        "members do not see the case"
    );
    let twice = post(
        &router,
        &format!("{case}/escalate"),
        &form,
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(twice.status.as_u16(), 422, "escalated once only");

    // The committee votes through the motion machinery.
    let motion_id = motion.rsplit('/').next().unwrap().to_string();
    let app = g.app.app();
    let rosa = g.app.actor(&g.rosa).await;
    app.open_voting(&rosa, "garment", &motion_id, None)
        .await
        .unwrap();
    for who in [&g.rosa, &g.ana, &g.lupe] {
        let voter = g.app.actor(who).await;
        app.cast_ballot(&voter, "garment", &motion_id, |_| {
            Ok(councils_domain::Choice::YesNo(
                councils_domain::motion::YesNo::Yes,
            ))
        })
        .await
        .unwrap();
    }
    app.close_voting(&rosa, "garment", &motion_id)
        .await
        .unwrap();
    let followed = get(
        &router,
        &format!("/grievances/follow/{token}"),
        None,
        Some("es"),
    )
    .await;
    assert_eq!(followed.text("#status"), "Escalada");
    assert!(
        followed.text("#motion").contains("aprobada"),
        "{}",
        followed.text("#motion")
    );
    assert!(
        followed
            .text("#motion")
            .contains("Strike until the back pay is paid")
    );
    g.app.stop().await;
}
