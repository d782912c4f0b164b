//! Common-noun mentions: groups ("Norwegian inspectors", "many teachers from
//! both ends of the valley"), anonymous sources ("one veteran gardener", "a
//! senior inspector who asked not to be named"), descriptions ("the
//! two-term president") and documents ("a joint statement").
//!
//! Each is found from its head noun, widened left over determiners and
//! modifiers and right over a prepositional phrase or an anonymity phrase.

use std::ops::Range;

use compact_str::CompactString;

use super::Starts;
use super::context::{Context, mention, retain_from};
use crate::analysis::segment::TokenKind;
use crate::analysis::tokens::Class;
use crate::analysis::{ActorKind, Mention};
use crate::span::Span;

/// What the head noun is.
#[derive(Clone, Copy, PartialEq)]
enum Head {
    People { plural: bool },
    Collective,
    Document { plural: bool },
}

/// Finds the common-noun mentions of the sentence `range`; heads inside a
/// name's mention ([`Starts::CLAIMED`]) are skipped.
pub(super) fn find(
    ctx: &Context,
    range: Range<usize>,
    starts: &Starts,
    sentence_first_mention: usize,
    modifiers: &mut Vec<(usize, usize)>,
    out: &mut Vec<Mention>,
) {
    // The stretches whose names only modify a phrase, dropped at the end
    // in one pass (a mention found later never lies inside an earlier
    // phrase): a pass per phrase would read the whole sentence each time.
    modifiers.clear();
    // Most words are no head: the sentence's marks say so.
    for h in starts.marked(Starts::HEAD) {
        if starts.at(h, Starts::CLAIMED) {
            continue;
        }
        let Some(head) = marked_head_at(ctx, h) else {
            continue;
        };
        // "campaign manager", "Republican pollster": the last noun is the head.
        if h + 1 < range.end
            && starts.at(h + 1, Starts::HEAD)
            && marked_head_at(ctx, h + 1).is_some()
            && !ctx.is_possessive(h)
        {
            continue;
        }
        // "military action", "firm commitment": an adjective, not a body of people.
        if matches!(head, Head::Collective) && modifies_next(ctx, h, range.end) {
            continue;
        }
        let first = left_edge(ctx, h, range.start);
        let opener = ctx.low(first);
        let opener_classes = ctx.table.classes(first);
        let determined = opener_classes.has(Class::GroupDeterminer) || ctx.is_possessive(first);
        let anonymous_opener = opener_classes.has(Class::Quantifier)
            && ctx.lists.quantifiers.get(opener).copied().unwrap_or(false);
        let (kind, name_from) = match head {
            Head::People { plural: true } => (ActorKind::Group, name_start(ctx, first, h)),
            Head::Collective if determined || first < h => {
                (ActorKind::Group, name_start(ctx, first, h))
            }
            Head::People { plural: false } if anonymous_opener => (ActorKind::Anonymous, first),
            Head::People { plural: false } if opener == "the" => (ActorKind::Person, first),
            Head::People { plural: false } if determined => (ActorKind::Anonymous, first),
            Head::Document { plural } if determined || plural || first < h => {
                (ActorKind::Other, name_start(ctx, first, h))
            }
            // Headline style, no determiner: "…, poll finds", "Poll: …",
            // "But expert says …".
            Head::Document { .. } if bare_subject(ctx, first, h, range.start) => {
                (ActorKind::Other, h)
            }
            Head::People { plural: false } if bare_subject(ctx, first, h, range.start) => {
                (ActorKind::Anonymous, h)
            }
            _ => continue,
        };
        let end = right_edge(ctx, h, range.end, kind);
        let span = Span::new(ctx.tokens[first].start(), end);
        let mut name = CompactString::from(ctx.phrase(name_from, h));
        let mut role = None;
        if kind == ActorKind::Anonymous && ctx.table.classes(first).has(Class::Quantifier) {
            // "A person familiar with the matter" opening a sentence is named
            // "a person", as anywhere else.
            name.replace_range(..ctx.low(first).len(), ctx.low(first));
        }
        if kind == ActorKind::Person {
            // A description: "the two-term president" — named in lower case
            // so that it never passes for a proper name.
            name.replace_range(..3, "the");
            role = Some(ctx.phrase(first + 1, h).to_string());
        }
        modifiers.push((ctx.tokens[first].start(), ctx.tokens[h].start()));
        out.push(mention(span, name, kind, role));
    }
    drop_modifier_names(ctx.text, modifiers, sentence_first_mention, out);
}

