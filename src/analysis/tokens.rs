//! The token table: every token of a document with what the stages ask of
//! it, worked out once. Each distinct written form ("Said", "said") is
//! interned, and so is its ASCII-lowercased form; the word lists a form
//! belongs to are looked up once per distinct form, not once per token and
//! stage. Stages read `low(i)`, `classes(i)` and `is_cap(i)` instead of
//! lowercasing, hashing and looking up the token's text again.

use std::ops::Range;

use super::interning::{
    ALL_CAPS, CAPITALIZED, HYPHENATED, Interner, LOWER_WORD, NOT_ASCII, POSSESSIVE, Record,
};
pub use super::lexicon::{Class, Classes};
use super::lexicon::{CueHead, Cues, Lexicon};
use super::quotes::Wrapping;
use super::segment::{self, FORM_APART, Scanned, Token, TokenKind};
use super::steps;
use super::wordlists::Map;
use crate::span::Span;

/// Where a form's words were seen, as bits while the table is built: the
/// classes they become ([`Class::SeenLowercase`] and the others).
const SEEN_LOWERCASE: u8 = 1;
const SEEN_OPENING: u8 = 2;
const SEEN_INSIDE: u8 = 4;
const SEEN_CLASSES: [(u8, Class); 3] = [
    (SEEN_LOWERCASE, Class::SeenLowercase),
    (SEEN_OPENING, Class::SeenOpening),
    (SEEN_INSIDE, Class::SeenInside),
];

/// What the tokens of a written form read while the table is built, in
/// one record (one load per token, where an array each took three): its
/// tokens' marks (bits of [`TokenMark::bit`]), what they are to the
/// words seen next to them (bits of [`WORD`] and the others), and where
/// its words were seen (bits of [`SEEN_CLASSES`]).
#[derive(Clone, Copy, Default)]
struct FormFacts {
    marks: u8,
    context: u8,
    seen: u8,
}

/// A form's context bits: a word, capitalised, written in lower case.
const WORD: u8 = 1;
const CAPITALIZED_WORD: u8 = 2;
const LOWER_CASE_WORD: u8 = 4;

/// What its tokens mark is worked out at a form's first token, once; it
/// is seen nowhere yet.
impl Record for FormFacts {
    fn fresh(word: &str, kind: TokenKind, shape: u8, classes: Classes) -> Self {
        FormFacts {
            marks: TokenMark::of_form(word, kind, shape, classes),
            context: FormFacts::context(kind == TokenKind::Word, shape),
            seen: 0,
        }
    }
}

impl FormFacts {
    fn context(is_word: bool, shape: u8) -> u8 {
        (u8::from(is_word) * WORD)
            | (u8::from(is_word && shape & CAPITALIZED != 0) * CAPITALIZED_WORD)
            | (u8::from(is_word && shape & LOWER_WORD != 0) * LOWER_CASE_WORD)
    }
}

/// Where a word is seen ([`SEEN_CLASSES`] bits), by the context bits of the
/// token before it (shifted by 3) and its own: one load per token, where
/// working it out took a dozen instructions. Indexed by a byte (the top
/// 192 entries unused), so the load needs no bounds check.
const SEEN_AFTER: [u8; 256] = {
    let mut seen = [0; 256];
    let mut k = 0;
    while k < 64 {
        let (before, this) = ((k >> 3) as u8, (k & 7) as u8);
        let capitalized = this & CAPITALIZED_WORD != 0;
        if this & LOWER_CASE_WORD != 0 {
            seen[k] |= SEEN_LOWERCASE;
        }
        if capitalized && before & WORD == 0 {
            seen[k] |= SEEN_OPENING;
        }
        if capitalized && before & LOWER_CASE_WORD != 0 {
            seen[k] |= SEEN_INSIDE;
        }
        k += 1;
    }
    seen
};

