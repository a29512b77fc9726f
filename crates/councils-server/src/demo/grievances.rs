//! The demo's grievances, in the garment workers' committee: an anonymous wage-theft case
//! with its pay calculation, a question and the filer's answer through the private link, a
//! deadline; and two unpaid-overtime grievances joined into a collective one, with a note and
//! a deadline of its own. All filed and run through the use cases, as members would.

use anyhow::Context;
use councils_app::App;
use councils_app::grievance::GrievanceDraft;
use councils_domain::grievance::Statement;
use councils_domain::grievance_pay::{PayClaim, PayLine};
use councils_store::Db;

/// The committee the demo's grievances are in (see `demo/motions.rs`).
pub const COMMITTEE: &str = "garment-workers";

fn statement(what: &str, when: &str, affected: &str, wanted: &str) -> Statement {
    Statement {
        what: what.into(),
        when: when.into(),
        affected: affected.into(),
        wanted: wanted.into(),
    }
}

/// A day `days` from now, as the deadline form takes it.
fn in_days(days: i64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    councils_app::records::format_utc(now + days * 86_400)[..10].to_string()
}

/// Seeds them and answers the private link of the anonymous one (a path on the instance).
pub async fn seed(app: &App, db: &Db) -> anyhow::Result<String> {
    let members = super::motions::actors(db, COMMITTEE, "rosa").await?;
    let rosa = members.first().context("the committee's organiser")?;
    let filer = members.get(5).context("a member to file")?;
    let wage = GrievanceDraft {
        kind: "wage-theft".into(),
        statement: statement(
            "Nos pagan 40 horas a la semana cuando trabajamos 52. El reloj checador está en la oficina y no nos dejan ver los registros.",
            "Cada semana desde marzo",
            "Toda la línea de corte, unas doce personas",
            "El pago atrasado completo y un reloj checador que podamos ver",
        ),
        anonymous: true,
        claim: Some(PayClaim::new(
            "USD",
            vec![
                PayLine {
                    description: "Una semana típica: horas normales".into(),
                    hours_hundredths: 4_000,
                    rate_cents: 1_690,
                    paid_cents: 67_600,
                },
                PayLine {
                    description: "Una semana típica: 12 horas extra a tiempo y medio".into(),
                    hours_hundredths: 1_200,
                    rate_cents: 2_535,
                    paid_cents: 0,
                },
            ],
        )?),
        ..GrievanceDraft::default()
    };
    let filed = app.file_grievance(filer, COMMITTEE, &wage).await?;
    let token = filed
        .follow_token
        .context("an anonymous grievance's link")?
        .expose()
        .to_string();
    let id = filed.id.to_string();
    app.assign_grievance(rosa, COMMITTEE, &id, rosa.handle.as_str())
        .await?;
    app.set_grievance_status(rosa, COMMITTEE, &id, "investigating")
        .await?;
    app.note_grievance(
        rosa,
        COMMITTEE,
        &id,
        "¿Desde qué semana exactamente? ¿Guardas tus talones de pago?",
        true,
    )
    .await?;
    app.answer_by_link(
        &token,
        "Desde la primera semana de marzo. Tengo todos los talones en casa.",
    )
    .await?;
    app.add_grievance_deadline(
        rosa,
        COMMITTEE,
        &id,
        "Carta al patrón pidiendo los registros de horas",
        &in_days(7),
    )
    .await?;

    // Two grievances about the same Saturdays, joined into a collective grievance.
    let mut joined = Vec::new();
    for (who, what) in [
        (
            members.get(6).context("a member")?,
            "Los sábados nos hacen quedarnos dos horas más para terminar el pedido, y no las pagan.",
        ),
        (
            members.get(7).context("a member")?,
            "El supervisor dice que las horas del sábado son voluntarias, pero a quien se va le quitan turnos.",
        ),
    ] {
        let draft = GrievanceDraft {
            kind: "unpaid-overtime".into(),
            statement: statement(
                what,
                "Los sábados desde septiembre",
                "",
                "Que paguen las horas del sábado",
            ),
            ..GrievanceDraft::default()
        };
        joined.push(
            app.file_grievance(who, COMMITTEE, &draft)
                .await?
                .id
                .to_string(),
        );
    }
    let collective = app
        .join_grievances(
            rosa,
            COMMITTEE,
            &joined,
            "unpaid-overtime",
            statement(
                "Las horas extra de los sábados no se pagan, y a quien no se queda le quitan turnos.",
                "",
                "",
                "Pago de todas las horas del sábado desde septiembre, y que nadie pierda turnos por irse",
            ),
        )
        .await?
        .to_string();
    app.note_grievance(
        rosa,
        COMMITTEE,
        &collective,
        "Lo planteamos en la asamblea del jueves; varias compañeras más tienen el mismo caso.",
        false,
    )
    .await?;
    app.set_grievance_status(rosa, COMMITTEE, &collective, "raised-with-employer")
        .await?;
    app.add_grievance_deadline(
        rosa,
        COMMITTEE,
        &collective,
        "El patrón responde a la carta colectiva",
        &in_days(14),
    )
    .await?;
    Ok(format!("/grievances/follow/{token}"))
}
