//! The access test: every route walked with every role (anonymous, pending, member, organiser
//! of another council, organiser), asserting who may see and do what.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{get, post, send};
use councils_app::council::SettingsForm;
use councils_domain::{CouncilKind, CouncilName, Language, Role};
use councils_testkit::{TestApp, TestMember};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Pending,
    Member,
    OtherOrganiser,
    Organiser,
}

const EVERYONE: [Who; 5] = [
    Who::Anonymous,
    Who::Pending,
    Who::Member,
    Who::OtherOrganiser,
    Who::Organiser,
];

struct Fixture {
    app: TestApp,
    rosa: TestMember,
    lupe: TestMember,
    ana: TestMember,
    dmitri: TestMember,
}

/// Garment (organiser rosa, member lupe, pending ana, two vouches required) asks to join the
/// city council; dmitri organises the warehouse committee and is no member of garment.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let organiser = app.actor(&rosa).await;
    let settings = SettingsForm {
        names: vec![CouncilName {
            language: Language::En,
            name: "Garment".into(),
            description: String::new(),
        }],
        vouches_required: 2,
        members_per_delegate: 25,
        minimum_seats: 1,
    };
    app.app()
        .update_council(&organiser, "garment", &settings)
        .await
        .unwrap();
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    app.app()
        .request_link(&organiser, "garment", "city")
        .await
        .unwrap();
    Fixture {
        app,
        rosa,
        lupe,
        ana,
        dmitri,
    }
}

impl Fixture {
    fn cookie(&self, who: Who) -> Option<String> {
        match who {
            Who::Anonymous => None,
            Who::Pending => Some(self.ana.cookie()),
            Who::Member => Some(self.lupe.cookie()),
            Who::OtherOrganiser => Some(self.dmitri.cookie()),
            Who::Organiser => Some(self.rosa.cookie()),
        }
    }

    fn bearer(&self, who: Who) -> Option<String> {
        self.cookie(who)
            .map(|c| format!("Bearer {}", c.split_once('=').unwrap().1))
    }
}

fn expect(
    who: Who,
    anonymous: Outcome,
    pending: Outcome,
    member: Outcome,
    other: Outcome,
    organiser: Outcome,
) -> Outcome {
    match who {
        Who::Anonymous => anonymous,
        Who::Pending => pending,
        Who::Member => member,
        Who::OtherOrganiser => other,
        Who::Organiser => organiser,
    }
}

use Outcome::{Allowed as A, Forbidden as F, SignIn as S};
use common::access::{Outcome, outcome};

/// A form post: path, fields, and what it should come to.
type Action<'a> = (String, Vec<(&'a str, &'a str)>, Outcome);

#[tokio::test]
async fn every_page_is_seen_only_by_those_who_may_see_it() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let lupe_page = format!("/c/garment/members/{}", f.lupe.id);
        let pages: [(&str, Outcome); 10] = [
            ("/", A),
            ("/councils", expect(who, S, A, A, A, A)),
            ("/councils/new", expect(who, S, A, A, A, A)),
            ("/c/garment", expect(who, S, A, A, A, A)),
            ("/c/garment/federation", expect(who, S, A, A, A, A)),
            ("/c/garment/minutes", expect(who, S, F, A, F, A)),
            ("/c/garment/settings", expect(who, S, F, F, F, A)),
            ("/account", expect(who, S, A, A, A, A)),
            (&lupe_page, expect(who, S, F, A, F, A)),
            ("/join/not-a-token", A),
        ];
        for (path, expected) in pages {
            let page = get(&router, path, cookie.as_deref(), None).await;
            let got = if page.status == 404 {
                A
            } else {
                outcome(&page)
            };
            assert_eq!(got, expected, "{who:?} GET {path}");
        }
        // The members list: active members of the council only.
        let council = get(&router, "/c/garment", cookie.as_deref(), None).await;
        let sees_members = !council.texts("li[id^=member-]").is_empty();
        assert_eq!(
            sees_members,
            matches!(who, Who::Member | Who::Organiser),
            "{who:?} sees the members"
        );
        let manages = council.body.contains("/invitations");
        assert_eq!(
            manages,
            who == Who::Organiser,
            "{who:?} sees the organiser's forms"
        );
        f.app.stop().await;
    }
}

