//! Pass 3: quotations no frame or cue has claimed.
//!
//! A quotation standing as its own sentence continues the speaker before it:
//! in the same paragraph ("“A,” she said. “B.”") with the same cue, or in
//! the paragraph before (a quote paragraph with no cue, as news writing
//! does). A short scare quote with no claim around it stays a scare quote.

use std::cell::Cell;

use super::{Found, Pass, Unit, Units, source};
use crate::analysis::segment::{Sentence, TokenKind};
use crate::analysis::tokens::Class;
use crate::analysis::{ActorKind, ClaimKind, FoundClaim, Mention, Rule, Via, shared};
use crate::span::Span;

impl Pass<'_, '_> {
    pub(super) fn leftover_quotations(&mut self, sentences: &[Sentence], units: &Units) {
        let c = self.context;
        super::sort_by_span(&mut self.claims);
        // Without the room the list grew by, which would last through this
        // pass: the stage's memory peaks here.
        self.claims.shrink_to_fit();
        // New claims go to their own sorted list, so that placing one moves
        // only the few new ones after it, not every claim of the text.
        self.earlier = std::mem::take(&mut self.claims);
        // Room for a claim per quotation left, not the doubling of a list
        // grown by pushes.
        let left = self
            .quote_claimed
            .iter()
            .filter(|&&claimed| !claimed)
            .count();
        self.claims.reserve_exact(left);
        self.earlier_gone = vec![false; self.earlier.len()];
        // The unit of each quotation: quotations come in order, so the unit
        // moves only forward (a search per quotation missed the cache).
        let mut at = 0;
        // The same for the sentence of each quotation.
        let mut sentence_at = 0;
        for qi in 0..c.quotes.len() {
            let quote = c.quotes[qi];
            if self.quote_claimed[qi] || self.inside_claim(quote.outer) {
                continue;
            }
            let (first, end) = c.quote_tokens(qi);
            while units.get(at).is_some_and(|u| u.end <= first) {
                at += 1;
            }
            let standalone = self.leads(first) && self.ends_sentence(end);
            if !standalone && (c.quote_words(qi) < 3 || !self.leads(first)) {
                if let Some(unit) = units.get(at) {
                    self.subject_and_verb(qi, &unit);
                }
                continue;
            }
            let bare = |source, via| Found::new(Rule::BareQuote, source, via);
            let framed = self
                .continued_by_next(qi)
                .or_else(|| self.colon_lead(first, units));
            let (found, cue) = framed.unwrap_or_else(|| {
                // Two rules below ask for the claim before: looked up once.
                let before = self.claim_and_breaks(quote.outer.start);
                self.speaker_in_paragraph(before)
                    .or_else(|| {
                        let subject = self.narrated_subject(units, at)?;
                        Some((bare(Some(subject), Via::NarratedSubject), None))
                    })
                    .or_else(|| {
                        let actor = self.actor_after(units, at)?;
                        Some((bare(Some(actor), Via::ActorAfter), None))
                    })
                    .unwrap_or_else(|| self.previous_speaker(before))
            });
            let found = match found.source {
                None => bare(self.narrated_before(units, at), Via::NarratedSubject),
                _ => found,
            };
            let found = self.not_the_addressee(found, quote.inner);
            let sentence = sentence_around(sentences, quote.outer, &mut sentence_at);
            self.push_direct(qi, found, cue, sentence);
            self.keep_last_sorted();
        }
        self.merge_earlier();
    }

    /// "The ad targets a “corrupt political system …”", "Cruz coached Haines
    /// to “breathe”": a quotation after a subject and a verb the lexicon
    /// does not know is that subject's words; the verb is the cue.
    fn subject_and_verb(&mut self, qi: usize, unit: &Unit) {
        let c = self.context;
        let (quote_first, _) = c.quote_tokens(qi);
        let Some(subject) = source::main_subject(c, unit.first, quote_first) else {
            return;
        };
        let Some(verb) = self.verb_after(subject, quote_first) else {
            return;
        };
        // "She didn't say “perhaps”": unspoken words are no claim.
        if c.is_negated_verb(verb) {
            return;
        }
        let end = self.content_end(verb + 1, unit.end);
        if end <= quote_first {
            return;
        }
        let found = Found::new(Rule::SubjectVerbQuote, Some(subject), Via::MainSubject);
        if let Some(content) = self.content(verb + 1, end, found, c.table.span(verb)) {
            self.push_content(content, unit);
            self.keep_last_sorted();
        }
    }

