//! How members chose to hear about topics, the delivery details of many members at once, and
//! the notices kept for members who hear by mail (migration 0012).

use super::*;

fn kept(id: &str, member: &MemberId, at: i64, mailed: Option<i64>) -> NoticeItem {
    NoticeItem {
        id: id.into(),
        member: member.clone(),
        topic: NoticeTopic::Motions,
        kind: "voting-opened".into(),
        path: format!("/c/garment/motions/{id}"),
        created_at: at,
        mailed_at: mailed,
    }
}

pub(crate) async fn notice_choices_are_replaced_whole_and_read_back(db: &Db) {
    let (_, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    assert!(db.notice_preferences(&rosa).await.unwrap().is_empty());
    db.set_notice_preferences(
        &rosa,
        &[
            (NoticeTopic::Motions, DeliveryMode::Digest),
            (NoticeTopic::Events, DeliveryMode::Live),
        ],
    )
    .await
    .unwrap();
    db.set_notice_preferences(&rosa, &[(NoticeTopic::Publications, DeliveryMode::Email)])
        .await
        .unwrap();
    assert_eq!(
        db.notice_preferences(&rosa).await.unwrap(),
        vec![(NoticeTopic::Publications, DeliveryMode::Email)]
    );
}

pub(crate) async fn delivery_targets_of_hundreds_are_read_with_their_choice_and_devices(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    // More members than one statement reads, so the reads are split.
    let mut members = vec![rosa.clone()];
    for n in 0..540 {
        members.push(join(db, &garment, &format!("obrera{n}")).await.0);
    }
    let quiet = NewMember {
        email_sealed: None,
        ..member("sinCorreo")
    };
    let invite = invitation(db, Some(&garment), Role::Member).await;
    db.join(&invite, &quiet, None, NOW).await.unwrap();
    members.push(quiet.id.clone());
    let late = members[530].clone();
    db.set_notice_preferences(&late, &[(NoticeTopic::Motions, DeliveryMode::Digest)])
        .await
        .unwrap();
    for (n, who) in [(1, &late), (2, &late), (3, &rosa)] {
        db.save_push_subscription(&PushSubscriptionRecord {
            id: PushSubscriptionId::new(format!("sub-{n}")),
            member_id: who.clone(),
            endpoint_hash: format!("hash-{n}"),
            endpoint_sealed: vec![n],
            keys_sealed: vec![n, n],
            created_at: NOW + i64::from(n),
        })
        .await
        .unwrap();
    }

    let targets = db
        .delivery_targets(&members, NoticeTopic::Motions)
        .await
        .unwrap();
    assert_eq!(
        targets.len(),
        541,
        "everyone with an email; not the one without"
    );
    assert!(targets.iter().all(|t| t.member != quiet.id));
    let of = |who: &MemberId| targets.iter().find(|t| &t.member == who).unwrap();
    assert_eq!(of(&late).mode, Some(DeliveryMode::Digest));
    assert_eq!(
        of(&late)
            .subscriptions
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        vec!["sub-1", "sub-2"]
    );
    assert_eq!(of(&rosa).subscriptions.len(), 1);
    assert_eq!(of(&rosa).mode, None);
    assert_eq!(of(&rosa).email_sealed.as_deref(), Some(&[1u8, 2, 3][..]));
    // Another topic: the choice for motions does not count.
    let events = db
        .delivery_targets(std::slice::from_ref(&late), NoticeTopic::Events)
        .await
        .unwrap();
    assert_eq!(events[0].mode, None);
    assert!(
        db.delivery_targets(&[], NoticeTopic::Motions)
            .await
            .unwrap()
            .is_empty()
    );
}

pub(crate) async fn a_digest_is_taken_once_and_kept_notices_go_after_their_time(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    db.keep_notices(&[
        kept("a", &rosa, NOW, None),
        kept("b", &rosa, NOW + 100, None),
        kept("c", &lupe, NOW + 50, Some(NOW + 50)),
        kept("d", &lupe, NOW + 200, None),
    ])
    .await
    .unwrap();
    assert_eq!(
        db.digests_due(NOW - 1).await.unwrap(),
        Vec::<MemberId>::new()
    );
    assert_eq!(db.digests_due(NOW).await.unwrap(), vec![rosa.clone()]);
    assert_eq!(
        db.digests_due(NOW + 200).await.unwrap().len(),
        2,
        "a notice mailed at once waits for no digest"
    );
    let digest = db.take_digest(&rosa, NOW + 300).await.unwrap();
    assert_eq!(
        digest.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        vec!["a", "b"]
    );
    assert!(db.take_digest(&rosa, NOW + 301).await.unwrap().is_empty());
    let page = db.kept_notices(&rosa).await.unwrap();
    assert_eq!(
        page.iter()
            .map(|i| (i.id.as_str(), i.mailed_at))
            .collect::<Vec<_>>(),
        vec![("b", Some(NOW + 300)), ("a", Some(NOW + 300))],
        "newest first, both mailed"
    );
    assert_eq!(db.forget_notices_before(NOW + 100).await.unwrap(), 2);
    assert_eq!(
        db.kept_notices(&lupe)
            .await
            .unwrap()
            .iter()
            .map(|i| i.id.as_str())
            .collect::<Vec<_>>(),
        vec!["d"]
    );
}
