//! Exports of an analysis, one file per format. All speak Unicode code-point
//! offsets, as the W3C TextPositionSelector does. Every format renders a
//! [`Request`] (the claims and actors to export, and the user's layer) into
//! a writer, with the same signature, [`Render`], so that a large export
//! streams to its file instead of being held whole; [`FORMATS`] lists them.

pub mod csv;
mod file;
pub mod json;
pub mod json_out;
pub mod markdown;
#[cfg(test)]
pub(crate) mod sample;
pub mod w3c;

use std::io::{self, Write};
use std::path::Path;

use crate::analysis::Analysis;
use crate::corrected::Annotation;
use crate::document::Document;

pub use file::{remove_unfinished, write_file, write_file_with};

/// One export asked for: which claims and actors of a document's analysis,
/// with what the user added to each claim. Every format renders one.
#[derive(Clone, Copy)]
pub struct Request<'a> {
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
    /// Indices into the analysis's claims, in the order to export them.
    pub claims: &'a [usize],
    /// Indices into its actors: the actors to export (the JSON export
    /// lists them; the others name each claim's own source).
    pub actors: &'a [usize],
    /// What the user added, one annotation per claim of the analysis;
    /// empty: no user layer (and none of its fields).
    pub user: &'a [Annotation],
}

impl<'a> Request<'a> {
    /// The export of `claims` and `actors` (indices into `analysis`), without a user layer.
    pub fn new(
        doc: &'a Document,
        analysis: &'a Analysis,
        claims: &'a [usize],
        actors: &'a [usize],
    ) -> Self {
        Request {
            doc,
            analysis,
            claims,
            actors,
            user: &[],
        }
    }

    /// The same, carrying the user's marks, notes and corrections: give it
    /// the corrected analysis and its annotations (see [`Corrected`](crate::corrected::Corrected)).
    pub fn with_user(self, user: &'a [Annotation]) -> Self {
        Request { user, ..self }
    }
}

/// How every format renders: the export asked for, written to `out`.
pub type Render = fn(&Request, &mut dyn Write) -> io::Result<()>;

/// One export format. [`FORMATS`] lists them all; the CLI's `--format`, its
/// help, `-o`'s extension detection and the reader's export dialog all read
/// that list, so a format added there reaches every one of them.
#[derive(Debug, Clone, Copy)]
pub struct FormatSpec {
    /// As `--format` takes it.
    pub name: &'static str,
    /// The usual file extension, without the dot.
    pub extension: &'static str,
    /// Other extensions that ask for this format.
    pub other_extensions: &'static [&'static str],
    /// One line for the help and the dialog.
    pub description: &'static str,
    pub render: Render,
}

/// Every export format, the default (JSON) first.
pub const FORMATS: &[FormatSpec] = &[
    FormatSpec {
        name: "json",
        extension: "json",
        other_extensions: &[],
        description: "the whosaid/1 contract: actors, claims, figures; offsets in code points",
        render: json::render,
    },
    FormatSpec {
        name: "markdown",
        extension: "md",
        other_extensions: &["markdown"],
        description: "claims grouped by actor as blockquotes, for notes",
        render: markdown::render,
    },
    FormatSpec {
        name: "csv",
        extension: "csv",
        other_extensions: &[],
        description: "one row per claim: id, kind, start, end, text, source, cue, hedges",
        render: csv::render,
    },
    FormatSpec {
        name: "w3c",
        extension: "jsonld",
        other_extensions: &[],
        description: "a W3C Web Annotation collection (JSON-LD), one annotation per claim",
        render: w3c::render,
    },
    FormatSpec {
        name: "jsonl",
        extension: "jsonl",
        other_extensions: &[],
        description: "the whosaid/1 contract, one line per article (JSON Lines): for corpora",
        render: json::to_line,
    },
];

/// Formats are one by their name (a test keeps names unique).
impl PartialEq for FormatSpec {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for FormatSpec {}

impl FormatSpec {
    /// The format called `name` (as `--format` takes it).
    pub fn named(name: &str) -> Option<&'static FormatSpec> {
        FORMATS.iter().find(|f| f.name == name)
    }

