//! The pages, in process: what a person sees, in their language, and what bad input gets.

mod common;

use common::garment;

use common::{get, post};
use councils_app::ports::{CouncilStore, FederationStore, InvitationRecord, InvitationStore};
use councils_domain::{CouncilKind, InvitationId, Language, Role, Slug};
use councils_testkit::{PASSPHRASE, TestApp};

fn token_path(url: &str) -> String {
    format!("/join/{}", TestApp::token_of(url))
}

#[tokio::test]
async fn the_landing_page_speaks_the_browsers_language() {
    let app = TestApp::spawn().await;
    let router = app.router();
    let page = get(&router, "/", None, Some("es-MX,es;q=0.9,en;q=0.5")).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.attr("html", "lang").as_deref(), Some("es"));
    assert_eq!(page.text("h1"), "Consejos obreros, desde la base");
    let english = get(&router, "/", None, Some("en-US")).await;
    assert_eq!(english.attr("html", "lang").as_deref(), Some("en"));
    assert_eq!(english.text("h1"), "Workers' councils, from the base up");
    app.stop().await;
}

#[tokio::test]
async fn the_language_switcher_sets_a_cookie_and_returns_to_the_page() {
    let app = TestApp::spawn().await;
    let router = app.router();
    let page = post(
        &router,
        "/language",
        &[("language", "es"), ("back", "/sign-in")],
        None,
    )
    .await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location().as_deref(), Some("/sign-in"));
    assert_eq!(page.cookie("councils_lang").as_deref(), Some("es"));
    let sign_in = get(&router, "/sign-in", Some("councils_lang=es"), Some("en")).await;
    assert_eq!(sign_in.text("h1"), "Entrar");
    app.stop().await;
}

#[tokio::test]
async fn a_newcomer_joins_in_spanish_and_an_invitation_works_once() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let invite = post(
        &router,
        "/c/garment/invitations",
        &[("role", "responder")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(invite.status, 200);
    let url = invite.text("#invitation-link");
    let path = token_path(&url);
    let preview = get(&router, &path, None, Some("es")).await;
    assert!(
        preview
            .text("p.lead")
            .contains("Te invitan a unirte a Council garment como"),
        "{}",
        preview.text("p.lead")
    );
    let joined = post(
        &router,
        &path,
        &[
            ("handle", "lupita"),
            ("passphrase", PASSPHRASE),
            ("language", "es"),
            ("email", "lupita@example.org"),
        ],
        None,
    )
    .await;
    assert_eq!(joined.status, 303, "{}", joined.body);
    let session = joined
        .cookie("__Host-councils_session")
        .expect("a session cookie");
    let set_cookie: Vec<_> = joined
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    let session_cookie = set_cookie
        .iter()
        .find(|c| c.starts_with("__Host-councils_session="))
        .unwrap();
    for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(session_cookie.contains(attribute), "{session_cookie}");
    }
    let mine = get(
        &router,
        "/councils",
        Some(&format!("__Host-councils_session={session}")),
        None,
    )
    .await;
    assert_eq!(mine.attr("html", "lang").as_deref(), Some("es"));
    assert!(mine.text("main").contains("Council garment"));
    assert!(mine.text("main").contains("respuesta rápida"));
    let again = post(
        &router,
        &path,
        &[
            ("handle", "otra"),
            ("passphrase", PASSPHRASE),
            ("language", "es"),
        ],
        Some("councils_lang=es"),
    )
    .await;
    assert_eq!(again.status, 410);
    assert!(again.text(".error").contains("ya se usó"));
    app.stop().await;
}

