//! The Atom feed of the instance's public publications: each entry its title, council, date
//! and link (the public page), nothing that is not already public.

use super::PUBLIC_LIST_MAX;
use crate::WebState;
use crate::error::WebError;
use crate::viewer::Viewer;
use atom_syndication::{Entry, Feed, FixedDateTime, Link, Person, Text};
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

fn date(epoch: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp(epoch, 0)
        .unwrap_or_default()
        .fixed_offset()
}

fn link(href: String, rel: &str, mime: Option<&str>) -> Link {
    Link {
        href,
        rel: rel.to_string(),
        mime_type: mime.map(str::to_string),
        ..Default::default()
    }
}

/// `GET /publications/feed.atom`
pub async fn atom(State(state): State<WebState>, viewer: Viewer) -> Result<Response, WebError> {
    let tr = viewer.tr;
    let base = state
        .app
        .config()
        .public_url
        .trim_end_matches('/')
        .to_string();
    let all = state
        .app
        .public_publications(tr.language, PUBLIC_LIST_MAX)
        .await?;
    let entries: Vec<Entry> = all
        .iter()
        .map(|s| {
            let href = format!("{base}/c/{}/publications/{}", s.council.slug, s.id);
            let council = s.council.name_in(tr.language).name.clone();
            let published = date(s.published_at.unwrap_or(s.created_at));
            Entry {
                id: href.clone(),
                title: Text::plain(s.title.clone()),
                updated: published,
                published: Some(published),
                authors: vec![Person {
                    name: council.clone(),
                    ..Default::default()
                }],
                summary: Some(Text::plain(tr.ta(
                    "publication-feed-summary",
                    "council",
                    &council,
                ))),
                links: vec![link(href, "alternate", Some("text/html"))],
                ..Default::default()
            }
        })
        .collect();
    let feed = Feed {
        id: format!("{base}/publications"),
        title: Text::plain(tr.t("publication-public-title")),
        updated: entries
            .first()
            .map(|e| e.updated)
            .unwrap_or_else(|| date(0)),
        links: vec![
            link(
                format!("{base}/publications/feed.atom"),
                "self",
                Some("application/atom+xml"),
            ),
            link(
                format!("{base}/publications"),
                "alternate",
                Some("text/html"),
            ),
        ],
        lang: Some(tr.language.code().to_string()),
        entries,
        ..Default::default()
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        feed.to_string(),
    )
        .into_response())
}
