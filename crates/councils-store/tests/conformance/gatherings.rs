//! Events with their roles, sign-ups, RSVPs, shares and updates, and mutual-aid posts with
//! their steps and shares (migration 0010).

use super::*;
use councils_domain::event::{EventKind, EventRole};
use councils_domain::mutual_aid::{AidDirection, AidKind, AidStatus};

fn event(id: &str, council: &CouncilId, by: &MemberId, ends_at: i64) -> EventRecord {
    EventRecord {
        id: EventId::new(id),
        council_id: council.clone(),
        kind: EventKind::Protest,
        starts_at: ends_at - 3 * 3_600,
        ends_at,
        utc_offset: -480,
        text_sealed: b"sealed text".to_vec(),
        created_by: Some(by.clone()),
        created_at: NOW,
        cancelled_at: None,
    }
}

pub(crate) async fn a_role_takes_as_many_as_it_needs_and_no_more(db: &Db) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let (city, _) = founded(db, "city", CouncilKind::CityCouncil, 0, "cityorg").await;
    let (pablo, _) = join(db, &barrio, "pablo").await;
    let (lupe, _) = join(db, &barrio, "lupe").await;
    db.create_event(
        &event("e1", &barrio, &rosa, NOW + 86_400),
        &[(EventRole::Medic, 1), (EventRole::Marshal, 2)],
        std::slice::from_ref(&city),
    )
    .await
    .unwrap();
    let e = EventId::new("e1");
    assert_eq!(
        db.sign_up(&e, &pablo, EventRole::Medic, NOW).await.unwrap(),
        SignUpOutcome::Signed
    );
    assert_eq!(
        db.sign_up(&e, &lupe, EventRole::Medic, NOW).await.unwrap(),
        SignUpOutcome::Full
    );
    assert_eq!(
        db.sign_up(&e, &lupe, EventRole::Interpreter, NOW)
            .await
            .unwrap(),
        SignUpOutcome::NotNeeded
    );
    // Signing up again for the role one holds fits; a new role replaces the old.
    assert_eq!(
        db.sign_up(&e, &pablo, EventRole::Medic, NOW).await.unwrap(),
        SignUpOutcome::Signed
    );
    assert_eq!(
        db.sign_up(&e, &pablo, EventRole::Marshal, NOW)
            .await
            .unwrap(),
        SignUpOutcome::Signed
    );
    assert_eq!(
        db.sign_up(&e, &lupe, EventRole::Medic, NOW).await.unwrap(),
        SignUpOutcome::Signed
    );
    let detail = db.event(&e).await.unwrap().unwrap();
    assert_eq!(
        detail.needs,
        vec![(EventRole::Marshal, 2), (EventRole::Medic, 1)]
    );
    let mut roles: Vec<(String, EventRole)> = detail
        .sign_ups
        .iter()
        .map(|s| (s.handle.to_string(), s.role))
        .collect();
    roles.sort();
    assert_eq!(
        roles,
        vec![
            ("lupe".into(), EventRole::Medic),
            ("pablo".into(), EventRole::Marshal)
        ]
    );
    // Signing up counts as coming; not coming drops the role too.
    assert_eq!(detail.rsvps.len(), 2);
    db.set_rsvp(&e, &lupe, false, NOW).await.unwrap();
    let detail = db.event(&e).await.unwrap().unwrap();
    assert_eq!(detail.rsvps.len(), 1);
    assert_eq!(detail.sign_ups.len(), 1);
    assert_eq!(detail.shared_with, vec![city.clone()]);
    // The city sees it; a committee it was not shared with does not.
    assert_eq!(db.events_for(&city, NOW).await.unwrap().len(), 1);
    let (other, _) = founded(db, "other", CouncilKind::WorkplaceCommittee, 0, "olga").await;
    assert!(db.events_for(&other, NOW).await.unwrap().is_empty());
    // A deleted account leaves no RSVP or sign-up behind.
    db.delete_member(&pablo, NOW).await.unwrap();
    let detail = db.event(&e).await.unwrap().unwrap();
    assert!(detail.rsvps.is_empty() && detail.sign_ups.is_empty());
}

