//! An app on a fresh database with a mailer and a notifier that record what they were given,
//! and builders for the committees and members the tests need.

#![allow(dead_code)]

use async_trait::async_trait;
use councils_app::clock::FakeClock;
use councils_app::join::{CouncilForm, JoinForm};
use councils_app::ports::{Mail, MailError, Mailer, Notice, Notifier};
use councils_app::records::Words;
use councils_app::{Actor, App, AppConfig, FieldCipher, Secret};
use councils_domain::{CouncilKind, Language, MemberId, Role};
use councils_store::Db;
use councils_store::testing::FreshDb;
use std::sync::{Arc, Mutex};

/// Every mail the app handed to the mailer.
#[derive(Default)]
pub struct RecordingMailer(pub Mutex<Vec<Mail>>);

#[async_trait]
impl Mailer for RecordingMailer {
    async fn send(&self, mail: &Mail) -> Result<(), MailError> {
        self.0.lock().unwrap().push(mail.clone());
        Ok(())
    }
}

/// Every notice the app gave, with the members it went to.
#[derive(Default)]
pub struct RecordingNotifier(pub Mutex<Vec<(Vec<MemberId>, Notice)>>);

#[async_trait]
impl Notifier for RecordingNotifier {
    async fn notify(&self, members: &[MemberId], notice: &Notice) {
        self.0
            .lock()
            .unwrap()
            .push((members.to_vec(), notice.clone()));
    }
}

/// Words that name their key and language, so a test sees which text went where.
pub struct KeyWords;

impl Words for KeyWords {
    fn word(&self, language: Language, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<String> = args.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!(
            "[{}:{key}{}]",
            language.code(),
            if args.is_empty() {
                String::new()
            } else {
                format!(" {}", args.join(" "))
            }
        )
    }
}

pub const PASSPHRASE: &str = "the strike goes on tomorrow";

pub struct World {
    pub app: App,
    pub db: Db,
    pub mailer: Arc<RecordingMailer>,
    pub notifier: Arc<RecordingNotifier>,
    pub clock: Arc<FakeClock>,
    fresh: FreshDb,
}

impl World {
    pub async fn new() -> Self {
        let fresh = FreshDb::sqlite();
        let db = fresh.connect().await;
        let clock = Arc::new(FakeClock::at(1_795_851_062));
        let mailer = Arc::new(RecordingMailer::default());
        let notifier = Arc::new(RecordingNotifier::default());
        let app = App::new(
            Arc::new(db.clone()),
            clock.clone(),
            FieldCipher::new(&Secret::new(vec![9u8; 32])),
            AppConfig::default(),
        )
        .with_delivery(notifier.clone(), mailer.clone());
        Self {
            app,
            db,
            mailer,
            notifier,
            clock,
            fresh,
        }
    }

    /// Founds the first council with its organiser.
    pub async fn found(&self, slug: &str, organiser: &str) -> Actor {
        let invitation = self
            .app
            .founding_invitation()
            .await
            .unwrap()
            .expect("an empty instance");
        let form = CouncilForm {
            slug: slug.into(),
            kind: CouncilKind::NeighbourhoodCommittee,
            name: format!("Council {slug}"),
            description: String::new(),
            language: Language::En,
        };
        self.join_with(&invitation.url, organiser, Some(form)).await
    }

    /// Founds another council, by a new member of `first` who becomes its organiser.
    pub async fn found_another(&self, first: &str, slug: &str, organiser: &str) -> Actor {
        let founder = self.join(first, Role::Member, organiser).await;
        let form = CouncilForm {
            slug: slug.into(),
            kind: CouncilKind::NeighbourhoodCommittee,
            name: format!("Council {slug}"),
            description: String::new(),
            language: Language::En,
        };
        self.app.found_council(&founder, &form).await.unwrap();
        founder
    }

    /// A newcomer joins `slug` with `role`.
    pub async fn join(&self, slug: &str, role: Role, handle: &str) -> Actor {
        let invitation = self.app.invite_as_operator(slug, role).await.unwrap();
        self.join_with(&invitation.url, handle, None).await
    }

    async fn join_with(&self, url: &str, handle: &str, founding: Option<CouncilForm>) -> Actor {
        let token = url.rsplit('/').next().unwrap();
        let form = JoinForm {
            handle: handle.into(),
            passphrase: PASSPHRASE.into(),
            language: Language::Es,
            email: None,
            founding,
        };
        let (_, signed_in) = self.app.join(token, &form).await.unwrap();
        self.app.authenticate(&signed_in.token).await.unwrap()
    }

    pub fn mails(&self) -> Vec<Mail> {
        self.mailer.0.lock().unwrap().clone()
    }

    pub fn notices(&self) -> Vec<(Vec<MemberId>, Notice)> {
        self.notifier.0.lock().unwrap().clone()
    }

    pub async fn finish(self) {
        self.db.close().await;
        self.fresh.finish().await;
    }
}
