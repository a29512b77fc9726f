//! The markup is only text whatever a person types; the PDF comes out on the paper asked for.

use super::*;
use markup::{escape, markdown_to_typst};

/// Texts that would run code, open math, comment out the rest, label or reference, or
/// close a content block early, if typst read them as markup.
const HOSTILE: [&str; 12] = [
    "#read(\"/etc/passwd\")",
    "#{ panic(\"x\") }",
    "] #panic(\"out\") [",
    "$ x^2 $",
    "// the rest is a comment",
    "/* open comment",
    "<label> @ref",
    "= Heading\n- item\n+ numbered\n/ term: x",
    "`raw` ```block```",
    "\\u{1F600} \\ backslash",
    "*strong* _emph_ ~ -- --- ... 'single' \"double\"",
    "https://example.org/a_b*c 1. 2) #let x = 1",
];

#[test]
fn every_special_character_of_a_persons_text_is_escaped() {
    assert_eq!(escape("#x"), "\\#x");
    assert_eq!(escape("a]b[c"), "a\\]b\\[c");
    assert_eq!(escape("línea\nnueva"), "línea nueva");
    assert_eq!(escape("¿Dónde? ¡Aquí!"), "¿Dónde\\? ¡Aquí\\!");
}

#[cfg(feature = "pdf")]
#[test]
fn hostile_text_parses_as_nothing_but_text() {
    for text in HOSTILE {
        pdf::only_text(&escape(text)).unwrap_or_else(|e| panic!("{text:?}: {e}"));
    }
}

#[cfg(feature = "pdf")]
proptest::proptest! {
    #[test]
    fn any_text_escaped_is_only_text(text in "\\PC{0,80}") {
        proptest::prop_assert!(pdf::only_text(&escape(&text)).is_ok(), "{:?}", text);
    }

    #[test]
    fn any_markdown_typesets_without_running_code(text in "[#\\[\\]$*_`<>@=/\\\\a-z \n>-]{0,120}") {
        let leaflet = Leaflet {
            council: "C".into(),
            date: "D".into(),
            paper: Paper::A4,
            layout: Layout::PagePerLanguage,
            texts: vec![LeafletText { language: "en".into(), title: "T".into(), body: text.clone() }],
        };
        // Any document this makes compiles: no user text can break out of its block.
        proptest::prop_assert!(pdf::render(&source(&leaflet)).is_ok(), "{:?}", text);
    }
}

#[test]
fn markdown_structure_becomes_typst_constructs_around_escaped_text() {
    let typst = markdown_to_typst(
        "# Title #1\n\nSome *em* and **strong** [a](https://x.org/).\n\n- one\n- two\n\n> quoted\n\n<script>alert(1)</script>\n",
    );
    assert!(typst.contains("#heading(level: 2)[Title \\#1]"), "{typst}");
    assert!(typst.contains("#emph[em]"));
    assert!(typst.contains("#strong[strong]"));
    assert!(typst.contains("a \\(https\\:\\/\\/x\\.org\\/\\)"));
    assert!(typst.contains("#list([one],\n[two],\n)"));
    assert!(typst.contains("#quote(block: true)["));
    assert!(
        !typst.contains("script") && !typst.contains("alert"),
        "{typst}"
    );
}

#[test]
fn deep_nesting_is_flattened_and_stays_balanced() {
    let typst = markdown_to_typst(&format!("{}deep", "> ".repeat(40)));
    assert_eq!(typst.matches("#quote").count(), 8);
    assert_eq!(typst.matches('[').count() - typst.matches("\\[").count(), 8);
}

#[test]
fn the_leaflet_source_has_both_languages_side_by_side_or_a_page_each() {
    let mut leaflet = Leaflet {
        council: "World Council".into(),
        date: "11 June 2025".into(),
        paper: Paper::UsLetter,
        layout: Layout::SideBySide,
        texts: vec![
            LeafletText {
                language: "en".into(),
                title: "No war".into(),
                body: "Strike!".into(),
            },
            LeafletText {
                language: "es".into(),
                title: "No a la guerra".into(),
                body: "¡Huelga!".into(),
            },
        ],
    };
    let side = source(&leaflet);
    assert!(side.contains("paper: \"us-letter\"") && side.contains("#grid(columns: (1fr, 1fr)"));
    assert!(side.contains("lang: \"es\"") && side.contains("¡Huelga\\!"));
    leaflet.layout = Layout::PagePerLanguage;
    leaflet.paper = Paper::A4;
    let pages = source(&leaflet);
    assert!(pages.contains("#pagebreak()") && !pages.contains("#grid"));
    assert!(pages.contains("paper: \"a4\""));
}

#[cfg(feature = "pdf")]
#[test]
fn a_leaflet_typesets_as_a_pdf() {
    let leaflet = Leaflet {
        council: "World Council".into(),
        date: "11 June 2025".into(),
        paper: Paper::A4,
        layout: Layout::SideBySide,
        texts: vec![
            LeafletText {
                language: "en".into(),
                title: "No war".into(),
                body: HOSTILE.join("\n\n"),
            },
            LeafletText {
                language: "es".into(),
                title: "No a la guerra".into(),
                body: "¡Huelga!".into(),
            },
        ],
    };
    let pdf = render(&leaflet).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}

#[cfg(not(feature = "pdf"))]
#[test]
fn without_the_feature_render_says_it_was_not_built() {
    let leaflet = Leaflet {
        council: "C".into(),
        date: "D".into(),
        paper: Paper::A4,
        layout: Layout::SideBySide,
        texts: vec![LeafletText {
            language: "en".into(),
            title: "T".into(),
            body: "B".into(),
        }],
    };
    assert!(matches!(render(&leaflet), Err(LeafletError::NotBuilt)));
}
