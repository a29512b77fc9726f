//! Email against a real SMTP receiver on loopback: an urgent notice mails a member who gave
//! an email a title and a link in their language and nothing else; plain mail (emergency
//! plans) goes to one recipient; the operator's settings are checked.

use councils_app::Secret;
use councils_app::ports::{Mail, MailError, Mailer, Notice, NoticeKind};
use councils_delivery::{Delivered, MailRetry, MemberDelivery, SmtpMailer, SmtpSettings, SmtpTls};
use councils_domain::{CouncilId, CouncilKind, Language, Role};
use councils_server::DeliveryConfig;
use councils_testkit::TestApp;
use councils_testkit::smtp::{ReceiverTls, SmtpReceiver};
use std::sync::Arc;

fn settings(receiver: &SmtpReceiver) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port: receiver.addr.port(),
        tls: SmtpTls::None,
        user: Some("councils".into()),
        password: Some(Secret::new("mail server secret".into())),
        from: "councils <alerts@councils.test>".into(),
        ca_pem: None,
    }
}

fn notice() -> Notice {
    Notice {
        kind: NoticeKind::AlertRaised,
        council: CouncilId::new("council-id-not-mailed"),
        subject: "report-7".into(),
        path: "/reports/report-7".into(),
    }
}

#[tokio::test]
async fn an_alert_mails_a_title_and_a_link_in_the_members_language_and_nothing_more() {
    let mut receiver = SmtpReceiver::start_requiring_auth().await;
    let app = TestApp::spawn_with_delivery(DeliveryConfig {
        smtp: Some(settings(&receiver)),
        ..TestApp::test_delivery()
    })
    .await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Responder, "lupe", Language::Es)
        .await;
    let actor = app.actor(&lupe).await;
    app.app()
        .change_email(&actor, Some("lupe@example.org"))
        .await
        .unwrap();

    // Through the server's own notifier: configured from the operator's settings.
    app.server
        .notifier
        .notify(&[rosa.id.clone(), lupe.id.clone()], &notice())
        .await;
    let mail = receiver.next_mail().await;
    assert_eq!(mail.to, vec!["lupe@example.org".to_string()]);
    assert_eq!(mail.from, "alerts@councils.test");
    assert_eq!(
        mail.auth,
        Some(("councils".to_string(), "mail server secret".to_string()))
    );
    assert_eq!(
        mail.header("subject").as_deref(),
        Some("Una alerta te necesita")
    );
    assert_eq!(
        mail.text_body(),
        format!(
            "Una alerta te necesita.\n\n\
             Abre este enlace para verlo (quizá tengas que entrar con tu cuenta):\n\
             {}/reports/report-7\n\n\
             Este correo no dice nada más a propósito: el correo no es privado.",
            app.url
        )
    );
    assert!(!mail.data.contains("council-id-not-mailed"));
    app.stop().await;
}

