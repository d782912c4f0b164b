//! Finding things: the incremental text search (folding case, and straight
//! and curly quotes and apostrophes alike, so `it's` finds "It’s") and the
//! fuzzy match of actor names.

use crate::span::Span;

/// The article folded once for searching: lower case, curly quotes made
/// straight, with the byte offset in the article of each folded byte.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    text: String,
    /// For each byte of `text`, where its character starts in the article.
    origin: Vec<u32>,
    /// For each byte of `text`, where its character ends in the article.
    origin_end: Vec<u32>,
}

impl Folded {
    pub fn new(article: &str) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(article.len()),
            origin: Vec::with_capacity(article.len()),
            origin_end: Vec::with_capacity(article.len()),
        };
        let mut buf = [0u8; 4];
        for (at, c) in article.char_indices() {
            let end = (at + c.len_utf8()) as u32;
            let mut push = |f: char| {
                folded.text.push_str(f.encode_utf8(&mut buf));
                for _ in 0..f.len_utf8() {
                    folded.origin.push(at as u32);
                    folded.origin_end.push(end);
                }
            };
            match fold_quote(c) {
                Some(q) => push(q),
                None => c.to_lowercase().for_each(&mut push),
            }
        }
        folded
    }

    /// The article's span of the folded bytes `start..end` (end > start).
    fn article_span(&self, start: usize, end: usize) -> Span {
        Span::new(
            self.origin[start] as usize,
            self.origin_end[end - 1] as usize,
        )
    }
}

/// The straight quote a curly quote, prime or apostrophe searches as.
fn fold_quote(c: char) -> Option<char> {
    match c {
        '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => Some('\''),
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' => Some('"'),
        _ => None,
    }
}

/// A query folded as [`Folded`] folds the article.
fn fold_query(query: &str) -> String {
    query
        .chars()
        .flat_map(|c| match fold_quote(c) {
            Some(q) => vec![q],
            None => c.to_lowercase().collect(),
        })
        .collect()
}

/// An active text search and its matches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub query: String,
    /// Byte spans in the article, in text order.
    pub matches: Vec<Span>,
    /// Index into `matches` of the one the cursor is on.
    pub current: Option<usize>,
}

impl Search {
    /// Every match of `query` in the folded article.
    pub fn new(query: &str, folded: &Folded) -> Search {
        let mut matches = Vec::new();
        let needle = fold_query(query);
        if !needle.is_empty() {
            let mut from = 0;
            while let Some(i) = folded.text[from..].find(&needle) {
                let start = from + i;
                let end = start + needle.len();
                matches.push(folded.article_span(start, end));
                from = end;
            }
        }
        Search {
            query: query.to_string(),
            matches,
            current: None,
        }
    }

    /// The first match at or after `offset`, wrapping to the first.
    pub fn at_or_after(&self, offset: usize) -> Option<usize> {
        if self.matches.is_empty() {
            return None;
        }
        let i = self.matches.partition_point(|m| m.start < offset);
        Some(if i == self.matches.len() { 0 } else { i })
    }

    /// The match `n` takes from the cursor at `offset`: the next one after
    /// it (or before it, going back), wrapping around the ends.
    pub fn next_from(&self, offset: usize, forward: bool) -> Option<usize> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        Some(if forward {
            let i = self.matches.partition_point(|m| m.start <= offset);
            if i == n { 0 } else { i }
        } else {
            let i = self.matches.partition_point(|m| m.start < offset);
            if i == 0 { n - 1 } else { i - 1 }
        })
    }

    /// "3/12", or "no match".
    pub fn count(&self) -> String {
        match (self.current, self.matches.len()) {
            (_, 0) => "no match".to_string(),
            (Some(i), n) => format!("{}/{n}", i + 1),
            (None, n) => format!("{n} matches"),
        }
    }
}

/// Whether the letters of `query` appear in order in `candidate`, ignoring case.
pub fn fuzzy_matches(query: &str, candidate: &str) -> bool {
    let mut letters = candidate.chars().flat_map(char::to_lowercase);
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .all(|q| letters.any(|c| c == q))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
        let search = Search::new(query, &Folded::new(text));
        search.matches.iter().map(|m| m.of(text)).collect()
    }

    #[test]
    fn search_folds_case_and_quotes() {
        assert_eq!(
            found("ferry", "Ferry, ferrys and FERRY."),
            ["Ferry", "ferry", "FERRY"]
        );
        assert_eq!(found("it's", "It’s late; it's early."), ["It’s", "it's"]);
        assert_eq!(found("“no”", "say \"No\" now"), ["\"No\""]);
        assert_eq!(found("élise", "ÉLISE and Élise"), ["ÉLISE", "Élise"]);
        assert!(found("", "anything").is_empty());
    }

    #[test]
    fn stepping_wraps_around_the_end() {
        let text = "a b a b a";
        let search = Search::new("a", &Folded::new(text));
        assert_eq!(search.at_or_after(3), Some(1));
        assert_eq!(search.at_or_after(9), Some(0));
        assert_eq!(search.next_from(4, true), Some(2));
        assert_eq!(search.next_from(4, false), Some(0));
        assert_eq!(search.next_from(8, true), Some(0));
        assert_eq!(search.next_from(0, false), Some(2));
    }

    #[test]
    fn fuzzy_matching_takes_letters_in_order() {
        assert!(fuzzy_matches("okf", "Maria Okafor"));
        assert!(fuzzy_matches("", "anyone"));
        assert!(!fuzzy_matches("ro", "Okafor X"));
    }
}
