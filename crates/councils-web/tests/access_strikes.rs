//! The access test for strikes: every page, form and API call, walked with every role
//! (signed out, a member of an unrelated committee, a committee member who was paid from the
//! fund, one who was not, the organiser, and the strike committee's treasurer). A signed-out
//! visitor is sent to sign in, found or not; a strike is not found by a member who may not
//! see it; only the treasurer records movements; a member sees the totals but not others'
//! payments.

mod common;
#[path = "strikes/fixture.rs"]
mod fixture;

use common::{get, post};
use fixture::{Strike, strike};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Outsider,
    Payee,
    Member,
    Organiser,
    Treasurer,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::Outsider,
    Who::Payee,
    Who::Member,
    Who::Organiser,
    Who::Treasurer,
];

use Outcome::{Allowed as A, Forbidden as F, NotFound as N, Refused as R, SignIn as S};
use common::access::{Outcome, api, outcome};

/// A form post: path, fields, and what it comes to for each role.
type FormCase<'a> = (String, Vec<(&'a str, &'a str)>, [Outcome; 6]);

fn expect(who: Who, expected: [Outcome; 6]) -> Outcome {
    expected[EVERYONE.iter().position(|w| *w == who).unwrap()]
}

fn member(s: &Strike, who: Who) -> Option<&councils_testkit::TestMember> {
    match who {
        Who::Anonymous => None,
        Who::Outsider => Some(&s.lupe),
        Who::Payee => Some(&s.ana),
        Who::Member => Some(&s.pablo),
        Who::Organiser => Some(&s.rosa),
        Who::Treasurer => Some(&s.tesorera),
    }
}

#[tokio::test]
async fn every_strike_page_is_seen_only_by_those_on_the_strike() {
    let s = strike().await;
    let router = s.app.router();
    let id = &s.strike;
    for who in EVERYONE {
        let cookie = member(&s, who).map(|m| m.cookie());
        let pages = [
            ("/c/garment/strikes".to_string(), [S, N, A, A, A, N]),
            ("/c/barrio/strikes".to_string(), [S, A, N, N, A, N]),
            (format!("/strikes/{id}"), [S, N, A, A, A, A]),
            (format!("/strikes/{id}/rota"), [S, N, A, A, A, A]),
            (format!("/strikes/{id}/fund"), [S, N, A, A, A, A]),
            ("/strikes/no-such-strike".to_string(), [S, N, N, N, N, N]),
            (
                "/strikes/no-such-strike/fund".to_string(),
                [S, N, N, N, N, N],
            ),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, cookie.as_deref(), None).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} GET {path}");
        }
        // What the fund shows: the payee their own payment, the treasurer everything, the
        // others only totals.
        let fund = get(
            &router,
            &format!("/strikes/{id}/fund"),
            cookie.as_deref(),
            None,
        )
        .await;
        if fund.status == 200 {
            assert_eq!(fund.text("#fund-balance"), "180.00 USD", "{who:?}");
            let payments = fund.texts(".movement-payment").len();
            let expected = match who {
                Who::Payee | Who::Treasurer => 1,
                _ => 0,
            };
            assert_eq!(payments, expected, "{who:?} sees payments");
            assert_eq!(
                fund.body.contains("Teamsters"),
                who == Who::Treasurer,
                "{who:?} sees who pledged"
            );
            assert_eq!(
                !fund.text("#fund-forms").is_empty(),
                who == Who::Treasurer,
                "{who:?} sees the treasurer's forms"
            );
        }
        // Only the strike committee's organisers see the status form; organisers add shifts.
        let show = get(&router, &format!("/strikes/{id}"), cookie.as_deref(), None).await;
        if show.status == 200 {
            assert_eq!(
                !show.text("#status-form").is_empty(),
                who == Who::Organiser,
                "{who:?}"
            );
        }
    }
    s.app.stop().await;
}

