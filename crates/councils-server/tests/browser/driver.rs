//! chromedriver and headless Chromium for the browser tests: started per test, ended with it.

use councils_testkit::PASSPHRASE;
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long a page may take to show what a step waits for.
pub const PATIENCE: Duration = Duration::from_secs(15);
/// The viewports of the screenshots: a common phone, and a laptop.
pub const SIZES: [(&str, u32, u32); 2] = [("phone", 390, 844), ("desktop", 1280, 900)];

/// A same-origin form post, as the pages send it, for the steps a journey does not watch;
/// answers the redirect's target.
pub async fn form(
    app: &councils_testkit::TestApp,
    who: &councils_testkit::TestMember,
    path: &str,
    fields: &[(&str, &str)],
) -> String {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = client
        .post(format!("{}{path}", app.url))
        .header("cookie", who.cookie())
        .header("origin", &app.url)
        .form(fields)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 303, "POST {path}");
    answer.headers()["location"].to_str().unwrap().to_string()
}

/// Whether the browser tests can run here; under `CI=true` a missing browser fails.
pub fn browser_installed() -> bool {
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
pub fn skipped(why: &str) {
    use std::io::Write;
    static SAID: std::sync::Once = std::sync::Once::new();
    SAID.call_once(|| {
        let _ = writeln!(std::io::stderr(), "{why}");
    });
}

/// axe-core's script from `tests/browser/node_modules`; missing, the test is skipped (or fails
/// under `CI=true`).
pub fn axe_source() -> Option<String> {
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
pub fn screenshot_folder() -> Option<PathBuf> {
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
pub struct Driver {
    pub child: Child,
    pub url: String,
}

impl Driver {
    /// Starts chromedriver on a free loopback port, or `None` when the browser is missing.
    pub fn start() -> Option<Driver> {
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
    pub async fn browser(&self, base: &str) -> Browser {
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
pub struct Browser {
    pub client: Client,
    pub base: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn open(&self, path: &str) {
        self.goto_absolute(&format!("{}{path}", self.base)).await;
    }

    pub async fn goto_absolute(&self, url: &str) {
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    pub async fn wait_for(&self, css: &str) -> Element {
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

    pub async fn find(&self, css: &str) -> Element {
        self.wait_for(css).await
    }

    pub async fn click(&self, css: &str) {
        self.wait_for(css)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Clicks what submits a form (or a link) and waits until the page it leads to has
    /// loaded: the page clicked on is marked first, so an element that both pages have is
    /// not read off the old one.
    pub async fn submit(&self, css: &str) {
        self.client
            .execute("document.documentElement.dataset.leaving = 'yes';", vec![])
            .await
            .expect("mark the page");
        self.click(css).await;
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let arrived = self
                .client
                .execute(
                    "return !document.documentElement.dataset.leaving \
                     && document.readyState === 'complete';",
                    vec![],
                )
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            if arrived {
                return;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "{css} led to no new page"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn wait_for_xpath(&self, xpath: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::XPath(xpath))
            .await
            .unwrap_or_else(|e| panic!("{xpath}: {e}"))
    }

    pub async fn click_xpath(&self, xpath: &str) {
        self.wait_for_xpath(xpath)
            .await
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {xpath}: {e}"));
    }

    pub async fn find_all_xpath(&self, xpath: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::XPath(xpath))
            .await
            .expect("a search")
    }

    pub async fn fill(&self, css: &str, value: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.expect("clear a field");
        field.send_keys(value).await.expect("type into a field");
    }

    pub async fn text(&self, css: &str) -> String {
        self.wait_for(css)
            .await
            .text()
            .await
            .expect("an element's text")
    }

    /// The text of every element `css` finds.
    pub async fn texts(&self, css: &str) -> Vec<String> {
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

    pub async fn body(&self) -> String {
        self.text("body").await
    }

    /// The `lang` of the page, as a screen reader reads it.
    pub async fn lang(&self) -> String {
        self.wait_for("html")
            .await
            .attr("lang")
            .await
            .expect("the html element")
            .unwrap_or_default()
    }

    pub async fn url_path(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.path().to_string())
            .unwrap_or_default()
    }

    /// The HTTP status of the page shown, from the browser's own record of the navigation.
    pub async fn status(&self) -> u64 {
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

    pub async fn sign_in(&self, handle: &str) {
        self.open("/sign-in").await;
        self.fill("#handle", handle).await;
        self.fill("#passphrase", PASSPHRASE).await;
        self.click("form[action='/sign-in'] button[type=submit]")
            .await;
        self.wait_for("form[action='/sign-out']").await;
        assert_eq!(self.url_path().await, "/councils");
    }

    pub async fn sign_out(&self) {
        self.click("form[action='/sign-out'] button").await;
        self.wait_for("header a[href='/sign-in']").await;
    }

    /// Picks a language in the switcher every page has (when the page is not in it already).
    pub async fn switch_language(&self, code: &str) {
        if self.lang().await == code {
            return;
        }
        self.click(&format!("form.lang button[value='{code}']"))
            .await;
        self.wait_for(&format!("html[lang='{code}']")).await;
    }

    /// Runs axe-core on the page and returns its serious and critical violations, described.
    pub async fn axe(&self, source: &str, page: &str, language: &str) -> Vec<String> {
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
    pub async fn screenshots(&self, folder: &Path, name: &str, language: &str) {
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
    pub async fn resize_viewport(&self, width: u32, height: u32) {
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

    pub async fn close(self) {
        self.client.close().await.expect("the session ends");
    }
}

// ---------------------------------------------------------------------------------------------
// Another site.

/// A page served from `localhost` (the instance is on 127.0.0.1): another site to the browser.
pub struct OtherSite {
    pub url: String,
    pub task: tokio::task::JoinHandle<()>,
}

impl OtherSite {
    pub async fn serve(html: String) -> OtherSite {
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

    pub fn stop(self) {
        self.task.abort();
    }
}
