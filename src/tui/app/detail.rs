//! The claim detail view's state and keys: which claim it shows, how far
//! it is scrolled, and stepping to the next claim without closing it.

use super::super::keymap::{Action, Pane};
use super::{App, Overlay};

impl App {
    /// `i` (or Enter in the claims pane): the selected claim, whole.
    pub(super) fn open_detail(&mut self) {
        match self.claims.selected {
            Some(claim) => self.overlay = Some(Overlay::Detail { claim, scroll: 0 }),
            None => self.message = Some(self.no_claim_selected("to show")),
        }
    }

    pub(super) fn detail_key(&mut self, claim: usize, scroll: u16, action: Option<Action>) {
        let last = super::super::view::detail_max_scroll(self, claim, self.screen.size);
        match action {
            Some(Action::Detail | Action::Cancel | Action::Quit | Action::Help) => return,
            Some(Action::Open) => {
                // Enter: close and show the claim in the text.
                self.jumps.push(self.here());
                self.select_claim(claim);
                self.set_focus(Pane::Text);
                return;
            }
            Some(Action::Next | Action::Prev) => {
                self.step_claim(action == Some(Action::Next));
                let claim = self.claims.selected.unwrap_or(claim);
                self.overlay = Some(Overlay::Detail { claim, scroll: 0 });
                return;
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Detail {
            claim,
            scroll: super::prompts::scrolled(scroll, action, last),
        });
    }
}
