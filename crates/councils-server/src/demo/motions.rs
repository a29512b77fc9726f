//! The demo's motions, made through the use cases as members would make them: a decided
//! demand with an accepted amendment, a strike vote by secret ballot still open, a past
//! election of delegates by STV with its rounds, a ranked choice of day, a motion still in
//! discussion with an amendment the council is voting on, and a consent decision in a
//! neighbourhood committee.

use anyhow::Context;
use councils_app::democracy::election::ElectionDraft;
use councils_app::motion::MotionDraft;
use councils_app::ports::MotionDefaults;
use councils_app::{Actor, App};
use councils_domain::motion::{Choice, ConsentChoice, YesNo};
use councils_domain::{Language, MembershipStatus, MotionId, SessionId};
use councils_store::Db;

/// Active members of a council as actors, in handle order (the founder first).
pub(super) async fn actors(db: &Db, slug: &str, founder: &str) -> anyhow::Result<Vec<Actor>> {
    use councils_app::ports::{CouncilStore, MembershipStore};
    let slug = councils_domain::Slug::parse(slug)?;
    let council = db
        .council_by_slug(&slug)
        .await?
        .context("demo council missing")?;
    let mut actors: Vec<Actor> = db
        .members_of(&council.id)
        .await?
        .into_iter()
        .filter(|m| m.status == MembershipStatus::Active)
        .map(|m| Actor {
            member_id: m.member_id,
            handle: m.handle,
            language: Language::Es,
            session_id: SessionId::new("demo"),
        })
        .collect();
    actors.sort_by_key(|a| a.handle.as_str() != founder);
    Ok(actors)
}

pub(super) fn draft(kind: &str, method: &str, en: (&str, &str), es: (&str, &str)) -> MotionDraft {
    MotionDraft {
        kind: kind.into(),
        method: method.into(),
        majority: "simple".into(),
        texts: vec![
            (Language::En, en.0.into(), en.1.into()),
            (Language::Es, es.0.into(), es.1.into()),
        ],
        ..MotionDraft::default()
    }
}

/// Each member casts `choose(n)`, or does not vote when it is `None`.
pub(super) async fn vote(
    app: &App,
    slug: &str,
    id: &MotionId,
    members: &[Actor],
    choose: impl Fn(usize) -> Option<Choice>,
) -> anyhow::Result<()> {
    for (n, member) in members.iter().enumerate() {
        if let Some(choice) = choose(n) {
            app.cast_ballot(member, slug, id.as_str(), |_| Ok(choice))
                .await?;
        }
    }
    Ok(())
}

mod democracy;

/// Seeds the motions of the garment workers' and Boyle Heights committees, then the city
/// council's motion with its constituents' mandates and a recall in progress.
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<()> {
    garment(app, db).await?;
    boyle_heights(app, db).await?;
    democracy::seed(app, db).await
}

