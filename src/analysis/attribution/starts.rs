//! The tokens where the per-token rules of this stage may start, found in
//! one pass over the tokens: cue words, evidential and "see X as" frame
//! words, "in" (a finding's document after it) and commas. Each rule then
//! visits only its own tokens, 64 at a time, where each walked every token
//! of the text (four walks, each reading every token's form).

use super::TokenKind;
use crate::analysis::segment::FORM_APART;
use crate::analysis::tokens::{Class, TokenBits, TokenTable};

/// What a written form may start, bits of a byte (see [`form_flags`]).
const CUE: u8 = 1;
const FRAME: u8 = 1 << 1;
const IN: u8 = 1 << 2;
const COMMA: u8 = 1 << 3;
/// Set once a form's flags are worked out.
const KNOWN: u8 = 1 << 7;

/// Per token, what a rule may start with it.
pub(super) struct Starts {
    /// Words that may start a cue ([`Class::CueStart`]).
    pub(super) cue_words: TokenBits,
    /// Tokens that may start an evidential frame (a form of "be", a
    /// listed verb, any token not in ASCII) or a "see X as" frame.
    pub(super) frames: TokenBits,
    /// The tokens written "in" in any case.
    pub(super) ins: TokenBits,
    /// The indices of the comma tokens, in order.
    pub(super) commas: Vec<u32>,
}

impl Starts {
    pub(super) fn new(table: &TokenTable) -> Self {
        let len = table.len();
        let mut starts = Starts {
            cue_words: TokenBits::new(len),
            frames: TokenBits::new(len),
            ins: TokenBits::new(len),
            commas: Vec::new(),
        };
        // A form's flags are worked out at its first token only: the
        // tokens of a text are mostly repeats of a few thousand forms.
        let mut flags = vec![0u8; table.form_count()];
        for (i, token) in table.tokens.iter().enumerate() {
            // The form read off the token in hand, not looked up again by
            // index: this loop runs over every token of the text.
            let form = match token.form() {
                FORM_APART => table.form_of(i),
                form => form as usize,
            };
            let mut found = flags[form];
            if found == 0 {
                found = KNOWN | form_flags(table, i);
                flags[form] = found;
            }
            if found == KNOWN {
                continue;
            }
            if found & CUE != 0 && token.kind == TokenKind::Word {
                starts.cue_words.set(i);
            }
            if found & FRAME != 0 {
                starts.frames.set(i);
            }
            if found & IN != 0 {
                starts.ins.set(i);
            }
            if found & COMMA != 0 && token.kind == TokenKind::Punct {
                // Token indices fit: tokens hold u32 offsets.
                starts.commas.push(i as u32);
            }
        }
        starts
    }
}

/// What token `i`'s written form may start (its kind aside).
fn form_flags(table: &TokenTable, i: usize) -> u8 {
    let classes = table.classes(i);
    let low = table.low(i);
    let mut flags = 0;
    if classes.has(Class::CueStart) {
        flags |= CUE;
    }
    let evidential = classes.has(Class::EvidentialStart) || !table.is_ascii(i);
    if evidential || classes.has(Class::AsFrame) {
        flags |= FRAME;
    }
    if low == "in" {
        flags |= IN;
    }
    // A mark is one character: a comma's form starts with one.
    if low.as_bytes().first() == Some(&b',') {
        flags |= COMMA;
    }
    flags
}
