//! A web page as a reader mode shows it: the article's text only, found by
//! `dom_smoothie` (a port of Mozilla's Readability, which Firefox's reader
//! view uses), turned into plain prose, with the title, byline, site name and
//! publication time from the page's metadata.

use dom_query::NodeRef;
use dom_smoothie::{Article, Readability};

use super::prose::{Prose, one_line};
use crate::document::{DocFormat, Document};

/// Elements whose content is never prose: code, forms, embedded media.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "video",
    "audio", "canvas", "map", "button", "select", "textarea", "input", "form", "img", "picture",
    "head", "title",
];

/// Elements that end a paragraph before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "address",
    "details",
    "summary",
    "hr",
    "fieldset",
    "center",
    "body",
    "html",
];

/// Elements that are lines of their own: list items, table rows, terms.
const LINES: &[&str] = &["li", "dt", "dd", "tr"];

/// Parts of a whole page that are not the article, left out when no
/// article can be found and the whole body is read instead.
const PAGE_FURNITURE: &[&str] = &["nav", "header", "footer", "aside", "menu"];

/// The article in the page `html`, read from `source`; `url` is the page's
/// address when it came from the web (used to resolve its relative links).
pub fn read(source: &str, html: &str, url: Option<&str>) -> Document {
    let article = Readability::new(html, url, None).and_then(|mut r| r.parse());
    let (body, title, byline, site, published) = match article {
        Ok(Article {
            content,
            title,
            byline,
            site_name,
            published_time,
            ..
        }) => (
            prose_of_fragment(&content),
            title,
            byline,
            site_name,
            published_time,
        ),
        // Too little text to find an article in: the whole body, less the
        // page's navigation, is the best there is.
        Err(_) => {
            let doc = dom_query::Document::from(html);
            let title = doc.select("title").text().to_string();
            let body = doc
                .body()
                .map_or_else(String::new, |b| prose_of(&b, PAGE_FURNITURE));
            (body, title, None, None, None)
        }
    };
    let title = one_line(&title);
    let text = with_title(&title, body);
    let title = if title.is_empty() {
        crate::document::title_of(&text, source)
    } else {
        title
    };
    Document {
        source: source.to_string(),
        format: DocFormat::Html,
        text,
        title,
        byline: clean(byline),
        site: clean(site),
        published: clean(published),
    }
}

/// A one-line metadata value, or none when it is blank.
fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| one_line(&v)).filter(|v| !v.is_empty())
}

/// The article text, opening with its title as a paragraph of its own (as a
/// reader mode shows it) unless the article already opens with it.
fn with_title(title: &str, body: String) -> String {
    if title.is_empty() || body.starts_with(title) {
        return body;
    }
    if body.is_empty() {
        return title.to_string();
    }
    format!("{title}\n\n{body}")
}

/// The prose of an HTML fragment (the extracted article).
pub(super) fn prose_of_fragment(html: &str) -> String {
    let doc = dom_query::Document::from(html);
    prose_of(&doc.root(), &[])
}

/// The prose under `node`, leaving out the elements named in `left_out`
/// besides those that are never prose.
fn prose_of(node: &NodeRef, left_out: &[&str]) -> String {
    let mut prose = Prose::new();
    walk(node, left_out, &mut prose);
    prose.finish()
}

fn walk(node: &NodeRef, left_out: &[&str], prose: &mut Prose) {
    for child in node.children_it(false) {
        if child.is_text() {
            prose.text(&child.text());
            continue;
        }
        if !child.is_element() {
            continue; // comments, doctypes
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) || left_out.contains(&name) || is_hidden(&child) {
            continue;
        }
        if name == "br" {
            prose.line();
        } else if LINES.contains(&name) {
            prose.enter_item();
            walk(&child, left_out, prose);
            prose.leave_item();
        } else if name == "td" || name == "th" {
            prose.space();
            walk(&child, left_out, prose);
            prose.space();
        } else if BLOCKS.contains(&name) {
            prose.paragraph();
            walk(&child, left_out, prose);
            prose.paragraph();
        } else {
            walk(&child, left_out, prose);
        }
    }
}

/// An element the page hides from its readers.
fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.as_ref() == "true")
        || node.attr("style").is_some_and(|s| {
            let s = s.to_ascii_lowercase().replace(' ', "");
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs_and_list_items_lines() {
        let html = "<div><h2>What &amp; why</h2><p>The   council\nmet.<br>It voted.</p>\
                    <ul><li>one</li><li><p>two</p></li></ul><p>Done&nbsp;now.</p></div>";
        assert_eq!(
            prose_of_fragment(html),
            "What & why\n\nThe council met.\nIt voted.\n\none\ntwo\n\nDone now."
        );
    }

    #[test]
    fn scripts_styles_comments_and_hidden_parts_are_not_text() {
        let html = "<p>Seen<script>var x = 1;</script><style>p{font:Georgia}</style>\
                    <!-- a comment --><span hidden>secret</span> here.</p>";
        assert_eq!(prose_of_fragment(html), "Seen here.");
    }

    #[test]
    fn inline_markup_keeps_words_whole() {
        let html = "<p>In <b>Wash</b>ington, <a href=\"/x\">she</a> <em>said</em>.</p>";
        assert_eq!(prose_of_fragment(html), "In Washington, she said.");
    }

    #[test]
    fn a_page_too_short_for_an_article_still_gives_its_text() {
        let page = "<html><head><title>Short note</title></head><body>\
                    <p>Only a line.</p></body></html>";
        let doc = read("note.html", page, None);
        assert_eq!(doc.title, "Short note");
        assert_eq!(doc.text, "Short note\n\nOnly a line.");
        assert_eq!(doc.format, DocFormat::Html);
    }
}
