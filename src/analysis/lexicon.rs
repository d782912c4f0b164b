//! The lexicon: what the analysis knows about words before it reads an
//! article — the word lists (wordlists.rs), the cues, and the user's
//! additions from config.toml (cue verbs, titles, declared actors) — built
//! once and shared by every analysis.
//!
//! The cues are verbs and phrases that attribute a claim ("said", "warn",
//! "rejecting", "according to"). Their word list is data, in
//! `assets/lexicon/cues.txt` (its header documents the format); inflections
//! are generated here, the tables are built once, and the user's `cue_verbs`
//! are added on top.

use std::borrow::Cow;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use super::open_table::OpenTable;
use super::tokens::TokenTable;
use super::wordlists::{self, Map, Wordlists, same_bytes, short_word};
use super::{ActorAlias, Options};

/// Everything [`analyze`](super::analyze) knows about words: the built-in
/// lists and the user's additions. Build it once ([`Lexicon::new`]) and
/// analyse any number of documents with it.
#[derive(Clone)]
pub struct Lexicon {
    /// The word lists of `assets/lexicon/`.
    pub words: &'static Wordlists,
    /// The cue verbs and phrases, the user's among them.
    pub cues: Cow<'static, Cues>,
    /// Titles from the user's config, lowercased, as words.
    pub extra_titles: Vec<Vec<String>>,
    /// Actors the user declared, whose aliases are merged.
    pub actors: Vec<ActorAlias>,
    /// Every lower-case word of a list, with the lists it is in: a token's
    /// classes are one lookup (see tokens.rs).
    classes: Map<Box<str>, Classes>,
    /// Those of up to eight bytes again, by their bytes as a little-endian
    /// word, zero-padded (as the interner keys a short form): one probe,
    /// where hashing the string took several times the instructions.
    short_classes: OpenTable<u64, Classes>,
}

impl Lexicon {
    /// The built-in lists with the additions of `options`.
    pub fn new(options: &Options) -> Lexicon {
        let mut lexicon = Lexicon {
            words: wordlists::get(),
            cues: Cues::with_extras(&options.cue_verbs),
            extra_titles: options
                .titles
                .iter()
                .map(|t| t.split_whitespace().map(str::to_ascii_lowercase).collect())
                .filter(|words: &Vec<String>| !words.is_empty())
                .collect(),
            actors: options.actors.clone(),
            classes: Map::default(),
            short_classes: OpenTable::with_room(0),
        };
        lexicon.classes = lexicon.class_table();
        lexicon.short_classes = short_class_table(&lexicon.classes);
        lexicon
    }

