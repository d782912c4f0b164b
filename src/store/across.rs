//! Across the library: what one actor said in every article kept — the
//! question no single article answers — as the user corrected it: a claim
//! dismissed, or given to another source, is not the actor's. Names are matched folded (any case,
//! Unicode-aware, either apostrophe) against every name and alias, through
//! the index kept with each analysis, so only the articles that name the
//! actor are read.

use rusqlite::params_from_iter;
use serde::Serialize;

use std::collections::HashSet;

use super::corrections::{self, Change, SourceChoice};
use super::documents::{DocId, family, sql_list};
use super::{Store, StoreError};
use crate::analysis::{Actor, Analysis, ClaimKind};
use crate::filter::fold;
use crate::span::Span;

/// The name index joined to each document's latest kept analysis (as
/// `n`, `a`, `d`).
const LATEST_NAMES: &str = "analysis_names n
    JOIN analyses a ON a.id = n.analysis
    JOIN documents d ON d.hash = a.hash
                    AND a.id = (SELECT max(id) FROM analyses WHERE hash = d.hash)";

/// An actor's name and aliases, folded as the index keeps them.
fn names_of(actor: &Actor) -> Vec<String> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|n| fold(n))
        .collect()
}

/// One claim by the actor asked about, in one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorClaim {
    #[serde(skip)]
    pub document: DocId,
    /// The actor's name in that article.
    pub actor: String,
    pub kind: ClaimKind,
    /// Where the claim is in that article's text (bytes).
    #[serde(skip)]
    pub span: Span,
    pub claim: String,
    pub cue: Option<String>,
    pub title: String,
    pub source: String,
}

/// Where an actor appears beyond one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Elsewhere {
    /// How many other articles name the actor (with or without claims).
    pub articles: usize,
    /// Its claims there.
    pub claims: Vec<ActorClaim>,
}

impl Store {
    /// Every claim, in every article kept, by an actor called `name` (its
    /// name or an alias). Each article's latest kept analysis is read: run
    /// [`unanalysed`](Store::unanalysed) first to bring them up to date.
    pub fn claims_by(&self, name: &str) -> Result<Vec<ActorClaim>, StoreError> {
        Ok(self.matching(&[fold(name)], None)?.claims)
    }

    /// Where an actor of document `id` appears in the other articles kept,
    /// by any of its names.
    pub fn elsewhere(&self, id: DocId, actor: &Actor) -> Result<Elsewhere, StoreError> {
        self.matching(&names_of(actor), Some(id))
    }

    /// For each actor of `analysis` (document `id`'s), how many other
    /// articles kept name it by any of its names: counted in the index, no
    /// analysis read, so cheap enough for the reader's actors pane.
    pub fn elsewhere_counts(
        &self,
        id: DocId,
        analysis: &Analysis,
    ) -> Result<Vec<usize>, StoreError> {
        analysis
            .actors
            .iter()
            .map(|actor| {
                let names = names_of(actor);
                let marks = vec!["?"; names.len()].join(",");
                let sql = format!(
                    "SELECT count(DISTINCT d.id) FROM {LATEST_NAMES}
                     WHERE n.name IN ({marks}) AND d.id <> {}",
                    id.0
                );
                self.conn
                    .query_row(&sql, params_from_iter(&names), |r| r.get::<_, i64>(0))
                    .map(|n| n as usize)
                    .map_err(|e| self.error(e))
            })
            .collect()
    }

    fn matching(&self, names: &[String], except: Option<DocId>) -> Result<Elsewhere, StoreError> {
        let marks = vec!["?"; names.len()].join(",");
        let sql = format!(
            "SELECT DISTINCT d.id, d.title, d.source, d.text, a.id, n.actor
             FROM {LATEST_NAMES}
             WHERE n.name IN ({marks})
             ORDER BY coalesce(d.last_opened, d.added) DESC, d.id DESC, n.actor"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let hits = stmt
            .query_map(params_from_iter(names), |r| {
                Ok((
                    DocId(r.get(0)?),
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                    r.get::<_, i64>(5)? as usize,
                ))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.error(e))?;
        let mut found = Elsewhere::default();
        let mut last_doc = None;
        let mut last_analysis: Option<(i64, Analysis)> = None;
        // The claims the user's corrections take from the actor, per article.
        let mut away = HashSet::new();
        for (doc, title, source, text, analysis_id, actor) in hits {
            if Some(doc) == except {
                continue;
            }
            if last_doc != Some(doc) {
                found.articles += 1;
                last_doc = Some(doc);
                away = self.corrected_away(doc, &text, names)?;
            }
            if last_analysis
                .as_ref()
                .is_none_or(|(a, _)| *a != analysis_id)
            {
                last_analysis = self.analysis_by_row(analysis_id)?.map(|a| (analysis_id, a));
            }
            let Some((_, analysis)) = &last_analysis else {
                continue;
            };
            let Some(who) = analysis.actors.get(actor) else {
                continue;
            };
            let claims = who.claims.iter().filter_map(|&c| analysis.claims.get(c));
            for claim in claims.filter(|c| !away.contains(&c.span)) {
                found.claims.push(ActorClaim {
                    document: doc,
                    actor: who.name.clone(),
                    kind: claim.kind,
                    span: claim.span,
                    claim: claim.span.of(&text).to_string(),
                    cue: claim.cue.map(|c| c.of(&text).to_string()),
                    title: title.clone(),
                    source: source.clone(),
                });
            }
        }
        Ok(found)
    }

    /// The claims of document `doc` that the user's corrections take from
    /// an actor called one of `names`: those dismissed (not claims), and
    /// those whose source the user changed to nobody or to someone else.
    fn corrected_away(
        &self,
        doc: DocId,
        text: &str,
        names: &[String],
    ) -> Result<HashSet<Span>, StoreError> {
        let applied = family(&self.conn, doc)
            .and_then(|ids| corrections::log(&self.conn, &sql_list(&ids), text))
            .map_err(|e| self.error(e))?
            .applied;
        let (mut dismissed, mut moved) = (HashSet::new(), HashSet::new());
        // In the order made: a later source change overrides an earlier one.
        for fix in applied {
            let Some(span) = fix.place.and_then(|p| p.span()) else {
                continue;
            };
            match &fix.change {
                Change::Dismiss => {
                    dismissed.insert(span);
                }
                Change::Source {
                    to: SourceChoice::Actor { name },
                } if names.contains(&fold(name)) => {
                    moved.remove(&span);
                }
                Change::Source { .. } => {
                    moved.insert(span);
                }
                _ => {}
            }
        }
        Ok(&dismissed | &moved)
    }

    /// A kept analysis by its row, if it still reads back.
    fn analysis_by_row(&self, row: i64) -> Result<Option<Analysis>, StoreError> {
        let data: String = self
            .conn
            .query_row("SELECT data FROM analyses WHERE id = ?1", [row], |r| {
                r.get(0)
            })
            .map_err(|e| self.error(e))?;
        Ok(serde_json::from_str(&data).ok())
    }
}
