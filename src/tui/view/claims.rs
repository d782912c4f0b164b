//! The claims pane: one row per claim the filters show, in text order —
//! mark, kind, source, excerpt — with the selected one highlighted and a
//! count in the title.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::app::App;
use super::super::keymap::Pane;
use super::{frame_pane, other_tab, truncate};
use crate::analysis::ClaimKind;

/// The one-column marker of a claim kind (the help legend explains them).
pub fn kind_marker(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "“",
        ClaimKind::Indirect => "~",
        ClaimKind::Mixed => "≈",
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let total = app.analysis.claims.len();
    let shown = app.claims.shown.len();
    let at = app
        .claims
        .position()
        .map_or("–".to_string(), |p| (p + 1).to_string());
    let mut title = if shown == total {
        format!(" Claims {at}/{total} ")
    } else {
        format!(" Claims {at}/{shown} of {total} ")
    };
    title.push_str(&other_tab(app, Pane::Actors));
    let inner = frame_pane(app, Pane::Claims, title, area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    if app.claims.shown.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            app.why_no_claims_shown(),
            usize::from(inner.width),
            app.theme.dim,
        );
        return;
    }
    let text = app.doc.text.as_str();
    let width = usize::from(inner.width);
    let rows: Vec<usize> = app
        .claims
        .shown
        .iter()
        .skip(app.claims.top)
        .take(usize::from(inner.height))
        .copied()
        .collect();
    let source_name = |claim: usize| {
        let c = &app.analysis.claims[claim];
        match (c.source.and_then(|s| s.actor), c.source) {
            (Some(a), _) => app.analysis.actors[a].name.clone(),
            (None, Some(s)) => s.span.of(text).to_string(),
            (None, None) => "—".to_string(),
        }
    };
    // Sources' names whole when the pane is wide enough, else cut.
    let longest = rows.iter().map(|&c| source_name(c).width()).max();
    let name_width = longest
        .unwrap_or(0)
        .min((width * 2 / 5).clamp(6, 30))
        .max(6);
    for (line, &claim) in rows.iter().enumerate() {
        let c = &app.analysis.claims[claim];
        let actor = c.source.and_then(|s| s.actor);
        let colour = app.actor_colour(actor);
        let name = truncate(&source_name(claim), name_width);
        let pad = " ".repeat(name_width.saturating_sub(name.width()));
        let excerpt: String = c
            .span
            .of(text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let rest = width.saturating_sub(4 + name_width + 1);
        let user = app.annotation(claim);
        let mark = if user.marked { "●" } else { " " };
        // After the kind: ✎ a note, ✱ corrected by the user.
        let flag = match (&user.note, user.by_user) {
            (Some(_), _) => "✎",
            (None, true) => "✱",
            (None, false) => " ",
        };
        let mut row = Line::from(vec![
            Span::styled(mark, app.theme.accent),
            Span::styled(
                kind_marker(c.kind),
                Style::new().fg(colour).add_modifier(Modifier::BOLD),
            ),
            Span::styled(flag, app.theme.accent),
            Span::styled(format!("{name}{pad}"), Style::new().fg(colour)),
            Span::raw(" "),
            Span::raw(truncate(&excerpt, rest)),
        ]);
        if user.dismissed {
            row = row.patch_style(app.theme.dim.add_modifier(Modifier::CROSSED_OUT));
        }
        if app.claims.selected == Some(claim) {
            row = row.patch_style(app.theme.selection);
            if app.focus == Pane::Claims {
                row = row.patch_style(Style::new().add_modifier(Modifier::BOLD));
            }
        }
        let y = inner.y + line as u16;
        if app.claims.selected == Some(claim) {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), app.theme.selection);
        }
        buf.set_line(inner.x, y, &row, inner.width);
    }
}
