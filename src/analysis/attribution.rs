//! Claims and their attribution: cue verbs, "according to", inverted "say X",
//! colon and dash frames, and the source mention of each claim.
//!
//! Three passes over the text, each claiming what the next must not reuse:
//! 1. quotations framed right after them ("“…,” she said", "“…,” said Emma",
//!    "“…” — Jane Roe") or by a colon ("Rubio: “…”");
//! 2. sentence by sentence, every cue with its content and source: subject
//!    and verb before the content ("analysts warn that …"), the content
//!    first (", analysts warn."), an inserted frame ("These actions, say
//!    officials, have …"), "according to X", participles ("…, stating that …");
//! 3. quotations still unclaimed: a quote paragraph with no cue continues the
//!    previous speaker; short scare quotes with no claim around them are left.
//!
//! Pass 2 lives in `cues`, pass 3 in `leftovers`, the search for a source
//! among the mentions in `source`.

mod cues;
mod leftovers;
mod source;

use super::lexicon::{CueClasses, CueMatch, Lexicon};
use super::quotes::{is_hard_wrapped, paragraph_breaks};
use super::segment::{Sentence, Token, TokenKind};
use super::{ClaimKind, FoundClaim, Mention, Options, Quotation};
use crate::span::Span;

/// Every claim in the text with its cue and source mention, sorted by start.
pub fn find(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    quotations: &[Quotation],
    mentions: &[Mention],
    options: &Options,
) -> Vec<FoundClaim> {
    let context = Context::new(text, tokens, quotations, mentions, options);
    let mut pass = Pass::new(&context);
    pass.framed_quotations();
    let units = units(sentences, &context.quotes);
    for unit in &units {
        pass.unit(unit);
    }
    pass.leftover_quotations(sentences, &units);
    let mut claims = pass.claims;
    claims.sort_by_key(|c| (c.span.start, c.span.end));
    claims
}

/// What every pass reads: the text, its tokens, the top-level quotations, the
/// cues and the mentions.
struct Context<'a> {
    text: &'a str,
    tokens: &'a [Token],
    mentions: &'a [Mention],
    /// Quotations not nested in another, in order.
    quotes: Vec<Quotation>,
    /// For each token, the index of the top-level quotation holding it (marks included).
    quote_of: Vec<Option<usize>>,
    /// For each top-level quotation, its first token and one past its last.
    quote_ranges: Vec<(usize, usize)>,
    /// Every cue outside quotations, in order.
    cues: Vec<CueMatch>,
    wrapped: bool,
}

