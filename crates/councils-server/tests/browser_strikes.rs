//! Browser test of a strike in real Chromium: a striker signs up to a picket shift and the
//! gap shown shrinks; the treasurer records a pledge (the balance does not move: a pledge is
//! not money) and a payment to that striker (the balance shown drops); the striker sees her
//! payments, another member sees only the totals. The rota and the fund pass axe-core in both
//! languages, and are photographed at phone and desktop sizes when asked.

#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;
#[path = "../../councils-web/tests/strikes/fixture.rs"]
mod fixture;

use driver::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_picket_signs_up_and_the_treasurer_pays_her_while_others_see_only_totals() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let s = fixture::strike().await;
    let base = s.app.url.clone();
    let rota = format!("/strikes/{}/rota", s.strike);
    let fund = format!("/strikes/{}/fund", s.strike);

    // Ana, in Spanish, finds the strike from her committee and signs up to the shift.
    let ana = driver.browser(&base).await;
    ana.sign_in("ana").await;
    ana.open("/c/garment").await;
    ana.click("a[href='/c/garment/strikes']").await;
    ana.click("#strikes a").await;
    assert_eq!(
        ana.text("#demands li").await,
        "Back pay for every Saturday since March"
    );
    ana.click(&format!("a[href='{rota}']")).await;
    assert_eq!(ana.lang().await, "es");
    assert_eq!(ana.text(".shift-gap").await, "faltan 3");
    ana.click("#shifts .sign-up").await;
    ana.wait_for("#shifts .withdraw").await;
    assert_eq!(ana.text(".shift-gap").await, "faltan 2");
    assert_eq!(ana.text(".shift-people").await, "ana");
    assert!(
        ana.text("#rota-gaps")
            .await
            .starts_with("Faltan 2 personas")
    );

    // The treasurer records a pledge, then pays ana.
    let tesorera = driver.browser(&base).await;
    tesorera.sign_in("tesorera").await;
    tesorera.open(&fund).await;
    assert_eq!(tesorera.text("#fund-balance").await, "180.00 USD");
    tesorera.fill("#pledge-amount", "250").await;
    tesorera
        .fill("#pledge-note", "Sindicato de panaderos")
        .await;
    tesorera.submit("#pledge-form button[type=submit]").await;
    assert_eq!(tesorera.text("#fund-balance").await, "180.00 USD");
    assert_eq!(tesorera.text("#fund-outstanding").await, "450.00 USD");
    tesorera.fill("#payment-payee", "ana").await;
    tesorera.fill("#payment-amount", "30.00").await;
    tesorera.fill("#payment-note", "Transporte").await;
    tesorera.submit("#payment-form button[type=submit]").await;
    assert_eq!(tesorera.text("#fund-balance").await, "150.00 USD");
    assert!(tesorera.text("#fund-balanced").await.contains("suman cero"));
    // Too much is refused, in her language, and nothing changes.
    tesorera.fill("#payment-payee", "ana").await;
    tesorera.fill("#payment-amount", "1000").await;
    tesorera.submit("#payment-form button[type=submit]").await;
    assert!(
        tesorera
            .text("#fund-error")
            .await
            .contains("no tiene tanto")
    );
    assert_eq!(tesorera.text("#fund-balance").await, "150.00 USD");

    // Ana sees her two payments and the balance.
    ana.open(&fund).await;
    assert_eq!(ana.text("#fund-balance").await, "150.00 USD");
    let mine = ana.texts(".movement-payment .amount").await;
    assert_eq!(mine, ["120.00 USD", "30.00 USD"]);
    assert!(!ana.body().await.contains("panaderos"));

    // Pablo, in English, sees the same totals and no one's payments.
    let pablo = driver.browser(&base).await;
    pablo.sign_in("pablo").await;
    pablo.open(&fund).await;
    assert_eq!(pablo.lang().await, "en");
    assert_eq!(pablo.text("#fund-balance").await, "150.00 USD");
    assert!(pablo.text("#fund-paid").await.starts_with("150.00 USD"));
    assert!(pablo.texts(".movement").await.is_empty());
    assert!(!pablo.body().await.contains("Transporte"));

    if let Some(axe) = axe_source() {
        let mut violations = Vec::new();
        for (who, language) in [(&ana, "es"), (&pablo, "en")] {
            for (name, path) in [("rota", &rota), ("fund", &fund)] {
                who.open(path).await;
                violations.extend(who.axe(&axe, name, language).await);
            }
        }
        tesorera.open(&fund).await;
        violations.extend(tesorera.axe(&axe, "fund-treasurer", "es").await);
        assert!(
            violations.is_empty(),
            "serious or critical accessibility violations:\n{}",
            violations.join("\n")
        );
    }
    if let Some(folder) = screenshot_folder() {
        ana.open(&rota).await;
        ana.screenshots(&folder, "strike-rota", "es").await;
        pablo.open(&rota).await;
        pablo.screenshots(&folder, "strike-rota", "en").await;
        tesorera.open(&fund).await;
        tesorera
            .screenshots(&folder, "strike-fund-treasurer", "es")
            .await;
        pablo.open(&fund).await;
        pablo.screenshots(&folder, "strike-fund", "en").await;
        pablo.open(&format!("/strikes/{}", s.strike)).await;
        pablo.screenshots(&folder, "strike", "en").await;
        ana.open("/c/garment/strikes").await;
        ana.screenshots(&folder, "strikes", "es").await;
    }
    for browser in [ana, tesorera, pablo] {
        browser.close().await;
    }
    s.app.stop().await;
}
