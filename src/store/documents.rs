//! Documents in the library: the text and its metadata, keyed by the
//! SHA-256 of the text, with when each was added and opened.

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Store, StoreError, now};
use crate::document::{DocFormat, Document};

/// A document in the library (its row; the content hash is its key).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DocId(pub(crate) i64);

/// Why a document is put in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visit {
    /// `whosaid add`: kept, not read.
    Added,
    /// Opened in the reader: first and last opened are set.
    Opened,
}

/// One article as `whosaid library` lists it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entry {
    #[serde(skip)]
    pub id: DocId,
    pub hash: String,
    pub title: String,
    pub source: String,
    pub format: String,
    pub added: i64,
    pub first_opened: Option<i64>,
    pub last_opened: Option<i64>,
    /// From the latest analysis kept; `None` before one is.
    pub claims: Option<usize>,
    pub actors: Option<usize>,
    pub marks: usize,
    pub notes: usize,
}

/// The key of a text: its SHA-256, in hex.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// What ties versions of one article together: a file's absolute path, or
/// the URL. Standard input and texts from nowhere have none.
fn origin_of(source: &str) -> Option<String> {
    if source.is_empty() || source == "-" || source.starts_with('<') {
        return None;
    }
    if source.contains("://") {
        return Some(source.to_string());
    }
    std::fs::canonicalize(source)
        .ok()
        .map(|p| p.display().to_string())
}

impl Store {
    /// Keeps `doc` (once per distinct text) and returns its id. Putting the
    /// same text again updates its source and title and, for
    /// [`Visit::Opened`], when it was opened.
    pub fn put_document(&self, doc: &Document, visit: Visit) -> Result<DocId, StoreError> {
        let hash = content_hash(&doc.text);
        let origin = origin_of(&doc.source);
        let opened = (visit == Visit::Opened).then(now);
        self.write(|tx| {
            tx.execute(
                "INSERT INTO documents (hash, origin, source, format, title, text, added,
                                        first_opened, last_opened, byline, site, published)
                 VALUES (?1, ?2, ?3, ?8, ?4, ?5, ?6, ?7, ?7, ?9, ?10, ?11)
                 ON CONFLICT (hash) DO UPDATE SET
                    origin = coalesce(excluded.origin, origin),
                    source = excluded.source,
                    format = excluded.format,
                    title = excluded.title,
                    byline = excluded.byline,
                    site = excluded.site,
                    published = excluded.published,
                    first_opened = coalesce(first_opened, excluded.first_opened),
                    last_opened = coalesce(excluded.last_opened, last_opened)",
                params![
                    hash,
                    origin,
                    doc.source,
                    doc.title,
                    doc.text,
                    now(),
                    opened,
                    doc.format.name(),
                    doc.byline,
                    doc.site,
                    doc.published
                ],
            )?;
            tx.query_row("SELECT id FROM documents WHERE hash = ?1", [&hash], |r| {
                r.get(0).map(DocId)
            })
        })
    }

    /// The document with this content hash, if kept.
    pub fn find(&self, hash: &str) -> Result<Option<DocId>, StoreError> {
        self.conn
            .query_row("SELECT id FROM documents WHERE hash = ?1", [hash], |r| {
                r.get(0).map(DocId)
            })
            .optional()
            .map_err(|e| self.error(e))
    }

    /// A kept document, as it was put.
    pub fn document(&self, id: DocId) -> Result<Document, StoreError> {
        self.conn
            .query_row(
                "SELECT source, text, title, format, byline, site, published
                 FROM documents WHERE id = ?1",
                [id.0],
                |r| {
                    let format: String = r.get(3)?;
                    Ok(Document {
                        source: r.get(0)?,
                        text: r.get(1)?,
                        title: r.get(2)?,
                        format: DocFormat::named(&format).unwrap_or(DocFormat::Text),
                        byline: r.get(4)?,
                        site: r.get(5)?,
                        published: r.get(6)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.error(e))?
            .ok_or(StoreError::UnknownDocument)
    }

    /// Every article, most recently opened (or added) first.
    pub fn entries(&self) -> Result<Vec<Entry>, StoreError> {
        self.entries_where("1", &[])
    }

    /// One article's row, as [`entries`](Self::entries) lists it.
    pub fn entry(&self, id: DocId) -> Result<Entry, StoreError> {
        self.entries_where("d.id = ?1", &[id.0])?
            .pop()
            .ok_or(StoreError::UnknownDocument)
    }

    fn entries_where(&self, condition: &str, params: &[i64]) -> Result<Vec<Entry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT d.id, d.hash, d.title, d.source, d.format, d.added, d.first_opened,
                        d.last_opened,
                        (SELECT claims FROM analyses a WHERE a.hash = d.hash ORDER BY a.id DESC LIMIT 1),
                        (SELECT actors FROM analyses a WHERE a.hash = d.hash ORDER BY a.id DESC LIMIT 1),
                        (SELECT count(*) FROM marks m WHERE m.document = d.id),
                        (SELECT count(*) FROM notes n WHERE n.document = d.id)
                 FROM documents d
                 WHERE {condition}
                 ORDER BY coalesce(d.last_opened, d.added) DESC, d.id DESC"
            ))
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(params), |r| {
                Ok(Entry {
                    id: DocId(r.get(0)?),
                    hash: r.get(1)?,
                    title: r.get(2)?,
                    source: r.get(3)?,
                    format: r.get(4)?,
                    added: r.get(5)?,
                    first_opened: r.get(6)?,
                    last_opened: r.get(7)?,
                    claims: r.get::<_, Option<i64>>(8)?.map(|n| n as usize),
                    actors: r.get::<_, Option<i64>>(9)?.map(|n| n as usize),
                    marks: r.get::<_, i64>(10)? as usize,
                    notes: r.get::<_, i64>(11)? as usize,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>());
        rows.map_err(|e| self.error(e))
    }
}

/// The documents whose user layer `id` shares: itself and the other
/// versions of the same article (same origin).
pub(super) fn family(conn: &Connection, id: DocId) -> rusqlite::Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM documents WHERE id = ?1
         OR origin = (SELECT origin FROM documents WHERE id = ?1)",
    )?;
    let ids = stmt
        .query_map([id.0], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    if ids.is_empty() {
        return Err(rusqlite::Error::QueryReturnedNoRows);
    }
    Ok(ids)
}

/// The text of a kept document.
pub(super) fn text(conn: &Connection, id: DocId) -> rusqlite::Result<String> {
    conn.query_row("SELECT text FROM documents WHERE id = ?1", [id.0], |r| {
        r.get(0)
    })
}

/// `ids` as an SQL list, for `IN (…)` (integers only, so safe to format).
pub(super) fn sql_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}
