//! Grievances through their pages: an anonymous grievance that keeps no trace of its filer,
//! followed and answered through its private link, and the filing form and its errors in both
//! languages. The cases (pay, deadlines, retention, collective grievances, escalation) are in
//! `grievance_cases.rs`.

mod common;
#[path = "grievances/fixture.rs"]
mod fixture;

use common::{get, post};
use councils_domain::Language;
use councils_testkit::TestApp;
use fixture::{file, garment, only_id, received, token};

#[tokio::test]
async fn an_anonymous_grievance_keeps_no_trace_of_its_filer_and_hides_them_from_organisers() {
    let g = garment(TestApp::spawn().await).await;
    let mut rosa_live = g.app.app().live().subscribe(&g.rosa.id);
    let filed = file(&g, &g.lupe, true).await;
    assert_eq!(filed.status.as_u16(), 303);
    let token = token(&filed);
    assert_eq!(received(&mut rosa_live), ["grievance-filed"]);

    // The database: no column of the grievance or its timeline holds lupe's id or handle, and
    // the link's token is kept only as its SHA-256.
    let db = &g.app.server.db;
    let hash = councils_app::crypto::token_hash(&token);
    let rows = councils_store::testing::dump(db, "grievance").await;
    assert_eq!(rows.len(), 1);
    let entries = councils_store::testing::dump(db, "grievance_entry").await;
    assert_eq!(entries.len(), 1);
    for row in rows.iter().chain(entries.iter()) {
        for (column, value) in row {
            let value = value.clone().unwrap_or_default();
            assert!(
                !value.contains(g.lupe.id.as_str()),
                "{column} names the filer"
            );
            assert!(!value.contains("lupe"), "{column} names the filer");
            assert!(!value.contains(&token), "{column} holds the token");
            assert!(!value.contains("cutting line"), "{column} is not sealed");
        }
    }
    let column = |name: &str| {
        rows[0]
            .iter()
            .find(|(c, _)| c == name)
            .and_then(|(_, v)| v.clone())
    };
    assert_eq!(column("filed_by"), None);
    assert_eq!(column("follow_token_hash"), Some(hash));
    let filed_at: i64 = column("filed_at").unwrap().parse().unwrap();
    assert_eq!(
        filed_at % 86_400,
        0,
        "an anonymous filing is timed to its day"
    );

    // The organiser reads it without its filer; lupe's own list does not have it.
    let id = only_id(&g).await;
    let page = get(
        &g.app.router(),
        &format!("/c/garment/grievances/{id}"),
        Some(&g.rosa.cookie()),
        None,
    )
    .await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(page.text("#statement").contains("cutting line"));
    assert!(
        !page.body.contains("lupe"),
        "the filer is not named anywhere"
    );
    let mine = get(
        &g.app.router(),
        "/c/garment/grievances",
        Some(&g.lupe.cookie()),
        None,
    )
    .await;
    assert!(mine.texts("#grievances li").is_empty());
    // Neither lupe's session nor anyone else's opens it by its id: only the link does.
    let by_id = get(
        &g.app.router(),
        &format!("/c/garment/grievances/{id}"),
        Some(&g.lupe.cookie()),
        None,
    )
    .await;
    assert_eq!(by_id.status.as_u16(), 404);
    g.app.stop().await;
}

#[tokio::test]
async fn the_anonymous_filer_answers_an_organisers_question_through_the_private_link() {
    let g = garment(TestApp::spawn().await).await;
    let token = token(&file(&g, &g.lupe, true).await);
    let id = only_id(&g).await;
    let router = g.app.router();
    let case = format!("/c/garment/grievances/{id}");
    let asked = post(
        &router,
        &format!("{case}/notes"),
        &[
            ("text", "Which weeks? Do you have pay stubs?"),
            ("question", "yes"),
        ],
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(asked.location().as_deref(), Some(case.as_str()));

    // The link, with no session at all, in Spanish.
    let link = format!("/grievances/follow/{token}");
    let page = get(&router, &link, None, Some("es")).await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(page.text("#timeline").contains("Which weeks?"));
    assert!(
        page.text("#timeline")
            .contains("Pregunta a quien la presentó")
    );
    assert_eq!(page.text("#owed"), "202.80 USD");
    let mut rosa_live = g.app.app().live().subscribe(&g.rosa.id);
    let answered = post(
        &router,
        &format!("{link}/answers"),
        &[("text", "All of October. I kept my stubs.")],
        None,
    )
    .await;
    assert_eq!(answered.location().as_deref(), Some(link.as_str()));
    assert_eq!(received(&mut rosa_live), ["grievance-answered"]);
    let empty = post(&router, &format!("{link}/answers"), &[("text", "  ")], None).await;
    assert_eq!(empty.status.as_u16(), 422);

    let seen = get(&router, &case, Some(&g.rosa.cookie()), None).await;
    let timeline = seen.texts("#timeline li");
    assert!(timeline.last().unwrap().contains("the filer (anonymous)"));
    assert!(timeline.last().unwrap().contains("I kept my stubs"));
    // A wrong link finds nothing.
    let wrong = format!("/grievances/follow/{}", "A".repeat(43));
    assert_eq!(get(&router, &wrong, None, None).await.status.as_u16(), 404);
    g.app.stop().await;
}

#[tokio::test]
async fn every_grievance_error_has_a_message_in_both_languages() {
    use councils_domain::grievance::GrievanceError::*;
    for error in [
        Missing,
        TooLong,
        EmptyNote,
        BadDate,
        NotAnOrganiser,
        CollectiveTooSmall,
        AlreadyEscalated,
        BadAmount,
        PayTooLarge,
    ] {
        for language in Language::ALL {
            let tr = councils_web::i18n::Tr::new(language);
            let message = tr.t(&format!("error-{}", error.code()));
            assert!(!message.starts_with("error-"), "{error:?} in {language:?}");
        }
    }
}

#[tokio::test]
async fn the_filing_form_is_in_spanish_and_a_grievance_without_what_happened_is_refused() {
    let g = garment(TestApp::spawn().await).await;
    let router = g.app.router();
    let form = get(
        &router,
        "/c/garment/grievances/new",
        Some(&g.lupe.cookie()),
        None,
    )
    .await;
    assert_eq!(form.text("h1"), "Presentar una queja");
    assert!(form.text("#kind").contains("Acoso sexual"));
    let refused = post(
        &router,
        "/c/garment/grievances",
        &[
            ("kind", "harassment"),
            ("what", " "),
            ("wanted", "That it stops"),
        ],
        Some(&g.lupe.cookie()),
    )
    .await;
    assert_eq!(refused.status.as_u16(), 422);
    assert_eq!(refused.text("p.error"), "Di qué pasó y qué quieres.");
    assert_eq!(refused.text("#wanted"), "That it stops");
    assert!(
        councils_store::testing::dump(&g.app.server.db, "grievance")
            .await
            .is_empty()
    );
    g.app.stop().await;
}
