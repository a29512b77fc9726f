//! Strikes, their picket rota and their fund's ledger (migration 0009).

use super::*;
use councils_domain::ledger::{Balances, Currency, LedgerError, Money, MovementKind};
use councils_domain::strike::{ShiftPlan, StrikeError, StrikeStatus};

fn usd(cents: i64) -> Money {
    Money {
        cents,
        currency: Currency::parse("USD").unwrap(),
    }
}

/// Garment (rosa) with a strike vote `vote-1` in its minutes' council.
async fn garment_with_vote(db: &Db) -> (CouncilId, MemberId, MotionId) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let vote = yes_no_motion(
        "vote-1",
        &garment,
        &rosa,
        Secrecy::Secret,
        Phase::Discussion,
    );
    db.create_motion(&vote).await.unwrap();
    (garment, rosa, vote.id)
}

fn new_strike(id: &str, garment: &CouncilId, motion: &MotionId, by: &MemberId) -> NewStrike {
    NewStrike {
        id: StrikeId::new(id),
        committee: garment.clone(),
        motion: motion.clone(),
        strike_committee: StrikeCommittee::Found(council(
            &format!("{id}-committee"),
            CouncilKind::StrikeCommittee,
            0,
        )),
        title: "Back pay".into(),
        demands: vec!["Back pay".into(), "Shade".into()],
        currency: Currency::parse("USD").unwrap(),
        by: by.clone(),
        now: NOW,
    }
}

