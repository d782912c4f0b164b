//! Loading an article: a file or standard input, decoded into a [`Document`].

use std::path::{Path, PathBuf};

use thiserror::Error;

/// An article's text and what the reader shows about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The path as the user gave it, or "-" for standard input.
    pub path: String,
    /// The text exactly as read, less a leading byte-order mark.
    pub text: String,
    /// The headline: the first line when it reads like one, else the file name.
    pub title: String,
}

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("{path}: no such file")]
    NotFound { path: PathBuf },
    #[error("{path}: is a directory, not an article")]
    IsDirectory { path: PathBuf },
    #[error("{path}: looks like a binary file, not a text article")]
    Binary { path: PathBuf },
    #[error(
        "{path}: not valid UTF-8 at line {line}, column {column} (byte {byte}); convert it to UTF-8, e.g. with iconv"
    )]
    InvalidUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
        byte: usize,
    },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Document {
    /// An article from text already in memory.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Self {
        let path = path.into();
        let mut text = text.into();
        if text.starts_with('\u{FEFF}') {
            text.drain(..'\u{FEFF}'.len_utf8());
        }
        let title = title_of(&text, &path);
        Document { path, text, title }
    }

    /// Reads an article from a file, or from standard input when `path` is "-".
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let io = |source: std::io::Error| LoadError::Io {
            path: path.to_owned(),
            source,
        };
        let bytes = if path == Path::new("-") {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).map_err(io)?;
            buf
        } else {
            if path.is_dir() {
                return Err(LoadError::IsDirectory {
                    path: path.to_owned(),
                });
            }
            std::fs::read(path).map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => LoadError::NotFound {
                    path: path.to_owned(),
                },
                _ => io(e),
            })?
        };
        let text = decode(path, bytes)?;
        Ok(Document::from_text(path.display().to_string(), text))
    }
}

/// UTF-8 text, or an error that says where it stops being text.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(LoadError::Binary {
            path: path.to_owned(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..byte];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        LoadError::InvalidUtf8 {
            path: path.to_owned(),
            line,
            column,
            byte,
        }
    })
}

/// The first line when it is short and has no closing full stop (a
/// headline); otherwise the file name without extension.
fn title_of(text: &str, path: &str) -> String {
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
            Document::from_text("us-mexico-cartels.txt", "A long sentence that ends.").title,
            "us mexico cartels"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode(Path::new("bad.txt"), b"ok\nab\xffc".to_vec()).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::InvalidUtf8 {
                    line: 2,
                    column: 3,
                    byte: 5,
                    ..
                }
            ),
            "{err}"
        );
    }
}
