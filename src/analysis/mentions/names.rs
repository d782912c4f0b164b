//! Proper names as mentions: people with their titles and appositions
//! ("Secretary of State Petra Hale", "Hugh Hill, a doctor,"),
//! organisations ("the Atlantic Policy Group", "the FBI") and places
//! ("Washington", "the United States").
//!
//! A name is a run of capitalised words (the core); titles and their
//! modifiers to its left and an apposition or "of <organisation>" to its
//! right widen the mention, never the name.

use std::ops::Range;
use std::sync::OnceLock;

use super::Starts;
use super::context::{Context, mention, retain_from, word_kind};
use crate::analysis::segment::TokenKind;
use crate::analysis::shared::is_pronoun;
use crate::analysis::tokens::Class;
use crate::analysis::wordlists::{self, Set};
use crate::analysis::{ActorKind, Mention};
use crate::span::Span;

/// Finds the names in the sentence `range`, marking their tokens
/// [`Starts::CLAIMED`]. Always inlined: called once per sentence from one
/// place, where a call of its own cost more than some sentences' reading.
#[inline(always)]
pub(super) fn find(
    ctx: &Context,
    range: Range<usize>,
    starts: &mut Starts,
    out: &mut Vec<Mention>,
) {
    let sentence_first_mention = out.len();
    // The first token not yet read (a name or title read skips its words).
    let mut i = range.start;
    // Every name starts with a capital: no question for the rest.
    while let Some(capital) = starts.next_marked(Starts::CAP, i) {
        i = capital;
        // A title is not a name: it joins the name that follows, unless it
        // starts an organisation's name (asked second: few words are titles).
        if starts.at(i, Starts::TITLE)
            && let Some(len) = ctx.longest_title(i, range.end)
            && !starts_org_run(ctx, i, range.end)
        {
            i += len;
            continue;
        }
        if !is_name_word(ctx, i, &range) && !starts_known_name(ctx, i, range.end) {
            i += 1;
            continue;
        }
        let end = core_end(ctx, i, range.end);
        let name = name_mention(ctx, starts, i, end, &range, out, sentence_first_mention);
        if let Some((m, tokens)) = name {
            starts.claim(tokens);
            out.push(m);
        }
        // Names inside the apposition or "of" phrase get mentions of their own.
        i = end;
    }
}

/// Whether token `i` may be part of a name. Always inlined: asked of
/// every capital, most of which the first test answers.
#[inline(always)]
fn is_name_word(ctx: &Context, i: usize, range: &Range<usize>) -> bool {
    if !ctx.is_cap(i) || ctx.table.is(i, Class::FunctionWord) {
        return false;
    }
    // "Despite", "Meanwhile", "Rubbish": capitalised only because they open
    // a sentence or a quote, unless the text capitalises them inside a
    // sentence too ("we met Hope").
    !(is_opener(ctx, i, range)
        && (ctx.seen_lowercase(i) || opening_words().contains(ctx.low(i)))
        && !ctx.table.is(i, Class::SeenInside))
}

/// Ordinary words that open sentences and quotes capitalised: adverbs,
/// object pronouns, exclamations (`assets/lexicon/opening_words.txt`).
fn opening_words() -> &'static Set<&'static str> {
    static WORDS: OnceLock<Set<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| wordlists::set(include_str!("../../../assets/lexicon/opening_words.txt")))
}

/// Whether token `i` opens its sentence, a quotation or a clause after a colon or dash.
/// Inlined: the token before is most often a word, told by its kind.
#[inline(always)]
fn is_opener(ctx: &Context, i: usize, range: &Range<usize>) -> bool {
    if i == range.start {
        return true;
    }
    // The kind first: the token before is most often a word, no opener.
    match ctx.tokens[i - 1].kind {
        TokenKind::Quote => true,
        TokenKind::Word => false,
        _ => matches!(ctx.low(i - 1), ":" | "(" | "—" | "–"),
    }
}