    /// Each word of every list with the classes of the lists it is in.
    fn class_table(&self) -> Map<Box<str>, Classes> {
        let lists = self.words;
        let mut table: Map<Box<str>, Classes> = Map::default();
        let mut mark = |words: &mut dyn Iterator<Item = &str>, class: Class| {
            for word in words {
                table.entry(word.into()).or_default().add(class);
            }
        };
        mark(
            &mut lists.function_words.iter().copied(),
            Class::FunctionWord,
        );
        mark(&mut lists.org_words.iter().copied(), Class::OrgWord);
        mark(&mut lists.place_words.iter().copied(), Class::PlaceWord);
        mark(&mut lists.org_connectors.iter(), Class::OrgConnector);
        mark(
            &mut lists.title_modifiers.iter().copied(),
            Class::TitleModifier,
        );
        mark(
            &mut lists.titles_by_first.keys().copied(),
            Class::TitleStart,
        );
        mark(
            &mut self.extra_titles.iter().map(|t| t[0].as_str()),
            Class::TitleStart,
        );
        mark(&mut lists.head_words.iter().copied(), Class::HeadWord);
        mark(&mut lists.people.keys().copied(), Class::People);
        mark(
            &mut lists
                .people
                .iter()
                .filter(|(_, p)| p.plural)
                .map(|(w, _)| *w),
            Class::PluralPeople,
        );
        mark(&mut lists.titles.iter().copied(), Class::Title);
        mark(
            &mut lists
                .anonymous_phrases
                .iter()
                .chain(&lists.anonymous_leads)
                .map(|words| words[0]),
            Class::AnonymousStart,
        );
        mark(
            &mut lists.shares.numbers.iter().map(String::as_str),
            Class::NumberWord,
        );
        mark(
            &mut lists.shares.fractions.iter().map(String::as_str),
            Class::Fraction,
        );
        mark(
            &mut lists.shares.units.iter().map(String::as_str),
            Class::ShareUnit,
        );
        mark(&mut lists.collectives.keys().copied(), Class::Collective);
        mark(&mut lists.documents.iter().copied(), Class::Document);
        mark(
            &mut lists.group_adjectives.iter().copied(),
            Class::GroupAdjective,
        );
        mark(&mut lists.non_modifiers.iter().copied(), Class::NonModifier);
        mark(&mut lists.quantifiers.keys().copied(), Class::Quantifier);
        mark(&mut lists.pronoun_kinds.keys().copied(), Class::Pronoun);
        mark(&mut lists.hedges.keys().copied(), Class::HedgeStart);
        mark(&mut lists.figure_words.keys().copied(), Class::FigureStart);
        mark(
            &mut lists.figure_phrases.keys().copied(),
            Class::FigureStart,
        );
        mark(&mut lists.determiners.iter(), Class::Determiner);
        mark(&mut lists.group_determiners.iter(), Class::GroupDeterminer);
        mark(
            &mut lists.group_prepositions.iter(),
            Class::GroupPreposition,
        );
        mark(&mut lists.be_forms.iter(), Class::BeForm);
        mark(&mut lists.ing_leads.iter(), Class::IngLead);
        mark(&mut lists.skippable.iter(), Class::Skippable);
        mark(&mut lists.prepositions.iter(), Class::Preposition);
        mark(&mut lists.before_base_form.iter(), Class::BeforeBaseForm);
        mark(&mut lists.negations.iter(), Class::Negation);
        mark(&mut lists.not_verbs.iter(), Class::NotVerb);
        mark(&mut lists.phrase_openers.iter(), Class::PhraseOpener);
        mark(&mut lists.fillers.iter(), Class::Filler);
        mark(&mut lists.as_frames.iter(), Class::AsFrame);
        mark(&mut lists.elisions.iter(), Class::Elision);
        mark(
            &mut super::mentions::clause_openers().iter().copied(),
            Class::ClauseOpener,
        );
        mark(
            &mut lists.shares.leads.keys().map(String::as_str),
            Class::ShareLead,
        );
        mark(&mut lists.shares.openers(), Class::ShareOpener);
        mark(&mut lists.evidential.starts(), Class::EvidentialStart);
        let names = lists.places.keys().chain(&lists.institutions);
        let mut starts: Vec<String> = names
            .chain(lists.demonyms.keys())
            .flat_map(|name| phrase_starts(name))
            .collect();
        mark(&mut starts.iter().map(String::as_str), Class::PhraseStart);
        starts = lists
            .places
            .keys()
            .chain(&lists.institutions)
            .map(|name| name.to_ascii_lowercase())
            .collect();
        mark(&mut starts.iter().map(String::as_str), Class::KnownName);
        starts = lists
            .demonyms
            .keys()
            .map(|d| d.to_ascii_lowercase())
            .collect();
        mark(&mut starts.iter().map(String::as_str), Class::DemonymWord);
        // A cue word is looked up ASCII and at most 32 bytes long (see `match_at`).
        mark(
            &mut self
                .cues
                .entries
                .keys()
                .map(String::as_str)
                .filter(|w| w.is_ascii() && w.len() <= 32),
            Class::CueStart,
        );
        table
    }

