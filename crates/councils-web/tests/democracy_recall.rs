//! Recall and referendums through the pages, in process: recall by signatures and by a secret
//! recall vote, the term cap, and a referendum across a council's subtree.

#[path = "democracy/city.rs"]
mod city;
mod common;

use city::*;
use common::{get, post};
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;

#[tokio::test]
async fn members_sign_a_recall_until_the_delegate_is_removed_and_a_by_election_opens() {
    let c = city().await;
    let marta = c
        .app
        .join("garment", Role::Member, "marta", Language::En)
        .await;
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;
    let lupe = delegate_path(&c, "lupe").await;
    ok(
        &c.app,
        &format!("{lupe}/recall"),
        &[("reason", "She voted for the landlords' plan.")],
        &c.ana,
    )
    .await;
    let again = post(
        &c.app.router(),
        &format!("{lupe}/recall/sign"),
        &[],
        Some(&c.ana.cookie()),
    )
    .await;
    assert_eq!(again.status, 422, "a member signs once");
    let recall = page(&c.app, &format!("{lupe}/recall"), &c.rosa).await;
    assert!(recall.text("#signatures").contains("1 of 3 signatures"));
    ok(&c.app, &format!("{lupe}/recall/sign"), &[], &c.rosa).await;
    page(&c.app, "/c/city/motions", &c.lupe).await;
    ok(&c.app, &format!("{lupe}/recall/sign"), &[], &marta).await;

    let removed = page(&c.app, &lupe, &c.rosa).await;
    assert_eq!(removed.text("p .badge"), "Recalled");
    let gone = get(
        &c.app.router(),
        "/c/city/motions",
        Some(&c.lupe.cookie()),
        None,
    )
    .await;
    assert_eq!(
        gone.status, 403,
        "the seat went, and the membership with it"
    );
    let agenda = page(&c.app, "/c/garment/motions", &c.rosa).await;
    assert_eq!(
        agenda.texts("section li strong"),
        vec!["Delegates to the city", "Delegates to the city"],
        "the by-election, in discussion, beside the decided election"
    );
    let by_election = agenda
        .body
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with("/c/garment/motions/") && !href.ends_with("/new"))
        .expect("the by-election, listed first")
        .to_string();
    let by_election = page(&c.app, &by_election, &c.rosa).await;
    assert!(
        by_election
            .text("p.muted")
            .contains("A by-election for the seats left vacant")
    );
    assert_eq!(by_election.texts(".options li"), vec!["marta", "rosa"]);
    let minutes = page(&c.app, "/c/garment/minutes", &c.rosa).await;
    assert!(
        minutes
            .text("ol")
            .contains("lupe was recalled as delegate to Council city")
    );
    c.app.stop().await;
}

#[tokio::test]
async fn a_referendum_is_counted_across_the_city_councils_subtree_with_each_base_member_once() {
    let c = city().await;
    let dmitri = c
        .app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let both = c
        .app
        .join("warehouse", Role::Member, "sol", Language::En)
        .await;
    let sol_in_garment = c
        .app
        .app()
        .invite_as_operator("garment", Role::Member)
        .await;
    let token = TestApp::token_of(&sol_in_garment.unwrap().url);
    let sol = c.app.actor(&both).await;
    c.app
        .app()
        .join_existing(&sol, &token)
        .await
        .expect("sol joins garment too");
    link(&c.app, "warehouse", &dmitri, &c.cityorg).await;
    // Pan founds a bakery committee that is no constituent; Tomás is only a member there.
    c.app
        .found("bakery", CouncilKind::WorkplaceCommittee, "pan")
        .await;
    let tomas = c
        .app
        .join("bakery", Role::Member, "tomas", Language::En)
        .await;
    let motion = city_motion(&c, true).await;
    let outside = get(&c.app.router(), &motion, Some(&tomas.cookie()), None).await;
    assert_eq!(outside.status, 403, "outside the subtree");

    let ballot = page(&c.app, &motion, &c.ana).await;
    assert!(ballot.text("p .badge.referendum").contains("Referendo"));
    for who in [&c.ana, &c.lupe, &both, &dmitri] {
        ok(
            &c.app,
            &format!("{motion}/ballot"),
            &[("choice", "yes")],
            who,
        )
        .await;
    }
    ok(
        &c.app,
        &format!("{motion}/ballot"),
        &[("choice", "no")],
        &both,
    )
    .await;
    let changed = page(&c.app, &motion, &both).await;
    assert!(
        changed.text("p.notice").contains("No"),
        "sol's ballot, changed"
    );
    ok(
        &c.app,
        &format!("{motion}/ballot"),
        &[("choice", "no")],
        &c.rosa,
    )
    .await;
    let refused = post(
        &c.app.router(),
        &format!("{motion}/comments"),
        &[("body", "Me too")],
        Some(&c.ana.cookie()),
    )
    .await;
    assert_eq!(refused.status, 403, "a base member only votes on it");
    ok(&c.app, &format!("{motion}/close"), &[], &c.cityorg).await;
    let actor = c.app.actor(&c.cityorg).await;
    let id = motion.rsplit('/').next().unwrap();
    let decided = c.app.app().motion_page(&actor, "city", id).await.unwrap();
    let outcome = decided.motion.outcome.unwrap();
    // Ana, lupe, sol (in two councils, her ballot changed) once, dmitri, rosa: weight one
    // each.
    assert_eq!(outcome.weight, 5);
    // Everyone active in the subtree: cityorg, rosa, dmitri and pan (the city's own members),
    // lupe, ana and sol.
    assert_eq!(outcome.entitled, Some(7));
    assert_eq!(
        decided.motion.rules.secrecy(),
        councils_domain::motion::Secrecy::Secret,
        "a referendum of members is secret"
    );
    c.app.stop().await;
}

