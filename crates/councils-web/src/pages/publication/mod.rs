//! Publications' pages: a council's list, the instance's public list and its Atom feed
//! (`feed`), writing and publishing (`write`), reading with threaded comments and their
//! moderation (`show`), and the printable leaflet (`leaflet`).

pub mod feed;
pub mod leaflet;
pub mod markdown;
pub mod show;
pub mod write;

use crate::WebState;
use crate::error::WebError;
use crate::i18n::Tr;
use crate::pages::page;
use crate::viewer::{Layout, Viewer};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use councils_app::publication::PublicationSummary;
use councils_domain::publication::PublicationStatus;

/// How many public publications the instance's list and feed show.
pub const PUBLIC_LIST_MAX: u32 = 50;

/// A publication in a list, as the templates show it.
pub struct Listed {
    pub href: String,
    pub title: String,
    pub council: String,
    pub languages: String,
    pub draft: bool,
    pub public: bool,
    pub date: String,
}

/// A date in the reader's language: `11 June 2025`, `11 de junio de 2025`.
pub fn format_date(tr: &Tr, epoch: i64) -> String {
    let Ok(at) = time::OffsetDateTime::from_unix_timestamp(epoch) else {
        return String::new();
    };
    tr.args(
        "publication-date",
        &[
            ("day", u64::from(at.day()).into()),
            (
                "month",
                tr.t(&format!("publication-month-{}", u8::from(at.month())))
                    .into(),
            ),
            ("year", (at.year().max(0) as u64).into()),
        ],
    )
}

/// The languages of a publication, by their own names.
pub fn language_names(languages: &[councils_domain::Language]) -> String {
    languages
        .iter()
        .map(|l| l.endonym())
        .collect::<Vec<_>>()
        .join(" · ")
}

pub(crate) fn listed(tr: &Tr, s: &PublicationSummary) -> Listed {
    Listed {
        href: format!("/c/{}/publications/{}", s.council.slug, s.id),
        title: s.title.clone(),
        council: s.council.name_in(tr.language).name.clone(),
        languages: language_names(&s.languages),
        draft: s.status == PublicationStatus::Draft,
        public: s.public,
        date: format_date(tr, s.published_at.unwrap_or(s.created_at)),
    }
}

#[derive(Template)]
#[template(path = "publication/list.html")]
struct ListPage {
    l: Layout,
    slug: String,
    name: String,
    may_write: bool,
    items: Vec<Listed>,
}

/// `GET /c/{slug}/publications`: what the reader may read of the council's publications.
pub async fn list(
    State(state): State<WebState>,
    viewer: Viewer,
    Path(slug): Path<String>,
) -> Result<Response, WebError> {
    let list = state
        .app
        .publications(viewer.actor.as_ref(), &slug, viewer.tr.language)
        .await
        .map_err(|e| viewer.signed_in_or(e))?;
    let l = viewer.layout();
    page(ListPage {
        slug: list.council.slug.to_string(),
        name: list.council.name_in(l.tr.language).name.clone(),
        may_write: list.may_write,
        items: list.publications.iter().map(|s| listed(&l.tr, s)).collect(),
        l,
    })
}

#[derive(Template)]
#[template(path = "publication/public.html")]
struct PublicPage {
    l: Layout,
    items: Vec<Listed>,
}

/// `GET /publications`: every public publication of the instance, for anyone.
pub async fn public(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    let all = state
        .app
        .public_publications(viewer.tr.language, PUBLIC_LIST_MAX)
        .await?;
    let l = viewer.layout();
    page(PublicPage {
        items: all.iter().map(|s| listed(&l.tr, s)).collect(),
        l,
    })
}

#[cfg(test)]
mod tests {
    use crate::i18n::Tr;
    use councils_domain::Language;

    #[test]
    fn every_publication_error_has_a_message_in_both_languages() {
        let source = include_str!("../../../../councils-domain/src/publication.rs");
        let start = source.find("/// Stable error code").unwrap();
        let end = start + source[start..].find("\n}\n").unwrap();
        let codes: Vec<&str> = source[start..end]
            .split("=> \"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(codes.len() >= 9, "{codes:?}");
        for language in Language::ALL {
            let tr = Tr::new(language);
            for code in &codes {
                let key = format!("error-{code}");
                assert!(
                    !tr.t(&key).contains("Unknown localization"),
                    "{key} in {language:?}"
                );
            }
        }
    }

    #[test]
    fn dates_are_written_in_the_readers_language() {
        // 11 June 2025, noon UTC.
        let at = 1_749_643_200;
        assert_eq!(
            super::format_date(&Tr::new(Language::En), at),
            "11 June 2025"
        );
        assert_eq!(
            super::format_date(&Tr::new(Language::Es), at),
            "11 de junio de 2025"
        );
    }
}
