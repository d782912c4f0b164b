//! The reader's state and `update(action)`: focus, cursor, selection,
//! filters, search, marks, the jump list and overlays. No terminal and no
//! I/O here; what needs the outside world (the clipboard, writing a file)
//! is queued as an [`Effect`] for the event loop.

use std::path::PathBuf;

use crossterm::event::{KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

mod cursor;
pub mod detail;
pub mod elsewhere;
mod keep;
pub mod mine;
mod mouse;
pub mod panes;
mod prompts;

use super::dialog::ExportDialog;
use super::jumps::{JumpList, Place};
use super::keymap::{Action, Keymap, Layer, Pane};
use super::layout::Areas;
use super::lookup::Lookup;
use super::search::Search;
use super::settings::Settings;
use super::theme::Theme;
use super::wrap::WrapCache;
use crate::analysis::Analysis;
use crate::document::Document;
pub use elsewhere::ElsewhereList;
pub use mine::{Choice, Edit, NoteEditor, PickFor, Picker, Reading};
pub use panes::{ActorsPane, ClaimsPane, TextPane};

/// A layer over the panes that takes the keys while it is open.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// Typing a text search; the place and view to go back to on Esc.
    Search {
        origin: Place,
        origin_top: usize,
    },
    /// Typing the actors pane's name filter.
    ActorQuery,
    Export(ExportDialog),
    /// A claim whole, and why: [`detail`].
    Detail {
        claim: usize,
        scroll: u16,
    },
    Note(NoteEditor),
    Picker(Picker),
    /// Typing an actor's new name.
    Rename {
        actor: usize,
        name: String,
    },
    /// An actor's claims in the other articles of the library.
    Elsewhere(ElsewhereList),
}

/// Something only the event loop can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Write an export; the loop reports back with [`App::export_written`].
    Write {
        path: PathBuf,
        contents: String,
        overwrite: bool,
    },
    /// Store a change to the user's layer; the loop hands the corrected
    /// view back with [`App::attach_corrected`].
    Edit(Edit),
    /// Find the actor's claims in the other articles of the library; the
    /// loop answers with [`App::show_elsewhere`].
    Elsewhere { actor: usize },
    /// Read another article of the library, at one of its claims.
    OpenArticle {
        document: crate::store::DocId,
        claim: crate::span::Span,
    },
}

/// The reader's whole state: the article and its analysis (only read),
/// each pane's own state, and what ties them together (focus, overlays,
/// the jump list, the message).
pub struct App {
    pub doc: Document,
    /// Computed once before the app starts; only read.
    pub analysis: Analysis,
    pub lookup: Lookup,
    pub keymap: Keymap,
    pub theme: Theme,
    pub screen: Screen,
    pub focus: Pane,
    /// The list the narrow layout shows while the text has focus.
    pub side_tab: Pane,
    pub text: TextPane,
    pub claims: ClaimsPane,
    pub actors: ActorsPane,
    /// What the user added to each claim, and what no longer anchors.
    pub user: UserView,
    jumps: JumpList,
    pub overlay: Option<Overlay>,
    /// A one-line report for the status bar, until the next key.
    pub message: Option<String>,
    effects: Vec<Effect>,
    pub quit: bool,
    /// Whether the analysis is still running (the text shows meanwhile).
    pub analysing: bool,
}

/// The user's layer as the reader shows it (see [`Corrected`](crate::corrected::Corrected)).
#[derive(Debug, Default)]
pub struct UserView {
    /// One per claim of the (corrected) analysis.
    pub claims: Vec<crate::corrected::Annotation>,
    pub orphans: Vec<String>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// The terminal the reader draws on: its size, the panes' places for it,
/// and the text wrapped to the column.
pub struct Screen {
    pub mouse: bool,
    max_text_width: u16,
    pub areas: Areas,
    size: Rect,
    wraps: WrapCache,
}

impl App {
    pub fn new(
        doc: Document,
        analysis: Analysis,
        settings: &Settings,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let lookup = Lookup::new(&analysis, theme.actors.len());
        let mut app = App {
            keymap: Keymap::new(&settings.keys),
            theme,
            screen: Screen {
                mouse: settings.reader.mouse,
                max_text_width: settings.reader.max_text_width,
                areas: Areas::default(),
                size: Rect::default(),
                wraps: WrapCache::default(),
            },
            focus: Pane::Text,
            side_tab: Pane::Claims,
            text: TextPane::default(),
            claims: ClaimsPane::default(),
            actors: ActorsPane {
                list: lookup.actor_order.clone(),
                ..ActorsPane::default()
            },
            user: UserView {
                claims: vec![Default::default(); analysis.claims.len()],
                ..UserView::default()
            },
            jumps: JumpList::default(),
            overlay: None,
            message: None,
            effects: Vec::new(),
            quit: false,
            analysing: false,
            lookup,
            doc,
            analysis,
        };
        app.resize(size.0, size.1);
        app.refilter();
        app
    }