#[tokio::test]
async fn every_action_is_done_only_by_those_who_may_do_it() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let (ana, lupe) = (f.ana.id.to_string(), f.lupe.id.to_string());
        let actions: Vec<Action> = vec![
            (
                "/c/garment/invitations".into(),
                vec![("role", "member")],
                expect(who, S, F, F, F, A),
            ),
            (
                format!("/c/garment/members/{ana}/vouch"),
                vec![],
                expect(who, S, F, A, F, A),
            ),
            (
                format!("/c/garment/members/{lupe}/roles"),
                vec![("role", "verifier")],
                expect(who, S, F, F, F, A),
            ),
            (
                format!("/c/garment/members/{lupe}/roles/verifier/revoke"),
                vec![],
                expect(who, S, F, F, F, A),
            ),
            (
                "/c/garment/settings".into(),
                vec![
                    ("name_en", "Garment"),
                    ("vouches_required", "2"),
                    ("members_per_delegate", "20"),
                    ("minimum_seats", "1"),
                ],
                expect(who, S, F, F, F, A),
            ),
            (
                "/c/garment/links".into(),
                vec![("parent", "warehouse")],
                expect(who, S, F, F, F, A),
            ),
            (
                "/c/city/links/garment/accept".into(),
                vec![],
                expect(who, S, F, F, F, F),
            ),
            (
                "/links/end".into(),
                vec![("constituent", "garment"), ("parent", "city")],
                expect(who, S, F, F, F, A),
            ),
            (
                format!("/c/garment/members/{ana}/approve"),
                vec![],
                expect(who, S, F, F, F, A),
            ),
            (
                format!("/c/garment/members/{ana}/remove"),
                vec![],
                expect(who, S, F, F, F, A),
            ),
        ];
        for (path, form, expected) in actions {
            let page = post(&router, &path, &form, cookie.as_deref()).await;
            assert_eq!(
                outcome(&page),
                expected,
                "{who:?} POST {path}: {}",
                page.status
            );
        }
        f.app.stop().await;
    }
}

#[tokio::test]
async fn the_api_keeps_the_same_rules() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let bearer = f.bearer(who);
        let request = |method: &str, path: &str, body: Option<&str>| {
            let mut r = Request::builder().method(method).uri(path);
            if let Some(bearer) = &bearer {
                r = r.header("authorization", bearer.clone());
            }
            match body {
                Some(json) => r
                    .header("content-type", "application/json")
                    .body(Body::from(json.to_string()))
                    .unwrap(),
                None => r.body(Body::empty()).unwrap(),
            }
        };
        let calls = [
            ("GET", "/api/v1/councils", None, expect(who, S, A, A, A, A)),
            (
                "GET",
                "/api/v1/councils/garment",
                None,
                expect(who, S, A, A, A, A),
            ),
            (
                "GET",
                "/api/v1/councils/garment/members",
                None,
                expect(who, S, F, A, F, A),
            ),
            (
                "GET",
                "/api/v1/councils/garment/minutes",
                None,
                expect(who, S, F, A, F, A),
            ),
            (
                "GET",
                "/api/v1/councils/garment/federation",
                None,
                expect(who, S, A, A, A, A),
            ),
            (
                "POST",
                "/api/v1/councils/garment/invitations",
                Some(r#"{"role":"legal"}"#),
                expect(who, S, F, F, F, A),
            ),
        ];
        for (method, path, body, expected) in calls {
            let page = send(&router, request(method, path, body)).await;
            assert_eq!(
                outcome(&page),
                expected,
                "{who:?} {method} {path}: {} {}",
                page.status,
                page.body
            );
            if page.status.is_client_error() {
                let error: serde_json::Value =
                    serde_json::from_str(&page.body).expect("a JSON error");
                assert!(error["error"]["code"].is_string());
            }
        }
        f.app.stop().await;
    }
}

