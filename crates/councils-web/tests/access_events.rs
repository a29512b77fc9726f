//! The access test for events: every page, form and API call, walked with every role
//! (signed out, a member of an unrelated committee, a member of the city the event was
//! shared with, a plain member of the committee, its organiser). A signed-out visitor is sent
//! to sign in from every page, found or not; a member who may not read an event does not
//! find it, and an event kept to its committee is not found from the city.

mod common;
#[path = "common/gatherings.rs"]
mod gatherings;

use common::{get, post};
use councils_testkit::TestMember;
use gatherings::{Gathering, gathering};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Stranger,
    CityMember,
    Member,
    Organiser,
}

const EVERYONE: [Who; 5] = [
    Who::Anonymous,
    Who::Stranger,
    Who::CityMember,
    Who::Member,
    Who::Organiser,
];

use Outcome::{Allowed as A, Forbidden as F, NotFound as N, SignIn as S};
use common::access::{Outcome, api, outcome};

/// A form post: path, fields, and what it comes to for each role.
type FormPost<'a> = (String, Vec<(&'a str, &'a str)>, [Outcome; 5]);

fn expect(who: Who, expected: [Outcome; 5]) -> Outcome {
    expected[EVERYONE.iter().position(|w| *w == who).unwrap()]
}

fn member(g: &Gathering, who: Who) -> Option<&TestMember> {
    match who {
        Who::Anonymous => None,
        Who::Stranger => Some(&g.stranger),
        Who::CityMember => Some(&g.carmen),
        Who::Member => Some(&g.pablo),
        Who::Organiser => Some(&g.rosa),
    }
}

const NEW_EVENT: [(&str, &str); 7] = [
    ("kind", "training"),
    ("title", "Know your rights training"),
    ("place", "Library, 2nd floor"),
    ("starts", "2030-02-01T18:00"),
    ("ends", "2030-02-01T20:00"),
    ("offset", "-08:00"),
    ("need-interpreter", "1"),
];

#[tokio::test]
async fn every_event_page_is_seen_only_by_those_who_may_see_it() {
    let g = gathering().await;
    let router = g.app.router();
    let (e, p) = (&g.event, &g.private_event);
    for who in EVERYONE {
        let cookie = member(&g, who).map(TestMember::cookie);
        let pages = [
            ("/c/barrio/events".to_string(), [S, N, N, A, A]),
            ("/c/city/events".to_string(), [S, N, A, N, A]),
            ("/c/barrio/events/new".to_string(), [S, N, N, F, A]),
            (format!("/events/{e}"), [S, N, A, A, A]),
            (format!("/events/{e}/live"), [S, N, A, A, A]),
            (format!("/events/{e}/event.ics"), [S, N, A, A, A]),
            (format!("/events/{p}"), [S, N, N, A, A]),
            (format!("/events/{p}/live"), [S, N, N, A, A]),
            (format!("/events/{p}/event.ics"), [S, N, N, A, A]),
            ("/events/no-such-event".to_string(), [S, N, N, N, N]),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, cookie.as_deref(), None).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} GET {path}");
        }
        // The city's list shows the shared march and never the committee's own assembly.
        let city = get(&router, "/c/city/events", cookie.as_deref(), None).await;
        assert_eq!(
            city.body.contains(&format!("/events/{e}")),
            matches!(who, Who::CityMember | Who::Organiser),
            "{who:?}"
        );
        assert!(!city.body.contains(&format!("/events/{p}")));
    }
    g.app.stop().await;
}

