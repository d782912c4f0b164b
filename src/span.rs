//! One span type for the whole program: byte offsets into the document text.
//!
//! Everything inside works on byte offsets (cheap to slice); exports speak
//! Unicode code points, as the W3C TextPositionSelector does, and convert once
//! through a [`CharIndex`].

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the document text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub fn contains(self, other: Span) -> bool {
        compared();
        self.start <= other.start && other.end <= self.end
    }

    pub fn contains_offset(self, offset: usize) -> bool {
        compared();
        self.start <= offset && offset < self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        compared();
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        compared();
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Counts a comparison of spans as one step of the analysis's step count
/// (test builds only, analysis/steps.rs): a scan over mentions, claims or
/// quotations compares their spans, so one repeated per item shows there
/// as steps growing with the square of the text.
#[inline(always)]
fn compared() {
    #[cfg(test)]
    crate::analysis::steps::step();
}

/// Converts byte offsets to code-point offsets in O(1): the code points
/// before each block of [`BLOCK`] bytes, counted once per document, and
/// then those within the block. An export converts every span it writes.
pub struct CharIndex<'t> {
    text: &'t str,
    /// By block of the text, the code points that start before it.
    before: Vec<usize>,
}

/// Bytes per block of a [`CharIndex`]: a conversion counts within one.
const BLOCK: usize = 64;

/// How many code points start among `bytes`: all but the UTF-8
/// continuation bytes (`0b10xx_xxxx`), counted eight bytes at a time, as an
/// export converts every span and counts the whole text once.
fn code_points(bytes: &[u8]) -> usize {
    let (words, rest) = bytes.as_chunks::<8>();
    let continuations: u32 = words
        .iter()
        .map(|word| continuation_bytes(u64::from_le_bytes(*word)))
        .sum();
    let rest_continuations = rest.iter().filter(|&&b| (b as i8) < -0x40).count();
    bytes.len() - continuations as usize - rest_continuations
}

/// The continuation bytes among the eight of `word`: bit 7 set and bit 6
/// (shifted up to bit 7) clear.
fn continuation_bytes(word: u64) -> u32 {
    (word & !(word << 1) & 0x8080_8080_8080_8080).count_ones()
}

impl<'t> CharIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut before = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut seen = 0;
        for block in bytes.chunks(BLOCK) {
            before.push(seen);
            seen += code_points(block);
        }
        // A block for the end of the text when it ends a block.
        if bytes.len().is_multiple_of(BLOCK) {
            before.push(seen);
        }
        CharIndex { text, before }
    }

    /// The code-point offset of a byte offset that lies on a char boundary.
    pub fn chars_at(&self, byte: usize) -> usize {
        let block = byte / BLOCK;
        self.before[block] + code_points(&self.text.as_bytes()[block * BLOCK..byte])
    }

    /// The byte offset of a code-point offset, or `None` past the end of
    /// `text` (the text this index was built from).
    pub fn byte_at(&self, text: &str, chars: usize) -> Option<usize> {
        // The last block starting at or before the code point holds it.
        let block = self.before.partition_point(|&c| c <= chars) - 1;
        let mut seen = self.before[block];
        let from = block * BLOCK;
        for byte in from..=text.len().min(from + BLOCK) {
            if text.is_char_boundary(byte) {
                if seen == chars {
                    return Some(byte);
                }
                seen += 1;
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points_not_bytes() {
        let text = "“it’s never enough,” he said";
        let index = CharIndex::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(index.chars_at(said), text[..said].chars().count());
        assert_eq!(index.chars_at(0), 0);
        assert_eq!(index.chars_at(text.len()), text.chars().count());
    }

    #[test]
    fn code_points_convert_back_to_the_same_bytes() {
        let text = "“it’s never enough,” he said — né";
        let index = CharIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.byte_at(text, index.chars_at(byte)), Some(byte));
        }
        assert_eq!(index.byte_at(text, text.chars().count() + 1), None);
    }

    #[test]
    fn offsets_convert_both_ways_across_many_blocks() {
        // Characters of one to four bytes, straddling the index's blocks.
        for len in [0, 1, 63, 64, 65, 200] {
            let text: String = "aé€😀".chars().cycle().take(len).collect();
            let index = CharIndex::new(&text);
            for (n, (byte, _)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
                assert_eq!(index.chars_at(byte), n, "{len} chars, byte {byte}");
                assert_eq!(index.byte_at(&text, n), Some(byte), "{len} chars, char {n}");
            }
            let past = text.chars().count() + 1;
            assert_eq!(index.byte_at(&text, past), None);
        }
    }
}
