//! Claims and their attribution: cue verbs, "according to", inverted "say X",
//! colon and dash frames, and the source mention of each claim.
//!
//! Three passes over the text, each claiming what the next must not reuse:
//! 1. quotations framed right after them ("“…,” she said", "“…,” said Emma",
//!    "“…” — Jane Roe") or by a colon ("Reyes: “…”");
//! 2. sentence by sentence, every cue with its content and source: subject
//!    and verb before the content ("analysts warn that …"), the content
//!    first (", analysts warn."), an inserted frame ("These actions, say
//!    officials, have …"), "according to X", participles ("…, stating that …");
//! 3. quotations still unclaimed: a quote paragraph with no cue continues the
//!    previous speaker; short scare quotes with no claim around them are left.
//!
//! Pass 1 lives in `framed`, pass 2 in `cues`, pass 3 in `leftovers`, the
//! search for a source among the mentions in `source`.

mod cues;
mod dialogue;
mod evidential;
mod findings;
mod framed;
mod leftovers;
mod lists;
mod perception;
mod source;
mod starts;

use std::sync::OnceLock;

use super::lexicon::{CueClasses, CueMatch, Cues, Lexicon};
use super::quotes::paragraph_breaks;
use super::segment::{Sentence, Token, TokenKind};
use super::shared::{self, Groups};
use super::steps;
use super::tokens::{Class, TokenBits, TokenTable};
use super::wordlists::{self, Words, same_bytes};
use super::{ClaimKind, FoundClaim, Mention, Quotation, Rule, Via};
use crate::span::Span;
use lists::List;

/// Every claim in the text with its cue and source mention, sorted by start.
pub fn find(
    table: &TokenTable,
    sentences: &[Sentence],
    quotations: &[Quotation],
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<FoundClaim> {
    let context = Context::new(table, quotations, mentions, lexicon);
    let mut pass = Pass::new(&context);
    pass.framed_quotations();
    let units = Units::new(sentences, &context.quotes);
    for unit in units.iter() {
        pass.unit(&unit);
    }
    pass.leftover_quotations(sentences, &units);
    let mut claims = pass.claims;
    sort_by_span(&mut claims);
    one_claim_per_span(&mut claims);
    // The claims live on through the later stages: without the room their
    // list grew by.
    claims.shrink_to_fit();
    claims
}

/// Sorts claims by span (stable), without a copy of the claims.
fn sort_by_span(claims: &mut [FoundClaim]) {
    shared::sort_by_key_stably(claims, |c| (c.span.start, c.span.end));
}

/// Two rules can claim the same words (a resumed quotation that is also a
/// question): a reader sees one claim, the one that names a source.
fn one_claim_per_span(claims: &mut Vec<FoundClaim>) {
    claims.dedup_by(|later, kept| {
        if later.span != kept.span {
            return false;
        }
        if kept.source.is_none() && later.source.is_some() {
            std::mem::swap(later, kept);
        }
        true
    });
}

/// Adjectives that head a cue after a form of "be"
/// (`assets/lexicon/stance_adjectives.txt`): "are opposed to …".
fn stance_adjectives() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        wordlists::words(include_str!("../../assets/lexicon/stance_adjectives.txt"))
    })
}

/// How many of a unit's latest claims a cue is checked against (a bounded
/// look-back): no real sentence holds more, and an endless one must not
/// make every cue read every claim before it.
const COVER_BACK: usize = 64;

