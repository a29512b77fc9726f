//! Council democracy: delegation rules, elections and seats, terms, mandates, referendums.

use super::*;

/// Garment (rosa, lupe, ana, luz) a constituent of the city (founded by rosa, so she is a
/// member there in her own right).
pub(crate) async fn federation_of_garment(db: &Db) -> (CouncilId, CouncilId, Vec<MemberId>) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let mut members = vec![rosa.clone()];
    for handle in ["lupe", "ana", "luz"] {
        members.push(join(db, &garment, handle).await.0);
    }
    let city = council("city", CouncilKind::CityCouncil, 0);
    db.found_council(&city, &rosa, NOW).await.unwrap();
    db.request_link(&garment, &city.id, &rosa, NOW)
        .await
        .unwrap();
    db.accept_link(&garment, &city.id, &rosa, NOW)
        .await
        .unwrap();
    (garment, city.id, members)
}

/// An STV election of garment for `seats` among `candidates`, in discussion.
pub(crate) fn election(
    id: &str,
    garment: &CouncilId,
    city: &CouncilId,
    mover: Option<&MemberId>,
    seats: u32,
    candidates: &[&MemberId],
) -> (MotionRecord, ElectionRecord) {
    let method = Method::Stv {
        seats,
        variant: StvVariant::Meek,
    };
    let rules = MotionRules::new(
        MotionKind::Election,
        method,
        Quorum::None,
        MajorityRule::default(),
        Secrecy::Secret,
    )
    .unwrap();
    let motion = MotionRecord {
        kind: MotionKind::Election,
        rules,
        options: candidates.iter().map(|c| c.as_str().to_string()).collect(),
        mover: mover.cloned(),
        ..yes_no_motion(
            id,
            garment,
            candidates[0],
            Secrecy::Secret,
            Phase::Discussion,
        )
    };
    let record = ElectionRecord {
        motion_id: motion.id.clone(),
        constituent_id: garment.clone(),
        parent_id: city.clone(),
        term_months: 6,
        candidates: candidates.iter().map(|&c| c.clone()).collect(),
        by_election: mover.is_none(),
    };
    (motion, record)
}

/// Opens voting on a motion and decides it with everyone ranking the options in order.
pub(crate) async fn decide_ranked(db: &Db, motion: &MotionId, by: &MemberId, at: i64) -> Outcome {
    db.change_phase(&PhaseChange {
        entitled: Some(4),
        ..phase_change(motion, Phase::Discussion, Phase::Voting, by)
    })
    .await
    .unwrap();
    let stored = db.motion(motion).await.unwrap().unwrap();
    let options = stored.options.clone();
    let order: Vec<Vec<usize>> = (0..options.len()).map(|i| vec![i]).collect();
    db.decide(motion, at, &|_| {
        count(
            &stored.rules,
            &options,
            &[(Choice::Ranked(order.clone()), 4)],
            Some(4),
            7,
        )
        .map_err(|e| e.to_string())
    })
    .await
    .unwrap()
}

pub(crate) fn events(minutes: &[MinutesEntry]) -> Vec<&'static str> {
    minutes.iter().map(|e| e.event().unwrap().code()).collect()
}

pub(crate) async fn delegation_rules_default_round_trip_and_are_minuted(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    assert_eq!(
        db.delegation_rules(&garment).await.unwrap(),
        DelegationRules::default()
    );
    let rules = DelegationRules {
        term_cap: TermCap::Consecutive(2),
        mandate_policy: MandatePolicy::RecordAndFlag,
        recall: RecallRules {
            threshold: RecallThreshold::Share { num: 1, den: 3 },
            mode: RecallMode::OpenRecallVote,
        },
        vote_weighting: VoteWeighting::Seats,
    };
    db.set_delegation_rules(&garment, &rules, &rosa, NOW)
        .await
        .unwrap();
    db.set_delegation_rules(&garment, &rules, &rosa, NOW + 1)
        .await
        .unwrap();
    assert_eq!(db.delegation_rules(&garment).await.unwrap(), rules);
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    assert_eq!(events(&minutes).last(), Some(&"delegation-rules-changed"));
}

