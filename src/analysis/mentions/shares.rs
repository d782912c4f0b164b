//! Shares of people as mentions: "75 percent of voters", "one in five",
//! "nearly nine out of 10", "a majority of Republicans", "those surveyed".
//! Polls report what such shares say or think ("32 percent said they had
//! no opinion"); as mentions they can be the sources of those claims, and
//! like other groups become actors only when they speak.
//!
//! The words are data (`assets/lexicon/shares.txt`). A share reaches over
//! "of" and a mention found right after it ("of registered voters").

use super::{Context, Starts};
use crate::analysis::segment::TokenKind;
use crate::analysis::tokens::Class;
use crate::analysis::wordlists::{self, ShareWords};
use crate::analysis::{ActorKind, Mention};

/// The share words of the word lists.
fn shares() -> &'static ShareWords {
    &wordlists::get().shares
}

/// Adds the shares of people in the sentence's tokens `range` to `out`;
/// `from` is the first mention of this sentence in `out`. Inlined: called
/// from one place, per sentence with a number or a fraction.
#[inline]
pub(super) fn find(
    ctx: &Context,
    range: std::ops::Range<usize>,
    starts: &Starts,
    from: usize,
    out: &mut Vec<Mention>,
) {
    // One past the last share found: the next starts after it.
    let mut i = range.start;
    // A share starts at a lead or an opener: the marks rule out the rest.
    for start in starts.marked(Starts::SHARE) {
        if start < i {
            continue;
        }
        i = start;
        // Most tokens neither lead nor open a share: the token table says
        // so without the lookups `lead_at` and `share_at` make.
        let lead = if ctx.table.is(i, Class::ShareLead) {
            lead_at(ctx, i)
        } else {
            0
        };
        let first = i + lead;
        let may_open = ctx.table.is(first, Class::ShareOpener)
            || ctx
                .tokens
                .get(first)
                .is_some_and(|t| t.kind == TokenKind::Number);
        let Some(end) = may_open.then(|| share_at(ctx, first, range.end)).flatten() else {
            i += 1;
            continue;
        };
        // "… of registered voters": the group the share is of.
        let mut last = end;
        if ctx.low(end) == "of" {
            let after = ctx.tokens.get(end + 1).map(|t| t.start());
            let of_group = out[from..]
                .iter()
                .filter(|m| Some(m.span.start) == after && !m.pronoun)
                .map(|m| m.span.end)
                .max();
            if let Some(group_end) = of_group {
                last = through(ctx, end + 1, group_end, range.end);
            } else if let Some(noun) = people_after_of(ctx, end + 1, range.end) {
                last = noun + 1;
            }
        } else if let Some(group_end) = group_joined(ctx, &out[from..], end) {
            // "nine in ten voters": the group the number word runs into.
            last = through(ctx, end, group_end, range.end);
        }
        let span = ctx.table.span(i).cover(ctx.table.span(last - 1));
        out.push(Mention {
            span,
            name: span.of(ctx.text).into(),
            kind: ActorKind::Group,
            role: None,
            pronoun: false,
            in_quote: false,
        });
        i = last;
    }
}

/// One past the last token from `k` on (before `end`) that ends by byte
/// `group_end`: the share reaches through its group.
fn through(ctx: &Context, mut k: usize, group_end: usize, end: usize) -> usize {
    while k < end && ctx.table.span(k).end <= group_end {
        k += 1;
    }
    k
}

/// "of weekday riders", "of likely Republican voters": the last token of a
/// few words after "of" that end in a noun for people or a capitalised
/// word ("of Democrats").
fn people_after_of(ctx: &Context, first: usize, end: usize) -> Option<usize> {
    (first..end.min(first + OF_WORDS))
        .take_while(|&k| ctx.is_word(k))
        .filter(|&k| ctx.is_cap(k) || ctx.lists.people.contains_key(ctx.low_bare(k)))
        .last()
}

/// The end of a group of people that a share ending before token `end`
/// runs into without "of": "nine in ten voters", where the group found
/// may start at the share's own last number ("ten voters").
fn group_joined(ctx: &Context, found: &[Mention], end: usize) -> Option<usize> {
    let last_number = ctx.table.span(end - 1).start;
    let next = ctx.tokens.get(end).map(|t| t.start());
    found
        .iter()
        .filter(|m| m.kind == ActorKind::Group && !m.pronoun)
        .filter(|m| m.span.start == last_number || Some(m.span.start) == next)
        .map(|m| m.span.end)
        .max()
}