    /// Moves the claim just pushed to its place: this pass searches the
    /// claims by position.
    fn keep_last_sorted(&mut self) {
        let claim = self.claims.pop().expect("a claim was just pushed");
        // Searched back from the end, where a claim of the quotation after
        // the last mostly goes.
        let at = shared::partition_point_near(&self.claims, self.claims.len(), |other| {
            other.span.start < claim.span.start
        });
        self.claims.insert(at, claim);
    }

    /// Puts the earlier claims back among the new ones, in the order placing
    /// each new one among all claims would have given: a new claim before
    /// earlier ones with the same start. Merged in place from the back, so
    /// that the claims of the text are not copied into a third list.
    fn merge_earlier(&mut self) {
        let mut merged = std::mem::take(&mut self.earlier);
        let gone = std::mem::take(&mut self.earlier_gone);
        if gone.contains(&true) {
            let mut k = 0;
            merged.retain(|_| {
                k += 1;
                !gone[k - 1]
            });
        }
        let mut added = std::mem::take(&mut self.claims);
        let mut unplaced = merged.len();
        merged.reserve_exact(added.len());
        merged.resize_with(unplaced + added.len(), placeholder);
        let mut free = merged.len();
        while let Some(claim) = added.pop() {
            while unplaced > 0 && merged[unplaced - 1].span.start >= claim.span.start {
                unplaced -= 1;
                free -= 1;
                merged.swap(unplaced, free);
            }
            free -= 1;
            merged[free] = claim;
        }
        self.claims = merged;
    }

