//! Typst as a library: a world of one source file and the embedded fonts, compiled to pages
//! and exported as PDF.

use crate::LeafletError;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

/// The fonts typst-assets ships (Libertinus Serif, New Computer Modern, DejaVu Sans Mono),
/// parsed once.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// A world with nothing in it but the leaflet's source: no files, no packages, no clock
/// (the date is in the text already).
struct LeafletWorld {
    main: Source,
}

impl World for LeafletWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.text().to_string()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Compiles the source and exports it.
pub(crate) fn render(source: &str) -> Result<Vec<u8>, LeafletError> {
    let path =
        VirtualPath::new("/leaflet.typ").map_err(|_| LeafletError::Typeset("path".into()))?;
    let id = FileId::new(RootedPath::new(VirtualRoot::Project, path));
    let world = LeafletWorld {
        main: Source::new(id, source.to_string()),
    };
    let compiled = typst::compile::<PagedDocument>(&world).output;
    // Typst memoises across compilations; keep only what recent leaflets used.
    let result = match compiled {
        Ok(document) => typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
            .map_err(|errors| LeafletError::Typeset(messages(&errors))),
        Err(errors) => Err(LeafletError::Typeset(messages(&errors))),
    };
    typst::comemo::evict(10);
    result
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Whether a markup text parses to nothing but text (for the tests).
#[cfg(test)]
pub(crate) fn only_text(markup: &str) -> Result<(), String> {
    use typst::syntax::{SyntaxKind, SyntaxNode};
    fn walk(node: &SyntaxNode) -> Result<(), String> {
        match node.kind() {
            SyntaxKind::Markup
            | SyntaxKind::Text
            | SyntaxKind::Escape
            | SyntaxKind::Space
            | SyntaxKind::Parbreak => {}
            other => return Err(format!("{other:?} in {:?}", node.full_text())),
        }
        node.children().try_for_each(walk)
    }
    let root = typst::syntax::parse(markup);
    walk(&root)
}
