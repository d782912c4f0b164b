//! Lookup tables derived once from the analysis, so drawing a row and
//! moving between claims are binary searches, not scans. The analysis itself
//! is never changed.

use crate::analysis::Analysis;
use crate::span::Span;

/// Sorted spans of each kind that the text pane marks.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    /// Claim sources, with their actor: the mentions the text underlines.
    pub sources: Vec<(Span, Option<usize>)>,
    /// Quoted stretches inside claims.
    pub quotes: Vec<Span>,
    pub cues: Vec<Span>,
    pub hedges: Vec<Span>,
    pub figures: Vec<Span>,
    /// Actor indices by claims, then mentions, then name: the actors pane order.
    pub actor_order: Vec<usize>,
    /// For each actor, its colour: an index into a palette of `colours`.
    pub actor_colour: Vec<usize>,
}

impl Lookup {
    /// The tables for `analysis`, with actors coloured from a palette of
    /// `colours` entries.
    pub fn new(analysis: &Analysis, colours: usize) -> Lookup {
        let sorted = |mut v: Vec<Span>| {
            v.sort();
            v.dedup();
            v
        };
        let claims = &analysis.claims;
        let mut sources: Vec<(Span, Option<usize>)> = claims
            .iter()
            .filter_map(|c| c.source.map(|s| (s.span, s.actor)))
            .collect();
        sources.sort_by_key(|(s, _)| *s);
        sources.dedup_by_key(|(s, _)| *s);
        let mut actor_order: Vec<usize> = (0..analysis.actors.len()).collect();
        actor_order.sort_by(|&a, &b| {
            let (a, b) = (&analysis.actors[a], &analysis.actors[b]);
            (b.claims.len(), b.mentions.len())
                .cmp(&(a.claims.len(), a.mentions.len()))
                .then_with(|| a.name.cmp(&b.name))
        });
        Lookup {
            sources,
            quotes: sorted(
                claims
                    .iter()
                    .flat_map(|c| c.quotes.iter().copied())
                    .collect(),
            ),
            cues: sorted(claims.iter().filter_map(|c| c.cue).collect()),
            hedges: sorted(
                claims
                    .iter()
                    .flat_map(|c| c.hedges.iter().copied())
                    .collect(),
            ),
            figures: sorted(analysis.figures.iter().map(|f| f.span).collect()),
            actor_order,
            actor_colour: colour_by_proximity(analysis, colours),
        }
    }
}

/// Gives each actor a palette entry so that actors close in the text differ:
/// walking the mentions and sources in text order, an actor met for the
/// first time takes a colour no one has had yet (the palette is ordered so
/// that neighbours in it are far apart in hue), else the colour least
/// recently seen in the text. Only when more actors than colours crowd one
/// stretch of text must two of them share.
fn colour_by_proximity(analysis: &Analysis, colours: usize) -> Vec<usize> {
    let colours = colours.max(1);
    let mut seen: Vec<(usize, usize)> = analysis
        .actors
        .iter()
        .enumerate()
        .flat_map(|(a, actor)| actor.mentions.iter().map(move |m| (m.start, a)))
        .chain(
            analysis
                .claims
                .iter()
                .filter_map(|c| c.source.and_then(|s| Some((s.span.start, s.actor?)))),
        )
        .collect();
    seen.sort_unstable();
    // Actors never seen in the text come last.
    let end = usize::MAX;
    seen.extend((0..analysis.actors.len()).map(|a| (end, a)));
    let mut colour: Vec<Option<usize>> = vec![None; analysis.actors.len()];
    // Where each colour was last seen; None: not given out yet.
    let mut last_seen: Vec<Option<usize>> = vec![None; colours];
    for (at, actor) in seen {
        let c = *colour[actor].get_or_insert_with(|| {
            (0..colours)
                .min_by_key(|&c| last_seen[c].map_or((false, 0), |at| (true, at)))
                .unwrap_or(0)
        });
        if at != end {
            last_seen[c] = Some(at);
        } else if last_seen[c].is_none() {
            last_seen[c] = Some(0);
        }
    }
    colour.into_iter().map(|c| c.unwrap_or(0)).collect()
}

/// The index of the span in `sorted` that covers `offset`, if any.
pub fn covering<T>(sorted: &[T], span: impl Fn(&T) -> Span, offset: usize) -> Option<usize> {
    let after = sorted.partition_point(|t| span(t).start <= offset);
    (after > 0 && span(&sorted[after - 1]).end > offset).then(|| after - 1)
}

/// The innermost claim covering `offset` among those `keep` accepts.
/// Claims are sorted by start and may nest, so look back a few.
pub fn claim_at(analysis: &Analysis, offset: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
    let after = analysis.claims.partition_point(|c| c.span.start <= offset);
    (after.saturating_sub(8)..after)
        .rev()
        .find(|&i| analysis.claims[i].span.contains_offset(offset) && keep(i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Actor, ActorKind};

    fn actors_mentioned_at(starts: &[&[usize]]) -> Analysis {
        let mut analysis = Analysis::default();
        for (i, at) in starts.iter().enumerate() {
            analysis.actors.push(Actor {
                name: format!("actor {i}"),
                kind: ActorKind::Person,
                role: None,
                aliases: Vec::new(),
                mentions: at.iter().map(|&s| Span::new(s, s + 3)).collect(),
                claims: Vec::new(),
            });
        }
        analysis
    }

    #[test]
    fn actors_side_by_side_never_share_a_colour_while_the_palette_lasts() {
        // Twelve actors in one stretch of text, with a palette of twelve.
        let starts: Vec<Vec<usize>> = (0..12).map(|i| vec![i * 10, 500 + i * 7]).collect();
        let refs: Vec<&[usize]> = starts.iter().map(Vec::as_slice).collect();
        let colours = Lookup::new(&actors_mentioned_at(&refs), 12).actor_colour;
        let mut distinct = colours.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 12, "{colours:?}");
    }

    #[test]
    fn a_colour_comes_back_for_the_actor_seen_longest_ago() {
        // Three colours: actor 3 arrives after 0, 1, 2; 0 was seen longest ago.
        let analysis = actors_mentioned_at(&[&[0], &[100, 900], &[200, 950], &[1000]]);
        let colours = Lookup::new(&analysis, 3).actor_colour;
        assert_eq!(colours, [0, 1, 2, 0]);
    }
}
