//! The word lists behind every stage but the cues (lexicon.rs): titles,
//! people nouns, organisation words, a gazetteer of places, hedges, figure
//! words, and the small closed classes the rules test words against
//! (determiners, prepositions, abbreviations, fillers after a cue, …).
//!
//! The lists are data in `assets/lexicon/` (each file documents its format
//! at the top), embedded at build time and parsed once into hash sets.
//! Lower-case lists are looked up with ASCII-lowercased token text.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::ActorKind;

/// A hash map with a fast hash for short keys (words): lookups happen per token.
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A hash set with the fast hash of [`Map`].
pub type Set<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// The Fx hash (as in rustc): multiply-rotate over 8-byte words. Not
/// resistant to crafted collisions, which word lists need not be.
#[derive(Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    // In line at every lookup: a word takes a multiply or two, less than
    // the call (which the compiler chose for it as other code changed).
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        // The tail as a zero-padded little-endian word, built in a register:
        // copying it into a buffer called memcpy on every lookup.
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.add(short_word(tail));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// A word key (a name packed with its length) in one multiply, the
    /// hash `write` gives its little-endian bytes, without reading them back.
    fn write_u64(&mut self, word: u64) {
        self.add(word);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The bytes of `b` (fewer than 8) as a zero-padded little-endian word,
/// read in two overlapping loads: a loop over the bytes would end at a
/// different length for each word and mispredict its exit every time.
#[inline]
pub fn short_word(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n < 8);
    if n >= 4 {
        let head = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let tail = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(head) | u64::from(tail) << ((n - 4) * 8)
    } else if n >= 2 {
        let head = u16::from_le_bytes([b[0], b[1]]);
        let tail = u16::from_le_bytes([b[n - 2], b[n - 1]]);
        u64::from(head) | u64::from(tail) << ((n - 2) * 8)
    } else {
        b.first().map_or(0, |&b| u64::from(b))
    }
}

/// Whether two byte strings are equal, compared eight bytes at a time
/// in line (the last eight overlapping), not by a call to memcmp.
#[inline]
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if n < 8 {
        return short_word(a) == short_word(b);
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    (0..n / 8).all(|k| word(a, k * 8) == word(b, k * 8)) && word(a, n - 8) == word(b, n - 8)
}

/// The longest word [`with_lowercase`] and [`with_ascii_lowercase`]
/// lowercase on the stack.
const STACK_WORD: usize = 32;

/// `f` of `word` lowercased as [`str::to_lowercase`] does, without
/// allocating for an ASCII word (nearly every one): the actor stages ask
/// this of every mention.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        with_ascii_lowercase(word, f)
    } else {
        f(&word.to_lowercase())
    }
}

/// `f` of `word` lowercased as [`str::to_ascii_lowercase`] does, on the
/// stack when it is short and as is when it has no ASCII capital.
pub fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    if word.len() > STACK_WORD {
        return f(&word.to_ascii_lowercase());
    }
    let mut room = [0u8; STACK_WORD];
    let lower = &mut room[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    // Only ASCII bytes changed: still the UTF-8 of `word`, lowercased.
    f(std::str::from_utf8(lower).expect("ASCII-lowercased UTF-8"))
}

/// A lower-case word list, looked up in any ASCII case without allocating
/// (as `eq_ignore_ascii_case` against each entry would).
pub struct Words {
    set: Set<&'static str>,
    /// The entries' shape table (see [`shapes`]): a word of no entry's
    /// first letter and length is in no case an entry.
    shapes: [u64; 256],
}

impl Words {
    fn new(set: Set<&'static str>) -> Self {
        let shapes = shapes(set.iter().copied());
        Words { set, shapes }
    }

    /// The entries, in lower case.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.set.iter().copied()
    }

    /// Whether `word`, ASCII-lowercased, is an entry.
    pub fn has(&self, word: &str) -> bool {
        const ROOM: usize = 32;
        // No entry has another first letter and length: told before any
        // hashing (most words asked of a short list are of none).
        let first = word.as_bytes().first().map_or(0, u8::to_ascii_lowercase);
        if self.shapes[usize::from(first)] & shape_bit(word) == 0 {
            return false;
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.set.contains(word);
        }
        if word.len() > ROOM {
            return false;
        }
        let mut room = [0u8; ROOM];
        let lower = &mut room[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).is_ok_and(|w| self.set.contains(w))
    }
}

