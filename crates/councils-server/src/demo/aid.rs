//! The demo's mutual aid in the Boyle Heights neighbourhood committee: a request for rides
//! for a detained neighbour's family (posted for them) with an offer of rides that meets it,
//! childcare asked and answered, translation offered, and bail money asked for another family
//! and shared with the city council.

use anyhow::Context;
use councils_app::App;
use councils_app::mutual_aid::AidForm;
use councils_domain::AidId;
use councils_domain::mutual_aid::{AidStep, AidText};
use councils_store::Db;

/// The committee the demo's posts are in (see `alerts.rs`).
pub const COMMITTEE: &str = "boyle-heights";

fn post(direction: &str, kind: &str, details: &str, for_whom: &str, share: &[&str]) -> AidForm {
    AidForm {
        direction: direction.into(),
        kind: kind.into(),
        for_other: !for_whom.is_empty(),
        text: AidText {
            area: "Boyle Heights".into(),
            details: details.into(),
            for_whom: for_whom.into(),
        },
        share: share.iter().map(|s| s.to_string()).collect(),
    }
}

/// Seeds the posts and answers their ids, the request for rides first.
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<Vec<AidId>> {
    let actors = super::motions::actors(db, COMMITTEE, "marisol").await?;
    let member = |n: usize| actors.get(n).context("a member of the committee");
    let mut ids = Vec::new();
    ids.push(
        app.post_aid(
            member(1)?,
            COMMITTEE,
            &post(
                "request",
                "rides",
                "Rides to the Adelanto detention centre for Saturday visiting hours, leaving 7:00 from Mariachi Plaza. / Viajes a Adelanto el sábado para la visita.",
                "The family of a neighbour detained on Tuesday: his wife and their two children (8 and 11).",
                &[],
            ),
        )
        .await?,
    );
    ids.push(
        app.post_aid(
            member(2)?,
            COMMITTEE,
            &post(
                "offer",
                "rides",
                "A van with seven seats on weekends; I can drive to Adelanto or to court downtown.",
                "",
                &[],
            ),
        )
        .await?,
    );
    let childcare = app
        .post_aid(
            member(3)?,
            COMMITTEE,
            &post(
                "request",
                "childcare",
                "Someone to pick up two children from Sheridan St school on Tuesday and Thursday at 3 while I go to the hearings.",
                "",
                &[],
            ),
        )
        .await?;
    app.aid_step(member(4)?, childcare.as_str(), AidStep::Match)
        .await?;
    ids.push(childcare);
    ids.push(
        app.post_aid(
            member(5)?,
            COMMITTEE,
            &post(
                "offer",
                "translation",
                "Spanish and K'iche' to English, for hearings, lawyers and school meetings; evenings and weekends.",
                "",
                &[],
            ),
        )
        .await?,
    );
    ids.push(
        app.post_aid(
            member(1)?,
            COMMITTEE,
            &post(
                "request",
                "bail",
                "The immigration bond was set at $7,500; the family has gathered $2,000. Pledges to the committee's bond fund.",
                "A neighbour held since last week; his mother asked us to post this.",
                &["los-angeles"],
            ),
        )
        .await?,
    );
    Ok(ids)
}
