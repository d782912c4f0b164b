//! The status bar: the file, the focused pane, the active filters and
//! search, then a message or the focused pane's key hints from the keymap.
//! While a search is typed, it becomes the search prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use super::super::app::{App, KindFilter, Overlay};
use super::super::keymap::Action;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, app.theme.status);
    let line = match &app.overlay {
        Some(Overlay::Search { .. }) => {
            let search = app.search.as_ref();
            let query = search.map_or("", |s| s.query.as_str());
            let count = search
                .filter(|s| !s.query.is_empty())
                .map(|s| s.count())
                .unwrap_or_default();
            Line::from(vec![
                Span::styled(" /", app.theme.accent),
                Span::raw(query.to_string()),
                Span::styled("█", Style::new().add_modifier(Modifier::SLOW_BLINK)),
                Span::raw(format!("  {count}")),
                Span::styled("   Enter: keep · Esc: cancel", app.theme.dim),
            ])
        }
        Some(Overlay::ActorQuery) => Line::from(vec![
            Span::styled(" actors: ", app.theme.accent),
            Span::raw(app.actor_query.clone()),
            Span::raw("█"),
            Span::raw(format!(
                "  {} of {}",
                app.actor_list.len(),
                app.analysis.actors.len()
            )),
            Span::styled("   Enter: keep · Esc: clear", app.theme.dim),
        ]),
        _ => normal_line(app),
    };
    buf.set_line(
        area.x,
        area.y,
        &line.patch_style(app.theme.status),
        area.width,
    );
}

/// The file's name without its folders: the status bar is short.
fn file_name(path: &str) -> &str {
    std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}

fn normal_line(app: &App) -> Line<'static> {
    let mut spans = vec![
        Span::styled(
            format!(" {} ", file_name(&app.doc.path)),
            app.theme.accent.add_modifier(Modifier::REVERSED),
        ),
        Span::styled(format!(" {} ", app.focus.name()), app.theme.accent),
    ];
    if app.analysing {
        spans.push(Span::styled(
            "│ analysing… ",
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    let mut filters = Vec::new();
    if !app.filter.is_empty() {
        filters.push(app.filter_names());
    }
    if app.kind_filter != KindFilter::All {
        filters.push(format!("{} only", app.kind_filter.name()));
    }
    if !filters.is_empty() {
        spans.push(Span::styled(
            format!("│ filter: {} ", filters.join(" · ")),
            Style::new().add_modifier(Modifier::BOLD),
        ));
    }
    if let Some(search) = app.search.as_ref().filter(|s| !s.query.is_empty()) {
        spans.push(Span::raw(format!(
            "│ /{} {} ",
            search.query,
            search.count()
        )));
    }
    if !app.marks.is_empty() {
        spans.push(Span::raw(format!("│ {} marked ", app.marks.len())));
    }
    spans.push(Span::raw("│ "));
    match &app.message {
        Some(message) => spans.push(Span::styled(
            message.clone(),
            Style::new().add_modifier(Modifier::BOLD),
        )),
        None => {
            let mut hints = app.keymap.hints(app.focus);
            // Help first of the globals: it leads to everything else.
            hints.retain(|(_, h)| *h != "help");
            hints.insert(0, (app.keymap.label(Action::Help), "help"));
            for (key, hint) in hints {
                spans.push(Span::styled(key, app.theme.accent));
                spans.push(Span::styled(format!(" {hint}  "), app.theme.dim));
            }
        }
    }
    Line::from(spans)
}
