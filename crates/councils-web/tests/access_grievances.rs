//! The access test for grievances: every page, form and API call, walked with every role (a
//! signed-out visitor, a member of another committee, a plain member who is not the filer,
//! the organiser, and the named filer), on a named grievance and an anonymous one. A signed-out
//! visitor is sent to sign in, found or not; a member who may not read a grievance gets 404,
//! as if it did not exist; the anonymous grievance is not found even by its own filer's
//! session, only through its private link.

mod common;

use common::{Page, get, post};
use councils_app::grievance::GrievanceDraft;
use councils_domain::grievance::Statement;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Outsider,
    Member,
    Organiser,
    Filer,
}

const EVERYONE: [Who; 5] = [
    Who::Anonymous,
    Who::Outsider,
    Who::Member,
    Who::Organiser,
    Who::Filer,
];

use Outcome::{Allowed as A, Forbidden as F, NotFound as N, SignIn as S};
use common::access::{Outcome, api};

/// Reached: done, or refused for what was sent after access passed.
fn outcome(page: &Page) -> Outcome {
    match common::access::outcome(page) {
        Outcome::Refused => A,
        other => other,
    }
}

fn expect(who: Who, expected: [Outcome; 5]) -> Outcome {
    expected[EVERYONE.iter().position(|w| *w == who).unwrap()]
}

struct Fixture {
    app: TestApp,
    members: Vec<(Who, TestMember)>,
    /// The named grievance (lupe's), the anonymous one (also lupe's) and its link's token.
    named: String,
    anonymous: String,
    token: String,
    /// Two deadlines of the named grievance: one for the pages, one for the API.
    deadlines: [String; 2],
}

