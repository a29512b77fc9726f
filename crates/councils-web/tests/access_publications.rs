//! The access test for publications: every page, form and API call, walked with every role
//! (signed out, an organiser of another council, a plain member, the organiser). A private
//! publication and a draft are not found by a member who may not read them (a signed-out
//! visitor's page asks them to sign in; the API says not found); a public one is read signed
//! out, but only members comment and only organisers publish and moderate.

mod common;

use common::{get, post};
use councils_app::publication::PublicationForm;
use councils_domain::publication::PublicationText;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Outsider,
    Member,
    Organiser,
}

const EVERYONE: [Who; 4] = [Who::Anonymous, Who::Outsider, Who::Member, Who::Organiser];

use Outcome::{Allowed as A, Forbidden as F, NotFound as N, SignIn as S};
use common::access::{Outcome, api, outcome};

/// A form post: path, fields, and what it comes to for each role.
type FormCase<'a> = (String, Vec<(&'a str, &'a str)>, [Outcome; 4]);

fn expect(who: Who, expected: [Outcome; 4]) -> Outcome {
    expected[EVERYONE.iter().position(|w| *w == who).unwrap()]
}

struct Fixture {
    app: TestApp,
    members: Vec<(Who, TestMember)>,
    private: String,
    public: String,
    draft: String,
    /// A comment on the public publication, and one on the private one.
    comment: String,
    private_comment: String,
}

fn texts(title: &str) -> Vec<PublicationText> {
    vec![
        PublicationText {
            language: Language::En,
            title: title.into(),
            body: "Assaults on migrant workers are assaults on all workers.".into(),
        },
        PublicationText {
            language: Language::Es,
            title: format!("{title} (es)"),
            body: "Los ataques a los migrantes son ataques a todos.".into(),
        },
    ]
}