/// A word of two or more letters, all capitals.
fn is_all_caps(ctx: &Context, i: usize) -> bool {
    ctx.is_word(i) && ctx.table.is_all_caps(i)
}

/// "New York", "the White House": a place or institution of several words
/// whose first word would not pass for a name on its own.
fn starts_known_name(ctx: &Context, i: usize, end: usize) -> bool {
    ctx.is_cap(i)
        && ctx.table.classes(i).has(Class::PhraseStart)
        && (i + 1..end.min(i + 4)).any(|last| {
            let name = ctx.phrase(i, last);
            ctx.lists.places.contains_key(name) || ctx.lists.institutions.contains(name)
        })
}

/// Whether the words from `start` to `last` name a known place or
/// institution ("United States": "States" is no verb there).
fn is_known_name(ctx: &Context, start: usize, last: usize) -> bool {
    if last > start && !ctx.table.classes(start).has(Class::PhraseStart) {
        return false;
    }
    let name = ctx.phrase(start, last);
    ctx.lists.places.contains_key(name) || ctx.lists.institutions.contains(name)
}

/// Whether a title at `i` is the start of an organisation's name ("Justice Department").
fn starts_org_run(ctx: &Context, i: usize, end: usize) -> bool {
    let j = ctx.cap_run_end(i, end);
    j > i + 1 && ctx.table.is(j - 1, Class::OrgWord)
}

