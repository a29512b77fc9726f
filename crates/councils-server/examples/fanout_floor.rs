//! The floor for the alert fan-out benchmark: a bare tokio server that holds N plain TCP
//! connections open as event streams and, when triggered, writes the same bytes to every one
//! of them. Nothing of councils runs in it: no routing, sessions, database or authorisation.
//!
//! ```sh
//! fanout_floor 127.0.0.1:0
//! ```
//!
//! Prints `floor listening at http://ADDR` once it listens. `GET` anything: the answer is the
//! head of an event stream, kept open. `POST /trigger` with a report id as its body: every open
//! stream gets one event frame carrying that id (framed once and shared, as the server's hub
//! does), and the trigger is answered after the frames are handed to the streams. Used by
//! `scripts/bench-fanout.sh`; listens on loopback only.

use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::broadcast;

/// The head of an event stream, as axum sends it over HTTP/1.1.
const STREAM_HEAD: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\
cache-control: no-cache\r\ntransfer-encoding: chunked\r\n\r\n";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let bind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".into());
    anyhow::ensure!(
        bind.starts_with("127.0.0.1:"),
        "the floor listens on loopback only"
    );
    let listener = TcpListener::bind(&bind).await?;
    println!("floor listening at http://{}", listener.local_addr()?);
    let (frames, _) = broadcast::channel::<Arc<Vec<u8>>>(4);
    loop {
        let (stream, _) = listener.accept().await?;
        let frames = frames.clone();
        tokio::spawn(async move {
            let _ = serve(stream, frames).await;
        });
    }
}

/// Reads one request head (and a body of `content-length` bytes, if any).
async fn request(stream: &mut TcpStream) -> std::io::Result<(String, Vec<u8>)> {
    let mut buffer = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let end = loop {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
    };
    let head = String::from_utf8_lossy(&buffer[..end]).to_string();
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    let mut body = buffer[end..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Ok((head, body))
}

async fn serve(
    mut stream: TcpStream,
    frames: broadcast::Sender<Arc<Vec<u8>>>,
) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let (head, body) = request(&mut stream).await?;
    if head.starts_with("POST /trigger") {
        let report = String::from_utf8_lossy(&body).trim().to_string();
        let data = format!(
            "data: {{\"kind\":\"alert-raised\",\"report_id\":\"{report}\",\"path\":\"/reports/{report}\"}}\n\n"
        );
        // One chunk of the chunked body: its length in hex, the bytes, CRLF.
        let frame = format!("{:x}\r\n{data}\r\n", data.len()).into_bytes();
        let _ = frames.send(Arc::new(frame));
        stream
            .write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n")
            .await?;
        return Ok(());
    }
    let mut receiver = frames.subscribe();
    stream.write_all(STREAM_HEAD).await?;
    let (mut reader, mut writer) = stream.split();
    let mut ignored = [0u8; 64];
    loop {
        tokio::select! {
            frame = receiver.recv() => match frame {
                Ok(frame) => writer.write_all(&frame).await?,
                Err(_) => return Ok(()),
            },
            // A stream whose client has gone is dropped at once, not at the next write.
            read = reader.read(&mut ignored) => if read? == 0 {
                return Ok(());
            },
        }
    }
}
