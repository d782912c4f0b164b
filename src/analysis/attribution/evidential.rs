//! Evidential and passive frames: "the mayor is expected to sign the bill",
//! "the senator was accused of lying by his rival", "the plan appears to be
//! failing". The content follows the frame; the source is the by-agent when
//! the sentence names one, else nobody: the frame reports a belief held by
//! people the writer leaves unnamed.
//!
//! The frames are data (`assets/lexicon/evidential.txt`). A frame is looked
//! for only where a form of "be" or a listed verb stands, within the unit and
//! outside quotations and claims already made.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::cues::Content;
use super::lists::List;
use super::{COVER_BACK, Found, Pass, Unit, source};
use crate::analysis::mentions::clause_openers;
use crate::analysis::tokens::Class;
use crate::analysis::wordlists::{self, Set};
use crate::analysis::{Rule, Via, steps};

/// How many words the subject of a frame may have when no mention ends it.
const SUBJECT_WORDS: usize = 8;

/// How many tokens a by-agent search looks into the content.
const BY_AGENT_REACH: usize = 12;

/// How many words before a frame verb a negation may stand ("doesn't
/// really seem").
const NEGATION_REACH: usize = 2;

impl Pass<'_, '_> {
    /// Claims of the evidential frames in a unit, after the cue passes:
    /// only where no claim of the unit lies yet.
    pub(super) fn evidential_frames(&mut self, unit: &Unit, claims_before: usize) {
        let c = self.context;
        self.as_verbs.clear();
        let mut i = unit.first;
        // Only a form of "be" or a frame verb can start a frame (a word not
        // in ASCII is asked anyway, as its Unicode lower case may differ):
        // the tokens marked so, not every token, are visited. The same look
        // notes the verbs of "see X as" frames for `seen_as` (one scan, not
        // two).
        while let Some(next) = c.starts.frames.ones(i..unit.end).next() {
            i = next;
            let classes = c.table.classes(i);
            if classes.has(Class::AsFrame) {
                self.as_verbs.push(i as u32);
            }
            let may_start = classes.has(Class::EvidentialStart) || !c.table.is_ascii(i);
            let free = may_start && c.quote_of(i).is_none() && !self.in_claim(claims_before, i);
            let content = free.then(|| self.evidential_at(i, unit)).flatten();
            match content {
                Some(content) => {
                    let subject = self.evidential_subject(i, unit, &content);
                    i = content.end;
                    self.push_content(content, unit);
                    if let Some(subject) = subject {
                        self.push_content(subject, unit);
                    }
                }
                None => i += 1,
            }
        }
    }

    /// "Ben Lowe appears to be slipping": who or what the frame at token
    /// `frame` is about is held in the same belief, a claim of its own with
    /// the frame's source: the mention before it (auxiliaries aside), else
    /// the words back to the start of the clause.
    fn evidential_subject(&self, frame: usize, unit: &Unit, content: &Content) -> Option<Content> {
        let c = self.context;
        let mut end = frame;
        while end > unit.first
            && (source::is_skippable_at(c, end - 1)
                || c.is_adverb(end - 1)
                || c.in_list(end - 1, List::FrameBetween)
                || c.in_list(end - 1, List::NegatedAuxiliaries))
        {
            end -= 1;
        }
        if end == unit.first || c.quote_of(end - 1).is_some() {
            return None;
        }
        let lower = c.tokens[unit.first].start();
        let lists = wordlists::get();
        let last = c.table.low(end - 1);
        let relative = lists.relatives.has(last) || lists.free_relatives.has(last);
        let mention = source::mention_ending_with(c, end - 1, lower);
        let first = match mention {
            // "those words, which appear to have harmed her": the claim
            // reaches back to what the relative stands for; "what was
            // supposed to be …" stands for nothing a reader could be shown.
            _ if relative => match source::antecedent(c, end - 1, unit.first) {
                Some(antecedent) => antecedent,
                None if lists.free_relatives.has(last) => return None,
                None => end - 1,
            },
            // "he doesn't seem like …": a pronoun alone tells a reader
            // nothing the frame does not.
            Some(m) if c.mentions[m].pronoun => return None,
            Some(m) => c.token_after(c.mentions[m].span.start),
            None => {
                // "a breakthrough in a state known for …": a reduced
                // relative modifies the noun phrase before it, which no
                // preposition opens.
                let reduced = self.after_noun(frame, unit).is_some();
                let mut first = end;
                while first > unit.first
                    && end - first < SUBJECT_WORDS
                    && c.tokens[first - 1].kind == super::TokenKind::Word
                    && c.quote_of(first - 1).is_none()
                    && !clause_openers().contains(self::lower(c, first - 1).as_ref())
                    && !c.in_list(first - 1, List::Relatives)
                    && !c.in_list(first - 1, List::FreeRelatives)
                    && !(reduced && c.table.is(first - 1, Class::Preposition))
                {
                    first -= 1;
                }
                // "Residents who attended the meeting seemed divided": the
                // relative clause belongs to the mention before it.
                let antecedent = (first > unit.first)
                    .then(|| source::antecedent(c, first - 1, unit.first))
                    .flatten();
                antecedent.unwrap_or(first)
            }
        };
        let found = Found::new(
            Rule::EvidentialSubject,
            content.found.source,
            content.found.via,
        );
        (first < end)
            .then(|| self.content(first, end, found, content.cue))
            .flatten()
    }

