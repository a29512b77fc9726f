//! Motions through the pages, in process: proposing, amending, voting openly and in secret,
//! the result drawn and minuted, and bad input refused in the reader's language.

mod common;

use common::{Page, garment, get, post};
use councils_domain::{Language, Role};
use councils_testkit::{TestApp, TestMember};

/// Proposes a motion as `who`; returns its page's path.
async fn propose(app: &TestApp, who: &TestMember, fields: &[(&str, &str)]) -> String {
    let created = post(
        &app.router(),
        "/c/garment/motions",
        fields,
        Some(&who.cookie()),
    )
    .await;
    assert_eq!(created.status, 303, "{}", created.body);
    created.location().expect("the motion's page")
}

async fn page(app: &TestApp, path: &str, who: &TestMember) -> Page {
    let page = get(&app.router(), path, Some(&who.cookie()), None).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page
}

async fn ok(app: &TestApp, path: &str, fields: &[(&str, &str)], who: &TestMember) {
    let done = post(&app.router(), path, fields, Some(&who.cookie())).await;
    assert_eq!(done.status, 303, "POST {path}: {}", done.body);
}

#[tokio::test]
async fn a_motion_is_amended_voted_openly_and_its_result_drawn_and_minuted() {
    let (app, rosa) = garment().await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let motion = propose(
        &app,
        &lupe,
        &[
            ("title_en", "Demand the back pay"),
            ("body_en", "Pay the Saturday shifts within two weeks."),
            ("kind", "ordinary"),
            ("method", "yes-no"),
            ("majority", "simple"),
        ],
    )
    .await;
    let discussion = page(&app, &motion, &ana).await;
    assert_eq!(discussion.text("h1"), "Demand the back pay");
    assert_eq!(discussion.text("p .badge"), "En debate");

    ok(
        &app,
        &format!("{motion}/comments"),
        &[("body", "Diez días basta.")],
        &ana,
    )
    .await;
    ok(
        &app,
        &format!("{motion}/amendments"),
        &[
            ("language", "en"),
            ("body", "Pay the Saturday shifts within ten days."),
        ],
        &ana,
    )
    .await;
    let amendment = page(&app, &motion, &lupe)
        .await
        .attr("li[id^=amendment-]", "id")
        .unwrap()
        .trim_start_matches("amendment-")
        .to_string();
    let not_mover = post(
        &app.router(),
        &format!("{motion}/amendments/{amendment}/accept"),
        &[],
        Some(&ana.cookie()),
    )
    .await;
    assert_eq!(not_mover.status, 403, "only the mover accepts");
    ok(
        &app,
        &format!("{motion}/amendments/{amendment}/accept"),
        &[],
        &lupe,
    )
    .await;
    let amended = page(&app, &motion, &rosa).await;
    assert_eq!(
        amended.text(".motion-text p"),
        "Pay the Saturday shifts within ten days."
    );
    assert!(amended.text("#comments").contains("Diez días basta."));

    ok(&app, &format!("{motion}/voting"), &[("hours", "")], &lupe).await;
    for (who, choice) in [(&rosa, "yes"), (&lupe, "yes"), (&ana, "no")] {
        ok(
            &app,
            &format!("{motion}/ballot"),
            &[("choice", choice)],
            who,
        )
        .await;
    }
    let voting = page(&app, &motion, &ana).await;
    assert!(
        voting
            .text("#ballot")
            .contains("Han votado 3 de 3 miembros")
    );
    assert!(voting.text("p.notice").contains("No"));
    let not_chair = post(
        &app.router(),
        &format!("{motion}/close"),
        &[],
        Some(&ana.cookie()),
    )
    .await;
    assert_eq!(not_chair.status, 403, "only the chair closes voting");
    ok(&app, &format!("{motion}/close"), &[], &rosa).await;

    let decided = page(&app, &motion, &ana).await;
    assert_eq!(decided.text(".result-summary"), "Aprobada");
    assert!(
        decided.texts("#result svg[role=img]").len() == 1,
        "one chart: {}",
        decided.text("#result")
    );
    assert!(decided.text("#result table").contains('2'));
    let votes = decided.text("ul.open-votes");
    assert!(
        votes.contains("ana : No") && votes.contains("rosa : Sí"),
        "{votes}"
    );
    let minutes = page(&app, "/c/garment/minutes", &rosa).await;
    let log = minutes.text("ol");
    assert!(
        log.contains("put the motion “Demand the back pay” to the council"),
        "{log}"
    );
    assert!(log.contains("accepted an amendment"), "{log}");
    assert!(log.contains("opened voting; 3 members may vote"), "{log}");
    assert!(
        log.contains("A motion was decided: Passed (3 ballots)"),
        "{log}"
    );
    assert!(minutes.text("p.notice").contains("intact"));
    app.stop().await;
}

