//! Browser test of publications in real Chromium: an organiser writes a leaflet in English
//! and Spanish and publishes it publicly; a member comments, another replies under her
//! comment, the organiser hides an off-topic one; a visitor who is not signed in reads it
//! all, chooses US Letter with the languages side by side, and the PDF the form gives has
//! both texts side by side on Letter paper (read back with pdftotext and pdfinfo, and drawn
//! as PNG with pdftoppm).

#[allow(dead_code)]
#[path = "browser/driver.rs"]
mod driver;

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::TestApp;
use driver::*;
use std::process::Command;

const BODY_EN: &str = "Assaults directed towards migrant workers are assaults against all workers.\n\nStrike the xenophobic capitalist system where it hurts them the hardest: **their profits!**";
const BODY_ES: &str = "Los ataques contra los trabajadores migrantes son ataques contra todos los trabajadores.\n\nGolpea al sistema capitalista xenófobo donde más le duele: **en sus ganancias.**";

/// The PDF's text as pdftotext lays it out, and its page size line from pdfinfo.
fn read_pdf(pdf: &[u8]) -> Option<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("leaflet.pdf");
    std::fs::write(&file, pdf).unwrap();
    let text = Command::new("pdftotext")
        .arg("-layout")
        .arg(&file)
        .arg("-")
        .output()
        .ok()?;
    let info = Command::new("pdfinfo").arg(&file).output().ok()?;
    let size = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find(|l| l.starts_with("Page size"))
        .unwrap_or_default()
        .to_string();
    if let Some(folder) = screenshot_folder() {
        let _ = Command::new("pdftoppm")
            .args(["-png", "-r", "60", "-f", "1", "-l", "1"])
            .arg(&file)
            .arg(folder.join("leaflet-letter"))
            .status();
    }
    Some((String::from_utf8_lossy(&text.stdout).into_owned(), size))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leaflet_is_published_commented_in_threads_moderated_and_printed_side_by_side_on_letter()
{
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    app.join("garment", Role::Member, "ana", Language::Es).await;
    app.join("garment", Role::Member, "luis", Language::En)
        .await;
    let base = app.url.clone();

    // Rosa writes the leaflet in both languages, public, and publishes it.
    let rosa = driver.browser(&base).await;
    rosa.sign_in("rosa").await;
    rosa.open("/c/garment").await;
    rosa.click("a[href='/c/garment/publications']").await;
    rosa.click("#new-publication").await;
    rosa.fill("#title-en", "No war but the class war").await;
    rosa.fill("#body-en", BODY_EN).await;
    rosa.fill("#title-es", "Ninguna guerra sino la guerra de clases")
        .await;
    rosa.fill("#body-es", BODY_ES).await;
    rosa.click("input[name=public]").await;
    rosa.submit("#publication-form button[type=submit]").await;
    rosa.click("#publish").await;
    rosa.wait_for("#make-private").await;
    let path = rosa.url_path().await;
    assert!(
        rosa.text("article#text-en strong")
            .await
            .contains("their profits!")
    );

    // Ana comments; Luis replies under her comment and posts an off-topic one.
    let ana = driver.browser(&base).await;
    ana.sign_in("ana").await;
    ana.open(&path).await;
    assert_eq!(
        ana.text("h1").await,
        "Ninguna guerra sino la guerra de clases"
    );
    ana.fill("#comment-body", "Imprimo cien para el sábado.")
        .await;
    ana.submit("#comment-form button[type=submit]").await;
    ana.wait_for("#comment-list li.depth-0").await;
    ana.close().await;
    let luis = driver.browser(&base).await;
    luis.sign_in("luis").await;
    luis.open(&path).await;
    luis.click("#comment-list li.depth-0 details summary").await;
    luis.fill(
        "#comment-list li.depth-0 details textarea",
        "I'll take fifty to the warehouse.",
    )
    .await;
    luis.submit("#comment-list li.depth-0 details button[type=submit]")
        .await;
    luis.wait_for("#comment-list li.depth-1").await;
    luis.fill("#comment-body", "Buy cheap watches here").await;
    luis.submit("#comment-form button[type=submit]").await;
    luis.wait_for("#comment-list > li:nth-child(3)").await;
    luis.close().await;

    // Rosa hides the off-topic comment.
    rosa.open(&path).await;
    rosa.submit("#comment-list > li:nth-child(3) button[value=hide]")
        .await;
    rosa.wait_for("#comment-list > li:nth-child(3) button[value=restore]")
        .await;
    if let Some(folder) = screenshot_folder() {
        rosa.screenshots(&folder, "publication-organiser", "en")
            .await;
    }
    // She corrects the English title; the page shows it, comments kept.
    rosa.click("#edit").await;
    rosa.wait_for("#publication-form").await;
    if let Some(folder) = screenshot_folder() {
        rosa.screenshots(&folder, "publication-edit", "en").await;
    }
    rosa.fill("#title-en", "No war but the class war!").await;
    rosa.submit("#publication-form button[type=submit]").await;
    assert_eq!(rosa.text("h1").await, "No war but the class war!");
    assert_eq!(rosa.texts("#comment-list > li").await.len(), 3);
    rosa.close().await;

    // A visitor, not signed in, reads it, sees the thread, and cannot comment.
    let visitor = driver.browser(&base).await;
    visitor.open("/").await;
    visitor.click("#landing-publications a").await;
    visitor.click("#publications a").await;
    assert_eq!(visitor.url_path().await, path);
    let items = visitor.texts("#comment-list > li").await;
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[0].contains("Imprimo cien"));
    assert!(items[1].contains("fifty to the warehouse"));
    assert!(
        !items[2].contains("cheap watches") && items[2].contains("hid"),
        "{}",
        items[2]
    );
    let reply_class = visitor
        .find("#comment-list > li:nth-child(2)")
        .await
        .attr("class")
        .await
        .unwrap()
        .unwrap();
    assert!(reply_class.contains("depth-1"), "{reply_class}");
    assert!(visitor.texts("#comment-form").await.is_empty());
    visitor.switch_language("es").await;
    if let Some(folder) = screenshot_folder() {
        visitor
            .screenshots(&folder, "publication-public", "es")
            .await;
    }
    if let Some(axe) = axe_source() {
        let violations = visitor.axe(&axe, "publication", "es").await;
        assert!(violations.is_empty(), "{violations:#?}");
    }

    // The leaflet form: US Letter, side by side; the PDF it asks for.
    visitor
        .client
        .find(fantoccini::Locator::Css(
            "#leaflet-paper option[value='us-letter']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    visitor
        .client
        .find(fantoccini::Locator::Css(
            "#leaflet-layout option[value='side-by-side']",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let bytes = visitor
        .client
        .execute_async(
            "const done = arguments[0]; const form = document.getElementById('leaflet-form'); \
             const url = form.action + '?' + new URLSearchParams(new FormData(form)).toString(); \
             fetch(url).then(r => r.arrayBuffer()).then(b => done(Array.from(new Uint8Array(b))));",
            vec![],
        )
        .await
        .unwrap();
    let pdf: Vec<u8> = serde_json::from_value(bytes).unwrap();
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    match read_pdf(&pdf) {
        Some((text, size)) => {
            assert!(size.contains("612 x 792"), "{size}");
            assert!(text.contains("Ninguna guerra sino la guerra de"), "{text}");
            assert!(text.contains("No war but the class war"), "{text}");
            // Side by side: the two titles on one line, Spanish (the reader's) on the left.
            assert!(
                text.lines().any(|l| {
                    let es = l.find("Ninguna guerra");
                    let en = l.find("No war but");
                    matches!((es, en), (Some(es), Some(en)) if es < en)
                }),
                "not side by side:\n{text}"
            );
            assert!(text.contains("Council garment"), "{text}");
        }
        None => skipped("pdftotext is not installed"),
    }
    visitor.close().await;
    app.stop().await;
}
