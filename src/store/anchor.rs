//! Anchoring the user's layer to a text twice, as Hypothesis does: by
//! code-point offsets (a W3C TextPositionSelector) and by the quoted words
//! with some context (a W3C TextQuoteSelector). Offsets are tried first; when
//! the text there is no longer the quote (a re-fetched page whose text moved),
//! the quote is searched for, its context choosing among repeats; when the
//! quote is nowhere, the item is orphaned — kept and listed, never dropped.

use serde::{Deserialize, Serialize};

use crate::span::{CharIndex, Span};

/// How many code points of context a quote keeps on each side.
pub const CONTEXT: usize = 32;

/// The W3C TextQuoteSelector: the words and what surrounds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextQuote {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// Where an item of the user's layer was made: code-point offsets into the
/// text of that time, and the quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Code points, as the W3C TextPositionSelector counts them.
    pub start: usize,
    pub end: usize,
    pub quote: TextQuote,
}

/// Where an anchor lands in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Byte span in the text. `moved` is set when the offsets no longer held
    /// and the quote was found elsewhere.
    At { span: Span, moved: bool },
    /// The quote is nowhere in the text: kept, shown as orphaned.
    Orphaned,
}

impl Place {
    /// The byte span, unless orphaned.
    pub fn span(self) -> Option<Span> {
        match self {
            Place::At { span, .. } => Some(span),
            Place::Orphaned => None,
        }
    }
}

impl Anchor {
    /// The anchor of the byte span `span` of `text`.
    pub fn new(text: &str, span: Span) -> Anchor {
        let index = CharIndex::new(text);
        let prefix: String = {
            let before: Vec<char> = text[..span.start].chars().rev().take(CONTEXT).collect();
            before.into_iter().rev().collect()
        };
        Anchor {
            start: index.chars_at(span.start),
            end: index.chars_at(span.end),
            quote: TextQuote {
                exact: span.of(text).to_string(),
                prefix,
                suffix: text[span.end..].chars().take(CONTEXT).collect(),
            },
        }
    }

    /// Where this anchor lands in `text`: its offsets if the quote is still
    /// there, else the occurrence of the quote whose context matches best
    /// (nearest the old offsets on a tie), else orphaned.
    pub fn locate(&self, text: &str) -> Place {
        let index = CharIndex::new(text);
        let exact = self.quote.exact.as_str();
        let held = index
            .byte_at(text, self.start)
            .zip(index.byte_at(text, self.end))
            .filter(|&(s, e)| s <= e && &text[s..e] == exact);
        if let Some((start, end)) = held {
            return Place::At {
                span: Span::new(start, end),
                moved: false,
            };
        }
        if exact.is_empty() {
            return Place::Orphaned;
        }
        let old = index.byte_at(text, self.start.min(text.len()));
        let best = text
            .match_indices(exact)
            .map(|(start, _)| {
                let end = start + exact.len();
                let context = common_suffix(&text[..start], &self.quote.prefix)
                    + common_prefix(&text[end..], &self.quote.suffix);
                let distance = old.map_or(0, |o| o.abs_diff(start));
                (start, end, context, distance)
            })
            .max_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)));
        match best {
            Some((start, end, _, _)) => Place::At {
                span: Span::new(start, end),
                moved: true,
            },
            None => Place::Orphaned,
        }
    }
}

/// How many code points `a` and `b` share at their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many code points `a` and `b` share at their starts.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, words: &str) -> Span {
        let start = text.find(words).unwrap();
        Span::new(start, start + words.len())
    }

    #[test]
    fn an_anchor_keeps_code_point_offsets_and_context() {
        let text = "Jane Roe’s aide said “we will not pay” on Monday.";
        let anchor = Anchor::new(text, span_of(text, "we will not pay"));
        let start = text[..text.find("we will").unwrap()].chars().count();
        assert_eq!((anchor.start, anchor.end), (start, start + 15));
        assert_eq!(anchor.quote.exact, "we will not pay");
        assert_eq!(anchor.quote.prefix, "Jane Roe’s aide said “");
        assert_eq!(anchor.quote.suffix, "” on Monday.");
    }

    #[test]
    fn context_is_at_most_32_code_points_a_side() {
        let text = format!("{}middle{}", "é".repeat(50), "ü".repeat(50));
        let anchor = Anchor::new(&text, span_of(&text, "middle"));
        assert_eq!(anchor.quote.prefix, "é".repeat(CONTEXT));
        assert_eq!(anchor.quote.suffix, "ü".repeat(CONTEXT));
    }

    #[test]
    fn the_same_text_places_it_at_its_offsets() {
        let text = "He said “no” and “no” again.";
        let span = Span::new(text.rfind("no").unwrap(), text.rfind("no").unwrap() + 2);
        let anchor = Anchor::new(text, span);
        assert_eq!(anchor.locate(text), Place::At { span, moved: false });
    }

    #[test]
    fn moved_text_is_found_by_its_quote_and_context() {
        let old = "Intro. She said “no” twice. Then “no” once more, he said.";
        let second = old.rfind("“no”").unwrap() + "“".len();
        let anchor = Anchor::new(old, Span::new(second, second + 2));
        let new = format!("A new first paragraph.\n\n{old}");
        let place = anchor.locate(&new);
        let want = new.rfind("“no”").unwrap() + "“".len();
        assert_eq!(
            place,
            Place::At {
                span: Span::new(want, want + 2),
                moved: true
            },
            "the repeat whose context matches, not the first"
        );
    }

    #[test]
    fn a_quote_that_is_gone_is_orphaned_not_dropped() {
        let anchor = Anchor::new("She said it will rain.", Span::new(9, 21));
        assert_eq!(anchor.locate("Nothing of the sort here."), Place::Orphaned);
        assert_eq!(anchor.locate(""), Place::Orphaned);
    }

    #[test]
    fn offsets_past_a_shorter_text_fall_back_to_the_quote() {
        let text = "Long preamble here. The quote.";
        let anchor = Anchor::new(text, span_of(text, "The quote"));
        let place = anchor.locate("The quote.");
        assert_eq!(place.span(), Some(Span::new(0, 9)));
    }
}
