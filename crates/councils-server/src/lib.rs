//! The server as a library, started the same way by `main` and by the tests: configuration,
//! the secret key, wiring the store into the app and the app into the web, and the demo.

pub mod cli;
pub mod config;
pub mod demo;
pub mod key;
pub mod server;

pub use config::Config;
pub use server::{RunningServer, start, start_with_clock};
