//! The demo's grievances: the garment workers' committee has open cases, one of them an
//! anonymous wage-theft case with its pay calculation, one a collective grievance, with
//! timelines; the anonymous one opens through its private link.

use councils_app::{App, AppConfig, FieldCipher, Secret, SystemClock};
use councils_domain::grievance::{EntryKind, GrievanceKind};
use councils_store::testing::FreshDb;
use std::sync::Arc;

#[tokio::test]
async fn the_garment_workers_have_an_anonymous_wage_theft_case_and_a_collective_grievance() {
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
    let link = councils_server::demo::seed_grievances(&app, &db)
        .await
        .unwrap();

    let token = link.strip_prefix("/grievances/follow/").unwrap();
    let followed = app.follow_grievance(token).await.unwrap();
    assert_eq!(followed.record.kind, GrievanceKind::WageTheft);
    assert!(followed.record.anonymous && followed.filed_by.is_none());
    // 40 hours paid in full, 12 hours of overtime at 25.35 not paid at all: 304.20 owed.
    assert_eq!(followed.pay.as_ref().unwrap().owed_cents(), 30_420);
    let kinds: Vec<EntryKind> = followed.timeline.iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&EntryKind::Question) && kinds.contains(&EntryKind::Answer));
    assert_eq!(followed.deadlines.len(), 1);

    use councils_app::ports::{CouncilStore, MembershipStore};
    let council = db
        .council_by_slug(&councils_domain::Slug::parse("garment-workers").unwrap())
        .await
        .unwrap()
        .unwrap();
    let rosa = db
        .members_of(&council.id)
        .await
        .unwrap()
        .into_iter()
        .find(|m| m.handle.as_str() == "rosa")
        .unwrap();
    let rosa = councils_app::Actor {
        member_id: rosa.member_id,
        handle: rosa.handle,
        language: councils_domain::Language::Es,
        session_id: councils_domain::SessionId::new("test"),
    };
    let list = app.grievances(&rosa, "garment-workers").await.unwrap();
    assert!(list.organiser);
    assert_eq!(list.grievances.len(), 4);
    assert!(list.grievances.iter().all(|g| !g.status.is_closed()));
    let collective = list.grievances.iter().find(|g| g.is_collective).unwrap();
    let page = app
        .grievance_page(&rosa, "garment-workers", collective.id.as_str())
        .await
        .unwrap();
    assert_eq!(page.members.len(), 2);
    assert!(page.timeline.iter().any(|e| e.kind == EntryKind::Note));
    db.close().await;
}
