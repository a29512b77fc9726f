//! The roll and the box: ballots cast, replaced, grouped, secret and open, and none after
//! the decision.

use super::*;

pub(crate) async fn a_voter_casting_twice_leaves_one_ballot_with_the_second_choice(db: &Db) {
    let (_, rosa, strike) = voting_motion(db, Secrecy::Secret).await;
    db.cast_ballot(ballot(&strike, &rosa, "yes", false))
        .await
        .unwrap();
    db.cast_ballot(ballot(&strike, &rosa, "no", false))
        .await
        .unwrap();
    assert_eq!(db.ballots(&strike).await.unwrap(), vec![group("no", 1, 1)]);
    assert_eq!(db.roll_count(&strike).await.unwrap(), 1);
    assert!(db.has_voted(&strike, &rosa).await.unwrap());
    let id = ballot(&strike, &rosa, "no", false).ballot_id;
    assert_eq!(
        db.ballot_choice(&strike, &id).await.unwrap(),
        Some("no".to_string())
    );
}

pub(crate) async fn a_ballot_on_a_motion_not_voting_is_a_conflict_and_changes_nothing(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    let motion = yes_no_motion("strike", &garment, &rosa, Secrecy::Open, Phase::Discussion);
    let strike = motion.id.clone();
    db.create_motion(&motion).await.unwrap();
    let early = db.cast_ballot(ballot(&strike, &rosa, "yes", true)).await;
    assert!(matches!(early, Err(StoreError::Conflict)), "{early:?}");
    db.change_phase(&PhaseChange {
        entitled: Some(2),
        ..phase_change(&strike, Phase::Discussion, Phase::Voting, &rosa)
    })
    .await
    .unwrap();
    db.cast_ballot(ballot(&strike, &lupe, "yes", true))
        .await
        .unwrap();
    let outcome = yes_outcome(&motion.rules);
    db.decide(&strike, NOW + 60, &|_| Ok(outcome.clone()))
        .await
        .unwrap();
    let late = db.cast_ballot(ballot(&strike, &rosa, "no", true)).await;
    assert!(matches!(late, Err(StoreError::Conflict)), "{late:?}");
    let missing = db
        .cast_ballot(ballot(&MotionId::new("none"), &rosa, "no", true))
        .await;
    assert!(matches!(missing, Err(StoreError::NotFound)), "{missing:?}");
    assert_eq!(db.ballots(&strike).await.unwrap(), vec![group("yes", 1, 1)]);
    assert_eq!(db.roll_count(&strike).await.unwrap(), 1);
    assert!(!db.has_voted(&strike, &rosa).await.unwrap());
}

pub(crate) async fn five_hundred_ballots_cast_at_once_all_land(db: &Db) {
    let (garment, _, strike) = voting_motion(db, Secrecy::Secret).await;
    let mut voters = Vec::new();
    for n in 0..500 {
        voters.push(join(db, &garment, &format!("voter{n}")).await.0);
    }
    let mut casting = tokio::task::JoinSet::new();
    for (n, voter) in voters.iter().enumerate() {
        let db = db.clone();
        let choice = if n % 3 == 0 { "no" } else { "yes" };
        let ballot = ballot(&strike, voter, choice, false);
        casting.spawn(async move { db.cast_ballot(ballot).await });
    }
    let results = casting.join_all().await;
    assert!(
        results.iter().all(Result::is_ok),
        "{:?}",
        results.iter().find(|r| r.is_err())
    );
    let ballots = db.ballots(&strike).await.unwrap();
    assert_eq!(
        ballots,
        vec![group("no", 167, 167), group("yes", 333, 333)],
        "each choice once, with the weight and number of its ballots"
    );
    assert_eq!(db.roll_count(&strike).await.unwrap(), 500);
    assert!(db.has_voted(&strike, &voters[499]).await.unwrap());
}

pub(crate) async fn a_secret_vote_leaves_nothing_linking_the_roll_to_the_box(db: &Db) {
    let (garment, rosa, strike) = voting_motion(db, Secrecy::Secret).await;
    let mut voters = vec![rosa];
    for handle in ["lupe", "ana"] {
        voters.push(join(db, &garment, handle).await.0);
    }
    for (voter, choice) in voters.iter().zip(["yes", "no", "abstain"]) {
        // Marked open by mistake: the store still keeps no choice on a secret motion's roll.
        db.cast_ballot(ballot(&strike, voter, choice, true))
            .await
            .unwrap();
    }
    assert!(db.open_votes(&strike).await.unwrap().is_empty());
    let roll = councils_store::testing::dump(db, "vote_roll").await;
    let the_box = councils_store::testing::dump(db, "ballot").await;
    assert_eq!((roll.len(), the_box.len()), (3, 3));
    let columns = |rows: &[Vec<(String, Option<String>)>]| -> Vec<String> {
        rows[0].iter().map(|(name, _)| name.clone()).collect()
    };
    let box_columns = columns(&the_box);
    // Besides the motion, only the choice has a column in both, and a secret roll leaves it
    // empty.
    let filled_on_roll = |column: &String| {
        roll.iter()
            .flatten()
            .any(|(name, value)| name == column && value.is_some())
    };
    let shared: Vec<_> = columns(&roll)
        .into_iter()
        .filter(|c| box_columns.contains(c) && filled_on_roll(c))
        .collect();
    assert_eq!(shared, ["motion_id"]);
    for voter in &voters {
        assert!(
            the_box
                .iter()
                .flatten()
                .all(|(_, value)| !value.as_deref().unwrap_or("").contains(voter.as_str())),
            "the box names a voter"
        );
    }
    let roll_values: Vec<_> = roll
        .iter()
        .flatten()
        .filter_map(|(_, v)| v.clone())
        .collect();
    for (name, value) in the_box.iter().flatten() {
        if name != "motion_id"
            && let Some(value) = value
        {
            assert!(!roll_values.contains(value), "{name} is also on the roll");
        }
    }
}

