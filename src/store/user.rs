//! The user's own layer of a document: marks, notes and the reading state
//! (corrections are in `corrections.rs`). Read back as a [`UserLayer`], every
//! item re-anchored to the document's text.

use rusqlite::{Connection, OptionalExtension, Row, ToSql};
use serde_json::Value;

use super::anchor::{Anchor, Place, TextQuote};
use super::corrections::{self, Correction};
use super::documents::{family, sql_list, text};
use super::{DocId, Store, StoreError, now};
use crate::span::{CharIndex, Span};

/// A marked claim (or any marked stretch of text).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub id: i64,
    pub anchor: Anchor,
    pub place: Place,
}

/// A note on a claim (or any stretch of text).
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: i64,
    pub anchor: Anchor,
    pub place: Place,
    pub body: String,
}

/// Where the reader was: the cursor (or selected claim), its filters and
/// the focused pane, restored when the article opens again.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadingState {
    /// A byte span of the text. Read back re-anchored; if its words are gone,
    /// its old offsets, clamped to the text.
    pub position: Span,
    /// The reader's filters, in whatever JSON shape the reader gives them.
    pub filters: Value,
    /// The focused pane's name.
    pub pane: String,
}

/// Everything the user added to a document, placed in its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserLayer {
    pub marks: Vec<Mark>,
    pub notes: Vec<Note>,
    /// The corrections in force, oldest first (undone ones left out).
    pub corrections: Vec<Correction>,
    pub reading: Option<ReadingState>,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl UserLayer {
    /// Whether the claim (or stretch) at `span` is marked.
    pub fn is_marked(&self, span: Span) -> bool {
        self.marks.iter().any(|m| m.place.span() == Some(span))
    }

    /// The note on the claim (or stretch) at `span`.
    pub fn note_at(&self, span: Span) -> Option<&str> {
        self.notes
            .iter()
            .find(|n| n.place.span() == Some(span))
            .map(|n| n.body.as_str())
    }

    /// How many items no longer anchor to the text (listed, never dropped).
    pub fn orphans(&self) -> usize {
        let orphaned = |p: &Place| *p == Place::Orphaned;
        self.marks.iter().filter(|m| orphaned(&m.place)).count()
            + self.notes.iter().filter(|n| orphaned(&n.place)).count()
            + self
                .corrections
                .iter()
                .filter(|c| c.place.as_ref().is_some_and(orphaned))
                .count()
    }
}

/// Reads the five anchor columns starting at `first`.
pub(super) fn anchor_at(row: &Row<'_>, first: usize) -> rusqlite::Result<Anchor> {
    Ok(Anchor {
        start: row.get::<_, i64>(first)? as usize,
        end: row.get::<_, i64>(first + 1)? as usize,
        quote: TextQuote {
            exact: row.get(first + 2)?,
            prefix: row.get(first + 3)?,
            suffix: row.get(first + 4)?,
        },
    })
}

/// The rows of `table` on the documents `ids` (an SQL list), oldest first,
/// each with its anchor placed in `text`; `make` reads the `extra` columns
/// (from column 6 on).
fn placed<T>(
    conn: &Connection,
    table: &str,
    extra: &str,
    ids: &str,
    text: &str,
    make: impl Fn(i64, Anchor, Place, &Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, start, end, exact, prefix, suffix{extra} FROM {table}
         WHERE document IN ({ids}) ORDER BY id"
    ))?;
    stmt.query_map([], |r| {
        let anchor = anchor_at(r, 1)?;
        let place = anchor.locate(text);
        make(r.get(0)?, anchor, place, r)
    })?
    .collect()
}

/// The rows of `table` (marks or notes) on the document's family whose
/// anchor lands exactly on `span` of `text`.
fn ids_at(
    conn: &Connection,
    table: &str,
    id: DocId,
    text: &str,
    span: Span,
) -> rusqlite::Result<Vec<i64>> {
    let ids = sql_list(&family(conn, id)?);
    let rows = placed(conn, table, "", &ids, text, |row, _, place, _| {
        Ok((row, place))
    })?;
    Ok(rows
        .into_iter()
        .filter(|(_, place)| place.span() == Some(span))
        .map(|(row, _)| row)
        .collect())
}

/// Inserts (with `verb`: "INSERT", "INSERT OR REPLACE") a row of `table`
/// anchored at `span` of the document's `text` — its offsets in code
/// points and its TextQuoteSelector — with the `more` columns after them.
fn insert_anchored(
    conn: &Connection,
    verb: &str,
    table: &str,
    id: DocId,
    text: &str,
    span: Span,
    more: &[(&str, &dyn ToSql)],
) -> rusqlite::Result<()> {
    let a = Anchor::new(text, span);
    let (start, end) = (a.start as i64, a.end as i64);
    let anchored: [(&str, &dyn ToSql); 6] = [
        ("document", &id.0),
        ("start", &start),
        ("end", &end),
        ("exact", &a.quote.exact),
        ("prefix", &a.quote.prefix),
        ("suffix", &a.quote.suffix),
    ];
    let columns: Vec<(&str, &dyn ToSql)> =
        anchored.into_iter().chain(more.iter().copied()).collect();
    let names: Vec<&str> = columns.iter().map(|(name, _)| *name).collect();
    let slots: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let values: Vec<&dyn ToSql> = columns.iter().map(|(_, value)| *value).collect();
    let sql = format!(
        "{verb} INTO {table} ({}) VALUES ({})",
        names.join(", "),
        slots.join(", ")
    );
    conn.execute(&sql, values.as_slice()).map(drop)
}

