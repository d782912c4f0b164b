//! Finding the source of a claim among the mentions: the subject before a
//! cue ("Schools Minister Petra Hale, during a short trip, lauded"),
//! the name after an inverted cue ("said Emma"), the subject of the main
//! clause for a participle ("…, unequivocally rejecting …").
//!
//! Mentions inside quotations are never sources of the text around them.

use std::sync::OnceLock;

use super::Context;
use super::lists::List;
use crate::analysis::tokens::Class;
use crate::analysis::wordlists::Set;
use crate::analysis::{ActorKind, wordlists};

/// Whether token `i` may stand between a subject and its cue: an
/// auxiliary, a negation, an "-ly" adverb or a few others ("has also
/// said", "is continuing to insist", "firmly state"). Read off the token
/// table's lower-case form and word lists, not the text.
pub(super) fn is_skippable_at(c: &Context, i: usize) -> bool {
    c.is_adverb(i) || c.table.classes(i).has(Class::Skippable)
}

/// How many tokens back an aside's opening dash is looked for.
const DASH_ASIDE: usize = 30;

/// How many "<verb> to" links a subject is looked for across ("has
/// begun to try to rebut").
const CATENATIVE_CHAIN: usize = 2;

/// The verbs that share their subject with a verb after "to"
/// (`assets/lexicon/catenatives.txt`), as base forms.
fn catenatives() -> &'static Set<&'static str> {
    static CATENATIVES: OnceLock<Set<&'static str>> = OnceLock::new();
    CATENATIVES
        .get_or_init(|| wordlists::set(include_str!("../../../assets/lexicon/catenatives.txt")))
}

/// Whether token `i` is a lower-case word that is a form of a catenative
/// verb ("trying", "began" aside: irregular past forms are not recognised).
fn is_catenative(c: &Context, i: usize) -> bool {
    if !c.starts_lower(i) {
        return false;
    }
    let list = catenatives();
    let word = c.table.low(i);
    if word.len() > CATENATIVE_ROOM {
        return false;
    }
    // Suffixed on the stack: this is asked while a subject is searched
    // for, per cue.
    let stems = [
        Some(word),
        word.strip_suffix("ing"),
        word.strip_suffix("ed"),
        word.strip_suffix('d'),
        word.strip_suffix("es"),
        word.strip_suffix('s'),
    ];
    let mut spare = [0u8; CATENATIVE_ROOM + 1];
    let mut with = |stem: &str, last: u8| {
        spare[..stem.len()].copy_from_slice(stem.as_bytes());
        spare[stem.len()] = last;
        std::str::from_utf8(&spare[..=stem.len()]).is_ok_and(|s| list.contains(s))
    };
    stems.into_iter().flatten().any(|stem| {
        list.contains(stem)
            || with(stem, b'e')
            || stem.strip_suffix('i').is_some_and(|s| with(s, b'y'))
    })
}

/// The longest word [`is_catenative`] looks up: longer ones are no verb
/// of its list.
const CATENATIVE_ROOM: usize = 32;

/// Prepositions: a mention right after one is an object, not a subject
/// ("the influence of Danish bakers suggest").
fn is_preposition_at(c: &Context, i: usize) -> bool {
    c.table.classes(i).has(Class::Preposition)
}

/// The longest mention outside quotations starting at token `i`.
pub(super) fn mention_starting_at(c: &Context, i: usize) -> Option<usize> {
    c.mention_starts.at(i)
}

/// A mention starting at token `i`, or after a few lower-case or possessive
/// words that describe it ("retired neurosurgeon Ben Carson", "Gallup’s
/// Jeffrey M. Jones").
pub(super) fn mention_near(c: &Context, i: usize) -> Option<usize> {
    (i..i + 4)
        .take_while(|&k| {
            k == i || {
                c.tokens[k - 1].kind == super::TokenKind::Word
                    && c.quote_of(k - 1).is_none()
                    && (c.starts_lower(k - 1)
                        || c.ends_with(k - 1, "’s")
                        || c.ends_with(k - 1, "'s"))
            }
        })
        .take_while(|&k| k < c.tokens.len())
        .find_map(|k| mention_starting_at(c, k))
}

