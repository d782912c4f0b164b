//! The reader's state and `update(action)`: focus, cursor, selection,
//! filters, search, marks, the jump list and overlays. No terminal and no
//! I/O here; what needs the outside world (the clipboard, writing a file)
//! is queued as an [`Effect`] for the event loop.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::dialog::{ExportDialog, Format};
use super::jumps::JumpList;
use super::keymap::{Action, Keymap, Pane};
use super::layout::Areas;
use super::lookup::{Lookup, claim_at};
use super::search::{Search, fuzzy_matches};
use super::theme::Theme;
use super::wrap::{WrapCache, Wrapped};
use crate::analysis::{Analysis, ClaimKind};
use crate::config::Config;
use crate::document::Document;
use crate::export;

/// Which claim kinds the claims pane and `n`/`N` show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KindFilter {
    #[default]
    All,
    Direct,
    Indirect,
    Mixed,
}

impl KindFilter {
    fn next(self) -> KindFilter {
        match self {
            KindFilter::All => KindFilter::Direct,
            KindFilter::Direct => KindFilter::Indirect,
            KindFilter::Indirect => KindFilter::Mixed,
            KindFilter::Mixed => KindFilter::All,
        }
    }

    fn keeps(self, kind: ClaimKind) -> bool {
        match self {
            KindFilter::All => true,
            KindFilter::Direct => kind == ClaimKind::Direct,
            KindFilter::Indirect => kind == ClaimKind::Indirect,
            KindFilter::Mixed => kind == ClaimKind::Mixed,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            KindFilter::All => "all",
            KindFilter::Direct => "direct",
            KindFilter::Indirect => "indirect",
            KindFilter::Mixed => "mixed",
        }
    }
}

/// A layer over the panes that takes the keys while it is open.
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    /// Typing a text search; the cursor and view to go back to on Esc.
    Search {
        origin: usize,
        origin_top: usize,
    },
    /// Typing the actors pane's name filter.
    ActorQuery,
    Export(ExportDialog),
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
}

/// The reader's whole state.
pub struct App {
    pub doc: Document,
    /// Computed once before the app starts; only read.
    pub analysis: Analysis,
    pub lookup: Lookup,
    pub keymap: Keymap,
    pub theme: Theme,
    pub mouse: bool,
    max_text_width: u16,
    pub areas: Areas,
    size: Rect,
    wraps: WrapCache,
    pub focus: Pane,
    /// The list the narrow layout shows while the text has focus.
    pub side_tab: Pane,
    /// Byte offset of the text cursor.
    pub cursor: usize,
    /// The first text row on screen.
    pub text_top: usize,
    /// Index into `analysis.claims` of the selected claim.
    pub selected: Option<usize>,
    /// The claims the filters let through, in text order.
    pub shown: Vec<usize>,
    shown_mask: Vec<bool>,
    pub claims_top: usize,
    /// Actors in the filter (indices into `analysis.actors`); OR-ed.
    pub filter: BTreeSet<usize>,
    pub kind_filter: KindFilter,
    /// The actors pane: actors matching `actor_query`, by claims.
    pub actor_list: Vec<usize>,
    pub actor_query: String,
    /// Index into `actor_list`.
    pub actor_cursor: usize,
    pub actors_top: usize,
    /// Claims marked for export, by index into `analysis.claims`.
    pub marks: BTreeSet<usize>,
    pub jumps: JumpList,
    /// After `s`: (where the cursor was, the source it went to).
    source_return: Option<(usize, usize)>,
    pub search: Option<Search>,
    folded: Option<String>,
    pub overlay: Option<Overlay>,
    /// A one-line report for the status bar, until the next key.
    pub message: Option<String>,
    effects: Vec<Effect>,
    pub quit: bool,
    /// Whether the analysis is still running (the text shows meanwhile).
    pub analysing: bool,
}

