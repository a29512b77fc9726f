//! Emergency plans through the use cases, with a mailer and a notifier that record what they
//! were given, on a real SQLite file.

mod support;

use councils_app::AppError;
use councils_app::ports::NoticeKind;
use councils_app::records::plan::PlanForm;
use councils_domain::Role;
use councils_domain::emergency::PlanError;
use councils_store::testing::dump;
use support::{KeyWords, World};

fn form(council: &str) -> PlanForm {
    PlanForm {
        message: "Me detuvieron. Llamen a la abogada Ruiz y recojan a Sofi en la escuela.".into(),
        contacts: "hermana@example.org\nabogada@example.net\nvecino@example.com".into(),
        council: council.into(),
    }
}

#[tokio::test]
async fn a_plan_goes_to_each_contact_in_a_mail_of_its_own_and_tells_the_committee_s_legal_role() {
    let w = World::new().await;
    let _rosa = w.found("barrio", "rosa").await;
    let lawyer = w.join("barrio", Role::Legal, "licenciada").await;
    let _plain = w.join("barrio", Role::Member, "pablo").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    w.app.save_plan(&lupe, &form("barrio")).await.unwrap();

    let sent = w.app.send_my_plan(&lupe, false, &KeyWords).await.unwrap();

    assert_eq!((sent.contacts, sent.delivered, sent.legal_told), (3, 3, 1));
    let mails = w.mails();
    let to: Vec<&str> = mails.iter().map(|m| m.to.as_str()).collect();
    assert_eq!(
        to,
        [
            "hermana@example.org",
            "abogada@example.net",
            "vecino@example.com"
        ]
    );
    for mail in &mails {
        assert!(
            mail.body.contains("Llamen a la abogada Ruiz"),
            "{}",
            mail.body
        );
        assert_eq!(mail.subject, "[es:plan-mail-subject]");
        // No mail names another contact.
        for other in to.iter().filter(|t| **t != mail.to) {
            assert!(!mail.body.contains(other) && !mail.subject.contains(other));
        }
    }
    let notices = w.notices();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].0, vec![lawyer.member_id.clone()]);
    assert_eq!(notices[0].1.kind, NoticeKind::PlanTriggered);
    assert_eq!(notices[0].1.path, "/c/barrio/plans");
    w.finish().await;
}

#[tokio::test]
async fn a_test_of_a_plan_is_marked_as_a_test_and_tells_no_one_in_the_committee() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    w.join("barrio", Role::Legal, "licenciada").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    w.app.save_plan(&lupe, &form("barrio")).await.unwrap();

    let sent = w.app.send_my_plan(&lupe, true, &KeyWords).await.unwrap();

    assert!(sent.test);
    assert_eq!(sent.legal_told, 0);
    assert!(w.notices().is_empty());
    let mails = w.mails();
    assert_eq!(mails.len(), 3);
    for mail in mails {
        assert_eq!(mail.subject, "[es:plan-mail-test-subject]");
        assert!(
            mail.body.starts_with("[es:plan-mail-test-intro"),
            "{}",
            mail.body
        );
    }
    let sendings = w.app.my_plan(&lupe).await.unwrap().sendings;
    assert_eq!(sendings.len(), 1);
    assert!(sendings[0].test);
    w.finish().await;
}

