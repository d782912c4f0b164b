//! Pass 1: quotations framed right after them ("“…,” she said", "“…,” said
//! Emma", "“…” — Jane Roe", "“…,” according to a court document"), by an
//! unknown verb next to a name ("“Well!” ejaculated Miss Miller"), or by a
//! colon ("Reyes: “…”"); and a second quotation right after such a frame
//! ("“A,” she said, “B.”").

use super::{Found, Pass, TokenKind, source};
use crate::analysis::lexicon::{CueClasses, CueMatch};
use crate::analysis::{Rule, Via};
use crate::span::Span;

impl Pass<'_, '_> {
    /// Pass 1: quotations that lead their sentence and are framed right after
    /// them ("“…,” she said"), or framed by a colon ("Reyes: “…”").
    pub(super) fn framed_quotations(&mut self) {
        let c = self.context;
        for qi in 0..c.quotes.len() {
            if self.quote_claimed[qi] {
                continue;
            }
            let (first, end) = c.quote_tokens(qi);
            if let Some(source) = self.colon_frame(first) {
                let cue = c.table.span(first - 1);
                let found = Found::new(Rule::NameColonQuote, Some(source), Via::BeforeColon);
                self.push_direct(qi, found, Some(cue), c.quotes[qi].outer);
                continue;
            }
            // "When the gloves were bought, “Did you ever hear her play?” said
            // Frank Churchill": a long quotation after a comma leads too.
            let after_comma = first > 0 && c.is_punct(first - 1, ",") && c.quote_words(qi) >= 3;
            if (!self.leads(first) && !after_comma) || self.cue_and_colon_before(first) {
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
            let found = Found::new(frame.rule, frame.source, frame.via);
            self.push_direct(qi, found, cue_span, sentence);
            // "“A,” she said, “B.”": the second part has the same frame.
            if let Some(next) = self.quote_after_frame(frame.end) {
                let found = Found::new(Rule::QuoteResumed, frame.source, frame.via);
                self.push_direct(next, found, cue_span, sentence);
            }
        }
    }

    /// Whether the quotation opening at token `first` starts its sentence.
    pub(super) fn leads(&self, first: usize) -> bool {
        let c = self.context;
        first == 0
            || c.breaks_after(first - 1, first)
            || c.is_punct(first - 1, ".!?:;—–([")
            || c.quote_of(first - 1).is_some()
    }

    /// "Ana said: “Tear it down!” Critics still praise …": a cue and a
    /// colon frame the quotation already, so what follows it is no frame.
    fn cue_and_colon_before(&self, first: usize) -> bool {
        let c = self.context;
        first >= 2
            && c.is_punct(first - 1, ":")
            && (first.saturating_sub(4)..first - 1).any(|k| {
                c.cue_at(k)
                    .is_some_and(|cue| cue.classes.frames_quotes() && cue.end < first)
            })
    }

    /// "Reyes: “…”": a mention right before a colon right before the quote.
    fn colon_frame(&self, first: usize) -> Option<usize> {
        let c = self.context;
        if first < 2 || !c.is_punct(first - 1, ":") {
            return None;
        }
        source::mention_ending_with(c, first - 2, 0).filter(|_| !c.breaks_after(first - 1, first))
    }

    /// The frame right after a quotation ending before token `after`.
    fn frame_after(&self, after: usize) -> Option<Frame> {
        let c = self.context;
        let mut i = after;
        while c.is_punct(i, ",") {
            i += 1;
        }
        if i >= c.tokens.len() || c.breaks_after(after - 1, i) {
            return None;
        }
        // "“…” — Jane Roe, mayor": a dash sign-off.
        if c.is_punct(i, "—–-") {
            let source = source::mention_starting_at(c, i + 1)?;
            let end = c.token_after(c.mentions[source].span.end);
            return Some(Frame {
                source: Some(source),
                rule: Rule::QuoteThenDash,
                via: Via::AfterDash,
                cue: None,
                mark: Some(c.table.span(i)),
                span: c.table.span(i).cover(c.mentions[source].span),
                end,
            });
        }
        // "“…,” said Emma" / "“…,” said retired neurosurgeon Ben Carson" /
        // "“…,” according to a court document".
        let framing =
            |cue: &CueMatch| cue.classes.frames_quotes() || cue.classes.has(CueClasses::ACCORDING);
        // "“… of the voters.” Asked what that might look like, she said":
        // a capitalised participle opens the next sentence, no frame.
        let opens_sentence = |cue: &CueMatch| {
            c.table.is_cap(cue.first) && c.table.low_bytes(cue.first).ends_with(b"ed") && i == after
        };
        if let Some(cue) = c.cue_at(i).filter(framing).filter(|q| !opens_sentence(q)) {
            let source = source::mention_near(c, cue.end);
            let end = source.map_or(cue.end, |m| c.token_after(c.mentions[m].span.end));
            let span = source.map_or(c.cue_span(cue), |m| {
                c.cue_span(cue).cover(c.mentions[m].span)
            });
            return Some(Frame {
                source,
                rule: Rule::QuoteThenFrame,
                via: Via::AfterCue,
                cue: Some(cue),
                mark: None,
                span,
                end,
            });
        }
        // "“Well!” ejaculated Miss Miller": an unknown verb, then a name.
        if let Some(verb) = self.unknown_verb(i) {
            let source =
                source::mention_starting_at(c, verb + 1).filter(|_| c.table.is_cap(verb + 1))?;
            return Some(Frame {
                source: Some(source),
                rule: Rule::QuoteThenUnknownVerb,
                via: Via::AfterCue,
                cue: None,
                mark: Some(c.table.span(verb)),
                span: c.table.span(verb).cover(c.mentions[source].span),
                end: c.token_after(c.mentions[source].span.end),
            });
        }
        // "“…,” she said" / "“…,” Fallon told reporters" / "“…,” super PAC
        // spokeswoman Kellyanne Conway said" / "“…,” Rep. Glenn Thompson,
        // R-Pa., said".
        let Some(source) = source::mention_near(c, i) else {
            return self.unnamed_speaker_frame(i);
        };
        let mut j = c.token_after(c.mentions[source].span.end);
        let apposition_end = c
            .is_punct(j, ",")
            .then(|| (j + 1..j + 8).find(|&k| c.is_punct(k, ",")))
            .flatten();
        if let Some(close) = apposition_end {
            j = close + 1;
        }
        let after_source = j;
        while j < c.tokens.len() && source::is_skippable_at(c, j) {
            j += 1;
        }
        if let Some(cue) = c.cue_at(j).filter(|cue| cue.classes.frames_quotes()) {
            return Some(Frame {
                source: Some(source),
                rule: Rule::QuoteThenFrame,
                via: Via::Subject,
                cue: Some(cue),
                mark: None,
                span: c.mentions[source].span.cover(c.cue_span(cue)),
                end: cue.end,
            });
        }
        // "“Silly nonsense!” he exploded": a verb the lexicon does not know
        // ("continued" is skipped before a cue, "is continuing to say", but
        // is the verb when no cue follows).
        let verb = self
            .unknown_verb(j)
            .or_else(|| self.unknown_verb(after_source));
        verb.map(|verb| Frame {
            source: Some(source),
            rule: Rule::QuoteThenUnknownVerb,
            via: Via::Subject,
            cue: None,
            mark: Some(c.table.span(verb)),
            span: c.mentions[source].span.cover(c.table.span(verb)),
            end: verb + 1,
        })
    }

    /// "“Psychic,” the girls whispered": a few lower-case words no mention
    /// stands for, then a verb of saying. The quotation is claimed, its
    /// source left unnamed.
    fn unnamed_speaker_frame(&self, i: usize) -> Option<Frame> {
        let c = self.context;
        let cue = (i..i + 4)
            .take_while(|&k| {
                k < c.tokens.len() && c.tokens[k].kind == TokenKind::Word && c.starts_lower(k)
            })
            .find_map(|k| c.cue_at(k))
            .filter(|cue| cue.first > i && cue.classes.frames_quotes())?;
        Some(Frame {
            source: None,
            rule: Rule::QuoteThenFrame,
            via: Via::Subject,
            cue: Some(cue),
            mark: None,
            span: c.table.span(i).cover(c.cue_span(cue)),
            end: cue.end,
        })
    }

    /// A lower-case past-tense verb at token `i` ("exploded", "ejaculated"):
    /// right after a quotation and next to a name, it frames the quotation.
    fn unknown_verb(&self, i: usize) -> Option<usize> {
        let c = self.context;
        let t = c.tokens.get(i)?;
        (t.kind == TokenKind::Word
            && c.quote_of(i).is_none()
            && c.table.low_bytes(i).len() > 4
            && c.ends_in_ed(i)
            && c.starts_lower(i))
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
        let qi = c.quote_of(i)?;
        let (first, _) = c.quote_tokens(qi);
        let same_paragraph = !c.breaks_after(from - 1, i);
        (first == i && same_paragraph && !self.quote_claimed[qi]).then_some(qi)
    }
}

/// A frame after a quotation: who, with which cue or mark, where it ends.
struct Frame {
    source: Option<usize>,
    rule: Rule,
    via: Via,
    cue: Option<CueMatch>,
    /// A dash that signs off a quotation, standing in for a cue.
    mark: Option<Span>,
    span: Span,
    /// The token after the frame.
    end: usize,
}
