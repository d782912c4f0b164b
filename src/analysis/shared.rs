//! Small helpers more than one stage shares: what a mention tells on its
//! own (a source pronoun? a description? a gender from its title or first
//! name?) and the disjoint sets that merging and pronoun resolution join
//! mentions with.

use super::wordlists::{self, Gender, with_ascii_lowercase};
use super::{ActorKind, Mention};
use crate::span::Span;

/// "Oh, Mr. Reyes, isn’t it funny!": a name set off by commas or closing
/// an exclamation, as a name is when it addresses someone.
pub fn is_vocative(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end();
    let after = text[span.end..].trim_start();
    let opens_quote = before.ends_with(['“', '"', '‘', '\'']);
    let opens = opens_quote || before.ends_with(',');
    // "“Sure.”" is a word said, not a name called.
    let closes = after.starts_with([',', '!', '?']) || after.starts_with('.') && !opens_quote;
    opens && closes
}

/// Whether `name` is one of the source pronouns.
pub fn is_pronoun(name: &str) -> bool {
    wordlists::get().pronouns.has(name)
}

/// "the two-term president": a person's description, named in lower case.
pub fn is_description(m: &Mention) -> bool {
    m.kind == ActorKind::Person && m.name.starts_with("the ")
}

/// A person named or described, or an anonymous one ("a girl", "one local
/// editor"): someone "he" or "she" may stand for.
pub fn is_person_or_anonymous(m: &Mention) -> bool {
    matches!(m.kind, ActorKind::Person | ActorKind::Anonymous)
}

/// The gender a person's title tells ("Mrs.", "Congresswoman"), if any:
/// its first honorific's. Asked first: a first name tells less.
pub fn honorific_gender(role: &str) -> Option<Gender> {
    let lists = wordlists::get();
    role.split_whitespace()
        .find_map(|w| with_ascii_lowercase(w, |w| lists.honorifics.get(w).copied()))
}

/// The gender a person's first name tells ("Hillary Clinton", "Mary"),
/// if any; a lone surname after a title is no first name ("Mr. Philip").
pub fn first_name_gender(name: &str, titled: bool) -> Option<Gender> {
    let mut words = name_words(name);
    let first = words.next()?;
    if titled && words.next().is_none() {
        return None;
    }
    wordlists::get().first_names.get(first).copied()
}

/// The last word of a name after its last space ("officials" of "U.S.
/// officials"), or the whole name: as `name.rsplit(' ').next()`, by a
/// scan of the bytes, where the pattern searcher cost more than the rest.
pub fn last_word(name: &str) -> &str {
    let bytes = name.as_bytes();
    match bytes.iter().rposition(|&b| b == b' ') {
        Some(at) => &name[at + 1..],
        None => name,
    }
}

/// The words of a person's name that identify them, one by one: without
/// initials and suffixes ("Joseph R. Biden Jr." → "Joseph", "Biden").
pub fn name_words(name: &str) -> impl Iterator<Item = &str> + Clone {
    name.split_whitespace().filter(|w| {
        let bare = w.trim_end_matches('.');
        bare.chars().nth(1).is_some() && !matches!(bare, "Jr" | "Sr" | "II" | "III" | "IV")
    })
}

/// For rule tests: each claim's text, the name of its source actor and how
/// the source was found.
#[cfg(test)]
pub fn speakers(text: &str) -> Vec<(String, Option<String>, Option<super::Via>)> {
    let analysis = super::analyze_with(text, &super::Options::default());
    analysis
        .claims
        .iter()
        .map(|c| {
            let actor = c.source.and_then(|s| s.actor);
            (
                c.span.of(text).to_string(),
                actor.map(|a| analysis.actors[a].name.clone()),
                c.source.map(|s| s.via),
            )
        })
        .collect()
}

/// Sorts `items` by `key` as a stable sort does, with a list of indices
/// rather than the copy of half the items or more that a stable sort
/// takes: claims and mentions are large, and they are many (peak memory).
/// Already in order, nothing is allocated.
pub fn sort_by_key_stably<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    if items.is_sorted_by_key(&key) {
        return;
    }
    // Ties in order of position: the order a stable sort gives.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_unstable_by_key(|&i| (key(&items[i]), i));
    // Position `p` takes the item at `order[p]`: each cycle of the
    // permutation in turn, by swaps.
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut p = start;
        while order[p] != DONE {
            let from = order[p];
            order[p] = DONE;
            if from == start {
                break;
            }
            items.swap(p, from);
            p = from;
        }
    }
}

/// The index of the first of `starts` (offsets in order: mentions',
/// commas', semicolons') at or after `start`, galloping forward from
/// `from`: stepping through the text in order, the next one is a few on,
/// not worth a search of them all ([`partition_point_near`]: a `from`
/// past the answer gallops back).
pub fn first_start_from(starts: &[u32], from: usize, start: usize) -> usize {
    partition_point_near(starts, from, |&s| (s as usize) < start)
}

