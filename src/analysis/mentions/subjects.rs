//! Common-noun subjects of a cue verb that no word list knows: "the
//! businessman said …", "enlisted personnel favored …", "a web search
//! shows …". A verb of saying or stance tells that the noun phrase before
//! it is a source, whatever its head noun; groups.rs finds the phrases
//! whose head it knows, this finder the rest.
//!
//! The phrase is short and bounded: a head noun right before the cue
//! (auxiliaries and adverbs aside), up to a few modifiers, opened by a
//! determiner or by the start of a clause.

use std::ops::Range;
use std::sync::OnceLock;

use super::context::{Context, mention};
use super::{Scratch, Starts};
use crate::analysis::segment::TokenKind;
use crate::analysis::tokens::{Class, Classes};
use crate::analysis::wordlists::{self, Set};
use crate::analysis::{ActorKind, Mention};
use crate::span::Span;

/// How many words may stand between the subject and its cue ("has also").
const SKIP_REACH: usize = 3;

/// How many modifiers a subject's head may have ("enlisted", "male").
const MODIFIERS: usize = 3;

/// Words after which a clause starts (`assets/lexicon/clause_openers.txt`):
/// the subject of a cue may open there with no determiner ("…, while male
/// troops backed …").
pub(crate) fn clause_openers() -> &'static Set<&'static str> {
    static OPENERS: OnceLock<Set<&'static str>> = OnceLock::new();
    OPENERS
        .get_or_init(|| wordlists::set(include_str!("../../../assets/lexicon/clause_openers.txt")))
}

/// Finds the subjects of the sentence `range` that no mention stands for;
/// `from` is the index of the sentence's first mention in `out`.
pub(super) fn find(
    ctx: &Context,
    range: Range<usize>,
    starts: &Starts,
    from: usize,
    scratch: &mut Scratch,
    out: &mut Vec<Mention>,
) {
    // The ends of the sentence's mentions so far, sorted: whether a
    // mention ends at a token is a binary search, not a scan per cue.
    // Filled when first needed (`ends_read`).
    let Scratch { ends, reach, .. } = scratch;
    let mut ends_read = false;
    // The other finders' mentions by start, each with the furthest end so
    // far: whether one holds a phrase is a binary search, not a scan per
    // cue (a long sentence of quotations has thousands).
    let others = out.len();
    let mut reach_read = false;
    // Both rules start from a cue word: no question for the rest.
    for cue in starts.marked(Starts::CUE) {
        // The rules read the words around the cue word before they match
        // its phrases (the costly question), which most words fail first.
        let before = word_before(ctx, cue, range.start);
        if let Some(quantifier) = before.and_then(|w| quantifier_at(ctx, w, range.start))
            && is_verb(ctx, cue)
        {
            out.push(quantifier);
            continue;
        }
        if let Some(found) = inverted_subject(ctx, cue, range.end) {
            if !reach_read {
                super::reach_by_start(&out[from..others], reach);
                reach_read = true;
            }
            if !held(reach, found.span) {
                out.push(found);
                continue;
            }
        }
        let Some(head) = before.filter(|&h| may_head(ctx, h)) else {
            continue;
        };
        if !is_finite_cue(ctx, cue, range.end) {
            continue;
        }
        if !ends_read {
            ends.clear();
            ends.extend(out[from..].iter().map(|m| m.span.end));
            ends.sort_unstable();
            ends_read = true;
        }
        if ends.binary_search(&ctx.table.span(head).end).is_ok() {
            continue;
        }
        if let Some(found) = subject_ending_at(ctx, head, range.start) {
            out.push(found);
        }
    }
}

/// Whether a mention of `reach` (from [`super::reach_by_start`]) holds `span`.
fn held(reach: &[(usize, usize)], span: Span) -> bool {
    let before = reach.partition_point(|&(start, _)| start <= span.start);
    before > 0 && reach[before - 1].1 >= span.end
}

/// Whether a cue verb that is no "-ing" form starts at `i`.
fn is_verb(ctx: &Context, i: usize) -> bool {
    ctx.cue_at(i).is_some() && !ctx.low(i).ends_with("ing")
}