/// What a token may open or end, for the stages that look at such tokens
/// alone: a bit set each ([`TokenTable::marked`]), so that they pass over
/// the other tokens 64 at a time instead of asking each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenMark {
    /// A line break lies between it and the next token (or the text's end).
    LineBreak,
    /// A quotation mark (a token of kind `Quote`).
    Quote,
    /// A full stop, "!", "?", "…", or a word ending in a full stop ("Mr.",
    /// "U.S."), or any token with a line break after it.
    SentenceEnd,
    /// A word in [`Class::HedgeStart`].
    Hedge,
    /// A number, a hyphenated word ("billion-dollar") or a word in
    /// [`Class::FigureStart`].
    Figure,
}

const MARKS: [TokenMark; 5] = [
    TokenMark::LineBreak,
    TokenMark::Quote,
    TokenMark::SentenceEnd,
    TokenMark::Hedge,
    TokenMark::Figure,
];

impl TokenMark {
    const fn bit(self) -> u8 {
        1 << self as u8
    }

    /// The marks of a token that a line break follows.
    const AFTER_LINE_BREAK: u8 = TokenMark::LineBreak.bit() | TokenMark::SentenceEnd.bit();

    /// The marks of a new written form (those of its tokens but a line
    /// break after one).
    fn of_form(word: &str, kind: TokenKind, shape: u8, classes: Classes) -> u8 {
        let ends = match kind {
            TokenKind::Punct => matches!(word, "." | "!" | "?" | "…"),
            TokenKind::Word => word.ends_with('.'),
            _ => false,
        };
        let figure =
            kind == TokenKind::Number || shape & HYPHENATED != 0 || classes.has(Class::FigureStart);
        [
            (TokenMark::Quote, kind == TokenKind::Quote),
            (TokenMark::SentenceEnd, ends),
            (TokenMark::Hedge, classes.has(Class::HedgeStart)),
            (TokenMark::Figure, figure),
        ]
        .into_iter()
        .filter(|&(_, has)| has)
        .fold(0, |marks, (mark, _)| marks | mark.bit())
    }
}

/// The tokens of a document and the forms they are written in.
pub struct TokenTable<'t> {
    pub text: &'t str,
    /// Each with the index of its written form (see [`Token`]); its end
    /// is its form's length after its start ([`TokenTable::span`]).
    pub tokens: Vec<Token>,
    /// The forms of the tokens whose index does not fit in a token, by
    /// token (only past 16 million distinct forms).
    forms_apart: Map<u32, u32>,
    /// Per written form, each fact in an array of its own, so that a
    /// question about a token is one load after the token's: where its
    /// lower-case form lies in `lower_text` (as long as the written form:
    /// ASCII lowercasing keeps every byte's place, so this gives the
    /// token's end too),
    lows: PerForm<(u32, u32)>,
    /// the word lists its lower-case form is in,
    classes: PerForm<Classes>,
    /// and its shape (see [`CAPITALIZED`]).
    shapes: PerForm<u8>,
    /// The lower-case forms, one after another.
    lower_text: String,
    /// Per block of [`BLOCK`] bytes of the text: the number of tokens
    /// starting before it, so that finding the token at an offset searches
    /// one block, not every token of the text.
    block_firsts: Vec<u32>,
    /// Whether the text is hard-wrapped ([`Wrapping`]), told from the
    /// line breaks the tokenizer noted, once for the stages that ask.
    pub wrapped: bool,
    /// Per [`TokenMark`], a bit per token (a line break after it noted by
    /// the tokenizer as it skipped the space).
    marked: [TokenBits; MARKS.len()],
    /// Per written form: the index in `cue_heads` of the cues its word
    /// starts, or [`NO_CUE`].
    cues: PerForm<u32>,
    /// The lexicon's cues of each word of the text that starts some, looked
    /// up once per word, not once per token and question.
    cue_heads: Vec<CueHead>,
    /// The id of the cues they come from.
    cues_id: u64,
}

/// The bytes of text per entry of [`TokenTable::block_firsts`]: a block
/// holds some 50 tokens of prose, a few steps of a search.
const BLOCK: usize = 256;

/// How many words a headline may have.
const HEADLINE_WORDS: usize = 30;

