//! The server as a library, started the same way by `main` and by the tests: configuration,
//! the secret key, wiring the store into the app and the app into the web, and the demo.

pub mod cli;
pub mod config;
pub mod delivery;
pub mod demo;
pub mod key;
pub mod server;

pub use config::{Config, DeliveryConfig};
pub use server::{RunningServer, start, start_with_clock};
