//! The access test for council democracy: every delegate, election, mandate, recall,
//! delegation-rules and referendum route, page and API call, walked with every role
//! (anonymous, pending, member, organiser of another council, organiser).

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{get, post, send};
use councils_app::council::SettingsForm;
use councils_app::democracy::RulesForm;
use councils_app::democracy::election::ElectionDraft;
use councils_domain::motion::Choice;
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

use Outcome::{Allowed as A, Forbidden as F, Refused as R, SignIn as S};
/// What a request came to.
use common::access::{Outcome, outcome};

/// A form post: path, fields, and what it comes to for each role.
type Form<'a> = (String, Vec<(&'a str, &'a str)>, [Outcome; 5]);

fn expect(who: Who, [anonymous, pending, member, other, organiser]: [Outcome; 5]) -> Outcome {
    match who {
        Who::Anonymous => anonymous,
        Who::Pending => pending,
        Who::Member => member,
        Who::OtherOrganiser => other,
        Who::Organiser => organiser,
    }
}

struct Fixture {
    app: TestApp,
    cityorg: TestMember,
    marta: TestMember,
    rosa: TestMember,
    lupe: TestMember,
    ana: TestMember,
    dmitri: TestMember,
    /// Lupe's seat in the city council.
    delegate: String,
    /// A city motion in voting.
    city_motion: String,
}

/// The city council; garment (organiser rosa, members lupe and marta, ana pending) sends
/// lupe to it; dmitri organises the warehouse committee and is no member of garment. Marta
/// has started a recall of lupe (three signatures needed); a city motion is voting.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    let cityorg = app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::En)
        .await;
    let marta = app
        .join("garment", Role::Member, "marta", Language::En)
        .await;
    let organiser = app.actor(&rosa).await;
    app.app()
        .update_council(
            &organiser,
            "garment",
            &SettingsForm {
                names: vec![CouncilName {
                    language: Language::En,
                    name: "Garment".into(),
                    description: String::new(),
                }],
                vouches_required: 2,
                members_per_delegate: 25,
                minimum_seats: 1,
            },
        )
        .await
        .unwrap();
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    app.app()
        .request_link(&organiser, "garment", "city")
        .await
        .unwrap();
    let city = app.actor(&cityorg).await;
    app.app()
        .accept_link(&city, "city", "garment")
        .await
        .unwrap();
    app.app()
        .set_delegation_rules(
            &organiser,
            "garment",
            &RulesForm {
                term_cap: 0,
                mandate_policy: "refuse".into(),
                recall_threshold: "count".into(),
                recall_num: 3,
                recall_den: 0,
                recall_mode: "remove-at-threshold".into(),
                vote_weighting: "members".into(),
            },
        )
        .await
        .unwrap();
    let election = app
        .app()
        .call_election(
            &organiser,
            "garment",
            &ElectionDraft {
                parent: "city".into(),
                term_months: 6,
                candidates: vec!["lupe".into(), "rosa".into()],
                texts: vec![(Language::En, "Delegate to the city".into(), String::new())],
            },
        )
        .await
        .unwrap();
    app.app()
        .open_voting(&organiser, "garment", election.as_str(), None)
        .await
        .unwrap();
    for who in [&rosa, &lupe, &marta] {
        let actor = app.actor(who).await;
        app.app()
            .cast_ballot(&actor, "garment", election.as_str(), |_| {
                Ok(Choice::Ranked(vec![vec![0], vec![1]]))
            })
            .await
            .unwrap();
    }
    app.app()
        .close_voting(&organiser, "garment", election.as_str())
        .await
        .unwrap();
    let delegate = app
        .app()
        .delegates(&organiser, "garment")
        .await
        .unwrap()
        .sent[0]
        .id
        .to_string();
    let marta_actor = app.actor(&marta).await;
    app.app()
        .start_recall(
            &marta_actor,
            "garment",
            &delegate,
            "Not reporting back",
            &|_, _, _, _| ("Recall".into(), "Recall".into()),
        )
        .await
        .unwrap();
    let draft = councils_app::motion::MotionDraft {
        kind: "ordinary".into(),
        method: "yes-no".into(),
        majority: "simple".into(),
        texts: vec![(Language::En, "A citywide fund".into(), String::new())],
        ..Default::default()
    };
    let city_motion = app
        .app()
        .propose_motion(&city, "city", &draft)
        .await
        .unwrap();
    app.app()
        .open_voting(&city, "city", city_motion.as_str(), None)
        .await
        .unwrap();
    Fixture {
        app,
        cityorg,
        marta,
        rosa,
        lupe,
        ana,
        dmitri,
        delegate,
        city_motion: city_motion.to_string(),
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

#[tokio::test]
async fn every_democracy_page_is_seen_only_by_those_who_may_see_it() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let d = &f.delegate;
        let pages = [
            ("/c/garment/delegates".to_string(), [S, F, A, F, A]),
            (format!("/c/garment/delegates/{d}"), [S, F, A, F, A]),
            (format!("/c/garment/delegates/{d}/recall"), [S, F, A, F, A]),
            ("/c/garment/elections/new".to_string(), [S, F, F, F, A]),
            ("/c/garment/mandates".to_string(), [S, F, A, F, A]),
            ("/c/garment/delegation".to_string(), [S, F, F, F, A]),
            // Every founder here is a member of the city (the first council), and lupe
            // sits there as garment's delegate; ana is only pending in garment.
            ("/c/city/delegates".to_string(), [S, F, A, A, A]),
            (format!("/c/city/delegates/{d}"), [S, F, A, A, A]),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, cookie.as_deref(), None).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} GET {path}");
        }
        f.app.stop().await;
    }
}

