//! Finding things: the incremental text search (smart case: a query with
//! no capitals ignores ASCII case) and the fuzzy match of actor names.

use crate::span::Span;

/// An active text search and its matches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Span>,
    /// Index into `matches` of the one the cursor is on.
    pub current: Option<usize>,
}

impl Search {
    /// Every match of `query` in `text`; `folded` is `text` ASCII-lowercased
    /// (same byte offsets), made once and reused for each keystroke.
    pub fn new(query: &str, text: &str, folded: &str) -> Search {
        let mut matches = Vec::new();
        if !query.is_empty() {
            let (haystack, needle) = if query.chars().any(char::is_uppercase) {
                (text, query.to_string())
            } else {
                (folded, query.to_ascii_lowercase())
            };
            let mut from = 0;
            while let Some(i) = haystack[from..].find(&needle) {
                let start = from + i;
                matches.push(Span::new(start, start + needle.len()));
                from = start + needle.len();
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

    #[test]
    fn lower_case_queries_ignore_case_and_capitals_do_not() {
        let text = "Cartel, cartels and CARTEL.";
        let folded = text.to_ascii_lowercase();
        assert_eq!(Search::new("cartel", text, &folded).matches.len(), 3);
        assert_eq!(Search::new("Cartel", text, &folded).matches.len(), 1);
        assert_eq!(Search::new("", text, &folded).count(), "no match");
    }

    #[test]
    fn stepping_wraps_around_the_end() {
        let text = "a b a b a";
        let search = Search::new("a", text, text);
        assert_eq!(search.at_or_after(3), Some(1));
        assert_eq!(search.at_or_after(9), Some(0));
    }

    #[test]
    fn fuzzy_matching_takes_letters_in_order() {
        assert!(fuzzy_matches("okf", "Maria Okafor"));
        assert!(fuzzy_matches("", "anyone"));
        assert!(!fuzzy_matches("ro", "Okafor X"));
    }
}
