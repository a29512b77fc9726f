//! A publication's Markdown as HTML that is safe to put in a page: pulldown-cmark renders it
//! with raw HTML turned into text, and ammonia then keeps only harmless tags, attributes and
//! link schemes (no images: a page loads nothing from another site).

use pulldown_cmark::{Event, Options, Parser, html};

/// Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::empty()).map(|event| match event {
        // Raw HTML is shown as the text it is, never passed through.
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .rm_tags(["img"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn raw_html_and_scripts_never_reach_the_page() {
        let html = to_html(
            "Hi <script>alert(1)</script> <b onclick=\"x()\">b</b>\n\n<iframe src=\"//evil\"></iframe>",
        );
        assert!(!html.contains("<script") && !html.contains("<b ") && !html.contains("<iframe"));
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn links_keep_only_safe_schemes_and_images_go() {
        let html = to_html(
            "[x](javascript:alert(1)) [y](https://example.org) ![p](https://tracker.example/p.gif)",
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://example.org\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
        assert!(
            !html.contains("<img") && !html.contains("tracker"),
            "{html}"
        );
    }

    #[test]
    fn markdown_structure_comes_through() {
        let html = to_html("# Title\n\nSome *em* and **strong**.\n\n- one\n- two\n\n> quote");
        assert!(html.contains("<h1>Title</h1>") && html.contains("<em>em</em>"));
        assert!(html.contains("<li>one</li>") && html.contains("<blockquote>"));
    }
}
