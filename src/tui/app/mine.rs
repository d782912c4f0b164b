//! The user's own work, key by key: marks and notes, corrections of the
//! analysis (a claim's source, kind, a dismissal, a claim the analysis
//! missed, actors merged or renamed), undo and redo, and the text
//! selection that a new claim is made from. Nothing is written here: each
//! change is an [`Edit`] for the event loop to store, which then hands the
//! corrected view back ([`App::attach_corrected`]).

use super::super::keymap::{Action, Pane};
use super::super::search::fuzzy_matches;
use super::{App, Effect, Overlay};
use crate::analysis::ClaimKind;
use crate::corrected::{Annotation, Corrected};
use crate::corrected::{Change, SourceChoice};
use crate::span::Span;

/// A change to the user's layer, for the event loop to store.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    Mark {
        span: Span,
        on: bool,
    },
    /// An empty body deletes the note.
    Note {
        span: Span,
        body: String,
    },
    /// A correction; `span` is the claim's (or the selection's), `None`
    /// for a change to an actor.
    Correct {
        span: Option<Span>,
        change: Change,
    },
    Undo,
    Redo,
}

/// The note editor: the claim and its lines as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteEditor {
    pub claim: usize,
    pub lines: Vec<String>,
}

/// What an actor is picked for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PickFor {
    /// The claim's new source.
    Source { claim: usize },
    /// The source of a new claim made of the selection.
    NewClaim { span: Span },
    /// The actor the selected one is merged into.
    Merge { actor: usize },
}

/// The actor picker: a fuzzy filter over the article's actors, with
/// "nobody" and a new actor by the typed name where they make sense.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub purpose: PickFor,
    pub query: String,
    /// Index into [`App::pick_choices`].
    pub cursor: usize,
}

/// One row of the picker.
#[derive(Debug, Clone, PartialEq)]
pub enum Choice {
    Actor(usize),
    Nobody,
    /// A new actor called what was typed.
    New(String),
}

impl App {
    /// The user's layer, stored and applied to the analysis, arrives: the
    /// reader shows the corrected analysis from now on.
    pub fn attach_corrected(&mut self, corrected: Corrected) {
        let Corrected {
            analysis,
            claims,
            orphans,
            can_undo,
            can_redo,
        } = corrected;
        self.set_analysis(analysis);
        self.user.claims = claims;
        self.user.orphans = orphans;
        self.user.can_undo = can_undo;
        self.user.can_redo = can_redo;
        self.refilter();
        self.keep_lists_in_view();
    }

    /// What the user added to a claim.
    pub fn annotation(&self, claim: usize) -> Annotation {
        self.user.claims.get(claim).cloned().unwrap_or_default()
    }

    fn edit(&mut self, edit: Edit) {
        self.effects.push(Effect::Edit(edit));
    }

    fn claim_span(&self, claim: usize) -> Span {
        self.analysis.claims[claim].span
    }

    /// The claim the key is about: the selected one, or why there is none.
    fn claim_for(&mut self, to_do: &str) -> Option<usize> {
        if self.claims.selected.is_none() {
            self.message = Some(self.no_claim_selected(to_do));
        }
        self.claims.selected
    }

    pub(super) fn toggle_mark(&mut self) {
        let Some(c) = self.claim_for("to mark") else {
            return;
        };
        self.grow_annotations();
        let on = !self.user.claims[c].marked;
        self.user.claims[c].marked = on;
        self.edit(Edit::Mark {
            span: self.claim_span(c),
            on,
        });
        // The status bar counts the marks; the message says what they are for.
        self.message = Some(if on {
            format!(
                "marked · {} exports the marked claims",
                self.keymap.label(Action::Export)
            )
        } else {
            "unmarked".to_string()
        });
    }

    /// Keeps one annotation per claim, whatever arrived last.
    fn grow_annotations(&mut self) {
        let n = self.analysis.claims.len();
        self.user.claims.resize(n, Annotation::default());
    }

    /// The marked claims, in text order. A claim the user dismissed is not
    /// a claim: marked before or not, it is left out (of the count, of the
    /// export).
    pub fn marked(&self) -> Vec<usize> {
        (0..self.user.claims.len())
            .filter(|&c| self.user.claims[c].marked && !self.user.claims[c].dismissed)
            .collect()
    }

