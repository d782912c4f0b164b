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
    /// For each actor, its place in `actor_order` (which picks its colour).
    pub actor_rank: Vec<usize>,
}

impl Lookup {
    pub fn new(analysis: &Analysis) -> Lookup {
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
        let mut actor_rank = vec![0; actor_order.len()];
        for (rank, &actor) in actor_order.iter().enumerate() {
            actor_rank[actor] = rank;
        }
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
            actor_rank,
        }
    }
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
