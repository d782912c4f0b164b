//! Tokens, sentences and paragraphs: the one pass over the string that every
//! later stage builds on. Later stages walk tokens, not the string.
//!
//! Sentence splitting has to survive "U.S.", "Mr." and initials ("John F.
//! Kennedy"), and quotation marks that close after the full stop.

use std::ops::Range;

use super::tokens::{TokenMark, TokenTable};
use super::wordlists;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes and hyphens ("she’d", "anti-litter"),
    /// dotted abbreviations ("U.S.") and known abbreviations with their
    /// full stop ("Mr.", "Sen.").
    Word,
    /// Starts with a digit: "31", "4,530", "1.5", "1990s", "30-minute".
    Number,
    /// A quotation mark, or an apostrophe that is not inside a word.
    Quote,
    /// Any other single non-space character.
    Punct,
}

/// A token: where it starts, its kind and the index of its written form in
/// the token table (tokens.rs), in 8 bytes: an article has a token every
/// few bytes. Its end is not kept: a token's text is its written form, so
/// it ends its form's length after its start, and the table, which knows
/// the form, gives its span ([`TokenTable::span`]).
///
/// [`TokenTable::span`]: super::tokens::TokenTable::span
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C)]
pub struct Token {
    start: u32,
    /// In this order, so that the form's bytes and the kind's after them
    /// are one little-endian word (see [`Token::form`]).
    form: [u8; 3],
    pub kind: TokenKind,
}

const _: () = assert!(std::mem::size_of::<Token>() == 8);

/// In [`Token::form`]: the form's index did not fit in 24 bits (the token
/// table keeps it apart).
pub(super) const FORM_APART: u32 = 0xFF_FFFF;

impl Token {
    /// A token starting at `start` written in form `form` ([`FORM_APART`]
    /// for one whose index does not fit). The token table refuses texts
    /// over 4 GiB, far beyond any article, once (not a check per token).
    pub(super) fn new(start: u32, kind: TokenKind, form: u32) -> Self {
        let [a, b, c, _] = form.min(FORM_APART).to_le_bytes();
        Token {
            start,
            kind,
            form: [a, b, c],
        }
    }

    /// The byte offset it starts at.
    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// The index of the token's written form in its token table, or
    /// [`FORM_APART`].
    #[inline]
    pub(super) fn form(self) -> u32 {
        // Read with the kind's byte, the four bytes are one load (not
        // three): every question about a token asks its form first.
        let [a, b, c] = self.form;
        u32::from_le_bytes([a, b, c, self.kind as u8]) & FORM_APART
    }
}

/// A sentence: its span and the range of its tokens, in 32 bits each (16
/// bytes a sentence: texts over 4 GiB are refused before segmenting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    start: u32,
    end: u32,
    first: u32,
    after: u32,
}

impl Sentence {
    /// Panics past 4 GiB, as [`Token::new`] does.
    pub fn new(span: Span, tokens: Range<usize>) -> Self {
        let fit = |o: usize| u32::try_from(o).expect("texts over 4 GiB are not supported");
        Sentence {
            start: fit(span.start),
            end: fit(span.end),
            first: fit(tokens.start),
            after: fit(tokens.end),
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Its first token and one past its last.
    pub fn tokens(&self) -> Range<usize> {
        self.first as usize..self.after as usize
    }
}

/// Every character that can open or close a quotation.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '`'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_abbreviation(word: &str) -> bool {
    wordlists::get().abbreviations.has(word)
}

/// A token as the tokenizer finds it, before the token table interns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scanned {
    pub span: Span,
    pub kind: TokenKind,
    /// Whether the white space skipped before it held a line break.
    pub after_line_break: bool,
}

/// What an ASCII byte opens as the tokenizer meets it, and whether it is
/// one at all ([`ByteClass::NotAscii`]: the character must be decoded).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Space,
    LineBreak,
    Letter,
    Digit,
    Quote,
    Punct,
    NotAscii,
}

/// The class of each byte: one load per token tells what most tokens
/// are, where the character's methods took a branch per question.
const BYTE_CLASSES: [ByteClass; 256] = {
    let mut classes = [ByteClass::NotAscii; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        classes[b] = match byte {
            b'\n' => ByteClass::LineBreak,
            b' ' | b'\t' | b'\r' | 0x0B | 0x0C => ByteClass::Space,
            _ if byte.is_ascii_alphabetic() => ByteClass::Letter,
            _ if byte.is_ascii_digit() => ByteClass::Digit,
            b'"' | b'\'' | b'`' => ByteClass::Quote,
            _ => ByteClass::Punct,
        };
        b += 1;
    }
    classes
};