    pub(super) fn open_note(&mut self) {
        let Some(claim) = self.claim_for("to note") else {
            return;
        };
        let note = self.annotation(claim).note.unwrap_or_default();
        let lines = note.split('\n').map(str::to_string).collect();
        self.overlay = Some(Overlay::Note(NoteEditor { claim, lines }));
    }

    pub(super) fn note_key(
        &mut self,
        key: crossterm::event::KeyEvent,
        action: Option<Action>,
        mut editor: NoteEditor,
    ) {
        match action {
            Some(Action::Save | Action::Cancel) => return self.save_note(editor),
            Some(Action::NewLine) => editor.lines.push(String::new()),
            Some(Action::DeleteChar)
                if editor.lines.len() > 1 && editor.lines.last().is_some_and(String::is_empty) =>
            {
                editor.lines.pop();
            }
            _ => {
                if let Some(line) = editor.lines.last_mut() {
                    super::prompts::edit_line(line, key, action);
                }
            }
        }
        self.overlay = Some(Overlay::Note(editor));
    }

    fn save_note(&mut self, editor: NoteEditor) {
        let body = editor.lines.join("\n").trim().to_string();
        self.grow_annotations();
        let had = self.user.claims[editor.claim].note.is_some();
        self.user.claims[editor.claim].note = (!body.is_empty()).then(|| body.clone());
        self.message = Some(match (had, body.is_empty()) {
            (_, false) => "note saved".to_string(),
            (true, true) => "note deleted".to_string(),
            (false, true) => return,
        });
        self.edit(Edit::Note {
            span: self.claim_span(editor.claim),
            body,
        });
    }

    // ----- corrections -------------------------------------------------

    fn correct(&mut self, span: Option<Span>, change: Change, said: String) {
        self.edit(Edit::Correct { span, change });
        self.message = Some(format!(
            "{said} · {} undoes",
            self.keymap.label(Action::Undo)
        ));
    }

    pub(super) fn open_source_picker(&mut self) {
        if let Some(claim) = self.claim_for("to correct its source") {
            self.open_picker(PickFor::Source { claim });
        }
    }

    pub(super) fn open_picker(&mut self, purpose: PickFor) {
        self.overlay = Some(Overlay::Picker(Picker {
            purpose,
            query: String::new(),
            cursor: 0,
        }));
    }

    pub(super) fn dismiss(&mut self) {
        let Some(c) = self.claim_for("to dismiss") else {
            return;
        };
        if self.annotation(c).dismissed {
            self.message = Some(format!(
                "already dismissed · {} takes it back",
                self.keymap.label(Action::Undo)
            ));
            return;
        }
        self.correct(
            Some(self.claim_span(c)),
            Change::Dismiss,
            "dismissed: not a claim".to_string(),
        );
    }

    pub(super) fn change_kind(&mut self) {
        let Some(c) = self.claim_for("to correct its kind") else {
            return;
        };
        let to = match self.analysis.claims[c].kind {
            ClaimKind::Direct => ClaimKind::Indirect,
            ClaimKind::Indirect => ClaimKind::Mixed,
            ClaimKind::Mixed => ClaimKind::Direct,
        };
        self.correct(
            Some(self.claim_span(c)),
            Change::Kind { to },
            format!("now {}", to.name()),
        );
    }

    pub(super) fn undo_or_redo(&mut self, undo: bool) {
        let (can, what) = if undo {
            (self.user.can_undo, "nothing to undo")
        } else {
            (self.user.can_redo, "nothing to redo")
        };
        if !can {
            self.message = Some(what.to_string());
            return;
        }
        self.edit(if undo { Edit::Undo } else { Edit::Redo });
        self.message = Some(if undo { "undone" } else { "redone" }.to_string());
    }

    pub(super) fn merge_or_rename(&mut self, rename: bool) {
        if self.focus != Pane::Actors {
            self.message = Some(format!(
                "in the actors pane ({}): pick an actor first",
                self.keymap.label(Action::FocusActors)
            ));
            return;
        }
        let Some(actor) = self.actors.selected() else {
            return;
        };
        if rename {
            let name = self.analysis.actors[actor].name.clone();
            self.overlay = Some(Overlay::Rename { actor, name });
        } else {
            self.open_picker(PickFor::Merge { actor });
        }
    }