    /// The word lists `lower` (an ASCII-lowercased word) is in: one lookup.
    pub fn classes_of(&self, lower: &str) -> Classes {
        self.classes.get(lower).copied().unwrap_or_default()
    }

    /// [`Lexicon::classes_of`] an ASCII-lowercased word of up to eight
    /// bytes, given as those bytes in a little-endian word, zero-padded.
    pub(super) fn classes_of_word(&self, word: u64) -> Classes {
        self.short_classes.get(word).unwrap_or_default()
    }

    /// The built-in lists alone, built once.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| Lexicon::new(&Options::default()))
    }

    /// Whether some title of the user's starts with `lower`.
    pub fn starts_extra_title(&self, lower: &str) -> bool {
        self.extra_titles.iter().any(|t| t[0] == lower)
    }
}

/// The classes of the words of `classes` of up to eight bytes, by their
/// bytes as a word ([`Lexicon::classes_of_word`]).
fn short_class_table(classes: &Map<Box<str>, Classes>) -> OpenTable<u64, Classes> {
    let mut table = OpenTable::with_room(classes.len());
    for (word, &of_word) in classes {
        let bytes = word.as_bytes();
        let key = match bytes.len() {
            // No word is empty or holds a zero byte: each has a key of its own.
            1..8 => short_word(bytes),
            8 => u64::from_le_bytes(bytes.try_into().expect("8 bytes")),
            _ => continue,
        };
        table.insert(key, of_word);
    }
    table
}

/// The ASCII-lowercased beginnings of `name` at which its first token may
/// end: before a character that is no letter or digit, or after one that
/// no word or number ends with. A phrase of two tokens or more that
/// spells `name` starts with a token of one of these forms.
fn phrase_starts(name: &str) -> impl Iterator<Item = String> + '_ {
    let mut previous = None;
    name.char_indices().filter_map(move |(k, c)| {
        let before = previous.replace(c)?;
        let boundary = !c.is_alphanumeric() || !(before.is_alphabetic() || before.is_ascii_digit());
        boundary.then(|| name[..k].to_ascii_lowercase())
    })
}

/// Bits of the word lists a lower-case form is in (see [`Class`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Classes(u64);

/// Names for the bits of [`Classes`]: one per lower-case word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    FunctionWord,
    OrgWord,
    /// The last word of a place's name ("Street", "River").
    PlaceWord,
    OrgConnector,
    TitleModifier,
    /// The first word of some title ("secretary" of "secretary of state").
    TitleStart,
    /// A people noun, title, collective or document: may head a mention.
    HeadWord,
    People,
    Collective,
    Document,
    GroupAdjective,
    NonModifier,
    Quantifier,
    Pronoun,
    /// The first word of some hedge.
    HedgeStart,
    /// A figure word, or the first word of a figure phrase.
    FigureStart,
    Determiner,
    GroupDeterminer,
    GroupPreposition,
    BeForm,
    IngLead,
    Skippable,
    Preposition,
    BeforeBaseForm,
    Negation,
    NotVerb,
    PhraseOpener,
    Filler,
    Elision,
    /// A verb of seeing or casting that reports a view before an object
    /// and "as" ("see him as", "cast herself as").
    AsFrame,
    /// A word after which a clause starts ("because", "when", "and").
    ClauseOpener,
    /// The first word of some cue of the lexicon.
    CueStart,
    /// The first word of a share's leading words ("about", "more than").
    ShareLead,
    /// A word a share of people may open with ("one", "half", "those").
    ShareOpener,
    /// A form of "be" or a verb an evidential frame may start with.
    EvidentialStart,
    /// The first token of some place, institution or demonym of more than
    /// one token ("new" of "New York", "u.s." of "U.S.-Mexico"): a phrase
    /// of tokens is looked up only from such a token.
    PhraseStart,
    /// A demonym of one word, in lower case ("norwegian").
    DemonymWord,
    /// A place or institution, in lower case ("washington", "fbi").
    KnownName,
    /// A title of one word ("senator", "aide").
    Title,
    /// A people noun in the plural ("officials").
    PluralPeople,
    /// A number word a share may open with ("one", "nine").
    NumberWord,
    /// A fraction of a share ("third", "most").
    Fraction,
    /// The unit after a share's number ("percent").
    ShareUnit,
    /// The first word of an anonymity phrase or lead ("who", "familiar").
    AnonymousStart,
    /// Written somewhere in the document with a lower-case initial, exactly
    /// in this form ("meanwhile").
    SeenLowercase,
    /// Written somewhere capitalised after something that is no word (a
    /// full stop, a quotation mark) or first: in a sentence opener's place.
    SeenOpening,
    /// Written somewhere capitalised right after a lower-case word: inside
    /// a sentence, where only a name is capitalised ("said Hope").
    SeenInside,
}

