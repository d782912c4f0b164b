//! Finding the phrases that may stand for an actor: names with titles and
//! appositions (names.rs), groups, anonymous sources, descriptions and
//! documents (groups.rs), other noun phrases that are the subject of a cue
//! verb (subjects.rs), and pronouns (here); context.rs holds the
//! lookups they share.
//!
//! The partner stage picks each claim's source among these mentions, so a
//! mention covers the whole phrase a reader would call the source
//! ("Secretary of State Petra Hale", "many teachers from both ends of the
//! valley"); a name inside such a phrase is a mention of its own.

mod context;
mod groups;
mod names;
mod shares;
mod starts;
mod subjects;

pub(crate) use subjects::clause_openers;

use super::lexicon::Lexicon;
use super::segment::Sentence;
use super::tokens::TokenTable;
use super::{ActorKind, Mention, Quotation};
use super::{shared, spare, wordlists};
use crate::span::Span;
use context::{Context, word_kind};
use starts::Starts;

/// Every mention in the text, sorted by start (then longest first).
pub fn find(
    table: &TokenTable,
    sentences: &[Sentence],
    quotations: &[Quotation],
    lexicon: &Lexicon,
) -> Vec<Mention> {
    let mut ctx = Context::new(table, lexicon);
    // News has a mention every 40 bytes or so: room for one every 32 is
    // rarely outgrown, and growing copies every mention and holds both
    // copies at once (the peak of the stage); the spare room is returned
    // below.
    let mut out = spare::mentions(table.text.len() / 32);
    let mut scratch = Scratch::default();
    let mut starts = Starts::new(table);
    for sentence in sentences {
        let range = sentence.tokens().clone();
        let sentence_first_mention = out.len();
        ctx.enter(range.clone());
        starts.read(&ctx, range.clone());
        names::find(&ctx, range.clone(), &mut starts, &mut out);
        // The other finders start only from words of their lists (or a
        // number): a sentence with none of those is not read by them.
        // Shares need a number or a fraction too, which most sentences
        // have not.
        if starts.any(Starts::HEAD) {
            groups::find(
                &ctx,
                range.clone(),
                &starts,
                sentence_first_mention,
                &mut scratch.modifiers,
                &mut out,
            );
        }
        if starts.any(Starts::SHARE_CORE) {
            shares::find(
                &ctx,
                range.clone(),
                &starts,
                sentence_first_mention,
                &mut out,
            );
        }
        if starts.any(Starts::CUE) {
            subjects::find(
                &ctx,
                range.clone(),
                &starts,
                sentence_first_mention,
                &mut scratch,
                &mut out,
            );
        }
        if starts.any(Starts::PRONOUN) {
            pronouns(
                &ctx,
                &starts,
                sentence_first_mention,
                &mut out,
                &mut scratch.reach,
            );
        }
        // Sorted a sentence at a time (a few mentions, in cache): the
        // sentence's mentions start inside it, so the whole is in order.
        out[sentence_first_mention..].sort_by_key(by_start_longest_first);
    }
    mark_quoted(&mut out, quotations);
    let headline_end = table.headline_end();
    drop_headline_phrases(&ctx, headline_end, &mut out);
    place_the_dateline(table, headline_end, &mut out);
    // Only checked when in order, as it is (see shared::sort_by_key_stably).
    shared::sort_by_key_stably(&mut out, by_start_longest_first);
    out.dedup_by(|a, b| a.span == b.span);
    // The vector grew by doubling; the later stages run beside it.
    out.shrink_to_fit();
    out
}

/// Room the finders reuse from one sentence to the next: vectors of
/// their own would be allocated and freed a hundred thousand times in a
/// long text.
#[derive(Default)]
pub(super) struct Scratch {
    /// (start, furthest end so far) of mentions (see [`reach_by_start`]).
    reach: Vec<(usize, usize)>,
    /// The ends of the sentence's mentions, sorted (subjects.rs).
    ends: Vec<usize>,
    /// Per phrase, the byte range from its start to its head (groups.rs).
    modifiers: Vec<(usize, usize)>,
}

/// The order of mentions: by start, then longest first.
fn by_start_longest_first(m: &Mention) -> (usize, std::cmp::Reverse<usize>) {
    (m.span.start, std::cmp::Reverse(m.span.end))
}

