//! Hedges ("reportedly", "might") inside claims, and figures ("31 percent").
//!
//! Both walk tokens against the lists in `assets/lexicon/` (`hedges.txt`,
//! `figure_words.tsv`). A figure is a number with what it counts:
//!
//! - an opener that qualifies it: "over 60 percent", "a nearly …", "$4.5 billion";
//! - a scale and a unit: "4.5 billion", "31 percent", "3 percentage points";
//! - or, without a unit, the noun it counts with its hyphenated modifiers:
//!   "55 high-level coaches", "a nearly billion-dollar stadium project"
//!   (two nouns at most, stopping before a verb form in -ed/-ing);
//! - count words stand for numbers: "thousands of club members".
//!
//! Years ("in 2016") and numbers in dates ("Nov. 8") are no figures.

use std::cell::Cell;

use super::segment::TokenKind;
use super::tokens::{Class, TokenMark, TokenTable};
use super::wordlists::{self, FigureRole, Wordlists, same_bytes};
use crate::span::Span;

/// The hedges inside `within`.
pub fn hedges(table: &TokenTable, within: Span) -> Vec<Span> {
    let (text, tokens) = (table.text, &table.tokens);
    let lists = wordlists::get();
    let first = table.token_at(within.start);
    let last = table.token_at(within.end);
    let mut out = Vec::new();
    let mut after_hedge = first;
    for i in table.marked(TokenMark::Hedge, first..last) {
        if i < after_hedge {
            continue;
        }
        let found = table
            .classes(i)
            .has(Class::HedgeStart)
            .then(|| lists.hedges.get(table.low(i)))
            .flatten()
            .into_iter()
            .flatten()
            .filter(|phrase| matches_words(table, i, last, phrase))
            .map(Vec::len)
            .max();
        match found {
            // "May" the month is no hedge; the modal is written in lower case.
            Some(len) if !(len == 1 && text[tokens[i].start()..].starts_with('M')) => {
                out.push(table.span(i).cover(table.span(i + len - 1)));
                after_hedge = i + len;
            }
            _ => {}
        }
    }
    out
}

/// Whether the words starting at token `i` (before `end`) are `phrase`
/// (lower case), case aside, when token `i` is its first word (the lists
/// are keyed by it): only the words after it are compared, in line.
fn matches_words(table: &TokenTable, i: usize, end: usize, phrase: &[&str]) -> bool {
    i + phrase.len() <= end
        && phrase
            .iter()
            .enumerate()
            .skip(1)
            .all(|(k, w)| same_bytes(table.low(i + k).as_bytes(), w.as_bytes()))
}

/// Every figure in the text, in order.
pub fn figures(table: &TokenTable) -> Vec<Span> {
    let tokens = &table.tokens;
    let roles = &Roles::new(table);
    let mut out = Vec::new();
    let mut after_figure = 0;
    // Only numbers, hyphenated words and figure words can start a figure:
    // the others are passed over by the bits that mark these.
    for i in table.marked(TokenMark::Figure, 0..tokens.len()) {
        if i < after_figure {
            continue;
        }
        let role = role_at(table, roles, i);
        let is_number = tokens[i].kind == TokenKind::Number
            || table.is_hyphenated(i) && is_number_compound(table.low(i));
        if !(is_number || matches!(role, Some((FigureRole::Count, _)))) {
            continue;
        }
        if is_number && is_date_or_year(table, i, roles) {
            continue;
        }
        let start = opener_start(table, roles, i);
        let (end, next) = figure_end(table, roles, i);
        out.push(Span::new(tokens[start].start(), table.span(end).end));
        after_figure = next;
    }
    out
}

/// The figure lists, and what each written form of the text is in them,
/// looked up at its first token and kept for the others (a figure word is
/// asked for again and again: as a figure's start, end and neighbour).
struct Roles {
    lists: &'static Wordlists,
    by_form: Vec<Cell<Option<FormRole>>>,
}

/// What a written form is in the figure lists.
#[derive(Clone, Copy)]
struct FormRole {
    /// Its role as a figure word by itself.
    word: Option<FigureRole>,
    /// The figure phrases it starts (none for most).
    phrases: &'static [(Vec<&'static str>, FigureRole)],
}

impl Roles {
    fn new(table: &TokenTable) -> Self {
        Roles {
            lists: wordlists::get(),
            by_form: vec![Cell::new(None); table.form_count()],
        }
    }

    /// What token `i`'s written form is in the figure lists.
    fn of_form(&self, table: &TokenTable, i: usize) -> FormRole {
        let known = &self.by_form[table.form_of(i)];
        known.get().unwrap_or_else(|| {
            let word = table.low(i);
            let role = FormRole {
                word: self.lists.figure_words.get(word).copied(),
                phrases: self
                    .lists
                    .figure_phrases
                    .get(word)
                    .map_or(&[], Vec::as_slice),
            };
            known.set(Some(role));
            role
        })
    }
}

/// The role of the (possibly multi-word) figure word at `i`, with its length.
#[inline]
fn role_at(table: &TokenTable, roles: &Roles, i: usize) -> Option<(FigureRole, usize)> {
    // Asked of every token: most are no figure word, as the table says.
    if !table.classes(i).has(Class::FigureStart) {
        return None;
    }
    let form = roles.of_form(table, i);
    let phrase = form
        .phrases
        .iter()
        .filter(|(p, _)| matches_words(table, i, table.len(), p))
        .max_by_key(|(p, _)| p.len())
        .map(|(p, role)| (*role, p.len()));
    phrase.or_else(|| form.word.map(|role| (role, 1)))
}

