//! The help overlay: the user's actual key bindings from the keymap, and a
//! legend of what the highlights in the text mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::app::App;
use super::super::keymap::{ACTIONS, Action};
use super::popup;

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let lines = lines(app);
    let height = (lines.len() as u16 + 2).min(area.height);
    let title = format!(
        "Help · {} scroll · {} close",
        app.keymap.label(Action::Down),
        app.keymap.label(Action::Help)
    );
    let inner = popup(app, &title, 78, height, area, buf);
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
}

fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let heading = |t: &str| Line::styled(t.to_string(), theme.accent);
    let mut out = vec![heading("Keys")];
    for info in ACTIONS {
        let label = app.keymap.label(info.action);
        out.push(Line::from(vec![
            Span::styled(
                format!("  {label:<16}"),
                theme.accent.remove_modifier(Modifier::BOLD),
            ),
            Span::raw(info.desc),
        ]));
    }
    out.push(Line::raw(
        "  Prompts and dialogs: type, Backspace, Enter to keep, Esc to cancel.",
    ));
    out.push(Line::raw(""));
    out.push(heading("In the text"));
    let colour = theme.actor(Some(0));
    let sample = |text: &str, style: Style, meaning: &str| {
        Line::from(vec![
            Span::raw("  "),
            Span::styled(text.to_string(), style),
            // Pad to the key column so meanings line up with the keys'.
            Span::raw(format!(
                "{:w$}{meaning}",
                "",
                w = 16usize.saturating_sub(text.chars().count())
            )),
        ])
    };
    let claim = Style::new().fg(colour);
    out.push(sample(
        "reported words",
        claim,
        "a claim, in its source's colour (each actor has one)",
    ));
    out.push(sample(
        "quoted words",
        claim.add_modifier(theme.direct),
        "words inside quotation marks",
    ));
    out.push(sample(
        "the source",
        claim.add_modifier(theme.mention),
        "the mention a claim is attributed to",
    ));
    out.push(sample(
        "said",
        Style::new().add_modifier(theme.cue),
        "the cue verb or phrase",
    ));
    out.push(sample(
        "might",
        Style::new().add_modifier(theme.hedge),
        "a hedge",
    ));
    out.push(sample(
        "31 percent",
        Style::new().add_modifier(theme.figure),
        "a figure",
    ));
    out.push(sample(
        "the selected claim",
        claim.patch(theme.selection),
        "",
    ));
    out.push(sample(
        "other claims",
        theme.filtered_out,
        "claims the filter leaves out",
    ));
    out.push(sample(
        "match",
        theme.search_match,
        "a search match (the current one brighter)",
    ));
    out.push(sample(
        "●",
        theme.accent,
        "a claim marked for export, in the gutter and the claims list",
    ));
    out.push(sample(
        "“ ~ ≈",
        Style::new(),
        "claim kinds: direct, indirect, mixed",
    ));
    out.push(sample("◆", theme.accent, "an actor in the filter"));
    out.push(Line::raw(""));
    out.push(Line::styled(
        format!(
            "  Keys and colours are set in config.toml ([keys], [theme]).  {} closes.",
            app.keymap.label(Action::Help)
        ),
        theme.dim,
    ));
    out
}
