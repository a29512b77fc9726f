//! The web security baseline, in process: headers, CSRF refusal, size limits, forged cookies.

mod common;

use common::garment;

use common::{get, post_with};
use councils_testkit::TestApp;

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let (app, rosa) = garment().await;
    let router = app.router();
    for (path, cookie) in [
        ("/", None),
        ("/c/garment", Some(rosa.cookie())),
        ("/nowhere", None),
    ] {
        let page = get(&router, path, cookie.as_deref(), None).await;
        let csp = page.headers["content-security-policy"].to_str().unwrap();
        for directive in [
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "default-src 'none'",
        ] {
            assert!(csp.contains(directive), "{path}: {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(page.headers["x-content-type-options"], "nosniff");
        assert_eq!(page.headers["referrer-policy"], "no-referrer");
        assert_eq!(page.headers["cache-control"], "no-store", "{path}");
        assert!(page.headers.contains_key("x-request-id"));
    }
    app.stop().await;
}

#[tokio::test]
async fn pages_use_no_inline_script_style_or_third_party_address() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let sign_in = get(&router, "/sign-in", None, None).await;
    assert!(!sign_in.body.contains("<script") && !sign_in.body.contains("style=\""));
    for path in [
        "/",
        "/councils",
        "/c/garment",
        "/c/garment/federation",
        "/c/garment/minutes",
        "/account",
        "/c/garment/settings",
    ] {
        let page = get(&router, path, Some(&rosa.cookie()), None).await;
        assert_eq!(page.status, 200, "{path}");
        // Scripts only from our own files (the account page's push.js), never inline.
        assert!(
            page.body
                .split("<script")
                .skip(1)
                .all(|tag| tag.starts_with(" src=\"/static/") && tag.contains("></script>")),
            "{path}"
        );
        assert!(!page.body.contains("style=\""), "{path}");
        assert!(
            !page.body.contains("http://") && !page.body.contains("https://"),
            "{path} links elsewhere"
        );
    }
    app.stop().await;
}

#[tokio::test]
async fn a_cross_site_post_is_refused_and_changes_nothing() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let before = app
        .app()
        .minutes(&app.actor(&rosa).await, "garment")
        .await
        .unwrap()
        .entries
        .len();
    let page = post_with(
        &router,
        "/c/garment/settings",
        &[
            ("name_en", "Hijacked"),
            ("vouches_required", "9"),
            ("members_per_delegate", "1"),
            ("minimum_seats", "0"),
        ],
        Some(&format!("{}; councils_lang=es", rosa.cookie())),
        &[
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://evil.example"),
        ],
    )
    .await;
    assert_eq!(page.status, 403);
    assert_eq!(page.attr("html", "lang").as_deref(), Some("es"));
    assert!(
        page.text(".error").contains("se envió desde otro sitio"),
        "{}",
        page.body
    );
    assert!(page.body.contains("csrf-refused"));
    let after = app
        .app()
        .minutes(&app.actor(&rosa).await, "garment")
        .await
        .unwrap()
        .entries
        .len();
    assert_eq!(before, after);
    app.stop().await;
}

#[tokio::test]
async fn a_forged_session_cookie_is_a_stranger() {
    let (app, _) = garment().await;
    let router = app.router();
    let page = get(
        &router,
        "/c/garment",
        Some("__Host-councils_session=forged-token-of-nobody"),
        None,
    )
    .await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location().as_deref(), Some("/sign-in"));
    app.stop().await;
}

#[tokio::test]
async fn oversized_headers_are_refused() {
    let app = TestApp::spawn().await;
    let router = app.router();
    let page = get(
        &router,
        "/",
        Some(&format!("junk={}", "x".repeat(20 * 1024))),
        None,
    )
    .await;
    assert_eq!(page.status, 431);
    app.stop().await;
}

#[tokio::test]
async fn pages_are_compressed_for_slow_connections() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let request = axum::http::Request::get("/c/garment")
        .header("cookie", rosa.cookie())
        .header("accept-encoding", "gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let page = common::send(&router, request).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.headers["content-encoding"], "gzip");
    app.stop().await;
}
