//! Browser tests: the main journeys in real Chromium (Debian's `chromium` and `chromium-driver`),
//! axe-core on every main page in both languages, and screenshots for `docs/screenshots`.
//!
//! Each test starts its own chromedriver on a free loopback port and a headless Chromium with a
//! fresh profile, and ends both. Without the browser the tests say SKIPPED (and fail under
//! `CI=true`). axe-core comes from `tests/browser/node_modules` (`npm ci --prefix tests/browser`),
//! never from a CDN. With `COUNCILS_SCREENSHOTS=<folder>` the tour of the main pages saves PNGs
//! there, at phone and desktop width, in English and Spanish: `council-es-phone.png`.

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{PASSPHRASE, TestApp, TestMember};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long a page may take to show what a step waits for.
const PATIENCE: Duration = Duration::from_secs(15);
/// The viewports of the screenshots: a common phone, and a laptop.
const SIZES: [(&str, u32, u32); 2] = [("phone", 390, 844), ("desktop", 1280, 900)];
/// The pages the tour photographs (the others it only checks), to keep the folder small.
const PHOTOGRAPHED: [&str; 8] = [
    "landing",
    "sign-in",
    "join",
    "councils",
    "council",
    "federation",
    "minutes",
    "account",
];

// ---------------------------------------------------------------------------------------------
// The journeys.

/// An organiser asks for one vouch and invites; a newcomer opens the link, reads it in Spanish,
/// joins and waits; the organiser vouches; the newcomer then sees the members and the city
/// council above the committee, and signing out ends the session.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_invited_in_spanish_is_vouched_in_and_sees_the_federation() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let ana = app
        .found("los-angeles", CouncilKind::CityCouncil, "ana")
        .await;
    name(
        &app,
        &ana,
        "los-angeles",
        [
            ("Los Angeles City Council", ""),
            ("Consejo de la Ciudad de Los Ángeles", ""),
        ],
        0,
    )
    .await;
    link(&app, &rosa, "garment", &ana, "los-angeles").await;

    // The organiser signs in through the page and asks for one vouch, naming the council in
    // Spanish too.
    let organiser = driver.browser(&app.url).await;
    organiser.sign_in("rosa").await;
    organiser.open("/c/garment").await;
    organiser.click("a[href='/c/garment/settings']").await;
    organiser.fill("#name_es", "Comité de la confección").await;
    organiser.fill("#vouches_required", "1").await;
    organiser
        .click("form[action='/c/garment/settings'] button[type=submit]")
        .await;
    organiser
        .wait_for("form[action='/c/garment/invitations']")
        .await;

    // It makes an invitation for a member and reads the link from the page.
    organiser
        .find("#invite-role")
        .await
        .select_by_value("member")
        .await
        .expect("the member role is offered");
    organiser
        .click("form[action='/c/garment/invitations'] button[type=submit]")
        .await;
    let link = organiser.text("#invitation-link").await;
    let path = link
        .strip_prefix(&app.url)
        .unwrap_or_else(|| panic!("the link {link} points at this instance"))
        .to_string();
    assert!(path.starts_with("/join/"), "{link}");
    organiser.sign_out().await;

    // The newcomer opens it, switches to Spanish and joins.
    let newcomer = driver.browser(&app.url).await;
    newcomer.open(&path).await;
    assert_eq!(newcomer.lang().await, "en");
    newcomer.switch_language("es").await;
    assert!(newcomer.url_path().await.starts_with("/join/"));
    assert_eq!(newcomer.text("h1").await, "Unirse");
    newcomer.fill("#handle", "lucia").await;
    newcomer.fill("#passphrase", PASSPHRASE).await;
    newcomer
        .click("form[action^='/join/'] button[type=submit]")
        .await;
    newcomer.wait_for("a[href='/c/garment']").await;
    assert_eq!(newcomer.lang().await, "es");
    assert_eq!(newcomer.text("h1").await, "Mis consejos");
    assert!(newcomer.body().await.contains("pendiente"));
    newcomer.click("a[href='/c/garment']").await;
    newcomer.wait_for("a[href='/c/garment/federation']").await;
    assert_eq!(newcomer.text("h1").await, "Comité de la confección");
    assert!(newcomer.body().await.contains(
        "Eres miembro pendiente: cuando suficientes miembros te avalen, verás a los miembros"
    ));
    assert!(
        !newcomer.body().await.contains("rosa"),
        "a pending member sees no members"
    );

    // The organiser signs in again in their own browser and vouches.
    organiser.sign_in("rosa").await;
    organiser.open("/c/garment").await;
    let vouch = "//li[strong[normalize-space()='lucia']]//form[contains(@action,'/vouch')]//button";
    organiser.click_xpath(vouch).await;
    organiser
        .wait_for_xpath(
            "//li[strong[normalize-space()='lucia']][not(.//*[contains(@class,'pending')])]",
        )
        .await;
    assert!(
        organiser.find_all_xpath(vouch).await.is_empty(),
        "vouched once, no button left"
    );

    // The newcomer is now a member: the members, in Spanish, and the city council above.
    newcomer.open("/c/garment").await;
    let body = newcomer.body().await;
    assert!(!body.contains("Eres miembro pendiente"), "{body}");
    let members = newcomer.texts("li[id^='member-'] strong").await;
    for handle in ["rosa", "ana", "lucia"] {
        assert!(
            members.iter().any(|m| m == handle),
            "{handle} among the members: {members:?}"
        );
    }
    assert!(
        newcomer
            .texts("h2")
            .await
            .contains(&"3 miembros".to_string())
    );
    newcomer.click("a[href='/c/garment/federation']").await;
    let up = newcomer.text("section.card").await;
    assert_eq!(newcomer.text("h1").await, "Federación");
    assert!(up.contains("Arriba"), "{up}");
    assert!(up.contains("Consejo de la Ciudad de Los Ángeles"), "{up}");
    assert!(up.contains("consejo de ciudad"), "{up}");
    assert_eq!(newcomer.lang().await, "es");

    // Signing out ends the session: my councils asks to sign in again.
    newcomer.sign_out().await;
    newcomer.open("/councils").await;
    newcomer.wait_for("form[action='/sign-in']").await;
    assert_eq!(newcomer.url_path().await, "/sign-in");
    assert_eq!(newcomer.text("h1").await, "Entrar");

    organiser.close().await;
    newcomer.close().await;
    app.stop().await;
}