/// What every pass reads: the text, its tokens, the top-level quotations, the
/// cues and the mentions.
struct Context<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// The token table: lower-case forms and word lists, per token.
    table: &'a TokenTable<'a>,
    mentions: &'a [Mention],
    /// Where the searches of mentions by start offset start (tokens: the
    /// table's own index).
    mention_blocks: Blocks,
    /// Quotations not nested in another, in order.
    quotes: Vec<Quotation>,
    /// The longest mention outside quotations starting at each token: see
    /// `source::mention_starting_at`.
    mention_starts: MentionStarts,
    /// The mentions outside quotations ending with each token: see
    /// `source::mention_ending_with`.
    mention_ends: MentionEnds,
    /// One bit a token: set when a top-level quotation holds it (marks
    /// included). Most tokens are in none, told without a search; see
    /// [`Context::quote_of`].
    quoted: TokenBits,
    /// For each top-level quotation, its first token and one past its last.
    quote_ranges: Vec<(u32, u32)>,
    /// The quotation [`Context::quote_of`] found last: the next token
    /// asked about is mostly in it too.
    last_quote: std::cell::Cell<usize>,
    /// Every cue outside quotations, in order.
    cues: Cues8,
    /// One bit a token: set when a cue starts with it. Most tokens start
    /// none, told without a search ([`Context::cue_at`]); the cues before
    /// a token are the bits set before it ([`Context::cues_from`]).
    cue_starts: RankedBits,
    /// Where the per-token rules may start, and the comma tokens in order
    /// (the next comma in O(log n), where a scan would cross an endless
    /// sentence per cue).
    starts: starts::Starts,
    wrapped: bool,
    /// The end (byte offset) of a title-case headline opening the text, 0
    /// when there is none: its capitalised verbs are verbs ("Mayor Says
    /// Taxes Will Rise").
    headline_end: usize,
    /// The word lists' answers per written form (see lists.rs).
    form_lists: lists::FormLists,
}

impl<'a> Context<'a> {
    fn new(
        table: &'a TokenTable<'a>,
        quotations: &[Quotation],
        mentions: &'a [Mention],
        lexicon: &Lexicon,
    ) -> Self {
        let (text, tokens) = (table.text, &table.tokens[..]);
        let mut quotes: Vec<Quotation> = Vec::with_capacity(quotations.len());
        // Sorted by start, a nested quotation follows the one holding it.
        for q in quotations {
            if !quotes
                .last()
                .is_some_and(|outer| outer.outer.contains(q.outer))
            {
                quotes.push(*q);
            }
        }
        let mut quoted = TokenBits::new(tokens.len());
        let mut quote_ranges = Vec::with_capacity(quotes.len());
        let mut first = 0;
        for q in &quotes {
            // A step from the last quotation's first token: they come in
            // order.
            first = tokens_before(tokens, first, q.outer.start);
            // The tokens ending by the quotation's end: those starting
            // before it, bar any running past it. Found by the tokens'
            // starts and the last token's end, not by reading each
            // token's form.
            let mut end = tokens_before(tokens, first, q.outer.end);
            while end > first && table.span(end - 1).end > q.outer.end {
                end -= 1;
            }
            quoted.set_range(first..end);
            // Token indices fit: tokens hold u32 offsets, one byte at least each.
            quote_ranges.push((first as u32, end as u32));
        }
        let (mention_starts, mention_ends) = MentionStarts::new(table, mentions);
        let (starts, cue_words) = starts::Starts::new(table);
        let mut context = Context {
            text,
            tokens,
            table,
            mentions,
            mention_blocks: Blocks::new(text.len(), mentions.len(), |i| mentions[i].span.start),
            mention_starts,
            mention_ends,
            quotes,
            quoted,
            quote_ranges,
            last_quote: std::cell::Cell::new(0),
            cues: Cues8(Vec::new()),
            cue_starts: RankedBits::new(TokenBits::new(0)),
            starts,
            wrapped: table.wrapped,
            headline_end: table.headline_end(),
            form_lists: lists::FormLists::new(table.form_count()),
        };
        context.cues = context.find_cues(&lexicon.cues, &cue_words);
        let mut cue_starts = TokenBits::new(tokens.len());
        for cue in context.cues.from(0) {
            cue_starts.set(cue.first);
        }
        context.cue_starts = RankedBits::new(cue_starts);
        context
    }

    /// The index of the first cue starting at or after token `i` (as
    /// `cues.partition_point(|q| q.first < i)`): the number of cues
    /// starting before it, counted off their bits with no search (cues
    /// start at distinct tokens).
    fn cues_from(&self, i: usize) -> usize {
        self.cue_starts.rank(i)
    }

    /// The top-level quotation holding token `i`, if any (none past the end).
    fn quote_of(&self, i: usize) -> Option<usize> {
        steps::step();
        if !self.quoted.has(i) {
            return None;
        }
        let holds = |qi: usize| {
            let (first, end) = self.quote_ranges[qi];
            (first as usize..end as usize).contains(&i)
        };
        let last = self.last_quote.get();
        if last < self.quote_ranges.len() && holds(last) {
            return Some(last);
        }
        // Quotations do not overlap: the first ending past `i` holds it,
        // mostly a few on from the last (a step back searches them all).
        let before = |&(_, end): &(u32, u32)| end as usize <= i;
        let qi = match self.quote_ranges.get(last) {
            Some(range) if before(range) => shared::gallop_from(&self.quote_ranges, last, before),
            _ => self.quote_ranges.partition_point(before),
        };
        self.last_quote.set(qi);
        Some(qi)
    }

