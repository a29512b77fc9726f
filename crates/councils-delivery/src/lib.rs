//! Delivery of notices beyond the open page: Web Push (VAPID keys, payloads encrypted per
//! RFC 8291, retries, expired subscriptions forgotten) and email over SMTP (lettre, rustls).
//! Both implement the app's ports: [`SmtpMailer`] is a `Mailer`, [`MemberDelivery`] a
//! `Notifier`, run off the request path by [`InBackground`].
//!
//! Neither carries any detail of what happened: a push payload holds the notice's kind, what
//! it concerns and where to look, with a title in the member's language; a mail holds the
//! title and a link. Push services and mail servers are not private.

mod digest;
mod mail;
mod member;
mod push;
mod texts;
mod vapid;

pub use digest::{Digests, DigestsSent};
pub use mail::{MailRetry, SmtpMailer, SmtpSettings, SmtpTls};
pub use member::{Delivered, InBackground, MemberDelivery};
pub use push::{PushOutcome, PushSettings, Urgency, WebPush};
pub use texts::{NOTICES_PATH, digest_mail, mail_for, push_payload};
pub use vapid::{VapidError, VapidKey};
