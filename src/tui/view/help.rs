//! The help overlay: the user's actual key bindings from the keymap, and a
//! legend of what the highlights in the text mean.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::app::App;
use super::super::keymap::{ACTIONS, Action, ActionInfo, Scope};
use super::popup;
use crate::safe_text::for_terminal;

/// The widest the help gets; it shrinks with the window.
const WIDTH: u16 = 78;
/// Where descriptions start: two spaces and a 16-column key column.
const COLUMN: usize = 18;

pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let (inner_width, _) = inner_size(area);
    let lines = lines(app, inner_width);
    let height = (lines.len() as u16 + 2).min(area.height);
    // Offer scrolling only when there is something to scroll to.
    let title = if max_scroll(app, area) > 0 {
        format!(
            "Help · {} scroll · {} close",
            app.keymap.label(Action::Down),
            app.keymap.label(Action::Help)
        )
    } else {
        format!("Help · {} close", app.keymap.label(Action::Help))
    };
    let inner = popup(app, &title, WIDTH, height, area, buf);
    let scroll = scroll.min(max_scroll(app, area));
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
}

/// How far the help can scroll in a window of `area`: to its last line,
/// never past it into an empty box.
pub fn max_scroll(app: &App, area: Rect) -> u16 {
    let (width, height) = inner_size(area);
    let rows = lines(app, width).len();
    rows.saturating_sub(height as usize) as u16
}

/// The columns and rows inside the help's border in a window of `area`.
fn inner_size(area: Rect) -> (usize, u16) {
    (
        WIDTH.min(area.width).saturating_sub(2) as usize,
        area.height.saturating_sub(2),
    )
}

/// `first` then `text` wrapped to what is left of `width`, continuation
/// lines indented to the description column.
fn entry(first: Vec<Span<'static>>, text: &str, width: usize) -> Vec<Line<'static>> {
    let room = width.saturating_sub(COLUMN).max(12);
    let mut rows = textwrap::wrap(text, room).into_iter();
    let mut lead = first;
    lead.push(Span::raw(
        rows.next().map(|r| r.into_owned()).unwrap_or_default(),
    ));
    let mut out = vec![Line::from(lead)];
    out.extend(rows.map(|r| Line::raw(format!("{:COLUMN$}{r}", ""))));
    out
}

/// A line of prose, wrapped with a two-space indent.
fn prose(text: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    let options = textwrap::Options::new(width.max(12))
        .initial_indent("  ")
        .subsequent_indent("  ");
    textwrap::wrap(text, options)
        .into_iter()
        .map(|r| Line::styled(r.into_owned(), style))
        .collect()
}

fn lines(app: &App, width: usize) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let heading = |t: &str| Line::styled(t.to_string(), theme.accent);
    let mut out = vec![heading("Keys")];
    let key_entry = |info: &ActionInfo| {
        let label = app.keymap.label(info.action);
        let key = Span::styled(
            format!("  {label:<16}"),
            theme.accent.remove_modifier(Modifier::BOLD),
        );
        entry(vec![key], info.desc, width)
    };
    let typing = |i: &&ActionInfo| matches!(i.scope, Scope::Typing(_));
    for info in ACTIONS.iter().filter(|i| !typing(i)) {
        out.extend(key_entry(info));
    }
    out.push(Line::raw(""));
    out.push(heading("While typing (search, name filter, export dialog)"));
    out.extend(prose(
        &format!(
            "Other keys type. {} cancels; in the export dialog, y or n answers before a file is replaced.",
            app.keymap.label(Action::Cancel)
        ),
        Style::new(),
        width,
    ));
    for info in ACTIONS.iter().filter(typing) {
        out.extend(key_entry(info));
    }
    out.push(Line::raw(""));
    out.push(heading("In the text"));
    let colour = theme.actor(Some(0));
    let reported = Style::new().fg(colour).add_modifier(theme.reported);
    let sample = |text: &str, style: Style, meaning: &str| {
        let lead = vec![
            Span::raw("  "),
            Span::styled(text.to_string(), style),
            // Pad to the key column so meanings line up with the keys'.
            Span::raw(" ".repeat(16usize.saturating_sub(text.chars().count()))),
        ];
        entry(lead, meaning, width)
    };
    let claim = Style::new().fg(colour);
    out.extend(sample(
        "reported words",
        reported,
        "a claim, in its source's colour (each actor has one)",
    ));
    out.extend(sample(
        "quoted words",
        claim.add_modifier(theme.direct),
        "words inside quotation marks",
    ));
    out.extend(sample(
        "the source",
        claim.add_modifier(theme.mention),
        "the mention a claim is attributed to",
    ));
    out.extend(sample(
        "said",
        Style::new().add_modifier(theme.cue),
        "the cue verb or phrase",
    ));
    out.extend(sample(
        "might",
        Style::new().add_modifier(theme.hedge),
        "a hedge",
    ));
    out.extend(sample("31 percent", theme.figure, "a figure"));
    out.extend(sample(
        "the selected claim",
        claim.patch(theme.selection),
        "",
    ));
    out.extend(sample(
        "other claims",
        theme.filtered_out,
        "claims the filter leaves out",
    ));
    out.extend(sample(
        "match",
        theme.search_match,
        "a search match (the current one brighter)",
    ));
    out.extend(sample(
        "●",
        theme.accent,
        "a claim marked for export, in the gutter and the claims list",
    ));
    out.extend(sample(
        "“ ~ ≈",
        Style::new(),
        "claim kinds: direct, indirect, mixed",
    ));
    out.extend(sample("◆", theme.accent, "an actor in the filter"));
    out.extend(sample(
        "cl  mn",
        theme.dim,
        "in the actors list: the actor's claims, and its mentions in the text",
    ));
    if !app.user.orphans.is_empty() {
        // Never dropped: what no longer anchors to the text is listed here.
        out.push(Line::raw(""));
        out.push(heading("Yours, no longer found in the text (kept)"));
        for orphan in &app.user.orphans {
            out.extend(prose(
                &format!("· {}", for_terminal(orphan)),
                Style::new(),
                width,
            ));
        }
    }
    out.push(Line::raw(""));
    out.extend(prose(
        &format!(
            "Keys and colours are set in config.toml ([keys], [theme]).  {} closes.",
            app.keymap.label(Action::Help)
        ),
        theme.dim,
        width,
    ));
    out
}
