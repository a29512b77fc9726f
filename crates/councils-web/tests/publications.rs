//! Publications through the pages: an organiser writes a text in two languages and
//! publishes it, members read it in their language with its Markdown made safe, comment and
//! reply in threads, an organiser hides and removes comments (minuted), the public list and
//! its Atom feed, the printable leaflet (or, without the feature, a clear refusal), and an
//! organiser editing a text and deleting a publication.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{garment, get, post};
use councils_app::clock::FakeClock;
use councils_domain::publication::HIDDEN_KEEP;
use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use http_body_util::BodyExt;
use std::sync::Arc;
use tower::ServiceExt;

const BODY_EN: &str = "Assaults on **migrant workers** are assaults on *all* workers.\n\n- Defend your neighbours\n- Strike where it hurts\n\n<script>alert('x')</script>";
const BODY_ES: &str = "Los ataques contra los **trabajadores migrantes** son ataques contra todos.";

/// rosa writes and publishes a two-language leaflet in garment; answers its page's path.
async fn published(app: &TestApp, cookie: &str, public: bool) -> String {
    let router = app.router();
    let mut fields = vec![
        ("title_en", "No war but the class war"),
        ("body_en", BODY_EN),
        ("title_es", "Ninguna guerra sino la guerra de clases"),
        ("body_es", BODY_ES),
    ];
    if public {
        fields.push(("public", "yes"));
    }
    let created = post(&router, "/c/garment/publications", &fields, Some(cookie)).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let path = created.location().unwrap();
    let draft = get(&router, &path, Some(cookie), None).await;
    assert!(draft.body.contains("id=\"publish\""));
    let out = post(&router, &format!("{path}/publish"), &[], Some(cookie)).await;
    assert_eq!(out.status, 303, "{}", out.body);
    path
}

#[tokio::test]
async fn members_read_a_published_text_in_their_language_with_its_markdown_made_safe() {
    let (app, rosa) = garment().await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let path = published(&app, &rosa.cookie(), false).await;
    let page = get(&app.router(), &path, Some(&ana.cookie()), None).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.text("h1"), "Ninguna guerra sino la guerra de clases");
    assert_eq!(page.texts("article").len(), 2);
    assert!(
        page.body
            .contains("<strong>trabajadores migrantes</strong>")
    );
    assert!(page.body.contains("<li>Defend your neighbours</li>"));
    // The raw HTML in the text is shown as text, never run.
    assert!(!page.body.contains("<script>alert"));
    assert!(page.body.contains("&lt;script&gt;"));
    assert!(page.body.contains("Solo para miembros"));
    let list = get(
        &app.router(),
        "/c/garment/publications",
        Some(&ana.cookie()),
        None,
    )
    .await;
    assert!(list.body.contains(&path));
    app.stop().await;
}

