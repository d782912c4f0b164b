//! Pairing quotation marks: curly, straight, single (not apostrophes),
//! guillemets, „German“ marks, quotes over several paragraphs, stray marks.
//!
//! Each mark is first classified on its own (which family it belongs to,
//! whether it can open or close), then paired family by family. Families are
//! independent so that ‘single’ quotes can nest inside “double” ones. A quote
//! left open at a paragraph's end stays open only when the next paragraph
//! reopens it with a mark of the same family (the newspaper convention for a
//! quote over several paragraphs); otherwise it was a stray mark and is
//! dropped, so a quote never runs across a whole article.

use super::tokens::{TokenMark, TokenTable};
use super::{Quotation, wordlists};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

const FAMILIES: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks and guillemets whose direction only the context tells.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    family: Family,
    role: Role,
    glyph: char,
    span: Span,
}

/// A quote opened and not yet closed.
#[derive(Debug, Clone, Copy)]
struct Open {
    glyph: char,
    outer_start: usize,
    inner_start: usize,
}

/// Every quotation in the text, in order of its opening mark.
pub fn find(table: &TokenTable) -> Vec<Quotation> {
    let text = table.text;
    let wrapped = table.wrapped;
    let mut out = Vec::new();
    let mut open: [Option<Open>; FAMILIES] = [None; FAMILIES];
    // The last token of the mark before, once there is one.
    let mut previous_last = None;
    let mut marks = table.marked(TokenMark::Quote, 0..table.len()).peekable();
    while let Some(i) = marks.next() {
        let token = table.span(i);
        // Two straight single marks ('') stand for one double mark, as in
        // some newspapers' archives.
        let second = (table.word(i) == "'")
            .then(|| {
                marks.next_if(|&next| {
                    table.tokens[next].start() == token.end && table.word(next) == "'"
                })
            })
            .flatten();
        let doubled = second.is_some();
        let span = if doubled {
            Span::new(token.start, token.end + 1)
        } else {
            token
        };
        let Some(mark) = classify(text, span, doubled) else {
            continue;
        };
        let breaks = breaks_between(table, previous_last, i, wrapped);
        previous_last = Some(second.unwrap_or(i));
        if breaks > 0 {
            let reopens = breaks == 1
                && mark.role != Role::Close
                && starts_paragraph(text, mark.span.start)
                && open[mark.family as usize].is_some();
            for (family, state) in open.iter_mut().enumerate() {
                if !(reopens && family == mark.family as usize) {
                    *state = None;
                }
            }
            if reopens && mark.glyph == '"' {
                // Straight marks cannot tell a reopening mark from a closing
                // one: each paragraph of the quote is a quotation of its own,
                // so a frame in the next one ("…," she added) stays its own.
                if let Some(o) = open[mark.family as usize] {
                    let inner = trim(text, Span::new(o.inner_start, mark.span.start));
                    if !inner.is_empty() {
                        out.push(Quotation {
                            inner,
                            outer: Span::new(o.outer_start, inner.end),
                        });
                    }
                }
            } else if reopens {
                // The same quote goes on in this paragraph: skip the reopening mark.
                continue;
            }
        }
        let slot = mark.family as usize;
        match open[slot] {
            Some(o) if closes(o.glyph, mark) => {
                let inner = trim(text, Span::new(o.inner_start, mark.span.start));
                if !inner.is_empty() {
                    out.push(Quotation {
                        inner,
                        outer: Span::new(o.outer_start, mark.span.end),
                    });
                }
                open[slot] = None;
                // A quote of another family opened inside this one and never
                // closed was a stray mark.
                for state in open.iter_mut() {
                    if state.is_some_and(|s| s.outer_start > o.outer_start) {
                        *state = None;
                    }
                }
            }
            _ if mark.role != Role::Close => {
                open[slot] = Some(Open {
                    glyph: mark.glyph,
                    outer_start: mark.span.start,
                    inner_start: mark.span.end,
                });
            }
            // A closing mark with nothing open: stray, or an apostrophe.
            _ => {}
        }
    }
    out.sort_by_key(|q| q.outer.start);
    out
}

/// Whether `mark` closes a quote opened with `opener`.
fn closes(opener: char, mark: Mark) -> bool {
    match mark.role {
        // „German“ and ‚German‘ marks close with what opens elsewhere.
        Role::Open => matches!((opener, mark.glyph), ('„', '“') | ('‚', '‘')),
        Role::Close => true,
        // «…» and the German »…«: the closer mirrors the opener.
        Role::Either => match (opener, mark.glyph) {
            ('«', '»') | ('»', '«') | ('‹', '›') | ('›', '‹') => true,
            ('«' | '»' | '‹' | '›', _) => false,
            _ => true,
        },
    }
}

