//! Events through the pages, in-process: an organiser calls a protest with the roles it
//! needs; members sign up per role and the gaps shrink until a role is full; members of the
//! city it was shared with see it and RSVP; an update reaches those coming through the live
//! hub and shows on a reload; the calendar file; Spanish; deletion after the retention.

mod common;
#[path = "common/gatherings.rs"]
mod gatherings;

use common::{get, post};
use councils_app::clock::FakeClock;
use councils_app::live::Subscription;
use councils_app::ports::EventStore;
use councils_domain::EventId;
use councils_testkit::TestApp;
use gatherings::{gathering, gathering_on};
use std::sync::Arc;

fn frames(subscription: &mut Subscription) -> Vec<serde_json::Value> {
    let mut all = Vec::new();
    while let Ok(frame) = subscription.receiver.try_recv() {
        let text = std::str::from_utf8(&frame).unwrap();
        all.push(serde_json::from_str(text.trim_start_matches("data: ").trim()).unwrap());
    }
    all
}

#[tokio::test]
async fn an_organiser_calls_a_protest_and_members_fill_its_roles_until_the_gap_closes() {
    let g = gathering().await;
    let router = g.app.router();
    let rosa = g.rosa.cookie();
    let form = get(&router, "/c/barrio/events/new", Some(&rosa), None).await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains("name=\"share\" value=\"city\""),
        "the city is offered to share with"
    );
    let made = post(
        &router,
        "/c/barrio/events",
        &[
            ("kind", "protest"),
            ("title", "Vigil at the detention centre"),
            ("place", "Adelanto, main gate"),
            ("languages", "Spanish, English"),
            ("accessibility", "Chairs at the gate"),
            ("starts", "2030-01-20T18:00"),
            ("ends", "2030-01-20T21:00"),
            ("offset", "-08:00"),
            ("need-medic", "1"),
            ("need-legal-observer", "2"),
            ("share", "city"),
        ],
        Some(&rosa),
    )
    .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let path = made.location().unwrap();
    let page = get(&router, &path, Some(&g.pablo.cookie()), None).await;
    assert_eq!(page.text("#event-title"), "Vigil at the detention centre");
    assert_eq!(
        page.text("#event-when"),
        "2030-01-20 18:00 – 21:00 (UTC-08:00)"
    );
    assert_eq!(page.text("#role-legal-observer .gap"), "2 more");
    assert_eq!(page.text("#shared-with"), "Shared with Council city");

    let signed = post(
        &router,
        &format!("{path}/roles"),
        &[("role", "medic")],
        Some(&g.pablo.cookie()),
    )
    .await;
    assert_eq!(signed.status, 303);
    let page = get(&router, &path, Some(&g.lupe.cookie()), None).await;
    assert_eq!(page.text("#role-medic .signed"), "1");
    assert_eq!(page.text("#role-medic .gap"), "Completo");
    assert_eq!(page.text("#coming-count"), "Viene una persona.");
    assert!(
        page.texts("#take-medic").is_empty(),
        "a full role offers no sign-up"
    );
    // A second medic is refused in words, nothing written.
    let refused = post(
        &router,
        &format!("{path}/roles"),
        &[("role", "medic")],
        Some(&g.lupe.cookie()),
    )
    .await;
    assert_eq!(refused.status, 409);
    assert_eq!(
        refused.text("p.error"),
        "Ese rol está completo. Gracias: prueben otro."
    );
    // The organiser sees who holds each role; a member sees only the numbers.
    let organiser = get(&router, &path, Some(&rosa), None).await;
    assert!(organiser.text("#role-medic th").contains("pablo"));
    let member = get(&router, &path, Some(&g.lupe.cookie()), None).await;
    assert!(!member.text("#role-medic th").contains("pablo"));
    // Leaving the role opens the gap again.
    post(
        &router,
        &format!("{path}/roles/leave"),
        &[],
        Some(&g.pablo.cookie()),
    )
    .await;
    let page = get(&router, &path, Some(&g.pablo.cookie()), None).await;
    assert_eq!(page.text("#role-medic .gap"), "1 more");
    assert_eq!(page.text("#my-rsvp"), "You said you are coming.");
    g.app.stop().await;
}

#[tokio::test]
async fn members_of_the_city_it_was_shared_with_see_the_event_and_say_they_are_coming() {
    let g = gathering().await;
    let router = g.app.router();
    let carmen = g.carmen.cookie();
    let list = get(&router, "/c/city/events", Some(&carmen), None).await;
    assert_eq!(
        list.texts(".event-link"),
        vec!["March for the Nine, City Hall"]
    );
    assert!(list.text(".event-row").contains("From Council barrio"));
    let path = format!("/events/{}", g.event);
    let coming = post(
        &router,
        &format!("{path}/rsvp"),
        &[("going", "yes")],
        Some(&carmen),
    )
    .await;
    assert_eq!(coming.status, 303);
    let page = get(&router, &path, Some(&carmen), None).await;
    assert_eq!(page.text("#coming-count"), "One person is coming.");
    let organiser = get(&router, &path, Some(&g.rosa.cookie()), None).await;
    assert_eq!(organiser.text("#coming-who"), "carmen");
    // The assembly kept to barrio is not found from the city.
    let hidden = get(
        &router,
        &format!("/events/{}", g.private_event),
        Some(&carmen),
        None,
    )
    .await;
    assert_eq!(hidden.status, 404);
    g.app.stop().await;
}

