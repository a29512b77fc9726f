//! Strikes through the pages: opened only on a carried strike vote, joined by another
//! committee on its own, a picket rota whose gaps shrink as members sign up, reminders before
//! a shift, and a fund whose books balance, which refuses to overdraw and shows each member
//! only the totals and their own payments.

mod common;
#[path = "strikes/fixture.rs"]
mod fixture;

use common::{get, post};
use councils_app::clock::FakeClock;
use councils_app::live::Subscription;
use councils_app::ports::{FederationStore, LinkStatus};
use councils_testkit::TestApp;
use fixture::{carried_vote, strike, strike_on};
use std::sync::Arc;

#[tokio::test]
async fn a_strike_opens_only_on_a_strike_vote_that_was_decided_and_carried() {
    let s = strike().await;
    let router = s.app.router();
    let rosa = s.rosa.cookie();
    // The strike vote already used, and one still voting, are both refused.
    let app = s.app.app();
    let chair = s.app.actor(&s.rosa).await;
    let draft = councils_app::motion::MotionDraft {
        kind: "strike-vote".into(),
        method: "yes-no".into(),
        majority: "two-thirds".into(),
        texts: vec![(
            councils_domain::Language::En,
            "A second strike vote".into(),
            String::new(),
        )],
        ..Default::default()
    };
    let voting = app.propose_motion(&chair, "garment", &draft).await.unwrap();
    app.open_voting(&chair, "garment", voting.as_str(), None)
        .await
        .unwrap();
    for motion in [voting.to_string(), s.vote.to_string()] {
        let page = post(
            &router,
            "/c/garment/strikes",
            &[
                ("motion", motion.as_str()),
                ("title", "Another strike"),
                ("demands", "More"),
                ("committee_slug", "another-strike"),
                ("committee_name", "Another strike committee"),
            ],
            Some(&rosa),
        )
        .await;
        assert_eq!(page.status, 422, "{motion}");
        assert!(!page.text("#strike-error").is_empty());
    }
    let list = get(&router, "/c/garment/strikes", Some(&rosa), None).await;
    assert_eq!(list.texts("#strikes li").len(), 1);
    assert!(list.text("#open-strike").contains("A strike opens only on"));
    // The strike itself: its demands, its committees, its strike committee.
    let page = get(
        &router,
        &format!("/strikes/{}", s.strike),
        Some(&rosa),
        None,
    )
    .await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.texts("#demands li"),
        vec![
            "Back pay for every Saturday since March",
            "Water and shade on the floor"
        ]
    );
    assert_eq!(page.texts("#parties li"), vec!["Council garment"]);
    assert_eq!(page.text("#strike-status"), "On strike");
    // The committee is a constituent of the strike committee, and both minutes say so.
    let minutes = get(&router, "/c/garment-strike/minutes", Some(&rosa), None).await;
    assert!(minutes.body.contains("opened a strike of Council garment"));
    let minutes = get(&router, "/c/garment/minutes", Some(&rosa), None).await;
    assert!(minutes.body.contains("run by Garment Strike Committee"));
    s.app.stop().await;
}

