//! Which claims and actors an export (or the reader) shows: claims by some
//! actors, claims of some kinds. Names match an actor's name or any alias,
//! ignoring case (Unicode-aware), surrounding spaces and the kind of apostrophe.

use crate::analysis::{Actor, Analysis, ClaimKind};

/// A filter over an analysis. Empty lists keep everything; several names or
/// kinds are OR-ed; names and kinds are AND-ed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    /// Keep claims whose source actor has one of these names or aliases.
    pub actors: Vec<String>,
    /// Keep claims of one of these kinds.
    pub kinds: Vec<ClaimKind>,
}

/// What a [`Selection`] keeps: indices into the analysis, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selected {
    pub claims: Vec<usize>,
    pub actors: Vec<usize>,
}

impl Selection {
    /// Whether `actor` is called by one of the wanted names. True for every
    /// actor when no name is wanted.
    pub fn keeps_actor(&self, actor: &Actor) -> bool {
        self.actors.is_empty() || self.actors.iter().any(|n| is_called(actor, n))
    }

    /// The claims and actors this selection keeps. With names, only the
    /// actors so named and their claims; a claim whose source is not resolved
    /// to an actor then never matches.
    pub fn apply(&self, analysis: &Analysis) -> Selected {
        let actors: Vec<usize> = (0..analysis.actors.len())
            .filter(|&i| self.keeps_actor(&analysis.actors[i]))
            .collect();
        let claims = (0..analysis.claims.len())
            .filter(|&i| {
                let c = &analysis.claims[i];
                let kind_ok = self.kinds.is_empty() || self.kinds.contains(&c.kind);
                let actor_ok = self.actors.is_empty()
                    || c.source
                        .and_then(|s| s.actor)
                        .is_some_and(|a| actors.binary_search(&a).is_ok());
                kind_ok && actor_ok
            })
            .collect();
        Selected { claims, actors }
    }

    /// The wanted names that call no actor in `analysis`, to warn about.
    pub fn unmatched_names<'a>(&'a self, analysis: &Analysis) -> Vec<&'a str> {
        self.actors
            .iter()
            .filter(|n| !analysis.actors.iter().any(|a| is_called(a, n)))
            .map(String::as_str)
            .collect()
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

    fn names(analysis: &Analysis, selected: &Selected) -> Vec<String> {
        selected
            .actors
            .iter()
            .map(|&i| analysis.actors[i].name.clone())
            .collect()
    }

    #[test]
    fn an_empty_selection_keeps_everything() {
        let (_, analysis) = sample::analysis();
        let all = Selection::default().apply(&analysis);
        assert_eq!(all.claims, vec![0, 1, 2, 3]);
        assert_eq!(all.actors, vec![0, 1]);
    }

    #[test]
    fn an_alias_matches_whatever_its_case_and_apostrophe() {
        let (_, analysis) = sample::analysis();
        // The sample's second actor is "Zoë O’Neill", alias "O’NEILL".
        let sel = Selection {
            actors: vec!["  o'neill ".into()],
            kinds: vec![],
        };
        let kept = sel.apply(&analysis);
        assert_eq!(names(&analysis, &kept), ["Zoë O’Neill"]);
        assert_eq!(kept.claims, vec![2]);
        let sel = Selection {
            actors: vec!["ZOË O’NEILL".into()],
            kinds: vec![],
        };
        assert_eq!(sel.apply(&analysis).claims, vec![2]);
    }

    #[test]
    fn names_are_ored_and_kinds_are_anded_with_them() {
        let (_, analysis) = sample::analysis();
        let sel = Selection {
            actors: vec!["Élise Durand".into(), "Zoë O’Neill".into()],
            kinds: vec![ClaimKind::Direct],
        };
        let kept = sel.apply(&analysis);
        assert_eq!(kept.actors, vec![0, 1]);
        assert_eq!(kept.claims, vec![0]);
    }

    #[test]
    fn a_name_that_calls_nobody_is_reported() {
        let (_, analysis) = sample::analysis();
        let sel = Selection {
            actors: vec!["durand".into(), "Nobody".into()],
            kinds: vec![],
        };
        assert_eq!(sel.unmatched_names(&analysis), ["Nobody"]);
        assert_eq!(sel.apply(&analysis).claims, vec![0, 1]);
    }
}
