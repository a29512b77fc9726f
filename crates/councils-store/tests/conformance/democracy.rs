//! Council democracy: delegation rules, elections and seats, mandates, recalls, referendums.

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

/// Garment with lupe and rosa seated in the city for two seats; returns lupe's seat.
pub(crate) async fn seated(
    db: &Db,
    garment: &CouncilId,
    city: &CouncilId,
    m: &[MemberId],
) -> DelegateId {
    let (motion, record) = election("e1", garment, city, Some(&m[0]), 2, &[&m[1], &m[0], &m[2]]);
    db.create_election(&motion, &record).await.unwrap();
    decide_ranked(db, &motion.id, &m[0], NOW + 100).await;
    db.delegates_of(garment)
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.member_id == m[1])
        .unwrap()
        .id
}

pub(crate) fn new_recall(
    id: &str,
    delegate: &DelegateId,
    garment: &CouncilId,
    by: &MemberId,
) -> RecallRecord {
    RecallRecord {
        id: RecallId::new(id),
        delegate_id: delegate.clone(),
        constituent_id: garment.clone(),
        reason: "She ignored the mandate".into(),
        started_by: Some(by.clone()),
        started_at: NOW + 300,
        recall: Recall::new(),
        vote_motion_id: None,
    }
}

pub(crate) fn follow_up(garment: &CouncilId, city: &CouncilId, m: &[MemberId]) -> RecallFollowUp {
    let by_election = election("by", garment, city, None, 1, &[&m[2], &m[3]]);
    let recall_vote = MotionRecord {
        kind: MotionKind::Recall,
        rules: MotionRules::new(
            MotionKind::Recall,
            Method::YesNo,
            Quorum::None,
            MajorityRule::default(),
            Secrecy::Secret,
        )
        .unwrap(),
        phase: Phase::Voting,
        voting_opened_at: Some(NOW + 400),
        entitled: Some(4),
        mover: None,
        ..yes_no_motion(
            "recall-vote",
            garment,
            &m[0],
            Secrecy::Secret,
            Phase::Voting,
        )
    };
    RecallFollowUp {
        by_election: Some(by_election),
        recall_vote,
    }
}

pub(crate) async fn a_recall_at_its_threshold_removes_the_delegate_and_opens_the_by_election(
    db: &Db,
) {
    let (garment, city, m) = federation_of_garment(db).await;
    let lupe_seat = seated(db, &garment, &city, &m).await;
    let recall = RecallId::new("r1");
    db.start_recall(&new_recall("r1", &lupe_seat, &garment, &m[2]))
        .await
        .unwrap();
    assert!(matches!(
        db.start_recall(&new_recall("r2", &lupe_seat, &garment, &m[3]))
            .await,
        Err(StoreError::Conflict)
    ));
    let follow = follow_up(&garment, &city, &m);
    // Four members: a majority is three.
    assert_eq!(
        db.sign_recall(&recall, &m[2], NOW + 310, &follow)
            .await
            .unwrap(),
        RecallStep::StillCollecting { needed: 2 }
    );
    assert!(matches!(
        db.sign_recall(&recall, &m[2], NOW + 311, &follow).await,
        Err(StoreError::Recall(RecallError::AlreadySigned))
    ));
    db.sign_recall(&recall, &m[3], NOW + 320, &follow)
        .await
        .unwrap();
    assert_eq!(
        db.sign_recall(&recall, &m[0], NOW + 330, &follow)
            .await
            .unwrap(),
        RecallStep::DelegateRemoved
    );
    let removed = db.delegate(&lupe_seat).await.unwrap().unwrap();
    assert_eq!(removed.status, DelegateStatus::Recalled);
    assert_eq!(removed.ended_at, Some(NOW + 330));
    assert!(db.membership(&city, &m[1]).await.unwrap().is_none());
    let stored = db.recall(&recall).await.unwrap().unwrap();
    assert_eq!(stored.recall.state(), RecallState::Succeeded);
    assert_eq!(
        stored.recall.signers(),
        &m[2..].iter().chain(&m[..1]).cloned().collect::<Vec<_>>()[..]
    );
    assert_eq!(db.recalls_of(&lupe_seat).await.unwrap(), vec![stored]);
    let by = db.motion(&MotionId::new("by")).await.unwrap().unwrap();
    assert_eq!(by.phase, Phase::Discussion);
    assert!(db.election(&by.id).await.unwrap().unwrap().by_election);
    assert!(matches!(
        db.sign_recall(&recall, &m[1], NOW + 340, &follow).await,
        Err(StoreError::Recall(RecallError::NotCollecting))
    ));
    // The by-election fills the seat and leaves rosa's be.
    decide_ranked(db, &by.id, &m[0], NOW + 400).await;
    let active: Vec<_> = db
        .delegates_of(&garment)
        .await
        .unwrap()
        .into_iter()
        .filter(|d| d.status == DelegateStatus::Active)
        .map(|d| d.member_id)
        .collect();
    assert_eq!(active.len(), 2);
    assert!(active.contains(&m[0]) && active.contains(&m[2]));
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    let codes = events(&minutes);
    assert!(codes.contains(&"recall-started") && codes.contains(&"delegate-recalled"));
}

