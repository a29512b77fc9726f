//! Recall of delegates: by signatures at the threshold, by a recall vote below it, and the
//! recall a counted vote against the mandate opens.

use super::*;

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