/// The city (founded first); garment, a workplace committee (organiser rosa, plain member
/// pablo, and lupe, who filed one grievance under her name and one anonymously); dmitri
/// organises the warehouse committee and is no member of garment.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let pablo = app
        .join("garment", Role::Member, "pablo", Language::En)
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::Es)
        .await;
    let filer = app.actor(&lupe).await;
    let draft = |anonymous| GrievanceDraft {
        kind: "wage-theft".into(),
        statement: Statement {
            what: "Paid 40 hours for 52".into(),
            wanted: "The back pay".into(),
            ..Statement::default()
        },
        anonymous,
        ..GrievanceDraft::default()
    };
    let named = app
        .app()
        .file_grievance(&filer, "garment", &draft(false))
        .await
        .unwrap();
    let anonymous = app
        .app()
        .file_grievance(&filer, "garment", &draft(true))
        .await
        .unwrap();
    let organiser = app.actor(&rosa).await;
    let mut deadlines = Vec::new();
    for label in ["Letter answered", "Second letter"] {
        deadlines.push(
            app.app()
                .add_grievance_deadline(
                    &organiser,
                    "garment",
                    named.id.as_str(),
                    label,
                    "2027-02-01",
                )
                .await
                .unwrap()
                .to_string(),
        );
    }
    Fixture {
        app,
        members: vec![
            (Who::Outsider, dmitri),
            (Who::Member, pablo),
            (Who::Organiser, rosa),
            (Who::Filer, lupe),
        ],
        named: named.id.to_string(),
        anonymous: anonymous.id.to_string(),
        token: anonymous.follow_token.unwrap().expose().to_string(),
        deadlines: [deadlines[0].clone(), deadlines[1].clone()],
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

/// A form post: path, fields, and what it comes to for each role.
type FormCase<'a> = (String, Vec<(&'a str, &'a str)>, [Outcome; 5]);

const ALL: [Outcome; 5] = [A, A, A, A, A];
/// A private link that does not exist: not found, signed in or not.
const NONE: [Outcome; 5] = [N, N, N, N, N];
/// Another committee's grievance: sign in first, then not found.
const HIDDEN: [Outcome; 5] = [S, N, N, N, N];

#[tokio::test]
async fn every_grievance_page_and_form_answers_only_those_who_may_read_it() {
    let f = fixture().await;
    let router = f.app.router();
    let (n, a, t) = (&f.named, &f.anonymous, &f.token);
    let wrong = "B".repeat(43);
    for who in EVERYONE {
        let cookie = f.cookie(who);
        let c = cookie.as_deref();
        let pages = [
            ("/c/garment/grievances".to_string(), [S, N, A, A, A]),
            ("/c/garment/grievances/new".to_string(), [S, N, A, A, A]),
            ("/c/warehouse/grievances".to_string(), [S, A, N, N, N]),
            (format!("/c/garment/grievances/{n}"), [S, N, N, A, A]),
            (format!("/c/garment/grievances/{a}"), [S, N, N, A, N]),
            (format!("/c/warehouse/grievances/{n}"), HIDDEN),
            (format!("/grievances/follow/{t}"), ALL),
            (format!("/grievances/follow/{wrong}"), NONE),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, c, None).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} GET {path}");
        }
        let note = vec![("text", "Which weeks?")];
        let forms: Vec<FormCase> = vec![
            (
                "/c/garment/grievances".into(),
                vec![("kind", "other"), ("what", "x"), ("wanted", "y")],
                [S, N, A, A, A],
            ),
            (
                "/c/garment/grievances/collective".into(),
                vec![("kind", "other"), ("what", "x"), ("wanted", "y")],
                [S, N, N, A, N],
            ),
            (
                format!("/c/garment/grievances/{n}/notes"),
                note.clone(),
                [S, N, N, A, F],
            ),
            (
                format!("/c/garment/grievances/{a}/notes"),
                note.clone(),
                [S, N, N, A, N],
            ),
            (
                format!("/c/garment/grievances/{n}/answers"),
                note.clone(),
                [S, N, N, F, A],
            ),
            (
                format!("/c/garment/grievances/{a}/answers"),
                note.clone(),
                [S, N, N, F, N],
            ),
            (
                format!("/c/garment/grievances/{n}/status"),
                vec![("status", "investigating")],
                [S, N, N, A, F],
            ),
            (
                format!("/c/garment/grievances/{a}/status"),
                vec![("status", "investigating")],
                [S, N, N, A, N],
            ),
            (
                format!("/c/garment/grievances/{n}/assignee"),
                vec![("handle", "rosa")],
                [S, N, N, A, F],
            ),
            (
                format!("/c/garment/grievances/{n}/deadlines"),
                vec![("label", "Meeting"), ("date", "2027-03-01")],
                [S, N, N, A, F],
            ),
            (
                format!(
                    "/c/garment/grievances/{n}/deadlines/{}/done",
                    f.deadlines[0]
                ),
                vec![],
                [S, N, N, A, F],
            ),
            (
                format!("/c/garment/grievances/{n}/pay"),
                vec![("currency", "USD"), ("hours-0", "52"), ("rate-0", "16.90")],
                [S, N, N, A, F],
            ),
            (
                format!("/c/garment/grievances/{a}/pay"),
                vec![("currency", "USD"), ("hours-0", "52"), ("rate-0", "16.90")],
                [S, N, N, A, N],
            ),
            (
                format!("/c/garment/grievances/{n}/escalate"),
                vec![
                    ("kind", "strike-vote"),
                    ("title", "Strike"),
                    ("body", "We strike"),
                ],
                [S, N, N, A, F],
            ),
            (format!("/grievances/follow/{t}/answers"), note.clone(), ALL),
            (
                format!("/grievances/follow/{wrong}/answers"),
                note.clone(),
                NONE,
            ),
        ];
        for (path, form, expected) in forms {
            let page = post(&router, &path, &form, c).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} POST {path}");
        }
    }
    f.app.stop().await;
}