/// Drops the "persons" of a title-case headline that neither speak there
/// nor come back in the story: there every word is capitalised, so "Council
/// Approves Flood Barrier Plan" reads as a name. A person a story is about
/// is named in its body too, if only by one word of the name ("Mayor Ilse
/// Varga" … "Varga said"); "Leaked Memo Says …" keeps its source.
fn drop_headline_phrases(ctx: &Context, headline_end: usize, mentions: &mut Vec<Mention>) {
    let table = ctx.table;
    let body = &table.text[headline_end..];
    // A line with quotation marks is dialogue ("“Ready?” asked Ada Voss."),
    // whatever its capitals.
    let quoted = table.text[..headline_end].contains(['"', '“', '”', '«', '»']);
    if headline_end == 0 || quoted || body.trim().is_empty() {
        return;
    }
    mentions.retain(|m| {
        m.span.end > headline_end
            || m.pronoun
            || m.kind != ActorKind::Person
            || ctx.is_capitalised_verb(table.token_at(m.span.end))
            || m.name.split_whitespace().any(|word| has_word(body, word))
    });
}

/// Whether `word` stands in `text` as a whole word, in the same case.
fn has_word(text: &str, word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

/// A dateline opening the story ("Port Elm (Coast Wire) – The council …")
/// names a place, not a person: the name starting the first paragraph, then
/// perhaps the agency in brackets, then a dash (an aside's, or a hyphen).
fn place_the_dateline(table: &TokenTable, opening: usize, mentions: &mut [Mention]) {
    let text = table.text;
    let first = mentions.iter_mut().find(|m| !m.pronoun);
    let Some(m) = first.filter(|m| m.kind == ActorKind::Person) else {
        return;
    };
    if m.span.start < opening || !text[opening..m.span.start].trim().is_empty() {
        return;
    }
    let mut after = text[m.span.end..].trim_start();
    if let Some(bracketed) = after.strip_prefix('(') {
        let Some(close) = bracketed.find(')').filter(|&c| c < DATELINE_AGENCY) else {
            return;
        };
        after = bracketed[close + 1..].trim_start();
    }
    let dashes = wordlists::get().dashes.as_str();
    if after.starts_with(|c: char| c == '-' || dashes.contains(c)) {
        m.kind = ActorKind::Place;
    }
}

/// How long an agency's name in a dateline's brackets may be, in bytes.
const DATELINE_AGENCY: usize = 60;

/// Sets `in_quote` on the mentions inside a quotation's marks.
fn mark_quoted(mentions: &mut [Mention], quotations: &[Quotation]) {
    let mut inner: Vec<Span> = quotations.iter().map(|q| q.inner).collect();
    inner.sort();
    // The furthest end of the quotations up to each: a mention ending past
    // it lies in none of them, told by one comparison (most mentions).
    let furthest: Vec<usize> = inner
        .iter()
        .scan(0, |far, q| {
            *far = q.end.max(*far);
            Some(*far)
        })
        .collect();
    // The mentions come by start (sorted a sentence at a time): the count
    // of quotations starting before one moves forward with them, and is
    // searched for again only where a mention starts earlier.
    let (mut before, mut previous) = (0, 0);
    for m in mentions {
        // The quotations starting before the mention; nested ones are few.
        if m.span.start < previous {
            before = inner.partition_point(|q| q.start <= m.span.start);
        }
        while before < inner.len() && inner[before].start <= m.span.start {
            before += 1;
        }
        previous = m.span.start;
        m.in_quote = before > 0
            && furthest[before - 1] >= m.span.end
            && inner[..before]
                .iter()
                .rev()
                .take(4)
                .any(|q| q.contains(m.span));
    }
}

/// Adds the pronouns of the sentence `starts` marks; `reach` is room to reuse.
fn pronouns(
    ctx: &Context,
    starts: &Starts,
    from: usize,
    out: &mut Vec<Mention>,
    reach: &mut Vec<(usize, usize)>,
) {
    // The sentence's other mentions, by start, each with the furthest end
    // of it and those before: whether one holds a token is a binary search.
    let mut held = false;
    for i in starts.marked(Starts::PRONOUN) {
        let Some(kind) = pronoun_kind(ctx, i) else {
            continue;
        };
        // "who" in "an aide who asked not to be named" is part of that mention.
        let span = ctx.table.span(i);
        if !held {
            reach_by_start(&out[from..], reach);
            held = true;
        }
        let before = reach.partition_point(|&(start, _)| start <= span.start);
        if before > 0 && reach[before - 1].1 >= span.end {
            continue;
        }
        // "I" is capitalised anyway; a capitalised "It" is still a pronoun.
        out.push(Mention {
            span,
            name: ctx.word(i).into(),
            kind,
            role: None,
            pronoun: true,
            in_quote: false,
        });
    }
}

/// The kind the pronoun at token `i` stands for, if it is one: looked up
/// once per written form (a pronoun is one of a few forms, met often).
fn pronoun_kind(ctx: &Context, i: usize) -> Option<ActorKind> {
    let known = ctx.pronoun_kinds.of(ctx.table, i);
    if let Some(kind) = word_kind::decode(known.get()) {
        return kind;
    }
    let kind = ctx.lists.pronoun_kinds.get(ctx.low(i)).copied();
    known.set(word_kind::encode(kind));
    kind
}

/// (start, furthest end so far) of `mentions`, sorted by start, into `spans`.
pub(super) fn reach_by_start(mentions: &[Mention], spans: &mut Vec<(usize, usize)>) {
    spans.clear();
    spans.extend(mentions.iter().map(|m| (m.span.start, m.span.end)));
    spans.sort_unstable();
    let mut furthest = 0;
    for span in spans {
        furthest = furthest.max(span.1);
        span.1 = furthest;
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::analysis::{quotes, segment};

    /// The mentions of a text, as (span text, name, kind, role).
    pub fn mentions_of(text: &str) -> Vec<Mention> {
        let lexicon = Lexicon::builtin();
        let table = TokenTable::new(text, lexicon);
        let sentences = segment::sentences(&table);
        let quotations = quotes::find(&table);
        find(&table, &sentences, &quotations, lexicon)
    }

    pub fn find_span<'m>(
        mentions: &'m [Mention],
        text: &str,
        span_text: &str,
    ) -> Option<&'m Mention> {
        mentions.iter().find(|m| m.span.of(text) == span_text)
    }

    #[test]
    fn pronouns_are_mentions_named_by_themselves() {
        let text = "They also praised the mild winter, and he said it was over.";
        let m = mentions_of(text);
        let they = find_span(&m, text, "They").expect("They");
        assert!(they.pronoun);
        assert_eq!(they.name(), "They");
        assert!(find_span(&m, text, "he").is_some_and(|m| m.pronoun));
    }

    #[test]
    fn a_title_case_headline_names_nobody_the_story_does_not_name_again() {
        let text = "Board Rejects Harbour Toll After Long Night\n\n\
                    The harbour board voted on Monday against the toll.";
        let mentions = mentions_of(text);
        assert!(
            mentions.iter().all(|m| m.kind != ActorKind::Person),
            "{mentions:?}"
        );
    }

    #[test]
    fn a_person_in_the_headline_named_again_in_the_story_stays() {
        let text = "Mayor Ilse Varga Defends Budget Plan\n\n\
                    Ilse Varga said on Monday that the plan was fair.";
        let mentions = mentions_of(text);
        let in_headline = mentions
            .iter()
            .filter(|m| m.span.end < text.find('\n').unwrap())
            .filter(|m| m.kind == ActorKind::Person);
        assert!(
            in_headline.map(|m| m.name()).any(|n| n == "Ilse Varga"),
            "{mentions:?}"
        );
    }

    #[test]
    fn a_first_line_of_dialogue_is_no_headline() {
        let text = "\"Ready?\" asked Ada Voss.\n\n\"Almost,\" said Ben Lorr.";
        let mentions = mentions_of(text);
        assert!(
            mentions.iter().any(|m| m.name() == "Ada Voss"),
            "{mentions:?}"
        );
    }

    #[test]
    fn a_dateline_names_a_place_not_a_person() {
        let text = "Port Elm (Coast Wire) – The council voted on Tuesday to close the pier.";
        let mentions = mentions_of(text);
        let dateline = mentions.iter().find(|m| m.name() == "Port Elm");
        assert_eq!(
            dateline.map(|m| m.kind),
            Some(ActorKind::Place),
            "{mentions:?}"
        );
    }
}