    pub(super) fn rename_key(
        &mut self,
        key: crossterm::event::KeyEvent,
        action: Option<Action>,
        actor: usize,
        mut name: String,
    ) {
        match action {
            Some(Action::Cancel) => return,
            Some(Action::Confirm) => {
                let old = self.analysis.actors[actor].name.clone();
                let to = name.trim().to_string();
                if !to.is_empty() && to != old {
                    self.correct(
                        None,
                        Change::RenameActor {
                            actor: old.clone(),
                            to: to.clone(),
                        },
                        format!("{old} is now {to}"),
                    );
                }
                return;
            }
            _ => {
                super::prompts::edit_line(&mut name, key, action);
            }
        }
        self.overlay = Some(Overlay::Rename { actor, name });
    }

    /// The picker's rows for what was typed.
    pub fn pick_choices(&self, picker: &Picker) -> Vec<Choice> {
        let actors = &self.analysis.actors;
        let skip = match picker.purpose {
            PickFor::Merge { actor } => Some(actor),
            _ => None,
        };
        let query = picker.query.trim();
        let mut rows: Vec<Choice> = self
            .lookup
            .actor_order
            .iter()
            .copied()
            .filter(|&a| Some(a) != skip)
            .filter(|&a| {
                let a = &actors[a];
                fuzzy_matches(query, &a.name) || a.aliases.iter().any(|al| fuzzy_matches(query, al))
            })
            .map(Choice::Actor)
            .collect();
        if !matches!(picker.purpose, PickFor::Merge { .. }) {
            let exact = actors.iter().any(|a| a.name.eq_ignore_ascii_case(query));
            if !query.is_empty() && !exact {
                rows.push(Choice::New(query.to_string()));
            }
            rows.push(Choice::Nobody);
        }
        rows
    }

    pub(super) fn picker_key(
        &mut self,
        key: crossterm::event::KeyEvent,
        action: Option<Action>,
        mut picker: Picker,
    ) {
        let n = self.pick_choices(&picker).len();
        match action {
            Some(Action::Cancel) => return,
            Some(Action::PickDown) => picker.cursor = (picker.cursor + 1).min(n.saturating_sub(1)),
            Some(Action::PickUp) => picker.cursor = picker.cursor.saturating_sub(1),
            Some(Action::Confirm) => {
                if let Some(choice) = self.pick_choices(&picker).get(picker.cursor).cloned() {
                    return self.picked(picker.purpose, choice);
                }
            }
            _ => {
                if super::prompts::edit_line(&mut picker.query, key, action) {
                    picker.cursor = 0;
                }
            }
        }
        self.overlay = Some(Overlay::Picker(picker));
    }

    fn picked(&mut self, purpose: PickFor, choice: Choice) {
        let (source, who) = match &choice {
            Choice::Actor(a) => {
                let name = self.analysis.actors[*a].name.clone();
                (SourceChoice::Actor { name: name.clone() }, name)
            }
            Choice::New(name) => (SourceChoice::Actor { name: name.clone() }, name.clone()),
            Choice::Nobody => (SourceChoice::Nobody, "nobody".to_string()),
        };
        match purpose {
            PickFor::Source { claim } => self.correct(
                Some(self.claim_span(claim)),
                Change::Source { to: source },
                format!("source: {who}"),
            ),
            PickFor::NewClaim { span } => {
                let kind = kind_of(span.of(&self.doc.text));
                self.text.selection = None;
                self.correct(
                    Some(span),
                    Change::NewClaim { kind, source },
                    format!("new {} claim of {who}", kind.name()),
                );
            }
            PickFor::Merge { actor } => {
                let Choice::Actor(into) = choice else {
                    return;
                };
                let (from, into) = (
                    self.analysis.actors[actor].name.clone(),
                    self.analysis.actors[into].name.clone(),
                );
                self.correct(
                    None,
                    Change::MergeActor {
                        actor: from.clone(),
                        into: into.clone(),
                    },
                    format!("{from} merged into {into}"),
                );
            }
        }
    }

    // ----- the text selection --------------------------------------------

    pub(super) fn start_selection(&mut self) {
        if self.focus != Pane::Text {
            self.set_focus(Pane::Text);
        }
        self.text.selection = Some(self.text.cursor);
        self.message = Some(format!(
            "selecting: {} {} {} {} extend · {} makes it a claim · {} cancels",
            self.keymap.label(Action::Down),
            self.keymap.label(Action::Up),
            self.keymap.label(Action::WordNext),
            self.keymap.label(Action::WordBack),
            self.keymap.label(Action::NewClaim),
            self.keymap.label(Action::Cancel)
        ));
    }