pub(crate) async fn a_recall_at_a_lower_threshold_opens_a_recall_vote_that_decides(db: &Db) {
    let (garment, city, m) = federation_of_garment(db).await;
    let lupe_seat = seated(db, &garment, &city, &m).await;
    let rules = DelegationRules {
        recall: RecallRules {
            threshold: RecallThreshold::Count(1),
            mode: RecallMode::OpenRecallVote,
        },
        ..DelegationRules::default()
    };
    db.set_delegation_rules(&garment, &rules, &m[0], NOW)
        .await
        .unwrap();
    db.start_recall(&new_recall("r1", &lupe_seat, &garment, &m[2]))
        .await
        .unwrap();
    let recall = RecallId::new("r1");
    let follow = follow_up(&garment, &city, &m);
    assert_eq!(
        db.sign_recall(&recall, &m[2], NOW + 310, &follow)
            .await
            .unwrap(),
        RecallStep::RecallVoteOpens
    );
    let vote = db.motion(&follow.recall_vote.id).await.unwrap().unwrap();
    assert_eq!(vote.phase, Phase::Voting);
    assert_eq!(vote.kind, MotionKind::Recall);
    let stored = db.recall_by_vote(&vote.id).await.unwrap().unwrap();
    assert_eq!(stored.recall.state(), RecallState::VoteOpened);
    assert_eq!(
        db.delegate(&lupe_seat).await.unwrap().unwrap().status,
        DelegateStatus::Active,
        "still sitting while the council votes"
    );
    assert!(db.unsettled_recall_votes().await.unwrap().is_empty());
    let kept = count(
        &vote.rules,
        &[],
        &[(Choice::YesNo(YesNo::No), 2)],
        Some(3),
        7,
    )
    .unwrap();
    db.decide(&vote.id, NOW + 399, &|_| Ok(kept.clone()))
        .await
        .unwrap();
    // Counted, not yet settled: the sweep finds it.
    assert_eq!(
        db.unsettled_recall_votes().await.unwrap(),
        std::slice::from_ref(&vote.id)
    );
    db.recall_vote_decided(&recall, false, NOW + 400, None)
        .await
        .unwrap();
    assert!(db.unsettled_recall_votes().await.unwrap().is_empty());
    assert_eq!(
        db.recall(&recall).await.unwrap().unwrap().recall.state(),
        RecallState::Failed
    );
    assert!(matches!(
        db.recall_vote_decided(&recall, true, NOW + 401, None).await,
        Err(StoreError::Recall(RecallError::NoVoteOpen))
    ));
    assert_eq!(
        db.delegate(&lupe_seat).await.unwrap().unwrap().status,
        DelegateStatus::Active
    );
    let codes = events(&db.minutes(&garment).await.unwrap());
    assert!(codes.contains(&"recall-vote-opened") && codes.contains(&"recall-failed"));
}

pub(crate) async fn a_contrary_vote_is_recorded_once_and_opens_one_recall(db: &Db) {
    let (garment, city, m) = federation_of_garment(db).await;
    let lupe_seat = seated(db, &garment, &city, &m).await;
    let higher = yes_no_motion("fund", &city, &m[0], Secrecy::Open, Phase::Discussion);
    db.create_motion(&higher).await.unwrap();
    let vote = ContraryVote {
        delegate_id: lupe_seat.clone(),
        motion_id: higher.id.clone(),
        at: NOW + 500,
    };
    let recall = RecallRecord {
        started_by: None,
        reason: String::new(),
        ..new_recall("auto", &lupe_seat, &garment, &m[0])
    };
    db.record_contrary(&vote, Some(&recall)).await.unwrap();
    db.record_contrary(
        &vote,
        Some(&RecallRecord {
            id: RecallId::new("auto-2"),
            ..recall.clone()
        }),
    )
    .await
    .unwrap();
    assert_eq!(db.contrary_votes(&lupe_seat).await.unwrap(), vec![vote]);
    let recalls = db.recalls_of(&lupe_seat).await.unwrap();
    assert_eq!(recalls.len(), 1, "one recall open at a time");
    assert_eq!(recalls[0].started_by, None);
    assert!(recalls[0].recall.signers().is_empty());
    let codes = events(&db.minutes(&garment).await.unwrap());
    assert_eq!(
        codes
            .iter()
            .filter(|c| **c == "vote-against-mandate")
            .count(),
        1
    );
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
