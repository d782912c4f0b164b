//! Pass 2, one sentence (unit) at a time: every cue not used by pass 1 with
//! its content and source.
//!
//! Frames whose content comes first are tried before the rest, so that a
//! cue inside such content is not taken for a claim of its own:
//! "Brackenford might be …, engineers warn.", "These repairs, say Norwegian
//! inspectors, have …", "According to X, …", "As one veteran gardener noted,
//! …", "Report: …". Then subject + cue + content ("engineers warn that …"),
//! participles taking the main clause's subject ("…, unequivocally rejecting
//! any …").

use std::sync::OnceLock;

use super::lists::List;
use super::{COVER_BACK, Found, Pass, Unit, is_one_of, source};
use crate::analysis::lexicon::{CueClasses, CueMatch};
use crate::analysis::segment::TokenKind;
use crate::analysis::tokens::Class;
use crate::analysis::wordlists::Words;
use crate::analysis::{ActorKind, ClaimKind, FoundClaim, Rule, Via};
use crate::analysis::{steps, wordlists};
use crate::span::Span;

/// What stands for a cue's object before its subject, if anything: a
/// relative word ("which they call …") or a noun ("the ships the union
/// named …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Object {
    None,
    Relative,
    Noun,
}

/// Where a claim's content lies, in tokens, and who and what frames it.
pub(super) struct Content {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) found: Found,
    pub(super) cue: Span,
    /// A second verb of the same subject right after the content ("… and
    /// counter-accused her …"), whose object is a claim of its own.
    pub(super) then: Option<usize>,
    /// The part of a content after the frame that interrupts it ("At the
    /// time, she said, | the mayor was away"), as tokens.
    pub(super) rest: Option<(usize, usize)>,
}

impl Pass<'_, '_> {
    /// Pass 2 over one unit.
    pub(super) fn unit(&mut self, unit: &Unit) {
        let c = self.context;
        let (from, to) = self.cues_of(unit);
        let claims_before = self.claims.len();
        if let Some(content) = self.colon_content(unit) {
            self.push_content(content, unit);
        }
        for k in from..to {
            if self.cue_used[k] || self.is_covered(claims_before, c.cues.at(k)) {
                continue;
            }
            if let Some(content) = self.content_first(c.cues.at(k), unit) {
                self.cue_used[k] = true;
                let rest = content
                    .rest
                    .and_then(|(first, end)| self.content(first, end, content.found, content.cue));
                self.push_content(content, unit);
                if let Some(rest) = rest {
                    self.push_content(rest, unit);
                }
            }
        }
        for k in from..to {
            if self.cue_used[k] || self.is_covered(claims_before, c.cues.at(k)) {
                continue;
            }
            let relative = self.relative_object(c.cues.at(k), unit);
            let object = match relative {
                Some(_) => Object::Relative,
                None => {
                    self.object_before_subject(c.cues.at(k), unit)
                        .map_or(Object::None, |noun| {
                            self.push_content(noun, unit);
                            Object::Noun
                        })
                }
            };
            if let Some(relative) = relative {
                self.push_content(relative, unit);
            }
            if let Some(content) = self.content_after(c.cues.at(k), unit, claims_before, object) {
                self.cue_used[k] = true;
                let second = content
                    .then
                    .and_then(|verb| self.conjoined_content(verb, content.found, unit));
                self.push_content(content, unit);
                if let Some(second) = second {
                    self.push_content(second, unit);
                }
            }
        }
        self.evidential_frames(unit, claims_before);
        self.seen_as(unit, claims_before);
        self.finding(unit, claims_before);
    }

    /// The cues of a unit, as indices into the cues from the first to one
    /// past the last: found by a step on from the last unit's, units
    /// coming in order (each step passes a cue, once in the text).
    fn cues_of(&mut self, unit: &Unit) -> (usize, usize) {
        let cues = &self.context.cues;
        let mut k = self.next_cue;
        while k < cues.len() && cues.at(k).first < unit.first {
            k += 1;
        }
        let from = k;
        while k < cues.len() && cues.at(k).first < unit.end {
            k += 1;
        }
        self.next_cue = k;
        (from, k)
    }

    /// Whether a cue sits inside the content of a claim of this unit.
    fn is_covered(&self, claims_before: usize, cue: CueMatch) -> bool {
        let at = self.context.tokens[cue.first].start();
        // The unit's last claims only (see `COVER_BACK`).
        let from = claims_before.max(self.claims.len().saturating_sub(COVER_BACK));
        self.claims[from..].iter().any(|claim| {
            steps::step();
            claim.span.contains_offset(at)
        })
    }

    /// Builds and records the claim for a content, direct when the content
    /// is exactly one quotation, mixed when it holds some, else indirect.
    pub(super) fn push_content(&mut self, content: Content, unit: &Unit) {
        let c = self.context;
        let span = c
            .table
            .span(content.first)
            .cover(c.table.span(content.end - 1));
        // The claim's quotations, counted first: exact room, as the claims
        // live to the end and the stage's peak counts.
        let held = || c.quotations_in(content.first, content.end);
        let mut quotes = Vec::with_capacity(held().count());
        let mut whole_quote = false;
        for qi in held() {
            self.quote_claimed[qi] = true;
            quotes.push(c.quotes[qi].inner);
            whole_quote = quotes.len() == 1 && c.quote_tokens(qi) == (content.first, content.end);
        }
        let (kind, span) = match quotes.as_slice() {
            [] => (ClaimKind::Indirect, span),
            [inner] if whole_quote => (ClaimKind::Direct, *inner),
            _ => (ClaimKind::Mixed, span),
        };
        self.claims.push(FoundClaim {
            kind,
            span,
            quotes,
            source: content.found.source,
            cue: Some(content.cue),
            sentence: unit.span,
            rule: content.found.rule,
            via: content.found.via,
        });
    }

    /// "Report: Half of the meetings were with donors": a unit that opens
    /// with a mention and a colon.
    fn colon_content(&self, unit: &Unit) -> Option<Content> {
        let c = self.context;
        // Most units hold no colon: told by its bits, before the mention
        // (out of cache) is read.
        c.starts.colons.within(unit.first, unit.end).next()?;
        let source = source::mention_starting_at(c, unit.first)?;
        let colon = c.token_after(c.mentions[source].span.end);
        if colon + 1 >= unit.end || !c.is_punct(colon, ":") {
            return None;
        }
        let end = self.content_end(colon + 1, unit.end);
        // "Analysis: The vote shows …, said Ruth Gale": a label before a
        // sentence with a cue of its own names no source.
        let from = c.cues_from(colon + 1);
        if c.cues.get(from).is_some_and(|q| q.first < end) {
            return None;
        }
        let found = Found::new(Rule::ColonLead, Some(source), Via::BeforeColon);
        self.content(colon + 1, end, found, c.table.span(colon))
    }

    /// The content between two tokens, edge punctuation trimmed.
    pub(super) fn content(
        &self,
        first: usize,
        end: usize,
        found: Found,
        cue: Span,
    ) -> Option<Content> {
        self.trimmed(first, end).map(|(first, end)| Content {
            first,
            end,
            found,
            cue,
            then: None,
            rest: None,
        })
    }

    /// Where content before token `i` ends when `i` is a comma, or a closing
    /// mark after one: the mark stays with the content.
    fn end_at_comma(&self, i: usize) -> usize {
        if self.context.tokens[i].kind == TokenKind::Quote {
            i + 1
        } else {
            i
        }
    }