impl Classes {
    #[inline]
    pub fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u8) != 0
    }

    pub(crate) fn add(&mut self, class: Class) {
        self.0 |= 1 << class as u8;
    }

    /// The classes of both.
    #[inline]
    pub fn union(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("extra_titles", &self.extra_titles)
            .field("actors", &self.actors)
            .finish_non_exhaustive()
    }
}

/// The built-in word list.
const CUES: &str = include_str!("../../assets/lexicon/cues.txt");

/// What a cue can do; one word may do several ("warn" is speech and stance).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CueClasses(u8);

impl CueClasses {
    pub const SPEECH: CueClasses = CueClasses(1);
    pub const DIALOGUE: CueClasses = CueClasses(2);
    pub const STANCE: CueClasses = CueClasses(4);
    pub const ACCORDING: CueClasses = CueClasses(8);
    /// The form is the lemma itself ("state", "support"), which may also be
    /// a noun; the verb then needs a subject that agrees with it.
    pub const BASE: CueClasses = CueClasses(16);

    pub fn has(self, other: CueClasses) -> bool {
        self.0 & other.0 != 0
    }

    fn add(&mut self, other: CueClasses) {
        self.0 |= other.0;
    }

    /// Speech or stance: may introduce reported content on its own.
    pub fn introduces_content(self) -> bool {
        self.has(CueClasses::SPEECH) || self.has(CueClasses::STANCE)
    }

    /// Speech or dialogue: may attribute a quotation next to it.
    pub fn frames_quotes(self) -> bool {
        self.has(CueClasses::SPEECH) || self.has(CueClasses::DIALOGUE)
    }
}

/// A cue found in the text: its tokens and what it can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueMatch {
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub end: usize,
    pub classes: CueClasses,
}

#[derive(Debug, Clone)]
struct Entry {
    /// The words after the first, lowercased.
    rest: Vec<String>,
    classes: CueClasses,
}

/// The cues that start with one word.
#[derive(Debug, Clone)]
pub struct CueHead {
    entries: Vec<Entry>,
    /// The classes of the cue when the word alone is its only one ("said"):
    /// every token of the word matches it, with no word after read.
    alone: Option<CueClasses>,
}

impl CueHead {
    fn new(entries: Vec<Entry>) -> Self {
        let alone = match &entries[..] {
            [only] if only.rest.is_empty() => Some(only.classes),
            _ => None,
        };
        CueHead { entries, alone }
    }

    /// The longest of these cues starting at token `i` (a token of their
    /// first word), if any.
    fn longest_at(&self, table: &TokenTable, i: usize) -> Option<CueMatch> {
        match self.alone {
            Some(classes) => Some(CueMatch {
                first: i,
                end: i + 1,
                classes,
            }),
            None => longest_at(&self.entries, table, i),
        }
    }
}