#[tokio::test]
async fn an_expired_invitation_is_refused_in_the_readers_language() {
    let (app, _) = garment().await;
    let router = app.router();
    let council = app
        .server
        .db
        .council_by_slug(&Slug::parse("garment").unwrap())
        .await
        .unwrap()
        .unwrap()
        .id;
    app.server
        .db
        .create_invitation(&InvitationRecord {
            id: InvitationId::new("old"),
            token_hash: councils_app::crypto::token_hash("expired-token"),
            council_id: Some(council),
            role: Role::Member,
            created_by: None,
            created_at: 1_000,
            expires_at: 2_000,
            used_at: None,
        })
        .await
        .unwrap();
    let page = get(&router, "/join/expired-token", None, Some("es")).await;
    assert_eq!(page.status, 410);
    assert!(page.text(".error").contains("caducó"));
    let posted = post(
        &router,
        "/join/expired-token",
        &[("handle", "late"), ("passphrase", PASSPHRASE)],
        None,
    )
    .await;
    assert_eq!(posted.status, 410);
    let unknown = get(&router, "/join/no-such-token", None, Some("en")).await;
    assert_eq!(unknown.status, 404);
    assert!(unknown.text(".error").contains("not valid"));
    app.stop().await;
}

#[tokio::test]
async fn bad_join_input_is_refused_with_a_clear_message_and_the_invitation_stays_usable() {
    let (app, _) = garment().await;
    let router = app.router();
    let invitation = app
        .app()
        .invite_as_operator("garment", Role::Member)
        .await
        .unwrap();
    let path = token_path(&invitation.url);
    let cases: &[(&str, &str, &str)] = &[
        ("rosa", PASSPHRASE, "Ese apodo ya existe"),
        ("ROSA", PASSPHRASE, "Ese apodo ya existe"),
        (&"x".repeat(33), PASSPHRASE, "El apodo es muy largo"),
        ("lu", PASSPHRASE, "El apodo es muy corto"),
        ("lupe", "password1", "de las más comunes"),
        ("lupe", "corta", "muy corta"),
    ];
    for (handle, passphrase, message) in cases {
        let page = post(
            &router,
            &path,
            &[
                ("handle", handle),
                ("passphrase", passphrase),
                ("language", "es"),
            ],
            Some("councils_lang=es"),
        )
        .await;
        assert!(page.status.is_client_error(), "{handle}: {}", page.status);
        assert!(
            page.text(".error").contains(message),
            "{handle}: {}",
            page.text(".error")
        );
        assert!(page.cookie("__Host-councils_session").is_none());
    }
    let joined = post(
        &router,
        &path,
        &[
            ("handle", "lupe"),
            ("passphrase", PASSPHRASE),
            ("language", "en"),
        ],
        None,
    )
    .await;
    assert_eq!(joined.status, 303, "the invitation is still usable");
    app.stop().await;
}