pub(crate) async fn a_decided_election_seats_its_winners_and_a_new_term_ends_the_old(db: &Db) {
    let (garment, city, m) = federation_of_garment(db).await;
    let (rosa, lupe, ana) = (&m[0], &m[1], &m[2]);
    let (motion, record) = election("e1", &garment, &city, Some(rosa), 2, &[lupe, rosa, ana]);
    db.create_election(&motion, &record).await.unwrap();
    assert_eq!(db.election(&motion.id).await.unwrap(), Some(record));
    let outcome = decide_ranked(db, &motion.id, rosa, NOW + 100).await;
    assert_eq!(
        outcome.decision,
        Decision::Elected {
            winners: vec![0, 1]
        }
    );
    let delegates = db.delegates_of(&garment).await.unwrap();
    assert_eq!(delegates.len(), 2);
    let lupe_seat = delegates.iter().find(|d| d.member_id == *lupe).unwrap();
    assert_eq!(lupe_seat.status, DelegateStatus::Active);
    assert_eq!(lupe_seat.parent_id, city);
    assert_eq!(lupe_seat.term_starts_at, NOW + 100);
    assert_eq!(lupe_seat.term_ends_at, NOW + 100 + 6 * 30 * 24 * 3600);
    assert!(
        lupe_seat.seated,
        "lupe became a member of the city with her seat"
    );
    let rosa_seat = delegates.iter().find(|d| d.member_id == *rosa).unwrap();
    assert!(!rosa_seat.seated, "rosa was a member of the city already");
    assert_eq!(db.delegates_of(&city).await.unwrap().len(), 2);
    assert_eq!(
        db.membership(&city, lupe).await.unwrap().unwrap().status,
        MembershipStatus::Active
    );
    // The next term: ana and rosa. Lupe's term ends and her seat's membership with it.
    let (next, record) = election("e2", &garment, &city, Some(rosa), 2, &[ana, rosa, lupe]);
    db.create_election(&next, &record).await.unwrap();
    decide_ranked(db, &next.id, rosa, NOW + 200).await;
    let delegates = db.delegates_of(&garment).await.unwrap();
    let active: Vec<_> = delegates
        .iter()
        .filter(|d| d.status == DelegateStatus::Active)
        .map(|d| d.member_id.clone())
        .collect();
    assert_eq!(active.len(), 2);
    assert!(active.contains(ana) && active.contains(rosa));
    let old = db.delegate(&lupe_seat.id).await.unwrap().unwrap();
    assert_eq!(old.status, DelegateStatus::Ended);
    assert_eq!(old.ended_at, Some(NOW + 200));
    assert!(db.membership(&city, lupe).await.unwrap().is_none());
    assert!(db.membership(&city, rosa).await.unwrap().is_some());
    let garment_minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&garment_minutes), Ok(()));
    let codes = events(&garment_minutes);
    assert_eq!(
        codes.iter().filter(|c| **c == "delegate-elected").count(),
        4
    );
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "delegate-term-ended")
            .count(),
        2
    );
    let city_minutes = db.minutes(&city).await.unwrap();
    assert_eq!(verify_chain(&city_minutes), Ok(()));
    let codes = events(&city_minutes);
    assert!(codes.contains(&"delegate-seated") && codes.contains(&"delegate-unseated"));
}

pub(crate) async fn a_term_that_runs_out_ends_the_seat_and_the_membership_that_came_with_it(
    db: &Db,
) {
    let (garment, city, m) = federation_of_garment(db).await;
    let (rosa, lupe, ana) = (&m[0], &m[1], &m[2]);
    let (motion, record) = election("e1", &garment, &city, Some(rosa), 2, &[lupe, ana, rosa]);
    db.create_election(&motion, &record).await.unwrap();
    decide_ranked(db, &motion.id, rosa, NOW + 100).await;
    let ends = db.delegates_of(&garment).await.unwrap()[0].term_ends_at;
    assert_eq!(db.end_expired_terms(ends - 1).await.unwrap(), 0);
    assert!(db.membership(&city, lupe).await.unwrap().is_some());
    assert_eq!(db.end_expired_terms(ends).await.unwrap(), 2);
    let delegates = db.delegates_of(&garment).await.unwrap();
    assert!(delegates.iter().all(|d| d.status == DelegateStatus::Ended));
    assert!(delegates.iter().all(|d| d.ended_at == Some(ends)));
    assert!(db.membership(&city, lupe).await.unwrap().is_none());
    assert!(db.membership(&city, ana).await.unwrap().is_none());
    assert_eq!(
        db.end_expired_terms(ends + 1).await.unwrap(),
        0,
        "once only"
    );
    let garment_minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&garment_minutes), Ok(()));
    let ended = events(&garment_minutes)
        .into_iter()
        .filter(|c| *c == "delegate-term-ended")
        .count();
    assert_eq!(ended, 2);
    let city_minutes = db.minutes(&city).await.unwrap();
    assert_eq!(verify_chain(&city_minutes), Ok(()));
    assert!(events(&city_minutes).contains(&"delegate-unseated"));
}

