//! How long reports, alerts and their responses are kept. After that the server deletes
//! them (securely on SQLite), keeping only per-committee counts.

/// Default days a closed alert is kept after its all-clear.
pub const CLOSED_DAYS_DEFAULT: u32 = 7;
/// The most days a committee may keep closed alerts.
pub const CLOSED_DAYS_MAX: u32 = 30;
/// A false alarm is kept this long after it was marked, in seconds.
pub const FALSE_ALARM_SECONDS: i64 = 24 * 3600;
/// A report never answered is kept this long after it was filed, in seconds.
pub const UNANSWERED_SECONDS: i64 = 7 * 24 * 3600;
/// An alert nobody closed is kept this long after it was confirmed, in seconds.
pub const OPEN_ALERT_SECONDS: i64 = 30 * 24 * 3600;

/// When rows of a committee keeping closed alerts `closed_days` are due: each cut-off is
/// the latest time of the row's event that is still kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cutoffs {
    pub closed_before: i64,
    pub false_alarm_before: i64,
    pub unanswered_before: i64,
    pub open_before: i64,
}

/// The cut-offs at `now` for a committee keeping closed alerts `closed_days` days.
pub fn cutoffs(now: i64, closed_days: u32) -> Cutoffs {
    Cutoffs {
        closed_before: now - i64::from(closed_days.min(CLOSED_DAYS_MAX)) * 24 * 3600,
        false_alarm_before: now - FALSE_ALARM_SECONDS,
        unanswered_before: now - UNANSWERED_SECONDS,
        open_before: now - OPEN_ALERT_SECONDS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_false_alarm_goes_after_a_day_and_a_closed_alert_after_the_committees_days() {
        let now = 1_800_000_000;
        let c = cutoffs(now, CLOSED_DAYS_DEFAULT);
        assert_eq!(c.false_alarm_before, now - 86_400);
        assert_eq!(c.closed_before, now - 7 * 86_400);
        assert_eq!(cutoffs(now, 365).closed_before, now - 30 * 86_400);
    }
}