    pub(super) fn in_claim(&self, claims_before: usize, i: usize) -> bool {
        let at = self.context.tokens[i].start();
        // The unit's last claims only (see `COVER_BACK`).
        let from = claims_before.max(self.claims.len().saturating_sub(COVER_BACK));
        self.claims[from..].iter().any(|claim| {
            steps::step();
            claim.span.contains_offset(at) || claim.cue.is_some_and(|q| q.contains_offset(at))
        })
    }

    /// The frame starting at token `i` and its content, if one does.
    pub(super) fn evidential_at(&self, i: usize, unit: &Unit) -> Option<Content> {
        let c = self.context;
        let frames = &wordlists::get().evidential;
        let mut reduced = false;
        // The word lists asked once per form (lists.rs): this runs at
        // every form of "be".
        let (frame_end, content_first) = if c.in_list(i, List::FrameVerb) {
            if i + 1 >= unit.end {
                return None;
            }
            let next = lower(c, i + 1);
            let complement = next == "to"
                || (next.starts_with(char::is_lowercase)
                    && !frames.not_complements.contains(next.as_ref())
                    && c.tokens[i + 1].kind == super::TokenKind::Word);
            if !complement || !self.has_subject(i, unit) || self.negated(i, unit) {
                return None;
            }
            (i + 1, i + 1)
        } else if c.in_list(i, List::FrameBe) {
            let mut p = i + 1;
            while p < unit.end && (c.is_adverb(p) || c.in_list(p, List::FrameBetween)) {
                p += 1;
            }
            if p + 1 >= unit.end {
                return None;
            }
            // Most words after "be" start no pair: told by the one word
            // before the pair is looked up.
            if !c.in_list(p, List::FrameAfterBe) {
                return None;
            }
            let participle = lower(c, p);
            let next = lower(c, p + 1);
            if !after_be_pairs().contains(&(participle.as_ref(), next.as_ref())) {
                return None;
            }
            // "is expected | to sign"; "was accused of | lying".
            if next == "to" {
                (p + 1, p + 1)
            } else {
                (p + 2, p + 2)
            }
        } else if let Some(frame_end) = self.after_noun(i, unit) {
            reduced = true;
            (frame_end, frame_end)
        } else {
            return None;
        };
        let mut end = self.content_end(content_first, unit.end);
        if reduced {
            // A reduced relative is a modifier: a comma closes it.
            end = (content_first..end)
                .find(|&k| c.is_punct(k, ","))
                .unwrap_or(end);
        }
        let (end, source) = self.by_agent(content_first, end);
        let cue = c.table.span(i).cover(c.table.span(frame_end - 1));
        let via = if source.is_some() {
            Via::ByAgent
        } else {
            Via::Subject
        };
        self.content(
            content_first,
            end,
            Found::new(Rule::Evidential, source, via),
            cue,
        )
    }

