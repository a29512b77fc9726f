//! The demo's protest of the garment workers, shared with the Los Angeles city council, and
//! its mutual aid in Boyle Heights.

use councils_app::ports::{CouncilStore, MembershipStore};
use councils_app::{Actor, App, AppConfig, FieldCipher, Secret, SystemClock};
use councils_domain::mutual_aid::{AidDirection, AidKind, AidStatus};
use councils_domain::{Language, SessionId, Slug};
use councils_store::testing::FreshDb;
use std::sync::Arc;

async fn someone_of(db: &councils_store::Db, slug: &str, skip: usize) -> Actor {
    let council = db
        .council_by_slug(&Slug::parse(slug).unwrap())
        .await
        .unwrap()
        .unwrap();
    let m = db
        .members_of(&council.id)
        .await
        .unwrap()
        .into_iter()
        .nth(skip)
        .unwrap();
    Actor {
        member_id: m.member_id,
        handle: m.handle,
        language: Language::En,
        session_id: SessionId::new("test"),
    }
}

#[tokio::test]
async fn the_demo_has_an_upcoming_protest_shared_with_the_city_and_mutual_aid_in_boyle_heights() {
    let fresh = FreshDb::sqlite();
    let db = fresh.connect().await;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    councils_server::demo::seed(&db, councils_server::demo::DEFAULT_PASSPHRASE, now)
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
    let event = councils_server::demo::seed_events(&app, &db).await.unwrap();
    let aid = councils_server::demo::seed_aid(&app, &db).await.unwrap();

    // A member of the city council sees the march in the city's list and opens it.
    let city_member = someone_of(&db, "los-angeles", 0).await;
    let list = app.events(&city_member, "los-angeles").await.unwrap();
    let listed = list
        .events
        .iter()
        .find(|e| e.id == event)
        .expect("shared with the city");
    assert_eq!(
        listed.from.as_ref().unwrap().slug.as_str(),
        "garment-workers"
    );
    assert!(listed.starts_at > now);
    let view = app.event_page(&city_member, event.as_str()).await.unwrap();
    assert!(view.coming_count >= 10, "{}", view.coming_count);
    let gaps: Vec<(String, u32, u32)> = view
        .needs
        .iter()
        .map(|n| (n.role.code().to_string(), n.signed, n.gap()))
        .collect();
    assert_eq!(
        gaps,
        vec![
            ("marshal".to_string(), 3, 3),
            ("medic".to_string(), 1, 1),
            ("legal-observer".to_string(), 2, 2),
            ("interpreter".to_string(), 0, 2),
        ]
    );
    assert_eq!(view.updates.len(), 1);

    // Boyle Heights: the request for rides, for a detained neighbour's family, meets the
    // offer of rides; childcare is answered; bail is shared with the city.
    let neighbour = someone_of(&db, "boyle-heights", 0).await;
    let rides = app.aid_page(&neighbour, aid[0].as_str()).await.unwrap();
    assert!(rides.record.for_other);
    assert!(rides.text.for_whom.contains("two children"));
    assert_eq!(rides.matches.len(), 1);
    assert_eq!(rides.matches[0].record.direction, AidDirection::Offer);
    assert_eq!(rides.matches[0].record.kind, AidKind::Rides);
    let childcare = app.aid_page(&neighbour, aid[2].as_str()).await.unwrap();
    assert_eq!(childcare.record.status, AidStatus::Matched);
    let bail = app.aid_page(&city_member, aid[4].as_str()).await.unwrap();
    assert_eq!(bail.record.kind, AidKind::Bail);
    assert!(
        app.aid_page(&city_member, aid[0].as_str()).await.is_err(),
        "kept to the committee"
    );
    db.close().await;
}
