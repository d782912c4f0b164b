//! The tokens where the per-token rules of this stage may start, found in
//! one pass over the tokens: cue words, evidential and "see X as" frame
//! words, "in" (a finding's document after it), "that", commas and colons. Each rule then
//! visits only its own tokens, 64 at a time, where each walked every token
//! of the text (four walks, each reading every token's form).

use std::cell::Cell;

use super::{Token, TokenKind};
use crate::analysis::segment::FORM_APART;
use crate::analysis::shared;
use crate::analysis::tokens::{Class, TokenBits, TokenTable};

/// What a written form may start, bits of a byte (see [`form_flags`]).
const CUE: u8 = 1;
const FRAME: u8 = 1 << 1;
const IN: u8 = 1 << 2;
const COMMA: u8 = 1 << 3;
const COLON: u8 = 1 << 4;
const THAT: u8 = 1 << 5;
/// Set once a form's flags are worked out.
const KNOWN: u8 = 1 << 7;

/// Per token, what a rule may start with it. Rare tokens are kept as
/// lists of indices, common ones as bits (the smaller for each: the
/// stage's peak memory counts).
pub(super) struct Starts {
    /// Tokens that may start an evidential frame (a form of "be", a
    /// listed verb, any token not in ASCII) or a "see X as" frame.
    pub(super) frames: TokenBits,
    /// The tokens written "in" in any case.
    pub(super) ins: Indices,
    /// The comma tokens: the next comma after a cue is a search here.
    /// Bits scanned a word at a time were tried, and crossed an endless
    /// sentence without a comma once per cue (quadratic on "according to "
    /// repeated).
    pub(super) commas: Indices,
    /// The colon tokens.
    pub(super) colons: Indices,
    /// The tokens written "that" in any case: a content opens after one
    /// (see `Pass::content_start`).
    pub(super) thats: Indices,
}

/// Token indices in order, and where the last search among them ended:
/// the rules ask unit after unit, in text order, so a search gallops a
/// few steps on from there, where a binary search of the whole list took
/// a dozen.
#[derive(Default)]
pub(super) struct Indices {
    list: Vec<u32>,
    last: Cell<usize>,
}

impl Indices {
    fn push(&mut self, i: usize) {
        // Token indices fit: tokens hold u32 offsets.
        self.list.push(i as u32);
    }

    /// The indices in `from..end`, in order.
    pub(super) fn within(&self, from: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        // A search back from the last falls back to a binary search.
        let at = shared::first_start_from(&self.list, self.last.get(), from);
        self.last.set(at);
        self.list[at..]
            .iter()
            .map(|&k| k as usize)
            .take_while(move |&k| k < end)
    }
}

impl Starts {
    /// The starts of the table's tokens, and apart from them the words
    /// that may start a cue ([`Class::CueStart`]), asked once, while the
    /// cues are found (and then dropped).
    pub(super) fn new(table: &TokenTable) -> (Self, TokenBits) {
        let len = table.len();
        let mut cue_words = TokenBits::new(len);
        let mut starts = Starts {
            frames: TokenBits::new(len),
            ins: Indices::default(),
            commas: Indices::default(),
            colons: Indices::default(),
            thats: Indices::default(),
        };
        // A form's flags are worked out at its first token only: the
        // tokens of a text are mostly repeats of a few thousand forms.
        let mut flags = vec![0u8; table.form_count()];
        // The forms below FORM_APART: a token whose form is kept apart
        // holds FORM_APART, which misses them.
        let near = flags.len().min(FORM_APART as usize);
        let mut next = 0;
        while let Some((i, mut found)) = next_to_visit(&table.tokens, &flags[..near], next) {
            next = i + 1;
            let token = table.tokens[i];
            if found == 0 {
                // A form not known yet, or kept apart.
                let form = table.form_of(i);
                found = flags[form];
                if found == 0 {
                    found = KNOWN | form_flags(table, i);
                    flags[form] = found;
                }
                if found == KNOWN {
                    continue;
                }
            }
            if found & CUE != 0 && token.kind == TokenKind::Word {
                cue_words.set(i);
            }
            if found & FRAME != 0 {
                starts.frames.set(i);
            }
            if found & IN != 0 {
                starts.ins.push(i);
            }
            if found & COMMA != 0 && token.kind == TokenKind::Punct {
                starts.commas.push(i);
            }
            if found & COLON != 0 && token.kind == TokenKind::Punct {
                starts.colons.push(i);
            }
            if found & THAT != 0 {
                starts.thats.push(i);
            }
        }
        // Without the room the lists grew by: they last through the stage,
        // whose peak counts.
        for list in [
            &mut starts.ins,
            &mut starts.commas,
            &mut starts.colons,
            &mut starts.thats,
        ] {
            list.list.shrink_to_fit();
        }
        (starts, cue_words)
    }
}

/// The first token from `from` on whose form may start something or is
/// not known yet (or is kept apart): a loop of its own, tight enough to
/// keep the ends of both slices in registers, over the tokens that mostly
/// start nothing.
/// With it, its form's flags (0 when not known yet or kept apart).
fn next_to_visit(tokens: &[Token], near: &[u8], from: usize) -> Option<(usize, u8)> {
    let rest = tokens.get(from..)?;
    rest.iter().enumerate().find_map(|(k, token)| {
        let found = near.get(token.form() as usize).copied().unwrap_or(0);
        (found != KNOWN).then_some((from + k, found))
    })
}

/// What token `i`'s written form may start (its kind aside).
fn form_flags(table: &TokenTable, i: usize) -> u8 {
    let classes = table.classes(i);
    let low = table.low_bytes(i);
    let mut flags = 0;
    if classes.has(Class::CueStart) {
        flags |= CUE;
    }
    let evidential = classes.has(Class::EvidentialStart) || !table.is_ascii(i);
    if evidential || classes.has(Class::AsFrame) {
        flags |= FRAME;
    }
    if low == b"in" {
        flags |= IN;
    }
    // A mark is one character: a comma's form starts with one.
    if low.first() == Some(&b',') {
        flags |= COMMA;
    }
    if low == b":" {
        flags |= COLON;
    }
    if low == b"that" {
        flags |= THAT;
    }
    flags
}
