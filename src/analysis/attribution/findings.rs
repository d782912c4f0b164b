//! Findings set in a document: "In a new harbour poll, most riders want
//! later boats." and "The mayor took 6 percent of the vote in a poll
//! released Monday." The sentence reports what the poll (or survey,
//! study, report) found, and the document is its source.
//!
//! Only documents whose head noun is listed in
//! `assets/lexicon/findings.txt` frame a finding; a unit that already has
//! a claim is left alone.

use std::sync::OnceLock;

use super::{Found, Pass, TokenKind, Unit, source};
use crate::analysis::wordlists::Set;
use crate::analysis::{ActorKind, Rule, Via};

const FINDINGS: &str = include_str!("../../../assets/lexicon/findings.txt");

fn findings() -> &'static Set<String> {
    static FINDINGS_SET: OnceLock<Set<String>> = OnceLock::new();
    FINDINGS_SET.get_or_init(|| {
        FINDINGS
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// How many tokens after the document a leading frame may run to its
/// comma ("In a poll conducted by the state university last month,").
const LEAD_REACH: usize = 12;

impl Pass<'_, '_> {
    /// The finding of a unit set in a document, when no claim was made in
    /// the unit (`claims_before` is the count before it).
    pub(super) fn finding(&mut self, unit: &Unit, claims_before: usize) {
        if self.claims.len() > claims_before {
            return;
        }
        let content = self.finding_first(unit).or_else(|| self.finding_last(unit));
        if let Some(content) = content {
            self.push_content(content, unit);
        }
    }

    /// "In a new poll, …": the content after the frame's comma.
    fn finding_first(&self, unit: &Unit) -> Option<super::cues::Content> {
        let c = self.context;
        if !c.is_word(unit.first, "in") {
            return None;
        }
        let document = self.finding_document(unit.first + 1)?;
        let after = c.token_after(c.mentions[document].span.end);
        let comma = (after..unit.end.min(after + LEAD_REACH)).find(|&k| c.is_punct(k, ","))?;
        let end = self.content_end(comma + 1, unit.end);
        let found = Found::new(Rule::Finding, Some(document), Via::AfterCue);
        self.content(comma + 1, end, found, c.table.span(unit.first))
    }

    /// "… in a poll released Monday.": the content before "in".
    fn finding_last(&self, unit: &Unit) -> Option<super::cues::Content> {
        let c = self.context;
        // The "in" tokens alone, not every token of the unit.
        let at = c.starts.ins.within(unit.first + 3, unit.end).find(|&k| {
            c.quote_of(k).is_none()
                && self.finding_document(k + 1).is_some_and(|d| {
                    let mut after = c.token_after(c.mentions[d].span.end);
                    // "… released Monday", "… conducted last week".
                    if after < unit.end && c.ends_in_ed(after) {
                        after += 1;
                    }
                    self.only_fillers(after, unit.end)
                })
        })?;
        let document = self.finding_document(at + 1)?;
        let found = Found::new(Rule::Finding, Some(document), Via::AfterCue);
        self.content(unit.first, at, found, c.table.span(at))
    }

    /// "In a new poll, 28 percent of riders said …": a share of people
    /// answering a poll the sentence is set in speaks through the poll,
    /// which becomes the source.
    pub(super) fn share_in_a_poll(&self, found: Found, unit: &Unit) -> Found {
        let c = self.context;
        let Some(subject) = found.source else {
            return found;
        };
        let first = c.token_after(c.mentions[subject].span.start);
        let share = c.tokens[first].kind == TokenKind::Number
            || c.mentions[subject].name.contains("percent");
        let poll = (share && c.is_word(unit.first, "in"))
            .then(|| self.finding_document(unit.first + 1))
            .flatten()
            .filter(|&d| c.mentions[d].span.end < c.mentions[subject].span.start);
        match poll {
            Some(document) => Found::new(found.rule, Some(document), Via::SetIn),
            None => found,
        }
    }

    /// A document mention starting at token `i` whose head is a finding.
    fn finding_document(&self, i: usize) -> Option<usize> {
        let c = self.context;
        let m = source::mention_starting_at(c, i)?;
        let mention = &c.mentions[m];
        // The kind first: most mentions are no document, told without
        // lowercasing their head.
        if mention.kind != ActorKind::Other {
            return None;
        }
        let head = mention.name.rsplit(' ').next()?.to_lowercase();
        findings().contains(&head).then_some(m)
    }
}