impl<'t> TokenTable<'t> {
    /// Tokenizes `text` and interns its forms, looking each distinct form up
    /// in `lexicon` once.
    pub fn new(text: &'t str, lexicon: &Lexicon) -> Self {
        u32::try_from(text.len()).expect("texts over 4 GiB are not supported");
        // English prose has a token every 4 to 5 bytes: room for one every
        // 4, the spare returned at the end, so the vector is not doubled late.
        let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
        let mut interner: Interner<FormFacts> = Interner::new(text.len());
        let mut forms_apart = Map::default();
        let mut previous_context = 0;
        let mut previous_end = 0;
        let mut marks = MarkWords::with_capacity(text.len() / 4);
        let mut blocks = BlockFirsts::for_text(text.len());
        // A token's marks are noted when the next one tells whether a line
        // break lies between them.
        let mut previous_marks = 0;
        for (i, scanned) in segment::tokenize(text).enumerate() {
            let Scanned {
                span,
                kind,
                after_line_break,
            } = scanned;
            let entry = interner.form(text, span, kind, lexicon);
            let form = entry.form;
            let facts = &mut entry.record;
            if i > 0 {
                // A multiply, not a select: two instructions fewer per token.
                let line_break = u8::from(after_line_break) * TokenMark::AFTER_LINE_BREAK;
                marks.push(i - 1, previous_marks | line_break);
            }
            previous_end = span.end;
            blocks.token(i, span.start);
            // The text fits in 4 GiB (checked above), and so does every offset.
            tokens.push(Token::new(span.start as u32, kind, form));
            previous_marks = facts.marks;
            // Set from a table, not a branch each: which are set changes
            // from word to word, and each branch would mispredict.
            facts.seen |= SEEN_AFTER[usize::from(previous_context << 3 | facts.context)];
            previous_context = facts.context;
            if form >= FORM_APART {
                forms_apart.insert(i as u32, form);
            }
        }
        let facts = interner.records();
        let Interner {
            lower_of,
            shapes,
            mut lower_text,
            lower_spans,
            mut lower_classes,
            lower_cues,
            cue_heads,
            ..
        } = interner;
        for (&lower, facts) in lower_of.iter().zip(&facts) {
            let classes = &mut lower_classes[lower as usize];
            for (bit, class) in SEEN_CLASSES {
                if facts.seen & bit != 0 {
                    classes.add(class);
                }
            }
        }
        if !tokens.is_empty() {
            let trailing = text[previous_end..].contains('\n');
            let line_break = if trailing {
                TokenMark::AFTER_LINE_BREAK
            } else {
                0
            };
            marks.push(tokens.len() - 1, previous_marks | line_break);
        }
        tokens.shrink_to_fit();
        lower_text.shrink_to_fit();
        let mut table = TokenTable {
            text,
            marked: marks.finish(tokens.len()),
            block_firsts: blocks.finish(text.len(), tokens.len()),
            tokens,
            forms_apart,
            lows: PerForm::new(lower_of.iter().map(|&l| lower_spans[l as usize]).collect()),
            classes: PerForm::new(
                lower_of
                    .iter()
                    .map(|&l| lower_classes[l as usize])
                    .collect(),
            ),
            shapes: PerForm::new(shapes),
            lower_text,
            wrapped: false,
            cues: PerForm::new(lower_of.iter().map(|&l| lower_cues[l as usize]).collect()),
            cue_heads,
            cues_id: lexicon.cues.id(),
        };
        table.wrapped = table.is_hard_wrapped();
        table
    }

    /// Whether the text is hard-wrapped, told from the line breaks the
    /// tokenizer noted between tokens: reading the text again for them
    /// took twice the instructions (out of the loop above: in it, the loop
    /// spilled).
    fn is_hard_wrapped(&self) -> bool {
        let Some(last) = self.len().checked_sub(1) else {
            return false;
        };
        let mut wrapping = Wrapping::default();
        wrapping.line_break(self.text, 0, self.tokens[0].start());
        for i in self.marked[TokenMark::LineBreak as usize].ones(0..last) {
            let next = self.tokens[i + 1].start();
            wrapping.line_break(self.text, self.span(i).end, next);
        }
        wrapping.hard_wrapped(self.text, self.span(last).end)
    }

    /// The tokens of `range` with `mark`, in order.
    pub fn marked(&self, mark: TokenMark, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        self.marked[mark as usize]
            .ones(range)
            .inspect(|_| steps::step())
    }

