//! Where an article comes from. A source — a path, `-` for standard input,
//! or an `http(s)://` address ([`fetch`]) — is read, its kind detected by
//! content and then by name ([`detect`]), and turned into a [`Document`]
//! whose text is plain prose: as read for [`text`], without markup for
//! [`markdown`], the article alone for a web page ([`html`]). A [`feed`]
//! is a list of articles instead: [`open`] tells the two apart.
//!
//! ```no_run
//! use whosaid::input::{self, Opened};
//! match input::open("https://news.example/feed.xml")? {
//!     Opened::Article(doc) => println!("{}", doc.title),
//!     Opened::Feed(feed) => {
//!         for entry in &feed.entries {
//!             println!("{}  {}", entry.date.as_deref().unwrap_or(""), entry.title);
//!         }
//!         let first = feed.entries[0].load(input::Limits::default())?;
//!         println!("{}", first.text);
//!     }
//! }
//! # Ok::<(), input::InputError>(())
//! ```

pub mod detect;
pub mod feed;
pub mod fetch;
pub mod html;
pub mod markdown;
mod prose;
mod several;
pub mod text;

use std::path::Path;

use thiserror::Error;

pub use several::{Several, several};

use crate::document::{self, Document, LoadError};
use crate::reading;
use detect::Kind;
pub use feed::{Entry, Feed};

/// Why a source could not be read; one line that names it.
#[derive(Debug, Error)]
pub enum InputError {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
    #[error(
        "{name}: is an RSS or Atom feed, a list of articles; open one of its articles (`whosaid export` exports them all)"
    )]
    IsFeed { name: String },
    #[error("{name}: looks like a feed but cannot be read as RSS or Atom ({reason})")]
    BadFeed { name: String, reason: String },
    #[error("{name}: the item \"{title}\" has neither a link nor any text")]
    EmptyEntry { name: String, title: String },
}

/// An article, or a feed: a list of them.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    Article(Document),
    Feed(Feed),
}

/// One row of a list of articles: an article read already, or an item of
/// a feed, read (its page fetched) when it is opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Listed {
    Article(Document),
    Item(Entry),
}

impl From<Document> for Listed {
    fn from(doc: Document) -> Listed {
        Listed::Article(doc)
    }
}

impl Opened {
    /// The rows it makes in a list of articles: itself, or a feed's items.
    pub fn listed(self) -> Vec<Listed> {
        match self {
            Opened::Article(doc) => vec![Listed::Article(doc)],
            Opened::Feed(feed) => feed.entries.into_iter().map(Listed::Item).collect(),
        }
    }
}

/// How much whosaid reads: files and standard input up to `max_bytes`, web
/// pages within the `web` limits.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_bytes: u64,
    pub web: fetch::Limits,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: reading::DEFAULT_MAX_BYTES,
            web: fetch::Limits::default(),
        }
    }
}

impl Limits {
    /// One size cap for files and web pages alike (`--max-size`).
    pub fn at_most(max_bytes: u64) -> Self {
        let web = fetch::Limits {
            max_bytes,
            ..fetch::Limits::default()
        };
        Limits { max_bytes, web }
    }
}

/// Reads `source` — a file path, "-" for standard input, or a web address —
/// as an article or a feed, within the default limits.
pub fn open(source: &str) -> Result<Opened, InputError> {
    open_with(source, Limits::default())
}

/// [`open`] within `limits`.
pub fn open_with(source: &str, limits: Limits) -> Result<Opened, InputError> {
    let (text, media_type, url) = if fetch::is_url(source) {
        let page = fetch::fetch(source, limits.web)?;
        // The same checks as a file's: text (in the charset the server
        // names, else as the page declares, else UTF-8), no NUL bytes.
        let charset = page.media_type.as_deref().and_then(detect::charset);
        let text =
            reading::read_text_in(page.body.as_slice(), Path::new(source), u64::MAX, charset)?;
        (text, page.media_type, Some(source))
    } else {
        (
            document::read_text(Path::new(source), limits.max_bytes)?,
            None,
            None,
        )
    };
    let name = if source == "-" { "" } else { source };
    Ok(match detect::detect(&text, name, media_type.as_deref()) {
        Kind::Text => Opened::Article(text::read(source, text)),
        Kind::Markdown => Opened::Article(markdown::read(source, &text)),
        Kind::Html => Opened::Article(html::read(source, &text, url)),
        Kind::Feed => Opened::Feed(feed::parse(source, text.as_bytes())?),
    })
}

/// Reads the article at `source`; a feed is an error that says so.
pub fn load(source: &str) -> Result<Document, InputError> {
    load_with(source, Limits::default())
}

/// [`load`] within `limits`.
pub fn load_with(source: &str, limits: Limits) -> Result<Document, InputError> {
    match open_with(source, limits)? {
        Opened::Article(doc) => Ok(doc),
        Opened::Feed(_) => Err(InputError::IsFeed {
            name: source.to_string(),
        }),
    }
}