    /// The claims starting before `offset` (or at it, with `at_too`), last
    /// first, earlier and new ones merged as in [`Self::merge_earlier`].
    fn claims_back_from(
        &self,
        offset: usize,
        at_too: bool,
    ) -> impl Iterator<Item = &FoundClaim> + '_ {
        let before = |claim: &FoundClaim| {
            claim.span.start < offset || (at_too && claim.span.start == offset)
        };
        // Searched near the last search's end: quotations come in order.
        let near = |list: &[FoundClaim], last: &Cell<usize>| {
            last.set(shared::partition_point_near(list, last.get(), before));
            last.get()
        };
        let mut added = self.claims[..near(&self.claims, &self.claims_near)]
            .iter()
            .rev()
            .peekable();
        let mut earlier = self.earlier[..near(&self.earlier, &self.earlier_near)]
            .iter()
            .zip(&self.earlier_gone)
            .rev()
            .filter(|(_, gone)| !**gone)
            .map(|(claim, _)| claim)
            .peekable();
        std::iter::from_fn(move || match (added.peek(), earlier.peek()) {
            (Some(a), Some(e)) if a.span.start > e.span.start => added.next(),
            (_, Some(_)) => earlier.next(),
            (Some(_), None) => added.next(),
            (None, None) => None,
        })
    }

    /// The verb right after a subject mention, auxiliaries and adverbs
    /// aside: a lower-case word that is no preposition, article or
    /// conjunction, before token `limit`.
    pub(super) fn verb_after(&self, subject: usize, limit: usize) -> Option<usize> {
        let c = self.context;
        let mut verb = c.token_after(c.mentions[subject].span.end);
        while verb < limit && source::is_skippable_at(c, verb) {
            verb += 1;
        }
        let t = *c.tokens.get(verb)?;
        let verb_like = verb < limit
            && t.kind == TokenKind::Word
            && c.quote_of(verb).is_none()
            && c.starts_lower(verb)
            && !c.table.classes(verb).has(Class::NotVerb);
        verb_like.then_some(verb)
    }

    fn inside_claim(&self, span: Span) -> bool {
        self.claims_back_from(span.start, true)
            .take(8)
            .any(|claim| claim.span.overlaps(span))
    }

    /// Whether a quotation ending before token `end` ends its sentence.
    fn ends_sentence(&self, end: usize) -> bool {
        let c = self.context;
        end >= c.tokens.len()
            || c.breaks_after(end - 1, end)
            || c.is_punct(end, ".!?")
            || c.tokens[end].kind == TokenKind::Quote
            || c.table.is_cap(end)
    }

    /// The last claim ending before `offset` and how many paragraph
    /// breaks lie between them (0, 1 or 2 for more).
    fn claim_and_breaks(&self, offset: usize) -> Option<(&FoundClaim, usize)> {
        let c = self.context;
        let previous = self.claim_before(offset)?;
        let between = &c.text[previous.span.end..offset];
        Some((previous, super::paragraph_breaks(between, c.wrapped)))
    }

    /// The source and cue of the last quote-bearing claim before a
    /// quotation (see [`Self::claim_and_breaks`]): with its cue in the
    /// same paragraph, without in the one before.
    fn previous_speaker(&self, before: Option<(&FoundClaim, usize)>) -> (Found, Option<Span>) {
        let bare = |source, via| Found::new(Rule::BareQuote, source, via);
        let nobody = (bare(None, Via::PreviousSpeaker), None);
        let Some((previous, breaks)) = before else {
            return nobody;
        };
        match breaks {
            0 => (bare(previous.source, Via::SpeakerInParagraph), previous.cue),
            1 if previous.kind != ClaimKind::Indirect => {
                if let Some(taker) = self.turn_taker(previous) {
                    return (bare(Some(taker), Via::TurnTaking), None);
                }
                let reply = self
                    .is_dialogue()
                    .then(|| self.other_party(previous))
                    .flatten();
                match reply {
                    Some(_) => (bare(reply, Via::OtherParty), None),
                    None => (bare(previous.source, Via::PreviousSpeaker), None),
                }
            }
            _ => nobody,
        }
    }

    /// The source and cue of the last claim before a quotation (see
    /// [`Self::claim_and_breaks`]) in the same paragraph ("“A,” she said.
    /// “B.”").
    fn speaker_in_paragraph(
        &self,
        before: Option<(&FoundClaim, usize)>,
    ) -> Option<(Found, Option<Span>)> {
        let (previous, breaks) = before?;
        let found = Found::new(Rule::BareQuote, previous.source, Via::SpeakerInParagraph);
        (breaks == 0).then_some((found, previous.cue))
    }

    /// "Tony looked at the Indians. “They will come back.”": the subject of
    /// the sentence before a quotation in the same paragraph, when it opens
    /// that sentence and nobody spoke there yet.
    fn narrated_subject(&self, units: &Units, at: usize) -> Option<usize> {
        let c = self.context;
        let (before, unit) = (units.get(at.checked_sub(1)?)?, units.get(at)?);
        let same_paragraph = !c.breaks_between(before.span.end, unit.span.start);
        let subject = source::mention_starting_at(c, before.first)?;
        let person = !matches!(
            c.mentions[subject].kind,
            ActorKind::Place | ActorKind::Other
        );
        (same_paragraph && person).then_some(subject)
    }

    /// "Maria looked up from her book.\n\n“Is it late?”": in a dialogue,
    /// the subject of a narrated sentence that ends the paragraph before a
    /// quotation nobody else has claimed.
    fn narrated_before(&self, units: &Units, at: usize) -> Option<usize> {
        let c = self.context;
        let (before, unit) = (units.get(at.checked_sub(1)?)?, units.get(at)?);
        let narration = !c.any_quoted(before.first, before.end);
        let adjacent = (self.claim_before(unit.span.start))
            .is_none_or(|claim| claim.span.end <= before.span.start);
        // "Seeing his sister ready to go, he got up.": the main clause's subject.
        let subject = source::mention_starting_at(c, before.first)
            .or_else(|| source::main_subject(c, before.first, before.end))?;
        let person = c.mentions[subject].kind == ActorKind::Person;
        (narration && adjacent && person).then_some(subject)
    }

    /// "Maria answered slowly:\n\n“I will.”": a cue closing the paragraph
    /// before with a colon frames the quotation that opens the next one. A
    /// claim taken for the cue's content ("slowly") gives way to it.
    fn colon_lead(&mut self, first: usize, units: &Units) -> Option<(Found, Option<Span>)> {
        let c = self.context;
        let colon = first.checked_sub(1).filter(|&i| c.is_punct(i, ":"))?;
        let k = c.cues_from(colon);
        let cue = c.cues.get(k.checked_sub(1)?)?;
        let between_words = (cue.end..colon).all(|i| c.tokens[i].kind == TokenKind::Word);
        if colon < cue.end || colon - cue.end > COLON_GAP || !between_words {
            return None;
        }
        let unit = units.get(units.partition_point(|u| u.end <= cue.first))?;
        let cue_span = c.cue_span(cue);
        // The claim of the cue's content was made by an earlier pass (in
        // `earlier`) or by this one (in `claims`).
        // Both lists are sorted by start, and a content lies within the
        // unit of its cue: only the claims starting there are read, not
        // every claim of the text per colon.
        let is_taken =
            |claim: &FoundClaim| claim.cue == Some(cue_span) && claim.kind == ClaimKind::Indirect;
        let in_unit = |list: &[FoundClaim], gone: &[bool]| {
            let from = list.partition_point(|claim| claim.span.start < unit.span.start);
            (from..list.len())
                .take_while(|&k| list[k].span.start <= unit.span.end)
                .find(|&k| !gone.get(k).is_some_and(|&gone| gone) && is_taken(&list[k]))
        };
        let taken = match in_unit(&self.earlier, &self.earlier_gone) {
            Some(at) => {
                // Marked gone, not removed: a removal moved every later
                // claim of the text.
                self.earlier_gone[at] = true;
                Some((self.earlier[at].source, self.earlier[at].via))
            }
            None => in_unit(&self.claims, &[]).map(|at| {
                let claim = self.claims.remove(at);
                (claim.source, claim.via)
            }),
        };
        let (source, via) = match taken {
            Some((Some(source), via)) => (Some(source), via),
            _ => match source::subject_before(c, cue.first, unit.first) {
                Some(subject) => (Some(subject), Via::Subject),
                None => (
                    source::main_subject(c, unit.first, cue.first),
                    Via::MainSubject,
                ),
            },
        };
        Some((
            Found::new(Rule::CueColonBefore, source, via),
            Some(cue_span),
        ))
    }

    /// "\"We will rebuild.\n\n\"Nobody doubts it,\" she added.": a
    /// quote paragraph left open goes on in the next one, whose frame
    /// names the speaker of both.
    fn continued_by_next(&self, qi: usize) -> Option<(Found, Option<Span>)> {
        let c = self.context;
        let quote = c.quotes[qi];
        let next = c.quotes.get(qi + 1)?;
        let left_open = quote.outer.end == quote.inner.end;
        let between = c.text.get(quote.outer.end..next.outer.start)?;
        if !left_open || super::paragraph_breaks(between, c.wrapped) != 1 {
            return None;
        }
        let at = self
            .earlier
            .partition_point(|claim| claim.span.start < next.inner.start);
        let claim = (self.earlier[at..].iter())
            .zip(&self.earlier_gone[at..])
            .find(|(_, gone)| !**gone)
            .map(|(claim, _)| claim)
            .filter(|claim| claim.quotes.contains(&next.inner))?;
        let source = claim.source?;
        Some((
            Found::new(Rule::BareQuote, Some(source), Via::ContinuedQuote),
            claim.cue,
        ))
    }

    /// The last claim ending before `offset`.
    fn claim_before(&self, offset: usize) -> Option<&FoundClaim> {
        self.claims_back_from(offset, false)
            .take(8)
            .filter(|claim| claim.span.end <= offset)
            .max_by_key(|claim| claim.span.end)
    }

    /// In a dialogue, turns alternate: when the quote paragraph before
    /// `previous` was someone else's, an unattributed reply is theirs.
    fn turn_taker(&self, previous: &FoundClaim) -> Option<usize> {
        let c = self.context;
        let earlier = self.claim_before(previous.span.start)?;
        let between = &c.text[earlier.span.end..previous.span.start];
        let adjacent = super::paragraph_breaks(between, c.wrapped) == 1;
        let other = earlier.source.is_some_and(|e| {
            previous
                .source
                .is_none_or(|p| !same_name(&c.mentions[e].name, &c.mentions[p].name))
        });
        (adjacent && earlier.kind != ClaimKind::Indirect && other)
            .then_some(earlier.source)
            .flatten()
    }
}