/// As `items.partition_point(before)`, searched outward from `near` (where
/// a search just before ended, and the answer mostly lies again): a few
/// steps around it, where a binary search of the whole list took a dozen.
/// Any `near` gives the right answer, only more slowly.
pub fn partition_point_near<T>(items: &[T], near: usize, before: impl Fn(&T) -> bool) -> usize {
    let near = near.min(items.len());
    if near == 0 || before(&items[near - 1]) {
        // Most often none lies between: `near` is the answer, told by one
        // compare.
        if items.get(near).is_none_or(|item| !before(item)) {
            return near;
        }
        return gallop_from(items, near, before);
    }
    // Back from `near`, galloping: the item at `high` is not before.
    let (mut high, mut step) = (near - 1, 1);
    let low = loop {
        if high < step {
            break 0;
        }
        if before(&items[high - step]) {
            break high - step + 1;
        }
        high -= step;
        step *= 2;
    };
    low + items[low..high].partition_point(before)
}

/// As `items.partition_point(before)`, for a `from` with `before` true of
/// all the items before it: galloping forward from there, then a binary
/// search in the last stride, so that the items read are near `from` and
/// a long way costs a few steps, not one an item.
pub fn gallop_from<T>(items: &[T], from: usize, before: impl Fn(&T) -> bool) -> usize {
    // All items before `low` are before.
    let (mut low, mut step) = (from, 1);
    while low + step <= items.len() && before(&items[low + step - 1]) {
        low += step;
        step *= 2;
    }
    let high = (low + step).min(items.len());
    low + items[low..high].partition_point(before)
}

/// Finds mentions by start on a walk through the text in order: each
/// answer gallops from the last ([`first_start_from`]) through the
/// mentions' start offsets, four bytes each, where a search of the
/// mentions themselves missed the cache at every step.
#[derive(Default)]
pub struct MentionCursor(usize);

impl MentionCursor {
    /// The index of the first mention that starts at or after `start`,
    /// `starts` being every mention's start offset.
    pub fn first_from(&mut self, starts: &[u32], start: usize) -> usize {
        self.0 = first_start_from(starts, self.0, start);
        self.0
    }
}

/// Items grouped by a number (a counting sort), each group in the order
/// its items came: one vector for all the groups, not one vector each
/// (an allocation, its growth and its free). The mentions of every actor,
/// the full names by surname and by first name, the people titled by
/// each word of their titles, the mentions ending with each token.
pub struct Groups<T = usize> {
    /// The items, group by group.
    order: Vec<T>,
    /// By group, where its items start in `order`; one more at the end.
    /// Four bytes each: there are fewer items than text offsets.
    starts: Vec<u32>,
}

impl<T: Copy + Default> Groups<T> {
    /// The `(group, item)` pairs `pairs` gives (asked twice: to count, then
    /// to place), in `groups` groups.
    pub fn of<I: Iterator<Item = (usize, T)>>(pairs: impl Fn() -> I, groups: usize) -> Self {
        let mut starts = vec![0u32; groups + 1];
        for (group, _) in pairs() {
            starts[group + 1] += 1;
        }
        for group in 0..groups {
            starts[group + 1] += starts[group];
        }
        let mut order = vec![T::default(); starts[groups] as usize];
        // Each group's start is its next place, moved on as its items are
        // placed (no second array of places): at the end, each holds the
        // next group's start, and one step back puts them in place again.
        for (group, item) in pairs() {
            order[starts[group] as usize] = item;
            starts[group] += 1;
        }
        starts.pop();
        starts.insert(0, 0);
        Groups { order, starts }
    }

    pub fn of_group(&self, group: usize) -> &[T] {
        &self.order[self.starts[group] as usize..self.starts[group + 1] as usize]
    }
}

/// Union-find over mention indices.
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    pub fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    pub fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// The root of every element's set, by element: the sets' own list,
    /// each entry set to its root, not a copy of it.
    pub fn into_roots(mut self) -> Vec<usize> {
        for i in 0..self.parent.len() {
            // Entries before `i` hold roots already: still on `i`'s path.
            let root = self.find(i);
            self.parent[i] = root;
        }
        self.parent
    }

    /// Joins two sets; the earlier mention stays the root.
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{first_start_from, sort_by_key_stably};

    #[test]
    fn galloping_from_any_hint_finds_the_mention_a_search_finds() {
        // Starts with repeats (nested mentions share a start) and gaps.
        let starts: Vec<u32> = vec![0, 3, 3, 7, 12, 12, 12, 20, 31, 40];
        for start in 0..45 {
            let expected = starts.partition_point(|&s| (s as usize) < start);
            for from in 0..=starts.len() + 1 {
                assert_eq!(
                    first_start_from(&starts, from, start),
                    expected,
                    "from {from}, start {start}"
                );
            }
        }
    }

    #[test]
    fn the_sort_by_indices_orders_as_a_stable_sort_does() {
        // Pairs with many equal keys, in a scrambled order: ties must keep
        // their order of position, as they do in the claims' sort by span.
        let mut seed = 7u32;
        let mut items: Vec<(u32, usize)> = (0..500)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 16) % 40, i)
            })
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(key, _)| key);
        sort_by_key_stably(&mut items, |&(key, _)| key);
        assert_eq!(items, expected);
    }
}
