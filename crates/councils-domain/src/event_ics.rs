//! An event as an iCalendar file (RFC 5545), for a member's calendar: one `VEVENT` in a
//! `VCALENDAR`, times in UTC, text values escaped (section 3.3.11) and every content line
//! folded at 75 octets without splitting a character (section 3.1), lines ending in CRLF.

use crate::event::civil;

/// What the calendar file says of an event.
#[derive(Clone, Debug)]
pub struct IcsEvent<'a> {
    /// Globally unique: the event's id and the instance's host.
    pub uid: &'a str,
    /// When the file was made (DTSTAMP), epoch seconds.
    pub stamp: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub summary: &'a str,
    pub location: &'a str,
    pub description: &'a str,
    /// The event's page.
    pub url: &'a str,
    pub cancelled: bool,
}

/// The most octets of a content line before it is folded.
const LINE_OCTETS: usize = 75;

/// A TEXT value escaped: backslash, semicolon, comma and line ends.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line folded: at most 75 octets per physical line, each continuation starting
/// with one space, never inside a UTF-8 sequence; ends in CRLF.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 64 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

/// A UTC date-time value: `20261205T180000Z`.
pub fn utc(epoch: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(epoch);
    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
}

/// The whole file.
pub fn calendar(event: &IcsEvent<'_>) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//councils//events//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(event.uid)),
        format!("DTSTAMP:{}", utc(event.stamp)),
        format!("DTSTART:{}", utc(event.starts_at)),
        format!("DTEND:{}", utc(event.ends_at)),
        format!("SUMMARY:{}", escape_text(event.summary)),
        format!("LOCATION:{}", escape_text(event.location)),
    ];
    if !event.description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape_text(event.description)));
    }
    // URL is a URI value, not TEXT: it is not escaped.
    lines.push(format!("URL:{}", event.url));
    lines.push(
        if event.cancelled {
            "STATUS:CANCELLED"
        } else {
            "STATUS:CONFIRMED"
        }
        .to_string(),
    );
    lines.push("END:VEVENT".to_string());
    lines.push("END:VCALENDAR".to_string());
    lines.iter().map(|l| fold(l)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unfolds per RFC 5545 3.1: a CRLF followed by one space or tab is removed.
    fn unfold(text: &str) -> String {
        text.replace("\r\n ", "").replace("\r\n\t", "")
    }

    fn sample() -> IcsEvent<'static> {
        IcsEvent {
            uid: "ev1@councils.example",
            stamp: 1_795_000_000,
            starts_at: 1_796_493_600,
            ends_at: 1_796_506_200,
            summary: "March; bring water, signs\\banners",
            location: "City Hall, 200 N Spring St",
            description: "Line one\nLínea dos — ñandú, acentos y más texto para que esta línea pase de setenta y cinco octetos",
            url: "https://councils.example/events/ev1",
            cancelled: false,
        }
    }

    #[test]
    fn text_values_escape_backslash_semicolon_comma_and_newlines() {
        assert_eq!(escape_text("a;b,c\\d\ne\r\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
    }

    #[test]
    fn every_line_ends_in_crlf_and_holds_at_most_75_octets() {
        let file = calendar(&sample());
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        for line in file.split_terminator("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        assert!(!file.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn folding_never_splits_a_character_and_unfolds_to_the_line() {
        let line = format!("DESCRIPTION:{}", "ñ".repeat(100));
        let folded = fold(&line);
        for physical in folded.split_terminator("\r\n") {
            assert!(physical.len() <= 75);
            // Each piece is valid UTF-8 on its own (a &str split would have panicked).
            assert!(std::str::from_utf8(physical.as_bytes()).is_ok());
        }
        assert_eq!(unfold(&folded), format!("{line}\r\n"));
    }

    #[test]
    fn the_event_reads_back_after_unfolding() {
        let file = unfold(&calendar(&sample()));
        assert!(file.contains("\r\nDTSTART:20261205T180000Z\r\n"), "{file}");
        assert!(file.contains("\r\nDTEND:20261205T213000Z\r\n"));
        assert!(file.contains("\r\nSUMMARY:March\\; bring water\\, signs\\\\banners\r\n"));
        assert!(file.contains("\r\nDESCRIPTION:Line one\\nLínea dos — ñandú\\, acentos"));
        assert!(file.contains("\r\nUID:ev1@councils.example\r\n"));
        assert!(file.contains("\r\nSTATUS:CONFIRMED\r\n"));
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    }

    #[test]
    fn a_called_off_event_says_so() {
        let file = calendar(&IcsEvent {
            cancelled: true,
            ..sample()
        });
        assert!(file.contains("\r\nSTATUS:CANCELLED\r\n"));
    }

    #[test]
    fn utc_times_are_basic_format() {
        assert_eq!(utc(0), "19700101T000000Z");
        assert_eq!(utc(951_782_400), "20000229T000000Z");
    }
}
