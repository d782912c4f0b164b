//! Merging mentions that name the same actor: a person's full name, bare
//! surname and first name ("Lene Holm", "Holm", "Lene"), places by
//! the gazetteer ("U.S." = "Washington"), groups by modifier and kind of
//! people ("Danish officials" = "Danish authorities"), acronyms of
//! organisations, descriptions of an organisation named before ("the
//! newspaper" after "The Valley Press"), and the aliases the user's config
//! declares.

use std::collections::hash_map::Entry;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use super::Groups;
use super::traits::Names;
use crate::analysis::shared::{DisjointSets, name_words};
use crate::analysis::wordlists::{self, Gender, Map, Set, with_ascii_lowercase, with_lowercase};
use crate::analysis::{ActorAlias, ActorKind, Mention};

/// Merges mentions that name the same actor by the rules for each kind.
/// `names` holds the mentions' traits and names; `titled` is each
/// mention's gender as its title or first name tells it (`title_genders`),
/// found once for all.
pub(super) fn merge_names(
    mentions: &[Mention],
    names: &Names,
    titled: &[Option<Gender>],
    sets: &mut DisjointSets,
) {
    let traits = &names.traits;
    // The first mention of each name as written, by kind: a name seen
    // before joins its first mention at once, so each key below (lowercased,
    // allocated) is made once per distinct name, not once per mention.
    let mut first_as_written = FirstByKind::new(names.all.len());
    let mut persons: Vec<usize> = Vec::new();
    // The mentions of a name new with its kind, keyed below.
    let mut fresh: Vec<usize> = Vec::new();
    for (i, t) in traits.iter().enumerate() {
        if t.is_pronoun() || t.is_description() {
            continue;
        }
        match t.kind {
            ActorKind::Person => {
                persons.push(i);
                continue;
            }
            ActorKind::Anonymous => continue,
            _ => {}
        }
        match first_as_written.first_or_note(t.kind, t.name, i) {
            Some(first) => sets.union(i, first),
            None => fresh.push(i),
        }
    }
    // By kind, the first mention of each key. Sized ahead (at most a key
    // per fresh name): growing it rehashes every key so far. The sets are
    // the same whatever the order of the unions.
    let mut first_of: Map<(ActorKind, String), usize> =
        Map::with_capacity_and_hasher(fresh.len(), Default::default());
    for i in fresh {
        let m = &mentions[i];
        let key = match m.kind {
            ActorKind::Place => place_name(m.name()).to_lowercase(),
            ActorKind::Group => group_key(m.name()),
            _ => m.name().to_lowercase(),
        };
        let key = (m.kind, key);
        match first_of.get(&key) {
            Some(&first) => sets.union(i, first),
            None => {
                first_of.insert(key, i);
            }
        }
    }
    merge_acronyms(names, sets);
    merge_persons(names, titled, &persons, sets);
}

/// The first mention of each name (by id) with each kind: a slot per name
/// for the kind it first comes with, and a map for the rare name seen
/// with another kind too. Looked up per mention: a slot, not a hash.
struct FirstByKind {
    slots: Vec<Option<(ActorKind, usize)>>,
    others: Map<(ActorKind, u32), usize>,
}

impl FirstByKind {
    fn new(names: usize) -> Self {
        FirstByKind {
            slots: vec![None; names],
            others: Map::default(),
        }
    }

    /// The first mention of `name` with `kind`, if any; else notes the
    /// mention `i` as that.
    fn first_or_note(&mut self, kind: ActorKind, name: u32, i: usize) -> Option<usize> {
        match &mut self.slots[name as usize] {
            Some((k, first)) if *k == kind => Some(*first),
            Some(_) => match self.others.entry((kind, name)) {
                Entry::Occupied(first) => Some(*first.get()),
                Entry::Vacant(slot) => {
                    slot.insert(i);
                    None
                }
            },
            slot @ None => {
                *slot = Some((kind, i));
                None
            }
        }
    }
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
    let mut words = name.split_whitespace();
    let Some(head) = words.next_back() else {
        return String::new();
    };
    // Written into one string, not joined from a list of words: one
    // allocation less per word.
    let mut key = String::with_capacity(name.len() + 16);
    let modifiers = words.clone().count();
    if modifiers == 1 {
        // Most groups have one modifier, or none: nothing to sort, and
        // lowercased into the key, not into a string of its own.
        for w in words {
            with_lowercase(group_modifier(w), |w| key.push_str(w));
            key.push(' ');
        }
    } else {
        let mut sorted: Vec<String> = words.map(|w| group_modifier(w).to_lowercase()).collect();
        sorted.sort();
        for modifier in &sorted {
            key.push_str(modifier);
            key.push(' ');
        }
    }
    with_lowercase(head, |head| {
        // A bare head noun says too little to stand for another one of its
        // class: "people" familiar with a bid are not the "children" of a school.
        let class = lists
            .people
            .get(head)
            .map(|n| n.class)
            .or_else(|| lists.collectives.get(head).copied())
            .filter(|_| modifiers > 0)
            .unwrap_or(head);
        key.push_str(class);
    });
    key
}

