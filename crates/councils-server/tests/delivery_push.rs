//! Web Push against a push service on loopback: what a browser receives decrypts with its own
//! keys to the notice and a title in its member's language, signed with the instance's VAPID
//! key; a busy service is tried again, a bounded number of times; a subscription the service
//! says is gone is forgotten; and a slow service never holds up whoever caused the notice.

use councils_app::ports::{NoMailer, Notice, NoticeKind};
use councils_delivery::{Delivered, MemberDelivery, PushSettings, VapidKey, WebPush};
use councils_domain::{CouncilId, Language, Role};
use councils_testkit::push::{BrowserKeys, PushReceiver, PushRequest};
use councils_testkit::{TestApp, TestMember};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;
use web_push_native::jwt_simple::prelude::*;

fn notice(kind: NoticeKind) -> Notice {
    Notice {
        kind,
        council: CouncilId::new("council-id-not-shown"),
        subject: "report-7".into(),
        path: "/reports/report-7".into(),
    }
}

/// A browser of `member` subscribed through the API at `receiver`, as push.js does it.
async fn subscribe(
    app: &TestApp,
    member: &TestMember,
    receiver: &PushReceiver,
    browser: &str,
) -> BrowserKeys {
    let keys = BrowserKeys::generate();
    let response = reqwest::Client::new()
        .post(format!("{}/api/v1/push/subscriptions", app.url))
        .header("authorization", format!("Bearer {}", member.token.expose()))
        .json(&keys.subscription_json(&receiver.endpoint(browser)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    keys
}

async fn subscriptions(app: &TestApp, member: &TestMember) -> usize {
    let actor = app.actor(member).await;
    app.app().push_subscriptions(&actor).await.unwrap().len()
}

/// Delivery as the server wires it, but awaited, with retries 5 ms apart.
fn delivery(app: &TestApp) -> MemberDelivery {
    let mut settings = PushSettings::new("mailto:operator@councils.test");
    settings.endpoints = councils_app::push::EndpointPolicy::AllowLoopbackHttp;
    settings.backoff = Duration::from_millis(5);
    let push = WebPush::new(VapidKey::generate(), settings).unwrap();
    MemberDelivery::new(
        app.app().recipients(),
        Some(Arc::new(push)),
        Arc::new(NoMailer),
        &app.url,
    )
}

fn plaintext(keys: &BrowserKeys, request: &PushRequest) -> Value {
    let plain = keys.decrypt(&request.body).expect("the payload decrypts");
    serde_json::from_slice(&plain).expect("the payload is JSON")
}

async fn garment_with_lupe() -> (TestApp, TestMember, TestMember) {
    let app = TestApp::spawn().await;
    let rosa = app
        .found(
            "garment",
            councils_domain::CouncilKind::WorkplaceCommittee,
            "rosa",
        )
        .await;
    let lupe = app
        .join("garment", Role::Responder, "lupe", Language::Es)
        .await;
    (app, rosa, lupe)
}

#[tokio::test]
async fn an_alert_reaches_the_browser_encrypted_for_it_signed_by_the_instance_in_its_members_language()
 {
    let (app, rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    let lupes = subscribe(&app, &lupe, &receiver, "lupe-phone").await;
    let rosas = subscribe(&app, &rosa, &receiver, "rosa-laptop").await;

    app.server
        .notifier
        .notify(
            &[lupe.id.clone(), rosa.id.clone()],
            &notice(NoticeKind::AlertRaised),
        )
        .await;
    let mut got = [receiver.next_request().await, receiver.next_request().await];
    got.sort_by(|a, b| a.browser.cmp(&b.browser));
    let (lupe_push, rosa_push) = (&got[0], &got[1]);
    assert_eq!(lupe_push.browser, "lupe-phone");

    let payload = plaintext(&lupes, lupe_push);
    assert_eq!(payload["kind"], "alert-raised");
    assert_eq!(payload["report_id"], "report-7");
    assert_eq!(payload["path"], "/reports/report-7");
    assert_eq!(payload["title"], "Una alerta te necesita");
    assert_eq!(payload["lang"], "es");
    assert_eq!(plaintext(&rosas, rosa_push)["title"], "An alert needs you");
    // Each browser's message opens with its own keys only.
    assert!(rosas.decrypt(&lupe_push.body).is_err());
    // Nothing of the notice travels in clear.
    let raw = String::from_utf8_lossy(&lupe_push.body);
    assert!(!raw.contains("alert") && !raw.contains("report-7"));

    assert_eq!(lupe_push.header("content-encoding"), "aes128gcm");
    assert_eq!(lupe_push.header("urgency"), "high");
    assert_eq!(lupe_push.header("ttl"), "3600");

    // Signed with the key pages subscribe with.
    let served: Value = reqwest::get(format!("{}/api/v1/push/key", app.url))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let served = served["public_key"].as_str().unwrap();
    let vapid = lupe_push.header("authorization");
    let (token, key) = vapid
        .strip_prefix("vapid t=")
        .and_then(|rest| rest.split_once(", k="))
        .expect("a VAPID authorization");
    assert_eq!(key, served);
    let public = ES256PublicKey::from_bytes(&base64_url_decode(served)).unwrap();
    let claims = public
        .verify_token::<NoCustomClaims>(
            token,
            Some(VerificationOptions {
                allowed_audiences: Some(HashSet::from_strings(&["http://127.0.0.1"])),
                ..Default::default()
            }),
        )
        .expect("a valid VAPID signature for the push service's origin");
    assert_eq!(claims.subject.as_deref(), Some(app.url.as_str()));
    app.stop().await;
}

fn base64_url_decode(text: &str) -> Vec<u8> {
    use web_push_native::jwt_simple::reexports::ct_codecs::{Base64UrlSafeNoPadding, Decoder};
    Base64UrlSafeNoPadding::decode_to_vec(text, None).unwrap()
}

#[tokio::test]
async fn a_slow_push_service_never_holds_up_the_notice() {
    let (app, _rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    let keys = subscribe(&app, &lupe, &receiver, "lupe-phone").await;
    receiver.pause();
    tokio::time::timeout(
        Duration::from_secs(2),
        app.server.notifier.notify(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::AlertRaised),
        ),
    )
    .await
    .expect("notify returns while the push service has not answered");
    let request = receiver.next_request().await;
    receiver.resume();
    assert_eq!(plaintext(&keys, &request)["kind"], "alert-raised");
    app.stop().await;
}

#[tokio::test]
async fn a_busy_push_service_is_tried_again_until_it_takes_the_message() {
    let (app, _rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    let keys = subscribe(&app, &lupe, &receiver, "lupe-phone").await;
    receiver.answer("lupe-phone", &[503, 429]);
    let done = delivery(&app)
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::AlertRaised),
        )
        .await;
    assert_eq!(
        done,
        Delivered {
            pushed: 1,
            ..Delivered::default()
        }
    );
    let tries = receiver.drain();
    assert_eq!(
        tries.iter().map(|r| r.status).collect::<Vec<_>>(),
        vec![503, 429, 201]
    );
    for request in &tries {
        assert_eq!(plaintext(&keys, request)["report_id"], "report-7");
    }
    assert_eq!(subscriptions(&app, &lupe).await, 1);
    app.stop().await;
}

#[tokio::test]
async fn a_push_service_failing_every_time_is_tried_a_bounded_number_of_times() {
    let (app, _rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    subscribe(&app, &lupe, &receiver, "lupe-phone").await;
    receiver.answer("lupe-phone", &[503; 10]);
    let done = delivery(&app)
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::AlertRaised),
        )
        .await;
    assert_eq!(
        done,
        Delivered {
            push_failed: 1,
            ..Delivered::default()
        }
    );
    assert_eq!(receiver.drain().len(), 4);
    // A failing service is not a gone subscription.
    assert_eq!(subscriptions(&app, &lupe).await, 1);
    app.stop().await;
}

#[tokio::test]
async fn a_refused_push_is_not_tried_again() {
    let (app, _rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    subscribe(&app, &lupe, &receiver, "lupe-phone").await;
    receiver.answer("lupe-phone", &[400]);
    let done = delivery(&app)
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::AlertRaised),
        )
        .await;
    assert_eq!(
        done,
        Delivered {
            push_failed: 1,
            ..Delivered::default()
        }
    );
    assert_eq!(receiver.drain().len(), 1);
    assert_eq!(subscriptions(&app, &lupe).await, 1);
    app.stop().await;
}

