//! The text and its tokens with the lookups every mention finder needs
//! (lower-case forms, capitalisation, titles, word lists), and the small
//! helpers the finders share to build and prune mentions.

use std::cell::Cell;

use compact_str::CompactString;

use crate::analysis::lexicon::{CueClasses, CueMatch, Cues, Lexicon};
use crate::analysis::segment::{Token, TokenKind};
use crate::analysis::steps;
use crate::analysis::tokens::{Class, TokenTable};
use crate::analysis::wordlists::{Set, Wordlists};
use crate::analysis::{ActorKind, Mention};
use crate::span::Span;

/// The text and tokens with the lookups every finder needs.
pub(super) struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// The token table: lower-case forms, capitals, word lists, per token.
    pub table: &'a TokenTable<'a>,
    pub lists: &'static Wordlists,
    /// Titles from the user's config, lowercased, as words.
    extra_titles: &'a [Vec<String>],
    /// The last run found by [`Context::cap_run_end`]: (first, end, bound).
    last_cap_run: Cell<(usize, usize, usize)>,
    /// The cue verbs, the user's among them: a verb of saying ends a phrase.
    cues: &'a Cues,
    /// The token the last cue was matched at, and the match: the finders
    /// ask of the same token several times in a row.
    last_cue: Cell<(usize, Option<CueMatch>)>,
    /// The tokens of the sentence being read (see [`Context::enter`]).
    sentence: std::ops::Range<usize>,
    /// Per token of the sentence, the lengths of the titles starting there
    /// within it (see [`Context::title_mask`]), kept with the first token
    /// of the sentence they were worked out in: the finders ask of a token
    /// several times, and each answer is a lookup and a comparison per
    /// title it may start. (An entry of an earlier sentence is not known
    /// here, so the room is not zeroed per sentence: few tokens are asked.)
    titles: Vec<Cell<(usize, u64)>>,
    /// Per written form, what the form names as a word alone (names.rs).
    pub word_kinds: FormFacts,
    /// Per written form, what kind of head noun it is (groups.rs).
    pub heads: FormFacts,
    /// Per written form, the kind a pronoun stands for (mod.rs).
    pub pronoun_kinds: FormFacts,
    /// Per written form, what the subject finder asks of the words
    /// before a cue (subjects.rs).
    pub subject_words: FormFacts,
    /// Per written form, whether some inflected cue that introduces
    /// content starts with it (see [`Context::is_inflected_cue`]).
    inflected_cues: FormFacts,
}

/// Per written form, a byte a finder works out from the form alone on its
/// first token and keeps (0 until then): a byte per form, in cache, where
/// working it out takes several lookups each time.
pub(super) struct FormFacts(Vec<Cell<u8>>);

impl FormFacts {
    fn new(table: &TokenTable) -> Self {
        FormFacts(vec![Cell::new(0); table.form_count()])
    }

    /// The fact kept for the form of token `i` (a token of the text).
    #[inline]
    pub fn of(&self, table: &TokenTable, i: usize) -> &Cell<u8> {
        &self.0[table.form_of(i)]
    }
}

/// A word's kind as a byte of a [`FormFacts`] ([`Context::word_kinds`],
/// [`Context::pronoun_kinds`]).
pub(super) mod word_kind {
    use crate::analysis::ActorKind;

    const KINDS: [ActorKind; 6] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Place,
        ActorKind::Group,
        ActorKind::Anonymous,
        ActorKind::Other,
    ];

    /// 0 is "not worked out", 1 "names nothing", 2… a kind.
    pub fn encode(kind: Option<ActorKind>) -> u8 {
        kind.map_or(1, |kind| {
            2 + KINDS.iter().position(|&k| k == kind).unwrap_or(0) as u8
        })
    }

    /// The kind kept in `byte`, if one was.
    pub fn decode(byte: u8) -> Option<Option<ActorKind>> {
        match byte {
            0 => None,
            1 => Some(None),
            _ => Some(Some(KINDS[usize::from(byte - 2)])),
        }
    }
}

/// In [`Context::inflected_cues`]: what some inflected cue starting with
/// the word may be, and what none is (0 is "not worked out").
const INFLECTED_CUE: u8 = 2;
const NO_INFLECTED_CUE: u8 = 1;