    /// "a state known for | rewarding moderates", "eight years now recalled
    /// for | their calm": a participle frame right after a noun, with no
    /// "be" (a reduced relative); where the content starts.
    fn after_noun(&self, i: usize, unit: &Unit) -> Option<usize> {
        let c = self.context;
        let frames = &wordlists::get().evidential;
        if i + 2 >= unit.end {
            return None;
        }
        if !after_noun_pairs().contains(&(c.table.low(i), c.table.low(i + 1))) {
            return None;
        }
        let mut noun = i;
        while noun > unit.first && c.in_list(noun - 1, List::FrameBetween) {
            noun -= 1;
        }
        let noun = noun.checked_sub(1).filter(|&n| n >= unit.first)?;
        let low = c.table.low(noun);
        let is_noun = c.tokens[noun].kind == super::TokenKind::Word
            && c.quote_of(noun).is_none()
            && !frames.be_forms.contains(low)
            && !c.in_list(noun, List::Auxiliaries)
            && !c.in_list(noun, List::Relatives)
            && !c.table.is(noun, Class::Preposition)
            && !c.is_adverb(noun);
        is_noun.then_some(i + 2)
    }

    /// Whether a frame verb at `i` has a subject before it in the unit (not
    /// "as it appears" at the start).
    fn has_subject(&self, i: usize, unit: &Unit) -> bool {
        let c = self.context;
        i > unit.first
            && c.tokens[i - 1].kind == super::TokenKind::Word
            && !c.is_one_of(i - 1, &["as", "it", "there"])
    }

    /// "He doesn't seem like the others", "you cannot seem to be
    /// campaigning": a frame verb denied holds no belief of anyone's.
    fn negated(&self, i: usize, unit: &Unit) -> bool {
        let c = self.context;
        (i.saturating_sub(NEGATION_REACH).max(unit.first)..i)
            .any(|k| c.is_one_of(k, &["not", "never", "cannot"]) || c.is_negated_verb(k))
    }

    /// "… on the speeches by a rival senator": a by-agent closing the
    /// content is its source; the content ends before "by".
    fn by_agent(&self, first: usize, end: usize) -> (usize, Option<usize>) {
        let c = self.context;
        for k in first..end.min(first + BY_AGENT_REACH) {
            if !c.is_word(k, "by") || c.quote_of(k).is_some() {
                continue;
            }
            let Some(agent) = source::mention_starting_at(c, k + 1) else {
                continue;
            };
            let after = c.token_after(c.mentions[agent].span.end);
            let closes = after >= end || c.is_punct(after, ",.;");
            if closes && k > first {
                return (k, Some(agent));
            }
        }
        (end, None)
    }
}

/// The (participle, next word) pairs after "be", as borrowed strings: a
/// pair is looked up per form of "be" without building two strings.
fn after_be_pairs() -> &'static Set<(&'static str, &'static str)> {
    static PAIRS: OnceLock<Set<(&'static str, &'static str)>> = OnceLock::new();
    PAIRS.get_or_init(|| borrowed(&wordlists::get().evidential.after_be))
}

/// The first words of [`after_be_pairs`].
pub(super) fn after_be_firsts() -> &'static Set<&'static str> {
    static FIRSTS: OnceLock<Set<&'static str>> = OnceLock::new();
    FIRSTS.get_or_init(|| after_be_pairs().iter().map(|&(first, _)| first).collect())
}

/// The pairs that frame a content after a noun, as [`after_be_pairs`].
fn after_noun_pairs() -> &'static Set<(&'static str, &'static str)> {
    static PAIRS: OnceLock<Set<(&'static str, &'static str)>> = OnceLock::new();
    PAIRS.get_or_init(|| borrowed(&wordlists::get().evidential.after_noun))
}

fn borrowed(pairs: &'static Set<(String, String)>) -> Set<(&'static str, &'static str)> {
    pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

/// Token `i` in lower case: the token table's form for ASCII words (asked
/// of every token of a unit: no allocation), Unicode lowercasing otherwise.
pub(super) fn lower<'a>(c: &'a super::Context, i: usize) -> Cow<'a, str> {
    if c.table.is_ascii(i) {
        Cow::Borrowed(c.table.low(i))
    } else {
        Cow::Owned(c.word(i).to_lowercase())
    }
}