/// The tokens of the text, white space skipped (the token table interns
/// each as it comes, tokens.rs).
pub fn tokenize(text: &str) -> impl Iterator<Item = Scanned> + '_ {
    let mut start = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        let mut after_line_break = false;
        while let Some(&b) = bytes.get(start) {
            // ASCII white space (a fifth of the bytes) skipped without
            // decoding, its line breaks noted on the way: the table asks
            // for them and need not read the space again.
            let (end, kind) = match BYTE_CLASSES[usize::from(b)] {
                ByteClass::Space => {
                    start += 1;
                    continue;
                }
                ByteClass::LineBreak => {
                    after_line_break = true;
                    start += 1;
                    continue;
                }
                ByteClass::Letter => (word_end(text, start, true), TokenKind::Word),
                ByteClass::Digit => (number_end(text, start), TokenKind::Number),
                ByteClass::Quote => (start + 1, TokenKind::Quote),
                ByteClass::Punct => (start + 1, TokenKind::Punct),
                ByteClass::NotAscii => {
                    let c = text[start..].chars().next()?;
                    if c.is_whitespace() {
                        start += c.len_utf8();
                        continue;
                    }
                    not_ascii_token(text, start, c)
                }
            };
            let span = Span::new(start, end);
            start = end;
            return Some(Scanned {
                span,
                kind,
                after_line_break,
            });
        }
        None
    })
}

/// The end and kind of a token opening with `c`, a character past ASCII
/// and no white space, at `start`.
#[inline(never)]
fn not_ascii_token(text: &str, start: usize, c: char) -> (usize, TokenKind) {
    if c.is_alphabetic() {
        (word_end(text, start, false), TokenKind::Word)
    } else if is_quote_mark(c) {
        (start + c.len_utf8(), TokenKind::Quote)
    } else {
        (start + c.len_utf8(), TokenKind::Punct)
    }
}

/// The end of a word starting at `start`, with an ASCII letter when
/// `ascii`. In line in the tokenizer: a call per word saved and restored
/// more registers than most words take.
#[inline(always)]
fn word_end(text: &str, start: usize, ascii: bool) -> usize {
    let bytes = text.as_bytes();
    // Only a letter and a full stop can open "U.S.": an ASCII letter with
    // no full stop after it opens none.
    let may_be_dotted = !ascii || bytes.get(start + 1) == Some(&b'.');
    if let Some(end) = may_be_dotted
        .then(|| dotted_abbreviation_end(text, start))
        .flatten()
    {
        return end;
    }
    // Runs of ASCII letters and digits, most of any word, join without
    // decoding; only what lies between them ("’", "-", "é") is decoded.
    let mut end = ascii_alphanumeric_end(bytes, start);
    // What the byte past each run does is told by one load: most words end
    // at an ASCII space or mark (no letter or digit: the run would have
    // gone on).
    while let Some(&b) = bytes.get(end) {
        match AFTER_RUN[usize::from(b)] {
            AfterRun::Ends => break,
            // Keep the full stop of a known abbreviation ("Mr.", "Sen.") in the word.
            AfterRun::FullStop => {
                if is_abbreviation(&text[start..end]) {
                    end += 1;
                }
                break;
            }
            AfterRun::MayJoin => match joining_char_len(text, end) {
                Some(len) => end = ascii_alphanumeric_end(bytes, end + len),
                None => break,
            },
        }
    }
    end
}

/// What the byte just past a run of ASCII letters and digits does to the
/// word.
#[derive(Clone, Copy)]
enum AfterRun {
    /// It ends the word: an ASCII space or mark.
    Ends,
    /// A full stop: the word takes it when it is an abbreviation.
    FullStop,
    /// An apostrophe, a hyphen or a byte past ASCII: the word may go on
    /// ([`joining_char_len`]).
    MayJoin,
}

/// [`AfterRun`] of each byte.
const AFTER_RUN: [AfterRun; 256] = {
    let mut after = [AfterRun::MayJoin; 256];
    let mut b = 0;
    while b < 128 {
        after[b] = match b as u8 {
            b'.' => AfterRun::FullStop,
            b'\'' | b'-' => AfterRun::MayJoin,
            _ => AfterRun::Ends,
        };
        b += 1;
    }
    after
};