/// Cue words and phrases, keyed by their first word, lowercased.
#[derive(Debug, Clone, Default)]
pub struct Cues {
    /// Looked up for every word outside quotations: the fast word hash,
    /// not the default SipHash.
    entries: Map<String, Vec<Entry>>,
    /// Names these cues: a new id whenever an entry is added, so that a
    /// token table built with them knows them again (see `match_at`).
    id: u64,
}

/// A fresh id for a list of cues.
fn next_cues_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Cues {
    /// The built-in cues, parsed once.
    pub fn builtin() -> &'static Cues {
        static BUILTIN: OnceLock<Cues> = OnceLock::new();
        BUILTIN.get_or_init(|| Cues::parse(CUES))
    }

    /// The built-in lexicon with the user's extra cues (any form, counted as speech).
    pub fn with_extras(extras: &[String]) -> Cow<'static, Cues> {
        if extras.iter().all(|e| e.trim().is_empty()) {
            return Cow::Borrowed(Cues::builtin());
        }
        let mut lexicon = Cues::builtin().clone();
        for extra in extras {
            lexicon.add_line(extra, CueClasses::SPEECH);
        }
        Cow::Owned(lexicon)
    }

    fn parse(source: &str) -> Cues {
        let mut lexicon = Cues::default();
        let mut classes = CueClasses::SPEECH;
        for line in source.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            match line {
                "" => {}
                "[speech]" => classes = CueClasses::SPEECH,
                "[dialogue]" => classes = CueClasses::DIALOGUE,
                "[stance]" => classes = CueClasses::STANCE,
                "[according]" => classes = CueClasses::ACCORDING,
                _ => lexicon.add_line(line, classes),
            }
        }
        lexicon
    }

    /// Adds one line of the word list: "say | said", "make the case | made",
    /// "= according to".
    fn add_line(&mut self, line: &str, classes: CueClasses) {
        if let Some(literal) = line.strip_prefix('=') {
            self.add_phrase(literal, classes);
            return;
        }
        let mut parts = line.split('|');
        let phrase = parts.next().unwrap_or("").trim().to_lowercase();
        let mut words = phrase.split_whitespace();
        let Some(head) = words.next() else {
            return;
        };
        let rest: Vec<&str> = words.collect();
        // An irregular form may be written with the phrase's rest ("go on |
        // went on"): its first word is the form. The rest's words stay cue
        // starts with no cue ("on"), as when they were read as forms too (and
        // made cues such as "on on", each word of the text asked in vain):
        // the rules that stop at a cue start were tuned with them.
        let mut irregular = Vec::new();
        for part in parts {
            let mut words = part.split_whitespace().map(str::to_lowercase);
            irregular.extend(words.next());
            for word in words {
                self.entries.entry(word).or_default();
            }
        }
        for (n, form) in inflections(head).into_iter().chain(irregular).enumerate() {
            let mut phrase = form;
            for word in &rest {
                phrase.push(' ');
                phrase.push_str(word);
            }
            let base = if n == 0 {
                CueClasses::BASE
            } else {
                CueClasses::default()
            };
            self.add_phrase(&phrase, CueClasses(classes.0 | base.0));
        }
    }

    fn add_phrase(&mut self, phrase: &str, classes: CueClasses) {
        self.id = next_cues_id();
        let mut words = phrase.split_whitespace().map(str::to_lowercase);
        let Some(head) = words.next() else {
            return;
        };
        let rest: Vec<String> = words.collect();
        let entries = self.entries.entry(head).or_default();
        match entries.iter_mut().find(|e| e.rest == rest) {
            Some(entry) => entry.classes.add(classes),
            None => entries.push(Entry { rest, classes }),
        }
    }

    /// Whether some cue starts with `lower` (an ASCII-lowercased word).
    pub fn starts_cue(&self, lower: &str) -> bool {
        lower.is_ascii() && lower.len() <= 32 && self.entries.contains_key(lower)
    }

    /// The longest cue starting at token `i`, if any. A table built with
    /// these cues found each word's cues once, for its form: then no word
    /// is looked up here.
    pub fn match_at(&self, table: &TokenTable, i: usize) -> Option<CueMatch> {
        if let Some(head) = table.cues_of_word(i, self) {
            return head?.longest_at(table, i);
        }
        longest_at(self.entries.get(table.low(i))?, table, i)
    }

    /// Whether some cue starting with token `i`'s word is inflected and
    /// introduces content: when none is, no cue matched there is one,
    /// whatever the words after it (a fact of the word, for a stage to keep).
    pub fn may_start_inflected_content(&self, table: &TokenTable, i: usize) -> bool {
        let inflected =
            |e: &Entry| e.classes.introduces_content() && !e.classes.has(CueClasses::BASE);
        match table.cues_of_word(i, self) {
            Some(head) => head.is_some_and(|head| head.entries.iter().any(inflected)),
            None => (self.entries.get(table.low(i)))
                .is_some_and(|entries| entries.iter().any(inflected)),
        }
    }

    /// The cues starting with `lower` (an ASCII-lowercased word), for a
    /// token table to keep with each written form of it.
    pub fn head(&self, lower: &str) -> Option<CueHead> {
        self.entries
            .get(lower)
            .map(|entries| CueHead::new(entries.clone()))
    }

    /// Whether `word` may start a cue: the words [`Class::CueStart`] marks,
    /// and any other word that is not ASCII or is over 32 bytes long.
    pub fn may_start(word: &str, classes: Classes) -> bool {
        classes.has(Class::CueStart) || !word.is_ascii() || word.len() > 32
    }

    /// The id of these cues (see the field).
    pub fn id(&self) -> u64 {
        self.id
    }
}