impl<'a> Context<'a> {
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        quotations: &[Quotation],
        mentions: &'a [Mention],
        options: &Options,
    ) -> Self {
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
        let mut quote_of = vec![None; tokens.len()];
        let mut quote_ranges = Vec::with_capacity(quotes.len());
        for (qi, q) in quotes.iter().enumerate() {
            let first = tokens.partition_point(|t| t.span.start < q.outer.start);
            let mut end = first;
            while end < tokens.len() && tokens[end].span.end <= q.outer.end {
                quote_of[end] = Some(qi);
                end += 1;
            }
            quote_ranges.push((first, end));
        }
        let lexicon = Lexicon::with_extras(&options.cue_verbs);
        let mut context = Context {
            text,
            tokens,
            mentions,
            quotes,
            quote_of,
            quote_ranges,
            cues: Vec::new(),
            wrapped: is_hard_wrapped(text),
        };
        context.cues = context.find_cues(&lexicon);
        context
    }

    fn find_cues(&self, lexicon: &Lexicon) -> Vec<CueMatch> {
        let mut cues = Vec::new();
        let mut i = 0;
        while i < self.tokens.len() {
            let candidate = self.tokens[i].kind == TokenKind::Word && self.quote_of[i].is_none();
            if let Some(cue) = candidate
                .then(|| lexicon.match_at(self.text, self.tokens, i))
                .flatten()
                .filter(|&cue| self.is_verb_use(cue))
            {
                cues.push(cue);
                i = cue.end;
                continue;
            }
            i += 1;
        }
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
        if self.tokens[i].is_capitalized(self.text) && !self.starts_clause(i) {
            return false;
        }
        let Some(previous) = i.checked_sub(1).map(|p| self.word(p)) else {
            return true;
        };
        if is_one_of(previous, DETERMINERS) {
            return false;
        }
        let ing = is_ing(self.word(i));
        let mut p = i;
        while p > 0 && is_adverb(self.word(p - 1)) {
            p -= 1;
        }
        let passive = p > 0 && is_one_of(self.word(p - 1), BE_FORMS) && !ing;
        !passive
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn is_word(&self, i: usize, word: &str) -> bool {
        i < self.tokens.len() && self.word(i).eq_ignore_ascii_case(word)
    }

    fn is_punct(&self, i: usize, marks: &str) -> bool {
        i < self.tokens.len()
            && self.tokens[i].kind == TokenKind::Punct
            && marks.contains(self.word(i))
    }

    /// Whether token `i` begins a sentence or clause: first, or after a
    /// terminal mark, a colon, a dash or an opening quote.
    fn starts_clause(&self, i: usize) -> bool {
        i == 0
            || self.is_punct(i - 1, ".!?:;—–(")
            || (self.tokens[i - 1].kind == TokenKind::Quote && self.quote_of[i - 1].is_some())
    }

    fn cue_span(&self, cue: CueMatch) -> Span {
        self.tokens[cue.first]
            .span
            .cover(self.tokens[cue.end - 1].span)
    }

    /// The token range of a top-level quotation, marks included.
    fn quote_tokens(&self, qi: usize) -> (usize, usize) {
        self.quote_ranges[qi]
    }

    /// Words (not marks) inside a quotation.
    fn quote_words(&self, qi: usize) -> usize {
        let (first, end) = self.quote_tokens(qi);
        self.tokens[first..end]
            .iter()
            .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
            .count()
    }

    /// Whether a paragraph break lies between two byte offsets.
    fn breaks_between(&self, from: usize, to: usize) -> bool {
        from < to && paragraph_breaks(&self.text[from..to], self.wrapped) > 0
    }

    /// The cue starting at token `i`, if any.
    fn cue_at(&self, i: usize) -> Option<CueMatch> {
        let at = self.cues.partition_point(|c| c.first < i);
        self.cues.get(at).filter(|c| c.first == i).copied()
    }
}

/// A stretch of sentences no quotation crosses.
struct Unit {
    span: Span,
    /// First token and one past the last.
    first: usize,
    end: usize,
}

/// Sentences joined wherever a quotation runs from one into the next.
fn units(sentences: &[Sentence], quotes: &[Quotation]) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::with_capacity(sentences.len());
    // Top-level quotations do not overlap: their ends are sorted too.
    let mut next = 0;
    for s in sentences {
        while next < quotes.len() && quotes[next].outer.end <= s.span.start {
            next += 1;
        }
        let joins = out
            .last()
            .is_some_and(|u| quotes.get(next).is_some_and(|q| q.outer.start < u.span.end));
        match out.last_mut() {
            Some(u) if joins => {
                u.span = u.span.cover(s.span);
                u.end = s.tokens.end;
            }
            _ => out.push(Unit {
                span: s.span,
                first: s.tokens.start,
                end: s.tokens.end,
            }),
        }
    }
    out
}

/// The claims found so far and what they have used up.
struct Pass<'c, 'a> {
    context: &'c Context<'a>,
    claims: Vec<FoundClaim>,
    /// Per top-level quotation: claimed by some claim.
    quote_claimed: Vec<bool>,
    /// Per cue (index into `context.cues`): used by some claim.
    cue_used: Vec<bool>,
}

impl<'c, 'a> Pass<'c, 'a> {
    fn new(context: &'c Context<'a>) -> Self {
        Pass {
            context,
            claims: Vec::new(),
            quote_claimed: vec![false; context.quotes.len()],
            cue_used: vec![false; context.cues.len()],
        }
    }

    fn use_cue(&mut self, cue: CueMatch) {
        let at = self.context.cues.partition_point(|c| c.first < cue.first);
        if let Some(used) = self.cue_used.get_mut(at) {
            *used = true;
        }
    }

    fn push_direct(&mut self, qi: usize, source: Option<usize>, cue: Option<Span>, sentence: Span) {
        let inner = self.context.quotes[qi].inner;
        self.quote_claimed[qi] = true;
        self.claims.push(FoundClaim {
            kind: ClaimKind::Direct,
            span: inner,
            quotes: vec![inner],
            source,
            cue,
            sentence,
        });
    }