/// A mandate motion of garment on `higher`, in discussion.
pub(crate) fn mandate_motion(id: &str, garment: &CouncilId, mover: &MemberId) -> MotionRecord {
    MotionRecord {
        rules: MotionRules::new(
            MotionKind::Ordinary,
            Method::Irv,
            Quorum::None,
            MajorityRule::default(),
            Secrecy::Open,
        )
        .unwrap(),
        options: ["for", "against", "abstain", "free"]
            .map(String::from)
            .to_vec(),
        ..yes_no_motion(id, garment, mover, Secrecy::Open, Phase::Discussion)
    }
}

pub(crate) async fn a_decided_mandate_motion_records_the_mandate_and_a_later_one_replaces_it(
    db: &Db,
) {
    let (garment, city, m) = federation_of_garment(db).await;
    let rosa = &m[0];
    let higher = yes_no_motion("fund", &city, rosa, Secrecy::Open, Phase::Discussion);
    db.create_motion(&higher).await.unwrap();
    let first = mandate_motion("m1", &garment, rosa);
    let link = MandateMotionRecord {
        motion_id: first.id.clone(),
        for_motion_id: higher.id.clone(),
        constituent_id: garment.clone(),
    };
    db.create_mandate_motion(&first, &link).await.unwrap();
    assert_eq!(
        db.mandate_motion(&first.id).await.unwrap(),
        Some(link.clone())
    );
    assert_eq!(
        db.mandate_motions_for(&higher.id).await.unwrap(),
        vec![link]
    );
    assert_eq!(db.mandate(&higher.id, &garment).await.unwrap(), None);
    decide_ranked(db, &first.id, rosa, NOW + 100).await;
    let mandate = db.mandate(&higher.id, &garment).await.unwrap().unwrap();
    assert_eq!(mandate.choice, MandateChoice::For);
    assert_eq!(mandate.mandate_motion_id, first.id);
    // A later mandate motion, counted with "free" first (options in another order).
    let second = MotionRecord {
        options: ["free", "for", "against", "abstain"]
            .map(String::from)
            .to_vec(),
        ..mandate_motion("m2", &garment, rosa)
    };
    db.create_mandate_motion(
        &second,
        &MandateMotionRecord {
            motion_id: second.id.clone(),
            for_motion_id: higher.id.clone(),
            constituent_id: garment.clone(),
        },
    )
    .await
    .unwrap();
    decide_ranked(db, &second.id, rosa, NOW + 200).await;
    let mandates = db.mandates_of(&garment).await.unwrap();
    assert_eq!(mandates.len(), 1);
    assert_eq!(mandates[0].choice, MandateChoice::Free);
    assert_eq!(db.mandates_for(&higher.id).await.unwrap(), mandates);
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    assert!(minutes.iter().any(|e| e.event()
        == Some(MinutesEvent::MandateVoted {
            motion: higher.id.clone(),
            parent: city.clone(),
            mandate: "free".into(),
        })));
}

pub(crate) async fn a_referendum_is_called_once_before_voting_and_reaches_the_subtree(db: &Db) {
    let (garment, city, m) = federation_of_garment(db).await;
    let (warehouse, dmitri) = founded(
        db,
        "warehouse",
        CouncilKind::WorkplaceCommittee,
        0,
        "dmitri",
    )
    .await;
    let higher = yes_no_motion("fund", &city, &m[0], Secrecy::Open, Phase::Discussion);
    db.create_motion(&higher).await.unwrap();
    assert!(!db.is_referendum(&higher.id).await.unwrap());
    db.call_referendum(&higher.id, &m[0], NOW + 10)
        .await
        .unwrap();
    db.call_referendum(&higher.id, &m[0], NOW + 11)
        .await
        .unwrap();
    assert!(db.is_referendum(&higher.id).await.unwrap());
    let stored = db.motion(&higher.id).await.unwrap().unwrap();
    assert_eq!(
        stored.rules.secrecy(),
        Secrecy::Secret,
        "members vote in secret"
    );
    let codes = events(&db.minutes(&city).await.unwrap());
    assert_eq!(
        codes.iter().filter(|c| **c == "referendum-called").count(),
        1
    );
    assert!(
        db.in_subtree(&city, &m[3]).await.unwrap(),
        "luz, in garment"
    );
    assert!(
        !db.in_subtree(&city, &dmitri).await.unwrap(),
        "not linked yet"
    );
    db.request_link(&warehouse, &city, &dmitri, NOW)
        .await
        .unwrap();
    assert!(!db.in_subtree(&city, &dmitri).await.unwrap(), "only asked");
    db.accept_link(&warehouse, &city, &m[0], NOW).await.unwrap();
    assert!(db.in_subtree(&city, &dmitri).await.unwrap());
    assert!(!db.in_subtree(&garment, &dmitri).await.unwrap());
    db.change_phase(&PhaseChange {
        entitled: Some(5),
        ..phase_change(&higher.id, Phase::Discussion, Phase::Voting, &m[0])
    })
    .await
    .unwrap();
    let other = yes_no_motion("other", &city, &m[0], Secrecy::Open, Phase::Discussion);
    db.create_motion(&other).await.unwrap();
    db.change_phase(&PhaseChange {
        entitled: Some(5),
        ..phase_change(&other.id, Phase::Discussion, Phase::Voting, &m[0])
    })
    .await
    .unwrap();
    assert!(matches!(
        db.call_referendum(&other.id, &m[0], NOW + 12).await,
        Err(StoreError::Conflict)
    ));
}