/// "trillion-dollar", "million-strong": a scale word joined to a noun,
/// `lower` in lower case (the table's form: no string lowercased per word).
fn is_number_compound(lower: &str) -> bool {
    let lists = wordlists::get();
    lower
        .split_once('-')
        .is_some_and(|(scale, _)| lists.figure_words.get(scale) == Some(&FigureRole::Scale))
}

/// A year ("in 2016") or a day of a month ("Nov. 8", "8 November").
fn is_date_or_year(table: &TokenTable, i: usize, roles: &Roles) -> bool {
    let tokens = &table.tokens;
    let word = table.word(i);
    let next_is_unit = i + 1 < tokens.len() && role_at(table, roles, i + 1).is_some();
    if next_is_unit {
        return false;
    }
    let year = word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"));
    let is_month = |j: usize| {
        let w = table.low(j).trim_end_matches('.');
        roles
            .lists
            .months
            .iter()
            .any(|m| w == *m || (w.len() >= 3 && m.starts_with(w)))
    };
    year || (i > 0 && is_month(i - 1)) || (i + 1 < tokens.len() && is_month(i + 1))
}

/// Where the figure whose number is at `i` starts: "$", "over", "a nearly".
fn opener_start(table: &TokenTable, roles: &Roles, i: usize) -> usize {
    let mut start = i;
    for _ in 0..3 {
        if start == 0 {
            break;
        }
        let found = (1..=2.min(start)).rev().find_map(|len| {
            let j = start - len;
            match role_at(table, roles, j) {
                Some((FigureRole::Approx | FigureRole::Currency, l)) if l == len => Some(j),
                _ => None,
            }
        });
        match found {
            Some(j) => start = j,
            None => break,
        }
    }
    start
}

/// The last token of the figure whose number is at `i`, and where to go on.
fn figure_end(table: &TokenTable, roles: &Roles, i: usize) -> (usize, usize) {
    let tokens = &table.tokens;
    let mut j = match role_at(table, roles, i) {
        Some((FigureRole::Count, len)) => i + len,
        _ => i + 1,
    };
    let mut last = j - 1;
    // "4.5 billion", "31 percent"
    let mut has_unit = false;
    while j < tokens.len() {
        match role_at(table, roles, j) {
            Some((FigureRole::Scale, len)) => {
                last = j + len - 1;
                j += len;
            }
            Some((FigureRole::Unit, len)) => {
                last = j + len - 1;
                j += len;
                has_unit = true;
                break;
            }
            _ => break,
        }
    }
    // "of club members" after a count or a unit ("60 percent of voters")
    let counted_by_of = j + 1 < tokens.len() && table.word(j) == "of";
    if counted_by_of
        && (has_unit || matches!(role_at(table, roles, i), Some((FigureRole::Count, _))))
    {
        j += 1;
    } else if has_unit {
        return (last, j);
    }
    // the noun it counts: hyphenated modifiers, then one or two nouns
    let mut nouns = 0;
    while j < tokens.len() && nouns < 2 {
        let t = tokens[j];
        let word = table.word(j);
        let lower = table.low(j);
        if t.kind != TokenKind::Word || table.is_cap(j) && nouns == 0 && !counted_by_of {
            break;
        }
        let classes = table.classes(j);
        let stop = classes.has(Class::FunctionWord)
            || classes.has(Class::NonModifier)
            || lower.ends_with("ly")
            || (nouns > 0 || !word.contains('-'))
                && (lower.ends_with("ed") || lower.ends_with("ing"));
        if stop {
            break;
        }
        if !word.contains('-') || nouns > 0 {
            nouns += 1;
        }
        last = j;
        j += 1;
    }
    (last, j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lexicon;

    fn figures_of(text: &str) -> Vec<&str> {
        figures(&TokenTable::new(text, Lexicon::builtin()))
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    fn hedges_of(text: &str) -> Vec<&str> {
        let table = TokenTable::new(text, Lexicon::builtin());
        hedges(&table, Span::new(0, text.len()))
            .iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn hedges_are_words_and_phrases_in_any_case() {
        assert_eq!(
            hedges_of("Hotel owners reportedly remain worried and appear to expect rain."),
            vec!["reportedly", "appear to"]
        );
        assert_eq!(
            hedges_of("He is believed to have fled, and Dunmore might be losing patience."),
            vec!["is believed to", "might"]
        );
        assert!(hedges_of("The vote is in May.").is_empty());
    }

    #[test]
    fn figures_keep_their_unit_or_the_noun_they_count() {
        let text = "with thousands of club members registered, 55 high-level coaches transferred to the capital.";
        assert_eq!(
            figures_of(text),
            vec!["thousands of club members", "55 high-level coaches"]
        );
        let text = "though over 60 percent oppose the new parking fees, a surprising 31 percent would welcome";
        assert_eq!(figures_of(text), vec!["over 60 percent", "31 percent"]);
    }

    #[test]
    fn money_and_number_compounds() {
        assert_eq!(
            figures_of("the nearly billion-dollar stadium project between the two cities"),
            vec!["nearly billion-dollar stadium project"]
        );
        assert_eq!(
            figures_of("a deal worth $4.5 billion."),
            vec!["$4.5 billion"]
        );
    }

    #[test]
    fn years_and_dates_are_no_figures() {
        assert!(figures_of("In 2016, on Nov. 8, it rained.").is_empty());
    }
}
