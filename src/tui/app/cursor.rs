//! The cursor and the selection, and the scrolling that keeps them in view;
//! the filters' result; the layout and wrapping for the current size.

use super::super::keymap::Pane;
use super::super::layout::Areas;
use super::super::lookup::claim_at;
use super::super::wrap::Wrapped;
use super::App;

impl App {
    pub fn wrapped(&self) -> &Wrapped {
        self.screen
            .wraps
            .current()
            .expect("relayout wraps the text before anything reads it")
    }

    pub fn cursor_row(&self) -> usize {
        self.wrapped().row_of(self.text.cursor)
    }

    pub(super) fn claim_start(&self, claim: usize) -> usize {
        self.analysis.claims[claim].span.start
    }

    /// Selects a claim: the cursor goes to its start and the text scrolls to it.
    pub fn select_claim(&mut self, claim: usize) {
        self.claims.selected = Some(claim);
        self.text.cursor = self.claim_start(claim);
        let end = self.analysis.claims[claim].span.end;
        let (first, last) = (
            self.cursor_row(),
            self.wrapped()
                .row_of(end.saturating_sub(1).max(self.text.cursor)),
        );
        self.scroll_text_to_rows(first, last);
        self.keep_lists_in_view();
    }

    pub(super) fn select_actor(&mut self, actor: usize) {
        if !self.actors.list.contains(&actor) {
            self.set_actor_query(String::new());
        }
        if let Some(i) = self.actors.list.iter().position(|&a| a == actor) {
            self.actors.cursor = i;
        }
        self.keep_lists_in_view();
    }

    /// `row`, or when it only separates paragraphs (the cursor cannot rest
    /// there: its offset belongs to the paragraph after it), the nearest row
    /// with text going on in the direction of `delta`, else back the other way.
    pub(super) fn text_row_near(&self, row: usize, delta: isize) -> usize {
        let rows = &self.wrapped().rows;
        let has_text = |r: &usize| rows[*r].start < rows[*r].end;
        let onward: Box<dyn Iterator<Item = usize>> = if delta < 0 {
            Box::new((0..=row).rev())
        } else {
            Box::new(row..rows.len())
        };
        let back: Box<dyn Iterator<Item = usize>> = if delta < 0 {
            Box::new(row..rows.len())
        } else {
            Box::new((0..=row).rev())
        };
        onward.chain(back).find(has_text).unwrap_or(row)
    }

    pub(super) fn cursor_to_row(&mut self, row: usize) {
        self.text.cursor = self.wrapped().rows[row].start;
        self.reselect_on_row(row);
        self.scroll_text_to_cursor(false);
        self.keep_lists_in_view();
    }

    /// The claim under the cursor if it is shown, else the first on its row.
    pub(super) fn reselect_at_cursor(&mut self) {
        let shown = &self.claims.shown_mask;
        match claim_at(&self.analysis, self.text.cursor, |c| shown[c]) {
            Some(c) => self.claims.selected = Some(c),
            None => self.reselect_on_row(self.cursor_row()),
        }
        self.keep_lists_in_view();
    }

    /// The selection follows the cursor: the shown claim on its row, or none
    /// on a row without one (so the claims counter never names a claim the
    /// reader has left; `n` then goes on from the cursor).
    pub(super) fn reselect_on_row(&mut self, row: usize) {
        let r = self.wrapped().rows[row];
        let shown = &self.claims.shown_mask;
        let claims = &self.analysis.claims;
        let covering = claim_at(&self.analysis, r.start, |c| shown[c]);
        let first = claims.partition_point(|c| c.span.start < r.start);
        let starting = (first..claims.len())
            .take_while(|&c| claims[c].span.start < r.end)
            .find(|&c| shown[c]);
        self.claims.selected = covering.or(starting);
    }

    pub(super) fn scroll_text_to_cursor(&mut self, centre: bool) {
        let row = self.cursor_row();
        if centre {
            let height = self.screen.areas.rows(Pane::Text);
            if row < self.text.top || row >= self.text.top + height {
                self.text.top = row.saturating_sub(height / 3);
            }
            self.clamp_text_top();
        } else {
            self.scroll_text_to_rows(row, row);
        }
    }

