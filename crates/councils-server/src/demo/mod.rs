//! `councils demo`: a fresh database holding a realistic federation, seeded through the store
//! port (so every change is in the minutes), then served.
//!
//! Los Angeles: four neighbourhood committees, four workplace committees and a strike committee
//! send delegates to the city council, which belongs to the Southern California regional
//! council, which belongs to the world council. Chicago and Tijuana send theirs to the world
//! council directly. A few hundred members with English and Spanish handles, roles filled, and
//! newcomers waiting for vouches where committees require them.

use crate::{Config, server};
use councils_app::crypto::{hash_passphrase, new_id};
use councils_app::ports::*;
use councils_domain::*;
use councils_store::Db;
use std::net::SocketAddr;

mod aid;
mod alerts;
mod events;
mod grievances;
mod motions;
mod publications;
mod records;
mod specs;
mod strikes;

pub use aid::seed as seed_aid;
pub use alerts::seed as seed_alerts;
pub use events::seed as seed_events;
pub use grievances::seed as seed_grievances;
pub use motions::seed as seed_motions;
pub use publications::seed as seed_publications;
pub use records::seed as seed_records;
pub use strikes::seed as seed_strikes;

use specs::{ENGLISH_WORDS, SPANISH_WORDS, SPECS, Spec};

/// The passphrase the demo accounts share unless `--demo-passphrase` says otherwise.
pub const DEFAULT_PASSPHRASE: &str = "solidaridad sin fronteras";

/// One line of the printed account list: `handle<TAB>role<TAB>council`.
pub struct DemoAccount {
    pub handle: String,
    pub role: String,
    pub council: String,
}

struct Seeder<'a> {
    db: &'a Db,
    hash: String,
    now: i64,
    accounts: Vec<DemoAccount>,
    next_handle: usize,
}

impl Seeder<'_> {
    async fn invitation(&self, council: &CouncilId, role: Role) -> anyhow::Result<InvitationId> {
        let id = InvitationId::new(new_id());
        self.db
            .create_invitation(&InvitationRecord {
                id: id.clone(),
                token_hash: councils_app::crypto::token_hash(&new_id()),
                council_id: Some(council.clone()),
                role,
                created_by: None,
                created_at: self.now,
                expires_at: self.now + 3600,
                used_at: None,
            })
            .await?;
        Ok(id)
    }

    fn generated_handle(&mut self) -> (String, Language) {
        let n = self.next_handle;
        self.next_handle += 1;
        // About three in five members read Spanish.
        if n % 5 < 3 {
            let word = SPANISH_WORDS[n % SPANISH_WORDS.len()];
            (
                format!("{word}{}", n / SPANISH_WORDS.len() + 1),
                Language::Es,
            )
        } else {
            let word = ENGLISH_WORDS[n % ENGLISH_WORDS.len()];
            (
                format!("{word}.{}", n / ENGLISH_WORDS.len() + 1),
                Language::En,
            )
        }
    }

    async fn new_member(
        &mut self,
        council: &CouncilId,
        slug: &str,
        handle: String,
        language: Language,
        role: Role,
    ) -> anyhow::Result<(MemberId, MembershipStatus)> {
        let invitation = self.invitation(council, role).await?;
        let id = MemberId::new(new_id());
        let member = NewMember {
            id: id.clone(),
            handle: Handle::parse(&handle)?,
            language,
            passphrase_hash: self.hash.clone(),
            email_sealed: None,
        };
        let status = self.db.join(&invitation, &member, None, self.now).await?;
        self.record(&handle, slug, role, status);
        Ok((id, status))
    }

    fn record(&mut self, handle: &str, council: &str, role: Role, status: MembershipStatus) {
        let roles = if status == MembershipStatus::Pending {
            vec!["pending".to_string()]
        } else if role == Role::Member {
            vec!["member".to_string()]
        } else {
            vec!["member".to_string(), role.code().to_string()]
        };
        for role in roles {
            self.accounts.push(DemoAccount {
                handle: handle.to_string(),
                role,
                council: council.to_string(),
            });
        }
    }
}

/// Role of the n-th member of a base committee.
fn base_role(n: usize) -> Role {
    match n {
        0 | 1 => Role::Organiser,
        2..=4 => Role::Verifier,
        5..=10 => Role::Responder,
        11 => Role::Legal,
        12 => Role::Treasurer,
        _ => Role::Member,
    }
}

