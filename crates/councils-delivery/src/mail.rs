//! Plain mail over SMTP (lettre, rustls): one mail per recipient, text only.

use async_trait::async_trait;
use councils_app::Secret;
use councils_app::ports::{Mail, MailError, Mailer};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
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

/// Sends mail through the operator's SMTP server.
pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
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
            SmtpTls::StartTls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&settings.host)
                    .map_err(|e| SmtpSettingsError::Tls(e.to_string()))?
            }
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&settings.host)
                .map_err(|e| SmtpSettingsError::Tls(e.to_string()))?,
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
        })
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
        self.transport
            .send(message)
            // lettre's errors name the server's answer and the transport's failure, never the
            // recipient.
            .await
            .map_err(|error| MailError::Failed(error.to_string()))?;
        Ok(())
    }
}