    /// The cues outside quotations, looked for at `cue_words` only (see
    /// starts.rs).
    fn find_cues(&self, cues_known: &Cues, cue_words: &TokenBits) -> Cues8 {
        let mut cues = Cues8(Vec::new());
        // Only the words that may start a cue, and none inside the last cue.
        for i in cue_words.ones(0..self.tokens.len()) {
            // The quoted bit, not `quote_of`: which quotation holds a cue
            // word is never asked here, and its search missed the cache.
            if cues.last().is_some_and(|cue| i < cue.end()) || self.quoted.has(i) {
                continue;
            }
            if let Some(cue) = cues_known
                .match_at(self.table, i)
                .filter(|&cue| self.is_verb_use(cue))
            {
                cues.push(cue);
            }
        }
        cues.0.shrink_to_fit();
        cues
    }

    /// Whether a cue word is used as an attributing verb here, not as a name
    /// ("the United States"), a noun ("a warning", "their plans") or a passive
    /// ("was highlighted in").
    fn is_verb_use(&self, cue: CueMatch) -> bool {
        let i = cue.first;
        if cue.classes.has(CueClasses::ACCORDING) {
            return true;
        }
        // Asked of a capitalised cue only, and of a text with a headline.
        let in_headline = || self.headline_end > 0 && self.table.span(i).end <= self.headline_end;
        if self.table.is_cap(i) && !in_headline() && !self.starts_clause(i) {
            return false;
        }
        if i == 0 {
            return true;
        }
        // The word lists as bits of the token table, not a hash of the text.
        if self.table.classes(i - 1).has(Class::Determiner) {
            return false;
        }
        // "going back to 1990", "pushed back": a particle after a verb
        // (the word before asked only of a one-word cue).
        let after_verb = || {
            let low = self.table.low(i - 1);
            self.table.is_word(i - 1)
                && !self.table.is_cap(i - 1)
                && (is_ing(low) || (low.len() > 4 && low.ends_with("ed")))
        };
        if cue.end == i + 1 && after_verb() && cues::is_particle(self.table.low(i)) {
            return false;
        }
        let ing = self.is_ing(i);
        let mut p = i;
        // "was widely cited", "is not widely recognized".
        while p > 0 && (self.is_adverb(p - 1) || self.table.is(p - 1, Class::Negation)) {
            p -= 1;
        }
        let passive = p > 0 && self.table.classes(p - 1).has(Class::BeForm) && !ing;
        // "are opposed to", "was confident that": an adjective of stance;
        // "was asked whether …": a question, asked by someone else.
        let adjective = cue.end > i + 1 && stance_adjectives().has(self.table.low(i));
        !passive || adjective || self.is_word(i, "asked")
    }

