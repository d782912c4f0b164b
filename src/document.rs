//! An article as the analysis sees it — the [`Document`]: the text every
//! offset indexes, plus what is known about where it came from — and reading
//! a file or standard input as UTF-8 text within a size cap (`crate::input`
//! decides what kind of article the text is).

use std::path::{Path, PathBuf};

use serde::Serialize;
use thiserror::Error;

use crate::reading;

/// An article's text and what the reader shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Where it came from: the path as the user gave it, the URL, or "-" for
    /// standard input.
    pub source: String,
    /// What the source was written in; the text is always plain prose.
    pub format: DocFormat,
    /// The document text: as read for plain text (less a byte-order mark),
    /// the prose extracted from Markdown or a web page otherwise. Every
    /// offset of the analysis indexes this.
    pub text: String,
    /// The headline: the page's or the first heading's title, else the first
    /// line when it reads like one, else the file name.
    pub title: String,
    /// The author(s), as the page's metadata gives them.
    pub byline: Option<String>,
    /// The site or publication name, from the page's metadata.
    pub site: Option<String>,
    /// When it was published, as the page's metadata gives it (usually ISO 8601).
    pub published: Option<String>,
}

/// The format an article's source was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocFormat {
    Text,
    Markdown,
    Html,
}

impl DocFormat {
    /// The format of this [`name`](Self::name), if it is one.
    pub fn named(name: &str) -> Option<DocFormat> {
        [DocFormat::Text, DocFormat::Markdown, DocFormat::Html]
            .into_iter()
            .find(|f| f.name() == name)
    }

    /// The name exports use (`text`, `markdown`, `html`).
    pub fn name(self) -> &'static str {
        match self {
            DocFormat::Text => "text",
            DocFormat::Markdown => "markdown",
            DocFormat::Html => "html",
        }
    }
}

/// Why an article could not be loaded. Each message names the path (or
/// `<stdin>`) and says what to do, on one line.
#[derive(Debug, Error)]
pub enum LoadError {
    #[error(
        "{path}: no such file; check the path (without one, whosaid opens its bundled article)"
    )]
    NotFound { path: PathBuf },
    #[error(
        "{path}: permission denied; check the file's permissions (ls -l) or copy it somewhere readable"
    )]
    PermissionDenied { path: PathBuf },
    #[error("{path}: is a directory, not an article; give the path of a text file")]
    IsDirectory { path: PathBuf },
    #[error("{path}: is UTF-16 text; convert it to UTF-8, e.g. with iconv -f UTF-16 -t UTF-8")]
    Utf16 { path: PathBuf },
    #[error("{path}: is UTF-32 text; convert it to UTF-8, e.g. with iconv -f UTF-32 -t UTF-8")]
    Utf32 { path: PathBuf },
    #[error(
        "{path}: looks like a binary file (a NUL byte at byte {byte}), not a text article; give a plain UTF-8 text file"
    )]
    Binary { path: PathBuf, byte: usize },
    #[error(
        "{path}: is larger than {} MiB, the most whosaid reads; pass --max-size to allow more (at most 4G less one byte)",
        max_bytes.div_ceil(1 << 20)
    )]
    TooLarge { path: PathBuf, max_bytes: u64 },
    #[error(
        "{path}: not valid UTF-8 at line {line}, column {column} (byte {byte}); convert it to UTF-8, e.g. with iconv"
    )]
    InvalidUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: usize,
    },
    #[error("{path}: cannot read it ({error})")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

/// How standard input is named in messages.
pub const STDIN_NAME: &str = "<stdin>";

impl Document {
    /// A plain-text article from text already in memory.
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Self {
        let source = source.into();
        let mut text = text.into();
        if text.starts_with('\u{FEFF}') {
            text.drain(..'\u{FEFF}'.len_utf8());
        }
        let title = title_of(&text, &source);
        Document {
            source,
            format: DocFormat::Text,
            text,
            title,
            byline: None,
            site: None,
            published: None,
        }
    }

