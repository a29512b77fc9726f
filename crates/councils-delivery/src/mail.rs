//! Plain mail over SMTP (lettre, rustls): one mail per recipient, text only, tried again
//! when the server's refusal is temporary or the connection failed.

use async_trait::async_trait;
use councils_app::Secret;
use councils_app::ports::{Mail, MailError, Mailer};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How the connection to the mail server is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmtpTls {
    /// None: only for a mail server on the same machine (loopback).
    None,
    /// Plain connection upgraded with STARTTLS, which is required (usually port 587).
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl SmtpTls {
    /// `none`, `starttls` or `tls`.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "none" => Some(SmtpTls::None),
            "starttls" => Some(SmtpTls::StartTls),
            "tls" => Some(SmtpTls::Tls),
            _ => None,
        }
    }
}

/// The operator's mail server.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    /// The user to sign in as, if the server asks for one.
    pub user: Option<String>,
    pub password: Option<Secret<String>>,
    /// The sender, `councils <alerts@example.org>` or a bare address.
    pub from: String,
    /// The certificate authority (PEM) that signed the mail server's certificate, for a server
    /// with a private one; none: the public web's roots.
    pub ca_pem: Option<Vec<u8>>,
}

/// Why the mail settings cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SmtpSettingsError {
    #[error("the sender is not a mail address")]
    BadFrom,
    #[error("a mail server without TLS must be on this machine (127.0.0.1, ::1 or localhost)")]
    PlainNotLoopback,
    #[error("the mail server's TLS settings are not usable: {0}")]
    Tls(String),
}

/// How often a mail is tried, and how long the first wait between tries is (each next wait
/// is four times longer).
#[derive(Clone, Copy, Debug)]
pub struct MailRetry {
    pub attempts: u32,
    pub first_wait: Duration,
}

impl Default for MailRetry {
    /// Four tries over about 40 seconds (2, 8, 32 s apart): a mail server that is restarting
    /// or busy (a 4xx answer) is waited for; a refusal (5xx) is not tried again. Mails are
    /// kept in memory only while they are tried, never written down.
    fn default() -> Self {
        Self {
            attempts: 4,
            first_wait: Duration::from_secs(2),
        }
    }
}

/// Sends mail through the operator's SMTP server.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    retry: MailRetry,
}

impl SmtpMailer {
    /// A mailer for `settings`, refusing a plain connection to anything but loopback.
    pub fn new(settings: &SmtpSettings) -> Result<Self, SmtpSettingsError> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|_| SmtpSettingsError::BadFrom)?;
        let mut builder = match settings.tls {
            SmtpTls::None => {
                let host = settings.host.trim_matches(['[', ']']);
                let loopback = host == "localhost"
                    || host
                        .parse::<std::net::IpAddr>()
                        .is_ok_and(|ip| ip.is_loopback());
                if !loopback {
                    return Err(SmtpSettingsError::PlainNotLoopback);
                }
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            }
            SmtpTls::StartTls | SmtpTls::Tls => {
                let tls_error =
                    |e: lettre::transport::smtp::Error| SmtpSettingsError::Tls(e.to_string());
                let mut parameters = TlsParameters::builder(settings.host.clone());
                if let Some(pem) = &settings.ca_pem {
                    parameters = parameters
                        .add_root_certificate(Certificate::from_pem(pem).map_err(tls_error)?);
                }
                let parameters = parameters.build_rustls().map_err(tls_error)?;
                AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host).tls(
                    if settings.tls == SmtpTls::StartTls {
                        Tls::Required(parameters)
                    } else {
                        Tls::Wrapper(parameters)
                    },
                )
            }
        }
        .port(settings.port)
        .timeout(Some(Duration::from_secs(20)));
        if let (Some(user), Some(password)) = (&settings.user, &settings.password) {
            builder =
                builder.credentials(Credentials::new(user.clone(), password.expose().clone()));
        }
        Ok(Self {
            transport: builder.build(),
            from,
            retry: MailRetry::default(),
        })
    }

    /// The same mailer, trying as `retry` says.
    pub fn with_retry(self, retry: MailRetry) -> Self {
        Self { retry, ..self }
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        let to: Mailbox = mail.to.trim().parse().map_err(|_| MailError::BadAddress)?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&mail.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())
            .map_err(|_| MailError::BadAddress)?;
        let (mut attempt, mut wait) = (1, self.retry.first_wait);
        loop {
            match self.transport.send(message.clone()).await {
                Ok(_) => return Ok(()),
                // lettre's errors name the server's answer and the transport's failure, never
                // the recipient.
                Err(error) if error.is_permanent() || attempt >= self.retry.attempts => {
                    return Err(MailError::Failed(error.to_string()));
                }
                Err(error) => {
                    tracing::info!(attempt, error = %error, "mail not sent yet, trying again");
                    tokio::time::sleep(wait).await;
                    attempt += 1;
                    wait *= 4;
                }
            }
        }
    }
}
