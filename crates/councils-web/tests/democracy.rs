//! Council democracy through the pages, in process: an election seats delegates in the
//! higher council, a mandate binds them (a contrary vote refused, or counted, flagged and a
//! recall opened), members sign a recall until the delegate goes and a by-election opens, a
//! referendum counts every base member once, and delegates' ballots carry their weights.

mod common;

use common::{Page, get, post};
use councils_app::council::SettingsForm;
use councils_domain::motion::Decision;
use councils_domain::{CouncilKind, CouncilName, Language, Role};
use councils_testkit::{TestApp, TestMember};

async fn page(app: &TestApp, path: &str, who: &TestMember) -> Page {
    let page = get(&app.router(), path, Some(&who.cookie()), None).await;
    assert_eq!(page.status, 200, "GET {path}: {}", page.body);
    page
}

async fn ok(app: &TestApp, path: &str, fields: &[(&str, &str)], who: &TestMember) -> Page {
    let done = post(&app.router(), path, fields, Some(&who.cookie())).await;
    assert_eq!(done.status, 303, "POST {path}: {}", done.body);
    done
}

/// The city council (organiser cityorg, one seat per `per` members) and garment (organiser
/// rosa, members lupe and ana), garment a constituent of the city.
struct City {
    app: TestApp,
    cityorg: TestMember,
    rosa: TestMember,
    lupe: TestMember,
    ana: TestMember,
}