async fn garment(app: &App, db: &Db) -> anyhow::Result<()> {
    let slug = "garment-workers";
    let members = actors(db, slug, "rosa").await?;
    let rosa = &members[0];

    // A demand, amended in discussion, then passed by open vote.
    let demand = app
        .propose_motion(
            &members[3],
            slug,
            &draft(
                "ordinary",
                "yes-no",
                (
                    "Demand the back pay for unpaid overtime",
                    "The shop owes every machine operator for the Saturday shifts since March. We demand the back pay in full, within two weeks.",
                ),
                (
                    "Exigir el pago de las horas extra no pagadas",
                    "El taller debe a cada operadora los turnos de sábado desde marzo. Exigimos el pago completo en dos semanas.",
                ),
            ),
        )
        .await?;
    app.comment(
        &members[5],
        slug,
        demand.as_str(),
        "Two weeks is too long: they paid the owner's cousin on time.",
    )
    .await?;
    app.comment(
        &members[8],
        slug,
        demand.as_str(),
        "Y que lo paguen también a las que ya se fueron.",
    )
    .await?;
    app.propose_amendment(
        &members[8],
        slug,
        demand.as_str(),
        Language::Es,
        "El taller debe a cada operadora, también a las que ya no trabajan aquí, los turnos de sábado desde marzo. Exigimos el pago completo en diez días.",
    )
    .await?;
    let view = app.motion_page(&members[3], slug, demand.as_str()).await?;
    let amendment = view.amendments[0].id.clone();
    app.decide_amendment(&members[3], slug, demand.as_str(), amendment.as_str(), true)
        .await?;
    app.open_voting(rosa, slug, demand.as_str(), None).await?;
    vote(app, slug, &demand, &members, |n| match n % 9 {
        0..=5 => Some(Choice::YesNo(YesNo::Yes)),
        6 => Some(Choice::YesNo(YesNo::No)),
        7 => Some(Choice::YesNo(YesNo::Abstain)),
        _ => None,
    })
    .await?;
    app.close_voting(rosa, slug, demand.as_str()).await?;

    // The delegates to the city council, elected by STV: two seats (52 members, one seat
    // per 30), five candidates. The winners take their seats in the city council.
    let election = ElectionDraft {
        parent: "los-angeles".into(),
        term_months: 6,
        candidates: vec![
            "rosa".into(),
            members[4].handle.to_string(),
            members[9].handle.to_string(),
            members[14].handle.to_string(),
            members[20].handle.to_string(),
        ],
        texts: vec![
            (
                Language::En,
                "Delegates to the Los Angeles City Council".into(),
                "Two delegates for a term of six months, recallable at any time by this committee."
                    .into(),
            ),
            (
                Language::Es,
                "Delegadas al Consejo de la Ciudad de Los Ángeles".into(),
                "Dos delegadas por seis meses, revocables en cualquier momento por este comité."
                    .into(),
            ),
        ],
    };
    let elected = app.call_election(rosa, slug, &election).await?;
    app.open_voting(rosa, slug, elected.as_str(), None).await?;
    vote(app, slug, &elected, &members, |n| {
        let order: &[usize] = match n % 7 {
            0 | 1 => &[0, 1, 2],
            2 => &[1, 0, 3],
            3 => &[2, 3, 0],
            4 => &[3, 2, 4],
            5 => &[4, 2, 1],
            _ => &[1, 4],
        };
        Some(Choice::Ranked(order.iter().map(|&o| vec![o]).collect()))
    })
    .await?;
    app.close_voting(rosa, slug, elected.as_str()).await?;

    // A ranked choice of day for the assembly with the other shops.
    let mut day = draft(
        "ordinary",
        "schulze",
        (
            "Which day for the assembly with the other shops?",
            "We hold one assembly with the workers of the three shops on Maple Street.",
        ),
        (
            "¿Qué día para la asamblea con los otros talleres?",
            "Hacemos una asamblea con las trabajadoras de los tres talleres de la calle Maple.",
        ),
    );
    day.options = vec![
        "Sunday morning".into(),
        "Saturday evening".into(),
        "Wednesday evening".into(),
        "Friday evening".into(),
    ];
    let day_id = app.propose_motion(&members[6], slug, &day).await?;
    app.open_voting(rosa, slug, day_id.as_str(), None).await?;
    vote(app, slug, &day_id, &members, |n| {
        let order: &[usize] = match n % 5 {
            0 | 1 => &[0, 1, 3, 2],
            2 => &[1, 0, 2, 3],
            3 => &[3, 1, 0, 2],
            _ => &[2, 3, 1, 0],
        };
        Some(Choice::Ranked(order.iter().map(|&o| vec![o]).collect()))
    })
    .await?;
    app.close_voting(rosa, slug, day_id.as_str()).await?;

    // The strike vote: secret, two thirds of votes cast, half the members must vote. Still
    // open, so a demo member can cast a ballot and change it.
    let mut strike = draft(
        "strike-vote",
        "yes-no",
        (
            "Strike vote: walk out on 15 December if the back pay is not paid",
            "If the owner has not paid the back pay by 14 December, we stop work at 7:00 on 15 December and picket the shop until it is paid.",
        ),
        (
            "Votación de huelga: paro el 15 de diciembre si no pagan lo que deben",
            "Si el dueño no ha pagado lo que debe antes del 14 de diciembre, paramos a las 7:00 del 15 de diciembre y hacemos piquete en el taller hasta que pague.",
        ),
    );
    strike.majority = "two-thirds".into();
    strike.quorum_percent = 50;
    let strike_id = app.propose_motion(rosa, slug, &strike).await?;
    app.open_voting(rosa, slug, strike_id.as_str(), Some(72))
        .await?;
    vote(app, slug, &strike_id, &members, |n| match n {
        0 => None,
        n if n % 4 == 3 => Some(Choice::YesNo(YesNo::No)),
        n if n % 2 == 0 => Some(Choice::YesNo(YesNo::Yes)),
        _ => None,
    })
    .await?;

    // Still in discussion, with an amendment waiting for its mover.
    let rota = app
        .propose_motion(
            &members[2],
            slug,
            &draft(
                "ordinary",
                "yes-no",
                (
                    "A picket rota in pairs, never alone",
                    "If we strike, nobody pickets alone: shifts of two, four hours each, with a legal observer from Boyle Heights on every morning shift.",
                ),
                (
                    "Turnos de piquete en parejas, nunca a solas",
                    "Si hacemos huelga, nadie hace piquete sola: turnos de dos personas, de cuatro horas, con una observadora legal de Boyle Heights en cada turno de mañana.",
                ),
            ),
        )
        .await?;
    app.comment(
        &members[10],
        slug,
        rota.as_str(),
        "Childcare for those on the early shift: the neighbourhood committee offered.",
    )
    .await?;
    app.propose_amendment(
        &members[10],
        slug,
        rota.as_str(),
        Language::En,
        "If we strike, nobody pickets alone: shifts of two, four hours each, with a legal observer from Boyle Heights on every morning shift, and childcare offered to those on the early shift.",
    )
    .await?;
    // Another amendment its mover did not take, put to the council's vote by its author,
    // under the council's defaults (a third of the members must vote).
    app.set_motion_defaults(
        &members[0],
        slug,
        &MotionDefaults {
            quorum_percent: 33,
            ..MotionDefaults::default()
        },
    )
    .await?;
    app.propose_amendment(
        &members[6],
        slug,
        rota.as_str(),
        Language::Es,
        "Si hacemos huelga, nadie hace piquete sola: turnos de tres personas, de tres horas, con una observadora legal de Boyle Heights en cada turno.",
    )
    .await?;
    let view = app.motion_page(&members[6], slug, rota.as_str()).await?;
    let threes = view
        .amendments
        .iter()
        .find(|a| a.language == Language::Es)
        .map(|a| a.id.clone())
        .ok_or_else(|| anyhow::anyhow!("the demo's amendment is missing"))?;
    let vote_on_threes = app
        .put_amendment_to_vote(&members[6], slug, rota.as_str(), threes.as_str(), Some(72))
        .await?;
    vote(app, slug, &vote_on_threes, &members, |n| match n % 3 {
        0 => Some(Choice::YesNo(YesNo::Yes)),
        1 => Some(Choice::YesNo(YesNo::No)),
        _ => None,
    })
    .await?;
    Ok(())
}

