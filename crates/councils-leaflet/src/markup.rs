//! Markdown made into typst markup that can only be text: every character of the person's
//! text that typst's markup gives a meaning to is escaped, and the only markup and code in
//! the result are the few constructs written here (headings, emphasis, lists, quotes).

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Containers nested deeper than this are flattened: their text stays, their markup goes,
/// so no input can make typst's layout recurse without bound.
const DEPTH_MAX: usize = 8;

/// How a drawn list closes (its items are its arguments).
const LIST_CLOSE: &str = ")\n\n";

/// The monospace font typst-assets ships, for code.
const MONO: &str = "DejaVu Sans Mono";

/// A person's text as typst markup that shows exactly that text. Every ASCII punctuation
/// character is escaped with a backslash (typst reads `\` followed by any non-space
/// character as that character), so no `#`, `[`, `$`, `*`, `_`, `/`, `<`, `@`, `=`, `-`, `.`
/// or quote can start code, math, a comment, a label, a heading or a list. Line breaks and
/// tabs become spaces (paragraphs are made by the caller); other control characters go.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
            out.push(c);
        } else if c == '\n' || c == '\r' || c == '\t' {
            out.push(' ');
        } else if c.is_control() {
            continue;
        } else {
            out.push(c);
        }
    }
    out
}

/// What a container opened, so its end writes the matching close.
#[derive(Clone, Copy)]
enum Open {
    /// Closed by this text.
    Close(&'static str),
    /// A paragraph, or a container flattened (too deep) or not drawn: nothing to close.
    Nothing,
}

/// Markdown to typst markup. Raw HTML (block or inline) is dropped, never passed on; images
/// keep their alternative text; a link's address is printed after its text, since paper
/// cannot be clicked.
pub fn markdown_to_typst(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut stack: Vec<Open> = Vec::new();
    // The link being written: its address and where its text began in `out`.
    let mut links: Vec<(String, usize)> = Vec::new();
    let mut in_code_block = false;
    let options = Options::empty();
    for event in Parser::new_ext(markdown, options) {
        let deep = stack.iter().filter(|o| !matches!(o, Open::Nothing)).count() >= DEPTH_MAX;
        match event {
            Event::Start(tag) => {
                // An item is drawn exactly when its list is: a drawn list holds only items.
                let open = match (&tag, stack.last()) {
                    (Tag::Item, Some(Open::Close(LIST_CLOSE))) => {
                        start(&mut out, &tag, &mut in_code_block)
                    }
                    (Tag::Item, _) => Open::Nothing,
                    _ if deep => {
                        if matches!(tag, Tag::CodeBlock(_)) {
                            in_code_block = true;
                        }
                        Open::Nothing
                    }
                    _ => start(&mut out, &tag, &mut in_code_block),
                };
                if let Tag::Link { dest_url, .. } = &tag {
                    links.push((dest_url.to_string(), out.len()));
                }
                stack.push(open);
            }
            Event::End(end) => {
                if matches!(end, TagEnd::Link)
                    && let Some((url, from)) = links.pop()
                {
                    let address = escape(&url);
                    if !url.is_empty() && out[from..].trim() != address {
                        out.push_str(" \\(");
                        out.push_str(&address);
                        out.push_str("\\)");
                    }
                }
                if matches!(end, TagEnd::CodeBlock) {
                    in_code_block = false;
                }
                match stack.pop().unwrap_or(Open::Nothing) {
                    Open::Close(close) => out.push_str(close),
                    Open::Nothing => {
                        if matches!(end, TagEnd::Paragraph | TagEnd::Heading(_)) {
                            out.push_str("\n\n");
                        } else if matches!(end, TagEnd::Item) {
                            out.push(' ');
                        }
                    }
                }
            }
            Event::Text(text) => {
                if in_code_block {
                    let mut lines = text.split('\n').peekable();
                    while let Some(line) = lines.next() {
                        out.push_str(&escape(line));
                        if lines.peek().is_some_and(|next| !next.is_empty()) {
                            out.push_str("#linebreak()");
                        }
                    }
                } else {
                    out.push_str(&escape(&text));
                }
            }
            Event::Code(code) => {
                out.push_str("#text(font: \"");
                out.push_str(MONO);
                out.push_str("\")[");
                out.push_str(&escape(&code));
                out.push(']');
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push_str("#linebreak()"),
            Event::Rule => out.push_str("#line(length: 100%)\n\n"),
            // Never raw HTML, not even as text: it is markup of another language.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::FootnoteReference(label) => out.push_str(&escape(&label)),
            Event::TaskListMarker(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {}
        }
    }
    out
}

/// Writes the opening of a container and says how it closes.
fn start(out: &mut String, tag: &Tag<'_>, in_code_block: &mut bool) -> Open {
    match tag {
        Tag::Paragraph => Open::Nothing,
        Tag::Heading { level, .. } => {
            // The leaflet's title is the top heading; the text's own headings sit below it.
            let level = match level {
                HeadingLevel::H1 => 2,
                HeadingLevel::H2 => 3,
                _ => 4,
            };
            out.push_str(&format!("#heading(level: {level})["));
            Open::Close("]\n\n")
        }
        Tag::BlockQuote(_) => {
            out.push_str("#quote(block: true)[");
            Open::Close("]\n\n")
        }
        Tag::CodeBlock(_) => {
            *in_code_block = true;
            out.push_str("#block(inset: 6pt, fill: luma(240))[#text(font: \"");
            out.push_str(MONO);
            out.push_str("\", size: 0.85em)[");
            // Two brackets to close: the text's and the block's.
            Open::Close("]]\n\n")
        }
        Tag::List(start) => {
            match start {
                Some(first) => out.push_str(&format!("#enum(start: {first}, ")),
                None => out.push_str("#list("),
            }
            Open::Close(LIST_CLOSE)
        }
        Tag::Item => {
            out.push('[');
            Open::Close("],\n")
        }
        Tag::Emphasis => {
            out.push_str("#emph[");
            Open::Close("]")
        }
        Tag::Strong => {
            out.push_str("#strong[");
            Open::Close("]")
        }
        Tag::Strikethrough => {
            out.push_str("#strike[");
            Open::Close("]")
        }
        _ => Open::Nothing,
    }
}
