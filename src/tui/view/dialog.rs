//! The export dialog: what will be exported, the format, the file name
//! being typed, and the question before replacing a file.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::super::app::App;
use super::super::dialog::ExportDialog;
use super::super::keymap::Layer;
use super::popup;
use crate::export::{FORMATS, FormatSpec};

pub fn render(app: &App, dialog: &ExportDialog, area: Rect, buf: &mut Buffer) {
    let inner = popup(app, "Export", 60, 9, area, buf);
    let n = dialog.claims.len();
    let which = if dialog.marked { "marked" } else { "shown" };
    let format = |f: &FormatSpec| {
        let style = if dialog.format == f {
            app.theme.accent.add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        };
        Span::styled(format!(" {} ", f.name), style)
    };
    let mut lines = vec![
        Line::raw(format!(
            "{n} {which} claim{}",
            if n == 1 { "" } else { "s" }
        )),
        Line::from(
            std::iter::once(Span::raw("Format "))
                .chain(FORMATS.iter().map(format))
                .collect::<Vec<_>>(),
        ),
        Line::styled(
            format!("       {}", dialog.format.description),
            app.theme.dim,
        ),
        Line::from(vec![
            Span::raw("File   "),
            Span::styled(
                dialog.path.clone(),
                Style::new().add_modifier(Modifier::UNDERLINED),
            ),
            Span::raw("█"),
        ]),
        Line::from(vec![
            Span::raw("Into   "),
            Span::styled(folder_of(dialog, inner.width), app.theme.dim),
        ]),
    ];
    if dialog.confirm_overwrite {
        lines.push(Line::styled(
            format!("{} exists. Replace it? y/n", dialog.path),
            app.theme.current_match,
        ));
    } else if let Some(error) = &dialog.error {
        lines.push(Line::styled(error.clone(), app.theme.current_match));
    } else {
        lines.push(Line::styled(
            super::status::layer_hint(app, Layer::Export),
            app.theme.dim,
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// The folder the file will be written in, as the user would type it
/// (`~` for the home folder), its start cut when it does not fit.
fn folder_of(dialog: &ExportDialog, width: u16) -> String {
    let target = dialog.target();
    let folder = target.parent().unwrap_or(&target);
    let shown = match dialog
        .home
        .as_deref()
        .and_then(|h| folder.strip_prefix(h).ok())
    {
        Some(rest) if rest.as_os_str().is_empty() => "~/".to_string(),
        Some(rest) => format!("~/{}/", rest.display()),
        None => format!("{}/", folder.display()).replace("//", "/"),
    };
    let room = usize::from(width).saturating_sub(8);
    let chars: Vec<char> = shown.chars().collect();
    if chars.len() > room && room > 1 {
        let kept: String = chars[chars.len() - (room - 1)..].iter().collect();
        format!("…{kept}")
    } else {
        shown
    }
}
