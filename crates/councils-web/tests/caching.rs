//! The council page and sessions are kept in memory between writes: every write must still
//! show at once, and an ended session must never open a page from memory.

mod common;

use common::{garment, get, post};
use councils_domain::{Language, Role};

#[tokio::test]
async fn a_council_page_kept_in_memory_shows_a_role_change_at_once() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let row = format!("#member-{}", ana.id);
    for _ in 0..2 {
        let before = get(&router, "/c/garment", Some(&rosa.cookie()), None).await;
        assert!(
            !before.text(&row).contains("verifier"),
            "{}",
            before.text(&row)
        );
    }
    let granted = post(
        &router,
        &format!("/c/garment/members/{}/roles", ana.id),
        &[("role", "verifier")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(granted.status, 303);
    let after = get(&router, "/c/garment", Some(&rosa.cookie()), None).await;
    assert!(
        after.text(&row).contains("verifier"),
        "{}",
        after.text(&row)
    );
    app.stop().await;
}

#[tokio::test]
async fn a_session_kept_in_memory_opens_nothing_once_signed_out_or_removed() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    assert_eq!(
        get(&router, "/c/garment", Some(&ana.cookie()), None)
            .await
            .status,
        200
    );
    let removed = post(
        &router,
        &format!("/c/garment/members/{}/remove", ana.id),
        &[],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(removed.status, 303);
    let after_removal = get(&router, "/c/garment", Some(&ana.cookie()), None).await;
    assert_eq!(after_removal.location().as_deref(), Some("/sign-in"));

    assert_eq!(
        get(&router, "/c/garment", Some(&rosa.cookie()), None)
            .await
            .status,
        200
    );
    assert_eq!(
        post(&router, "/sign-out", &[], Some(&rosa.cookie()))
            .await
            .status,
        303
    );
    let after_sign_out = get(&router, "/c/garment", Some(&rosa.cookie()), None).await;
    assert_eq!(after_sign_out.location().as_deref(), Some("/sign-in"));
    app.stop().await;
}