/// The end (exclusive) of the name starting at `start`.
fn core_end(ctx: &Context, start: usize, end: usize) -> usize {
    let mut j = start + 1;
    let mut is_org = ctx.table.is(start, Class::OrgWord);
    while j < end && !ctx.is_possessive(j - 1) {
        let plain = ctx.is_cap(j)
            && !ctx.table.is(j, Class::FunctionWord)
            && (!ctx.is_capitalised_verb(j) || is_known_name(ctx, start, j))
            && (!ctx.starts_title(j, end) || starts_org_run(ctx, j, end));
        if is_initial(ctx, j) && j + 2 < end && ctx.is_cap(j + 2) {
            // "Jeffrey M. Jones": the initial with its full stop.
            j += 2;
        } else if plain {
            is_org |= ctx.table.is(j, Class::OrgWord);
            j += 1;
        } else if is_org && ctx.table.classes(j).has(Class::OrgConnector) {
            let next = if j + 1 < end && ctx.low(j + 1) == "the" {
                j + 2
            } else {
                j + 1
            };
            if next < end && ctx.is_cap(next) && !ctx.table.is(next, Class::FunctionWord) {
                j = next;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    j
}

/// "R." in "Joseph R. Biden": a capital letter and a full stop.
fn is_initial(ctx: &Context, j: usize) -> bool {
    ctx.is_cap(j)
        && is_one_char(ctx.word(j))
        && ctx.is_punct(j + 1, ".")
        && ctx.table.span(j).end == ctx.tokens[j + 1].start()
}

/// Whether `word` is a single character (told by the first two, not by
/// counting them all).
fn is_one_char(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// What a run of capitalised words names, if anything. A word alone (most
/// names are) is worked out once per written form, as its kind depends on
/// the form alone, unless it may open a known phrase ("New", read with the
/// next word) or is a document noun that is also a first name ("Bill",
/// which depends on its place).
fn core_kind(ctx: &Context, start: usize, end: usize) -> Option<ActorKind> {
    if end - start != 1 || ctx.table.classes(start).has(Class::PhraseStart) {
        return run_kind(ctx, start, end);
    }
    let known = ctx.word_kinds.of(ctx.table, start);
    if let Some(kind) = word_kind::decode(known.get()) {
        return kind;
    }
    let kind = run_kind(ctx, start, end);
    let lists = ctx.lists;
    let placed = ctx.bare_is(start, Class::Document, |w| lists.documents.contains(w))
        && lists.first_names.contains_key(ctx.word(start));
    if !placed {
        known.set(word_kind::encode(kind));
    }
    kind
}

/// What the run of capitalised words `start..end` names, worked out.
fn run_kind(ctx: &Context, start: usize, end: usize) -> Option<ActorKind> {
    let lists = ctx.lists;
    let name = ctx.phrase(start, end - 1);
    // The table rules out most names without a lookup.
    let may_be_known = if end - start == 1 {
        ctx.is_possessive(start) || ctx.table.classes(start).has(Class::KnownName)
    } else {
        ctx.table.classes(start).has(Class::PhraseStart)
    };
    if may_be_known && lists.institutions.contains(name) {
        return Some(ActorKind::Organization);
    }
    if may_be_known && lists.places.contains_key(name) {
        return Some(ActorKind::Place);
    }
    let last = end - 1;
    if ctx.bare_is(last, Class::OrgWord, |w| lists.org_words.contains(w)) {
        return Some(ActorKind::Organization);
    }
    // "Wren Street", "Tessel River": a place, never a person.
    if end - start > 1 && ctx.bare_is(last, Class::PlaceWord, |w| lists.place_words.contains(w)) {
        return Some(ActorKind::Place);
    }
    if (start..end).any(|j| ctx.table.classes(j).has(Class::OrgConnector)) {
        return Some(ActorKind::Organization);
    }
    // "New York Republicans": people of a place, a group (groups.rs).
    if ctx.bare_is(last, Class::People, |w| lists.people.contains_key(w)) {
        return None;
    }
    if (start..end).all(|j| is_demonym(ctx, j) || is_demonym_part(ctx, j)) {
        return None;
    }
    if end - start == 1 {
        let word = ctx.word(start);
        if is_party_tag(word) {
            return None;
        }
        // "Bill said": a first name inside a sentence is no document.
        let document = ctx.bare_is(start, Class::Document, |w| lists.documents.contains(w))
            && (!lists.first_names.contains_key(word) || opens_sentence(ctx, start));
        if ctx.bare_is(start, Class::People, |w| lists.people.contains_key(w))
            || ctx.bare_is(start, Class::TitleModifier, |w| {
                lists.title_modifiers.contains(w)
            })
            || ctx.bare_is(start, Class::Collective, |w| {
                lists.collectives.contains_key(w)
            })
            || document
            || ctx.bare_is(start, Class::FunctionWord, |w| {
                lists.function_words.contains(w)
            })
        {
            return None;
        }
        let letters = word.trim_end_matches('.');
        if letters.len() >= 2
            && letters
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '&')
        {
            return Some(ActorKind::Organization);
        }
    }
    if is_demonym(ctx, start) {
        // "Norwegian Constitution": a thing of a country, not a person.
        return None;
    }
    Some(ActorKind::Person)
}

/// Whether token `i` opens a sentence or a quotation (a mark right
/// before it, not one closing a quotation before a space).
fn opens_sentence(ctx: &Context, i: usize) -> bool {
    let touches = |p: usize| ctx.table.span(p).end == ctx.tokens[i].start();
    i == 0
        || [".", "!", "?", ":"].iter().any(|p| ctx.is_punct(i - 1, p))
        || matches!(ctx.tokens[i - 1].kind, TokenKind::Quote) && touches(i - 1)
}

/// "Norwegian": a demonym of one word, as written.
fn is_demonym(ctx: &Context, j: usize) -> bool {
    ctx.table.classes(j).has(Class::DemonymWord) && ctx.lists.demonyms.contains_key(ctx.word(j))
}

/// "Latin" in "Latin American": part of a multi-word demonym.
fn is_demonym_part(ctx: &Context, j: usize) -> bool {
    let last = (j + 1).min(ctx.len() - 1);
    if last > j && !ctx.table.classes(j).has(Class::PhraseStart) {
        return false;
    }
    ctx.lists.demonyms.contains_key(ctx.phrase(j, last))
}

/// The mention for the name `start..end`, with title and apposition, and
/// the tokens it covers.
fn name_mention(
    ctx: &Context,
    starts: &Starts,
    start: usize,
    end: usize,
    range: &Range<usize>,
    out: &mut Vec<Mention>,
    sentence_first_mention: usize,
) -> Option<(Mention, Range<usize>)> {
    let kind = core_kind(ctx, start, end)?;
    // "Surprisingly," or "Disrupting this …" opening a sentence or quote is no name.
    if kind == ActorKind::Person
        && end == start + 1
        && is_opener(ctx, start, range)
        && ["ly", "ing", "ed"]
            .iter()
            .any(|s| ctx.low(start).ends_with(s))
    {
        return None;
    }
    // "CHAPTER I. HOW IT BEGAN": a heading in capitals, no acronym.
    let heading = kind != ActorKind::Place
        && is_all_caps(ctx, start)
        && (ctx.word(start).len() > 5
            || is_all_caps(ctx, end)
            || start > 0 && is_all_caps(ctx, start - 1));
    if heading {
        return None;
    }
    let name = ctx.phrase(start, end - 1);
    let mut first = start;
    let mut role = None;
    if kind == ActorKind::Person {
        let (title_start, has_title) = title_prefix(ctx, starts, start, range.start);
        first = title_start;
        // "Dr. Ana Pell": a form of address alone is no role (an
        // apposition after the name may give one).
        let address_only = (first..start).all(|k| {
            ctx.tokens[k].kind != TokenKind::Word || wordlists::get().address_forms.has(ctx.word(k))
        });
        if has_title && !address_only {
            role = Some(ctx.phrase(first, start - 1).trim_end().to_string());
        }
        // Names swallowed into the title ("Texas" in "Texas Sen. Ted Cruz") are
        // no mentions of their own, unless an organisation or a possessive
        // (most names have no title: nothing to look at, no call).
        if first < start {
            drop_names_in_title(ctx, first..start, out, sentence_first_mention);
        }
    } else if kind == ActorKind::Place || kind == ActorKind::Organization {
        // "the United States", "the FBI": the article belongs to the mention.
        if start > range.start && ctx.low(start - 1) == "the" {
            first = start - 1;
        }
    }
    let mut span = Span::new(ctx.tokens[first].start(), ctx.bare_span(end - 1).end);
    let mut last = end;
    if !ctx.is_possessive(end - 1) && matches!(kind, ActorKind::Person | ActorKind::Organization) {
        let (reach, apposition) = extension(ctx, end, range.end, kind);
        if reach.end > span.end {
            span.end = reach.end;
            last = reach.tokens_end;
        }
        if role.is_none() {
            role = apposition;
        }
    }
    Some((mention(span, name, kind, role), first..last))
}

/// Drops the mentions lying inside the titles `title` (tokens) before a
/// name, but an organisation's of several words or a possessive.
fn drop_names_in_title(
    ctx: &Context,
    title: Range<usize>,
    out: &mut Vec<Mention>,
    sentence_first_mention: usize,
) {
    let from = ctx.tokens[title.start].start();
    let to = ctx.tokens[title.end].start();
    let text = ctx.text;
    // Only mentions found from the title on can lie inside it: at most
    // one per token, the last ones found (a bounded look-back).
    let found_in_title = out.len().saturating_sub(title.len());
    retain_from(out, sentence_first_mention.max(found_in_title), |m| {
        !(from <= m.span.start && m.span.end <= to)
            || (m.kind == ActorKind::Organization && m.name.contains(' '))
            || text[m.span.end..].starts_with(['’', '\''])
    });
}

/// How far an extension after a name reaches: a byte offset, and one past
/// its last token (known where the offset is found: no search for it).
#[derive(Default)]
struct Reach {
    end: usize,
    tokens_end: usize,
}

impl Reach {
    /// To the end of token `last`, or of its bare form (`bare`).
    fn through(ctx: &Context, last: usize, bare: bool) -> Self {
        let span = if bare {
            ctx.bare_span(last)
        } else {
            ctx.table.span(last)
        };
        Reach {
            end: span.end,
            tokens_end: last + 1,
        }
    }
}

/// How many tokens the titles before a name may take: the longest real ones
/// ("Former Deputy Assistant Secretary of State for Western Hemisphere
/// Affairs") take about ten; a run of title words without end is no title.
const TITLE_TOKENS: usize = 16;

/// Where the titles before a name start ("Danish Minister Lene
/// Holm"), and whether there was a title at all (`floor` is in the
/// sentence `starts` marks).
fn title_prefix(ctx: &Context, starts: &Starts, start: usize, floor: usize) -> (usize, bool) {
    let floor = floor.max(start.saturating_sub(TITLE_TOKENS));
    let mut first = start;
    let mut has_title = false;
    let mut j = start;
    while j > floor {
        let k = j - 1;
        if let Some(t) = title_ending_at(ctx, starts, k, floor) {
            first = t;
            has_title = true;
            j = t;
        } else if ctx.is_possessive(k) && ctx.is_cap(k) && (has_title || k + 1 == start) {
            // "Clinton’s top foreign policy aide Jake Sullivan", "Fox's Chris Wallace".
            first = k;
            break;
        } else if has_title
            && (ctx.table.is(k, Class::TitleModifier)
                || ctx.is_cap(k) && !ctx.table.is(k, Class::FunctionWord))
        {
            first = k;
            j = k;
        } else if has_title && k > floor && ctx.low(k) == "the" && ctx.low(k - 1) == "of" {
            // "Speaker of the House Rep. Paul Ryan"
            match (k >= floor + 2)
                .then(|| title_ending_at(ctx, starts, k - 2, floor))
                .flatten()
            {
                Some(t) => {
                    first = t;
                    j = t;
                }
                None => break,
            }
        } else {
            break;
        }
    }
    (first, has_title)
}

/// The start of the longest title that ends at token `last`, if any, from
/// `floor` on (in the sentence `starts` marks). Inlined: asked of the
/// word before most names, whose marks most often answer.
#[inline]
fn title_ending_at(ctx: &Context, starts: &Starts, last: usize, floor: usize) -> Option<usize> {
    // Titles of up to four tokens, the longest (the earliest start) first.
    let earliest = (last + 1).saturating_sub(4).max(floor);
    (earliest..=last)
        // The marks first: most words before a name start no title.
        .filter(|&i| starts.at(i, Starts::TITLE))
        .find(|&i| ctx.is_title(i, last + 1 - i, last + 1))
}

/// How far an apposition, a parenthesis or "of <organisation>" after a name
/// reaches, and the role an apposition gives.
fn extension(ctx: &Context, mut k: usize, end: usize, kind: ActorKind) -> (Reach, Option<String>) {
    let mut reach = Reach::default();
    let mut role = None;
    // "(R-WI)", "(D)"
    if ctx.is_punct(k, "(")
        && let Some(close) = (k + 1..end.min(k + 8)).find(|&j| ctx.is_punct(j, ")"))
    {
        reach = Reach::through(ctx, close, false);
        k = close + 1;
    }
    while ctx.is_punct(k, ",") && k + 1 < end {
        let next = k + 1;
        let after = next + 1;
        let closes = |j: usize| j >= end || ctx.is_punct(j, ",") || ctx.is_punct(j, ".");
        if ctx.tokens[next].kind == TokenKind::Number && closes(after) {
            // "Khizr Khan, 66,"
            reach = Reach::through(ctx, next, false);
            k = after;
        } else if is_party_tag(ctx.word(next)) {
            // "Rep. Glenn Thompson, R-Pa.,"
            let last = if ctx.is_punct(after, ".") {
                after
            } else {
                next
            };
            reach = Reach::through(ctx, last, false);
            k = last + 1;
        } else if let Some((last, text)) = apposition(ctx, next, end) {
            reach = Reach::through(ctx, last, false);
            role = Some(text.to_string());
            break;
        } else {
            break;
        }
    }
    if kind == ActorKind::Person && reach.end == 0 {
        // "Ingrid Sollen of the Coastal Rowing Club"; `k` may be past the
        // sentence (and the last token) when the name ends it.
        if k < end && ctx.low(k) == "of" {
            let mut j = k + 1;
            if j < end && ctx.low(j) == "the" {
                j += 1;
            }
            if j < end && ctx.is_cap(j) {
                let core = core_end(ctx, j, end);
                if matches!(
                    core_kind(ctx, j, core),
                    Some(ActorKind::Organization | ActorKind::Place)
                ) {
                    reach = Reach::through(ctx, core - 1, true);
                }
            }
        }
    }
    (reach, role)
}

/// "R-Pa", "D-Ill", "I-Vt": a party and a state.
fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// An apposition starting at `start` ("a doctor", "the president's former
/// chief speechwriter", "executive director of the Foundation …"): its last
/// token and its text without the article, up to the next comma.
fn apposition<'a>(ctx: &Context<'a>, start: usize, end: usize) -> Option<(usize, &'a str)> {
    let article = matches!(ctx.low(start), "a" | "an" | "the");
    let opens =
        article || ctx.starts_title(start, end) || ctx.table.is(start, Class::TitleModifier);
    if !opens {
        return None;
    }
    let limit = end.min(start + 30);
    let mut last = start;
    let mut j = start;
    while j < limit {
        let t = ctx.tokens[j];
        if ctx.is_punct(j, ",") || t.kind == TokenKind::Quote || ctx.is_punct(j, ";") {
            break;
        }
        if ctx.is_punct(j, ".") && j + 1 == end {
            break;
        }
        // A clause is no apposition: "…, a move he said was …".
        // ("State" in "Ohio State University" is a name's word, not the verb.)
        let verb_like = ctx.table.is(j, Class::NonModifier) && !ctx.is_cap(j);
        if is_pronoun(ctx.word(j)) || verb_like && j > start + 1 {
            return None;
        }
        last = j;
        j += 1;
    }
    if j == limit && j < end && !ctx.is_punct(j, ",") {
        return None;
    }
    let from = if article { start + 1 } else { start };
    if from > last {
        return None;
    }
    let text = Span::new(ctx.tokens[from].start(), ctx.table.span(last).end).of(ctx.text);
    Some((last, text))
}

#[cfg(test)]
mod tests {
    use crate::analysis::ActorKind;
    use crate::analysis::mentions::tests::{find_span, mentions_of};

    #[test]
    fn a_title_widens_the_mention_but_not_the_name() {
        let text = "Secretary of State Petra Hale, during a short trip to Norway, praised the ferry timetable.";
        let m = mentions_of(text);
        let hale = find_span(&m, text, "Secretary of State Petra Hale").expect("Hale");
        assert_eq!(hale.name(), "Petra Hale");
        assert_eq!(hale.role.as_deref(), Some("Secretary of State"));
        assert_eq!(hale.kind, ActorKind::Person);
        assert_eq!(
            find_span(&m, text, "Norway").map(|m| m.kind),
            Some(ActorKind::Place)
        );
    }

    #[test]
    fn a_demonym_before_the_title_belongs_to_the_role() {
        let text = "Danish Minister Lene Holm has kept a firm position.";
        let m = mentions_of(text);
        let s = find_span(&m, text, "Danish Minister Lene Holm").expect("Holm");
        assert_eq!(s.name(), "Lene Holm");
        assert_eq!(s.role.as_deref(), Some("Danish Minister"));
    }

    #[test]
    fn of_an_organisation_widens_a_person_and_the_organisation_is_a_mention_too() {
        let text = "Ingrid Sollen of the Coastal Rowing Club observed that even when Harwick wins, it is not enough.";
        let m = mentions_of(text);
        let sollen =
            find_span(&m, text, "Ingrid Sollen of the Coastal Rowing Club").expect("Sollen");
        assert_eq!(sollen.name(), "Ingrid Sollen");
        let club = find_span(&m, text, "the Coastal Rowing Club").expect("club");
        assert_eq!(club.kind, ActorKind::Organization);
        assert_eq!(club.name(), "Coastal Rowing Club");
    }

    #[test]
    fn an_apposition_gives_the_role() {
        let text = "Hugh Hill, a doctor, said the clinic was full.";
        let m = mentions_of(text);
        let hill = find_span(&m, text, "Hugh Hill, a doctor").expect("Hill");
        assert_eq!(hill.role.as_deref(), Some("doctor"));
    }

    #[test]
    fn a_possessive_and_title_words_lead_into_the_name() {
        let text = "Clinton’s top foreign policy aide Jake Sullivan said the deal held.";
        let m = mentions_of(text);
        let jake = find_span(&m, text, "Clinton’s top foreign policy aide Jake Sullivan")
            .expect("Sullivan");
        assert_eq!(jake.name(), "Jake Sullivan");
        assert!(find_span(&m, text, "Clinton").is_some(), "{m:?}");
    }

    #[test]
    fn streets_rivers_and_schools_are_no_people() {
        let text =
            "Floods reached Wren Street from the Tessel River, and Tessel Elementary closed.";
        let m = mentions_of(text);
        let kind = |s: &str| find_span(&m, text, s).map(|m| m.kind);
        assert_eq!(kind("Wren Street"), Some(ActorKind::Place), "{m:?}");
        assert_eq!(kind("the Tessel River"), Some(ActorKind::Place), "{m:?}");
        assert_eq!(
            kind("Tessel Elementary"),
            Some(ActorKind::Organization),
            "{m:?}"
        );
    }

    #[test]
    fn a_councilmember_title_is_the_role_not_the_name() {
        let text = "Councilmember Jane Roe proposed the plan.";
        let m = mentions_of(text);
        let roe = find_span(&m, text, "Councilmember Jane Roe").expect("Roe");
        assert_eq!(roe.name(), "Jane Roe");
        assert_eq!(roe.role.as_deref(), Some("Councilmember"));
    }

    #[test]
    fn a_form_of_address_is_no_role_and_an_apposition_gives_one() {
        let text = "Dr. Ana Pell, a hydrologist at Lund State University, said the wall would hold. Dr. Ivo Marsh agreed.";
        let m = mentions_of(text);
        let pell = find_span(
            &m,
            text,
            "Dr. Ana Pell, a hydrologist at Lund State University",
        )
        .expect("Pell with her apposition");
        assert_eq!(&*pell.name, "Ana Pell");
        assert_eq!(
            pell.role.as_deref(),
            Some("hydrologist at Lund State University")
        );
        let marsh = find_span(&m, text, "Dr. Ivo Marsh").expect("Marsh");
        assert_eq!(&*marsh.name, "Ivo Marsh");
        assert_eq!(marsh.role, None);
    }

    #[test]
    fn a_run_of_title_words_without_end_is_no_role() {
        let titles = "Deputy Minister ".repeat(40);
        let text = format!("{titles}Ines Calloway opened the lock.");
        let m = mentions_of(&text);
        let calloway = m.iter().find(|m| m.name() == "Ines Calloway");
        let role = calloway.and_then(|m| m.role()).expect("a role");
        assert!(role.split(' ').count() <= super::TITLE_TOKENS, "{role}");
        assert!(role.ends_with("Deputy Minister"), "{role}");
    }

    #[test]
    fn honorifics_and_abbreviated_titles() {
        let text = "Sen. Bernie Sanders met Mr. Smith at the FBI.";
        let m = mentions_of(text);
        assert_eq!(
            find_span(&m, text, "Sen. Bernie Sanders").map(|m| m.name()),
            Some("Bernie Sanders")
        );
        assert_eq!(
            find_span(&m, text, "Mr. Smith").and_then(|m| m.role.as_deref()),
            Some("Mr.")
        );
        assert_eq!(
            find_span(&m, text, "the FBI").map(|m| m.kind),
            Some(ActorKind::Organization)
        );
    }

    #[test]
    fn initials_stay_inside_the_name_and_party_tags_are_no_names() {
        let text = "“It will be close,” Gallup’s Jeffrey M. Jones wrote, and Rep. Glenn Thompson, R-Pa., agreed.";
        let m = mentions_of(text);
        let jones = find_span(&m, text, "Gallup’s Jeffrey M. Jones").expect("Jones");
        assert_eq!(jones.name(), "Jeffrey M. Jones");
        assert!(
            find_span(&m, text, "Rep. Glenn Thompson, R-Pa.").is_some(),
            "{m:?}"
        );
        assert!(find_span(&m, text, "R-Pa").is_none());
    }

    #[test]
    fn titles_from_the_config_lead_into_names() {
        use crate::analysis::{Lexicon, Options, TokenTable, mentions, quotes, segment};
        let text = "The report was welcomed by Ombudsman Jane Doe on Monday.";
        let lexicon = Lexicon::new(&Options {
            titles: vec!["Ombudsman".into()],
            ..Options::default()
        });
        let table = TokenTable::new(text, &lexicon);
        let sentences = segment::sentences(&table);
        let quotations = quotes::find(&table);
        let m = mentions::find(&table, &sentences, &quotations, &lexicon);
        let doe = find_span(&m, text, "Ombudsman Jane Doe").expect("a titled name");
        assert_eq!(doe.role.as_deref(), Some("Ombudsman"));
        assert_eq!(doe.name(), "Jane Doe");
    }

    #[test]
    fn sentence_openers_are_no_names() {
        let text = "Despite these forecasts, teachers warn. Meanwhile, despite it all, meanwhile.";
        let m = mentions_of(text);
        assert!(find_span(&m, text, "Despite").is_none());
        assert!(find_span(&m, text, "Meanwhile").is_none());
    }

    #[test]
    fn ordinary_words_opening_a_sentence_or_quote_are_no_names() {
        let text = "\"Rubbish!\" cried the miller. Nevertheless, Olwen stayed. \
                    Patience wore thin; patience was all he had.";
        let m = mentions_of(text);
        for word in ["Rubbish", "Nevertheless", "Patience"] {
            assert!(find_span(&m, text, word).is_none(), "{word}: {m:?}");
        }
        assert!(find_span(&m, text, "Olwen").is_some(), "{m:?}");
    }

    #[test]
    fn an_ordinary_word_capitalised_inside_a_sentence_is_a_name_as_an_opener_too() {
        let text = "Patience smiled. Then they asked Patience; patience was rare.";
        let m = mentions_of(text);
        let names = m.iter().filter(|m| m.name() == "Patience").count();
        assert_eq!(names, 2, "{m:?}");
    }

    #[test]
    fn places_and_organisations_by_their_last_word() {
        let text = "Oslo has long wanted it, and the Tarija Rowing Club grew in the United States.";
        let m = mentions_of(text);
        assert_eq!(
            find_span(&m, text, "Oslo").map(|m| m.kind),
            Some(ActorKind::Place)
        );
        assert_eq!(
            find_span(&m, text, "the Tarija Rowing Club").map(|m| m.kind),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            find_span(&m, text, "the United States").map(|m| m.kind),
            Some(ActorKind::Place)
        );
    }

    #[test]
    fn a_capitalised_verb_of_a_headline_ends_the_name_before_it() {
        let text = "Ona Brel Says Taxes Will Rise.\n\nShe spoke.";
        let m = mentions_of(text);
        assert!(m.iter().any(|m| m.span.of(text) == "Ona Brel"), "{m:?}");
    }

    #[test]
    fn a_first_name_inside_a_sentence_is_a_person_even_if_a_document_noun() {
        let text = "\"We leave at noon,\" Bill said. Bill passed the Senate.";
        let m = mentions_of(text);
        let bills: Vec<_> = m.iter().filter(|m| m.name() == "Bill").collect();
        assert_eq!(bills.len(), 1, "{m:?}");
        assert_eq!(bills[0].kind, ActorKind::Person);
    }
}