/// The longest mention outside quotations ending with token `i` and
/// starting at or after byte `lower`.
pub(super) fn mention_ending_with(c: &Context, i: usize, lower: usize) -> Option<usize> {
    // Most tokens end no mention: one bit says so, with no search. Those
    // ending with it come by start: the first from `lower` on is the
    // longest (a search: nested titles can end many at one token).
    let ending = c.mention_ends.at(i);
    let at = ending.partition_point(|&k| c.mentions[k as usize].span.start < lower);
    ending.get(at).map(|&k| k as usize)
}

/// The subject of the cue at token `cue`: a mention ending right before it,
/// auxiliaries and adverbs aside, or before one comma-delimited insertion
/// ("Norwegian inspectors, overseeing the harbour, indicate").
pub(super) fn subject_before(c: &Context, cue: usize, unit_first: usize) -> Option<usize> {
    let mut j = cue;
    let mut catenatives = 0;
    loop {
        // "The crews don't want to …": a negated auxiliary is one token.
        while j > unit_first
            && (is_skippable_at(c, j - 1) || c.in_list(j - 1, List::NegatedAuxiliaries))
        {
            j -= 1;
        }
        // "Ana Vell is trying to show …": the subject of the verb before
        // "to" (skipped with the auxiliaries).
        if catenatives < CATENATIVE_CHAIN
            && j > unit_first
            && j < cue
            && c.is_word(j, "to")
            && is_catenative(c, j - 1)
        {
            j -= 1;
            catenatives += 1;
            continue;
        }
        // "Rep. Ana Vell — like her rival, a former mayor — recalled": an
        // aside between dashes.
        let dashes = wordlists::get().dashes.as_str();
        if j > unit_first && c.is_punct(j - 1, dashes) {
            let open = (unit_first..j - 1)
                .rev()
                .take(DASH_ASIDE)
                .find(|&k| c.is_punct(k, dashes));
            if let Some(open) = open {
                j = open;
                continue;
            }
        }
        // "Rep. Paul Ryan (R-WI) said": a bracketed aside, unless the
        // mention holds it ("Sen. Bernie Sanders (I-Vt.)").
        let lower = c.tokens[unit_first].start();
        let held = || mention_ending_with(c, j - 1, lower).is_some();
        if j > unit_first && c.is_punct(j - 1, ")") && !held() {
            let open = (unit_first..j - 1)
                .rev()
                .take(12)
                .find(|&k| c.is_punct(k, "("));
            if let Some(open) = open {
                j = open;
                continue;
            }
        }
        break;
    }
    if j == unit_first {
        return None;
    }
    let lower = c.tokens[unit_first].start();
    let participle = c.is_ing(cue);
    // "in a joint statement emphasizing …", "from fans seeking to …": a
    // participle right after a mention describes it, a preposition before
    // it or not.
    let adjacent_participle = j == cue && participle;
    let subject = |end_token: usize| {
        mention_ending_with(c, end_token, lower).filter(|&m| {
            let first = c.token_after(c.mentions[m].span.start);
            let is_document = c.mentions[m].kind == ActorKind::Other;
            // "She sent a letter saying …": a document a verb takes as its
            // object speaks for the verb's subject.
            if participle && is_document && is_object(c, first, unit_first) {
                return false;
            }
            // "less credit than aides say he deserves": "than" opens a
            // clause whose subject the mention is.
            let than_clause = !participle && j == cue && first > 0 && c.is_word(first - 1, "than");
            // "Director of Harbor Affairs Ana Vell told": a name after a
            // capitalised title and its "of" holds the title.
            let titled = c.mentions[m].kind == ActorKind::Person
                && first >= unit_first + 2
                && c.is_word(first - 1, "of")
                && c.table.is(first - 2, Class::Title)
                && !c.starts_lower(first - 2);
            adjacent_participle
                || than_clause
                || titled
                || first == unit_first
                || !is_preposition_at(c, first - 1)
        })
    };
    if let Some(m) = subject(j - 1) {
        return Some(m);
    }
    // "restaurant owners on Elm Street warned": a mention after a
    // preposition describes the subject before it.
    let described = mention_ending_with(c, j - 1, lower)
        .map(|m| c.token_after(c.mentions[m].span.start))
        .filter(|&first| first >= unit_first + 2 && is_preposition_at(c, first - 1));
    if let Some(m) = described.and_then(|first| subject(first - 2)) {
        return Some(m);
    }
    // "The report published Tuesday showed": a participle after the subject.
    let participle_modifier = j >= unit_first + 2
        && c.table.low_bytes(j - 1).len() > 4
        && c.ends_in_ed(j - 1)
        && c.starts_lower(j - 1);
    if let Some(m) = participle_modifier.then(|| subject(j - 2)).flatten() {
        return Some(m);
    }
    // "…, calling him …": a participle after a comma belongs to the main
    // clause, not to the noun before the comma.
    if !c.is_punct(j - 1, ",") || j < unit_first + 2 || participle {
        return None;
    }
    // An insertion between commas ("Clinton, during a town hall meeting in
    // Columbus, Ohio, said"), no quotation inside: the subject ends at one
    // of the commas before it.
    let mut k = j - 1;
    while k > unit_first && j - k < 25 {
        k -= 1;
        if c.quote_of(k).is_some() {
            break;
        }
        let found = (c.is_punct(k, ",") && k > unit_first)
            .then(|| subject(k - 1))
            .flatten();
        if found.is_some() {
            return found;
        }
    }
    // "Alabama Sen. Jeff Sessions, a prominent Haines supporter, said": a
    // mention that holds its apposition.
    subject(j - 2)
}

