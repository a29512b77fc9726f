//! The demo federation is realistic enough to judge the product by.

use councils_app::ports::{
    CouncilStore, FederationStore, LinkStatus, MembershipStore, MotionStore,
};
use councils_app::{App, AppConfig, FieldCipher, Secret, SystemClock};
use councils_domain::motion::{Detail, MotionKind, Phase};
use councils_domain::{CouncilKind, FederationGraph, Role, Slug};
use councils_store::testing::FreshDb;
use std::collections::HashSet;
use std::sync::Arc;

#[tokio::test]
async fn the_demo_is_a_federation_from_base_committees_up_to_the_world_council() {
    let fresh = FreshDb::sqlite();
    let db = fresh.connect().await;
    let accounts = councils_server::demo::seed(
        &db,
        councils_server::demo::DEFAULT_PASSPHRASE,
        1_800_000_000,
    )
    .await
    .unwrap();
    let councils = db.all_councils().await.unwrap();
    let kinds: Vec<CouncilKind> = councils.iter().map(|c| c.kind).collect();
    for kind in [
        CouncilKind::WorkplaceCommittee,
        CouncilKind::NeighbourhoodCommittee,
        CouncilKind::StrikeCommittee,
        CouncilKind::CityCouncil,
        CouncilKind::RegionalCouncil,
        CouncilKind::WorldCouncil,
    ] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
    assert!(
        kinds
            .iter()
            .filter(|k| **k == CouncilKind::WorkplaceCommittee)
            .count()
            >= 4
    );
    assert!(
        kinds
            .iter()
            .filter(|k| **k == CouncilKind::CityCouncil)
            .count()
            >= 2,
        "another city"
    );

    let links = db.links().await.unwrap();
    assert!(links.iter().all(|l| l.status == LinkStatus::Active));
    let graph = FederationGraph::from_links(links.into_iter().map(|l| (l.constituent, l.parent)));
    let id = |slug: &str| {
        councils
            .iter()
            .find(|c| c.slug.as_str() == slug)
            .unwrap()
            .id
            .clone()
    };
    let world = id("world-council");
    for base in [
        "garment-workers",
        "boyle-heights",
        "pilsen",
        "maquila-workers",
    ] {
        assert!(
            graph.ancestors(&id(base)).contains(&world),
            "{base} reaches the world council"
        );
    }
    let world_members = db.represented_members(&world).await.unwrap();
    assert!(world_members >= 300, "{world_members}");

    let handles: HashSet<&str> = accounts.iter().map(|a| a.handle.as_str()).collect();
    assert!(handles.len() >= 300, "{}", handles.len());
    for role in Role::ALL {
        assert!(
            accounts.iter().any(|a| a.role == role.code()),
            "someone is {role:?}"
        );
    }
    assert!(
        accounts.iter().any(|a| a.role == "pending"),
        "some newcomers wait for vouches"
    );
    let garment = db
        .council_by_slug(&Slug::parse("garment-workers").unwrap())
        .await
        .unwrap()
        .unwrap();
    let names: Vec<_> = garment.names.iter().map(|n| n.language.code()).collect();
    assert_eq!(names, ["en", "es"]);
    let members = db.members_of(&garment.id).await.unwrap();
    assert!(
        members
            .iter()
            .any(|m| m.handle.as_str() == "rosa" && m.roles.contains(&Role::Organiser))
    );
    let minutes = db.minutes(&garment.id).await.unwrap();
    assert_eq!(councils_domain::minutes::verify_chain(&minutes), Ok(()));
    assert!(minutes.len() > 50);
}

#[tokio::test]
async fn the_demo_has_motions_in_every_phase_a_past_stv_election_and_an_open_secret_strike_vote() {
    let fresh = FreshDb::sqlite();
    let db = fresh.connect().await;
    councils_server::demo::seed(
        &db,
        councils_server::demo::DEFAULT_PASSPHRASE,
        1_800_000_000,
    )
    .await
    .unwrap();
    let app = App::new(
        Arc::new(db.clone()),
        Arc::new(SystemClock),
        FieldCipher::new(&Secret::new(vec![7; 32])),
        AppConfig::default(),
    );
    councils_server::demo::seed_motions(&app, &db)
        .await
        .unwrap();
    let garment = db
        .council_by_slug(&Slug::parse("garment-workers").unwrap())
        .await
        .unwrap()
        .unwrap();
    let motions = db.motions_of(&garment.id).await.unwrap();
    for phase in [Phase::Discussion, Phase::Voting, Phase::Decided] {
        assert!(motions.iter().any(|m| m.phase == phase), "{phase:?}");
    }
    let election = motions
        .iter()
        .find(|m| m.kind == MotionKind::Election)
        .expect("a past election");
    let outcome = election.outcome.as_ref().expect("counted");
    assert_eq!(outcome.winners().len(), 2, "two delegates elected");
    match &outcome.detail {
        Detail::Stv { rounds, .. } => assert!(rounds.len() > 1, "STV rounds"),
        other => panic!("not STV: {other:?}"),
    }
    let strike = motions
        .iter()
        .find(|m| m.kind == MotionKind::StrikeVote)
        .expect("a strike vote");
    assert_eq!(strike.phase, Phase::Voting);
    assert!(db.roll_count(&strike.id).await.unwrap() > 10);
    // An amendment the council is voting on, under the council's defaults.
    let mut amendment_votes = 0;
    for motion in &motions {
        if let Some(amendment) = db.amendment_voted_by(&motion.id).await.unwrap() {
            assert_eq!(motion.phase, Phase::Voting);
            assert!(db.roll_count(&motion.id).await.unwrap() > 5);
            assert_eq!(amendment.vote.as_ref(), Some(&motion.id));
            amendment_votes += 1;
        }
    }
    assert_eq!(amendment_votes, 1);
    assert_eq!(
        db.motion_defaults(&garment.id)
            .await
            .unwrap()
            .quorum_percent,
        33
    );
    let minutes = db.minutes(&garment.id).await.unwrap();
    assert_eq!(councils_domain::minutes::verify_chain(&minutes), Ok(()));
    assert!(minutes.iter().any(|e| e.body.contains("motion-decided")));
    db.close().await;
}
