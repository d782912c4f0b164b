//! Analyses kept by (text hash, [`analysis::VERSION`], options), so an
//! article opens with its claims at once and is analysed again only when the
//! text, the engine or the config's word lists change.
//!
//! The analysis is kept as serde JSON of the [`Analysis`] type itself (byte
//! offsets, every field) rather than the whosaid/1 export: one definition,
//! checked by the compiler, so a field added to the analysis is kept without
//! a second reader to keep in step. A row that no longer reads back (a type
//! changed without a version bump) counts as missing and is made again.

use rusqlite::{OptionalExtension, params};

use super::{DocId, Store, StoreError, content_hash, now};
use crate::analysis::{self, Analysis, Options};
use crate::filter::fold;

/// What analysis options the analysis was made with: their hash.
fn fingerprint(options: &Options) -> String {
    content_hash(&format!("{options:?}"))[..16].to_string()
}

impl Store {
    /// The analysis of the document: kept, or made now and kept.
    pub fn analysis_for(&self, id: DocId, options: &Options) -> Result<Analysis, StoreError> {
        if let Some(kept) = self.kept_analysis(id, options)? {
            return Ok(kept);
        }
        let doc = self.document(id)?;
        let analysis = analysis::analyze_with(&doc.text, options);
        self.keep_analysis(id, options, &analysis)?;
        Ok(analysis)
    }

    /// The kept analysis for the current version and these options, if any.
    pub fn kept_analysis(
        &self,
        id: DocId,
        options: &Options,
    ) -> Result<Option<Analysis>, StoreError> {
        let data: Option<String> = self
            .conn
            .query_row(
                "SELECT a.data FROM analyses a JOIN documents d ON a.hash = d.hash
                 WHERE d.id = ?1 AND a.version = ?2 AND a.options = ?3",
                params![id.0, analysis::VERSION, fingerprint(options)],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        Ok(data.and_then(|d| serde_json::from_str(&d).ok()))
    }

    /// Keeps `analysis` as the document's for the current version and these
    /// options, replacing the analyses of other versions. Never touches the
    /// user's layer.
    pub fn keep_analysis(
        &self,
        id: DocId,
        options: &Options,
        analysis: &Analysis,
    ) -> Result<(), StoreError> {
        let data = serde_json::to_string(analysis).expect("an analysis serialises");
        let options = fingerprint(options);
        self.write(|tx| {
            let hash: String =
                tx.query_row("SELECT hash FROM documents WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })?;
            // Older engines' analyses of this text are of no more use, and
            // this one replaces its own earlier copy. (Names are deleted
            // explicitly: a cascade does not follow every kind of delete.)
            let stale = "hash = ?1 AND (version <> ?2 OR options = ?3)";
            tx.execute(
                &format!(
                    "DELETE FROM analysis_names WHERE analysis IN (SELECT id FROM analyses WHERE {stale})"
                ),
                params![hash, analysis::VERSION, options],
            )?;
            tx.execute(
                &format!("DELETE FROM analyses WHERE {stale}"),
                params![hash, analysis::VERSION, options],
            )?;
            tx.execute(
                "INSERT INTO analyses (hash, version, options, claims, actors, data, made)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    hash,
                    analysis::VERSION,
                    options,
                    analysis.claims.len() as i64,
                    analysis.actors.len() as i64,
                    data,
                    now()
                ],
            )?;
            let row = tx.last_insert_rowid();
            let mut names = tx.prepare_cached(
                "INSERT INTO analysis_names (analysis, actor, name) VALUES (?1, ?2, ?3)",
            )?;
            for (index, actor) in analysis.actors.iter().enumerate() {
                let mut folded: Vec<String> = std::iter::once(&actor.name)
                    .chain(&actor.aliases)
                    .map(|n| fold(n))
                    .collect();
                folded.sort();
                folded.dedup();
                for name in folded {
                    names.execute(params![row, index as i64, name])?;
                }
            }
            Ok(())
        })
    }

    /// The documents with no analysis for the current version and these
    /// options (to analyse, e.g. in parallel, and [`keep_analysis`](Self::keep_analysis)).
    pub fn unanalysed(&self, options: &Options) -> Result<Vec<DocId>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT d.id FROM documents d WHERE NOT EXISTS (
                    SELECT 1 FROM analyses a
                    WHERE a.hash = d.hash AND a.version = ?1 AND a.options = ?2)
                 ORDER BY d.id",
            )
            .map_err(|e| self.error(e))?;
        stmt.query_map(params![analysis::VERSION, fingerprint(options)], |r| {
            r.get(0).map(DocId)
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.error(e))
    }
}
