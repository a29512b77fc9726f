//! Rapid response records: emergency plans (`plan`), incident records with their photos
//! (`incident`) and their export for a lawyer (`export`), and each committee's
//! know-your-rights contacts (`rights`).

pub mod export;
pub mod incident;
pub mod plan;
pub mod rights;

use councils_domain::Language;

/// The words of what the app writes for people outside any page (a plan's mail, an export's
/// texts), in a language. The web layer gives them from its translations, as it does recall
/// votes' words.
pub trait Words: Send + Sync {
    /// The message `key` in `language` with named text arguments.
    fn word(&self, language: Language, key: &str, args: &[(&str, String)]) -> String;
}

/// A time in mails and exports, which no page formats: `2026-11-28 07:31 UTC`.
pub fn format_utc(epoch: i64) -> String {
    let days = epoch.div_euclid(86_400);
    let seconds = epoch.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        seconds / 3_600,
        seconds % 3_600 / 60
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn times_are_written_in_utc() {
        assert_eq!(super::format_utc(0), "1970-01-01 00:00 UTC");
        assert_eq!(super::format_utc(1_795_851_062), "2026-11-28 07:31 UTC");
        assert_eq!(super::format_utc(951_782_400), "2000-02-29 00:00 UTC");
    }
}
