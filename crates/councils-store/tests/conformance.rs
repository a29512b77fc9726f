//! The store conformance suite: every test runs on SQLite, and on PostgreSQL when
//! `COUNCILS_TEST_POSTGRES` is set (CI sets it).

use councils_app::StoreError;
use councils_app::ports::*;
use councils_domain::federation::FederationError;
use councils_domain::minutes::verify_chain;
use councils_domain::motion::YesNo;
use councils_domain::*;
use councils_store::Db;
use councils_tally::rules::{Majority, MajorityBase, MajorityRule, Quorum};

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
    a_newcomer_joins_through_an_invitation_once,
    a_taken_handle_leaves_the_invitation_unused,
    the_founding_invitation_founds_a_council_with_its_organiser,
    a_newcomer_becomes_active_after_enough_vouches,
    a_member_cannot_vouch_twice_for_the_same_newcomer,
    a_federation_cycle_is_refused_and_nothing_is_written,
    represented_members_are_counted_once_across_paths,
    the_last_organiser_cannot_be_removed_or_demoted,
    removing_a_member_ends_all_their_sessions,
    a_deleted_member_leaves_a_tombstone_and_a_valid_chain,
    expired_sessions_and_invitations_are_purged,
    settings_changes_are_recorded_in_the_minutes,
    a_motion_round_trips_with_its_rules_options_and_texts,
    a_motion_moves_on_in_order_and_a_stale_move_is_a_conflict,
    opening_and_deciding_a_vote_are_recorded_in_a_valid_chain,
    an_accepted_amendment_replaces_the_body_once,
    an_amendment_put_to_the_vote_goes_in_when_the_vote_passes_and_not_when_it_fails,
    motion_defaults_default_round_trip_and_are_minuted,
    a_voter_casting_twice_leaves_one_ballot_with_the_second_choice,
    a_ballot_on_a_motion_not_voting_is_a_conflict_and_changes_nothing,
    five_hundred_ballots_cast_at_once_all_land,
    a_secret_vote_leaves_nothing_linking_the_roll_to_the_box,
    an_open_vote_shows_who_voted_what,
    a_deleted_voter_leaves_the_roll_but_their_ballot_stays,
    a_closed_store_refuses_ballots_instead_of_waiting,
    no_ballot_goes_in_after_the_decision,
    delegation_rules_default_round_trip_and_are_minuted,
    a_decided_election_seats_its_winners_and_a_new_term_ends_the_old,
    a_decided_mandate_motion_records_the_mandate_and_a_later_one_replaces_it,
    a_recall_at_its_threshold_removes_the_delegate_and_opens_the_by_election,
    a_recall_at_a_lower_threshold_opens_a_recall_vote_that_decides,
    a_contrary_vote_is_recorded_once_and_opens_one_recall,
    a_referendum_is_called_once_before_voting_and_reaches_the_subtree,
    a_delegate_removed_from_their_council_or_whose_link_ends_leaves_their_seat,
    a_ranked_mandate_is_the_schulze_order_or_free_where_a_tie_cannot_be_followed,
);

const NOW: i64 = 1_800_000_000;

fn council(slug: &str, kind: CouncilKind, vouches: u32) -> NewCouncil {
    NewCouncil {
        id: CouncilId::new(format!("id-{slug}")),
        slug: Slug::parse(slug).unwrap(),
        kind,
        names: vec![CouncilName {
            language: Language::Es,
            name: format!("Comité {slug}"),
            description: String::new(),
        }],
        settings: CouncilSettings {
            vouches_required: vouches,
            seat_rule: SeatRule::default(),
        },
    }
}

fn member(handle: &str) -> NewMember {
    NewMember {
        id: MemberId::new(format!("id-{handle}")),
        handle: Handle::parse(handle).unwrap(),
        language: Language::Es,
        passphrase_hash: "$argon2id$not-a-real-hash".into(),
        email_sealed: Some(vec![1, 2, 3]),
    }
}

async fn invitation(db: &Db, council: Option<&CouncilId>, role: Role) -> InvitationId {
    let id = InvitationId::new(format!("inv-{}", councils_app::crypto::new_id()));
    db.create_invitation(&InvitationRecord {
        id: id.clone(),
        token_hash: councils_app::crypto::new_id(),
        council_id: council.cloned(),
        role,
        created_by: None,
        created_at: NOW,
        expires_at: NOW + 3600,
        used_at: None,
    })
    .await
    .unwrap();
    id
}

/// A council founded by `founder`, who is its organiser.
async fn founded(
    db: &Db,
    slug: &str,
    kind: CouncilKind,
    vouches: u32,
    founder: &str,
) -> (CouncilId, MemberId) {
    let new = council(slug, kind, vouches);
    let invite = invitation(db, None, Role::Organiser).await;
    let founder = member(founder);
    db.join(&invite, &founder, Some(&new), NOW).await.unwrap();
    (new.id, founder.id)
}

async fn join(db: &Db, council: &CouncilId, handle: &str) -> (MemberId, MembershipStatus) {
    let invite = invitation(db, Some(council), Role::Member).await;
    let newcomer = member(handle);
    let status = db.join(&invite, &newcomer, None, NOW).await.unwrap();
    (newcomer.id, status)
}

