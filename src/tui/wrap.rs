//! The article wrapped to the text pane, row by row, with the byte range of
//! the text each row shows, so any span maps to a row and a column and the
//! view can scroll to it. Wrapping is cached per width.

use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthChar;

/// One screen row: the bytes `start..end` of the text. A row that only
/// separates paragraphs is empty (`start == end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
}

/// The text wrapped to one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Wrapped {
    pub width: u16,
    pub rows: Vec<Row>,
}

impl Wrapped {
    /// Wraps `text` to `width` columns. Each line of the text is a paragraph
    /// and starts a row; when the text has no blank lines between
    /// paragraphs, an empty row is put between them so they stay apart.
    pub fn new(text: &str, width: u16) -> Wrapped {
        let width = usize::from(width.max(1));
        let spaced = !text.contains("\n\n") && !text.contains("\n\r\n");
        let mut rows = Vec::with_capacity(text.len() / width + 1);
        let mut start = 0;
        for line in text.split('\n') {
            let base = start;
            start += line.len() + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if base == text.len() && base > 0 {
                break; // the text's final newline ends the last line, it adds none
            }
            if spaced && !rows.is_empty() && !line.trim().is_empty() {
                rows.push(Row {
                    start: base,
                    end: base,
                });
            }
            wrap_line(line, base, width, &mut rows);
        }
        Wrapped {
            width: width as u16,
            rows,
        }
    }

    /// The row showing the byte `offset` (the last row for the text's end).
    pub fn row_of(&self, offset: usize) -> usize {
        let after = self.rows.partition_point(|r| r.start <= offset);
        let row = after.saturating_sub(1);
        // An empty separator row shares its start with the paragraph after it.
        if self.rows[row].start == self.rows[row].end && row + 1 < self.rows.len() {
            return row + 1;
        }
        row
    }

    /// The display column of `offset` within its row.
    pub fn column_of(&self, text: &str, offset: usize) -> u16 {
        let row = self.rows[self.row_of(offset)];
        let end = offset.clamp(row.start, row.end);
        text[row.start..end].chars().map(char_width).sum::<usize>() as u16
    }

    /// The byte offset shown at display column `column` of `row`.
    pub fn offset_at(&self, text: &str, row: usize, column: u16) -> usize {
        let Some(r) = self.rows.get(row) else {
            return text.len();
        };
        let mut x = 0;
        for (i, c) in text[r.start..r.end].char_indices() {
            x += char_width(c);
            if x > usize::from(column) {
                return r.start + i;
            }
        }
        r.end.saturating_sub(1).max(r.start)
    }
}

/// How wide a character shows; control characters (tabs) show as one space.
pub fn char_width(c: char) -> usize {
    if c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

fn wrap_line(line: &str, base: usize, width: usize, rows: &mut Vec<Row>) {
    let words: Vec<Word> = WordSeparator::AsciiSpace.find_words(line).collect();
    let words = break_words(words, width);
    let offset = |s: &str| base + (s.as_ptr() as usize - line.as_ptr() as usize);
    let before = rows.len();
    for chunk in wrap_first_fit(&words, &[width as f64]) {
        if let (Some(first), Some(last)) = (chunk.first(), chunk.last()) {
            let start = if rows.len() == before {
                base
            } else {
                offset(first.word)
            };
            rows.push(Row {
                start,
                end: offset(last.word) + last.word.len(),
            });
        }
    }
    if rows.len() == before {
        rows.push(Row {
            start: base,
            end: base + line.len(),
        });
    }
}

/// The wrappings of the last few widths, so resizing back and forth is free.
#[derive(Debug, Default)]
pub struct WrapCache {
    entries: Vec<Wrapped>,
}

impl WrapCache {
    const KEEP: usize = 3;

    /// The wrapping last asked for.
    pub fn current(&self) -> Option<&Wrapped> {
        self.entries.last()
    }

    pub fn get(&mut self, text: &str, width: u16) -> &Wrapped {
        let width = width.max(1);
        if let Some(i) = self.entries.iter().position(|w| w.width == width) {
            let hit = self.entries.remove(i);
            self.entries.push(hit);
        } else {
            if self.entries.len() == Self::KEEP {
                self.entries.remove(0);
            }
            self.entries.push(Wrapped::new(text, width));
        }
        self.entries.last().expect("just pushed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, w: &Wrapped) -> Vec<String> {
        w.rows
            .iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn rows_cover_the_words_and_paragraphs_stay_apart() {
        let text = "One two three four.\nFive six.";
        let w = Wrapped::new(text, 9);
        assert_eq!(
            shown(text, &w),
            ["One two", "three", "four.", "", "Five six."]
        );
    }

    #[test]
    fn blank_lines_are_kept_as_they_are() {
        let text = "One.\n\nTwo.\n";
        assert_eq!(shown(text, &Wrapped::new(text, 20)), ["One.", "", "Two."]);
    }

    #[test]
    fn every_offset_maps_to_a_row_and_column_and_back() {
        let text = "“Quoted words,” she said.\nAnother paragraph here.";
        let w = Wrapped::new(text, 10);
        let said = text.find("said").unwrap();
        let row = w.row_of(said);
        assert!(text[w.rows[row].start..w.rows[row].end].contains("said"));
        let col = w.column_of(text, said);
        assert_eq!(w.offset_at(text, row, col), said);
        let another = text.find("Another").unwrap();
        assert_eq!(w.column_of(text, another), 0);
    }

    #[test]
    fn a_word_longer_than_the_width_is_broken() {
        let text = "abcdefghij";
        assert_eq!(shown(text, &Wrapped::new(text, 4)), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn the_cache_rewraps_only_for_a_new_width() {
        let mut cache = WrapCache::default();
        let text = "a b c d e f";
        assert_eq!(cache.get(text, 3).rows.len(), 3);
        assert_eq!(cache.get(text, 80).rows.len(), 1);
        assert_eq!(cache.get(text, 3).width, 3);
        assert_eq!(cache.entries.len(), 2);
    }
}
