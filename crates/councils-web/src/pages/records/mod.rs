//! Rapid response records: a member's emergency plan (`plan`), a committee's incident records
//! (`incident`) and its know-your-rights page (`rights`).

pub mod incident;
pub mod plan;
pub mod rights;

use crate::i18n::{Arg, Tr};
use councils_app::records::Words;
use councils_domain::Language;

/// The app's words from our translations (a plan's mail, an export's texts).
pub(crate) struct TrWords;

impl Words for TrWords {
    fn word(&self, language: Language, key: &str, args: &[(&str, String)]) -> String {
        let args: Vec<(&str, Arg)> = args
            .iter()
            .map(|(name, value)| (*name, Arg::Text(value.clone())))
            .collect();
        Tr::new(language).args(key, &args)
    }
}

/// A size in bytes as people read it: `1.4 MB`, `830 KB`.
pub(crate) fn size(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    } else {
        format!("{} KB", bytes.div_ceil(1_000))
    }
}
