//! The analysis as the user corrected it: a view computed from the analysis
//! (which is never patched) and the user's layer (marks, notes,
//! corrections). The reader shows it and every export renders it, so a
//! correction made once is in everything that follows.

use crate::analysis::{Actor, ActorKind, Analysis, Claim, ClaimKind, Rule, Source, Via};
use crate::span::Span;
use crate::store::{Anchor, Place, UserLayer};
pub use crate::store::{Change, SourceChoice};

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

/// A correction placed in the text, as [`apply`] takes it: the span it is
/// about now (`None` for a change to an actor) and the change.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed<'a> {
    pub span: Option<Span>,
    pub change: &'a Change,
}

/// The analysis with the user's marks, notes and corrections (in the order
/// they were made) applied. A claim change whose claim no longer exists in
/// the analysis is described in `orphans`, as are `orphans` handed in.
pub fn apply(
    analysis: &Analysis,
    marks: &[Span],
    notes: &[(Span, &str)],
    corrections: &[Placed<'_>],
    orphans: Vec<String>,
) -> Corrected {
    let mut out = Corrected {
        analysis: analysis.clone(),
        claims: vec![Annotation::default(); analysis.claims.len()],
        orphans,
        ..Corrected::default()
    };
    for fix in corrections {
        out.correct(fix);
    }
    out.settle();
    for (c, claim) in out.analysis.claims.iter().enumerate() {
        let user = &mut out.claims[c];
        user.marked = marks.contains(&claim.span);
        user.note = notes
            .iter()
            .find(|(span, _)| *span == claim.span)
            .map(|(_, body)| body.to_string());
    }
    out
}

/// The analysis as the user's layer in the library corrects it: what no
/// longer anchors to the text is listed in `orphans`, never dropped.
pub fn from_layer(analysis: &Analysis, layer: &UserLayer) -> Corrected {
    let mut orphans = Vec::new();
    let mut lost = |what: String, anchor: &Anchor| {
        orphans.push(format!("{what} on “{}”", anchor.quote.exact.trim()));
    };
    let mut marks = Vec::new();
    for mark in &layer.marks {
        match mark.place.span() {
            Some(span) => marks.push(span),
            None => lost("a mark".to_string(), &mark.anchor),
        }
    }
    let mut notes = Vec::new();
    for note in &layer.notes {
        match note.place.span() {
            Some(span) => notes.push((span, note.body.as_str())),
            None => lost(format!("the note “{}”", note.body), &note.anchor),
        }
    }
    let mut placed = Vec::new();
    for correction in &layer.corrections {
        match (&correction.anchor, correction.place.and_then(Place::span)) {
            (None, _) => placed.push(Placed {
                span: None,
                change: &correction.change,
            }),
            (Some(_), Some(span)) => placed.push(Placed {
                span: Some(span),
                change: &correction.change,
            }),
            (Some(anchor), None) => lost("a correction".to_string(), anchor),
        }
    }
    let mut out = apply(analysis, &marks, &notes, &placed, orphans);
    out.can_undo = layer.can_undo;
    out.can_redo = layer.can_redo;
    out
}

impl Corrected {
    fn claim_at(&self, span: Span) -> Option<usize> {
        self.analysis.claims.iter().position(|c| c.span == span)
    }

    /// The actor called `name` (or so aliased), ignoring case.
    fn actor_named(&self, name: &str) -> Option<usize> {
        let same = |n: &str| n.to_lowercase() == name.to_lowercase();
        let actors = &self.analysis.actors;
        actors.iter().position(|a| same(&a.name)).or_else(|| {
            actors
                .iter()
                .position(|a| a.aliases.iter().any(|al| same(al)))
        })
    }

    /// The actor a user's choice names, made when nobody has that name.
    fn chosen(&mut self, choice: &SourceChoice) -> Option<usize> {
        let SourceChoice::Actor { name } = choice else {
            return None;
        };
        Some(self.actor_named(name).unwrap_or_else(|| {
            self.analysis.actors.push(Actor {
                name: name.clone(),
                kind: ActorKind::Other,
                role: None,
                aliases: Vec::new(),
                mentions: Vec::new(),
                claims: Vec::new(),
            });
            self.analysis.actors.len() - 1
        }))
    }

    fn correct(&mut self, fix: &Placed<'_>) {
        let claim = fix.span.and_then(|s| self.claim_at(s));
        let missing = |what: &str| format!("{what}: its claim is no longer in the analysis");
        match (fix.change, claim) {
            (Change::Source { to }, Some(c)) => {
                let actor = self.chosen(to);
                let claim = &mut self.analysis.claims[c];
                claim.source = match (to, claim.source) {
                    (SourceChoice::Nobody, _) => None,
                    // The mention stays underlined; the actor is the user's.
                    (_, Some(old)) => Some(Source {
                        actor,
                        via: Via::User,
                        ..old
                    }),
                    (_, None) => Some(Source {
                        actor,
                        span: Span::new(claim.span.start, claim.span.start),
                        via: Via::User,
                    }),
                };
                self.claims[c].by_user = true;
            }
            (Change::Dismiss, Some(c)) => self.claims[c].dismissed = true,
            (Change::Kind { to }, Some(c)) => {
                self.analysis.claims[c].kind = *to;
                self.claims[c].by_user = true;
            }
            (Change::NewClaim { kind, source }, _) => {
                let Some(span) = fix.span else { return };
                if claim.is_some() {
                    return; // the analysis found it since
                }
                let actor = self.chosen(source);
                let quotes = if *kind == ClaimKind::Direct {
                    vec![span]
                } else {
                    Vec::new()
                };
                self.analysis.claims.push(Claim {
                    kind: *kind,
                    span,
                    quotes,
                    source: actor.map(|a| Source {
                        actor: Some(a),
                        span: Span::new(span.start, span.start),
                        via: Via::User,
                    }),
                    cue: None,
                    sentence: span,
                    hedges: Vec::new(),
                    rule: Rule::User,
                });
                self.claims.push(Annotation {
                    by_user: true,
                    ..Annotation::default()
                });
            }
            (Change::RenameActor { actor, to }, _) => match self.actor_named(actor) {
                Some(a) => {
                    let actor = &mut self.analysis.actors[a];
                    let old = std::mem::replace(&mut actor.name, to.clone());
                    actor.aliases.push(old);
                }
                None => self
                    .orphans
                    .push(format!("rename of {actor} to {to}: no such actor")),
            },
            (Change::MergeActor { actor, into }, _) => {
                match (self.actor_named(actor), self.actor_named(into)) {
                    (Some(from), Some(to)) if from != to => self.merge(from, to),
                    _ => self
                        .orphans
                        .push(format!("merge of {actor} into {into}: no such actor")),
                }
            }
            (Change::Source { .. }, None) => self.orphans.push(missing("a source change")),
            (Change::Dismiss, None) => self.orphans.push(missing("a dismissal")),
            (Change::Kind { .. }, None) => self.orphans.push(missing("a kind change")),
        }
    }

    /// Moves actor `from`'s mentions and claims to `to` and removes it.
    fn merge(&mut self, from: usize, to: usize) {
        let gone = self.analysis.actors.remove(from);
        let to = if to > from { to - 1 } else { to };
        let into = &mut self.analysis.actors[to];
        into.aliases.push(gone.name);
        into.aliases.extend(gone.aliases);
        into.mentions.extend(gone.mentions);
        into.mentions.sort();
        into.mentions.dedup();
        let moved = |a: usize| match a.cmp(&from) {
            std::cmp::Ordering::Equal => to,
            std::cmp::Ordering::Greater => a - 1,
            std::cmp::Ordering::Less => a,
        };
        for claim in &mut self.analysis.claims {
            if let Some(source) = &mut claim.source {
                source.actor = source.actor.map(moved);
            }
        }
    }

    /// Puts the claims back in text order (new ones were pushed last) and
    /// recomputes what points at them: actors' claims, figures' claims.
    fn settle(&mut self) {
        let n = self.analysis.claims.len();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by_key(|&c| self.analysis.claims[c].span.start);
        let mut new_index = vec![0; n];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let claims = std::mem::take(&mut self.analysis.claims);
        let mut slots: Vec<Option<Claim>> = claims.into_iter().map(Some).collect();
        self.analysis.claims = order
            .iter()
            .map(|&c| slots[c].take().expect("each once"))
            .collect();
        let notes = std::mem::take(&mut self.claims);
        let mut slots: Vec<Option<Annotation>> = notes.into_iter().map(Some).collect();
        self.claims = order
            .iter()
            .map(|&c| slots[c].take().unwrap_or_default())
            .collect();
        for actor in &mut self.analysis.actors {
            actor.claims.clear();
        }
        for (c, claim) in self.analysis.claims.iter().enumerate() {
            if let Some(a) = claim.source.and_then(|s| s.actor) {
                self.analysis.actors[a].claims.push(c);
            }
        }
        let claims = &self.analysis.claims;
        for figure in &mut self.analysis.figures {
            figure.claim = claims.iter().position(|c| c.span.contains(figure.span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    fn fix(span: Option<Span>, change: &Change) -> Placed<'_> {
        Placed { span, change }
    }

    #[test]
    fn a_new_source_a_kind_and_a_dismissal_show_as_the_users_and_the_analysis_is_untouched() {
        let (_, analysis) = sample::analysis();
        let original = analysis.clone();
        let [first, second] = [analysis.claims[0].span, analysis.claims[1].span];
        let to_zoe = Change::Source {
            to: SourceChoice::Actor {
                name: "zoë o’neill".into(),
            },
        };
        let direct = Change::Kind {
            to: ClaimKind::Direct,
        };
        let out = apply(
            &analysis,
            &[second],
            &[(first, "check this")],
            &[
                fix(Some(first), &to_zoe),
                fix(Some(second), &direct),
                fix(Some(second), &Change::Dismiss),
            ],
            Vec::new(),
        );
        assert_eq!(analysis, original, "the analysis itself is never patched");
        let zoe = out.actor_named("Zoë O’Neill").unwrap();
        let c = &out.analysis.claims[0];
        assert_eq!(c.source.unwrap().actor, Some(zoe));
        assert_eq!(c.source.unwrap().via, Via::User);
        assert!(out.analysis.actors[zoe].claims.contains(&0));
        assert!(!out.analysis.actors[0].claims.contains(&0));
        assert_eq!(out.claims[0].note.as_deref(), Some("check this"));
        assert!(out.claims[0].by_user && !out.claims[0].marked);
        assert_eq!(out.analysis.claims[1].kind, ClaimKind::Direct);
        assert!(out.claims[1].marked && out.claims[1].dismissed);
        assert!(!out.exported(false).contains(&1), "dismissed: not exported");
        assert_eq!(out.exported(true), Vec::<usize>::new());
    }

    #[test]
    fn a_new_claim_lands_in_text_order_with_a_new_actor_and_figures_follow() {
        let (doc, analysis) = sample::analysis();
        let start = doc.text.find("Critics called").unwrap();
        let span = Span::new(start, start + "Critics called it".len());
        let new = Change::NewClaim {
            kind: ClaimKind::Indirect,
            source: SourceChoice::Actor {
                name: "City Desk".into(),
            },
        };
        let out = apply(&analysis, &[], &[], &[fix(Some(span), &new)], Vec::new());
        let at = out.claim_at(span).unwrap();
        assert_eq!(at, 3, "before the critics' own claim, which starts later");
        assert_eq!(out.analysis.claims[at].rule, Rule::User);
        let desk = out.actor_named("city desk").unwrap();
        assert_eq!(out.analysis.actors[desk].claims, [at]);
        assert!(out.claims[at].by_user);
        for f in &out.analysis.figures {
            if let Some(c) = f.claim {
                assert!(out.analysis.claims[c].span.contains(f.span));
            }
        }
    }

    #[test]
    fn merging_and_renaming_actors_keep_every_claim_with_its_actor() {
        let (_, analysis) = sample::analysis();
        let merge = Change::MergeActor {
            actor: "Élise Durand".into(),
            into: "Zoë O’Neill".into(),
        };
        let rename = Change::RenameActor {
            actor: "Zoë O’Neill".into(),
            to: "Z. O’Neill".into(),
        };
        let gone = Change::Dismiss;
        let out = apply(
            &analysis,
            &[],
            &[],
            &[
                fix(None, &merge),
                fix(None, &rename),
                fix(Some(Span::new(0, 1)), &gone),
            ],
            Vec::new(),
        );
        assert_eq!(out.analysis.actors.len(), analysis.actors.len() - 1);
        let z = out.actor_named("Z. O’Neill").unwrap();
        assert_eq!(out.analysis.actors[z].claims, [0, 1, 2]);
        assert!(
            out.analysis.actors[z]
                .aliases
                .contains(&"Élise Durand".to_string())
        );
        assert_eq!(
            out.orphans.len(),
            1,
            "a dismissal whose claim is gone is listed"
        );
    }
}
