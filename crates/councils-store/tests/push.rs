//! The push-subscription store (migration 0006), on SQLite and, when `COUNCILS_TEST_POSTGRES`
//! is set, on PostgreSQL.

use councils_app::StoreError;
use councils_app::ports::*;
use councils_domain::*;
use councils_store::Db;

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    let fresh = councils_store::testing::FreshDb::sqlite();
                    super::$name(&fresh.connect().await).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    if let Some(fresh) = councils_store::testing::FreshDb::postgres().await {
                        let db = fresh.connect().await;
                        super::$name(&db).await;
                        db.close().await;
                        fresh.finish().await;
                    }
                }
            )*
        }
    };
}

conformance!(
    a_subscription_round_trips_and_belongs_to_its_member_only,
    subscribing_the_same_endpoint_again_replaces_the_old_subscription,
    a_member_cannot_delete_another_members_subscription,
    a_forgotten_subscription_is_gone_and_forgetting_twice_is_fine,
    a_deleted_member_takes_their_subscriptions_along,
);

const NOW: i64 = 1_800_000_000;

/// A founder with a council, and a second member of it.
async fn two_members(db: &Db) -> (MemberId, MemberId) {
    let founding = InvitationId::new("inv-founding");
    db.create_invitation(&invitation(&founding, None))
        .await
        .unwrap();
    let council = NewCouncil {
        id: CouncilId::new("id-barrio"),
        slug: Slug::parse("barrio").unwrap(),
        kind: CouncilKind::NeighbourhoodCommittee,
        names: vec![CouncilName {
            language: Language::Es,
            name: "Comité del barrio".into(),
            description: String::new(),
        }],
        settings: CouncilSettings::default(),
    };
    db.join(&founding, &member("ana"), Some(&council), NOW)
        .await
        .unwrap();
    let second = InvitationId::new("inv-second");
    db.create_invitation(&invitation(&second, Some(&council.id)))
        .await
        .unwrap();
    db.join(&second, &member("beto"), None, NOW).await.unwrap();
    (member("ana").id, member("beto").id)
}

fn invitation(id: &InvitationId, council: Option<&CouncilId>) -> InvitationRecord {
    InvitationRecord {
        id: id.clone(),
        token_hash: format!("hash-{id}"),
        council_id: council.cloned(),
        role: Role::Organiser,
        created_by: None,
        created_at: NOW,
        expires_at: NOW + 3600,
        used_at: None,
    }
}

fn member(handle: &str) -> NewMember {
    NewMember {
        id: MemberId::new(format!("id-{handle}")),
        handle: Handle::parse(handle).unwrap(),
        language: Language::Es,
        passphrase_hash: "$argon2id$not-a-real-hash".into(),
        email_sealed: None,
    }
}

fn subscription(id: &str, member: &MemberId, endpoint_hash: &str) -> PushSubscriptionRecord {
    PushSubscriptionRecord {
        id: PushSubscriptionId::new(id),
        member_id: member.clone(),
        endpoint_hash: endpoint_hash.into(),
        endpoint_sealed: vec![1, 2, 3, 0, 255],
        keys_sealed: vec![4, 5, 6],
        created_at: NOW,
    }
}

async fn a_subscription_round_trips_and_belongs_to_its_member_only(db: &Db) {
    let (ana, beto) = two_members(db).await;
    let phone = subscription("sub-phone", &ana, "hash-phone");
    db.save_push_subscription(&phone).await.unwrap();
    assert_eq!(db.push_subscriptions_of(&ana).await.unwrap(), vec![phone]);
    assert!(db.push_subscriptions_of(&beto).await.unwrap().is_empty());
}

async fn subscribing_the_same_endpoint_again_replaces_the_old_subscription(db: &Db) {
    let (ana, beto) = two_members(db).await;
    db.save_push_subscription(&subscription("sub-1", &ana, "hash-shared"))
        .await
        .unwrap();
    db.save_push_subscription(&subscription("sub-2", &beto, "hash-shared"))
        .await
        .unwrap();
    assert!(db.push_subscriptions_of(&ana).await.unwrap().is_empty());
    let beto_subs = db.push_subscriptions_of(&beto).await.unwrap();
    assert_eq!(beto_subs.len(), 1);
    assert_eq!(beto_subs[0].id, PushSubscriptionId::new("sub-2"));
}

async fn a_member_cannot_delete_another_members_subscription(db: &Db) {
    let (ana, beto) = two_members(db).await;
    let phone = subscription("sub-phone", &ana, "hash-phone");
    db.save_push_subscription(&phone).await.unwrap();
    assert!(matches!(
        db.delete_push_subscription(&beto, &phone.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        db.delete_push_subscription_by_endpoint(&beto, "hash-phone")
            .await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(db.push_subscriptions_of(&ana).await.unwrap().len(), 1);
    db.delete_push_subscription_by_endpoint(&ana, "hash-phone")
        .await
        .unwrap();
    assert!(db.push_subscriptions_of(&ana).await.unwrap().is_empty());
    db.save_push_subscription(&phone).await.unwrap();
    db.delete_push_subscription(&ana, &phone.id).await.unwrap();
    assert!(db.push_subscriptions_of(&ana).await.unwrap().is_empty());
}

async fn a_forgotten_subscription_is_gone_and_forgetting_twice_is_fine(db: &Db) {
    let (ana, _) = two_members(db).await;
    let phone = subscription("sub-phone", &ana, "hash-phone");
    db.save_push_subscription(&phone).await.unwrap();
    db.forget_push_subscription(&phone.id).await.unwrap();
    assert!(db.push_subscriptions_of(&ana).await.unwrap().is_empty());
    db.forget_push_subscription(&phone.id).await.unwrap();
}

async fn a_deleted_member_takes_their_subscriptions_along(db: &Db) {
    let (ana, beto) = two_members(db).await;
    db.save_push_subscription(&subscription("sub-beto", &beto, "hash-beto"))
        .await
        .unwrap();
    db.save_push_subscription(&subscription("sub-ana", &ana, "hash-ana"))
        .await
        .unwrap();
    db.delete_member(&beto, NOW + 1).await.unwrap();
    assert!(db.push_subscriptions_of(&beto).await.unwrap().is_empty());
    assert_eq!(
        councils_store::testing::dump(db, "push_subscription")
            .await
            .len(),
        1
    );
}