/// What a title says about a person's gender, when it says anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A noun for people ("officials", "editor").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeopleNoun {
    pub plural: bool,
    /// Nouns of one class name the same kind of people ("officials",
    /// "authorities", "counterparts").
    pub class: &'static str,
}

/// What a word does in a figure (see `figure_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureRole {
    Scale,
    Unit,
    Approx,
    Count,
    Currency,
}

/// A place from the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The name its actor takes ("United States" for "U.S." or "Washington").
    pub canonical: &'static str,
}

pub struct Wordlists {
    /// Titles, single and multi-word, lowercased ("president", "secretary of state").
    pub titles: Set<&'static str>,
    /// Every title as words, by its first word.
    pub titles_by_first: Map<&'static str, Vec<Vec<&'static str>>>,
    pub honorifics: Map<&'static str, Gender>,
    /// Forms of address that are no role and tell no gender ("Dr.").
    pub address_forms: Words,
    /// Common first names, as written → the gender they usually tell.
    pub first_names: Map<&'static str, Gender>,
    pub title_modifiers: Set<&'static str>,
    pub people: Map<&'static str, PeopleNoun>,
    /// Collective noun → class ("administration" → "government").
    pub collectives: Map<&'static str, &'static str>,
    pub documents: Set<&'static str>,
    /// Every word that may head a common-noun mention: people nouns,
    /// titles, collectives, documents (one lookup rules most tokens out).
    pub head_words: Set<&'static str>,
    /// Per first byte, a bit per length (63 for longer) of the head words:
    /// rules most tokens out without hashing them.
    pub head_shapes: [u64; 256],
    pub org_words: Set<&'static str>,
    /// Last words of a place's name ("Street", "River").
    pub place_words: Set<&'static str>,
    /// As written: "White House".
    pub institutions: Set<&'static str>,
    pub function_words: Set<&'static str>,
    /// Quantifier → whether it makes a singular person anonymous ("a", "one").
    pub quantifiers: Map<&'static str, bool>,
    pub group_adjectives: Set<&'static str>,
    pub non_modifiers: Set<&'static str>,
    /// Phrases, as word lists.
    pub anonymous_phrases: Vec<Vec<&'static str>>,
    /// Phrases leading from an unnamed source into a noun phrase
    /// ("familiar with"), as word lists.
    pub anonymous_leads: Vec<Vec<&'static str>>,
    /// Hedges as word lists, by their first word.
    pub hedges: Map<&'static str, Vec<Vec<&'static str>>>,
    /// Single words of `figure_words.tsv`; `figure_phrases` the multi-word ones.
    pub figure_words: Map<&'static str, FigureRole>,
    /// Multi-word figure words by their first word.
    pub figure_phrases: Map<&'static str, Vec<(Vec<&'static str>, FigureRole)>>,
    /// Names, other names and capitals, as written → place.
    pub places: Map<&'static str, Place>,
    /// Demonyms, as written → the country ("Norwegian" → "Norway").
    pub demonyms: Map<&'static str, &'static str>,
    /// Source pronouns → the kind of actor they usually stand for.
    pub pronoun_kinds: Map<&'static str, ActorKind>,
    /// The same pronouns, for a lookup in any case.
    pub pronouns: Words,
    /// Pronouns that only stand as subjects ("he", "they").
    pub nominative_pronouns: Words,
    /// Relative words standing for the phrase before them ("which").
    pub relatives: Words,
    /// Relative words with no phrase before them ("what").
    pub free_relatives: Words,
    /// Words opening a subordinate clause before the main one ("As …, ").
    pub subordinators: Words,
    /// Words joining a clause to a semicolon before it ("; then …").
    pub clause_joiners: Words,
    /// Auxiliaries opening a second verb phrase ("… and has said").
    pub auxiliaries: Words,
    /// Negated auxiliaries before an evidential frame ("doesn't seem").
    pub negated_auxiliaries: Words,
    /// Words that make a participle cue an unnamed question ("when asked").
    pub question_leads: Words,
    /// The dashes that set an aside off, one string of marks.
    pub dashes: String,
    /// Head nouns of descriptions that tell a gender ("man", "girl").
    pub gendered_nouns: Map<&'static str, Gender>,
    /// Month names, lower case (an abbreviation of three letters or more matches).
    pub months: Vec<&'static str>,
    /// Abbreviations whose full stop ends no sentence, without the stop.
    pub abbreviations: Words,
    /// Abbreviations that may also close a sentence ("Inc.").
    pub closing_abbreviations: Words,
    /// Capitalised words that start a sentence after an abbreviation, as written.
    pub sentence_starters: Set<&'static str>,
    /// Words after an apostrophe that make it no quotation mark ("'em").
    pub elisions: Words,
    /// Determiners that make the next word a noun ("the statement").
    pub determiners: Words,
    /// Determiners that end a group's phrase on the left ("the", "one").
    pub group_determiners: Words,
    /// Prepositions whose phrase may belong to a group ("from").
    pub group_prepositions: Words,
    /// Words joining the parts of an organisation's name ("of", "&").
    pub org_connectors: Words,
    pub be_forms: Words,
    /// Words between a comma and a participle cue ("even while").
    pub ing_leads: Words,
    /// Words between a subject and its cue ("has", "also").
    pub skippable: Words,
    /// Prepositions: a mention after one is an object.
    pub prepositions: Words,
    /// Words after which a base-form cue is a verb ("did", "to").
    pub before_base_form: Words,
    /// Negations and small adverbs between an auxiliary and a cue.
    pub negations: Words,
    /// Words after a subject that are not its verb ("and", "of").
    pub not_verbs: Words,
    /// Prepositions opening a place, time or medium after a cue.
    pub phrase_openers: Words,
    /// Words that may follow a cue at a sentence's end ("on Tuesday").
    pub fillers: Words,
    /// Verbs of seeing and casting, before an object and "as" ("see him as").
    pub as_frames: Words,
    /// Words that open an embedded question after a cue ("whether").
    pub question_openers: Words,
    /// Determiners that make a short content a noun object ("the plan").
    pub noun_object_openers: Words,
    /// Words that make a short content a clause ("were", "he", "yes").
    pub clause_words: Words,
    /// Shares of people ("75 percent", "one in five").
    pub shares: ShareWords,
    /// Evidential and passive frames ("is expected to", "appears").
    pub evidential: EvidentialWords,
}