    /// How many tokens have `mark` (to size what is built per such token).
    pub fn marked_count(&self, mark: TokenMark) -> usize {
        self.marked[mark as usize].count()
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The index of token `i`'s written form: the one it holds, or the one
    /// kept apart for it.
    #[inline(always)]
    fn form_id(&self, i: usize) -> u32 {
        let form = self.tokens[i].form();
        if form < FORM_APART {
            form
        } else {
            self.form_apart(i)
        }
    }

    /// What `per_form` holds for token `i`'s written form.
    #[inline(always)]
    fn of_form<T: Copy>(&self, per_form: &PerForm<T>, i: usize) -> T {
        // The bounds check on the forms near is the only branch: a token
        // whose form is kept apart holds FORM_APART, which misses them.
        match per_form.near.get(self.tokens[i].form() as usize) {
            Some(&fact) => fact,
            None => per_form.apart(self.form_apart(i)),
        }
    }

    /// The form of a token past the 16 millionth distinct form.
    #[cold]
    #[inline(never)]
    fn form_apart(&self, i: usize) -> u32 {
        self.forms_apart[&(i as u32)]
    }

    /// Whether a line break lies between token `i` and the next token (or
    /// the text's end after the last).
    #[inline]
    pub fn line_break_after(&self, i: usize) -> bool {
        steps::step();
        self.marked[TokenMark::LineBreak as usize].has(i)
    }

    /// The index of token `i`'s written form, below [`TokenTable::form_count`]:
    /// a stage may keep facts of its own per form, worked out once each.
    #[inline]
    pub fn form_of(&self, i: usize) -> usize {
        self.form_id(i) as usize
    }

    /// The number of distinct written forms.
    pub fn form_count(&self) -> usize {
        self.shapes.len()
    }

    /// Where token `i` lies in the text: from its start, as long as its
    /// written form.
    #[inline]
    pub fn span(&self, i: usize) -> Span {
        steps::step();
        let start = self.tokens[i].start();
        let (low_start, low_end) = self.of_form(&self.lows, i);
        Span::new(start, start + (low_end - low_start) as usize)
    }

    /// The token's text as written.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.span(i).of(self.text)
    }

