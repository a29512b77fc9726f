//! Motions: their rules and texts, phases, decisions, amendments and defaults.

use super::*;

pub(crate) fn text(language: Language, title: &str, body: &str) -> MotionText {
    MotionText::new(language, title, body).unwrap()
}

/// A yes/no motion of `council`, moved by `mover`, in `phase`.
pub(crate) fn yes_no_motion(
    id: &str,
    council: &CouncilId,
    mover: &MemberId,
    secrecy: Secrecy,
    phase: Phase,
) -> MotionRecord {
    MotionRecord {
        id: MotionId::new(id),
        council_id: council.clone(),
        mover: Some(mover.clone()),
        kind: MotionKind::Ordinary,
        rules: MotionRules::new(
            MotionKind::Ordinary,
            Method::YesNo,
            Quorum::None,
            MajorityRule::default(),
            secrecy,
        )
        .unwrap(),
        options: vec![],
        texts: vec![text(Language::Es, "Huelga el lunes", "Paramos el taller.")],
        phase,
        created_at: NOW,
        voting_opened_at: None,
        entitled: None,
        closes_at: None,
        decided_at: None,
        outcome: None,
    }
}

pub(crate) fn phase_change(
    motion: &MotionId,
    from: Phase,
    to: Phase,
    by: &MemberId,
) -> PhaseChange {
    PhaseChange {
        motion_id: motion.clone(),
        from,
        to,
        by: Some(by.clone()),
        at: NOW + 60,
        entitled: None,
        closes_at: None,
    }
}

/// A yes/no motion of a new council, already voting, with its mover.
pub(crate) async fn voting_motion(db: &Db, secrecy: Secrecy) -> (CouncilId, MemberId, MotionId) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let motion = yes_no_motion("strike", &garment, &rosa, secrecy, Phase::Discussion);
    db.create_motion(&motion).await.unwrap();
    db.change_phase(&PhaseChange {
        entitled: Some(3),
        ..phase_change(&motion.id, Phase::Discussion, Phase::Voting, &rosa)
    })
    .await
    .unwrap();
    (garment, rosa, motion.id)
}

pub(crate) fn ballot(
    motion: &MotionId,
    voter: &MemberId,
    choice: &str,
    open: bool,
) -> BallotRecord {
    BallotRecord {
        motion_id: motion.clone(),
        voter: voter.clone(),
        // The application's keyed hash; any value no voter id is part of stands in for it.
        ballot_id: format!(
            "b{:x}",
            fnv(&format!("{}/{}", motion.as_str(), voter.as_str()))
        ),
        choice: choice.into(),
        weight: 1,
        open,
    }
}

pub(crate) fn group(choice: &str, weight: u64, ballots: u64) -> BallotGroup {
    BallotGroup {
        choice: choice.into(),
        weight,
        ballots,
    }
}

pub(crate) fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

pub(crate) fn yes_outcome(rules: &MotionRules) -> Outcome {
    count(rules, &[], &[(Choice::YesNo(YesNo::Yes), 1)], Some(3), 7).unwrap()
}

pub(crate) async fn a_motion_round_trips_with_its_rules_options_and_texts(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let rules = MotionRules::new(
        MotionKind::Election,
        Method::Stv {
            seats: 2,
            variant: StvVariant::Scottish,
        },
        Quorum::Share { num: 1, den: 3 },
        MajorityRule {
            majority: Majority::Fraction { num: 3, den: 5 },
            base: MajorityBase::Entitled,
        },
        Secrecy::Secret,
    )
    .unwrap();
    let election = MotionRecord {
        id: MotionId::new("delegates"),
        council_id: garment.clone(),
        mover: Some(rosa.clone()),
        kind: MotionKind::Election,
        rules,
        options: vec!["Lupe".into(), "Ana".into(), "Mateo".into()],
        // Spanish first: the order they were written in comes back, not the languages' order.
        texts: vec![
            text(Language::Es, "Delegadas al consejo", "Elegimos dos."),
            text(Language::En, "Delegates to the council", "We elect two."),
        ],
        phase: Phase::Draft,
        created_at: NOW,
        voting_opened_at: None,
        entitled: None,
        closes_at: None,
        decided_at: None,
        outcome: None,
    };
    db.create_motion(&election).await.unwrap();
    let mut later = yes_no_motion("strike", &garment, &rosa, Secrecy::Open, Phase::Discussion);
    later.rules = MotionRules::new(
        MotionKind::Ordinary,
        Method::YesNo,
        Quorum::Absolute(12),
        MajorityRule {
            majority: Majority::TwoThirds,
            base: MajorityBase::VotesCast,
        },
        Secrecy::Open,
    )
    .unwrap();
    later.created_at = NOW + 1;
    db.create_motion(&later).await.unwrap();
    assert_eq!(
        db.motion(&election.id).await.unwrap(),
        Some(election.clone())
    );
    assert_eq!(
        db.motions_of(&garment).await.unwrap(),
        vec![later, election]
    );
    assert_eq!(db.motion(&MotionId::new("none")).await.unwrap(), None);
    let proposed = db.minutes(&garment).await.unwrap().last().unwrap().event();
    assert_eq!(
        proposed,
        Some(MinutesEvent::MotionProposed {
            motion: MotionId::new("strike"),
            by: rosa,
            title: "Huelga el lunes".into()
        })
    );
}

