//! Plain prose built from structured text (a web page's DOM, Markdown
//! events): white space collapsed to single spaces, list items and line
//! breaks as lines, paragraphs and headings separated by one blank line.
//! Both extractors write through it, so a page and a Markdown file of the
//! same article give the same document text.

/// A break asked for between what was written and what comes next; the
/// strongest one asked for wins, and none is written at the very start or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    None,
    Space,
    Line,
    Paragraph,
}

#[derive(Debug)]
pub struct Prose {
    out: String,
    pending: Break,
    /// Inside a list item, a paragraph break is only a line break: list
    /// items are lines.
    item_depth: usize,
}

impl Prose {
    pub fn new() -> Self {
        Prose {
            out: String::new(),
            pending: Break::None,
            item_depth: 0,
        }
    }

    /// Appends running text; any run of white space becomes one space.
    pub fn text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.ask(Break::Space);
        }
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                self.ask(Break::Space);
            }
            self.flush();
            self.out.push_str(word);
        }
        if text.ends_with(char::is_whitespace) {
            self.ask(Break::Space);
        }
    }

    /// A space between what came before and what comes next (table cells,
    /// a Markdown soft break).
    pub fn space(&mut self) {
        self.ask(Break::Space);
    }

    /// Ends the current line (a `<br>`, a list item).
    pub fn line(&mut self) {
        self.ask(Break::Line);
    }

    /// Ends the current paragraph (a block, a heading).
    pub fn paragraph(&mut self) {
        self.ask(if self.item_depth > 0 {
            Break::Line
        } else {
            Break::Paragraph
        });
    }

    pub fn enter_item(&mut self) {
        self.line();
        self.item_depth += 1;
    }

    pub fn leave_item(&mut self) {
        self.item_depth = self.item_depth.saturating_sub(1);
        self.line();
    }

    /// The prose so far (without any trailing break).
    pub fn finish(self) -> String {
        self.out
    }

    fn ask(&mut self, wanted: Break) {
        self.pending = self.pending.max(wanted);
    }

    fn flush(&mut self) {
        if !self.out.is_empty() {
            match self.pending {
                Break::None => {}
                Break::Space => self.out.push(' '),
                Break::Line => self.out.push('\n'),
                Break::Paragraph => self.out.push_str("\n\n"),
            }
        }
        self.pending = Break::None;
    }
}

/// `text` with white space runs collapsed to single spaces and trimmed, for
/// one-line metadata (a title, a byline).
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses_and_breaks_do_not_pile_up() {
        let mut p = Prose::new();
        p.paragraph();
        p.text("  The   mayor\n said ");
        p.text("so.");
        p.paragraph();
        p.line();
        p.paragraph();
        p.text("Next\u{a0}one.");
        p.line();
        p.paragraph();
        assert_eq!(p.finish(), "The mayor said so.\n\nNext one.");
    }

    #[test]
    fn words_split_by_markup_stay_whole() {
        let mut p = Prose::new();
        p.text("in ");
        p.text("Wash");
        p.text("ington, ");
        p.text("she");
        p.space();
        p.text("said");
        assert_eq!(p.finish(), "in Washington, she said");
    }

    #[test]
    fn list_items_are_lines_even_with_paragraphs_inside() {
        let mut p = Prose::new();
        p.text("Three points:");
        p.paragraph();
        for item in ["one", "two"] {
            p.enter_item();
            p.paragraph();
            p.text(item);
            p.paragraph();
            p.leave_item();
        }
        p.paragraph();
        p.text("After.");
        assert_eq!(p.finish(), "Three points:\n\none\ntwo\n\nAfter.");
    }
}