    /// The token's text, ASCII-lowercased; empty past the last token.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        &self.lower_text[self.low_range(i)]
    }

    /// [`TokenTable::low`] as bytes, for comparing with words: a slice of
    /// bytes needs no check that it starts and ends on a character, which
    /// cost a slice of the text more than the compare.
    #[inline]
    pub fn low_bytes(&self, i: usize) -> &[u8] {
        &self.lower_text.as_bytes()[self.low_range(i)]
    }

    /// Where the token's lower-case form lies in `lower_text`; nothing
    /// past the last token.
    #[inline(always)]
    fn low_range(&self, i: usize) -> Range<usize> {
        steps::step();
        if i >= self.tokens.len() {
            return 0..0;
        }
        let (start, end) = self.of_form(&self.lows, i);
        start as usize..end as usize
    }

    /// The word lists the token's lower-case form is in (none past the end).
    #[inline]
    pub fn classes(&self, i: usize) -> Classes {
        steps::step();
        if i >= self.tokens.len() {
            return Classes::default();
        }
        self.of_form(&self.classes, i)
    }

    /// The end of the text's first line when it is a title-case headline:
    /// short, and most of its words (function words aside) capitalised.
    pub fn headline_end(&self) -> usize {
        let line_end = self.text.find('\n').unwrap_or(self.text.len());
        let mut words = 0;
        let mut capitalised = 0;
        for i in 0..self.len() {
            if self.tokens[i].start() >= line_end || words > HEADLINE_WORDS {
                break;
            }
            if self.is_word(i) && !self.is(i, Class::FunctionWord) {
                words += 1;
                capitalised += usize::from(self.is_cap(i));
            }
        }
        let title_case = (3..=HEADLINE_WORDS).contains(&words) && capitalised * 4 >= words * 3;
        if title_case { line_end } else { 0 }
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
        self.is_word(i) && self.shape(i) & CAPITALIZED != 0
    }

    /// Whether the token ends with a possessive "’s" / "'s".
    #[inline]
    pub fn is_possessive(&self, i: usize) -> bool {
        steps::step();
        self.shape(i) & POSSESSIVE != 0
    }

    /// Whether the token has two letters or more, none in lower case.
    #[inline]
    pub fn is_all_caps(&self, i: usize) -> bool {
        steps::step();
        self.shape(i) & ALL_CAPS != 0
    }

    /// Whether the token is a word with a lower-case initial and no ASCII
    /// capital: written as its lower-case form.
    #[inline]
    pub fn is_lower_word(&self, i: usize) -> bool {
        steps::step();
        self.shape(i) & LOWER_WORD != 0
    }

    /// Whether the token holds an ASCII hyphen ("trillion-dollar").
    #[inline]
    pub fn is_hyphenated(&self, i: usize) -> bool {
        steps::step();
        self.shape(i) & HYPHENATED != 0
    }

    /// The cues starting with token `i`'s word (none past the end), as
    /// found when the table was built; `None` when it was built with other
    /// cues than `cues`.
    pub(super) fn cues_of_word(&self, i: usize, cues: &Cues) -> Option<Option<&CueHead>> {
        steps::step();
        if cues.id() != self.cues_id {
            return None;
        }
        let head = (i < self.tokens.len()).then(|| self.of_form(&self.cues, i));
        Some(head.and_then(|head| self.cue_heads.get(head as usize)))
    }

    /// Whether the token is written in ASCII alone.
    #[inline]
    pub fn is_ascii(&self, i: usize) -> bool {
        steps::step();
        self.shape(i) & NOT_ASCII == 0
    }

    #[inline(always)]
    fn shape(&self, i: usize) -> u8 {
        self.of_form(&self.shapes, i)
    }

    /// The number of tokens starting before byte `offset`: the index of the
    /// first token starting at or after it.
    pub fn token_at(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        let Some(&from) = self.block_firsts.get(block) else {
            return self.tokens.len();
        };
        let from = from as usize;
        let to = self
            .block_firsts
            .get(block + 1)
            .map_or(self.tokens.len(), |&n| n as usize);
        from + self.tokens[from..to].partition_point(|t| t.start() < offset)
    }

    /// Whether two tokens are written the same (as interned: one compare).
    #[inline]
    pub fn same_form(&self, i: usize, j: usize) -> bool {
        self.form_id(i) == self.form_id(j)
    }
}

/// A fact per written form, in two parts: the forms whose index a token
/// holds ([`FORM_APART`] of them at most), and those past them, which the
/// token table keeps apart. A token's form field indexes `near` directly.
struct PerForm<T> {
    near: Vec<T>,
    apart: Vec<T>,
}

impl<T: Copy> PerForm<T> {
    /// The facts of every form, by index.
    fn new(all: Vec<T>) -> Self {
        PerForm::split_at(all, FORM_APART as usize)
    }

    fn split_at(mut near: Vec<T>, split: usize) -> Self {
        let apart = near.split_off(split.min(near.len()));
        PerForm { near, apart }
    }

    fn len(&self) -> usize {
        self.near.len() + self.apart.len()
    }

    /// The fact of form `form`, one past the forms near.
    #[cold]
    #[inline(never)]
    fn apart(&self, form: u32) -> T {
        self.apart[form as usize - self.near.len()]
    }
}

/// For each block of [`BLOCK`] bytes of a text: the number of tokens
/// starting before the block, noted as the tokens come (a pass over them
/// after, or a search per block, read them back from memory).
struct BlockFirsts {
    firsts: Vec<u32>,
    /// The start of the next block whose count is not noted yet.
    next: usize,
}

impl BlockFirsts {
    fn for_text(len: usize) -> Self {
        BlockFirsts {
            firsts: Vec::with_capacity(len / BLOCK + 1),
            next: 0,
        }
    }

    /// Notes that token `i`, the next, starts at `start`.
    #[inline(always)]
    fn token(&mut self, i: usize, start: usize) {
        while self.next <= start {
            self.firsts.push(i as u32);
            self.next += BLOCK;
        }
    }

