//! The instance the events and mutual-aid tests share: a neighbourhood committee linked to
//! the city council, an event of the committee shared with the city and one kept to itself,
//! and mutual-aid posts (one shared with the city, one not).

#![allow(dead_code)]

use councils_app::event::EventForm;
use councils_app::mutual_aid::AidForm;
use councils_domain::event::{EventRole, EventText};
use councils_domain::mutual_aid::AidText;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};

pub struct Gathering {
    pub app: TestApp,
    /// Organiser of barrio (and, as every founder, a member of the city).
    pub rosa: TestMember,
    /// Plain members of barrio.
    pub pablo: TestMember,
    pub lupe: TestMember,
    /// A member of the city council only.
    pub carmen: TestMember,
    /// A member of the warehouse committee only.
    pub stranger: TestMember,
    /// A march of barrio shared with the city, needing 2 marshals and 1 medic.
    pub event: String,
    /// An assembly of barrio shared with no one.
    pub private_event: String,
    /// Lupe's request for rides in Boyle Heights for a detained neighbour's family, shared
    /// with the city.
    pub request: String,
    /// Pablo's offer of rides in Boyle Heights, kept to barrio.
    pub offer: String,
}

/// A protest form of barrio.
pub fn march(share: &[&str]) -> EventForm {
    EventForm {
        kind: "protest".into(),
        text: EventText {
            title: "March for the Nine, City Hall".into(),
            place: "Mariachi Plaza, then 1st St to City Hall".into(),
            languages: "English, Spanish".into(),
            accessibility: "Step-free route; a van for those who cannot walk the whole way".into(),
            details: "Bring water; wear white".into(),
        },
        starts: "2030-01-12T10:00".into(),
        ends: "2030-01-12T13:00".into(),
        offset: "-08:00".into(),
        needs: vec![(EventRole::Marshal, 2), (EventRole::Medic, 1)],
        share: share.iter().map(|s| s.to_string()).collect(),
    }
}

/// A mutual-aid form.
pub fn aid(direction: &str, kind: &str, area: &str, details: &str, for_whom: &str) -> AidForm {
    AidForm {
        direction: direction.into(),
        kind: kind.into(),
        for_other: !for_whom.is_empty(),
        text: AidText {
            area: area.into(),
            details: details.into(),
            for_whom: for_whom.into(),
        },
        share: Vec::new(),
    }
}

pub async fn gathering() -> Gathering {
    gathering_on(TestApp::spawn().await).await
}

pub async fn gathering_on(app: TestApp) -> Gathering {
    let cityorg = app.found("city", CouncilKind::CityCouncil, "cityorg").await;
    let rosa = app
        .found("barrio", CouncilKind::NeighbourhoodCommittee, "rosa")
        .await;
    app.found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let pablo = app
        .join("barrio", Role::Member, "pablo", Language::En)
        .await;
    let lupe = app.join("barrio", Role::Member, "lupe", Language::Es).await;
    let carmen = app.join("city", Role::Member, "carmen", Language::En).await;
    let stranger = app
        .join("warehouse", Role::Member, "stranger", Language::En)
        .await;
    let a = app.app();
    let organiser = app.actor(&rosa).await;
    a.request_link(&organiser, "barrio", "city").await.unwrap();
    a.accept_link(&app.actor(&cityorg).await, "city", "barrio")
        .await
        .unwrap();
    let event = a
        .call_event(&organiser, "barrio", &march(&["city"]))
        .await
        .unwrap()
        .to_string();
    let mut assembly = march(&[]);
    assembly.kind = "assembly".into();
    assembly.text.title = "Barrio assembly".into();
    let private_event = a
        .call_event(&organiser, "barrio", &assembly)
        .await
        .unwrap()
        .to_string();
    let mut request = aid(
        "request",
        "rides",
        "Boyle Heights",
        "Rides to the Adelanto visiting hours on Saturday",
        "The family of a neighbour detained on Tuesday: his wife and two children",
    );
    request.share = vec!["city".into()];
    let request = a
        .post_aid(&app.actor(&lupe).await, "barrio", &request)
        .await
        .unwrap()
        .to_string();
    let offer = a
        .post_aid(
            &app.actor(&pablo).await,
            "barrio",
            &aid(
                "offer",
                "rides",
                "boyle heights",
                "I have a van with seven seats on weekends",
                "",
            ),
        )
        .await
        .unwrap()
        .to_string();
    Gathering {
        app,
        rosa,
        pablo,
        lupe,
        carmen,
        stranger,
        event,
        private_event,
        request,
        offer,
    }
}
