//! Per token of a sentence, which mention finders may start there, read
//! off the token table in one pass: each finder then visits its own few
//! tokens, not every token.

use super::context::Context;
use crate::analysis::segment::{FORM_APART, HIGH_BITS, TokenKind, each};
use crate::analysis::steps;
use crate::analysis::tokens::{Class, TokenTable};

/// The marks of the tokens of the sentence read last (see [`Starts::read`]).
pub(super) struct Starts {
    /// The marks of all its tokens together.
    all: u8,
    /// Its first token and one past its last.
    first: usize,
    end: usize,
    /// Per token, its marks, then zeros up to a multiple of eight bytes
    /// (see [`Marked`]).
    marks: Vec<u8>,
    /// The marks of each written form (they depend on the form alone), or
    /// [`Starts::UNKNOWN`] before its first token: a byte per form, in
    /// cache, where the token table's facts of a form take several. Only
    /// the forms below [`FORM_APART`]: a token whose form is kept apart
    /// holds FORM_APART, past them, and is worked out each time (one test
    /// of a token's form for both, in the loop over every token).
    by_form: Vec<u8>,
}

impl Starts {
    /// A capitalised word a name or title may start with: not a function
    /// word ("The", "But"), unless it opens a title or a known phrase.
    pub const CAP: u8 = 1;
    /// A word a head noun may be: possessive, or of `Class::HeadWord`.
    pub const HEAD: u8 = 2;
    /// A word a share may start with (its leading words' first, "about",
    /// or an opener, "a"), or a number.
    pub const SHARE: u8 = 4;
    /// A word no share goes without: a number (in digits or words), a
    /// fraction ("half", "majority") or "those" ("those surveyed").
    pub const SHARE_CORE: u8 = 8;
    /// A lower-case word some cue starts with (a capitalised one is no
    /// cue to the subject finder).
    pub const CUE: u8 = 16;
    pub const PRONOUN: u8 = 32;
    /// Set by [`Starts::claim`] on the tokens a name's mention covers,
    /// whose heads groups.rs skips (no form has it).
    pub const CLAIMED: u8 = 64;
    /// A word some title starts with (`Class::TitleStart`).
    pub const TITLE: u8 = 128;
    /// In `by_form`: not worked out yet (no form is [`Starts::CLAIMED`]).
    const UNKNOWN: u8 = u8::MAX;

    pub fn new(table: &TokenTable) -> Self {
        Starts {
            all: 0,
            first: 0,
            end: 0,
            marks: Vec::new(),
            by_form: vec![Self::UNKNOWN; table.form_count().min(FORM_APART as usize)],
        }
    }

    /// Marks the tokens of the sentence `range`. Always inlined: called
    /// once per sentence from one place, where a call cost more than a
    /// short sentence's reading.
    #[inline(always)]
    pub fn read(&mut self, ctx: &Context, range: std::ops::Range<usize>) {
        let Starts { by_form, marks, .. } = self;
        // Every token's byte is written below: only the padding after the
        // last one needs zeros, one store of the last eight bytes (a
        // memset of the whole room per sentence cost more).
        marks.resize(range.len().next_multiple_of(8), 0);
        if let Some(last) = marks.last_chunk_mut::<8>() {
            *last = [0; 8];
        }
        // A slice, not the vector: its end stays in a register.
        let by_form = &mut by_form[..];
        let mut all = 0;
        // A byte stored per token, with no branch on it: which tokens
        // start something is as good as random, and a branch mispredicts.
        // (Zipped with the marks: no bounds check per token.)
        let tokens = ctx.tokens[range.clone()].iter().enumerate();
        for ((k, token), slot) in tokens.zip(marks.iter_mut()) {
            let known = by_form.get(token.form() as usize).copied();
            let mut mark = known.unwrap_or(Self::UNKNOWN);
            if mark == Self::UNKNOWN {
                mark = new_marks(by_form, ctx, range.start + k);
            }
            all |= mark;
            *slot = mark;
        }
        self.all = all;
        self.first = range.start;
        self.end = range.end;
    }

    /// Whether token `i` of the sentence read last has some of `marks`.
    #[inline]
    pub fn at(&self, i: usize, marks: u8) -> bool {
        self.marks[i - self.first] & marks != 0
    }

    /// The tokens of the sentence with some of `marks`, in order.
    pub fn marked(&self, marks: u8) -> Marked<'_> {
        Marked {
            words: self.marks.chunks_exact(8),
            next: self.first,
            base: self.first,
            bits: 0,
            marks,
        }
    }

    /// Whether some token of the sentence has some of `marks`.
    pub fn any(&self, marks: u8) -> bool {
        self.all & marks != 0
    }

    /// The first token of the sentence at or after `from` with some of
    /// `marks`, if any, found eight at a time (see [`Marked`]).
    pub fn next_marked(&self, marks: u8, from: usize) -> Option<usize> {
        let mut word = (from - self.first) / 8 * 8;
        // The tokens before `from` in its word are not asked for.
        let mut bits = self.word_having(word, marks)? & u64::MAX << (from - self.first - word);
        while bits == 0 {
            word += 8;
            bits = self.word_having(word, marks)?;
        }
        Some(self.first + word + bits.trailing_zeros() as usize)
    }

    /// [`bytes_having`] of the eight marks from the sentence's `k`th on
    /// (`k` a multiple of eight), if the sentence has them.
    #[inline]
    fn word_having(&self, k: usize, marks: u8) -> Option<u64> {
        steps::step();
        let word = self.marks.get(k..k + 8)?;
        let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        Some(bytes_having(word, marks))
    }

    /// Marks `tokens` [`Starts::CLAIMED`] (those past the sentence, a
    /// full stop closing a mention, are no head and are left).
    pub fn claim(&mut self, tokens: std::ops::Range<usize>) {
        let end = tokens.end.min(self.end);
        for mark in &mut self.marks[tokens.start - self.first..end - self.first] {
            *mark |= Self::CLAIMED;
        }
    }
}