    fn word(&self, i: usize) -> &'a str {
        self.table.word(i)
    }

    /// Whether token `i` is `word` (lower case) in any ASCII case. Asked of
    /// the token's lower-case form (the forms lie together, in cache), not
    /// of the text, and compared in line (always inlined: `word` is a
    /// constant there), not by a call to memcmp.
    #[inline(always)]
    fn is_word(&self, i: usize, word: &str) -> bool {
        steps::step();
        debug_assert!(!word.bytes().any(|b| b.is_ascii_uppercase()));
        i < self.tokens.len() && same_bytes(self.table.low_bytes(i), word.as_bytes())
    }

    /// Whether token `i` starts with a lower-case letter. Told by the
    /// lower-case form and the token's shape; only a form not starting in
    /// ASCII reads the text.
    fn starts_lower(&self, i: usize) -> bool {
        match self.table.low_bytes(i).first() {
            Some(b) if b.is_ascii_lowercase() && self.table.is_word(i) => !self.table.is_cap(i),
            // ASCII lowercasing changed no byte that is no letter.
            Some(b) if b.is_ascii() && !b.is_ascii_lowercase() => false,
            Some(_) => self.word(i).starts_with(char::is_lowercase),
            None => false,
        }
    }

    /// Whether token `i` is written as a negated verb ("didn't", "won’t"),
    /// asked once per form (see lists.rs).
    #[inline]
    fn is_negated_verb(&self, i: usize) -> bool {
        self.in_list(i, List::NegatedVerb)
    }

    /// Whether token `i` is one of `words` (lower case) in any ASCII case.
    /// The lower-case form is looked up once, not once per word.
    #[inline]
    fn is_one_of(&self, i: usize, words: &[&str]) -> bool {
        steps::step();
        debug_assert!(
            words
                .iter()
                .all(|w| !w.bytes().any(|b| b.is_ascii_uppercase()))
        );
        let low = self.table.low_bytes(i);
        words.iter().any(|w| same_bytes(low, w.as_bytes()))
    }

    /// Whether token `i` is an "-ly" adverb written in lower case
    /// ("unequivocally", "firmly"). The ending is asked once per form (see
    /// lists.rs), and rejects nearly every token.
    #[inline]
    fn is_adverb(&self, i: usize) -> bool {
        self.in_list(i, List::LyEnding) && self.starts_lower(i)
    }

    /// Whether token `i` is a present participle (see [`is_ing`]), asked
    /// once per form (see lists.rs).
    #[inline]
    fn is_ing(&self, i: usize) -> bool {
        self.in_list(i, List::IngEnding)
    }

    /// Whether token `i` is written ending in "ed", asked once per form.
    #[inline]
    fn ends_in_ed(&self, i: usize) -> bool {
        self.in_list(i, List::EdEnding)
    }

    /// Whether token `i` is written ending with `suffix` (no ASCII capital
    /// in it). The lower-case form rejects most tokens without reading the
    /// text (a read of the text misses the cache).
    #[inline]
    fn ends_with(&self, i: usize, suffix: &str) -> bool {
        self.table.low_bytes(i).ends_with(suffix.as_bytes())
            && (self.table.is_lower_word(i) || self.word(i).ends_with(suffix))
    }

    /// The first comma in tokens `from..end`, if any.
    fn next_comma(&self, from: usize, end: usize) -> Option<usize> {
        self.starts.commas.within(from, end).next()
    }

    /// Whether token `i` is a mark among `marks`. Inlined wherever asked
    /// (a hundred thousand times an analysis of 1 MB): the marks are a
    /// constant there, compared byte by byte; a mark not in ASCII is asked
    /// out of line.
    #[inline(always)]
    fn is_punct(&self, i: usize, marks: &str) -> bool {
        steps::step();
        i < self.tokens.len()
            && self.tokens[i].kind == TokenKind::Punct
            // A mark's lower-case form is the mark, one character: found
            // among the marks by byte when ASCII, not by a substring search.
            && match self.table.low_bytes(i) {
                &[b] => marks.as_bytes().contains(&b),
                low => wide_mark_in(low, marks),
            }
    }

    /// Whether token `i` begins a sentence or clause: first, or after a
    /// terminal mark, a colon, a dash or an opening quote.
    fn starts_clause(&self, i: usize) -> bool {
        i == 0
            || self.is_punct(i - 1, ".!?:;—–(")
            || (self.tokens[i - 1].kind == TokenKind::Quote && self.quote_of(i - 1).is_some())
    }

    /// Where a cue lies in the text. Always inlined: asked of every cue
    /// by several frames, a call cost a third of it.
    #[inline(always)]
    fn cue_span(&self, cue: CueMatch) -> Span {
        self.table
            .span(cue.first)
            .cover(self.table.span(cue.end - 1))
    }

    /// The token range of a top-level quotation, marks included.
    fn quote_tokens(&self, qi: usize) -> (usize, usize) {
        let (first, end) = self.quote_ranges[qi];
        (first as usize, end as usize)
    }

    /// Words (not marks) inside a quotation.
    fn quote_words(&self, qi: usize) -> usize {
        let (first, end) = self.quote_tokens(qi);
        self.tokens[first..end]
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }

    /// Whether a top-level quotation holds any of tokens `first..end`:
    /// told by their bits, 64 tokens at a time, not a look per token.
    fn any_quoted(&self, first: usize, end: usize) -> bool {
        self.quoted.ones(first..end).next().is_some()
    }

    /// The top-level quotations holding some of tokens `first..end`, in
    /// order: found from one to the next by the quoted bits, not by a look
    /// at each token.
    fn quotations_in(&self, first: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let mut i = first;
        std::iter::from_fn(move || {
            let quoted = self.quoted.ones(i..end).next()?;
            let qi = self.quote_of(quoted).expect("a quoted token's quotation");
            i = self.quote_tokens(qi).1.max(quoted + 1);
            Some(qi)
        })
    }

    /// Whether a paragraph break lies between two byte offsets.
    fn breaks_between(&self, from: usize, to: usize) -> bool {
        from < to && paragraph_breaks(&self.text[from..to], self.wrapped) > 0
    }

    /// Whether a paragraph break lies between the end of token `last` and
    /// the start of token `next`. Most tokens have no line break after
    /// them, told by the table's bits without reading the text: then there
    /// is no paragraph break either.
    fn breaks_after(&self, last: usize, next: usize) -> bool {
        (last..next).any(|k| self.table.line_break_after(k))
            && self.breaks_between(self.table.span(last).end, self.tokens[next].start())
    }

    /// The cue starting at token `i`, if any.
    fn cue_at(&self, i: usize) -> Option<CueMatch> {
        if !self.cue_starts.has(i) {
            return None;
        }
        let at = self.cues_from(i);
        self.cues.get(at).filter(|c| c.first == i)
    }
}

