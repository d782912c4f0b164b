//! Where each pane goes for a terminal size: side by side when wide, the
//! lists as tabs under the text when narrow, only the focused pane when tiny.
//! Shared by the app (scrolling, mouse) and the views (drawing), so both
//! always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use super::keymap::Pane;

/// How the screen is split.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Text on the left, claims over actors on the right.
    #[default]
    Wide,
    /// Text on top; claims and actors share the bottom as tabs.
    Narrow,
    /// Only the focused pane, and the status bar when there is room.
    Tiny,
}

/// The rectangles of one frame. A pane that is not on screen has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    pub mode: Mode,
    pub text: Option<Rect>,
    pub claims: Option<Rect>,
    pub actors: Option<Rect>,
    pub status: Option<Rect>,
    /// Whether panes have borders (not when tiny).
    pub bordered: bool,
    /// Where the text itself goes, inside the text pane: after the gutter,
    /// at most the configured width, centred.
    pub column: Rect,
    /// The mark and cursor gutter just left of `column`.
    pub gutter: Rect,
}

/// Columns the gutter takes: a mark and the cursor.
pub const GUTTER: u16 = 2;

impl Areas {
    /// `side_tab` is the list the narrow layout shows while the text has focus.
    pub fn new(size: Rect, focus: Pane, side_tab: Pane, max_text_width: u16) -> Areas {
        let mode = if size.width >= 100 && size.height >= 12 {
            Mode::Wide
        } else if size.width >= 40 && size.height >= 14 {
            Mode::Narrow
        } else {
            Mode::Tiny
        };
        let mut areas = Areas {
            mode,
            bordered: mode != Mode::Tiny || size.height >= 6,
            ..Areas::default()
        };
        let body = if size.height >= 2 {
            let [body, status] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(size);
            areas.status = Some(status);
            body
        } else {
            size
        };
        match mode {
            Mode::Wide => {
                // The text column keeps its readable maximum; on a wide
                // terminal the lists take the rest.
                let side_width = (size.width * 36 / 100).clamp(34, 60);
                let text_most = max_text_width.saturating_add(GUTTER + 1 + 2);
                let side_width = if max_text_width > 0 {
                    side_width.max(size.width.saturating_sub(text_most))
                } else {
                    side_width
                };
                let [text, side] =
                    Layout::horizontal([Constraint::Fill(1), Constraint::Length(side_width)])
                        .areas(body);
                let [claims, actors] =
                    Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                        .areas(side);
                areas.text = Some(text);
                areas.claims = Some(claims);
                areas.actors = Some(actors);
            }
            Mode::Narrow => {
                let side_height = (body.height * 2 / 5).max(6);
                let [text, side] =
                    Layout::vertical([Constraint::Fill(1), Constraint::Length(side_height)])
                        .areas(body);
                areas.text = Some(text);
                let shown = if focus == Pane::Text { side_tab } else { focus };
                match shown {
                    Pane::Actors => areas.actors = Some(side),
                    _ => areas.claims = Some(side),
                }
            }
            Mode::Tiny => match focus {
                Pane::Text => areas.text = Some(body),
                Pane::Claims => areas.claims = Some(body),
                Pane::Actors => areas.actors = Some(body),
            },
        }
        if let Some(text) = areas.text {
            let inner = areas.inner(text);
            // The gutter on the left, one blank column on the right.
            let width = inner.width.saturating_sub(GUTTER + 1);
            let width = if max_text_width > 0 {
                width.min(max_text_width)
            } else {
                width
            };
            let left = inner.x + (inner.width.saturating_sub(width + GUTTER)) / 2;
            areas.gutter = Rect::new(left, inner.y, GUTTER.min(inner.width), inner.height);
            areas.column = Rect::new(left + GUTTER.min(inner.width), inner.y, width, inner.height);
        }
        areas
    }

    /// The inside of a pane, less its border (or, without borders, less
    /// the title row).
    pub fn inner(&self, pane: Rect) -> Rect {
        if self.bordered {
            pane.inner(Margin::new(1, 1))
        } else {
            Rect {
                y: pane.y.saturating_add(1).min(pane.bottom()),
                height: pane.height.saturating_sub(1),
                ..pane
            }
        }
    }

    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Text => self.text,
            Pane::Claims => self.claims,
            Pane::Actors => self.actors,
        }
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        Pane::ALL
            .into_iter()
            .find(|&p| self.pane(p).is_some_and(|r| r.contains((x, y).into())))
    }

    /// Rows of content a pane shows (at least one, so paging always moves).
    pub fn rows(&self, pane: Pane) -> usize {
        self.pane(pane)
            .map_or(1, |r| usize::from(self.inner(r).height).max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_three_panes_and_centre_a_narrow_column() {
        let areas = Areas::new(Rect::new(0, 0, 200, 50), Pane::Text, Pane::Claims, 60);
        assert_eq!(areas.mode, Mode::Wide);
        assert!(areas.claims.is_some() && areas.actors.is_some());
        let text = areas.text.unwrap();
        assert_eq!(areas.column.width, 60);
        assert_eq!(
            areas.claims.unwrap().width,
            200 - 65,
            "the lists take what the text column does not need"
        );
        let left_gap = areas.gutter.x - text.x;
        let right_gap = text.right() - areas.column.right();
        assert!(
            left_gap.abs_diff(right_gap) <= 1,
            "{left_gap} vs {right_gap}"
        );
    }

    #[test]
    fn narrow_terminals_show_one_list_as_a_tab() {
        let areas = Areas::new(Rect::new(0, 0, 80, 24), Pane::Actors, Pane::Claims, 0);
        assert_eq!(areas.mode, Mode::Narrow);
        assert!(areas.claims.is_none() && areas.actors.is_some());
    }

    #[test]
    fn tiny_terminals_show_the_focused_pane_and_nothing_panics_at_zero() {
        let areas = Areas::new(Rect::new(0, 0, 20, 6), Pane::Claims, Pane::Claims, 100);
        assert_eq!(areas.mode, Mode::Tiny);
        assert!(areas.text.is_none() && areas.claims.is_some());
        let none = Areas::new(Rect::new(0, 0, 0, 0), Pane::Text, Pane::Claims, 100);
        assert_eq!(none.column.width, 0);
    }
}