    /// Whether a past participle cue opens an unnamed question or telling:
    /// at the start of a clause ("Asked whether …, most said yes") or after
    /// "when", "after", "if" ("…, she said when asked what he would do").
    fn opens_a_question(&self, cue: CueMatch, unit: &Unit) -> bool {
        let c = self.context;
        if !c.ends_in_ed(cue.first) {
            return false;
        }
        // At the unit's start, or of a sentence after a quotation closing
        // the one before ("… of the voters.” Asked what …").
        let at_start = cue.first == unit.first
            || (c.tokens[cue.first - 1].kind == TokenKind::Quote && c.starts_clause(cue.first));
        // "Ms. Lund was asked (by host Ray Dunn) whether …".
        if self.passive_ask(cue).is_some() {
            return true;
        }
        let after_when = cue.first > unit.first
            && c.in_list(cue.first - 1, List::QuestionLeads)
            && c.is_one_of(cue.first, &["asked", "told", "pressed", "questioned"]);
        at_start || after_when
    }

    /// For "asked" after a form of "be" ("was asked by host Ray Dunn
    /// whether …"): `Some` with the "by" agent who asked, if any; `None`
    /// for any other cue.
    fn passive_ask(&self, cue: CueMatch) -> Option<Option<usize>> {
        let c = self.context;
        let mut p = cue.first;
        while p > 0 && c.is_adverb(p - 1) {
            p -= 1;
        }
        let passive = p > 0
            && c.is_word(cue.first, "asked")
            && c.table.is(p - 1, Class::BeForm)
            && !c.table.is_cap(cue.first);
        passive.then(|| {
            c.is_word(cue.end, "by")
                .then(|| source::mention_near(c, cue.end + 1))
                .flatten()
        })
    }

    /// Frames whose content comes before or around the cue.
    fn content_first(&self, cue: CueMatch, unit: &Unit) -> Option<Content> {
        let c = self.context;
        let cue_span = c.cue_span(cue);
        if cue.classes.has(CueClasses::ACCORDING) {
            return self.according_to(cue, unit);
        }
        // "Asked whether Clinton “has the integrity …,” 75 percent said yes",
        // "…, she said when asked what he would do": the question, asked by
        // nobody named.
        if self.opens_a_question(cue, unit) {
            let start = match self.question_start(cue, unit.end) {
                Some(question) => question?,
                None => cue.end,
            };
            let end = (start..unit.end)
                .take(CONTENT_SCAN)
                .find(|&i| {
                    let outside_or_closing =
                        c.quote_of(i).is_none() || c.quote_of(i + 1) != c.quote_of(i);
                    outside_or_closing && self.ends_with_comma(i)
                })
                .map_or(unit.end, |comma| self.end_at_comma(comma));
            let found = match self.passive_ask(cue).flatten() {
                Some(asker) => Found::new(Rule::AskedQuestion, Some(asker), Via::ByAgent),
                None => Found::new(Rule::AskedQuestion, None, Via::Subject),
            };
            return self.content(start, end, found, cue_span);
        }
        if !cue.classes.has(CueClasses::SPEECH) && !cue.classes.has(CueClasses::STANCE) {
            return None;
        }
        // "As one veteran gardener noted, while some might …, patience is wise."
        let as_source = c
            .is_word(unit.first, "as")
            .then(|| source::mention_starting_at(c, unit.first + 1))
            .flatten();
        if let Some(source) = as_source {
            let subject = source::subject_before(c, cue.first, unit.first + 1);
            if subject == Some(source) && c.is_punct(cue.end, ",") {
                let end = self.content_end(cue.end + 1, unit.end);
                let found = Found::new(Rule::AsSourceNoted, Some(source), Via::Subject);
                return self.content(cue.end + 1, end, found, cue_span);
            }
        }
        // Inverted: "…, say Norwegian inspectors, …" or "…, said Emma."
        let comma_before = |i: usize| i > unit.first && self.ends_with_comma(i - 1);
        // "Ana Vell, who has led the guild for years, challenged Tom Reyes
        // to a debate": a subject with a relative clause between commas
        // takes the verb, and the name after it is its object.
        let relative_aside = || {
            source::subject_before(c, cue.first, unit.first).is_some_and(|m| {
                let after = c.token_after(c.mentions[m].span.end);
                c.is_punct(after, ",") && c.is_word(after + 1, "who")
                    || c.is_punct(after, ",") && c.is_word(after + 1, "which")
            })
        };
        let inverted = (cue.classes.has(CueClasses::SPEECH) && comma_before(cue.first))
            .then(|| source::mention_starting_at(c, cue.end))
            .flatten()
            .filter(|_| !relative_aside());
        if let Some(source) = inverted {
            let after = c.token_after(c.mentions[source].span.end);
            let found = Found::new(Rule::InvertedFrame, Some(source), Via::AfterCue);
            return self.around_frame(cue.first - 1, after, found, cue_span, unit);
        }
        // "…, analysts warn." / "…, Fox found." / "The plan, officials
        // said, will fail."
        let source = self.subject(cue, unit)?;
        let first = self.descriptors_before(c.token_after(c.mentions[source].span.start), unit);
        // "…, she said, …" interrupts any content; a frame with words of its
        // own after a that-clause's comma is inside that clause.
        // (Asked only after `comma_before`, which holds `first` past the
        // unit's first token.)
        let inside_clause =
            || !c.is_punct(cue.end, ",") && self.that_clause_before(unit.first, first - 1);
        if comma_before(first) && !inside_clause() {
            let found = Found::new(Rule::ContentThenFrame, Some(source), Via::Subject);
            return self.around_frame(first - 1, cue.end, found, cue_span, unit);
        }
        None
    }

    /// "…, harbor master Jo Pell told the Gazette": where the words that
    /// describe a subject starting at token `first` begin, right after a
    /// comma — a few words that are no function word, clause opener or cue
    /// ("…, but Jo Pell said" keeps its "but"). `first` when there are none.
    fn descriptors_before(&self, first: usize, unit: &Unit) -> usize {
        let c = self.context;
        let mut k = first;
        while k > unit.first + 1 && first - k < DESCRIPTOR_WORDS {
            let word = k - 1;
            let describes = c.table.is_word(word)
                && c.quote_of(word).is_none()
                && (!c.table.is(word, Class::FunctionWord) || c.is_word(word, "of"))
                && !c.table.is(word, Class::ClauseOpener)
                && !c.table.is(word, Class::CueStart);
            if !describes {
                break;
            }
            k = word;
        }
        if k < first && self.ends_with_comma(k - 1) {
            k
        } else {
            first
        }
    }

    /// "She disclosed that after the storm, the mayor called her": whether
    /// a cue opens a that-clause before token `end` in the unit; the frame
    /// after the comma is then inside its content.
    fn that_clause_before(&self, first: usize, end: usize) -> bool {
        let c = self.context;
        let from = c.cues_from(first);
        c.cues.from(from).take_while(|q| q.end < end).any(|q| {
            q.classes.introduces_content()
                && (q.end..end.min(q.end + THAT_REACH)).any(|k| c.is_word(k, "that"))
        })
    }

    /// Content around a frame from token `comma` (a comma, or a closing mark
    /// after one) to `after`: before it when nothing but fillers follows
    /// ("…, he said on Tuesday."), the whole unit when the sentence goes on
    /// ("These repairs, say Norwegian inspectors, have led …").
    fn around_frame(
        &self,
        comma: usize,
        after: usize,
        found: Found,
        cue: Span,
        unit: &Unit,
    ) -> Option<Content> {
        let content_end = self.end_at_comma(comma);
        // "However, engineers warn that …" is no content before a frame.
        let before_words = content_end.saturating_sub(unit.first);
        if self.only_fillers(after, unit.end) && before_words >= 3 {
            let first = self.last_framed_clause(unit, content_end);
            self.content(first, content_end, found, cue)
        } else if self.context.is_punct(after, ",") && found.rule == Rule::ContentThenFrame {
            // "At the time, she said, the mayor was away": the content is
            // interrupted by its frame, one part on each side.
            let end = self.content_end(after + 1, unit.end);
            let rest = self.trimmed(after + 1, end);
            // "Asked if the tolls would rise, she said, “Surely.”": the part
            // before the frame is already a claim (the question).
            if self.already_claimed(unit, content_end) {
                let (first, end) = rest?;
                return self.content(first, end, found, cue);
            }
            let mut first = self.content(unit.first, content_end, found, cue)?;
            first.rest = rest;
            Some(first)
        } else if self.context.is_punct(after, ",") {
            self.content(unit.first, unit.end, found, cue)
        } else {
            None
        }
    }

