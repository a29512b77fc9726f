//! Notices by topic, against a real SMTP receiver on loopback: a member who chose email is
//! mailed at once, one who chose the digest gets one mail a day later counting what waited,
//! one who chose only open pages gets nothing; alerts come at once whatever was chosen; no
//! mail names a council; kept notices go after a week. And opening a vote reaches the open
//! pages of the council's members.

use councils_app::clock::FakeClock;
use councils_app::ports::{DeliveryMode, Notice, NoticeKind, NoticeTopic};
use councils_delivery::{
    Delivered, Digests, DigestsSent, MemberDelivery, SmtpMailer, SmtpSettings, SmtpTls,
};
use councils_domain::{CouncilId, CouncilKind, Language, Role};
use councils_testkit::smtp::SmtpReceiver;
use councils_testkit::{TestApp, TestMember};
use std::sync::Arc;
use std::time::Duration;

const NOW: i64 = 1_796_000_000;

fn settings(receiver: &SmtpReceiver) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port: receiver.addr.port(),
        tls: SmtpTls::None,
        user: None,
        password: None,
        from: "councils <notices@councils.test>".into(),
        ca_pem: None,
    }
}

fn vote_opened() -> Notice {
    Notice {
        kind: NoticeKind::VotingOpened,
        council: CouncilId::new("garment-id"),
        subject: "motion-1".into(),
        path: "/c/garment/motions/motion-1".into(),
    }
}

async fn with_email(
    app: &TestApp,
    handle: &str,
    language: Language,
    motions: Option<DeliveryMode>,
) -> TestMember {
    let member = app.join("garment", Role::Responder, handle, language).await;
    let actor = app.actor(&member).await;
    app.app()
        .change_email(&actor, Some(&format!("{handle}@example.org")))
        .await
        .unwrap();
    if let Some(mode) = motions {
        app.app()
            .choose_notices(&actor, &[(NoticeTopic::Motions, mode)])
            .await
            .unwrap();
    }
    member
}

#[tokio::test]
async fn each_member_hears_of_a_vote_as_they_chose_and_of_an_alert_at_once() {
    let mut receiver = SmtpReceiver::start().await;
    let clock = Arc::new(FakeClock::at(NOW));
    let app = TestApp::spawn_with_clock(clock.clone()).await;
    app.found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = with_email(&app, "lupe", Language::Es, Some(DeliveryMode::Email)).await;
    let ana = with_email(&app, "ana", Language::En, Some(DeliveryMode::Digest)).await;
    let pedro = with_email(&app, "pedro", Language::En, Some(DeliveryMode::Live)).await;
    // Never chose: push by default, and she has no device subscribed, so nothing goes.
    let marta = with_email(&app, "marta", Language::En, None).await;
    let everyone = [
        lupe.id.clone(),
        ana.id.clone(),
        pedro.id.clone(),
        marta.id.clone(),
    ];
    // Taken now: the clock moves past their sessions' idle limit below.
    let (ana_actor, pedro_actor) = (app.actor(&ana).await, app.actor(&pedro).await);
    let mailer = Arc::new(SmtpMailer::new(&settings(&receiver)).unwrap());
    let delivery = MemberDelivery::new(app.app().recipients(), None, mailer.clone(), &app.url);
    let digests = Digests::new(app.app().recipients(), mailer, &app.url);

    let done = delivery.deliver(&everyone, &vote_opened()).await;
    assert_eq!(
        done,
        Delivered {
            mailed: 1,
            ..Delivered::default()
        }
    );
    let mail = receiver.next_mail().await;
    assert_eq!(mail.to, vec!["lupe@example.org".to_string()]);
    // The subject is the same title, encoded for mail headers.
    assert!(
        mail.text_body()
            .starts_with("Hay una votación abierta en tu consejo.\n"),
        "{}",
        mail.text_body()
    );
    assert!(mail.text_body().contains(&format!("{}/notices\n", app.url)));
    assert!(!mail.data.contains("garment"), "a mail names no council");
    assert!(receiver.is_empty());

    // Ana's waits a day for her digest, then comes once.
    assert_eq!(digests.send_due().await, DigestsSent::default());
    clock.advance(86_400 - 60);
    assert_eq!(digests.send_due().await, DigestsSent::default());
    delivery
        .deliver(
            &everyone,
            &Notice {
                subject: "motion-2".into(),
                ..vote_opened()
            },
        )
        .await;
    let _lupe_again = receiver.next_mail().await;
    clock.advance(60);
    assert_eq!(
        digests.send_due().await,
        DigestsSent {
            mailed: 1,
            failed: 0
        }
    );
    let digest = receiver.next_mail().await;
    assert_eq!(digest.to, vec!["ana@example.org".to_string()]);
    assert_eq!(
        digest.header("subject").as_deref(),
        Some("2 new notices on councils")
    );
    assert!(
        digest
            .text_body()
            .contains("A vote is open in your council: 2")
    );
    assert!(
        digest
            .text_body()
            .contains(&format!("{}/notices\n", app.url))
    );
    assert!(!digest.data.contains("garment"));
    assert_eq!(
        digests.send_due().await,
        DigestsSent::default(),
        "one digest, once"
    );

    // Her page of notices lists both, with where to look.
    let kept = app.app().kept_notices(&ana_actor).await.unwrap();
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|k| k.mailed_at == Some(NOW + 86_400)));
    assert_eq!(kept[0].path, "/c/garment/motions/motion-1");
    assert!(
        app.app()
            .kept_notices(&pedro_actor)
            .await
            .unwrap()
            .is_empty()
    );

    // An alert comes at once to everyone with an email, whatever they chose for motions.
    let alert = Notice {
        kind: NoticeKind::AlertRaised,
        subject: "report-1".into(),
        path: "/reports/report-1".into(),
        ..vote_opened()
    };
    assert_eq!(delivery.deliver(&everyone, &alert).await.mailed, 4);
    for _ in 0..4 {
        receiver.next_mail().await;
    }

    // A week on, the kept notices are gone.
    clock.advance(7 * 86_400);
    assert_eq!(app.app().forget_old_notices().await.unwrap(), 4);
    assert!(app.app().kept_notices(&ana_actor).await.unwrap().is_empty());
    app.stop().await;
}

