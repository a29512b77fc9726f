//! The text of a motion: a title and a body in each language it is written in.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::Language;

/// Longest motion title, in characters.
pub const TITLE_MAX: usize = 200;
/// Longest motion body, in characters.
pub const BODY_MAX: usize = 20_000;

/// Why a motion's text was refused. Each variant's code is also its translation key.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum TextError {
    /// A title with nothing but spaces.
    #[error("a motion needs a title")]
    TitleEmpty,
    /// A title longer than [`TITLE_MAX`] characters.
    #[error("a motion title has at most {TITLE_MAX} characters")]
    TitleTooLong,
    /// A body longer than [`BODY_MAX`] characters.
    #[error("a motion body has at most {BODY_MAX} characters")]
    BodyTooLong,
    /// A motion written in no language.
    #[error("a motion needs its text in at least one language")]
    NoText,
    /// Two texts in one language.
    #[error("the motion has two texts in {0:?}")]
    LanguageTwice(Language),
}

impl TextError {
    /// Stable error code, also the translation key of its message.
    pub fn code(&self) -> &'static str {
        match self {
            TextError::TitleEmpty => "motion-title-empty",
            TextError::TitleTooLong => "motion-title-too-long",
            TextError::BodyTooLong => "motion-body-too-long",
            TextError::NoText => "motion-no-text",
            TextError::LanguageTwice(_) => "motion-language-twice",
        }
    }
}

/// A motion's title and body in one language, checked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MotionText {
    language: Language,
    title: String,
    body: String,
}

impl MotionText {
    /// Checks a text: a title of 1 to [`TITLE_MAX`] characters and a body of at most
    /// [`BODY_MAX`] (it may be empty), both trimmed of surrounding spaces.
    pub fn new(language: Language, title: &str, body: &str) -> Result<Self, TextError> {
        let title = title.trim();
        let body = body.trim();
        if title.is_empty() {
            return Err(TextError::TitleEmpty);
        }
        if title.chars().count() > TITLE_MAX {
            return Err(TextError::TitleTooLong);
        }
        if body.chars().count() > BODY_MAX {
            return Err(TextError::BodyTooLong);
        }
        Ok(Self {
            language,
            title: title.to_string(),
            body: body.to_string(),
        })
    }

    /// The language it is written in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The body.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Checks a motion's texts together: at least one, and one per language at most.
    pub fn validate_all(texts: &[MotionText]) -> Result<(), TextError> {
        if texts.is_empty() {
            return Err(TextError::NoText);
        }
        for (i, text) in texts.iter().enumerate() {
            if texts[..i].iter().any(|t| t.language == text.language) {
                return Err(TextError::LanguageTwice(text.language));
            }
        }
        Ok(())
    }

    /// The text in the reader's language, else the first one written.
    pub fn pick(texts: &[MotionText], language: Language) -> Option<&MotionText> {
        texts
            .iter()
            .find(|t| t.language == language)
            .or_else(|| texts.first())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_trimmed_and_must_not_be_empty() {
        let text = MotionText::new(Language::En, "  Strike on Monday ", "").unwrap();
        assert_eq!(text.title(), "Strike on Monday");
        assert_eq!(
            MotionText::new(Language::En, "   ", "body"),
            Err(TextError::TitleEmpty)
        );
    }

    #[test]
    fn long_titles_and_bodies_are_refused() {
        let title = "t".repeat(TITLE_MAX + 1);
        assert_eq!(
            MotionText::new(Language::En, &title, ""),
            Err(TextError::TitleTooLong)
        );
        let body = "b".repeat(BODY_MAX + 1);
        assert_eq!(
            MotionText::new(Language::En, "Title", &body),
            Err(TextError::BodyTooLong)
        );
        assert!(MotionText::new(Language::En, &"é".repeat(TITLE_MAX), "").is_ok());
    }

    #[test]
    fn a_motion_has_one_text_per_language_and_at_least_one() {
        let en = MotionText::new(Language::En, "Rent strike", "").unwrap();
        let es = MotionText::new(Language::Es, "Huelga de alquileres", "").unwrap();
        assert_eq!(MotionText::validate_all(&[]), Err(TextError::NoText));
        assert_eq!(
            MotionText::validate_all(&[en.clone(), en.clone()]),
            Err(TextError::LanguageTwice(Language::En))
        );
        assert_eq!(MotionText::validate_all(&[en.clone(), es.clone()]), Ok(()));
        let both = [es, en];
        assert_eq!(
            MotionText::pick(&both, Language::En).unwrap().title(),
            "Rent strike"
        );
    }
}