#[tokio::test]
async fn every_event_form_is_posted_only_by_those_who_may() {
    for who in EVERYONE {
        let g = gathering().await;
        let router = g.app.router();
        let cookie = member(&g, who).map(TestMember::cookie);
        let (e, p) = (g.event.clone(), g.private_event.clone());
        let forms: Vec<FormPost> = vec![
            (
                "/c/barrio/events".into(),
                NEW_EVENT.to_vec(),
                [S, N, N, F, A],
            ),
            ("/c/city/events".into(), NEW_EVENT.to_vec(), [S, N, F, N, F]),
            (
                format!("/events/{e}/rsvp"),
                vec![("going", "yes")],
                [S, N, A, A, A],
            ),
            (
                format!("/events/{p}/rsvp"),
                vec![("going", "yes")],
                [S, N, N, A, A],
            ),
            (
                format!("/events/{e}/roles"),
                vec![("role", "marshal")],
                [S, N, A, A, A],
            ),
            (
                format!("/events/{p}/roles"),
                vec![("role", "marshal")],
                [S, N, N, A, A],
            ),
            (format!("/events/{e}/roles/leave"), vec![], [S, N, A, A, A]),
            (
                format!("/events/{e}/rsvp"),
                vec![("going", "no")],
                [S, N, A, A, A],
            ),
            (
                format!("/events/{e}/updates"),
                vec![("text", "Meet at the fountain")],
                [S, N, F, F, A],
            ),
            (
                format!("/events/{p}/updates"),
                vec![("text", "Room 2")],
                [S, N, N, F, A],
            ),
            (format!("/events/{e}/cancel"), vec![], [S, N, F, F, A]),
            (format!("/events/{p}/cancel"), vec![], [S, N, N, F, A]),
        ];
        for (path, fields, expected) in forms {
            let page = post(&router, &path, &fields, cookie.as_deref()).await;
            assert_eq!(
                outcome(&page),
                expect(who, expected),
                "{who:?} POST {path}: {}",
                page.body
            );
        }
        g.app.stop().await;
    }
}

#[tokio::test]
async fn every_event_api_call_is_answered_only_to_those_who_may() {
    const CREATE: &str = r#"{"kind":"assembly","title":"Assembly","place":"Hall","starts":"2030-03-01T18:00","ends":"2030-03-01T20:00","utc_offset":"-08:00","roles":{"interpreter":1}}"#;
    for who in EVERYONE {
        let g = gathering().await;
        let router = g.app.router();
        let bearer = member(&g, who).map(|m| format!("Bearer {}", m.token.expose()));
        let b = bearer.as_deref();
        let (e, p) = (g.event.clone(), g.private_event.clone());
        let calls: Vec<(&str, String, Option<&str>, [Outcome; 5])> = vec![
            (
                "GET",
                "/api/v1/councils/barrio/events".into(),
                None,
                [S, N, N, A, A],
            ),
            (
                "GET",
                "/api/v1/councils/city/events".into(),
                None,
                [S, N, A, N, A],
            ),
            (
                "POST",
                "/api/v1/councils/barrio/events".into(),
                Some(CREATE),
                [S, N, N, F, A],
            ),
            ("GET", format!("/api/v1/events/{e}"), None, [S, N, A, A, A]),
            ("GET", format!("/api/v1/events/{p}"), None, [S, N, N, A, A]),
            (
                "PUT",
                format!("/api/v1/events/{e}/rsvp"),
                None,
                [S, N, A, A, A],
            ),
            (
                "PUT",
                format!("/api/v1/events/{p}/rsvp"),
                None,
                [S, N, N, A, A],
            ),
            (
                "PUT",
                format!("/api/v1/events/{e}/role"),
                Some(r#"{"role":"medic"}"#),
                [S, N, A, A, A],
            ),
            (
                "DELETE",
                format!("/api/v1/events/{e}/role"),
                None,
                [S, N, A, A, A],
            ),
            (
                "DELETE",
                format!("/api/v1/events/{e}/rsvp"),
                None,
                [S, N, A, A, A],
            ),
            (
                "POST",
                format!("/api/v1/events/{e}/updates"),
                Some(r#"{"text":"Moved to 11:00"}"#),
                [S, N, F, F, A],
            ),
            (
                "POST",
                format!("/api/v1/events/{p}/updates"),
                Some(r#"{"text":"Room 2"}"#),
                [S, N, N, F, A],
            ),
            (
                "POST",
                format!("/api/v1/events/{e}/cancel"),
                None,
                [S, N, F, F, A],
            ),
        ];
        for (method, path, json, expected) in calls {
            let page = api(&router, method, &path, b, json).await;
            assert_eq!(
                outcome(&page),
                expect(who, expected),
                "{who:?} {method} {path}: {}",
                page.body
            );
        }
        g.app.stop().await;
    }
}
