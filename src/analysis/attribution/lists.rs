//! The word lists the attribution rules ask of a token, answered once per
//! written form: a rule asks the same few words ("that", "who", "has")
//! thousands of times, and each answer was a hash of the word. The endings
//! the rules ask of every cue and its neighbours ("-ing", "-ly", "-ed",
//! "n't") are answered the same way: each answer compared the form's
//! bytes, and read the text for a form with a capital. So are the words of
//! the evidential frames, asked at every form of "be".

use std::cell::Cell;

use super::Context;
use super::evidential;
use crate::analysis::mentions::clause_openers;
use crate::analysis::wordlists;

/// A word list asked per token (`assets/lexicon/`).
#[derive(Debug, Clone, Copy)]
pub(super) enum List {
    Auxiliaries,
    ClauseOpeners,
    ClauseWords,
    FreeRelatives,
    NegatedAuxiliaries,
    QuestionLeads,
    QuestionOpeners,
    Relatives,
    /// Words of five letters or more ending in "ing" (see
    /// [`Context::is_ing`]).
    IngEnding,
    /// Words of five letters or more ending in "ly" (see
    /// [`Context::is_adverb`]).
    LyEnding,
    /// Words ending in "ed".
    EdEnding,
    /// Words ending in "n't" or "n’t".
    NegatedVerb,
    /// Verbs of an evidential frame with no "be" ("appears"), in Unicode
    /// lower case (see evidential.rs).
    FrameVerb,
    /// The forms of "be" an evidential frame follows, in Unicode lower case.
    FrameBe,
    /// Words that may stand between "be" and a frame's participle ("not").
    FrameBetween,
    /// The first words of the pairs after "be" ("expected"), in Unicode
    /// lower case.
    FrameAfterBe,
}

impl List {
    /// Whether the list holds token `i`'s form.
    fn holds(self, c: &Context, i: usize) -> bool {
        let lists = wordlists::get();
        let low = c.table.low(i);
        match self {
            List::Auxiliaries => lists.auxiliaries.has(low),
            List::ClauseOpeners => clause_openers().contains(low),
            List::ClauseWords => lists.clause_words.has(low),
            List::FreeRelatives => lists.free_relatives.has(low),
            List::NegatedAuxiliaries => lists.negated_auxiliaries.has(low),
            List::QuestionLeads => lists.question_leads.has(low),
            List::QuestionOpeners => lists.question_openers.has(low),
            List::Relatives => lists.relatives.has(low),
            List::IngEnding => low.len() > 4 && c.ends_with(i, "ing"),
            List::LyEnding => low.len() > 4 && c.ends_with(i, "ly"),
            List::EdEnding => c.ends_with(i, "ed"),
            List::NegatedVerb => c.ends_with(i, "n't") || c.ends_with(i, "n’t"),
            List::FrameVerb => lists
                .evidential
                .verbs
                .contains(evidential::lower(c, i).as_ref()),
            List::FrameBe => (lists.evidential.be_forms).contains(evidential::lower(c, i).as_ref()),
            List::FrameBetween => lists.evidential.between.contains(low),
            List::FrameAfterBe => {
                evidential::after_be_firsts().contains(evidential::lower(c, i).as_ref())
            }
        }
    }

    /// The bit that says the answer is known; the bit above it holds it
    /// (16 lists at most: 4 bytes a form).
    fn known_bit(self) -> u32 {
        1 << (2 * self as u32)
    }
}

/// Per written form of the token table, two bits per [`List`]: whether
/// the form's answer is known, and the answer.
pub(super) struct FormLists(Vec<Cell<u32>>);

impl FormLists {
    pub(super) fn new(forms: usize) -> Self {
        FormLists(vec![Cell::new(0); forms])
    }
}

impl Context<'_> {
    /// Whether token `i`'s lower-case form is in `list` (none past the
    /// end), looked up the first time its form is asked about only.
    #[inline]
    pub(super) fn in_list(&self, i: usize, list: List) -> bool {
        if i >= self.tokens.len() {
            return false;
        }
        let memo = &self.form_lists.0[self.table.form_of(i)];
        let (known, answer) = (list.known_bit(), list.known_bit() << 1);
        let bits = memo.get();
        if bits & known != 0 {
            return bits & answer != 0;
        }
        self.look_up(memo, i, list)
    }

    /// [`Context::in_list`] the first time a form is asked about: out of
    /// line, so that a known answer (nearly every one) is a few inlined
    /// instructions, with no call.
    #[inline(never)]
    fn look_up(&self, memo: &Cell<u32>, i: usize, list: List) -> bool {
        let holds = list.holds(self, i);
        let (known, answer) = (list.known_bit(), list.known_bit() << 1);
        memo.set(memo.get() | known | if holds { answer } else { 0 });
        holds
    }
}
