//! The garment workers' committee of the grievance tests (rosa and ana organise, lupe and
//! pablo are members), a wage-theft grievance filed through the form, and reading what it
//! answers.

#![allow(dead_code)]

use super::common::{Page, get, post};
use councils_app::live::Subscription;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};

/// 2027-01-15 10:00 UTC.
pub const START: i64 = 1_800_007_200;

pub struct Garment {
    pub app: TestApp,
    pub rosa: TestMember,
    pub ana: TestMember,
    pub lupe: TestMember,
    pub pablo: TestMember,
}

pub async fn garment(app: TestApp) -> Garment {
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let ana = app
        .join("garment", Role::Organiser, "ana", Language::Es)
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::Es)
        .await;
    let pablo = app
        .join("garment", Role::Member, "pablo", Language::En)
        .await;
    Garment {
        app,
        rosa,
        ana,
        lupe,
        pablo,
    }
}

pub const WAGE_THEFT: [(&str, &str); 8] = [
    ("kind", "wage-theft"),
    (
        "what",
        "They paid us 40 hours when we worked 52, every week since March.",
    ),
    ("when", "Since March"),
    ("affected", "The whole cutting line"),
    ("wanted", "The back pay, and a time clock we can read"),
    ("hours", "52"),
    ("rate", "16.90"),
    ("paid", "676"),
];

/// Files the wage-theft grievance as `who`; answers the redirect.
pub async fn file(g: &Garment, who: &TestMember, anonymous: bool) -> Page {
    let mut form = WAGE_THEFT.to_vec();
    form.push(("currency", "usd"));
    if anonymous {
        form.push(("anonymous", "yes"));
    }
    post(
        &g.app.router(),
        "/c/garment/grievances",
        &form,
        Some(&who.cookie()),
    )
    .await
}

/// The private link's token in the redirect after an anonymous filing.
pub fn token(page: &Page) -> String {
    let location = page.location().expect("a redirect");
    location
        .strip_prefix("/grievances/follow/")
        .and_then(|rest| rest.strip_suffix("?new=1"))
        .expect("the private link")
        .to_string()
}

/// The id of the only grievance in the organiser's list.
pub async fn only_id(g: &Garment) -> String {
    let list = get(
        &g.app.router(),
        "/c/garment/grievances",
        Some(&g.rosa.cookie()),
        None,
    )
    .await;
    let href = list.attr("#grievances li a", "href").expect("a grievance");
    href.rsplit('/').next().unwrap().to_string()
}

/// A fresh browser session for `who`, after the fake clock ran their old one out.
pub async fn signed_in_again(g: &Garment, who: &TestMember) -> String {
    let signed = g
        .app
        .app()
        .sign_in(
            &who.handle,
            &councils_domain::Passphrase::unchecked(councils_testkit::PASSPHRASE),
            "test",
            None,
            councils_app::ports::SessionKind::Browser,
        )
        .await
        .unwrap();
    format!("__Host-councils_session={}", signed.token.expose())
}

pub fn received(subscription: &mut Subscription) -> Vec<String> {
    let mut all = Vec::new();
    while let Ok(frame) = subscription.receiver.try_recv() {
        let text = std::str::from_utf8(&frame).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(text.trim_start_matches("data: ").trim()).unwrap();
        all.push(json["kind"].as_str().unwrap().to_string());
    }
    all
}
