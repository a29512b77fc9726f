//! Mutual aid through the pages, in-process: an offer of rides in an area is shown against
//! requests for rides in that area and the other way round; a request is answered by another
//! member, who is told, and marked met; a request for someone else describes them in sealed
//! text; met posts are deleted after the retention period; Spanish; the JSON API.

mod common;
#[path = "common/gatherings.rs"]
mod gatherings;

use axum::body::Body;
use axum::http::Request;
use common::{get, post, send};
use councils_app::clock::FakeClock;
use councils_app::ports::MutualAidStore;
use councils_domain::AidId;
use councils_testkit::TestApp;
use gatherings::{gathering, gathering_on};
use std::sync::Arc;

#[tokio::test]
async fn an_offer_of_rides_in_an_area_is_shown_against_requests_for_rides_there_and_back() {
    let g = gathering().await;
    let router = g.app.router();
    let pablo = g.pablo.cookie();
    // Lupe's request (rides, Boyle Heights) shows Pablo's offer (rides, "boyle heights").
    let request = get(&router, &format!("/aid/{}", g.request), Some(&pablo), None).await;
    assert_eq!(request.text("#matches h2"), "Offers that match");
    assert_eq!(request.texts("#matches .aid-link"), vec!["boyle heights"]);
    let offer = get(&router, &format!("/aid/{}", g.offer), Some(&pablo), None).await;
    assert_eq!(offer.text("#matches h2"), "Requests that match");
    assert_eq!(offer.texts("#matches .aid-link"), vec!["Boyle Heights"]);
    // Food in the same area, or rides elsewhere, do not match.
    let a = g.app.app();
    let rosa = g.app.actor(&g.rosa).await;
    a.post_aid(
        &rosa,
        "barrio",
        &gatherings::aid("offer", "food", "Boyle Heights", "Soup on Sundays", ""),
    )
    .await
    .unwrap();
    a.post_aid(
        &rosa,
        "barrio",
        &gatherings::aid("offer", "rides", "Pico-Union", "A car on Mondays", ""),
    )
    .await
    .unwrap();
    let request = get(&router, &format!("/aid/{}", g.request), Some(&pablo), None).await;
    assert_eq!(request.texts("#matches .aid-link").len(), 1);
    // The list filters by kind and area and counts the matches.
    let list = get(
        &router,
        "/c/barrio/aid?kind=rides&area=boyle",
        Some(&pablo),
        None,
    )
    .await;
    assert_eq!(list.texts(".aid-row").len(), 2);
    assert_eq!(
        list.text(&format!("#aid-{} .aid-matches", g.request)),
        "1 match"
    );
    g.app.stop().await;
}

#[tokio::test]
async fn a_request_is_answered_by_another_member_who_is_told_and_it_is_marked_met() {
    let g = gathering().await;
    let router = g.app.router();
    let path = format!("/aid/{}", g.request);
    let mut lupe_live = g.app.app().live().subscribe(&g.lupe.id);
    let answered = post(
        &router,
        &format!("{path}/match"),
        &[],
        Some(&g.carmen.cookie()),
    )
    .await;
    assert_eq!(answered.status, 303, "{}", answered.body);
    let frame = lupe_live.receiver.try_recv().expect("the poster is told");
    let text = std::str::from_utf8(&frame).unwrap();
    assert!(
        text.contains("\"kind\":\"aid-matched\"") && text.contains(&g.request),
        "{text}"
    );
    let page = get(&router, &path, Some(&g.lupe.cookie()), None).await;
    assert_eq!(page.text("#aid-status"), "Con respuesta");
    assert_eq!(page.text("#aid-matcher"), "carmen");
    // A second answer finds it taken.
    let again = post(
        &router,
        &format!("{path}/match"),
        &[],
        Some(&g.pablo.cookie()),
    )
    .await;
    assert_eq!(again.status, 409);
    assert_eq!(
        again.text("p.error"),
        "That cannot be done now: the post changed meanwhile."
    );
    let met = post(&router, &format!("{path}/met"), &[], Some(&g.lupe.cookie())).await;
    assert_eq!(met.status, 303);
    let page = get(&router, &path, Some(&g.carmen.cookie()), None).await;
    assert_eq!(page.text("#aid-status"), "Met");
    assert!(page.text("#aid-deleted-on").starts_with("Deleted on "));
    assert!(page.texts("#aid-answer").is_empty() && page.texts("#aid-met").is_empty());
    // Off the open list, on the list of everything.
    let open = get(&router, "/c/barrio/aid", Some(&g.pablo.cookie()), None).await;
    assert!(!open.body.contains(&path));
    let all = get(
        &router,
        "/c/barrio/aid?all=1",
        Some(&g.pablo.cookie()),
        None,
    )
    .await;
    assert!(all.body.contains(&path));
    g.app.stop().await;
}