#[tokio::test]
async fn another_committee_joins_the_strike_on_its_own_carried_vote_and_sends_delegates() {
    let s = strike().await;
    let router = s.app.router();
    let dmitri = s.dmitri.cookie();
    let chair = s.app.actor(&s.dmitri).await;
    // Without a carried vote of its own, the committee cannot join.
    let refused = post(
        &router,
        "/c/warehouse/strikes/join",
        &[
            ("motion", s.vote.as_str()),
            ("strike_committee", "garment-strike"),
        ],
        Some(&dmitri),
    )
    .await;
    assert_eq!(refused.status, 422);
    let vote = carried_vote(
        s.app.app(),
        "warehouse",
        &chair,
        std::slice::from_ref(&chair),
    )
    .await;
    let joined = post(
        &router,
        "/c/warehouse/strikes/join",
        &[
            ("motion", vote.as_str()),
            ("strike_committee", "garment-strike"),
        ],
        Some(&dmitri),
    )
    .await;
    assert_eq!(joined.status, 303, "{}", joined.body);
    assert_eq!(
        joined.location().as_deref(),
        Some(format!("/strikes/{}", s.strike).as_str())
    );
    let page = get(
        &router,
        &format!("/strikes/{}", s.strike),
        Some(&dmitri),
        None,
    )
    .await;
    assert_eq!(
        page.texts("#parties li"),
        vec!["Council garment", "Council warehouse"]
    );
    // The warehouse committee is now a constituent of the strike committee.
    let db = &s.app.server.db;
    let strike_committee = s
        .app
        .app()
        .strike(&chair, &s.strike)
        .await
        .unwrap()
        .access
        .committee
        .id;
    let links = db.links_of(&strike_committee).await.unwrap();
    assert_eq!(
        links
            .iter()
            .filter(|l| l.status == LinkStatus::Active)
            .count(),
        2
    );
    // So it can elect its delegates to it, as to any higher council.
    let election = get(&router, "/c/warehouse/elections/new", Some(&dmitri), None).await;
    assert!(
        election.body.contains("garment-strike"),
        "{}",
        election.body
    );
    // Joining twice is refused.
    let again = carried_vote(
        s.app.app(),
        "warehouse",
        &chair,
        std::slice::from_ref(&chair),
    )
    .await;
    let twice = post(
        &router,
        "/c/warehouse/strikes/join",
        &[
            ("motion", again.as_str()),
            ("strike_committee", "garment-strike"),
        ],
        Some(&dmitri),
    )
    .await;
    assert_eq!(twice.status, 422);
    assert!(
        twice
            .text("#strike-error")
            .contains("already on that strike")
    );
    s.app.stop().await;
}

#[tokio::test]
async fn signing_up_to_a_shift_shrinks_its_gap_and_withdrawing_widens_it_again() {
    let s = strike().await;
    let router = s.app.router();
    let rota = format!("/strikes/{}/rota", s.strike);
    let page = get(&router, &rota, Some(&s.ana.cookie()), None).await;
    assert_eq!(page.text(".shift-gap"), "faltan 3");
    assert!(page.text("#rota-gaps").starts_with("Faltan 3 personas"));
    for member in [&s.ana, &s.pablo] {
        let signed = post(
            &router,
            &format!("{rota}/{}/sign-up", s.shift),
            &[],
            Some(&member.cookie()),
        )
        .await;
        assert_eq!(signed.status, 303);
    }
    let page = get(&router, &rota, Some(&s.pablo.cookie()), None).await;
    assert_eq!(page.text(".shift-gap"), "1 more needed");
    assert_eq!(page.text(".shift-people"), "ana, pablo");
    assert_eq!(page.text(".shift-count"), "2 of 3 signed up");
    assert!(page.text(".withdraw").contains("Withdraw"));
    let withdrawn = post(
        &router,
        &format!("{rota}/{}/withdraw", s.shift),
        &[],
        Some(&s.pablo.cookie()),
    )
    .await;
    assert_eq!(withdrawn.status, 303);
    let page = get(&router, &rota, Some(&s.pablo.cookie()), None).await;
    assert_eq!(page.text(".shift-gap"), "2 more needed");
    // An organiser adds a shift from the form; a bad one is refused with the reason.
    let rosa = s.rosa.cookie();
    let bad = post(
        &router,
        &rota,
        &[
            ("place", "Gate 1"),
            ("starts", "yesterday"),
            ("hours", "4"),
            ("needed", "2"),
        ],
        Some(&rosa),
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.text("#shift-form .error").contains("start time"));
    let added = post(
        &router,
        &rota,
        &[
            ("place", "Gate 1, Santee St"),
            ("starts", "2099-12-15T06:00"),
            ("hours", "4"),
            ("needed", "2"),
        ],
        Some(&rosa),
    )
    .await;
    assert_eq!(added.status, 303);
    let page = get(&router, &rota, Some(&rosa), None).await;
    assert_eq!(page.texts("#shifts > li").len(), 2);
    assert!(
        page.body
            .contains("2099-12-15 06:00 UTC – 2099-12-15 10:00 UTC")
    );
    assert!(
        page.text("#rota-gaps")
            .starts_with("4 more people are needed across 2 shifts")
    );
    s.app.stop().await;
}

