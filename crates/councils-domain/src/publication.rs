//! Publications: statements and leaflets a council publishes in one or more languages, read
//! by its members (and by anyone, when the council makes one public), with threaded comments
//! that organisers moderate.

use crate::{Language, Role, Standing};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Longest title, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest text of one language, in characters (the seed leaflet is about 4,500).
pub const BODY_MAX: usize = 40_000;
/// Longest comment, in characters.
pub const COMMENT_MAX: usize = 4_000;
/// Comments one publication may take, so that one cannot fill the database.
pub const COMMENTS_MAX_DEFAULT: usize = 2_000;
/// Replies deeper than this are shown at this depth (still under their thread).
pub const DEPTH_SHOWN_MAX: usize = 5;
/// How long a hidden comment's text is kept for organisers to show it again, in seconds;
/// then it is erased as if removed.
pub const HIDDEN_KEEP: i64 = 30 * 86_400;

/// Why a publication or a comment was refused. Each code is also its translation key.
#[derive(Debug, Error, Clone, Copy, PartialEq, Eq)]
pub enum PublicationError {
    #[error("a publication needs a title and a text in at least one language")]
    NoText,
    #[error("a language has a title without a text, or a text without a title")]
    Incomplete,
    #[error("a title or a text is too long")]
    TooLong,
    #[error("a comment cannot be empty")]
    CommentEmpty,
    #[error("a comment is too long")]
    CommentTooLong,
    #[error("the comment replied to is not on this publication")]
    NoSuchParent,
    #[error("only a published publication takes comments")]
    NotPublished,
    #[error("this publication takes no more comments")]
    CommentsFull,
    #[error("the publication is already published")]
    AlreadyPublished,
    #[error("that moderation does not apply to the comment as it is")]
    WrongModeration,
    #[error("deleting a publication needs the box ticked that says so")]
    NotConfirmed,
}

impl PublicationError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            PublicationError::NoText => "publication-no-text",
            PublicationError::Incomplete => "publication-incomplete",
            PublicationError::TooLong => "publication-too-long",
            PublicationError::CommentEmpty => "publication-comment-empty",
            PublicationError::CommentTooLong => "publication-comment-too-long",
            PublicationError::NoSuchParent => "publication-no-such-parent",
            PublicationError::NotPublished => "publication-not-published",
            PublicationError::CommentsFull => "publication-comments-full",
            PublicationError::AlreadyPublished => "publication-already-published",
            PublicationError::WrongModeration => "publication-wrong-moderation",
            PublicationError::NotConfirmed => "publication-not-confirmed",
        }
    }
}

/// One language's text of a publication. The body is Markdown, rendered safely by the pages
/// and the leaflet (never passed through as HTML or typst).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicationText {
    pub language: Language,
    pub title: String,
    pub body: String,
}

/// Checks the texts typed for a publication: each language either left empty or given both
/// a title and a text, at least one language given, nothing too long, each language once.
/// Surrounding spaces go; line ends become `\n`.
pub fn check_texts(raw: Vec<PublicationText>) -> Result<Vec<PublicationText>, PublicationError> {
    let mut texts: Vec<PublicationText> = Vec::new();
    for text in raw {
        let title = text.title.trim().to_string();
        let body = text.body.trim().replace("\r\n", "\n");
        match (title.is_empty(), body.is_empty()) {
            (true, true) => continue,
            (false, false) => {}
            _ => return Err(PublicationError::Incomplete),
        }
        if title.chars().count() > TITLE_MAX || body.chars().count() > BODY_MAX {
            return Err(PublicationError::TooLong);
        }
        if texts.iter().any(|t| t.language == text.language) {
            return Err(PublicationError::Incomplete);
        }
        texts.push(PublicationText {
            language: text.language,
            title,
            body,
        });
    }
    if texts.is_empty() {
        return Err(PublicationError::NoText);
    }
    Ok(texts)
}

/// The text to show a reader: theirs if written, else the first.
pub fn text_for(texts: &[PublicationText], language: Language) -> Option<&PublicationText> {
    texts
        .iter()
        .find(|t| t.language == language)
        .or_else(|| texts.first())
}

/// Whether a publication is still being written or out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublicationStatus {
    /// Seen by the council's organisers only.
    Draft,
    /// Read by the council's members, and by anyone if public.
    Published,
}