/// A page on another site posts a form to the instance while the member is signed in: the
/// instance answers 403 with the refusal in words, and the account is still there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_posted_from_another_site_is_refused_and_changes_nothing() {
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    app.found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;

    // Another site: `localhost` while the instance is on 127.0.0.1, so a different site.
    let page = format!(
        "<!doctype html><html lang=\"en\"><title>Prize</title><body>\
         <form method=\"post\" action=\"{url}/account/delete\">\
         <input type=\"hidden\" name=\"passphrase\" value=\"{PASSPHRASE}\">\
         <button id=\"delete\" type=\"submit\">Win a prize</button></form>\
         <form method=\"post\" action=\"{url}/c/garment/invitations\">\
         <input type=\"hidden\" name=\"role\" value=\"organiser\">\
         <button id=\"invite\" type=\"submit\">Another prize</button></form></body></html>",
        url = app.url
    );
    let other = OtherSite::serve(page).await;

    let browser = driver.browser(&app.url).await;
    browser.sign_in("rosa").await;
    for (button, target) in [
        ("#delete", "/account/delete"),
        ("#invite", "/c/garment/invitations"),
    ] {
        browser.goto_absolute(&other.url).await;
        browser.click(button).await;
        browser.wait_for("p.error").await;
        assert_eq!(browser.url_path().await, target);
        assert_eq!(browser.status().await, 403, "the instance refuses the post");
        assert_eq!(
            browser.text("p.error").await,
            "This form was sent from another site and was refused."
        );
        assert!(browser.body().await.contains("csrf-refused"));
    }

    // Nothing changed: rosa's account is there, she is still signed in, and her passphrase
    // still opens it.
    browser.open("/account").await;
    assert_eq!(browser.text("h1").await, "Account");
    assert_eq!(browser.text("header .handle").await, "rosa");
    browser.sign_out().await;
    browser.sign_in("rosa").await;

    browser.close().await;
    other.stop();
    app.stop().await;
}

