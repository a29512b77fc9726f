//! Time-bound rules, with a fake clock: sessions end when idle or too old, invitations expire,
//! and the retention sweep deletes what has expired.

mod common;

use common::get;
use councils_app::clock::FakeClock;
use councils_domain::{CouncilKind, Role};
use councils_testkit::TestApp;
use std::sync::Arc;

const HOUR: i64 = 3600;

#[tokio::test]
async fn an_idle_session_ends_after_two_hours() {
    let clock = Arc::new(FakeClock::at(1_800_000_000));
    let app = TestApp::spawn_with_clock(clock.clone()).await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let router = app.router();
    clock.advance(2 * HOUR - 60);
    assert_eq!(
        get(&router, "/councils", Some(&rosa.cookie()), None)
            .await
            .status,
        200,
        "used in time"
    );
    clock.advance(2 * HOUR - 60);
    assert_eq!(
        get(&router, "/councils", Some(&rosa.cookie()), None)
            .await
            .status,
        200,
        "each use restarts the idle time"
    );
    clock.advance(2 * HOUR + 1);
    let idle = get(&router, "/councils", Some(&rosa.cookie()), None).await;
    assert_eq!(idle.location().as_deref(), Some("/sign-in"));
    app.stop().await;
}

#[tokio::test]
async fn a_session_ends_fourteen_days_after_sign_in_however_much_it_is_used() {
    let clock = Arc::new(FakeClock::at(1_800_000_000));
    let app = TestApp::spawn_with_clock(clock.clone()).await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let router = app.router();
    for _ in 0..(14 * 24) {
        clock.advance(HOUR);
        if get(&router, "/councils", Some(&rosa.cookie()), None)
            .await
            .status
            != 200
        {
            break;
        }
    }
    clock.advance(HOUR);
    let old = get(&router, "/councils", Some(&rosa.cookie()), None).await;
    assert_eq!(old.location().as_deref(), Some("/sign-in"));
    app.stop().await;
}

#[tokio::test]
async fn an_invitation_expires_after_seven_days_and_the_sweep_deletes_it() {
    let clock = Arc::new(FakeClock::at(1_800_000_000));
    let app = TestApp::spawn_with_clock(clock.clone()).await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let invitation = app
        .app()
        .invite_as_operator("garment", Role::Member)
        .await
        .unwrap();
    let router = app.router();
    let path = format!("/join/{}", TestApp::token_of(&invitation.url));
    clock.advance(7 * 24 * HOUR - 60);
    assert_eq!(get(&router, &path, None, None).await.status, 200);
    clock.advance(120);
    let expired = get(&router, &path, None, Some("es")).await;
    assert_eq!(expired.status, 410);
    assert!(expired.text(".error").contains("caducó"));
    // The server's own sweep may come first; either way, after a sweep both are gone.
    app.app().enforce_retention().await.unwrap();
    assert_eq!(
        get(&router, &path, None, None).await.status,
        404,
        "no trace of it is left"
    );
    let idle = get(&router, "/councils", Some(&rosa.cookie()), None).await;
    assert_eq!(
        idle.location().as_deref(),
        Some("/sign-in"),
        "the founder's idle session is over"
    );
    app.stop().await;
}
