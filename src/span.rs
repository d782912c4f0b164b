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

/// Converts byte offsets to code-point offsets in O(log n) with a prefix index
/// of the multi-byte characters, built once per document.
pub struct CharIndex {
    /// (byte offset just past a multi-byte char, extra bytes seen up to there)
    multibyte: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut extra = 0;
        let mut multibyte = Vec::new();
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                multibyte.push((i + n, extra));
            }
        }
        CharIndex { multibyte }
    }

    /// The code-point offset of a byte offset that lies on a char boundary.
    pub fn chars_at(&self, byte: usize) -> usize {
        let seen = self.multibyte.partition_point(|&(end, _)| end <= byte);
        let extra = if seen == 0 {
            0
        } else {
            self.multibyte[seen - 1].1
        };
        byte - extra
    }

    /// The byte offset of a code-point offset, or `None` past the end of
    /// `text` (the text this index was built from).
    pub fn byte_at(&self, text: &str, chars: usize) -> Option<usize> {
        // Entries are in text order, and so are the code points they end at.
        let seen = self
            .multibyte
            .partition_point(|&(end, extra)| end - extra <= chars);
        let extra = if seen == 0 {
            0
        } else {
            self.multibyte[seen - 1].1
        };
        let byte = chars + extra;
        (byte <= text.len() && text.is_char_boundary(byte)).then_some(byte)
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
}
