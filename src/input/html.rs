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

/// Pages nested deeper than this are no articles a person wrote; the
/// article search (which looks at every node's descendants) would take time
/// growing with the square of the depth, so their body is read as it is.
const MAX_DEPTH: usize = 400;

/// The article in the page `html`, read from `source`; `url` is the page's
/// address when it came from the web (used to resolve its relative links).
pub fn read(source: &str, html: &str, url: Option<&str>) -> Document {
    let page = dom_query::Document::from(html);
    let article = if depth(&page.root()) > MAX_DEPTH {
        None
    } else {
        Readability::with_document(page, url, None)
            .and_then(|mut r| r.parse())
            .ok()
    };
    let (body, title, byline, site, published) = match article {
        Some(Article {
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
        // No article found (too little text, or too deep to search): the
        // whole body, less the page's navigation, is the best there is.
        None => {
            // The article search changed the tree it was given: read afresh.
            let page = dom_query::Document::from(html);
            let title = page.select("title").text().to_string();
            let body = page
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
/// besides those that are never prose. Walks with its own stack, so no
/// nesting depth can overflow the thread's.
fn prose_of(node: &NodeRef, left_out: &[&str]) -> String {
    /// What to do next: read a node, or close an element read before.
    enum Step<'a> {
        Read(NodeRef<'a>),
        EndItem,
        EndCell,
        EndBlock,
    }
    let mut prose = Prose::new();
    let mut steps: Vec<Step> = node.children_it(true).map(Step::Read).collect();
    while let Some(step) = steps.pop() {
        let node = match step {
            Step::Read(node) => node,
            Step::EndItem => {
                prose.leave_item();
                continue;
            }
            Step::EndCell => {
                prose.space();
                continue;
            }
            Step::EndBlock => {
                prose.paragraph();
                continue;
            }
        };
        if node.is_text() {
            prose.text(&node.text());
            continue;
        }
        if !node.is_element() {
            continue; // comments, doctypes
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        let name = name.as_str();
        if SKIPPED.contains(&name) || left_out.contains(&name) || is_hidden(&node) {
            continue;
        }
        if name == "br" {
            prose.line();
            continue;
        }
        if LINES.contains(&name) {
            prose.enter_item();
            steps.push(Step::EndItem);
        } else if name == "td" || name == "th" {
            prose.space();
            steps.push(Step::EndCell);
        } else if BLOCKS.contains(&name) {
            prose.paragraph();
            steps.push(Step::EndBlock);
        }
        steps.extend(node.children_it(true).map(Step::Read));
    }
    prose.finish()
}

/// How deeply elements nest under `node`, counted without recursion.
fn depth(node: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(*node, 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(node.element_children().into_iter().map(|c| (c, d + 1)));
    }
    deepest
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
    fn a_page_nested_absurdly_deep_is_read_without_the_article_search() {
        let n = MAX_DEPTH * 3;
        let page = format!(
            "<html><head><title>Deep</title></head><body>{}<p>The mayor said so.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let doc = read("deep.html", &page, None);
        assert_eq!(doc.text, "Deep\n\nThe mayor said so.");
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