    /// Whether a claim of this unit made before lies in its tokens up to
    /// `end`.
    fn already_claimed(&self, unit: &Unit, end: usize) -> bool {
        let c = self.context;
        let part = c.table.span(unit.first).cover(c.table.span(end - 1));
        self.claims
            .iter()
            .rev()
            .take(COVER_BACK)
            .take_while(|claim| claim.sentence == unit.span)
            .any(|claim| claim.span.overlaps(part))
    }

    /// Where a content that ends before its frame starts: at the unit's
    /// start, or at the last clause joined by ", and", ", but" or ", while"
    /// that has a frame of its own ("The town applied for a grant, and Sen.
    /// Mia Holt is expected to back it, her office said": the office
    /// speaks of Holt, the town's application is the writer's).
    fn last_framed_clause(&self, unit: &Unit, end: usize) -> usize {
        let c = self.context;
        let mut first = unit.first;
        let mut from = unit.first;
        while let Some(comma) = c.next_comma(from, end) {
            from = comma + 1;
            let clause = comma + 2;
            let joined = clause < end
                && c.quote_of(comma).is_none()
                && c.is_one_of(comma + 1, &["and", "but", "while", "whereas"]);
            if joined
                && (self.subject_and_cue_at(clause, end) || self.evidential_after(clause, end))
            {
                first = clause;
            }
        }
        first
    }

    /// Whether a mention starts at `i` and an evidential frame ("is
    /// expected to", "was accused of") follows it, auxiliaries aside.
    fn evidential_after(&self, i: usize, end: usize) -> bool {
        let c = self.context;
        let Some(subject) = source::mention_starting_at(c, i) else {
            return false;
        };
        let mut k = c.token_after(c.mentions[subject].span.end);
        let limit = (k + 3).min(end);
        while k < limit && !c.table.is(k, Class::EvidentialStart) {
            k += 1;
        }
        let unit = Unit {
            span: c.table.span(i).cover(c.table.span(end - 1)),
            first: i,
            end,
        };
        k < limit && self.evidential_at(k, &unit).is_some()
    }

    /// "According to X, …" at the start, or "…, according to X." at the end.
    fn according_to(&self, cue: CueMatch, unit: &Unit) -> Option<Content> {
        let c = self.context;
        let source = source::mention_starting_at(c, cue.end);
        // With no mention found, the source phrase runs to the next comma.
        let after = source.map_or_else(
            || c.next_comma(cue.end, unit.end).unwrap_or(unit.end),
            |m| c.token_after(c.mentions[m].span.end),
        );
        let found = Found::new(Rule::AccordingTo, source, Via::AfterCue);
        if cue.first == unit.first {
            let start = c.next_comma(after, unit.end).unwrap_or(unit.end.max(after));
            let end = self.content_end(start + 1, unit.end);
            self.content(start + 1, end, found, c.cue_span(cue))
        } else if cue.first > unit.first && self.ends_with_comma(cue.first - 1) {
            // "…, according to a poll taken in May": the source phrase may
            // run on to the end, unless a clause with a cue of its own follows.
            let from = c.cues_from(after);
            let cue_follows = c.cues.get(from).is_some_and(|q| q.first < unit.end);
            // "…, according to a poll that shows …": the clause tells what
            // the source itself found, and takes its own claim.
            let relative = source.is_some()
                && (c.is_word(after, "that") || c.is_word(after, "which"))
                && c.cues.get(from).is_some_and(|q| q.first == after + 1);
            if !self.only_fillers(after, unit.end)
                && !c.is_punct(after, ",")
                && cue_follows
                && !relative
            {
                return None;
            }
            let end = self.end_at_comma(cue.first - 1);
            self.content(unit.first, end, found, c.cue_span(cue))
        } else {
            None
        }
    }

    /// Subject, cue, content: "engineers warn that …", "Hale lauded the
    /// programme as “…”", and participles ("…, even stating she’d be …").
    /// With an `object` before the subject, what follows the cue is
    /// content only as a clause or an "as" ("which he describes as his
    /// second home"), never as a phrase of time or place ("the plan the
    /// mayor announced on Monday"); after a noun, not as a predicate
    /// either ("the regret he voiced was …"), though after "what" it is
    /// ("what many said was a sign …").
    fn content_after(
        &self,
        cue: CueMatch,
        unit: &Unit,
        claims_before: usize,
        object: Object,
    ) -> Option<Content> {
        let c = self.context;
        if !cue.classes.introduces_content() {
            return None;
        }
        // "his showing in the poll", "the candidate's thinking": an -ing
        // word after a determiner or a possessive is a noun.
        let modifier = |k: usize| c.table.is(k, Class::Determiner) || c.table.is_possessive(k);
        let superlative = |k: usize| {
            c.is_one_of(k, &["best", "worst", "first", "last"])
                || (c.table.low_bytes(k).len() > 4 && c.ends_with(k, "est"))
        };
        let noun = c.is_ing(cue.first)
            && cue.first > unit.first
            && (modifier(cue.first - 1)
                || (cue.first > unit.first + 1
                    && superlative(cue.first - 1)
                    && modifier(cue.first - 2)));
        if noun {
            return None;
        }
        let subject = self.subject(cue, unit);
        let found = match subject {
            Some(_) => Found::new(Rule::SubjectCueContent, subject, Via::Subject),
            None if c.is_ing(cue.first) || self.conjoined(cue.first, unit.first) => {
                // A participle or a second verb ("… and says"): the subject
                // of the main clause, or of the claim before.
                let before = self.claims[claims_before..]
                    .iter()
                    .rev()
                    .take(COVER_BACK)
                    .find(|claim| claim.source.is_some());
                // "Prosecutors charged the clerk with fraud and the mayor
                // fired his deputy, admitting …": a clause with a subject
                // of its own after that claim is the participle's.
                let own_clause = before
                    .filter(|_| c.is_ing(cue.first))
                    .map(|claim| c.token_after(claim.span.end))
                    .filter(|&after| after < cue.first)
                    .and_then(|after| source::clause_subject(c, after, cue.first));
                match (own_clause, before.and_then(|claim| claim.source)) {
                    (Some(m), _) => Found::new(Rule::Participle, Some(m), Via::ClauseSubject),
                    (None, Some(m)) => Found::new(Rule::Participle, Some(m), Via::ClaimBefore),
                    (None, None) => match source::clause_subject(c, unit.first, cue.first) {
                        Some(m) => Found::new(Rule::Participle, Some(m), Via::ClauseSubject),
                        None => {
                            let main = source::main_subject(c, unit.first, cue.first);
                            Found::new(Rule::Participle, main, Via::MainSubject)
                        }
                    },
                }
            }
            None => match self.far_subject(cue, unit) {
                Some(far) => Found::new(Rule::FarSubject, Some(far), Via::MainSubject),
                None => Found::new(Rule::SubjectCueContent, None, Via::Subject),
            },
        };
        // "Noting he majored in law, Ona Brel said …": a participle leading
        // the sentence ends at its comma; its subject opens the main clause.
        let leading = (found.source.is_none())
            .then(|| self.leading_participle(cue, unit))
            .flatten();
        let found = match leading {
            Some((_, subject)) => Found::new(Rule::Participle, Some(subject), Via::MainSubject),
            None => self.share_in_a_poll(found, unit),
        };
        let source = found.source;
        let start = match self.question_start(cue, unit.end) {
            Some(question) => question?,
            None => self.content_start(cue.end, unit.end),
        };
        let mut end = match leading {
            Some((comma, _)) => comma,
            None => self.content_end(start, unit.end),
        };
        let mut then = None;
        let after_that = c.is_word(start.wrapping_sub(1), "that");
        if let Some((cut, verb)) = (!after_that)
            .then(|| self.conjoined_verb(cue, start, end))
            .flatten()
        {
            (end, then) = (cut, Some(verb));
        }
        // "Canova, who cited trade as his issue, cast himself as …": the
        // relative clause ends at its comma.
        if let Some(comma) = source
            .filter(|&m| self.is_relative_after_comma(m))
            .and_then(|_| c.next_comma(start, end))
        {
            (end, then) = (comma, None);
        }
        // Asked once of the cue, for both accusation rules.
        let accusing = accusations().has(c.table.low(cue.first));
        if let Some(cut) = accusing.then(|| self.accusation_end(start, end)).flatten() {
            (end, then) = (cut, None);
        }
        // "said yes and took the floor", "said no, compared with …": the
        // answer is the one word.
        let answer = start + 1 < end
            && c.is_one_of(start, &["yes", "no"])
            && (c.is_word(start + 1, "and") || c.is_punct(start + 1, ","));
        if answer {
            (end, then) = (start + 1, None);
        }
        let mut content = self.content(start, end, found, c.cue_span(cue))?;
        content.then = then;
        let has_object = object != Object::None;
        let as_complement = has_object && c.is_word(content.first, "as");
        let phrase_after_object = has_object
            && !as_complement
            && ((c.table.is(content.first, Class::Preposition) && !c.is_word(content.first, "to"))
                || (object == Object::Noun && c.table.is(content.first, Class::BeForm)));
        if self.speech_with_a_noun_object(cue, &content)
            || self.standing_relation(cue, &content)
            || (accusing && self.accusation_without_accused(&content))
            || self.estimate_without_figure(cue, source, &content)
            || self.negated_speech(cue)
            || (self.opens_with_preposition(&content) && !as_complement)
            || phrase_after_object
            || particles().has(c.table.low(content.first))
            || source.is_some_and(|m| c.mentions[m].name.eq_ignore_ascii_case("you"))
        {
            return None;
        }
        // With nobody named, only quoted words after an inflected verb of
        // saying ("tweet" with no subject is a noun).
        let quoted = c.any_quoted(content.first, content.end);
        let verb = cue.classes.has(CueClasses::SPEECH) && !cue.classes.has(CueClasses::BASE);
        // "a market they have long hoped to win": a bare verb
        // after "to" is an aim with nothing reported of it.
        let bare_verb = c.is_word(cue.end - 1, "to")
            && content.end - content.first < 2
            && !c.table.is_cap(content.first);
        if bare_verb {
            return None;
        }
        // A far subject only for a clause after "that" or quoted words: a
        // cue word far from its sentence's start is often a noun ("pledged
        // delegates", "from state to state").
        // "A study by the institute of school budgets showed …": a subject
        // with prepositional phrases after it is as sure as a "that".
        let phrase_after = || {
            found
                .source
                .is_some_and(|m| self.prepositions_after(m, cue.first))
        };
        if found.rule == Rule::FarSubject && !after_that && !quoted && !phrase_after() {
            return None;
        }
        (source.is_some() || (quoted && verb)).then_some(content)
    }

