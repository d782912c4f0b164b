//! The state of each pane, apart from the app that ties them together: the
//! text (cursor, scroll, search), the claims (selection, filters, what they
//! let through, marks) and the actors (the list, its name filter, cursor).
//! Each is plain data with the few questions only it can answer; moving
//! between panes, and keeping them in step, is the app's.

use crate::filter::ClaimFilter;
use crate::span::Span;
use crate::tui::search::{Folded, Search};

/// The text pane.
#[derive(Debug, Default)]
pub struct TextPane {
    /// Byte offset of the cursor.
    pub cursor: usize,
    /// The first wrapped row on screen.
    pub top: usize,
    /// A span highlighted for a moment (the source `s` went to); the next
    /// key or the event loop's timer clears it.
    pub flash: Option<Span>,
    /// After `s`: (where the cursor was, the source it went to).
    pub(super) source_return: Option<(usize, usize)>,
    pub search: Option<Search>,
    /// The text folded for search, made on the first search.
    pub(super) folded: Option<Folded>,
    /// While selecting (after `v`): where the selection started.
    pub selection: Option<usize>,
}

/// The claims pane, and the filters that decide which claims show anywhere.
#[derive(Debug, Default)]
pub struct ClaimsPane {
    /// Index into `analysis.claims` of the selected claim.
    pub selected: Option<usize>,
    /// The claims the filters let through, in text order.
    pub shown: Vec<usize>,
    /// For each claim, whether it is in `shown`.
    pub(super) shown_mask: Vec<bool>,
    /// The first row of the list on screen.
    pub top: usize,
    /// Which claims show: the kinds (`t`) and the actors (`f`). Marked-only
    /// is left off here; the export of the marks turns it on.
    pub filter: ClaimFilter,
    /// Whether dismissed claims are left out (else struck through).
    pub hide_dismissed: bool,
}

impl ClaimsPane {
    /// The position of the selected claim in the shown list.
    pub fn position(&self) -> Option<usize> {
        // `shown` holds claim indices in ascending order.
        self.shown.binary_search(&self.selected?).ok()
    }

    pub fn is_shown(&self, claim: usize) -> bool {
        self.shown_mask.get(claim).copied().unwrap_or(false)
    }
}

/// The actors pane.
#[derive(Debug, Default)]
pub struct ActorsPane {
    /// Actors matching `query` (indices into `analysis.actors`), by claims.
    pub list: Vec<usize>,
    /// The name filter typed after `/`.
    pub query: String,
    /// Index into `list`.
    pub cursor: usize,
    /// The first row of the list on screen.
    pub top: usize,
    /// For each actor, how many other articles of the library name it;
    /// empty until the library has said.
    pub elsewhere: Vec<usize>,
}

impl ActorsPane {
    /// The actor under the cursor, if the list is not empty.
    pub fn selected(&self) -> Option<usize> {
        self.list.get(self.cursor).copied()
    }
}
