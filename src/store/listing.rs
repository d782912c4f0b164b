//! What `whosaid add` and `whosaid library` print: aligned text for people,
//! JSON for programs. Text from articles is printed through
//! `safe_text::for_terminal`, so a title cannot drive the terminal.

use serde::Serialize;
use serde_json::json;
use unicode_width::UnicodeWidthStr;

use super::{ActorClaim, Added, Entry};
use crate::safe_text::for_terminal;

/// The widest a title or source gets in the list before it is cut.
const TITLE_WIDTH: usize = 40;
const SOURCE_WIDTH: usize = 30;

/// One line per article added.
pub fn added_text(added: &[Added]) -> String {
    added
        .iter()
        .map(|a| {
            let verb = if a.known { "kept again" } else { "added" };
            format!(
                "{verb}: {} ({}): {}, {}\n",
                printable(&a.title),
                printable(&a.source),
                counted(a.claims, "claim"),
                counted(a.actors, "actor")
            )
        })
        .collect()
}

/// The library as a table, most recently opened first.
pub fn entries_text(library: &str, entries: &[Entry]) -> String {
    if entries.is_empty() {
        return format!(
            "The library {} is empty: open an article, or `whosaid add ARTICLE…`.\n",
            printable(library)
        );
    }
    let count = |n: Option<usize>| n.map_or("-".to_string(), |n| n.to_string());
    let mut rows = vec![[
        "TITLE".to_string(),
        "SOURCE".into(),
        "CLAIMS".into(),
        "ACTORS".into(),
        "MARKS".into(),
        "NOTES".into(),
        "OPENED".into(),
    ]];
    rows.extend(entries.iter().map(|e| {
        [
            cut(&printable(&e.title), TITLE_WIDTH),
            cut(&printable(&e.source), SOURCE_WIDTH),
            count(e.claims),
            count(e.actors),
            e.marks.to_string(),
            e.notes.to_string(),
            e.last_opened.map_or("never".into(), day),
        ]
    }));
    let widths: Vec<usize> = (0..7)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let mut out = format!(
        "{} in {}\n",
        counted(entries.len(), "article"),
        printable(library)
    );
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, &w)| format!("{cell}{}", " ".repeat(w - cell.width())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

/// The library as JSON.
pub fn entries_json(library: &str, entries: &[Entry]) -> String {
    #[derive(Serialize)]
    struct Row<'a> {
        #[serde(flatten)]
        entry: &'a Entry,
        added_at: String,
        first_opened_at: Option<String>,
        last_opened_at: Option<String>,
    }
    let rows: Vec<Row> = entries
        .iter()
        .map(|entry| Row {
            entry,
            added_at: timestamp(entry.added),
            first_opened_at: entry.first_opened.map(timestamp),
            last_opened_at: entry.last_opened.map(timestamp),
        })
        .collect();
    let out = json!({ "library": library, "articles": rows });
    serde_json::to_string_pretty(&out).expect("the list serialises") + "\n"
}

/// What an actor said, grouped by article.
pub fn actor_text(name: &str, claims: &[ActorClaim]) -> String {
    let name = printable(name);
    if claims.is_empty() {
        return format!("No article in the library has a claim by \"{name}\".\n");
    }
    let mut out = String::new();
    let articles = claims
        .iter()
        .map(|c| c.document)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    out.push_str(&format!(
        "{name}: {} in {}\n",
        counted(claims.len(), "claim"),
        counted(articles, "article")
    ));
    let mut last = None;
    for c in claims {
        if last != Some(c.document) {
            out.push_str(&format!(
                "\n{} ({})\n",
                printable(&c.title),
                printable(&c.source)
            ));
            last = Some(c.document);
        }
        let kind = serde_json::to_value(c.kind).expect("a kind serialises");
        out.push_str(&format!(
            "  {:<8}  {:<10}  {}\n",
            kind.as_str().unwrap_or(""),
            printable(c.cue.as_deref().unwrap_or("-")),
            printable(&c.claim)
        ));
    }
    out
}

/// What an actor said, as JSON.
pub fn actor_json(name: &str, claims: &[ActorClaim]) -> String {
    let out = json!({ "actor": name, "claims": claims });
    serde_json::to_string_pretty(&out).expect("the claims serialise") + "\n"
}

/// "1 claim", "2 claims".
fn counted(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The text on one terminal line: line breaks and tabs as spaces, other
/// control characters shown as [`for_terminal`] shows them.
fn printable(text: &str) -> String {
    for_terminal(&text.replace(['\n', '\r', '\t'], " ")).into_owned()
}

/// At most `width` columns, with an ellipsis when cut.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) >= width {
            break;
        }
        out.push(c);
    }
    out + "…"
}

/// Unix seconds as a UTC date, "2026-11-27".
pub fn date(seconds: i64) -> String {
    civil(seconds).0
}

/// Unix seconds as a UTC date and time, "2026-11-27 10:30".
fn day(seconds: i64) -> String {
    let (date, time) = civil(seconds);
    format!("{date} {}", &time[..5])
}

/// Unix seconds as ISO 8601 UTC, "2026-11-27T10:30:22Z".
fn timestamp(seconds: i64) -> String {
    let (date, time) = civil(seconds);
    format!("{date}T{time}Z")
}

/// Unix seconds as ("YYYY-MM-DD", "HH:MM:SS") in UTC (Howard Hinnant's
/// days-to-civil algorithm).
fn civil(seconds: i64) -> (String, String) {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        format!("{year:04}-{month:02}-{day:02}"),
        format!(
            "{:02}:{:02}:{:02}",
            secs / 3600,
            secs % 3600 / 60,
            secs % 60
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_utc_dates() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(timestamp(1_795_775_422), "2026-11-27T10:30:22Z");
        assert_eq!(day(951_782_400), "2000-02-29 00:00");
    }

    #[test]
    fn a_title_cannot_drive_the_terminal() {
        assert_eq!(printable("Bad\u{1b}[2Jtitle\r\nnext"), "Bad␛[2Jtitle  next");
    }

    #[test]
    fn long_cells_are_cut_to_their_width() {
        let cut = cut(&"wide".repeat(20), 10);
        assert_eq!(cut.width(), 10);
        assert!(cut.ends_with('…'));
    }
}