/// Whether the mention starting at token `first` stands right after a
/// verb, as its object: a lower-case word before it that is neither a
/// preposition nor a word that opens a clause or ends a subject.
fn is_object(c: &Context, first: usize, unit_first: usize) -> bool {
    first > unit_first
        && c.tokens[first - 1].kind == super::TokenKind::Word
        && c.starts_lower(first - 1)
        && !is_preposition_at(c, first - 1)
        && !c.table.classes(first - 1).has(Class::NotVerb)
        && !c.in_list(first - 1, List::ClauseOpeners)
}

/// What a relative word at token `relative` stands for ("the levy, which
/// …", "Ida Lund, who …", "the plan that …"): the first token of the
/// mention right before it, a comma aside. `None` for a word that is no
/// relative, or a relative with no mention before it.
pub(super) fn antecedent(c: &Context, relative: usize, unit_first: usize) -> Option<usize> {
    if !c.in_list(relative, List::Relatives) {
        return None;
    }
    let mut end = relative;
    if end > unit_first && c.is_punct(end - 1, ",") {
        end -= 1;
    }
    let lower = c.tokens[unit_first].start();
    let m = mention_ending_with(c, end.checked_sub(1)?, lower)?;
    let first = c.token_after(c.mentions[m].span.start);
    (first >= unit_first && !c.mentions[m].pronoun).then_some(first)
}

/// The subject of the sentence's main clause, for a participle cue
/// ("Voss has kept a firm position, unequivocally rejecting …"): the first
/// mention of the unit that is not the object of a preposition.
pub(super) fn main_subject(c: &Context, unit_first: usize, before: usize) -> Option<usize> {
    let lower = c.tokens[unit_first].start();
    let upper = c.tokens[before].start();
    let from = c.mention_from(lower);
    let mut k = from;
    while k < c.mentions.len() && c.mentions[k].span.start < upper {
        let m = &c.mentions[k];
        let first = c.token_after(m.span.start);
        let subject = first == unit_first || !is_preposition_at(c, first - 1);
        if !m.in_quote && m.span.end <= upper && subject {
            // The longest mention starting here.
            return mention_starting_at(c, first).or(Some(k));
        }
        k += 1;
    }
    None
}