/// Two motions of garment moved by lupe: one in discussion with an amendment waiting for
/// her, one voting.
async fn motions(f: &Fixture) -> (String, String, String) {
    let lupe = f.app.actor(&f.lupe).await;
    let organiser = f.app.actor(&f.rosa).await;
    let draft = |title: &str| councils_app::motion::MotionDraft {
        kind: "ordinary".into(),
        method: "yes-no".into(),
        texts: vec![(Language::En, title.into(), String::new())],
        ..Default::default()
    };
    let app = f.app.app();
    let discussed = app
        .propose_motion(&lupe, "garment", &draft("Back pay"))
        .await
        .unwrap();
    app.propose_amendment(&lupe, "garment", discussed.as_str(), Language::En, "Now.")
        .await
        .unwrap();
    let amendment = app
        .motion_page(&lupe, "garment", discussed.as_str())
        .await
        .unwrap()
        .amendments[0]
        .id
        .to_string();
    let voting = app
        .propose_motion(&lupe, "garment", &draft("Strike"))
        .await
        .unwrap();
    app.open_voting(&organiser, "garment", voting.as_str(), None)
        .await
        .unwrap();
    (discussed.to_string(), amendment, voting.to_string())
}

#[tokio::test]
async fn motions_are_seen_discussed_voted_and_chaired_only_by_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let (discussed, amendment, voting) = motions(&f).await;
        let (d, v) = (
            format!("/c/garment/motions/{discussed}"),
            format!("/c/garment/motions/{voting}"),
        );
        for path in ["/c/garment/motions", "/c/garment/motions/new", &d, &v] {
            let page = get(&router, path, cookie.as_deref(), None).await;
            assert_eq!(
                outcome(&page),
                expect(who, S, F, A, F, A),
                "{who:?} GET {path}"
            );
        }
        let actions: Vec<Action> = vec![
            (
                "/c/garment/motions".into(),
                vec![
                    ("title_en", "Picket rota"),
                    ("kind", "ordinary"),
                    ("method", "yes-no"),
                ],
                expect(who, S, F, A, F, A),
            ),
            (
                format!("{d}/comments"),
                vec![("body", "Yes.")],
                expect(who, S, F, A, F, A),
            ),
            (
                format!("{d}/amendments"),
                vec![("language", "en"), ("body", "Today.")],
                expect(who, S, F, A, F, A),
            ),
            (
                format!("{d}/amendments/{amendment}/accept"),
                vec![],
                expect(who, S, F, A, F, F),
            ),
            (format!("{d}/voting"), vec![], expect(who, S, F, A, F, A)),
            (
                format!("{v}/ballot"),
                vec![("choice", "yes")],
                expect(who, S, F, A, F, A),
            ),
            (format!("{v}/close"), vec![], expect(who, S, F, F, F, A)),
        ];
        for (path, form, expected) in actions {
            let page = post(&router, &path, &form, cookie.as_deref()).await;
            assert_eq!(
                outcome(&page),
                expected,
                "{who:?} POST {path}: {}",
                page.status
            );
        }
        let bearer = f.bearer(who);
        for (method, path, body) in [
            ("GET", "/api/v1/councils/garment/motions".to_string(), None),
            (
                "GET",
                format!("/api/v1/councils/garment/motions/{discussed}"),
                None,
            ),
            (
                "POST",
                format!("/api/v1/councils/garment/motions/{discussed}/comments"),
                Some(r#"{"body":"Agreed."}"#),
            ),
        ] {
            let mut request = Request::builder().method(method).uri(&path);
            if let Some(bearer) = &bearer {
                request = request.header("authorization", bearer.clone());
            }
            let request = match body {
                Some(json) => request
                    .header("content-type", "application/json")
                    .body(Body::from(json))
                    .unwrap(),
                None => request.body(Body::empty()).unwrap(),
            };
            let page = send(&router, request).await;
            assert_eq!(
                outcome(&page),
                expect(who, S, F, A, F, A),
                "{who:?} {method} {path}: {}",
                page.body
            );
        }
        f.app.stop().await;
    }
}