impl PublicationStatus {
    /// The code in storage.
    pub fn code(self) -> &'static str {
        match self {
            PublicationStatus::Draft => "draft",
            PublicationStatus::Published => "published",
        }
    }

    /// Reads a status code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "draft" => Some(PublicationStatus::Draft),
            "published" => Some(PublicationStatus::Published),
            _ => None,
        }
    }
}

/// Who may read a publication: organisers always; the council's active members once it is
/// published; anyone, signed in or not, once it is published and public.
pub fn may_read(status: PublicationStatus, public: bool, standing: Option<&Standing>) -> bool {
    let organiser = standing.is_some_and(|s| s.holds(Role::Organiser));
    let member = matches!(standing, Some(Standing::Active(_)));
    match status {
        PublicationStatus::Draft => organiser,
        PublicationStatus::Published => public || member,
    }
}

/// Commenting needs active membership of the council, and a published publication.
pub fn may_comment(status: PublicationStatus, standing: Option<&Standing>) -> bool {
    status == PublicationStatus::Published && matches!(standing, Some(Standing::Active(_)))
}

/// Publishing, making public and moderating are the organisers'.
pub fn may_edit(standing: Option<&Standing>) -> bool {
    standing.is_some_and(|s| s.holds(Role::Organiser))
}

/// Checks a comment's text.
pub fn check_comment(raw: &str) -> Result<String, PublicationError> {
    let body = raw.trim().replace("\r\n", "\n");
    if body.is_empty() {
        return Err(PublicationError::CommentEmpty);
    }
    if body.chars().count() > COMMENT_MAX {
        return Err(PublicationError::CommentTooLong);
    }
    Ok(body)
}

/// Where a comment stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentStatus {
    Shown,
    /// Kept for organisers (who may show it again) until [`HIDDEN_KEEP`] runs out; others see
    /// that a comment was hidden, so its replies keep their place.
    Hidden,
    /// Its text is erased; its place in the thread stays.
    Removed,
}

impl CommentStatus {
    /// The code in storage.
    pub fn code(self) -> &'static str {
        match self {
            CommentStatus::Shown => "shown",
            CommentStatus::Hidden => "hidden",
            CommentStatus::Removed => "removed",
        }
    }

    /// Reads a status code.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "shown" => Some(CommentStatus::Shown),
            "hidden" => Some(CommentStatus::Hidden),
            "removed" => Some(CommentStatus::Removed),
            _ => None,
        }
    }

    /// The status after an organiser's moderation, if it applies: hide a shown comment,
    /// show a hidden one again, remove one that is not removed yet.
    pub fn moderate(self, moderation: Moderation) -> Result<CommentStatus, PublicationError> {
        match (self, moderation) {
            (CommentStatus::Shown, Moderation::Hide) => Ok(CommentStatus::Hidden),
            (CommentStatus::Hidden, Moderation::Restore) => Ok(CommentStatus::Shown),
            (CommentStatus::Shown | CommentStatus::Hidden, Moderation::Remove) => {
                Ok(CommentStatus::Removed)
            }
            _ => Err(PublicationError::WrongModeration),
        }
    }
}

/// What an organiser does to a comment; each is minuted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Moderation {
    Hide,
    Restore,
    Remove,
}

impl Moderation {
    /// The code in forms, the API and translation keys.
    pub fn code(self) -> &'static str {
        match self {
            Moderation::Hide => "hide",
            Moderation::Restore => "restore",
            Moderation::Remove => "remove",
        }
    }

    /// Reads a moderation code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Moderation::Hide, Moderation::Restore, Moderation::Remove]
            .into_iter()
            .find(|m| m.code() == code)
    }
}