    /// "An analysis of every race since 1972 showed …", "The site, run by a
    /// professor at the state university, said …": a finite cue whose
    /// subject is too long for `subject_before`, the mention opening the
    /// unit, when nothing between it and the cue opens another clause.
    fn far_subject(&self, cue: CueMatch, unit: &Unit) -> Option<usize> {
        let c = self.context;
        // "came prepared with questions that …": after a preposition or
        // "to", no finite verb.
        let finite = !c.is_ing(cue.first)
            && c.starts_lower(cue.first)
            && cue.first > unit.first
            && !c.is_word(cue.first - 1, "to")
            && !c.table.is(cue.first - 1, Class::Preposition);
        if !finite {
            return None;
        }
        let subject = source::mention_starting_at(c, unit.first)?;
        let after = c.token_after(c.mentions[subject].span.end);
        if after >= cue.first || cue.first - after > FAR_SUBJECT_REACH {
            return None;
        }
        let between_is_aside = (after..cue.first).all(|k| {
            c.quote_of(k).is_none()
                && !c.is_punct(k, ";:")
                && !c.table.is(k, Class::ClauseOpener)
                && !c.table.is(k, Class::BeForm)
                && c.cue_at(k).is_none()
        });
        (between_is_aside && !cue.classes.has(CueClasses::BASE)).then_some(subject)
    }

    /// Whether only prepositional phrases stand between mention `m` and
    /// the cue at token `cue`: a preposition (not "to") right after the
    /// mention, no comma, no dash and no quotation before the cue.
    fn prepositions_after(&self, m: usize, cue: usize) -> bool {
        let c = self.context;
        let after = c.token_after(c.mentions[m].span.end);
        after < cue
            && c.table.is(after, Class::Preposition)
            && !c.is_word(after, "to")
            && (after..cue).all(|k| c.table.is_word(k) || c.tokens[k].kind == TokenKind::Number)
    }

    /// A participle cue opening its unit, alone or after one word ("Noting
    /// …", "Despite challenging …"): the comma that ends its clause and the
    /// mention right after it, the main clause's subject.
    fn leading_participle(&self, cue: CueMatch, unit: &Unit) -> Option<(usize, usize)> {
        let c = self.context;
        let leads = cue.first == unit.first
            || (cue.first == unit.first + 1 && c.table.classes(unit.first).has(Class::Preposition));
        if !leads || !c.is_ing(cue.first) {
            return None;
        }
        let comma = c.next_comma(cue.end, unit.end)?;
        let subject = source::mention_starting_at(c, comma + 1)?;
        Some((comma, subject))
    }

    /// "… Florida, which he describes as his second home", "what many
    /// analysts said was a sign": a relative word right before the subject
    /// of a cue stands for what the source said something of, a claim of
    /// its own.
    fn relative_object(&self, cue: CueMatch, unit: &Unit) -> Option<Content> {
        let c = self.context;
        if !cue.classes.introduces_content() {
            return None;
        }
        let subject = self.subject(cue, unit)?;
        let first = c.token_after(c.mentions[subject].span.start);
        let relative = first.checked_sub(1).filter(|&r| r >= unit.first)?;
        if c.quote_of(relative).is_some() {
            return None;
        }
        let lists = wordlists::get();
        let word = c.table.low(relative);
        if !lists.relatives.has(word) && !lists.free_relatives.has(word) {
            return None;
        }
        // "what people think of", "what they say about": the relative is
        // the preposition's object, not the cue's ("believed to be" aside);
        // after "which" only when nothing follows the preposition ("the
        // city which they will depict on Thursday" is the cue's object).
        let stranded = c.table.is(cue.end, Class::Preposition)
            && !c.is_word(cue.end, "to")
            && (lists.free_relatives.has(word) || self.object_slot_empty(cue.end + 1, unit));
        if stranded {
            return None;
        }
        // The claim reaches back to what the relative stands for ("the
        // levy, which").
        let from = source::antecedent(c, relative, unit.first).unwrap_or(relative);
        let found = Found::new(Rule::RelativeObject, Some(subject), Via::Subject);
        self.content(from, relative + 1, found, c.cue_span(cue))
    }