/// The length of the character at `at`, just past a run of ASCII letters
/// and digits, when it goes on a word: a letter or digit past ASCII, a
/// soft hyphen, or an apostrophe or hyphen with a letter or digit after
/// it ("she’d", "anti-litter").
#[inline(never)]
fn joining_char_len(text: &str, at: usize) -> Option<usize> {
    let c = text[at..].chars().next()?;
    // No apostrophe or hyphen is a letter: they are told first, before
    // a search of the Unicode tables.
    let joins = if is_apostrophe(c) || matches!(c, '-' | '‐' | '‑') {
        text[at + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    } else {
        c.is_alphanumeric() || c == '\u{AD}'
    };
    joins.then(|| c.len_utf8())
}

/// The end of the run of ASCII letters and digits from `at`, found eight
/// bytes at a time: a loop per byte would end at a different length for
/// each word and mispredict its exit every time. In line: a call per word
/// saved and restored more registers than the search takes.
#[inline(always)]
fn ascii_alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(chunk) = bytes.get(at..at + 8) {
        let chunk = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let others = !alphanumeric_bytes(chunk) & HIGH_BITS;
        if others != 0 {
            return at + (others.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

/// The top bit of each byte of a word.
pub(super) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The byte `b` in each byte of a word.
pub(super) const fn each(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The top bit of each byte of `chunk` that is an ASCII letter or digit,
/// all eight tested at once with arithmetic on the word (no byte carries
/// into the next: each is below 0x80 when added to).
fn alphanumeric_bytes(chunk: u64) -> u64 {
    let ascii = !chunk & HIGH_BITS;
    let low7 = chunk & !HIGH_BITS;
    // Top bit set where the byte is at least `lo`, or above `hi`.
    let at_least = |x: u64, lo: u8| x + each(0x80 - lo);
    let above = |x: u64, hi: u8| x + each(0x7F - hi);
    let between = |x: u64, lo: u8, hi: u8| at_least(x, lo) & !above(x, hi);
    // Setting 0x20 folds "A"-"Z" onto "a"-"z", and nothing else into it.
    let letter = between(low7 | each(0x20), b'a', b'z');
    let digit = between(low7, b'0', b'9');
    (letter | digit) & ascii
}

/// "U.S.", "a.m.", "D.C.": single letters each followed by a full stop, two or more.
#[inline(never)]
fn dotted_abbreviation_end(text: &str, start: usize) -> Option<usize> {
    let mut end = start;
    let mut letters = 0;
    let mut rest = text[start..].chars();
    loop {
        match (rest.next(), rest.clone().next()) {
            (Some(c), Some('.')) if c.is_alphabetic() => {
                end += c.len_utf8() + 1;
                letters += 1;
                rest.next();
                // A third char that is a letter continues the word ("U.Sa") only as a pattern.
                if !rest.clone().next().is_some_and(char::is_alphabetic) {
                    break;
                }
                if rest.clone().nth(1).is_some_and(|n| n != '.') {
                    // "U.Kingdom": stop before the word.
                    break;
                }
            }
            _ => break,
        }
    }
    (letters >= 2).then_some(end)
}

/// The end of a number starting at `start`: digits with inner separators and
/// a glued suffix ("1990s", "30-minute", "4,530", "1.5").
fn number_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let joins = c.is_alphanumeric()
            || (matches!(c, '.' | ',' | ':') && next.is_some_and(|n| n.is_ascii_digit()))
            || (matches!(c, '-' | '‐' | '‑') && next.is_some_and(char::is_alphanumeric));
        if !joins {
            break;
        }
        end = start + i + c.len_utf8();
    }
    end
}

/// Paragraphs: non-empty lines, trimmed. A line break always ends a paragraph.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let content = line.trim();
        if !content.is_empty() {
            let start = line_start + trimmed_start;
            out.push(Span::new(start, start + content.len()));
        }
        line_start += line.len();
    }
    out
}

/// Splits the table's tokens into sentences.
pub fn sentences(table: &TokenTable) -> Vec<Sentence> {
    let tokens = &table.tokens;
    // Whether each written form may end a sentence, worked out at its first
    // token: a byte per form, not a look at every token's text.
    let mut terminal = vec![Terminal::Unknown; table.form_count()];
    let sentence = |first: usize, last: usize| {
        let span = Span::new(tokens[first].start(), table.span(last).end);
        Sentence::new(span, first..last + 1)
    };
    // Every sentence but the last ends at such a token: room for all at
    // once, not a vector doubled and copied a dozen times.
    let mut out = Vec::with_capacity(table.marked_count(TokenMark::SentenceEnd) + 1);
    let mut first = 0;
    // Only a token that may end a sentence can: the others are passed
    // over by the bits that mark these.
    let mut after_last = 0;
    for i in table.marked(TokenMark::SentenceEnd, 0..tokens.len()) {
        if i < after_last {
            continue;
        }
        let mut last = i;
        let ends = if table.line_break_after(i) {
            true
        } else if ends_with_terminal(table, i, &mut terminal) {
            // Closing quotation marks and brackets belong to the sentence they close.
            while last + 1 < tokens.len()
                && !table.line_break_after(last)
                && is_closer(table, last + 1)
                && table.span(last).end == tokens[last + 1].start()
            {
                last += 1;
            }
            next_starts_sentence(table, i, last)
        } else {
            false
        };
        if ends || last + 1 == tokens.len() {
            out.push(sentence(first, last));
            first = last + 1;
        }
        after_last = last + 1;
    }
    // The last sentence, ended by the text's end.
    if first < tokens.len() {
        out.push(sentence(first, tokens.len() - 1));
    }
    out.shrink_to_fit();
    out
}

/// Whether sentence `this` only goes on with `before` in a hard-wrapped
/// text, which `sentences` ends at every line break: one line break parts
/// them and the line before ends in no stop ("… and\npoor Harriet said").
pub fn goes_on(text: &str, before: &Sentence, this: &Sentence) -> bool {
    let gap = &text.as_bytes()[before.span().end..this.span().start];
    let stop = text[..before.span().end]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | ':' | '"' | '”' | '’' | '\'' | ')'));
    !stop && memchr::memchr_iter(b'\n', gap).count() == 1
}