async fn a_newcomer_joins_through_an_invitation_once(db: &Db) {
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

async fn a_taken_handle_leaves_the_invitation_unused(db: &Db) {
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

async fn the_founding_invitation_founds_a_council_with_its_organiser(db: &Db) {
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

async fn a_newcomer_becomes_active_after_enough_vouches(db: &Db) {
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

async fn a_member_cannot_vouch_twice_for_the_same_newcomer(db: &Db) {
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

async fn a_federation_cycle_is_refused_and_nothing_is_written(db: &Db) {
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

async fn represented_members_are_counted_once_across_paths(db: &Db) {
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

async fn the_last_organiser_cannot_be_removed_or_demoted(db: &Db) {
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

async fn removing_a_member_ends_all_their_sessions(db: &Db) {
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

async fn a_deleted_member_leaves_a_tombstone_and_a_valid_chain(db: &Db) {
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

async fn expired_sessions_and_invitations_are_purged(db: &Db) {
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

async fn settings_changes_are_recorded_in_the_minutes(db: &Db) {
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

fn text(language: Language, title: &str, body: &str) -> MotionText {
    MotionText::new(language, title, body).unwrap()
}

/// A yes/no motion of `council`, moved by `mover`, in `phase`.
fn yes_no_motion(
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

fn phase_change(motion: &MotionId, from: Phase, to: Phase, by: &MemberId) -> PhaseChange {
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
async fn voting_motion(db: &Db, secrecy: Secrecy) -> (CouncilId, MemberId, MotionId) {
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

fn ballot(motion: &MotionId, voter: &MemberId, choice: &str, open: bool) -> BallotRecord {
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

fn group(choice: &str, weight: u64, ballots: u64) -> BallotGroup {
    BallotGroup {
        choice: choice.into(),
        weight,
        ballots,
    }
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

fn yes_outcome(rules: &MotionRules) -> Outcome {
    count(rules, &[], &[(Choice::YesNo(YesNo::Yes), 1)], Some(3), 7).unwrap()
}

async fn a_motion_round_trips_with_its_rules_options_and_texts(db: &Db) {
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

async fn a_motion_moves_on_in_order_and_a_stale_move_is_a_conflict(db: &Db) {
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

async fn opening_and_deciding_a_vote_are_recorded_in_a_valid_chain(db: &Db) {
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

async fn an_accepted_amendment_replaces_the_body_once(db: &Db) {
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

async fn an_amendment_put_to_the_vote_goes_in_when_the_vote_passes_and_not_when_it_fails(db: &Db) {
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

async fn motion_defaults_default_round_trip_and_are_minuted(db: &Db) {
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

async fn a_voter_casting_twice_leaves_one_ballot_with_the_second_choice(db: &Db) {
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

async fn a_ballot_on_a_motion_not_voting_is_a_conflict_and_changes_nothing(db: &Db) {
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

async fn five_hundred_ballots_cast_at_once_all_land(db: &Db) {
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

async fn a_secret_vote_leaves_nothing_linking_the_roll_to_the_box(db: &Db) {
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

async fn an_open_vote_shows_who_voted_what(db: &Db) {
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

async fn a_deleted_voter_leaves_the_roll_but_their_ballot_stays(db: &Db) {
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

async fn a_closed_store_refuses_ballots_instead_of_waiting(db: &Db) {
    let (_, rosa, strike) = voting_motion(db, Secrecy::Secret).await;
    db.cast_ballot(ballot(&strike, &rosa, "yes", false))
        .await
        .unwrap();
    db.close().await;
    let after = db.cast_ballot(ballot(&strike, &rosa, "no", false)).await;
    assert!(matches!(after, Err(StoreError::Backend(_))), "{after:?}");
}

async fn no_ballot_goes_in_after_the_decision(db: &Db) {
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

/// Garment (rosa, lupe, ana, luz) a constituent of the city (founded by rosa, so she is a
/// member there in her own right).
async fn federation_of_garment(db: &Db) -> (CouncilId, CouncilId, Vec<MemberId>) {
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
fn election(
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
async fn decide_ranked(db: &Db, motion: &MotionId, by: &MemberId, at: i64) -> Outcome {
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

fn events(minutes: &[MinutesEntry]) -> Vec<&'static str> {
    minutes.iter().map(|e| e.event().unwrap().code()).collect()
}

async fn delegation_rules_default_round_trip_and_are_minuted(db: &Db) {
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

async fn a_decided_election_seats_its_winners_and_a_new_term_ends_the_old(db: &Db) {
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

/// A mandate motion of garment on `higher`, in discussion.
fn mandate_motion(id: &str, garment: &CouncilId, mover: &MemberId) -> MotionRecord {
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

async fn a_decided_mandate_motion_records_the_mandate_and_a_later_one_replaces_it(db: &Db) {
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
async fn seated(db: &Db, garment: &CouncilId, city: &CouncilId, m: &[MemberId]) -> DelegateId {
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

fn new_recall(id: &str, delegate: &DelegateId, garment: &CouncilId, by: &MemberId) -> RecallRecord {
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

fn follow_up(garment: &CouncilId, city: &CouncilId, m: &[MemberId]) -> RecallFollowUp {
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

async fn a_recall_at_its_threshold_removes_the_delegate_and_opens_the_by_election(db: &Db) {
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

async fn a_recall_at_a_lower_threshold_opens_a_recall_vote_that_decides(db: &Db) {
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
    db.recall_vote_decided(&recall, false, NOW + 400, None)
        .await
        .unwrap();
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

async fn a_contrary_vote_is_recorded_once_and_opens_one_recall(db: &Db) {
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

async fn a_referendum_is_called_once_before_voting_and_reaches_the_subtree(db: &Db) {
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

async fn a_delegate_removed_from_their_council_or_whose_link_ends_leaves_their_seat(db: &Db) {
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
fn ranked_motion(id: &str, council: &CouncilId, mover: &MemberId, method: Method) -> MotionRecord {
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

async fn a_ranked_mandate_is_the_schulze_order_or_free_where_a_tie_cannot_be_followed(db: &Db) {
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
