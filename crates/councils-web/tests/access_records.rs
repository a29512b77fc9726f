//! The access test for emergency plans, incident records and know your rights: every page,
//! form and API call, walked with every role (anonymous, an organiser of another council, a
//! plain member, the organiser, the legal member, and the member whose plan and record they
//! are). A plan or a record is not found by anyone who may not know it exists.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{get, post, send};
use councils_app::records::plan::PlanForm;
use councils_domain::evidence::samples;
use councils_domain::incident::Account;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Outsider,
    Member,
    Organiser,
    Legal,
    Owner,
}

const EVERYONE: [Who; 6] = [
    Who::Anonymous,
    Who::Outsider,
    Who::Member,
    Who::Organiser,
    Who::Legal,
    Who::Owner,
];

use Outcome::{Allowed as A, Forbidden as F, NotFound as N, SignIn as S};
use common::access::{Outcome, api, outcome};

/// A form post: path, fields, and what it comes to for each role.
type Form<'a> = (String, Vec<(&'a str, &'a str)>, [Outcome; 6]);

fn expect(who: Who, expected: [Outcome; 6]) -> Outcome {
    expected[EVERYONE.iter().position(|w| *w == who).unwrap()]
}

struct Fixture {
    app: TestApp,
    members: Vec<(Who, TestMember)>,
    plan: String,
    incident: String,
    photo: String,
}

/// The city (founded first, so every founder is a member of it); barrio, a neighbourhood
/// committee (organiser rosa, legal licenciada, plain member pablo, and lupe, whose plan
/// names barrio and who filed a record with a photo); dmitri organises the warehouse
/// committee and is no member of barrio.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("barrio", CouncilKind::NeighbourhoodCommittee, "rosa")
        .await;
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let legal = app
        .join("barrio", Role::Legal, "licenciada", Language::Es)
        .await;
    let pablo = app
        .join("barrio", Role::Member, "pablo", Language::En)
        .await;
    let lupe = app.join("barrio", Role::Member, "lupe", Language::Es).await;
    let owner = app.actor(&lupe).await;
    let plan = app
        .app()
        .save_plan(
            &owner,
            &PlanForm {
                message: "Me detuvieron: llamen a la licenciada Ruiz".into(),
                contacts: "hermana@example.org".into(),
                council: "barrio".into(),
            },
        )
        .await
        .unwrap();
    let incident = app
        .app()
        .file_incident(
            &owner,
            "barrio",
            Account {
                what: "Agents asked for Luis at the door".into(),
                when: "2026-11-28 07:30".into(),
                place: "5th and Main".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    app.app()
        .add_evidence(
            &owner,
            "barrio",
            incident.as_str(),
            &[samples::jpeg_with_metadata()],
        )
        .await
        .unwrap();
    let photo = app
        .app()
        .incident(&owner, "barrio", incident.as_str())
        .await
        .unwrap()
        .files[0]
        .id
        .to_string();
    Fixture {
        app,
        members: vec![
            (Who::Outsider, dmitri),
            (Who::Member, pablo),
            (Who::Organiser, rosa),
            (Who::Legal, legal),
            (Who::Owner, lupe),
        ],
        plan: plan.to_string(),
        incident: incident.to_string(),
        photo,
    }
}

impl Fixture {
    fn member(&self, who: Who) -> Option<&TestMember> {
        self.members.iter().find(|(w, _)| *w == who).map(|(_, m)| m)
    }

    fn cookie(&self, who: Who) -> Option<String> {
        self.member(who).map(TestMember::cookie)
    }

    fn bearer(&self, who: Who) -> Option<String> {
        self.member(who)
            .map(|m| format!("Bearer {}", m.token.expose()))
    }
}

/// A multipart upload of one photo, as a browser sends the record page's form.
fn upload(path: &str, auth: (&str, Option<String>), photo: &[u8]) -> Request<Body> {
    let boundary = "XyZboundary";
    let mut body = format!(
        "--{boundary}\r\ncontent-disposition: form-data; name=\"photos\"; filename=\"a.jpg\"\r\ncontent-type: image/jpeg\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(photo);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut request = Request::post(path)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("sec-fetch-site", "same-origin");
    if let (name, Some(value)) = auth {
        request = request.header(name, value);
    }
    request.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn every_records_page_is_seen_only_by_those_who_may_see_it() {
    let f = fixture().await;
    let router = f.app.router();
    let (p, i, ph) = (&f.plan, &f.incident, &f.photo);
    for who in EVERYONE {
        let cookie = f.cookie(who);
        let pages = [
            ("/plan".to_string(), [S, A, A, A, A, A]),
            ("/c/barrio/plans".to_string(), [S, F, F, A, A, F]),
            (format!("/c/barrio/plans/{p}/send"), [S, N, N, A, A, N]),
            (format!("/c/warehouse/plans/{p}/send"), [S, N, N, N, N, N]),
            ("/c/barrio/incidents".to_string(), [S, F, A, A, A, A]),
            ("/c/barrio/incidents/new".to_string(), [S, F, A, A, A, A]),
            (format!("/c/barrio/incidents/{i}"), [S, N, N, N, A, A]),
            (format!("/c/warehouse/incidents/{i}"), [S, N, N, N, N, N]),
            (
                format!("/c/barrio/incidents/{i}/photos/{ph}"),
                [S, N, N, N, A, A],
            ),
            ("/c/barrio/rights".to_string(), [S, F, A, A, A, A]),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, cookie.as_deref(), None).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} GET {path}");
        }
        // Lists show only what the reader may read.
        let list = get(&router, "/c/barrio/incidents", cookie.as_deref(), None).await;
        let listed = list.body.contains(&format!("/c/barrio/incidents/{i}"));
        assert_eq!(
            listed,
            matches!(who, Who::Legal | Who::Owner),
            "{who:?} list"
        );
        let own = get(&router, "/plan", cookie.as_deref(), None).await;
        assert_eq!(
            own.body.contains("licenciada Ruiz"),
            who == Who::Owner,
            "{who:?} /plan"
        );
        let plans = get(&router, "/c/barrio/plans", cookie.as_deref(), None).await;
        assert!(!plans.body.contains("licenciada Ruiz") && !plans.body.contains("hermana@"));
    }
    f.app.stop().await;
}

#[tokio::test]
async fn every_records_form_is_posted_only_by_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let (p, i, ph) = (f.plan.clone(), f.incident.clone(), f.photo.clone());
        let forms: Vec<Form> = vec![
            (
                format!("/c/barrio/plans/{p}/send"),
                vec![],
                [S, N, N, A, A, N],
            ),
            (
                format!("/c/barrio/incidents/{i}/export"),
                vec![("passphrase", "correct horse battery staple for Ruiz")],
                [S, N, N, N, A, A],
            ),
            (
                "/c/barrio/rights".into(),
                vec![("hotline", "555-0100"), ("legal", "Ruiz")],
                [S, F, F, A, F, F],
            ),
            (
                "/c/barrio/incidents".into(),
                vec![("what", "x"), ("when", "today"), ("place", "here")],
                [S, F, A, A, A, A],
            ),
            (
                format!("/c/barrio/incidents/{i}/photos/{ph}/delete"),
                vec![],
                [S, N, N, N, A, A],
            ),
            (
                format!("/c/barrio/incidents/{i}/delete"),
                vec![("confirm", "yes")],
                [S, N, N, N, A, A],
            ),
        ];
        let page = send(
            &router,
            upload(
                &format!("/c/barrio/incidents/{i}/photos"),
                ("cookie", cookie.clone()),
                &samples::plain_png(),
            ),
        )
        .await;
        assert_eq!(
            outcome(&page),
            expect(who, [S, N, N, N, A, A]),
            "{who:?} upload: {}",
            page.body
        );
        for (path, fields, expected) in forms {
            let page = post(&router, &path, &fields, cookie.as_deref()).await;
            assert_eq!(
                outcome(&page),
                expect(who, expected),
                "{who:?} POST {path}: {}",
                page.body
            );
        }
        f.app.stop().await;
    }
}

