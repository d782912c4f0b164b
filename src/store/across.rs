//! Across the library, the store's side: which articles kept may hold an
//! actor, and how many. Names are matched folded (any case, Unicode-aware,
//! either apostrophe) against every name and alias. Only the articles that
//! can hold the actor are read: those the index kept with each analysis
//! names it in, and those whose corrections name it (a claim given to it or
//! made for it, an actor renamed or merged into it). Reading an article as
//! the user corrected it is [`crate::across`]'s job, above the store.

use rusqlite::{OptionalExtension, params_from_iter};
use serde::Serialize;

use std::collections::BTreeSet;

use super::corrections::{Change, SourceChoice};
use super::documents::{DocId, sql_list};
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
pub fn names_of(actor: &Actor) -> Vec<String> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|n| fold(n))
        .collect()
}

/// One claim by the actor asked about, in one article (found by
/// [`crate::across`]).
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

/// An article kept that may hold an actor: what [`crate::across`] reads to
/// find the actor's claims in it as the user corrected it.
pub struct KeptArticle {
    pub document: DocId,
    pub title: String,
    pub source: String,
    pub text: String,
    pub analysis: Analysis,
}

impl Store {
    /// Each article kept, other than `except`, that may hold an actor
    /// called one of `names` (folded: see [`names_of`]), with its latest
    /// kept analysis, most recently opened first, handed to `each` one at a
    /// time (a library may be large). Run [`unanalysed`](Store::unanalysed)
    /// first to bring them up to date.
    pub fn each_kept_naming(
        &self,
        names: &[String],
        except: Option<DocId>,
        mut each: impl FnMut(KeptArticle) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        for (document, title, source) in self.candidates(names, except)? {
            let Some(analysis) = self.latest_analysis(document)? else {
                continue;
            };
            let text = super::documents::text(&self.conn, document).map_err(|e| self.error(e))?;
            each(KeptArticle {
                document,
                title,
                source,
                text,
                analysis,
            })?;
        }
        Ok(())
    }

    /// For each actor of `analysis` (document `id`'s), how many other
    /// articles kept name it by any of its names, in their analysis or in
    /// the user's corrections: counted in the index and the corrections,
    /// no analysis read, so cheap enough for the reader's actors pane.
    pub fn elsewhere_counts(
        &self,
        id: DocId,
        analysis: &Analysis,
    ) -> Result<Vec<usize>, StoreError> {
        let targets = self.correction_targets()?;
        analysis
            .actors
            .iter()
            .map(|actor| {
                let names = names_of(actor);
                let mut ids = self.indexed(&names)?;
                ids.extend(given_to(&targets, &names));
                ids.remove(&id.0);
                Ok(ids.len())
            })
            .collect()
    }

    /// The documents (id, title, source) that may hold an actor called one
    /// of `names`, most recently opened first: those the name index has it
    /// in, and those whose corrections name it.
    fn candidates(
        &self,
        names: &[String],
        except: Option<DocId>,
    ) -> Result<Vec<(DocId, String, String)>, StoreError> {
        let mut ids = self.indexed(names)?;
        ids.extend(given_to(&self.correction_targets()?, names));
        ids.retain(|&id| Some(DocId(id)) != except);
        let sql = format!(
            "SELECT id, title, source FROM documents WHERE id IN ({})
             ORDER BY coalesce(last_opened, added) DESC, id DESC",
            sql_list(&ids.into_iter().collect::<Vec<_>>())
        );
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        stmt.query_map([], |r| Ok((DocId(r.get(0)?), r.get(1)?, r.get(2)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.error(e))
    }

    /// The documents whose latest analysis names an actor one of `names`.
    fn indexed(&self, names: &[String]) -> Result<BTreeSet<i64>, StoreError> {
        let marks = vec!["?"; names.len()].join(",");
        let sql = format!("SELECT DISTINCT d.id FROM {LATEST_NAMES} WHERE n.name IN ({marks})");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        stmt.query_map(params_from_iter(names), |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<BTreeSet<i64>>>())
            .map_err(|e| self.error(e))
    }

    /// Each correction in force that names an actor — a claim given to it
    /// or made for it, an actor renamed or merged into it — as (document,
    /// the name folded), once for every version of the same article, as
    /// corrections apply to all of them.
    fn correction_targets(&self) -> Result<Vec<(i64, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT DISTINCT d.id, c.change FROM corrections c
                 JOIN documents o ON o.id = c.document
                 JOIN documents d ON d.id = o.id OR d.origin = o.origin
                 WHERE c.state = 'applied'",
            )
            .map_err(|e| self.error(e))?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.error(e))?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, change)| {
                let change = serde_json::from_str::<Change>(&change).ok()?;
                Some((id, fold(gives_to(&change)?)))
            })
            .collect())
    }

    /// The analysis of document `doc` kept last, if it still reads back.
    fn latest_analysis(&self, doc: DocId) -> Result<Option<Analysis>, StoreError> {
        let data: Option<String> = self
            .conn
            .query_row(
                "SELECT a.data FROM analyses a JOIN documents d ON d.hash = a.hash
                 WHERE d.id = ?1 ORDER BY a.id DESC LIMIT 1",
                [doc.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.error(e))?;
        Ok(data.and_then(|data| serde_json::from_str(&data).ok()))
    }
}

/// The actor a correction gives claims (or a name) to, if any.
fn gives_to(change: &Change) -> Option<&str> {
    match change {
        Change::Source {
            to: SourceChoice::Actor { name },
        }
        | Change::NewClaim {
            source: SourceChoice::Actor { name },
            ..
        }
        | Change::RenameActor { to: name, .. }
        | Change::MergeActor { into: name, .. } => Some(name),
        _ => None,
    }
}

/// The documents among `targets` whose corrections name one of `names`.
fn given_to<'a>(
    targets: &'a [(i64, String)],
    names: &'a [String],
) -> impl Iterator<Item = i64> + 'a {
    targets
        .iter()
        .filter(|(_, name)| names.contains(name))
        .map(|&(id, _)| id)
}
