//! An actor beyond this article: how many other articles of the library
//! name it (the actors pane shows it for the selected actor), and the list
//! of what it said there, from which Enter reads one. The library is asked
//! by the event loop ([`Effect::Elsewhere`]); this is the list's state and
//! keys.

use super::super::keymap::{Action, Pane};
use super::{App, Effect, Overlay};
use crate::span::Span;
use crate::store::{ActorClaim, Elsewhere};

/// The list of an actor's claims in the other articles.
#[derive(Debug, Clone, PartialEq)]
pub struct ElsewhereList {
    /// The actor's name here.
    pub actor: String,
    /// How many other articles name it (some without a claim by it).
    pub articles: usize,
    pub claims: Vec<ActorClaim>,
    /// Index into `claims`.
    pub cursor: usize,
    /// The first row on screen.
    pub top: usize,
}

impl App {
    /// How many other articles name the actor, if the library has said.
    pub fn elsewhere_count(&self, actor: usize) -> Option<usize> {
        self.actors.elsewhere.get(actor).copied()
    }

    /// Whether the actors pane keeps its last row for the selected actor's
    /// count of other articles (once the library has counted, with room).
    pub fn elsewhere_footer(&self) -> bool {
        !self.actors.elsewhere.is_empty() && self.screen.areas.rows(Pane::Actors) >= 4
    }

    /// The actor the elsewhere key is about: the selected one in the
    /// actors pane, else the selected claim's source.
    fn actor_here(&self) -> Option<usize> {
        match self.focus {
            Pane::Actors => self.actors.selected(),
            _ => self
                .claims
                .selected
                .and_then(|c| self.analysis.claims[c].source?.actor),
        }
    }

    /// The elsewhere key: asks the library for the actor's claims elsewhere.
    pub(super) fn ask_elsewhere(&mut self) {
        let Some(actor) = self.actor_here() else {
            self.message = Some("no actor here: select one in the actors pane".to_string());
            return;
        };
        let name = &self.analysis.actors[actor].name;
        match self.elsewhere_count(actor) {
            None => {
                self.message = Some(
                    "no other articles to look in: the library is off, or not read yet".to_string(),
                )
            }
            Some(0) => self.message = Some(format!("{name} is in no other article of the library")),
            Some(_) => self.effects.push(Effect::Elsewhere { actor }),
        }
    }

    /// The library's answer: the list opens on it.
    pub fn show_elsewhere(&mut self, actor: usize, found: Elsewhere) {
        let Some(a) = self.analysis.actors.get(actor) else {
            return;
        };
        self.overlay = Some(Overlay::Elsewhere(ElsewhereList {
            actor: a.name.clone(),
            articles: found.articles,
            claims: found.claims,
            cursor: 0,
            top: 0,
        }));
    }

    pub(super) fn elsewhere_key(&mut self, mut list: ElsewhereList, action: Option<Action>) {
        let last = list.claims.len().saturating_sub(1);
        let page = self.elsewhere_rows().max(1);
        match action {
            Some(Action::Cancel | Action::Elsewhere | Action::Quit) => return,
            Some(Action::Down | Action::Next) => list.cursor = (list.cursor + 1).min(last),
            Some(Action::Up | Action::Prev) => list.cursor = list.cursor.saturating_sub(1),
            Some(Action::PageDown) => list.cursor = (list.cursor + page).min(last),
            Some(Action::PageUp) => list.cursor = list.cursor.saturating_sub(page),
            Some(Action::Top) => list.cursor = 0,
            Some(Action::Bottom) => list.cursor = last,
            Some(Action::Open) => {
                if let Some(claim) = list.claims.get(list.cursor) {
                    self.effects.push(Effect::OpenArticle {
                        document: claim.document,
                        claim: claim.span,
                    });
                    return;
                }
            }
            _ => {}
        }
        if list.cursor < list.top {
            list.top = list.cursor;
        } else if list.cursor >= list.top + page {
            list.top = list.cursor + 1 - page;
        }
        self.overlay = Some(Overlay::Elsewhere(list));
    }

    /// Claims the list shows at once: each takes two rows, in a box as
    /// tall as the screen with a line above them and the hints below.
    pub fn elsewhere_rows(&self) -> usize {
        (usize::from(self.screen.size.height).saturating_sub(4) / 2).max(1)
    }

    /// After the reader opened on an article from the list: the claim
    /// that was picked there, selected.
    pub fn select_claim_at(&mut self, span: Span) {
        let Some(claim) = self.analysis.claims.iter().position(|c| c.span == span) else {
            return;
        };
        if !self.claims.is_shown(claim) {
            self.claims.filter = Default::default();
            self.claims.hide_dismissed = false;
            self.refilter();
        }
        self.select_claim(claim);
        self.set_focus(Pane::Claims);
    }
}