/// A stretch of sentences no quotation crosses.
struct Unit {
    span: Span,
    /// First token and one past the last.
    first: usize,
    end: usize,
}

/// The units of a text: sentences joined wherever a quotation runs from
/// one into the next, kept as the index of each unit's first sentence (4
/// bytes a unit, not a copy of its spans) and made into [`Unit`]s when read.
struct Units<'s> {
    sentences: &'s [Sentence],
    /// The first sentence of each unit, in order.
    starts: Vec<u32>,
}

impl<'s> Units<'s> {
    fn new(sentences: &'s [Sentence], quotes: &[Quotation]) -> Self {
        let mut starts: Vec<u32> = Vec::with_capacity(sentences.len());
        // Top-level quotations do not overlap: their ends are sorted too.
        let mut next = 0;
        let mut unit_end = 0;
        for (k, s) in sentences.iter().enumerate() {
            while next < quotes.len() && quotes[next].outer.end <= s.span().start {
                next += 1;
            }
            let joins = k > 0 && quotes.get(next).is_some_and(|q| q.outer.start < unit_end);
            if !joins {
                // Sentence indices fit: each holds a token.
                starts.push(k as u32);
            }
            unit_end = s.span().end;
        }
        Units { sentences, starts }
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    /// The unit at `at`, if there is one.
    fn get(&self, at: usize) -> Option<Unit> {
        let first = *self.starts.get(at)? as usize;
        let last = self
            .starts
            .get(at + 1)
            .map_or(self.sentences.len(), |&s| s as usize)
            - 1;
        let (a, b) = (&self.sentences[first], &self.sentences[last]);
        Some(Unit {
            span: a.span().cover(b.span()),
            first: a.tokens().start,
            end: b.tokens().end,
        })
    }

    fn iter(&self) -> impl Iterator<Item = Unit> + '_ {
        (0..self.len()).filter_map(|at| self.get(at))
    }

    /// The number of units before the first for which `pred` is false
    /// (units are in order: as [`slice::partition_point`]).
    fn partition_point(&self, pred: impl Fn(&Unit) -> bool) -> usize {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = low + (high - low) / 2;
            match self.get(mid) {
                Some(unit) if pred(&unit) => low = mid + 1,
                _ => high = mid,
            }
        }
        low
    }
}

/// The claims found so far and what they have used up.
struct Pass<'c, 'a> {
    context: &'c Context<'a>,
    claims: Vec<FoundClaim>,
    /// During the leftover pass: the claims found before it, sorted, while
    /// `claims` holds only the new ones (see leftovers.rs).
    earlier: Vec<FoundClaim>,
    /// Per claim of `earlier`: taken back by the leftover pass (see
    /// leftovers.rs), skipped by every reader until the lists merge.
    earlier_gone: Vec<bool>,
    /// Per top-level quotation: claimed by some claim.
    quote_claimed: Vec<bool>,
    /// Per cue (index into `context.cues`): used by some claim.
    cue_used: Vec<bool>,
    /// Whether the text is a dialogue (see leftovers.rs), decided once.
    dialogue: std::cell::OnceCell<bool>,
    /// Where the leftover pass's last searches of `earlier` and `claims`
    /// by position ended: the next search starts there (see
    /// [`shared::partition_point_near`]).
    earlier_near: std::cell::Cell<usize>,
    claims_near: std::cell::Cell<usize>,
    /// The verbs of "see X as" frames in the current unit (see
    /// perception.rs), a buffer reused unit after unit.
    as_verbs: Vec<u32>,
    /// Per cue: its subject once worked out (see `cues.rs`, `Pass::subject`).
    subjects: Vec<std::cell::Cell<Subject>>,
    /// The first cue past the last unit read (see `Pass::cues_of`).
    next_cue: usize,
}

