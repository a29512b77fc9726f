//! Emergency plans: a message a member writes in advance and the contacts it goes to, sent
//! with one tap when they are detained, or by a member of their committee acting for them.
//!
//! The rules here are what a plan may hold and who may set it off; sending the mail is the
//! application's.

use crate::{Role, Standing};
use thiserror::Error;

/// Longest message, in characters: a few paragraphs, read on a phone.
pub const MESSAGE_MAX: usize = 2_000;
/// Most contacts a plan goes to.
pub const CONTACTS_MAX: usize = 10;
/// Longest contact address, in characters.
pub const CONTACT_MAX: usize = 254;

/// Why a plan was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum PlanError {
    #[error("the message is empty")]
    MessageEmpty,
    #[error("the message is too long")]
    MessageTooLong,
    #[error("a plan needs at least one contact")]
    NoContacts,
    #[error("too many contacts")]
    TooManyContacts,
    /// A line that is not an email address; the line number (from 1) is shown.
    #[error("contact {line} is not an email address")]
    BadContact { line: usize },
}

impl PlanError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            PlanError::MessageEmpty => "plan-message-empty",
            PlanError::MessageTooLong => "plan-message-too-long",
            PlanError::NoContacts => "plan-no-contacts",
            PlanError::TooManyContacts => "plan-too-many-contacts",
            PlanError::BadContact { .. } => "plan-bad-contact",
        }
    }
}

/// A plan's message: what its contacts read, in the words and language of the member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanMessage(String);

impl PlanMessage {
    /// Checks a message: not empty, at most [`MESSAGE_MAX`] characters. Line ends are kept.
    pub fn parse(raw: &str) -> Result<Self, PlanError> {
        let text = raw.trim();
        if text.is_empty() {
            return Err(PlanError::MessageEmpty);
        }
        if text.chars().count() > MESSAGE_MAX {
            return Err(PlanError::MessageTooLong);
        }
        Ok(Self(text.replace("\r\n", "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The email addresses a plan goes to, one mail each, so no contact sees another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contacts(Vec<String>);

impl Contacts {
    /// Reads contacts typed one per line (commas and semicolons also separate them). Blank
    /// lines are skipped and a repeated address is kept once.
    pub fn parse(raw: &str) -> Result<Self, PlanError> {
        let mut contacts: Vec<String> = Vec::new();
        for (index, piece) in raw
            .split(['\n', ',', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .enumerate()
        {
            if !is_mail_address(piece) {
                return Err(PlanError::BadContact { line: index + 1 });
            }
            if !contacts.iter().any(|c| c.eq_ignore_ascii_case(piece)) {
                contacts.push(piece.to_string());
            }
        }
        Self::new(contacts)
    }

    /// Checks a list of addresses.
    pub fn new(contacts: Vec<String>) -> Result<Self, PlanError> {
        if contacts.is_empty() {
            return Err(PlanError::NoContacts);
        }
        if contacts.len() > CONTACTS_MAX {
            return Err(PlanError::TooManyContacts);
        }
        if let Some(line) = contacts.iter().position(|c| !is_mail_address(c)) {
            return Err(PlanError::BadContact { line: line + 1 });
        }
        Ok(Self(contacts))
    }

    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// One address per line, as the form shows them.
    pub fn lines(&self) -> String {
        self.0.join("\n")
    }
}

/// Whether `text` looks like an address a mail can go to: one `@`, something before it, a dot
/// in the domain, no spaces, no angle brackets or quotes that could smuggle in another header.
fn is_mail_address(text: &str) -> bool {
    text.chars().count() <= CONTACT_MAX
        && !text.contains(|c: char| c.is_whitespace() || c.is_control() || "<>\"(),;:".contains(c))
        && text.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
}

/// The roles of a committee that may set off a member's plan for them: organisers (who run
/// the committee's rapid response) and its legal role (who follow up with lawyers).
pub const TRIGGER_FOR_ROLES: [Role; 2] = [Role::Organiser, Role::Legal];

/// Whether a member standing so in the plan's committee may set off someone else's plan.
pub fn may_trigger_for(standing: &Standing) -> bool {
    TRIGGER_FOR_ROLES.iter().any(|role| standing.holds(*role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_are_read_one_per_line_and_repeats_are_kept_once() {
        let contacts =
            Contacts::parse("ana@example.org\n\n  lawyer@example.net , Ana@example.org").unwrap();
        assert_eq!(
            contacts.as_slice(),
            ["ana@example.org", "lawyer@example.net"]
        );
    }

    #[test]
    fn a_contact_that_is_not_an_address_is_refused_with_its_line() {
        assert_eq!(
            Contacts::parse("ana@example.org\nmy sister"),
            Err(PlanError::BadContact { line: 2 })
        );
        assert_eq!(
            Contacts::parse("x@y.org\nBcc:a@b.org"),
            Err(PlanError::BadContact { line: 2 })
        );
        assert_eq!(
            Contacts::parse("a@b"),
            Err(PlanError::BadContact { line: 1 })
        );
    }

    #[test]
    fn a_plan_needs_between_one_and_ten_contacts() {
        assert_eq!(Contacts::parse(" \n "), Err(PlanError::NoContacts));
        let eleven: Vec<String> = (0..11).map(|i| format!("c{i}@example.org")).collect();
        assert_eq!(
            Contacts::parse(&eleven.join("\n")),
            Err(PlanError::TooManyContacts)
        );
    }

    #[test]
    fn a_message_is_not_empty_and_not_too_long() {
        assert_eq!(PlanMessage::parse("   "), Err(PlanError::MessageEmpty));
        assert_eq!(
            PlanMessage::parse(&"a".repeat(MESSAGE_MAX + 1)),
            Err(PlanError::MessageTooLong)
        );
        assert_eq!(
            PlanMessage::parse(" Call Ana\r\nnow ").unwrap().as_str(),
            "Call Ana\nnow"
        );
    }

    #[test]
    fn only_organisers_and_legal_may_set_off_a_plan_for_someone_else() {
        assert!(may_trigger_for(&Standing::Active(vec![
            Role::Member,
            Role::Legal
        ])));
        assert!(may_trigger_for(&Standing::Active(vec![
            Role::Member,
            Role::Organiser
        ])));
        assert!(!may_trigger_for(&Standing::Active(vec![
            Role::Member,
            Role::Verifier
        ])));
        assert!(!may_trigger_for(&Standing::Pending));
        assert!(!may_trigger_for(&Standing::Outsider));
    }
}