    /// Reads a plain-text article from a file, or from standard input when
    /// `path` is "-", of at most [`reading::DEFAULT_MAX_BYTES`].
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        Document::load_at_most(path, reading::DEFAULT_MAX_BYTES)
    }

    /// Reads a plain-text article of at most `max_bytes` (see [`read_text`]).
    pub fn load_at_most(path: &Path, max_bytes: u64) -> Result<Self, LoadError> {
        let text = read_text(path, max_bytes)?;
        Ok(Document::from_text(path.display().to_string(), text))
    }

    /// The source as a URI, as annotation tools want it: a URL as it is, a
    /// file as `file:///absolute/path` (percent-encoded), standard input as
    /// `urn:whosaid:stdin`.
    pub fn source_uri(&self) -> String {
        if self.source == "-" {
            return "urn:whosaid:stdin".to_string();
        }
        if self.source.starts_with("http://") || self.source.starts_with("https://") {
            return self.source.clone();
        }
        let path = std::path::absolute(&self.source).unwrap_or_else(|_| self.source.clone().into());
        let mut uri = String::from("file://");
        for segment in path.to_string_lossy().split('/').filter(|s| !s.is_empty()) {
            uri.push('/');
            uri.push_str(&percent_encode(segment));
        }
        uri
    }
}

/// A path segment with everything but unreserved characters percent-encoded
/// (RFC 3986), byte by byte.
fn percent_encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads at most `max_bytes` (never more than [`reading::MAX_BYTES_LIMIT`])
/// of UTF-8 text from a file, or from standard input when `path` is "-".
/// Stops at the first bytes that are not UTF-8 text.
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String, LoadError> {
    if path == Path::new("-") {
        return reading::read_text(std::io::stdin().lock(), Path::new(STDIN_NAME), max_bytes);
    }
    if path.is_dir() {
        return Err(LoadError::IsDirectory {
            path: path.to_owned(),
        });
    }
    let file = std::fs::File::open(path).map_err(|e| LoadError::from_io(path, e))?;
    // A file that says it is too long is refused before reading.
    if file
        .metadata()
        .is_ok_and(|m| m.is_file() && m.len() > max_bytes.min(reading::MAX_BYTES_LIMIT))
    {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            max_bytes: max_bytes.min(reading::MAX_BYTES_LIMIT),
        });
    }
    reading::read_text(file, path, max_bytes)
}

impl LoadError {
    /// The error for a failed open or read of `path`, by what went wrong.
    pub fn from_io(path: &Path, error: std::io::Error) -> LoadError {
        let path = path.to_owned();
        match error.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound { path },
            std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied { path },
            std::io::ErrorKind::IsADirectory => LoadError::IsDirectory { path },
            _ => LoadError::Io { path, error },
        }
    }
}

/// The first line when it is short and has no closing full stop (a
/// headline); otherwise the file name without extension.
pub(crate) fn title_of(text: &str, path: &str) -> String {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let headline =
        !first.is_empty() && first.chars().count() <= 120 && !first.ends_with(['.', ':', ';', ',']);
    if headline {
        return first.to_string();
    }
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("");
    if stem.is_empty() || stem == "-" {
        return "Untitled article".to_string();
    }
    stem.replace(['-', '_'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_bom_is_dropped() {
        let doc = Document::from_text("a.txt", "\u{FEFF}Hello world.");
        assert_eq!(doc.text, "Hello world.");
    }

    #[test]
    fn a_short_first_line_is_the_title() {
        assert_eq!(
            Document::from_text("x.txt", "Big news today\nBody.").title,
            "Big news today"
        );
        assert_eq!(
            Document::from_text("harbour-dredging-plan.txt", "A long sentence that ends.").title,
            "harbour dredging plan"
        );
    }

    #[test]
    fn a_permission_error_says_what_to_do() {
        let err = LoadError::from_io(
            Path::new("secret.txt"),
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        assert!(
            err.to_string()
                .starts_with("secret.txt: permission denied; check the file's permissions"),
            "{err}"
        );
    }

    #[test]
    fn an_empty_article_loads() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.txt");
        std::fs::write(&path, "").unwrap();
        let doc = Document::load(&path).unwrap();
        assert_eq!(doc.text, "");
        assert_eq!(doc.title, "empty");
    }

    #[test]
    fn a_file_over_the_cap_is_refused_in_one_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "word ".repeat(1000)).unwrap();
        let err = Document::load_at_most(&path, 4000).unwrap_err();
        assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
        assert!(!err.to_string().contains('\n'), "{err}");
        assert_eq!(
            Document::load_at_most(&path, 5000).unwrap().text.len(),
            5000
        );
    }
}
