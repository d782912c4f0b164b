//! CSV for spreadsheets: one row per claim with its offsets (Unicode code
//! points, end exclusive), text, source, cue and hedges. A CSV is often
//! printed, so control characters in the words are shown safely
//! ([`for_terminal`]), and opened in a spreadsheet, so words that would
//! start a formula (`=`, `+`, `-`, `@`, a tab or CR) begin with an apostrophe, which
//! spreadsheets read as "this is text". The offsets still index the
//! document as read.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::export::Request;
use crate::export::json::claim_id;
use crate::safe_text::for_terminal;
use crate::span::CharIndex;

/// The columns, in order. The last three are the user's: `marked` (yes or
/// empty), `note`, and `by` (user, analysis, or empty without a user layer).
pub const HEADER: [&str; 12] = [
    "id",
    "kind",
    "start",
    "end",
    "text",
    "source_actor",
    "source_text",
    "cue",
    "hedges",
    "marked",
    "note",
    "by",
];

/// One row per claim asked for. `source_actor` is the actor's name, empty
/// when the source is not resolved; `hedges` are joined with "; ". The
/// actors asked for are not listed: every row names its own source. The
/// user's layer (empty for none) fills the last three columns.
pub fn render(request: &Request, out: &mut dyn Write) -> io::Result<()> {
    let (doc, analysis) = (request.doc, request.analysis);
    let text = doc.text.as_str();
    let index = CharIndex::new(text);
    let mut out = csv::Writer::from_writer(out);
    out.write_record(HEADER)?;
    for &i in request.claims {
        let c = &analysis.claims[i];
        let source_actor = c
            .source
            .and_then(|s| s.actor)
            .map_or("", |a| analysis.actors[a].name.as_str());
        let hedges: Vec<&str> = c.hedges.iter().map(|h| h.of(text)).collect();
        out.write_record([
            claim_id(i).as_str(),
            c.kind.name(),
            &index.chars_at(c.span.start).to_string(),
            &index.chars_at(c.span.end).to_string(),
            &cell(c.span.of(text)),
            &cell(source_actor),
            &cell(c.source.map_or("", |s| s.span.of(text))),
            &cell(c.cue.map_or("", |s| s.of(text))),
            &cell(&hedges.join("; ")),
            request
                .user
                .get(i)
                .map_or("", |u| if u.marked { "yes" } else { "" }),
            &cell(
                request
                    .user
                    .get(i)
                    .and_then(|u| u.note.as_deref())
                    .unwrap_or(""),
            ),
            request
                .user
                .get(i)
                .map_or("", |u| if u.by_user { "user" } else { "analysis" }),
        ])?;
    }
    out.flush()
}

/// Words as a cell: safe for the terminal, and never a formula.
fn cell(words: &str) -> Cow<'_, str> {
    let words = for_terminal(words);
    if words.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{words}"))
    } else {
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Analysis;
    use crate::document::Document;
    use crate::export::sample;

    #[test]
    fn one_row_per_claim_with_code_point_offsets() {
        let (doc, analysis) = sample::analysis();
        let out = sample::rendered(
            render,
            &Request::new(&doc, &analysis, &[0, 1, 2, 3], &[0, 1]),
        );
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        assert_eq!(reader.headers().unwrap(), HEADER.as_slice());
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4);
        let chars: Vec<char> = doc.text.chars().collect();
        for row in &rows {
            let (start, end): (usize, usize) = (row[2].parse().unwrap(), row[3].parse().unwrap());
            assert_eq!(chars[start..end].iter().collect::<String>(), &row[4]);
        }
        assert_eq!(
            rows[1].iter().collect::<Vec<_>>(),
            [
                "c2",
                "indirect",
                "95",
                "150",
                "31 percent of the budget would reportedly go to schools",
                "Élise Durand",
                "Durand",
                "said",
                "reportedly",
                "",
                "",
                ""
            ]
        );
        assert_eq!(&rows[3][5], "", "an unresolved source has no actor");
        assert_eq!(&rows[3][6], "Critics");
    }

    #[test]
    fn commas_quotes_and_newlines_survive() {
        let doc = Document::from_text("x.txt", "He said “a, \"b\"\nc” today.");
        let start = doc.text.find("a,").unwrap();
        let end = doc.text.find('”').unwrap();
        let analysis = Analysis {
            claims: vec![crate::analysis::Claim {
                kind: crate::analysis::ClaimKind::Direct,
                span: crate::span::Span::new(start, end),
                quotes: vec![],
                source: None,
                cue: None,
                sentence: crate::span::Span::new(0, doc.text.len()),
                hedges: vec![],
                rule: crate::analysis::Rule::BareQuote,
            }],
            ..Analysis::default()
        };
        let out = sample::rendered(render, &Request::new(&doc, &analysis, &[0], &[]));
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        assert_eq!(&row[4], "a, \"b\"\nc");
    }

    #[test]
    fn words_that_would_start_a_formula_stay_text() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("\t=1"), "'\t=1");
        assert_eq!(cell("a = b"), "a = b");
        // A control character first is shown as a picture, which starts no formula.
        assert_eq!(cell("\x1b=1"), "␛=1");
    }
}