impl<'c, 'a> Pass<'c, 'a> {
    fn new(context: &'c Context<'a>) -> Self {
        Pass {
            context,
            claims: Vec::new(),
            earlier: Vec::new(),
            earlier_gone: Vec::new(),
            quote_claimed: vec![false; context.quotes.len()],
            cue_used: vec![false; context.cues.len()],
            dialogue: std::cell::OnceCell::new(),
            earlier_near: std::cell::Cell::new(0),
            claims_near: std::cell::Cell::new(0),
            as_verbs: Vec::new(),
            subjects: vec![std::cell::Cell::new(Subject::UNKNOWN); context.cues.len()],
            next_cue: 0,
        }
    }

    fn use_cue(&mut self, cue: CueMatch) {
        let at = self.context.cues_from(cue.first);
        if let Some(used) = self.cue_used.get_mut(at) {
            *used = true;
        }
    }

    fn push_direct(&mut self, qi: usize, found: Found, cue: Option<Span>, sentence: Span) {
        let inner = self.context.quotes[qi].inner;
        self.quote_claimed[qi] = true;
        self.claims.push(FoundClaim {
            kind: ClaimKind::Direct,
            span: inner,
            quotes: vec![inner],
            source: found.source,
            cue,
            sentence,
            rule: found.rule,
            via: found.via,
        });
    }
}

impl Context<'_> {
    /// The index of the first token starting at or after `offset`.
    fn token_after(&self, offset: usize) -> usize {
        self.table.token_at(offset)
    }

    /// The index of the first mention starting at or after `offset`.
    fn mention_from(&self, offset: usize) -> usize {
        let mentions = self.mentions;
        (self.mention_blocks).first_at(offset, mentions.len(), |i| mentions[i].span.start < offset)
    }
}

/// For each token, the longest mention outside quotations starting with
/// it: a bit per token, and the mentions of the tokens whose bit is set,
/// reached by counting the bits before (a rank), with no search among the
/// mentions (each search missed the cache).
struct MentionStarts {
    bits: RankedBits,
    /// The mention of each token whose bit is set, in token order.
    longest: Vec<u32>,
}

impl MentionStarts {
    /// The mentions' starts, and their ends ([`MentionEnds`]): both
    /// found in one walk over the mentions.
    fn new(table: &TokenTable, mentions: &[Mention]) -> (Self, MentionEnds) {
        let mut bits = TokenBits::new(table.len());
        let mut ends = TokenBits::new(table.len());
        // (the token it ends with, mention index) of each mention ending
        // with a token, in mention order.
        let mut ending: Vec<(u32, u32)> = Vec::new();
        let mut longest: Vec<u32> = Vec::new();
        let mut last = None;
        let mut t = 0;
        for (k, m) in mentions.iter().enumerate() {
            if m.in_quote {
                continue;
            }
            // A step from the last mention's first token: mentions come
            // by start.
            t = tokens_before(&table.tokens, t, m.span.start);
            if let Some(end) = (m.span.start < m.span.end)
                .then(|| end_token(table, t, m.span.end))
                .flatten()
            {
                ends.set(end);
                ending.push((end as u32, k as u32));
            }
            if t == table.len() || table.tokens[t].start() != m.span.start {
                continue;
            }
            // Mention indices fit: mentions are fewer than tokens.
            if last == Some(t) {
                let held = longest.last_mut().expect("a mention of this token");
                // The last of the longest, as `max_by_key` picks.
                if m.span.end >= mentions[*held as usize].span.end {
                    *held = k as u32;
                }
            } else {
                bits.set(t);
                longest.push(k as u32);
                last = Some(t);
            }
        }
        let starts = MentionStarts {
            bits: RankedBits::new(bits),
            longest,
        };
        (starts, MentionEnds::new(RankedBits::new(ends), ending))
    }

