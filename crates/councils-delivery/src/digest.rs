//! The daily digest: once a member's oldest waiting notice has waited a day, one mail counts
//! what waits, by kind, and links to their page of notices. The server's sweep runs it.

use crate::texts::digest_mail;
use councils_app::delivery::Recipients;
use councils_app::ports::{MailError, Mailer};
use std::sync::Arc;

/// Sends the digests that are due.
pub struct Digests {
    recipients: Recipients,
    mailer: Arc<dyn Mailer>,
    public_url: String,
}

/// What one run did, in counts (the log carries these and nothing personal).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DigestsSent {
    pub mailed: usize,
    pub failed: usize,
}

impl Digests {
    pub fn new(recipients: Recipients, mailer: Arc<dyn Mailer>, public_url: &str) -> Self {
        Self {
            recipients,
            mailer,
            public_url: public_url.trim_end_matches('/').to_string(),
        }
    }

    /// Mails every digest that is due, one member after another. A member's notices are
    /// marked mailed before the mail goes, so two sweeps never send one digest twice; a mail
    /// that fails is not tried again, and its notices stay on the member's page of notices.
    pub async fn send_due(&self) -> DigestsSent {
        let mut sent = DigestsSent::default();
        for member in self.recipients.digests_due().await {
            let Some(digest) = self.recipients.take_digest(&member).await else {
                continue;
            };
            let mail = digest_mail(
                &digest.items,
                digest.language,
                digest.email.expose(),
                &self.public_url,
            );
            match self.mailer.send(&mail).await {
                Ok(()) => sent.mailed += 1,
                Err(MailError::NotConfigured) => {}
                Err(error) => {
                    tracing::warn!(error = %error, "digest mail not sent");
                    sent.failed += 1;
                }
            }
        }
        sent
    }
}
