//! Exports of an analysis, one file per format. All speak Unicode code-point
//! offsets, as the W3C TextPositionSelector does. Every format renders with
//! the same signature: `to_string(doc, analysis, claims, actors)`, where
//! `claims` and `actors` are indices into the analysis (see [`selection`]).

pub mod csv;
mod file;
pub mod json;
pub mod markdown;
#[cfg(test)]
mod sample;
pub mod selection;
pub mod w3c;

use std::path::Path;

use crate::analysis::{Analysis, ClaimKind};
use crate::document::Document;

pub use file::{remove_unfinished, write_file};

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
    /// Claims grouped by actor, as blockquotes, for notes.
    Markdown,
    /// One row per claim, for spreadsheets.
    Csv,
    /// A W3C Web Annotation collection (JSON-LD), one annotation per claim.
    W3c,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Json, Format::Markdown, Format::Csv, Format::W3c];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
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
            Format::Markdown => markdown::to_string,
            Format::Csv => csv::to_string,
            Format::W3c => w3c::to_string,
        };
        render(doc, analysis, claims, actors)
    }
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
        assert_eq!(Format::from_path(Path::new("x.txt")), None);
        assert_eq!(Format::from_path(Path::new("json")), None);
    }
}
