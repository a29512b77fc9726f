//! Push subscriptions through the API and the settings page: who may add, list and remove
//! them (a member only their own), what a browser's subscription must be, and what the
//! settings page shows.

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use common::{Page, get, post, send};
use councils_domain::{Language, Role};
use councils_testkit::push::BrowserKeys;
use councils_testkit::{TestApp, TestMember};
use serde_json::{Value, json};

const SUBSCRIPTIONS: &str = "/api/v1/push/subscriptions";

/// A JSON request as a page's script sends it: same-origin, signed in by its cookie.
async fn json_request(
    router: &Router,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: Option<Value>,
) -> Page {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "application/json");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    send(router, request.body(Body::from(body)).unwrap()).await
}

fn json_of(page: &Page) -> Value {
    serde_json::from_str(&page.body).unwrap_or_else(|_| panic!("JSON: {}", page.body))
}

/// A browser's subscription at a push service's (public, https) endpoint.
fn subscription(browser: &str) -> Value {
    BrowserKeys::generate()
        .subscription_json(&format!("https://push.example.org/wpush/v2/{browser}"))
}

async fn subscribe(router: &Router, member: &TestMember, browser: &str) -> String {
    let page = json_request(
        router,
        "POST",
        SUBSCRIPTIONS,
        Some(&member.cookie()),
        Some(subscription(browser)),
    )
    .await;
    assert_eq!(page.status, 201, "{}", page.body);
    json_of(&page)["id"].as_str().unwrap().to_string()
}

async fn ids_of(router: &Router, member: &TestMember) -> Vec<String> {
    let page = json_request(router, "GET", SUBSCRIPTIONS, Some(&member.cookie()), None).await;
    assert_eq!(page.status, 200, "{}", page.body);
    json_of(&page)["subscriptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

async fn two_members() -> (TestApp, TestMember, TestMember) {
    let (app, rosa) = common::garment().await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::Es)
        .await;
    (app, rosa, lupe)
}

#[tokio::test]
async fn no_one_signed_out_can_add_list_or_remove_a_subscription() {
    let (app, rosa) = common::garment().await;
    let router = app.router();
    let id = subscribe(&router, &rosa, "phone").await;
    for (method, path, body) in [
        ("GET", SUBSCRIPTIONS.to_string(), None),
        (
            "POST",
            SUBSCRIPTIONS.to_string(),
            Some(subscription("other")),
        ),
        (
            "DELETE",
            SUBSCRIPTIONS.to_string(),
            Some(json!({"endpoint": "https://push.example.org/wpush/v2/phone"})),
        ),
        ("DELETE", format!("{SUBSCRIPTIONS}/{id}"), None),
    ] {
        let page = json_request(&router, method, &path, None, body).await;
        assert_eq!(page.status, 401, "{method} {path}");
        assert_eq!(json_of(&page)["error"]["code"], "not-signed-in");
    }
    let page = post(&router, &format!("/account/push/{id}/remove"), &[], None).await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location().as_deref(), Some("/sign-in"));
    assert_eq!(ids_of(&router, &rosa).await, vec![id]);
    app.stop().await;
}

