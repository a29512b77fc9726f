//! Members, invitations, vouching, the federation, sessions and settings.

use super::*;

pub(crate) async fn a_newcomer_joins_through_an_invitation_once(db: &Db) {
    let (garment, _) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let invite = invitation(db, Some(&garment), Role::Verifier).await;
    assert_eq!(
        db.join(&invite, &member("lupe"), None, NOW).await.unwrap(),
        MembershipStatus::Active
    );
    let again = db.join(&invite, &member("mateo"), None, NOW).await;
    assert!(matches!(again, Err(StoreError::InvitationUsed)));
    assert!(
        db.member_by_handle(&Handle::parse("mateo").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    let lupe = db
        .membership(&garment, &MemberId::new("id-lupe"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(lupe.roles, vec![Role::Member, Role::Verifier]);
    let stored = db.member(&MemberId::new("id-lupe")).await.unwrap().unwrap();
    assert_eq!(stored.email_sealed, Some(vec![1, 2, 3]));
}

pub(crate) async fn a_taken_handle_leaves_the_invitation_unused(db: &Db) {
    let (garment, _) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let invite = invitation(db, Some(&garment), Role::Member).await;
    let mut clash = member("ROSA");
    clash.id = MemberId::new("someone-else");
    assert!(matches!(
        db.join(&invite, &clash, None, NOW).await,
        Err(StoreError::HandleTaken)
    ));
    let unused = db.join(&invite, &member("lupe"), None, NOW).await;
    assert!(
        unused.is_ok(),
        "the invitation was still usable: {unused:?}"
    );
    assert_eq!(db.minutes(&garment).await.unwrap().len(), 3);
}

pub(crate) async fn the_founding_invitation_founds_a_council_with_its_organiser(db: &Db) {
    assert!(db.is_empty().await.unwrap());
    let (boyle, rosa) = founded(
        db,
        "boyle-heights",
        CouncilKind::NeighbourhoodCommittee,
        2,
        "rosa",
    )
    .await;
    assert!(!db.is_empty().await.unwrap());
    let stored = db
        .council_by_slug(&Slug::parse("boyle-heights").unwrap())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.kind, CouncilKind::NeighbourhoodCommittee);
    assert_eq!(stored.settings.vouches_required, 2);
    let membership = db.membership(&boyle, &rosa).await.unwrap().unwrap();
    assert_eq!(membership.status, MembershipStatus::Active);
    assert_eq!(membership.roles, vec![Role::Member, Role::Organiser]);
    let minutes = db.minutes(&boyle).await.unwrap();
    assert_eq!(minutes[0].event().unwrap().code(), "council-founded");
    assert_eq!(minutes[1].event().unwrap().code(), "member-joined");
    assert_eq!(verify_chain(&minutes), Ok(()));
    let taken = db
        .found_council(
            &council("boyle-heights", CouncilKind::WorkingGroup, 0),
            &rosa,
            NOW,
        )
        .await;
    assert!(matches!(taken, Err(StoreError::SlugTaken)));
}

pub(crate) async fn a_newcomer_becomes_active_after_enough_vouches(db: &Db) {
    let (boyle, rosa) = founded(db, "boyle", CouncilKind::NeighbourhoodCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &boyle, "lupe").await;
    db.update_council(
        &boyle,
        &council("boyle", CouncilKind::NeighbourhoodCommittee, 2).names,
        CouncilSettings {
            vouches_required: 2,
            seat_rule: SeatRule::default(),
        },
        &rosa,
        NOW,
    )
    .await
    .unwrap();
    let (ana, status) = join(db, &boyle, "ana").await;
    assert_eq!(status, MembershipStatus::Pending);
    assert_eq!(
        db.vouch(&boyle, &ana, &rosa, NOW).await.unwrap(),
        MembershipStatus::Pending
    );
    assert_eq!(
        db.membership(&boyle, &ana).await.unwrap().unwrap().status,
        MembershipStatus::Pending
    );
    assert_eq!(
        db.vouch(&boyle, &ana, &lupe, NOW).await.unwrap(),
        MembershipStatus::Active
    );
    assert_eq!(
        db.membership(&boyle, &ana).await.unwrap().unwrap().status,
        MembershipStatus::Active
    );
    let codes: Vec<_> = db
        .minutes(&boyle)
        .await
        .unwrap()
        .iter()
        .map(|e| e.event().unwrap().code())
        .collect();
    assert_eq!(
        &codes[codes.len() - 3..],
        ["vouched", "vouched", "member-activated"]
    );
}

pub(crate) async fn a_member_cannot_vouch_twice_for_the_same_newcomer(db: &Db) {
    let (boyle, rosa) = founded(db, "boyle", CouncilKind::NeighbourhoodCommittee, 3, "rosa").await;
    let (ana, _) = join(db, &boyle, "ana").await;
    db.vouch(&boyle, &ana, &rosa, NOW).await.unwrap();
    assert!(matches!(
        db.vouch(&boyle, &ana, &rosa, NOW).await,
        Err(StoreError::AlreadyVouched)
    ));
    let listing = db.members_of(&boyle).await.unwrap();
    let ana_listing = listing.iter().find(|m| m.member_id == ana).unwrap();
    assert_eq!(ana_listing.vouched_by, vec![rosa]);
}

pub(crate) async fn a_federation_cycle_is_refused_and_nothing_is_written(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let city = council("la-city", CouncilKind::CityCouncil, 0);
    db.found_council(&city, &rosa, NOW).await.unwrap();
    db.request_link(&garment, &city.id, &rosa, NOW)
        .await
        .unwrap();
    db.accept_link(&garment, &city.id, &rosa, NOW)
        .await
        .unwrap();
    let before = db.minutes(&city.id).await.unwrap().len();
    let cycle = db.request_link(&city.id, &garment, &rosa, NOW).await;
    assert!(matches!(
        cycle,
        Err(StoreError::Federation(FederationError::Cycle))
    ));
    assert_eq!(db.links().await.unwrap().len(), 1);
    assert_eq!(db.minutes(&city.id).await.unwrap().len(), before);
    let again = db.request_link(&garment, &city.id, &rosa, NOW).await;
    assert!(matches!(
        again,
        Err(StoreError::Federation(FederationError::AlreadyLinked))
    ));
}

pub(crate) async fn represented_members_are_counted_once_across_paths(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    join(db, &garment, "lupe").await;
    let strike = council("strike", CouncilKind::StrikeCommittee, 0);
    let city = council("city", CouncilKind::CityCouncil, 0);
    db.found_council(&strike, &rosa, NOW).await.unwrap();
    db.found_council(&city, &rosa, NOW).await.unwrap();
    for (from, to) in [
        (&garment, &city.id),
        (&garment, &strike.id),
        (&strike.id, &city.id),
    ] {
        db.request_link(from, to, &rosa, NOW).await.unwrap();
        db.accept_link(from, to, &rosa, NOW).await.unwrap();
    }
    // rosa is in all three councils, lupe in garment only: two distinct members.
    assert_eq!(db.represented_members(&city.id).await.unwrap(), 2);
    assert_eq!(db.represented_members(&garment).await.unwrap(), 2);
    let pending_only = council("pending", CouncilKind::WorkingGroup, 0);
    db.found_council(&pending_only, &rosa, NOW).await.unwrap();
    db.request_link(&pending_only.id, &city.id, &rosa, NOW)
        .await
        .unwrap();
    assert_eq!(db.represented_members(&city.id).await.unwrap(), 2);
}

pub(crate) async fn the_last_organiser_cannot_be_removed_or_demoted(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    assert!(matches!(
        db.revoke_role(&garment, &rosa, Role::Organiser, &rosa, NOW)
            .await,
        Err(StoreError::LastOrganiser)
    ));
    assert!(matches!(
        db.remove_member(&garment, &rosa, &rosa, NOW).await,
        Err(StoreError::LastOrganiser)
    ));
    let (lupe, _) = join(db, &garment, "lupe").await;
    db.grant_role(&garment, &lupe, Role::Organiser, &rosa, NOW)
        .await
        .unwrap();
    db.revoke_role(&garment, &rosa, Role::Organiser, &lupe, NOW)
        .await
        .unwrap();
    assert_eq!(
        db.membership(&garment, &rosa).await.unwrap().unwrap().roles,
        vec![Role::Member]
    );
}

pub(crate) async fn removing_a_member_ends_all_their_sessions(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    for n in 0..2 {
        db.create_session(&SessionRecord {
            id: SessionId::new(format!("s{n}")),
            token_hash: format!("hash{n}"),
            member_id: lupe.clone(),
            kind: SessionKind::Browser,
            created_at: NOW,
            last_seen_at: NOW,
        })
        .await
        .unwrap();
    }
    assert_eq!(db.sessions_of(&lupe).await.unwrap().len(), 2);
    db.remove_member(&garment, &lupe, &rosa, NOW).await.unwrap();
    assert!(db.sessions_of(&lupe).await.unwrap().is_empty());
    assert!(db.membership(&garment, &lupe).await.unwrap().is_none());
    assert!(db.session_by_token_hash("hash0").await.unwrap().is_none());
}

pub(crate) async fn a_deleted_member_leaves_a_tombstone_and_a_valid_chain(db: &Db) {
    let (garment, _) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    db.delete_member(&lupe, NOW + 5).await.unwrap();
    assert!(db.member(&lupe).await.unwrap().is_none());
    assert!(
        db.member_by_handle(&Handle::parse("lupe").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    let last = minutes.last().unwrap().event().unwrap();
    assert_eq!(
        last,
        MinutesEvent::MemberLeft {
            member: lupe.clone()
        }
    );
    assert!(
        minutes
            .iter()
            .all(|e| !e.body.contains("lupe\"") || e.body.contains("id-lupe"))
    );
    assert!(
        db.members_of(&garment)
            .await
            .unwrap()
            .iter()
            .all(|m| m.member_id != lupe)
    );
}

pub(crate) async fn expired_sessions_and_invitations_are_purged(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    invitation(db, Some(&garment), Role::Member).await;
    for (n, last_seen) in [(0, NOW - 10_000), (1, NOW)] {
        db.create_session(&SessionRecord {
            id: SessionId::new(format!("s{n}")),
            token_hash: format!("hash{n}"),
            member_id: rosa.clone(),
            kind: SessionKind::Api,
            created_at: NOW - 20_000,
            last_seen_at: last_seen,
        })
        .await
        .unwrap();
    }
    let purged = db
        .purge(NOW + 7200, NOW - 7200, NOW - 100_000)
        .await
        .unwrap();
    assert_eq!(
        purged,
        Purged {
            sessions: 1,
            invitations: 2
        }
    );
    assert_eq!(db.sessions_of(&rosa).await.unwrap().len(), 1);
}

pub(crate) async fn settings_changes_are_recorded_in_the_minutes(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let names = vec![
        CouncilName {
            language: Language::En,
            name: "Garment workers".into(),
            description: "Shop floor".into(),
        },
        CouncilName {
            language: Language::Es,
            name: "Costureras".into(),
            description: "Taller".into(),
        },
    ];
    let settings = CouncilSettings {
        vouches_required: 1,
        seat_rule: SeatRule {
            members_per_delegate: 10,
            minimum: 2,
        },
    };
    db.update_council(&garment, &names, settings, &rosa, NOW)
        .await
        .unwrap();
    let stored = db.council(&garment).await.unwrap().unwrap();
    assert_eq!(stored.settings, settings);
    assert_eq!(stored.name_in(Language::En).name, "Garment workers");
    let codes: Vec<_> = db
        .minutes(&garment)
        .await
        .unwrap()
        .iter()
        .map(|e| e.event().unwrap().code())
        .collect();
    assert_eq!(
        &codes[codes.len() - 2..],
        ["settings-changed", "names-changed"]
    );
}
