//! The demo's leaflet, as a visitor who is not signed in finds it: from the landing page to
//! the public list, the leaflet in English and Spanish with its comments (the hidden one shows
//! only that it was hidden), and its PDF.

use councils_testkit::TestApp;

#[tokio::test]
async fn a_visitor_signed_out_reaches_the_demo_leaflet_from_the_landing_page_and_downloads_its_pdf()
{
    let app = TestApp::spawn().await;
    let db = app.server.db.clone();
    councils_server::demo::seed(
        &db,
        councils_server::demo::DEFAULT_PASSPHRASE,
        1_800_000_000,
    )
    .await
    .unwrap();
    councils_server::demo::seed_motions(app.app(), &db)
        .await
        .unwrap();
    let id = councils_server::demo::seed_publications(app.app(), &db)
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let get = |path: String| {
        let http = http.clone();
        let url = format!("{}{path}", app.url);
        async move {
            let response = http
                .get(url)
                .header("accept-language", "es")
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            response
        }
    };
    let landing = get("/".into()).await.text().await.unwrap();
    assert!(landing.contains("href=\"/publications\""));
    let list = get("/publications".into()).await.text().await.unwrap();
    let path = format!("/c/los-angeles/publications/{id}");
    assert!(list.contains(&path), "{list}");
    assert!(list.contains("Contra la deportación y el imperialismo"));
    let page = get(path.clone()).await.text().await.unwrap();
    assert!(page.contains("Contra la deportación y el imperialismo"));
    assert!(page.contains("Against Deportation and Imperialism"));
    assert!(page.contains("¡La lucha contra las brutales deportaciones"));
    assert!(
        page.contains("Chinese Exclusion Act of 1882"),
        "the leaflet's own comment"
    );
    assert!(page.contains("en mi taller"), "the reply");
    assert!(
        !page.contains("lavado de autos"),
        "the hidden comment's text"
    );
    assert!(page.contains("Una persona organizadora ocultó este comentario."));
    assert!(page.contains("Consejo Obrero de la Ciudad de Los Ángeles"));
    let pdf = get(format!(
        "{path}/leaflet.pdf?paper=a4&layout=page-per-language"
    ))
    .await
    .bytes()
    .await
    .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let feed = get("/publications/feed.atom".into())
        .await
        .text()
        .await
        .unwrap();
    assert!(feed.contains(&path));
    app.stop().await;
}