/// The lengths (bit `k` for `k` tokens) no longer than `n` tokens.
#[inline]
fn lengths_up_to(n: usize) -> u64 {
    if n >= 63 {
        u64::MAX
    } else {
        (1u64 << (n + 1)) - 1
    }
}

impl<'a> Context<'a> {
    pub fn new(table: &'a TokenTable<'a>, lexicon: &'a Lexicon) -> Self {
        Context {
            text: table.text,
            tokens: &table.tokens,
            table,
            lists: lexicon.words,
            extra_titles: &lexicon.extra_titles,
            last_cap_run: Cell::new((0, 0, 0)),
            cues: &lexicon.cues,
            last_cue: Cell::new((usize::MAX, None)),
            sentence: 0..0,
            titles: Vec::new(),
            word_kinds: FormFacts::new(table),
            heads: FormFacts::new(table),
            pronoun_kinds: FormFacts::new(table),
            subject_words: FormFacts::new(table),
            inflected_cues: FormFacts::new(table),
        }
    }

    /// Starts reading the sentence of tokens `range`: what was kept of the
    /// last one is dropped. Always inlined: a few stores, once per sentence.
    #[inline(always)]
    pub fn enter(&mut self, range: std::ops::Range<usize>) {
        if self.titles.len() < range.len() {
            // No sentence starts past the last token.
            self.titles.resize(range.len(), Cell::new((usize::MAX, 0)));
        }
        self.sentence = range;
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    #[inline]
    pub fn word(&self, i: usize) -> &'a str {
        self.table.word(i)
    }