pub(crate) async fn a_motion_moves_on_in_order_and_a_stale_move_is_a_conflict(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let motion = yes_no_motion("strike", &garment, &rosa, Secrecy::Open, Phase::Draft);
    db.create_motion(&motion).await.unwrap();
    let to_discussion = phase_change(&motion.id, Phase::Draft, Phase::Discussion, &rosa);
    db.change_phase(&to_discussion).await.unwrap();
    assert!(matches!(
        db.change_phase(&to_discussion).await,
        Err(StoreError::Conflict)
    ));
    let to_voting = PhaseChange {
        entitled: Some(3),
        closes_at: Some(NOW + 3600),
        ..phase_change(&motion.id, Phase::Discussion, Phase::Voting, &rosa)
    };
    db.change_phase(&to_voting).await.unwrap();
    let voting = db.motion(&motion.id).await.unwrap().unwrap();
    assert_eq!(voting.phase, Phase::Voting);
    assert_eq!(voting.voting_opened_at, Some(NOW + 60));
    assert_eq!(voting.entitled, Some(3));
    assert!(db.motions_due(NOW + 3599).await.unwrap().is_empty());
    assert_eq!(
        db.motions_due(NOW + 3600).await.unwrap(),
        vec![motion.id.clone()]
    );
    assert!(matches!(
        db.change_phase(&to_voting).await,
        Err(StoreError::Conflict)
    ));
    let missing = phase_change(
        &MotionId::new("none"),
        Phase::Draft,
        Phase::Discussion,
        &rosa,
    );
    assert!(matches!(
        db.change_phase(&missing).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        db.motion(&motion.id).await.unwrap().unwrap().phase,
        Phase::Voting
    );
}

pub(crate) async fn opening_and_deciding_a_vote_are_recorded_in_a_valid_chain(db: &Db) {
    let (garment, rosa, strike) = voting_motion(db, Secrecy::Open).await;
    let rules = db.motion(&strike).await.unwrap().unwrap().rules;
    let outcome = yes_outcome(&rules);
    let counted = db
        .decide(&strike, NOW + 60, &|_| Ok(outcome.clone()))
        .await
        .unwrap();
    assert_eq!(counted, outcome);
    assert!(matches!(
        db.decide(&strike, NOW + 61, &|_| Ok(outcome.clone())).await,
        Err(StoreError::Conflict)
    ));
    let decided = db.motion(&strike).await.unwrap().unwrap();
    assert_eq!(decided.phase, Phase::Decided);
    assert_eq!(decided.decided_at, Some(NOW + 60));
    assert_eq!(decided.outcome, Some(outcome.clone()));
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    let events: Vec<_> = minutes.iter().map(|e| e.event().unwrap()).collect();
    assert_eq!(
        &events[events.len() - 3..],
        [
            MinutesEvent::MotionProposed {
                motion: strike.clone(),
                by: rosa.clone(),
                title: "Huelga el lunes".into()
            },
            MinutesEvent::VotingOpened {
                motion: strike.clone(),
                by: Some(rosa),
                entitled: 3
            },
            MinutesEvent::MotionDecided {
                motion: strike,
                outcome: Box::new(outcome)
            },
        ]
    );
}

pub(crate) async fn an_accepted_amendment_replaces_the_body_once(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    let motion = yes_no_motion("strike", &garment, &rosa, Secrecy::Open, Phase::Discussion);
    db.create_motion(&motion).await.unwrap();
    let amendment = |id: &str, language: Language, body: &str| AmendmentRecord {
        id: AmendmentId::new(id),
        motion_id: motion.id.clone(),
        author: Some(lupe.clone()),
        author_handle: None,
        language,
        body: body.into(),
        status: AmendmentStatus::Proposed,
        created_at: NOW,
        vote: None,
    };
    let tuesday = amendment("a1", Language::Es, "Paramos el martes.");
    let english = amendment("a2", Language::En, "We stop on Tuesday.");
    let late = amendment("a3", Language::Es, "Paramos el miércoles.");
    for a in [&tuesday, &english, &late] {
        db.propose_amendment(a).await.unwrap();
    }
    db.decide_amendment(&tuesday.id, true, &rosa, NOW + 10)
        .await
        .unwrap();
    assert!(matches!(
        db.decide_amendment(&tuesday.id, false, &rosa, NOW + 20)
            .await,
        Err(StoreError::Conflict)
    ));
    // A language the motion was not written in gets a text, under the first text's title.
    db.decide_amendment(&english.id, true, &rosa, NOW + 30)
        .await
        .unwrap();
    let texts = db.motion(&motion.id).await.unwrap().unwrap().texts;
    assert_eq!(
        texts,
        vec![
            text(Language::Es, "Huelga el lunes", "Paramos el martes."),
            text(Language::En, "Huelga el lunes", "We stop on Tuesday."),
        ]
    );
    let listed = db.amendments_of(&motion.id).await.unwrap();
    assert_eq!(
        listed.iter().map(|a| a.status).collect::<Vec<_>>(),
        [
            AmendmentStatus::Accepted,
            AmendmentStatus::Accepted,
            AmendmentStatus::Proposed
        ]
    );
    assert_eq!(
        listed[0].author_handle,
        Some(Handle::parse("lupe").unwrap())
    );
    db.change_phase(&PhaseChange {
        entitled: Some(2),
        ..phase_change(&motion.id, Phase::Discussion, Phase::Voting, &rosa)
    })
    .await
    .unwrap();
    assert!(matches!(
        db.decide_amendment(&late.id, true, &rosa, NOW + 40).await,
        Err(StoreError::Conflict)
    ));
    assert!(matches!(
        db.propose_amendment(&amendment("a4", Language::Es, "Nunca."))
            .await,
        Err(StoreError::Conflict)
    ));
    assert_eq!(db.motion(&motion.id).await.unwrap().unwrap().texts, texts);
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    let accepted = minutes
        .iter()
        .filter(|e| e.event().unwrap().code() == "amendment-accepted")
        .count();
    assert_eq!(accepted, 2);
}

pub(crate) async fn an_amendment_put_to_the_vote_goes_in_when_the_vote_passes_and_not_when_it_fails(
    db: &Db,
) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    let (lupe, _) = join(db, &garment, "lupe").await;
    let motion = yes_no_motion("strike", &garment, &rosa, Secrecy::Open, Phase::Discussion);
    db.create_motion(&motion).await.unwrap();
    let amendment = |id: &str, language: Language, body: &str| AmendmentRecord {
        id: AmendmentId::new(id),
        motion_id: motion.id.clone(),
        author: Some(lupe.clone()),
        author_handle: None,
        language,
        body: body.into(),
        status: AmendmentStatus::Proposed,
        created_at: NOW,
        vote: None,
    };
    let tuesday = amendment("a1", Language::Es, "Paramos el martes.");
    let never = amendment("a2", Language::Es, "No paramos nunca.");
    for a in [&tuesday, &never] {
        db.propose_amendment(a).await.unwrap();
    }
    let vote_on = |id: &str| MotionRecord {
        voting_opened_at: Some(NOW + 5),
        entitled: Some(2),
        ..yes_no_motion(id, &garment, &lupe, Secrecy::Open, Phase::Voting)
    };
    let first = vote_on("vote-1");
    db.put_amendment_to_vote(&tuesday.id, &first, &lupe)
        .await
        .unwrap();
    // Once it is being voted on, neither a second vote nor the mover can decide it, and the
    // motion itself cannot open voting; a refused second vote leaves no motion behind.
    assert!(matches!(
        db.put_amendment_to_vote(&tuesday.id, &vote_on("vote-again"), &rosa)
            .await,
        Err(StoreError::Conflict)
    ));
    assert!(
        db.motion(&MotionId::new("vote-again"))
            .await
            .unwrap()
            .is_none()
    );
    assert!(matches!(
        db.decide_amendment(&tuesday.id, false, &rosa, NOW + 6)
            .await,
        Err(StoreError::Conflict)
    ));
    let to_voting = PhaseChange {
        entitled: Some(2),
        ..phase_change(&motion.id, Phase::Discussion, Phase::Voting, &rosa)
    };
    assert!(matches!(
        db.change_phase(&to_voting).await,
        Err(StoreError::Conflict)
    ));
    let voted_on = db.amendment_voted_by(&first.id).await.unwrap().unwrap();
    assert_eq!(voted_on.id, tuesday.id);
    assert_eq!(voted_on.status, AmendmentStatus::Voting);
    assert_eq!(voted_on.vote, Some(first.id.clone()));
    assert!(db.amendment_voted_by(&motion.id).await.unwrap().is_none());

    let passed = yes_outcome(&first.rules);
    db.decide(&first.id, NOW + 60, &|_| Ok(passed.clone()))
        .await
        .unwrap();
    assert_eq!(
        db.motion(&motion.id).await.unwrap().unwrap().texts,
        vec![text(Language::Es, "Huelga el lunes", "Paramos el martes.")]
    );

    let second = vote_on("vote-2");
    db.put_amendment_to_vote(&never.id, &second, &rosa)
        .await
        .unwrap();
    let failed = count(
        &second.rules,
        &[],
        &[(Choice::YesNo(YesNo::No), 2)],
        Some(2),
        7,
    )
    .unwrap();
    assert_eq!(failed.passed(), Some(false));
    db.decide(&second.id, NOW + 90, &|_| Ok(failed.clone()))
        .await
        .unwrap();
    assert_eq!(
        db.motion(&motion.id).await.unwrap().unwrap().texts,
        vec![text(Language::Es, "Huelga el lunes", "Paramos el martes.")]
    );
    let listed = db.amendments_of(&motion.id).await.unwrap();
    assert_eq!(
        listed.iter().map(|a| a.status).collect::<Vec<_>>(),
        [AmendmentStatus::Accepted, AmendmentStatus::Rejected]
    );
    // With no amendment vote left open, the motion goes to its own vote.
    db.change_phase(&to_voting).await.unwrap();
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    let voted: Vec<bool> = minutes
        .iter()
        .filter_map(|e| match e.event().unwrap() {
            MinutesEvent::AmendmentVoted { accepted, .. } => Some(accepted),
            _ => None,
        })
        .collect();
    assert_eq!(voted, [true, false]);
    let put = minutes
        .iter()
        .filter(|e| e.event().unwrap().code() == "amendment-put-to-vote")
        .count();
    assert_eq!(put, 2);
}

