//! Merging mentions into actors: aliases ("Okafor", "President
//! Okafor"), groups ("Peruvian officials" = "Peruvian authorities"),
//! places ("U.S." = "Washington" = "the United States"), and pronouns
//! resolved to the nearest fitting actor (pronouns.rs).
//!
//! Named entities always become actors; groups, anonymous sources and
//! documents only when they are a claim's source or merge with an actor.

use super::mentions::is_pronoun;
use super::segment::Sentence;
use super::wordlists::{self, Gender, Map};
use super::{Actor, ActorKind, FoundClaim, Mention, Options, Quotation, Resolution};

/// The actors the mentions stand for.
pub fn resolve(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    claims: &[FoundClaim],
    quotations: &[Quotation],
    options: &Options,
) -> Resolution {
    let mut is_source = vec![false; mentions.len()];
    for m in claims.iter().filter_map(|c| c.source) {
        if m < mentions.len() {
            is_source[m] = true;
        }
    }
    let mut sets = DisjointSets::new(mentions.len());
    merge_names(mentions, &mut sets);
    let forced = merge_configured(text, mentions, options, &mut sets);
    let mut referent: Vec<Option<usize>> = (0..mentions.len())
        .map(|i| (!mentions[i].pronoun && !is_description(&mentions[i])).then_some(i))
        .collect();
    super::pronouns::resolve(
        text,
        sentences,
        mentions,
        quotations,
        &is_source,
        &mut sets,
        &mut referent,
    );

    // Which sets are actors.
    let mut keep = vec![false; mentions.len()];
    for (i, m) in mentions.iter().enumerate() {
        let Some(r) = referent[i] else { continue };
        let root = sets.find(r);
        if is_source[i] || is_named(m) || forced.contains_key(&root) {
            keep[root] = true;
        }
    }
    let mut actor_of_root: Map<usize, usize> = Map::default();
    let mut actors: Vec<Actor> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut actor_of = vec![None; mentions.len()];
    for i in 0..mentions.len() {
        let Some(r) = referent[i] else { continue };
        let root = sets.find(r);
        if !keep[root] {
            continue;
        }
        let index = *actor_of_root.entry(root).or_insert_with(|| {
            actors.push(Actor {
                name: String::new(),
                kind: mentions[r].kind,
                role: None,
                aliases: Vec::new(),
                mentions: Vec::new(),
                claims: Vec::new(),
            });
            members.push(Vec::new());
            actors.len() - 1
        });
        actor_of[i] = Some(index);
        members[index].push(i);
    }
    for (root, &index) in &actor_of_root {
        // A group is named as it first speaks ("U.S. officials also prefer …"),
        // not as it is first mentioned.
        let speaking = members[index]
            .iter()
            .copied()
            .find(|&i| is_source[i] && !mentions[i].pronoun);
        describe(
            text,
            &mut actors[index],
            &members[index],
            mentions,
            forced.get(root),
            speaking,
        );
    }
    Resolution { actors, actor_of }
}

/// "the two-term president": a person's description, named in lower case.
pub(super) fn is_description(m: &Mention) -> bool {
    m.kind == ActorKind::Person && m.name.starts_with("the ")
}

/// Whether a mention names its actor surely enough to make it one: an
/// organisation, a place, a person with a title or a full name. A bare
/// capitalised word ("Tarija" in "areas like Tarija") is too uncertain on
/// its own; it joins an actor only by merging with such a mention.
fn is_named(m: &Mention) -> bool {
    match m.kind {
        ActorKind::Organization | ActorKind::Place => !m.pronoun,
        ActorKind::Person => {
            !m.pronoun && !is_description(m) && (m.role.is_some() || m.name.contains(' '))
        }
        _ => false,
    }
}

