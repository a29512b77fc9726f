//! The demo's publication: the seed leaflet "Against Deportation and Imperialism", handed out
//! at the Los Angeles protests against the raids of June 2025, published publicly by the Los
//! Angeles City Council in English and in a Spanish translation, with members' comments (the
//! leaflet's own, a reply under it, and one an organiser hid because it pointed at a
//! neighbour's papers). A visitor who is not signed in reaches it from the landing page.

use anyhow::Context;
use councils_app::App;
use councils_app::ports::{CouncilStore, MembershipStore};
use councils_app::publication::PublicationForm;
use councils_domain::publication::{Moderation, PublicationText};
use councils_domain::{Language, PublicationId, Role, Slug};
use councils_store::Db;

/// The council that publishes the leaflet.
pub const COUNCIL: &str = "los-angeles";
/// The leaflet's title in each language.
pub const TITLE_EN: &str = "Against Deportation and Imperialism: No War but the Class War";
pub const TITLE_ES: &str =
    "Contra la deportación y el imperialismo: ninguna guerra sino la guerra de clases";
const BODY_EN: &str = include_str!("leaflet/en.md");
const BODY_ES: &str = include_str!("leaflet/es.md");

/// The comment under the leaflet as it was published.
const KAUTSKY: &str = "If I don't misremember, I read Kautsky in passing once claiming that the Chinese Exclusion Act of 1882 actually came about not from agitation by American workers, but from American small-business owners in the face of competition of Chinese small-business owners (ie not Chinese workers). I understand as communists the focus is on migrant workers, but as I heard Jack Rasmus also say in passing, immigrants are not by definition all workers, or they all have a socialist outlook. I would say, there is another share of the immigrants that can be called the lumpen-proletariat, whose interests are opposed (even or especially) to those of the migrant workers themselves.";

/// Seeds the leaflet with its comments and answers its id.
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<PublicationId> {
    let actors = super::motions::actors(db, COUNCIL, "").await?;
    let council = db
        .council_by_slug(&Slug::parse(COUNCIL)?)
        .await?
        .context("the demo city council")?;
    anyhow::ensure!(actors.len() >= 3, "the city council needs three members");
    // The city council's founder organises it; its other delegates comment.
    let listings = db.members_of(&council.id).await?;
    let founder = listings
        .iter()
        .find(|m| m.roles.contains(&Role::Organiser))
        .map(|m| m.member_id.clone());
    let organiser = match founder {
        Some(id) => actors
            .iter()
            .find(|a| a.member_id == id)
            .context("the organiser's actor")?
            .clone(),
        None => {
            let first = actors[0].clone();
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)?
                .as_secs() as i64;
            db.grant_role(
                &council.id,
                &first.member_id,
                Role::Organiser,
                &first.member_id,
                now,
            )
            .await?;
            first
        }
    };
    let others: Vec<_> = actors
        .iter()
        .filter(|a| a.member_id != organiser.member_id)
        .collect();
    let id = app
        .draft_publication(
            &organiser,
            COUNCIL,
            PublicationForm {
                texts: vec![
                    PublicationText {
                        language: Language::En,
                        title: TITLE_EN.into(),
                        body: BODY_EN.into(),
                    },
                    PublicationText {
                        language: Language::Es,
                        title: TITLE_ES.into(),
                        body: BODY_ES.into(),
                    },
                ],
                public: true,
            },
        )
        .await?;
    let id = id.to_string();
    app.publish_publication(&organiser, COUNCIL, &id).await?;
    let (first, second) = (others[0], others[1]);
    let kautsky = app
        .comment_on_publication(first, COUNCIL, &id, None, KAUTSKY)
        .await?;
    app.comment_on_publication(
        second,
        COUNCIL,
        &id,
        Some(kautsky.as_str()),
        "Puede ser, pero en mi taller los que nos dividen no son los vecinos sin papeles: es el patrón que nos paga menos a todos. El volante tiene razón: los ataques a los migrantes son ataques a todos.",
    )
    .await?;
    let outing = app
        .comment_on_publication(
            second,
            COUNCIL,
            &id,
            None,
            "¿Alguien sabe si el muchacho del lavado de autos de la Soto tiene papeles? Que venga a la próxima protesta.",
        )
        .await?;
    app.moderate_publication_comment(&organiser, COUNCIL, &id, outing.as_str(), Moderation::Hide)
        .await?;
    app.comment_on_publication(
        &organiser,
        COUNCIL,
        &id,
        None,
        "We print this leaflet for Saturday's protest. Take a stack for your workplace; the Spanish side is on the right.",
    )
    .await?;
    Ok(PublicationId::new(id))
}