fn new_council(spec: &Spec) -> NewCouncil {
    NewCouncil {
        id: CouncilId::new(new_id()),
        slug: Slug::parse(spec.slug).expect("demo slugs are valid"),
        kind: spec.kind,
        names: vec![
            CouncilName {
                language: Language::En,
                name: spec.en.0.into(),
                description: spec.en.1.into(),
            },
            CouncilName {
                language: Language::Es,
                name: spec.es.0.into(),
                description: spec.es.1.into(),
            },
        ],
        settings: CouncilSettings {
            vouches_required: 0,
            seat_rule: SeatRule {
                members_per_delegate: spec.members_per_delegate,
                minimum: 1,
            },
        },
    }
}

/// Seeds the demo federation into an empty database; returns the accounts to print.
pub async fn seed(db: &Db, passphrase: &str, now: i64) -> anyhow::Result<Vec<DemoAccount>> {
    let mut seeder = Seeder {
        db,
        hash: hash_passphrase(passphrase),
        now,
        accounts: Vec::new(),
        next_handle: 0,
    };
    let mut councils: Vec<(CouncilId, Vec<MemberId>)> = Vec::new();
    // Base committees first: a founder, then members, then the committee's vouching rule and
    // a couple of newcomers still waiting for vouches.
    for spec in SPECS.iter().filter(|s| s.members > 0) {
        let council = new_council(spec);
        let founding = InvitationId::new(new_id());
        db.create_invitation(&InvitationRecord {
            id: founding.clone(),
            token_hash: councils_app::crypto::token_hash(&new_id()),
            council_id: None,
            role: Role::Organiser,
            created_by: None,
            created_at: now,
            expires_at: now + 3600,
            used_at: None,
        })
        .await?;
        let founder = MemberId::new(new_id());
        let language = if spec.organiser.len() % 2 == 0 {
            Language::En
        } else {
            Language::Es
        };
        db.join(
            &founding,
            &NewMember {
                id: founder.clone(),
                handle: Handle::parse(spec.organiser)?,
                language,
                passphrase_hash: seeder.hash.clone(),
                email_sealed: None,
            },
            Some(&council),
            now,
        )
        .await?;
        seeder.record(
            spec.organiser,
            spec.slug,
            Role::Organiser,
            MembershipStatus::Active,
        );
        let mut members = vec![founder.clone()];
        for n in 1..spec.members.saturating_sub(2) {
            let (handle, language) = seeder.generated_handle();
            let (id, _) = seeder
                .new_member(&council.id, spec.slug, handle, language, base_role(n))
                .await?;
            members.push(id);
        }
        if spec.vouches > 0 {
            let settings = CouncilSettings {
                vouches_required: spec.vouches,
                seat_rule: council.settings.seat_rule,
            };
            db.update_council(&council.id, &council.names, settings, &founder, now)
                .await?;
        }
        for newcomer in 0..2 {
            let (handle, language) = seeder.generated_handle();
            let (id, status) = seeder
                .new_member(&council.id, spec.slug, handle, language, Role::Member)
                .await?;
            if status == MembershipStatus::Pending && newcomer == 0 && spec.vouches > 1 {
                db.vouch(&council.id, &id, &members[2], now).await?;
            }
        }
        councils.push((council.id.clone(), members));
    }
    // Higher councils, founded by the first delegate of their first constituent.
    let mut ids: std::collections::HashMap<&str, CouncilId> = SPECS
        .iter()
        .filter(|s| s.members > 0)
        .zip(&councils)
        .map(|(spec, (id, _))| (spec.slug, id.clone()))
        .collect();
    let mut delegates: std::collections::HashMap<&str, Vec<MemberId>> = SPECS
        .iter()
        .filter(|s| s.members > 0)
        .zip(&councils)
        .map(|(spec, (_, members))| (spec.slug, members.iter().take(2).cloned().collect()))
        .collect();
    // From the lowest higher council up, so each knows its constituents' delegates.
    for spec in SPECS.iter().filter(|s| s.members == 0).rev() {
        let constituents: Vec<&Spec> = SPECS
            .iter()
            .filter(|c| c.parents.contains(&spec.slug))
            .collect();
        let council = new_council(spec);
        let mut own: Vec<MemberId> = Vec::new();
        for constituent in &constituents {
            own.extend(
                delegates
                    .get(constituent.slug)
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .take(1),
            );
        }
        own.dedup();
        let Some(founder) = own.first().cloned() else {
            continue;
        };
        db.found_council(&council, &founder, now).await?;
        for delegate in own.iter().skip(1) {
            let invitation = seeder.invitation(&council.id, Role::Member).await?;
            match db.join_existing(&invitation, delegate, now).await {
                Ok(_) | Err(StoreError::AlreadyMember) => {}
                Err(error) => return Err(error.into()),
            }
        }
        for constituent in &constituents {
            if let Some(constituent_id) = ids.get(constituent.slug) {
                db.request_link(constituent_id, &council.id, &founder, now)
                    .await?;
                db.accept_link(constituent_id, &council.id, &founder, now)
                    .await?;
            }
        }
        ids.insert(spec.slug, council.id.clone());
        delegates.insert(spec.slug, own);
    }
    // Links from base committees to higher councils founded after them.
    for spec in SPECS.iter().filter(|s| s.members > 0) {
        for parent in spec.parents {
            let (Some(constituent), Some(parent_id)) = (ids.get(spec.slug), ids.get(parent)) else {
                continue;
            };
            let linked = db
                .links()
                .await?
                .iter()
                .any(|l| &l.constituent == constituent && &l.parent == parent_id);
            if !linked {
                let by = delegates
                    .get(parent)
                    .and_then(|d| d.first())
                    .cloned()
                    .expect("a higher council has a founder");
                db.request_link(constituent, parent_id, &by, now).await?;
                db.accept_link(constituent, parent_id, &by, now).await?;
            }
        }
    }
    // Delegates' handles in higher councils, for the account list.
    for spec in SPECS.iter().filter(|s| s.members == 0) {
        let Some(id) = ids.get(spec.slug) else {
            continue;
        };
        for listing in db.members_of(id).await? {
            for role in &listing.roles {
                seeder.accounts.push(DemoAccount {
                    handle: listing.handle.to_string(),
                    role: role.code().to_string(),
                    council: spec.slug.to_string(),
                });
            }
        }
    }
    Ok(seeder.accounts)
}