/// How many words after "of" a share reaches for its group.
const OF_WORDS: usize = 4;

/// How many leading words ("about", "more than") start at token `i`.
fn lead_at(ctx: &Context, i: usize) -> usize {
    shares()
        .leads
        .get(ctx.low(i))
        .into_iter()
        .flatten()
        .find(|lead| lead.iter().enumerate().all(|(k, w)| ctx.low(i + k) == w))
        .map_or(0, Vec::len)
}

/// One past the last token of a share starting at token `i`, if one does.
fn share_at(ctx: &Context, i: usize, end: usize) -> Option<usize> {
    let lists = shares();
    let kind = ctx.tokens.get(i)?.kind;
    let low = ctx.low(i);
    let word_at = |k: usize| (k < end).then(|| ctx.low(k));
    // The word lists' classes, read off the token table: no lookup by text.
    let in_class = |k: usize, class: Class| k < end && ctx.table.classes(k).has(class);
    if kind == TokenKind::Number {
        // "31%", "31 %", "31 percent", "31 per cent".
        if low.ends_with('%') {
            return Some(i + 1);
        }
        if word_at(i + 1) == Some("%") {
            return Some(i + 2);
        }
        if in_class(i + 1, Class::ShareUnit) {
            return Some(i + 2);
        }
        if word_at(i + 1) == Some("per") && word_at(i + 2) == Some("cent") {
            return Some(i + 3);
        }
        return None;
    }
    if kind != TokenKind::Word {
        return None;
    }
    let number_word = |k: usize| {
        in_class(k, Class::NumberWord)
            || ctx
                .tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Number)
    };
    // "one in five", "nine out of 10".
    let is_number_word = ctx.table.classes(i).has(Class::NumberWord);
    if is_number_word {
        if word_at(i + 1) == Some("in") && number_word(i + 2) {
            return Some(i + 3);
        }
        if word_at(i + 1) == Some("out") && word_at(i + 2) == Some("of") && number_word(i + 3) {
            return Some(i + 4);
        }
    }
    // "those surveyed".
    if low == "those" && word_at(i + 1).is_some_and(|w| lists.surveyed.contains(w)) {
        return Some(i + 2);
    }
    // "a third", "the majority", "two-thirds", "half".
    let fraction = |k: usize| in_class(k, Class::Fraction);
    if matches!(low, "a" | "the") || is_number_word {
        if fraction(i + 1) && low != "the" || word_at(i + 1) == Some("majority") {
            return Some(i + 2);
        }
        return None;
    }
    // A bare fraction opens a share only when "of" follows or it starts a
    // clause ("Most oppose …"): "most" is also an adverb.
    if fraction(i) {
        let opens = i == 0 || ctx.tokens[i - 1].kind != TokenKind::Word;
        if ctx.low(i + 1) == "of" || opens && ctx.is_word(i + 1) && !ctx.is_cap(i + 1) {
            return Some(i + 1);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyze_with};

    /// The source text of each claim of `text`.
    fn sources(text: &str) -> Vec<String> {
        let analysis = analyze_with(text, &Options::default());
        analysis
            .claims
            .iter()
            .map(|c| {
                c.source
                    .map_or(String::new(), |s| s.span.of(text).to_string())
            })
            .collect()
    }

    #[test]
    fn shares_of_the_people_a_poll_asked_are_the_sources_of_their_answers() {
        let text = "The ferry survey asked riders about the timetable. About 64 percent of weekday riders said the boats ran late. One in five say they have missed work. Those polled believe fares will rise.";
        assert_eq!(
            sources(text),
            [
                "About 64 percent of weekday riders",
                "One in five",
                "Those polled"
            ]
        );
    }

    #[test]
    fn a_share_running_into_its_group_without_of_is_one_source() {
        let text = "Nine in ten riders say the boats run late. Two out of three ferry workers believe fares will rise.";
        assert_eq!(
            sources(text),
            ["Nine in ten riders", "Two out of three ferry workers"]
        );
    }
}
