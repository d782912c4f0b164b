//! Merging mentions that name the same actor: a person's full name, bare
//! surname and first name ("Lene Holm", "Holm", "Lene"), places by
//! the gazetteer ("U.S." = "Washington"), groups by modifier and kind of
//! people ("Danish officials" = "Danish authorities"), acronyms of
//! organisations, and the aliases the user's config declares.

use crate::analysis::shared::{DisjointSets, is_description, name_words, title_gender};
use crate::analysis::wordlists::{self, Gender, Map, with_lowercase};
use crate::analysis::{ActorAlias, ActorKind, Mention};

/// Merges mentions that name the same actor by the rules for each kind.
pub fn merge_names(mentions: &[Mention], sets: &mut DisjointSets) {
    // By kind, the first mention of each key. Looked up by a key lowercased
    // on the stack: a key is allocated once, not once per mention.
    let mut by_key: Map<ActorKind, Map<String, usize>> = Map::default();
    let mut persons: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.pronoun || is_description(m) {
            continue;
        }
        let first_of = by_key.entry(m.kind).or_default();
        let mut merge = |key: &str| match first_of.get(key) {
            Some(&first) => sets.union(i, first),
            None => {
                first_of.insert(key.to_string(), i);
            }
        };
        match m.kind {
            ActorKind::Person => persons.push(i),
            ActorKind::Place => with_lowercase(place_name(m.name()), merge),
            ActorKind::Organization | ActorKind::Other => with_lowercase(m.name(), merge),
            ActorKind::Group => merge(&group_key(m.name())),
            ActorKind::Anonymous => {}
        }
    }
    merge_acronyms(mentions, sets);
    merge_persons(mentions, &persons, sets);
}

/// The gazetteer's name for a place ("U.S." → "United States"), lowercased
/// to make its key.
fn place_name(name: &str) -> &str {
    wordlists::get()
        .places
        .get(name)
        .map_or(name, |p| p.canonical)
}

/// A group's identity: its modifiers (places by their gazetteer name) and
/// the class of its head noun, so "Danish officials" = "Danish
/// authorities" and "U.S. officials" = "U.S. counterparts".
fn group_key(name: &str) -> String {
    let lists = wordlists::get();
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((head, modifiers)) = words.split_last() else {
        return String::new();
    };
    let head_lower = head.to_lowercase();
    // A bare head noun says too little to stand for another one of its
    // class: "people" familiar with a bid are not the "children" of a school.
    let class = lists
        .people
        .get(head_lower.as_str())
        .map(|n| n.class)
        .or_else(|| lists.collectives.get(head_lower.as_str()).copied())
        .filter(|_| !modifiers.is_empty())
        .unwrap_or(head_lower.as_str());
    let mut key: Vec<String> = modifiers
        .iter()
        .map(|w| {
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            lists
                .demonyms
                .get(w)
                .copied()
                .or_else(|| lists.places.get(w).map(|p| p.canonical))
                .unwrap_or(w)
                .to_lowercase()
        })
        .collect();
    key.sort();
    key.push(class.to_string());
    key.join(" ")
}

/// "FBI" = "Federal Bureau of Investigation": an acronym of an
/// organisation's capitalised words.
fn merge_acronyms(mentions: &[Mention], sets: &mut DisjointSets) {
    let is_org = |m: &Mention| m.kind == ActorKind::Organization && !m.pronoun;
    let mut by_initials: Map<String, usize> = Map::default();
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| is_org(m)) {
        let initials: String = m
            .name
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.len() > 1 && m.name.contains(' ') {
            by_initials.entry(initials).or_insert(i);
        }
    }
    for (i, m) in mentions.iter().enumerate().filter(|(_, m)| is_org(m)) {
        if let Some(&j) = by_initials.get(m.name()) {
            sets.union(i, j);
        }
    }
}