async fn boyle_heights(app: &App, db: &Db) -> anyhow::Result<()> {
    let slug = "boyle-heights";
    let members = actors(db, slug, "marisol").await?;
    let marisol = &members[0];
    let phone_tree = app
        .propose_motion(
            marisol,
            slug,
            &draft(
                "ordinary",
                "consent",
                (
                    "A phone tree for families on every block",
                    "Each block has two contacts who call the families on their list when an alert is confirmed, in Spanish or English as each family prefers.",
                ),
                (
                    "Una cadena de llamadas para las familias de cada cuadra",
                    "Cada cuadra tiene dos contactos que llaman a las familias de su lista cuando se confirma una alerta, en español o inglés según prefiera cada familia.",
                ),
            ),
        )
        .await?;
    app.open_voting(marisol, slug, phone_tree.as_str(), None)
        .await?;
    vote(app, slug, &phone_tree, &members, |n| match n % 10 {
        0..=6 => Some(Choice::Consent(ConsentChoice::Consent)),
        7 => Some(Choice::Consent(ConsentChoice::StandAside)),
        8 => Some(Choice::Consent(ConsentChoice::Object)),
        _ => None,
    })
    .await?;
    app.close_voting(marisol, slug, phone_tree.as_str()).await?;
    Ok(())
}