/// The words of shares of people (`shares.txt`, see mentions/shares.rs).
pub struct ShareWords {
    pub units: Set<String>,
    pub fractions: Set<String>,
    pub surveyed: Set<String>,
    /// Number words that may open a share ("one in five").
    pub numbers: Set<String>,
    /// Leading words, each a list of lower-case words, by their first word
    /// (in the file's order): one lookup per token, not a pass over all.
    pub leads: Map<String, Vec<Vec<String>>>,
}

impl ShareWords {
    fn parse(source: &str) -> ShareWords {
        let mut shares = ShareWords {
            units: Set::default(),
            fractions: Set::default(),
            surveyed: Set::default(),
            numbers: Set::default(),
            leads: Map::default(),
        };
        let mut section = "";
        for line in source.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            match line {
                "" => {}
                "[unit]" | "[fraction]" | "[surveyed]" | "[lead]" | "[number]" => section = line,
                _ if section == "[lead]" => {
                    let words: Vec<String> =
                        line.split_whitespace().map(str::to_lowercase).collect();
                    if let Some(first) = words.first() {
                        shares.leads.entry(first.clone()).or_default().push(words);
                    }
                }
                _ => {
                    let set = match section {
                        "[unit]" => &mut shares.units,
                        "[fraction]" => &mut shares.fractions,
                        "[number]" => &mut shares.numbers,
                        _ => &mut shares.surveyed,
                    };
                    set.insert(line.to_lowercase());
                }
            }
        }
        shares
    }

    /// The words a share can open with other than a figure: `share_at`
    /// (mentions/shares.rs) tries a word only if it is one of these.
    pub fn openers(&self) -> impl Iterator<Item = &str> {
        let set = |words: &'static [&'static str]| words.iter().copied();
        self.numbers
            .iter()
            .chain(&self.fractions)
            .map(String::as_str)
            .chain(set(&["a", "the", "those"]))
    }
}