#[tokio::test]
async fn an_update_reaches_those_coming_live_and_shows_on_a_reload() {
    let g = gathering().await;
    let router = g.app.router();
    let path = format!("/events/{}", g.event);
    post(
        &router,
        &format!("{path}/roles"),
        &[("role", "marshal")],
        Some(&g.pablo.cookie()),
    )
    .await;
    post(
        &router,
        &format!("{path}/rsvp"),
        &[("going", "yes")],
        Some(&g.carmen.cookie()),
    )
    .await;
    let live = g.app.app().live();
    let mut pablo = live.subscribe(&g.pablo.id);
    let mut carmen = live.subscribe(&g.carmen.id);
    let mut lupe = live.subscribe(&g.lupe.id);
    let posted = post(
        &router,
        &format!("{path}/updates"),
        &[("text", "Police closed 1st St: we go by 2nd St")],
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(posted.status, 303, "{}", posted.body);
    for frames in [frames(&mut pablo), frames(&mut carmen)] {
        assert_eq!(frames.len(), 1);
        assert_eq!(frames[0]["kind"], "event-updated");
        assert_eq!(frames[0]["subject"], g.event.as_str());
        assert_eq!(frames[0]["path"], path.as_str());
        assert!(frames[0]["report_id"].is_null());
    }
    assert!(frames(&mut lupe).is_empty(), "only those coming are told");
    let fragment = get(
        &router,
        &format!("{path}/live"),
        Some(&g.carmen.cookie()),
        None,
    )
    .await;
    assert!(fragment.text(".event-update").contains("we go by 2nd St"));
    assert!(
        !fragment.body.contains("<html"),
        "the live fragment is the content alone"
    );
    let reload = get(&router, &path, Some(&g.carmen.cookie()), None).await;
    assert!(reload.text("#updates").contains("Police closed 1st St"));
    g.app.stop().await;
}

#[tokio::test]
async fn the_calendar_file_is_rfc_5545_with_folded_escaped_lines() {
    let g = gathering().await;
    let router = g.app.router();
    let file = get(
        &router,
        &format!("/events/{}/event.ics", g.event),
        Some(&g.carmen.cookie()),
        None,
    )
    .await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "text/calendar; charset=utf-8");
    assert!(file.body.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    for line in file.body.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    let unfolded = file.body.replace("\r\n ", "");
    assert!(
        unfolded.contains("\r\nSUMMARY:March for the Nine\\, City Hall\r\n"),
        "{unfolded}"
    );
    assert!(unfolded.contains("\r\nDTSTART:20300112T180000Z\r\n"));
    assert!(unfolded.contains("\r\nLOCATION:Mariachi Plaza\\, then 1st St to City Hall\r\n"));
    assert!(unfolded.contains("Accessibility: Step-free route\\; a van"));
    g.app.stop().await;
}

#[tokio::test]
async fn the_event_pages_speak_spanish_and_refuse_bad_times_in_words() {
    let g = gathering().await;
    let router = g.app.router();
    let page = get(
        &router,
        &format!("/events/{}", g.event),
        Some(&g.lupe.cookie()),
        None,
    )
    .await;
    assert!(
        page.text("#role-marshal th")
            .starts_with("Personas de seguridad")
    );
    assert_eq!(page.text("#rsvp-yes"), "Voy a ir");
    let list = get(&router, "/c/barrio/events", Some(&g.lupe.cookie()), None).await;
    assert_eq!(list.text("h1"), "Eventos");
    let bad = post(
        &router,
        "/c/barrio/events",
        &[
            ("kind", "protest"),
            ("title", "X"),
            ("place", "Y"),
            ("starts", "2030-01-20T18:00"),
            ("ends", "2030-01-20T17:00"),
            ("offset", "-08:00"),
        ],
        Some(&g.rosa.cookie()),
    )
    .await;
    assert_eq!(bad.status, 422);
    assert_eq!(
        bad.text("p.error"),
        "The event must end after it starts, and last at most three days."
    );
    assert_eq!(
        bad.attr("#title", "value").as_deref(),
        Some("X"),
        "what was typed stays"
    );
    g.app.stop().await;
}

#[tokio::test]
async fn an_event_and_who_came_are_deleted_two_weeks_after_it_ends() {
    // 2030-01-01 00:00 UTC: the march (12 January) is ahead.
    let clock = Arc::new(FakeClock::at(1_893_456_000));
    let g = gathering_on(TestApp::spawn_with_clock(clock.clone()).await).await;
    let a = g.app.app();
    a.rsvp(&g.app.actor(&g.carmen).await, &g.event, true)
        .await
        .unwrap();
    clock.advance(25 * 86_400);
    assert_eq!(
        a.enforce_gathering_retention().await.unwrap().events,
        0,
        "13 days after, still kept"
    );
    let db = &g.app.server.db;
    let kept = db
        .event(&EventId::new(g.event.clone()))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(kept.rsvps.len(), 1);
    clock.advance(2 * 86_400);
    assert_eq!(a.enforce_gathering_retention().await.unwrap().events, 2);
    let db = &g.app.server.db;
    assert!(
        db.event(&EventId::new(g.event.clone()))
            .await
            .unwrap()
            .is_none()
    );
    g.app.stop().await;
}
