//! A bad connection between a browser and a test server: a TCP relay on loopback that can
//! drop every connection through it and turn new ones away, as a phone losing its network
//! does, then come back. The server sees its streams closed by the other end, as it would.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The relay; stops when dropped.
pub struct FlakyLink {
    /// `http://127.0.0.1:PORT`: open pages through this instead of the server's own URL.
    pub url: String,
    offline: Arc<AtomicBool>,
    /// Bumped to end every connection open through the relay.
    cuts: watch::Sender<u64>,
    task: JoinHandle<()>,
}

impl FlakyLink {
    /// A relay to `upstream` (`http://127.0.0.1:PORT`), online.
    pub async fn start(upstream: &str) -> Self {
        let upstream = upstream
            .strip_prefix("http://")
            .filter(|address| address.starts_with("127.0.0.1:"))
            .expect("a loopback server")
            .to_string();
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("address"));
        let offline = Arc::new(AtomicBool::new(false));
        let (cuts, _) = watch::channel(0);
        let task = tokio::spawn(relay(listener, upstream, offline.clone(), cuts.subscribe()));
        FlakyLink {
            url,
            offline,
            cuts,
            task,
        }
    }

    /// Drops every connection through the relay, and closes new ones at once until
    /// [`FlakyLink::online`].
    pub fn offline(&self) {
        self.offline.store(true, Ordering::SeqCst);
        self.cuts.send_modify(|cut| *cut += 1);
    }

    /// Lets connections through again.
    pub fn online(&self) {
        self.offline.store(false, Ordering::SeqCst);
    }
}

impl Drop for FlakyLink {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn relay(
    listener: TcpListener,
    upstream: String,
    offline: Arc<AtomicBool>,
    cuts: watch::Receiver<u64>,
) {
    while let Ok((mut inbound, _)) = listener.accept().await {
        if offline.load(Ordering::SeqCst) {
            // Closed before a byte is answered, as a connection with no network fails.
            drop(inbound);
            continue;
        }
        let (upstream, mut cuts) = (upstream.clone(), cuts.clone());
        cuts.mark_unchanged();
        tokio::spawn(async move {
            let Ok(mut outbound) = TcpStream::connect(&upstream).await else {
                return;
            };
            tokio::select! {
                _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                // Both ends are dropped here: the browser and the server each see it closed.
                _ = cuts.changed() => {}
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// An upstream that echoes what it reads.
    async fn echo() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let (mut reader, mut writer) = stream.split();
                    let _ = tokio::io::copy(&mut reader, &mut writer).await;
                });
            }
        });
        url
    }

    async fn connect(link: &FlakyLink) -> TcpStream {
        TcpStream::connect(link.url.strip_prefix("http://").unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn a_link_relays_drops_everything_when_offline_and_relays_again_online() {
        let link = FlakyLink::start(&echo().await).await;
        let mut open = connect(&link).await;
        open.write_all(b"hello").await.unwrap();
        let mut answer = [0u8; 5];
        open.read_exact(&mut answer).await.unwrap();
        assert_eq!(&answer, b"hello");

        link.offline();
        assert_eq!(
            open.read(&mut answer).await.unwrap_or(0),
            0,
            "the open one is cut"
        );
        let mut refused = connect(&link).await;
        assert_eq!(
            refused.read(&mut answer).await.unwrap_or(0),
            0,
            "a new one too"
        );

        link.online();
        let mut again = connect(&link).await;
        again.write_all(b"again").await.unwrap();
        again.read_exact(&mut answer).await.unwrap();
        assert_eq!(&answer, b"again");
    }
}
