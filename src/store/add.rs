//! Putting many articles in the library at once: documents are kept one by
//! one (each in its transaction), the missing analyses made in parallel
//! (rayon; `analyze` is pure), then kept.

use rayon::prelude::*;
use serde::Serialize;

use super::{DocId, Store, StoreError, Visit};
use crate::analysis::{self, Analysis, Lexicon, Options};
use crate::document::Document;

/// One article as `whosaid add` reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Added {
    #[serde(skip)]
    pub id: DocId,
    pub title: String,
    pub source: String,
    pub claims: usize,
    pub actors: usize,
    /// Already in the library (same text) before.
    pub known: bool,
}

impl Store {
    /// Keeps every document and its analysis, analysing in parallel those
    /// whose analysis is not kept yet. In the order given.
    pub fn add_all(&self, docs: &[Document], options: &Options) -> Result<Vec<Added>, StoreError> {
        let mut ids = Vec::with_capacity(docs.len());
        for doc in docs {
            let known = self.find(&super::content_hash(&doc.text))?.is_some();
            ids.push((self.put_document(doc, Visit::Added)?, known));
        }
        let mut analyses = Vec::with_capacity(docs.len());
        for &(id, _) in &ids {
            analyses.push(self.kept_analysis(id, options)?);
        }
        // The word lists once for all of them.
        let lexicon = Lexicon::new(options);
        let made: Vec<Option<Analysis>> = docs
            .par_iter()
            .zip(&analyses)
            .map(|(doc, kept)| kept.is_none().then(|| analysis::analyze(doc, &lexicon)))
            .collect();
        let mut added = Vec::with_capacity(docs.len());
        for (((doc, (id, known)), kept), made) in docs.iter().zip(ids).zip(analyses).zip(made) {
            if let Some(fresh) = &made {
                self.keep_analysis(id, options, fresh)?;
            }
            let analysis = made.or(kept).expect("kept or made");
            added.push(Added {
                id,
                title: doc.title.clone(),
                source: doc.source.clone(),
                claims: analysis.claims.len(),
                actors: analysis.actors.len(),
                known,
            });
        }
        Ok(added)
    }

    /// Analyses (in parallel) and keeps every document whose analysis for
    /// the current version and these options is missing. Returns how many.
    pub fn bring_up_to_date(&self, options: &Options) -> Result<usize, StoreError> {
        let stale = self.unanalysed(options)?;
        let docs = stale
            .iter()
            .map(|&id| self.document(id))
            .collect::<Result<Vec<_>, _>>()?;
        let lexicon = Lexicon::new(options);
        let made: Vec<Analysis> = docs
            .par_iter()
            .map(|doc| analysis::analyze(doc, &lexicon))
            .collect();
        for (&id, analysis) in stale.iter().zip(&made) {
            self.keep_analysis(id, options, analysis)?;
        }
        Ok(stale.len())
    }
}