/// Evidential and passive frames (`evidential.txt`, see
/// attribution/evidential.rs).
pub struct EvidentialWords {
    /// (participle, next word) pairs after a form of "be" ("expected to").
    pub after_be: Set<(String, String)>,
    /// Pairs that frame a content after a noun with no "be" ("known for").
    pub after_noun: Set<(String, String)>,
    /// Verb forms that frame a content with no "be" ("appears").
    pub verbs: Set<String>,
    /// The forms of "be" a frame follows.
    pub be_forms: Set<String>,
    /// Words that may stand between "be" and the participle ("not").
    pub between: Set<String>,
    /// Words after a frame verb that are no complement ("on").
    pub not_complements: Set<String>,
}

impl EvidentialWords {
    fn parse(source: &str) -> EvidentialWords {
        const SECTIONS: [&str; 6] = [
            "[be]",
            "[after-noun]",
            "[verb]",
            "[be-form]",
            "[between]",
            "[not-complement]",
        ];
        let mut frames = EvidentialWords {
            after_be: Set::default(),
            after_noun: Set::default(),
            verbs: Set::default(),
            be_forms: Set::default(),
            between: Set::default(),
            not_complements: Set::default(),
        };
        let mut section = "[be]";
        for line in source.lines() {
            let line = line.split('#').next().unwrap_or("").trim().to_lowercase();
            match line.as_str() {
                "" => {}
                heading if SECTIONS.contains(&heading) => {
                    section = SECTIONS.iter().find(|s| **s == heading).expect("listed");
                }
                _ if section == "[be]" || section == "[after-noun]" => {
                    let pairs = if section == "[be]" {
                        &mut frames.after_be
                    } else {
                        &mut frames.after_noun
                    };
                    let mut words = line.split_whitespace();
                    if let (Some(a), Some(b)) = (words.next(), words.next()) {
                        pairs.insert((a.to_string(), b.to_string()));
                    }
                }
                _ => {
                    let set = match section {
                        "[verb]" => &mut frames.verbs,
                        "[be-form]" => &mut frames.be_forms,
                        "[between]" => &mut frames.between,
                        _ => &mut frames.not_complements,
                    };
                    set.insert(line);
                }
            }
        }
        frames
    }

    /// The words a frame can start with: a frame verb, a form of "be" or a
    /// participle that frames after a noun.
    pub fn starts(&self) -> impl Iterator<Item = &str> {
        let participles = self.after_noun.iter().map(|(participle, _)| participle);
        self.verbs
            .iter()
            .chain(&self.be_forms)
            .chain(participles)
            .map(String::as_str)
    }
}

/// A word's length as one bit of a shape table's entry (see [`shapes`]).
fn shape_bit(word: &str) -> u64 {
    1 << word.len().min(63)
}

/// The shape table of `words`: per first byte, the bits of their lengths.
fn shapes<'w>(words: impl Iterator<Item = &'w str>) -> [u64; 256] {
    let mut table = [0u64; 256];
    for word in words {
        if let Some(&first) = word.as_bytes().first() {
            table[usize::from(first)] |= shape_bit(word);
        }
    }
    table
}

/// Whether `word` may be in the list whose shape table is `table` (if it
/// is, it passes; most words that are not fail here without hashing).
pub fn has_shape(table: &[u64; 256], word: &str) -> bool {
    word.as_bytes()
        .first()
        .is_some_and(|&b| table[usize::from(b)] & shape_bit(word) != 0)
}

impl Wordlists {
    /// Whether `word` (lower case) is a head word.
    pub fn is_head_word(&self, word: &str) -> bool {
        has_shape(&self.head_shapes, word) && self.head_words.contains(word)
    }
}

