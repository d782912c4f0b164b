//! The actors pane: every actor (or those matching the name filter) by
//! number of claims, with kind, role, claims and mentions; the actors in
//! the filter carry a diamond. Below them, once the library has counted,
//! how many other articles name the selected actor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::super::app::{App, Overlay};
use super::super::keymap::{Action, Pane};
use super::{frame_pane, other_tab, truncate};
use crate::analysis::ActorKind;

fn kind_name(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "org",
        ActorKind::Place => "place",
        ActorKind::Group => "group",
        ActorKind::Anonymous => "anon",
        ActorKind::Other => "other",
    }
}

/// "in 3 other articles · L lists them": the selected actor beyond this article.
fn elsewhere_line(app: &App, actor: usize) -> Line<'static> {
    let count = app.elsewhere_count(actor).unwrap_or(0);
    if count == 0 {
        return Line::styled(" in no other article", app.theme.dim);
    }
    let what = if count == 1 { "article" } else { "articles" };
    Line::from(vec![
        Span::styled(" in ", app.theme.dim),
        Span::styled(count.to_string(), app.theme.accent),
        Span::styled(format!(" other {what} · "), app.theme.dim),
        Span::styled(app.keymap.label(Action::Elsewhere), app.theme.accent),
        Span::styled(" lists the claims", app.theme.dim),
    ])
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let total = app.analysis.actors.len();
    let mut title = if app.actors.query.is_empty() {
        format!(" Actors {total} ")
    } else {
        format!(
            " Actors {}/{total} matching \"{}\" ",
            app.actors.list.len(),
            app.actors.query
        )
    };
    title.push_str(&other_tab(app, Pane::Claims));
    let inner = frame_pane(app, Pane::Actors, title, area, buf);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = usize::from(inner.width);
    // The count columns are as wide as their largest number needs.
    let digits = |n: usize| n.max(1).ilog10() as usize + 1;
    let most = |count: fn(&crate::analysis::Actor) -> usize| {
        let max = app.analysis.actors.iter().map(count).max().unwrap_or(0);
        digits(max).max(2) + 2
    };
    let (cl, mn) = (most(|a| a.claims.len()), most(|a| a.mentions.len()));
    let counts = 7 + cl + mn;
    // Header: the numbers' meaning, right-aligned over them (help explains cl and mn).
    let header = format!(
        "{:>w$}",
        format!("kind{:>cl$}{:>mn$}", "cl", "mn"),
        w = width
    );
    buf.set_stringn(inner.x, inner.y, header, width, app.theme.dim);
    if app.actors.list.is_empty() {
        let why = if app.analysing {
            "analysing…"
        } else if total == 0 {
            "no actors found"
        } else {
            "no actor matches (Esc clears)"
        };
        buf.set_stringn(inner.x, inner.y + 1, why, width, app.theme.dim);
        return;
    }
    let footer = app.elsewhere_footer();
    let rows = usize::from(inner.height.saturating_sub(1 + u16::from(footer)));
    if footer && let Some(actor) = app.actors.selected() {
        let y = inner.y + inner.height - 1;
        let line = elsewhere_line(app, actor);
        buf.set_line(inner.x, y, &line, inner.width);
    }
    for (line, (i, &actor)) in app
        .actors
        .list
        .iter()
        .enumerate()
        .skip(app.actors.top)
        .take(rows)
        .enumerate()
    {
        let a = &app.analysis.actors[actor];
        let colour = app.actor_colour(Some(actor));
        let in_filter = app.claims.filter.names_actor(actor);
        let label_width = width.saturating_sub(2 + counts);
        let name = truncate(&a.name, label_width);
        let role = a
            .role
            .as_deref()
            .map(|r| truncate(&format!(", {r}"), label_width.saturating_sub(name.width())))
            .unwrap_or_default();
        let pad = " ".repeat(label_width.saturating_sub(name.width() + role.width()));
        let nums = format!(
            "{:>7}{:>cl$}{:>mn$}",
            kind_name(a.kind),
            a.claims.len(),
            a.mentions.len()
        );
        let mut row = Line::from(vec![
            Span::styled(if in_filter { "◆ " } else { "  " }, app.theme.accent),
            Span::styled(name, Style::new().fg(colour)),
            Span::styled(role, app.theme.dim),
            Span::raw(pad),
            Span::raw(nums),
        ]);
        let y = inner.y + 1 + line as u16;
        if i == app.actors.cursor
            && (app.focus == Pane::Actors || matches!(app.overlay, Some(Overlay::ActorQuery)))
        {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), app.theme.selection);
            row = row.patch_style(Style::new().add_modifier(Modifier::BOLD));
        } else if i == app.actors.cursor {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), app.theme.selection);
        }
        buf.set_line(inner.x, y, &row, inner.width);
    }
}