#[tokio::test]
async fn a_member_lists_and_removes_only_their_own_subscriptions() {
    let (app, rosa, lupe) = two_members().await;
    let router = app.router();
    let rosas = subscribe(&router, &rosa, "rosa-phone").await;
    let lupes = subscribe(&router, &lupe, "lupe-phone").await;
    assert_eq!(ids_of(&router, &rosa).await, vec![rosas.clone()]);
    assert_eq!(ids_of(&router, &lupe).await, vec![lupes.clone()]);

    // Lupe cannot remove Rosa's, by id, by endpoint, or through the settings page.
    let page = json_request(
        &router,
        "DELETE",
        &format!("{SUBSCRIPTIONS}/{rosas}"),
        Some(&lupe.cookie()),
        None,
    )
    .await;
    assert_eq!(page.status, 404);
    let page = json_request(
        &router,
        "DELETE",
        SUBSCRIPTIONS,
        Some(&lupe.cookie()),
        Some(json!({"endpoint": "https://push.example.org/wpush/v2/rosa-phone"})),
    )
    .await;
    assert_eq!(page.status, 404);
    let page = post(
        &router,
        &format!("/account/push/{rosas}/remove"),
        &[],
        Some(&lupe.cookie()),
    )
    .await;
    assert_eq!(page.status, 404);
    assert_eq!(ids_of(&router, &rosa).await, vec![rosas.clone()]);

    // Rosa removes hers from the settings page; Lupe's browser unsubscribes by endpoint.
    let page = post(
        &router,
        &format!("/account/push/{rosas}/remove"),
        &[],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(page.status, 303);
    assert!(ids_of(&router, &rosa).await.is_empty());
    let page = json_request(
        &router,
        "DELETE",
        SUBSCRIPTIONS,
        Some(&lupe.cookie()),
        Some(json!({"endpoint": "https://push.example.org/wpush/v2/lupe-phone"})),
    )
    .await;
    assert_eq!(page.status, 204);
    assert!(ids_of(&router, &lupe).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn an_api_client_manages_its_members_subscriptions_with_a_bearer_token() {
    let (app, rosa, lupe) = two_members().await;
    let router = app.router();
    let lupes = subscribe(&router, &lupe, "lupe-phone").await;
    let bearer = format!("Bearer {}", rosa.token.expose());
    let request = |method: &str, path: &str, body: Option<Value>| {
        Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", &bearer)
            .header("content-type", "application/json")
            .body(Body::from(body.map(|b| b.to_string()).unwrap_or_default()))
            .unwrap()
    };
    let page = send(
        &router,
        request("POST", SUBSCRIPTIONS, Some(subscription("tablet"))),
    )
    .await;
    assert_eq!(page.status, 201);
    let rosas = json_of(&page)["id"].as_str().unwrap().to_string();
    let page = send(&router, request("GET", SUBSCRIPTIONS, None)).await;
    let listed = json_of(&page);
    assert_eq!(listed["subscriptions"].as_array().unwrap().len(), 1);
    assert_eq!(listed["subscriptions"][0]["id"], rosas.as_str());
    assert_eq!(listed["subscriptions"][0]["service"], "push.example.org");
    let page = send(
        &router,
        request("DELETE", &format!("{SUBSCRIPTIONS}/{lupes}"), None),
    )
    .await;
    assert_eq!(page.status, 404);
    assert_eq!(ids_of(&router, &lupe).await, vec![lupes]);
    let page = send(
        &router,
        request("DELETE", &format!("{SUBSCRIPTIONS}/{rosas}"), None),
    )
    .await;
    assert_eq!(page.status, 204);
    app.stop().await;
}

#[tokio::test]
async fn a_subscription_posted_from_another_site_is_refused() {
    let (app, rosa) = common::garment().await;
    let router = app.router();
    let request = Request::post(SUBSCRIPTIONS)
        .header("sec-fetch-site", "cross-site")
        .header("origin", "https://evil.example")
        .header("cookie", rosa.cookie())
        .header("content-type", "application/json")
        .body(Body::from(subscription("phone").to_string()))
        .unwrap();
    let page = send(&router, request).await;
    assert_eq!(page.status, 403);
    assert!(ids_of(&router, &rosa).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn a_subscription_the_server_cannot_push_to_is_refused_with_a_clear_code() {
    let (app, rosa) = common::garment().await;
    let router = app.router();
    let keys = BrowserKeys::generate();
    let mut short_auth = keys.subscription_json("https://push.example.org/x");
    short_auth["keys"]["auth"] = json!("AAAA");
    for body in [
        keys.subscription_json("http://push.example.org/x"),
        keys.subscription_json("https://10.1.2.3/x"),
        keys.subscription_json("https://169.254.169.254/latest/meta-data"),
        short_auth,
        json!({"endpoint": "https://push.example.org/x", "keys": {}}),
    ] {
        let page = json_request(
            &router,
            "POST",
            SUBSCRIPTIONS,
            Some(&rosa.cookie()),
            Some(body),
        )
        .await;
        assert_eq!(page.status, 422, "{}", page.body);
        assert_eq!(json_of(&page)["error"]["code"], "push-subscription-invalid");
    }
    assert!(ids_of(&router, &rosa).await.is_empty());
    app.stop().await;
}

#[tokio::test]
async fn the_settings_page_offers_this_device_and_lists_the_members_devices_in_their_language() {
    let (app, _rosa, lupe) = two_members().await;
    let router = app.router();
    let page = get(&router, "/account", Some(&lupe.cookie()), None).await;
    assert_eq!(page.status, 200);
    let key = get(&router, "/api/v1/push/key", None, None).await;
    let key = json_of(&key)["public_key"].as_str().unwrap().to_string();
    assert_eq!(key.len(), 87, "65 bytes in base64url");
    // Hidden until push.js finds the browser can push.
    assert_eq!(
        page.attr("#push", "data-key").as_deref(),
        Some(key.as_str())
    );
    assert!(page.attr("#push", "hidden").is_some());
    assert_eq!(page.text("#push-on"), "Recibir avisos en este dispositivo");
    assert_eq!(
        page.attr("script[src='/static/push.js']", "defer")
            .as_deref(),
        Some("")
    );
    assert_eq!(
        page.text("#push-devices-none"),
        "Todavía ningún dispositivo recibe avisos."
    );

    subscribe(&router, &lupe, "lupe-phone").await;
    let page = get(&router, "/account", Some(&lupe.cookie()), None).await;
    let devices = page.texts("#push-devices li");
    assert_eq!(devices.len(), 1);
    assert!(
        devices[0].starts_with("Por push.example.org, desde el"),
        "{}",
        devices[0]
    );
    assert!(devices[0].ends_with("Quitar"));
    assert!(
        !page.body.contains("lupe-phone"),
        "the endpoint is not shown"
    );
    app.stop().await;
}

#[tokio::test]
async fn the_push_scripts_are_served_from_this_origin() {
    let (app, _rosa) = common::garment().await;
    let router = app.router();
    for path in ["/static/push.js", "/static/sw.js"] {
        let page = get(&router, path, None, None).await;
        assert_eq!(page.status, 200);
        assert_eq!(
            page.headers["content-type"],
            "text/javascript; charset=utf-8"
        );
        assert!(!page.body.contains("http"), "{path} reaches no other site");
    }
    let worker = get(&router, "/static/sw.js", None, None).await;
    assert!(worker.body.contains("showNotification"));
    assert_eq!(worker.headers["cache-control"], "no-cache");
    app.stop().await;
}