impl App {
    pub fn new(
        doc: Document,
        analysis: Analysis,
        config: &Config,
        theme: Theme,
        size: (u16, u16),
    ) -> App {
        let lookup = Lookup::new(&analysis);
        let mut app = App {
            keymap: Keymap::new(&config.keys),
            theme,
            mouse: config.reader.mouse,
            max_text_width: config.reader.max_text_width,
            areas: Areas::default(),
            size: Rect::default(),
            wraps: WrapCache::default(),
            focus: Pane::Text,
            side_tab: Pane::Claims,
            cursor: 0,
            text_top: 0,
            selected: None,
            shown: Vec::new(),
            shown_mask: Vec::new(),
            claims_top: 0,
            filter: BTreeSet::new(),
            kind_filter: KindFilter::All,
            actor_list: lookup.actor_order.clone(),
            actor_query: String::new(),
            actor_cursor: 0,
            actors_top: 0,
            marks: BTreeSet::new(),
            jumps: JumpList::default(),
            source_return: None,
            search: None,
            folded: None,
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
        self.size = Rect::new(0, 0, width, height);
        self.relayout();
        self.scroll_text_to_cursor(true);
        self.keep_lists_in_view();
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        self.message = None;
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
                self.search_key(key, origin, origin_top)
            }
            Some(Overlay::ActorQuery) => self.actor_query_key(key),
            Some(Overlay::Export(dialog)) => self.export_key(key, dialog),
        }
        self.relayout();
    }

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

    /// The analysis arrived: from now on it is only read. The reader shows
    /// the text while a long article is analysed, then this attaches the
    /// result once.
    pub fn attach_analysis(&mut self, analysis: Analysis) {
        self.lookup = Lookup::new(&analysis);
        self.analysis = analysis;
        self.analysing = false;
        let query = std::mem::take(&mut self.actor_query);
        self.set_actor_query(query);
        self.refilter();
        self.reselect_at_cursor();
    }

    /// The effects queued since the last call, for the event loop to carry out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

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
            Err(e) => dialog.error = Some(format!("cannot write {}: {e}", path.display())),
        }
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
            Action::Source => self.source_jump(),
            Action::JumpBack => self.walk_jumps(true),
            Action::JumpForward => self.walk_jumps(false),
            Action::Filter => self.toggle_filter(),
            Action::ClearFilter => {
                self.filter.clear();
                self.refilter();
                self.message = Some("filter cleared".to_string());
            }
            Action::KindFilter => {
                self.kind_filter = self.kind_filter.next();
                self.refilter();
                self.message = Some(format!("showing {} claims", self.kind_filter.name()));
            }
            Action::Search => self.start_search(),
            Action::Mark => self.toggle_mark(),
            Action::Export => self.open_export(),
            Action::Copy => self.copy_selected(),
        }
        self.relayout();
    }

    fn cancel(&mut self) {
        if self.search.take().is_some() {
            self.message = Some("search cleared".to_string());
        } else if self.focus == Pane::Actors && !self.actor_query.is_empty() {
            self.set_actor_query(String::new());
        } else {
            self.quit = true;
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
        (self.areas.rows(self.focus).saturating_sub(2)).max(1) as isize
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Text => {
                let rows = self.wrapped().rows.len();
                let row = self.cursor_row().saturating_add_signed(delta).min(rows - 1);
                self.cursor_to_row(row);
            }
            Pane::Claims => {
                let Some(last) = self.shown.len().checked_sub(1) else {
                    return;
                };
                let at = self.selected_position().unwrap_or(0);
                let to = at.saturating_add_signed(delta).min(last);
                self.select_claim(self.shown[to]);
            }
            Pane::Actors => {
                let Some(last) = self.actor_list.len().checked_sub(1) else {
                    return;
                };
                self.actor_cursor = self.actor_cursor.saturating_add_signed(delta).min(last);
                self.keep_lists_in_view();
            }
        }
    }

    fn move_to_end(&mut self, bottom: bool) {
        match self.focus {
            Pane::Text => {
                self.jumps.push(self.cursor);
                let row = if bottom {
                    self.wrapped().rows.len() - 1
                } else {
                    0
                };
                self.cursor_to_row(row);
            }
            Pane::Claims => {
                let pick = if bottom {
                    self.shown.last()
                } else {
                    self.shown.first()
                };
                if let Some(&c) = pick {
                    self.select_claim(c);
                }
            }
            Pane::Actors => {
                self.actor_cursor = if bottom {
                    self.actor_list.len().saturating_sub(1)
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
        if self.search.as_ref().is_some_and(|s| !s.matches.is_empty()) {
            return self.step_match(forward);
        }
        if self.shown.is_empty() {
            let why = if self.analysing {
                "still finding the claims…"
            } else {
                "no claims to show"
            };
            self.message = Some(why.to_string());
            return;
        }
        let n = self.shown.len();
        let next = match self.selected_position() {
            Some(p) if forward => p + 1,
            Some(p) => p.wrapping_sub(1),
            None if forward => self
                .shown
                .partition_point(|&c| self.claim_start(c) <= self.cursor),
            None => self
                .shown
                .partition_point(|&c| self.claim_start(c) < self.cursor)
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
        self.select_claim(self.shown[to]);
    }

    fn step_match(&mut self, forward: bool) {
        let Some(search) = &mut self.search else {
            return;
        };
        let n = search.matches.len();
        let i = match (search.current, forward) {
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
            (None, _) => search.at_or_after(self.cursor).unwrap_or(0),
        };
        search.current = Some(i);
        let at = search.matches[i].start;
        self.message = Some(format!("/{}  {}", search.query, search.count()));
        self.cursor = at;
        self.reselect_at_cursor();
        self.scroll_text_to_cursor(false);
    }

    /// From an actor: its claims and mentions in text order, one by one.
    fn step_actor(&mut self, forward: bool) {
        let Some(&actor) = self.actor_list.get(self.actor_cursor) else {
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
            stops.iter().position(|s| s.0 > self.cursor).unwrap_or(0)
        } else {
            stops
                .iter()
                .rposition(|s| s.0 < self.cursor)
                .unwrap_or(stops.len() - 1)
        };
        let (at, claim) = stops[i];
        self.cursor = at;
        if let Some(c) = claim {
            self.selected = Some(c);
        }
        self.message = Some(format!("{}: {} of {}", a.name, i + 1, stops.len()));
        self.scroll_text_to_cursor(false);
        self.keep_lists_in_view();
    }

    /// Enter: show the selected claim or actor in the text.
    fn open(&mut self) {
        match self.focus {
            Pane::Text => {}
            Pane::Claims => {
                if let Some(c) = self.selected {
                    self.jumps.push(self.cursor);
                    self.select_claim(c);
                    self.set_focus(Pane::Text);
                }
            }
            Pane::Actors => {
                let Some(&actor) = self.actor_list.get(self.actor_cursor) else {
                    return;
                };
                let a = &self.analysis.actors[actor];
                let first = a.mentions.first().map(|m| m.start);
                let first = first.or_else(|| a.claims.first().map(|&c| self.claim_start(c)));
                if let Some(at) = first {
                    self.jumps.push(self.cursor);
                    self.cursor = at;
                    self.reselect_at_cursor();
                    self.scroll_text_to_cursor(false);
                    self.set_focus(Pane::Text);
                }
            }
        }
    }

    /// `s`: from a claim to its source mention and back.
    fn source_jump(&mut self) {
        if let Some((from, to)) = self.source_return.take()
            && self.cursor == to
        {
            self.jumps.push(self.cursor);
            self.cursor = from;
            self.scroll_text_to_cursor(false);
            self.message = Some("back to the claim".to_string());
            return;
        }
        let Some(claim) = self.selected else {
            self.message = Some("no claim selected: n selects the next one".to_string());
            return;
        };
        let Some(source) = self.analysis.claims[claim].source else {
            self.message = Some("this claim has no source in the text".to_string());
            return;
        };
        let from = self.cursor;
        self.jumps.push(from);
        self.cursor = source.span.start;
        self.source_return = Some((from, self.cursor));
        let name = match source.actor {
            Some(actor) => {
                self.select_actor(actor);
                self.analysis.actors[actor].name.clone()
            }
            None => source.span.of(&self.doc.text).to_string(),
        };
        self.message = Some(format!("source: {name}  (s again to go back)"));
        self.scroll_text_to_cursor(false);
    }

    fn walk_jumps(&mut self, back: bool) {
        let to = if back {
            self.jumps.back(self.cursor)
        } else {
            self.jumps.forward(self.cursor)
        };
        match to {
            Some(at) => {
                self.cursor = at.min(self.doc.text.len());
                self.reselect_at_cursor();
                self.scroll_text_to_cursor(false);
            }
            None => {
                let end = if back { "oldest" } else { "newest" };
                self.message = Some(format!("at the {end} jump"));
            }
        }
    }

    fn toggle_filter(&mut self) {
        let actor = match self.focus {
            Pane::Actors => self.actor_list.get(self.actor_cursor).copied(),
            _ => self
                .selected
                .and_then(|c| self.analysis.claims[c].source?.actor),
        };
        let Some(actor) = actor else {
            self.message = Some("no actor here to filter by".to_string());
            return;
        };
        if !self.filter.remove(&actor) {
            self.filter.insert(actor);
        }
        self.refilter();
        self.message = Some(if self.filter.is_empty() {
            "filter cleared".to_string()
        } else {
            format!("filter: {}", self.filter_names())
        });
    }

    /// The names of the actors in the filter, for the status bar.
    pub fn filter_names(&self) -> String {
        let names: Vec<&str> = self
            .filter
            .iter()
            .map(|&a| self.analysis.actors[a].name.as_str())
            .collect();
        names.join(" or ")
    }

    fn start_search(&mut self) {
        if self.focus == Pane::Actors {
            self.overlay = Some(Overlay::ActorQuery);
            return;
        }
        if self.folded.is_none() {
            self.folded = Some(self.doc.text.to_ascii_lowercase());
        }
        self.search = Some(Search::default());
        self.overlay = Some(Overlay::Search {
            origin: self.cursor,
            origin_top: self.text_top,
        });
    }

    fn toggle_mark(&mut self) {
        let Some(c) = self.selected else {
            self.message = Some("no claim selected to mark".to_string());
            return;
        };
        let verb = if self.marks.remove(&c) {
            "unmarked"
        } else {
            self.marks.insert(c);
            "marked"
        };
        let n = self.marks.len();
        self.message = Some(format!("{verb}; {n} claim{} marked for export", plural(n)));
    }

    fn open_export(&mut self) {
        let marked = !self.marks.is_empty();
        let claims: Vec<usize> = if marked {
            self.marks.iter().copied().collect()
        } else {
            self.shown.clone()
        };
        if claims.is_empty() {
            self.message = Some("no claims to export".to_string());
            return;
        }
        self.overlay = Some(Overlay::Export(ExportDialog::new(
            &self.doc.path,
            claims,
            marked,
        )));
    }

    fn copy_selected(&mut self) {
        let Some(c) = self.selected else {
            self.message = Some("no claim selected to copy".to_string());
            return;
        };
        let quote = self.markdown_quote(c);
        self.effects.push(Effect::Copy(quote));
        self.message = Some("copied the claim to the clipboard".to_string());
    }

    /// A claim as a Markdown block quote with its source.
    pub fn markdown_quote(&self, claim: usize) -> String {
        let c = &self.analysis.claims[claim];
        let text = c.span.of(&self.doc.text);
        let mut out: String = text.lines().map(|l| format!("> {l}\n")).collect();
        out.push_str(&format!(">\n> — {}\n", self.source_label(claim)));
        out
    }

    /// The source's name and role, or its words, or "unattributed".
    pub fn source_label(&self, claim: usize) -> String {
        let Some(source) = self.analysis.claims[claim].source else {
            return "unattributed".to_string();
        };
        match source.actor.map(|a| &self.analysis.actors[a]) {
            Some(a) => match &a.role {
                Some(role) => format!("{}, {role}", a.name),
                None => a.name.clone(),
            },
            None => source.span.of(&self.doc.text).to_string(),
        }
    }

    // ----- overlays ---------------------------------------------------------

    fn help_key(&mut self, scroll: u16, action: Option<Action>) {
        let scroll = match action {
            Some(Action::Help | Action::Cancel | Action::Quit) => return,
            Some(Action::Down) => scroll.saturating_add(1),
            Some(Action::Up) => scroll.saturating_sub(1),
            Some(Action::PageDown) => scroll.saturating_add(10),
            Some(Action::PageUp) => scroll.saturating_sub(10),
            Some(Action::Top) => 0,
            _ => scroll,
        };
        self.overlay = Some(Overlay::Help { scroll });
    }

    fn search_key(&mut self, key: KeyEvent, origin: usize, origin_top: usize) {
        let mut query = self
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default();
        match key.code {
            KeyCode::Esc => {
                self.search = None;
                self.cursor = origin;
                self.text_top = origin_top;
                return;
            }
            KeyCode::Enter => {
                let count = self.search.as_ref().map(Search::count).unwrap_or_default();
                if query.is_empty() {
                    self.search = None;
                } else {
                    self.message = Some(format!("/{query}  {count}  (n/N: next/previous match)"));
                }
                return;
            }
            _ => {
                edit_line(&mut query, key);
            }
        }
        let folded = self.folded.as_deref().unwrap_or_default();
        let mut search = Search::new(&query, &self.doc.text, folded);
        search.current = search.at_or_after(origin);
        self.cursor = search.current.map_or(origin, |i| search.matches[i].start);
        self.search = Some(search);
        self.reselect_at_cursor();
        self.scroll_text_to_cursor(false);
        self.overlay = Some(Overlay::Search { origin, origin_top });
    }

    fn actor_query_key(&mut self, key: KeyEvent) {
        let mut query = self.actor_query.clone();
        match key.code {
            KeyCode::Esc => return self.set_actor_query(String::new()),
            KeyCode::Enter => return,
            _ => {
                edit_line(&mut query, key);
            }
        }
        self.set_actor_query(query);
        self.overlay = Some(Overlay::ActorQuery);
    }

    fn set_actor_query(&mut self, query: String) {
        let actors = &self.analysis.actors;
        self.actor_list = self
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
        self.actor_query = query;
        self.actor_cursor = 0;
        self.actors_top = 0;
    }

    fn export_key(&mut self, key: KeyEvent, mut dialog: ExportDialog) {
        if dialog.confirm_overwrite {
            match key.code {
                KeyCode::Char('y' | 'Y') => {
                    dialog.confirm_overwrite = false;
                    self.queue_write(&dialog, true);
                }
                KeyCode::Esc | KeyCode::Char('n' | 'N') => dialog.confirm_overwrite = false,
                _ => {}
            }
            self.overlay = Some(Overlay::Export(dialog));
            return;
        }
        match key.code {
            KeyCode::Esc => return,
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Left | KeyCode::Right => {
                dialog.toggle_format()
            }
            KeyCode::Backspace => dialog.backspace(),
            KeyCode::Enter if dialog.path.trim().is_empty() => {
                dialog.error = Some("type a file name".to_string())
            }
            KeyCode::Enter => self.queue_write(&dialog, false),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                dialog.type_char(c)
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Export(dialog));
    }

    fn queue_write(&mut self, dialog: &ExportDialog, overwrite: bool) {
        let mut actors: Vec<usize> = dialog
            .claims
            .iter()
            .filter_map(|&c| self.analysis.claims[c].source?.actor)
            .collect();
        actors.sort_unstable();
        actors.dedup();
        let contents = match dialog.format {
            Format::Json => {
                export::json::to_string(&self.doc, &self.analysis, &dialog.claims, &actors)
            }
            Format::Markdown => {
                export::markdown::to_string(&self.doc, &self.analysis, &dialog.claims, &actors)
            }
        };
        self.effects.push(Effect::Write {
            path: PathBuf::from(dialog.path.trim()),
            contents,
            overwrite,
        });
    }

    // ----- mouse ------------------------------------------------------------

    fn click(&mut self, pane: Pane, x: u16, y: u16) {
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

    fn scroll(&mut self, pane: Pane, delta: isize) {
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

    // ----- cursor, selection, scrolling -----------------------------------

    pub fn wrapped(&self) -> &Wrapped {
        self.wraps
            .current()
            .expect("relayout wraps the text before anything reads it")
    }

    pub fn cursor_row(&self) -> usize {
        self.wrapped().row_of(self.cursor)
    }

    fn claim_start(&self, claim: usize) -> usize {
        self.analysis.claims[claim].span.start
    }

    /// The position of the selected claim in the shown list.
    pub fn selected_position(&self) -> Option<usize> {
        // `shown` holds claim indices in ascending order.
        self.shown.binary_search(&self.selected?).ok()
    }

    pub fn is_shown(&self, claim: usize) -> bool {
        self.shown_mask.get(claim).copied().unwrap_or(false)
    }

    /// Selects a claim: the cursor goes to its start and the text scrolls to it.
    pub fn select_claim(&mut self, claim: usize) {
        self.selected = Some(claim);
        self.cursor = self.claim_start(claim);
        let end = self.analysis.claims[claim].span.end;
        let (first, last) = (
            self.cursor_row(),
            self.wrapped()
                .row_of(end.saturating_sub(1).max(self.cursor)),
        );
        self.scroll_text_to_rows(first, last);
        self.keep_lists_in_view();
    }

    fn select_actor(&mut self, actor: usize) {
        if !self.actor_list.contains(&actor) {
            self.set_actor_query(String::new());
        }
        if let Some(i) = self.actor_list.iter().position(|&a| a == actor) {
            self.actor_cursor = i;
        }
        self.keep_lists_in_view();
    }

    fn cursor_to_row(&mut self, row: usize) {
        self.cursor = self.wrapped().rows[row].start;
        self.reselect_on_row(row);
        self.scroll_text_to_cursor(false);
        self.keep_lists_in_view();
    }

    /// The claim under the cursor if it is shown, else the first on its row.
    fn reselect_at_cursor(&mut self) {
        let shown = &self.shown_mask;
        match claim_at(&self.analysis, self.cursor, |c| shown[c]) {
            Some(c) => self.selected = Some(c),
            None => self.reselect_on_row(self.cursor_row()),
        }
        self.keep_lists_in_view();
    }

    /// The selection follows the cursor onto a row with a shown claim, and
    /// stays where it was when the row has none.
    fn reselect_on_row(&mut self, row: usize) {
        let r = self.wrapped().rows[row];
        let shown = &self.shown_mask;
        let claims = &self.analysis.claims;
        let covering = claim_at(&self.analysis, r.start, |c| shown[c]);
        let first = claims.partition_point(|c| c.span.start < r.start);
        let starting = (first..claims.len())
            .take_while(|&c| claims[c].span.start < r.end)
            .find(|&c| shown[c]);
        if let Some(c) = covering.or(starting) {
            self.selected = Some(c);
        }
    }

    fn scroll_text_to_cursor(&mut self, centre: bool) {
        let row = self.cursor_row();
        if centre {
            let height = self.areas.rows(Pane::Text);
            if row < self.text_top || row >= self.text_top + height {
                self.text_top = row.saturating_sub(height / 3);
            }
            self.clamp_text_top();
        } else {
            self.scroll_text_to_rows(row, row);
        }
    }

    /// Scrolls as little as possible to show rows `first..=last`, with a
    /// little context; a jump far away puts them a third down the pane.
    fn scroll_text_to_rows(&mut self, first: usize, last: usize) {
        let height = self.areas.rows(Pane::Text);
        let context = (height / 6).min(3);
        let top = self.text_top;
        if first < top + context || last + context >= top + height {
            let far = first + height < top || first > top + 2 * height;
            self.text_top = if far || first < top + context {
                first.saturating_sub(if far { height / 3 } else { context })
            } else {
                // Scroll down just enough, but never past the first row.
                (last + context + 1).saturating_sub(height).min(first)
            };
        }
        self.clamp_text_top();
    }

    fn clamp_text_top(&mut self) {
        let rows = self.wrapped().rows.len();
        let height = self.areas.rows(Pane::Text);
        self.text_top = self.text_top.min(rows.saturating_sub(height.min(rows)));
    }

    fn keep_lists_in_view(&mut self) {
        let height = self.areas.rows(Pane::Claims);
        if let Some(p) = self.selected_position() {
            self.claims_top = keep_in_view(self.claims_top, p, height);
        }
        self.claims_top = self.claims_top.min(self.shown.len().saturating_sub(1));
        let height = self.areas.rows(Pane::Actors);
        self.actor_cursor = self
            .actor_cursor
            .min(self.actor_list.len().saturating_sub(1));
        self.actors_top = keep_in_view(self.actors_top, self.actor_cursor, height);
    }

    /// Recomputes the shown claims after a filter change; the selection
    /// moves to the nearest shown claim when it is filtered out.
    fn refilter(&mut self) {
        let claims = &self.analysis.claims;
        self.shown_mask = claims
            .iter()
            .map(|c| {
                self.kind_filter.keeps(c.kind)
                    && (self.filter.is_empty()
                        || c.source
                            .and_then(|s| s.actor)
                            .is_some_and(|a| self.filter.contains(&a)))
            })
            .collect();
        self.shown = (0..claims.len()).filter(|&c| self.shown_mask[c]).collect();
        if self.selected.is_some_and(|c| !self.shown_mask[c]) {
            let after = self
                .shown
                .partition_point(|&c| claims[c].span.start < self.cursor);
            self.selected = self.shown.get(after).or(self.shown.last()).copied();
        }
        if self.wraps.current().is_some() {
            self.keep_lists_in_view();
        }
    }

    /// Lays the panes out for the current size and focus and wraps the text
    /// to the column's width (cached per width).
    fn relayout(&mut self) {
        self.areas = Areas::new(self.size, self.focus, self.side_tab, self.max_text_width);
        let width = if self.areas.column.width > 0 {
            self.areas.column.width
        } else {
            self.size.width.max(1)
        };
        self.wraps.get(&self.doc.text, width);
        self.cursor = self.cursor.min(self.doc.text.len());
    }
}

/// Applies a typing key (a character, Backspace) to a one-line prompt;
/// false for any other key.
fn edit_line(line: &mut String, key: KeyEvent) -> bool {
    match key.code {
        KeyCode::Backspace => line.pop().is_some(),
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            line.push(c);
            true
        }
        _ => false,
    }
}

/// The new first row of a list so that `at` is on screen.
fn keep_in_view(top: usize, at: usize, height: usize) -> usize {
    if at < top {
        at
    } else if at >= top + height {
        at + 1 - height
    } else {
        top
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
