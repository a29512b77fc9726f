//! The demo's emergency plan, incident record and know-your-rights contacts.

use councils_app::{App, AppConfig, FieldCipher, Secret, SystemClock};
use councils_store::testing::FreshDb;
use std::sync::Arc;

#[tokio::test]
async fn the_demo_has_an_emergency_plan_to_try_a_record_for_the_legal_member_and_rights_contacts() {
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
    let handle = councils_server::demo::seed_records(&app, &db)
        .await
        .unwrap();

    let actors = |slug| {
        let db = db.clone();
        async move {
            use councils_app::ports::{CouncilStore, MembershipStore};
            let council = db
                .council_by_slug(&councils_domain::Slug::parse(slug).unwrap())
                .await
                .unwrap()
                .unwrap();
            db.members_of(&council.id).await.unwrap()
        }
    };
    let members = actors("boyle-heights").await;
    let actor = |name: &str| {
        let m = members.iter().find(|m| m.handle.as_str() == name).unwrap();
        councils_app::Actor {
            member_id: m.member_id.clone(),
            handle: m.handle.clone(),
            language: councils_domain::Language::Es,
            session_id: councils_domain::SessionId::new("test"),
        }
    };
    let owner = actor(&handle);
    let plan = app.my_plan(&owner).await.unwrap();
    assert!(plan.plan.unwrap().1.message.contains("licenciada Ruiz"));
    let legal = members
        .iter()
        .find(|m| m.roles.contains(&councils_domain::Role::Legal))
        .unwrap();
    let legal = actor(legal.handle.as_str());
    let records = app
        .incidents(&legal, "boyle-heights")
        .await
        .unwrap()
        .records;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].files, 1, "the record has its photo");
    let record = app
        .incident(&legal, "boyle-heights", records[0].id.as_str())
        .await
        .unwrap();
    let (format, photo) = app
        .evidence_file(
            &legal,
            "boyle-heights",
            record.id.as_str(),
            record.files[0].id.as_str(),
        )
        .await
        .unwrap();
    assert_eq!(format, councils_domain::evidence::ImageFormat::Png);
    assert!(!photo.is_empty());
    let committee = app.committee_plans(&legal, "boyle-heights").await.unwrap();
    assert_eq!(committee.plans[0].handle, handle);
    let rights = app.rights(&owner, "boyle-heights").await.unwrap();
    assert!(rights.contacts.hotline.contains("555-0142"));
    db.close().await;
}