#[tokio::test]
async fn every_grievance_api_call_answers_only_those_who_may_read_it() {
    let f = fixture().await;
    let router = f.app.router();
    let (n, a, t) = (&f.named, &f.anonymous, &f.token);
    let base = "/api/v1/councils/garment/grievances";
    let wrong = "C".repeat(43);
    let note = r#"{"text": "Which weeks?", "question": true}"#;
    let pay = r#"{"currency": "USD", "lines": [{"hours_hundredths": 5200, "rate_cents": 1690}]}"#;
    for who in EVERYONE {
        let bearer = f.bearer(who);
        let b = bearer.as_deref();
        let calls: Vec<(&str, String, Option<&str>, [Outcome; 5])> = vec![
            ("GET", base.into(), None, [S, N, A, A, A]),
            (
                "POST",
                base.into(),
                Some(r#"{"kind": "other", "what": "x", "wanted": "y", "anonymous": true}"#),
                [S, N, A, A, A],
            ),
            (
                "POST",
                format!("{base}/collective"),
                Some(r#"{"grievances": [], "kind": "other", "what": "x", "wanted": "y"}"#),
                [S, N, N, A, N],
            ),
            ("GET", format!("{base}/{n}"), None, [S, N, N, A, A]),
            ("GET", format!("{base}/{a}"), None, [S, N, N, A, N]),
            (
                "GET",
                format!("/api/v1/councils/warehouse/grievances/{n}"),
                None,
                HIDDEN,
            ),
            (
                "POST",
                format!("{base}/{n}/notes"),
                Some(note),
                [S, N, N, A, F],
            ),
            (
                "POST",
                format!("{base}/{a}/notes"),
                Some(note),
                [S, N, N, A, N],
            ),
            (
                "POST",
                format!("{base}/{n}/answers"),
                Some(note),
                [S, N, N, F, A],
            ),
            (
                "POST",
                format!("{base}/{a}/answers"),
                Some(note),
                [S, N, N, F, N],
            ),
            (
                "PUT",
                format!("{base}/{n}/status"),
                Some(r#"{"status": "raised-with-employer"}"#),
                [S, N, N, A, F],
            ),
            (
                "PUT",
                format!("{base}/{n}/assignee"),
                Some(r#"{"handle": "rosa"}"#),
                [S, N, N, A, F],
            ),
            (
                "POST",
                format!("{base}/{n}/deadlines"),
                Some(r#"{"label": "Meeting", "date": "2027-03-01"}"#),
                [S, N, N, A, F],
            ),
            (
                "POST",
                format!("{base}/{n}/deadlines/{}/done", f.deadlines[1]),
                None,
                [S, N, N, A, F],
            ),
            ("PUT", format!("{base}/{n}/pay"), Some(pay), [S, N, N, A, F]),
            ("PUT", format!("{base}/{a}/pay"), Some(pay), [S, N, N, A, N]),
            (
                "POST",
                format!("{base}/{n}/escalation"),
                Some(
                    r#"{"kind": "ordinary", "title": "Pay us", "body": "We demand the back pay"}"#,
                ),
                [S, N, N, A, F],
            ),
            ("GET", format!("/api/v1/grievances/follow/{t}"), None, ALL),
            (
                "GET",
                format!("/api/v1/grievances/follow/{wrong}"),
                None,
                NONE,
            ),
            (
                "POST",
                format!("/api/v1/grievances/follow/{t}/answers"),
                Some(r#"{"text": "All of October"}"#),
                ALL,
            ),
            (
                "POST",
                format!("/api/v1/grievances/follow/{wrong}/answers"),
                Some(r#"{"text": "All of October"}"#),
                NONE,
            ),
        ];
        for (method, path, json, expected) in calls {
            let page = api(&router, method, &path, b, json).await;
            assert_eq!(
                outcome(&page),
                expect(who, expected),
                "{who:?} {method} {path}"
            );
        }
    }
    f.app.stop().await;
}

#[tokio::test]
async fn the_anonymous_grievance_names_no_filer_to_its_organiser_through_pages_or_api() {
    let f = fixture().await;
    let router = f.app.router();
    let organiser = f.cookie(Who::Organiser).unwrap();
    let page = get(
        &router,
        &format!("/c/garment/grievances/{}", f.anonymous),
        Some(&organiser),
        None,
    )
    .await;
    assert_eq!(page.status.as_u16(), 200);
    assert!(!page.body.contains("lupe"));
    let json = api(
        &router,
        "GET",
        &format!("/api/v1/councils/garment/grievances/{}", f.anonymous),
        f.bearer(Who::Organiser).as_deref(),
        None,
    )
    .await;
    let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    assert_eq!(value["anonymous"], true);
    assert_eq!(value["filed_by"], serde_json::Value::Null);
    assert!(!json.body.contains("lupe"));
    let filer = f.member(Who::Filer).unwrap();
    let rows = councils_store::testing::dump(&f.app.server.db, "grievance").await;
    let anonymous = rows
        .iter()
        .find(|row| {
            row.iter()
                .any(|(c, v)| c == "grievance_id" && v.as_deref() == Some(f.anonymous.as_str()))
        })
        .unwrap();
    assert!(
        anonymous
            .iter()
            .all(|(_, v)| !v.as_deref().unwrap_or_default().contains(filer.id.as_str())),
        "the filer's member id is stored nowhere in the anonymous grievance"
    );
    f.app.stop().await;
}