#[tokio::test]
async fn a_text_with_a_title_but_no_body_is_refused_in_the_readers_language_and_nothing_is_saved() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let page = post(
        &router,
        "/c/garment/publications",
        &[("title_es", "Sin texto"), ("body_es", "")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(page.status, 422);
    assert!(
        page.text("p.error").contains("title and a text"),
        "{}",
        page.body
    );
    assert_eq!(
        page.attr("#title-es", "value").as_deref(),
        Some("Sin texto")
    );
    let list = get(
        &router,
        "/c/garment/publications",
        Some(&rosa.cookie()),
        None,
    )
    .await;
    assert!(list.body.contains("No publications yet."));
    app.stop().await;
}

#[tokio::test]
async fn a_reply_is_threaded_under_its_comment_and_an_organiser_hides_and_removes_comments() {
    let (app, rosa) = garment().await;
    let ana = app.join("garment", Role::Member, "ana", Language::En).await;
    let luis = app
        .join("garment", Role::Member, "luis", Language::En)
        .await;
    let router = app.router();
    let path = published(&app, &rosa.cookie(), false).await;
    let first = post(
        &router,
        &format!("{path}/comments"),
        &[("body", "Print more for Saturday")],
        Some(&ana.cookie()),
    )
    .await;
    let comment = first
        .location()
        .unwrap()
        .split("#comment-")
        .nth(1)
        .unwrap()
        .to_string();
    post(
        &router,
        &format!("{path}/comments"),
        &[("body", "I will bring 200"), ("parent", &comment)],
        Some(&luis.cookie()),
    )
    .await;
    let other = post(
        &router,
        &format!("{path}/comments"),
        &[("body", "Off-topic rant")],
        Some(&luis.cookie()),
    )
    .await;
    let other = other
        .location()
        .unwrap()
        .split("#comment-")
        .nth(1)
        .unwrap()
        .to_string();

    let page = get(&router, &path, Some(&ana.cookie()), None).await;
    let items = page.texts("#comment-list > li");
    assert_eq!(items.len(), 3);
    assert!(items[0].contains("Print more") && items[1].contains("I will bring 200"));
    let reply = page
        .attr("#comment-list > li:nth-child(2)", "class")
        .unwrap();
    assert!(reply.contains("depth-1"), "{reply}");
    assert!(
        page.attr("#comment-list > li:nth-child(1)", "class")
            .unwrap()
            .contains("depth-0")
    );

    // A member cannot moderate; the organiser hides one and removes another.
    let refused = post(
        &router,
        &format!("{path}/comments/{other}/moderation"),
        &[("action", "hide")],
        Some(&ana.cookie()),
    )
    .await;
    assert_eq!(refused.status, 403);
    let hidden = post(
        &router,
        &format!("{path}/comments/{other}/moderation"),
        &[("action", "hide")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(hidden.status, 303, "{}", hidden.body);
    let page = get(&router, &path, Some(&ana.cookie()), None).await;
    assert!(!page.body.contains("Off-topic rant"));
    assert!(page.body.contains("An organiser hid this comment."));
    let organiser = get(&router, &path, Some(&rosa.cookie()), None).await;
    assert!(organiser.body.contains("Off-topic rant") && organiser.body.contains("Show again"));
    let removed = post(
        &router,
        &format!("{path}/comments/{comment}/moderation"),
        &[("action", "remove")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(removed.status, 303);
    let page = get(&router, &path, Some(&rosa.cookie()), None).await;
    assert!(
        !page.body.contains("Print more")
            && page.body.contains("An organiser removed this comment.")
    );
    // The reply keeps its place under the removed comment.
    assert!(
        page.text("#comment-list > li:nth-child(2)")
            .contains("I will bring 200")
    );
    // Removing twice is refused with a clear error, nothing changes.
    let again = post(
        &router,
        &format!("{path}/comments/{comment}/moderation"),
        &[("action", "remove")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(again.status, 422);
    // Both moderations are in the minutes.
    let minutes = get(&router, "/c/garment/minutes", Some(&rosa.cookie()), None).await;
    assert!(
        minutes
            .body
            .contains("rosa hid a comment on a publication."),
        "{}",
        minutes.body
    );
    assert!(
        minutes
            .body
            .contains("rosa removed a comment on a publication.")
    );
    assert!(
        minutes
            .body
            .contains("rosa published a publication for members.")
    );
    app.stop().await;
}

#[tokio::test]
async fn a_hidden_comment_is_erased_when_its_keeping_runs_out() {
    let clock = Arc::new(FakeClock::at(1_800_000_000));
    let app = TestApp::spawn_with_clock(clock.clone()).await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let router = app.router();
    // Public, so that it can be read signed out after the organiser's session has run out.
    let path = published(&app, &rosa.cookie(), true).await;
    let made = post(
        &router,
        &format!("{path}/comments"),
        &[("body", "Names a neighbour")],
        Some(&rosa.cookie()),
    )
    .await;
    let id = made
        .location()
        .unwrap()
        .split("#comment-")
        .nth(1)
        .unwrap()
        .to_string();
    post(
        &router,
        &format!("{path}/comments/{id}/moderation"),
        &[("action", "hide")],
        Some(&rosa.cookie()),
    )
    .await;
    assert_eq!(app.app().enforce_publication_retention().await.unwrap(), 0);
    clock.advance(HIDDEN_KEEP + 1);
    assert_eq!(app.app().enforce_publication_retention().await.unwrap(), 1);
    let page = get(&router, &path, None, None).await;
    assert!(!page.body.contains("Names a neighbour"));
    assert!(page.body.contains("An organiser removed this comment."));
    app.stop().await;
}

#[tokio::test]
async fn a_public_publication_is_read_signed_out_listed_and_in_the_atom_feed() {
    let (app, rosa) = garment().await;
    let router = app.router();
    let path = published(&app, &rosa.cookie(), true).await;
    let private = published(&app, &rosa.cookie(), false).await;
    let page = get(&router, &path, None, Some("es")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Los miembros de este consejo pueden comentar")
    );
    assert!(!page.body.contains("id=\"comment-form\""));
    let list = get(&router, "/publications", None, None).await;
    assert!(list.body.contains(&path) && !list.body.contains(&private));
    let landing = get(&router, "/", None, None).await;
    assert_eq!(
        landing.attr("#landing-publications a", "href").as_deref(),
        Some("/publications")
    );
    let feed = get(&router, "/publications/feed.atom", None, None).await;
    assert!(
        feed.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let parsed = atom_syndication::Feed::read_from(feed.body.as_bytes()).unwrap();
    assert_eq!(parsed.entries().len(), 1);
    let entry = &parsed.entries()[0];
    assert_eq!(entry.title().as_str(), "No war but the class war");
    assert!(
        entry.links()[0].href().ends_with(&path),
        "{}",
        entry.links()[0].href()
    );
    app.stop().await;
}

#[tokio::test]
async fn an_organiser_edits_a_published_text_and_deletes_it_only_when_sure() {
    let (app, rosa) = garment().await;
    let marta = app
        .join("garment", Role::Organiser, "marta", Language::Es)
        .await;
    let ana = app.join("garment", Role::Member, "ana", Language::Es).await;
    let router = app.router();
    let path = published(&app, &rosa.cookie(), true).await;

    // The form holds the texts as they are.
    let form = get(
        &router,
        &format!("{path}/edit"),
        Some(&marta.cookie()),
        None,
    )
    .await;
    assert_eq!(form.status, 200, "{}", form.body);
    assert_eq!(form.text("h1"), "Editar la publicación");
    assert_eq!(
        form.attr("#title-es", "value").as_deref(),
        Some("Ninguna guerra sino la guerra de clases")
    );
    assert_eq!(form.text("#body-es"), BODY_ES);

    // A language with a title and no text is refused in her language; nothing changes.
    let refused = post(
        &router,
        &format!("{path}/edit"),
        &[("title_es", "Solo un título"), ("body_es", "")],
        Some(&marta.cookie()),
    )
    .await;
    assert_eq!(refused.status, 422);
    assert_eq!(
        refused.text(".error"),
        "Cada idioma necesita un título y un texto (o ninguno de los dos)."
    );
    assert_eq!(
        refused.attr("#title-es", "value").as_deref(),
        Some("Solo un título")
    );
    let unchanged = get(&router, &path, Some(&ana.cookie()), None).await;
    assert_eq!(
        unchanged.text("h1"),
        "Ninguna guerra sino la guerra de clases"
    );

    // Spanish only now: English is taken out.
    let saved = post(
        &router,
        &format!("{path}/edit"),
        &[
            ("title_es", "Huelga general"),
            ("body_es", "¡A la **huelga**!"),
        ],
        Some(&marta.cookie()),
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let page = get(&router, &path, Some(&ana.cookie()), None).await;
    assert_eq!(page.text("h1"), "Huelga general");
    assert_eq!(page.texts("article").len(), 1);
    assert!(page.body.contains("<strong>huelga</strong>"));
    let minutes = get(&router, "/c/garment/minutes", Some(&ana.cookie()), None).await;
    assert!(
        minutes
            .body
            .contains("marta cambió el texto de una publicación.")
    );

    // Deleting needs the box ticked.
    let comment = post(
        &router,
        &format!("{path}/comments"),
        &[("body", "¡Vamos!")],
        Some(&ana.cookie()),
    )
    .await;
    assert_eq!(comment.status, 303);
    let unsure = post(
        &router,
        &format!("{path}/delete"),
        &[],
        Some(&marta.cookie()),
    )
    .await;
    assert_eq!(unsure.status, 422);
    assert_eq!(
        unsure.text(".error"),
        "Marca la casilla para confirmar que quieres eliminarla."
    );
    let gone = post(
        &router,
        &format!("{path}/delete"),
        &[("sure", "yes")],
        Some(&marta.cookie()),
    )
    .await;
    assert_eq!(gone.status, 303);
    assert_eq!(gone.location().as_deref(), Some("/c/garment/publications"));
    assert_eq!(
        get(&router, &path, Some(&ana.cookie()), None).await.status,
        404
    );
    assert_eq!(
        get(&router, &path, None, None).await.location().as_deref(),
        Some("/sign-in")
    );
    let feed = get(&router, "/publications/feed.atom", None, None).await;
    assert!(!feed.body.contains("Huelga general"));
    let minutes = get(&router, "/c/garment/minutes", Some(&ana.cookie()), None).await;
    assert!(minutes.body.contains("marta retiró una publicación."));
    app.stop().await;
}

async fn pdf_of(app: &TestApp, path: &str, language: &str) -> (u16, String, Vec<u8>) {
    let response = app
        .router()
        .oneshot(
            Request::get(path)
                .header("accept-language", language)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = response.status().as_u16();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, kind, bytes)
}

/// The text pdftotext reads from a PDF and pdfinfo's page size, or `None` where poppler is
/// not installed (CI installs it).
fn pdftotext(pdf: &[u8]) -> Option<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("leaflet.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    let info = std::process::Command::new("pdfinfo")
        .arg(&file)
        .output()
        .ok()?;
    let size = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find(|l| l.starts_with("Page size"))
        .unwrap_or_default()
        .to_string();
    Some((String::from_utf8_lossy(&out.stdout).into_owned(), size))
}

#[cfg(feature = "leaflets")]
#[tokio::test]
async fn the_leaflet_is_a_pdf_of_both_languages_on_the_paper_the_reader_chose() {
    let (app, rosa) = garment().await;
    let path = published(&app, &rosa.cookie(), true).await;
    let (status, kind, pdf) = pdf_of(
        &app,
        &format!("{path}/leaflet.pdf?paper=us-letter&layout=side-by-side"),
        "es",
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(kind, "application/pdf");
    assert!(pdf.starts_with(b"%PDF-"));
    if let Some((text, size)) = pdftotext(&pdf) {
        // US Letter is 612 by 792 points.
        assert!(size.contains("612 x 792"), "{size}");
        assert!(text.contains("Ninguna guerra sino la guerra de"), "{text}");
        assert!(text.contains("No war but the class war"));
        assert!(text.contains("Council garment"), "the council name: {text}");
    }
    let (status, _, _) = pdf_of(&app, &format!("{path}/leaflet.pdf?paper=a5"), "en").await;
    assert_eq!(status, 422);
    app.stop().await;
}

#[cfg(not(feature = "leaflets"))]
#[tokio::test]
async fn without_leaflets_the_pdf_route_says_so_in_the_readers_language() {
    let (app, rosa) = garment().await;
    let path = published(&app, &rosa.cookie(), true).await;
    let (status, _, body) = pdf_of(&app, &format!("{path}/leaflet.pdf"), "es").await;
    assert_eq!(status, 501);
    assert!(String::from_utf8_lossy(&body).contains("Este servidor se compiló sin volantes"));
    app.stop().await;
}