#[tokio::test]
async fn every_democracy_form_is_posted_only_by_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let d = f.delegate.clone();
        let city_motion = f.city_motion.clone();
        let forms: Vec<Form> = vec![
            (
                "/c/garment/elections".into(),
                vec![
                    ("parent", "city"),
                    ("term_months", "6"),
                    ("candidate", "rosa"),
                    ("candidate", "lupe"),
                    ("title_en", "Delegates"),
                ],
                [S, F, F, F, A],
            ),
            (
                "/c/garment/mandates".into(),
                vec![("for_motion", &city_motion)],
                [S, F, A, F, A],
            ),
            (
                "/c/garment/delegation".into(),
                vec![
                    ("term_cap", "2"),
                    ("mandate_policy", "record-and-flag"),
                    ("recall_threshold", "majority"),
                    ("recall_mode", "open-recall-vote"),
                    ("vote_weighting", "seats"),
                ],
                [S, F, F, F, A],
            ),
            // A recall of lupe is already open: a second is refused to those who may ask.
            (
                format!("/c/garment/delegates/{d}/recall"),
                vec![("reason", "again")],
                [S, F, R, F, R],
            ),
            (
                format!("/c/garment/delegates/{d}/recall/sign"),
                vec![],
                [S, F, A, F, A],
            ),
            // Only the city's organisers chair its motions.
            (
                format!("/c/city/motions/{city_motion}/referendum"),
                vec![],
                [S, F, F, F, F],
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
        f.app.stop().await;
    }
}

