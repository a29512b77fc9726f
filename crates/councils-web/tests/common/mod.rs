//! In-process requests to the router, and reading what a person would see in the HTML.

#![allow(dead_code)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use councils_domain::CouncilKind;
use councils_testkit::{TestApp, TestMember};
use http_body_util::BodyExt;
use tower::ServiceExt;

pub mod access;

/// A fresh instance with one workplace committee, `garment`, and its organiser rosa.
pub async fn garment() -> (TestApp, TestMember) {
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    (app, rosa)
}

/// A response as a test looks at it.
pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Page {
    /// The texts of the elements matching a CSS selector, whitespace collapsed.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let html = scraper::Html::parse_document(&self.body);
        let selector = scraper::Selector::parse(selector).expect("a valid selector");
        html.select(&selector)
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The text of the first element matching a selector.
    pub fn text(&self, selector: &str) -> String {
        self.texts(selector).into_iter().next().unwrap_or_default()
    }

    /// An attribute of the first element matching a selector.
    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        let html = scraper::Html::parse_document(&self.body);
        let selector = scraper::Selector::parse(selector).expect("a valid selector");
        html.select(&selector)
            .next()?
            .value()
            .attr(name)
            .map(str::to_string)
    }

    /// Where a redirect points.
    pub fn location(&self) -> Option<String> {
        self.headers
            .get("location")
            .map(|v| v.to_str().unwrap().to_string())
    }

    /// The value of a cookie set by this response.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.headers.get_all("set-cookie").iter().find_map(|v| {
            let v = v.to_str().ok()?;
            let (pair, _) = v.split_once(';').unwrap_or((v, ""));
            let (n, value) = pair.split_once('=')?;
            (n == name).then(|| value.to_string())
        })
    }
}

/// Sends a request through the router.
pub async fn send(router: &Router, request: Request<Body>) -> Page {
    let response = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    Page {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// `GET path` with optional cookie and `Accept-Language`.
pub async fn get(
    router: &Router,
    path: &str,
    cookie: Option<&str>,
    language: Option<&str>,
) -> Page {
    let mut request = Request::get(path);
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    if let Some(language) = language {
        request = request.header("accept-language", language);
    }
    send(router, request.body(Body::empty()).unwrap()).await
}

/// A same-origin form post, as a browser sends it from one of our pages.
pub async fn post(
    router: &Router,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
) -> Page {
    post_with(
        router,
        path,
        form,
        cookie,
        &[("sec-fetch-site", "same-origin")],
    )
    .await
}

/// A form post with extra headers.
pub async fn post_with(
    router: &Router,
    path: &str,
    form: &[(&str, &str)],
    cookie: Option<&str>,
    headers: &[(&str, &str)],
) -> Page {
    let body = form
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&");
    let mut request =
        Request::post(path).header("content-type", "application/x-www-form-urlencoded");
    if let Some(cookie) = cookie {
        request = request.header("cookie", cookie);
    }
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(router, request.body(Body::from(body)).unwrap()).await
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