fn remove_sqlite_files(database: &str) -> anyhow::Result<()> {
    if database.starts_with("postgres") {
        return Ok(());
    }
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{database}{suffix}");
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(anyhow::anyhow!("cannot replace {path}: {e}")),
        }
    }
    Ok(())
}

/// `councils demo`: replace the demo database, seed it, print the accounts, serve.
pub async fn run(bind: SocketAddr, database: &str, passphrase: &str) -> anyhow::Result<()> {
    remove_sqlite_files(database)?;
    let config = Config {
        bind,
        database: database.to_string(),
        public_url: None,
        key_file: Config::default_key_file(database),
        ballot_batch: Config::BALLOT_BATCH,
        delivery: Default::default(),
    };
    // Seeded before the server listens, so no one signs in to a half-made federation.
    let db = Db::connect(database)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the demo database: {e}"))?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs() as i64;
    let accounts = seed(&db, passphrase, now).await;
    db.close().await;
    let accounts = accounts?;
    // Motions go through the use cases, which need the instance key for ballot ids.
    let (app, db) = server::build_app(&config, "http://127.0.0.1").await?;
    let seeded = motions::seed(&app, &db).await;
    let seeded = match seeded {
        Ok(()) => alerts::seed(&app, &db).await,
        Err(e) => Err(e),
    };
    let planner = match seeded {
        Ok(()) => records::seed(&app, &db).await,
        Err(error) => Err(error),
    };
    let planner = match planner {
        Ok(planner) => match strikes::seed(&app, &db).await {
            Ok(_) => match events::seed(&app, &db).await {
                Ok(_) => match aid::seed(&app, &db).await {
                    Ok(_) => publications::seed(&app, &db).await.map(|_| planner),
                    Err(error) => Err(error),
                },
                Err(error) => Err(error),
            },
            Err(error) => Err(error),
        },
        Err(error) => Err(error),
    };
    let grievance_link = match planner {
        Ok(_) => grievances::seed(&app, &db).await.map(Some),
        Err(ref error) => Err(anyhow::anyhow!("{error}")),
    };
    db.close().await;
    let planner = planner?;
    let grievance_link = grievance_link?;
    let running = server::start(config).await?;
    println!("councils demo is serving at {}", running.url);
    println!("Every demo account's passphrase: {passphrase}");
    println!("Demo accounts (handle, role, council):");
    for account in &accounts {
        println!("{}\t{}\t{}", account.handle, account.role, account.council);
    }
    println!(
        "Sign in at {}/sign-in, for example as rosa (organiser of garment-workers).",
        running.url
    );
    println!(
        "An emergency plan to try: sign in as {planner} ({}) and open /plan.",
        records::COMMITTEE
    );
    if let Some(link) = grievance_link {
        println!(
            "An anonymous grievance's private link ({}): {}{link}",
            grievances::COMMITTEE,
            running.url
        );
    }
    running.run_until_signal().await
}
