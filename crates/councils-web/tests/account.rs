//! A member's own account, and what a server error shows.

mod common;

use common::{get, post};
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{PASSPHRASE, TestApp};

#[tokio::test]
async fn a_member_changes_handle_language_email_and_passphrase() {
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let router = app.router();
    let taken = post(
        &router,
        "/account/handle",
        &[("handle", "Rosa")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(taken.status, 409);
    assert_eq!(
        taken.text(".error"),
        "That handle is taken. Choose another."
    );
    assert_eq!(
        post(
            &router,
            "/account/handle",
            &[("handle", "lupita")],
            Some(&lupe.cookie())
        )
        .await
        .status,
        303
    );
    assert_eq!(
        post(
            &router,
            "/account/language",
            &[("language", "es")],
            Some(&lupe.cookie())
        )
        .await
        .status,
        303
    );
    assert_eq!(
        post(
            &router,
            "/account/email",
            &[("email", "lupita@example.org")],
            Some(&lupe.cookie())
        )
        .await
        .status,
        303
    );
    let bad_email = post(
        &router,
        "/account/email",
        &[("email", "not an address")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(bad_email.status, 422);
    let account = get(&router, "/account", Some(&lupe.cookie()), Some("en")).await;
    assert_eq!(
        account.attr("html", "lang").as_deref(),
        Some("es"),
        "the member's choice beats the browser's"
    );
    assert_eq!(account.attr("#handle", "value").as_deref(), Some("lupita"));
    assert_eq!(
        account.attr("#email", "value").as_deref(),
        Some("lupita@example.org")
    );

    let other = post(
        &router,
        "/sign-in",
        &[("handle", "lupita"), ("passphrase", PASSPHRASE)],
        None,
    )
    .await;
    let other_cookie = format!(
        "__Host-councils_session={}",
        other.cookie("__Host-councils_session").unwrap()
    );
    let wrong = post(
        &router,
        "/account/passphrase",
        &[
            ("current", "not the passphrase"),
            ("new", "la lucha sigue siempre"),
        ],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.text(".error"), "La frase de acceso no es correcta.");
    let common = post(
        &router,
        "/account/passphrase",
        &[("current", PASSPHRASE), ("new", "password123")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(common.status, 422);
    let changed = post(
        &router,
        "/account/passphrase",
        &[("current", PASSPHRASE), ("new", "la lucha sigue siempre")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(changed.status, 200);
    assert!(
        changed
            .text("p.notice")
            .contains("Tus otras sesiones se cerraron")
    );
    assert_eq!(
        get(&router, "/councils", Some(&other_cookie), None)
            .await
            .status,
        303,
        "other sessions ended"
    );
    assert_eq!(
        get(&router, "/councils", Some(&lupe.cookie()), None)
            .await
            .status,
        200,
        "this one stays"
    );
    let new_sign_in = post(
        &router,
        "/sign-in",
        &[
            ("handle", "lupita"),
            ("passphrase", "la lucha sigue siempre"),
        ],
        None,
    )
    .await;
    assert_eq!(new_sign_in.status, 303);
    let members = get(&router, "/c/garment", Some(&rosa.cookie()), None).await;
    assert!(
        members
            .texts("li[id^=member-] strong")
            .contains(&"lupita".to_string())
    );
    app.stop().await;
}

#[tokio::test]
async fn a_server_error_shows_a_request_id_and_nothing_of_the_cause() {
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let router = app.router();
    app.server.db.close().await;
    let page = get(
        &router,
        "/c/garment",
        Some(&format!("{}; councils_lang=es", rosa.cookie())),
        None,
    )
    .await;
    assert_eq!(page.status, 500);
    assert_eq!(page.attr("html", "lang").as_deref(), Some("es"));
    assert_eq!(
        page.text(".error"),
        "Algo salió mal en el servidor. No se cambió nada."
    );
    let request_id = page.headers["x-request-id"].to_str().unwrap().to_string();
    assert!(
        page.body.contains(&request_id),
        "the page shows the request id"
    );
    let lower = page.body.to_lowercase();
    for cause in ["pool", "sqlx", "database", "closed", "sqlite"] {
        assert!(!lower.contains(cause), "the page leaks the cause: {cause}");
    }
    app.stop().await;
}

#[tokio::test]
async fn signing_in_leads_back_to_the_page_asked_for_and_never_off_the_site() {
    let (app, _rosa) = common::garment().await;
    app.join("garment", Role::Member, "lupe", Language::Es)
        .await;
    let router = app.router();
    let sign_in = [("handle", "lupe"), ("passphrase", PASSPHRASE)];

    // A link from a notice's mail, opened signed out.
    let asked = get(&router, "/c/garment/grievances?kind=wage-theft", None, None).await;
    assert_eq!(asked.status, 303);
    assert_eq!(asked.location().as_deref(), Some("/sign-in"));
    // Sent back as the browser got it (percent-encoded).
    let then = asked
        .cookie("councils_then")
        .expect("the page is remembered");
    let signed_in = post(
        &router,
        "/sign-in",
        &sign_in,
        Some(&format!("councils_then={then}")),
    )
    .await;
    assert_eq!(signed_in.status, 303);
    assert_eq!(
        signed_in.location().as_deref(),
        Some("/c/garment/grievances?kind=wage-theft")
    );
    assert_eq!(
        signed_in.cookie("councils_then").as_deref(),
        Some(""),
        "used once, then removed"
    );

    // A form posted signed out is not remembered: it would not be sent again.
    let posted = post(&router, "/c/garment/grievances", &[("kind", "other")], None).await;
    assert_eq!(posted.location().as_deref(), Some("/sign-in"));
    assert_eq!(posted.cookie("councils_then"), None);

    // A destination planted to lead off the site is ignored.
    for planted in [
        "//evil.example/x",
        "/\\evil.example",
        "https://evil.example/",
        "/sign-in",
    ] {
        let signed_in = post(
            &router,
            "/sign-in",
            &sign_in,
            Some(&format!("councils_then={planted}")),
        )
        .await;
        assert_eq!(
            signed_in.location().as_deref(),
            Some("/councils"),
            "{planted}"
        );
    }
    app.stop().await;
}