pub(crate) async fn a_delegate_removed_from_their_council_or_whose_link_ends_leaves_their_seat(
    db: &Db,
) {
    let (garment, city, m) = federation_of_garment(db).await;
    let lupe_seat = seated(db, &garment, &city, &m).await;
    db.remove_member(&garment, &m[1], &m[0], NOW + 500)
        .await
        .unwrap();
    let lupe = db.delegate(&lupe_seat).await.unwrap().unwrap();
    assert_eq!(lupe.status, DelegateStatus::Ended);
    assert!(db.membership(&city, &m[1]).await.unwrap().is_none());
    let rosa_seat = db
        .delegates_of(&garment)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.member_id == m[0])
        .unwrap();
    assert_eq!(rosa_seat.status, DelegateStatus::Active);
    db.end_link(&garment, &city, &m[0], NOW + 600)
        .await
        .unwrap();
    let rosa_seat = db.delegate(&rosa_seat.id).await.unwrap().unwrap();
    assert_eq!(rosa_seat.status, DelegateStatus::Ended);
    assert_eq!(rosa_seat.ended_at, Some(NOW + 600));
    assert!(
        db.membership(&city, &m[0]).await.unwrap().is_some(),
        "rosa is a member of the city in her own right"
    );
    assert_eq!(verify_chain(&db.minutes(&garment).await.unwrap()), Ok(()));
    assert_eq!(verify_chain(&db.minutes(&city).await.unwrap()), Ok(()));
}

/// A ranked motion of `council` over three options, in discussion.
pub(crate) fn ranked_motion(
    id: &str,
    council: &CouncilId,
    mover: &MemberId,
    method: Method,
) -> MotionRecord {
    MotionRecord {
        rules: MotionRules::new(
            MotionKind::Ordinary,
            method,
            Quorum::None,
            MajorityRule::default(),
            Secrecy::Open,
        )
        .unwrap(),
        options: ["Rent freeze", "Back pay", "Safe heat"]
            .map(String::from)
            .to_vec(),
        ..yes_no_motion(id, council, mover, Secrecy::Open, Phase::Discussion)
    }
}

pub(crate) async fn a_ranked_mandate_is_the_schulze_order_or_free_where_a_tie_cannot_be_followed(
    db: &Db,
) {
    let (garment, city, m) = federation_of_garment(db).await;
    let rosa = &m[0];
    for (higher_method, ballots, expected) in [
        (
            Method::Schulze,
            vec![(vec![vec![1], vec![2], vec![0]], 3)],
            MandateChoice::Ranking(vec![vec![1], vec![2], vec![0]]),
        ),
        // Back pay and safe heat tie; instant-runoff takes no equal ranks.
        (
            Method::Irv,
            vec![
                (vec![vec![1], vec![2], vec![0]], 2),
                (vec![vec![2], vec![1], vec![0]], 2),
            ],
            MandateChoice::Free,
        ),
    ] {
        let higher = ranked_motion(
            &format!("higher-{}", higher_method.code()),
            &city,
            rosa,
            higher_method,
        );
        db.create_motion(&higher).await.unwrap();
        let mandate = ranked_motion(
            &format!("mandate-{}", higher_method.code()),
            &garment,
            rosa,
            Method::Schulze,
        );
        db.create_mandate_motion(
            &mandate,
            &MandateMotionRecord {
                motion_id: mandate.id.clone(),
                for_motion_id: higher.id.clone(),
                constituent_id: garment.clone(),
            },
        )
        .await
        .unwrap();
        db.change_phase(&PhaseChange {
            entitled: Some(4),
            ..phase_change(&mandate.id, Phase::Discussion, Phase::Voting, rosa)
        })
        .await
        .unwrap();
        let ballots: Vec<(Choice, u64)> = ballots
            .into_iter()
            .map(|(ranks, w)| (Choice::Ranked(ranks), w))
            .collect();
        db.decide(&mandate.id, NOW + 100, &|_| {
            count(&mandate.rules, &mandate.options, &ballots, Some(4), 7).map_err(|e| e.to_string())
        })
        .await
        .unwrap();
        let recorded = db.mandate(&higher.id, &garment).await.unwrap().unwrap();
        assert_eq!(recorded.choice, expected, "{higher_method:?}");
    }
}
