//! `/notices` and its API: a member chooses per topic how to hear about things, in their
//! language; mail without an email is refused with a clear message and nothing changes;
//! alerts cannot be chosen; signed-out visitors are sent to sign in, API callers without a
//! token get 401.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{get, post, send};
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use serde_json::{Value, json};

#[tokio::test]
async fn a_member_chooses_how_to_hear_about_each_topic_on_their_notices_page() {
    let app = TestApp::spawn().await;
    app.found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::Es)
        .await;
    let router = app.router();
    let page = get(&router, "/notices", Some(&lupe.cookie()), None).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Avisos");
    assert_eq!(
        page.attr("#topic-motions option[selected]", "value")
            .as_deref(),
        Some("push"),
        "push until she chooses"
    );
    assert!(
        page.attr("#topic-alerts", "name").is_none(),
        "alerts cannot be chosen"
    );
    assert!(page.body.contains("Siempre al momento"));

    let refused = post(
        &router,
        "/notices",
        &[("motions", "digest"), ("events", "live")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.text(".error"),
        "Primero añade un correo en la página de tu cuenta, o elige otra forma."
    );
    let actor = app.actor(&lupe).await;
    assert!(
        app.app()
            .notice_choices(&actor)
            .await
            .unwrap()
            .iter()
            .all(|c| c.mode.code() == "push"),
        "nothing was changed"
    );

    app.app()
        .change_email(&actor, Some("lupe@example.org"))
        .await
        .unwrap();
    let saved = post(
        &router,
        "/notices",
        &[("motions", "digest"), ("events", "live")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(saved.status, 303);
    assert_eq!(saved.location().as_deref(), Some("/notices?saved=1"));
    let page = get(&router, "/notices?saved=1", Some(&lupe.cookie()), None).await;
    assert_eq!(
        page.text("[role=status]"),
        "Guardado. Te enterarás como elegiste."
    );
    assert_eq!(
        page.attr("#topic-motions option[selected]", "value")
            .as_deref(),
        Some("digest")
    );
    assert_eq!(
        page.attr("#topic-events option[selected]", "value")
            .as_deref(),
        Some("live")
    );
    assert_eq!(
        page.text("#notices-none"),
        "Aún no hay nada. Cuando councils te escriba, aquí verás de qué se trata."
    );

    let bad = post(
        &router,
        "/notices",
        &[("motions", "pigeon")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(bad.status, 422);
    let alerts = post(
        &router,
        "/notices",
        &[("alerts", "live")],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(alerts.status, 422);
    assert_eq!(
        alerts.text(".error"),
        "Las alertas siempre llegan al momento. No se pueden cambiar."
    );

    let signed_out = get(&router, "/notices", None, Some("en")).await;
    assert_eq!(signed_out.status, 303);
    assert!(signed_out.location().unwrap().starts_with("/sign-in"));
    let posted = post(&router, "/notices", &[("motions", "live")], None).await;
    assert_eq!(posted.status, 303);
    app.stop().await;
}

#[tokio::test]
async fn an_api_client_reads_and_sets_its_members_notice_choices() {
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let router = app.router();
    let bearer = format!("Bearer {}", rosa.token.expose());
    let request = |method: &str, path: &str, body: Option<Value>, token: Option<&str>| {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", "application/json");
        if let Some(token) = token {
            request = request.header("authorization", token);
        }
        request
            .body(Body::from(body.map(|b| b.to_string()).unwrap_or_default()))
            .unwrap()
    };
    let page = send(
        &router,
        request("GET", "/api/v1/notices/choices", None, Some(&bearer)),
    )
    .await;
    assert_eq!(page.status, 200);
    let choices: Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(choices["alerts"], "at-once");
    assert_eq!(choices["mutual-aid"], "push");
    assert_eq!(choices.as_object().unwrap().len(), 7);

    let put = |body| request("PUT", "/api/v1/notices/choices", Some(body), Some(&bearer));
    let refused = send(&router, put(json!({"motions": "email"}))).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("notice-mail-without-email"));
    let set = send(
        &router,
        put(json!({"motions": "live", "publications": "live"})),
    )
    .await;
    assert_eq!(set.status, 200);
    let now: Value = serde_json::from_str(&set.body).unwrap();
    assert_eq!(now["motions"], "live");
    assert_eq!(now["publications"], "live");
    assert_eq!(now["events"], "push");

    let kept = send(
        &router,
        request("GET", "/api/v1/notices", None, Some(&bearer)),
    )
    .await;
    assert_eq!(kept.status, 200);
    assert_eq!(
        serde_json::from_str::<Value>(&kept.body).unwrap()["notices"],
        json!([])
    );

    for (method, path) in [
        ("GET", "/api/v1/notices/choices"),
        ("PUT", "/api/v1/notices/choices"),
        ("GET", "/api/v1/notices"),
    ] {
        let page = send(&router, request(method, path, Some(json!({})), None)).await;
        assert_eq!(page.status, 401, "{method} {path} without a token");
    }
    app.stop().await;
}
