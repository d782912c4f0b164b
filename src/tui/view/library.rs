//! The library list: one row per article (title, source, date, claims,
//! actors, marks; a feed's items "not read" until opened),
//! the sort column marked, "analysing…" where an analysis is still running;
//! the status bar with the count, the sort, the filter (or its prompt) and
//! the list's key hints; `?` shows the list's keys. Titles and sources come
//! from the articles and are shown safe for the terminal.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Cell, Paragraph, Row, Table, Widget, Wrap};

use super::super::keymap::Action;
use super::super::library_view::{Entry, LIST_KEYS, Library, SortBy};
use super::truncate;
use crate::safe_text::for_terminal;

/// Shown in the count columns while an article is analysed.
pub const ANALYSING: &str = "analysing…";
/// Shown there for an item of a feed not read yet, and while it is fetched.
pub const NOT_READ: &str = "not read";
pub const FETCHING: &str = "fetching…";

/// Draws the list, or the reader when an article is open.
pub fn draw(library: &Library, frame: &mut Frame) {
    if let Some(app) = library.reader() {
        return super::draw(app, frame);
    }
    let area = frame.area();
    let buf = frame.buffer_mut();
    let [list, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    render_table(library, list, buf);
    render_status(library, status, buf);
    if library.help {
        render_help(library, area, buf);
    }
}

fn render_table(library: &Library, area: Rect, buf: &mut Buffer) {
    let theme = &library.theme;
    let title = format!(
        " Articles · {} of {} ",
        library.shown.len(),
        library.entries.len()
    );
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.accent)
        .title(title)
        .title_style(theme.accent);
    let header = [
        ("", SortBy::Opened),
        ("Title", SortBy::Title),
        ("Source", SortBy::Source),
        ("Date", SortBy::Date),
        ("Claims", SortBy::Claims),
        ("Actors", SortBy::Actors),
        ("Marks", SortBy::Marks),
    ]
    .map(|(name, by)| {
        let text = if library.sort == by && !name.is_empty() {
            format!("{name}▼")
        } else {
            name.to_string()
        };
        Cell::from(text)
    });
    // Wide enough for the header and its sort mark; the claims column
    // says when the counts are still to come.
    let widths = [
        Constraint::Length(1),
        Constraint::Fill(2),
        Constraint::Fill(1),
        Constraint::Length(10),
        Constraint::Length(ANALYSING.chars().count() as u16),
        Constraint::Length(7),
        Constraint::Length(6),
    ];
    // Column widths for cutting long titles and paths with an ellipsis.
    let inner = block.inner(area);
    let [_, title_col, source_col, date_col, _, _, _] =
        Layout::horizontal(widths).spacing(1).areas(inner);
    let rows = library
        .shown
        .iter()
        .enumerate()
        .skip(library.top)
        .take(library.rows_on_screen())
        .map(|(row, &e)| {
            let entry = &library.entries[e];
            let counts = match (&entry.analysis, &entry.item) {
                (Some(a), _) => [a.claims.len().to_string(), a.actors.len().to_string()],
                (None, Some(_)) if entry.fetching => [FETCHING.to_string(), "…".to_string()],
                (None, Some(_)) => [NOT_READ.to_string(), String::new()],
                (None, None) => [ANALYSING.to_string(), "…".to_string()],
            };
            let [claims, actors, marks] = [counts[0].clone(), counts[1].clone(), marks(entry)]
                .map(|c| Cell::from(Line::from(c).right_aligned()));
            let date = entry.date().unwrap_or_default();
            // The cursor's row is marked in words too, not only in colour.
            let marker = if row == library.cursor { "›" } else { " " };
            let cells = [
                Cell::from(marker),
                Cell::from(truncate(
                    &for_terminal(&entry.doc.title),
                    title_col.width as usize,
                )),
                Cell::from(truncate(
                    &for_terminal(&entry.doc.source),
                    source_col.width as usize,
                )),
                Cell::from(truncate(&for_terminal(&date), date_col.width as usize)),
                claims,
                actors,
                marks,
            ];
            let row_style = if row == library.cursor {
                theme.selection
            } else {
                ratatui::style::Style::new()
            };
            Row::new(cells).style(row_style)
        });
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(theme.dim.add_modifier(Modifier::BOLD)))
        .column_spacing(1)
        .block(block);
    Widget::render(table, area, buf);
    if library.shown.is_empty() {
        let [_, empty] =
            Layout::vertical([Constraint::Length(2), Constraint::Length(1)]).areas(inner);
        let text = format!("no article's title or source holds “{}”", library.query);
        buf.set_line(
            empty.x + 1,
            empty.y,
            &Line::styled(for_terminal(&text).into_owned(), theme.dim),
            empty.width.saturating_sub(1),
        );
    }
}

/// The marks column: blank for none, so the marked articles stand out.
fn marks(entry: &Entry) -> String {
    match entry.marks {
        0 => String::new(),
        n => n.to_string(),
    }
}

fn render_status(library: &Library, area: Rect, buf: &mut Buffer) {
    let theme = &library.theme;
    buf.set_style(area, theme.status);
    let mut spans = Vec::new();
    if library.typing {
        spans.push(Span::styled(" filter: ", theme.accent));
        spans.push(Span::raw(for_terminal(&library.query).into_owned()));
        spans.push(Span::raw("█"));
        spans.push(Span::styled(
            format!(
                "   {} keep  {} clear",
                library.keymap.label(Action::Confirm),
                library.keymap.label(Action::Cancel)
            ),
            theme.dim,
        ));
    } else {
        let mut about = format!(" sorted by {} ", library.sort.name());
        if !library.query.is_empty() {
            about.push_str(&format!("│ filter: {} ", for_terminal(&library.query)));
        }
        spans.push(Span::raw(about));
        spans.push(Span::raw("│ "));
        match &library.message {
            Some(message) => spans.push(Span::raw(for_terminal(message).into_owned())),
            None => {
                for (action, hint, _) in LIST_KEYS.iter().filter(|(a, ..)| HINTED.contains(a)) {
                    spans.push(Span::styled(library.keymap.label(*action), theme.accent));
                    spans.push(Span::styled(format!(" {hint}  "), theme.dim));
                }
            }
        }
    }
    buf.set_line(
        area.x,
        area.y,
        &Line::from(spans).patch_style(theme.status),
        area.width,
    );
}

/// The list's keys the status bar names; help lists them all.
const HINTED: &[Action] = &[
    Action::Help,
    Action::Open,
    Action::Search,
    Action::Sort,
    Action::Quit,
];

fn render_help(library: &Library, area: Rect, buf: &mut Buffer) {
    let width = 64.min(area.width);
    let height = (LIST_KEYS.len() as u16 + 2).min(area.height);
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    ratatui::widgets::Clear.render(rect, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(library.theme.accent)
        .title(format!(
            " The list of articles · {} close ",
            library.keymap.label(Action::Help)
        ));
    let key_width = LIST_KEYS
        .iter()
        .map(|(a, ..)| library.keymap.label(*a).chars().count())
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = LIST_KEYS
        .iter()
        .map(|(action, _, desc)| {
            Line::from(vec![
                Span::styled(
                    format!("{:>key_width$}  ", library.keymap.label(*action)),
                    library.theme.accent,
                ),
                Span::raw(*desc),
            ])
        })
        .collect();
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(rect, buf);
}
