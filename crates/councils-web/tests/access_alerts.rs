//! The access test for rapid response: every report, alert and settings route, page and API,
//! walked with every standing (anonymous, an organiser of another committee, pending, a plain
//! member, the reporter, a responder, a verifier, an organiser). Whoever may not read a report
//! gets 404, as if it did not exist; nobody outside the committee, and no member without the
//! role, reads a report or an alert.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{get, post, send};
use councils_app::council::SettingsForm;
use councils_domain::report::{Decision, FactsDraft};
use councils_domain::{CouncilKind, CouncilName, Language, Role};
use councils_testkit::{TestApp, TestMember};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Outsider,
    Pending,
    Member,
    Reporter,
    Responder,
    Verifier,
    Organiser,
}

const EVERYONE: [Who; 8] = [
    Who::Anonymous,
    Who::Outsider,
    Who::Pending,
    Who::Member,
    Who::Reporter,
    Who::Responder,
    Who::Verifier,
    Who::Organiser,
];

use Outcome::{Allowed as A, Forbidden as F, NotFound as N, SignIn as S};
use common::access::{Outcome, outcome};

/// What a request comes to for each standing, in the order of [`EVERYONE`].
type Expected = [Outcome; 8];

/// A step on a report: the path under `/reports/{id}/`, the form, the JSON body, how the
/// verifier left the report first (none: unanswered), and what it comes to.
type Step = (
    &'static str,
    Vec<(&'static str, &'static str)>,
    &'static str,
    Option<Decision>,
    Expected,
);

fn expect(who: Who, expected: Expected) -> Outcome {
    expected[EVERYONE.iter().position(|w| *w == who).unwrap()]
}

struct Fixture {
    app: TestApp,
    members: Vec<(Who, TestMember)>,
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