/// Every main page, in English and in Spanish, has no serious or critical accessibility
/// violation that axe-core finds; with `COUNCILS_SCREENSHOTS` set, the tour is photographed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_main_page_passes_axe_in_both_languages() {
    let Some(axe) = axe_source() else {
        return;
    };
    let Some(driver) = Driver::start() else {
        return;
    };
    let app = TestApp::spawn().await;
    let world = realistic_federation(&app).await;
    let join = app
        .app()
        .invite_as_operator("garment", Role::Member)
        .await
        .expect("an invitation");
    let join_path = format!("/join/{}", TestApp::token_of(&join.url));
    let shots = screenshot_folder();
    let browser = driver.browser(&app.url).await;
    let mut violations = Vec::new();

    for language in ["en", "es"] {
        // Signed out.
        browser.open("/").await;
        browser.switch_language(language).await;
        let signed_out: [(&str, &str); 4] = [
            ("landing", "/"),
            ("sign-in", "/sign-in"),
            ("join", &join_path),
            ("error", "/join/not-a-real-invitation"),
        ];
        for (name, path) in signed_out {
            browser.open(path).await;
            assert_eq!(browser.lang().await, language, "{path}");
            if let (Some(folder), true) = (&shots, PHOTOGRAPHED.contains(&name)) {
                browser.screenshots(folder, name, language).await;
            }
            violations.extend(browser.axe(&axe, name, language).await);
        }

        // A form shown again with its error.
        browser.open("/sign-in").await;
        browser.fill("#handle", "rosa").await;
        browser.fill("#passphrase", "not her passphrase").await;
        browser
            .click("form[action='/sign-in'] button[type=submit]")
            .await;
        browser.wait_for("p.error").await;
        violations.extend(browser.axe(&axe, "sign-in-error", language).await);

        // Signed in as the organiser of the garment workers' committee.
        browser.sign_in(&world.organiser.handle).await;
        browser.switch_language(language).await;
        let signed_in = [
            ("councils", "/councils"),
            ("council", "/c/garment"),
            ("federation", "/c/garment/federation"),
            ("minutes", "/c/garment/minutes"),
            ("settings", "/c/garment/settings"),
            ("account", "/account"),
            ("council-new", "/councils/new"),
        ];
        for (name, path) in signed_in {
            browser.open(path).await;
            assert_eq!(browser.lang().await, language, "{path}");
            if let (Some(folder), true) = (&shots, PHOTOGRAPHED.contains(&name)) {
                browser.screenshots(folder, name, language).await;
            }
            // After the screenshots: axe opens every folded section.
            violations.extend(browser.axe(&axe, name, language).await);
        }
        browser.open("/c/garment").await;
        browser
            .click("form[action='/c/garment/invitations'] button[type=submit]")
            .await;
        browser.wait_for("#invitation-link").await;
        violations.extend(browser.axe(&axe, "invitation", language).await);
        browser.sign_out().await;
    }

    browser.close().await;
    app.stop().await;
    assert!(
        violations.is_empty(),
        "serious or critical accessibility violations:\n{}",
        violations.join("\n")
    );
}

// ---------------------------------------------------------------------------------------------
// The world the tour walks through.

struct World {
    organiser: TestMember,
}