fn is_closer(table: &TokenTable, i: usize) -> bool {
    // Marks are their lower-case form: read from the forms, not the text.
    let s = table.low(i);
    table.tokens[i].kind == TokenKind::Quote && !matches!(s, "“" | "„" | "«" | "‘" | "‚")
        || matches!(s, ")" | "]")
}

/// Whether a written form may end a sentence.
#[derive(Clone, Copy, PartialEq)]
enum Terminal {
    Unknown,
    No,
    Yes,
    /// A full stop: it does unless it closes an initial ("John F. Kennedy").
    FullStop,
}

/// Whether token `i` can end a sentence: a terminal mark, or an abbreviation
/// that can close one; `by_form` keeps what each form's first token told.
fn ends_with_terminal(table: &TokenTable, i: usize, by_form: &mut [Terminal]) -> bool {
    let known = &mut by_form[table.form_of(i)];
    if *known == Terminal::Unknown {
        *known = terminal_form(table, i);
    }
    match *known {
        Terminal::Yes => true,
        // An initial ("John F. Kennedy") does not end a sentence.
        Terminal::FullStop => {
            let initial = i > 0
                && table.is_cap(i - 1)
                && table.span(i - 1).end == table.tokens[i].start()
                && table.word(i - 1).chars().count() == 1;
            !initial
        }
        Terminal::Unknown | Terminal::No => false,
    }
}

/// Whether token `i`'s form may end a sentence.
fn terminal_form(table: &TokenTable, i: usize) -> Terminal {
    // The lower-case form: the same marks and full stops, and the
    // abbreviations are looked up in any case.
    let s = table.low(i);
    let yes = match table.tokens[i].kind {
        TokenKind::Punct if s == "." => return Terminal::FullStop,
        TokenKind::Punct => matches!(s, "!" | "?" | "…"),
        TokenKind::Word if s.ends_with('.') => {
            let bare = &s[..s.len() - 1];
            bare.contains('.') || wordlists::get().closing_abbreviations.has(bare)
        }
        _ => false,
    };
    if yes { Terminal::Yes } else { Terminal::No }
}