async fn set_seat_rule(app: &TestApp, organiser: &TestMember, slug: &str, per: u32) {
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

async fn link(app: &TestApp, constituent: &str, organiser: &TestMember, cityorg: &TestMember) {
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

async fn city() -> City {
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
async fn elect(c: &City, candidates: &[&str], order: &[&str]) -> String {
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
async fn delegate_path(c: &City, handle: &str) -> String {
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
async fn city_motion(c: &City, referendum: bool) -> String {
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
async fn mandate(c: &City, city_motion: &str, first: &str) {
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

#[tokio::test]
async fn an_election_elects_delegates_who_then_sit_in_the_higher_council() {
    let c = city().await;
    let before = get(
        &c.app.router(),
        "/c/city/motions",
        Some(&c.lupe.cookie()),
        None,
    )
    .await;
    assert_eq!(before.status, 403, "lupe is no member of the city yet");
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;

    let list = page(&c.app, "/c/garment/delegates", &c.ana).await;
    let sent = list.text("#sent");
    assert!(sent.contains("lupe") && sent.contains("ana"), "{sent}");
    assert!(
        !sent.contains("rosa"),
        "two seats for three members: {sent}"
    );
    let received = page(&c.app, "/c/city/delegates", &c.cityorg).await;
    assert!(received.text("#received").contains("lupe"));

    // The delegate now sits in the city council: she sees and may vote there.
    page(&c.app, "/c/city/motions", &c.lupe).await;
    let delegate = page(&c.app, &delegate_path(&c, "lupe").await, &c.rosa).await;
    assert_eq!(delegate.text("h1"), "lupe");
    assert!(delegate.text("dl").contains("Council city"));
    let minutes = page(&c.app, "/c/garment/minutes", &c.rosa).await;
    assert!(
        minutes
            .text("ol")
            .contains("lupe was elected delegate to Council city"),
        "{}",
        minutes.text("ol")
    );
    let city_minutes = page(&c.app, "/c/city/minutes", &c.cityorg).await;
    assert!(
        city_minutes
            .text("ol")
            .contains("lupe took a seat as delegate of Council garment")
    );
    c.app.stop().await;
}

#[tokio::test]
async fn a_delegates_vote_against_the_mandate_is_refused_and_under_record_and_flag_counted_flagged_and_a_recall_opened()
 {
    let c = city().await;
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;
    let motion = city_motion(&c, false).await;
    mandate(&c, &motion, "for").await;
    let mandates = page(&c.app, "/c/garment/mandates", &c.lupe).await;
    assert_eq!(mandates.text("#mandates .mandate"), "For");

    let refused = post(
        &c.app.router(),
        &format!("{motion}/ballot"),
        &[("choice", "no")],
        Some(&c.lupe.cookie()),
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .text("p.error")
            .contains("goes against your council's mandate"),
        "{}",
        refused.body
    );
    // Ana reads it in Spanish.
    let refused_es = post(
        &c.app.router(),
        &format!("{motion}/ballot"),
        &[("choice", "abstain")],
        Some(&c.ana.cookie()),
    )
    .await;
    assert!(refused_es.text("p.error").contains("contra el mandato"));
    ok(
        &c.app,
        &format!("{motion}/ballot"),
        &[("choice", "yes")],
        &c.lupe,
    )
    .await;
    let not_delegate = post(
        &c.app.router(),
        &format!("{motion}/ballot"),
        &[("choice", "yes")],
        Some(&c.cityorg.cookie()),
    )
    .await;
    assert_eq!(not_delegate.status, 422);
    assert!(not_delegate.text("p.error").contains("only the delegates"));

    ok(
        &c.app,
        "/c/garment/delegation",
        &[
            ("term_cap", "0"),
            ("mandate_policy", "record-and-flag"),
            ("recall_threshold", "majority"),
            ("recall_mode", "remove-at-threshold"),
            ("vote_weighting", "members"),
        ],
        &c.rosa,
    )
    .await;
    ok(
        &c.app,
        &format!("{motion}/ballot"),
        &[("choice", "no")],
        &c.ana,
    )
    .await;
    let ana = delegate_path(&c, "ana").await;
    let flagged = page(&c.app, &ana, &c.lupe).await;
    assert!(
        flagged
            .text("#contrary")
            .contains("One vote counted against the mandate")
    );
    assert!(
        flagged
            .text("#mandates li.flagged")
            .contains("Against the mandate")
    );
    let recall = page(&c.app, &format!("{ana}/recall"), &c.lupe).await;
    assert!(
        recall.text("#signatures").contains("0 of 2 signatures"),
        "{}",
        recall.body
    );
    let minutes = page(&c.app, "/c/garment/minutes", &c.rosa).await;
    assert!(
        minutes
            .text("ol")
            .contains("ana voted against the council's mandate")
    );
    c.app.stop().await;
}

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
async fn weighted_delegate_votes_give_the_tally_the_expected_weights() {
    let c = city().await;
    for handle in ["marta", "ines", "olga"] {
        c.app
            .join("garment", Role::Member, handle, Language::En)
            .await;
    }
    set_seat_rule(&c.app, &c.cityorg, "city", 3).await;
    // Six members, one seat per three: two delegates weighing three members each.
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;
    let motion = city_motion(&c, false).await;
    ok(
        &c.app,
        &format!("{motion}/ballot"),
        &[("choice", "yes")],
        &c.lupe,
    )
    .await;
    ok(
        &c.app,
        &format!("{motion}/ballot"),
        &[("choice", "no")],
        &c.ana,
    )
    .await;
    ok(&c.app, &format!("{motion}/close"), &[], &c.cityorg).await;
    let actor = c.app.actor(&c.cityorg).await;
    let id = motion.rsplit('/').next().unwrap();
    let decided = c.app.app().motion_page(&actor, "city", id).await.unwrap();
    let outcome = decided.motion.outcome.unwrap();
    assert_eq!(outcome.weight, 6, "the six members garment represents");
    assert_eq!(
        decided.motion.rules.secrecy(),
        councils_domain::motion::Secrecy::Open,
        "delegates vote openly, though the mover asked for a secret ballot"
    );
    assert_eq!(outcome.entitled, Some(6));
    assert_eq!(outcome.decision, Decision::Rejected, "a tie, 3 against 3");
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

#[tokio::test]
async fn on_a_ranked_motion_the_mandate_is_a_ranking_the_delegate_must_follow() {
    let c = city().await;
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;
    let motion = ok(
        &c.app,
        "/c/city/motions",
        &[
            ("title_en", "Which demand first?"),
            ("body_en", "The city council leads with one demand."),
            ("kind", "ordinary"),
            ("method", "schulze"),
            ("majority", "simple"),
            ("options", "Rent freeze\nBack pay\nSafe heat"),
        ],
        &c.cityorg,
    )
    .await
    .location()
    .unwrap();
    ok(&c.app, &format!("{motion}/voting"), &[], &c.cityorg).await;
    let id = motion.rsplit('/').next().unwrap();
    let mandate = ok(
        &c.app,
        "/c/garment/mandates",
        &[("for_motion", id)],
        &c.lupe,
    )
    .await
    .location()
    .unwrap();
    let shown = page(&c.app, &mandate, &c.rosa).await;
    assert_eq!(
        shown.texts(".options li"),
        vec!["Rent freeze", "Back pay", "Safe heat"]
    );
    ok(&c.app, &format!("{mandate}/voting"), &[], &c.rosa).await;
    // Back pay, then safe heat, then the rent freeze.
    let order = [("rank-1", "1"), ("rank-2", "2"), ("rank-0", "3")];
    for who in [&c.rosa, &c.lupe, &c.ana] {
        ok(&c.app, &format!("{mandate}/ballot"), &order, who).await;
    }
    ok(&c.app, &format!("{mandate}/close"), &[], &c.rosa).await;
    let mandates = page(&c.app, "/c/garment/mandates", &c.lupe).await;
    assert_eq!(mandates.text("#mandates .mandate"), "A ranking");

    let other = post(
        &c.app.router(),
        &format!("{motion}/ballot"),
        &[("rank-0", "1"), ("rank-1", "2"), ("rank-2", "3")],
        Some(&c.lupe.cookie()),
    )
    .await;
    assert_eq!(other.status, 422);
    assert!(
        other
            .text("p.error")
            .contains("against your council's mandate")
    );
    ok(&c.app, &format!("{motion}/ballot"), &order, &c.lupe).await;
    c.app.stop().await;
}