    /// The longest mention outside quotations starting at token `i`.
    #[inline]
    fn at(&self, i: usize) -> Option<usize> {
        if !self.bits.has(i) {
            return None;
        }
        Some(self.longest[self.bits.rank(i)] as usize)
    }
}

/// For each token, the non-empty mentions outside quotations ending with
/// it, by start: a bit per token, and the mentions of the tokens whose bit
/// is set, reached by its rank. A mention ending at a token is then a
/// look in a group of a few, where a search among all the mentions by end
/// (sorted, a radix sort of their ends) cost more than the rest of the
/// look-up.
struct MentionEnds {
    bits: RankedBits,
    /// Mention indices grouped by the rank of the token they end with, in
    /// mention order (start order) within a group.
    by_token: Groups<u32>,
}

impl MentionEnds {
    /// `ending` holds (token, mention) in mention order; `bits` has the
    /// bit of each token set.
    fn new(bits: RankedBits, mut ending: Vec<(u32, u32)>) -> Self {
        for (t, _) in &mut ending {
            // The token's group, counted once (a rank counts bits in
            // software, a dozen instructions), not at each of the counting
            // sort's two readings.
            *t = bits.rank(*t as usize) as u32;
        }
        let pairs = || ending.iter().map(|&(group, k)| (group as usize, k));
        let by_token = Groups::of(pairs, bits.total as usize);
        MentionEnds { bits, by_token }
    }

    /// The mentions ending with token `i`, by start.
    #[inline]
    fn at(&self, i: usize) -> &[u32] {
        if !self.bits.has(i) {
            return &[];
        }
        self.by_token.of_group(self.bits.rank(i))
    }
}

/// A bit per token, with the count of bits set before each 64 tokens: how
/// many bits are set before a token (its rank) is one load and one count,
/// with no search.
struct RankedBits {
    bits: TokenBits,
    /// Per 64 tokens: how many bits are set before them.
    ranks: Vec<u32>,
    /// How many bits are set in all.
    total: u32,
}

impl RankedBits {
    fn new(bits: TokenBits) -> Self {
        let mut ranks = Vec::with_capacity(bits.words().len());
        let mut total = 0;
        for word in bits.words() {
            ranks.push(total);
            total += word.count_ones();
        }
        RankedBits { bits, ranks, total }
    }

    #[inline]
    fn has(&self, i: usize) -> bool {
        self.bits.has(i)
    }

    /// The number of bits set before token `i` (all of them past the end).
    #[inline]
    fn rank(&self, i: usize) -> usize {
        let Some(&word) = self.bits.words().get(i / 64) else {
            return self.total as usize;
        };
        let below = word & ((1u64 << (i % 64)) - 1);
        (self.ranks[i / 64] + below.count_ones()) as usize
    }
}

/// The number of tokens starting before byte `offset`, as
/// `TokenTable::token_at`, found from `from`, the number before an
/// earlier offset: where offsets come in order, a search forward from
/// there (each search of the block index missed the cache).
fn tokens_before(tokens: &[Token], from: usize, offset: usize) -> usize {
    debug_assert!(from == 0 || tokens[from - 1].start() < offset);
    // Galloping: the tokens read are near `from` (in cache), and a long
    // gap (from one quotation to the next) costs a few steps, not one a
    // token.
    shared::gallop_from(tokens, from, |t| t.start() < offset)
}

/// How many tokens [`end_token`] steps over before it asks the block index.
const MENTION_WALK: usize = 16;

/// The token a mention ending at byte `end` ends with, if one does: the
/// last token starting before `end`, found by a step from `from`, the
/// number of tokens starting before the mention (a mention is a few
/// tokens: a short walk, where a search of the block index missed the
/// cache).
fn end_token(table: &TokenTable, from: usize, end: usize) -> Option<usize> {
    let tokens = &table.tokens;
    let mut after = from;
    while after < tokens.len() && tokens[after].start() < end {
        after += 1;
        if after - from == MENTION_WALK {
            after = table.token_at(end);
            break;
        }
    }
    let t = after.checked_sub(1)?;
    (tokens[t].start() < end && table.span(t).end == end).then_some(t)
}

/// How many bytes of text one entry of [`Blocks`] covers: a block holds
/// a few mentions at most, so a search reads a few neighbouring ones.
const BLOCK: usize = 128;

