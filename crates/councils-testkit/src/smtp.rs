//! A real SMTP receiver on 127.0.0.1:0 for tests: mailin's SMTP state machine over tokio
//! sockets, handing each mail it accepts to the test. It can speak TLS (STARTTLS, or TLS from
//! the first byte) with a certificate for `localhost` made for it.

use mailin::response::{self, Action};
use mailin::{AuthMechanism, Handler, Response, SessionBuilder};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};

/// How the receiver protects its connections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiverTls {
    /// Plain at first, upgraded when the client asks (STARTTLS).
    StartTls,
    /// TLS from the first byte.
    Implicit,
}

/// A receiver's TLS: the acceptor and whether it starts at once.
#[derive(Clone)]
struct Tls {
    acceptor: TlsAcceptor,
    implicit: bool,
}

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

impl ReceivedMail {
    /// A header's value (the first of that name), unfolded.
    pub fn header(&self, name: &str) -> Option<String> {
        let (head, _) = self.data.split_once("\r\n\r\n")?;
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.split("\r\n").find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_string())
        })
    }

    /// The body as text, undoing its transfer encoding (7bit, quoted-printable or base64).
    pub fn text_body(&self) -> String {
        let (_, body) = self.data.split_once("\r\n\r\n").unwrap_or(("", &self.data));
        let encoding = self
            .header("content-transfer-encoding")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "base64" => base64::Engine::decode(
                &base64::engine::general_purpose::STANDARD,
                body.split_whitespace().collect::<String>(),
            )
            .expect("a base64 body"),
            "quoted-printable" => quoted_printable(body),
            _ => body.as_bytes().to_vec(),
        };
        String::from_utf8(bytes)
            .expect("a UTF-8 body")
            .replace("\r\n", "\n")
            .trim_end()
            .to_string()
    }
}

