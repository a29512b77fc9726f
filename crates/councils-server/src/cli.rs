//! The command line: `serve`, `demo`, `invite`, `tally`, `minutes verify`.

use crate::{Config, DeliveryConfig, demo, server};
use anyhow::bail;
use clap::{Parser, Subcommand};
use councils_app::Secret;
use councils_delivery::{SmtpSettings, SmtpTls};
use councils_domain::Role;
use std::net::SocketAddr;
use std::path::PathBuf;

/// councils: the software of a federation of workers' councils.
#[derive(Parser, Debug)]
#[command(
    name = "councils",
    version,
    about = "councils: the software of a federation of workers' councils.",
    long_about = None
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the database is and how to reach the instance.
#[derive(clap::Args, Debug, Clone)]
pub struct DatabaseArgs {
    /// An SQLite file (created and migrated on first start) or a postgres:// URL.
    #[arg(long, env = "COUNCILS_DATABASE", default_value = "councils.db")]
    pub database: String,
    /// The secret key file (created with 0600 permissions if missing). Ignored when
    /// COUNCILS_SECRET_KEY holds the key. Defaults to the database's name with `.key`.
    #[arg(long, env = "COUNCILS_KEY_FILE")]
    pub key_file: Option<PathBuf>,
    /// At most this many ballots are committed (and fsynced) together. 1 commits each ballot
    /// on its own: only for measuring what group commits gain.
    #[arg(long, env = "COUNCILS_BALLOT_BATCH", default_value_t = Config::BALLOT_BATCH)]
    pub ballot_batch: usize,
}

impl DatabaseArgs {
    fn key_file(&self) -> PathBuf {
        self.key_file
            .clone()
            .unwrap_or_else(|| Config::default_key_file(&self.database))
    }
}

/// How members are told beyond their open pages: the mail server, and Web Push's key.
#[derive(clap::Args, Debug, Clone)]
pub struct DeliveryArgs {
    /// The mail server for notices and emergency plans; without it no mail is sent.
    #[arg(long, env = "COUNCILS_SMTP_HOST")]
    pub smtp_host: Option<String>,
    /// The mail server's port. Defaults to 587 for starttls, 465 for tls, 25 for none.
    #[arg(long, env = "COUNCILS_SMTP_PORT")]
    pub smtp_port: Option<u16>,
    /// starttls (required STARTTLS), tls (TLS from the start), or none (only for a mail
    /// server on this machine: 127.0.0.1, ::1 or localhost).
    #[arg(long, env = "COUNCILS_SMTP_TLS", default_value = "starttls")]
    pub smtp_tls: String,
    /// The user to sign in to the mail server as, if it asks.
    #[arg(long, env = "COUNCILS_SMTP_USER")]
    pub smtp_user: Option<String>,
    /// The mail server password. Prefer the environment variable to the flag, which other
    /// users of the machine can see.
    #[arg(long, env = "COUNCILS_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The sender of mails, e.g. "councils <alerts@example.org>". Required with a mail server.
    #[arg(long, env = "COUNCILS_MAIL_FROM")]
    pub mail_from: Option<String>,
    /// A PEM file of the certificate authority that signed the mail server's certificate,
    /// for a mail server with a private one (by default the public web's roots are trusted).
    #[arg(long, env = "COUNCILS_SMTP_CA_FILE")]
    pub smtp_ca_file: Option<PathBuf>,
    /// Where the Web Push (VAPID) key pair is kept, created on the first start; ignored when
    /// COUNCILS_VAPID_KEY holds it. Defaults to the secret key file's name with `.vapid`.
    #[arg(long, env = "COUNCILS_VAPID_KEY_FILE")]
    pub vapid_key_file: Option<PathBuf>,
    /// Who push services may contact about this instance: a mailto: or https: URL.
    /// Defaults to the public URL.
    #[arg(long, env = "COUNCILS_PUSH_CONTACT")]
    pub push_contact: Option<String>,
}

