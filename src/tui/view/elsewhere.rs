//! The list of an actor's claims in the other articles of the library: two
//! rows a claim — its kind, cue and words, then the article's title and
//! source — the selected one highlighted, and the keys below. Everything
//! shown comes from articles, so it is made safe for the terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::app::{App, ElsewhereList};
use super::super::keymap::Action;
use super::{popup, truncate};
use crate::safe_text::for_terminal;

/// The widest the list gets; it shrinks with the window.
const WIDTH: u16 = 96;

pub fn render(app: &App, list: &ElsewhereList, area: Rect, buf: &mut Buffer) {
    let height = (list.claims.len() as u16 * 2 + 4).max(6);
    let title = for_terminal(&format!("{} in other articles", list.actor)).into_owned();
    let inner = popup(app, &title, WIDTH, height, area, buf);
    let width = usize::from(inner.width);
    if width == 0 || inner.height == 0 {
        return;
    }
    let articles = if list.articles == 1 {
        "1 other article".to_string()
    } else {
        format!("{} other articles", list.articles)
    };
    let summary = match list.claims.len() {
        0 => format!("named in {articles}, with no claim there"),
        1 => format!("1 claim in {articles}"),
        n => format!("{n} claims in {articles}"),
    };
    let mut lines = vec![Line::styled(summary, app.theme.dim)];
    let rows = app
        .elsewhere_rows()
        .min(usize::from(inner.height.saturating_sub(2)) / 2);
    for (i, claim) in list.claims.iter().enumerate().skip(list.top).take(rows) {
        let cue = claim.cue.as_deref().map(one_line).unwrap_or_default();
        let head = format!("{:<9}{:<12} ", claim.kind.name(), truncate(&cue, 11));
        let words = truncate(
            &one_line(&claim.claim),
            width.saturating_sub(head.chars().count() + 2),
        );
        let place = truncate(
            &format!("{} · {}", one_line(&claim.title), one_line(&claim.source)),
            width.saturating_sub(2 + 21),
        );
        let mut first = Line::from(vec![
            Span::raw("  "),
            Span::styled(head, app.theme.dim),
            Span::raw(words),
        ]);
        let mut second = Line::from(vec![
            Span::raw(" ".repeat(23)),
            Span::styled(place, app.theme.dim),
        ]);
        if i == list.cursor {
            let selected = app.theme.selection.add_modifier(Modifier::BOLD);
            first = first.patch_style(selected);
            second = second.patch_style(app.theme.selection);
            first.spans[0] = Span::styled("▌ ", app.theme.accent);
        }
        lines.push(first);
        lines.push(second);
    }
    Paragraph::new(lines).render(inner, buf);
    let keys = &app.keymap;
    let hint = format!(
        "{} {} move · {} read the article · {} close",
        keys.label(Action::Down),
        keys.label(Action::Up),
        keys.label(Action::Open),
        keys.label(Action::Cancel),
    );
    let y = inner.y + inner.height - 1;
    buf.set_stringn(inner.x, y, hint, width, app.theme.dim);
}

/// Text from an article on one line, safe for the terminal.
fn one_line(text: &str) -> String {
    for_terminal(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}
