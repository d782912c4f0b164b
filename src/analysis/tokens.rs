//! The token table: every token of a document with what the stages ask of
//! it, worked out once. Each distinct written form ("Said", "said") is
//! interned, and so is its ASCII-lowercased form; the word lists a form
//! belongs to are looked up once per distinct form, not once per token and
//! stage. Stages read `low(i)`, `classes(i)` and `is_cap(i)` instead of
//! lowercasing, hashing and looking up the token's text again.

use super::lexicon::Lexicon;
pub use super::lexicon::{Class, Classes};
use super::segment::{self, Token, TokenKind};
use super::steps;
use super::wordlists::Map;

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
    /// Per written form: where its lower-case form lies in `lower_text`
    /// (read per token: one load, not two).
    lower_span: Vec<(u32, u32)>,
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
            lower_span: Vec::new(),
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
                        table.classes.push(lexicon.classes_of(&lower));
                        next
                    });
                    table.lower_of.push(lower_id);
                    let k = lower_id as usize;
                    let start = if k == 0 { 0 } else { table.lower_ends[k - 1] };
                    table.lower_span.push((start, table.lower_ends[k]));
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

    #[inline]
    fn lower_id(&self, i: usize) -> usize {
        self.lower_of[self.form_of[i] as usize] as usize
    }

    /// The token's text as written.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        steps::step();
        self.tokens[i].text(self.text)
    }

    /// The token's text, ASCII-lowercased; empty past the last token.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        steps::step();
        match self.form_of.get(i) {
            Some(&form) => {
                let (start, end) = self.lower_span[form as usize];
                &self.lower_text[start as usize..end as usize]
            }
            None => "",
        }
    }

    /// The word lists the token's lower-case form is in (none past the end).
    #[inline]
    pub fn classes(&self, i: usize) -> Classes {
        steps::step();
        if i >= self.tokens.len() {
            return Classes::default();
        }
        self.classes[self.lower_id(i)]
    }

    /// Whether token `i` is a word whose lower-case form is in `class`.
    #[inline]
    pub fn is(&self, i: usize, class: Class) -> bool {
        self.is_word(i) && self.classes(i).has(class)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        steps::step();
        i < self.tokens.len() && self.tokens[i].kind == TokenKind::Word
    }

    /// A word starting with an upper-case letter (false past the end).
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        steps::step();
        self.is_word(i) && self.shape[self.form_of[i] as usize] & CAPITALIZED != 0
    }

    /// Whether the token ends with a possessive "’s" / "'s".
    #[inline]
    pub fn is_possessive(&self, i: usize) -> bool {
        steps::step();
        self.shape[self.form_of[i] as usize] & POSSESSIVE != 0
    }

    /// Whether two tokens are written the same (as interned: one compare).
    #[inline]
    pub fn same_form(&self, i: usize, j: usize) -> bool {
        self.form_of[i] == self.form_of[j]
    }
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