/// The tokens of a sentence with some marks (see [`Starts::marked`]),
/// found eight at a time: the marks of eight tokens are one word, and a
/// few operations on it tell which have some of the marks.
pub(super) struct Marked<'s> {
    words: std::slice::ChunksExact<'s, u8>,
    /// The token of the next word's first byte.
    next: usize,
    /// The token of the current word's first byte.
    base: usize,
    /// The tokens of the current word with the marks, not yet given, as
    /// bits (bit `k` for token `base + k`).
    bits: u64,
    marks: u8,
}

impl Iterator for Marked<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            steps::step();
            let word = self.words.next()?;
            self.base = self.next;
            self.next += 8;
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            self.bits = bytes_having(word, self.marks);
        }
        let k = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.base + k)
    }
}

/// Bit `k` set when byte `k` of `word` has some of `marks`.
#[inline]
fn bytes_having(word: u64, marks: u8) -> u64 {
    const LOW7: u64 = !HIGH_BITS;
    let word = word & each(marks);
    // A byte's high bit set when any of its bits is: adding 0x7f to its
    // low seven bits carries into the high bit, and never past it.
    let nonzero = (((word & LOW7) + LOW7) | word) & !LOW7;
    // The eight high bits gathered into the top byte by one multiply
    // (each lands on a bit of its own, with no carries).
    (nonzero >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56
}

/// The marks of token `i`, whose form's are not known, worked out and
/// kept for the form (unless it is kept apart: see [`Starts::by_form`]).
#[cold]
#[inline(never)]
fn new_marks(by_form: &mut [u8], ctx: &Context, i: usize) -> u8 {
    let mark = marks_of(ctx, i);
    if let Some(known) = by_form.get_mut(ctx.tokens[i].form() as usize) {
        *known = mark;
    }
    mark
}

/// The marks of token `i` (see [`Starts`]): of its form, as all it reads.
fn marks_of(ctx: &Context, i: usize) -> u8 {
    if !ctx.is_word(i) {
        let number = ctx.tokens[i].kind == TokenKind::Number;
        return if number {
            Starts::SHARE | Starts::SHARE_CORE
        } else {
            0
        };
    }
    let classes = ctx.table.classes(i);
    let possessive = ctx.is_possessive(i);
    let cap = ctx.is_cap(i);
    let mut marks = 0;
    let mut mark = |yes: bool, bit: u8| {
        if yes {
            marks |= bit;
        }
    };
    let opens_phrase = classes.has(Class::TitleStart) || classes.has(Class::PhraseStart);
    let function_word = classes.has(Class::FunctionWord) && !opens_phrase;
    mark(cap && !function_word, Starts::CAP);
    mark(possessive || classes.has(Class::HeadWord), Starts::HEAD);
    let share = classes.has(Class::ShareLead) || classes.has(Class::ShareOpener);
    mark(share, Starts::SHARE);
    let core = classes.has(Class::NumberWord) || classes.has(Class::Fraction);
    let those = ctx.table.low_bytes(i) == b"those";
    mark(core || those, Starts::SHARE_CORE);
    mark(classes.has(Class::CueStart) && !cap, Starts::CUE);
    mark(classes.has(Class::Pronoun), Starts::PRONOUN);
    mark(classes.has(Class::TitleStart), Starts::TITLE);
    marks
}

#[cfg(test)]
mod tests {
    use super::{Starts, bytes_having};

    /// The marks of a sentence of eleven tokens from token 10 on: a
    /// capital at 11, 17 and 20.
    fn sentence() -> Starts {
        let mut marks = vec![0; 16];
        for k in [1, 7, 10] {
            marks[k] = Starts::CAP;
        }
        marks[3] = Starts::HEAD;
        Starts {
            all: Starts::CAP | Starts::HEAD,
            first: 10,
            end: 21,
            marks,
            by_form: Vec::new(),
        }
    }

    #[test]
    fn the_next_marked_token_is_found_from_any_token_on() {
        let starts = sentence();
        let next = |from| starts.next_marked(Starts::CAP, from);
        assert_eq!(next(10), Some(11));
        assert_eq!(next(11), Some(11));
        assert_eq!(next(12), Some(17));
        assert_eq!(next(18), Some(20));
        assert_eq!(next(21), None);
        assert_eq!(next(40), None);
        assert_eq!(starts.next_marked(Starts::HEAD, 14), None);
    }

    #[test]
    fn claimed_tokens_stop_at_the_sentence_end() {
        let mut starts = sentence();
        starts.claim(19..23);
        let claimed: Vec<usize> = starts.marked(Starts::CLAIMED).collect();
        assert_eq!(claimed, [19, 20]);
        assert!(
            starts.at(20, Starts::CAP),
            "a claimed token keeps its marks"
        );
    }

    #[test]
    fn the_bytes_having_a_mark_are_told_by_their_bits() {
        let bytes = [0u8, 1, 2, 3, 0x80, 0x81, 16, 0];
        let word = u64::from_le_bytes(bytes);
        assert_eq!(bytes_having(word, 1), 0b0010_1010);
        assert_eq!(bytes_having(word, 2), 0b0000_1100);
        assert_eq!(bytes_having(word, 1 | 16), 0b0110_1010);
        assert_eq!(bytes_having(word, 0x80), 0b0011_0000);
        assert_eq!(bytes_having(u64::MAX, 4), 0xff);
        assert_eq!(bytes_having(0, 0xff), 0);
    }
}