#[tokio::test]
async fn every_democracy_api_call_is_answered_only_to_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let bearer = f.bearer(who);
        let d = f.delegate.clone();
        let base = "/api/v1/councils/garment";
        let mandate = format!(r#"{{"for_motion":"{}"}}"#, f.city_motion);
        let calls: Vec<(&str, String, Option<String>, [Outcome; 5])> = vec![
            ("GET", format!("{base}/delegates"), None, [S, F, A, F, A]),
            (
                "GET",
                format!("{base}/delegates/{d}"),
                None,
                [S, F, A, F, A],
            ),
            (
                "GET",
                format!("{base}/delegates/{d}/recall"),
                None,
                [S, F, A, F, A],
            ),
            (
                "POST",
                format!("{base}/delegates/{d}/recall"),
                Some(r#"{"reason":"again"}"#.into()),
                [S, F, R, F, R],
            ),
            (
                "POST",
                format!("{base}/delegates/{d}/recall/signatures"),
                None,
                [S, F, A, F, A],
            ),
            ("GET", format!("{base}/mandates"), None, [S, F, A, F, A]),
            (
                "POST",
                format!("{base}/mandates"),
                Some(mandate),
                [S, F, A, F, A],
            ),
            (
                "POST",
                format!("{base}/elections"),
                Some(
                    r#"{"parent":"city","term_months":6,"candidates":["rosa","lupe"],
                        "texts":[{"language":"en","title":"Delegates"}]}"#
                        .into(),
                ),
                [S, F, F, F, A],
            ),
        ];
        for (method, path, body, expected) in calls {
            let mut request = Request::builder().method(method).uri(&path);
            if let Some(bearer) = &bearer {
                request = request.header("authorization", bearer);
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
                expect(who, expected),
                "{who:?} {method} {path}: {}",
                page.body
            );
        }
        f.app.stop().await;
    }
}

#[tokio::test]
async fn a_base_member_sees_and_votes_on_a_referendum_only_and_an_outsider_on_nothing() {
    let f = fixture().await;
    let router = f.app.router();
    // Wanda is a member of the warehouse committee only, which is no constituent of the city.
    let wanda = f
        .app
        .join("warehouse", Role::Member, "wanda", Language::En)
        .await;
    let city = f.app.actor(&f.cityorg).await;
    let draft = councils_app::motion::MotionDraft {
        kind: "ordinary".into(),
        method: "yes-no".into(),
        majority: "simple".into(),
        texts: vec![(Language::En, "A citywide rent strike".into(), String::new())],
        ..Default::default()
    };
    let id = f
        .app
        .app()
        .propose_motion(&city, "city", &draft)
        .await
        .unwrap();
    let referendum = format!("/c/city/motions/{id}");
    let not_chair = post(
        &router,
        &format!("{referendum}/referendum"),
        &[],
        Some(&f.rosa.cookie()),
    )
    .await;
    assert_eq!(outcome(&not_chair), F, "a city member who does not chair");
    let called = post(
        &router,
        &format!("{referendum}/referendum"),
        &[],
        Some(&f.cityorg.cookie()),
    )
    .await;
    assert_eq!(outcome(&called), A);
    let voting = post(
        &router,
        &format!("{referendum}/voting"),
        &[],
        Some(&f.cityorg.cookie()),
    )
    .await;
    assert_eq!(outcome(&voting), A);
    let other = format!("/c/city/motions/{}", f.city_motion);
    let cases = [
        (&f.marta, A, A, F, F, "a base member of garment"),
        (&f.ana, F, F, F, F, "pending in garment"),
        (&wanda, F, F, F, F, "outside the subtree"),
    ];
    for (who, sees, votes, comments, sees_other, what) in cases {
        let cookie = Some(who.cookie());
        let page = get(&router, &referendum, cookie.as_deref(), None).await;
        assert_eq!(outcome(&page), sees, "{what} sees the referendum");
        let ballot = post(
            &router,
            &format!("{referendum}/ballot"),
            &[("choice", "yes")],
            cookie.as_deref(),
        )
        .await;
        assert_eq!(outcome(&ballot), votes, "{what} votes in it");
        let comment = post(
            &router,
            &format!("{referendum}/comments"),
            &[("body", "yes")],
            cookie.as_deref(),
        )
        .await;
        assert_eq!(outcome(&comment), comments, "{what} comments on it");
        let page = get(&router, &other, cookie.as_deref(), None).await;
        assert_eq!(
            outcome(&page),
            sees_other,
            "{what} sees another city motion"
        );
    }
    let agenda = get(&router, "/c/city/motions", Some(&f.marta.cookie()), None).await;
    assert_eq!(outcome(&agenda), F, "nor the city's agenda");
    f.app.stop().await;
}