/// Whether a finite cue verb starts at `i`: an inflected cue that is no
/// participle ("a platform speaking", "the country described by"), and a
/// form in "-s" only before a word that is no preposition ("the poll shows
/// that", not the noun in "blue states, where" or "questions to").
fn is_finite_cue(ctx: &Context, i: usize, end: usize) -> bool {
    if !ctx.is_inflected_cue(i) {
        return false;
    }
    let word = ctx.low(i);
    let next = (i + 1 < end && ctx.is_word(i + 1)).then(|| ctx.low(i + 1));
    if word.ends_with("ing") || next == Some("by") {
        return false;
    }
    !word.ends_with('s') || next.is_some() && !ctx.table.is(i + 1, Class::Preposition)
}

/// '"…," said the undertaker', 'returned the old boatman': a cue verb right
/// after a quotation, then a determiner, a few modifiers and a lower-case
/// head noun that ends the phrase (at punctuation, a function word or an
/// adverb). The speaker is a description, as "the president" is.
fn inverted_subject(ctx: &Context, cue: usize, end: usize) -> Option<Mention> {
    let before = |k: usize| k < cue && ctx.tokens[k].kind == TokenKind::Quote;
    // The kinds first: most cue words follow no quotation mark, and a
    // kind is one load where a mark is a comparison of text.
    let after_quote = cue > 0 && before(cue - 1)
        || cue > 1 && before(cue - 2) && [",", "!", "?"].iter().any(|p| ctx.is_punct(cue - 1, p));
    let det = cue + 1;
    if !after_quote
        || !ctx.is_inflected_utterance(cue)
        || ctx.low(cue).ends_with("ing")
        || det >= end
        || !ctx.is_word(det)
    {
        return None;
    }
    if !speaker_determiners().contains(ctx.low(det)) {
        return None;
    }
    let mut head = None;
    let mut k = det + 1;
    while k < end && k - det <= MODIFIERS + 1 && is_plain_word(ctx, k) {
        head = Some(k);
        k += 1;
    }
    let head = head?;
    // "said the other man who …" is fine; "said the man quickly" ends at the
    // adverb; a run of words too long to be one phrase is none.
    let ends = k >= end
        || !ctx.is_word(k)
        || ctx.table.is(k, Class::FunctionWord)
        || ctx.table.is(k, Class::Preposition)
        || ctx.low(k).ends_with("ly");
    if !ends {
        return None;
    }
    let span = Span::new(ctx.tokens[det].start(), ctx.table.span(head).end);
    let phrase = ctx.phrase(det + 1, head).to_lowercase();
    let (kind, name) = match ctx.low(det) {
        "a" | "an" => (ActorKind::Anonymous, format!("{} {phrase}", ctx.low(det))),
        _ if is_plural(ctx.low(head)) => (ActorKind::Group, phrase.clone()),
        _ => (ActorKind::Person, format!("the {phrase}")),
    };
    let role = (kind == ActorKind::Person).then_some(phrase);
    Some(mention(span, name, kind, role))
}

/// A lower-case word that may be a modifier or head of a noun phrase.
fn is_plain_word(ctx: &Context, k: usize) -> bool {
    ctx.is_word(k)
        && !ctx.is_cap(k)
        && !ctx.table.is(k, Class::FunctionWord)
        && !ctx.table.is(k, Class::NonModifier)
        && !ctx.table.is(k, Class::Pronoun)
        && !ctx.table.is(k, Class::Preposition)
        && !ctx.low(k).ends_with("ly")
        && ctx.cue_at(k).is_none()
}

/// The words a speaker's description opens with after an inverted cue
/// (`assets/lexicon/speaker_determiners.txt`).
fn speaker_determiners() -> &'static Set<&'static str> {
    static WORDS: OnceLock<Set<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        wordlists::set(include_str!(
            "../../../assets/lexicon/speaker_determiners.txt"
        ))
    })
}

