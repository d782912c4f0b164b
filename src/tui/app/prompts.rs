//! The keys of the layers that take typing: the help, the search prompts
//! and the export dialog, and the export's result coming back.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::dialog::ExportDialog;
use super::super::jumps::Place;
use super::super::keymap::Action;
use super::super::search::{Folded, Search, fuzzy_matches};
use super::{App, Effect, Overlay, plural};
use crate::export::Request;

impl App {
    /// The event loop's report on an [`Effect::Write`].
    pub fn export_written(&mut self, path: PathBuf, result: std::io::Result<()>) {
        let Some(Overlay::Export(dialog)) = &mut self.overlay else {
            return;
        };
        match result {
            Ok(()) => {
                let n = dialog.claims.len();
                self.message = Some(format!(
                    "exported {n} claim{} to {}",
                    plural(n),
                    path.display()
                ));
                self.overlay = None;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                dialog.confirm_overwrite = true
            }
            Err(e) => dialog.error = Some(super::super::dialog::write_error(&path, &e)),
        }
    }

    pub(super) fn help_key(&mut self, scroll: u16, action: Option<Action>) {
        let last = super::super::view::help_max_scroll(self, self.screen.size);
        if matches!(action, Some(Action::Help | Action::Cancel | Action::Quit)) {
            return;
        }
        self.overlay = Some(Overlay::Help {
            scroll: scrolled(scroll, action, last),
        });
    }

    pub(super) fn search_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        origin: Place,
        origin_top: usize,
    ) {
        let mut query = self
            .text
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default();
        match action {
            Some(Action::Cancel) => {
                self.text.search = None;
                self.go_to(origin);
                self.text.top = origin_top;
                return;
            }
            Some(Action::Confirm) => {
                let found = self
                    .text
                    .search
                    .as_ref()
                    .is_some_and(|s| !s.matches.is_empty());
                if query.is_empty() {
                    self.text.search = None;
                } else if found {
                    // Ctrl-o comes back to where the search started.
                    self.jumps.push(origin);
                    // (The status bar shows the query and the count.)
                    self.message = Some(format!(
                        "{}/{}: next/previous match · {}: clear the search",
                        self.keymap.label(Action::Next),
                        self.keymap.label(Action::Prev),
                        self.keymap.label(Action::Cancel)
                    ));
                }
                return;
            }
            _ => {
                edit_line(&mut query, key, action);
            }
        }
        let folded = self
            .text
            .folded
            .get_or_insert_with(|| Folded::new(&self.doc.text));
        let mut search = Search::new(&query, folded);
        search.current = search.at_or_after(origin.cursor);
        self.text.cursor = search
            .current
            .map_or(origin.cursor, |i| search.matches[i].start);
        self.text.search = Some(search);
        self.reselect_at_cursor();
        self.scroll_text_to_cursor(false);
        self.overlay = Some(Overlay::Search { origin, origin_top });
    }

    pub(super) fn actor_query_key(&mut self, key: KeyEvent, action: Option<Action>) {
        let mut query = self.actors.query.clone();
        match action {
            Some(Action::Cancel) => return self.set_actor_query(String::new()),
            Some(Action::Confirm) => return,
            _ => {
                edit_line(&mut query, key, action);
            }
        }
        self.set_actor_query(query);
        self.overlay = Some(Overlay::ActorQuery);
    }

    pub(super) fn set_actor_query(&mut self, query: String) {
        let actors = &self.analysis.actors;
        self.actors.list = self
            .lookup
            .actor_order
            .iter()
            .copied()
            .filter(|&a| {
                let a = &actors[a];
                fuzzy_matches(&query, &a.name)
                    || a.aliases.iter().any(|al| fuzzy_matches(&query, al))
            })
            .collect();
        self.actors.query = query;
        self.actors.cursor = 0;
        self.actors.top = 0;
    }

    pub(super) fn export_key(
        &mut self,
        key: KeyEvent,
        action: Option<Action>,
        mut dialog: ExportDialog,
    ) {
        if dialog.confirm_overwrite {
            // A question: y or n (or Esc) answers it.
            match (key.code, action) {
                (KeyCode::Char('y' | 'Y'), _) => {
                    dialog.confirm_overwrite = false;
                    self.queue_write(&dialog, true);
                }
                (KeyCode::Char('n' | 'N'), _) | (_, Some(Action::Cancel)) => {
                    dialog.confirm_overwrite = false
                }
                _ => {}
            }
            self.overlay = Some(Overlay::Export(dialog));
            return;
        }
        match action {
            Some(Action::Cancel) => return,
            Some(Action::NextFormat) => dialog.cycle_format(true),
            Some(Action::PrevFormat) => dialog.cycle_format(false),
            Some(Action::Confirm) if dialog.path.trim().is_empty() => {
                dialog.error = Some("type a file name".to_string())
            }
            Some(Action::Confirm) => self.queue_write(&dialog, false),
            _ => dialog.edit(|path| edit_line(path, key, action)),
        }
        self.overlay = Some(Overlay::Export(dialog));
    }

    pub(super) fn queue_write(&mut self, dialog: &ExportDialog, overwrite: bool) {
        let mut actors: Vec<usize> = dialog
            .claims
            .iter()
            .filter_map(|&c| self.analysis.claims[c].source?.actor)
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let request = Request::new(&self.doc, &self.analysis, &dialog.claims, &actors)
            .with_user(&self.user.claims);
        let contents = dialog.format.render(&request);
        self.effects.push(Effect::Write {
            path: dialog.target(),
            contents,
            overwrite,
        });
    }
}

/// A scrolling overlay's new first line after a moving key, at most `last`.
pub(super) fn scrolled(scroll: u16, action: Option<Action>, last: u16) -> u16 {
    let scroll = match action {
        Some(Action::Down) => scroll.saturating_add(1),
        Some(Action::Up) => scroll.saturating_sub(1),
        Some(Action::PageDown) => scroll.saturating_add(10),
        Some(Action::PageUp) => scroll.saturating_sub(10),
        Some(Action::Top) => 0,
        Some(Action::Bottom) => last,
        _ => scroll,
    };
    scroll.min(last)
}

/// Edits a prompt's line as shells do: a character types, and the editing
/// actions (Backspace, Ctrl-w: the last word, Ctrl-u: all of it, by
/// default) delete. Says whether the line changed.
pub(super) fn edit_line(line: &mut String, key: KeyEvent, action: Option<Action>) -> bool {
    match action {
        Some(Action::DeleteChar) => line.pop().is_some(),
        Some(Action::ClearLine) => {
            let had = !line.is_empty();
            line.clear();
            had
        }
        Some(Action::DeleteWord) => {
            let kept = line.trim_end_matches(is_word_separator);
            let kept = kept.trim_end_matches(|c| !is_word_separator(c)).len();
            let had = kept < line.len();
            line.truncate(kept);
            had
        }
        Some(_) => false,
        None => match key.code {
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                line.push(c);
                true
            }
            _ => false,
        },
    }
}

/// Where Ctrl-w stops: spaces, and the slashes and dots of a path.
fn is_word_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '/' | '.' | '-' | '_')
}