fn picket_reminders(subscription: &mut Subscription) -> Vec<String> {
    let mut all = Vec::new();
    while let Ok(frame) = subscription.receiver.try_recv() {
        let text = std::str::from_utf8(&frame).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(text.trim_start_matches("data: ").trim()).unwrap();
        if json["kind"] == "picket-reminder" {
            all.push(json["path"].as_str().unwrap().to_string());
        }
    }
    all
}

#[tokio::test]
async fn a_picket_is_reminded_once_before_the_shift_and_not_before_it_is_due() {
    let start = 1_900_000_000;
    let clock = Arc::new(FakeClock::at(start));
    let app = TestApp::spawn_with_clock(clock.clone()).await;
    let s = strike_on(app, start + 24 * 3600).await;
    let app = s.app.app();
    let ana = s.app.actor(&s.ana).await;
    app.sign_up(&ana, &s.strike, &s.shift).await.unwrap();
    let mut live = app.live().subscribe(&s.ana.id);
    let mut pablo = app.live().subscribe(&s.pablo.id);
    // A day ahead: too early.
    assert_eq!(app.remind_pickets().await.unwrap(), 0);
    assert!(picket_reminders(&mut live).is_empty());
    // An hour before the shift: ana is told (by this call or by the server's own sweep,
    // which runs the same method with the same clock), once.
    clock.advance(23 * 3600);
    app.remind_pickets().await.unwrap();
    let told = picket_reminders(&mut live);
    assert_eq!(
        told,
        vec![format!("/strikes/{}/rota#shift-{}", s.strike, s.shift)]
    );
    assert_eq!(app.remind_pickets().await.unwrap(), 0);
    assert!(picket_reminders(&mut live).is_empty());
    assert!(
        picket_reminders(&mut pablo).is_empty(),
        "only those signed up"
    );
    // Once it has started, no one can sign up or withdraw.
    clock.advance(3600);
    let late = app.withdraw(&ana, &s.strike, &s.shift).await;
    assert_eq!(late.unwrap_err().code(), "strike-shift-started");
    // Two weeks after it ended, the shift and who picketed are gone.
    clock.advance(15 * 24 * 3600);
    let purged = app.enforce_strike_retention().await.unwrap();
    assert_eq!(purged.shifts, 1);
    assert!(app.rota(&ana, &s.strike).await.unwrap().shifts.is_empty());
    s.app.stop().await;
}

