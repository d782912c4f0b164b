//! The library: every article read, its cached analysis, and the user's own
//! layer (marks, notes, corrections, reading position), in one SQLite file.
//!
//! The file is `$XDG_DATA_HOME/whosaid/library.sqlite` (else
//! `~/.local/share/whosaid/library.sqlite`; see [`default_path`]). Its schema
//! is versioned with `PRAGMA user_version` and migrated forward; it runs in
//! WAL mode with a busy timeout, so two whosaid processes can share it; every
//! write is one transaction. A file that is not a library, or comes from a
//! newer whosaid, is refused with a one-line [`StoreError`] and never written.
//!
//! # Using it
//! ```no_run
//! use whosaid::analysis::Options;
//! use whosaid::document::Document;
//! use whosaid::span::Span;
//! use whosaid::store::{Change, SourceChoice, Store, Visit};
//!
//! # fn main() -> Result<(), whosaid::store::StoreError> {
//! let store = Store::open(std::path::Path::new("library.sqlite"))?;
//! let doc = Document::from_text("a.txt", "Jane Roe said it would rain.");
//! let id = store.put_document(&doc, Visit::Opened)?;          // keyed by content hash
//! let analysis = store.analysis_for(id, &Options::default())?; // cached by (hash, version)
//! let claim = analysis.claims.first().map_or(Span::new(14, 27), |c| c.span);
//! store.set_mark(id, claim, true)?;
//! store.set_note(id, claim, "check this")?;                   // "" deletes the note
//! store.add_correction(id, Some(claim), Change::Source { to: SourceChoice::Nobody })?;
//! store.undo(id)?;                                            // and store.redo(id)
//! let layer = store.user_layer(id)?;                          // everything, re-anchored
//! assert!(layer.is_marked(claim));
//! # Ok(()) }
//! ```
//!
//! Spans in and out of this API are byte spans of the document's text (the
//! program's one [`Span`](crate::span::Span)); the file keeps code-point
//! offsets and a W3C TextQuoteSelector ([`anchor`]), so the user's layer
//! re-attaches to a re-analysed or re-fetched text, and what no longer
//! attaches is [`Place::Orphaned`], never dropped.
//!
//! The user's layer follows an article across versions of its text: the
//! documents of one origin (a file's absolute path, a URL) share their marks,
//! notes, corrections and reading state.

mod across;
mod add;
pub mod anchor;
mod cache;
mod corrections;
mod documents;
pub mod listing;
mod schema;
mod user;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};
use thiserror::Error;

pub use across::{ActorClaim, Elsewhere, KeptArticle, names_of};
pub use add::Added;
pub use anchor::{Anchor, Place, TextQuote};
pub use corrections::{Change, Correction, SourceChoice};
pub use documents::{DocId, Entry, Visit, content_hash};
pub use schema::VERSION as SCHEMA_VERSION;
pub use user::{Mark, Note, ReadingState, UserLayer};

/// How long a write waits for another whosaid holding the library.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Why the library could not be used. Each message is one line that names
/// the file and says what to do.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error(
        "{path}: not a whosaid library (damaged, or another kind of file); it was left untouched: move it away, or choose another with --library PATH"
    )]
    Corrupt { path: PathBuf },
    #[error(
        "{path}: made by a newer whosaid (library schema {found}; this one knows up to {known}); it was left untouched: update whosaid, or choose another with --library PATH"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error(
        "{path}: cannot write the library there ({reason}); choose a writable place with --library PATH, or keep nothing with --no-library"
    )]
    Unwritable { path: PathBuf, reason: String },
    #[error(
        "{path}: the disk is full; this change was not kept, and everything saved before it is safe: free some space and try again"
    )]
    Full { path: PathBuf },
    #[error(
        "{path}: the library stayed busy (another whosaid is writing to it); try again when it is done"
    )]
    Busy { path: PathBuf },
    #[error("{path}: library error: {error}")]
    Sqlite {
        path: PathBuf,
        error: rusqlite::Error,
    },
    #[error("that document is not in the library")]
    UnknownDocument,
    #[error("{0}")]
    InvalidCorrection(&'static str),
}

impl StoreError {
    /// The error for a failed SQLite call on the library at `path`, by kind.
    fn from_sqlite(path: &Path, error: rusqlite::Error) -> StoreError {
        let path = path.to_owned();
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => {
                StoreError::Corrupt { path }
            }
            Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
                StoreError::Unwritable {
                    reason: error.to_string(),
                    path,
                }
            }
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy { path },
            Some(ErrorCode::DiskFull) => StoreError::Full { path },
            _ => StoreError::Sqlite { path, error },
        }
    }
}

/// The library file when none is chosen: `$XDG_DATA_HOME/whosaid/library.sqlite`,
/// else `$HOME/.local/share/whosaid/library.sqlite`; `None` without either.
pub fn default_path() -> Option<PathBuf> {
    path_from(|name| std::env::var_os(name))
}

/// [`default_path`] with the environment given as a lookup.
fn path_from(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Option<PathBuf> {
    let set = |name| var(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    let base = set("XDG_DATA_HOME").or_else(|| set("HOME").map(|h| h.join(".local/share")))?;
    Some(base.join("whosaid").join("library.sqlite"))
}

/// An open library. One connection; cheap to open several (one per thread or
/// process), as SQLite serialises their writes.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens the library at `path`, creating it (and its folder) if missing
    /// and migrating an older schema forward.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        schema::check_header(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Unwritable {
                path: path.to_owned(),
                reason: format!("cannot create the folder {}: {e}", dir.display()),
            })?;
        }
        let mut conn = Connection::open(path).map_err(|e| StoreError::from_sqlite(path, e))?;
        // SQLite reports "busy" without waiting where waiting could
        // deadlock (turning a new library to WAL while another whosaid opens
        // it too), so the set-up is tried again until the busy timeout.
        let deadline = Instant::now() + BUSY_TIMEOUT;
        while let Err(error) = schema::prepare(&mut conn, path) {
            if !matches!(error, StoreError::Busy { .. }) || Instant::now() >= deadline {
                return Err(error);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(Store {
            conn,
            path: path.to_owned(),
        })
    }

    /// The library file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` in one write transaction (taken at once, so a second
    /// whosaid waits its turn instead of failing); nothing of it is kept if
    /// it fails.
    fn write<T>(
        &self,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(|e| self.error(e))?;
        let value = f(&tx).map_err(|e| self.error(e))?;
        tx.commit().map_err(|e| self.error(e))?;
        Ok(value)
    }

    /// Lets the library file grow by `pages` more pages at most, as a disk
    /// that is nearly full would (for the tests of a full disk).
    #[cfg(test)]
    pub(crate) fn fill_disk_but(&self, pages: i64) {
        let used: i64 = self
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        self.conn
            .query_row(
                &format!("PRAGMA max_page_count = {}", used + pages),
                [],
                |_| Ok(()),
            )
            .unwrap();
    }

    fn error(&self, error: rusqlite::Error) -> StoreError {
        match error {
            rusqlite::Error::QueryReturnedNoRows => StoreError::UnknownDocument,
            error => StoreError::from_sqlite(&self.path, error),
        }
    }
}

/// Now, in Unix seconds.
fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests;