    /// "The ships the union named in its letter are old", "a plan they
    /// say failed": a noun phrase right before the subject of a cue whose
    /// own object is missing (a phrase, a form of "be", a mark or, after a
    /// verb of saying, a past verb follows it) is what the source spoke
    /// of — a relative clause with no relative word.
    fn object_before_subject(&self, cue: CueMatch, unit: &Unit) -> Option<Content> {
        let c = self.context;
        if !cue.classes.introduces_content() || cue.classes.has(CueClasses::BASE) {
            return None;
        }
        let subject = self.subject(cue, unit)?;
        let first = c.token_after(c.mentions[subject].span.start);
        let noun = first.checked_sub(1).filter(|&n| n >= unit.first)?;
        let is_noun = |k: usize| {
            c.table.is_word(k)
                && !c.table.is_cap(k)
                && c.quote_of(k).is_none()
                && !c.is_adverb(k)
                && ![
                    Class::FunctionWord,
                    Class::ClauseOpener,
                    Class::Preposition,
                    Class::Filler,
                    Class::BeForm,
                    Class::Skippable,
                    Class::CueStart,
                ]
                .iter()
                .any(|&class| c.table.is(k, class))
        };
        // "the retired judge Ana Vell said": a title before a name.
        let title = c.table.is(noun, Class::HeadWord) && !c.table.low_bytes(noun).ends_with(b"s");
        if !is_noun(noun) || c.table.is_possessive(noun) || title {
            return None;
        }
        let mut k = cue.end;
        while k < unit.end && (c.is_adverb(k) || c.is_word(k, "most")) {
            k += 1;
        }
        let past_verb = cue.classes.has(CueClasses::SPEECH)
            && c.table.is_word(k)
            && c.table.low_bytes(k).ends_with(b"ed");
        if !(self.object_slot_empty(k, unit) || past_verb) {
            return None;
        }
        // The noun's phrase: a few words back to its determiner, which it
        // must have ("said retired surgeon Ana Vell" is no phrase).
        let mut start = noun;
        while start > unit.first && noun - start < NOUN_PHRASE_WORDS {
            let before = start - 1;
            if c.table.is(before, Class::Determiner) {
                start = before;
                break;
            }
            if !is_noun(before) {
                break;
            }
            start = before;
        }
        if !c.table.is(start, Class::Determiner) {
            return None;
        }
        // "After the vote the mayor said …": a phrase inside a phrase of
        // time or place is none.
        if start > unit.first
            && c.table.is(start - 1, Class::Preposition)
            && !c.is_word(start - 1, "of")
        {
            return None;
        }
        let found = Found::new(Rule::ObjectBeforeSubject, Some(subject), Via::Subject);
        self.content(start, noun + 1, found, c.cue_span(cue))
    }

    /// Whether token `k` leaves the verb before it with no object: a
    /// preposition (not "that"), a form of "be", a mark, the unit's end.
    fn object_slot_empty(&self, k: usize, unit: &Unit) -> bool {
        let c = self.context;
        k >= unit.end
            || (c.tokens[k].kind == TokenKind::Punct && !c.is_punct(k, ":"))
            || c.table.is(k, Class::BeForm)
            || (c.table.is(k, Class::Preposition) && !c.is_word(k, "that") && !c.is_word(k, "to"))
    }

    /// Whether mention `m` is a relative pronoun right after a comma
    /// ("Canova, who …", "the group, which …").
    fn is_relative_after_comma(&self, m: usize) -> bool {
        let c = self.context;
        let mention = &c.mentions[m];
        let first = c.token_after(mention.span.start);
        is_one_of(&mention.name, &["who", "which"]) && first > 0 && c.is_punct(first - 1, ",")
    }

    /// "Ana Vell, who has endorsed Tom Reyes, …", "a lawyer who is
    /// challenging Sen. Ruth Gale in the primary": a relative clause in the
    /// perfect or progressive whose verb takes only a name (and a phrase of
    /// place or time) tells where its subject stands, an aside on who they
    /// are, not a claim.
    fn standing_relation(&self, cue: CueMatch, content: &Content) -> bool {
        let c = self.context;
        let relative = content
            .found
            .source
            .is_some_and(|m| c.mentions[m].name.eq_ignore_ascii_case("who"));
        if !relative || content.first != cue.end || !c.table.is_cap(content.first) {
            return false;
        }
        let Some(object) = source::mention_starting_at(c, content.first) else {
            return false;
        };
        let after = c.token_after(c.mentions[object].span.end);
        let only_a_phrase = after >= content.end
            || (c.table.is(after, Class::Preposition) && !c.is_word(after, "to"));
        if !only_a_phrase {
            return false;
        }
        let mut k = cue.first;
        while k > 0 && c.is_adverb(k - 1) {
            k -= 1;
        }
        let aspect =
            k > 0 && (c.table.is(k - 1, Class::BeForm) || c.is_one_of(k - 1, &["has", "have"]));
        aspect && !c.any_quoted(content.first, content.end)
    }

    /// "She didn't say …", "never told": unspoken speech is no claim.
    fn negated_speech(&self, cue: CueMatch) -> bool {
        let c = self.context;
        if cue.classes.has(CueClasses::STANCE) {
            return false;
        }
        (cue.first.saturating_sub(3)..cue.first)
            .any(|k| c.is_one_of(k, &["not", "never"]) || c.is_negated_verb(k))
    }

    /// "declined to comment on Tuesday", "thinking of the sea": content
    /// that is only a prepositional phrase reports nothing ("against",
    /// "for" and "to" aside: "cautioned against optimism").
    fn opens_with_preposition(&self, content: &Content) -> bool {
        let c = self.context;
        let first = content.first;
        if content.end - first > PREPOSITION_PHRASE_TOKENS {
            return false;
        }
        // "testified before the panel", "praised it since taking office":
        // words of time that also open clauses, so they are no
        // prepositions in general, but are here in a phrase with no verb.
        // The first word is asked before the phrase's words are read: it
        // mostly opens no phrase.
        let opens = c.table.classes(first).has(Class::Preposition)
            || c.is_one_of(first, &["before", "after", "since", "until", "despite"]);
        opens
            && !c.is_one_of(first, &["against", "for", "to"])
            && (first..content.end).all(|k| {
                c.quote_of(k).is_none()
                    && c.tokens[k].kind != TokenKind::Punct
                    && !c.in_list(k, List::ClauseWords)
            })
    }

    /// For "ask": where its question starts ("asked the mayor whether …",
    /// "asked voters to …"), or `Some(None)` when it has none ("asked
    /// about the memo" reports no words); `None` for other cues.
    fn question_start(&self, cue: CueMatch, end: usize) -> Option<Option<usize>> {
        let c = self.context;
        if !c.table.low_bytes(cue.first).starts_with(b"ask") {
            return None;
        }
        let mut k = cue.end;
        while k < end && k < cue.end + QUESTION_REACH {
            if c.quote_of(k).is_some() || c.is_punct(k, ":") {
                return Some(Some(k));
            }
            if c.in_list(k, List::QuestionOpeners) {
                return Some(Some(k));
            }
            if c.tokens[k].kind != TokenKind::Word {
                break;
            }
            k += 1;
        }
        Some(None)
    }

    /// "They asserted their resilience": a verb of saying (not of stance)
    /// whose content is a short noun phrase, no clause and no quotation,
    /// reports no words; "said yes" and "said no" do.
    fn speech_with_a_noun_object(&self, cue: CueMatch, content: &Content) -> bool {
        let c = self.context;
        if cue.classes.has(CueClasses::STANCE) {
            return false;
        }
        if self.utterance_object(content) {
            return true;
        }
        if content.end - content.first > NOUN_OBJECT_WORDS {
            return false;
        }
        // "said the plan failed": a past tense after the noun makes a clause.
        let past_after_noun =
            |i: usize| i > content.first + 1 && c.table.low_bytes(i).ends_with(b"ed");
        let clause_or_quote = (content.first..content.end).any(|i| {
            c.quote_of(i).is_some()
                || c.tokens[i].kind != TokenKind::Word
                || c.in_list(i, List::ClauseWords)
                || past_after_noun(i)
        });
        let after_that = content.first > cue.end;
        let determined = wordlists::get()
            .noun_object_openers
            .has(c.table.low(content.first));
        determined && !clause_or_quote && !after_that
    }

