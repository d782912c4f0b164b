//! The status bar: the file, the focused pane, the active filters and
//! search, then a message or the focused pane's key hints from the keymap.
//! While a search is typed, it becomes the search prompt. Everything from
//! the article or the user (file name, names, messages) shows control
//! characters as pictures ([`for_terminal`]).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::app::{App, Overlay};
use super::super::keymap::{Action, Layer};
use super::truncate;
use crate::safe_text::for_terminal;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.status);
    let line = match &app.overlay {
        Some(Overlay::Search { .. }) => {
            let search = app.text.search.as_ref();
            let query = search.map_or("", |s| s.query.as_str());
            let count = search
                .filter(|s| !s.query.is_empty())
                .map(|s| s.count())
                .unwrap_or_default();
            let prompt = vec![
                Span::styled(" /", app.theme.accent),
                Span::raw(for_terminal(query).into_owned()),
                Span::styled("█", Style::new().add_modifier(Modifier::SLOW_BLINK)),
                Span::raw(format!("  {count}")),
            ];
            with_hint_if_room(prompt, &layer_hint(app, Layer::Search), app, area.width)
        }
        Some(Overlay::ActorQuery) => {
            let prompt = vec![
                Span::styled(" actors: ", app.theme.accent),
                Span::raw(for_terminal(&app.actors.query).into_owned()),
                Span::raw("█"),
                Span::raw(format!(
                    "  {} of {}",
                    app.actors.list.len(),
                    app.analysis.actors.len()
                )),
            ];
            with_hint_if_room(prompt, &layer_hint(app, Layer::ActorQuery), app, area.width)
        }
        Some(Overlay::Rename { name, .. }) => {
            let prompt = vec![
                Span::styled(" new name: ", app.theme.accent),
                Span::raw(for_terminal(name).into_owned()),
                Span::raw("█"),
            ];
            with_hint_if_room(prompt, &layer_hint(app, Layer::Rename), app, area.width)
        }
        _ => normal_line(app, area.width as usize),
    };
    buf.set_line(
        area.x,
        area.y,
        &line.patch_style(app.theme.status),
        area.width,
    );
}

/// A prompt, and its keys after it when they fit whole: half a hint
/// ("Esc: c") is worse than none.
fn with_hint_if_room(
    mut prompt: Vec<Span<'static>>,
    hint: &str,
    app: &App,
    width: u16,
) -> Line<'static> {
    let used: usize = prompt.iter().map(Span::width).sum();
    let hint = format!("   {hint}");
    if used + hint.chars().count() <= width as usize {
        prompt.push(Span::styled(hint, app.theme.dim));
    }
    Line::from(prompt)
}

/// "Enter: keep · Esc: cancel": a typing layer's keys, from the keymap.
pub fn layer_hint(app: &App, layer: Layer) -> String {
    app.keymap
        .layer_hints(layer)
        .iter()
        .map(|(key, hint)| format!("{key}: {hint}"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The file's name without its folders: the status bar is short. An
/// article piped in is "stdin", not the "-" that asked for it.
fn file_name(path: &str) -> &str {
    if path == "-" {
        return "stdin";
    }
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

/// The file, the pane and what filters the claims, then the message or
/// as many whole key hints as fit: a hint cut in half reads as a wrong key.
/// When even the help hint would not fit, the file name gives way first.
fn normal_line(app: &App, width: usize) -> Line<'static> {
    let state = state_spans(app);
    let state_width: usize = state.iter().map(Span::width).sum();
    let tail = match &app.message {
        Some(message) => vec![Span::styled(
            for_terminal(message).into_owned(),
            Style::new().add_modifier(Modifier::BOLD),
        )],
        None => Vec::new(),
    };
    let hints = if app.message.is_none() {
        hint_spans(app)
    } else {
        Vec::new()
    };
    // Room for the help hint (the first) after the file name, if there is any.
    let help_width = hints.first().map_or(0, |(k, h)| k.width() + h.width());
    let name = for_terminal(file_name(&app.doc.source));
    let name_room = width.saturating_sub(state_width + help_width + 2);
    let mut spans = Vec::new();
    if name_room >= 4 {
        spans.push(Span::styled(
            format!(" {} ", truncate(&name, name_room - 2)),
            app.theme.accent.add_modifier(Modifier::REVERSED),
        ));
    }
    spans.extend(state);
    spans.extend(tail);
    let mut used: usize = spans.iter().map(Span::width).sum();
    for (key, hint) in hints {
        // (The gap after the last hint may fall off the edge.)
        if used + key.width() + hint.width() - 2 > width {
            break;
        }
        used += key.width() + hint.width();
        spans.push(key);
        spans.push(hint);
    }
    Line::from(spans)
}

/// The focused pane and what the claims are filtered by, ending with the
/// separator before the message or hints.
fn state_spans(app: &App) -> Vec<Span<'static>> {
    let mut spans = vec![Span::styled(
        format!(" {} ", app.focus.name()),
        app.theme.accent,
    )];
    if app.analysing {
        spans.push(Span::styled(
            "│ analysing… ",
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    let mut filters = Vec::new();
    if app.claims.filter.actors.is_some() {
        filters.push(for_terminal(&app.filter_names()).into_owned());
    }
    if !app.claims.filter.kinds.is_empty() {
        filters.push(format!("{} only", app.claims.filter.kinds_name()));
    }
    if !filters.is_empty() {
        spans.push(Span::styled(
            format!("│ filter: {} ", filters.join(" · ")),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    if let Some(search) = app.text.search.as_ref().filter(|s| !s.query.is_empty()) {
        spans.push(Span::raw(format!(
            "│ /{} {} ",
            for_terminal(&search.query),
            search.count()
        )));
    }
    let marked = app.marked().len();
    if marked > 0 {
        spans.push(Span::raw(format!("│ {marked} marked ")));
    }
    if !app.user.orphans.is_empty() {
        // Never dropped: help (?) lists them.
        spans.push(Span::raw(format!("│ {} orphaned ", app.user.orphans.len())));
    }
    spans.push(Span::raw("│ "));
    spans
}

/// The focused pane's hints, help first: it leads to everything else. Each
/// is a key and its word (with the gap after it).
fn hint_spans(app: &App) -> Vec<(Span<'static>, Span<'static>)> {
    let mut hints = app.keymap.hints(app.focus);
    hints.retain(|(_, h)| *h != "help");
    hints.insert(0, (app.keymap.label(Action::Help), "help"));
    hints
        .into_iter()
        .map(|(key, hint)| {
            (
                Span::styled(key, app.theme.accent),
                Span::styled(format!(" {hint}  "), app.theme.dim),
            )
        })
        .collect()
}
