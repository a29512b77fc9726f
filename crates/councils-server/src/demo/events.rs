//! The demo's protest: an upcoming march of the garment workers' committee in Los Angeles,
//! shared with the city council, with marshals, medics, legal observers and interpreters
//! needed, some roles taken (gaps left to show), RSVPs from the committee and the city, and
//! a first update.

use anyhow::Context;
use councils_app::App;
use councils_app::event::EventForm;
use councils_domain::EventId;
use councils_domain::event::{EventRole, EventText, input_local};
use councils_store::Db;

/// The committee that calls the march, and the council it is shared with.
pub const COMMITTEE: &str = "garment-workers";
pub const CITY: &str = "los-angeles";

/// Seeds the march and answers its id.
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<EventId> {
    let actors = super::motions::actors(db, COMMITTEE, "rosa").await?;
    let organiser = actors.first().context("the committee's organiser")?;
    // Ten days from now, 10:00 to 13:00 in Los Angeles (UTC-08:00).
    let offset = -480;
    let day = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs() as i64)
        .div_euclid(86_400)
        + 10;
    let starts = day * 86_400 + 18 * 3_600;
    let form = EventForm {
        kind: "protest".into(),
        text: EventText {
            title: "March for the garment workers detained in the raids / Marcha por los trabajadores detenidos".into(),
            place: "Gather at Pershing Square, march to the federal building on Los Angeles St".into(),
            languages: "Spanish, English, K'iche'".into(),
            accessibility: "Step-free route, 1.2 miles at a slow pace; a van follows for anyone who cannot walk it; shade and water at the start.".into(),
            details: "We march for our coworkers taken from the Alameda St shop. Wear white. Do not bring anything you could not lose. Legal observers wear green caps; marshals wear orange vests. Know your rights: you do not have to answer questions or show papers.".into(),
        },
        starts: input_local(starts, offset),
        ends: input_local(starts + 3 * 3_600, offset),
        offset: "-08:00".into(),
        needs: vec![
            (EventRole::Marshal, 6),
            (EventRole::Medic, 2),
            (EventRole::LegalObserver, 4),
            (EventRole::Interpreter, 2),
        ],
        share: vec![CITY.into()],
    };
    let id = app.call_event(organiser, COMMITTEE, &form).await?;
    // Roles taken: marshals 3 of 6, a medic, 2 legal observers, no interpreter yet.
    let roles = [
        "marshal",
        "marshal",
        "marshal",
        "medic",
        "legal-observer",
        "legal-observer",
    ];
    for (actor, role) in actors.iter().skip(1).zip(roles) {
        app.sign_up_for_role(actor, id.as_str(), role).await?;
    }
    for actor in actors.iter().skip(1 + roles.len()).take(12) {
        app.rsvp(actor, id.as_str(), true).await?;
    }
    // Members of the city council (delegates of other committees) come too.
    let city = super::motions::actors(db, CITY, "").await?;
    for actor in city.iter().take(5) {
        app.rsvp(actor, id.as_str(), true).await?;
    }
    app.post_event_update(
        organiser,
        id.as_str(),
        "Marshals and legal observers: meet at 9:15 at the fountain for the briefing. / Personas de seguridad y observadores: nos vemos a las 9:15 en la fuente.",
    )
    .await?;
    Ok(id)
}