    /// The counts of a text of `len` bytes and `tokens` tokens.
    fn finish(mut self, len: usize, tokens: usize) -> Vec<u32> {
        while self.firsts.len() <= len / BLOCK {
            self.firsts.push(tokens as u32);
        }
        self.firsts
    }
}

/// The bits of every [`TokenMark`] while the tokens come: a byte of marks
/// per token, stored as it comes, and turned into a word of bits per mark
/// once 64 tokens are in (a bit stored per token and mark took more time
/// than the stages it saves).
struct MarkWords {
    /// The marks of the tokens of the current 64, a byte each.
    chunk: [u8; 64],
    bits: [Vec<u64>; MARKS.len()],
}

impl MarkWords {
    fn with_capacity(tokens: usize) -> Self {
        MarkWords {
            chunk: [0; 64],
            bits: MARKS.map(|_| Vec::with_capacity(tokens.div_ceil(64))),
        }
    }

    /// Notes token `i`'s marks (bits of [`TokenMark::bit`]): the tokens
    /// come in order, `i` the next.
    #[inline(always)]
    fn push(&mut self, i: usize, marks: u8) {
        self.chunk[i % 64] = marks;
        if i % 64 == 63 {
            self.store(64);
        }
    }

    /// Stores the bits of the first `len` tokens of the chunk.
    fn store(&mut self, len: usize) {
        self.chunk[len..].fill(0);
        for (m, bits) in self.bits.iter_mut().enumerate() {
            let word = self.chunk.chunks_exact(8).rev().fold(0, |word, eight| {
                let eight = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
                word << 8 | gather_bits(eight >> m)
            });
            bits.push(word);
        }
    }

    /// The bits of the `tokens` tokens pushed.
    fn finish(mut self, tokens: usize) -> [TokenBits; MARKS.len()] {
        if !tokens.is_multiple_of(64) {
            self.store(tokens % 64);
        }
        self.bits.map(TokenBits)
    }
}

/// The lowest bit of each of the 8 bytes of `bytes`, gathered into one
/// byte (the first byte's lowest): a multiplication shifts each to its
/// place in the top byte, where no two meet.
fn gather_bits(bytes: u64) -> u64 {
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    const PLACES: u64 = 0x0102_0408_1020_4080;
    (bytes & LOW_BITS).wrapping_mul(PLACES) >> 56
}

/// One bit per token, by token index: a fact of every token told without
/// a search (a line break after it, a quotation holding it).
pub(crate) struct TokenBits(Vec<u64>);

impl TokenBits {
    /// `tokens` bits, all clear.
    pub(crate) fn new(tokens: usize) -> Self {
        TokenBits(vec![0; tokens.div_ceil(64)])
    }

    pub(crate) fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    /// Sets the bits of the tokens of `range`, a word of 64 at a time
    /// (a quotation holds hundreds of tokens: a bit each cost a load and a
    /// store each).
    pub(crate) fn set_range(&mut self, range: Range<usize>) {
        let Some(last) = range.end.checked_sub(1).filter(|&last| last >= range.start) else {
            return;
        };
        let (first_word, last_word) = (range.start / 64, last / 64);
        let from_first = !0u64 << (range.start % 64);
        let to_last = !0u64 >> (63 - last % 64);
        if first_word == last_word {
            self.0[first_word] |= from_first & to_last;
            return;
        }
        self.0[first_word] |= from_first;
        self.0[first_word + 1..last_word].fill(!0);
        self.0[last_word] |= to_last;
    }

