//! The demo's strike in progress: the Inland Empire warehouse workers carried a strike vote
//! by secret ballot (two thirds of votes cast, half the members voting) and went on strike,
//! run by the warehouse strike committee they already send delegates to. The strike has its
//! demands, a picket rota for the coming days with some shifts short of people, and a fund
//! kept by the strike committee's treasurer with pledges, receipts and hardship payments.

use anyhow::Context;
use councils_app::App;
use councils_app::crypto::new_id;
use councils_app::ports::{CouncilStore, InvitationRecord, InvitationStore, MembershipStore};
use councils_app::strike::fund::MovementForm;
use councils_app::strike::open::StrikeForm;
use councils_app::strike::rota::ShiftForm;
use councils_domain::motion::{Choice, YesNo};
use councils_domain::{InvitationId, Role, Slug};
use councils_store::Db;

/// The committee on strike, and the strike committee that runs it.
pub const COMMITTEE: &str = "warehouse-workers";
pub const STRIKE_COMMITTEE: &str = "warehouse-strike";

/// Seeds the strike; answers its id.
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<String> {
    let members = super::motions::actors(db, COMMITTEE, "dmitri").await?;
    let dmitri = members.first().context("the committee's organiser")?;
    let mut vote = super::motions::draft(
        "strike-vote",
        "yes-no",
        (
            "Strike vote: walk out at the Ontario and Fontana warehouses",
            "Until heat breaks every two hours, the quota is lifted and the three fired for organising are back, we stop work and picket the gates.",
        ),
        (
            "Votación de huelga: paro en los almacenes de Ontario y Fontana",
            "Hasta que haya descansos del calor cada dos horas, se quite la cuota y vuelvan los tres despedidos por organizarse, paramos y hacemos piquete en los portones.",
        ),
    );
    vote.majority = "two-thirds".into();
    vote.quorum_percent = 50;
    let vote = app.propose_motion(dmitri, COMMITTEE, &vote).await?;
    app.open_voting(dmitri, COMMITTEE, vote.as_str(), None)
        .await?;
    super::motions::vote(app, COMMITTEE, &vote, &members, |n| match n % 6 {
        0..=3 => Some(Choice::YesNo(YesNo::Yes)),
        4 if n % 12 == 4 => Some(Choice::YesNo(YesNo::No)),
        4 => Some(Choice::YesNo(YesNo::Abstain)),
        _ => None,
    })
    .await?;
    app.close_voting(dmitri, COMMITTEE, vote.as_str()).await?;
    let strike = app
        .open_strike(
            dmitri,
            COMMITTEE,
            &StrikeForm {
                motion: vote.to_string(),
                title: "Inland Empire warehouse strike".into(),
                demands: "A paid heat break every two hours, with water and shade\nNo quota: the rate tracker goes\nRehire Luz, Marco and Keisha, fired for organising\nNo retaliation against anyone who struck".into(),
                currency: "USD".into(),
                existing: STRIKE_COMMITTEE.into(),
                ..StrikeForm::default()
            },
        )
        .await?
        .to_string();

    // The committee's treasurer keeps the strike fund in the strike committee too.
    let council = db
        .council_by_slug(&Slug::parse(COMMITTEE)?)
        .await?
        .context("the committee")?;
    let treasurer = db
        .members_of(&council.id)
        .await?
        .into_iter()
        .find(|m| m.roles.contains(&Role::Treasurer))
        .context("the committee's treasurer")?;
    let strike_committee = db
        .council_by_slug(&Slug::parse(STRIKE_COMMITTEE)?)
        .await?
        .context("the strike committee")?;
    let invitation = InvitationId::new(new_id());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs() as i64;
    db.create_invitation(&InvitationRecord {
        id: invitation.clone(),
        token_hash: councils_app::crypto::token_hash(&new_id()),
        council_id: Some(strike_committee.id.clone()),
        role: Role::Treasurer,
        created_by: None,
        created_at: now,
        expires_at: now + 3600,
        used_at: None,
    })
    .await?;
    db.join_existing(&invitation, &treasurer.member_id, now)
        .await?;
    let tesorero = members
        .iter()
        .find(|m| m.member_id == treasurer.member_id)
        .context("the treasurer's actor")?;

    // The rota: the next three days at two gates, mornings short of people.
    let day = 24 * 3600;
    let first = (now / day + 1) * day + 13 * 3600; // 05:00 in California, in UTC.
    let mut pickets = members.iter().skip(3).cycle();
    for (n, (place, offset, needed, signed)) in [
        ("Gate 2, Ontario DC (Airport Dr)", 0, 6, 6),
        ("Gate 2, Ontario DC (Airport Dr)", 4, 6, 3),
        ("Truck gate, Fontana DC (Sierra Ave)", 0, 4, 4),
        ("Truck gate, Fontana DC (Sierra Ave)", 4, 4, 1),
        ("Gate 2, Ontario DC (Airport Dr)", 24, 6, 2),
        ("Truck gate, Fontana DC (Sierra Ave)", 24, 4, 0),
    ]
    .into_iter()
    .enumerate()
    {
        let shift = app
            .add_shift(
                dmitri,
                &strike,
                &ShiftForm {
                    place: place.into(),
                    starts_at: first + offset * 3600 + (n as i64 / 4) * day,
                    hours: 4,
                    needed,
                },
            )
            .await?;
        for _ in 0..signed {
            let picket = pickets.next().context("a picket")?;
            app.sign_up(picket, &strike, shift.as_str()).await?;
        }
    }

    // The fund: pledges from the city council and a union local, money in, hardship paid.
    let record = |kind: &str, amount: &str, note: &str| MovementForm {
        kind: kind.into(),
        amount: amount.into(),
        note: note.into(),
        ..MovementForm::default()
    };
    let city = app
        .record_movement(
            tesorero,
            &strike,
            &record("pledge", "5000", "Los Angeles City Council strike fund"),
        )
        .await?;
    app.record_movement(
        tesorero,
        &strike,
        &record("pledge", "2000", "Teamsters Local 1932"),
    )
    .await?;
    app.record_movement(
        tesorero,
        &strike,
        &MovementForm {
            pledge: city.to_string(),
            ..record("receipt", "3000", "City council, first transfer")
        },
    )
    .await?;
    app.record_movement(
        tesorero,
        &strike,
        &record("receipt", "845.50", "Collection at the Ontario gate"),
    )
    .await?;
    for (picket, amount, note) in [
        (5, "150", "Rent, hardship"),
        (8, "150", "Rent, hardship"),
        (11, "95.25", "Groceries for the week"),
    ] {
        let payee = members.get(picket).context("a striker")?;
        app.record_movement(
            tesorero,
            &strike,
            &MovementForm {
                payee: payee.handle.to_string(),
                ..record("payment", amount, note)
            },
        )
        .await?;
    }
    Ok(strike)
}