/// Fills in an actor's name, kind, role, aliases and mentions.
fn describe(
    text: &str,
    actor: &mut Actor,
    members: &[usize],
    mentions: &[Mention],
    forced: Option<&(String, Option<ActorKind>)>,
    speaking: Option<usize>,
) {
    let named: Vec<&Mention> = members
        .iter()
        .map(|&i| &mentions[i])
        .filter(|m| !m.pronoun && !is_description(m))
        .collect();
    let all: Vec<&Mention> = members.iter().map(|&i| &mentions[i]).collect();
    let lists = wordlists::get();
    let first = named.first().or(all.first()).copied();
    if let Some(first) = first {
        actor.kind = first.kind;
    }
    actor.name = match actor.kind {
        ActorKind::Person | ActorKind::Organization => named
            .iter()
            .max_by_key(|m| (m.name.split_whitespace().count(), m.name.len()))
            .map(|m| m.name.clone()),
        ActorKind::Place => named.iter().find_map(|m| {
            lists
                .places
                .get(m.name.as_str())
                .map(|p| p.canonical.to_string())
        }),
        _ => speaking.map(|i| mentions[i].name.clone()),
    }
    .or_else(|| first.map(|m| m.name.clone()))
    .unwrap_or_default();
    actor.role = all
        .iter()
        .filter_map(|m| m.role.as_deref())
        .filter(|r| !r.contains(','))
        .max_by_key(|r| (!is_honorific(r), r.split_whitespace().count()))
        .map(str::to_string);
    if let Some((name, kind)) = forced {
        actor.name = name.clone();
        if let Some(kind) = kind {
            actor.kind = *kind;
        }
    }
    let mut aliases: Vec<String> = Vec::new();
    for m in &all {
        if m.pronoun {
            continue;
        }
        let surface = m.span.of(text);
        for candidate in [m.name.as_str(), surface] {
            let candidate = candidate.trim();
            let fresh = !candidate.is_empty()
                && !candidate.contains(',')
                && !is_pronoun(candidate)
                && !candidate.eq_ignore_ascii_case(&actor.name)
                && !aliases.iter().any(|a| a.eq_ignore_ascii_case(candidate));
            if fresh {
                aliases.push(candidate.to_string());
            }
        }
    }
    actor.aliases = aliases;
    actor.mentions = all.iter().map(|m| m.span).collect();
    actor.mentions.sort();
    actor.mentions.dedup();
}

fn is_honorific(role: &str) -> bool {
    wordlists::get()
        .honorifics
        .contains_key(role.to_ascii_lowercase().as_str())
}

/// The gender a mention's title ("Mrs. Clinton") or, failing that, its
/// first name ("Hillary Clinton", "Mary") tells, if any.
pub(super) fn title_gender(m: &Mention) -> Option<Gender> {
    if m.kind != ActorKind::Person || m.pronoun {
        return None;
    }
    let lists = wordlists::get();
    let by_title = m.role.as_deref().and_then(|role| {
        role.split_whitespace().find_map(|w| {
            lists
                .honorifics
                .get(w.to_ascii_lowercase().as_str())
                .copied()
        })
    });
    by_title.or_else(|| {
        let words = name_words(&m.name);
        // A lone surname after a title is no first name ("Mr. Philip").
        if words.len() < 2 && m.role.is_some() {
            return None;
        }
        lists.first_names.get(words.first()?).copied()
    })
}

/// Merges mentions that name the same actor by the rules for each kind.
fn merge_names(mentions: &[Mention], sets: &mut DisjointSets) {
    let mut by_key: Map<(ActorKind, String), usize> = Map::default();
    let mut persons: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.pronoun || is_description(m) {
            continue;
        }
        let key = match m.kind {
            ActorKind::Person => {
                persons.push(i);
                continue;
            }
            ActorKind::Place => place_key(&m.name),
            ActorKind::Organization => m.name.to_lowercase(),
            ActorKind::Group => group_key(&m.name),
            ActorKind::Other => m.name.to_lowercase(),
            ActorKind::Anonymous => continue,
        };
        match by_key.get(&(m.kind, key.clone())) {
            Some(&j) => sets.union(i, j),
            None => {
                by_key.insert((m.kind, key), i);
            }
        }
    }
    merge_acronyms(mentions, sets);
    merge_persons(mentions, &persons, sets);
}

/// The gazetteer's name for a place ("U.S." → "united states").
fn place_key(name: &str) -> String {
    let lists = wordlists::get();
    lists
        .places
        .get(name)
        .map_or(name, |p| p.canonical)
        .to_lowercase()
}

/// A group's identity: its modifiers (places by their gazetteer name) and
/// the class of its head noun, so "Peruvian officials" = "Peruvian
/// authorities" and "U.S. officials" = "U.S. counterparts".
fn group_key(name: &str) -> String {
    let lists = wordlists::get();
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((head, modifiers)) = words.split_last() else {
        return String::new();
    };
    let head_lower = head.to_lowercase();
    let class = lists
        .people
        .get(head_lower.as_str())
        .map(|n| n.class)
        .or_else(|| lists.collectives.get(head_lower.as_str()).copied())
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
        if let Some(&j) = by_initials.get(m.name.as_str()) {
            sets.union(i, j);
        }
    }
}