#[tokio::test]
async fn a_request_for_someone_else_describes_them_in_sealed_text_never_as_a_member() {
    let g = gathering().await;
    let router = g.app.router();
    let page = get(
        &router,
        &format!("/aid/{}", g.request),
        Some(&g.pablo.cookie()),
        None,
    )
    .await;
    assert!(page.text("#for-whom").contains("his wife and two children"));
    let stored = g
        .app
        .server
        .db
        .aid(&AidId::new(g.request.clone()))
        .await
        .unwrap()
        .unwrap();
    assert!(stored.for_other);
    for plain in ["wife and two children", "Boyle Heights", "Adelanto"] {
        assert!(
            !stored
                .text_sealed
                .windows(plain.len())
                .any(|w| w == plain.as_bytes()),
            "{plain} is stored in the clear"
        );
    }
    // Asking for someone else without saying who is refused in words; what was typed stays.
    let refused = post(
        &router,
        "/c/barrio/aid",
        &[
            ("direction", "request"),
            ("kind", "bail"),
            ("area", "Boyle Heights"),
            ("details", "Bond is $5,000"),
            ("for_other", "1"),
        ],
        Some(&g.pablo.cookie()),
    )
    .await;
    assert_eq!(refused.status, 422);
    assert_eq!(refused.text("p.error"), "Say who the request is for.");
    assert_eq!(refused.text("#details"), "Bond is $5,000");
    g.app.stop().await;
}

#[tokio::test]
async fn a_met_post_is_deleted_thirty_days_later_and_an_open_one_stays() {
    let clock = Arc::new(FakeClock::at(1_893_456_000));
    let g = gathering_on(TestApp::spawn_with_clock(clock.clone()).await).await;
    let a = g.app.app();
    let carmen = g.app.actor(&g.carmen).await;
    let lupe = g.app.actor(&g.lupe).await;
    use councils_domain::mutual_aid::AidStep;
    a.aid_step(&carmen, &g.request, AidStep::Match)
        .await
        .unwrap();
    a.aid_step(&lupe, &g.request, AidStep::Met).await.unwrap();
    clock.advance(29 * 86_400);
    assert_eq!(a.enforce_gathering_retention().await.unwrap().aid, 0);
    clock.advance(2 * 86_400);
    assert_eq!(a.enforce_gathering_retention().await.unwrap().aid, 1);
    let db = &g.app.server.db;
    assert!(
        db.aid(&AidId::new(g.request.clone()))
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        db.aid(&AidId::new(g.offer.clone()))
            .await
            .unwrap()
            .is_some(),
        "an open offer stays"
    );
    g.app.stop().await;
}

#[tokio::test]
async fn the_aid_pages_speak_spanish() {
    let g = gathering().await;
    let router = g.app.router();
    let lupe = g.lupe.cookie();
    let list = get(&router, "/c/barrio/aid", Some(&lupe), None).await;
    assert_eq!(list.text("h1"), "Ayuda mutua");
    assert_eq!(list.text("#new-request"), "Pedir ayuda");
    let mine = get(&router, &format!("/aid/{}", g.request), Some(&lupe), None).await;
    assert_eq!(mine.text("#aid-mine"), "Esto lo publicaste tú.");
    assert_eq!(mine.text("#matches h2"), "Ofrecimientos que coinciden");
    let form = get(
        &router,
        "/c/barrio/aid/new?direction=offer",
        Some(&lupe),
        None,
    )
    .await;
    assert_eq!(
        form.attr("#direction-offer", "checked").as_deref(),
        Some("")
    );
    assert!(form.text("#aid-form").contains("Cuidado de niños"));
    g.app.stop().await;
}

#[tokio::test]
async fn the_api_posts_a_request_for_someone_else_and_takes_its_steps() {
    let g = gathering().await;
    let router = g.app.router();
    let call = |method: &str, path: String, bearer: String, json: Option<&str>| {
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", bearer);
        let body = match json {
            Some(j) => {
                request = request.header("content-type", "application/json");
                Body::from(j.to_string())
            }
            None => Body::empty(),
        };
        request.body(body).unwrap()
    };
    let bearer = |m: &councils_testkit::TestMember| format!("Bearer {}", m.token.expose());
    let made = send(
        &router,
        call(
            "POST",
            "/api/v1/councils/barrio/aid".into(),
            bearer(&g.lupe),
            Some(r#"{"direction":"request","kind":"childcare","area":"Boyle Heights","details":"Tuesday afternoons","for_whom":"A detained neighbour's two children","share":["city"]}"#),
        ),
    )
    .await;
    assert_eq!(made.status, 201, "{}", made.body);
    let json: serde_json::Value = serde_json::from_str(&made.body).unwrap();
    assert_eq!(json["for_whom"], "A detained neighbour's two children");
    assert_eq!(json["shared_with"], serde_json::json!(["city"]));
    let id = json["id"].as_str().unwrap();
    let answered = send(
        &router,
        call(
            "POST",
            format!("/api/v1/aid/{id}/steps"),
            bearer(&g.carmen),
            Some(r#"{"step":"match"}"#),
        ),
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&answered.body).unwrap();
    assert_eq!(json["status"], "matched");
    assert_eq!(json["steps"], serde_json::json!(["release", "met"]));
    let met = send(
        &router,
        call(
            "POST",
            format!("/api/v1/aid/{id}/steps"),
            bearer(&g.carmen),
            Some(r#"{"step":"met"}"#),
        ),
    )
    .await;
    let json: serde_json::Value = serde_json::from_str(&met.body).unwrap();
    assert_eq!(json["status"], "met");
    assert!(json["delete_after"].is_i64());
    g.app.stop().await;
}
