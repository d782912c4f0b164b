//! Exports of an analysis, one file per format. All speak Unicode code-point
//! offsets, as the W3C TextPositionSelector does. Every format renders with
//! the same signature: `to_string(doc, analysis, claims, actors)`, where
//! `claims` and `actors` are indices into the analysis (see [`selection`]).

pub mod csv;
pub mod json;
pub mod markdown;
#[cfg(test)]
mod sample;
pub mod selection;
pub mod w3c;

use std::io::Write;
use std::path::Path;

use crate::analysis::{Analysis, ClaimKind};
use crate::document::Document;

/// A claim kind as every export spells it.
pub fn kind_name(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
    }
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The `whosaid/1` JSON contract: actors, claims and figures with offsets.
    Json,
    /// JSON Lines: the `whosaid/1` object on one line per article (for corpora).
    Jsonl,
    /// Claims grouped by actor, as blockquotes, for notes.
    Markdown,
    /// One row per claim, for spreadsheets.
    Csv,
    /// A W3C Web Annotation collection (JSON-LD), one annotation per claim.
    W3c,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Json,
        Format::Jsonl,
        Format::Markdown,
        Format::Csv,
        Format::W3c,
    ];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::W3c => "jsonld",
        }
    }

    /// The format a file name asks for by its extension, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "markdown" => Some(Format::Markdown),
            _ => Format::ALL.into_iter().find(|f| f.extension() == ext),
        }
    }

    /// The export of `claims` and `actors` (indices into `analysis`) in this format.
    pub fn render(
        self,
        doc: &Document,
        analysis: &Analysis,
        claims: &[usize],
        actors: &[usize],
    ) -> String {
        let render = match self {
            Format::Json => json::to_string,
            Format::Jsonl => json::to_line,
            Format::Markdown => markdown::to_string,
            Format::Csv => csv::to_string,
            Format::W3c => w3c::to_string,
        };
        render(doc, analysis, claims, actors)
    }
}

/// Writes `contents` to `path` atomically: a temporary file beside it, then a
/// rename. Unless `overwrite`, an existing file is never replaced (the error
/// is `AlreadyExists`), even if it appears while writing.
pub fn write_file(path: &Path, contents: &[u8], overwrite: bool) -> std::io::Result<()> {
    write_file_with(path, overwrite, |file| file.write_all(contents))
}

/// As [`write_file`], with the contents streamed by `write` (a corpus's
/// JSON Lines): the file appears, whole, only once `write` succeeds.
pub fn write_file_with<T>(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<T>,
) -> std::io::Result<T> {
    if !overwrite && path.exists() {
        return Err(already_exists(path));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("export");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        let written = write(&mut file)?;
        file.sync_all()?;
        if overwrite {
            std::fs::rename(&tmp, path)?;
        } else {
            // A hard link fails if the target exists: no window to clobber it.
            std::fs::hard_link(&tmp, path).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => already_exists(path),
                _ => e,
            })?;
        }
        Ok(written)
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

fn already_exists(path: &Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!(
            "{} already exists; choose another name or pass --force to replace it",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_extension_picks_the_format() {
        assert_eq!(
            Format::from_path(Path::new("a/notes.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_path(Path::new("x.markdown")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("x.jsonld")), Some(Format::W3c));
        assert_eq!(Format::from_path(Path::new("x.csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("x.jsonl")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("x.txt")), None);
        assert_eq!(Format::from_path(Path::new("json")), None);
    }

    #[test]
    fn an_existing_file_is_kept_unless_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        write_file(&path, b"first", false).unwrap();
        let err = write_file(&path, b"second", false).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_file(&path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }
}