/// The words of a person's name that identify them: without initials and
/// suffixes ("Joseph R. Biden Jr." → "Joseph", "Biden").
fn name_words(name: &str) -> Vec<&str> {
    name.split_whitespace()
        .filter(|w| {
            let bare = w.trim_end_matches('.');
            bare.chars().count() > 1 && !matches!(bare, "Jr" | "Sr" | "II" | "III" | "IV")
        })
        .collect()
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
        let words = name_words(&mentions[i].name);
        if words.len() >= 2 {
            let (first, last) = (words[0], words[words.len() - 1]);
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
    let mut bare: Map<String, usize> = Map::default();
    for &i in persons {
        let words = name_words(&mentions[i].name);
        let [word] = words[..] else { continue };
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
        let target = candidates
            .clone()
            .find(|&j| agrees(j))
            .or_else(|| candidates.clone().next());
        // "Mary" for "Mary Lennox": a first name that only one full name has.
        let target = target.or_else(|| {
            let owners = by_first_name.get(word)?;
            let root = sets.find(owners[0]);
            owners
                .iter()
                .all(|&j| sets.find(j) == root)
                .then_some(owners[0])
        });
        match target {
            Some(j) => sets.union(i, j),
            None => match bare.get(word) {
                Some(&j) => sets.union(i, j),
                None => {
                    bare.insert(word.to_string(), i);
                }
            },
        }
    }
}

/// Mentions the user's config declares to be one actor (`[[actors]]`):
/// merged, and the actor's name and kind, by set.
fn merge_configured(
    text: &str,
    mentions: &[Mention],
    options: &Options,
    sets: &mut DisjointSets,
) -> Map<usize, (String, Option<ActorKind>)> {
    let mut forced = Map::default();
    for declared in &options.actors {
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

/// Union-find over mention indices.
pub(super) struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    pub fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins two sets; the earlier mention stays the root.
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::mentions::tests::mentions_of;
    use crate::analysis::{ClaimKind, segment};
    use crate::span::Span;

    /// Resolves `text` with a claim whose source is the mention `source_text`
    /// (each of them, in order).
    fn resolve_with_sources(
        text: &str,
        sources: &[&str],
        options: &Options,
    ) -> (Vec<Mention>, Resolution) {
        let tokens = segment::tokenize(text);
        let mentions = mentions_of(text);
        let mut from = 0;
        let claims: Vec<FoundClaim> = sources
            .iter()
            .map(|s| {
                let start = from + text[from..].find(s).expect("source in text");
                from = start + s.len();
                let source = mentions
                    .iter()
                    .position(|m| m.span == Span::new(start, start + s.len()))
                    .unwrap_or_else(|| panic!("no mention {s:?} in {mentions:?}"));
                FoundClaim {
                    kind: ClaimKind::Indirect,
                    span: Span::new(0, 1),
                    quotes: Vec::new(),
                    source: Some(source),
                    cue: None,
                    sentence: Span::new(0, text.len()),
                    rule: crate::analysis::Rule::SubjectCueContent,
                    via: crate::analysis::Via::Subject,
                }
            })
            .collect();
        let quotations = crate::analysis::quotes::find(text, &tokens);
        let sentences = segment::sentences(text, &tokens);
        let resolution = resolve(text, &sentences, &mentions, &claims, &quotations, options);
        (mentions, resolution)
    }

    fn actor_named<'r>(r: &'r Resolution, name: &str) -> &'r Actor {
        r.actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no actor {name:?} in {:?}", r.actors))
    }

    #[test]
    fn a_person_is_one_actor_under_the_fullest_name_and_title() {
        let text = "Peruvian President Maria Okafor has drawn a clear line. Cartels take comfort in President Okafor’s strong stance. Okafor said so.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        let people: Vec<&Actor> = r
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .collect();
        assert_eq!(people.len(), 1, "{people:?}");
        let s = people[0];
        assert_eq!(s.name, "Maria Okafor");
        assert_eq!(s.role.as_deref(), Some("Peruvian President"));
        assert!(
            s.aliases.contains(&"President Okafor".to_string()),
            "{:?}",
            s.aliases
        );
        assert!(s.aliases.contains(&"Okafor".to_string()));
        assert_eq!(s.mentions.len(), 3);
    }

    #[test]
    fn abbreviations_and_capitals_are_their_country() {
        let text = "Bolivia is a country Washington has long sought to destabilize. Migration into the United States fell, and 55 operatives were sent to the U.S.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        let us = actor_named(&r, "United States");
        assert_eq!(us.kind, ActorKind::Place);
        assert!(us.aliases.contains(&"Washington".to_string()));
        assert!(us.aliases.contains(&"U.S.".to_string()));
    }

    #[test]
    fn groups_with_the_same_modifier_and_kind_of_people_merge() {
        let text = "Peruvian authorities emphasize the cooperation. Peruvian officials indicate that U.S. counterparts have given no impression. U.S. officials also prefer collaboration.";
        let (_, r) = resolve_with_sources(
            text,
            &[
                "Peruvian authorities",
                "Peruvian officials",
                "U.S. officials",
            ],
            &Options::default(),
        );
        let mexican = actor_named(&r, "Peruvian authorities");
        assert!(mexican.aliases.contains(&"Peruvian officials".to_string()));
        let us = actor_named(&r, "U.S. officials");
        assert!(us.aliases.contains(&"U.S. counterparts".to_string()));
        assert_eq!(us.kind, ActorKind::Group);
    }

    #[test]
    fn groups_become_actors_only_as_sources() {
        let text = "Certain cartel members are unfazed. Many analysts caution against complacency. Analysts warn that Peru might trust too much.";
        let (_, r) = resolve_with_sources(text, &["Many analysts"], &Options::default());
        assert!(r.actors.iter().all(|a| a.name != "cartel members"));
        let analysts = actor_named(&r, "analysts");
        assert_eq!(analysts.mentions.len(), 2, "{analysts:?}");
    }

    #[test]
    fn they_resolves_to_the_plural_group_that_spoke_not_the_nearer_government() {
        let text = "In anonymous interviews, cartel operatives expressed minimal concern, attributing their confidence to the Peruvian government’s protective posture. They also asserted their resilience.";
        let (mentions, r) =
            resolve_with_sources(text, &["cartel operatives", "They"], &Options::default());
        let they = mentions
            .iter()
            .position(|m| m.span.of(text) == "They")
            .unwrap();
        let actor = &r.actors[r.actor_of[they].expect("They resolved")];
        assert_eq!(actor.name, "cartel operatives");
        assert!(
            !actor.aliases.iter().any(|a| a == "They"),
            "a pronoun is no alias"
        );
    }

    #[test]
    fn she_skips_a_man_known_by_his_title() {
        let text = "Mrs. Clinton met Mr. Haines on Monday. She said the talks went well.";
        let (mentions, r) = resolve_with_sources(text, &["She"], &Options::default());
        let she = mentions.iter().position(|m| m.name == "She").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Clinton");
    }

    #[test]
    fn he_prefers_the_subject_of_the_previous_sentence() {
        let text = "Senator Bernie Sanders attacked Hillary Clinton on Monday. He said the party had lost its way.";
        let (mentions, r) = resolve_with_sources(text, &["He"], &Options::default());
        let he = mentions.iter().position(|m| m.name == "He").unwrap();
        assert_eq!(r.actors[r.actor_of[he].unwrap()].name, "Bernie Sanders");
    }

    #[test]
    fn who_stands_for_the_name_just_before_it() {
        let text = "The crowd cheered for Small, who said the rally was great.";
        let (mentions, r) = resolve_with_sources(text, &["who"], &Options::default());
        let who = mentions.iter().position(|m| m.name == "who").unwrap();
        assert_eq!(r.actors[r.actor_of[who].unwrap()].name, "Small");
    }

    #[test]
    fn a_bare_capitalised_word_alone_is_no_actor() {
        let text = "Violence ravaged areas like Tarija. Secretary of State Walter Reyes visited.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        assert!(
            r.actors.iter().all(|a| a.name != "Tarija"),
            "{:?}",
            r.actors
        );
        assert!(r.actors.iter().any(|a| a.name == "Walter Reyes"));
    }

    #[test]
    fn the_config_merges_what_the_rules_would_not() {
        let text = "The Fed raised rates. The Federal Reserve said inflation was easing.";
        let options = Options {
            actors: vec![crate::analysis::ActorAlias {
                name: "Federal Reserve".into(),
                aliases: vec!["Fed".into()],
                kind: Some(ActorKind::Organization),
            }],
            ..Options::default()
        };
        let (_, r) = resolve_with_sources(text, &[], &options);
        let fed = actor_named(&r, "Federal Reserve");
        assert_eq!(fed.mentions.len(), 2, "{:?}", r.actors);
        assert_eq!(fed.kind, ActorKind::Organization);
    }

    #[test]
    fn a_first_name_tells_the_gender_and_joins_the_full_name() {
        let text = "Mary Lennox sat with Philip in the garden. Philip looked away. Mary waited, and she said it was late.";
        let (mentions, r) = resolve_with_sources(text, &["she"], &Options::default());
        let mary = actor_named(&r, "Mary Lennox");
        assert_eq!(mary.mentions.len(), 3, "{:?}", r.actors);
        let she = mentions.iter().position(|m| m.name == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Mary Lennox");
    }

    #[test]
    fn a_chain_of_pronouns_carries_the_name_across_sentences() {
        let text = "Mary woke early. She heard nothing. She looked at the wall. The house was still. Nobody came. The wind blew. Then she said it was quiet.";
        let (mentions, r) = resolve_with_sources(text, &["she"], &Options::default());
        let she = mentions.iter().position(|m| m.name == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Mary");
        let other_she = mentions.iter().position(|m| m.name == "She").unwrap();
        assert_eq!(
            r.actor_of[other_she], None,
            "only sources keep their referent"
        );
    }

    #[test]
    fn he_and_she_may_stand_for_a_boy_or_a_girl_nobody_names() {
        let text = "The boy sat by the river. A girl came down the path. She said the water was cold. He said he did not mind.";
        let (mentions, r) = resolve_with_sources(text, &["She", "He"], &Options::default());
        let she = mentions.iter().position(|m| m.name == "She").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "a girl");
        let he = mentions.iter().position(|m| m.name == "He").unwrap();
        assert_eq!(r.actors[r.actor_of[he].unwrap()].name, "the boy");
    }

    #[test]
    fn a_long_speech_does_not_put_the_speaker_out_of_reach_of_she() {
        let speech = "It rained. ".repeat(20);
        let text = format!(
            "Maria Okafor sat down by the fire. Walter Reyes left the room.\n\n\"{}\" she said at last.",
            speech.trim_end()
        );
        let (mentions, r) = resolve_with_sources(&text, &["she"], &Options::default());
        let she = mentions.iter().position(|m| m.name == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Maria Okafor");
    }

    #[test]
    fn kin_with_my_or_the_is_someone_who_may_speak() {
        let text = "“Look,” said my mother. “The hunt is coming.” The old gentleman nodded, and she said it was late.";
        let (mentions, r) = resolve_with_sources(text, &["my mother", "she"], &Options::default());
        let she = mentions.iter().position(|m| m.name == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "my mother");
    }

    #[test]
    fn she_prefers_a_woman_to_a_name_of_unknown_gender_in_the_same_sentence() {
        let text = "Walter Reyes left early. Then Tarvell Quinby met Maria Okafor at the station, and she said the train was late.";
        let (mentions, r) = resolve_with_sources(text, &["she"], &Options::default());
        let she = mentions.iter().position(|m| m.name == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Maria Okafor");
    }

    #[test]
    fn she_prefers_a_woman_a_few_sentences_back_to_a_nearer_name_of_unknown_gender() {
        let text = "Helen Marsh took the ferry to Kestrel. Kestrel was grey and wet. The pier was empty. She said the crossing had been rough.";
        let (mentions, r) = resolve_with_sources(text, &["She"], &Options::default());
        let she = mentions.iter().position(|m| m.name == "She").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Helen Marsh");
    }

    #[test]
    fn the_girl_stands_for_the_woman_named_before() {
        let text = "Oliver waited. Nancy came in from the cold street and sat down.\n\n“I won’t go back,” said the girl.";
        let (mentions, r) = resolve_with_sources(text, &["the girl"], &Options::default());
        let girl = mentions.iter().position(|m| m.name == "the girl").unwrap();
        assert_eq!(r.actors[r.actor_of[girl].unwrap()].name, "Nancy");
    }
}
