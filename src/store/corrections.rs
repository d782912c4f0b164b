//! The user's corrections of the analysis, as a log that undo and redo walk.
//!
//! Rows are never deleted: undo turns the latest applied correction
//! `undone`, redo re-applies the latest undone one, and a new correction
//! after an undo turns the undone ones `abandoned` (as an editor's redo
//! stack is cleared), kept in the file all the same.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::anchor::{Anchor, Place};
use super::documents::{family, sql_list, text};
use super::user::anchor_at;
use super::{DocId, Store, StoreError, now};
use crate::analysis::ClaimKind;
use crate::span::Span;

/// Who a claim's source becomes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "source")]
pub enum SourceChoice {
    /// An actor of the article by name, or a new one the user typed.
    Actor { name: String },
    /// Nobody: the claim is unattributed.
    Nobody,
}

/// One correction of the analysis. Claim changes are anchored to the claim's
/// span; actor changes name the actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "change")]
pub enum Change {
    /// The claim's source is someone else (or nobody).
    Source { to: SourceChoice },
    /// The claim is not one.
    Dismiss,
    /// The claim is of another kind.
    Kind { to: ClaimKind },
    /// The selected stretch is a claim the analysis missed.
    NewClaim {
        kind: ClaimKind,
        source: SourceChoice,
    },
    /// `actor` is the same as `into`.
    MergeActor { actor: String, into: String },
    /// `actor` is called `to`.
    RenameActor { actor: String, to: String },
}

impl Change {
    /// Whether it applies to a claim (or stretch of text), and so needs a span.
    pub fn is_about_text(&self) -> bool {
        !matches!(self, Change::MergeActor { .. } | Change::RenameActor { .. })
    }
}

/// A correction in force, placed in the document's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    pub id: i64,
    pub change: Change,
    /// For a change about text: where it was made and where it lands now.
    pub anchor: Option<Anchor>,
    pub place: Option<Place>,
}

/// The corrections of a family of documents, as `user_layer` reads them.
pub(super) struct Log {
    pub applied: Vec<Correction>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// Reads the log of the documents `ids` (an SQL list), placed in `text`.
pub(super) fn log(conn: &Connection, ids: &str, text: &str) -> rusqlite::Result<Log> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, change, start, end, exact, prefix, suffix FROM corrections
         WHERE document IN ({ids}) AND state = 'applied' ORDER BY id"
    ))?;
    let applied = stmt
        .query_map([], |r| {
            let change: String = r.get(1)?;
            let anchor = match r.get::<_, Option<i64>>(2)? {
                Some(_) => Some(anchor_at(r, 2)?),
                None => None,
            };
            Ok(Correction {
                id: r.get(0)?,
                change: serde_json::from_str(&change).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(
                        1,
                        rusqlite::types::Type::Text,
                        e.into(),
                    )
                })?,
                place: anchor.as_ref().map(|a| a.locate(text)),
                anchor,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let can_redo = conn
        .query_row(
            &format!(
                "SELECT 1 FROM corrections WHERE document IN ({ids}) AND state = 'undone' LIMIT 1"
            ),
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    Ok(Log {
        can_undo: !applied.is_empty(),
        applied,
        can_redo,
    })
}

/// The next step number in the family's log.
fn next_step(conn: &Connection, ids: &str) -> rusqlite::Result<i64> {
    conn.query_row(
        &format!("SELECT coalesce(max(step), 0) + 1 FROM corrections WHERE document IN ({ids})"),
        [],
        |r| r.get(0),
    )
}

impl Store {
    /// Records a correction; `span` is the claim's (or the selection's) for a
    /// change about text, `None` for a change to an actor. Returns its id.
    /// Corrections undone before it can no longer be redone.
    pub fn add_correction(
        &self,
        id: DocId,
        span: Option<Span>,
        change: Change,
    ) -> Result<i64, StoreError> {
        if change.is_about_text() != span.is_some() {
            return Err(StoreError::InvalidCorrection(if span.is_some() {
                "a change to an actor takes no span"
            } else {
                "a change to a claim needs the claim's span"
            }));
        }
        let json = serde_json::to_string(&change).expect("a change serialises");
        self.write(|tx| {
            let ids = sql_list(&family(tx, id)?);
            tx.execute(
                &format!(
                    "UPDATE corrections SET state = 'abandoned'
                     WHERE document IN ({ids}) AND state = 'undone'"
                ),
                [],
            )?;
            let anchor = match span {
                Some(span) => Some(Anchor::new(&text(tx, id)?, span)),
                None => None,
            };
            let a = anchor.as_ref();
            tx.execute(
                "INSERT INTO corrections
                    (document, start, end, exact, prefix, suffix, change, state, step, made)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'applied', ?8, ?9)",
                params![
                    id.0,
                    a.map(|a| a.start as i64),
                    a.map(|a| a.end as i64),
                    a.map(|a| &a.quote.exact),
                    a.map(|a| &a.quote.prefix),
                    a.map(|a| &a.quote.suffix),
                    json,
                    next_step(tx, &ids)?,
                    now()
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Undoes the latest correction in force; returns its id, or `None` when
    /// there is nothing to undo.
    pub fn undo(&self, id: DocId) -> Result<Option<i64>, StoreError> {
        self.step(id, "applied", "undone", "id")
    }

    /// Re-applies the latest undone correction; returns its id, or `None`
    /// when there is nothing to redo.
    pub fn redo(&self, id: DocId) -> Result<Option<i64>, StoreError> {
        self.step(id, "undone", "applied", "step")
    }

    /// Moves the latest (by `order`) correction in state `from` to `to`.
    fn step(
        &self,
        id: DocId,
        from: &str,
        to: &str,
        order: &str,
    ) -> Result<Option<i64>, StoreError> {
        self.write(|tx| {
            let ids = sql_list(&family(tx, id)?);
            let latest: Option<i64> = tx
                .query_row(
                    &format!(
                        "SELECT id FROM corrections WHERE document IN ({ids}) AND state = ?1
                         ORDER BY {order} DESC LIMIT 1"
                    ),
                    [from],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(row) = latest {
                tx.execute(
                    "UPDATE corrections SET state = ?1, step = ?2 WHERE id = ?3",
                    params![to, next_step(tx, &ids)?, row],
                )?;
            }
            Ok(latest)
        })
    }
}