#[tokio::test]
async fn under_a_recall_vote_the_threshold_opens_a_secret_vote_whose_passing_removes_the_delegate()
{
    let c = city().await;
    let marta = c
        .app
        .join("garment", Role::Member, "marta", Language::En)
        .await;
    ok(
        &c.app,
        "/c/garment/delegation",
        &[
            ("term_cap", "0"),
            ("mandate_policy", "refuse"),
            ("recall_threshold", "count"),
            ("recall_num", "1"),
            ("recall_mode", "open-recall-vote"),
            ("vote_weighting", "members"),
        ],
        &c.rosa,
    )
    .await;
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;
    let lupe = delegate_path(&c, "lupe").await;
    ok(
        &c.app,
        &format!("{lupe}/recall"),
        &[("reason", "She never reports back.")],
        &marta,
    )
    .await;
    let recall = page(&c.app, &format!("{lupe}/recall"), &c.rosa).await;
    assert!(
        recall
            .text("#recall")
            .contains("the council is voting on the recall"),
        "{}",
        recall.text("main")
    );
    let vote = recall
        .body
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|href| href.starts_with("/c/garment/motions/"))
        .expect("the recall vote")
        .to_string();
    let ballot = page(&c.app, &vote, &c.ana).await;
    assert_eq!(ballot.text("h1"), "¿Revocar a lupe de Council city?");
    page(&c.app, "/c/city/motions", &c.lupe).await;
    for (who, choice) in [
        (&c.ana, "yes"),
        (&marta, "yes"),
        (&c.rosa, "yes"),
        (&c.lupe, "no"),
    ] {
        ok(
            &c.app,
            &format!("{vote}/ballot"),
            &[("choice", choice)],
            who,
        )
        .await;
    }
    ok(&c.app, &format!("{vote}/close"), &[], &c.rosa).await;
    let removed = page(&c.app, &lupe, &c.rosa).await;
    assert_eq!(removed.text("p .badge"), "Recalled");
    let gone = get(
        &c.app.router(),
        "/c/city/motions",
        Some(&c.lupe.cookie()),
        None,
    )
    .await;
    assert_eq!(gone.status, 403);
    let agenda = page(&c.app, "/c/garment/motions", &c.rosa).await;
    assert!(
        agenda
            .texts("section li strong")
            .iter()
            .filter(|t| *t == "Delegates to the city")
            .count()
            == 2,
        "the by-election opened: {}",
        agenda.text("main")
    );
    let minutes = page(&c.app, "/c/garment/minutes", &c.rosa).await;
    let log = minutes.text("ol");
    assert!(log.contains("the recall vote opened"), "{log}");
    assert!(log.contains("lupe was recalled as delegate to Council city"));
    c.app.stop().await;
}

#[tokio::test]
async fn a_member_at_the_councils_term_cap_may_not_stand_again() {
    let c = city().await;
    ok(
        &c.app,
        "/c/garment/delegation",
        &[
            ("term_cap", "1"),
            ("mandate_policy", "refuse"),
            ("recall_threshold", "majority"),
            ("recall_mode", "remove-at-threshold"),
            ("vote_weighting", "members"),
        ],
        &c.rosa,
    )
    .await;
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;
    let again = post(
        &c.app.router(),
        "/c/garment/elections",
        &[
            ("parent", "city"),
            ("term_months", "6"),
            ("candidate", "lupe"),
            ("candidate", "rosa"),
            ("candidate", "ana"),
            ("title_en", "Delegates to the city, second term"),
        ],
        Some(&c.rosa.cookie()),
    )
    .await;
    assert_eq!(again.status, 422);
    assert!(
        again.text("p.error").contains("consecutive terms"),
        "{}",
        again.text("main")
    );
    assert_eq!(
        again.texts("input[name=candidate][checked]").len(),
        3,
        "the form comes back as it was typed"
    );
    // Rosa sat no term, nor did marta, who joins now: they may stand, for the one seat the
    // city now gives garment.
    c.app
        .join("garment", Role::Member, "marta", Language::En)
        .await;
    set_seat_rule(&c.app, &c.cityorg, "city", 4).await;
    ok(
        &c.app,
        "/c/garment/elections",
        &[
            ("parent", "city"),
            ("term_months", "6"),
            ("candidate", "rosa"),
            ("candidate", "marta"),
            ("title_en", "Delegates to the city, second term"),
        ],
        &c.rosa,
    )
    .await;
    c.app.stop().await;
}