/// What a quotation-mark token can do, from its glyph and neighbours; `None`
/// for apostrophes ("farmers’ routes", "’90s", "'em") and lone backticks.
fn classify(text: &str, span: Span, doubled: bool) -> Option<Mark> {
    let glyph = if doubled {
        '"'
    } else {
        text[span.start..].chars().next()?
    };
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c));
    let space_after = after.is_none_or(|c| c.is_whitespace());
    let word_before = before.is_some_and(char::is_alphanumeric);
    let mark = |family, role| {
        Some(Mark {
            family,
            role,
            glyph,
            span,
        })
    };
    match glyph {
        '“' | '„' | '‟' => mark(Family::Double, Role::Open),
        '”' => mark(Family::Double, Role::Close),
        '"' => mark(Family::Double, direction(space_before, space_after, after)),
        '«' | '»' => mark(Family::Guillemet, Role::Either),
        '‹' | '›' => mark(Family::SingleGuillemet, Role::Either),
        '‘' | '‚' | '‛' | '`' => {
            if word_before || is_elision(&text[span.end..]) {
                None
            } else {
                mark(Family::Single, Role::Open)
            }
        }
        '’' | '\'' => {
            if space_before && !space_after {
                // "’90s", "'em": an elision; "'Quote": an opening straight mark.
                if glyph == '’' || is_elision(&text[span.end..]) {
                    None
                } else {
                    mark(Family::Single, Role::Open)
                }
            } else if space_before && space_after {
                None
            } else {
                mark(Family::Single, Role::Close)
            }
        }
        _ => None,
    }
}

/// The direction of a straight double mark from the spaces around it.
fn direction(space_before: bool, space_after: bool, after: Option<char>) -> Role {
    let punct_after = after.is_some_and(|c| c.is_ascii_punctuation() && c != '(');
    match (space_before, space_after || punct_after) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        _ => Role::Either,
    }
}

/// Words that start with an apostrophe: "’90s", "'em", "'tis", "’n’".
fn is_elision(rest: &str) -> bool {
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    wordlists::get().elisions.has(word)
}

/// Counts the lines that tell whether a text is hard-wrapped, as old novels
/// are: most lines short and followed by another line of the same
/// paragraph (then only a blank line ends a paragraph). The token table
/// feeds it the tokens opening lines, which its tokenizer noted: reading
/// the text again for its line breaks took ~2 M instructions per MB.
#[derive(Default)]
pub(super) struct Wrapping {
    /// The lines holding a token (the others are blank) that ended,
    lines: usize,
    /// those of them at most 100 bytes long,
    short: usize,
    /// and those right after another line holding a token.
    continued: usize,
    /// Where the line of the last token fed starts,
    line_start: usize,
    /// and whether it comes right after another line holding a token.
    line_continues: bool,
}

impl Wrapping {
    /// A token starts at `start` after a line break, the token before it
    /// ending at `previous_end` (0 for the first token): the line of that
    /// token ends, and another opens.
    pub(super) fn line_break(&mut self, text: &str, previous_end: usize, start: usize) {
        let gap = &text.as_bytes()[previous_end..start];
        // The tokenizer saw a "\n" in the gap; without one, no line ends.
        let (Some(first), Some(last)) = (
            gap.iter().position(|&b| b == b'\n'),
            gap.iter().rposition(|&b| b == b'\n'),
        ) else {
            return;
        };
        // Every token ends past 0: before the first, only blank lines.
        if previous_end > 0 {
            self.line_ends(text, previous_end + first, true);
        }
        // One line break alone: no blank line between the two.
        self.line_continues = previous_end > 0 && first == last;
        self.line_start = previous_end + last + 1;
    }

    /// The line of the last token ends at `end`, at a "\n" or the text's end.
    fn line_ends(&mut self, text: &str, end: usize, at_newline: bool) {
        // As `str::lines`: "\r\n" ends a line, but a lone "\r" at the
        // text's end stays in it.
        let carriage_return = at_newline && text.as_bytes()[end - 1] == b'\r';
        let len = end - self.line_start - usize::from(carriage_return);
        self.lines += 1;
        self.short += usize::from(len <= 100);
        self.continued += usize::from(self.line_continues);
    }

