//! Which claims a view of an analysis keeps: claims of some kinds, claims
//! by some actors, only the marked ones. One filter for `whosaid export`
//! (`--kind`, `--actor`) and the reader (`t`, `f`, the marks it exports).
//! Names match an actor's name or any alias, ignoring case (Unicode-aware),
//! surrounding spaces and the kind of apostrophe.

use std::collections::BTreeSet;

use crate::analysis::{Actor, Analysis, ClaimKind};
use crate::corrected::Annotation;

/// A filter over an analysis's claims. The parts are AND-ed; inside a part,
/// several kinds or actors are OR-ed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    /// Keep claims of one of these kinds; empty keeps every kind.
    pub kinds: Vec<ClaimKind>,
    /// Keep claims whose source is one of these actors (indices into
    /// `analysis.actors`); `None` keeps every claim, unattributed ones too.
    /// An empty set keeps none (names that matched nobody).
    pub actors: Option<BTreeSet<usize>>,
    /// Keep only the claims the user marked.
    pub marked_only: bool,
}

/// What a [`ClaimFilter`] keeps: indices into the analysis, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selected {
    pub claims: Vec<usize>,
    /// The actors in the filter, or every actor when it names none.
    pub actors: Vec<usize>,
}

impl ClaimFilter {
    /// Only the marked claims.
    pub fn marked() -> Self {
        ClaimFilter {
            marked_only: true,
            ..ClaimFilter::default()
        }
    }

    /// Whether claim `claim` of `analysis` passes; `user` is what the user
    /// added to each claim (one per claim; empty: no user layer, so no
    /// claim is marked).
    pub fn keeps(&self, analysis: &Analysis, user: &[Annotation], claim: usize) -> bool {
        let c = &analysis.claims[claim];
        (self.kinds.is_empty() || self.kinds.contains(&c.kind))
            && self.keeps_actor(c.source.and_then(|s| s.actor))
            && (!self.marked_only || user.get(claim).is_some_and(|a| a.marked))
    }

    /// Whether a claim by `actor` (`None`: unattributed) passes the actor part.
    pub fn keeps_actor(&self, actor: Option<usize>) -> bool {
        match &self.actors {
            None => true,
            Some(set) => actor.is_some_and(|a| set.contains(&a)),
        }
    }

    /// Whether `actor` is named in the filter (not merely let through).
    pub fn names_actor(&self, actor: usize) -> bool {
        self.actors.as_ref().is_some_and(|set| set.contains(&actor))
    }

    /// The claims and actors this filter keeps.
    pub fn apply(&self, analysis: &Analysis, user: &[Annotation]) -> Selected {
        let claims = (0..analysis.claims.len())
            .filter(|&c| self.keeps(analysis, user, c))
            .collect();
        let actors = match &self.actors {
            None => (0..analysis.actors.len()).collect(),
            Some(set) => set
                .iter()
                .copied()
                .filter(|&a| a < analysis.actors.len())
                .collect(),
        };
        Selected { claims, actors }
    }

    /// Adds `actor` to the actors kept, or removes it if it is there; says
    /// whether it was added. Removing the last one keeps everyone again.
    pub fn toggle_actor(&mut self, actor: usize) -> bool {
        let set = self.actors.get_or_insert_with(BTreeSet::new);
        let added = set.insert(actor);
        if !added {
            set.remove(&actor);
            if set.is_empty() {
                self.actors = None;
            }
        }
        added
    }

    /// The reader's `t`: every kind → direct → indirect → mixed → every kind.
    /// From a mix of kinds (as `--kind` can ask), back to every kind.
    pub fn cycle_kinds(&mut self) {
        self.kinds = match self.kinds.as_slice() {
            [] => vec![ClaimKind::ALL[0]],
            [one] => match ClaimKind::ALL.iter().position(|k| k == one) {
                Some(i) if i + 1 < ClaimKind::ALL.len() => vec![ClaimKind::ALL[i + 1]],
                _ => vec![],
            },
            _ => vec![],
        };
    }

    /// The kinds kept, in words: "all", "direct", "direct or mixed".
    pub fn kinds_name(&self) -> String {
        if self.kinds.is_empty() {
            return "all".to_string();
        }
        let names: Vec<&str> = self.kinds.iter().map(|k| k.name()).collect();
        names.join(" or ")
    }

    /// The actors of `analysis` called by one of `names` (see [`is_called`]),
    /// and the names that call nobody, to warn about.
    pub fn actors_called<'n>(
        analysis: &Analysis,
        names: &'n [String],
    ) -> (BTreeSet<usize>, Vec<&'n str>) {
        let called = (0..analysis.actors.len())
            .filter(|&a| names.iter().any(|n| is_called(&analysis.actors[a], n)))
            .collect();
        let unmatched = names
            .iter()
            .filter(|n| !analysis.actors.iter().any(|a| is_called(a, n)))
            .map(String::as_str)
            .collect();
        (called, unmatched)
    }
}