#[tokio::test]
async fn only_members_who_gave_an_email_are_mailed_and_only_for_urgent_notices() {
    let mut receiver = SmtpReceiver::start_requiring_auth().await;
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Responder, "lupe", Language::En)
        .await;
    let actor = app.actor(&lupe).await;
    app.app()
        .change_email(&actor, Some("lupe@example.org"))
        .await
        .unwrap();
    let mailer = Arc::new(SmtpMailer::new(&settings(&receiver)).unwrap());
    let delivery = MemberDelivery::new(app.app().recipients(), None, mailer, &app.url);
    let members = [rosa.id.clone(), lupe.id.clone()];

    let quiet = Notice {
        kind: NoticeKind::ReportChanged,
        ..notice()
    };
    assert_eq!(
        delivery.deliver(&members, &quiet).await,
        Delivered::default()
    );
    let done = delivery.deliver(&members, &notice()).await;
    assert_eq!(
        done,
        Delivered {
            mailed: 1,
            ..Delivered::default()
        }
    );
    let mail = receiver.next_mail().await;
    assert_eq!(mail.to, vec!["lupe@example.org".to_string()]);
    assert_eq!(
        mail.header("subject").as_deref(),
        Some("An alert needs you")
    );
    assert!(mail.text_body().contains("Open this link to see it"));
    assert!(
        receiver.is_empty(),
        "one mail, for the one member with an email"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_plain_mail_goes_to_its_one_recipient() {
    let mut receiver = SmtpReceiver::start().await;
    let mailer = SmtpMailer::new(&SmtpSettings {
        user: None,
        password: None,
        ..settings(&receiver)
    })
    .unwrap();
    mailer
        .send(&Mail {
            to: "abogada@example.org".into(),
            subject: "Plan de emergencia".into(),
            body: "Me detuvieron. Llama a mi hermana.".into(),
        })
        .await
        .unwrap();
    let mail = receiver.next_mail().await;
    assert_eq!(mail.to, vec!["abogada@example.org".to_string()]);
    assert_eq!(mail.auth, None);
    assert_eq!(mail.text_body(), "Me detuvieron. Llama a mi hermana.");
    assert!(
        mail.header("content-type")
            .unwrap()
            .starts_with("text/plain")
    );
}

#[tokio::test]
async fn a_bad_address_is_refused_before_anything_is_sent() {
    let mut receiver = SmtpReceiver::start().await;
    let mailer = SmtpMailer::new(&settings(&receiver)).unwrap();
    let refused = mailer
        .send(&Mail {
            to: "not an address".into(),
            subject: "x".into(),
            body: "x".into(),
        })
        .await;
    assert!(matches!(refused, Err(MailError::BadAddress)));
    assert!(receiver.is_empty());
}

#[tokio::test]
async fn a_mail_server_without_tls_must_be_on_this_machine() {
    let receiver = SmtpReceiver::start().await;
    let refused = SmtpMailer::new(&SmtpSettings {
        host: "mail.example.org".into(),
        ..settings(&receiver)
    });
    assert!(refused.is_err());
    let refused = SmtpMailer::new(&SmtpSettings {
        from: "not a sender".into(),
        ..settings(&receiver)
    });
    assert!(refused.is_err());
    for tls in [SmtpTls::StartTls, SmtpTls::Tls] {
        assert!(
            SmtpMailer::new(&SmtpSettings {
                host: "mail.example.org".into(),
                tls,
                ..settings(&receiver)
            })
            .is_ok()
        );
    }
}

#[tokio::test]
async fn an_unreachable_mail_server_fails_the_mail_without_naming_its_recipient() {
    let receiver = SmtpReceiver::start().await;
    let mut closed = settings(&receiver);
    drop(receiver);
    // A port nothing listens on any more.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    closed.port = listener.local_addr().unwrap().port();
    drop(listener);
    let mailer = SmtpMailer::new(&closed).unwrap().with_retry(quick_retry());
    let failed = mailer
        .send(&Mail {
            to: "lupe@example.org".into(),
            subject: "x".into(),
            body: "x".into(),
        })
        .await;
    match failed {
        Err(MailError::Failed(message)) => assert!(!message.contains("lupe")),
        other => panic!("expected a failure, got {other:?}"),
    }
}

/// Three tries, 20 ms then 80 ms apart.
fn quick_retry() -> MailRetry {
    MailRetry {
        attempts: 3,
        first_wait: std::time::Duration::from_millis(20),
    }
}

/// A mailer to `receiver` without sign-in, trying as [`quick_retry`] says.
fn quickly_retrying(receiver: &SmtpReceiver) -> SmtpMailer {
    SmtpMailer::new(&SmtpSettings {
        user: None,
        password: None,
        ..settings(receiver)
    })
    .unwrap()
    .with_retry(quick_retry())
}

fn plain_mail() -> Mail {
    Mail {
        to: "lupe@example.org".into(),
        subject: "An alert needs you".into(),
        body: "Open this link to see it.".into(),
    }
}

#[tokio::test]
async fn a_mail_refused_for_now_is_tried_again_until_it_is_taken() {
    let mut receiver = SmtpReceiver::start_refusing_first(2).await;
    let mailer = quickly_retrying(&receiver);
    mailer.send(&plain_mail()).await.unwrap();
    assert_eq!(receiver.refused(), 2);
    let mail = receiver.next_mail().await;
    assert_eq!(mail.to, vec!["lupe@example.org".to_string()]);
    assert!(receiver.is_empty(), "sent once, not once per try");
}

#[tokio::test]
async fn a_mail_still_refused_after_the_last_try_fails() {
    let mut receiver = SmtpReceiver::start_refusing_first(3).await;
    let mailer = quickly_retrying(&receiver);
    let failed = mailer.send(&plain_mail()).await;
    assert!(matches!(failed, Err(MailError::Failed(_))), "{failed:?}");
    assert_eq!(receiver.refused(), 3, "three tries, no more");
    assert!(receiver.is_empty());
}

#[tokio::test]
async fn a_mail_goes_over_starttls_and_over_tls_to_a_server_whose_authority_is_trusted() {
    for (mode, tls) in [
        (ReceiverTls::StartTls, SmtpTls::StartTls),
        (ReceiverTls::Implicit, SmtpTls::Tls),
    ] {
        let (mut receiver, ca) = SmtpReceiver::start_tls(mode).await;
        let mailer = SmtpMailer::new(&SmtpSettings {
            host: "localhost".into(),
            tls,
            user: None,
            password: None,
            ca_pem: Some(ca.into_bytes()),
            ..settings(&receiver)
        })
        .unwrap()
        .with_retry(quick_retry());
        mailer.send(&plain_mail()).await.unwrap();
        let mail = receiver.next_mail().await;
        assert_eq!(mail.to, vec!["lupe@example.org".to_string()], "{mode:?}");
        assert_eq!(mail.text_body(), "Open this link to see it.");
    }
}

#[tokio::test]
async fn a_mail_server_whose_certificate_is_not_trusted_gets_nothing() {
    for (mode, tls) in [
        (ReceiverTls::StartTls, SmtpTls::StartTls),
        (ReceiverTls::Implicit, SmtpTls::Tls),
    ] {
        let (mut receiver, _) = SmtpReceiver::start_tls(mode).await;
        // Trusting only the public web's roots, as by default.
        let mailer = SmtpMailer::new(&SmtpSettings {
            host: "localhost".into(),
            tls,
            user: None,
            password: None,
            ..settings(&receiver)
        })
        .unwrap()
        .with_retry(quick_retry());
        let refused = mailer.send(&plain_mail()).await;
        assert!(
            matches!(refused, Err(MailError::Failed(_))),
            "{mode:?}: {refused:?}"
        );
        assert!(receiver.is_empty(), "{mode:?}");
    }
}