    /// Scrolls as little as possible to show rows `first..=last`, with a
    /// little context; a jump far away puts them a third down the pane.
    pub(super) fn scroll_text_to_rows(&mut self, first: usize, last: usize) {
        let height = self.screen.areas.rows(Pane::Text);
        let context = (height / 6).min(3);
        let top = self.text.top;
        if first < top + context || last + context >= top + height {
            let far = first + height < top || first > top + 2 * height;
            self.text.top = if far || first < top + context {
                first.saturating_sub(if far { height / 3 } else { context })
            } else {
                // Scroll down just enough, but never past the first row.
                (last + context + 1).saturating_sub(height).min(first)
            };
        }
        self.clamp_text_top();
    }

    pub(super) fn clamp_text_top(&mut self) {
        let rows = self.wrapped().rows.len();
        let height = self.screen.areas.rows(Pane::Text);
        self.text.top = self.text.top.min(rows.saturating_sub(height.min(rows)));
    }

    /// Scrolls the lists so the selected claim (or, with none, the next
    /// claim after the cursor) and the actor under the cursor are on screen,
    /// and never past their last row: a list that fits shows whole.
    pub(super) fn keep_lists_in_view(&mut self) {
        let height = self.screen.areas.rows(Pane::Claims);
        let claim = self.claims.position().unwrap_or_else(|| {
            self.claims
                .shown
                .partition_point(|&c| self.claim_start(c) < self.text.cursor)
                .min(self.claims.shown.len().saturating_sub(1))
        });
        self.claims.top = keep_in_view(self.claims.top, claim, height)
            .min(self.claims.shown.len().saturating_sub(height));
        // The actors pane's first row is its column header; its last may
        // say where the selected actor appears elsewhere.
        let height = self
            .screen
            .areas
            .rows(Pane::Actors)
            .saturating_sub(1 + usize::from(self.elsewhere_footer()))
            .max(1);
        self.actors.cursor = self
            .actors
            .cursor
            .min(self.actors.list.len().saturating_sub(1));
        self.actors.top = keep_in_view(self.actors.top, self.actors.cursor, height)
            .min(self.actors.list.len().saturating_sub(height));
    }

    /// Recomputes the shown claims after a filter change; the selection
    /// moves to the nearest shown claim when it is filtered out.
    pub(super) fn refilter(&mut self) {
        let claims = &self.analysis.claims;
        let user = &self.user.claims;
        let hidden =
            |i: usize| self.claims.hide_dismissed && user.get(i).is_some_and(|a| a.dismissed);
        let filter = &self.claims.filter;
        self.claims.shown_mask = (0..claims.len())
            .map(|c| !hidden(c) && filter.keeps(&self.analysis, user, c))
            .collect();
        self.claims.shown = (0..claims.len())
            .filter(|&c| self.claims.shown_mask[c])
            .collect();
        if self
            .claims
            .selected
            .is_some_and(|c| !self.claims.shown_mask[c])
        {
            let after = self
                .claims
                .shown
                .partition_point(|&c| claims[c].span.start < self.text.cursor);
            self.claims.selected = self
                .claims
                .shown
                .get(after)
                .or(self.claims.shown.last())
                .copied();
        }
        if self.screen.wraps.current().is_some() {
            self.keep_lists_in_view();
        }
    }

    /// Lays the panes out for the current size and focus and wraps the text
    /// to the column's width (cached per width).
    pub(super) fn relayout(&mut self) {
        self.screen.areas = Areas::new(
            self.screen.size,
            self.focus,
            self.side_tab,
            self.screen.max_text_width,
        );
        let width = if self.screen.areas.column.width > 0 {
            self.screen.areas.column.width
        } else {
            self.screen.size.width.max(1)
        };
        self.screen.wraps.get(&self.doc.text, width);
        self.text.cursor = self.text.cursor.min(self.doc.text.len());
    }
}

/// The new first row of a list so that `at` is on screen.
pub(super) fn keep_in_view(top: usize, at: usize, height: usize) -> usize {
    if at < top {
        at
    } else if at >= top + height {
        at + 1 - height
    } else {
        top
    }
}