    /// "charged a fee", "charged the phones": the content of an accusing
    /// verb (`assets/lexicon/accusations.txt`) whose object is no person
    /// and has no "with" after it ("charged the clerk with fraud") accuses
    /// nobody.
    fn accusation_without_accused(&self, content: &Content) -> bool {
        let c = self.context;
        // "charged that …" is a claim like any other.
        if c.is_word(content.first - 1, "that") {
            return false;
        }
        let person = source::mention_starting_at(c, content.first)
            .is_some_and(|m| c.mentions[m].kind == ActorKind::Person);
        let with = (content.first..content.end.min(content.first + ACCUSED_WORDS))
            .any(|k| c.is_word(k, "with"));
        !person && !with
    }

    /// "putting the emphasis on …", "put the boats away": "put" reports only
    /// an estimate, a figure after "at", of someone named ("the survey puts
    /// support at 41 percent").
    fn estimate_without_figure(
        &self,
        cue: CueMatch,
        source: Option<usize>,
        content: &Content,
    ) -> bool {
        let c = self.context;
        if !c.is_one_of(cue.first, &["put", "puts", "putting"]) {
            return false;
        }
        let named = source.is_some();
        // "at 41 percent", "at a solid 41 percent".
        let number_soon = |k: usize| {
            (k + 1..content.end.min(k + 1 + FIGURE_REACH))
                .any(|n| c.tokens[n].kind == TokenKind::Number)
        };
        let figure = (content.first..content.end).any(|k| c.is_word(k, "at") && number_soon(k));
        !(named && figure)
    }

    /// "charged the clerk with fraud and the mayor fired …", "charged Ana
    /// Vell after finding …": after an accusing verb, an accusation is its
    /// object and "with" phrase (content from `first`), ending at a comma
    /// or at the word that opens the next clause.
    fn accusation_end(&self, first: usize, end: usize) -> Option<usize> {
        let c = self.context;
        if c.is_word(first - 1, "that") {
            return None;
        }
        (first + 1..end).find(|&k| c.table.is(k, Class::ClauseOpener) || c.is_punct(k, ","))
    }

    /// "said a few kind words about the volunteers", "said a short
    /// prayer": an object whose head names the words themselves
    /// (`assets/lexicon/utterance_nouns.txt`), after a few lower-case
    /// words, with no clause after it.
    fn utterance_object(&self, content: &Content) -> bool {
        let c = self.context;
        // "said in an op-ed piece, “…”" is where, not what.
        if c.table.is(content.first, Class::Preposition) {
            return false;
        }
        let limit = content.end.min(content.first + UTTERANCE_HEAD_REACH);
        let head = (content.first..limit)
            .take_while(|&k| {
                c.tokens[k].kind == TokenKind::Word
                    && c.quote_of(k).is_none()
                    && !c.table.is_cap(k)
                    && !c.in_list(k, List::ClauseWords)
            })
            .find(|&k| utterance_nouns().has(c.table.low(k)));
        // Only a prepositional phrase, or nothing, after the head.
        head.is_some_and(|k| {
            k + 1 >= content.end
                || c.table.is(k + 1, Class::Preposition)
                || c.table.classes(k + 1).has(Class::Preposition)
                || c.table.is(k + 1, Class::ClauseOpener)
        })
    }

    /// The subject before a cue, if it agrees with the cue as a verb.
    /// Worked out once per cue: four frames ask it of the same cue.
    #[inline]
    fn subject(&self, cue: CueMatch, unit: &Unit) -> Option<usize> {
        let c = self.context;
        // Each cue is asked about within its own unit only, so its index
        // keys the answer.
        let memo = &self.subjects[c.cues_from(cue.first)];
        match memo.get().known() {
            Some(known) => known,
            None => self.work_out_subject(memo, cue, unit),
        }
    }

    /// [`Pass::subject`] the first time a cue asks: out of line, so that
    /// an answer known is a few inlined instructions.
    #[inline(never)]
    fn work_out_subject(
        &self,
        memo: &std::cell::Cell<super::Subject>,
        cue: CueMatch,
        unit: &Unit,
    ) -> Option<usize> {
        let c = self.context;
        let subject = source::subject_before(c, cue.first, unit.first).filter(|&m| {
            !cue.classes.has(CueClasses::BASE) || source::agrees_with_base_form(c, cue.first, m)
        });
        memo.set(super::Subject::of(subject));
        subject
    }

    /// Where the content after a cue starts: after "that" or a colon a few
    /// words on ("told reporters on Monday that …", "said in a statement:"),
    /// else right after the cue and any comma.
    fn content_start(&self, from: usize, end: usize) -> usize {
        let c = self.context;
        let mut first = from;
        while first < end && c.is_punct(first, ",:") {
            first += 1;
        }
        // "Jo said sadly, “…”": the manner adverb is no content.
        if first + 1 < end && c.is_adverb(first) && c.is_punct(first + 1, ",:") {
            first += 2;
        }
        // The content opens after a "that" or a colon only: a window with
        // neither (most are) is told by their lists, not read word by word.
        let window = end.min(first + 8);
        let that_or_colon = c.starts.thats.within(first, window).next().is_some()
            || c.starts.colons.within(first, window).next().is_some();
        if !that_or_colon {
            return first;
        }
        let mut k = first;
        while k < end && k < first + 8 {
            // The next token's kind first: it is read off the token, where
            // "that" is read off the table.
            let clause_follows = k + 1 < end && c.tokens[k + 1].kind != TokenKind::Punct;
            if clause_follows && (c.is_word(k, "that") || c.is_punct(k, ":")) {
                return k + 1;
            }
            // "said he understands how hard that can be": a clause has
            // begun, and its "that" is its own.
            let opens_clause = || c.in_list(k, List::QuestionOpeners) && !c.is_word(k, "to");
            if c.tokens[k].kind != TokenKind::Word || c.cue_at(k).is_some() || opens_clause() {
                break;
            }
            k += 1;
        }
        first
    }

    /// Where content starting at `first` ends: the unit's end, a semicolon,
    /// a quotation some other claim holds, or a comma before a participle
    /// cue that starts a claim of its own ("…, even while strongly
    /// advocating …").
    pub(super) fn content_end(&self, first: usize, end: usize) -> usize {
        let c = self.context;
        let mut i = first;
        // A bounded look-ahead: no content runs longer (no real sentence is
        // that long; an endless one must not make every cue read, and every
        // claim hold, the rest of it).
        let limit = end.min(first.saturating_add(CONTENT_SCAN));
        while i < limit {
            if let Some(qi) = c.quote_of(i) {
                let (quote_first, quote_end) = c.quote_tokens(qi);
                if self.quote_claimed[qi] && quote_first >= first {
                    return quote_first;
                }
                // "“the best we have ever had,” even while advocating",
                // "to act “calm,” but Moss said …": a comma inside the
                // closing mark ends the content as one outside it would.
                if quote_end >= 2
                    && c.is_punct(quote_end - 2, ",")
                    && self.comma_ends_content(quote_end - 1, first, end)
                {
                    return quote_end;
                }
                i = quote_end.max(i + 1);
                continue;
            }
            // The mark is read once: this loop runs over every content.
            // A mark's lower-case form is the mark, read off the table.
            let mark = (c.tokens[i].kind == TokenKind::Punct).then(|| c.table.low_bytes(i));
            // Byte patterns, not string compares: no call to memcmp per token.
            if matches!(mark, Some([b';'])) {
                return i;
            }
            if matches!(mark, Some([b','])) {
                if self.comma_ends_content(i, first, end) {
                    return i;
                }
                i += 1;
                continue;
            }
            // Both rules below start at a clause opener ("and" and "but"
            // are ones): told by the token's classes, before its form is
            // read, at most words.
            let opener = c.table.is(i, Class::ClauseOpener);
            let low = if opener { c.table.low_bytes(i) } else { b"" };
            if opener
                && i > first
                && !matches!(low, b"and" | b"that" | b"so" | b"if")
                && self.subject_and_cue_at(i + 1, end)
            {
                // "Ana sees growth while critics see decline", "… after
                // prosecutors determined …": a second source with a frame
                // of its own.
                return i;
            } else if matches!(low, b"and" | b"but") && self.second_verb_at(i + 1, end) {
                // "He says the obvious response was … and says he introduced …"
                return if i > first && c.is_punct(i - 1, ",") {
                    i - 1
                } else {
                    i
                };
            }
            i += 1;
        }
        limit
    }