/// Decodes quoted-printable (RFC 2045 section 6.7): `=XX` escapes and `=` soft line breaks.
fn quoted_printable(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            if bytes[i + 1..].starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).expect("an escape");
            out.push(u8::from_str_radix(hex, 16).expect("a hex escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// An SMTP server accepting every mail, until dropped.
pub struct SmtpReceiver {
    pub addr: SocketAddr,
    mails: mpsc::UnboundedReceiver<ReceivedMail>,
    task: tokio::task::JoinHandle<()>,
    /// How many mails are still to be refused for now (421) before mails are accepted.
    refusals: Arc<AtomicUsize>,
    /// How many mails were refused so far.
    refused: Arc<AtomicUsize>,
}

impl SmtpReceiver {
    /// Starts listening on 127.0.0.1 on a free port, without sign-in.
    pub async fn start() -> Self {
        Self::listen(false).await
    }

    /// As [`SmtpReceiver::start`], requiring the client to sign in (AUTH PLAIN or LOGIN;
    /// any user and password is accepted and recorded).
    pub async fn start_requiring_auth() -> Self {
        Self::listen(true).await
    }

    /// As [`SmtpReceiver::start`], answering the first `count` mails with a temporary
    /// failure at the end of their data (421, closing the connection, as a server that is
    /// restarting does).
    pub async fn start_refusing_first(count: usize) -> Self {
        let receiver = Self::listen(false).await;
        receiver.refusals.store(count, Ordering::SeqCst);
        receiver
    }

    /// As [`SmtpReceiver::start`], over TLS as `mode` says, with a self-signed certificate for
    /// `localhost` made for it; also answers that certificate (PEM), for the client to trust.
    pub async fn start_tls(mode: ReceiverTls) -> (Self, String) {
        let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()])
            .expect("a certificate for localhost");
        let pem = made.cert.pem();
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(made.key_pair.serialize_der()));
        let config = ServerConfig::builder_with_provider(Arc::new(
            tokio_rustls::rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_no_client_auth()
        .with_single_cert(vec![CertificateDer::from(made.cert.der().to_vec())], key)
        .expect("the receiver's certificate");
        let tls = Tls {
            acceptor: TlsAcceptor::from(Arc::new(config)),
            implicit: mode == ReceiverTls::Implicit,
        };
        (Self::listen_with(false, Some(tls)).await, pem)
    }

    async fn listen(auth: bool) -> Self {
        Self::listen_with(auth, None).await
    }

    async fn listen_with(auth: bool, tls: Option<Tls>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port for the SMTP receiver");
        let addr = listener.local_addr().expect("its address");
        let (sender, mails) = mpsc::unbounded_channel();
        let refusals = Arc::new(AtomicUsize::new(0));
        let refused = Arc::new(AtomicUsize::new(0));
        let counts = (refusals.clone(), refused.clone());
        let task = tokio::spawn(async move {
            while let Ok((socket, peer)) = listener.accept().await {
                let collector = Collector {
                    mails: sender.clone(),
                    mail: None,
                    auth: None,
                    refusals: counts.0.clone(),
                    refused: counts.1.clone(),
                };
                tokio::spawn(converse(socket, peer.ip(), auth, tls.clone(), collector));
            }
        });
        Self {
            addr,
            mails,
            task,
            refusals,
            refused,
        }
    }

    /// How many mails were answered with a temporary failure.
    pub fn refused(&self) -> usize {
        self.refused.load(Ordering::SeqCst)
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
    socket: TcpStream,
    peer: IpAddr,
    auth: bool,
    tls: Option<Tls>,
    collector: Collector,
) {
    let mut builder = SessionBuilder::new("receiver.test");
    if auth {
        builder
            .enable_auth(AuthMechanism::Plain)
            .enable_auth(AuthMechanism::Login)
            // No TLS on loopback in tests; the client must still be allowed to sign in.
            .insecure_enable_plaintext_auth();
    }
    if tls.as_ref().is_some_and(|t| !t.implicit) {
        builder.enable_start_tls();
    }
    let mut session = builder.build(peer, collector);
    match tls {
        None => {
            exchange(BufReader::new(socket), &mut session, true).await;
        }
        Some(Tls {
            acceptor,
            implicit: true,
        }) => {
            let Ok(stream) = acceptor.accept(socket).await else {
                return;
            };
            session.tls_active();
            exchange(BufReader::new(stream), &mut session, true).await;
        }
        Some(Tls {
            acceptor,
            implicit: false,
        }) => {
            let (upgrade, plain) = exchange(BufReader::new(socket), &mut session, true).await;
            if !upgrade {
                return;
            }
            // The client waits for the answer to STARTTLS before its handshake, so nothing
            // of it is left in the buffer.
            let Ok(stream) = acceptor.accept(plain.into_inner()).await else {
                return;
            };
            session.tls_active();
            exchange(BufReader::new(stream), &mut session, false).await;
        }
    }
}

/// Reads commands and answers them until the client leaves, or asks to upgrade to TLS (then
/// answers `true`, with the connection to upgrade).
async fn exchange<S: AsyncRead + AsyncWrite + Unpin>(
    mut stream: BufReader<S>,
    session: &mut mailin::Session<Collector>,
    greet: bool,
) -> (bool, BufReader<S>) {
    if greet
        && write_response(stream.get_mut(), &session.greeting())
            .await
            .is_err()
    {
        return (false, stream);
    }
    let mut line = Vec::new();
    loop {
        line.clear();
        match stream.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return (false, stream),
            Ok(_) => {}
        }
        let answer = session.process(&line);
        match answer.action {
            Action::NoReply => {}
            Action::Close => {
                let _ = write_response(stream.get_mut(), &answer).await;
                return (false, stream);
            }
            Action::UpgradeTls => {
                let written = write_response(stream.get_mut(), &answer).await.is_ok();
                return (written, stream);
            }
            Action::Reply => {
                if write_response(stream.get_mut(), &answer).await.is_err() {
                    return (false, stream);
                }
            }
        }
    }
}

async fn write_response<W: AsyncWrite + Unpin>(
    write: &mut W,
    answer: &Response,
) -> std::io::Result<()> {
    let bytes = answer.buffer()?;
    write.write_all(&bytes).await?;
    write.flush().await
}

struct Collector {
    mails: mpsc::UnboundedSender<ReceivedMail>,
    mail: Option<ReceivedMail>,
    auth: Option<(String, String)>,
    refusals: Arc<AtomicUsize>,
    refused: Arc<AtomicUsize>,
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
        let refuse = self
            .refusals
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        let mail = self.mail.take();
        if refuse {
            self.refused.fetch_add(1, Ordering::SeqCst);
            // Closes the connection too, as a server that is going away does.
            return response::NO_SERVICE;
        }
        if let Some(mail) = mail {
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
