//! whosaid: who said what in a news article.
//!
//! The library holds everything but the terminal: reading an article from
//! its [`input`] (a file, a web page, Markdown, a feed) into a [`document`],
//! the [`analysis`] into actors and claims, the claim [`filter`], [`export`]
//! formats, the [`store`] (the library and the user's layer) and what one
//! actor said [`across`] it, and the [`config`]. Tests, benches and `whosaid export` use it directly; the
//! reader lives under `tui`, built only with the default-on `reader`
//! feature (`--no-default-features` leaves every terminal crate out).

pub mod across;
pub mod analysis;
pub mod config;
pub mod corpus;
pub mod corrected;
pub mod dates;
pub mod document;
pub mod export;
pub mod filter;
pub mod input;
pub mod reading;
pub mod safe_text;
pub mod span;
pub mod store;
#[cfg(feature = "reader")]
pub mod tui;