impl Pass<'_, '_> {
    /// Whether the text is a dialogue, as fiction is: several paragraphs
    /// hold a quotation and nothing else. There a new quote paragraph is a
    /// new speaker; in news it mostly continues the one before. Counted
    /// once per text, not once per quotation.
    fn is_dialogue(&self) -> bool {
        *self.dialogue.get_or_init(|| self.count_dialogue())
    }

    fn count_dialogue(&self) -> bool {
        let c = self.context;
        let bare = (0..c.quotes.len())
            .filter(|&qi| {
                let (first, end) = c.quote_tokens(qi);
                let opens = first == 0 || c.breaks_after(first - 1, first);
                let closes = end >= c.tokens.len() || c.breaks_after(end - 1, end);
                opens && closes
            })
            .take(DIALOGUE_PARAGRAPHS)
            .count();
        bare >= DIALOGUE_PARAGRAPHS
    }

    /// Who answers the quotation of `previous` when the turn before it
    /// tells nothing: someone it addresses ("Oh, Mr. Reyes, …"), or
    /// failing that the nearest other person named in the narration before it.
    fn other_party(&self, previous: &FoundClaim) -> Option<usize> {
        let c = self.context;
        let speaker = previous.source.map(|m| &c.mentions[m]);
        let same = |m: &Mention| {
            speaker.is_some_and(|s| {
                // ASCII names are compared without lowercasing them anew.
                if s.name.is_ascii() && m.name.is_ascii() {
                    let (a, b) = (&s.name, &m.name);
                    return a
                        .split(' ')
                        .any(|w| b.split(' ').any(|v| v.eq_ignore_ascii_case(w)));
                }
                let (a, b) = (s.name.to_lowercase(), m.name.to_lowercase());
                a == b || a.split(' ').any(|w| b.split(' ').any(|v| v == w))
            })
        };
        let at = c.mention_from(previous.span.start);
        let inside = c.mentions[at..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.span.end <= previous.span.end)
            .find(|(_, m)| {
                m.kind == ActorKind::Person && !m.pronoun && !same(m) && self.is_vocative(m.span)
            })
            .map(|(k, _)| at + k);
        if inside.is_some() {
            return inside;
        }
        let speaker_pronoun = speaker.filter(|s| s.pronoun).map(|s| s.name.to_lowercase());
        c.mentions[..at]
            .iter()
            .enumerate()
            .rev()
            .take(NARRATION_REACH)
            .filter(|(_, m)| !m.in_quote && m.kind == ActorKind::Person && !same(m))
            .find(|(_, m)| match speaker_pronoun.as_deref() {
                // "he" answered by "she": a pronoun of the other gender only.
                Some(p @ ("he" | "she")) => {
                    let other = if p == "he" { "she" } else { "he" };
                    m.pronoun && m.name.eq_ignore_ascii_case(other)
                }
                _ => !m.pronoun,
            })
            .map(|(k, _)| k)
    }