    /// The format a file name asks for by its extension (any case), if any.
    pub fn for_path(path: &Path) -> Option<&'static FormatSpec> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        FORMATS
            .iter()
            .find(|f| f.extension == ext || f.other_extensions.contains(&ext.as_str()))
    }

    /// Writes the export asked for in this format to `out` (buffer it:
    /// formats write in small pieces).
    pub fn write(&self, request: &Request, out: &mut dyn Write) -> io::Result<()> {
        (self.render)(request, out)
    }

    /// The export asked for in this format, as text.
    pub fn render(&self, request: &Request) -> String {
        let mut out = Vec::new();
        self.write(request, &mut out).expect("writing to memory");
        String::from_utf8(out).expect("every format writes UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn format_of(path: &str) -> Option<&'static str> {
        FormatSpec::for_path(Path::new(path)).map(|f| f.name)
    }

    #[test]
    fn a_file_extension_picks_the_format() {
        assert_eq!(format_of("a/notes.MD"), Some("markdown"));
        assert_eq!(format_of("x.markdown"), Some("markdown"));
        assert_eq!(format_of("x.jsonld"), Some("w3c"));
        assert_eq!(format_of("x.csv"), Some("csv"));
        assert_eq!(format_of("x.json"), Some("json"));
        assert_eq!(format_of("x.jsonl"), Some("jsonl"));
        assert_eq!(format_of("x.txt"), None);
        assert_eq!(format_of("json"), None);
    }

    #[test]
    fn every_format_has_its_own_name_and_extensions_and_renders_the_claims() {
        let (doc, analysis) = sample::analysis();
        let (mut names, mut extensions) = (HashSet::new(), HashSet::new());
        for f in FORMATS {
            assert_eq!(FormatSpec::named(f.name), Some(f));
            assert!(names.insert(f.name), "{} twice", f.name);
            for ext in std::iter::once(&f.extension).chain(f.other_extensions) {
                assert!(extensions.insert(ext), "extension {ext} twice");
            }
            let out = f.render(&Request::new(&doc, &analysis, &[0], &[0]));
            let first_claim = analysis.claims[0].span.of(&doc.text);
            let first_words = first_claim.split_whitespace().next().unwrap();
            assert!(out.contains(first_words), "{}: {out}", f.name);
        }
    }
    #[test]
    fn every_format_carries_the_users_marks_notes_and_corrections() {
        use crate::corrected::Annotation;
        let (doc, analysis) = sample::analysis();
        let mut user = vec![Annotation::default(); analysis.claims.len()];
        user[1] = Annotation {
            marked: true,
            note: Some("check this\nwith the editor".to_string()),
            by_user: true,
            dismissed: false,
        };
        let render = |name: &str| {
            let request = Request::new(&doc, &analysis, &[0, 1], &[]).with_user(&user);
            FormatSpec::named(name).unwrap().render(&request)
        };
        let json: serde_json::Value = serde_json::from_str(&render("json")).unwrap();
        let claims = json["claims"].as_array().unwrap();
        assert_eq!(claims[0]["marked"], false);
        assert_eq!(claims[0]["by"], "analysis");
        assert!(claims[0].get("note").is_none());
        assert_eq!(claims[1]["marked"], true);
        assert_eq!(claims[1]["note"], "check this\nwith the editor");
        assert_eq!(claims[1]["by"], "user");

        let markdown = render("markdown");
        let quote = analysis.claims[1].span.of(&doc.text);
        let first = quote.split_whitespace().next().unwrap();
        let (at_quote, at_note) = (
            markdown.find(first).unwrap(),
            markdown.find("**Note:** check this").unwrap(),
        );
        assert!(
            at_quote < at_note,
            "the note is under its quote:\n{markdown}"
        );
        assert!(markdown.contains("marked · corrected by you"), "{markdown}");

        let csv = render("csv");
        let mut rows = ::csv::Reader::from_reader(csv.as_bytes());
        let row = rows.records().nth(1).unwrap().unwrap();
        assert_eq!(&row[9], "yes");
        assert_eq!(&row[10], "check this\nwith the editor");
        assert_eq!(&row[11], "user");

        let w3c: serde_json::Value = serde_json::from_str(&render("w3c")).unwrap();
        let noted = &w3c["first"]["items"][1];
        assert_eq!(noted["motivation"], "commenting");
        assert_eq!(noted["body"][0]["purpose"], "commenting");
        assert_eq!(noted["body"][0]["value"], "check this\nwith the editor");
        assert_eq!(w3c["first"]["items"][0]["motivation"], "highlighting");

        // Without a user layer, nothing of it.
        let plain =
            FormatSpec::named("json")
                .unwrap()
                .render(&Request::new(&doc, &analysis, &[0], &[]));
        assert!(!plain.contains("\"marked\""), "{plain}");
    }
}