/// How many mentions back a participle's clause subject is looked for.
const CLAUSE_SUBJECT_REACH: usize = 12;

/// The subject of the clause a participle after a comma follows
/// ("prosecutors charged the clerk and Hale fired his deputy,
/// acknowledging …" → Hale; "In the last debate, candidates dodged
/// questions by saying …" → candidates): the last mention before `before`
/// in subject position — a nominative pronoun, or a mention opening a
/// clause (the unit's start, after a comma, dash, bracket or clause opener)
/// with a lower-case word after it that may be its verb. `None` when no
/// mention stands so.
pub(super) fn clause_subject(c: &Context, unit_first: usize, before: usize) -> Option<usize> {
    let lower = c.tokens[unit_first].start();
    let upper = c.tokens[before].start();
    let from = c.mention_from(lower);
    let to = c.mention_from(upper);
    // The last few mentions of the clause, nearest first; a mention inside
    // a longer one starting earlier is part of it ("Governor Ann Blake").
    (from.max(to.saturating_sub(CLAUSE_SUBJECT_REACH))..to)
        .rev()
        .filter(|&k| {
            let m = &c.mentions[k];
            let first = c.token_after(m.span.start);
            let held = c.mentions[from..k]
                .iter()
                .rev()
                .take(4)
                .any(|o| o.span.end >= m.span.end && o.span.start < m.span.start);
            !m.in_quote
                && m.span.end <= upper
                && !held
                && c.quote_of(first).is_none()
                && !is_apposition(c, first, lower)
        })
        .find(|&k| in_subject_position(c, k, unit_first, before))
}

/// Whether the mention starting at token `first` is an apposition: right
/// after a comma that closes another mention, itself no object of a
/// preposition ("Ann Blake, the county clerk who …"; not "on Channel 5,
/// candidates …").
fn is_apposition(c: &Context, first: usize, lower: usize) -> bool {
    if first < 2 || !c.is_punct(first - 1, ",") || c.tokens[first - 2].start() < lower {
        return false;
    }
    mention_ending_with(c, first - 2, lower).is_some_and(|m| {
        let start = c.token_after(c.mentions[m].span.start);
        start == 0 || c.tokens[start - 1].start() < lower || !is_preposition_at(c, start - 1)
    })
}

/// Whether mention `k` stands as the subject of a clause (see
/// `clause_subject`).
fn in_subject_position(c: &Context, k: usize, unit_first: usize, before: usize) -> bool {
    let m = &c.mentions[k];
    if m.pronoun {
        return wordlists::get().nominative_pronouns.has(&m.name);
    }
    let first = c.token_after(m.span.start);
    let opens = first == unit_first
        || c.tokens[first - 1].kind != super::TokenKind::Word
        || c.in_list(first - 1, List::ClauseOpeners);
    let next = c.token_after(m.span.end);
    let verb = next < before
        && c.tokens[next].kind == super::TokenKind::Word
        && c.starts_lower(next)
        && !c.table.classes(next).has(Class::NotVerb);
    opens && verb
}

/// Whether a cue in its base form ("state", "support", also nouns) agrees
/// with its subject as a verb: after an auxiliary or "to" ("did not deny",
/// "to reject"), or with a plural subject ("Norwegian referees firmly
/// state"), never after a singular noun ("South Carolina state Reps").
pub(super) fn agrees_with_base_form(c: &Context, cue: usize, subject: usize) -> bool {
    let mut i = cue;
    while i > 0 && (c.is_adverb(i - 1) || c.table.classes(i - 1).has(Class::Negation)) {
        i -= 1;
    }
    if i > 0 && c.table.classes(i - 1).has(Class::BeforeBaseForm) {
        return true;
    }
    let mention = &c.mentions[subject];
    if mention.pronoun {
        return !super::is_one_of(&mention.name, &["he", "she", "it"]);
    }
    let last = mention.span.of(c.text).rsplit(' ').next().unwrap_or("");
    mention.kind == ActorKind::Group
        || (last.ends_with('s') && !last.ends_with("’s") && !last.ends_with("'s"))
}