    /// The token's text, ASCII-lowercased; empty past the last token, as
    /// `is_word` is false there (finders look one or two tokens ahead).
    #[inline]
    pub fn low(&self, i: usize) -> &'a str {
        self.table.low(i)
    }

    #[inline]
    pub fn is_word(&self, i: usize) -> bool {
        self.table.is_word(i)
    }

    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.table.is_cap(i)
    }

    /// Whether token `i` is the mark `s` (no letter in it: the token's
    /// lower-case form, read from the forms, not the text, is then the same;
    /// and a word, most tokens, is no such mark: told by its kind alone).
    // Always inlined: at most sites the kind alone answers, and a call
    // costs more than that test.
    #[inline(always)]
    pub fn is_punct(&self, i: usize, s: &str) -> bool {
        steps::step();
        i < self.tokens.len() && self.tokens[i].kind != TokenKind::Word && self.low(i) == s
    }

    /// Whether the text writes this word in lower case somewhere (and
    /// capitalised in an opener's place, as the callers ask of an opener).
    #[inline]
    pub fn seen_lowercase(&self, i: usize) -> bool {
        let classes = self.table.classes(i);
        classes.has(Class::SeenLowercase) && classes.has(Class::SeenOpening)
    }

    /// The end (exclusive, at most `end`) of the run of capitalised words
    /// without a possessive that starts at token `i`. Every token of a run
    /// has the same end, so the run found last answers for the next tokens
    /// of it: a scan over a run is not repeated per token.
    pub fn cap_run_end(&self, i: usize, end: usize) -> usize {
        let (first, run_end, bound) = self.last_cap_run.get();
        if bound == end && first <= i && i < run_end {
            return run_end;
        }
        let mut j = i;
        while j < end && self.is_cap(j) && !self.is_possessive(j) {
            j += 1;
        }
        self.last_cap_run.set((i, j, end));
        j
    }

    /// Whether the token ends with a possessive "’s" / "'s".
    #[inline]
    pub fn is_possessive(&self, i: usize) -> bool {
        self.table.is_possessive(i)
    }

    /// The token's text lowercased, without a possessive ending.
    #[inline]
    pub fn low_bare(&self, i: usize) -> &'a str {
        let low = self.low(i);
        if self.is_possessive(i) {
            let cut = if low.ends_with("’s") { 4 } else { 2 };
            &low[..low.len() - cut]
        } else {
            low
        }
    }

    /// Whether the token's lower-case form without a possessive ending is
    /// in the word list of `class`: the token table says so, and `list`
    /// (the same list) is asked only of a possessive. Always inlined: a
    /// class bit for most words, less than the call.
    #[inline(always)]
    pub fn bare_is(&self, i: usize, class: Class, list: impl FnOnce(&str) -> bool) -> bool {
        if self.is_possessive(i) {
            list(self.low_bare(i))
        } else {
            self.table.classes(i).has(class)
        }
    }

    /// The token's span without a possessive ending.
    // Always inlined: most tokens have no possessive ending, and the call
    // cost more than the span.
    #[inline(always)]
    pub fn bare_span(&self, i: usize) -> Span {
        let span = self.table.span(i);
        if self.is_possessive(i) {
            let cut = if self.word(i).ends_with("’s") { 4 } else { 2 };
            Span::new(span.start, span.end - cut)
        } else {
            span
        }
    }

    /// The text from token `first` to token `last` (inclusive), a
    /// possessive ending of the last one left out. Always inlined: two
    /// loads and a slice, less than the call.
    #[inline(always)]
    pub fn phrase(&self, first: usize, last: usize) -> &'a str {
        Span::new(self.tokens[first].start(), self.bare_span(last).end).of(self.text)
    }

    /// The lengths of the titles starting at token `i` and ending before
    /// `end`, as bits (bit `k`: a title of `k` tokens; titles of 64 words
    /// or more, which no list has, are not looked for).
    #[inline]
    pub fn title_mask(&self, i: usize, end: usize) -> u64 {
        // Only a word that starts some title (the user's too) can: no lookup
        // (and no call) for the rest.
        if !self.table.is(i, Class::TitleStart) {
            return 0;
        }
        self.title_start_mask(i, end)
    }

    /// [`Context::title_mask`] of a word that starts some title.
    fn title_start_mask(&self, i: usize, end: usize) -> u64 {
        let fits = lengths_up_to(end.saturating_sub(i));
        let sentence = &self.sentence;
        if !(sentence.contains(&i) && end <= sentence.end) {
            return self.titles_within(i, end) & fits;
        }
        let known = &self.titles[i - sentence.start];
        let (read_in, mut titles) = known.get();
        if read_in != sentence.start {
            titles = self.titles_within(i, sentence.end);
            known.set((sentence.start, titles));
        }
        titles & fits
    }

    /// The lengths of the titles starting at token `i` (a title's first
    /// word) within `end`, as [`Context::title_mask`] gives them.
    fn titles_within(&self, i: usize, end: usize) -> u64 {
        let builtin = self.lists.titles_by_first.get(self.low(i));
        let builtin = builtin.into_iter().flatten();
        let extra = self.extra_titles.iter();
        let lengths = builtin
            .filter(|words| self.words_match(i, end, words.iter().copied()))
            .map(Vec::len)
            .chain(
                extra
                    .filter(|words| self.words_match(i, end, words.iter().map(String::as_str)))
                    .map(Vec::len),
            );
        lengths
            .filter(|&len| len < 64)
            .fold(0, |mask, len| mask | 1 << len)
    }

    /// Whether some title starts at token `i` and ends before `end`.
    pub fn starts_title(&self, i: usize, end: usize) -> bool {
        self.title_mask(i, end) != 0
    }

    /// The length of the longest title starting at token `i` within `end`.
    /// Always inlined: most capitals start no title, told by a class bit.
    #[inline(always)]
    pub fn longest_title(&self, i: usize, end: usize) -> Option<usize> {
        let mask = self.title_mask(i, end);
        (mask != 0).then(|| 63 - mask.leading_zeros() as usize)
    }

    /// Whether the words starting at token `i` (before `end`) are `words`.
    pub fn words_match<'w>(
        &self,
        i: usize,
        end: usize,
        words: impl Iterator<Item = &'w str>,
    ) -> bool {
        for (j, w) in (i..).zip(words) {
            if j >= end || !self.is_word(j) || self.low(j) != w {
                return false;
            }
        }
        true
    }

    /// Whether some title of exactly `len` tokens starts at `i`.
    pub fn is_title(&self, i: usize, len: usize, end: usize) -> bool {
        len < 64 && self.title_mask(i, end) & 1 << len != 0
    }

    /// The cue of saying or stance starting at token `i`, if any (a
    /// lower-case word: "said", "shows", "calls for").
    #[inline(always)]
    pub fn cue_at(&self, i: usize) -> Option<CueMatch> {
        // Inlined for the test most words fail; the match is called.
        if !self.table.is(i, Class::CueStart) || self.is_cap(i) {
            return None;
        }
        self.content_cue_at(i)
    }

    /// [`Context::cue_at`] of a lower-case cue word.
    #[inline(never)]
    fn content_cue_at(&self, i: usize) -> Option<CueMatch> {
        self.cue_match(i)
            .filter(|cue| cue.classes.introduces_content())
    }

    /// Whether an inflected cue of any class starts at token `i`: next to
    /// a quotation a verb of uttering ("returned", "laughed") frames it too.
    pub fn is_inflected_utterance(&self, i: usize) -> bool {
        self.table.is(i, Class::CueStart)
            && !self.is_cap(i)
            && self
                .cue_match(i)
                .is_some_and(|cue| !cue.classes.has(CueClasses::BASE))
    }

    /// The longest cue starting at token `i` (a cue word), kept for the
    /// next question about the same token.
    fn cue_match(&self, i: usize) -> Option<CueMatch> {
        let (last, found) = self.last_cue.get();
        if last == i {
            return found;
        }
        let found = self.cues.match_at(self.table, i);
        self.last_cue.set((i, found));
        found
    }

    /// "Glenn Vale Says Taxes Rise": an inflected cue written with a capital,
    /// as a title-case headline writes its verb, ends the name before it.
    pub fn is_capitalised_verb(&self, i: usize) -> bool {
        self.table.is(i, Class::CueStart)
            && self.cue_match(i).is_some_and(|cue| {
                cue.classes.introduces_content() && !cue.classes.has(CueClasses::BASE)
            })
    }

    /// Whether an inflected cue ("said", "shows", not "state") starts at `i`.
    #[inline]
    pub fn is_inflected_cue(&self, i: usize) -> bool {
        // Most words asked start no such cue whatever follows ("report",
        // "according"): told by their form, without matching the cues.
        self.may_start_inflected_cue(i)
            && self
                .cue_at(i)
                .is_some_and(|cue| !cue.classes.has(CueClasses::BASE))
    }

    /// Whether some inflected cue that introduces content starts with
    /// token `i`'s word: worked out once per written form.
    #[inline]
    fn may_start_inflected_cue(&self, i: usize) -> bool {
        let known = self.inflected_cues.of(self.table, i);
        if known.get() == 0 {
            known.set(self.inflected_cue_fact(i));
        }
        known.get() == INFLECTED_CUE
    }

    /// The byte [`Context::may_start_inflected_cue`] keeps for token `i`'s
    /// form, worked out (once per form: kept out of the callers' loops).
    #[cold]
    #[inline(never)]
    fn inflected_cue_fact(&self, i: usize) -> u8 {
        if self.cues.may_start_inflected_content(self.table, i) {
            INFLECTED_CUE
        } else {
            NO_INFLECTED_CUE
        }
    }

    /// Whether the token is a lower-case word of a list.
    #[inline]
    pub fn in_set(&self, i: usize, set: &Set<&'static str>) -> bool {
        self.is_word(i) && set.contains(self.low(i))
    }
}

/// A mention of the given kind over `span`; a name of up to 24 bytes is
/// kept inline (see [`Mention::name`]). Inlined: the mention is built in
/// place where it is pushed, not copied there.
#[inline]
pub(super) fn mention(
    span: Span,
    name: impl Into<CompactString>,
    kind: ActorKind,
    role: Option<String>,
) -> Mention {
    Mention {
        span,
        name: name.into(),
        kind,
        role: role.map(String::into_boxed_str),
        pronoun: false,
        in_quote: false,
    }
}

/// Keeps, from index `from` on, only the mentions `keep` accepts (in order);
/// the mentions before `from` are not looked at.
pub(super) fn retain_from(out: &mut Vec<Mention>, from: usize, keep: impl Fn(&Mention) -> bool) {
    let mut kept = from;
    for read in from..out.len() {
        steps::step();
        if keep(&out[read]) {
            // Most are kept where they are: a swap in place would still
            // copy a mention three times.
            if kept != read {
                out.swap(kept, read);
            }
            kept += 1;
        }
    }
    out.truncate(kept);
}
