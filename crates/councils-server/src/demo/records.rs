//! The demo's emergency plan, incident record and know-your-rights contacts, in the Boyle
//! Heights neighbourhood committee: a member's plan to try (its mail goes nowhere unless the
//! operator configures a mail server), a record filed by her for the committee's legal member
//! with one photo (a drawing of the street corner, made for the demo: no plates, no faces),
//! and the committee's hotline and legal contacts (demo numbers).

use anyhow::Context;
use councils_app::App;
use councils_app::ports::{CouncilStore, MembershipStore, RightsContacts};
use councils_app::records::plan::PlanForm;
use councils_domain::incident::Account;
use councils_domain::{Language, MembershipStatus, Role, Slug};
use councils_store::Db;

/// The demo record's photo, uploaded as a member's phone would send it.
const CORNER_PHOTO: &[u8] = include_bytes!("corner.png");

/// The committee the demo's records are in.
pub const COMMITTEE: &str = "boyle-heights";

/// Seeds them and answers the handle of the member whose plan can be tried.
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<String> {
    let actors = super::motions::actors(db, COMMITTEE, "marisol").await?;
    let organiser = actors.first().context("the committee's organiser")?;
    let council = db
        .council_by_slug(&Slug::parse(COMMITTEE)?)
        .await?
        .context("the demo committee")?;
    let listings = db.members_of(&council.id).await?;
    let plain = listings
        .iter()
        .find(|m| m.status == MembershipStatus::Active && m.roles == [Role::Member])
        .context("a plain member")?;
    let mut owner = actors
        .iter()
        .find(|a| a.member_id == plain.member_id)
        .context("the plain member's actor")?
        .clone();
    owner.language = Language::Es;
    app.set_rights_contacts(
        organiser,
        COMMITTEE,
        &RightsContacts {
            hotline: "(213) 555-0142 — línea de respuesta rápida (número de demostración)".into(),
            legal: "Clínica legal del barrio (demostración): (213) 555-0199\nLic. Ruiz, abogada voluntaria (demostración): (213) 555-0177".into(),
        },
    )
    .await?;
    app.save_plan(
        &owner,
        &PlanForm {
            message: "Soy Lupe. Si recibes esto, me detuvieron. Llama a la licenciada Ruiz al (213) 555-0177. Mi hermana recoge a Sofi en la escuela Sheridan a las 3. Mis papeles están en la carpeta azul.".into(),
            contacts: "hermana@example.org\nvecina@example.org".into(),
            council: COMMITTEE.into(),
        },
    )
    .await?;
    let account = Account {
        what: "Dos agentes sin uniforme tocaron la puerta preguntando por el vecino del 3. No abrimos y pedimos una orden firmada por un juez; no la tenían. Se fueron a los diez minutos.".into(),
        when: "Hace dos días, hacia las 7:30".into(),
        place: "Calle 1 y Soto".into(),
        involved: "La familia del 3".into(),
        witnesses: "La vecina del 5, que lo vio desde la ventana. Una camioneta gris sin marcas los esperó en la esquina; la foto muestra dónde.".into(),
    };
    let incident = app.file_incident(&owner, COMMITTEE, account).await?;
    app.add_evidence(
        &owner,
        COMMITTEE,
        incident.as_str(),
        &[CORNER_PHOTO.to_vec()],
    )
    .await?;
    Ok(owner.handle.to_string())
}
