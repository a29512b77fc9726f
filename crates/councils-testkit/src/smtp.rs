//! A real SMTP receiver on 127.0.0.1:0 for tests: mailin's SMTP state machine over tokio
//! sockets, handing each mail it accepts to the test.

use mailin::response::{self, Action};
use mailin::{AuthMechanism, Handler, Response, SessionBuilder};
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

/// A mail as the receiver got it.
#[derive(Clone, Debug)]
pub struct ReceivedMail {
    pub from: String,
    pub to: Vec<String>,
    /// The whole message as sent: headers and body.
    pub data: String,
    /// The user and password the client signed in with, if it did.
    pub auth: Option<(String, String)>,
}

/// An SMTP server accepting every mail (and any AUTH PLAIN / LOGIN), until dropped.
pub struct SmtpReceiver {
    pub addr: SocketAddr,
    mails: mpsc::UnboundedReceiver<ReceivedMail>,
    task: tokio::task::JoinHandle<()>,
}

impl SmtpReceiver {
    /// Starts listening on 127.0.0.1 on a free port.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port for the SMTP receiver");
        let addr = listener.local_addr().expect("its address");
        let (sender, mails) = mpsc::unbounded_channel();
        let task = tokio::spawn(async move {
            while let Ok((socket, peer)) = listener.accept().await {
                tokio::spawn(converse(socket, peer.ip(), sender.clone()));
            }
        });
        Self { addr, mails, task }
    }

    /// The next mail received; panics after 10 seconds without one.
    pub async fn next_mail(&mut self) -> ReceivedMail {
        tokio::time::timeout(Duration::from_secs(10), self.mails.recv())
            .await
            .expect("a mail within 10 s")
            .expect("the receiver runs")
    }

    /// Whether no mail has arrived yet (and not been taken by [`SmtpReceiver::next_mail`]).
    pub fn is_empty(&mut self) -> bool {
        self.mails.try_recv().is_err()
    }
}

impl Drop for SmtpReceiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn converse(
    socket: tokio::net::TcpStream,
    peer: IpAddr,
    mails: mpsc::UnboundedSender<ReceivedMail>,
) {
    let mut builder = SessionBuilder::new("receiver.test");
    builder
        .enable_auth(AuthMechanism::Plain)
        .enable_auth(AuthMechanism::Login)
        // No TLS on loopback in tests; the client must still be allowed to sign in.
        .insecure_enable_plaintext_auth();
    let mut session = builder.build(
        peer,
        Collector {
            mails,
            mail: None,
            auth: None,
        },
    );
    let (read, mut write) = socket.into_split();
    let mut lines = BufReader::new(read);
    if write_response(&mut write, &session.greeting())
        .await
        .is_err()
    {
        return;
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        match lines.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let answer = session.process(&line);
        match answer.action {
            Action::NoReply => {}
            Action::Close => {
                let _ = write_response(&mut write, &answer).await;
                return;
            }
            Action::Reply | Action::UpgradeTls => {
                if write_response(&mut write, &answer).await.is_err() {
                    return;
                }
            }
        }
    }
}

async fn write_response(
    write: &mut tokio::net::tcp::OwnedWriteHalf,
    answer: &Response,
) -> std::io::Result<()> {
    let bytes = answer.buffer()?;
    write.write_all(&bytes).await
}

struct Collector {
    mails: mpsc::UnboundedSender<ReceivedMail>,
    mail: Option<ReceivedMail>,
    auth: Option<(String, String)>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.mail = Some(ReceivedMail {
            from: from.to_string(),
            to: to.to_vec(),
            data: String::new(),
            auth: self.auth.clone(),
        });
        response::OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        if let Some(mail) = &mut self.mail {
            mail.data.push_str(&String::from_utf8_lossy(buf));
        }
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        if let Some(mail) = self.mail.take() {
            let _ = self.mails.send(mail);
        }
        response::OK
    }

    fn auth_plain(&mut self, _authorization: &str, user: &str, password: &str) -> Response {
        self.auth = Some((user.to_string(), password.to_string()));
        response::AUTH_OK
    }

    fn auth_login(&mut self, user: &str, password: &str) -> Response {
        self.auth = Some((user.to_string(), password.to_string()));
        response::AUTH_OK
    }
}