/// People: one full name per first and last name; a bare surname joins the
/// nearest earlier full name that ends with it (else the first later one),
/// preferring one whose title agrees in gender ("Mrs. Clinton").
fn merge_persons(mentions: &[Mention], persons: &[usize], sets: &mut DisjointSets) {
    let mut full: Map<(String, String), usize> = Map::default();
    // Full names by their last word and by their first, in text order.
    let mut by_surname: Map<&str, Vec<usize>> = Map::default();
    let mut by_first_name: Map<&str, Vec<usize>> = Map::default();
    for &i in persons {
        let mut words = name_words(&mentions[i].name);
        if let (Some(first), Some(second)) = (words.next(), words.next()) {
            let last = words.last().unwrap_or(second);
            let key = (first.to_lowercase(), last.to_lowercase());
            match full.get(&key) {
                Some(&j) => sets.union(i, j),
                None => {
                    full.insert(key, i);
                }
            }
            by_surname.entry(last).or_default().push(i);
            by_first_name.entry(first).or_default().push(i);
        }
    }
    // By surname and whether the title is a man's (none: no title).
    let mut bare: Map<(String, Option<bool>), usize> = Map::default();
    for &i in persons {
        let mut words = name_words(&mentions[i].name);
        let (Some(word), None) = (words.next(), words.next()) else {
            continue;
        };
        let gender = title_gender(&mentions[i]);
        let agrees = |j: usize| {
            gender.is_none() || title_gender(&mentions[j]).is_none_or(|g| Some(g) == gender)
        };
        // Nearest earlier full names first, then later ones.
        let owners = by_surname.get(word).map_or(&[][..], Vec::as_slice);
        let split = owners.partition_point(|&j| j < i);
        let candidates = owners[..split]
            .iter()
            .rev()
            .chain(&owners[split..])
            .copied();
        // "Mrs. Reyes" is not "Tomas Reyes": a title of the other gender
        // keeps spouses and siblings apart.
        let target = candidates.clone().find(|&j| agrees(j));
        // "Mary" for "Mary Lennox": a first name that only one full name has.
        let target = target.or_else(|| {
            let owners = by_first_name.get(word)?;
            let root = sets.find(owners[0]);
            owners
                .iter()
                .all(|&j| sets.find(j) == root)
                .then_some(owners[0])
        });
        // "Mr. Weston" and "Mrs. Weston" with no full name: a couple, two
        // people; a bare "Weston" joins the first of them.
        let male = gender.map(|g| g == Gender::Male);
        let key = (word.to_string(), male);
        let earlier = bare.get(&key).copied().or_else(|| {
            let untitled = (word.to_string(), None);
            let any = [true, false].map(|m| (word.to_string(), Some(m)));
            match gender {
                Some(_) => bare.get(&untitled).copied(),
                None => any.iter().find_map(|k| bare.get(k).copied()),
            }
        });
        match target.or(earlier) {
            Some(j) => sets.union(i, j),
            None => {
                bare.insert(key, i);
            }
        }
    }
}

/// Mentions the user's config declares to be one actor (`[[actors]]`):
/// merged, and the actor's name and kind, by set.
pub fn merge_configured(
    text: &str,
    mentions: &[Mention],
    actors: &[ActorAlias],
    sets: &mut DisjointSets,
) -> Map<usize, (String, Option<ActorKind>)> {
    let mut forced = Map::default();
    for declared in actors {
        let names: Vec<&str> = std::iter::once(declared.name.as_str())
            .chain(declared.aliases.iter().map(String::as_str))
            .collect();
        let matching: Vec<usize> = (0..mentions.len())
            .filter(|&i| {
                let m = &mentions[i];
                let surface = m.span.of(text);
                let surface = surface.strip_prefix("the ").unwrap_or(surface);
                !m.pronoun
                    && names
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(&m.name) || n.eq_ignore_ascii_case(surface))
            })
            .collect();
        let Some((&first, rest)) = matching.split_first() else {
            continue;
        };
        for &i in rest {
            sets.union(first, i);
        }
        forced.insert(first, (declared.name.clone(), declared.kind));
    }
    // Roots may have moved while merging.
    forced.into_iter().map(|(i, v)| (sets.find(i), v)).collect()
}