impl DeliveryArgs {
    fn config(self) -> anyhow::Result<DeliveryConfig> {
        let smtp = match self.smtp_host {
            None => None,
            Some(host) => {
                let Some(tls) = SmtpTls::from_code(&self.smtp_tls) else {
                    bail!("--smtp-tls must be starttls, tls or none");
                };
                let Some(from) = self.mail_from else {
                    bail!("a mail server needs --mail-from, the sender of mails");
                };
                let port = self.smtp_port.unwrap_or(match tls {
                    SmtpTls::StartTls => 587,
                    SmtpTls::Tls => 465,
                    SmtpTls::None => 25,
                });
                let ca_pem = match &self.smtp_ca_file {
                    Some(path) => Some(std::fs::read(path).map_err(|e| {
                        anyhow::anyhow!("cannot read --smtp-ca-file {}: {e}", path.display())
                    })?),
                    None => None,
                };
                Some(SmtpSettings {
                    host,
                    port,
                    tls,
                    user: self.smtp_user,
                    password: self.smtp_password.map(Secret::new),
                    from,
                    ca_pem,
                })
            }
        };
        Ok(DeliveryConfig {
            smtp,
            vapid_key_file: self.vapid_key_file,
            push_contact: self.push_contact,
            ..DeliveryConfig::default()
        })
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the instance. On a brand-new instance, print an invitation for the first organiser.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "COUNCILS_BIND", default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        #[command(flatten)]
        db: DatabaseArgs,
        /// The address members use to reach the instance (for invitation links), e.g.
        /// https://councils.example.org. Defaults to http://BIND.
        #[arg(long, env = "COUNCILS_PUBLIC_URL")]
        public_url: Option<String>,
        #[command(flatten)]
        delivery: DeliveryArgs,
    },
    /// Create a fresh demo database with a realistic federation (replacing it if it exists),
    /// print the demo accounts, and serve it.
    Demo {
        /// Address to listen on.
        #[arg(long, env = "COUNCILS_BIND", default_value = "127.0.0.1:8080")]
        bind: SocketAddr,
        /// The demo database: an SQLite file (replaced) or a postgres:// URL (must be empty).
        #[arg(long, env = "COUNCILS_DATABASE", default_value = "councils-demo.db")]
        database: String,
        /// The passphrase every demo account shares.
        #[arg(long, default_value = demo::DEFAULT_PASSPHRASE)]
        demo_passphrase: String,
    },
    /// Print a single-use invitation link to a council.
    Invite {
        /// The council's short name.
        #[arg(long)]
        council: String,
        /// The role the newcomer gets: member, organiser, verifier, responder, legal, treasurer.
        #[arg(long, default_value = "member")]
        role: String,
        #[command(flatten)]
        db: DatabaseArgs,
        /// The address members use to reach the instance, for the link.
        #[arg(
            long,
            env = "COUNCILS_PUBLIC_URL",
            default_value = "http://127.0.0.1:8080"
        )]
        public_url: String,
    },
    /// Count a ballot file and print the result as JSON. Ranked methods (schulze, irv, stv)
    /// read the BLT format; the others read CSV with a header of option names.
    Tally {
        /// yes-no, consent, approval, score, schulze, irv or stv.
        #[arg(long)]
        method: String,
        /// Seats to fill (stv, approval, score).
        #[arg(long)]
        seats: Option<usize>,
        /// The STV rules: meek (default) or scottish.
        #[arg(long)]
        stv: Option<String>,
        /// The ballot file, or - for standard input.
        file: PathBuf,
    },
    /// Work with a council's minutes.
    Minutes {
        #[command(subcommand)]
        command: MinutesCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum MinutesCommand {
    /// Check a council's hash-chained minutes and say where the chain breaks, if it does.
    Verify {
        /// The council's short name.
        #[arg(long)]
        council: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("COUNCILS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

/// Runs one command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    init_logging();
    match cli.command {
        Command::Serve {
            bind,
            db,
            public_url,
            delivery,
        } => {
            let config = Config {
                bind,
                key_file: db.key_file(),
                database: db.database,
                public_url,
                ballot_batch: db.ballot_batch,
                delivery: delivery.config()?,
            };
            let running = server::start(config).await?;
            println!("councils is serving at {}", running.url);
            if let Some(invitation) = running.app.founding_invitation().await? {
                println!(
                    "This instance is new. Invitation for the first organiser of a first council:"
                );
                println!("  {}", invitation.url);
            }
            running.run_until_signal().await
        }
        Command::Demo {
            bind,
            database,
            demo_passphrase,
        } => demo::run(bind, &database, &demo_passphrase).await,
        Command::Invite {
            council,
            role,
            db,
            public_url,
        } => {
            let Some(role) = Role::from_code(&role) else {
                bail!(
                    "unknown role {role:?}: member, organiser, verifier, responder, legal or treasurer"
                );
            };
            let config = offline_config(&db);
            let (app, store) = server::build_app(&config, &public_url).await?;
            let invitation = app.invite_as_operator(&council, role).await;
            store.close().await;
            match invitation {
                Ok(invitation) => {
                    println!("{}", invitation.url);
                    Ok(())
                }
                Err(councils_app::AppError::NotFound) => {
                    bail!("no council has the short name {council:?}")
                }
                Err(error) => bail!("could not create the invitation: {error}"),
            }
        }
        Command::Tally {
            method,
            seats,
            stv,
            file,
        } => {
            let input = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())?
            } else {
                std::fs::read_to_string(&file)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?
            };
            match councils_tally::cli::run(&method, seats, stv.as_deref(), &input) {
                Ok(result) => {
                    println!("{}", serde_json::to_string_pretty(&result)?);
                    Ok(())
                }
                Err(error) => bail!("{}: {error}", file.display()),
            }
        }
        Command::Minutes {
            command: MinutesCommand::Verify { council, db },
        } => {
            let (app, store) = server::build_app(&offline_config(&db), "http://127.0.0.1").await?;
            let minutes = app.verify_minutes(&council).await;
            store.close().await;
            let minutes = match minutes {
                Ok(minutes) => minutes,
                Err(councils_app::AppError::NotFound) => {
                    bail!("no council has the short name {council:?}")
                }
                Err(error) => bail!("could not read the minutes: {error}"),
            };
            match minutes.verified {
                Ok(()) => {
                    let last = minutes
                        .entries
                        .last()
                        .map(|e| e.hash.as_str())
                        .unwrap_or("-");
                    println!(
                        "ok: {} entries, the chain is intact (last hash {last})",
                        minutes.entries.len()
                    );
                    Ok(())
                }
                Err(broken) => bail!("the minutes of {council} are broken at {broken}"),
            }
        }
    }
}

fn offline_config(db: &DatabaseArgs) -> Config {
    Config {
        bind: SocketAddr::from(([127, 0, 0, 1], 0)),
        database: db.database.clone(),
        public_url: None,
        key_file: db.key_file(),
        ballot_batch: db.ballot_batch,
        delivery: DeliveryConfig::default(),
    }
}