/// Whether head `h`, alone (`first == h`), opens its clause and a cue or a
/// colon follows it: a headline's bare subject ("…, poll finds", "Poll:").
fn bare_subject(ctx: &Context, first: usize, h: usize, floor: usize) -> bool {
    let next = h + 1;
    let cue_or_colon = next < ctx.tokens.len()
        && (ctx.table.classes(next).has(Class::CueStart) || ctx.low(next) == ":");
    let opens =
        h == floor || !ctx.is_word(h - 1) || ctx.table.classes(h - 1).has(Class::ClauseOpener);
    first == h && cue_or_colon && opens
}

impl Head {
    /// The head as a byte of [`Context::heads`]: 0 is "not worked out",
    /// 1 "no head".
    fn encode(head: Option<Head>) -> u8 {
        match head {
            None => 1,
            Some(Head::People { plural }) => 2 + u8::from(plural),
            Some(Head::Collective) => 4,
            Some(Head::Document { plural }) => 5 + u8::from(plural),
        }
    }

    /// The head kept in `byte`, if one was worked out.
    fn decode(byte: u8) -> Option<Option<Head>> {
        match byte {
            0 => None,
            2 | 3 => Some(Some(Head::People { plural: byte == 3 })),
            4 => Some(Some(Head::Collective)),
            5 | 6 => Some(Some(Head::Document { plural: byte == 6 })),
            _ => Some(None),
        }
    }
}

/// What kind of head noun token `i` is, if any: it depends on the written
/// form alone, so it is worked out once per form.
fn head_at(ctx: &Context, i: usize) -> Option<Head> {
    if !ctx.is_word(i) {
        return None;
    }
    // Most words are no head: the token table says so without a lookup
    // (a possessive's head word is its bare form, looked up below).
    if !ctx.is_possessive(i) && !ctx.table.classes(i).has(Class::HeadWord) {
        return None;
    }
    marked_head_at(ctx, i)
}

/// [`head_at`] of a token [`Starts::HEAD`] marks: a word, possessive or of
/// the head words, as the checks there would find again.
fn marked_head_at(ctx: &Context, i: usize) -> Option<Head> {
    let known = ctx.heads.of(ctx.table, i);
    if let Some(head) = Head::decode(known.get()) {
        return head;
    }
    let head = head_of_word(ctx, i);
    known.set(Head::encode(head));
    head
}

/// What kind of head noun the word at token `i` is, worked out.
fn head_of_word(ctx: &Context, i: usize) -> Option<Head> {
    let lists = ctx.lists;
    let bare = ctx.low_bare(i);
    if !ctx.bare_is(i, Class::HeadWord, |w| lists.is_head_word(w)) {
        return None;
    }
    if ctx.bare_is(i, Class::People, |w| lists.people.contains_key(w)) {
        return Some(Head::People {
            plural: ctx.bare_is(i, Class::PluralPeople, |w| lists.people[w].plural),
        });
    }
    if ctx.bare_is(i, Class::Title, |w| lists.titles.contains(w)) {
        return Some(Head::People { plural: false });
    }
    if ctx.bare_is(i, Class::Collective, |w| lists.collectives.contains_key(w)) {
        return Some(Head::Collective);
    }
    if ctx.bare_is(i, Class::Document, |w| lists.documents.contains(w)) {
        return Some(Head::Document {
            plural: bare.ends_with('s'),
        });
    }
    None
}

/// Whether the word after `h` is a lower-case noun it modifies (not a verb
/// form or a function word).
fn modifies_next(ctx: &Context, h: usize, end: usize) -> bool {
    let next = h + 1;
    if next >= end || !ctx.is_word(next) || ctx.is_cap(next) || ctx.is_possessive(h) {
        return false;
    }
    let low = ctx.low(next);
    let classes = ctx.table.classes(next);
    !(classes.has(Class::NonModifier)
        || classes.has(Class::FunctionWord)
        || low.ends_with("ly")
        || low.ends_with("ing")
        || low.ends_with("ed"))
}