    /// Whether the text is hard-wrapped, its last token ending at `last_end`.
    pub(super) fn hard_wrapped(mut self, text: &str, last_end: usize) -> bool {
        if last_end > 0 {
            match memchr::memchr(b'\n', &text.as_bytes()[last_end..]) {
                Some(n) => self.line_ends(text, last_end + n, true),
                None => self.line_ends(text, text.len(), false),
            }
        }
        let Wrapping {
            lines,
            short,
            continued,
            ..
        } = self;
        lines >= 4 && short * 10 >= lines * 9 && continued * 2 >= lines
    }
}

/// [`paragraph_breaks`] of the stretch from the end of token `after` (the
/// text's start when `None`) to the start of token `before`, told from the
/// tokens' line-break marks: the stretches between quotations add up to
/// most of a text, and reading them found their newlines one vector search
/// (memchr) each. A gap between two tokens that holds a line break opens a
/// line that is not blank, or ends the stretch: a paragraph break, but in a
/// hard-wrapped text only when a blank line lies in the gap.
fn breaks_between(table: &TokenTable, after: Option<usize>, before: usize, wrapped: bool) -> usize {
    let bytes = table.text.as_bytes();
    let breaks_in = |from: usize, to: usize| {
        let newlines = bytes[from..to].iter().filter(|&&b| b == b'\n').count();
        newlines > usize::from(wrapped)
    };
    let (mut breaks, first) = match after {
        Some(after) => (0, after),
        None => (usize::from(breaks_in(0, table.tokens[0].start())), 0),
    };
    for t in table.marked(TokenMark::LineBreak, first..before) {
        if breaks == 2 {
            break;
        }
        // Every newline lies between two tokens: the gap after one marked
        // holds one, and a blank line when it holds two.
        if !wrapped || breaks_in(table.span(t).end, table.tokens[t + 1].start()) {
            breaks += 1;
        }
    }
    breaks.min(2)
}

/// How many paragraph breaks a stretch of text between two marks holds:
/// 0, 1, or 2 for two or more (no caller asks more, and a long stretch
/// between two quotes is not read to its end).
pub(super) fn paragraph_breaks(between: &str, wrapped: bool) -> usize {
    let bytes = between.as_bytes();
    if bytes.len() < SHORT_STRETCH {
        // Most stretches asked about are a few bytes ("\n\n" between two
        // paragraphs' quotes): a plain scan finds their newlines in fewer
        // instructions than a vector search takes to set up (~47 a call).
        let newlines = (0..bytes.len()).filter(|&at| bytes[at] == b'\n');
        breaks_at_newlines(between, wrapped, newlines)
    } else {
        // The stretches between quotes add up to most of a text: the
        // longer ones are searched by memchr.
        breaks_at_newlines(between, wrapped, memchr::memchr_iter(b'\n', bytes))
    }
}

/// How long a stretch [`paragraph_breaks`] searches by memchr, at least.
const SHORT_STRETCH: usize = 16;

/// [`paragraph_breaks`] of `between`, whose newlines are at `newlines`.
#[inline(always)]
fn breaks_at_newlines(
    between: &str,
    wrapped: bool,
    mut newlines: impl Iterator<Item = usize>,
) -> usize {
    let Some(first) = newlines.next() else {
        return 0;
    };
    let mut breaks = 0;
    let mut newlines_in_gap = 0;
    let mut line_start = first + 1;
    for line_end in newlines.chain([between.len()]) {
        let line = &between[line_start..line_end];
        line_start = line_end + 1;
        newlines_in_gap += 1;
        if !is_blank(line) {
            if !wrapped || newlines_in_gap > 1 {
                breaks += 1;
                if breaks == 2 {
                    return breaks;
                }
            }
            newlines_in_gap = 0;
        }
    }
    // Newlines right before the mark count as a break too.
    if newlines_in_gap > 0 && (!wrapped || newlines_in_gap > 1) {
        breaks += 1;
    }
    breaks
}

/// Whether only white space lies between the last line break and `offset`.
fn starts_paragraph(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    is_blank(&text[line_start..offset])
}

/// Whether `line` is white space alone (`str::trim` leaves nothing).
#[inline]
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        // Most lines open with a printable ASCII character, never white
        // space: told by one byte, without trimming both ends.
        Some(&b) if b > b' ' && b.is_ascii() => false,
        Some(_) => line.trim().is_empty(),
    }
}

