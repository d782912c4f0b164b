//! The token table: every token of a document with what the stages ask of
//! it, worked out once. Each distinct written form ("Said", "said") is
//! interned, and so is its ASCII-lowercased form; the word lists a form
//! belongs to are looked up once per distinct form, not once per token and
//! stage. Stages read `low(i)`, `classes(i)` and `is_cap(i)` instead of
//! lowercasing, hashing and looking up the token's text again.

use super::lexicon::Lexicon;
use super::segment::{self, Token, TokenKind};
use super::steps;
use super::wordlists::Map;

/// Bits of the word lists a lower-case form is in (see [`Class`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Classes(u64);

/// Names for the bits of [`Classes`]: one per lower-case word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    FunctionWord,
    OrgWord,
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
    /// The first word of some cue of the lexicon.
    CueStart,
    /// Written somewhere in the document with a lower-case initial, exactly
    /// in this form ("meanwhile").
    SeenLowercase,
    /// Written somewhere capitalised after something that is no word (a
    /// full stop, a quotation mark) or first: in a sentence opener's place.
    SeenOpening,
}

impl Classes {
    pub fn has(self, class: Class) -> bool {
        self.0 & (1 << class as u8) != 0
    }

    fn add(&mut self, class: Class) {
        self.0 |= 1 << class as u8;
    }
}

/// A form that ends with a possessive "’s" or "'s" (after more than one
/// byte), and one that starts with an upper-case letter, per written form.
const CAPITALIZED: u8 = 1;
const POSSESSIVE: u8 = 2;

/// The tokens of a document and the forms they are written in.
pub struct TokenTable<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    /// Per token: the index of its written form.
    form_of: Vec<u32>,
    /// Per written form: the index of its lower-case form.
    lower_of: Vec<u32>,
    /// Per written form: [`CAPITALIZED`], [`POSSESSIVE`].
    shape: Vec<u8>,
    /// The lower-case forms, one after another; `lower_ends[k]` ends form `k`.
    lower_text: String,
    lower_ends: Vec<u32>,
    /// Per lower-case form: the word lists it is in.
    classes: Vec<Classes>,
}

impl<'t> TokenTable<'t> {
    /// Tokenizes `text` and interns its forms, looking each distinct form up
    /// in `lexicon` once.
    pub fn new(text: &'t str, lexicon: &Lexicon) -> Self {
        let tokens = segment::tokenize(text);
        let mut form_of = Vec::with_capacity(tokens.len());
        let mut written: Map<&'t str, u32> = Map::default();
        let mut lowers: Map<Box<str>, u32> = Map::default();
        let mut table = TokenTable {
            text,
            tokens: Vec::new(),
            form_of: Vec::new(),
            lower_of: Vec::new(),
            shape: Vec::new(),
            lower_text: String::new(),
            lower_ends: Vec::new(),
            classes: Vec::new(),
        };
        let mut previous_is_word = false;
        for t in &tokens {
            let word = t.text(text);
            let form = match written.get(word) {
                Some(&form) => form,
                None => {
                    let form = table.lower_of.len() as u32;
                    written.insert(word, form);
                    let lower = word.to_ascii_lowercase();
                    let next = table.lower_ends.len() as u32;
                    let lower_id = *lowers.entry(lower.clone().into()).or_insert_with(|| {
                        table.lower_text.push_str(&lower);
                        table.lower_ends.push(table.lower_text.len() as u32);
                        table.classes.push(classes_of(&lower, lexicon));
                        next
                    });
                    table.lower_of.push(lower_id);
                    let mut shape = 0;
                    if word.starts_with(char::is_uppercase) {
                        shape |= CAPITALIZED;
                    }
                    if word.len() > 2 && (word.ends_with("’s") || word.ends_with("'s")) {
                        shape |= POSSESSIVE;
                    }
                    table.shape.push(shape);
                    form
                }
            };
            form_of.push(form);
            let is_word = t.kind == TokenKind::Word;
            if is_word {
                let lower = table.lower_of[form as usize] as usize;
                let plain = !word.bytes().any(|b| b.is_ascii_uppercase());
                if plain && word.starts_with(char::is_lowercase) {
                    table.classes[lower].add(Class::SeenLowercase);
                }
                if !previous_is_word && table.shape[form as usize] & CAPITALIZED != 0 {
                    table.classes[lower].add(Class::SeenOpening);
                }
            }
            previous_is_word = is_word;
        }
        table.tokens = tokens;
        table.form_of = form_of;
        table
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    fn lower_id(&self, i: usize) -> usize {
        self.lower_of[self.form_of[i] as usize] as usize
    }

    /// The token's text as written.
    pub fn word(&self, i: usize) -> &'t str {
        steps::step();
        self.tokens[i].text(self.text)
    }

    /// The token's text, ASCII-lowercased; empty past the last token.
    pub fn low(&self, i: usize) -> &str {
        steps::step();
        if i >= self.tokens.len() {
            return "";
        }
        let k = self.lower_id(i);
        let start = if k == 0 { 0 } else { self.lower_ends[k - 1] };
        &self.lower_text[start as usize..self.lower_ends[k] as usize]
    }