/// The garment workers' committee (an organiser, members, one newcomer waiting for a vouch)
/// under the Los Angeles city council, beside a neighbourhood committee, with names in both
/// languages: a page as a real committee would see it.
async fn realistic_federation(app: &TestApp) -> World {
    let rosa = app
        .found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    let ana = app
        .found("los-angeles", CouncilKind::CityCouncil, "ana")
        .await;
    let marisol = app
        .found(
            "boyle-heights",
            CouncilKind::NeighbourhoodCommittee,
            "marisol",
        )
        .await;
    let marta = app
        .found("california", CouncilKind::RegionalCouncil, "marta")
        .await;
    for handle in ["luz", "tomas", "mei", "jorge"] {
        app.join("garment", Role::Member, handle, Language::Es)
            .await;
    }
    app.join("garment", Role::Verifier, "kwame", Language::En)
        .await;
    name(app, &rosa, "garment", [
        ("Garment Workers' Committee", "Sewing-shop workers of downtown Los Angeles: wage theft, safety, and rapid response."),
        ("Comité de Trabajadoras de la Confección", "Costureras del centro de Los Ángeles: robo de salarios, seguridad y respuesta rápida."),
    ], 1)
    .await;
    name(
        app,
        &ana,
        "los-angeles",
        [
            (
                "Los Angeles City Council",
                "The city council of the committees of Los Angeles.",
            ),
            (
                "Consejo de la Ciudad de Los Ángeles",
                "El consejo de ciudad de los comités de Los Ángeles.",
            ),
        ],
        0,
    )
    .await;
    name(
        app,
        &marisol,
        "boyle-heights",
        [
            (
                "Boyle Heights Neighbourhood Committee",
                "Rapid response and families' plans.",
            ),
            (
                "Comité de Barrio de Boyle Heights",
                "Respuesta rápida y planes familiares.",
            ),
        ],
        0,
    )
    .await;
    name(
        app,
        &marta,
        "california",
        [
            ("California Regional Council", "The councils of California."),
            (
                "Consejo Regional de California",
                "Los consejos de California.",
            ),
        ],
        0,
    )
    .await;
    app.join("garment", Role::Member, "nueva", Language::Es)
        .await;
    link(app, &rosa, "garment", &ana, "los-angeles").await;
    link(app, &marisol, "boyle-heights", &ana, "los-angeles").await;
    link(app, &ana, "los-angeles", &marta, "california").await;
    World { organiser: rosa }
}

/// Names a council in English and Spanish and sets how many vouches it needs.
async fn name(
    app: &TestApp,
    organiser: &TestMember,
    slug: &str,
    names: [(&str, &str); 2],
    vouches: u32,
) {
    let names = [Language::En, Language::Es]
        .into_iter()
        .zip(names)
        .map(
            |(language, (name, description))| councils_domain::CouncilName {
                language,
                name: name.into(),
                description: description.into(),
            },
        )
        .collect();
    let form = councils_app::council::SettingsForm {
        names,
        vouches_required: vouches,
        members_per_delegate: 25,
        minimum_seats: 1,
    };
    let actor = app.actor(organiser).await;
    app.app()
        .update_council(&actor, slug, &form)
        .await
        .expect("the council's settings");
}

/// `constituent` sends delegates to `parent`, asked and accepted by their organisers.
async fn link(
    app: &TestApp,
    asks: &TestMember,
    constituent: &str,
    accepts: &TestMember,
    parent: &str,
) {
    let actor = app.actor(asks).await;
    app.app()
        .request_link(&actor, constituent, parent)
        .await
        .expect("ask to send delegates");
    let actor = app.actor(accepts).await;
    app.app()
        .accept_link(&actor, parent, constituent)
        .await
        .expect("accept the constituent");
}

// ---------------------------------------------------------------------------------------------
// chromedriver and Chromium.

/// Whether the browser tests can run here; under `CI=true` a missing browser fails.
fn browser_installed() -> bool {
    let missing: Vec<&str> = [CHROMIUM, CHROMEDRIVER]
        .into_iter()
        .filter(|path| !Path::new(path).exists())
        .collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!(
            "the browser tests need {} (Debian packages chromium and chromium-driver)",
            missing.join(" and ")
        );
    }
    skipped("SKIPPED browser tests: install chromium and chromium-driver");
    false
}

/// Says once, on the real standard error (the test harness captures `eprintln!`), why tests
/// did not run.
fn skipped(why: &str) {
    use std::io::Write;
    static SAID: std::sync::Once = std::sync::Once::new();
    SAID.call_once(|| {
        let _ = writeln!(std::io::stderr(), "{why}");
    });
}

/// axe-core's script from `tests/browser/node_modules`; missing, the test is skipped (or fails
/// under `CI=true`).
fn axe_source() -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/browser/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(_) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("axe-core is missing: run `npm ci --prefix tests/browser`")
        }
        Err(_) => {
            skipped(
                "SKIPPED accessibility checks: run `npm ci --prefix tests/browser` for axe-core",
            );
            None
        }
    }
}