pub(crate) async fn motion_defaults_default_round_trip_and_are_minuted(db: &Db) {
    let (garment, rosa) = founded(db, "garment", CouncilKind::WorkplaceCommittee, 0, "rosa").await;
    assert_eq!(
        db.motion_defaults(&garment).await.unwrap(),
        MotionDefaults::default()
    );
    let two_thirds = MotionDefaults {
        method: "consent".into(),
        majority: "two-thirds".into(),
        quorum_percent: 50,
        secret: true,
    };
    db.set_motion_defaults(&garment, &two_thirds, &rosa, NOW + 1)
        .await
        .unwrap();
    assert_eq!(db.motion_defaults(&garment).await.unwrap(), two_thirds);
    let open = MotionDefaults {
        secret: false,
        ..two_thirds.clone()
    };
    db.set_motion_defaults(&garment, &open, &rosa, NOW + 2)
        .await
        .unwrap();
    assert_eq!(db.motion_defaults(&garment).await.unwrap(), open);
    let minutes = db.minutes(&garment).await.unwrap();
    assert_eq!(verify_chain(&minutes), Ok(()));
    let changed = minutes
        .iter()
        .filter(|e| e.event().unwrap().code() == "motion-defaults-changed")
        .count();
    assert_eq!(changed, 2);
}
