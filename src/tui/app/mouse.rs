//! The mouse: a click focuses a pane and selects what is under it; the
//! wheel scrolls the pane under it.

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};

use super::super::keymap::Pane;
use super::super::lookup::claim_at;
use super::App;

impl App {
    pub fn handle_mouse(&mut self, event: MouseEvent) {
        if !self.mouse || self.overlay.is_some() {
            return;
        }
        let (x, y) = (event.column, event.row);
        let Some(pane) = self.areas.pane_at(x, y) else {
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
        let Some(rect) = self.areas.pane(pane) else {
            return;
        };
        let inner = self.areas.inner(rect);
        let line = usize::from(y.saturating_sub(inner.y));
        match pane {
            Pane::Text => {
                let row = (self.text_top + line).min(self.wrapped().rows.len() - 1);
                let column = x.saturating_sub(self.areas.column.x);
                self.cursor = self.wrapped().offset_at(&self.doc.text, row, column);
                let shown = &self.shown_mask;
                match claim_at(&self.analysis, self.cursor, |c| shown[c]) {
                    Some(c) => self.selected = Some(c),
                    None => self.reselect_on_row(row),
                }
                self.keep_lists_in_view();
            }
            Pane::Claims => {
                if let Some(&c) = self.shown.get(self.claims_top + line) {
                    self.select_claim(c);
                }
            }
            Pane::Actors => {
                if self.actors_top + line < self.actor_list.len() {
                    self.actor_cursor = self.actors_top + line;
                }
            }
        }
    }

    pub(super) fn scroll(&mut self, pane: Pane, delta: isize) {
        match pane {
            Pane::Text => {
                let rows = self.wrapped().rows.len();
                let height = self.areas.rows(Pane::Text);
                let max_top = rows.saturating_sub(height);
                self.text_top = self.text_top.saturating_add_signed(delta).min(max_top);
                // Drag the cursor along so it stays on screen.
                let row = self
                    .cursor_row()
                    .clamp(self.text_top, self.text_top + height - 1);
                if row != self.cursor_row() {
                    self.cursor = self.wrapped().rows[row.min(rows - 1)].start;
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