/// A list sorted by an offset into the text (mentions by start or end), indexed by blocks of [`BLOCK`] bytes: for each block, the
/// first item at or past its start. A search for an offset then looks only
/// among the items of its block, not across the whole list (a binary
/// search over millions of tokens misses the cache at every step). 4
/// bytes per block: 1/32 of the text.
struct Blocks(Vec<u32>);

impl Blocks {
    /// The index of `len` items whose offsets `offset(i)` never decrease,
    /// over a text of `text_len` bytes.
    fn new(text_len: usize, len: usize, offset: impl Fn(usize) -> usize) -> Self {
        let mut firsts = Vec::with_capacity(text_len / BLOCK + 2);
        let mut i = 0;
        for block in 0..text_len / BLOCK + 2 {
            while i < len && offset(i) < block * BLOCK {
                i += 1;
            }
            // Indices fit: items are mentions, fewer than the bytes.
            firsts.push(i as u32);
        }
        Blocks(firsts)
    }

    /// As `partition_point(before)` over the `len` items, for a `before`
    /// that holds of every item whose offset is below `offset` and of none
    /// whose offset is past it.
    fn first_at(&self, offset: usize, len: usize, before: impl Fn(usize) -> bool) -> usize {
        let block = offset / BLOCK;
        let at = |b: usize| self.0.get(b).map_or(len, |&i| i as usize);
        let (mut low, mut high) = (at(block), at(block + 1));
        while low < high {
            let mid = low + (high - low) / 2;
            if before(mid) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }
}

/// The cues of a text in 8 bytes each, where a [`CueMatch`] takes 24:
/// there are thousands, read in order, and the stage's peak memory counts.
struct Cues8(Vec<Cue8>);

/// A cue: its first token, its length in tokens and its classes.
#[derive(Debug, Clone, Copy)]
struct Cue8 {
    first: u32,
    len: u16,
    classes: CueClasses,
}

impl Cue8 {
    fn end(self) -> usize {
        self.first as usize + self.len as usize
    }
}

impl Cues8 {
    fn len(&self) -> usize {
        self.0.len()
    }

    /// Cue `k`, which must exist.
    fn at(&self, k: usize) -> CueMatch {
        let cue = self.0[k];
        CueMatch {
            first: cue.first as usize,
            end: cue.end(),
            classes: cue.classes,
        }
    }

    fn get(&self, k: usize) -> Option<CueMatch> {
        (k < self.len()).then(|| self.at(k))
    }

    /// The cues from cue `k` on, in order.
    fn from(&self, k: usize) -> impl Iterator<Item = CueMatch> + '_ {
        (k..self.len()).map(|k| self.at(k))
    }

    fn last(&self) -> Option<Cue8> {
        self.0.last().copied()
    }

    fn push(&mut self, cue: CueMatch) {
        // Token indices fit: tokens hold u32 offsets; a cue is a few words.
        self.0.push(Cue8 {
            first: cue.first as u32,
            len: (cue.end - cue.first) as u16,
            classes: cue.classes,
        });
    }
}

/// A cue's subject once worked out, in 4 bytes: unknown yet, none, or a
/// mention (see `Pass::subject`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Subject(u32);

impl Subject {
    const UNKNOWN: Subject = Subject(u32::MAX);
    const NONE: Subject = Subject(u32::MAX - 1);

    /// `Some` with the mention (or `None`) once known.
    fn known(self) -> Option<Option<usize>> {
        match self {
            Subject::UNKNOWN => None,
            Subject::NONE => Some(None),
            Subject(m) => Some(Some(m as usize)),
        }
    }

    fn of(mention: Option<usize>) -> Subject {
        // Mention indices fit below the two markers: mentions are fewer
        // than tokens.
        mention.map_or(Subject::NONE, |m| Subject(m as u32))
    }
}

/// A claim's source mention, the rule that framed it and how the source was found.
#[derive(Debug, Clone, Copy)]
struct Found {
    source: Option<usize>,
    rule: Rule,
    via: Via,
}

impl Found {
    fn new(rule: Rule, source: Option<usize>, via: Via) -> Found {
        Found { source, rule, via }
    }
}

/// Whether a mark written in more than one byte is among `marks`.
#[inline(never)]
fn wide_mark_in(mark: &[u8], marks: &str) -> bool {
    std::str::from_utf8(mark).is_ok_and(|mark| marks.contains(mark))
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A present participle ("stating", "rejecting").
fn is_ing(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing")
}

#[cfg(test)]
mod tests;