    /// A report filed by the reporter, as the verifier left it.
    async fn report(&self, place: &str, decision: Option<Decision>) -> String {
        let app = self.app.app();
        let reporter = self.app.actor(self.member(Who::Reporter).unwrap()).await;
        let id = app
            .file_report(
                &reporter,
                "boyle",
                &FactsDraft {
                    what: "Agents at a door".into(),
                    place: place.into(),
                    source: "saw-it".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        if let Some(decision) = decision {
            let verifier = self.app.actor(self.member(Who::Verifier).unwrap()).await;
            app.verify_report(&verifier, id.as_str(), decision, "")
                .await
                .unwrap();
        }
        id.to_string()
    }
}

/// Boyle Heights (organiser olga; vera verifies, rita responds, mateo reports, pablo is a
/// plain member, ana waits for vouches) and warehouse, whose organiser dmitri is no member.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    // Warehouse first: later founders join the first council, and dmitri must be in no other.
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let olga = app
        .found("boyle", CouncilKind::NeighbourhoodCommittee, "olga")
        .await;
    let mut members = vec![(Who::Organiser, olga.clone()), (Who::Outsider, dmitri)];
    for (who, role, handle) in [
        (Who::Verifier, Role::Verifier, "vera"),
        (Who::Responder, Role::Responder, "rita"),
        (Who::Reporter, Role::Member, "mateo"),
        (Who::Member, Role::Member, "pablo"),
    ] {
        members.push((who, app.join("boyle", role, handle, Language::En).await));
    }
    let organiser = app.actor(&olga).await;
    app.app()
        .update_council(
            &organiser,
            "boyle",
            &SettingsForm {
                names: vec![CouncilName {
                    language: Language::En,
                    name: "Boyle Heights".into(),
                    description: String::new(),
                }],
                vouches_required: 2,
                members_per_delegate: 25,
                minimum_seats: 1,
            },
        )
        .await
        .unwrap();
    members.push((
        Who::Pending,
        app.join("boyle", Role::Member, "ana", Language::En).await,
    ));
    Fixture { app, members }
}

#[tokio::test]
async fn reports_and_alerts_are_read_only_by_those_of_the_committee_with_the_role() {
    let f = fixture().await;
    let router = f.app.router();
    let filed = f.report("Soto St & 1st St", None).await;
    let alert = f
        .report("Cesar Chavez & Mott", Some(Decision::Confirm))
        .await;
    let false_alarm = f.report("Breed St", Some(Decision::FalseAlarm)).await;
    for who in EVERYONE {
        let cookie = f.cookie(who);
        let pages = [
            ("/c/boyle/alerts".to_string(), [S, F, F, A, A, A, A, A]),
            ("/c/boyle/reports/new".to_string(), [S, F, F, A, A, A, A, A]),
            (
                "/c/boyle/rapid-response".to_string(),
                [S, F, F, F, F, F, F, A],
            ),
            (format!("/reports/{filed}"), [S, N, N, N, A, N, A, A]),
            (format!("/reports/{filed}/live"), [S, N, N, N, A, N, A, A]),
            (format!("/reports/{filed}/card"), [S, N, N, N, A, N, A, A]),
            (format!("/reports/{alert}"), [S, N, N, N, A, A, A, A]),
            (format!("/reports/{alert}/card"), [S, N, N, N, A, A, A, A]),
            (format!("/reports/{false_alarm}"), [S, N, N, N, A, N, A, A]),
            (
                "/reports/no-such-report".to_string(),
                [S, N, N, N, N, N, N, N],
            ),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, cookie.as_deref(), None).await;
            assert_eq!(
                outcome(&page),
                expect(who, expected),
                "{who:?} GET {path}: {}",
                page.status
            );
        }
        // The queue shows each reader only what they may read.
        let queue = get(&router, "/c/boyle/alerts", cookie.as_deref(), None).await;
        if queue.status == 200 {
            let places = queue.texts("#report-list .report-place");
            let sees = |place: &str| places.iter().any(|p| p == place);
            let verifier = matches!(who, Who::Verifier | Who::Organiser);
            assert_eq!(
                sees("Soto St & 1st St"),
                verifier || who == Who::Reporter,
                "{who:?}"
            );
            assert_eq!(
                sees("Cesar Chavez & Mott"),
                verifier || matches!(who, Who::Reporter | Who::Responder),
                "{who:?}"
            );
            assert_eq!(
                sees("Breed St"),
                verifier || who == Who::Reporter,
                "{who:?}"
            );
        }
    }
    f.app.stop().await;
}

#[tokio::test]
async fn the_api_answers_not_found_to_anyone_who_may_not_read_a_report() {
    let f = fixture().await;
    let router = f.app.router();
    let filed = f.report("Soto St & 1st St", None).await;
    let alert = f
        .report("Cesar Chavez & Mott", Some(Decision::Confirm))
        .await;
    for who in EVERYONE {
        let bearer = f.bearer(who);
        let calls = [
            (format!("/api/v1/reports/{filed}"), [S, N, N, N, A, N, A, A]),
            (format!("/api/v1/reports/{alert}"), [S, N, N, N, A, A, A, A]),
            (
                "/api/v1/councils/boyle/reports".to_string(),
                [S, F, F, A, A, A, A, A],
            ),
        ];
        for (path, expected) in calls {
            let mut request = Request::get(&path);
            if let Some(bearer) = &bearer {
                request = request.header("authorization", bearer);
            }
            let page = send(&router, request.body(Body::empty()).unwrap()).await;
            assert_eq!(
                outcome(&page),
                expect(who, expected),
                "{who:?} GET {path}: {}",
                page.status
            );
            if page.status.is_client_error() {
                let error: serde_json::Value = serde_json::from_str(&page.body).unwrap();
                assert!(error["error"]["code"].is_string());
                assert!(!page.body.contains("Soto"), "nothing of the report leaks");
            }
        }
        let listed = send(
            &router,
            match &bearer {
                Some(b) => {
                    Request::get("/api/v1/councils/boyle/reports").header("authorization", b)
                }
                None => Request::get("/api/v1/councils/boyle/reports"),
            }
            .body(Body::empty())
            .unwrap(),
        )
        .await;
        if listed.status == 200 {
            let shows_filed = listed.body.contains("Soto St");
            assert_eq!(
                shows_filed,
                matches!(who, Who::Reporter | Who::Verifier | Who::Organiser),
                "{who:?}"
            );
        }
    }
    f.app.stop().await;
}