fn trim(text: &str, span: Span) -> Span {
    let inner = span.of(text);
    let start = span.start + (inner.len() - inner.trim_start().len());
    Span::new(start, start + inner.trim().len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Lexicon;

    fn quoted(text: &str) -> Vec<&str> {
        find(&TokenTable::new(text, Lexicon::builtin()))
            .iter()
            .map(|q| q.inner.of(text))
            .collect()
    }

    #[test]
    fn a_line_is_blank_exactly_when_trimming_leaves_nothing() {
        let lines = [
            "",
            " ",
            "\t\r",
            "\x0B",
            "\x0C x",
            "\x1F",
            "\x7F",
            "!",
            "a b",
            " a",
            "\u{A0}",
            "\u{2028}\u{3000}",
            "\u{85}x",
            "é",
            "“",
        ];
        for line in lines {
            assert_eq!(is_blank(line), line.trim().is_empty(), "{line:?}");
        }
    }

    #[test]
    fn curly_quotes_pair_and_apostrophes_do_not_open() {
        let text = "She said she’d be “thrilled” to do so, in the farmers’ ’90s heyday.";
        assert_eq!(quoted(text), vec!["thrilled"]);
    }

    #[test]
    fn straight_quotes_pair_by_context() {
        let text = r#""It's pure blackmail," said Dr Messinger. "Let's get out some trade goods.""#;
        assert_eq!(
            quoted(text),
            vec!["It's pure blackmail,", "Let's get out some trade goods."]
        );
    }

    #[test]
    fn single_quotes_nest_inside_double_ones() {
        let text = "“They called it ‘the best soup we have ever had’ today,” she said.";
        assert_eq!(
            quoted(text),
            vec![
                "They called it ‘the best soup we have ever had’ today,",
                "the best soup we have ever had"
            ]
        );
    }

    #[test]
    fn single_quotes_alone_and_possessive_apostrophes() {
        let text =
            "Haines delivers defense of ‘New York values.’ The boys' bikes were 'fine,' he said.";
        assert_eq!(quoted(text), vec!["New York values.", "fine,"]);
    }

    #[test]
    fn two_single_marks_make_a_double_one() {
        let text = "''Americans wake up every day to more bad news,'' said Mark Dubowitz. ''It's 'Mad Max.' ''";
        assert_eq!(
            quoted(text),
            vec![
                "Americans wake up every day to more bad news,",
                "It's 'Mad Max.'",
                "Mad Max."
            ]
        );
    }

    #[test]
    fn guillemets_and_german_marks() {
        assert_eq!(quoted("Il a dit « non » hier."), vec!["non"]);
        assert_eq!(quoted("Er sagte »nein« gestern."), vec!["nein"]);
        assert_eq!(quoted("Er sagte „nein“ gestern."), vec!["nein"]);
        assert_eq!(quoted("Il a dit ‹ oui › hier."), vec!["oui"]);
    }

    #[test]
    fn a_quote_over_paragraphs_reopens_each_one() {
        let text = "He said: “First part.\n\n“Second part.\n\n“Last part.”\n\nAfter.";
        let quotes = find(&TokenTable::new(text, Lexicon::builtin()));
        assert_eq!(quotes.len(), 1);
        assert!(quotes[0].inner.of(text).starts_with("First part."));
        assert!(quotes[0].inner.of(text).ends_with("Last part."));
    }

    #[test]
    fn straight_marks_over_paragraphs_are_one_quotation_each() {
        let text = "The warden spoke.\n\n\"The ridge is closed. Nobody goes up.\n\n\"Not even guides,\" she added.";
        assert_eq!(
            quoted(text),
            vec!["The ridge is closed. Nobody goes up.", "Not even guides,"]
        );
    }

    #[test]
    fn a_stray_mark_does_not_pair_across_paragraphs() {
        let text = "A stray “mark here.\nNext paragraph with “a real quote” in it.";
        assert_eq!(quoted(text), vec!["a real quote"]);
        let text = "Unclosed ” closer and “open.\nThen “this” only.";
        assert_eq!(quoted(text), vec!["this"]);
    }

    /// Paragraph breaks counted from the stretch's lines as `str::split`
    /// gives them: what [`paragraph_breaks`] must count, short or long.
    fn breaks_by_lines(between: &str, wrapped: bool) -> usize {
        let (mut breaks, mut newlines_in_gap) = (0, 0);
        for line in between.split('\n').skip(1) {
            newlines_in_gap += 1;
            if !line.trim().is_empty() {
                breaks += usize::from(!wrapped || newlines_in_gap > 1);
                newlines_in_gap = 0;
            }
        }
        breaks += usize::from(newlines_in_gap > 0 && (!wrapped || newlines_in_gap > 1));
        breaks.min(2)
    }

    #[test]
    fn paragraph_breaks_between_tokens_are_those_of_the_text_between_them() {
        let pieces = [
            "ab", " ", "\n", "\n\n", "\r\n", "\u{a0}", " \n \n", "“", "x.",
        ];
        let mut seed = 11u64;
        for _ in 0..3_000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for k in 0..3 + (seed >> 61) as usize {
                text.push_str(pieces[(seed >> (5 * k % 55)) as usize % pieces.len()]);
            }
            let table = TokenTable::new(&text, Lexicon::builtin());
            for before in 0..table.len() {
                for wrapped in [false, true] {
                    let from_start = &text[..table.tokens[before].start()];
                    assert_eq!(
                        breaks_between(&table, None, before, wrapped),
                        paragraph_breaks(from_start, wrapped),
                        "{text:?} to {before} wrapped: {wrapped}"
                    );
                    for after in 0..before {
                        let between = &text[table.span(after).end..table.tokens[before].start()];
                        assert_eq!(
                            breaks_between(&table, Some(after), before, wrapped),
                            paragraph_breaks(between, wrapped),
                            "{text:?} {after} to {before} wrapped: {wrapped}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn paragraph_breaks_are_counted_alike_in_short_and_long_stretches() {
        let pieces = ["a", " ", "\n", "\r\n", "\u{a0}", "the meadow path"];
        let mut stretches = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = stretches
                .iter()
                .flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}")))
                .collect();
            stretches.extend(longer);
        }
        assert!(stretches.iter().any(|s| s.len() >= SHORT_STRETCH));
        for between in &stretches {
            for wrapped in [false, true] {
                assert_eq!(
                    paragraph_breaks(between, wrapped),
                    breaks_by_lines(between, wrapped),
                    "{between:?} wrapped: {wrapped}"
                );
            }
        }
    }

    #[test]
    fn hard_wrapped_novels_keep_quotes_over_line_breaks() {
        let text = "Mary looked up.\n\"I will not let you\nstay.  Send my Ayah to me.\"\nShe said it\nangrily and left\nthe room at once.\n\nNext.";
        assert_eq!(
            quoted(text),
            vec!["I will not let you\nstay.  Send my Ayah to me."]
        );
    }

    /// Whether the text looks hard-wrapped, every line read: what the
    /// token table must tell, though it stops reading early.
    fn hard_wrapped_by_every_line(text: &str) -> bool {
        let (mut lines, mut short, mut continued) = (0usize, 0usize, 0usize);
        let mut previous_blank = true;
        for line in text.lines() {
            let blank = line.trim().is_empty();
            if !blank {
                lines += 1;
                short += usize::from(line.len() <= 100);
                continued += usize::from(!previous_blank);
            }
            previous_blank = blank;
        }
        lines >= 4 && short * 10 >= lines * 9 && continued * 2 >= lines
    }

    #[test]
    fn the_token_table_tells_a_hard_wrapped_text_as_its_lines_do() {
        let long = "word ".repeat(21);
        let pieces = [
            "ab", " ", "\n", "\n\n", "\r\n", "\r", "\u{a0}", "\u{2028}", "“", "x\u{b}", &long,
        ];
        // Texts of four to nineteen pieces from a varied start: blank and
        // short lines, long ones, carriage returns, Unicode spaces.
        let mut seed = 7u64;
        let mut wrapped = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let count = 4 + (seed >> 60) as usize;
            for k in 0..count {
                let pick = (seed >> (4 * k % 56)) as usize % pieces.len();
                text.push_str(pieces[pick]);
                text.push_str(["", "\n", "a\n", " \n"][(seed >> (k + 3)) as usize % 4]);
            }
            let table = TokenTable::new(&text, Lexicon::builtin());
            assert_eq!(table.wrapped, hard_wrapped_by_every_line(&text), "{text:?}");
            wrapped += usize::from(table.wrapped);
        }
        // Both answers come up often.
        assert!((1_000..19_000).contains(&wrapped), "{wrapped} wrapped");
        let novel = "She went in.\nThe door shut\nbehind her and the\nroom was dark.\n";
        assert!(TokenTable::new(novel, Lexicon::builtin()).wrapped);
        let with_long_lines = format!("{novel}\n{long}\n\n{long}");
        assert!(!TokenTable::new(&with_long_lines, Lexicon::builtin()).wrapped);
    }
}
