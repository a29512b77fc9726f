//! An emergency plan through the instance's SMTP mailer to a real SMTP receiver on loopback:
//! one mail per contact, each naming only its own recipient, in the plan's language; a test is
//! marked as one.

use councils_app::records::plan::PlanForm;
use councils_delivery::{SmtpSettings, SmtpTls};
use councils_domain::{CouncilKind, Language, Role};
use councils_server::DeliveryConfig;
use councils_testkit::TestApp;
use councils_testkit::smtp::SmtpReceiver;

async fn post(app: &TestApp, cookie: &str, path: &str) -> u16 {
    reqwest::Client::new()
        .post(format!("{}{path}", app.url))
        .header("cookie", cookie)
        .header("origin", &app.url)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn a_plan_is_mailed_to_each_contact_alone_and_a_test_says_it_is_one() {
    let mut receiver = SmtpReceiver::start().await;
    let app = TestApp::spawn_with_delivery(DeliveryConfig {
        smtp: Some(SmtpSettings {
            host: "127.0.0.1".into(),
            port: receiver.addr.port(),
            tls: SmtpTls::None,
            user: None,
            password: None,
            from: "councils <plans@councils.test>".into(),
            ca_pem: None,
        }),
        ..TestApp::test_delivery()
    })
    .await;
    app.found("barrio", CouncilKind::NeighbourhoodCommittee, "rosa")
        .await;
    let lupe = app.join("barrio", Role::Member, "lupe", Language::Es).await;
    let actor = app.actor(&lupe).await;
    let contacts = ["hermana@example.org", "abogada@example.net"];
    app.app()
        .save_plan(
            &actor,
            &PlanForm {
                message: "Me detuvieron. Llamen a la licenciada Ruiz.".into(),
                contacts: contacts.join("\n"),
                council: "barrio".into(),
            },
        )
        .await
        .unwrap();

    // Subjects with accents come as RFC 2047 encoded words; their plain words are checked.
    for (path, subject_starts, test) in [
        ("/plan/test", "PRUEBA ", true),
        ("/plan/send", "Mensaje de emergencia:", false),
    ] {
        assert_eq!(post(&app, &lupe.cookie(), path).await, 200, "{path}");
        let mut to = Vec::new();
        for _ in contacts {
            let mail = receiver.next_mail().await;
            assert_eq!(mail.to.len(), 1, "one recipient per mail");
            let other = contacts.iter().find(|c| **c != mail.to[0]).unwrap();
            assert!(!mail.data.contains(other), "a mail names another contact");
            let subject = mail.header("subject").unwrap();
            assert!(subject.starts_with(subject_starts), "{subject}");
            assert_eq!(subject.contains("esto es una prueba"), test, "{subject}");
            assert!(mail.text_body().contains("licenciada Ruiz"));
            to.push(mail.to[0].clone());
        }
        to.sort();
        assert_eq!(to, ["abogada@example.net", "hermana@example.org"]);
    }
    assert!(receiver.is_empty());
    app.stop().await;
}