    /// The word lists the token's lower-case form is in (none past the end).
    pub fn classes(&self, i: usize) -> Classes {
        steps::step();
        if i >= self.tokens.len() {
            return Classes::default();
        }
        self.classes[self.lower_id(i)]
    }

    /// Whether token `i` is a word whose lower-case form is in `class`.
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.is_word(i) && self.classes(i).has(class)
    }

    pub fn is_word(&self, i: usize) -> bool {
        steps::step();
        i < self.tokens.len() && self.tokens[i].kind == TokenKind::Word
    }

    /// A word starting with an upper-case letter (false past the end).
    pub fn is_cap(&self, i: usize) -> bool {
        steps::step();
        self.is_word(i) && self.shape[self.form_of[i] as usize] & CAPITALIZED != 0
    }

    /// Whether the token ends with a possessive "’s" / "'s".
    pub fn is_possessive(&self, i: usize) -> bool {
        steps::step();
        self.shape[self.form_of[i] as usize] & POSSESSIVE != 0
    }

    /// Whether two tokens are written the same (as interned: one compare).
    pub fn same_form(&self, i: usize, j: usize) -> bool {
        self.form_of[i] == self.form_of[j]
    }
}

/// The word lists `lower` (an ASCII-lowercased token) is in.
fn classes_of(lower: &str, lexicon: &Lexicon) -> Classes {
    let lists = lexicon.words;
    let mut classes = Classes::default();
    let mut mark = |class: Class, is: bool| {
        if is {
            classes.add(class);
        }
    };
    mark(Class::FunctionWord, lists.function_words.contains(lower));
    mark(Class::OrgWord, lists.org_words.contains(lower));
    mark(Class::OrgConnector, lists.org_connectors.has(lower));
    mark(Class::TitleModifier, lists.title_modifiers.contains(lower));
    mark(
        Class::TitleStart,
        lists.titles_by_first.contains_key(lower) || lexicon.starts_extra_title(lower),
    );
    mark(Class::HeadWord, lists.head_words.contains(lower));
    mark(Class::People, lists.people.contains_key(lower));
    mark(Class::Collective, lists.collectives.contains_key(lower));
    mark(Class::Document, lists.documents.contains(lower));
    mark(
        Class::GroupAdjective,
        lists.group_adjectives.contains(lower),
    );
    mark(Class::NonModifier, lists.non_modifiers.contains(lower));
    mark(Class::Quantifier, lists.quantifiers.contains_key(lower));
    mark(Class::Pronoun, lists.pronoun_kinds.contains_key(lower));
    mark(Class::HedgeStart, lists.hedges.contains_key(lower));
    mark(
        Class::FigureStart,
        lists.figure_words.contains_key(lower) || lists.figure_phrases.contains_key(lower),
    );
    mark(Class::Determiner, lists.determiners.has(lower));
    mark(Class::GroupDeterminer, lists.group_determiners.has(lower));
    mark(Class::GroupPreposition, lists.group_prepositions.has(lower));
    mark(Class::BeForm, lists.be_forms.has(lower));
    mark(Class::IngLead, lists.ing_leads.has(lower));
    mark(Class::Skippable, lists.skippable.has(lower));
    mark(Class::Preposition, lists.prepositions.has(lower));
    mark(Class::BeforeBaseForm, lists.before_base_form.has(lower));
    mark(Class::Negation, lists.negations.has(lower));
    mark(Class::NotVerb, lists.not_verbs.has(lower));
    mark(Class::PhraseOpener, lists.phrase_openers.has(lower));
    mark(Class::Filler, lists.fillers.has(lower));
    mark(Class::Elision, lists.elisions.has(lower));
    mark(Class::CueStart, lexicon.cues.starts_cue(lower));
    classes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_token_has_its_lower_case_form_and_word_lists() {
        let text = "Officials said the Minister’s aide SAID it.";
        let table = TokenTable::new(text, Lexicon::builtin());
        let lows: Vec<&str> = (0..table.len()).map(|i| table.low(i)).collect();
        assert_eq!(
            lows,
            [
                "officials",
                "said",
                "the",
                "minister’s",
                "aide",
                "said",
                "it",
                "."
            ]
        );
        assert!(table.is(0, Class::People) && table.is_cap(0));
        assert!(table.is(1, Class::CueStart) && table.is(5, Class::CueStart));
        assert!(table.is(2, Class::Determiner) && !table.is_cap(2));
        assert!(table.is_possessive(3) && !table.is_possessive(4));
        assert!(table.is(6, Class::Pronoun));
        assert!(!table.is(7, Class::FunctionWord) && table.low(8).is_empty());
    }

    #[test]
    fn a_form_seen_in_lower_case_and_as_an_opener_is_known_as_both() {
        let text = "Meanwhile, it rained. It was meanwhile late. Later it stopped.";
        let table = TokenTable::new(text, Lexicon::builtin());
        let meanwhile = table.classes(0);
        assert!(meanwhile.has(Class::SeenOpening) && meanwhile.has(Class::SeenLowercase));
        let later = table.classes(table.len() - 4);
        assert_eq!(table.low(table.len() - 4), "later");
        assert!(later.has(Class::SeenOpening) && !later.has(Class::SeenLowercase));
    }
}
