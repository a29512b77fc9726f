//! The live stream over real HTTP: a responder connected to `GET /api/v1/alerts/stream` gets
//! the alert the moment a verifier's confirmation is acknowledged, and nothing of a false
//! alarm; with PostgreSQL, a confirmation on one server reaches a responder connected to
//! another server on the same database (LISTEN/NOTIFY), both inside this test process and
//! between two `councils serve` processes.

use councils_domain::{CouncilKind, Language, Role};
use councils_testkit::{TestApp, TestMember};
use std::time::Duration;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn bearer(member: &TestMember) -> String {
    format!("Bearer {}", member.token.expose())
}

/// A member's open stream on the server at `url`, past its opening comment.
async fn open_stream(url: &str, member: &TestMember) -> reqwest::Response {
    let mut stream = client()
        .get(format!("{url}/api/v1/alerts/stream"))
        .header("cookie", member.cookie())
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    assert_eq!(
        stream.headers()["content-type"].to_str().unwrap(),
        "text/event-stream"
    );
    let first = stream.chunk().await.unwrap().unwrap();
    assert!(std::str::from_utf8(&first).unwrap().contains(": open"));
    stream
}

/// The next event's JSON (keep-alive comments skipped), or `None` if none comes in `wait`.
async fn next_event(stream: &mut reqwest::Response, wait: Duration) -> Option<serde_json::Value> {
    let deadline = tokio::time::Instant::now() + wait;
    let mut buffer = String::new();
    loop {
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .ok()?;
        buffer.push_str(std::str::from_utf8(&chunk.unwrap()?).unwrap());
        while let Some(end) = buffer.find("\n\n") {
            let frame: String = buffer.drain(..end + 2).collect();
            if let Some(data) = frame.strip_prefix("data: ") {
                return Some(serde_json::from_str(data.trim()).unwrap());
            }
        }
    }
}

