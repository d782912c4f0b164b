//! The library's schema and its forward migrations, versioned with
//! `PRAGMA user_version`, and the checks made before anything is written: a
//! file that is not an SQLite database, or one from a newer whosaid, is
//! refused and left as it is.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::StoreError;

/// Each migration takes the schema from version `i` to `i + 1`. Append only:
/// a released migration is never edited.
///
/// Tables a re-analysis rewrites (`analyses`, `analysis_names`) hold nothing
/// but what `analyze()` can make again. The user's own data (`marks`,
/// `notes`, `corrections`, `reading_state`) is in tables no analysis touches.
const MIGRATIONS: &[&str] = &[r"
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,          -- SHA-256 of the text, hex
    origin TEXT,                        -- absolute path or URL: ties versions of one article
    source TEXT NOT NULL,               -- the path as given, the URL, or -
    format TEXT NOT NULL,               -- text, markdown, html
    title TEXT NOT NULL,
    byline TEXT,
    site TEXT,
    published TEXT,
    text TEXT NOT NULL,
    added INTEGER NOT NULL,             -- Unix seconds
    first_opened INTEGER,
    last_opened INTEGER
);
CREATE INDEX documents_origin ON documents(origin);

-- A cache: rows are replaced when the analysis version or options change.
CREATE TABLE analyses (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    options TEXT NOT NULL,              -- fingerprint of the config's analysis options
    claims INTEGER NOT NULL,
    actors INTEGER NOT NULL,
    data TEXT NOT NULL,                 -- the Analysis, serde JSON, byte offsets
    made INTEGER NOT NULL,
    UNIQUE (hash, version, options)
);
CREATE TABLE analysis_names (
    analysis INTEGER NOT NULL REFERENCES analyses(id) ON DELETE CASCADE,
    actor INTEGER NOT NULL,             -- index into the analysis's actors
    name TEXT NOT NULL                  -- a name or alias, folded
);
CREATE INDEX analysis_names_name ON analysis_names(name);
CREATE INDEX analysis_names_analysis ON analysis_names(analysis);

-- The user's own layer. Each row is anchored by code-point offsets and a
-- TextQuoteSelector (exact, prefix, suffix) to the text of its document.
CREATE TABLE marks (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    made INTEGER NOT NULL
);
CREATE INDEX marks_document ON marks(document);
CREATE TABLE notes (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    body TEXT NOT NULL,
    made INTEGER NOT NULL,
    changed INTEGER NOT NULL
);
CREATE INDEX notes_document ON notes(document);
-- A log: rows are never deleted. Undo and redo move a row between
-- 'applied' and 'undone'; a new correction after an undo turns the undone
-- ones 'abandoned' (a redo can no longer reach them, but they are kept).
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    document INTEGER NOT NULL REFERENCES documents(id),
    start INTEGER, end INTEGER,         -- NULL for a change to an actor
    exact TEXT, prefix TEXT, suffix TEXT,
    change TEXT NOT NULL,               -- the Change, serde JSON
    state TEXT NOT NULL CHECK (state IN ('applied', 'undone', 'abandoned')),
    step INTEGER NOT NULL,              -- when it last changed state, for redo's order
    made INTEGER NOT NULL
);
CREATE INDEX corrections_document ON corrections(document);
CREATE TABLE reading_state (
    document INTEGER PRIMARY KEY REFERENCES documents(id),
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    filters TEXT NOT NULL,              -- the reader's own JSON
    pane TEXT NOT NULL,
    saved INTEGER NOT NULL
);
"];

/// The schema version this whosaid writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// What every SQLite database file starts with.
const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Refuses a file that exists, is not empty, and is not an SQLite database,
/// before SQLite opens it (so nothing, not even a journal, is written).
pub fn check_header(path: &Path) -> Result<(), StoreError> {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(()); // missing (created later) or unreadable (SQLite says why)
    };
    let mut head = Vec::with_capacity(16);
    let read = file.by_ref().take(16).read_to_end(&mut head);
    match read {
        Ok(0) => Ok(()),
        Ok(_) if head == MAGIC => Ok(()),
        _ => Err(StoreError::Corrupt {
            path: path.to_owned(),
        }),
    }
}

/// Sets the connection up and brings the schema to [`VERSION`], refusing a
/// newer one before writing anything.
pub fn prepare(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let err = |e| StoreError::from_sqlite(path, e);
    conn.busy_timeout(super::BUSY_TIMEOUT).map_err(err)?;
    let found = user_version(conn).map_err(err)?;
    if found > VERSION {
        return Err(StoreError::Newer {
            path: path.to_owned(),
            found,
            known: VERSION,
        });
    }
    conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))
        .map_err(err)?;
    conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
        .map_err(err)?;
    if found < VERSION {
        migrate(conn, path)?;
    }
    Ok(())
}

fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Runs the missing migrations in one transaction, re-reading the version
/// once the write lock is held: another whosaid may have migrated meanwhile.
fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let err = |e| StoreError::from_sqlite(path, e);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    let found = user_version(&tx).map_err(err)?;
    if found > VERSION {
        return Err(StoreError::Newer {
            path: path.to_owned(),
            found,
            known: VERSION,
        });
    }
    for (from, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(sql).map_err(err)?;
        tx.pragma_update(None, "user_version", from as i64 + 1)
            .map_err(err)?;
    }
    tx.commit().map_err(err)
}
