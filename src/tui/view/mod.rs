//! Drawing: one file per pane or overlay. Views read the app and draw into
//! the frame's buffer; they never change state.

mod actors;
mod claims;
mod detail;
mod dialog;
mod elsewhere;
mod help;
pub mod library;
mod mine;
mod status;
mod text;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Overlay};
use super::keymap::{Action, Pane};

/// Draws the whole screen for the app's current state.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    let areas = &app.screen.areas;
    if let Some(rect) = areas.text {
        text::render(app, rect, buf);
    }
    if let Some(rect) = areas.claims {
        claims::render(app, rect, buf);
    }
    if let Some(rect) = areas.actors {
        actors::render(app, rect, buf);
    }
    if let Some(rect) = areas.status {
        status::render(app, rect, buf);
    }
    match &app.overlay {
        Some(Overlay::Help { scroll }) => help::render(app, *scroll, area, buf),
        Some(Overlay::Export(dialog)) => dialog::render(app, dialog, area, buf),
        Some(Overlay::Detail { claim, scroll }) => detail::render(app, *claim, *scroll, area, buf),
        Some(Overlay::Note(editor)) => mine::render_note(app, editor, area, buf),
        Some(Overlay::Picker(picker)) => mine::render_picker(app, picker, area, buf),
        Some(Overlay::Elsewhere(list)) => elsewhere::render(app, list, area, buf),
        // The search prompts take the status bar's place.
        Some(Overlay::Search { .. } | Overlay::ActorQuery | Overlay::Rename { .. }) | None => {}
    }
}

/// A pane's frame: its title, and the accent colour when it has the focus.
fn pane_block<'a>(app: &App, pane: Pane, title: String) -> Block<'a> {
    let focused = app.focus == pane;
    let style = if focused {
        app.theme.accent
    } else {
        app.theme.border
    };
    let block = if app.screen.areas.bordered {
        Block::bordered().border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
    } else {
        Block::new()
    };
    block
        .border_style(style)
        .title(title)
        .title_style(if focused {
            app.theme.accent
        } else {
            Style::new()
        })
}

/// How far the help overlay can scroll in a window of `area`. The app asks
/// so that its scroll stops at the help's last line: how many lines that is
/// depends on how the help wraps, which only the view knows.
pub fn help_max_scroll(app: &App, area: Rect) -> u16 {
    help::max_scroll(app, area)
}

pub use status::layer_hint;

/// How far the detail view of `claim` can scroll in a window of `area`.
pub fn detail_max_scroll(app: &App, claim: usize, area: Rect) -> u16 {
    detail::max_scroll(app, claim, area)
}

/// Where the claims and actors share the bottom as tabs: the other tab and
/// its key, "[3] Actors", bracketed so the key does not read as a count.
fn other_tab(app: &App, pane: Pane) -> String {
    if app.screen.areas.mode != super::layout::Mode::Narrow {
        return String::new();
    }
    let key = match pane {
        Pane::Claims => Action::FocusClaims,
        Pane::Actors => Action::FocusActors,
        Pane::Text => Action::FocusText,
    };
    format!("· [{}] {} ", app.keymap.label(key), pane.name())
}

/// Renders a pane's block and returns the area inside it.
fn frame_pane(app: &App, pane: Pane, title: String, area: Rect, buf: &mut Buffer) -> Rect {
    pane_block(app, pane, title).render(area, buf);
    app.screen.areas.inner(area)
}

/// A centred box for an overlay, cleared, with a border and title.
fn popup(app: &App, title: &str, width: u16, height: u16, area: Rect, buf: &mut Buffer) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [rect] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    Clear.render(rect, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(app.theme.accent)
        .title(format!(" {title} "))
        .render(rect, buf);
    rect.inner(ratatui::layout::Margin::new(1, 1))
}

/// `text` cut to `width` columns, with an ellipsis when cut.
fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = super::wrap::char_width(c);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod tests_support {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// The screen as the reader draws it at a size, as text.
    pub fn screen(app: &super::App, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| super::draw(app, frame)).unwrap();
        terminal.backend().to_string()
    }
}
