//! The `councils` binary: parses the command line and hands over to the server library.

use clap::Parser;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    councils_server::cli::run(councils_server::cli::Cli::parse()).await
}
