//! The mouse: a click focuses a pane and selects what is under it; the
//! wheel scrolls the pane under it.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::super::keymap::Pane;
use super::super::lookup::claim_at;
use super::App;

impl App {
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        if !self.screen.mouse || self.overlay.is_some() {
            return;
        }
        let (x, y) = (event.column, event.row);
        let Some(pane) = self.screen.areas.pane_at(x, y) else {
            return;
        };
        match event.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.message = None;
                self.set_focus(pane);
                self.click(pane, x, y);
            }
            MouseEventKind::ScrollDown => self.scroll(pane, 3),
            MouseEventKind::ScrollUp => self.scroll(pane, -3),
            _ => {}
        }
        self.relayout();
    }

    pub(super) fn click(&mut self, pane: Pane, x: u16, y: u16) {
        let Some(rect) = self.screen.areas.pane(pane) else {
            return;
        };
        let inner = self.screen.areas.inner(rect);
        let line = usize::from(y.saturating_sub(inner.y));
        match pane {
            Pane::Text => {
                let row = (self.text.top + line).min(self.wrapped().rows.len() - 1);
                let column = x.saturating_sub(self.screen.areas.column.x);
                self.text.cursor = self.wrapped().offset_at(&self.doc.text, row, column);
                let shown = &self.claims.shown_mask;
                match claim_at(&self.analysis, self.text.cursor, |c| shown[c]) {
                    Some(c) => self.claims.selected = Some(c),
                    None => self.reselect_on_row(row),
                }
                self.keep_lists_in_view();
            }
            Pane::Claims => {
                if let Some(&c) = self.claims.shown.get(self.claims.top + line) {
                    self.select_claim(c);
                }
            }
            Pane::Actors => {
                if self.actors.top + line < self.actors.list.len() {
                    self.actors.cursor = self.actors.top + line;
                }
            }
        }
    }

    pub(super) fn scroll(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Text => {
                let rows = self.wrapped().rows.len();
                let height = self.screen.areas.rows(Pane::Text);
                let max_top = rows.saturating_sub(height);
                self.text.top = self.text.top.saturating_add_signed(delta).min(max_top);
                // Drag the cursor along so it stays on screen.
                let row = self
                    .cursor_row()
                    .clamp(self.text.top, self.text.top + height - 1);
                if row != self.cursor_row() {
                    self.text.cursor = self.wrapped().rows[row.min(rows - 1)].start;
                }
            }
            _ => {
                let focus = self.focus;
                self.focus = pane;
                self.move_by(delta.signum());
                self.focus = focus;
            }
        }
    }
}