    /// Whether the comma at token `i` ends a content started at `first`.
    fn comma_ends_content(&self, i: usize, first: usize, end: usize) -> bool {
        let c = self.context;
        let next = i + 1;
        // "…, even while firmly advocating …": a participle cue.
        self.participle_at(next, end)
            // "Clinton says the mails were personal, but for Republicans, it is …"
            || c.is_word(next, "but")
            // "The union urged a delay, while owners warned that …": a
            // second source with its own claim.
            || (i + 2 < end
                && c.is_one_of(next, &["while", "whereas"])
                && source::mention_near(c, i + 2).is_some_and(|m| self.cue_soon_after(m, end)))
            // "Ana Vell, noting the tides, said …": the frame of the
            // sentence after an aside's comma.
            || (i > first && self.sentence_frame_at(next, end))
            // "…, and most oppose it": a second subject with a cue of its own.
            || (i + 2 < end
                && c.is_one_of(next, &["and", "but"])
                && self.subject_and_cue_at(i + 2, end))
            // "…the bridge, which critics say will fail": a relative clause
            // with a source and a cue of its own.
            || self.relative_frame_at(next, end)
            // "When the mayor is talking about the tides, Ana Vell said the
            // quay …": the main clause's own subject and verb of saying.
            // (Not after a fronted phrase of the content's own clause: "she
            // said that after the storm, the mayor called her".)
            || (i > first && !self.opens_with_phrase(first) && self.subject_and_finite_cue_at(next, end))
    }

    /// Whether the content starting at token `first` opens with a
    /// preposition or a clause opener ("after the storm, …", "if …").
    fn opens_with_phrase(&self, first: usize) -> bool {
        let c = self.context;
        c.table.is(first, Class::Preposition) || c.table.is(first, Class::ClauseOpener)
    }

    /// Whether a mention starts at `i` with a finite verb of saying after
    /// it (auxiliaries and adverbs aside), and the cue is no
    /// inserted frame ("the plan, officials said, …" goes on).
    fn subject_and_finite_cue_at(&self, i: usize, end: usize) -> bool {
        let c = self.context;
        let cue = source::mention_starting_at(c, i).and_then(|m| self.cue_after(m, end));
        cue.is_some_and(|cue| {
            cue.classes.has(CueClasses::SPEECH)
                && !cue.classes.has(CueClasses::BASE)
                && !c.is_ing(cue.first)
                && cue.end < end
                && !c.is_punct(cue.end, ",")
        })
    }

    /// Whether a relative word at `i` opens a clause with a frame of its
    /// own: a named subject and a cue ("which critics say …"), or a verb
    /// of saying right after it ("who said …"). A pronoun subject ("which
    /// they believe …") is mostly the source of the content before, which
    /// goes on.
    fn relative_frame_at(&self, i: usize, end: usize) -> bool {
        let c = self.context;
        if i + 1 >= end || !c.in_list(i, List::Relatives) {
            return false;
        }
        let speech_follows = c.cue_at(i + 1).is_some_and(|cue| {
            cue.classes.has(CueClasses::SPEECH) && !cue.classes.has(CueClasses::BASE)
        });
        let named_subject =
            source::mention_starting_at(c, i + 1).is_some_and(|m| !c.mentions[m].pronoun);
        speech_follows || (named_subject && self.subject_and_cue_at(i + 1, end))
    }

    /// Whether a mention starts at `i` and a cue that introduces content
    /// follows it, auxiliaries and adverbs aside.
    fn subject_and_cue_at(&self, i: usize, end: usize) -> bool {
        source::mention_starting_at(self.context, i).is_some_and(|m| self.cue_follows(m, end))
    }

    /// Whether a cue that introduces content follows mention `subject`
    /// within a few words, no mark between ("owners on Elm Street warned").
    fn cue_soon_after(&self, subject: usize, end: usize) -> bool {
        let c = self.context;
        let first = c.token_after(c.mentions[subject].span.end);
        (first..end.min(first + SUBJECT_TAIL))
            .take_while(|&k| c.tokens[k].kind == TokenKind::Word && c.quote_of(k).is_none())
            .any(|k| {
                c.cue_at(k)
                    .is_some_and(|cue| cue.classes.introduces_content())
            })
    }

    /// Whether a cue that introduces content follows mention `subject`,
    /// auxiliaries and adverbs aside.
    fn cue_follows(&self, subject: usize, end: usize) -> bool {
        self.cue_after(subject, end)
            .is_some_and(|cue| cue.classes.introduces_content())
    }

    /// The cue right after mention `subject`, auxiliaries and adverbs
    /// aside, before token `end`.
    fn cue_after(&self, subject: usize, end: usize) -> Option<CueMatch> {
        let c = self.context;
        let mut k = c.token_after(c.mentions[subject].span.end);
        let limit = (k + 4).min(end);
        while k < limit && source::is_skippable_at(c, k) {
            k += 1;
        }
        (k < end).then(|| c.cue_at(k)).flatten()
    }

    /// Whether a finite verb of saying starts at `i` with a clause or a
    /// quotation after it: "said, “…”", "said that …" (after an aside
    /// between commas).
    fn sentence_frame_at(&self, i: usize, end: usize) -> bool {
        let c = self.context;
        // The token table's bit first: most commas are followed by no cue.
        if i >= end || !c.table.is(i, Class::CueStart) {
            return false;
        }
        let Some(cue) = c.cue_at(i) else {
            return false;
        };
        let finite = cue.classes.has(CueClasses::SPEECH)
            && !cue.classes.has(CueClasses::BASE)
            && !c.is_ing(i);
        let clause = c.is_word(cue.end, "that")
            || c.is_punct(cue.end, ",:")
            || c.quote_of(cue.end).is_some();
        finite && clause
    }

    /// Whether a participle cue starts at `i`, leading words aside.
    fn participle_at(&self, mut i: usize, end: usize) -> bool {
        let c = self.context;
        while i < end && (c.is_adverb(i) || c.table.classes(i).has(Class::IngLead)) {
            i += 1;
        }
        i < end
            && c.is_ing(i)
            && c.cue_at(i)
                .is_some_and(|cue| cue.classes.introduces_content())
    }

