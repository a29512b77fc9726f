//! The demo's strike in progress: opened on the warehouse workers' carried strike vote, run by
//! the warehouse strike committee, with demands, a rota with gaps and a fund that balances.

use councils_app::{App, AppConfig, FieldCipher, Secret, SystemClock};
use councils_domain::motion::Decision;
use councils_store::testing::FreshDb;
use std::sync::Arc;

#[tokio::test]
async fn the_demo_has_a_strike_in_progress_with_a_rota_with_gaps_and_a_fund() {
    let fresh = FreshDb::sqlite();
    let db = fresh.connect().await;
    councils_server::demo::seed(
        &db,
        councils_server::demo::DEFAULT_PASSPHRASE,
        1_800_000_000,
    )
    .await
    .unwrap();
    let app = App::new(
        Arc::new(db.clone()),
        Arc::new(SystemClock),
        FieldCipher::new(&Secret::new(vec![7; 32])),
        AppConfig::default(),
    );
    councils_server::demo::seed_motions(&app, &db)
        .await
        .unwrap();
    let strike = councils_server::demo::seed_strikes(&app, &db)
        .await
        .unwrap();

    use councils_app::ports::{CouncilStore, MembershipStore, MotionStore};
    let member = |slug: &'static str, role: councils_domain::Role| {
        let db = db.clone();
        async move {
            let council = db
                .council_by_slug(&councils_domain::Slug::parse(slug).unwrap())
                .await
                .unwrap()
                .unwrap();
            let m = db
                .members_of(&council.id)
                .await
                .unwrap()
                .into_iter()
                .find(|m| m.roles.contains(&role))
                .unwrap();
            councils_app::Actor {
                member_id: m.member_id,
                handle: m.handle,
                language: councils_domain::Language::En,
                session_id: councils_domain::SessionId::new("test"),
            }
        }
    };
    let dmitri = member("warehouse-workers", councils_domain::Role::Organiser).await;
    let view = app.strike(&dmitri, &strike).await.unwrap().access;
    assert_eq!(view.committee.slug.as_str(), "warehouse-strike");
    assert_eq!(view.strike.demands.len(), 4);
    // Opened on a strike vote that was decided and carried.
    let vote = db
        .motion(&view.strike.parties[0].motion_id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(vote.kind, councils_domain::MotionKind::StrikeVote);
    assert_eq!(vote.outcome.unwrap().decision, Decision::Passed);
    let rota = app.rota(&dmitri, &strike).await.unwrap();
    assert_eq!(rota.shifts.len(), 6);
    assert!(rota.gaps > 0 && rota.shifts.iter().any(|s| s.gap == 0));
    let treasurer = member("warehouse-strike", councils_domain::Role::Treasurer).await;
    let fund = app.fund(&treasurer, &strike).await.unwrap();
    assert_eq!(fund.totals.pledged, 700_000);
    assert_eq!(fund.totals.received, 384_550);
    assert_eq!(fund.totals.paid, 39_525);
    assert_eq!(fund.totals.balance, 384_550 - 39_525);
    assert!(fund.balances.balanced());
    // A striker who was not paid sees the totals and nothing of anyone's payments.
    let plain = member("warehouse-workers", councils_domain::Role::Member).await;
    let seen = app.fund(&plain, &strike).await.unwrap();
    assert_eq!(seen.totals, fund.totals);
    assert!(
        seen.movements
            .iter()
            .all(|m| m.payee.as_ref() == Some(&plain.handle))
    );
    db.close().await;
}
