//! The claim detail view: a claim whole, and why the reader sees it there —
//! its kind, its source with the mention that named it and how that mention
//! was tied to the actor, the cue, hedges and figures, and the rule that
//! made the claim, in words.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::super::app::App;
use super::super::keymap::Action;
use super::popup;
use crate::analysis::{ActorKind, ClaimKind};
use crate::safe_text::for_terminal;

/// The widest the view gets; it shrinks with the window.
const WIDTH: u16 = 84;
/// Where the values start, after the field names.
const LABEL: usize = 10;

pub fn render(app: &App, claim: usize, scroll: u16, area: Rect, buf: &mut Buffer) {
    let (width, _) = inner_size(area);
    let lines = lines(app, claim, width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let at = app
        .claims
        .shown
        .binary_search(&claim)
        .map_or("–".to_string(), |p| (p + 1).to_string());
    let keys = &app.keymap;
    let title = format!(
        "Claim {at}/{} · {} next/prev · {} show in text · {} close",
        app.claims.shown.len(),
        keys.label(Action::Next),
        keys.label(Action::Open),
        keys.label(Action::Cancel),
    );
    let inner = popup(app, &title, WIDTH, height, area, buf);
    let scroll = scroll.min(max_scroll(app, claim, area));
    Paragraph::new(lines).scroll((scroll, 0)).render(inner, buf);
}

/// How far the view can scroll in a window of `area`.
pub fn max_scroll(app: &App, claim: usize, area: Rect) -> u16 {
    let (width, height) = inner_size(area);
    let rows = lines(app, claim, width).len();
    rows.saturating_sub(height as usize) as u16
}

fn inner_size(area: Rect) -> (usize, u16) {
    (
        WIDTH.min(area.width).saturating_sub(2) as usize,
        area.height.saturating_sub(2),
    )
}

fn kind_words(kind: ClaimKind) -> &'static str {
    match kind {
        ClaimKind::Direct => "direct: words in quotation marks",
        ClaimKind::Indirect => "indirect: reported without quotation marks",
        ClaimKind::Mixed => "mixed: reported, with a quoted stretch",
    }
}

fn actor_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organisation",
        ActorKind::Place => "place",
        ActorKind::Group => "group",
        ActorKind::Anonymous => "anonymous source",
        ActorKind::Other => "other",
    }
}

/// A field: its name in the label column, the value wrapped beside it.
fn field(name: &str, value: &str, style: Style, width: usize) -> Vec<Line<'static>> {
    let room = width.saturating_sub(LABEL + 1).max(12);
    let value = for_terminal(value);
    let rows = textwrap::wrap(&value, room);
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let label = if i == 0 { name } else { "" };
            Line::from(vec![
                Span::styled(
                    format!(" {label:<LABEL$}"),
                    Style::new().add_modifier(Modifier::DIM),
                ),
                Span::styled(row.into_owned(), style),
            ])
        })
        .collect()
}

/// Spans of the text, quoted and joined, or "none".
fn quoted_list(text: &str, spans: impl Iterator<Item = crate::span::Span>) -> String {
    let words: Vec<String> = spans
        .map(|s| format!("“{}”", one_line(s.of(text))))
        .collect();
    if words.is_empty() {
        "none".to_string()
    } else {
        words.join(", ")
    }
}

/// Text with its line breaks and runs of spaces made single spaces, and
/// its control characters made visible.
fn one_line(text: &str) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for_terminal(&joined).into_owned()
}

fn lines(app: &App, claim: usize, width: usize) -> Vec<Line<'static>> {
    let text = app.doc.text.as_str();
    let analysis = &app.analysis;
    let c = &analysis.claims[claim];
    let actor = c.source.and_then(|s| s.actor);
    let colour = Style::new().fg(app.actor_colour(actor));
    let mut out = Vec::new();
    // The claim itself, whole.
    let body = colour.add_modifier(if c.kind == ClaimKind::Direct {
        app.theme.direct
    } else {
        app.theme.reported
    });
    let options = textwrap::Options::new(width.saturating_sub(2).max(12))
        .initial_indent(" ")
        .subsequent_indent(" ");
    for row in textwrap::wrap(&one_line(c.span.of(text)), options) {
        out.push(Line::styled(row.into_owned(), body));
    }
    out.push(Line::raw(""));
    let plain = Style::new();
    out.extend(field("kind", kind_words(c.kind), plain, width));
    match c.source {
        Some(source) => {
            let mention = one_line(source.span.of(text));
            let who = match actor.map(|a| &analysis.actors[a]) {
                Some(a) => {
                    let role = a
                        .role
                        .as_deref()
                        .map(|r| format!(", {r}"))
                        .unwrap_or_default();
                    out.extend(field(
                        "source",
                        &format!("{}{role} ({})", a.name, actor_kind(a.kind)),
                        colour,
                        width,
                    ));
                    a.name.clone()
                }
                None => {
                    out.extend(field("source", &mention, colour, width));
                    "no actor of the article".to_string()
                }
            };
            // The chain that named it: the mention, and whom it stands for.
            let chain = if mention == who {
                format!("“{mention}”")
            } else {
                format!("“{mention}” → {who}")
            };
            out.extend(field("named", &chain, plain, width));
            out.extend(field("found by", source.via.describe(), plain, width));
        }
        None => out.extend(field(
            "source",
            "none found in the text",
            app.theme.dim,
            width,
        )),
    }
    out.extend(field(
        "cue",
        &quoted_list(text, c.cue.into_iter()),
        plain,
        width,
    ));
    out.extend(field(
        "hedges",
        &quoted_list(text, c.hedges.iter().copied()),
        plain,
        width,
    ));
    let figures = analysis
        .figures
        .iter()
        .filter(|f| f.claim == Some(claim))
        .map(|f| f.span);
    out.extend(field("figures", &quoted_list(text, figures), plain, width));
    out.extend(field("rule", c.rule.describe(), plain, width));
    let user = app.annotation(claim);
    let mut yours = Vec::new();
    if user.marked {
        yours.push("marked");
    }
    if user.by_user {
        yours.push("corrected by you");
    }
    if user.dismissed {
        yours.push("dismissed: not a claim");
    }
    if !yours.is_empty() {
        out.extend(field("yours", &yours.join(" · "), app.theme.accent, width));
    }
    match &user.note {
        Some(note) => {
            out.push(Line::raw(""));
            for (i, line) in note.lines().enumerate() {
                out.extend(field(if i == 0 { "note" } else { "" }, line, plain, width));
            }
        }
        None => out.extend(field(
            "note",
            &format!("none ({} adds one)", app.keymap.label(Action::Note)),
            app.theme.dim,
            width,
        )),
    }
    out
}