    // ----- outside events ---------------------------------------------------

    /// The terminal's size changed: lay out again, rewrap, keep the cursor in view.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen.size = Rect::new(0, 0, width, height);
        self.relayout();
        self.scroll_text_to_cursor(true);
        self.keep_lists_in_view();
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.message = None;
        self.text.flash = None;
        let action = self.keymap.action(key);
        if action == Some(Action::Quit) && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true; // ctrl-c quits from anywhere, even while typing
            return;
        }
        match self.overlay.take() {
            None => {
                if let Some(action) = action {
                    self.update(action);
                }
            }
            Some(Overlay::Help { scroll }) => self.help_key(scroll, action),
            Some(Overlay::Search { origin, origin_top }) => {
                let action = self.keymap.typing_action(Layer::Search, key);
                self.search_key(key, action, origin, origin_top)
            }
            Some(Overlay::ActorQuery) => {
                let action = self.keymap.typing_action(Layer::ActorQuery, key);
                self.actor_query_key(key, action)
            }
            Some(Overlay::Export(dialog)) => {
                let action = self.keymap.typing_action(Layer::Export, key);
                self.export_key(key, action, dialog)
            }
            Some(Overlay::Detail { claim, scroll }) => self.detail_key(claim, scroll, action),
            Some(Overlay::Note(editor)) => {
                let action = self.keymap.typing_action(Layer::Note, key);
                self.note_key(key, action, editor)
            }
            Some(Overlay::Picker(picker)) => {
                let action = self.keymap.typing_action(Layer::Picker, key);
                self.picker_key(key, action, picker)
            }
            Some(Overlay::Rename { actor, name }) => {
                let action = self.keymap.typing_action(Layer::Rename, key);
                self.rename_key(key, action, actor, name)
            }
            Some(Overlay::Elsewhere(list)) => self.elsewhere_key(list, action),
        }
        self.relayout();
    }

    /// The analysis arrived: from now on it is only read. The reader shows
    /// the text while a long article is analysed, then this attaches the
    /// result once.
    pub fn attach_analysis(&mut self, analysis: Analysis) {
        self.analysing = false;
        if self.message.as_deref() == Some(STILL_ANALYSING) {
            self.message = None;
        }
        self.attach_corrected(crate::corrected::Corrected::plain(analysis));
        self.reselect_at_cursor();
    }

    /// Shows `analysis` from now on (the one analysed, or as corrected).
    fn set_analysis(&mut self, analysis: Analysis) {
        self.lookup = Lookup::new(&analysis, self.theme.actors.len());
        self.analysis = analysis;
        let query = std::mem::take(&mut self.actors.query);
        self.set_actor_query(query);
        if let Some(c) = self.claims.selected
            && c >= self.analysis.claims.len()
        {
            self.claims.selected = None;
        }
    }

    /// The effects queued since the last call, for the event loop to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    // ----- the actions ------------------------------------------------------

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Cancel => self.cancel(),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(2),
            Action::FocusText => self.set_focus(Pane::Text),
            Action::FocusClaims => self.set_focus(Pane::Claims),
            Action::FocusActors => self.set_focus(Pane::Actors),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(self.page()),
            Action::PageUp => self.move_by(-self.page()),
            Action::Top => self.move_to_end(false),
            Action::Bottom => self.move_to_end(true),
            Action::Next => self.step(true),
            Action::Prev => self.step(false),
            Action::Open => self.open(),
            Action::Detail => self.open_detail(),
            Action::Source => self.source_jump(),
            Action::JumpBack => self.walk_jumps(true),
            Action::JumpForward => self.walk_jumps(false),
            Action::Filter => self.toggle_filter(),
            Action::ClearFilter => {
                self.claims.filter.actors = None;
                self.refilter();
                self.message = Some("filter cleared".to_string());
            }
            Action::KindFilter => {
                self.claims.filter.cycle_kinds();
                self.refilter();
                // The status bar shows the kind; say what pressing again does.
                let mut next = self.claims.filter.clone();
                next.cycle_kinds();
                self.message = Some(format!(
                    "showing {} claims · {} again: {}",
                    self.claims.filter.kinds_name(),
                    self.keymap.label(Action::KindFilter),
                    next.kinds_name()
                ));
            }
            Action::Search => self.start_search(),
            Action::Mark => self.toggle_mark(),
            Action::Export => self.open_export(),
            Action::Copy => self.copy_selected(),
            Action::Note => self.open_note(),
            Action::ChangeSource => self.open_source_picker(),
            Action::Dismiss => self.dismiss(),
            Action::ShowDismissed => {
                self.claims.hide_dismissed = !self.claims.hide_dismissed;
                self.refilter();
                self.message = Some(
                    if self.claims.hide_dismissed {
                        "dismissed claims hidden"
                    } else {
                        "dismissed claims shown, struck through"
                    }
                    .to_string(),
                );
            }
            Action::ChangeKind => self.change_kind(),
            Action::Undo => self.undo_or_redo(true),
            Action::Redo => self.undo_or_redo(false),
            Action::Visual => self.start_selection(),
            Action::WordNext => self.move_word(true),
            Action::WordBack => self.move_word(false),
            Action::NewClaim => self.new_claim(),
            Action::MergeActor => self.merge_or_rename(false),
            Action::RenameActor => self.merge_or_rename(true),
            Action::Elsewhere => self.ask_elsewhere(),
            // The library around the reader takes these; one article alone has no list.
            Action::NextArticle | Action::PrevArticle | Action::ToList | Action::Sort => {
                self.message = Some(ONE_ARTICLE.to_string());
            }
            // Only looked up in the layers that take typing.
            Action::Confirm
            | Action::DeleteChar
            | Action::DeleteWord
            | Action::ClearLine
            | Action::NextFormat
            | Action::PrevFormat
            | Action::NewLine
            | Action::Save
            | Action::PickDown
            | Action::PickUp => {}
        }
        self.relayout();
    }

    /// The colour of an actor's claims and mentions (`None`: no known actor).
    pub fn actor_colour(&self, actor: Option<usize>) -> ratatui::style::Color {
        self.theme
            .actor(actor.and_then(|a| self.lookup.actor_colour.get(a).copied()))
    }

    /// Why a key that needs a claim did nothing, and how to select one.
    fn no_claim_selected(&self, to_do: &str) -> String {
        format!(
            "no claim selected {to_do}: {} selects the next one",
            self.keymap.label(Action::Next)
        )
    }

    /// Esc: cancels the selection, clears the search or the actors' name
    /// filter, and never quits
    /// (one stray Esc must not lose the reader; `q` quits).
    fn cancel(&mut self) {
        if self.text.selection.take().is_some() {
            self.message = Some("selection cancelled".to_string());
        } else if self.text.search.take().is_some() {
            self.message = Some("search cleared".to_string());
        } else if self.focus == Pane::Actors && !self.actors.query.is_empty() {
            self.set_actor_query(String::new());
        } else {
            self.message = Some(format!(
                "nothing to close · {} quits",
                self.keymap.label(Action::Quit)
            ));
        }
    }

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Text {
            self.side_tab = pane;
        }
    }

    fn cycle_focus(&mut self, by: usize) {
        let i = Pane::ALL.iter().position(|&p| p == self.focus).unwrap_or(0);
        self.set_focus(Pane::ALL[(i + by) % Pane::ALL.len()]);
    }

    fn page(&self) -> isize {
        (self.screen.areas.rows(self.focus).saturating_sub(2)).max(1) as isize
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Text => {
                let rows = self.wrapped().rows.len();
                let row = self.cursor_row().saturating_add_signed(delta).min(rows - 1);
                self.cursor_to_row(self.text_row_near(row, delta));
            }
            Pane::Claims => {
                let Some(last) = self.claims.shown.len().checked_sub(1) else {
                    return;
                };
                let at = self.claims.position().unwrap_or(0);
                let to = at.saturating_add_signed(delta).min(last);
                self.select_claim(self.claims.shown[to]);
            }
            Pane::Actors => {
                let Some(last) = self.actors.list.len().checked_sub(1) else {
                    return;
                };
                self.actors.cursor = self.actors.cursor.saturating_add_signed(delta).min(last);
                self.keep_lists_in_view();
            }
        }
    }

    fn move_to_end(&mut self, bottom: bool) {
        match self.focus {
            Pane::Text => {
                self.jumps.push(self.here());
                let row = if bottom {
                    self.text_row_near(self.wrapped().rows.len() - 1, -1)
                } else {
                    self.text_row_near(0, 1)
                };
                self.cursor_to_row(row);
            }
            Pane::Claims => {
                let pick = if bottom {
                    self.claims.shown.last()
                } else {
                    self.claims.shown.first()
                };
                if let Some(&c) = pick {
                    self.select_claim(c);
                }
            }
            Pane::Actors => {
                self.actors.cursor = if bottom {
                    self.actors.list.len().saturating_sub(1)
                } else {
                    0
                };
                self.keep_lists_in_view();
            }
        }
    }

    /// `n`/`N`: the next search match, the selected actor's next claim or
    /// mention, or the next claim the filters show.
    fn step(&mut self, forward: bool) {
        if self.focus == Pane::Actors {
            return self.step_actor(forward);
        }
        if self
            .text
            .search
            .as_ref()
            .is_some_and(|s| !s.matches.is_empty())
        {
            return self.step_match(forward);
        }
        self.step_claim(forward);
    }

    /// The next (or previous) claim the filters show, from the selected one
    /// or else from the cursor.
    fn step_claim(&mut self, forward: bool) {
        if self.claims.shown.is_empty() {
            self.message = Some(self.why_no_claims_shown());
            return;
        }
        let n = self.claims.shown.len();
        let next = match self.claims.position() {
            Some(p) if forward => p + 1,
            Some(p) => p.wrapping_sub(1),
            None if forward => self
                .claims
                .shown
                .partition_point(|&c| self.claim_start(c) <= self.text.cursor),
            None => self
                .claims
                .shown
                .partition_point(|&c| self.claim_start(c) < self.text.cursor)
                .wrapping_sub(1),
        };
        let to = if next == n {
            self.message = Some("wrapped to the first claim".to_string());
            0
        } else if next == usize::MAX {
            self.message = Some("wrapped to the last claim".to_string());
            n - 1
        } else {
            next
        };
        self.select_claim(self.claims.shown[to]);
    }

    fn step_match(&mut self, forward: bool) {
        let Some(search) = &mut self.text.search else {
            return;
        };
        // From the cursor, which may have moved away from the last match.
        let Some(i) = search.next_from(self.text.cursor, forward) else {
            return;
        };
        let at = search.matches[i].start;
        // The status bar shows the count; say only when the search wraps.
        if forward && at <= self.text.cursor {
            self.message = Some("search wrapped to the top".to_string());
        } else if !forward && at >= self.text.cursor {
            self.message = Some("search wrapped to the bottom".to_string());
        }
        search.current = Some(i);
        self.text.cursor = at;
        self.reselect_at_cursor();
        self.scroll_text_to_cursor(false);
    }

    /// From an actor: its claims and mentions in text order, one by one.
    fn step_actor(&mut self, forward: bool) {
        let Some(actor) = self.actors.selected() else {
            return;
        };
        let a = &self.analysis.actors[actor];
        let mut stops: Vec<(usize, Option<usize>)> =
            a.mentions.iter().map(|m| (m.start, None)).collect();
        stops.extend(a.claims.iter().map(|&c| (self.claim_start(c), Some(c))));
        stops.sort();
        stops.dedup_by_key(|s| s.0);
        if stops.is_empty() {
            return;
        }
        let i = if forward {
            stops
                .iter()
                .position(|s| s.0 > self.text.cursor)
                .unwrap_or(0)
        } else {
            stops
                .iter()
                .rposition(|s| s.0 < self.text.cursor)
                .unwrap_or(stops.len() - 1)
        };
        let (at, claim) = stops[i];
        self.text.cursor = at;
        if let Some(c) = claim {
            self.claims.selected = Some(c);
        }
        self.message = Some(format!("{}: {} of {}", a.name, i + 1, stops.len()));
        self.scroll_text_to_cursor(false);
        self.keep_lists_in_view();
    }

    /// Enter: the selected claim's details, or the selected actor in the text.
    fn open(&mut self) {
        match self.focus {
            Pane::Text => {}
            Pane::Claims => self.open_detail(),
            Pane::Actors => {
                let Some(actor) = self.actors.selected() else {
                    return;
                };
                let a = &self.analysis.actors[actor];
                let first = a.mentions.first().map(|m| m.start);
                let first = first.or_else(|| a.claims.first().map(|&c| self.claim_start(c)));
                if let Some(at) = first {
                    self.jumps.push(self.here());
                    self.text.cursor = at;
                    self.reselect_at_cursor();
                    self.scroll_text_to_cursor(false);
                    self.set_focus(Pane::Text);
                }
            }
        }
    }

    /// `s`: from a claim to its source mention and back.
    fn source_jump(&mut self) {
        if let Some((from, to)) = self.text.source_return.take()
            && self.text.cursor == to
        {
            self.jumps.push(self.here());
            self.text.cursor = from;
            self.scroll_text_to_cursor(false);
            self.message = Some("back to the claim".to_string());
            return;
        }
        let Some(claim) = self.claims.selected else {
            self.message = Some(self.no_claim_selected("to go to its source"));
            return;
        };
        let Some(source) = self.analysis.claims[claim].source else {
            self.message = Some("this claim has no source in the text".to_string());
            return;
        };
        let from = self.text.cursor;
        self.jumps.push(self.here());
        self.text.cursor = source.span.start;
        self.text.source_return = Some((from, self.text.cursor));
        // Mark the mention for a moment: it may be on screen already, where
        // the cursor alone is easy to miss.
        self.text.flash = Some(source.span);
        let name = match source.actor {
            Some(actor) => {
                self.select_actor(actor);
                self.analysis.actors[actor].name.clone()
            }
            None => source.span.of(&self.doc.text).to_string(),
        };
        self.message = Some(format!(
            "source: {name}  ({} again to go back)",
            self.keymap.label(Action::Source)
        ));
        self.scroll_text_to_cursor(false);
    }

    /// Where the reader is, for the jump list.
    fn here(&self) -> Place {
        Place {
            cursor: self.text.cursor,
            claim: self.claims.selected,
        }
    }

    /// Back to a place from the jump list: its claim selected again (if the
    /// filters still show it), and at a claim's source its actor too.
    fn go_to(&mut self, place: Place) {
        self.text.cursor = place.cursor.min(self.doc.text.len());
        match place.claim.filter(|&c| self.claims.is_shown(c)) {
            Some(c) => {
                self.claims.selected = Some(c);
                if let Some(source) = self.analysis.claims[c].source
                    && source.span.contains_offset(self.text.cursor)
                    && let Some(actor) = source.actor
                {
                    self.select_actor(actor);
                }
            }
            None => self.reselect_at_cursor(),
        }
        self.scroll_text_to_cursor(false);
        self.keep_lists_in_view();
    }

    fn walk_jumps(&mut self, back: bool) {
        let here = self.here();
        let to = if back {
            self.jumps.back(here)
        } else {
            self.jumps.forward(here)
        };
        match to {
            Some(place) => self.go_to(place),
            None => {
                let end = if back { "oldest" } else { "newest" };
                self.message = Some(format!("at the {end} jump"));
            }
        }
    }

    fn start_search(&mut self) {
        if self.focus == Pane::Actors {
            self.overlay = Some(Overlay::ActorQuery);
            return;
        }
        self.text.search = Some(Search::default());
        self.overlay = Some(Overlay::Search {
            origin: self.here(),
            origin_top: self.text.top,
        });
    }
}

/// What the library's keys say when only one article is open.
pub const ONE_ARTICLE: &str = "one article open: give several (or a folder) for a list";

/// What `n` says while the analysis runs; it goes when the claims arrive.
pub(super) const STILL_ANALYSING: &str = "still finding the claims…";

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