/// barrio (organiser rosa, member pablo) has a private and a public publication, both out,
/// and a draft; pablo commented on both published ones. dmitri organises warehouse.
async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("barrio", CouncilKind::NeighbourhoodCommittee, "rosa")
        .await;
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let pablo = app
        .join("barrio", Role::Member, "pablo", Language::En)
        .await;
    let organiser = app.actor(&rosa).await;
    let member = app.actor(&pablo).await;
    let a = app.app();
    let mut ids = Vec::new();
    for (title, public) in [("Private", false), ("Public", true), ("Draft", true)] {
        let id = a
            .draft_publication(
                &organiser,
                "barrio",
                PublicationForm {
                    texts: texts(title),
                    public,
                },
            )
            .await
            .unwrap()
            .to_string();
        if title != "Draft" {
            a.publish_publication(&organiser, "barrio", &id)
                .await
                .unwrap();
        }
        ids.push(id);
    }
    let comment = a
        .comment_on_publication(&member, "barrio", &ids[1], None, "On the public one")
        .await
        .unwrap()
        .to_string();
    let private_comment = a
        .comment_on_publication(&member, "barrio", &ids[0], None, "On the private one")
        .await
        .unwrap()
        .to_string();
    Fixture {
        app,
        members: vec![
            (Who::Outsider, dmitri),
            (Who::Member, pablo),
            (Who::Organiser, rosa),
        ],
        private: ids[0].clone(),
        public: ids[1].clone(),
        draft: ids[2].clone(),
        comment,
        private_comment,
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

#[tokio::test]
async fn every_publication_page_is_seen_only_by_those_who_may_read_it() {
    let f = fixture().await;
    let router = f.app.router();
    let (pr, pu, dr) = (&f.private, &f.public, &f.draft);
    for who in EVERYONE {
        let cookie = f.cookie(who);
        let pages = [
            ("/publications".to_string(), [A, A, A, A]),
            ("/publications/feed.atom".to_string(), [A, A, A, A]),
            ("/c/barrio/publications".to_string(), [A, A, A, A]),
            ("/c/warehouse/publications".to_string(), [S, A, N, N]),
            ("/c/barrio/publications/new".to_string(), [S, F, F, A]),
            (format!("/c/barrio/publications/{pr}"), [S, N, A, A]),
            (format!("/c/barrio/publications/{pu}"), [A, A, A, A]),
            (format!("/c/barrio/publications/{dr}"), [S, N, N, A]),
            (format!("/c/warehouse/publications/{pu}"), [S, N, N, N]),
            (
                format!("/c/barrio/publications/{pr}/leaflet.pdf"),
                [S, N, A, A],
            ),
            (
                format!("/c/barrio/publications/{pu}/leaflet.pdf"),
                [A, A, A, A],
            ),
            (
                format!("/c/barrio/publications/{dr}/leaflet.pdf"),
                [S, N, N, A],
            ),
            (format!("/c/barrio/publications/{pu}/edit"), [S, F, F, A]),
            (format!("/c/barrio/publications/{pr}/edit"), [S, N, F, A]),
            (format!("/c/barrio/publications/{dr}/edit"), [S, N, N, A]),
        ];
        for (path, expected) in pages {
            let page = get(&router, &path, cookie.as_deref(), None).await;
            assert_eq!(outcome(&page), expect(who, expected), "{who:?} GET {path}");
        }
        // Lists and the feed show only what the reader may read.
        let list = get(&router, "/c/barrio/publications", cookie.as_deref(), None).await;
        assert!(list.body.contains(&format!("/c/barrio/publications/{pu}")));
        assert_eq!(
            list.body.contains(&format!("/c/barrio/publications/{pr}")),
            matches!(who, Who::Member | Who::Organiser),
            "{who:?} list"
        );
        assert_eq!(
            list.body.contains(&format!("/c/barrio/publications/{dr}")),
            who == Who::Organiser,
            "{who:?} list"
        );
        let feed = get(&router, "/publications/feed.atom", cookie.as_deref(), None).await;
        assert!(feed.body.contains(&format!("/c/barrio/publications/{pu}")));
        assert!(!feed.body.contains(pr.as_str()) && !feed.body.contains(dr.as_str()));
        // Commenting is offered to members only; moderating to organisers only.
        let public = get(
            &router,
            &format!("/c/barrio/publications/{pu}"),
            cookie.as_deref(),
            None,
        )
        .await;
        assert_eq!(
            public.body.contains("id=\"comment-form\""),
            matches!(who, Who::Member | Who::Organiser),
            "{who:?} comment form"
        );
        assert_eq!(
            public.body.contains("/moderation"),
            who == Who::Organiser,
            "{who:?} moderation"
        );
    }
    f.app.stop().await;
}

#[tokio::test]
async fn every_publication_form_is_posted_only_by_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let cookie = f.cookie(who);
        let (pr, pu, dr) = (f.private.clone(), f.public.clone(), f.draft.clone());
        let (c, pc) = (f.comment.clone(), f.private_comment.clone());
        let forms: Vec<FormCase> = vec![
            (
                "/c/barrio/publications".into(),
                vec![("title_en", "New"), ("body_en", "Text")],
                [S, F, F, A],
            ),
            (
                format!("/c/barrio/publications/{pu}/comments"),
                vec![("body", "A comment")],
                [S, F, A, A],
            ),
            (
                format!("/c/barrio/publications/{pu}/comments"),
                vec![("body", "A reply"), ("parent", c.as_str())],
                [S, F, A, A],
            ),
            (
                format!("/c/barrio/publications/{pr}/comments"),
                vec![("body", "A comment")],
                [S, N, A, A],
            ),
            (
                format!("/c/barrio/publications/{pu}/comments/{c}/moderation"),
                vec![("action", "hide")],
                [S, F, F, A],
            ),
            (
                format!("/c/barrio/publications/{pr}/comments/{pc}/moderation"),
                vec![("action", "remove")],
                [S, N, F, A],
            ),
            (
                format!("/c/barrio/publications/{dr}/publish"),
                vec![],
                [S, N, N, A],
            ),
            (
                format!("/c/barrio/publications/{pr}/visibility"),
                vec![("public", "yes")],
                [S, N, F, A],
            ),
            (
                format!("/c/barrio/publications/{pu}/edit"),
                vec![("title_en", "Changed"), ("body_en", "Changed text")],
                [S, F, F, A],
            ),
            (
                format!("/c/barrio/publications/{pr}/edit"),
                vec![("title_en", "Changed"), ("body_en", "Changed text")],
                [S, N, F, A],
            ),
            (
                format!("/c/barrio/publications/{pu}/delete"),
                vec![("sure", "yes")],
                [S, F, F, A],
            ),
            (
                format!("/c/barrio/publications/{pr}/delete"),
                vec![("sure", "yes")],
                [S, N, F, A],
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
async fn every_publication_api_call_is_answered_only_to_those_who_may() {
    for who in EVERYONE {
        let f = fixture().await;
        let router = f.app.router();
        let bearer = f.bearer(who);
        let b = bearer.as_deref();
        let (pr, pu, dr) = (f.private.clone(), f.public.clone(), f.draft.clone());
        let (c, pc) = (f.comment.clone(), f.private_comment.clone());
        let base = "/api/v1/councils/barrio/publications";
        let calls: Vec<(&str, String, Option<String>, [Outcome; 4])> = vec![
            ("GET", "/api/v1/publications".into(), None, [A, A, A, A]),
            ("GET", base.into(), None, [A, A, A, A]),
            ("GET", format!("{base}/{pr}"), None, [N, N, A, A]),
            ("GET", format!("{base}/{pu}"), None, [A, A, A, A]),
            ("GET", format!("{base}/{dr}"), None, [N, N, N, A]),
            (
                "GET",
                format!("{base}/{pr}/leaflet.pdf"),
                None,
                [N, N, A, A],
            ),
            (
                "POST",
                base.into(),
                Some(
                    r#"{"texts":[{"language":"en","title":"T","body":"B"}],"public":true}"#.into(),
                ),
                [S, F, F, A],
            ),
            (
                "POST",
                format!("{base}/{pu}/comments"),
                Some(format!(r#"{{"body":"A reply","parent":"{c}"}}"#)),
                [S, F, A, A],
            ),
            (
                "POST",
                format!("{base}/{pr}/comments"),
                Some(r#"{"body":"A comment"}"#.into()),
                [S, N, A, A],
            ),
            (
                "POST",
                format!("{base}/{pu}/comments/{c}/moderation"),
                Some(r#"{"action":"hide"}"#.into()),
                [S, F, F, A],
            ),
            (
                "POST",
                format!("{base}/{pr}/comments/{pc}/moderation"),
                Some(r#"{"action":"remove"}"#.into()),
                [S, N, F, A],
            ),
            ("POST", format!("{base}/{dr}/publish"), None, [S, N, N, A]),
            (
                "PUT",
                format!("{base}/{pr}/public"),
                Some(r#"{"public":true}"#.into()),
                [S, N, F, A],
            ),
            (
                "PUT",
                format!("{base}/{pu}"),
                Some(r#"{"texts":[{"language":"es","title":"T","body":"B"}]}"#.into()),
                [S, F, F, A],
            ),
            (
                "PUT",
                format!("{base}/{pr}"),
                Some(r#"{"texts":[{"language":"es","title":"T","body":"B"}]}"#.into()),
                [S, N, F, A],
            ),
            ("DELETE", format!("{base}/{pu}"), None, [S, F, F, A]),
            ("DELETE", format!("{base}/{pr}"), None, [S, N, F, A]),
        ];
        for (method, path, json, expected) in calls {
            let page = api(&router, method, &path, b, json.as_deref()).await;
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
