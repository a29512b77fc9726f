//! The city federation the democracy tests run in, and the steps they share.
// Each test file uses part of it.
#![allow(dead_code)]

use super::common::{Page, get, post};
use councils_app::council::SettingsForm;
use councils_domain::{CouncilKind, CouncilName, Language, Role};
use councils_testkit::{TestApp, TestMember};

pub async fn page(app: &TestApp, path: &str, who: &TestMember) -> Page {
    let page = get(&app.router(), path, Some(&who.cookie()), None).await;
    assert_eq!(page.status, 200, "GET {path}: {}", page.body);
    page
}

pub async fn ok(app: &TestApp, path: &str, fields: &[(&str, &str)], who: &TestMember) -> Page {
    let done = post(&app.router(), path, fields, Some(&who.cookie())).await;
    assert_eq!(done.status, 303, "POST {path}: {}", done.body);
    done
}

/// The city council (organiser cityorg, one seat per `per` members) and garment (organiser
/// rosa, members lupe and ana), garment a constituent of the city.
pub struct City {
    pub app: TestApp,
    pub cityorg: TestMember,
    pub rosa: TestMember,
    pub lupe: TestMember,
    pub ana: TestMember,
}

pub async fn set_seat_rule(app: &TestApp, organiser: &TestMember, slug: &str, per: u32) {
    let actor = app.actor(organiser).await;
    app.app()
        .update_council(
            &actor,
            slug,
            &SettingsForm {
                names: vec![CouncilName {
                    language: Language::En,
                    name: format!("Council {slug}"),
                    description: format!("About {slug}"),
                }],
                vouches_required: 0,
                members_per_delegate: per,
                minimum_seats: 1,
            },
        )
        .await
        .expect("settings");
}

pub async fn link(app: &TestApp, constituent: &str, organiser: &TestMember, cityorg: &TestMember) {
    let actor = app.actor(organiser).await;
    app.app()
        .request_link(&actor, constituent, "city")
        .await
        .expect("request");
    let city = app.actor(cityorg).await;
    app.app()
        .accept_link(&city, "city", constituent)
        .await
        .expect("accept");
}

pub async fn city() -> City {
    let app = TestApp::spawn().await;
    let cityorg = app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    set_seat_rule(&app, &cityorg, "city", 2).await;
    link(&app, "garment", &rosa, &cityorg).await;
    City {
        app,
        cityorg,
        rosa,
        lupe,
        ana,
    }
}

/// Runs an election in garment among `candidates`, every member ranking `order` (handles);
/// returns the election's path.
pub async fn elect(c: &City, candidates: &[&str], order: &[&str]) -> String {
    let mut fields = vec![
        ("parent", "city"),
        ("term_months", "6"),
        ("title_en", "Delegates to the city"),
    ];
    for candidate in candidates {
        fields.push(("candidate", candidate));
    }
    let election = ok(&c.app, "/c/garment/elections", &fields, &c.rosa)
        .await
        .location()
        .expect("the election's page");
    ok(&c.app, &format!("{election}/voting"), &[], &c.rosa).await;
    let ranks: Vec<(String, String)> = order
        .iter()
        .enumerate()
        .map(|(rank, handle)| {
            let position = candidates.iter().position(|c| c == handle).unwrap();
            (format!("rank-{position}"), (rank + 1).to_string())
        })
        .collect();
    let ranks: Vec<(&str, &str)> = ranks
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for who in [&c.rosa, &c.lupe, &c.ana] {
        ok(&c.app, &format!("{election}/ballot"), &ranks, who).await;
    }
    ok(&c.app, &format!("{election}/close"), &[], &c.rosa).await;
    election
}

/// The path of a delegate's page on garment, by handle.
pub async fn delegate_path(c: &City, handle: &str) -> String {
    let list = page(&c.app, "/c/garment/delegates", &c.rosa).await;
    list.body
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|href| href.starts_with("/c/garment/delegates/") && !href.ends_with("recall"))
        .find(|href| {
            list.body
                .contains(&format!("{href}\"><strong>{handle}</strong>"))
        })
        .expect("a delegate's link")
        .to_string()
}

/// A yes/no motion of the city, put to voting by cityorg; returns its path.
pub async fn city_motion(c: &City, referendum: bool) -> String {
    let motion = ok(
        &c.app,
        "/c/city/motions",
        &[
            ("title_en", "A citywide rent strike fund"),
            ("body_en", "Each council pays into one fund."),
            ("kind", "ordinary"),
            ("method", "yes-no"),
            ("majority", "simple"),
            // Asked for, and overruled: delegates vote openly.
            ("secret", "on"),
        ],
        &c.cityorg,
    )
    .await
    .location()
    .unwrap();
    if referendum {
        ok(&c.app, &format!("{motion}/referendum"), &[], &c.cityorg).await;
    }
    ok(&c.app, &format!("{motion}/voting"), &[], &c.cityorg).await;
    motion
}

/// Garment votes a mandate on the city motion: every member ranks `first` first.
pub async fn mandate(c: &City, city_motion: &str, first: &str) {
    let id = city_motion.rsplit('/').next().unwrap();
    let mandate = ok(
        &c.app,
        "/c/garment/mandates",
        &[("for_motion", id)],
        &c.lupe,
    )
    .await
    .location()
    .unwrap();
    let shown = page(&c.app, &mandate, &c.ana).await;
    assert_eq!(
        shown.texts(".options li"),
        vec!["A favor", "En contra", "Abstención", "Libre"],
        "a mandate's options in the reader's words"
    );
    ok(&c.app, &format!("{mandate}/voting"), &[], &c.rosa).await;
    let position = ["for", "against", "abstain", "free"]
        .iter()
        .position(|o| *o == first)
        .unwrap();
    let field = format!("rank-{position}");
    for who in [&c.rosa, &c.lupe, &c.ana] {
        ok(&c.app, &format!("{mandate}/ballot"), &[(&field, "1")], who).await;
    }
    ok(&c.app, &format!("{mandate}/close"), &[], &c.rosa).await;
}