#[tokio::test]
async fn a_subscription_the_push_service_says_is_gone_is_forgotten() {
    let (app, _rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    subscribe(&app, &lupe, &receiver, "old-phone").await;
    subscribe(&app, &lupe, &receiver, "lost-phone").await;
    let current = subscribe(&app, &lupe, &receiver, "new-phone").await;
    receiver.answer("old-phone", &[410]);
    receiver.answer("lost-phone", &[404]);
    let done = delivery(&app)
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::AlertUpdated),
        )
        .await;
    assert_eq!(
        done,
        Delivered {
            pushed: 1,
            gone: 2,
            ..Delivered::default()
        }
    );
    assert_eq!(receiver.drain().len(), 3);
    let actor = app.actor(&lupe).await;
    assert_eq!(app.app().push_subscriptions(&actor).await.unwrap().len(), 1);

    // The next notice goes to the one left only.
    delivery(&app)
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::AlertClosed),
        )
        .await;
    let left = receiver.drain();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].browser, "new-phone");
    let payload = plaintext(&current, &left[0]);
    assert_eq!(payload["title"], "Todo despejado: se cerró una alerta");
    assert_eq!(left[0].header("urgency"), "normal");
    app.stop().await;
}

#[tokio::test]
async fn a_notice_that_is_not_urgent_goes_by_no_push_service() {
    let (app, _rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    subscribe(&app, &lupe, &receiver, "lupe-phone").await;
    let done = delivery(&app)
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::ReportChanged),
        )
        .await;
    assert_eq!(done, Delivered::default());
    // The same delivery then sends an urgent one: only that one arrives.
    delivery(&app)
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::ReportFiled),
        )
        .await;
    let got = receiver.drain();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].header("ttl"), "7200");
    app.stop().await;
}

#[tokio::test]
async fn outside_tests_a_push_endpoint_on_loopback_is_never_posted_to() {
    let (app, _rosa, lupe) = garment_with_lupe().await;
    let mut receiver = PushReceiver::start().await;
    subscribe(&app, &lupe, &receiver, "lupe-phone").await;
    let production =
        WebPush::new(VapidKey::generate(), PushSettings::new("mailto:o@c.test")).unwrap();
    let delivery = MemberDelivery::new(
        app.app().recipients(),
        Some(Arc::new(production)),
        Arc::new(NoMailer),
        &app.url,
    );
    let done = delivery
        .deliver(
            std::slice::from_ref(&lupe.id),
            &notice(NoticeKind::AlertRaised),
        )
        .await;
    // Not posted to, and forgotten as a subscription this server cannot use.
    assert_eq!(
        done,
        Delivered {
            gone: 1,
            ..Delivered::default()
        }
    );
    assert!(receiver.drain().is_empty());
    assert_eq!(subscriptions(&app, &lupe).await, 0);
    app.stop().await;
}
