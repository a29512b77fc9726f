//! Amendments the mover does not take, put to the council's vote through the pages; and a
//! council's defaults for new motions.

mod common;

use common::{Page, garment, get, post};
use councils_domain::{Language, Role};
use councils_testkit::{TestApp, TestMember};

async fn page(app: &TestApp, path: &str, who: &TestMember) -> Page {
    let page = get(&app.router(), path, Some(&who.cookie()), None).await;
    assert_eq!(page.status, 200, "{}", page.body);
    page
}

/// Posts a form that succeeds; returns where it sends the reader.
async fn ok(app: &TestApp, path: &str, fields: &[(&str, &str)], who: &TestMember) -> String {
    let done = post(&app.router(), path, fields, Some(&who.cookie())).await;
    assert_eq!(done.status, 303, "POST {path}: {}", done.body);
    done.location().expect("a redirect")
}

#[tokio::test]
async fn an_amendment_put_to_the_vote_by_its_author_replaces_the_text_when_the_council_passes_it() {
    let (app, rosa) = garment().await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let motion = ok(
        &app,
        "/c/garment/motions",
        &[
            ("title_en", "Demand the back pay"),
            ("body_en", "Pay the Saturday shifts within two weeks."),
            ("kind", "ordinary"),
            ("method", "yes-no"),
            ("majority", "simple"),
        ],
        &lupe,
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
    let listed = page(&app, &motion, &ana).await;
    let amendment = listed
        .attr("li[id^=amendment-]", "id")
        .unwrap()
        .trim_start_matches("amendment-")
        .to_string();
    // The author sees the button; another member who is neither mover nor organiser does not,
    // and is refused if they post it anyway.
    assert!(listed.text("#amendments").contains("Someter a votación"));
    let outsider = app
        .join("garment", Role::Member, "mateo", Language::En)
        .await;
    assert!(
        !page(&app, &motion, &outsider)
            .await
            .text("#amendments")
            .contains("Put to the council's vote")
    );
    let refused = post(
        &app.router(),
        &format!("{motion}/amendments/{amendment}/vote"),
        &[("hours", "")],
        Some(&outsider.cookie()),
    )
    .await;
    assert_eq!(refused.status, 403);

    let vote = ok(
        &app,
        &format!("{motion}/amendments/{amendment}/vote"),
        &[("hours", "")],
        &ana,
    )
    .await;
    assert_ne!(vote, motion);
    let ballot = page(&app, &vote, &lupe).await;
    assert!(
        ballot.text("#amendment-vote-of").contains("in English"),
        "{}",
        ballot.text("#amendment-vote-of")
    );
    assert_eq!(
        ballot.text(".motion-text p"),
        "Pay the Saturday shifts within ten days."
    );
    // The motion's own vote waits, in words, and the mover cannot take the amendment now.
    let waiting = page(&app, &motion, &lupe).await;
    assert!(
        waiting
            .text("#amendment-pending")
            .contains("once the votes")
    );
    let early = post(
        &app.router(),
        &format!("{motion}/voting"),
        &[("hours", "")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(early.status, 409);
    assert!(early.body.contains("being voted on"), "{}", early.body);

    for (who, choice) in [(&rosa, "yes"), (&ana, "yes"), (&lupe, "no")] {
        ok(&app, &format!("{vote}/ballot"), &[("choice", choice)], who).await;
    }
    ok(&app, &format!("{vote}/close"), &[], &rosa).await;
    let amended = page(&app, &motion, &lupe).await;
    assert_eq!(
        amended.text(".motion-text p"),
        "Pay the Saturday shifts within ten days."
    );
    assert!(amended.text("#amendments").contains("Accepted"));
    assert!(
        amended
            .text("#amendments")
            .contains("See the council's vote on it")
    );
    ok(&app, &format!("{motion}/voting"), &[("hours", "")], &lupe).await;

    let minutes = page(&app, "/c/garment/minutes", &ana).await;
    let log = minutes.text("ol");
    assert!(
        log.contains("ana sometió una enmienda a votación del consejo."),
        "{log}"
    );
    assert!(log.contains("El consejo aprobó una enmienda."), "{log}");
    assert!(minutes.text("p.notice").contains("intacta"));
    app.stop().await;
}

#[tokio::test]
async fn a_council_s_defaults_start_every_new_motion_and_only_an_organiser_changes_them() {
    let (app, rosa) = garment().await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let form = page(&app, "/c/garment/motions/new", &ana).await;
    assert_eq!(
        form.attr("#majority option[selected]", "value").as_deref(),
        Some("simple")
    );

    let refused = post(
        &app.router(),
        "/c/garment/motion-defaults",
        &[("method", "consent"), ("majority", "simple")],
        Some(&ana.cookie()),
    )
    .await;
    assert_eq!(refused.status, 403);
    let bad = post(
        &app.router(),
        "/c/garment/motion-defaults",
        &[
            ("method", "yes-no"),
            ("majority", "two-thirds"),
            ("quorum_percent", "150"),
        ],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("role=\"alert\""), "{}", bad.body);
    assert_eq!(
        page(&app, "/c/garment/motions/new", &ana)
            .await
            .attr("#majority option[selected]", "value")
            .as_deref(),
        Some("simple"),
        "a refused change changes nothing"
    );

    ok(
        &app,
        "/c/garment/motion-defaults",
        &[
            ("method", "consent"),
            ("majority", "two-thirds"),
            ("quorum_percent", "50"),
            ("secret", "1"),
        ],
        &rosa,
    )
    .await;
    let form = page(&app, "/c/garment/motions/new", &ana).await;
    assert_eq!(
        form.attr("#method option[selected]", "value").as_deref(),
        Some("consent")
    );
    assert_eq!(
        form.attr("#majority option[selected]", "value").as_deref(),
        Some("two-thirds")
    );
    assert_eq!(form.attr("#quorum_percent", "value").as_deref(), Some("50"));
    assert!(form.attr("input[name=secret]", "checked").is_some());
    // A plain member reads them; the form is the organiser's.
    let shown = page(&app, "/c/garment/motion-defaults", &ana).await;
    assert!(
        shown.text("dl").contains("Consentimiento"),
        "{}",
        shown.text("dl")
    );
    assert!(shown.texts("form[action$=motion-defaults]").is_empty());
    let minutes = page(&app, "/c/garment/minutes", &rosa).await;
    assert!(
        minutes
            .text("ol")
            .contains("rosa changed the defaults for new motions."),
        "{}",
        minutes.text("ol")
    );
    app.stop().await;
}