#[tokio::test]
async fn mail_cannot_be_chosen_without_an_email_nor_anything_for_alerts() {
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let actor = app.actor(&rosa).await;
    let refused = app
        .app()
        .choose_notices(&actor, &[(NoticeTopic::Events, DeliveryMode::Digest)])
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "notice-mail-without-email");
    let refused = app
        .app()
        .choose_notices(&actor, &[(NoticeTopic::Alerts, DeliveryMode::Live)])
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "notice-alerts-fixed");
    let choices = app.app().notice_choices(&actor).await.unwrap();
    assert!(
        choices.iter().all(|c| c.mode == DeliveryMode::Push),
        "nothing was changed"
    );
    app.stop().await;
}

#[tokio::test]
async fn opening_a_vote_reaches_the_open_pages_of_the_councils_members() {
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let lupe = app
        .join("garment", Role::Member, "lupe", Language::Es)
        .await;
    let mut page = app.app().live().subscribe(&lupe.id);
    let organiser = app.actor(&rosa).await;
    let draft = councils_app::motion::MotionDraft {
        kind: "ordinary".into(),
        method: "yes-no".into(),
        texts: vec![(Language::En, "Walk out on Friday".into(), String::new())],
        ..Default::default()
    };
    let motion = app
        .app()
        .propose_motion(&organiser, "garment", &draft)
        .await
        .unwrap();
    app.app()
        .open_voting(&organiser, "garment", motion.as_str(), None)
        .await
        .unwrap();
    let frame = tokio::time::timeout(Duration::from_secs(5), page.receiver.recv())
        .await
        .expect("the open page hears at once")
        .unwrap();
    let text = std::str::from_utf8(&frame).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(text.trim_start_matches("data: ").trim()).unwrap();
    assert_eq!(json["kind"], "voting-opened");
    assert_eq!(json["subject"], motion.as_str());
    assert_eq!(json["path"], format!("/c/garment/motions/{motion}"));
    assert!(json["report_id"].is_null());
    app.stop().await;
}
