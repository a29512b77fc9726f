//! The demo federation is realistic enough to judge the product by.

use councils_app::ports::{CouncilStore, FederationStore, LinkStatus, MembershipStore};
use councils_domain::{CouncilKind, FederationGraph, Role, Slug};
use councils_store::testing::FreshDb;
use std::collections::HashSet;

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
