//! Council democracy through the pages, in process: elections of delegates who then sit in
//! the higher council, mandates they must follow (yes/no and ranked), and weighted votes.

#[path = "democracy/city.rs"]
mod city;
mod common;

use city::*;
use common::{get, post};
use councils_domain::motion::Decision;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;

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
    // The count names whom it elected, in the order STV elected them.
    assert!(
        minutes.text("ol").contains("Elected: lupe, ana"),
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

#[tokio::test]
async fn a_delegate_who_sits_for_one_committee_cannot_stand_for_anothers_seat_in_the_same_council()
{
    let c = city().await;
    elect(&c, &["lupe", "ana", "rosa"], &["lupe", "ana", "rosa"]).await;
    let dmitri = c
        .app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    link(&c.app, "warehouse", &dmitri, &c.cityorg).await;
    for handle in ["sol", "tomas"] {
        c.app
            .join("warehouse", Role::Member, handle, Language::En)
            .await;
    }
    let invitation = c
        .app
        .app()
        .invite_as_operator("warehouse", Role::Member)
        .await
        .unwrap();
    let lupe = c.app.actor(&c.lupe).await;
    c.app
        .app()
        .join_existing(&lupe, &TestApp::token_of(&invitation.url))
        .await
        .expect("lupe joins the warehouse committee too");
    let refused = post(
        &c.app.router(),
        "/c/warehouse/elections",
        &[
            ("parent", "city"),
            ("term_months", "6"),
            ("title_en", "Delegates to the city"),
            ("candidate", "lupe"),
            ("candidate", "dmitri"),
            ("candidate", "sol"),
            ("candidate", "tomas"),
        ],
        Some(&dmitri.cookie()),
    )
    .await;
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert!(
        refused.body.contains("already sits in that council"),
        "{}",
        refused.body
    );
    ok(
        &c.app,
        "/c/warehouse/elections",
        &[
            ("parent", "city"),
            ("term_months", "6"),
            ("title_en", "Delegates to the city"),
            ("candidate", "dmitri"),
            ("candidate", "sol"),
            ("candidate", "tomas"),
        ],
        &dmitri,
    )
    .await;
    c.app.stop().await;
}