#[tokio::test]
async fn only_the_right_roles_take_answer_respond_update_and_close_through_pages_and_api() {
    let f = fixture().await;
    let router = f.app.router();
    for who in EVERYONE {
        let cookie = f.cookie(who);
        let bearer = f.bearer(who);
        let steps: [Step; 7] = [
            ("take", vec![], "{}", None, [S, N, N, N, F, N, A, A]),
            (
                "verification",
                vec![("outcome", "confirmed")],
                r#"{"outcome":"confirmed"}"#,
                None,
                [S, N, N, N, F, N, A, A],
            ),
            (
                "info",
                vec![("text", "Now four vans")],
                r#"{"text":"Now four vans"}"#,
                None,
                [S, N, N, N, A, N, F, F],
            ),
            (
                "responses",
                vec![("role", "documentation")],
                r#"{"role":"documentation"}"#,
                Some(Decision::Confirm),
                [S, N, N, N, F, A, F, F],
            ),
            (
                "updates",
                vec![("text", "They left")],
                r#"{"text":"They left"}"#,
                Some(Decision::Confirm),
                [S, N, N, N, A, A, A, A],
            ),
            (
                "close",
                vec![("text", "Nobody taken")],
                r#"{"outcome":"Nobody taken"}"#,
                Some(Decision::Confirm),
                [S, N, N, N, F, F, A, A],
            ),
            (
                "responses",
                vec![("role", "documentation")],
                r#"{"role":"documentation"}"#,
                Some(Decision::FalseAlarm),
                [S, N, N, N, F, N, F, F],
            ),
        ];
        for (step, form, json, decision, expected) in steps {
            let id = f.report("Soto St & 1st St", decision).await;
            let path = format!("/reports/{id}/{step}");
            let page = post(&router, &path, &form, cookie.as_deref()).await;
            let got = match (outcome(&page), page.status.as_u16()) {
                // A refused step on a report the reader may see comes back as the page with
                // the error: a false alarm refuses "on my way" in words.
                (_, 409 | 422) => F,
                (o, _) => o,
            };
            assert_eq!(
                got,
                expect(who, expected),
                "{who:?} POST {path}: {}",
                page.status
            );

            let id = f.report("Soto St & 1st St", decision).await;
            let path = format!("/api/v1/reports/{id}/{step}");
            let mut request = Request::post(&path).header("content-type", "application/json");
            if let Some(bearer) = &bearer {
                request = request.header("authorization", bearer);
            }
            let page = send(&router, request.body(Body::from(json.to_string())).unwrap()).await;
            let got = match page.status.as_u16() {
                409 | 422 => F,
                _ => outcome(&page),
            };
            assert_eq!(
                got,
                expect(who, expected),
                "{who:?} POST {path}: {}",
                page.status
            );
        }
        let filed = post(
            &router,
            "/c/boyle/reports",
            &[("what", "Vans"), ("place", "Mott St"), ("source", "saw-it")],
            cookie.as_deref(),
        )
        .await;
        assert_eq!(
            outcome(&filed),
            expect(who, [S, F, F, A, A, A, A, A]),
            "{who:?} files a report"
        );
        let settings = post(
            &router,
            "/c/boyle/rapid-response",
            &[("closed_days", "3")],
            cookie.as_deref(),
        )
        .await;
        assert_eq!(
            outcome(&settings),
            expect(who, [S, F, F, F, F, F, F, A]),
            "{who:?} changes the settings"
        );
    }
    f.app.stop().await;
}
