//! The overlays of the user's own work: the note editor and the actor
//! picker (for a claim's source, a new claim's, or the actor to merge into).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::app::{App, Choice, NoteEditor, PickFor, Picker};
use super::super::keymap::Layer;
use super::{popup, status::layer_hint, truncate};
use crate::safe_text::for_terminal;

pub fn render_note(app: &App, editor: &NoteEditor, area: Rect, buf: &mut Buffer) {
    let height = (editor.lines.len() as u16 + 6).clamp(8, area.height.max(1));
    let inner = popup(app, "Note", 64, height, area, buf);
    let width = usize::from(inner.width);
    let claim = app.analysis.claims[editor.claim].span.of(&app.doc.text);
    let about = truncate(&for_terminal(&one_line(claim)), width.saturating_sub(2));
    let mut lines = vec![
        Line::styled(format!("on “{about}”"), app.theme.dim),
        Line::raw(""),
    ];
    let last = editor.lines.len().saturating_sub(1);
    for (i, line) in editor.lines.iter().enumerate() {
        let mut spans = vec![Span::raw(for_terminal(line).into_owned())];
        if i == last {
            spans.push(Span::raw("█"));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(layer_hint(app, Layer::Note), app.theme.dim));
    // Keep the line being typed (and the hint) in view in a long note.
    let scroll = (lines.len() as u16).saturating_sub(inner.height);
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(inner, buf);
}

pub fn render_picker(app: &App, picker: &Picker, area: Rect, buf: &mut Buffer) {
    let choices = app.pick_choices(picker);
    let title = match picker.purpose {
        PickFor::Source { .. } => "Source of the claim".to_string(),
        PickFor::NewClaim { .. } => "Source of the new claim".to_string(),
        PickFor::Merge { actor } => format!("Merge {} into", app.analysis.actors[actor].name),
    };
    let height = (choices.len() as u16 + 5).clamp(7, area.height.max(1));
    let inner = popup(app, &for_terminal(&title), 56, height, area, buf);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::from(vec![
        Span::styled("> ", app.theme.accent),
        Span::raw(for_terminal(&picker.query).into_owned()),
        Span::raw("█"),
    ])];
    let rows = usize::from(inner.height.saturating_sub(3));
    let top = picker.cursor.saturating_sub(rows.saturating_sub(1));
    for (i, choice) in choices.iter().enumerate().skip(top).take(rows) {
        let (label, style) = match choice {
            Choice::Actor(a) => {
                let actor = &app.analysis.actors[*a];
                let role = actor
                    .role
                    .as_deref()
                    .map(|r| format!(", {r}"))
                    .unwrap_or_default();
                (
                    format!("{}{role}", actor.name),
                    Style::new().fg(app.actor_colour(Some(*a))),
                )
            }
            Choice::Nobody => ("nobody (no source)".to_string(), app.theme.dim),
            Choice::New(name) => (format!("new actor “{name}”"), app.theme.accent),
        };
        let label = truncate(&for_terminal(&label), width.saturating_sub(2));
        let mut line = Line::from(vec![Span::raw("  "), Span::styled(label, style)]);
        if i == picker.cursor {
            line = line.patch_style(app.theme.selection.add_modifier(Modifier::BOLD));
        }
        lines.push(line);
    }
    let hint_row = inner.y + inner.height.saturating_sub(1);
    Paragraph::new(lines).render(inner, buf);
    buf.set_stringn(
        inner.x,
        hint_row,
        layer_hint(app, Layer::Picker),
        width,
        app.theme.dim,
    );
}

/// Text with its line breaks and runs of spaces made single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
