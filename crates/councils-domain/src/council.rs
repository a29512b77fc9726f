//! A council: its kind, slug, names in several languages, and settings.

use crate::{CouncilId, Language, SeatRule};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What kind of council this is. Base councils have direct members; higher councils are made
/// of delegates of their constituents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CouncilKind {
    WorkplaceCommittee,
    NeighbourhoodCommittee,
    StrikeCommittee,
    WorkingGroup,
    CityCouncil,
    RegionalCouncil,
    WorldCouncil,
}

impl CouncilKind {
    /// Every kind, from the base up.
    pub const ALL: [CouncilKind; 7] = [
        CouncilKind::WorkplaceCommittee,
        CouncilKind::NeighbourhoodCommittee,
        CouncilKind::StrikeCommittee,
        CouncilKind::WorkingGroup,
        CouncilKind::CityCouncil,
        CouncilKind::RegionalCouncil,
        CouncilKind::WorldCouncil,
    ];

    /// The code in storage and translation keys (`kind-city-council`).
    pub fn code(self) -> &'static str {
        match self {
            CouncilKind::WorkplaceCommittee => "workplace-committee",
            CouncilKind::NeighbourhoodCommittee => "neighbourhood-committee",
            CouncilKind::StrikeCommittee => "strike-committee",
            CouncilKind::WorkingGroup => "working-group",
            CouncilKind::CityCouncil => "city-council",
            CouncilKind::RegionalCouncil => "regional-council",
            CouncilKind::WorldCouncil => "world-council",
        }
    }

    /// Reads a kind code.
    pub fn from_code(code: &str) -> Option<Self> {
        CouncilKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// Why a slug was refused.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SlugError {
    #[error("a slug is 2 to 48 lowercase letters, digits and dashes")]
    Invalid,
}

/// The short name of a council in URLs: `garment-workers-la`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Slug(String);

impl Slug {
    /// Checks a slug: 2 to 48 of `a-z`, `0-9` and `-`, not starting or ending with a dash.
    pub fn parse(raw: &str) -> Result<Self, SlugError> {
        let raw = raw.trim();
        let valid = (2..=48).contains(&raw.len())
            && raw
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !raw.starts_with('-')
            && !raw.ends_with('-');
        if valid {
            Ok(Self(raw.to_string()))
        } else {
            Err(SlugError::Invalid)
        }
    }

    /// Wraps a slug read back from storage.
    pub fn from_stored(value: String) -> Self {
        Self(value)
    }

    /// The slug as in URLs.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Longest council name, in characters.
pub const NAME_MAX: usize = 120;
/// Longest council description, in characters.
pub const DESCRIPTION_MAX: usize = 2000;

/// A council's name and description in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilName {
    pub language: Language,
    pub name: String,
    pub description: String,
}

/// Settings a council's organisers choose.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CouncilSettings {
    /// How many active members must vouch for a newcomer before they are active (0: none).
    pub vouches_required: u32,
    /// How many seats each constituent gets in this council.
    pub seat_rule: SeatRule,
}

/// Largest number of vouches a council can require.
pub const VOUCHES_MAX: u32 = 10;

/// A council as the rest of the application sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Council {
    pub id: CouncilId,
    pub slug: Slug,
    pub kind: CouncilKind,
    pub names: Vec<CouncilName>,
    pub settings: CouncilSettings,
}

impl Council {
    /// The name in the reader's language, else the first one given.
    pub fn name_in(&self, language: Language) -> &CouncilName {
        self.names
            .iter()
            .find(|name| name.language == language)
            .or_else(|| self.names.first())
            .expect("a council always has at least one name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_words_joined_by_dashes() {
        assert!(Slug::parse("garment-workers-la").is_ok());
        assert!(Slug::parse("Garment").is_err());
        assert!(Slug::parse("-la").is_err());
        assert!(Slug::parse("a").is_err());
        assert!(Slug::parse("los angeles").is_err());
    }

    #[test]
    fn a_council_name_falls_back_to_the_first_language_given() {
        let council = Council {
            id: CouncilId::new("c1"),
            slug: Slug::parse("boyle-heights").unwrap(),
            kind: CouncilKind::NeighbourhoodCommittee,
            names: vec![CouncilName {
                language: Language::Es,
                name: "Comité de Boyle Heights".into(),
                description: String::new(),
            }],
            settings: CouncilSettings::default(),
        };
        assert_eq!(
            council.name_in(Language::En).name,
            "Comité de Boyle Heights"
        );
    }

    #[test]
    fn kind_codes_round_trip() {
        for kind in CouncilKind::ALL {
            assert_eq!(CouncilKind::from_code(kind.code()), Some(kind));
        }
    }
}