#[tokio::test]
async fn every_records_api_call_is_answered_only_to_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let bearer = f.bearer(who);
        let b = bearer.as_deref();
        let (p, i, ph) = (f.plan.clone(), f.incident.clone(), f.photo.clone());
        let calls: Vec<(&str, String, Option<&str>, [Outcome; 6])> = vec![
            ("GET", "/api/v1/plan".into(), None, [S, A, A, A, A, A]),
            (
                "GET",
                "/api/v1/councils/barrio/plans".into(),
                None,
                [S, F, F, A, A, F],
            ),
            (
                "POST",
                format!("/api/v1/councils/barrio/plans/{p}/sendings"),
                None,
                [S, N, N, A, A, N],
            ),
            (
                "GET",
                "/api/v1/councils/barrio/incidents".into(),
                None,
                [S, F, A, A, A, A],
            ),
            (
                "GET",
                format!("/api/v1/councils/barrio/incidents/{i}"),
                None,
                [S, N, N, N, A, A],
            ),
            (
                "GET",
                format!("/api/v1/councils/barrio/incidents/{i}/photos/{ph}"),
                None,
                [S, N, N, N, A, A],
            ),
            (
                "POST",
                format!("/api/v1/councils/barrio/incidents/{i}/export"),
                Some(r#"{"passphrase": "correct horse battery staple for Ruiz"}"#),
                [S, N, N, N, A, A],
            ),
            (
                "GET",
                "/api/v1/councils/barrio/rights".into(),
                None,
                [S, F, A, A, A, A],
            ),
            (
                "PUT",
                "/api/v1/councils/barrio/rights".into(),
                Some(r#"{"hotline": "555-0100"}"#),
                [S, F, F, A, F, F],
            ),
            (
                "DELETE",
                format!("/api/v1/councils/barrio/incidents/{i}/photos/{ph}"),
                None,
                [S, N, N, N, A, A],
            ),
            (
                "DELETE",
                format!("/api/v1/councils/barrio/incidents/{i}"),
                None,
                [S, N, N, N, A, A],
            ),
        ];
        let page = send(
            &router,
            upload(
                &format!("/api/v1/councils/barrio/incidents/{i}/photos"),
                ("authorization", bearer.clone()),
                &samples::plain_png(),
            ),
        )
        .await;
        assert_eq!(
            outcome(&page),
            expect(who, [S, N, N, N, A, A]),
            "{who:?} API upload"
        );
        for (method, path, json, expected) in calls {
            let page = api(&router, method, &path, b, json).await;
            assert_eq!(
                outcome(&page),
                expect(who, expected),
                "{who:?} {method} {path}: {}",
                page.body
            );
        }
        f.app.stop().await;
    }
}