/// The first token of the phrase whose head is `h`.
fn left_edge(ctx: &Context, h: usize, floor: usize) -> usize {
    let mut first = h;
    let mut lowercase = 0;
    let mut j = h;
    while j > floor {
        let k = j - 1;
        let t = ctx.tokens[k];
        let classes = ctx.table.classes(k);
        if t.kind == TokenKind::Number {
            first = k;
        } else if k > floor && joins_names(ctx, k) {
            // "the YouGov/Economist survey": two names joined by a slash.
        } else if t.kind != TokenKind::Word {
            break;
        } else if classes.has(Class::GroupDeterminer) {
            first = k;
            break;
        } else if classes.has(Class::Quantifier) {
            first = k;
        } else if ctx.is_possessive(k) {
            first = k;
            // "the union’s statement": the possessor's determiner opens it.
            if k > floor && !ctx.is_cap(k) && ctx.lists.group_determiners.has(ctx.low(k - 1)) {
                first = k - 1;
            }
            break;
        } else if ctx.is_cap(k) {
            if classes.has(Class::FunctionWord) {
                break;
            }
            first = k;
        } else if is_verb_after_subject(ctx, k, floor) {
            break;
        } else if lowercase < 3
            && !classes.has(Class::NonModifier)
            && !classes.has(Class::FunctionWord)
        {
            lowercase += 1;
            first = k;
        } else {
            break;
        }
        j = k;
    }
    // Lower-case modifiers need a left edge: a determiner, a quantifier or
    // the start of a clause ("Meanwhile, hotel owners"); after another
    // word they are more likely a verb ("that urges voters").
    let open = first == floor || !ctx.is_word(first - 1);
    if !open {
        while first < h && is_plain_lowercase(ctx, first) {
            first += 1;
        }
    }
    // An adverb cannot open the phrase ("notoriously unpredictable").
    while first < h && ctx.low(first).ends_with("ly") && !ctx.is_cap(first) {
        first += 1;
    }
    first
}

/// "The polls show voters", "Military Times found Democrats": a cue verb
/// before a group is no modifier of it but the verb of the subject before
/// (an inflected cue anywhere; a base form like "show" after a head noun).
fn is_verb_after_subject(ctx: &Context, k: usize, floor: usize) -> bool {
    ctx.is_inflected_cue(k)
        || (k > floor
            && !ctx.is_possessive(k - 1)
            && head_at(ctx, k - 1).is_some()
            && ctx.cue_at(k).is_some())
}

/// Whether token `k` is a slash or ampersand between two capitalised words.
fn joins_names(ctx: &Context, k: usize) -> bool {
    (ctx.is_punct(k, "/") || ctx.is_punct(k, "&")) && ctx.is_cap(k - 1) && ctx.is_cap(k + 1)
}

/// A lower-case word that is neither a quantifier nor hyphenated, nor a
/// possessive (which is a left edge itself: "the union’s statement").
fn is_plain_lowercase(ctx: &Context, i: usize) -> bool {
    ctx.is_word(i)
        && !ctx.is_cap(i)
        && !ctx.is_possessive(i)
        && !ctx.word(i).contains('-')
        && !ctx.table.classes(i).has(Class::Quantifier)
        && !ctx.table.classes(i).has(Class::GroupDeterminer)
}

/// Where a group's name starts: past quantifiers and degree adjectives
/// ("many senior analysts" is named "analysts").
fn name_start(ctx: &Context, first: usize, h: usize) -> usize {
    let mut i = first;
    while i < h
        && (ctx.table.classes(i).has(Class::Quantifier)
            || ctx.table.classes(i).has(Class::GroupAdjective)
            || ctx.tokens[i].kind == TokenKind::Number)
    {
        i += 1;
    }
    i
}

/// The end (byte offset) of the phrase whose head is `h`.
fn right_edge(ctx: &Context, h: usize, end: usize, kind: ActorKind) -> usize {
    let mut reach = ctx.bare_span(h).end;
    if ctx.is_possessive(h) {
        return reach;
    }
    // Both lists below start with words of one class: most heads are
    // followed by none of them, and no phrase is compared.
    let anonymous = ctx.table.classes(h + 1).has(Class::AnonymousStart);
    // "a senior official who asked not to be named"
    for phrase in ctx.lists.anonymous_phrases.iter().filter(|_| anonymous) {
        if ctx.words_match(h + 1, end, phrase.iter().copied()) {
            return ctx.table.span(h + phrase.len()).end;
        }
    }
    // "two people familiar with the bidding process"
    for lead in ctx.lists.anonymous_leads.iter().filter(|_| anonymous) {
        if ctx.words_match(h + 1, end, lead.iter().copied())
            && let Some(last) = description_end(ctx, h + 1 + lead.len(), end)
        {
            return ctx.bare_span(last).end;
        }
    }
    if kind == ActorKind::Person {
        return reach;
    }
    // "teachers from both ends of the valley", "a spokesman for the Feingold campaign"
    let mut k = h + 1;
    for _ in 0..2 {
        if k >= end || !ctx.table.classes(k).has(Class::GroupPreposition) || !ctx.is_word(k) {
            break;
        }
        let Some(last) = noun_phrase_end(ctx, k + 1, end) else {
            break;
        };
        reach = ctx.bare_span(last).end;
        if ctx.is_possessive(last) {
            break;
        }
        k = last + 1;
        if ctx.low(k) != "of" {
            break;
        }
    }
    reach
}