    /// "No, Mr. Quinby, I will not": whoever a quotation addresses is not its
    /// speaker; the speaker of the claim before, if someone else, is.
    fn not_the_addressee(&self, found: Found, inner: Span) -> Found {
        let c = self.context;
        let name = |m: usize| &c.mentions[m].name[..];
        let Some(chosen) = found.source.map(name) else {
            return found;
        };
        let at = c.mention_from(inner.start);
        let addressed = c.mentions[at..]
            .iter()
            .take_while(|m| m.span.end <= inner.end)
            .any(|m| !m.pronoun && same_name(&m.name, chosen) && self.is_vocative(m.span));
        if !addressed {
            return found;
        }
        let before = self
            .claim_before(inner.start)
            .and_then(|claim| claim.source)
            .filter(|&m| !same_name(name(m), chosen));
        Found::new(found.rule, before, Via::NotTheAddressee)
    }

    /// "Oh, Mr. Reyes, isn’t it funny!": a name set off by commas or
    /// closing an exclamation, inside a quotation.
    fn is_vocative(&self, span: Span) -> bool {
        shared::is_vocative(self.context.text, span)
    }
}

/// A claim holding a place in [`Pass::merge_earlier`] until one is moved
/// there (it allocates nothing).
fn placeholder() -> FoundClaim {
    FoundClaim {
        kind: ClaimKind::Direct,
        span: Span::new(0, 0),
        quotes: Vec::new(),
        source: None,
        cue: None,
        sentence: Span::new(0, 0),
        rule: Rule::BareQuote,
        via: Via::PreviousSpeaker,
    }
}

/// How many words ("slowly") may stand between a cue and its colon.
const COLON_GAP: usize = 2;

/// How many bare quote paragraphs make a text a dialogue.
const DIALOGUE_PARAGRAPHS: usize = 3;

/// How many mentions back the narration is searched for the other party.
const NARRATION_REACH: usize = 12;

/// The sentence (or sentences) a span lies in. The first is looked for
/// from sentence `at` on, and `at` left there: spans come in order, and a
/// step from the last is in cache where a search of every sentence missed.
fn sentence_around(sentences: &[Sentence], span: Span, at: &mut usize) -> Span {
    while *at < sentences.len() && sentences[*at].span().end <= span.start {
        *at += 1;
    }
    sentences[*at..]
        .iter()
        .take_while(|s| s.span().start < span.end)
        .fold(span, |all, s| all.cover(s.span()))
}

/// Whether two names are the same in lower case (`a.to_lowercase() ==
/// b.to_lowercase()`), without lowercasing into new strings when both are
/// ASCII (this is asked of every mention in a quotation).
fn same_name(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}