#[tokio::test]
async fn amendment_votes_and_motion_defaults_are_only_for_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let (discussed, amendment, _) = motions(&f).await;
        let page = get(
            &router,
            "/c/garment/motion-defaults",
            cookie.as_deref(),
            None,
        )
        .await;
        assert_eq!(
            outcome(&page),
            expect(who, S, F, A, F, A),
            "{who:?} GET the defaults"
        );
        let actions: Vec<Action> = vec![
            (
                "/c/garment/motion-defaults".into(),
                vec![("method", "consent"), ("majority", "simple")],
                expect(who, S, F, F, F, A),
            ),
            // Lupe wrote the amendment (and moved the motion); rosa organises.
            (
                format!("/c/garment/motions/{discussed}/amendments/{amendment}/vote"),
                vec![("hours", "")],
                expect(who, S, F, A, F, A),
            ),
        ];
        for (path, form, expected) in actions {
            let page = post(&router, &path, &form, cookie.as_deref()).await;
            assert_eq!(
                outcome(&page),
                expected,
                "{who:?} POST {path}: {}",
                page.status
            );
        }
        let bearer = f.bearer(who);
        let calls = [
            (
                "GET",
                "/api/v1/councils/garment/motion-defaults".to_string(),
                None,
                expect(who, S, F, A, F, A),
            ),
            (
                "PUT",
                "/api/v1/councils/garment/motion-defaults".to_string(),
                Some(r#"{"method":"yes-no","majority":"two-thirds","quorum_percent":40}"#),
                expect(who, S, F, F, F, A),
            ),
        ];
        for (method, path, body, expected) in calls {
            let mut request = Request::builder().method(method).uri(&path);
            if let Some(bearer) = &bearer {
                request = request.header("authorization", bearer.clone());
            }
            let request = match body {
                Some(json) => request
                    .header("content-type", "application/json")
                    .body(Body::from(json))
                    .unwrap(),
                None => request.body(Body::empty()).unwrap(),
            };
            let page = send(&router, request).await;
            assert_eq!(
                outcome(&page),
                expected,
                "{who:?} {method} {path}: {}",
                page.body
            );
        }
        f.app.stop().await;
    }
}

#[tokio::test]
async fn an_amendment_goes_to_the_vote_through_the_api_for_its_author_only() {
    let f = fixture().await;
    let router = f.app.router();
    let (discussed, amendment, _) = motions(&f).await;
    let path = format!("/api/v1/councils/garment/motions/{discussed}/amendments/{amendment}/vote");
    let call = |bearer: Option<String>| {
        let mut request = Request::builder()
            .method("POST")
            .uri(&path)
            .header("content-type", "application/json");
        if let Some(bearer) = bearer {
            request = request.header("authorization", bearer);
        }
        request.body(Body::from(r#"{"hours":24}"#)).unwrap()
    };
    let outsider = send(&router, call(f.bearer(Who::OtherOrganiser))).await;
    assert_eq!(outsider.status, 403, "{}", outsider.body);
    let created = send(&router, call(f.bearer(Who::Member))).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let vote: serde_json::Value = serde_json::from_str(&created.body).unwrap();
    let vote = vote["id"].as_str().unwrap();
    let shown = Request::get(format!("/api/v1/councils/garment/motions/{discussed}"))
        .header("authorization", f.bearer(Who::Member).unwrap())
        .body(Body::empty())
        .unwrap();
    let shown = send(&router, shown).await;
    let shown: serde_json::Value = serde_json::from_str(&shown.body).unwrap();
    assert_eq!(shown["amendments"][0]["status"], "voting");
    assert_eq!(shown["amendments"][0]["vote"], vote);
    let again = send(&router, call(f.bearer(Who::Organiser))).await;
    assert_eq!(again.status, 409, "{}", again.body);
    f.app.stop().await;
}