/// A modifier of a group as its key has it, before lowercasing: a place
/// by its gazetteer name ("Danish" → "Denmark"), a possessive's "'s" dropped.
fn group_modifier(word: &str) -> &str {
    let lists = wordlists::get();
    // Suffixes stripped in a loop, as `trim_end_matches` would: its
    // pattern search cost more than the rest of the key.
    let mut word = word;
    while let Some(stem) = word.strip_suffix("’s") {
        word = stem;
    }
    while let Some(stem) = word.strip_suffix("'s") {
        word = stem;
    }
    lists
        .demonyms
        .get(word)
        .copied()
        .or_else(|| lists.places.get(word).map(|p| p.canonical))
        .unwrap_or(word)
}

/// What `assets/lexicon/descriptions.tsv` says: for each description noun
/// ("newspaper"), the last words of the names it may stand for ("press",
/// "times", …); and every such word.
struct Descriptions {
    names_of: Map<&'static str, Vec<&'static str>>,
    name_words: Set<&'static str>,
}

fn descriptions() -> &'static Descriptions {
    static TABLE: OnceLock<Descriptions> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Descriptions {
            names_of: Map::default(),
            name_words: Set::default(),
        };
        let lines = include_str!("../../../assets/lexicon/descriptions.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        for line in lines {
            let columns: Vec<&str> = line.split('\t').map(str::trim).collect();
            if let [_kind, nouns, names] = columns[..] {
                let names: Vec<&str> = names.split_whitespace().collect();
                table.name_words.extend(names.iter().copied());
                for noun in nouns.split_whitespace() {
                    table.names_of.insert(noun, names.clone());
                }
            }
        }
        table
    })
}

/// "The Valley Press reported … the newspaper said", "The Lund Alliance
/// said … The group plans": a definite description joins the nearest
/// earlier organisation whose name ends with a word its kind allows (one
/// pass; for each such word, the latest organisation named with it).
pub(super) fn merge_descriptions(
    text: &str,
    mentions: &[Mention],
    names: &Names,
    sets: &mut DisjointSets,
) {
    let table = descriptions();
    let mut latest: Map<&'static str, usize> = Map::default();
    // By name id, the word of the descriptions' table its last word is,
    // if any: looked up once per name.
    let mut name_word: Vec<Option<Option<&'static str>>> = vec![None; names.all.len()];
    for (i, t) in names.traits.iter().enumerate() {
        if t.is_pronoun()
            || !matches!(
                t.kind,
                ActorKind::Organization | ActorKind::Group | ActorKind::Other
            )
        {
            continue;
        }
        let m = &mentions[i];
        if let Some(names) = definite_head(m.span.of(text)).and_then(|n| table.names_of.get(n)) {
            if let Some(&named) = names.iter().filter_map(|w| latest.get(w)).max() {
                sets.union(i, named);
            }
            continue;
        }
        if t.kind != ActorKind::Organization {
            continue;
        }
        let word = *name_word[t.name as usize].get_or_insert_with(|| {
            let last = m.name.split_whitespace().last().unwrap_or_default();
            wordlists::with_ascii_lowercase(last, |w| table.name_words.get(w).copied())
        });
        if let Some(word) = word {
            latest.insert(word, i);
        }
    }
}

/// Whether a mention is a definite description that may stand for an
/// organisation named before ("the newspaper", "The group").
pub fn is_organisation_description(text: &str, m: &Mention) -> bool {
    !m.pronoun
        && matches!(
            m.kind,
            ActorKind::Organization | ActorKind::Group | ActorKind::Other
        )
        && definite_head(m.span.of(text)).is_some_and(|n| descriptions().names_of.contains_key(n))
}