    /// How many bits are set.
    pub(crate) fn count(&self) -> usize {
        self.0.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// The bits, 64 tokens a word (for ranks over them).
    pub(crate) fn words(&self) -> &[u64] {
        &self.0
    }

    /// The tokens of `range` whose bit is set, in order, found a word of
    /// 64 tokens at a time.
    pub(crate) fn ones(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let end = range.end;
        let mut word = range.start / 64;
        // The first word without the bits before the range.
        let mut bits = self
            .0
            .get(word)
            .map_or(0, |w| w & (!0 << (range.start % 64)));
        std::iter::from_fn(move || {
            while bits == 0 {
                // A step a word passed over: a scan over empty words per
                // item is as quadratic as one over tokens.
                steps::step();
                word += 1;
                if word * 64 >= end {
                    return None;
                }
                bits = *self.0.get(word)?;
            }
            let i = word * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            (i < end).then_some(i)
        })
    }

    /// Whether token `i`'s bit is set (false past the end).
    #[inline]
    pub(crate) fn has(&self, i: usize) -> bool {
        self.0
            .get(i / 64)
            .is_some_and(|bits| bits & (1 << (i % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_of_token_bits_is_set_as_each_of_its_bits_would_be() {
        for (start, end) in [
            (0, 0),
            (3, 3),
            (0, 1),
            (5, 64),
            (63, 65),
            (10, 200),
            (64, 128),
            (0, 250),
        ] {
            let mut by_range = TokenBits::new(250);
            let mut one_by_one = TokenBits::new(250);
            by_range.set(7);
            one_by_one.set(7);
            by_range.set_range(start..end);
            for i in start..end {
                one_by_one.set(i);
            }
            assert_eq!(by_range.words(), one_by_one.words(), "{start}..{end}");
        }
    }

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
    fn a_line_break_after_a_token_is_known_without_reading_the_text() {
        let text = "Rain fell .\nIt stopped  \r\n\n later".to_string() + &" on".repeat(70) + "\n";
        let table = TokenTable::new(&text, Lexicon::builtin());
        let breaks: Vec<usize> = (0..table.len())
            .filter(|&i| table.line_break_after(i))
            .collect();
        assert_eq!(breaks, [2, 4, table.len() - 1]);
    }

    #[test]
    fn the_marks_of_each_token_become_its_bits() {
        let marks: Vec<u8> = (0..200u32).map(|i| (i * 7 % 23) as u8).collect();
        let mut words = MarkWords::with_capacity(0);
        for (i, &m) in marks.iter().enumerate() {
            words.push(i, m);
        }
        let bits = words.finish(marks.len());
        for (k, mark) in MARKS.iter().enumerate() {
            for (i, &m) in marks.iter().enumerate() {
                assert_eq!(bits[k].has(i), m & mark.bit() != 0, "{mark:?} at {i}");
            }
            assert!(!bits[k].has(marks.len()) && !bits[k].has(255));
            let ones: Vec<usize> = bits[k].ones(3..150).collect();
            let expected: Vec<usize> = (3..150).filter(|&i| marks[i] & mark.bit() != 0).collect();
            assert_eq!(ones, expected, "{mark:?}");
        }
    }

    #[test]
    fn a_fact_per_form_is_found_near_or_apart_past_the_split() {
        let all: Vec<u32> = (0..10).map(|k| k * 11).collect();
        for split in [0, 3, 10, 12] {
            let per_form = PerForm::split_at(all.clone(), split);
            assert_eq!(per_form.len(), all.len());
            for (form, &fact) in all.iter().enumerate() {
                let found = match per_form.near.get(form) {
                    Some(&near) => near,
                    None => per_form.apart(form as u32),
                };
                assert_eq!(found, fact, "form {form} split at {split}");
            }
        }
    }

    #[test]
    fn the_token_at_an_offset_is_the_first_starting_there_or_after() {
        // Prose, then a token at every byte (as many as a block can hold).
        let text = "word ".repeat(300) + "end." + &"!".repeat(1000) + " end";
        let table = TokenTable::new(&text, Lexicon::builtin());
        for offset in 0..=text.len() + 3 {
            let expected = table.tokens.partition_point(|t| t.start() < offset);
            assert_eq!(table.token_at(offset), expected, "at {offset}");
        }
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

    #[test]
    fn a_form_capitalised_after_a_lower_case_word_is_seen_inside() {
        let text = "Hope came. We met Hope there. Then It Rained.";
        let table = TokenTable::new(text, Lexicon::builtin());
        assert!(table.classes(0).has(Class::SeenInside));
        let rained = table.len() - 2;
        assert_eq!(table.low(rained), "rained");
        assert!(!table.classes(rained).has(Class::SeenInside));
    }
}