/// What the finder asks of the words before a cue, as bits of a byte
/// kept per written form in [`Context::subject_words`] (0 until worked out).
mod asked {
    pub const KNOWN: u8 = 1;
    /// An adverb or auxiliary looked past ("has also said").
    pub const SKIPPABLE: u8 = 2;
    /// A word that may head the subject's noun phrase, a cue aside.
    pub const MAY_HEAD: u8 = 4;
    /// A quantifier that stands for people alone ("most").
    pub const QUANTIFIER: u8 = 8;
}

/// Whether the word at token `i` has some of the facts `facts` (of
/// [`asked`]): worked out once per written form, as they depend on it
/// alone, where each asks the token table several times.
#[inline]
fn word_has(ctx: &Context, i: usize, facts: u8) -> bool {
    let known = ctx.subject_words.of(ctx.table, i);
    if known.get() == 0 {
        known.set(word_facts(ctx, i));
    }
    known.get() & facts != 0
}

/// The facts of the word at token `i` (see [`asked`]), asked once per
/// form: kept out of the finder's loop. Each fact is of a word, and all
/// are read off one lookup of its classes and lower-case form.
#[cold]
#[inline(never)]
fn word_facts(ctx: &Context, i: usize) -> u8 {
    if !ctx.is_word(i) {
        return asked::KNOWN;
    }
    let low = ctx.low(i);
    let classes = ctx.table.classes(i);
    let bit = |yes: bool, bit: u8| if yes { bit } else { 0 };
    let quantifier = pronominal_quantifiers().contains(low);
    asked::KNOWN
        | bit(is_skippable(low, classes), asked::SKIPPABLE)
        | bit(may_head_word(ctx, i, low, classes), asked::MAY_HEAD)
        | bit(quantifier, asked::QUANTIFIER)
}

/// The token right before a cue, auxiliaries and adverbs aside ("has
/// also"), if the sentence has one there.
fn word_before(ctx: &Context, cue: usize, floor: usize) -> Option<usize> {
    let mut j = cue;
    while j > floor && cue - j < SKIP_REACH && word_has(ctx, j - 1, asked::SKIPPABLE) {
        j -= 1;
    }
    j.checked_sub(1).filter(|&w| w >= floor)
}

/// Whether the word before a cue ([`word_before`]) may head a noun phrase:
/// a lower-case word that is no function word, verb form, pronoun or cue.
fn may_head(ctx: &Context, head: usize) -> bool {
    word_has(ctx, head, asked::MAY_HEAD) && ctx.cue_at(head).is_none()
}

/// [`may_head`] but for the cue, which depends on the words after: a fact
/// of the written form (of the word `head`, `low` and `classes` its own).
fn may_head_word(ctx: &Context, head: usize, low: &str, classes: Classes) -> bool {
    !ctx.is_cap(head)
        && !ctx.is_possessive(head)
        && !classes.has(Class::FunctionWord)
        && !classes.has(Class::NonModifier)
        && !classes.has(Class::Pronoun)
        && !classes.has(Class::Skippable)
        && !low.ends_with("ly")
        && !low.ends_with("ing")
        && !low.ends_with("ed")
}

/// "…, and most oppose it", "Both vowed to …": a quantifier standing
/// alone at the start of a clause, right before a cue (the `word` before
/// it, auxiliaries and adverbs aside), is a group of its own.
fn quantifier_at(ctx: &Context, word: usize, floor: usize) -> Option<Mention> {
    if !word_has(ctx, word, asked::QUANTIFIER) {
        return None;
    }
    let opens_clause =
        word == floor || !ctx.is_word(word - 1) || clause_openers().contains(ctx.low(word - 1));
    opens_clause.then(|| {
        let span = ctx.table.span(word);
        mention(span, ctx.low(word), ActorKind::Group, None)
    })
}

/// The quantifiers that stand for people on their own
/// (`assets/lexicon/pronominal_quantifiers.txt`).
fn pronominal_quantifiers() -> &'static Set<&'static str> {
    static QUANTIFIERS: OnceLock<Set<&'static str>> = OnceLock::new();
    QUANTIFIERS.get_or_init(|| {
        wordlists::set(include_str!(
            "../../../assets/lexicon/pronominal_quantifiers.txt"
        ))
    })
}

