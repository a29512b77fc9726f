//! End to end: the real `councils` binary on 127.0.0.1:0 and its commands, and the real
//! server over TCP for the JSON API.

use councils_domain::{CouncilKind, Role};
use councils_testkit::{PASSPHRASE, TestApp};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const BINARY: &str = env!("CARGO_BIN_EXE_councils");

/// A `councils serve` process and what it printed.
struct Served {
    child: Child,
    url: String,
    invitation: Option<String>,
}

/// Starts `councils serve`, its log (at the verbose `debug` level) appended to `log`.
fn serve(database: &str, log: &std::path::Path) -> Served {
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .unwrap();
    let mut child = Command::new(BINARY)
        .args(["serve", "--bind", "127.0.0.1:0", "--database", database])
        .env_remove("COUNCILS_SECRET_KEY")
        .env("COUNCILS_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(log)
        .spawn()
        .expect("the binary starts");
    // Lines arrive through a thread, so a server that prints nothing more cannot hang the test.
    let (lines, received) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let wait = std::time::Duration::from_secs(20);
    let first = received
        .recv_timeout(wait)
        .expect("the server says where it serves");
    let url = first.rsplit(' ').next().unwrap().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{first}");
    let mut invitation = None;
    if let Ok(line) = received.recv_timeout(std::time::Duration::from_secs(2))
        && line.starts_with("This instance is new")
    {
        invitation = received
            .recv_timeout(wait)
            .ok()
            .map(|l| l.trim().to_string());
    }
    Served {
        child,
        url,
        invitation,
    }
}

fn stop(mut served: Served) {
    let _ = Command::new("kill")
        .arg(served.child.id().to_string())
        .status();
    let status = served.child.wait().expect("the server exits");
    assert!(
        status.success() || status.code().is_none(),
        "the server stopped badly: {status}"
    );
}

fn councils(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(BINARY)
        .args(args)
        .env("COUNCILS_LOG", "warn")
        .output()
        .expect("the binary runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_new_instance_starts_from_nothing_and_its_minutes_can_be_verified() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("councils.db");
    let database = database.to_str().unwrap();
    let log = dir.path().join("server.log");
    let served = serve(database, &log);
    let http = client();
    assert_eq!(
        http.get(format!("{}/healthz", served.url))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let invitation = served
        .invitation
        .clone()
        .expect("a brand-new instance prints a founding invitation");
    assert!(
        invitation.starts_with(&format!("{}/join/", served.url)),
        "{invitation}"
    );
    let form = [
        ("council_name", "Boyle Heights Committee"),
        ("council_slug", "boyle-heights"),
        ("council_kind", "neighbourhood-committee"),
        ("handle", "marisol"),
        ("passphrase", PASSPHRASE),
        ("language", "es"),
    ];
    let joined = http
        .post(&invitation)
        .header("origin", &served.url)
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(joined.status(), 303);
    let session = joined
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("__Host-councils_session="))
        .expect("a session cookie");
    let cookie = session.split(';').next().unwrap().to_string();
    let council = http
        .get(format!("{}/c/boyle-heights", served.url))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(council.status(), 200);
    let html = council.text().await.unwrap();
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html.contains("Boyle Heights Committee"));
    let token = cookie.split_once('=').unwrap().1.to_string();
    // Killed outright, not stopped: what was acknowledged must still be there.
    let mut served = served;
    served.child.kill().unwrap();
    served.child.wait().unwrap();

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = dir.path().join("councils.key");
        let mode = std::fs::metadata(&key)
            .expect("the key file was created")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
    let restarted = serve(database, &log);
    assert!(
        restarted.invitation.is_none(),
        "only a brand-new instance prints a founding invitation"
    );
    let signed_in = http
        .post(format!("{}/sign-in", restarted.url))
        .header("origin", &restarted.url)
        .form(&[("handle", "marisol"), ("passphrase", PASSPHRASE)])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 303, "the member survived the kill");
    assert_eq!(signed_in.headers()["location"], "/councils");
    stop(restarted);
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(log.contains("route=/sign-in"), "the log is written: {log}");
    for secret in [
        "marisol",
        &token,
        "127.0.0.1",
        PASSPHRASE,
        "Boyle Heights Committee",
        &TestApp::token_of(&invitation),
    ] {
        assert!(!log.contains(secret), "the log holds {secret:?}");
    }

    let (ok, out, _) = councils(&[
        "invite",
        "--council",
        "boyle-heights",
        "--role",
        "verifier",
        "--database",
        database,
    ]);
    assert!(ok);
    assert!(
        out.trim().starts_with("http://127.0.0.1:8080/join/"),
        "{out}"
    );
    let (ok, _, err) = councils(&["invite", "--council", "nowhere", "--database", database]);
    assert!(!ok);
    assert!(
        err.contains("no council has the short name \"nowhere\""),
        "{err}"
    );
    let (ok, _, err) = councils(&[
        "invite",
        "--council",
        "boyle-heights",
        "--role",
        "boss",
        "--database",
        database,
    ]);
    assert!(!ok);
    assert!(err.contains("unknown role"), "{err}");

    let (ok, out, _) = councils(&[
        "minutes",
        "verify",
        "--council",
        "boyle-heights",
        "--database",
        database,
    ]);
    assert!(ok, "{out}");
    assert!(out.starts_with("ok: 2 entries"), "{out}");

    // Someone with the file rewrites history: the check says where.
    let url = format!("sqlite://{database}");
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query(
        "update minutes_entry set body = replace(body, 'organiser', 'member') where seq = 2",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (ok, _, err) = councils(&[
        "minutes",
        "verify",
        "--council",
        "boyle-heights",
        "--database",
        database,
    ]);
    assert!(!ok);
    assert!(err.contains("broken at entry 2"), "{err}");
}

/// Every byte of the SQLite file and its WAL, as someone who seized them would read them.
fn raw_files(database: &std::path::Path) -> Vec<u8> {
    let mut bytes = std::fs::read(database).unwrap();
    for suffix in ["-wal", "-shm"] {
        let mut path = database.as_os_str().to_owned();
        path.push(suffix);
        if let Ok(more) = std::fs::read(&path) {
            bytes.extend(more);
        }
    }
    bytes
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn the_sqlite_file_keeps_no_plain_email_and_no_trace_of_a_deleted_member() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("councils.db");
    let config = councils_server::Config {
        bind: "127.0.0.1:0".parse().unwrap(),
        database: database.to_str().unwrap().to_string(),
        public_url: None,
        key_file: dir.path().join("councils.key"),
        ballot_batch: councils_server::Config::BALLOT_BATCH,
        delivery: Default::default(),
    };
    let server = councils_server::start(config).await.unwrap();
    let app = server.app.clone();
    let founding = app.founding_invitation().await.unwrap().unwrap();
    let form = councils_app::join::JoinForm {
        handle: "rosa".into(),
        passphrase: PASSPHRASE.into(),
        language: councils_domain::Language::Es,
        email: Some("rosa.secret@example.org".into()),
        founding: Some(councils_app::join::CouncilForm {
            slug: "garment".into(),
            kind: CouncilKind::WorkplaceCommittee,
            name: "Garment".into(),
            description: String::new(),
            language: councils_domain::Language::Es,
        }),
    };
    app.join(&TestApp::token_of(&founding.url), &form)
        .await
        .unwrap();
    let invitation = app
        .invite_as_operator("garment", Role::Member)
        .await
        .unwrap();
    let planted = councils_app::join::JoinForm {
        handle: "planted-handle-7731".into(),
        passphrase: PASSPHRASE.into(),
        language: councils_domain::Language::En,
        email: Some("planted.mail.7731@example.org".into()),
        founding: None,
    };
    let (_, signed_in) = app
        .join(&TestApp::token_of(&invitation.url), &planted)
        .await
        .unwrap();
    let actor = app.authenticate(&signed_in.token).await.unwrap();
    app.delete_account(&actor, PASSPHRASE).await.unwrap();
    server.stop().await.unwrap();

    let bytes = raw_files(&database);
    assert!(contains(&bytes, "garment"), "the raw read works");
    assert!(
        !contains(&bytes, "rosa.secret@example.org"),
        "an email is stored in plain text"
    );
    assert!(
        !contains(&bytes, "planted-handle-7731"),
        "a deleted member's handle is left in the file"
    );
    assert!(
        !contains(&bytes, "planted.mail.7731"),
        "a deleted member's email is left in the file"
    );

    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", database.display()))
        .await
        .unwrap();
    let (mode,): (String,) = sqlx::query_as("pragma journal_mode")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    pool.close().await;
}

#[tokio::test]
async fn the_api_signs_in_and_out_with_a_bearer_token() {
    let app = TestApp::spawn().await;
    app.found("garment", CouncilKind::WorkplaceCommittee, "rosa")
        .await;
    app.join(
        "garment",
        Role::Verifier,
        "lupe",
        councils_domain::Language::Es,
    )
    .await;
    let http = client();
    let signed_in = http
        .post(format!("{}/api/v1/sessions", app.url))
        .json(&serde_json::json!({ "handle": "lupe", "passphrase": PASSPHRASE }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status(), 201);
    let token = signed_in.json::<serde_json::Value>().await.unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    let councils = http
        .get(format!("{}/api/v1/councils", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(councils.status(), 200);
    let councils: serde_json::Value = councils.json().await.unwrap();
    assert_eq!(councils[0]["council"]["slug"], "garment");
    assert_eq!(
        councils[0]["roles"],
        serde_json::json!(["member", "verifier"])
    );
    let wrong = http
        .post(format!("{}/api/v1/sessions", app.url))
        .json(&serde_json::json!({ "handle": "lupe", "passphrase": "wrong wrong wrong" }))
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    assert_eq!(
        wrong.json::<serde_json::Value>().await.unwrap()["error"]["code"],
        "sign-in-failed"
    );
    let out = http
        .delete(format!("{}/api/v1/sessions/current", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    let after = http
        .get(format!("{}/api/v1/councils", app.url))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = TestApp::spawn().await;
    let document: serde_json::Value = client()
        .get(format!("{}/api/v1/openapi.json", app.url))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    let routes = include_str!("../../councils-web/src/routes/api.rs");
    let api = routes
        .split("Router::new()")
        .nth(1)
        .unwrap()
        .split("\n}")
        .next()
        .unwrap();
    let mut count = 0;
    for piece in api.split(".route(").skip(1) {
        let path = piece.split('"').nth(1).unwrap();
        let full = format!("/api/v1{path}");
        assert!(
            document["paths"].get(&full).is_some(),
            "{full} is missing from openapi.json"
        );
        for method in ["get", "post", "put", "delete"] {
            if piece
                .split(')')
                .next()
                .is_some_and(|_| piece.contains(&format!("{method}(api::")))
            {
                assert!(
                    document["paths"][&full].get(method).is_some(),
                    "{method} {full} is missing"
                );
            }
        }
        count += 1;
    }
    assert!(count >= 15, "only {count} API routes found");
    app.stop().await;
}