/// Comments in thread order: each followed by its replies (oldest first at every level),
/// with its depth. `items` come oldest first; a reply whose parent is missing starts a
/// thread of its own.
pub fn thread<T>(
    items: Vec<T>,
    id: impl Fn(&T) -> &str,
    parent: impl Fn(&T) -> Option<&str>,
) -> Vec<(T, usize)> {
    let ids: Vec<String> = items.iter().map(|i| id(i).to_string()).collect();
    let parents: Vec<Option<usize>> = items
        .iter()
        .map(|i| parent(i).and_then(|p| ids.iter().position(|x| x == p)))
        .collect();
    let mut order = Vec::with_capacity(items.len());
    // Iterative depth-first walk, so no thread is deep enough to overflow the stack.
    let mut stack: Vec<(usize, usize)> = (0..items.len())
        .rev()
        .filter(|&i| parents[i].is_none())
        .map(|i| (i, 0))
        .collect();
    while let Some((i, depth)) = stack.pop() {
        order.push((i, depth));
        for child in (0..items.len()).rev().filter(|&c| parents[c] == Some(i)) {
            stack.push((child, depth + 1));
        }
    }
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(i, depth)| slots[i].take().map(|item| (item, depth)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(language: Language, title: &str, body: &str) -> PublicationText {
        PublicationText {
            language,
            title: title.into(),
            body: body.into(),
        }
    }

    #[test]
    fn a_publication_needs_a_whole_text_in_some_language() {
        assert_eq!(check_texts(vec![]), Err(PublicationError::NoText));
        assert_eq!(
            check_texts(vec![text(Language::En, " ", " ")]),
            Err(PublicationError::NoText)
        );
        assert_eq!(
            check_texts(vec![text(Language::En, "Title", "")]),
            Err(PublicationError::Incomplete)
        );
        let ok = check_texts(vec![
            text(Language::En, " No war ", "Strike!\r\n"),
            text(Language::Es, "", ""),
        ])
        .unwrap();
        assert_eq!(ok, vec![text(Language::En, "No war", "Strike!")]);
        assert_eq!(
            check_texts(vec![text(Language::Es, "t", &"x".repeat(BODY_MAX + 1))]),
            Err(PublicationError::TooLong)
        );
    }

    #[test]
    fn drafts_are_the_organisers_and_private_publications_the_members() {
        let organiser = Standing::Active(vec![Role::Member, Role::Organiser]);
        let member = Standing::Active(vec![Role::Member]);
        use PublicationStatus::*;
        assert!(may_read(Draft, true, Some(&organiser)));
        assert!(!may_read(Draft, true, Some(&member)));
        assert!(!may_read(Draft, true, None));
        assert!(may_read(Published, false, Some(&member)));
        assert!(!may_read(Published, false, Some(&Standing::Outsider)));
        assert!(!may_read(Published, false, Some(&Standing::Pending)));
        assert!(!may_read(Published, false, None));
        assert!(may_read(Published, true, None));
    }

    #[test]
    fn commenting_needs_membership_and_moderating_an_organiser() {
        let member = Standing::Active(vec![Role::Member]);
        let organiser = Standing::Active(vec![Role::Member, Role::Organiser]);
        assert!(may_comment(PublicationStatus::Published, Some(&member)));
        assert!(!may_comment(PublicationStatus::Draft, Some(&organiser)));
        assert!(!may_comment(PublicationStatus::Published, None));
        assert!(!may_comment(
            PublicationStatus::Published,
            Some(&Standing::Outsider)
        ));
        assert!(may_edit(Some(&organiser)));
        assert!(!may_edit(Some(&member)));
        assert!(!may_edit(None));
    }

    #[test]
    fn a_comment_is_hidden_shown_again_or_removed_for_good() {
        use CommentStatus::*;
        assert_eq!(Shown.moderate(Moderation::Hide), Ok(Hidden));
        assert_eq!(Hidden.moderate(Moderation::Restore), Ok(Shown));
        assert_eq!(Hidden.moderate(Moderation::Remove), Ok(Removed));
        assert_eq!(
            Removed.moderate(Moderation::Restore),
            Err(PublicationError::WrongModeration)
        );
        assert_eq!(
            Shown.moderate(Moderation::Restore),
            Err(PublicationError::WrongModeration)
        );
        assert_eq!(check_comment("  "), Err(PublicationError::CommentEmpty));
    }

    #[test]
    fn replies_follow_the_comment_they_answer() {
        let items = vec![
            ("a", None),
            ("b", None),
            ("a1", Some("a")),
            ("a1x", Some("a1")),
            ("b1", Some("b")),
            ("a2", Some("a")),
            ("orphan", Some("gone")),
        ];
        let threaded = thread(items, |i| i.0, |i| i.1);
        let order: Vec<(&str, usize)> = threaded.iter().map(|(i, d)| (i.0, *d)).collect();
        assert_eq!(
            order,
            vec![
                ("a", 0),
                ("a1", 1),
                ("a1x", 2),
                ("a2", 1),
                ("b", 0),
                ("b1", 1),
                ("orphan", 0)
            ]
        );
    }
}