pub(crate) async fn an_event_is_updated_called_off_once_and_purged_with_all_it_holds(db: &Db) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let (pablo, _) = join(db, &barrio, "pablo").await;
    db.create_event(
        &event("old", &barrio, &rosa, NOW - 100),
        &[(EventRole::Medic, 1)],
        &[],
    )
    .await
    .unwrap();
    db.create_event(&event("new", &barrio, &rosa, NOW + 100), &[], &[])
        .await
        .unwrap();
    let old = EventId::new("old");
    db.sign_up(&old, &pablo, EventRole::Medic, NOW)
        .await
        .unwrap();
    for (n, at) in [(1, NOW - 50), (2, NOW - 40)] {
        db.add_event_update(&EventUpdateRecord {
            id: format!("u{n}"),
            event_id: old.clone(),
            text_sealed: vec![n],
            posted_by: Some(rosa.clone()),
            posted_at: at,
        })
        .await
        .unwrap();
    }
    let detail = db.event(&old).await.unwrap().unwrap();
    assert_eq!(
        detail
            .updates
            .iter()
            .map(|u| u.text_sealed[0])
            .collect::<Vec<_>>(),
        [2, 1]
    );
    db.cancel_event(&old, NOW).await.unwrap();
    assert!(matches!(
        db.cancel_event(&old, NOW).await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(
        db.event(&old).await.unwrap().unwrap().event.cancelled_at,
        Some(NOW)
    );
    // Only events that ended are listed no more, and purged past the cutoff.
    assert_eq!(db.events_for(&barrio, NOW).await.unwrap().len(), 1);
    assert_eq!(db.purge_events(NOW - 200).await.unwrap(), 0);
    assert_eq!(db.purge_events(NOW).await.unwrap(), 1);
    assert!(db.event(&old).await.unwrap().is_none());
    assert!(db.event(&EventId::new("new")).await.unwrap().is_some());
}

fn aid(id: &str, council: &CouncilId, by: &MemberId, direction: AidDirection) -> AidRecord {
    AidRecord {
        id: AidId::new(id),
        council_id: council.clone(),
        direction,
        kind: AidKind::Rides,
        status: AidStatus::Open,
        for_other: true,
        text_sealed: b"sealed".to_vec(),
        posted_by: Some(by.clone()),
        posted_at: NOW,
        matched_by: None,
        closed_at: None,
    }
}

pub(crate) async fn an_aid_post_moves_only_from_the_status_it_was_read_in(db: &Db) {
    let (barrio, rosa) =
        founded(db, "barrio", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let (city, _) = founded(db, "city", CouncilKind::CityCouncil, 0, "cityorg").await;
    let (pablo, _) = join(db, &barrio, "pablo").await;
    db.create_aid(
        &aid("a1", &barrio, &rosa, AidDirection::Request),
        std::slice::from_ref(&city),
    )
    .await
    .unwrap();
    let a1 = AidId::new("a1");
    let matched = AidChange {
        from: AidStatus::Open,
        to: AidStatus::Matched,
        matched_by: Some(pablo.clone()),
        now: NOW + 1,
    };
    db.change_aid(&a1, &matched).await.unwrap();
    // A second answer read it open too: refused, nothing written.
    assert!(matches!(
        db.change_aid(&a1, &matched).await,
        Err(StoreError::Conflict)
    ));
    assert!(matches!(
        db.change_aid(&AidId::new("nope"), &matched).await,
        Err(StoreError::NotFound)
    ));
    let stored = db.aid(&a1).await.unwrap().unwrap();
    assert_eq!(
        (stored.status, stored.matched_by.clone(), stored.closed_at),
        (AidStatus::Matched, Some(pablo.clone()), None)
    );
    assert!(stored.for_other);
    db.change_aid(
        &a1,
        &AidChange {
            from: AidStatus::Matched,
            to: AidStatus::Met,
            matched_by: Some(pablo.clone()),
            now: NOW + 2,
        },
    )
    .await
    .unwrap();
    assert_eq!(db.aid(&a1).await.unwrap().unwrap().closed_at, Some(NOW + 2));
    assert_eq!(db.aid_shares(&a1).await.unwrap(), vec![city.clone()]);
    assert_eq!(db.aid_for(&city).await.unwrap().len(), 1);
    // An open post stays whatever its age; a met one goes after the cutoff, with its shares.
    db.create_aid(&aid("a2", &barrio, &pablo, AidDirection::Offer), &[])
        .await
        .unwrap();
    assert_eq!(db.purge_aid(NOW + 2).await.unwrap(), 0);
    assert_eq!(db.purge_aid(NOW + 3).await.unwrap(), 1);
    assert!(db.aid(&a1).await.unwrap().is_none());
    assert!(db.aid_for(&city).await.unwrap().is_empty());
    assert_eq!(db.aid_for(&barrio).await.unwrap().len(), 1);
}
