//! The demo's rapid response: Boyle Heights has verifiers and responders, a closed alert with
//! its whole timeline, a false alarm and a report waiting for a verifier.

use councils_app::ports::{CouncilStore, MembershipStore, ReportStore};
use councils_app::{App, AppConfig, FieldCipher, Secret, SystemClock};
use councils_domain::report::{ReportState, UpdateKind};
use councils_domain::{Role, Slug};
use councils_store::testing::FreshDb;
use std::sync::Arc;

#[tokio::test]
async fn the_demo_committee_has_verifiers_responders_and_a_closed_alert_with_its_timeline() {
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
    councils_server::demo::seed_alerts(&app, &db).await.unwrap();
    let boyle = db
        .council_by_slug(&Slug::parse("boyle-heights").unwrap())
        .await
        .unwrap()
        .unwrap();
    let members = db.members_of(&boyle.id).await.unwrap();
    for role in [Role::Verifier, Role::Responder] {
        assert!(
            members.iter().filter(|m| m.roles.contains(&role)).count() >= 3,
            "{role:?}"
        );
    }
    let reports = db.council_reports(&boyle.id).await.unwrap();
    let states: Vec<ReportState> = reports.iter().map(|r| r.state).collect();
    for state in [
        ReportState::Closed,
        ReportState::FalseAlarm,
        ReportState::Filed,
    ] {
        assert!(states.contains(&state), "{state:?}");
    }
    let closed = reports
        .iter()
        .find(|r| r.state == ReportState::Closed)
        .unwrap();
    let kinds: Vec<UpdateKind> = db
        .updates(&closed.id)
        .await
        .unwrap()
        .iter()
        .map(|u| u.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![
            UpdateKind::Filed,
            UpdateKind::Taken,
            UpdateKind::Confirmed,
            UpdateKind::OnMyWay,
            UpdateKind::OnMyWay,
            UpdateKind::OnMyWay,
            UpdateKind::Update,
            UpdateKind::Closed,
        ]
    );
    assert_eq!(db.responses(&closed.id).await.unwrap().len(), 3);
    assert!(
        !String::from_utf8_lossy(&closed.what_sealed).contains("camionetas"),
        "the facts are sealed"
    );
    db.close().await;
}