#[tokio::test]
async fn a_wrong_passphrase_is_refused_and_repeated_failures_are_throttled() {
    let (app, _) = garment().await;
    let router = app.router();
    let wrong = post(
        &router,
        "/sign-in",
        &[("handle", "rosa"), ("passphrase", "not her passphrase")],
        Some("councils_lang=es"),
    )
    .await;
    assert_eq!(wrong.status, 401);
    assert_eq!(wrong.text(".error"), "Apodo o frase de acceso incorrectos.");
    assert_eq!(wrong.attr("#handle", "value").as_deref(), Some("rosa"));
    for _ in 0..5 {
        post(
            &router,
            "/sign-in",
            &[("handle", "rosa"), ("passphrase", "guess")],
            None,
        )
        .await;
    }
    let throttled = post(
        &router,
        "/sign-in",
        &[("handle", "rosa"), ("passphrase", PASSPHRASE)],
        Some("councils_lang=es"),
    )
    .await;
    assert_eq!(throttled.status, 429);
    assert!(throttled.text(".error").contains("Demasiados intentos"));
    app.stop().await;
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_signing_out_ends_it_on_the_server() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let signed_in = post(
        &router,
        "/sign-in",
        &[("handle", "rosa"), ("passphrase", PASSPHRASE)],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(signed_in.status, 303);
    let new_session = signed_in.cookie("__Host-councils_session").unwrap();
    assert_ne!(new_session, rosa.token.expose());
    let cookie = format!("__Host-councils_session={new_session}");
    assert_eq!(
        get(&router, "/councils", Some(&cookie), None).await.status,
        200
    );
    let out = post(&router, "/sign-out", &[], Some(&cookie)).await;
    assert_eq!(out.status, 303);
    let after = get(&router, "/councils", Some(&cookie), None).await;
    assert_eq!(after.status, 303);
    assert_eq!(after.location().as_deref(), Some("/sign-in"));
    app.stop().await;
}

#[tokio::test]
async fn a_federation_cycle_is_refused_with_a_clear_message_and_nothing_changes() {
    let (app, rosa) = garment().await;
    let city_org = app
        .found("los-angeles", CouncilKind::CityCouncil, "cityorg")
        .await;
    let router = app.router();
    let asked = post(
        &router,
        "/c/garment/links",
        &[("parent", "los-angeles")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(asked.status, 303);
    let accepted = post(
        &router,
        "/c/los-angeles/links/garment/accept",
        &[],
        Some(&city_org.cookie()),
    )
    .await;
    assert_eq!(accepted.status, 303);
    // cityorg is also a member of garment (testkit founders join the first council); make them an organiser there.
    app.app()
        .grant_role(
            &app.actor(&rosa).await,
            "garment",
            &city_org.id,
            Role::Organiser,
        )
        .await
        .unwrap();
    let cycle = post(
        &router,
        "/c/los-angeles/links",
        &[("parent", "garment")],
        Some(&format!("{}; councils_lang=es", city_org.cookie())),
    )
    .await;
    assert_eq!(cycle.status, 409);
    assert!(
        cycle.text(".error").contains("haría un círculo"),
        "{}",
        cycle.text(".error")
    );
    assert_eq!(app.server.db.links().await.unwrap().len(), 1);
    let council = get(&router, "/c/los-angeles", Some(&city_org.cookie()), None).await;
    let seats: Vec<String> = council.texts("tbody td");
    assert!(
        seats[0]
            .split(" Accept")
            .next()
            .unwrap()
            .trim()
            .starts_with("Council garment")
    );
    assert_eq!(seats[1], "2", "garment represents rosa and cityorg");
    assert_eq!(seats[2], "1", "one seat per 25 members, at least one");
    app.stop().await;
}

#[tokio::test]
async fn an_over_long_or_bad_setting_is_refused_and_nothing_changes() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let long_name = "n".repeat(121);
    let too_long = post(
        &router,
        "/c/garment/settings",
        &[
            ("name_en", &long_name),
            ("vouches_required", "1"),
            ("members_per_delegate", "25"),
            ("minimum_seats", "1"),
        ],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(too_long.status, 422);
    assert_eq!(too_long.text(".error"), "A field is too long.");
    let not_a_number = post(
        &router,
        "/c/garment/settings",
        &[
            ("name_en", "Garment"),
            ("vouches_required", "many"),
            ("members_per_delegate", "25"),
            ("minimum_seats", "1"),
        ],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(not_a_number.status, 422);
    let council = get(&router, "/c/garment", Some(&rosa.cookie()), None).await;
    assert_eq!(council.text("h1"), "Council garment");
    let huge = "x".repeat(100 * 1024);
    let oversized = post(
        &router,
        "/c/garment/settings",
        &[("name_en", &huge)],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(oversized.status, 413);
    app.stop().await;
}

#[tokio::test]
async fn a_pending_newcomer_becomes_a_member_when_vouched_for() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let saved = post(
        &router,
        "/c/garment/settings",
        &[
            ("name_en", "Garment"),
            ("name_es", "Costura"),
            ("vouches_required", "1"),
            ("members_per_delegate", "25"),
            ("minimum_seats", "1"),
        ],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(saved.status, 303);
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let pending_view = get(&router, "/c/garment", Some(&ana.cookie()), None).await;
    assert_eq!(pending_view.text("h1"), "Costura");
    assert!(pending_view.text("p.notice").contains("miembro pendiente"));
    assert!(
        pending_view.texts("li[id^=member-]").is_empty(),
        "a pending member does not see the members"
    );
    assert_eq!(
        get(&router, "/c/garment/minutes", Some(&ana.cookie()), None)
            .await
            .status,
        403
    );
    let organiser_view = get(&router, "/c/garment", Some(&rosa.cookie()), None).await;
    let row = organiser_view.text(&format!("#member-{}", ana.id));
    assert!(
        row.contains("0 of 1 vouch") && !row.contains("1 vouches"),
        "{row}"
    );
    let vouched = post(
        &router,
        &format!("/c/garment/members/{}/vouch", ana.id),
        &[],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(vouched.status, 303);
    let member_view = get(&router, "/c/garment", Some(&ana.cookie()), None).await;
    assert_eq!(member_view.texts("li[id^=member-]").len(), 2);
    let minutes = get(&router, "/c/garment/minutes", Some(&ana.cookie()), None).await;
    assert!(minutes.text("p.notice").contains("intacta"));
    assert!(
        minutes.text("ol").contains("rosa avaló a ana"),
        "{}",
        minutes.text("ol")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_member_sees_and_ends_their_other_sessions_and_deleting_the_account_leaves_a_tombstone() {
    let (app, rosa) = garment().await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let router = app.router();
    let other = post(
        &router,
        "/sign-in",
        &[("handle", "lupe"), ("passphrase", PASSPHRASE)],
        None,
    )
    .await;
    let other_cookie = format!(
        "__Host-councils_session={}",
        other.cookie("__Host-councils_session").unwrap()
    );
    let account = get(&router, "/account", Some(&lupe.cookie()), None).await;
    assert_eq!(account.texts("main section ul li").len(), 2);
    let end_path = account.attr("main section ul li form", "action").unwrap();
    assert_eq!(
        post(&router, &end_path, &[], Some(&lupe.cookie()))
            .await
            .status,
        303
    );
    assert_eq!(
        get(&router, "/councils", Some(&other_cookie), None)
            .await
            .status,
        303,
        "the other session ended"
    );
    let wrong = post(
        &router,
        "/account/delete",
        &[("passphrase", "not it at all")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(wrong.status, 401);
    let deleted = post(
        &router,
        "/account/delete",
        &[("passphrase", PASSPHRASE)],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(deleted.status, 303);
    let minutes = get(&router, "/c/garment/minutes", Some(&rosa.cookie()), None).await;
    assert!(
        minutes
            .text("ol")
            .contains("a former member joined as member"),
        "{}",
        minutes.text("ol")
    );
    assert!(!minutes.body.contains("lupe"));
    assert!(minutes.text("p.notice").contains("intact"));
    app.stop().await;
}

#[tokio::test]
async fn the_pages_work_the_same_on_postgresql() {
    let Some(app) = TestApp::spawn_postgres().await else {
        return;
    };
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let city = app
        .found("los-angeles", CouncilKind::CityCouncil, "cityorg")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::Es)
        .await;
    let router = app.router();
    assert_eq!(
        post(
            &router,
            "/c/garment/links",
            &[("parent", "los-angeles")],
            Some(&rosa.cookie())
        )
        .await
        .status,
        303
    );
    assert_eq!(
        post(
            &router,
            "/c/los-angeles/links/garment/accept",
            &[],
            Some(&city.cookie())
        )
        .await
        .status,
        303
    );
    let council = get(&router, "/c/los-angeles", Some(&city.cookie()), None).await;
    assert_eq!(council.texts("tbody td")[1], "3", "rosa, cityorg and lupe");
    let page = get(&router, "/c/garment", Some(&lupe.cookie()), None).await;
    assert_eq!(page.attr("html", "lang").as_deref(), Some("es"));
    assert_eq!(page.texts("li[id^=member-]").len(), 3);
    let minutes = get(&router, "/c/garment/minutes", Some(&lupe.cookie()), None).await;
    assert!(minutes.text("p.notice").contains("intacta"));
    app.stop().await;
}