    /// Pass 1: quotations that lead their sentence and are framed right after
    /// them ("“…,” she said"), or framed by a colon ("Rubio: “…”").
    fn framed_quotations(&mut self) {
        let c = self.context;
        for qi in 0..c.quotes.len() {
            if self.quote_claimed[qi] {
                continue;
            }
            let (first, end) = c.quote_tokens(qi);
            if let Some(source) = self.colon_frame(first) {
                let cue = c.tokens[first - 1].span;
                self.push_direct(qi, Some(source), Some(cue), c.quotes[qi].outer);
                continue;
            }
            // "When the gloves were bought, “Did you ever hear her play?” said
            // Frank Churchill": a long quotation after a comma leads too.
            let after_comma = first > 0 && c.is_punct(first - 1, ",") && c.quote_words(qi) >= 3;
            if !self.leads(first) && !after_comma {
                continue;
            }
            let Some(frame) = self.frame_after(end) else {
                continue;
            };
            let sentence = c.quotes[qi].outer.cover(frame.span);
            let cue_span = frame.cue.map(|cue| c.cue_span(cue)).or(frame.mark);
            if let Some(cue) = frame.cue {
                self.use_cue(cue);
            }
            self.push_direct(qi, frame.source, cue_span, sentence);
            // "“A,” she said, “B.”": the second part has the same frame.
            if let Some(next) = self.quote_after_frame(frame.end) {
                self.push_direct(next, frame.source, cue_span, sentence);
            }
        }
    }

    /// Whether the quotation opening at token `first` starts its sentence.
    fn leads(&self, first: usize) -> bool {
        let c = self.context;
        first == 0
            || c.breaks_between(c.tokens[first - 1].span.end, c.tokens[first].span.start)
            || c.is_punct(first - 1, ".!?:;—–([")
            || c.quote_of[first - 1].is_some()
    }

    /// "Rubio: “…”": a mention right before a colon right before the quote.
    fn colon_frame(&self, first: usize) -> Option<usize> {
        let c = self.context;
        if first < 2 || !c.is_punct(first - 1, ":") {
            return None;
        }
        let colon = c.tokens[first - 1].span;
        source::mention_ending_at(c, c.tokens[first - 2].span.end, 0)
            .filter(|_| !c.breaks_between(colon.end, c.tokens[first].span.start))
    }

    /// The frame right after a quotation ending before token `after`.
    fn frame_after(&self, after: usize) -> Option<Frame> {
        let c = self.context;
        let mut i = after;
        while c.is_punct(i, ",") {
            i += 1;
        }
        if i >= c.tokens.len()
            || c.breaks_between(c.tokens[after - 1].span.end, c.tokens[i].span.start)
        {
            return None;
        }
        // "“…” — Jane Roe, mayor": a dash sign-off.
        if c.is_punct(i, "—–-") {
            let source = source::mention_starting_at(c, i + 1)?;
            let end = c.token_after(c.mentions[source].span.end);
            return Some(Frame {
                source: Some(source),
                cue: None,
                mark: Some(c.tokens[i].span),
                span: c.tokens[i].span.cover(c.mentions[source].span),
                end,
            });
        }
        // "“…,” said Emma" / "“…,” said retired neurosurgeon Ben Carson" /
        // "“…,” according to a court document".
        let framing =
            |cue: &CueMatch| cue.classes.frames_quotes() || cue.classes.has(CueClasses::ACCORDING);
        if let Some(cue) = c.cue_at(i).filter(framing) {
            let source = source::mention_near(c, cue.end);
            let end = source.map_or(cue.end, |m| c.token_after(c.mentions[m].span.end));
            let span = source.map_or(c.cue_span(cue), |m| {
                c.cue_span(cue).cover(c.mentions[m].span)
            });
            return Some(Frame {
                source,
                cue: Some(cue),
                mark: None,
                span,
                end,
            });
        }
        // "“Well!” ejaculated Miss Miller": an unknown verb, then a name.
        if let Some(verb) = self.unknown_verb(i) {
            let source = source::mention_starting_at(c, verb + 1)
                .filter(|_| c.tokens[verb + 1].is_capitalized(c.text))?;
            return Some(Frame {
                source: Some(source),
                cue: None,
                mark: Some(c.tokens[verb].span),
                span: c.tokens[verb].span.cover(c.mentions[source].span),
                end: c.token_after(c.mentions[source].span.end),
            });
        }
        // "“…,” she said" / "“…,” Fallon told reporters" / "“…,” super PAC
        // spokeswoman Kellyanne Conway said" / "“…,” Rep. Glenn Thompson,
        // R-Pa., said".
        let source = source::mention_near(c, i)?;
        let mut j = c.token_after(c.mentions[source].span.end);
        let apposition_end = c
            .is_punct(j, ",")
            .then(|| (j + 1..j + 8).find(|&k| c.is_punct(k, ",")))
            .flatten();
        if let Some(close) = apposition_end {
            j = close + 1;
        }
        while j < c.tokens.len() && source::is_skippable(c.word(j)) {
            j += 1;
        }
        if let Some(cue) = c.cue_at(j).filter(|cue| cue.classes.frames_quotes()) {
            return Some(Frame {
                source: Some(source),
                cue: Some(cue),
                mark: None,
                span: c.mentions[source].span.cover(c.cue_span(cue)),
                end: cue.end,
            });
        }
        // "“Silly nonsense!” he exploded": a verb the lexicon does not know.
        self.unknown_verb(j).map(|verb| Frame {
            source: Some(source),
            cue: None,
            mark: Some(c.tokens[verb].span),
            span: c.mentions[source].span.cover(c.tokens[verb].span),
            end: verb + 1,
        })
    }

