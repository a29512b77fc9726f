//! The demo's rapid response in Boyle Heights: a raid reported, verified on the spot and
//! confirmed, three responders on their way, an update and the all-clear (a closed alert with
//! its whole timeline); a false alarm; and a report still waiting for a verifier. Through the
//! use cases, so the free text is sealed with the instance key like any other.

use anyhow::Context;
use councils_app::ports::{CouncilStore, MembershipStore};
use councils_app::{Actor, App};
use councils_domain::report::{Decision, FactsDraft, ResponseRole};
use councils_domain::{Language, MembershipStatus, Role, SessionId, Slug};
use councils_store::Db;

/// The committee the demo's alerts are in.
pub const COMMITTEE: &str = "boyle-heights";

/// The committee's active members holding `role` (and not organising), as actors.
async fn holding(db: &Db, role: Role) -> anyhow::Result<Vec<Actor>> {
    let council = db
        .council_by_slug(&Slug::parse(COMMITTEE)?)
        .await?
        .context("the demo's neighbourhood committee")?;
    Ok(db
        .members_of(&council.id)
        .await?
        .into_iter()
        .filter(|m| m.status == MembershipStatus::Active)
        .filter(|m| {
            if role == Role::Member {
                m.roles == [Role::Member]
            } else {
                m.roles.contains(&role) && !m.roles.contains(&Role::Organiser)
            }
        })
        .map(|m| Actor {
            member_id: m.member_id,
            handle: m.handle,
            language: Language::Es,
            session_id: SessionId::new("demo"),
        })
        .collect())
}

/// Seeds Boyle Heights' reports and alerts.
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<()> {
    let verifier = holding(db, Role::Verifier)
        .await?
        .into_iter()
        .next()
        .context("a verifier")?;
    let responders = holding(db, Role::Responder).await?;
    let members = holding(db, Role::Member).await?;
    let reporter = members.first().context("a member")?;
    let hotline = members.get(1).unwrap_or(reporter);
    anyhow::ensure!(responders.len() >= 3, "three responders");

    let raid = app
        .file_report(
            reporter,
            COMMITTEE,
            &FactsDraft {
                what: "Dos camionetas sin placas y agentes tocando puertas, pidiendo papeles"
                    .into(),
                officers: Some(5),
                vehicles: Some(2),
                agency: "ice".into(),
                place: "Cesar Chavez Ave & Soto St".into(),
                minutes_ago: Some(5),
                source: "saw-it".into(),
                via_hotline: false,
            },
        )
        .await?;
    let raid = raid.as_str();
    app.take_report(&verifier, raid).await?;
    app.verify_report(
        &verifier,
        raid,
        Decision::Confirm,
        "Lo vi: dos camionetas y cinco agentes frente al 2400; no muestran orden judicial.",
    )
    .await?;
    for (responder, role) in responders.iter().zip([
        ResponseRole::LegalObserver,
        ResponseRole::Documentation,
        ResponseRole::FamilyAccompaniment,
    ]) {
        app.respond_to_alert(responder, raid, role).await?;
    }
    app.update_alert(
        &responders[0],
        raid,
        "Se fueron a las 10:40. Se llevaron a un vecino; su familia está con nosotros.",
    )
    .await?;
    app.close_alert(
        &verifier,
        raid,
        "Un vecino detenido; familia acompañada y abogada avisada. La línea da seguimiento.",
    )
    .await?;

    let false_alarm = app
        .file_report(
            hotline,
            COMMITTEE,
            &FactsDraft {
                what: "A police car parked by the school for a long time".into(),
                officers: Some(2),
                vehicles: Some(1),
                agency: "police".into(),
                place: "Breed St & 4th St".into(),
                minutes_ago: Some(15),
                source: "told-by-someone".into(),
                via_hotline: true,
            },
        )
        .await?;
    app.verify_report(
        &verifier,
        false_alarm.as_str(),
        Decision::FalseAlarm,
        "A traffic stop, nothing to do with immigration.",
    )
    .await?;

    app.file_report(
        reporter,
        COMMITTEE,
        &FactsDraft {
            what: "Hombres con chalecos en la parada del autobús, no sé de qué agencia".into(),
            place: "Whittier Blvd & Lorena St".into(),
            source: "saw-it".into(),
            ..Default::default()
        },
    )
    .await?;
    Ok(())
}
