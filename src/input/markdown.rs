//! Markdown (`.md`, `.markdown`): the text without its markup — emphasis,
//! links (their words stay), code marks and HTML tags gone — as plain prose.
//! The first heading is the title.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::prose::{Prose, one_line};
use crate::document::{DocFormat, Document};

pub fn read(source: &str, markdown: &str) -> Document {
    let markdown = markdown.strip_prefix('\u{FEFF}').unwrap_or(markdown);
    let mut prose = Prose::new();
    let mut title: Option<String> = None;
    // The first heading's words, while inside it.
    let mut heading: Option<String> = None;
    // Inside an image, its alt text is not part of the article.
    let mut image_depth = 0usize;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            _ if image_depth > 0 => {}
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
                prose.text(&t);
            }
            Event::SoftBreak => {
                if let Some(h) = heading.as_mut() {
                    h.push(' ');
                }
                prose.space();
            }
            Event::HardBreak => prose.line(),
            Event::Start(Tag::Heading { .. }) => {
                if title.is_none() {
                    heading = Some(String::new());
                }
                prose.paragraph();
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    title = Some(one_line(&h));
                }
                prose.paragraph();
            }
            Event::Start(Tag::Item) => prose.enter_item(),
            Event::End(TagEnd::Item) => prose.leave_item(),
            Event::Start(Tag::TableRow | Tag::TableHead) => prose.line(),
            Event::End(TagEnd::TableCell) => prose.space(),
            Event::Start(
                Tag::Paragraph
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::HtmlBlock,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::FootnoteDefinition
                | TagEnd::HtmlBlock,
            )
            | Event::Rule => prose.paragraph(),
            // Tags in the Markdown, footnote marks, task boxes: not prose.
            _ => {}
        }
    }
    let text = prose.finish();
    let title = title
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| crate::document::title_of(&text, source));
    Document {
        source: source.to_string(),
        format: DocFormat::Markdown,
        text,
        title,
        byline: None,
        site: None,
        published: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_the_words_stay() {
        let doc = read(
            "story.md",
            "# Bridge *reopens*\n\nThe **mayor**, [Ana Ruiz](https://x.test/ana), said `yes`\n\
             on Monday.<br>\n\n> “It is safe,” she said.\n\n![a photo](p.jpg)\n\n- first\n- second\n",
        );
        assert_eq!(doc.title, "Bridge reopens");
        assert_eq!(
            doc.text,
            "Bridge reopens\n\nThe mayor, Ana Ruiz, said yes on Monday.\n\n“It is safe,” she said.\n\nfirst\nsecond"
        );
        assert_eq!(doc.format, DocFormat::Markdown);
    }

    #[test]
    fn without_a_heading_the_title_is_the_first_line_or_the_name() {
        assert_eq!(
            read("notes/port-strike.md", "The union said it would strike.").title,
            "port strike"
        );
        assert_eq!(
            read("a.md", "## Second level\n\nText.").title,
            "Second level"
        );
    }
}