/// The folder for screenshots, when `COUNCILS_SCREENSHOTS` names one.
fn screenshot_folder() -> Option<PathBuf> {
    let folder = std::env::var_os("COUNCILS_SCREENSHOTS")?;
    let mut folder = PathBuf::from(folder);
    if folder.is_relative() {
        // Relative to the repository, not to the crate cargo runs the test in.
        folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(folder);
    }
    std::fs::create_dir_all(&folder).expect("the screenshot folder");
    Some(folder)
}

/// A chromedriver of this test, in a process group of its own so that ending it also ends
/// the browsers it started.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    /// Starts chromedriver on a free loopback port, or `None` when the browser is missing.
    fn start() -> Option<Driver> {
        if !browser_installed() {
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let mut command = Command::new(CHROMEDRIVER);
        command
            .arg(format!("--port={port}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut child = command.spawn().expect("chromedriver starts");
        // chromedriver says when it listens; the lines come through a thread so that one
        // that says nothing cannot hang the test.
        let stdout = child.stdout.take().expect("chromedriver's output");
        let (lines, received) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if lines.send(line).is_err() {
                    break;
                }
            }
        });
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        loop {
            let line = received
                .recv_timeout(Duration::from_secs(20))
                .expect("chromedriver says it started");
            if line.contains("started successfully") {
                return Some(driver);
            }
        }
    }

    /// A new headless Chromium with a fresh profile, pointed at the instance at `base`.
    async fn browser(&self, base: &str) -> Browser {
        let profile = tempfile::tempdir().expect("a profile folder");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                    "--hide-scrollbars", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                // The language a browser asks for before anyone picks one in the switcher.
                "prefs": { "intl.accept_languages": "en-US,en" },
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .expect("a Chromium session");
        Browser {
            client,
            base: base.to_string(),
            _profile: profile,
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The whole group: chromedriver and every Chromium process it started.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One browser, with the steps a person takes on a page.
struct Browser {
    client: Client,
    base: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    async fn open(&self, path: &str) {
        self.goto_absolute(&format!("{}{path}", self.base)).await;
    }

    async fn goto_absolute(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    async fn wait_for(&self, css: &str) -> Element {
        match self
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(e) => panic!("{css} on {}: {e}", self.url_path().await),
        }
    }

    async fn find(&self, css: &str) -> Element {
        self.wait_for(css).await
    }

    async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    async fn wait_for_xpath(&self, xpath: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|e| panic!("{xpath}: {e}"))
    }

    async fn click_xpath(&self, xpath: &str) {
        self.wait_for_xpath(xpath)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {xpath}: {e}"));
    }

    async fn find_all_xpath(&self, xpath: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::XPath(xpath))
            .await
            .expect("a search")
    }

    async fn fill(&self, css: &str, value: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.expect("clear a field");
        field.send_keys(value).await.expect("type into a field");
    }

    async fn text(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .expect("an element's text")
    }

    /// The text of every element `css` finds.
    async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("a search")
        {
            texts.push(element.text().await.expect("an element's text"));
        }
        texts
    }

    async fn body(&self) -> String {
        self.text("body").await
    }

    /// The `lang` of the page, as a screen reader reads it.
    async fn lang(&self) -> String {
        self.wait_for("html")
            .await
            .attr("lang")
            .await
            .expect("the html element")
            .unwrap_or_default()
    }

    async fn url_path(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.path().to_string())
            .unwrap_or_default()
    }

    /// The HTTP status of the page shown, from the browser's own record of the navigation.
    async fn status(&self) -> u64 {
        self.client
            .execute(
                "return performance.getEntriesByType('navigation')[0].responseStatus;",
                vec![],
            )
            .await
            .expect("the navigation's status")
            .as_u64()
            .expect("a status")
    }

    async fn sign_in(&self, handle: &str) {
        self.open("/sign-in").await;
        self.fill("#handle", handle).await;
        self.fill("#passphrase", PASSPHRASE).await;
        self.click("form[action='/sign-in'] button[type=submit]")
            .await;
        self.wait_for("form[action='/sign-out']").await;
        assert_eq!(self.url_path().await, "/councils");
    }

    async fn sign_out(&self) {
        self.click("form[action='/sign-out'] button").await;
        self.wait_for("header a[href='/sign-in']").await;
    }

    /// Picks a language in the switcher every page has (when the page is not in it already).
    async fn switch_language(&self, code: &str) {
        if self.lang().await == code {
            return;
        }
        self.click(&format!("form.lang button[value='{code}']"))
            .await;
        self.wait_for(&format!("html[lang='{code}']")).await;
    }

    /// Runs axe-core on the page and returns its serious and critical violations, described.
    async fn axe(&self, source: &str, page: &str, language: &str) -> Vec<String> {
        self.client
            .execute(source, vec![])
            .await
            .expect("axe-core loads");
        let script = r#"
            const done = arguments[arguments.length - 1];
            // What a click would show is checked too: every folded section, open.
            document.querySelectorAll('details').forEach(d => { d.open = true; });
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done({
                rules: r.passes.length + r.violations.length + r.incomplete.length,
                serious: r.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => `${v.impact} ${v.id}: ${v.help} -- ` +
                    v.nodes.map(n => n.target.join(' ')).join(', ')),
              }))
              .catch(e => done({ rules: 0, serious: [`axe failed: ${e}`] }));
        "#;
        let found = self
            .client
            .execute_async(script, vec![])
            .await
            .expect("axe-core runs");
        let rules = found["rules"].as_u64().unwrap_or_default();
        assert!(
            rules > 10,
            "axe-core checked {rules} rules on {page}: {found}"
        );
        found["serious"]
            .as_array()
            .unwrap_or_else(|| panic!("axe-core answered {found}"))
            .iter()
            .map(|v| format!("{page} ({language}): {}", v.as_str().unwrap_or_default()))
            .collect()
    }

    /// Saves the whole page at each size as `<name>-<language>-<size>.png`.
    async fn screenshots(&self, folder: &Path, name: &str, language: &str) {
        for (size, width, height) in SIZES {
            self.resize_viewport(width, height).await;
            // The whole page, not only the first screen: as tall as the page, at least the
            // screen's height.
            let tall = self
                .client
                .execute("return document.documentElement.scrollHeight;", vec![])
                .await
                .expect("the page's height")
                .as_u64()
                .unwrap_or(height as u64) as u32;
            self.resize_viewport(width, tall.clamp(height, 4 * height))
                .await;
            let png = self.client.screenshot().await.expect("a screenshot");
            let file = folder.join(format!("{name}-{language}-{size}.png"));
            std::fs::write(&file, png).expect("write the screenshot");
        }
        self.resize_viewport(SIZES[1].1, SIZES[1].2).await;
    }

    /// Sizes the window so that the page's viewport is `width` x `height`.
    async fn resize_viewport(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("resize the window");
        let inner = self
            .client
            .execute("return [window.innerWidth, window.innerHeight];", vec![])
            .await
            .expect("the viewport");
        let (w, h) = (
            inner[0].as_u64().unwrap_or(width as u64) as u32,
            inner[1].as_u64().unwrap_or(height as u64) as u32,
        );
        if (w, h) != (width, height) {
            self.client
                .set_window_size(
                    width + width.saturating_sub(w),
                    height + height.saturating_sub(h),
                )
                .await
                .expect("resize the window");
        }
    }

    async fn close(self) {
        self.client.close().await.expect("the session ends");
    }
}

// ---------------------------------------------------------------------------------------------
// Another site.

/// A page served from `localhost` (the instance is on 127.0.0.1): another site to the browser.
struct OtherSite {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

impl OtherSite {
    async fn serve(html: String) -> OtherSite {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port for the other site");
        let port = listener.local_addr().expect("its address").port();
        let router = axum::Router::new().route(
            "/",
            axum::routing::get(move || {
                let html = html.clone();
                async move { axum::response::Html(html) }
            }),
        );
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .await
                .expect("the other site serves");
        });
        OtherSite {
            url: format!("http://localhost:{port}/"),
            task,
        }
    }

    fn stop(self) {
        self.task.abort();
    }
}
