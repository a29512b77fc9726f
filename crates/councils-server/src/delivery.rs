//! Wiring delivery: the VAPID key, the Web Push sender, the mailer and the notifier the app
//! tells members through.
//!
//! The notifier is a [`Fanout`]: push and email run [`InBackground`], so a verifier's
//! confirmation is answered before any push service or mail server is reached. The live hub
//! of open pages (or the PostgreSQL relay feeding every process's hub) comes first: it only
//! writes to memory, or sends one statement.

use crate::Config;
use crate::key;
use anyhow::Context;
use councils_app::delivery::{Fanout, Recipients};
use councils_app::ports::{Mailer, NoMailer, Notifier};
use councils_delivery::{
    Digests, InBackground, MemberDelivery, PushSettings, SmtpMailer, VapidKey, WebPush,
};
use std::sync::Arc;

/// The delivery parts of a server.
pub struct Delivery {
    pub notifier: Arc<dyn Notifier>,
    pub mailer: Arc<dyn Mailer>,
    /// The daily digests, sent by the sweep.
    pub digests: Arc<Digests>,
}

/// The instance's VAPID key, made on the first start beside the secret key.
pub fn vapid_key(config: &Config) -> anyhow::Result<VapidKey> {
    key::load_or_create_vapid(&config.delivery.vapid_key_file(&config.key_file))
}

/// The mailer the operator configured, or [`NoMailer`].
pub fn mailer(config: &Config) -> anyhow::Result<Arc<dyn Mailer>> {
    Ok(match &config.delivery.smtp {
        Some(settings) => Arc::new(SmtpMailer::new(settings).context("the mail server settings")?),
        None => Arc::new(NoMailer),
    })
}

/// Live to open pages (`live`), then push and email to members, in the background.
pub fn wire(
    config: &Config,
    vapid: VapidKey,
    recipients: Recipients,
    public_url: &str,
    live: Arc<dyn Notifier>,
) -> anyhow::Result<Delivery> {
    let mut settings = PushSettings::new(
        config
            .delivery
            .push_contact
            .clone()
            .unwrap_or_else(|| public_url.to_string()),
    );
    settings.endpoints = config.delivery.push_endpoints;
    if let Some(backoff) = config.delivery.push_backoff {
        settings.backoff = backoff;
    }
    let push = WebPush::new(vapid, settings).context("the push client")?;
    let mailer = mailer(config)?;
    let digests = Arc::new(Digests::new(recipients.clone(), mailer.clone(), public_url));
    let members = MemberDelivery::new(recipients, Some(Arc::new(push)), mailer.clone(), public_url);
    let notifier: Arc<dyn Notifier> = Arc::new(Fanout(vec![
        live,
        Arc::new(InBackground(Arc::new(members))),
    ]));
    Ok(Delivery {
        notifier,
        mailer,
        digests,
    })
}