#[tokio::test]
async fn every_strike_form_is_posted_only_by_those_who_may() {
    for who in EVERYONE {
        let s = strike().await;
        let router = s.app.router();
        let cookie = member(&s, who).map(|m| m.cookie());
        let (id, shift, vote) = (s.strike.clone(), s.shift.clone(), s.vote.to_string());
        let forms: Vec<FormCase> = vec![
            (
                format!("/strikes/{id}/rota/{shift}/sign-up"),
                vec![],
                [S, N, A, A, A, A],
            ),
            (
                format!("/strikes/{id}/rota/{shift}/withdraw"),
                vec![],
                [S, N, A, A, A, A],
            ),
            (
                format!("/strikes/{id}/rota"),
                vec![
                    ("place", "Gate 2"),
                    ("starts", "2099-01-01T06:00"),
                    ("hours", "4"),
                    ("needed", "2"),
                ],
                [S, N, F, F, A, F],
            ),
            (
                format!("/strikes/{id}/fund/movements"),
                vec![
                    ("kind", "pledge"),
                    ("amount", "50"),
                    ("note", "A neighbour"),
                ],
                [S, N, F, F, F, A],
            ),
            (
                format!("/strikes/{id}/fund/movements"),
                vec![("kind", "receipt"), ("amount", "50")],
                [S, N, F, F, F, A],
            ),
            (
                format!("/strikes/{id}/fund/movements"),
                vec![("kind", "payment"), ("amount", "5"), ("payee", "pablo")],
                [S, N, F, F, F, A],
            ),
            (
                "/c/garment/strikes".into(),
                vec![
                    ("motion", vote.as_str()),
                    ("title", "Again"),
                    ("demands", "More"),
                    ("committee_slug", "again-strike"),
                    ("committee_name", "Again"),
                ],
                [S, N, F, F, R, N],
            ),
            (
                "/c/garment/strikes/join".into(),
                vec![
                    ("motion", vote.as_str()),
                    ("strike_committee", "garment-strike"),
                ],
                [S, N, F, F, R, N],
            ),
            (
                format!("/strikes/{id}/status"),
                vec![("status", "suspended")],
                [S, N, F, F, A, F],
            ),
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
        s.app.stop().await;
    }
}

#[tokio::test]
async fn every_strike_api_call_is_answered_only_to_those_who_may() {
    for who in EVERYONE {
        let s = strike().await;
        let router = s.app.router();
        let bearer = member(&s, who).map(|m| format!("Bearer {}", m.token.expose()));
        let b = bearer.as_deref();
        let (id, shift, vote) = (s.strike.clone(), s.shift.clone(), s.vote.to_string());
        let open = format!(
            r#"{{"motion": "{vote}", "title": "Again", "demands": ["More"], "committee_slug": "again-strike", "committee_name": "Again"}}"#
        );
        let join = format!(r#"{{"motion": "{vote}", "strike_committee": "garment-strike"}}"#);
        let calls: Vec<(&str, String, Option<&str>, [Outcome; 6])> = vec![
            (
                "GET",
                "/api/v1/councils/garment/strikes".into(),
                None,
                [S, N, A, A, A, N],
            ),
            (
                "GET",
                format!("/api/v1/strikes/{id}"),
                None,
                [S, N, A, A, A, A],
            ),
            (
                "GET",
                format!("/api/v1/strikes/{id}/shifts"),
                None,
                [S, N, A, A, A, A],
            ),
            (
                "GET",
                format!("/api/v1/strikes/{id}/fund"),
                None,
                [S, N, A, A, A, A],
            ),
            (
                "GET",
                "/api/v1/strikes/nothing/fund".into(),
                None,
                [S, N, N, N, N, N],
            ),
            (
                "PUT",
                format!("/api/v1/strikes/{id}/shifts/{shift}/signup"),
                None,
                [S, N, A, A, A, A],
            ),
            (
                "DELETE",
                format!("/api/v1/strikes/{id}/shifts/{shift}/signup"),
                None,
                [S, N, A, A, A, A],
            ),
            (
                "POST",
                format!("/api/v1/strikes/{id}/shifts"),
                Some(
                    r#"{"place": "Gate 2", "starts": "2099-01-01T06:00", "hours": 4, "needed": 2}"#,
                ),
                [S, N, F, F, A, F],
            ),
            (
                "POST",
                format!("/api/v1/strikes/{id}/fund/movements"),
                Some(r#"{"kind": "pledge", "cents": 5000, "note": "A neighbour"}"#),
                [S, N, F, F, F, A],
            ),
            (
                "POST",
                format!("/api/v1/strikes/{id}/fund/movements"),
                Some(r#"{"kind": "payment", "amount": "5", "payee": "pablo"}"#),
                [S, N, F, F, F, A],
            ),
            (
                "POST",
                "/api/v1/councils/garment/strikes".into(),
                Some(open.as_str()),
                [S, N, F, F, R, N],
            ),
            (
                "POST",
                "/api/v1/councils/garment/strikes/join".into(),
                Some(join.as_str()),
                [S, N, F, F, R, N],
            ),
            (
                "PUT",
                format!("/api/v1/strikes/{id}/status"),
                Some(r#"{"status": "suspended"}"#),
                [S, N, F, F, A, F],
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
        // The fund through the API: payments only to the treasurer and the payee.
        let fund = api(
            &router,
            "GET",
            &format!("/api/v1/strikes/{id}/fund"),
            b,
            None,
        )
        .await;
        if fund.status == 200 {
            let json: serde_json::Value = serde_json::from_str(&fund.body).unwrap();
            let payees: Vec<&str> = json["movements"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|m| m["payee"].as_str())
                .collect();
            // The treasurer just paid pablo too.
            let expected: Vec<&str> = match who {
                Who::Payee => vec!["ana"],
                Who::Treasurer => vec!["ana", "pablo"],
                _ => vec![],
            };
            assert_eq!(payees, expected, "{who:?}");
        }
        s.app.stop().await;
    }
}