pub(crate) async fn a_strike_opens_with_its_committee_as_a_constituent_on_a_vote_used_once(
    db: &Db,
) {
    let (garment, rosa, vote) = garment_with_vote(db).await;
    db.open_strike(&new_strike("s1", &garment, &vote, &rosa))
        .await
        .unwrap();
    let strike = db.strike(&StrikeId::new("s1")).await.unwrap().unwrap();
    assert_eq!(strike.status, StrikeStatus::Active);
    assert_eq!(strike.demands, ["Back pay", "Shade"]);
    assert_eq!(strike.parties.len(), 1);
    assert_eq!(strike.parties[0].motion_id, vote);
    let committee = strike.strike_committee.clone();
    // The founder organises the strike committee, and garment is its active constituent.
    let listing = db.members_of(&committee).await.unwrap();
    assert_eq!(listing[0].member_id, rosa);
    assert!(listing[0].roles.contains(&Role::Organiser));
    let links = db.links_of(&committee).await.unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(
        (&links[0].constituent, links[0].status),
        (&garment, LinkStatus::Active)
    );
    for council in [&garment, &committee] {
        let minutes = db.minutes(council).await.unwrap();
        assert!(verify_chain(&minutes).is_ok());
        assert!(events(&minutes).contains(&"strike-opened"));
        assert!(events(&minutes).contains(&"link-accepted"));
    }
    assert_eq!(db.strikes_of(&garment).await.unwrap().len(), 1);
    assert_eq!(db.strikes_of(&committee).await.unwrap().len(), 1);
    // The same vote cannot open a second strike, and nothing of it is written.
    let again = db
        .open_strike(&new_strike("s2", &garment, &vote, &rosa))
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Strike(StrikeError::VoteUsed))
    ));
    assert!(db.strike(&StrikeId::new("s2")).await.unwrap().is_none());
    assert!(
        db.council_by_slug(&Slug::parse("s2-committee").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(db.links_of(&garment).await.unwrap().len(), 1);
}

pub(crate) async fn a_committee_joins_a_strike_once_and_none_joins_one_that_is_over(db: &Db) {
    let (garment, rosa, vote) = garment_with_vote(db).await;
    db.open_strike(&new_strike("s1", &garment, &vote, &rosa))
        .await
        .unwrap();
    let strike = StrikeId::new("s1");
    let (warehouse, dmitri) = founded(
        db,
        "warehouse",
        CouncilKind::WorkplaceCommittee,
        0,
        "dmitri",
    )
    .await;
    for n in 2..=3 {
        let motion = yes_no_motion(
            &format!("vote-{n}"),
            &warehouse,
            &dmitri,
            Secrecy::Secret,
            Phase::Discussion,
        );
        db.create_motion(&motion).await.unwrap();
    }
    db.join_strike(&strike, &warehouse, &MotionId::new("vote-2"), &dmitri, NOW)
        .await
        .unwrap();
    let record = db.strike(&strike).await.unwrap().unwrap();
    assert_eq!(record.parties.len(), 2);
    let links = db.links_of(&record.strike_committee).await.unwrap();
    assert_eq!(
        links
            .iter()
            .filter(|l| l.status == LinkStatus::Active)
            .count(),
        2
    );
    let twice = db
        .join_strike(&strike, &warehouse, &MotionId::new("vote-3"), &dmitri, NOW)
        .await;
    assert!(matches!(
        twice,
        Err(StoreError::Strike(StrikeError::AlreadyJoined))
    ));
    db.set_strike_status(&strike, StrikeStatus::Won, &rosa, NOW + 10)
        .await
        .unwrap();
    let (bakery, baker) = founded(db, "bakery", CouncilKind::WorkplaceCommittee, 0, "baker").await;
    let motion = yes_no_motion(
        "vote-4",
        &bakery,
        &baker,
        Secrecy::Secret,
        Phase::Discussion,
    );
    db.create_motion(&motion).await.unwrap();
    let late = db
        .join_strike(&strike, &bakery, &motion.id, &baker, NOW + 20)
        .await;
    assert!(matches!(late, Err(StoreError::Strike(StrikeError::Ended))));
    assert!(db.links_of(&bakery).await.unwrap().is_empty());
    let minutes = db.minutes(&record.strike_committee).await.unwrap();
    assert!(events(&minutes).contains(&"strike-joined"));
    assert!(events(&minutes).contains(&"strike-status-changed"));
}

fn movement(id: &str, kind: MovementKind, cents: i64, by: &MemberId) -> NewMovement {
    NewMovement {
        id: MovementId::new(id),
        strike_id: StrikeId::new("s1"),
        kind,
        amount: usd(cents),
        pledge: None,
        payee: None,
        note_sealed: Some(vec![7, 7, 7]),
        by: by.clone(),
        now: NOW,
    }
}

pub(crate) async fn the_ledger_balances_and_never_overdraws_or_over_receives_a_pledge(db: &Db) {
    let (garment, rosa, vote) = garment_with_vote(db).await;
    db.open_strike(&new_strike("s1", &garment, &vote, &rosa))
        .await
        .unwrap();
    let (ana, _) = join(db, &garment, "ana").await;
    let strike = StrikeId::new("s1");
    db.record_movement(&movement("m1", MovementKind::Pledge, 50_000, &rosa))
        .await
        .unwrap();
    let against = |id: &str, cents: i64| NewMovement {
        pledge: Some(MovementId::new("m1")),
        ..movement(id, MovementKind::Receipt, cents, &rosa)
    };
    db.record_movement(&against("m2", 30_000)).await.unwrap();
    // 200 still owed: a receipt of 300 fulfils it and gives 100 more.
    db.record_movement(&against("m3", 30_000)).await.unwrap();
    let full = db.record_movement(&against("m4", 100)).await;
    assert!(matches!(
        full,
        Err(StoreError::Ledger(LedgerError::PledgeReceived))
    ));
    let b = db.balances(&strike).await.unwrap();
    assert_eq!(
        b,
        Balances {
            cash: 60_000,
            pledged: 0,
            contributions: -60_000,
            payments: 0
        }
    );
    // A payment beyond the cash is refused and leaves nothing; one within it goes in.
    let pay = |id: &str, cents: i64| NewMovement {
        payee: Some(ana.clone()),
        ..movement(id, MovementKind::Payment, cents, &rosa)
    };
    let over = db.record_movement(&pay("m5", 60_001)).await;
    assert!(matches!(
        over,
        Err(StoreError::Ledger(LedgerError::Overdrawn))
    ));
    db.record_movement(&pay("m6", 60_000)).await.unwrap();
    let other = NewMovement {
        amount: Money {
            cents: 100,
            currency: Currency::parse("MXN").unwrap(),
        },
        ..movement("m7", MovementKind::Receipt, 100, &rosa)
    };
    let wrong = db.record_movement(&other).await;
    assert!(matches!(
        wrong,
        Err(StoreError::Ledger(LedgerError::WrongCurrency))
    ));
    let movements = db.movements(&strike).await.unwrap();
    assert_eq!(
        movements.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        ["m1", "m2", "m3", "m6"]
    );
    for m in &movements {
        assert_eq!(
            m.entries.iter().map(|e| e.cents).sum::<i64>(),
            0,
            "{}",
            m.id
        );
    }
    assert_eq!(
        movements[2].entries.len(),
        3,
        "pledged and a new contribution"
    );
    assert_eq!(movements[3].payee_handle.as_ref().unwrap().as_str(), "ana");
    assert_eq!(movements[3].note_sealed.as_deref(), Some(&[7u8, 7, 7][..]));
    let b = db.balances(&strike).await.unwrap();
    assert_eq!((b.cash, b.payments), (0, 60_000));
    assert!(b.balanced());
    // A year after the strike is over the payment stops naming ana; the books still balance.
    db.set_strike_status(&strike, StrikeStatus::Ended, &rosa, NOW + 100)
        .await
        .unwrap();
    let purged = db.purge_strikes(NOW, NOW + 101).await.unwrap();
    assert_eq!(purged.payees, 1);
    let movements = db.movements(&strike).await.unwrap();
    assert!(movements.iter().all(|m| m.payee.is_none()));
    assert!(db.balances(&strike).await.unwrap().balanced());
}

pub(crate) async fn a_picket_is_reminded_once_and_old_shifts_are_deleted(db: &Db) {
    let (garment, rosa, vote) = garment_with_vote(db).await;
    db.open_strike(&new_strike("s1", &garment, &vote, &rosa))
        .await
        .unwrap();
    let (ana, _) = join(db, &garment, "ana").await;
    let strike = StrikeId::new("s1");
    let plan = |starts_at: i64| ShiftPlan {
        place: "Gate 3".into(),
        starts_at,
        ends_at: starts_at + 4 * 3600,
        needed: 2,
    };
    let (soon, later) = (ShiftId::new("soon"), ShiftId::new("later"));
    db.add_shift(&strike, &soon, &plan(NOW + 3600), &rosa)
        .await
        .unwrap();
    db.add_shift(&strike, &later, &plan(NOW + 86_400), &rosa)
        .await
        .unwrap();
    for shift in [&soon, &soon, &later] {
        db.sign_up(shift, &ana, NOW).await.unwrap();
    }
    db.sign_up(&soon, &rosa, NOW).await.unwrap();
    let shifts = db.shifts(&strike).await.unwrap();
    assert_eq!(shifts[0].id, soon);
    assert_eq!(shifts[0].signed_up.len(), 2, "signing up twice is once");
    db.withdraw(&soon, &rosa).await.unwrap();
    let claimed = db.claim_reminders(NOW, 7200).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!((&claimed[0].shift_id, &claimed[0].member_id), (&soon, &ana));
    assert!(db.claim_reminders(NOW, 7200).await.unwrap().is_empty());
    // Deleted once ended before the cut-off, with who signed up.
    let purged = db.purge_strikes(NOW + 6 * 3600, NOW).await.unwrap();
    assert_eq!(purged.shifts, 1);
    assert!(db.shift(&soon).await.unwrap().is_none());
    assert!(db.shift(&later).await.unwrap().is_some());
}