/// The last token of a short noun phrase starting at `k`: determiners, then
/// a capitalised name with its titles (and a trailing noun: "the Feingold
/// campaign"), or a single lower-case noun.
fn noun_phrase_end(ctx: &Context, mut k: usize, end: usize) -> Option<usize> {
    let lists = ctx.lists;
    while k < end
        && (ctx.table.classes(k).has(Class::Quantifier)
            || ctx.table.classes(k).has(Class::GroupDeterminer))
    {
        k += 1;
    }
    if k >= end || !ctx.is_word(k) {
        return None;
    }
    if ctx.is_cap(k) || ctx.table.is(k, Class::TitleModifier) {
        let mut last = None;
        while k < end
            && ctx.is_word(k)
            && (ctx.is_cap(k)
                || ctx.table.is(k, Class::TitleModifier)
                || ctx.in_set(k, &lists.titles))
        {
            last = Some(k);
            if ctx.is_possessive(k) {
                return last;
            }
            k += 1;
        }
        if k < end && head_at(ctx, k).is_some() {
            last = Some(k);
        }
        return last;
    }
    let classes = ctx.table.classes(k);
    (!classes.has(Class::NonModifier)
        && !classes.has(Class::FunctionWord)
        && !ctx.low(k).ends_with("ly"))
    .then_some(k)
}

/// How many lower-case words a description after an anonymity lead may
/// run on for ("the bidding process").
const DESCRIPTION_WORDS: usize = 3;

/// The last token of the noun phrase after an anonymity lead: a short noun
/// phrase, run on over a few lower-case words that are neither function
/// words nor cues ("the bidding process", not "the plan said").
fn description_end(ctx: &Context, k: usize, end: usize) -> Option<usize> {
    let mut last = noun_phrase_end(ctx, k, end)?;
    if ctx.is_possessive(last) {
        last = noun_phrase_end(ctx, last + 1, end)?;
    }
    for _ in 0..DESCRIPTION_WORDS {
        let next = last + 1;
        let plain = next < end
            && ctx.is_word(next)
            && !ctx.is_cap(next)
            && ctx.cue_at(next).is_none()
            && !ctx.lists.function_words.contains(ctx.low(next))
            && !ctx.lists.non_modifiers.contains(ctx.low(next))
            && !ctx.low(next).ends_with("ly");
        if !plain {
            break;
        }
        last = next;
    }
    Some(last)
}

/// Names that only modify a phrase ("U.S." in "U.S. officials") are no
/// mentions of their own; possessives ("Clinton’s campaign") stay.
/// `modifiers`: per phrase, the byte range from its start to its head.
fn drop_modifier_names(
    text: &str,
    modifiers: &mut [(usize, usize)],
    from: usize,
    out: &mut Vec<Mention>,
) {
    if modifiers.is_empty() {
        return;
    }
    // By start, each with the furthest end of it and those before: a
    // mention lies inside one if the furthest end reached by the ranges
    // starting at or before it covers it.
    modifiers.sort_unstable();
    let mut furthest = 0;
    for range in modifiers.iter_mut() {
        furthest = furthest.max(range.1);
        range.1 = furthest;
    }
    let inside = |start: usize, end: usize| {
        let before = modifiers.partition_point(|&(lo, _)| lo <= start);
        before > 0 && end <= modifiers[before - 1].1
    };
    retain_from(out, from, |m| {
        !inside(m.span.start, m.span.end)
            || m.pronoun
            || text[m.span.end..].starts_with(['’', '\''])
    });
}

