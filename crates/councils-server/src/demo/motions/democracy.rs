//! The demo's council democracy: the garment workers' delegates sit in the Los Angeles
//! City Council, which votes on a motion with mandates from two of its constituents (the
//! delegates voting as mandated), and a recall of one garment delegate collects signatures.

use super::{actors, draft, vote};
use anyhow::Context;
use councils_app::ports::{CouncilStore, DemocracyStore};
use councils_app::{Actor, App};
use councils_domain::motion::{Choice, YesNo};
use councils_domain::{Language, MotionId, SessionId, Slug};
use councils_store::Db;

/// Puts a mandate on `higher` to `slug`'s vote, every member ranking `first` first (by its
/// position among for, against, abstain, free), and decides it.
async fn mandate(
    app: &App,
    slug: &str,
    members: &[Actor],
    higher: &MotionId,
    first: usize,
) -> anyhow::Result<()> {
    let chair = &members[0];
    let id = app
        .propose_mandate(chair, slug, higher.as_str(), |motion| {
            let title = |l: Language| {
                motion
                    .texts
                    .iter()
                    .find(|t| t.language() == l)
                    .unwrap_or(&motion.texts[0])
                    .title()
                    .to_string()
            };
            vec![
                (
                    Language::En,
                    format!("Mandate: {}", title(Language::En)),
                    "How our delegates must vote on this motion of the city council.".into(),
                ),
                (
                    Language::Es,
                    format!("Mandato: {}", title(Language::Es)),
                    "Cómo deben votar nuestras delegadas esta moción del consejo de la ciudad."
                        .into(),
                ),
            ]
        })
        .await?;
    app.open_voting(chair, slug, id.as_str(), None).await?;
    vote(app, slug, &id, members, |n| {
        let second = (first + 1 + n % 3) % 4;
        // Two in three rank the council's choice first.
        let ranks = if n % 3 == 2 {
            vec![vec![second], vec![first]]
        } else {
            vec![vec![first], vec![second]]
        };
        Some(Choice::Ranked(ranks))
    })
    .await?;
    app.close_voting(chair, slug, id.as_str()).await?;
    Ok(())
}

pub(super) async fn seed(app: &App, db: &Db) -> anyhow::Result<()> {
    let city_slug = "los-angeles";
    let city = db
        .council_by_slug(&Slug::parse(city_slug)?)
        .await?
        .context("the city council")?;
    let garment_members = actors(db, "garment-workers", "rosa").await?;
    let garment = db
        .council_by_slug(&Slug::parse("garment-workers")?)
        .await?
        .context("the garment workers")?;
    let delegates: Vec<Actor> = db
        .delegates_of(&garment.id)
        .await?
        .into_iter()
        .filter(|d| d.parent_id == city.id)
        .map(|d| Actor {
            member_id: d.member_id,
            handle: d.handle,
            language: Language::Es,
            session_id: SessionId::new("demo"),
        })
        .collect();
    let mover = delegates.first().context("garment's delegates")?;

    // An open motion of the city council, voting, as its delegates answer to their base.
    let fund = app
        .propose_motion(
            mover,
            city_slug,
            &draft(
                "ordinary",
                "yes-no",
                (
                    "A citywide strike fund",
                    "Every committee pays one hour's wage per member per month into one fund, held by the city council, for any committee on strike.",
                ),
                (
                    "Una caja de resistencia para toda la ciudad",
                    "Cada comité aporta una hora de salario por miembro al mes a una caja común, que guarda el consejo de la ciudad, para cualquier comité en huelga.",
                ),
            ),
        )
        .await?;
    app.open_voting(mover, city_slug, fund.as_str(), Some(96))
        .await?;

    // Mandates: the garment workers for, the warehouse workers free.
    mandate(app, "garment-workers", &garment_members, &fund, 0).await?;
    let warehouse = actors(db, "warehouse-workers", "dmitri").await?;
    mandate(app, "warehouse-workers", &warehouse, &fund, 3).await?;

    // One garment delegate has voted, as mandated.
    app.cast_ballot(mover, city_slug, fund.as_str(), |_| {
        Ok(Choice::YesNo(YesNo::Yes))
    })
    .await?;

    // A recall of the other garment delegate, with a few signatures of the 27 it needs.
    if let Some(recalled) = delegates.get(1) {
        let seat = db
            .delegates_of(&garment.id)
            .await?
            .into_iter()
            .find(|d| d.member_id == recalled.member_id && d.parent_id == city.id)
            .context("the seat")?;
        let starter = garment_members
            .iter()
            .find(|m| m.member_id != recalled.member_id && m.member_id != mover.member_id)
            .context("a member to start the recall")?;
        let words = |_: Language, handle: &str, parent: &str, _: &str| {
            (
                format!("Recall {handle} from {parent}?"),
                "Opened when the recall reached its threshold.".to_string(),
            )
        };
        app.start_recall(
            starter,
            "garment-workers",
            seat.id.as_str(),
            "She has not reported back to the committee since the election, and missed two city council meetings.",
            &words,
        )
        .await?;
        for signer in garment_members
            .iter()
            .filter(|m| m.member_id != starter.member_id && m.member_id != recalled.member_id)
            .take(6)
        {
            app.sign_recall(signer, "garment-workers", seat.id.as_str(), &words)
                .await?;
        }
    }
    Ok(())
}