#[tokio::test]
async fn a_secret_ballot_can_be_changed_until_voting_closes_and_shows_no_one_else_the_choice() {
    let (app, rosa) = garment().await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let motion = propose(
        &app,
        &rosa,
        &[
            ("title_es", "Votación de huelga"),
            ("body_es", "Paramos el 15 de diciembre."),
            ("kind", "strike-vote"),
            ("method", "yes-no"),
            ("majority", "two-thirds"),
        ],
    )
    .await;
    ok(&app, &format!("{motion}/voting"), &[], &rosa).await;
    ok(
        &app,
        &format!("{motion}/ballot"),
        &[("choice", "yes")],
        &ana,
    )
    .await;
    ok(&app, &format!("{motion}/ballot"), &[("choice", "no")], &ana).await;
    ok(
        &app,
        &format!("{motion}/ballot"),
        &[("choice", "yes")],
        &rosa,
    )
    .await;
    let hers = page(&app, &motion, &ana).await;
    assert!(
        hers.text("p.notice").contains("No"),
        "{}",
        hers.text("p.notice")
    );
    assert!(hers.text("#ballot").contains("voto secreto"));
    let his = page(&app, &motion, &rosa).await;
    assert!(his.text("#ballot").contains("2 of 2 members have voted"));
    assert!(his.text("p.notice").contains("Yes"));
    ok(&app, &format!("{motion}/close"), &[], &rosa).await;
    let decided = page(&app, &motion, &rosa).await;
    assert_eq!(decided.text(".result-summary"), "Rejected", "1 yes, 1 no");
    assert!(
        decided.texts("ul.open-votes li").is_empty(),
        "no one's vote is shown"
    );
    let late = post(
        &app.router(),
        &format!("{motion}/ballot"),
        &[("choice", "yes")],
        Some(&ana.cookie()),
    )
    .await;
    assert_eq!(late.status, 409);
    assert!(late.text("p.error").contains("no está abierta"));
    app.stop().await;
}

#[tokio::test]
async fn a_ranked_election_is_counted_by_stv_and_bad_ballots_are_refused() {
    let (app, rosa) = garment().await;
    let mut voters = vec![rosa];
    for handle in ["ana", "lupe", "beto", "kim"] {
        voters.push(
            app.join("garment", Role::Member, handle, Language::Es)
                .await,
        );
    }
    let motion = propose(
        &app,
        &voters[0],
        &[
            ("title_en", "Delegates to the city council"),
            ("kind", "election"),
            ("method", "stv"),
            ("seats", "2"),
            ("options", "ana\nlupe\nbeto"),
        ],
    )
    .await;
    ok(&app, &format!("{motion}/voting"), &[], &voters[0]).await;
    let equal = post(
        &app.router(),
        &format!("{motion}/ballot"),
        &[("rank-0", "1"), ("rank-1", "1")],
        Some(&voters[1].cookie()),
    )
    .await;
    assert_eq!(equal.status, 422);
    assert!(
        equal.text("p.error").contains("un número distinto"),
        "{}",
        equal.text("p.error")
    );
    let rankings = [
        [("rank-0", "1"), ("rank-1", "2"), ("rank-2", "")],
        [("rank-0", "1"), ("rank-1", ""), ("rank-2", "2")],
        [("rank-0", "2"), ("rank-1", "1"), ("rank-2", "")],
        [("rank-0", ""), ("rank-1", "2"), ("rank-2", "1")],
        [("rank-0", "1"), ("rank-1", "3"), ("rank-2", "2")],
    ];
    for (voter, ranking) in voters.iter().zip(rankings) {
        ok(&app, &format!("{motion}/ballot"), &ranking, voter).await;
    }
    ok(&app, &format!("{motion}/close"), &[], &voters[0]).await;
    let decided = page(&app, &motion, &voters[0]).await;
    assert!(
        decided.text(".result-summary").starts_with("Elected: ana"),
        "{}",
        decided.text(".result-summary")
    );
    assert!(!decided.texts("#result svg").is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_motion_without_a_title_is_refused_in_the_readers_language_and_nothing_is_created() {
    let (app, rosa) = garment().await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let refused = post(
        &app.router(),
        "/c/garment/motions",
        &[
            ("title_es", ""),
            ("body_es", "Sin título"),
            ("kind", "ordinary"),
            ("method", "yes-no"),
        ],
        Some(&ana.cookie()),
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.text("p.error").contains("título"),
        "{}",
        refused.text("p.error")
    );
    assert_eq!(refused.attr("#body_es", "id").as_deref(), Some("body_es"));
    assert!(
        refused.body.contains("Sin título"),
        "the text typed is kept"
    );
    let agenda = page(&app, "/c/garment/motions", &rosa).await;
    assert!(agenda.texts("li a").is_empty(), "{}", agenda.body);
    app.stop().await;
}