#[tokio::test]
async fn the_treasurer_keeps_a_fund_whose_books_balance() {
    let s = strike().await;
    let router = s.app.router();
    let fund = format!("/strikes/{}/fund", s.strike);
    let cookie = s.tesorera.cookie();
    let page = get(&router, &fund, Some(&cookie), Some("en")).await;
    assert_eq!(page.status, 200);
    // Tesorera reads Spanish: 500 pledged, 300 of it received, 120 paid to ana.
    assert_eq!(page.text("#fund-balance"), "180.00 USD");
    assert_eq!(page.text("#fund-outstanding"), "200.00 USD");
    assert!(page.text("#fund-paid").starts_with("120.00 USD"));
    assert_eq!(page.texts("#movements li").len(), 3);
    assert!(page.text("#movements").contains("Teamsters Local 63"));
    assert_eq!(page.text(".movement-payment .payee"), "ana");
    assert_eq!(
        page.text("#fund-balanced"),
        "Las cuentas cuadran: suman cero."
    );
    // A receipt turns the rest of the pledge into money; a payment is then recorded.
    let pledge = page
        .attr("#receipt-pledge option:nth-child(2)", "value")
        .unwrap();
    for (kind, amount, extra) in [
        ("receipt", "200", ("pledge", pledge.as_str())),
        ("payment", "75.50", ("payee", "pablo")),
    ] {
        let done = post(
            &router,
            &format!("{fund}/movements"),
            &[("kind", kind), ("amount", amount), extra],
            Some(&cookie),
        )
        .await;
        assert_eq!(done.status, 303, "{kind}: {}", done.body);
    }
    let page = get(&router, &fund, Some(&cookie), None).await;
    assert_eq!(page.text("#fund-balance"), "304.50 USD");
    assert_eq!(page.text("#fund-outstanding"), "0.00 USD");
    assert!(page.text("#fund-report").contains("-500.00 USD"));
    assert!(page.text("#fund-balanced").contains("suman cero"));
    s.app.stop().await;
}

#[tokio::test]
async fn a_payment_that_would_overdraw_the_fund_is_refused_and_nothing_is_written() {
    let s = strike().await;
    let router = s.app.router();
    let fund = format!("/strikes/{}/fund", s.strike);
    let cookie = s.tesorera.cookie();
    for (amount, payee, said) in [
        ("180.01", "ana", "no tiene tanto"),
        ("12.345", "ana", "dos decimales"),
        ("10", "lupe", "no es de los ofrecidos"),
    ] {
        let refused = post(
            &router,
            &format!("{fund}/movements"),
            &[("kind", "payment"), ("amount", amount), ("payee", payee)],
            Some(&cookie),
        )
        .await;
        assert_eq!(refused.status, 422, "{amount}");
        assert!(
            refused.text("#fund-error").contains(said),
            "{amount}: {}",
            refused.text("#fund-error")
        );
    }
    let page = get(&router, &fund, Some(&cookie), None).await;
    assert_eq!(page.text("#fund-balance"), "180.00 USD");
    assert_eq!(page.texts("#movements li").len(), 3);
    s.app.stop().await;
}

#[tokio::test]
async fn a_member_sees_the_totals_and_only_their_own_payments() {
    let s = strike().await;
    let router = s.app.router();
    let fund = format!("/strikes/{}/fund", s.strike);
    let ana = get(&router, &fund, Some(&s.ana.cookie()), None).await;
    assert_eq!(ana.text("#fund-balance"), "180.00 USD");
    assert_eq!(ana.texts("#movements li").len(), 1);
    assert!(ana.text("#movements").contains("120.00 USD"));
    assert!(ana.text("#movements h2").contains("Sus pagos"));
    assert!(ana.body.contains("Fondo de huelga"));
    let pablo = get(&router, &fund, Some(&s.pablo.cookie()), None).await;
    assert_eq!(pablo.text("#fund-balance"), "180.00 USD");
    assert!(pablo.texts("#movements li").is_empty());
    for page in [&ana, &pablo] {
        assert!(!page.body.contains("Teamsters"));
        assert!(!page.body.contains("Rent, hardship") || page.body == ana.body);
        assert!(
            page.text("#fund-forms").is_empty(),
            "no forms but the treasurer's"
        );
    }
    assert!(!pablo.body.contains(">ana<") && !pablo.body.contains("Rent"));
    // And the API says the same.
    let json = common::send(
        &router,
        axum::http::Request::get(format!("/api/v1/strikes/{}/fund", s.strike))
            .header(
                "authorization",
                format!("Bearer {}", s.pablo.token.expose()),
            )
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    let fund: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(fund["balance_cents"], 18_000);
    assert_eq!(fund["movements"].as_array().unwrap().len(), 0);
    assert!(fund["accounts"].is_null());
    s.app.stop().await;
}