pub(crate) async fn an_open_vote_shows_who_voted_what(db: &Db) {
    let (garment, rosa, strike) = voting_motion(db, Secrecy::Open).await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    db.cast_ballot(ballot(&strike, &rosa, "yes", true))
        .await
        .unwrap();
    db.cast_ballot(ballot(&strike, &lupe, "abstain", true))
        .await
        .unwrap();
    db.cast_ballot(ballot(&strike, &lupe, "no", true))
        .await
        .unwrap();
    let votes = db.open_votes(&strike).await.unwrap();
    assert_eq!(
        votes,
        vec![
            OpenVote {
                voter: lupe,
                handle: Some(Handle::parse("lupe").unwrap()),
                choice: "no".into()
            },
            OpenVote {
                voter: rosa,
                handle: Some(Handle::parse("rosa").unwrap()),
                choice: "yes".into()
            },
        ]
    );
    // Counted, an open vote keeps its record of who voted what.
    let rules = db.motion(&strike).await.unwrap().unwrap().rules;
    let outcome = yes_outcome(&rules);
    db.decide(&strike, NOW + 60, &|_| Ok(outcome.clone()))
        .await
        .unwrap();
    assert_eq!(db.open_votes(&strike).await.unwrap(), votes);
}

pub(crate) async fn a_deleted_voter_leaves_the_roll_but_their_ballot_stays(db: &Db) {
    let (garment, rosa, strike) = voting_motion(db, Secrecy::Secret).await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    db.cast_ballot(ballot(&strike, &rosa, "yes", false))
        .await
        .unwrap();
    db.cast_ballot(ballot(&strike, &lupe, "no", false))
        .await
        .unwrap();
    db.delete_member(&lupe, NOW + 100).await.unwrap();
    assert_eq!(db.roll_count(&strike).await.unwrap(), 1);
    assert!(!db.has_voted(&strike, &lupe).await.unwrap());
    let weight: u64 = db
        .ballots(&strike)
        .await
        .unwrap()
        .iter()
        .map(|g| g.weight)
        .sum();
    assert_eq!(weight, 2, "the deleted voter's ballot stays in the box");
    let stored = db.motion(&strike).await.unwrap().unwrap();
    assert_eq!(stored.mover, Some(rosa));
}

pub(crate) async fn a_closed_store_refuses_ballots_instead_of_waiting(db: &Db) {
    let (_, rosa, strike) = voting_motion(db, Secrecy::Secret).await;
    db.cast_ballot(ballot(&strike, &rosa, "yes", false))
        .await
        .unwrap();
    db.close().await;
    let after = db.cast_ballot(ballot(&strike, &rosa, "no", false)).await;
    assert!(matches!(after, Err(StoreError::Backend(_))), "{after:?}");
}

pub(crate) async fn no_ballot_goes_in_after_the_decision(db: &Db) {
    let (garment, _, strike) = voting_motion(db, Secrecy::Secret).await;
    let mut voters = Vec::new();
    for n in 0..200 {
        voters.push(join(db, &garment, &format!("voter{n}")).await.0);
    }
    let rules = db.motion(&strike).await.unwrap().unwrap().rules;
    let cast = |voter: &MemberId| {
        let store = db.clone();
        let ballot = ballot(&strike, voter, "yes", false);
        async move { (ballot.ballot_id.clone(), store.cast_ballot(ballot).await) }
    };
    let mut casting = tokio::task::JoinSet::new();
    for voter in &voters[..50] {
        casting.spawn(cast(voter));
    }
    let mut results = casting.join_all().await;
    // The count closes the vote while the other ballots are coming in.
    let mut casting = tokio::task::JoinSet::new();
    for voter in &voters[50..120] {
        casting.spawn(cast(voter));
    }
    let store = db.clone();
    let closing = strike.clone();
    let deciding = tokio::spawn(async move {
        let counted = std::sync::atomic::AtomicUsize::new(0);
        let outcome = yes_outcome(&rules);
        store
            .decide(&closing, NOW + 60, &|ballots| {
                let weight: u64 = ballots.iter().map(|g| g.weight).sum();
                counted.store(weight as usize, std::sync::atomic::Ordering::SeqCst);
                Ok(outcome.clone())
            })
            .await
            .unwrap();
        counted.load(std::sync::atomic::Ordering::SeqCst)
    });
    for voter in &voters[120..] {
        casting.spawn(cast(voter));
    }
    let at_decision = deciding.await.unwrap();
    results.extend(casting.join_all().await);
    assert!(at_decision >= 50);
    let final_box: u64 = db
        .ballots(&strike)
        .await
        .unwrap()
        .iter()
        .map(|g| g.weight)
        .sum();
    assert_eq!(
        final_box as usize, at_decision,
        "a ballot went in after the decision"
    );
    assert_eq!(
        db.roll_count(&strike).await.unwrap(),
        0,
        "once a secret vote is counted, who took part is deleted"
    );
    let acknowledged = results.iter().filter(|(_, r)| r.is_ok()).count();
    assert_eq!(
        acknowledged, at_decision,
        "every acknowledged ballot was counted"
    );
    for (id, result) in &results {
        let stored = db.ballot_choice(&strike, id).await.unwrap();
        match result {
            Ok(()) => assert_eq!(stored.as_deref(), Some("yes")),
            Err(StoreError::Conflict) => assert_eq!(stored, None),
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
}