async fn file(url: &str, reporter: &TestMember, place: &str) -> String {
    let filed: serde_json::Value = client()
        .post(format!("{url}/api/v1/councils/boyle/reports"))
        .header("authorization", bearer(reporter))
        .json(&serde_json::json!({
            "what": "Agents at a door", "place": place, "source": "saw-it",
            "officers": 3, "agency": "ice"
        }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    filed["id"].as_str().unwrap().to_string()
}

async fn verify(url: &str, verifier: &TestMember, id: &str, outcome: &str) {
    let answered = client()
        .post(format!("{url}/api/v1/reports/{id}/verification"))
        .header("authorization", bearer(verifier))
        .json(&serde_json::json!({ "outcome": outcome }))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 200, "{}", answered.text().await.unwrap());
}

struct People {
    vera: TestMember,
    rita: TestMember,
    mateo: TestMember,
}

async fn committee(app: &TestApp) -> People {
    app.found("boyle", CouncilKind::NeighbourhoodCommittee, "olga")
        .await;
    People {
        vera: app
            .join("boyle", Role::Verifier, "vera", Language::En)
            .await,
        rita: app
            .join("boyle", Role::Responder, "rita", Language::Es)
            .await,
        mateo: app.join("boyle", Role::Member, "mateo", Language::En).await,
    }
}

#[tokio::test]
async fn a_responders_stream_carries_the_confirmed_alert_and_nothing_of_a_false_alarm() {
    let app = TestApp::spawn().await;
    let p = committee(&app).await;
    let mut verifier_stream = open_stream(&app.url, &p.vera).await;
    let mut responder_stream = open_stream(&app.url, &p.rita).await;

    let false_alarm = file(&app.url, &p.mateo, "Breed St").await;
    let filed = next_event(&mut verifier_stream, Duration::from_secs(5))
        .await
        .expect("the verifier is told at once");
    assert_eq!(filed["report_id"], false_alarm.as_str());
    assert_eq!(filed["kind"], "report-filed");
    verify(&app.url, &p.vera, &false_alarm, "false_alarm").await;

    let real = file(&app.url, &p.mateo, "Soto St & 1st St").await;
    verify(&app.url, &p.vera, &real, "confirmed").await;
    let alert = next_event(&mut responder_stream, Duration::from_secs(5))
        .await
        .expect("the responder gets the alert");
    assert_eq!(alert["kind"], "alert-raised");
    assert_eq!(
        alert["report_id"],
        real.as_str(),
        "the first thing the responder hears of is the confirmed alert, not the false alarm"
    );
    // The stream carries no details: the responder reads them with their own session.
    assert!(alert.get("place").is_none());
    let read: serde_json::Value = client()
        .get(format!("{}/api/v1/reports/{real}", app.url))
        .header("authorization", bearer(&p.rita))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(read["report"]["facts"]["place"], "Soto St & 1st St");
    assert_eq!(read["verification"]["state"], "confirmed");

    let anonymous = client()
        .get(format!("{}/api/v1/alerts/stream", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    app.stop().await;
}

#[tokio::test]
async fn a_confirmation_on_one_server_reaches_a_responder_connected_to_another() {
    let Some(app) = TestApp::spawn_postgres().await else {
        return;
    };
    let p = committee(&app).await;
    let second = app.spawn_sibling().await;
    // rita's page is connected to the second server; everything else happens on the first.
    let mut responder_stream = open_stream(&second.url, &p.rita).await;
    let mut verifier_stream = open_stream(&app.url, &p.vera).await;
    let id = file(&app.url, &p.mateo, "Soto St & 1st St").await;
    let filed = next_event(&mut verifier_stream, Duration::from_secs(5))
        .await
        .expect("the verifier on the first server is told through the relay too");
    assert_eq!(filed["report_id"], id.as_str());
    verify(&app.url, &p.vera, &id, "confirmed").await;
    let alert = next_event(&mut responder_stream, Duration::from_secs(5))
        .await
        .expect("the alert crosses to the second server");
    assert_eq!(alert["kind"], "alert-raised");
    assert_eq!(alert["report_id"], id.as_str());
    let answered = client()
        .post(format!("{}/api/v1/reports/{id}/responses", second.url))
        .header("authorization", bearer(&p.rita))
        .json(&serde_json::json!({ "role": "legal_observer" }))
        .send()
        .await
        .unwrap();
    assert_eq!(answered.status(), 200);
    // Her own confirmation came first ("report-changed"); then rita on her way.
    let mut kinds = Vec::new();
    while let Some(event) = next_event(&mut verifier_stream, Duration::from_secs(5)).await {
        assert_eq!(event["report_id"], id.as_str());
        kinds.push(event["kind"].as_str().unwrap().to_string());
        if kinds.last().unwrap() == "alert-updated" {
            break;
        }
    }
    assert_eq!(
        kinds,
        vec!["report-changed", "alert-updated"],
        "the verifier on the first server sees who is coming"
    );
    drop(responder_stream);
    drop(verifier_stream);
    second.stop().await.unwrap();
    app.stop().await;
}

/// A `councils serve` process of its own on `app`'s database and key, on a free port; killed
/// when dropped.
struct ServeProcess {
    url: String,
    _child: tokio::process::Child,
}

async fn serve_process(app: &TestApp) -> ServeProcess {
    use tokio::io::AsyncBufReadExt;
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_councils"))
        .args(["serve", "--bind", "127.0.0.1:0", "--database"])
        .arg(app.database_url())
        .arg("--key-file")
        .arg(app.key_file())
        .env_remove("COUNCILS_PUBLIC_URL")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("councils serve starts");
    let mut lines = tokio::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let url = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if let Some(url) = line.strip_prefix("councils is serving at ") {
                return url.to_string();
            }
        }
        panic!("councils serve stopped before serving");
    })
    .await
    .expect("councils serve says where it serves within 30 s");
    ServeProcess { url, _child: child }
}

#[tokio::test]
async fn a_confirmation_in_one_serve_process_reaches_a_responder_connected_to_another() {
    let Some(app) = TestApp::spawn_postgres().await else {
        return;
    };
    let p = committee(&app).await;
    let (first, second) = tokio::join!(serve_process(&app), serve_process(&app));
    assert_ne!(first.url, second.url);
    // rita's phone is connected to the second process; the report and its confirmation go
    // through the first, as a proxy in front of both might send them.
    let mut responder_stream = open_stream(&second.url, &p.rita).await;
    let mut verifier_stream = open_stream(&first.url, &p.vera).await;
    let id = file(&first.url, &p.mateo, "Cesar Chavez Ave & Soto St").await;
    let filed = next_event(&mut verifier_stream, Duration::from_secs(10))
        .await
        .expect("the verifier is told");
    assert_eq!(filed["kind"], "report-filed");
    assert_eq!(filed["report_id"], id.as_str());
    verify(&first.url, &p.vera, &id, "confirmed").await;
    let alert = next_event(&mut responder_stream, Duration::from_secs(10))
        .await
        .expect("the alert crosses from one process to the other");
    assert_eq!(alert["kind"], "alert-raised");
    assert_eq!(alert["report_id"], id.as_str());
    drop(responder_stream);
    drop(verifier_stream);
    drop((first, second));
    app.stop().await;
}