impl Store {
    /// Marks (`on`) or unmarks the claim at `span`. Returns whether anything
    /// changed.
    pub fn set_mark(&self, id: DocId, span: Span, on: bool) -> Result<bool, StoreError> {
        self.write(|tx| {
            let text = text(tx, id)?;
            let existing = ids_at(tx, "marks", id, &text, span)?;
            if on && existing.is_empty() {
                insert_anchored(tx, "INSERT", "marks", id, &text, span, &[("made", &now())])?;
                return Ok(true);
            }
            if !on {
                for row in &existing {
                    tx.execute("DELETE FROM marks WHERE id = ?1", [row])?;
                }
                return Ok(!existing.is_empty());
            }
            Ok(false)
        })
    }

    /// Sets the note on the claim at `span`; an empty (or blank) body deletes
    /// it. The note is re-anchored to this document's text.
    pub fn set_note(&self, id: DocId, span: Span, body: &str) -> Result<(), StoreError> {
        self.write(|tx| {
            let text = text(tx, id)?;
            let existing = ids_at(tx, "notes", id, &text, span)?;
            let made: Option<i64> = match existing.first() {
                Some(first) => tx
                    .query_row("SELECT made FROM notes WHERE id = ?1", [first], |r| {
                        r.get(0)
                    })
                    .optional()?,
                None => None,
            };
            for row in &existing {
                tx.execute("DELETE FROM notes WHERE id = ?1", [row])?;
            }
            if body.trim().is_empty() {
                return Ok(());
            }
            let more: [(&str, &dyn ToSql); 3] = [
                ("body", &body),
                ("made", &made.unwrap_or_else(now)),
                ("changed", &now()),
            ];
            insert_anchored(tx, "INSERT", "notes", id, &text, span, &more)
        })
    }

    /// Keeps where the reader is in this document.
    pub fn save_reading_state(&self, id: DocId, state: &ReadingState) -> Result<(), StoreError> {
        self.write(|tx| {
            let text = text(tx, id)?;
            let more: [(&str, &dyn ToSql); 3] = [
                ("filters", &state.filters.to_string()),
                ("pane", &state.pane),
                ("saved", &now()),
            ];
            let verb = "INSERT OR REPLACE";
            insert_anchored(tx, verb, "reading_state", id, &text, state.position, &more)
        })
    }

    /// The user's layer of this document (and of earlier versions of the
    /// same article), every item placed in this document's text.
    pub fn user_layer(&self, id: DocId) -> Result<UserLayer, StoreError> {
        self.user_layer_in(id).map_err(|e| self.error(e))
    }

    fn user_layer_in(&self, id: DocId) -> rusqlite::Result<UserLayer> {
        let conn = &self.conn;
        let text = text(conn, id)?;
        let ids = sql_list(&family(conn, id)?);
        let marks = placed(conn, "marks", "", &ids, &text, |id, anchor, place, _| {
            Ok(Mark { id, anchor, place })
        })?;
        let notes = placed(
            conn,
            "notes",
            ", body",
            &ids,
            &text,
            |id, anchor, place, r| {
                Ok(Note {
                    id,
                    anchor,
                    place,
                    body: r.get(6)?,
                })
            },
        )?;
        let reading = conn
            .query_row(
                &format!(
                    "SELECT start, end, exact, prefix, suffix, filters, pane FROM reading_state
                     WHERE document IN ({ids}) ORDER BY saved DESC, document DESC LIMIT 1"
                ),
                [],
                |r| {
                    let anchor = anchor_at(r, 0)?;
                    let filters: String = r.get(5)?;
                    Ok(ReadingState {
                        position: anchor
                            .locate(&text)
                            .span()
                            .unwrap_or_else(|| clamped(&text, &anchor)),
                        filters: serde_json::from_str(&filters).unwrap_or(Value::Null),
                        pane: r.get(6)?,
                    })
                },
            )
            .optional()?;
        let log = corrections::log(conn, &ids, &text)?;
        Ok(UserLayer {
            marks,
            notes,
            corrections: log.applied,
            reading,
            can_undo: log.can_undo,
            can_redo: log.can_redo,
        })
    }
}

/// The anchor's old code-point offsets as a byte span of `text`, clamped to
/// its end: where a cursor goes when its words are gone.
fn clamped(text: &str, anchor: &Anchor) -> Span {
    let index = CharIndex::new(text);
    let at = |chars: usize| index.byte_at(text, chars).unwrap_or(text.len());
    let start = at(anchor.start);
    Span::new(start, at(anchor.end).max(start))
}
