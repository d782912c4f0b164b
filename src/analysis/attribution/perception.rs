//! Views framed by a verb of seeing or casting and "as": "party leaders see
//! him as an asset", "critics viewed the plan as reckless", "she cast
//! herself as an outsider". The subject holds the view; the content is the
//! object and what follows "as". The verbs are data
//! (`assets/lexicon/as_frames.txt`); without "as" a few words on they
//! report nothing ("they saw the film").

use super::{Found, Pass, TokenKind, Unit, source};
use crate::analysis::{Rule, Via};

/// How many words the object between the verb and "as" may have.
const OBJECT_WORDS: usize = 6;

impl Pass<'_, '_> {
    /// The "see X as Y" claims of a unit, outside quotations and claims
    /// already made (`claims_before` is the count before the unit). The
    /// verbs are those `evidential_frames` noted in its scan of the unit.
    pub(super) fn seen_as(&mut self, unit: &Unit, claims_before: usize) {
        // Most units hold no such verb.
        if self.as_verbs.is_empty() {
            return;
        }
        let c = self.context;
        let verbs = std::mem::take(&mut self.as_verbs);
        let mut after = unit.first;
        for &verb in &verbs {
            let i = verb as usize;
            let candidate = i >= after
                && c.table.is_word(i)
                && !c.table.is_cap(i)
                && c.quote_of(i).is_none()
                && !self.in_claim(claims_before, i);
            if let Some(content) = candidate.then(|| self.seen_as_at(i, unit)).flatten() {
                after = content.end;
                self.push_content(content, unit);
            }
        }
        self.as_verbs = verbs;
    }

    /// The claim of the frame whose verb is token `verb`, if it has a
    /// subject and an object followed by "as".
    fn seen_as_at(&self, verb: usize, unit: &Unit) -> Option<super::cues::Content> {
        let c = self.context;
        let limit = unit.end.min(verb + 2 + OBJECT_WORDS);
        let mut k = verb + 1;
        while k < limit && c.tokens[k].kind == TokenKind::Word && !c.is_word(k, "as") {
            k += 1;
        }
        if k == verb + 1 || k >= limit || !c.is_word(k, "as") {
            return None;
        }
        let subject = source::subject_before(c, verb, unit.first)?;
        let end = self.content_end(verb + 1, unit.end);
        let found = Found::new(Rule::SeenAs, Some(subject), Via::Subject);
        self.content(verb + 1, end, found, c.table.span(verb))
    }
}
