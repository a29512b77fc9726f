//! The strike the page and access tests share: the garment workers' committee carried a
//! strike vote and opened a strike run by a strike committee founded with it, which has a
//! treasurer; a picket shift needs three people; the fund has a pledge, a receipt against it
//! and a payment to ana.

#![allow(dead_code)]

use councils_app::motion::MotionDraft;
use councils_app::strike::fund::MovementForm;
use councils_app::strike::open::StrikeForm;
use councils_app::strike::rota::ShiftForm;
use councils_app::{Actor, App};
use councils_domain::motion::{Choice, YesNo};
use councils_domain::{CouncilKind, Language, MotionId, Role};
use councils_testkit::{TestApp, TestMember};

/// Who is who around the strike.
pub struct Strike {
    pub app: TestApp,
    /// Organiser of garment and (as its founder) of the strike committee.
    pub rosa: TestMember,
    /// A garment member who was paid from the fund.
    pub ana: TestMember,
    /// A garment member who was not.
    pub pablo: TestMember,
    /// The strike committee's treasurer.
    pub tesorera: TestMember,
    /// Organiser of the warehouse committee, not (yet) on strike.
    pub dmitri: TestMember,
    /// A member of a neighbourhood committee that has nothing to do with the strike.
    pub lupe: TestMember,
    pub strike: String,
    pub shift: String,
    pub vote: MotionId,
}

/// A strike vote put to `slug`, voted yes by `voters`, and closed: carried.
pub async fn carried_vote(app: &App, slug: &str, chair: &Actor, voters: &[Actor]) -> MotionId {
    let draft = MotionDraft {
        kind: "strike-vote".into(),
        method: "yes-no".into(),
        majority: "two-thirds".into(),
        quorum_percent: 50,
        texts: vec![(
            Language::En,
            "Strike vote: walk out until the back pay is paid".into(),
            "We stop work and picket until it is paid.".into(),
        )],
        ..MotionDraft::default()
    };
    let id = app.propose_motion(chair, slug, &draft).await.unwrap();
    app.open_voting(chair, slug, id.as_str(), None)
        .await
        .unwrap();
    for voter in voters {
        app.cast_ballot(voter, slug, id.as_str(), |_| Ok(Choice::YesNo(YesNo::Yes)))
            .await
            .unwrap();
    }
    app.close_voting(chair, slug, id.as_str()).await.unwrap();
    id
}

/// A day from now, in the app's clock.
pub fn tomorrow() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
        + 24 * 3600
}

pub async fn strike_on(app: TestApp, shift_starts: i64) -> Strike {
    app.found("barrio", CouncilKind::NeighbourhoodCommittee, "marisol")
        .await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let dmitri = app
        .found("warehouse", CouncilKind::WorkplaceCommittee, "dmitri")
        .await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let pablo = app
        .join("garment", Role::Member, "pablo", Language::En)
        .await;
    let lupe = app.join("barrio", Role::Member, "lupe", Language::Es).await;
    let a = app.app();
    let chair = app.actor(&rosa).await;
    let voters = [
        chair.clone(),
        app.actor(&ana).await,
        app.actor(&pablo).await,
    ];
    let vote = carried_vote(a, "garment", &chair, &voters).await;
    let strike = a
        .open_strike(
            &chair,
            "garment",
            &StrikeForm {
                motion: vote.to_string(),
                title: "Garment strike for the back pay".into(),
                demands: "Back pay for every Saturday since March\nWater and shade on the floor"
                    .into(),
                currency: "USD".into(),
                slug: "garment-strike".into(),
                name: "Garment Strike Committee".into(),
                ..StrikeForm::default()
            },
        )
        .await
        .unwrap()
        .to_string();
    let tesorera = app
        .join("garment-strike", Role::Treasurer, "tesorera", Language::Es)
        .await;
    let shift = a
        .add_shift(
            &chair,
            &strike,
            &ShiftForm {
                place: "Gate 3, Olympic Blvd".into(),
                starts_at: shift_starts,
                hours: 4,
                needed: 3,
            },
        )
        .await
        .unwrap()
        .to_string();
    let treasurer = app.actor(&tesorera).await;
    let record = |kind: &str, amount: &str, payee: &str, note: &str| MovementForm {
        kind: kind.into(),
        amount: amount.into(),
        payee: payee.into(),
        note: note.into(),
        ..MovementForm::default()
    };
    let pledge = a
        .record_movement(
            &treasurer,
            &strike,
            &record("pledge", "500", "", "Teamsters Local 63"),
        )
        .await
        .unwrap();
    a.record_movement(
        &treasurer,
        &strike,
        &MovementForm {
            pledge: pledge.to_string(),
            ..record("receipt", "300", "", "Teamsters Local 63, first half")
        },
    )
    .await
    .unwrap();
    a.record_movement(
        &treasurer,
        &strike,
        &record("payment", "120", "ana", "Rent, hardship"),
    )
    .await
    .unwrap();
    Strike {
        app,
        rosa,
        ana,
        pablo,
        tesorera,
        dmitri,
        lupe,
        strike,
        shift,
        vote,
    }
}

pub async fn strike() -> Strike {
    strike_on(TestApp::spawn().await, tomorrow()).await
}