/// After a terminal at `i` (and closers up to `last`): does a new sentence start?
fn next_starts_sentence(table: &TokenTable, i: usize, last: usize) -> bool {
    let Some(&next) = table.tokens.get(last + 1) else {
        return true;
    };
    let next_text = table.word(last + 1);
    // "… on stage. (She says …)": a bracketed sentence opens one too.
    let bracketed = matches!(next_text, "(" | "[") && table.is_cap(last + 2);
    let starts_upper = next_text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || next.kind == TokenKind::Quote
        || bracketed;
    if !starts_upper {
        return false;
    }
    // "U.S. tourists" vs "… the U.S. The next day": after an abbreviation, only
    // a word that nearly always starts a sentence opens a new one — unless a
    // closing quotation mark came between ("too cold for the U.S.” Public …").
    if table.tokens[i].kind == TokenKind::Word && last == i {
        return next.kind == TokenKind::Word
            && wordlists::get().sentence_starters.contains(next_text);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lexicon;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).map(|t| t.span.of(text)).collect()
    }

    #[test]
    fn a_run_of_ascii_letters_and_digits_ends_at_the_first_other_byte() {
        // Every byte value, at every place of an eight-byte chunk.
        for b in 0..=255u8 {
            for place in 0..10 {
                let mut bytes = b"Ab9zZ0aQxyWq".to_vec();
                bytes[place] = b;
                let expected = bytes
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len());
                assert_eq!(
                    ascii_alphanumeric_end(&bytes, 0),
                    expected,
                    "{b} at {place}"
                );
            }
        }
    }

    #[test]
    fn each_ascii_byte_opens_what_its_character_does() {
        for b in 0..128u8 {
            let c = char::from(b);
            let expected = if c == '\n' {
                ByteClass::LineBreak
            } else if c.is_whitespace() {
                ByteClass::Space
            } else if c.is_alphabetic() {
                ByteClass::Letter
            } else if c.is_ascii_digit() {
                ByteClass::Digit
            } else if is_quote_mark(c) {
                ByteClass::Quote
            } else {
                ByteClass::Punct
            };
            assert!(BYTE_CLASSES[usize::from(b)] == expected, "{b}");
        }
        assert!(
            BYTE_CLASSES[128..]
                .iter()
                .all(|&c| c == ByteClass::NotAscii)
        );
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(&TokenTable::new(text, Lexicon::builtin()))
            .iter()
            .map(|s| s.span().of(text))
            .collect()
    }

    #[test]
    fn apostrophes_and_hyphens_stay_inside_words() {
        assert_eq!(
            words("she’d be “thrilled” in anti-litter efforts, farmers’ routes"),
            vec![
                "she’d",
                "be",
                "“",
                "thrilled",
                "”",
                "in",
                "anti-litter",
                "efforts",
                ",",
                "farmers",
                "’",
                "routes"
            ]
        );
    }

    #[test]
    fn dotted_abbreviations_and_titles_are_one_word() {
        assert_eq!(words("U.S. tourists"), vec!["U.S.", "tourists"]);
        assert_eq!(
            words("Mr. Smith and Sen. Jones"),
            vec!["Mr.", "Smith", "and", "Sen.", "Jones"]
        );
        assert_eq!(
            words("the U.S.-Canada railway"),
            vec!["the", "U.S.", "-", "Canada", "railway"]
        );
    }

    #[test]
    fn numbers_keep_separators_and_suffixes() {
        assert_eq!(
            words("4,530 and 1.5% in the 1990s"),
            vec!["4,530", "and", "1.5", "%", "in", "the", "1990s"]
        );
    }

    #[test]
    fn sentences_survive_us_and_mr() {
        assert_eq!(
            split("Mr. Smith went to the U.S. Embassy. He left. It was late."),
            vec![
                "Mr. Smith went to the U.S. Embassy.",
                "He left.",
                "It was late."
            ]
        );
        assert_eq!(
            split("It’s “always too cold for the U.S.” Public interest is low."),
            vec![
                "It’s “always too cold for the U.S.”",
                "Public interest is low."
            ]
        );
        assert_eq!(
            split("Aid went to the U.S. The next day it stopped."),
            vec!["Aid went to the U.S.", "The next day it stopped."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said, “It’s over.” Then he left. “Why?” she asked."),
            vec![
                "He said, “It’s over.”",
                "Then he left.",
                "“Why?” she asked."
            ]
        );
    }

    #[test]
    fn a_bracketed_sentence_after_a_full_stop_is_a_sentence_of_its_own() {
        assert_eq!(
            split("The keeper left. (She says the lamp was out.) Then rain."),
            vec![
                "The keeper left.",
                "(She says the lamp was out.)",
                "Then rain."
            ]
        );
    }

    #[test]
    fn initials_and_line_breaks() {
        assert_eq!(
            split("John F. Kennedy spoke.\nNext line"),
            vec!["John F. Kennedy spoke.", "Next line"]
        );
    }

    #[test]
    fn paragraphs_are_non_empty_lines() {
        let text = "One.\n\n  Two.\nThree.";
        let p: Vec<&str> = paragraphs(text).iter().map(|s| s.of(text)).collect();
        assert_eq!(p, vec!["One.", "Two.", "Three."]);
    }
}