#[cfg(test)]
mod tests {
    use crate::analysis::ActorKind;
    use crate::analysis::mentions::tests::{find_span, mentions_of};

    #[test]
    fn a_group_is_named_without_its_quantifier_and_keeps_its_prepositional_phrase() {
        let text = "Despite these forecasts, many teachers from both ends of the valley caution against optimism.";
        let m = mentions_of(text);
        let analysts =
            find_span(&m, text, "many teachers from both ends of the valley").expect("teachers");
        assert_eq!(analysts.name(), "teachers");
        assert_eq!(analysts.kind, ActorKind::Group);
    }

    #[test]
    fn a_group_stops_at_the_verb_before_it() {
        let text = "These repairs, say Norwegian inspectors, have led to a steep drop.";
        let m = mentions_of(text);
        let officials = find_span(&m, text, "Norwegian inspectors").expect("inspectors");
        assert_eq!(officials.name(), "Norwegian inspectors");
    }

    #[test]
    fn a_group_stops_at_the_cue_verb_of_the_subject_before_it() {
        let text = "The surveys show farmers want rain, and Harbour Weekly found workers agreed.";
        let m = mentions_of(text);
        assert!(find_span(&m, text, "farmers").is_some(), "{m:?}");
        assert!(find_span(&m, text, "workers").is_some(), "{m:?}");
        assert!(!m.iter().any(|m| m.span.of(text).contains("show")), "{m:?}");
        assert!(
            !m.iter().any(|m| m.span.of(text).contains("found")),
            "{m:?}"
        );
    }

    #[test]
    fn two_names_joined_by_a_slash_modify_one_document() {
        let text = "In the latest Harbor/Tide survey, most rowers agreed.";
        let m = mentions_of(text);
        assert!(
            find_span(&m, text, "the latest Harbor/Tide survey").is_some(),
            "{m:?}"
        );
    }

    #[test]
    fn a_modifying_place_is_no_mention_of_its_own() {
        let text = "Swedish teachers confirm that U.K. counterparts have seen no gaps.";
        let m = mentions_of(text);
        assert!(find_span(&m, text, "U.K. counterparts").is_some());
        assert!(find_span(&m, text, "U.K.").is_none(), "{m:?}");
    }

    #[test]
    fn one_or_a_makes_a_single_person_anonymous() {
        let text =
            "As one veteran gardener noted, a senior inspector who asked not to be named agreed.";
        let m = mentions_of(text);
        let editor = find_span(&m, text, "one veteran gardener").expect("gardener");
        assert_eq!(editor.kind, ActorKind::Anonymous);
        assert_eq!(editor.name(), "one veteran gardener");
        let official =
            find_span(&m, text, "a senior inspector who asked not to be named").expect("inspector");
        assert_eq!(official.kind, ActorKind::Anonymous);
    }

    #[test]
    fn the_with_a_title_is_a_description_of_a_person() {
        let text = "The Republican nominee said the two-term president failed.";
        let m = mentions_of(text);
        let nominee = find_span(&m, text, "The Republican nominee").expect("nominee");
        assert_eq!(nominee.kind, ActorKind::Person);
        assert_eq!(nominee.name(), "the Republican nominee");
        assert_eq!(nominee.role.as_deref(), Some("Republican nominee"));
        assert!(find_span(&m, text, "the two-term president").is_some());
    }

    #[test]
    fn documents_can_be_sources() {
        let text = "The good mood carried into a joint statement emphasizing respect.";
        let m = mentions_of(text);
        let statement = find_span(&m, text, "a joint statement").expect("statement");
        assert_eq!(statement.kind, ActorKind::Other);
        assert_eq!(statement.name(), "joint statement");
    }

    #[test]
    fn a_possessive_opens_a_document_with_its_determiner() {
        let text = "The union’s statement declares “the strike is over.”";
        let m = mentions_of(text);
        let statement = find_span(&m, text, "The union’s statement").expect("statement");
        assert_eq!(statement.kind, ActorKind::Other);
    }

    #[test]
    fn capitalised_party_members_are_a_group() {
        let text = "Republicans said the bill failed, and Democrats agreed.";
        let m = mentions_of(text);
        assert_eq!(
            find_span(&m, text, "Republicans").map(|m| m.kind),
            Some(ActorKind::Group)
        );
        assert_eq!(
            find_span(&m, text, "Democrats").map(|m| m.kind),
            Some(ActorKind::Group)
        );
    }
}
