//! The analysis as the user corrected it: a view computed from the analysis
//! (which is never patched) and the user's layer (marks, notes,
//! corrections). The reader shows it and every export renders it, so a
//! correction made once is in everything that follows.

use crate::analysis::Analysis;

/// What the user added to one claim.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotation {
    pub marked: bool,
    pub note: Option<String>,
    /// The user made the claim, or changed its source or kind.
    pub by_user: bool,
    /// The user dismissed it: it is not a claim. Kept, so it can be shown
    /// struck through and taken back; exports leave it out.
    pub dismissed: bool,
}

/// An analysis with the user's layer applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Corrected {
    /// The analysis with the corrections applied: sources and kinds
    /// changed, claims added in text order, actors merged and renamed.
    pub analysis: Analysis,
    /// One per claim of `analysis`.
    pub claims: Vec<Annotation>,
    /// The user's items that no longer anchor to the text, described for
    /// people: listed, never dropped.
    pub orphans: Vec<String>,
    pub can_undo: bool,
    pub can_redo: bool,
}

impl Corrected {
    /// An analysis the user has not touched.
    pub fn plain(analysis: Analysis) -> Corrected {
        Corrected {
            claims: vec![Annotation::default(); analysis.claims.len()],
            analysis,
            ..Corrected::default()
        }
    }

    /// The claims an export carries: all but the dismissed ones, and with
    /// `marked_only` only the marked ones.
    pub fn exported(&self, marked_only: bool) -> Vec<usize> {
        (0..self.analysis.claims.len())
            .filter(|&c| {
                let a = &self.claims[c];
                !a.dismissed && (!marked_only || a.marked)
            })
            .collect()
    }
}