/// The longest of `entries` (cues of the word at token `i`) that the
/// tokens after `i` complete.
fn longest_at(entries: &[Entry], table: &TokenTable, i: usize) -> Option<CueMatch> {
    entries
        .iter()
        .filter(|e| {
            e.rest.iter().enumerate().all(|(k, word)| {
                let next = i + 1 + k;
                next < table.len() && same_bytes(table.low(next).as_bytes(), word.as_bytes())
            })
        })
        .max_by_key(|e| e.rest.len())
        .map(|e| CueMatch {
            first: i,
            end: i + 1 + e.rest.len(),
            classes: e.classes,
        })
}

/// The regular forms of a verb, generously: "admit" → admit, admits,
/// admitted, admited, admitting, admiting. A form that never occurs costs
/// nothing.
fn inflections(lemma: &str) -> Vec<String> {
    let mut forms = vec![lemma.to_string()];
    let last = lemma.chars().last().unwrap_or(' ');
    let before_last = lemma.chars().rev().nth(1).unwrap_or(' ');
    let vowel = |c: char| "aeiou".contains(c);
    if last == 'y' && !vowel(before_last) {
        let stem = &lemma[..lemma.len() - 1];
        forms.push(format!("{stem}ies"));
        forms.push(format!("{stem}ied"));
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        forms.push(format!("{lemma}es"));
    } else {
        forms.push(format!("{lemma}s"));
    }
    if last == 'e' {
        let stem = &lemma[..lemma.len() - 1];
        forms.push(format!("{lemma}d"));
        if let Some(stem) = lemma.strip_suffix("ie") {
            forms.push(format!("{stem}ying"));
        } else if lemma.ends_with("ee") {
            forms.push(format!("{lemma}ing"));
        } else {
            forms.push(format!("{stem}ing"));
        }
    } else if last == 'y' && !vowel(before_last) {
        forms.push(format!("{lemma}ing"));
    } else {
        forms.push(format!("{lemma}ed"));
        forms.push(format!("{lemma}ing"));
        if !vowel(last) && vowel(before_last) && !"wxy".contains(last) {
            forms.push(format!("{lemma}{last}ed"));
            forms.push(format!("{lemma}{last}ing"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_word_has_the_same_classes_by_its_bytes_as_by_its_text() {
        let lexicon = Lexicon::builtin();
        let words = lexicon.classes.keys().map(|w| w.to_string());
        let others = ["zzq", "saidx", "the8", "abcdefgh", "x"].map(String::from);
        let mut short = 0;
        for word in words.chain(others) {
            let bytes = word.as_bytes();
            if bytes.len() > 8 {
                continue;
            }
            let mut padded = [0u8; 8];
            padded[..bytes.len()].copy_from_slice(bytes);
            let by_bytes = lexicon.classes_of_word(u64::from_le_bytes(padded));
            assert_eq!(by_bytes, lexicon.classes_of(&word), "{word}");
            short += 1;
        }
        assert!(short > 1000, "{short} short words");
    }

    fn cue_in(lexicon: &Cues, text: &str) -> Option<(String, CueClasses)> {
        let table = TokenTable::new(text, Lexicon::builtin());
        let tokens = &table.tokens;
        (0..tokens.len()).find_map(|i| {
            lexicon.match_at(&table, i).map(|m| {
                let span = table.span(m.first).cover(table.span(m.end - 1));
                (span.of(text).to_string(), m.classes)
            })
        })
    }

    #[test]
    fn inflections_are_generated_and_irregulars_listed() {
        let lexicon = Cues::builtin();
        for (text, cue) in [
            (
                "Norwegian librarians emphasize the patient cataloguing",
                "emphasize",
            ),
            (
                "unequivocally rejecting any new holiday cottages",
                "rejecting",
            ),
            ("Hale lauded the reading programme", "lauded"),
            ("Voss denied it", "denied"),
            ("Ingrid Sollen observed that", "observed"),
            ("the editor admitted it", "admitted"),
            ("she told reporters", "told"),
            ("hotel owners expressed little worry", "expressed"),
        ] {
            assert_eq!(cue_in(lexicon, text).map(|c| c.0), Some(cue.to_string()));
        }
    }

    #[test]
    fn phrases_match_whole_and_longest() {
        let lexicon = Cues::builtin();
        let (cue, classes) = cue_in(lexicon, "According to the survey, most agree").unwrap();
        assert_eq!(cue, "According to");
        assert!(classes.has(CueClasses::ACCORDING));
        let (cue, _) = cue_in(lexicon, "She made the case for reform").unwrap();
        assert_eq!(cue, "made the case");
        assert_eq!(cue_in(lexicon, "The accord was signed"), None);
    }

    #[test]
    fn an_irregular_form_written_with_its_phrase_gives_that_phrase_alone() {
        let lexicon = Cues::builtin();
        let (cue, _) = cue_in(lexicon, "the clerk went on at length").unwrap();
        assert_eq!(cue, "went on");
        // Not a cue "on on" nor "to to": the particle is no form of the verb.
        assert_eq!(cue_in(lexicon, "the lamp stayed on on the shelf"), None);
        assert_eq!(cue_in(lexicon, "a drive to to the coast"), None);
    }

    #[test]
    fn dialogue_verbs_are_kept_apart_from_speech() {
        let lexicon = Cues::builtin();
        let (_, classes) = cue_in(lexicon, "returned Mr. Knightley").unwrap();
        assert!(classes.frames_quotes() && !classes.introduces_content());
        let (_, classes) = cue_in(lexicon, "analysts warn that").unwrap();
        assert!(classes.has(CueClasses::SPEECH) && classes.has(CueClasses::STANCE));
    }

    #[test]
    fn user_cues_come_on_top_in_any_form() {
        let lexicon = Cues::with_extras(&["opine".to_string()]);
        assert_eq!(
            cue_in(&lexicon, "The columnist opined that it was over").map(|c| c.0),
            Some("opined".to_string())
        );
        assert_eq!(cue_in(Cues::builtin(), "The columnist opined"), None);
    }
}