#[tokio::test]
async fn organisers_and_legal_members_set_off_a_plan_for_its_owner_and_no_one_else_can() {
    let w = World::new().await;
    let rosa = w.found("barrio", "rosa").await;
    let lawyer = w.join("barrio", Role::Legal, "licenciada").await;
    let verifier = w.join("barrio", Role::Verifier, "vera").await;
    let plain = w.join("barrio", Role::Member, "pablo").await;
    let other = w.found_another("barrio", "fabrica", "dmitri").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let plan = w.app.save_plan(&lupe, &form("barrio")).await.unwrap();

    let listed = w.app.committee_plans(&rosa, "barrio").await.unwrap();
    assert_eq!(listed.plans.len(), 1);
    assert_eq!(listed.plans[0].handle, "lupe");
    for refused in [&verifier, &plain] {
        assert!(matches!(
            w.app.committee_plans(refused, "barrio").await,
            Err(AppError::Forbidden)
        ));
        assert!(matches!(
            w.app
                .send_plan_for(refused, "barrio", plan.as_str(), &KeyWords)
                .await,
            Err(AppError::NotFound)
        ));
    }
    // An organiser of another council, through her own council or through lupe's.
    for slug in ["fabrica", "barrio"] {
        assert!(matches!(
            w.app
                .send_plan_for(&other, slug, plan.as_str(), &KeyWords)
                .await,
            Err(AppError::NotFound)
        ));
    }
    assert!(w.mails().is_empty());

    let sent = w
        .app
        .send_plan_for(&lawyer, "barrio", plan.as_str(), &KeyWords)
        .await
        .unwrap();
    assert_eq!(sent.delivered, 3);
    assert!(w.mails()[0].body.starts_with("[es:plan-mail-intro-for"));
    w.app
        .send_plan_for(&rosa, "barrio", plan.as_str(), &KeyWords)
        .await
        .unwrap();
    let sendings = w.app.my_plan(&lupe).await.unwrap().sendings;
    let by: Vec<_> = sendings
        .iter()
        .map(|s| s.sent_by.clone().unwrap())
        .collect();
    assert!(by.contains(&lawyer.member_id) && by.contains(&rosa.member_id));
    w.finish().await;
}

#[tokio::test]
async fn a_plan_that_names_no_committee_is_set_off_by_its_owner_alone() {
    let w = World::new().await;
    let rosa = w.found("barrio", "rosa").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let plan = w.app.save_plan(&lupe, &form("")).await.unwrap();
    assert!(
        w.app
            .committee_plans(&rosa, "barrio")
            .await
            .unwrap()
            .plans
            .is_empty()
    );
    assert!(matches!(
        w.app
            .send_plan_for(&rosa, "barrio", plan.as_str(), &KeyWords)
            .await,
        Err(AppError::NotFound)
    ));
    let sent = w.app.send_my_plan(&lupe, false, &KeyWords).await.unwrap();
    assert_eq!((sent.delivered, sent.legal_told), (3, 0));
    w.finish().await;
}

#[tokio::test]
async fn a_plan_is_sealed_at_rest_and_only_when_and_by_whom_it_was_sent_is_kept() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    w.app.save_plan(&lupe, &form("barrio")).await.unwrap();
    w.app.send_my_plan(&lupe, false, &KeyWords).await.unwrap();
    for table in ["emergency_plan", "plan_sending"] {
        for row in dump(&w.db, table).await {
            for (column, value) in row {
                let value = value.unwrap_or_default();
                for secret in ["abogada", "hermana@", "Sofi", "barrio"] {
                    assert!(!value.contains(secret), "{table}.{column} holds {secret}");
                }
            }
        }
    }
    let columns: Vec<String> = dump(&w.db, "plan_sending").await[0]
        .iter()
        .map(|(c, _)| c.clone())
        .collect();
    assert_eq!(
        columns,
        ["plan_sending_id", "plan_id", "sent_at", "sent_by", "test"]
    );
    w.finish().await;
}

#[tokio::test]
async fn a_plan_with_a_bad_contact_or_a_committee_not_the_member_s_is_refused() {
    let w = World::new().await;
    w.found("barrio", "rosa").await;
    let dmitri = w.found_another("barrio", "fabrica", "dmitri").await;
    let lupe = w.join("barrio", Role::Member, "lupe").await;
    let mut bad = form("barrio");
    bad.contacts = "hermana@example.org\nmi hermana".into();
    assert!(matches!(
        w.app.save_plan(&lupe, &bad).await,
        Err(AppError::Plan(PlanError::BadContact { line: 2 }))
    ));
    assert!(matches!(
        w.app.save_plan(&lupe, &form("fabrica")).await,
        Err(AppError::BadValue)
    ));
    assert!(w.app.my_plan(&lupe).await.unwrap().plan.is_none());
    w.app.save_plan(&dmitri, &form("fabrica")).await.unwrap();
    w.app.delete_plan(&dmitri).await.unwrap();
    assert!(w.app.my_plan(&dmitri).await.unwrap().plan.is_none());
    assert!(dump(&w.db, "emergency_plan").await.is_empty());
    w.finish().await;
}