    /// A lower-case past-tense verb at token `i` ("exploded", "ejaculated"):
    /// right after a quotation and next to a name, it frames the quotation.
    fn unknown_verb(&self, i: usize) -> Option<usize> {
        let c = self.context;
        let t = c.tokens.get(i)?;
        let word = t.text(c.text);
        (t.kind == TokenKind::Word
            && c.quote_of[i].is_none()
            && word.len() > 4
            && word.ends_with("ed")
            && word.starts_with(|ch: char| ch.is_lowercase()))
        .then_some(i)
    }

    /// "“A,” she said, “B.”": a quotation right after a frame and a comma
    /// or colon, a few filler words allowed ("said in a statement:").
    fn quote_after_frame(&self, from: usize) -> Option<usize> {
        let c = self.context;
        // Words and commas ("said Sibyl, laughing,"), then a comma, colon
        // or dash right before the next quotation.
        let mut i = from;
        while i < c.tokens.len()
            && i < from + 12
            && (c.tokens[i].kind == TokenKind::Word || c.is_punct(i, ",:—–-"))
        {
            i += 1;
        }
        if i == from || !c.is_punct(i - 1, ",:—–-") {
            return None;
        }
        let qi = c.quote_of.get(i).copied().flatten()?;
        let (first, _) = c.quote_tokens(qi);
        let same_paragraph = !c.breaks_between(c.tokens[from - 1].span.end, c.tokens[i].span.start);
        (first == i && same_paragraph && !self.quote_claimed[qi]).then_some(qi)
    }
}

/// A frame after a quotation: who, with which cue or mark, where it ends.
struct Frame {
    source: Option<usize>,
    cue: Option<CueMatch>,
    /// A dash that signs off a quotation, standing in for a cue.
    mark: Option<Span>,
    span: Span,
    /// The token after the frame.
    end: usize,
}

impl Context<'_> {
    /// The index of the first token starting at or after `offset`.
    fn token_after(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }
}

/// Auxiliaries and adverbs that may stand between a subject and its cue.
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your",
    "whose", "every", "each", "no", "any", "another", "such",
];

const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "am"];

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// "-ly" adverbs ("unequivocally", "firmly"), lower-case.
fn is_adverb(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ly") && word.starts_with(|c: char| c.is_lowercase())
}

/// Words that may come between a comma and a participle cue ("…, even
/// while strongly advocating").
const ING_LEADS: &[&str] = &[
    "even", "while", "also", "and", "but", "all", "then", "thus", "as", "before", "after", "when",
    "further",
];

/// A present participle ("stating", "rejecting").
fn is_ing(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing")
}

#[cfg(test)]
mod tests;
