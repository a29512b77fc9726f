//! The access test for mutual aid: every page, form and API call, walked with every role
//! (signed out, a member of an unrelated committee, a member of the city a request was
//! shared with, a plain member, the member who posted the request, the organiser). A signed-out
//! visitor is sent to sign in, found or not; a member who may not read a post does not find
//! it; steps a reader may not take are refused in words.

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
    Poster,
    Organiser,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::Stranger,
    Who::CityMember,
    Who::Member,
    Who::Poster,
    Who::Organiser,
];

use Outcome::{Allowed as A, NotFound as N, Refused as R, SignIn as S};
use common::access::{Outcome, api, outcome};

/// A form post: path, fields, and what it comes to for each role.
type FormPost<'a> = (String, Vec<(&'a str, &'a str)>, [Outcome; 6]);

fn expect(who: Who, expected: [Outcome; 6]) -> Outcome {
    expected[EVERYONE.iter().position(|w| *w == who).unwrap()]
}

fn member(g: &Gathering, who: Who) -> Option<&TestMember> {
    match who {
        Who::Anonymous => None,
        Who::Stranger => Some(&g.stranger),
        Who::CityMember => Some(&g.carmen),
        Who::Member => Some(&g.pablo),
        Who::Poster => Some(&g.lupe),
        Who::Organiser => Some(&g.rosa),
    }
}

#[tokio::test]
async fn every_aid_page_is_seen_only_by_those_who_may_see_it() {
    let g = gathering().await;
    let router = g.app.router();
    let (r, o) = (&g.request, &g.offer);
    for who in EVERYONE {
        let cookie = member(&g, who).map(TestMember::cookie);
        let pages = [
            ("/c/barrio/aid".to_string(), [S, N, N, A, A, A]),
            (
                "/c/barrio/aid?kind=rides&area=boyle".to_string(),
                [S, N, N, A, A, A],
            ),
            ("/c/city/aid".to_string(), [S, N, A, N, N, A]),
            ("/c/barrio/aid/new".to_string(), [S, N, N, A, A, A]),
            (
                "/c/barrio/aid/new?direction=offer".to_string(),
                [S, N, N, A, A, A],
            ),
            (format!("/aid/{r}"), [S, N, A, A, A, A]),
            (format!("/aid/{o}"), [S, N, N, A, A, A]),
            ("/aid/no-such-post".to_string(), [S, N, N, N, N, N]),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, cookie.as_deref(), None).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} GET {path}");
        }
        // What it is for someone else reaches only those who may read the request.
        let page = get(&router, &format!("/aid/{r}"), cookie.as_deref(), None).await;
        assert_eq!(
            page.body.contains("his wife and two children"),
            expect(who, [S, N, A, A, A, A]) == A
        );
        // The city sees the shared request and never the offer kept to the committee.
        let city = get(&router, "/c/city/aid", cookie.as_deref(), None).await;
        assert!(!city.body.contains(&format!("/aid/{o}")));
    }
    g.app.stop().await;
}

#[tokio::test]
async fn every_aid_form_is_posted_only_by_those_who_may() {
    for who in EVERYONE {
        let g = gathering().await;
        let router = g.app.router();
        let cookie = member(&g, who).map(TestMember::cookie);
        let (r, o) = (g.request.clone(), g.offer.clone());
        let forms: Vec<FormPost> = vec![
            (
                "/c/barrio/aid".into(),
                vec![
                    ("direction", "offer"),
                    ("kind", "food"),
                    ("area", "Boyle Heights"),
                    ("details", "Tamales on Friday"),
                ],
                [S, N, N, A, A, A],
            ),
            (
                "/c/city/aid".into(),
                vec![
                    ("direction", "request"),
                    ("kind", "bail"),
                    ("area", "Downtown"),
                    ("details", "Bond for a neighbour"),
                ],
                [S, N, A, N, N, A],
            ),
            (format!("/aid/{r}/match"), vec![], [S, N, A, A, R, A]),
            (format!("/aid/{r}/release"), vec![], [S, N, A, A, R, A]),
            (format!("/aid/{r}/met"), vec![], [S, N, R, R, A, R]),
            (format!("/aid/{o}/match"), vec![], [S, N, N, R, A, A]),
            (format!("/aid/{o}/withdraw"), vec![], [S, N, N, A, R, A]),
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
async fn every_aid_api_call_is_answered_only_to_those_who_may() {
    const CREATE: &str = r#"{"direction":"request","kind":"childcare","area":"Boyle Heights","details":"Tuesday afternoons","for_whom":"A neighbour's two children"}"#;
    for who in EVERYONE {
        let g = gathering().await;
        let router = g.app.router();
        let bearer = member(&g, who).map(|m| format!("Bearer {}", m.token.expose()));
        let b = bearer.as_deref();
        let (r, o) = (g.request.clone(), g.offer.clone());
        let calls: Vec<(&str, String, Option<&str>, [Outcome; 6])> = vec![
            (
                "GET",
                "/api/v1/councils/barrio/aid".into(),
                None,
                [S, N, N, A, A, A],
            ),
            (
                "GET",
                "/api/v1/councils/city/aid?kind=rides".into(),
                None,
                [S, N, A, N, N, A],
            ),
            (
                "POST",
                "/api/v1/councils/barrio/aid".into(),
                Some(CREATE),
                [S, N, N, A, A, A],
            ),
            ("GET", format!("/api/v1/aid/{r}"), None, [S, N, A, A, A, A]),
            ("GET", format!("/api/v1/aid/{o}"), None, [S, N, N, A, A, A]),
            (
                "POST",
                format!("/api/v1/aid/{r}/steps"),
                Some(r#"{"step":"match"}"#),
                [S, N, A, A, R, A],
            ),
            (
                "POST",
                format!("/api/v1/aid/{r}/steps"),
                Some(r#"{"step":"met"}"#),
                [S, N, A, A, A, A],
            ),
            (
                "POST",
                format!("/api/v1/aid/{o}/steps"),
                Some(r#"{"step":"withdraw"}"#),
                [S, N, N, A, R, A],
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