/// The noun of a definite description ("the newspaper", "The local
/// group"): "the", then one to three lower-case words; `None` otherwise.
fn definite_head(surface: &str) -> Option<&str> {
    // Most organisations start with no "the": told by three bytes, before
    // splitting the phrase into words.
    let start = surface.trim_start().as_bytes();
    if start.len() <= 3 || !start[..3].eq_ignore_ascii_case(b"the") {
        return None;
    }
    let mut words = surface.split_whitespace();
    if !words.next()?.eq_ignore_ascii_case("the") {
        return None;
    }
    // Word by word, not collected: this runs for every organisation mention.
    let mut head = None;
    for (n, word) in words.enumerate() {
        if n == 3 || !word.chars().all(|c| c.is_lowercase() || c == '-') {
            return None;
        }
        head = Some(word);
    }
    head
}

/// "FBI" = "Federal Bureau of Investigation": an acronym of an
/// organisation's capitalised words.
/// Each name is read once, at its first mention: the later ones have the
/// same initials, and stand for the same acronym, if any.
fn merge_acronyms(names: &Names, sets: &mut DisjointSets) {
    let organisations = || {
        names
            .traits
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == ActorKind::Organization && !t.is_pronoun())
            .map(|(i, t)| (i, t.name as usize))
    };
    let mut read = vec![false; names.all.len()];
    let mut by_initials: Map<String, usize> = Map::default();
    for (i, id) in organisations() {
        if std::mem::replace(&mut read[id], true) {
            continue;
        }
        let name = names.all[id];
        let initials: String = name
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if initials.len() > 1 && name.contains(' ') {
            by_initials.entry(initials).or_insert(i);
        }
    }
    // By name id: the first mention of the name it is the acronym of.
    let mut expanded: Vec<Option<Option<usize>>> = vec![None; names.all.len()];
    for (i, id) in organisations() {
        let full = *expanded[id].get_or_insert_with(|| by_initials.get(names.all[id]).copied());
        if let Some(j) = full {
            sets.union(i, j);
        }
    }
}

/// People: one full name per first and last name; a bare surname joins the
/// nearest earlier full name that ends with it (else the first later one),
/// preferring one whose title agrees in gender ("Mrs. Clinton").
fn merge_persons(
    names: &Names,
    titled: &[Option<Gender>],
    persons: &[usize],
    sets: &mut DisjointSets,
) {
    // As in merge_names: a full name as written before joins at once; the
    // lowercased key is made once per distinct name.
    let mut full_as_written: Vec<Option<usize>> = vec![None; names.all.len()];
    // The maps below are sized ahead by the people's distinct names (a
    // word or two each): growing a map rehashes every key so far.
    let mut seen = vec![false; names.all.len()];
    let people = persons
        .iter()
        .filter(|&&i| !std::mem::replace(&mut seen[names.traits[i].name as usize], true))
        .count();
    // By the first and last words in lower case ([`Shapes::lower`]).
    let mut full: Map<(usize, usize), usize> =
        Map::with_capacity_and_hasher(people, Default::default());
    // What each name's words are found by, read once per distinct name.
    let mut shapes = Shapes::new(names.all.len(), 2 * people);
    // The names of one word, with that word: surnames alone.
    let mut bare_names: Vec<(usize, usize)> = Vec::new();
    // The full names, by mention, with their first and last words.
    let mut full_names: Vec<FullName> = Vec::new();
    for &i in persons {
        let id = names.traits[i].name;
        let (first, last) = match shapes.of(id, names) {
            Shape::Nameless => continue,
            Shape::Bare(word) => {
                bare_names.push((i, word));
                continue;
            }
            Shape::Full { first, last } => (first, last),
        };
        if let Some(j) = full_as_written[id as usize] {
            sets.union(i, j);
        } else {
            full_as_written[id as usize] = Some(i);
            let key = (shapes.lower(first), shapes.lower(last));
            match full.get(&key) {
                Some(&j) => sets.union(i, j),
                None => {
                    full.insert(key, i);
                }
            }
        }
        full_names.push(FullName {
            mention: i,
            first,
            last,
        });
    }
    let surnames = Surnames::of(&full_names, titled, shapes.words.len());
    let by_first = || full_names.iter().map(|f| (f.first, f.mention));
    let first_name_of = Groups::of(by_first, shapes.words.len());
    for (i, word_index) in bare_names {
        let gender = titled[i];
        let word = &mut shapes.words[word_index];
        // "Mrs. Reyes" is not "Tomas Reyes": a title of the other gender
        // keeps spouses and siblings apart. The nearest earlier full name
        // that agrees, else the first later one.
        let owners = surnames.with(gender).of_group(word_index);
        let split = owners.partition_point(|&j| j < i);
        let nearest = split
            .checked_sub(1)
            .or((split < owners.len()).then_some(split));
        let target = nearest.map(|k| owners[k]);
        // "Mary" for "Mary Lennox": a first name that only one full name has.
        let target = target.or_else(|| {
            *word.only_owner.get_or_insert_with(|| {
                let owners = first_name_of.of_group(word_index);
                let root = sets.find(*owners.first()?);
                owners
                    .iter()
                    .all(|&j| sets.find(j) == root)
                    .then_some(owners[0])
            })
        });
        // "Mr. Weston" and "Mrs. Weston" with no full name: a couple, two
        // people; a bare "Weston" joins the first of them. By whether the
        // title is a man's: none, a man's, a woman's.
        let slot = |gender: Option<Gender>| match gender {
            None => 0,
            Some(Gender::Male) => 1,
            Some(Gender::Female) => 2,
        };
        let bare = &mut word.bare;
        let earlier = bare[slot(gender)].or_else(|| match gender {
            Some(_) => bare[0],
            None => bare[1].or(bare[2]),
        });
        match target.or(earlier) {
            Some(j) => sets.union(i, j),
            None => bare[slot(gender)] = Some(i),
        }
    }
}

