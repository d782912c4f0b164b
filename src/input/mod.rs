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
//!         let first = feed.entries[0].load(input::fetch::Limits::default())?;
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
pub mod text;

use std::path::Path;

use thiserror::Error;

use crate::document::{self, Document, LoadError};
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

/// Reads `source` — a file path, "-" for standard input, or a web address —
/// as an article or a feed, fetching with the default limits.
pub fn open(source: &str) -> Result<Opened, InputError> {
    open_with(source, fetch::Limits::default())
}

/// [`open`] with the given fetch limits.
pub fn open_with(source: &str, limits: fetch::Limits) -> Result<Opened, InputError> {
    let (bytes, media_type) = if fetch::is_url(source) {
        let page = fetch::fetch(source, limits)?;
        (page.body, page.media_type)
    } else {
        (document::read_bytes(Path::new(source))?, None)
    };
    let name = if source == "-" { "" } else { source };
    let label = if source == "-" {
        Path::new(document::STDIN_NAME)
    } else {
        Path::new(source)
    };
    let text = document::decode(label, bytes)?;
    let url = fetch::is_url(source).then_some(source);
    Ok(match detect::detect(&text, name, media_type.as_deref()) {
        Kind::Text => Opened::Article(text::read(source, text)),
        Kind::Markdown => Opened::Article(markdown::read(source, &text)),
        Kind::Html => Opened::Article(html::read(source, &text, url)),
        Kind::Feed => Opened::Feed(feed::parse(source, text.as_bytes())?),
    })
}

/// Reads the article at `source`; a feed is an error that says so.
pub fn load(source: &str) -> Result<Document, InputError> {
    load_with(source, fetch::Limits::default())
}

/// [`load`] with the given fetch limits.
pub fn load_with(source: &str, limits: fetch::Limits) -> Result<Document, InputError> {
    match open_with(source, limits)? {
        Opened::Article(doc) => Ok(doc),
        Opened::Feed(_) => Err(InputError::IsFeed {
            name: source.to_string(),
        }),
    }
}
