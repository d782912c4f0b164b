//! Feeds (RSS and Atom, read by `feed-rs`): not an article but a list of
//! them. Each item becomes an [`Entry`] — title, date, link — that a list
//! can show and [`Entry::load`] turns into the article: the item's own full
//! text when the feed carries it, else the page its link points to.

use super::prose::one_line;
use super::{InputError, Limits};
use crate::document::Document;

/// A feed's title and its items, in the feed's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    /// The feed's path or URL as given.
    pub source: String,
    pub title: String,
    pub entries: Vec<Entry>,
}

/// One item of a feed: what a list of articles shows, and how to get the
/// article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub title: String,
    /// When it was published (else last updated), RFC 3339.
    pub date: Option<String>,
    /// The article's web address.
    pub link: Option<String>,
    pub byline: Option<String>,
    /// The article's HTML when the feed carries the whole of it.
    pub content: Option<String>,
    /// The feed it came from (its path or URL).
    pub feed: String,
}

/// Items whose content has at least this many words carry the article
/// itself, not a teaser.
const FULL_TEXT_WORDS: usize = 150;

/// The feed without its XML declaration: the text is UTF-8 by now (decoded
/// from what the declaration named when reading it), and the parser would
/// decode it again as the declaration says.
fn without_declaration(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let rest = &bytes[start..];
    if !rest.starts_with(b"<?xml") {
        return bytes;
    }
    match rest.windows(2).position(|w| w == b"?>") {
        Some(end) => &rest[end + 2..],
        None => bytes,
    }
}

/// Reads the feed in `bytes` (UTF-8), from `source`.
pub fn parse(source: &str, bytes: &[u8]) -> Result<Feed, InputError> {
    let feed =
        feed_rs::parser::parse(without_declaration(bytes)).map_err(|e| InputError::BadFeed {
            name: source.to_string(),
            reason: e.to_string(),
        })?;
    let entries = feed
        .entries
        .into_iter()
        .map(|item| {
            let link = item
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(item.links.first())
                .map(|l| l.href.trim().to_string());
            let content = item
                .content
                .and_then(|c| c.body)
                .or_else(|| item.summary.map(|s| s.content))
                .filter(|html| is_full_text(html) || link.is_none());
            let byline = item
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(one_line))
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            Entry {
                title: item
                    .title
                    .map(|t| one_line(&t.content))
                    .filter(|t| !t.is_empty())
                    .or_else(|| link.clone())
                    .unwrap_or_else(|| "Untitled article".to_string()),
                date: item.published.or(item.updated).map(|d| d.to_rfc3339()),
                link,
                byline: Some(byline).filter(|b| !b.is_empty()),
                content,
                feed: source.to_string(),
            }
        })
        .collect();
    Ok(Feed {
        source: source.to_string(),
        title: feed
            .title
            .map(|t| one_line(&t.content))
            .unwrap_or_else(|| source.to_string()),
        entries,
    })
}

fn is_full_text(html: &str) -> bool {
    let text = super::html::prose_of_fragment(html);
    text.split_whitespace().count() >= FULL_TEXT_WORDS
}

impl Entry {
    /// The article: its full text from the feed if it carries it, else the
    /// page at its link, read within `limits`.
    pub fn load(&self, limits: Limits) -> Result<Document, InputError> {
        let source = self.link.clone().unwrap_or_else(|| self.feed.clone());
        if let Some(html) = &self.content {
            let title = self.title.replace('&', "&amp;").replace('<', "&lt;");
            let page = format!(
                "<html><head><title>{title}</title></head><body><article>{html}</article></body></html>"
            );
            let mut doc = super::html::read(&source, &page, self.link.as_deref());
            self.fill_in(&mut doc);
            return Ok(doc);
        }
        let link = self.link.as_deref().ok_or_else(|| InputError::EmptyEntry {
            name: self.feed.clone(),
            title: self.title.clone(),
        })?;
        let mut doc = super::load_with(link, limits)?;
        self.fill_in(&mut doc);
        Ok(doc)
    }

    /// What a list shows of the item before it is read: its title, date
    /// and link (or feed), and no text yet.
    pub fn placeholder(&self) -> Document {
        let source = self.link.clone().unwrap_or_else(|| self.feed.clone());
        let mut doc = Document::from_text(source, "");
        doc.title = self.title.clone();
        doc.format = crate::document::DocFormat::Html;
        self.fill_in(&mut doc);
        doc
    }

    /// What the feed says of the article where the page did not say it.
    fn fill_in(&self, doc: &mut Document) {
        if doc.byline.is_none() {
            doc.byline = self.byline.clone();
        }
        if doc.published.is_none() {
            doc.published = self.date.clone();
        }
    }
}
