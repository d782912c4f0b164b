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

/// Converts byte offsets to code-point offsets in O(1): per block of
/// [`BLOCK`] bytes, the code points that start before it and a bit per
/// UTF-8 continuation byte in it, worked out once per document. An export
/// converts every span it writes, so a conversion reads only its block's
/// entry, never the text (a large export's spans are all over it).
pub struct CharIndex {
    blocks: Vec<Block>,
}

/// Bytes per block of a [`CharIndex`].
const BLOCK: usize = 64;

/// One block of a [`CharIndex`].
#[derive(Clone, Copy)]
struct Block {
    /// The code points that start before the block.
    before: usize,
    /// Bit `i` is set when the block's byte `i` is a continuation byte
    /// (`0b10xx_xxxx`), which starts no code point.
    continuations: u64,
}

/// The continuation bytes of up to 64 bytes, as [`Block::continuations`]:
/// eight bytes at a time.
fn continuation_bits(bytes: &[u8]) -> u64 {
    let (words, rest) = bytes.as_chunks::<8>();
    let mut bits = 0;
    for (i, word) in words.iter().enumerate() {
        bits |= continuation_byte_bits(*word) << (8 * i);
    }
    if !rest.is_empty() {
        let mut last = [0; 8];
        last[..rest.len()].copy_from_slice(rest);
        bits |= continuation_byte_bits(last) << (8 * words.len());
    }
    bits
}

/// A bit per continuation byte of eight: each byte's "bit 7 set, bit 6
/// clear", gathered into the low byte by a multiplication.
fn continuation_byte_bits(word: [u8; 8]) -> u64 {
    let word = u64::from_le_bytes(word);
    let high = word & !(word << 1) & 0x8080_8080_8080_8080;
    high.wrapping_mul(0x0002_0408_1020_4081) >> 56
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut seen = 0;
        for block in bytes.chunks(BLOCK) {
            let continuations = continuation_bits(block);
            blocks.push(Block {
                before: seen,
                continuations,
            });
            seen += block.len() - continuations.count_ones() as usize;
        }
        // A block for the end of the text when it ends a block.
        if bytes.len().is_multiple_of(BLOCK) {
            blocks.push(Block {
                before: seen,
                continuations: 0,
            });
        }
        CharIndex { blocks }
    }

    /// The code-point offset of a byte offset that lies on a char boundary.
    pub fn chars_at(&self, byte: usize) -> usize {
        let block = self.blocks[byte / BLOCK];
        let within = byte % BLOCK;
        let continuations_before = block.continuations & ((1 << within) - 1);
        block.before + within - continuations_before.count_ones() as usize
    }

    /// The byte offset of a code-point offset, or `None` past the end of
    /// `text` (the text this index was built from).
    pub fn byte_at(&self, text: &str, chars: usize) -> Option<usize> {
        // The last block starting at or before the code point holds it.
        let block = self.blocks.partition_point(|b| b.before <= chars) - 1;
        let mut seen = self.blocks[block].before;
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