/// Whether `name` is the actor's name or one of its aliases.
pub fn is_called(actor: &Actor, name: &str) -> bool {
    let wanted = fold(name);
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .any(|n| fold(n) == wanted)
}

/// A name as compared: lower case, single spaces, straight apostrophes.
pub fn fold(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', 'ʼ'], "'")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::sample;

    const NO_USER_LAYER: &[Annotation] = &[];

    fn named(analysis: &Analysis, names: &[&str]) -> ClaimFilter {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        ClaimFilter {
            actors: Some(ClaimFilter::actors_called(analysis, &names).0),
            ..ClaimFilter::default()
        }
    }

    fn names(analysis: &Analysis, selected: &Selected) -> Vec<String> {
        selected
            .actors
            .iter()
            .map(|&i| analysis.actors[i].name.clone())
            .collect()
    }

    #[test]
    fn an_empty_filter_keeps_everything() {
        let (_, analysis) = sample::analysis();
        let all = ClaimFilter::default().apply(&analysis, NO_USER_LAYER);
        assert_eq!(all.claims, vec![0, 1, 2, 3]);
        assert_eq!(all.actors, vec![0, 1]);
    }

    #[test]
    fn an_alias_matches_whatever_its_case_and_apostrophe() {
        let (_, analysis) = sample::analysis();
        // The sample's second actor is "Zoë O’Neill", alias "O’NEILL".
        let kept = named(&analysis, &["  o'neill "]).apply(&analysis, NO_USER_LAYER);
        assert_eq!(names(&analysis, &kept), ["Zoë O’Neill"]);
        assert_eq!(kept.claims, vec![2]);
        let kept = named(&analysis, &["ZOË O’NEILL"]).apply(&analysis, NO_USER_LAYER);
        assert_eq!(kept.claims, vec![2]);
    }

    #[test]
    fn names_are_ored_and_kinds_are_anded_with_them() {
        let (_, analysis) = sample::analysis();
        let filter = ClaimFilter {
            kinds: vec![ClaimKind::Direct],
            ..named(&analysis, &["Élise Durand", "Zoë O’Neill"])
        };
        let kept = filter.apply(&analysis, NO_USER_LAYER);
        assert_eq!(kept.actors, vec![0, 1]);
        assert_eq!(kept.claims, vec![0]);
    }

    #[test]
    fn a_name_that_calls_nobody_is_reported_and_keeps_no_claim_of_its_own() {
        let (_, analysis) = sample::analysis();
        let wanted = ["durand".to_string(), "Nobody".to_string()];
        let (called, unmatched) = ClaimFilter::actors_called(&analysis, &wanted);
        assert_eq!(unmatched, ["Nobody"]);
        let filter = ClaimFilter {
            actors: Some(called),
            ..ClaimFilter::default()
        };
        assert_eq!(filter.apply(&analysis, NO_USER_LAYER).claims, vec![0, 1]);
        let nobody = named(&analysis, &["Nobody"]).apply(&analysis, NO_USER_LAYER);
        assert!(nobody.claims.is_empty() && nobody.actors.is_empty());
    }

    #[test]
    fn marked_only_keeps_the_marks_that_pass_the_other_parts() {
        let (_, analysis) = sample::analysis();
        let marks: Vec<Annotation> = (0..4)
            .map(|c| Annotation {
                marked: c != 1,
                ..Annotation::default()
            })
            .collect();
        assert_eq!(
            ClaimFilter::marked().apply(&analysis, &marks).claims,
            [0, 2, 3]
        );
        let direct_marked = ClaimFilter {
            kinds: vec![ClaimKind::Direct],
            ..ClaimFilter::marked()
        };
        assert_eq!(direct_marked.apply(&analysis, &marks).claims, [0, 3]);
    }

    #[test]
    fn toggling_the_last_actor_off_keeps_everyone_again() {
        let mut filter = ClaimFilter::default();
        assert!(filter.toggle_actor(1));
        assert!(filter.toggle_actor(0));
        assert!(!filter.keeps_actor(None) && filter.names_actor(1));
        assert!(!filter.toggle_actor(1));
        assert!(!filter.toggle_actor(0));
        assert_eq!(filter, ClaimFilter::default());
    }

    #[test]
    fn cycling_the_kinds_goes_all_direct_indirect_mixed_and_round() {
        let mut filter = ClaimFilter::default();
        let mut seen = vec![filter.kinds_name()];
        for _ in 0..4 {
            filter.cycle_kinds();
            seen.push(filter.kinds_name());
        }
        assert_eq!(seen, ["all", "direct", "indirect", "mixed", "all"]);
        filter.kinds = vec![ClaimKind::Direct, ClaimKind::Mixed];
        assert_eq!(filter.kinds_name(), "direct or mixed");
        filter.cycle_kinds();
        assert!(filter.kinds.is_empty());
    }
}