    /// "He denied the charges and counter-accused her", "often questions
    /// their ties and has called for …": where an object content ends
    /// before a second verb of the same subject, "and" or "but" then a verb
    /// in the cue's own form ("-ed", "-ing") or an auxiliary.
    /// Returns where the content ends and the second verb's token.
    fn conjoined_verb(&self, cue: CueMatch, first: usize, end: usize) -> Option<(usize, usize)> {
        let c = self.context;
        // Asked only after an "and" or "but": most cues have none.
        let same_form = |verb: usize| {
            c.starts_lower(verb)
                && ((c.ends_in_ed(cue.first)
                    && c.ends_in_ed(verb)
                    && c.table.low_bytes(verb).len() > 4)
                    || (c.is_ing(cue.first) && c.is_ing(verb)))
        };
        (first + 1..end).find_map(|k| {
            // The bytes of the lower-case form, not a list compare, and
            // read only of a clause opener ("and" and "but" are ones): this
            // runs over every token of a content.
            let and_or_but = c.table.is(k, Class::ClauseOpener)
                && matches!(c.table.low_bytes(k), b"and" | b"but");
            if !and_or_but || c.quote_of(k).is_some() {
                return None;
            }
            let mut verb = k + 1;
            while verb < end && (c.is_adverb(verb) || c.is_one_of(verb, &["also", "then"])) {
                verb += 1;
            }
            let second = verb < end
                && c.tokens[verb].kind == TokenKind::Word
                && (same_form(verb)
                    || (!c.is_ing(cue.first) && c.in_list(verb, List::Auxiliaries)));
            let cut = if c.is_punct(k - 1, ",") { k - 1 } else { k };
            second.then_some((cut, verb))
        })
    }

    /// The object of a second verb after a claim's content ("… and
    /// counter-accused her of battery"), with the same source; none when
    /// the verb is a cue (the cue makes its own claim) or an auxiliary.
    pub(super) fn conjoined_content(
        &self,
        verb: usize,
        source: Found,
        unit: &Unit,
    ) -> Option<Content> {
        let c = self.context;
        if c.cue_at(verb).is_some() || c.in_list(verb, List::Auxiliaries) {
            return None;
        }
        let end = self.content_end(verb + 1, unit.end);
        let found = Found::new(Rule::ConjoinedVerb, source.source, Via::ClaimBefore);
        let content = self.content(verb + 1, end, found, c.table.span(verb))?;
        (!self.opens_with_preposition(&content)).then_some(content)
    }

    /// Whether a cue that introduces content starts at `i`, adverbs aside:
    /// the second verb of the same subject after "and" or "but".
    fn second_verb_at(&self, mut i: usize, end: usize) -> bool {
        let c = self.context;
        while i < end && (c.is_adverb(i) || c.is_one_of(i, &["also", "then"])) {
            i += 1;
        }
        i < end
            && c.cue_at(i)
                .is_some_and(|cue| cue.classes.introduces_content())
    }

    /// Whether the cue at `cue` follows "and" or "but", adverbs aside.
    fn conjoined(&self, cue: usize, unit_first: usize) -> bool {
        let c = self.context;
        let mut i = cue;
        while i > unit_first
            && (c.is_adverb(i - 1)
                || c.is_one_of(i - 1, &["also", "then"])
                || c.in_list(i - 1, List::Auxiliaries))
        {
            i -= 1;
        }
        i > unit_first && c.is_one_of(i - 1, &["and", "but"])
    }

    /// The content tokens without edge punctuation (closing marks kept);
    /// `None` when nothing is left.
    fn trimmed(&self, mut first: usize, mut end: usize) -> Option<(usize, usize)> {
        let c = self.context;
        while first < end && c.tokens[first].kind == TokenKind::Punct {
            first += 1;
        }
        while end > first && c.tokens[end - 1].kind == TokenKind::Punct {
            end -= 1;
        }
        (first < end).then_some((first, end))
    }

    /// Whether token `i` is a comma, or a closing mark right after one.
    fn ends_with_comma(&self, i: usize) -> bool {
        let c = self.context;
        // A closing mark may be one token or two ('').
        let mut k = i;
        while k > 0 && i - k < 2 && c.tokens[k].kind == TokenKind::Quote {
            k -= 1;
        }
        c.is_punct(k, ",")
    }

    /// Whether only a few words ("on Tuesday", "in a statement", a show's
    /// name) and then punctuation lie between `from` and the unit's end.
    pub(super) fn only_fillers(&self, from: usize, end: usize) -> bool {
        let c = self.context;
        // Names, times, media and a short quoted title ("on MSNBC’s “Morning Joe.”").
        let mut i = from;
        let mut in_phrase = false;
        while i < end && i < from + 9 && c.tokens[i].kind != TokenKind::Punct {
            let t = c.tokens[i];
            // "in a video message to the convention": any words inside a
            // place or time phrase.
            in_phrase |= c.table.classes(i).has(Class::PhraseOpener);
            let filler = t.kind != TokenKind::Word
                || c.table.is_cap(i)
                || (c.quote_of(i).is_none() && (in_phrase || is_filler(c, i)));
            if !filler {
                return false;
            }
            i += 1;
        }
        // A frame may reach past the unit (a mention running on): nothing follows.
        c.tokens
            .get(i..end)
            .unwrap_or_default()
            .iter()
            .all(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Quote))
    }
}

/// Verbs that accuse only a person or with a "with" phrase
/// (`assets/lexicon/accusations.txt`): "charged the clerk with fraud".
fn accusations() -> &'static Words {
    static VERBS: OnceLock<Words> = OnceLock::new();
    VERBS.get_or_init(|| wordlists::words(include_str!("../../../assets/lexicon/accusations.txt")))
}

/// Nouns for the words themselves (`assets/lexicon/utterance_nouns.txt`):
/// "said a few kind words" reports none of them.
fn utterance_nouns() -> &'static Words {
    static NOUNS: OnceLock<Words> = OnceLock::new();
    NOUNS.get_or_init(|| {
        wordlists::words(include_str!("../../../assets/lexicon/utterance_nouns.txt"))
    })
}

/// Whether a lower-case word is an adverb particle ("back", "out").
pub(super) fn is_particle(low: &str) -> bool {
    particles().has(low)
}

/// Adverb particles of phrasal verbs (`assets/lexicon/particles.txt`):
/// "pushing back", "show up" report nothing.
fn particles() -> &'static Words {
    static PARTICLES: OnceLock<Words> = OnceLock::new();
    PARTICLES
        .get_or_init(|| wordlists::words(include_str!("../../../assets/lexicon/particles.txt")))
}

/// How many words after a cue its "that" may come ("told reporters on
/// Monday that …").
const THAT_REACH: usize = 8;

/// How many words may describe a subject before its name in a frame after
/// the content ("…, UMWA director of affairs Jo Pell told …").
const DESCRIPTOR_WORDS: usize = 6;

/// How many words a noun phrase before a subject may have before its noun.
const NOUN_PHRASE_WORDS: usize = 4;

/// How many tokens may stand between a far subject and its cue.
const FAR_SUBJECT_REACH: usize = 30;

/// How many words may stand between a second source and its cue ("owners
/// on Elm Street warned").
const SUBJECT_TAIL: usize = 6;

/// How many tokens `content_end` reads at most.
const CONTENT_SCAN: usize = 1000;

/// How many words "ask" looks past for its question ("asked the city's
/// transport chief whether …").
const QUESTION_REACH: usize = 7;

/// How long (in tokens) a prepositional phrase standing as a whole
/// content may be ("on Tuesday", "about the new memo").
const PREPOSITION_PHRASE_TOKENS: usize = 5;

/// How far into an object its head noun is looked for ("a few kind words").
const UTTERANCE_HEAD_REACH: usize = 6;

/// How many words a noun-phrase object of a verb of saying may have.
const NOUN_OBJECT_WORDS: usize = 3;

/// How many tokens after "at" an estimate's number may come ("at a solid
/// 41 percent").
const FIGURE_REACH: usize = 3;

/// How many tokens after an accusing verb its "with" is looked for
/// ("charged the former county clerk with fraud").
const ACCUSED_WORDS: usize = 8;

/// Words that may follow a frame at a sentence's end: "said on Tuesday in a
/// statement", "told reporters at a news conference", "wrote on Twitter".
fn is_filler(c: &super::Context, i: usize) -> bool {
    c.is_adverb(i) || c.table.classes(i).has(Class::Filler)
}