/// How a person's name is made (`shared::name_words`): no word that
/// identifies, one (a bare surname), or a first and a last; each word as
/// its index in [`Shapes::words`].
#[derive(Clone, Copy)]
enum Shape {
    Nameless,
    Bare(usize),
    Full { first: usize, last: usize },
}

/// The shape of each distinct name, and what is known of each word of
/// the people's names: read once per name and word, where hashing the
/// words of every mention cost more than all the rest of the merging.
struct Shapes<'a> {
    /// By name id.
    of_name: Vec<Option<Shape>>,
    index: Map<&'a str, usize>,
    words: Vec<Word>,
    /// By word, as written and, once asked, its index in lower case.
    spelled: Vec<(&'a str, Option<usize>)>,
    /// The index of each word in lower case: of the ASCII ones keyed as
    /// written, in any case (no lower-case copy to allocate per word); of
    /// the others by their lower case.
    ascii_lower: Map<AsciiCaseless<'a>, usize>,
    other_lower: Map<String, usize>,
}

/// An ASCII word hashed and compared as its lower case: a key needing no
/// lower-case copy of its own.
#[derive(Clone, Copy)]
struct AsciiCaseless<'a>(&'a str);

impl PartialEq for AsciiCaseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for AsciiCaseless<'_> {}

impl Hash for AsciiCaseless<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        with_ascii_lowercase(self.0, |lower| lower.hash(state));
    }
}

/// What is known of one word of the people's names (the full names that
/// end or start with it are grouped by word apart: [`Surnames`]).
#[derive(Default)]
struct Word {
    /// Its full name if only one has it as a first name: asked once per
    /// word, as the bare names join no two full names together.
    only_owner: Option<Option<usize>>,
    /// The first bare mention of it with no title, a man's, a woman's.
    bare: [Option<usize>; 3],
}

impl<'a> Shapes<'a> {
    /// Shapes for `names` name ids, with room for `words` words.
    fn new(names: usize, words: usize) -> Self {
        Shapes {
            of_name: vec![None; names],
            index: Map::with_capacity_and_hasher(words, Default::default()),
            words: Vec::new(),
            spelled: Vec::new(),
            ascii_lower: Map::with_capacity_and_hasher(words, Default::default()),
            other_lower: Map::default(),
        }
    }

    fn of(&mut self, id: u32, names: &Names<'a>) -> Shape {
        if let Some(shape) = self.of_name[id as usize] {
            return shape;
        }
        let mut words = name_words(names.all[id as usize]);
        let shape = match (words.next(), words.next()) {
            (None, _) => Shape::Nameless,
            (Some(word), None) => Shape::Bare(self.word(word)),
            (Some(first), Some(second)) => {
                let last = words.last().unwrap_or(second);
                Shape::Full {
                    first: self.word(first),
                    last: self.word(last),
                }
            }
        };
        self.of_name[id as usize] = Some(shape);
        shape
    }

