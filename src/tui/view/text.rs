//! The text pane: the article wrapped to the column, each claim in its
//! source's colour, quotes bold, mentions underlined, cues italic, hedges
//! dim; the selected claim on a tinted background; marks and the cursor in
//! the gutter. Only the rows on screen are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::app::App;
use super::super::keymap::Pane;
use super::super::lookup::{claim_at, covering};
use super::frame_pane;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let wrapped = app.wrapped();
    let total = wrapped.rows.len();
    let height = usize::from(app.screen.areas.column.height);
    // How far down the article the view is: 0% at the top, 100% at the end.
    let last_top = total.saturating_sub(height);
    let percent = (app.text.top.min(last_top) * 100)
        .checked_div(last_top)
        .unwrap_or(100);
    let title = format!(" {} ", app.doc.title);
    let inner = frame_pane(app, Pane::Text, title, area, buf);
    if inner.height == 0 {
        return;
    }
    let column = app.screen.areas.column;
    let gutter = app.screen.areas.gutter;
    let cursor_row = app.cursor_row();
    let text = app.doc.text.as_str();
    // The gutter: ● a marked claim starts on the row, ✎ a claim with a note.
    let starts = |keep: fn(&crate::corrected::Annotation) -> bool| -> Vec<usize> {
        (0..app.user.claims.len().min(app.analysis.claims.len()))
            .filter(|&c| keep(&app.user.claims[c]))
            .map(|c| wrapped.row_of(app.analysis.claims[c].span.start))
            .collect()
    };
    let marked_starts = starts(|a| a.marked);
    let noted_starts = starts(|a| a.note.is_some());
    for line in 0..inner.height {
        let row_index = app.text.top + usize::from(line);
        let Some(row) = wrapped.rows.get(row_index) else {
            break;
        };
        let y = column.y + line;
        if gutter.width >= 2 {
            if marked_starts.contains(&row_index) {
                buf.set_string(gutter.x, y, "●", app.theme.accent);
            } else if noted_starts.contains(&row_index) {
                buf.set_string(gutter.x, y, "✎", app.theme.accent);
            }
            if row_index == cursor_row {
                let style = if app.focus == Pane::Text {
                    app.theme.accent
                } else {
                    app.theme.dim
                };
                buf.set_string(gutter.x + 1, y, "▌", style);
            }
        }
        let spans = styled_row(app, &text[row.start..row.end], row.start);
        buf.set_line(column.x, y, &Line::from(spans), column.width);
    }
    // Where we are in the article, on the bottom border.
    if app.screen.areas.bordered && area.width > 8 {
        let label = format!(" {percent}% ");
        let x = area.right().saturating_sub(label.len() as u16 + 1);
        buf.set_string(x, area.bottom() - 1, label, app.theme.border);
    }
}

/// One row of text cut into runs of the same style.
fn styled_row<'a>(app: &App, row: &'a str, base: usize) -> Vec<Span<'a>> {
    let mut spans = Vec::new();
    let mut run_start = 0;
    let mut run_style = None;
    for (i, _) in row.char_indices() {
        let style = style_at(app, base + i);
        if run_style != Some(style) {
            if let Some(s) = run_style {
                spans.push(Span::styled(clean(&row[run_start..i]), s));
            }
            run_start = i;
            run_style = Some(style);
        }
    }
    if let Some(s) = run_style {
        spans.push(Span::styled(clean(&row[run_start..]), s));
    }
    spans
}

/// Tabs and other control characters show as spaces.
fn clean(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().any(char::is_control) {
        text.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// The style of the character at byte `offset`.
fn style_at(app: &App, offset: usize) -> Style {
    let theme = &app.theme;
    let lookup = &app.lookup;
    let analysis = &app.analysis;
    let filtered_out = |actor: Option<usize>| !app.claims.filter.keeps_actor(actor);
    let mut style = Style::new();
    if let Some(c) = claim_at(analysis, offset, |_| true) {
        let actor = analysis.claims[c].source.and_then(|s| s.actor);
        if app.claims.is_shown(c) {
            style = style.fg(app.actor_colour(actor));
            style = if covering(&lookup.quotes, |s| *s, offset).is_some() {
                style.add_modifier(theme.direct)
            } else {
                style.add_modifier(theme.reported)
            };
        } else {
            style = style.patch(theme.filtered_out);
        }
        if app.claims.selected == Some(c) {
            style = style.patch(theme.selection);
        }
        if app.annotation(c).dismissed {
            style = style.add_modifier(Modifier::CROSSED_OUT);
        }
    }
    if app.selection().is_some_and(|s| s.contains_offset(offset)) {
        style = style.add_modifier(Modifier::REVERSED);
    }
    if let Some(i) = covering(&lookup.sources, |s| s.0, offset) {
        let actor = lookup.sources[i].1;
        style = style.add_modifier(theme.mention);
        style = if filtered_out(actor) {
            style.patch(theme.filtered_out)
        } else {
            style.fg(app.actor_colour(actor))
        };
    } else if app.focus == Pane::Actors
        && let Some(actor) = app.actors.selected()
        && covering(&analysis.actors[actor].mentions, |s| *s, offset).is_some()
    {
        style = style
            .add_modifier(theme.mention)
            .fg(app.actor_colour(Some(actor)));
    }
    if covering(&lookup.cues, |s| *s, offset).is_some() {
        style = style.add_modifier(theme.cue);
    }
    if covering(&lookup.hedges, |s| *s, offset).is_some() {
        style = style.add_modifier(theme.hedge);
    }
    if covering(&lookup.figures, |s| *s, offset).is_some() {
        style = style.patch(theme.figure);
    }
    if app.text.flash.is_some_and(|f| f.contains_offset(offset)) {
        style = style.patch(theme.current_match);
    }
    if let Some(search) = &app.text.search
        && let Some(i) = covering(&search.matches, |s| *s, offset)
    {
        style = style.patch(if search.current == Some(i) {
            theme.current_match
        } else {
            theme.search_match
        });
    }
    style
}