    /// The selected stretch of text: from where `v` was pressed to the end
    /// of the word at the cursor (or the other way round).
    pub fn selection(&self) -> Option<Span> {
        let anchor = self.text.selection?;
        let text = &self.doc.text;
        let (start, end) = (anchor.min(self.text.cursor), anchor.max(self.text.cursor));
        let end = end
            + text[end..]
                .find(char::is_whitespace)
                .unwrap_or(text.len() - end);
        let span = Span::new(start, end);
        (!span.is_empty()).then_some(span)
    }

    pub(super) fn new_claim(&mut self) {
        match self.selection() {
            Some(span) => self.open_picker(PickFor::NewClaim { span }),
            None => {
                self.message = Some(format!(
                    "select the words first: {} in the text",
                    self.keymap.label(Action::Visual)
                ))
            }
        }
    }

    /// `w` and `b`: the cursor to the start of the next (previous) word.
    pub(super) fn move_word(&mut self, forward: bool) {
        if self.focus != Pane::Text {
            return;
        }
        let text = &self.doc.text;
        let at = self.text.cursor;
        self.text.cursor = if forward {
            let rest = &text[at..];
            let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let gap = rest[word_end..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len() - word_end);
            at + word_end + gap
        } else {
            let before = text[..at].trim_end();
            before.rfind(char::is_whitespace).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            })
        };
        self.reselect_at_cursor();
        self.scroll_text_to_cursor(false);
    }
}

/// The kind of a claim made from `words`: quoted whole, direct; with a
/// quotation inside, mixed; else indirect.
fn kind_of(words: &str) -> ClaimKind {
    let quote = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '„');
    let trimmed = words.trim_matches(|c: char| c.is_whitespace() || ",.;:".contains(c));
    let (first, last) = (trimmed.chars().next(), trimmed.chars().last());
    if first.is_some_and(quote) && last.is_some_and(quote) {
        ClaimKind::Direct
    } else if words.chars().any(quote) {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    }
}

/// Where the reader was, to be kept in the library and restored when the
/// article opens again: the cursor (or the selected claim), the filters
/// and the focused pane.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub position: Span,
    /// `{"actors": [names] or null, "kinds": ["direct"], "hide_dismissed":
    /// true}`: actors by name, so the filter survives a new analysis.
    pub filters: serde_json::Value,
    pub pane: String,
}

impl App {
    /// Where the reader is now.
    pub fn reading(&self) -> Reading {
        let position = match self.claims.selected {
            Some(c)
                if self.analysis.claims[c]
                    .span
                    .contains_offset(self.text.cursor) =>
            {
                self.analysis.claims[c].span
            }
            _ => Span::new(self.text.cursor, self.text.cursor),
        };
        let filter = &self.claims.filter;
        let actors: Option<Vec<&str>> = filter.actors.as_ref().map(|set| {
            set.iter()
                .map(|&a| self.analysis.actors[a].name.as_str())
                .collect()
        });
        let kinds: Vec<&str> = filter.kinds.iter().map(|k| k.name()).collect();
        Reading {
            position,
            filters: serde_json::json!({
                "actors": actors,
                "kinds": kinds,
                "hide_dismissed": self.claims.hide_dismissed,
            }),
            pane: self.focus.name().to_string(),
        }
    }

    /// Back where the reader was (once the analysis is attached, so the
    /// filter's actors can be found by name).
    pub fn restore(&mut self, reading: &Reading) {
        let strings = |key: &str| -> Option<Vec<String>> {
            let list = reading.filters[key].as_array()?;
            Some(
                list.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
            )
        };
        let actors = &self.analysis.actors;
        self.claims.filter.actors = strings("actors").map(|names| {
            (0..actors.len())
                .filter(|&a| names.contains(&actors[a].name))
                .collect()
        });
        let kinds = strings("kinds").unwrap_or_default();
        self.claims.filter.kinds = ClaimKind::ALL
            .into_iter()
            .filter(|k| kinds.iter().any(|n| n == k.name()))
            .collect();
        self.claims.hide_dismissed = reading.filters["hide_dismissed"].as_bool().unwrap_or(false);
        self.refilter();
        if let Some(pane) = Pane::ALL.into_iter().find(|p| p.name() == reading.pane) {
            self.set_focus(pane);
        }
        self.text.cursor = reading.position.start.min(self.doc.text.len());
        self.reselect_at_cursor();
        self.scroll_text_to_cursor(true);
        self.relayout();
    }
}