    fn word(&mut self, word: &'a str) -> usize {
        *self.index.entry(word).or_insert_with(|| {
            self.words.push(Word::default());
            self.spelled.push((word, None));
            self.words.len() - 1
        })
    }

    /// The word `word` (an index) in lower case, as an index of its own:
    /// words equal in any case have the same. Lowercased once per word as
    /// written, where a key of two lowercased strings cost two allocations
    /// per full name.
    fn lower(&mut self, word: usize) -> usize {
        let (spelling, lower) = self.spelled[word];
        if let Some(known) = lower {
            return known;
        }
        let fresh = self.ascii_lower.len() + self.other_lower.len();
        let index = if spelling.is_ascii() {
            match self.ascii_lower.entry(AsciiCaseless(spelling)) {
                Entry::Occupied(known) => *known.get(),
                Entry::Vacant(slot) => {
                    // A word past ASCII may have lowered to this one (the
                    // Kelvin sign "K" to "k"): then it is in the other map.
                    let others = &self.other_lower;
                    let lowered_before = (!others.is_empty())
                        .then(|| with_ascii_lowercase(spelling, |w| others.get(w).copied()))
                        .flatten();
                    lowered_before.unwrap_or_else(|| *slot.insert(fresh))
                }
            }
        } else {
            let lowered = spelling.to_lowercase();
            // Keys borrowed for less long: the map is covariant in them.
            let ascii: &Map<AsciiCaseless<'_>, usize> = &self.ascii_lower;
            let known = lowered
                .is_ascii()
                .then(|| ascii.get(&AsciiCaseless(&lowered)).copied())
                .flatten();
            known.unwrap_or_else(|| *self.other_lower.entry(lowered).or_insert(fresh))
        };
        self.spelled[word].1 = Some(index);
        index
    }
}

/// A mention of a person by a full name, and its first and last words
/// (indices in [`Shapes::words`]).
struct FullName {
    mention: usize,
    first: usize,
    last: usize,
}

/// The full names by their last word, in text order: all of them, and
/// those a man's or a woman's title agrees with (no title of the other
/// gender). A titled surname finds its nearest full name by a search, not
/// by a scan past every full name of the other gender.
struct Surnames {
    all: Groups,
    not_female: Groups,
    not_male: Groups,
}

impl Surnames {
    fn of(full_names: &[FullName], titled: &[Option<Gender>], words: usize) -> Self {
        let not = |gender: Option<Gender>| {
            let by_last = move || {
                full_names
                    .iter()
                    .filter(move |f| gender.is_none() || titled[f.mention] != gender)
                    .map(|f| (f.last, f.mention))
            };
            Groups::of(by_last, words)
        };
        Surnames {
            all: not(None),
            not_female: not(Some(Gender::Female)),
            not_male: not(Some(Gender::Male)),
        }
    }

    /// The full names a surname titled with `gender` (if any) may join.
    fn with(&self, gender: Option<Gender>) -> &Groups {
        match gender {
            None => &self.all,
            Some(Gender::Male) => &self.not_female,
            Some(Gender::Female) => &self.not_male,
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

#[cfg(test)]
mod tests {
    use super::Shapes;

    #[test]
    fn words_equal_in_any_case_share_one_lower_case_index() {
        let mut shapes = Shapes::new(0, 8);
        let mut lower = |word: &'static str| {
            let index = shapes.word(word);
            shapes.lower(index)
        };
        let vantreck = lower("Vantreck");
        assert_eq!(lower("VANTRECK"), vantreck);
        assert_eq!(lower("vantreck"), vantreck);
        assert_ne!(lower("Oslund"), vantreck);
        let greek = lower("Ωρα");
        assert_eq!(lower("ΩΡΑ"), greek);
        // The Kelvin sign lowers to an ASCII "k", before or after it.
        let kell = lower("\u{212A}ell");
        assert_eq!(lower("Kell"), kell);
        let kors = lower("KORS");
        assert_eq!(lower("\u{212A}ors"), kors);
        assert_ne!(kell, kors);
    }
}