/// The entries of a list file: lines that are neither empty nor comments.
fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// The entries of a list file (one word or phrase a line, `#` comments)
/// as a set; rules with a list of their own load it with this, once.
pub fn set(file: &'static str) -> Set<&'static str> {
    entries(file).map(str::trim).collect()
}

/// The entries of a list file as [`Words`]: a word of no entry's first
/// letter and length is turned down before any hashing.
pub fn words(file: &'static str) -> Words {
    Words::new(set(file))
}

/// A `word<TAB>person|group|other` list.
fn pronoun_kinds(file: &'static str) -> Map<&'static str, ActorKind> {
    entries(file)
        .filter_map(|l| match columns(l)[..] {
            [word, "person"] => Some((word, ActorKind::Person)),
            [word, "group"] => Some((word, ActorKind::Group)),
            [word, "other"] => Some((word, ActorKind::Other)),
            _ => None,
        })
        .collect()
}

fn phrases(file: &'static str) -> Vec<Vec<&'static str>> {
    entries(file)
        .map(|l| l.split_whitespace().collect())
        .collect()
}

/// A `word<TAB>male|female` list.
fn genders(file: &'static str) -> Map<&'static str, Gender> {
    entries(file)
        .filter_map(|l| match columns(l)[..] {
            [word, "male"] => Some((word, Gender::Male)),
            [word, "female"] => Some((word, Gender::Female)),
            _ => None,
        })
        .collect()
}

fn columns(line: &'static str) -> Vec<&'static str> {
    line.split('\t').map(str::trim).collect()
}

impl Wordlists {
    fn load() -> Self {
        let mut people = Map::default();
        for line in entries(include_str!("../../assets/lexicon/people_nouns.tsv")) {
            if let [singular, plural, class] = columns(line)[..] {
                people.insert(
                    singular,
                    PeopleNoun {
                        plural: singular == plural,
                        class,
                    },
                );
                people.insert(
                    plural,
                    PeopleNoun {
                        plural: true,
                        class,
                    },
                );
            }
        }
        let mut documents = Set::default();
        for line in entries(include_str!("../../assets/lexicon/documents.tsv")) {
            documents.extend(columns(line));
        }
        let collectives: Map<&str, &str> =
            entries(include_str!("../../assets/lexicon/collectives.tsv"))
                .filter_map(|l| match columns(l)[..] {
                    [noun, class] => Some((noun, class)),
                    _ => None,
                })
                .collect();
        let honorifics = genders(include_str!("../../assets/lexicon/honorifics.tsv"));
        let first_names = genders(include_str!("../../assets/lexicon/first_names.tsv"));
        let quantifiers = entries(include_str!("../../assets/lexicon/quantifiers.tsv"))
            .map(|l| match columns(l)[..] {
                [word, "anon"] => (word, true),
                [word, ..] => (word, false),
                [] => ("", false),
            })
            .collect();
        let mut figure_words = Map::default();
        let mut figure_phrases: Map<&str, Vec<(Vec<&str>, FigureRole)>> = Map::default();
        for line in entries(include_str!("../../assets/lexicon/figure_words.tsv")) {
            let [phrase, role] = columns(line)[..] else {
                continue;
            };
            let role = match role {
                "scale" => FigureRole::Scale,
                "unit" => FigureRole::Unit,
                "approx" => FigureRole::Approx,
                "count" => FigureRole::Count,
                _ => FigureRole::Currency,
            };
            if phrase.contains(' ') {
                let words: Vec<&str> = phrase.split(' ').collect();
                figure_phrases
                    .entry(words[0])
                    .or_default()
                    .push((words, role));
            } else {
                figure_words.insert(phrase, role);
            }
        }
        let mut places = Map::default();
        let mut demonyms = Map::default();
        for line in entries(include_str!("../../assets/lexicon/places.tsv")) {
            let cols = columns(line);
            let canonical = cols[0];
            let place = Place { canonical };
            places.insert(canonical, place);
            let list = |i: usize| {
                cols.get(i)
                    .into_iter()
                    .flat_map(|c| c.split(','))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            for other in list(1).chain(list(3)) {
                places.entry(other).or_insert(place);
            }
            for demonym in list(2) {
                demonyms.insert(demonym, canonical);
            }
        }
        let titles = set(include_str!("../../assets/lexicon/titles.txt"));
        let mut titles_by_first: Map<&str, Vec<Vec<&str>>> = Map::default();
        for title in &titles {
            let words: Vec<&str> = title.split(' ').collect();
            titles_by_first.entry(words[0]).or_default().push(words);
        }
        let mut hedges: Map<&str, Vec<Vec<&str>>> = Map::default();
        for phrase in phrases(include_str!("../../assets/lexicon/hedges.txt")) {
            hedges.entry(phrase[0]).or_default().push(phrase);
        }
        let head_words: Set<&'static str> = people
            .keys()
            .chain(&titles)
            .chain(collectives.keys())
            .chain(&documents)
            .copied()
            .collect();
        let head_shapes = shapes(head_words.iter().copied());
        let pronoun_kinds = pronoun_kinds(include_str!("../../assets/lexicon/pronouns.tsv"));
        Wordlists {
            head_words,
            head_shapes,
            titles,
            titles_by_first,
            honorifics,
            address_forms: words(include_str!("../../assets/lexicon/address_forms.txt")),
            first_names,
            title_modifiers: set(include_str!("../../assets/lexicon/title_modifiers.txt")),
            people,
            collectives,
            documents,
            org_words: set(include_str!("../../assets/lexicon/org_words.txt")),
            place_words: set(include_str!("../../assets/lexicon/place_words.txt")),
            institutions: set(include_str!("../../assets/lexicon/institutions.txt")),
            function_words: set(include_str!("../../assets/lexicon/function_words.txt")),
            quantifiers,
            group_adjectives: set(include_str!("../../assets/lexicon/group_adjectives.txt")),
            non_modifiers: set(include_str!("../../assets/lexicon/non_modifiers.txt")),
            anonymous_phrases: phrases(include_str!("../../assets/lexicon/anonymous_phrases.txt")),
            anonymous_leads: phrases(include_str!("../../assets/lexicon/anonymous_leads.txt")),
            hedges,
            figure_words,
            figure_phrases,
            places,
            demonyms,
            pronouns: Words::new(pronoun_kinds.keys().copied().collect()),
            pronoun_kinds,
            nominative_pronouns: words(include_str!(
                "../../assets/lexicon/nominative_pronouns.txt"
            )),
            relatives: words(include_str!("../../assets/lexicon/relatives.txt")),
            free_relatives: words(include_str!("../../assets/lexicon/free_relatives.txt")),
            subordinators: words(include_str!("../../assets/lexicon/subordinators.txt")),
            clause_joiners: words(include_str!("../../assets/lexicon/clause_joiners.txt")),
            auxiliaries: words(include_str!("../../assets/lexicon/auxiliaries.txt")),
            negated_auxiliaries: words(include_str!(
                "../../assets/lexicon/negated_auxiliaries.txt"
            )),
            question_leads: words(include_str!("../../assets/lexicon/question_leads.txt")),
            dashes: entries(include_str!("../../assets/lexicon/dashes.txt"))
                .map(str::trim)
                .collect(),
            gendered_nouns: genders(include_str!("../../assets/lexicon/gendered_nouns.tsv")),
            months: entries(include_str!("../../assets/lexicon/months.txt"))
                .map(str::trim)
                .collect(),
            abbreviations: words(include_str!("../../assets/lexicon/abbreviations.txt")),
            closing_abbreviations: words(include_str!(
                "../../assets/lexicon/closing_abbreviations.txt"
            )),
            sentence_starters: set(include_str!("../../assets/lexicon/sentence_starters.txt")),
            elisions: words(include_str!("../../assets/lexicon/elisions.txt")),
            determiners: words(include_str!("../../assets/lexicon/determiners.txt")),
            group_determiners: words(include_str!("../../assets/lexicon/group_determiners.txt")),
            group_prepositions: words(include_str!("../../assets/lexicon/group_prepositions.txt")),
            org_connectors: words(include_str!("../../assets/lexicon/org_connectors.txt")),
            be_forms: words(include_str!("../../assets/lexicon/be_forms.txt")),
            ing_leads: words(include_str!("../../assets/lexicon/ing_leads.txt")),
            skippable: words(include_str!("../../assets/lexicon/skippable.txt")),
            prepositions: words(include_str!("../../assets/lexicon/prepositions.txt")),
            before_base_form: words(include_str!("../../assets/lexicon/before_base_form.txt")),
            negations: words(include_str!("../../assets/lexicon/negations.txt")),
            not_verbs: words(include_str!("../../assets/lexicon/not_verbs.txt")),
            phrase_openers: words(include_str!("../../assets/lexicon/phrase_openers.txt")),
            fillers: words(include_str!("../../assets/lexicon/fillers.txt")),
            as_frames: words(include_str!("../../assets/lexicon/as_frames.txt")),
            question_openers: words(include_str!("../../assets/lexicon/question_openers.txt")),
            noun_object_openers: words(include_str!(
                "../../assets/lexicon/noun_object_openers.txt"
            )),
            clause_words: words(include_str!("../../assets/lexicon/clause_words.txt")),
            shares: ShareWords::parse(include_str!("../../assets/lexicon/shares.txt")),
            evidential: EvidentialWords::parse(include_str!("../../assets/lexicon/evidential.txt")),
        }
    }
}

/// The word lists, parsed on first use.
pub fn get() -> &'static Wordlists {
    static LISTS: OnceLock<Wordlists> = OnceLock::new();
    LISTS.get_or_init(Wordlists::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_key_hashes_as_its_little_endian_bytes_do() {
        for word in [0, 1, 0x0700_0000_6568_7400, u64::MAX] {
            let (mut packed, mut bytes) = (WordHasher::default(), WordHasher::default());
            packed.write_u64(word);
            bytes.write(&word.to_le_bytes());
            assert_eq!(packed.finish(), bytes.finish(), "{word:#x}");
        }
    }

    #[test]
    fn short_words_and_byte_comparison_agree_with_the_plain_ones() {
        let words = ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg"];
        for w in words {
            let plain = w.bytes().rev().fold(0, |acc, b| (acc << 8) | u64::from(b));
            assert_eq!(short_word(w.as_bytes()), plain, "{w}");
        }
        let longer = [
            "abcdefgh",
            "abcdefghi",
            "abcdefghijklmnopq",
            "abcdefghijklmnopr",
        ];
        for a in words.iter().chain(&longer) {
            for b in words.iter().chain(&longer) {
                assert_eq!(same_bytes(a.as_bytes(), b.as_bytes()), a == b, "{a} {b}");
            }
        }
    }

    #[test]
    fn the_gazetteer_maps_abbreviations_and_capitals_to_their_country() {
        let lists = get();
        assert_eq!(lists.places["U.S."].canonical, "United States");
        assert_eq!(lists.places["Washington"].canonical, "United States");
        assert_eq!(lists.demonyms["Norwegian"], "Norway");
    }

    #[test]
    fn officials_and_authorities_are_one_class_of_people() {
        let lists = get();
        assert_eq!(
            lists.people["officials"].class,
            lists.people["authorities"].class
        );
        assert!(lists.people["officials"].plural);
        assert!(!lists.people["editor"].plural);
        assert!(lists.titles.contains("secretary of state"));
    }

    #[test]
    fn small_lists_are_looked_up_in_any_case() {
        let lists = get();
        assert!(lists.determiners.has("The"));
        assert!(lists.determiners.has("THEIR"));
        assert!(lists.negations.has("n’t"));
        assert!(!lists.determiners.has("Theirs"));
        assert!(!lists.fillers.has(&"A".repeat(40)));
        assert_eq!(lists.pronoun_kinds.get("they"), Some(&ActorKind::Group));
        assert!(lists.pronouns.has("It"));
    }

    #[test]
    fn a_word_is_in_a_list_exactly_when_its_lower_case_is_an_entry() {
        let lists = get();
        for words in [&lists.abbreviations, &lists.determiners, &lists.fillers] {
            for entry in words.iter() {
                let capitalised = entry[..1].to_uppercase() + &entry[1..];
                for word in [entry.to_string(), capitalised, entry.to_uppercase()] {
                    assert!(words.has(&word), "{word}");
                }
                let near = [
                    format!("{entry}x"),
                    format!("q{entry}"),
                    entry[1..].to_string(),
                ];
                for word in near {
                    let entry_in_any_case = words.set.contains(word.to_lowercase().as_str());
                    assert_eq!(words.has(&word), entry_in_any_case, "{word}");
                }
            }
        }
    }
}
