//! Printable leaflets of councils: a publication's texts typeset as a PDF by typst, used as a
//! library with the fonts typst-assets ships (embedded in the binary, never fetched).
//!
//! Every text of a person (title, body, the council's name) reaches typst only through
//! [`markup::escape`] and [`markup::markdown_to_typst`], so it is always text: the typst code
//! of the document is this crate's alone. Typesetting is CPU-heavy; callers in an async
//! runtime run [`render`] on a blocking thread.
//!
//! Without the `pdf` feature the markup still builds, and [`render`] says
//! [`LeafletError::NotBuilt`].

pub mod markup;
#[cfg(feature = "pdf")]
mod pdf;

use thiserror::Error;

/// Whether this build can typeset PDFs.
pub const AVAILABLE: bool = cfg!(feature = "pdf");

/// The paper a leaflet is set on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    A4,
    UsLetter,
}

impl Paper {
    /// The code in URLs and forms.
    pub fn code(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        }
    }

    /// Reads a paper code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Paper::A4, Paper::UsLetter]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

/// How the languages of a leaflet are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Two columns, one language in each, side by side.
    SideBySide,
    /// Each language starts on a page of its own.
    PagePerLanguage,
}

impl Layout {
    /// The code in URLs and forms.
    pub fn code(self) -> &'static str {
        match self {
            Layout::SideBySide => "side-by-side",
            Layout::PagePerLanguage => "page-per-language",
        }
    }

    /// Reads a layout code.
    pub fn from_code(code: &str) -> Option<Self> {
        [Layout::SideBySide, Layout::PagePerLanguage]
            .into_iter()
            .find(|l| l.code() == code)
    }
}

/// One language's text of a leaflet.
#[derive(Clone, Debug)]
pub struct LeafletText {
    /// A language code such as `en` (lowercase letters only; anything else counts as `en`).
    pub language: String,
    pub title: String,
    /// Markdown.
    pub body: String,
}

/// What a leaflet shows.
#[derive(Clone, Debug)]
pub struct Leaflet {
    /// The council's name, in the header of every page.
    pub council: String,
    /// The date, already written in the reader's language.
    pub date: String,
    pub paper: Paper,
    pub layout: Layout,
    /// One or more texts, in the order they are set (left to right, or page after page).
    pub texts: Vec<LeafletText>,
}

/// Why no PDF came out.
#[derive(Debug, Error)]
pub enum LeafletError {
    /// This server was built without the `pdf` feature.
    #[error("this server was built without leaflets")]
    NotBuilt,
    /// A leaflet needs at least one text.
    #[error("a leaflet needs a text")]
    Empty,
    /// Typst refused the document. The message names typst's diagnostics, never the text.
    #[error("typesetting failed: {0}")]
    Typeset(String),
}

fn language_code(code: &str) -> &str {
    if !code.is_empty() && code.len() <= 8 && code.bytes().all(|b| b.is_ascii_lowercase()) {
        code
    } else {
        "en"
    }
}

/// One text as a typst content block, in its language (for hyphenation and quotes).
fn text_block(text: &LeafletText) -> String {
    format!(
        "[#set text(lang: \"{lang}\")\n#align(center)[#text(size: 17pt, weight: \"bold\")[{title}]]\n\n{body}]",
        lang = language_code(&text.language),
        title = markup::escape(&text.title),
        body = markup::markdown_to_typst(&text.body),
    )
}

/// The whole typst source of a leaflet. Only the escaped texts come from people.
pub fn source(leaflet: &Leaflet) -> String {
    let paper = match leaflet.paper {
        Paper::A4 => "a4",
        Paper::UsLetter => "us-letter",
    };
    let mut doc = format!(
        "#set page(paper: \"{paper}\", margin: (x: 1.7cm, top: 2.2cm, bottom: 2cm), \
         header: [#set text(size: 8.5pt); {council} #h(1fr) {date} #line(length: 100%, stroke: 0.4pt)], \
         footer: context [#set text(size: 8pt); #h(1fr) #counter(page).display() #h(1fr)])\n\
         #set text(font: \"Libertinus Serif\", size: 10.5pt)\n\
         #set par(justify: true)\n\
         #show heading: set text(size: 12pt)\n\n",
        council = markup::escape(&leaflet.council),
        date = markup::escape(&leaflet.date),
    );
    let blocks: Vec<String> = leaflet.texts.iter().map(text_block).collect();
    match (leaflet.layout, blocks.len()) {
        (Layout::SideBySide, n) if n > 1 => {
            doc.push_str(&format!(
                "#grid(columns: ({}), column-gutter: 1.4em,\n",
                vec!["1fr"; n].join(", ")
            ));
            for block in &blocks {
                doc.push_str(block);
                doc.push_str(",\n");
            }
            doc.push_str(")\n");
        }
        _ => {
            doc.push_str(&blocks.join("\n#pagebreak()\n"));
            doc.push('\n');
        }
    }
    doc
}

/// Typesets the leaflet as a PDF. CPU-heavy (tens to hundreds of milliseconds): run it off
/// the async runtime's worker threads.
pub fn render(leaflet: &Leaflet) -> Result<Vec<u8>, LeafletError> {
    if leaflet.texts.is_empty() {
        return Err(LeafletError::Empty);
    }
    #[cfg(feature = "pdf")]
    {
        pdf::render(&source(leaflet))
    }
    #[cfg(not(feature = "pdf"))]
    {
        Err(LeafletError::NotBuilt)
    }
}

#[cfg(test)]
mod tests;