/// Whether a word (`low`, of `classes`) is an auxiliary or adverb a
/// subject's cue may come after.
fn is_skippable(low: &str, classes: Classes) -> bool {
    classes.has(Class::Skippable) || (low.len() > 4 && low.ends_with("ly"))
}

/// The noun phrase ending with `head`: modifiers back to a determiner or
/// to the start of a clause. A bare singular noun after a clause opener
/// ("after search found") is no phrase.
fn subject_ending_at(ctx: &Context, head: usize, floor: usize) -> Option<Mention> {
    let mut first = head;
    let mut determiner = None;
    while first > floor && head - first < MODIFIERS {
        let k = first - 1;
        let low = ctx.low(k);
        if !ctx.is_word(k) {
            break;
        }
        if ctx.table.is(k, Class::GroupDeterminer) {
            determiner = Some(low);
            break;
        }
        let modifier = !ctx.table.is(k, Class::FunctionWord)
            && !ctx.table.is(k, Class::NonModifier)
            && !ctx.table.is(k, Class::Pronoun)
            && ctx.cue_at(k).is_none();
        if !modifier {
            break;
        }
        first = k;
    }
    let opens_clause = || {
        first == floor || !ctx.is_word(first - 1) || clause_openers().contains(ctx.low(first - 1))
    };
    let start = match determiner {
        Some(_) => first - 1,
        None if opens_clause() => first,
        None => return None,
    };
    let plural = is_plural(ctx.low(head));
    let kind = match determiner {
        Some("a" | "an" | "one" | "another") => ActorKind::Anonymous,
        None if !plural && first == head => return None,
        _ if plural => ActorKind::Group,
        _ => ActorKind::Other,
    };
    let span = Span::new(ctx.tokens[start].start(), ctx.table.span(head).end);
    let name = ctx.phrase(first, head).to_lowercase();
    Some(mention(span, name, kind, None))
}

/// "troops", "voters": a regular plural.
fn is_plural(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

#[cfg(test)]
mod tests {
    use crate::analysis::ActorKind;
    use crate::analysis::mentions::tests::{find_span, mentions_of};

    #[test]
    fn a_noun_phrase_no_list_knows_is_a_source_when_a_cue_verb_follows_it() {
        let text = "The harbourmaster said the ferry was late, while enlisted \
                    deckhands favored the bus and the weather stayed calm.";
        let m = mentions_of(text);
        let master = find_span(&m, text, "The harbourmaster").expect("harbourmaster");
        assert_eq!(master.kind, ActorKind::Other);
        let sailors = find_span(&m, text, "enlisted deckhands").expect("deckhands");
        assert_eq!(sailors.kind, ActorKind::Group);
        assert!(find_span(&m, text, "the weather").is_none(), "{m:?}");
    }

    #[test]
    fn a_description_after_an_inverted_cue_is_the_speaker() {
        let text = "\"Shut the gate,\" said the tall ferryman. \"Never,\" returned \
                    the old boatman quietly. \"Run!\" cried a stranger.";
        let m = mentions_of(text);
        let ferryman = find_span(&m, text, "the tall ferryman").expect("ferryman");
        assert_eq!(ferryman.kind, ActorKind::Person);
        assert_eq!(ferryman.name(), "the tall ferryman");
        let boatman = find_span(&m, text, "the old boatman").expect("boatman");
        assert_eq!(boatman.role.as_deref(), Some("old boatman"));
        let stranger = find_span(&m, text, "a stranger").expect("stranger");
        assert_eq!(stranger.kind, ActorKind::Anonymous);
    }

    #[test]
    fn a_cue_verb_not_after_a_quotation_takes_no_speaker_after_it() {
        let text = "The clerk said the rent was due.";
        let m = mentions_of(text);
        assert!(find_span(&m, text, "the rent").is_none(), "{m:?}");
    }

    #[test]
    fn a_quantifier_alone_before_a_cue_is_a_group() {
        let text = "Half the crew stayed, and most oppose the voyage.";
        let m = mentions_of(text);
        let most = find_span(&m, text, "most").expect("most");
        assert_eq!(most.kind, ActorKind::Group);
    }
}
