//! The federation the accessibility tour walks through, made with the testkit.

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};

pub struct World {
    pub organiser: TestMember,
}

/// The garment workers' committee (an organiser, members, one newcomer waiting for a vouch)
/// under the Los Angeles city council, beside a neighbourhood committee, with names in both
/// languages: a page as a real committee would see it.
pub async fn realistic_federation(app: &TestApp) -> World {
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let ana = app
        .found("los-angeles", CouncilKind::CityCouncil, "ana")
        .await;
    let marisol = app
        .found(
            "boyle-heights",
            CouncilKind::NeighbourhoodCommittee,
            "marisol",
        )
        .await;
    let marta = app
        .found("california", CouncilKind::RegionalCouncil, "marta")
        .await;
    for handle in ["luz", "tomas", "mei", "jorge"] {
        app.join("garment", Role::Member, handle, Language::Es)
            .await;
    }
    app.join("garment", Role::Verifier, "kwame", Language::En)
        .await;
    name(app, &rosa, "garment", [
        ("Garment Workers' Committee", "Sewing-shop workers of downtown Los Angeles: wage theft, safety, and rapid response."),
        ("Comité de Trabajadoras de la Confección", "Costureras del centro de Los Ángeles: robo de salarios, seguridad y respuesta rápida."),
    ], 1)
    .await;
    name(
        app,
        &ana,
        "los-angeles",
        [
            (
                "Los Angeles City Council",
                "The city council of the committees of Los Angeles.",
            ),
            (
                "Consejo de la Ciudad de Los Ángeles",
                "El consejo de ciudad de los comités de Los Ángeles.",
            ),
        ],
        0,
    )
    .await;
    name(
        app,
        &marisol,
        "boyle-heights",
        [
            (
                "Boyle Heights Neighbourhood Committee",
                "Rapid response and families' plans.",
            ),
            (
                "Comité de Barrio de Boyle Heights",
                "Respuesta rápida y planes familiares.",
            ),
        ],
        0,
    )
    .await;
    name(
        app,
        &marta,
        "california",
        [
            ("California Regional Council", "The councils of California."),
            (
                "Consejo Regional de California",
                "Los consejos de California.",
            ),
        ],
        0,
    )
    .await;
    app.join("garment", Role::Member, "nueva", Language::Es)
        .await;
    link(app, &rosa, "garment", &ana, "los-angeles").await;
    link(app, &marisol, "boyle-heights", &ana, "los-angeles").await;
    link(app, &ana, "los-angeles", &marta, "california").await;
    World { organiser: rosa }
}

/// Names a council in English and Spanish and sets how many vouches it needs.
pub async fn name(
    app: &TestApp,
    organiser: &TestMember,
    slug: &str,
    names: [(&str, &str); 2],
    vouches: u32,
) {
    let names = [Language::En, Language::Es]
        .into_iter()
        .zip(names)
        .map(
            |(language, (name, description))| councils_domain::CouncilName {
                language,
                name: name.into(),
                description: description.into(),
            },
        )
        .collect();
    let form = councils_app::council::SettingsForm {
        names,
        vouches_required: vouches,
        members_per_delegate: 25,
        minimum_seats: 1,
    };
    let actor = app.actor(organiser).await;
    app.app()
        .update_council(&actor, slug, &form)
        .await
        .expect("the council's settings");
}

/// `constituent` sends delegates to `parent`, asked and accepted by their organisers.
pub async fn link(
    app: &TestApp,
    asks: &TestMember,
    constituent: &str,
    accepts: &TestMember,
    parent: &str,
) {
    let actor = app.actor(asks).await;
    app.app()
        .request_link(&actor, constituent, parent)
        .await
        .expect("ask to send delegates");
    let actor = app.actor(accepts).await;
    app.app()
        .accept_link(&actor, parent, constituent)
        .await
        .expect("accept the constituent");
}
