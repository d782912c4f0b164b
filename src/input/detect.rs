//! What kind of article a text is: a web page, a feed, Markdown or plain
//! text. The content decides first (a saved page is HTML whatever its name);
//! the name's extension, or a server's media type, only where the content
//! does not say.

/// The kinds of source whosaid reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Markdown,
    Html,
    /// RSS or Atom: a list of articles, not an article.
    Feed,
}

/// How much of the start of a text is looked at for markup.
const SNIFF_BYTES: usize = 4096;

/// The kind of `text`, whose name (a path or URL) is `name` and which a
/// server may have labelled with `media_type` (`text/html; charset=…`).
pub fn detect(text: &str, name: &str, media_type: Option<&str>) -> Kind {
    by_content(text)
        .or_else(|| media_type.and_then(by_media_type))
        .or_else(|| by_extension(name))
        .or_else(|| looks_like_markdown(text).then_some(Kind::Markdown))
        .unwrap_or(Kind::Text)
}

/// HTML and feeds announce themselves in their first tags.
fn by_content(text: &str) -> Option<Kind> {
    let mut end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end]
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .to_ascii_lowercase();
    if !head.starts_with('<') {
        return None;
    }
    let has = |tag: &str| head.contains(tag);
    if has("<rss") || has("<feed") || has("<rdf:rdf") {
        // A feed's root comes before any HTML it quotes.
        let feed_at = ["<rss", "<feed", "<rdf:rdf"]
            .iter()
            .filter_map(|t| head.find(t))
            .min();
        let html_at = head.find("<html");
        if html_at.is_none_or(|h| feed_at.is_some_and(|f| f < h)) {
            return Some(Kind::Feed);
        }
    }
    let html = head.starts_with("<!doctype html")
        || [
            "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta",
        ]
        .iter()
        .any(|t| has(t));
    html.then_some(Kind::Html)
}

/// A media type without its parameters, in lower case (`text/html`).
pub(super) fn essence(media_type: &str) -> String {
    media_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// A media type's `charset` parameter, unquoted (`windows-1252`).
pub(super) fn charset(media_type: &str) -> Option<&str> {
    media_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"'))
            .filter(|v| !v.is_empty())
    })
}

fn by_media_type(media_type: &str) -> Option<Kind> {
    match essence(media_type).as_str() {
        "text/html" | "application/xhtml+xml" => Some(Kind::Html),
        "text/markdown" | "text/x-markdown" => Some(Kind::Markdown),
        "application/rss+xml" | "application/atom+xml" | "application/rdf+xml" => Some(Kind::Feed),
        _ => None,
    }
}

fn by_extension(name: &str) -> Option<Kind> {
    // A URL's query or fragment is not part of its file name.
    let name = name.split(['?', '#']).next().unwrap_or(name);
    let ext = std::path::Path::new(name)
        .extension()?
        .to_str()?
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "md" | "markdown" => Some(Kind::Markdown),
        "rss" | "atom" => Some(Kind::Feed),
        _ => None,
    }
}

/// Markdown with no telling name (standard input): a first line that is an
/// ATX heading (`# Title`) or a Setext one (underlined with `===`).
fn looks_like_markdown(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim_end)
        .skip_while(|l| l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    let hashes = first.len() - first.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && first[hashes..].starts_with(' ') {
        return true;
    }
    lines
        .next()
        .is_some_and(|second| second.len() >= 3 && second.chars().all(|c| c == '='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charset_of_a_media_type() {
        assert_eq!(charset("text/html; charset=ISO-8859-1"), Some("ISO-8859-1"));
        assert_eq!(
            charset("text/html;CHARSET=\"windows-1252\""),
            Some("windows-1252")
        );
        assert_eq!(charset("text/html"), None);
    }

    #[test]
    fn a_saved_page_is_html_whatever_its_name() {
        let page = "\u{FEFF}  <!DOCTYPE html>\n<html><head><title>T</title></head></html>";
        assert_eq!(detect(page, "notes.txt", None), Kind::Html);
        assert_eq!(detect("<div><p>Hi</p></div>", "-", None), Kind::Html);
    }

    #[test]
    fn feeds_are_told_from_pages() {
        let rss = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel></channel></rss>";
        assert_eq!(detect(rss, "-", None), Kind::Feed);
        let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>x</title></feed>";
        assert_eq!(detect(atom, "news.xml", None), Kind::Feed);
        let xhtml = "<?xml version=\"1.0\"?>\n<html><body><p>A feed reader</p></body></html>";
        assert_eq!(detect(xhtml, "-", None), Kind::Html);
    }

    #[test]
    fn markdown_by_extension_or_a_heading() {
        assert_eq!(detect("Plain words.", "story.md", None), Kind::Markdown);
        assert_eq!(
            detect("Plain words.", "story.MARKDOWN", None),
            Kind::Markdown
        );
        assert_eq!(detect("\n# A title\n\nBody.", "-", None), Kind::Markdown);
        assert_eq!(
            detect("A title\n=======\n\nBody.", "-", None),
            Kind::Markdown
        );
        assert_eq!(detect("#hashtag politics", "-", None), Kind::Text);
    }

    #[test]
    fn plain_text_stays_text() {
        assert_eq!(
            detect("Officials said on Monday.", "a.txt", None),
            Kind::Text
        );
        assert_eq!(detect("He wrote <b> in a note.", "a.txt", None), Kind::Text);
        assert_eq!(detect("", "-", None), Kind::Text);
    }

    #[test]
    fn a_server_label_counts_when_the_content_is_silent() {
        assert_eq!(
            detect(
                "Just words",
                "https://x.test/a",
                Some("text/markdown; charset=utf-8")
            ),
            Kind::Markdown
        );
        assert_eq!(
            detect("Just words", "https://x.test/page.html?id=3", None),
            Kind::Html
        );
    }
}
