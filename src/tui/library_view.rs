//! Several articles at once: the library list (one row per article with
//! its title, source, date, claims, actors and marks; sortable, filtered by
//! title or source) and the reader on one of them.
//! The list comes first; `Enter` opens the reader, the list key goes back,
//! `]` / `[` read the next or previous article of the list. Each article's
//! analysis arrives when it is done ([`Library::attach_analysis`]); the list
//! shows at once and says which are still being analysed.
//!
//! A feed's items are rows too, read when opened: `Enter` asks the event
//! loop to fetch one ([`Library::take_fetches`]), and the reader opens on
//! it once it is there ([`Library::fetched`]).
//!
//! One article alone is a library with its reader open and no list to go
//! back to. No terminal and no I/O here, as in [`App`].

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};

use super::app::{App, Effect};
use super::keymap::{Action, Keymap, Layer};
use super::settings::Settings;
use super::theme::Theme;
use crate::analysis::Analysis;
use crate::document::Document;
use crate::input::{self, Listed};

/// One article of the list: its text, its analysis once it is done, and
/// what the library knows of it.
pub struct Entry {
    pub doc: Document,
    pub analysis: Option<Analysis>,
    /// The user's marks on it, as the library had them when the list
    /// opened (its reader counts them once opened).
    pub marks: usize,
    /// When it was first added to the library (Unix seconds), if kept.
    pub added: Option<i64>,
    /// An item of a feed not read yet (`doc` holds what the feed says of
    /// it, and no text): read when opened.
    pub item: Option<input::Entry>,
    /// Its page is being fetched.
    pub fetching: bool,
}

impl Entry {
    fn new(doc: Document, analysis: Option<Analysis>) -> Entry {
        Entry {
            doc,
            analysis,
            marks: 0,
            added: None,
            item: None,
            fetching: false,
        }
    }

    fn listed(listed: Listed) -> Entry {
        match listed {
            Listed::Article(doc) => Entry::new(doc, None),
            Listed::Item(item) => Entry {
                item: Some(item.clone()),
                ..Entry::new(item.placeholder(), None)
            },
        }
    }

    /// The article's date: the day it was published, as the page says
    /// (written as it says when whosaid cannot read it), else the day it
    /// was added to the library.
    pub fn date(&self) -> Option<String> {
        match self.doc.published.as_deref().map(str::trim) {
            Some(published) if !published.is_empty() => {
                Some(crate::dates::day(published).unwrap_or_else(|| published.to_string()))
            }
            _ => self.added.map(crate::store::listing::date),
        }
    }

    /// When it was published (else added), as a moment to sort by: "March
    /// 3, 2025" and "2025-03-03" are the same day. `None` for a date
    /// whosaid cannot read, and for none.
    fn moment(&self) -> Option<chrono::NaiveDateTime> {
        match self.doc.published.as_deref().map(str::trim) {
            Some(published) if !published.is_empty() => crate::dates::parse(published),
            _ => chrono::DateTime::from_timestamp(self.added?, 0).map(|m| m.naive_utc()),
        }
    }
}

/// The column the list is sorted by; the sort key cycles through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// As opened: argument order, folders walked in path order.
    Opened,
    Title,
    Source,
    /// Newest first.
    Date,
    /// Most claims first.
    Claims,
    /// Most actors first.
    Actors,
    /// Most marks first.
    Marks,
}

impl SortBy {
    const ALL: [SortBy; 7] = [
        SortBy::Opened,
        SortBy::Title,
        SortBy::Source,
        SortBy::Date,
        SortBy::Claims,
        SortBy::Actors,
        SortBy::Marks,
    ];

    pub fn name(self) -> &'static str {
        match self {
            SortBy::Opened => "order opened",
            SortBy::Title => "title",
            SortBy::Source => "source",
            SortBy::Date => "date",
            SortBy::Claims => "claims",
            SortBy::Actors => "actors",
            SortBy::Marks => "marks",
        }
    }

    fn next(self) -> SortBy {
        let i = SortBy::ALL.iter().position(|&s| s == self).unwrap_or(0);
        SortBy::ALL[(i + 1) % SortBy::ALL.len()]
    }
}

/// The keys the list answers to, in the order its help and hints show them,
/// each with what it does in the list (the keymap's words are the reader's).
pub const LIST_KEYS: &[(Action, &str, &str)] = &[
    (Action::Down, "down", "the next article"),
    (Action::Up, "up", "the previous article"),
    (Action::Open, "read", "read the selected article"),
    (
        Action::Search,
        "filter",
        "filter the rows by title or source",
    ),
    (Action::Sort, "sort", "sort by the next column"),
    (Action::Top, "top", "the first article"),
    (Action::Bottom, "bottom", "the last article"),
    (Action::ToList, "list", "in the reader: back to this list"),
    (
        Action::NextArticle,
        "next article",
        "in the reader: the next article of this list",
    ),
    (
        Action::PrevArticle,
        "previous article",
        "in the reader: the previous article of this list",
    ),
    (Action::Help, "help", "show or hide this help"),
    (Action::Quit, "quit", "quit"),
];

/// The articles, the list's state, and the readers opened so far (each
/// keeps its place, marks and notes while the user goes back and forth).
pub struct Library {
    pub entries: Vec<Entry>,
    /// Entries in the list's order, the filter applied.
    pub shown: Vec<usize>,
    /// Position in `shown`.
    pub cursor: usize,
    /// The first row on screen.
    pub top: usize,
    pub sort: SortBy,
    pub query: String,
    /// The filter prompt is open and takes typing.
    pub typing: bool,
    pub help: bool,
    pub message: Option<String>,
    pub keymap: Keymap,
    pub theme: Theme,
    /// The article being read, if any.
    pub open: Option<usize>,
    readers: HashMap<usize, App>,
    settings: Settings,
    size: (u16, u16),
    /// One article, no list: the reader is all there is.
    single: bool,
    /// Items of feeds to fetch, for the event loop.
    fetches: Vec<(usize, input::Entry)>,
    /// The item the user last asked to read, opened once it is fetched.
    awaited: Option<usize>,
    pub quit: bool,
}

impl Library {
    /// The list of `articles`, or with one article (not a feed's item) its
    /// reader straight away.
    pub fn new(
        articles: Vec<impl Into<Listed>>,
        settings: &Settings,
        theme: Theme,
        size: (u16, u16),
    ) -> Self {
        let entries: Vec<Entry> = articles
            .into_iter()
            .map(|a| Entry::listed(a.into()))
            .collect();
        let single = entries.len() == 1 && entries[0].item.is_none();
        let mut library = Library {
            entries,
            shown: Vec::new(),
            cursor: 0,
            top: 0,
            sort: SortBy::Opened,
            query: String::new(),
            typing: false,
            help: false,
            message: None,
            keymap: Keymap::new(&settings.keys),
            theme,
            open: None,
            readers: HashMap::new(),
            settings: settings.clone(),
            size,
            single,
            fetches: Vec::new(),
            awaited: None,
            quit: false,
        };
        library.refilter();
        if single {
            library.read(0);
        }
        library
    }

    /// The reader open now, if any.
    pub fn reader(&self) -> Option<&App> {
        self.readers.get(&self.open?)
    }

    /// The reader of this article, if it was opened.
    pub fn reader_at(&self, entry: usize) -> Option<&App> {
        self.readers.get(&entry)
    }

    pub fn reader_mut(&mut self) -> Option<&mut App> {
        self.readers.get_mut(&self.open?)
    }

    /// What the library knows of an entry: the user's marks on it, and
    /// when it was added.
    pub fn set_kept(&mut self, entry: usize, marks: usize, added: i64) {
        if let Some(e) = self.entries.get_mut(entry) {
            e.marks = marks;
            e.added = Some(added);
        }
        self.refilter();
    }

    /// An article from the library joins the list (at its end); with it,
    /// the list is there to go back to.
    pub fn add_entry(&mut self, doc: Document, analysis: Analysis) -> usize {
        self.entries.push(Entry::new(doc, Some(analysis)));
        self.single = false;
        self.refilter();
        self.entries.len() - 1
    }

    /// The items of feeds the user opened, to fetch (each once).
    pub fn take_fetches(&mut self) -> Vec<(usize, input::Entry)> {
        std::mem::take(&mut self.fetches)
    }

    /// An item of a feed is read: it is an article of the list from now on,
    /// and the reader opens on it (unless the user went on to another).
    pub fn fetched(&mut self, entry: usize, doc: Document) {
        let Some(e) = self.entries.get_mut(entry) else {
            return;
        };
        e.doc = doc;
        e.item = None;
        e.fetching = false;
        self.refilter();
        if self.awaited == Some(entry) {
            self.awaited = None;
            self.read_entry(entry);
        }
    }

    /// An item of a feed could not be read: the list says why.
    pub fn fetch_failed(&mut self, entry: usize, why: String) {
        if let Some(e) = self.entries.get_mut(entry) {
            e.fetching = false;
        }
        if self.awaited == Some(entry) {
            self.awaited = None;
        }
        self.say(why);
    }

    /// A message in the status bar: the reader's, or the list's.
    pub fn say(&mut self, message: String) {
        match self.reader_mut() {
            Some(app) => app.message = Some(message),
            None => self.message = Some(message),
        }
    }

    /// The open reader's marks, as the list counts them: once its user's
    /// layer is attached, the reader knows them best.
    pub fn recount_marks(&mut self) {
        let Some(entry) = self.open else { return };
        if let Some(app) = self.readers.get(&entry).filter(|app| !app.analysing) {
            let marks = app.marked().len();
            self.entries[entry].marks = marks;
        }
    }

    /// The article at the list's cursor.
    pub fn selected(&self) -> Option<usize> {
        self.shown.get(self.cursor).copied()
    }

    /// An article's analysis is done: the list counts it, and its reader
    /// (if opened meanwhile) shows it.
    pub fn attach_analysis(&mut self, entry: usize, analysis: Analysis) {
        if let Some(app) = self.readers.get_mut(&entry)
            && app.analysing
        {
            app.attach_analysis(analysis.clone());
        }
        if let Some(e) = self.entries.get_mut(entry) {
            e.analysis = Some(analysis);
        }
        // A sort by counts places it now.
        self.refilter();
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        if let Some(app) = self.reader_mut() {
            app.resize(width, height);
        }
        self.keep_cursor_in_view();
    }

    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        if let Some(app) = self.reader_mut() {
            app.handle_mouse(mouse);
        }
    }

    /// What the open reader asks the event loop to do.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        self.reader_mut().map(App::take_effects).unwrap_or_default()
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if self.open.is_some() {
            return self.reader_key(key);
        }
        self.message = None;
        let action = self.keymap.action(key);
        if action == Some(Action::Quit) && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if self.typing {
            return self.filter_key(key);
        }
        if self.help {
            // Any key closes the help; its own key or Esc only that.
            self.help = false;
            if matches!(action, Some(Action::Help | Action::Cancel)) {
                return;
            }
        }
        let Some(action) = action else {
            return;
        };
        let last = self.shown.len().saturating_sub(1);
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = true,
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::PageDown => self.cursor = (self.cursor + self.page()).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(self.page()),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Open | Action::Confirm => match self.selected() {
                Some(entry) => self.read(entry),
                None => self.message = Some("no article matches the filter".to_string()),
            },
            Action::Search => self.typing = true,
            Action::Cancel if !self.query.is_empty() => self.set_query(String::new()),
            Action::Sort => {
                let at = self.selected();
                self.sort = self.sort.next();
                self.refilter();
                self.cursor_to(at);
                // The status bar names the order; the keys stay in view.
                self.message = None;
            }
            _ => {}
        }
        self.keep_cursor_in_view();
    }

    /// Keys while reading: the library's own (when no overlay takes typing),
    /// and every other key to the reader.
    fn reader_key(&mut self, key: KeyEvent) {
        let single = self.single;
        let Some(app) = self.reader_mut() else {
            return;
        };
        let action = app.keymap.action(key);
        let ours = matches!(
            action,
            Some(Action::ToList | Action::NextArticle | Action::PrevArticle)
        );
        if !ours || app.overlay.is_some() || single {
            app.handle_key(key);
            if app.quit {
                self.quit = true;
            }
            return;
        }
        match action {
            Some(Action::ToList) => {
                self.open = None;
                self.message = None;
            }
            Some(Action::NextArticle) => self.step(true),
            Some(Action::PrevArticle) => self.step(false),
            _ => {}
        }
    }

    /// `]` / `[`: the next or previous article of the list, as sorted and
    /// filtered; the list's cursor follows.
    fn step(&mut self, forward: bool) {
        let at = self
            .open
            .and_then(|o| self.shown.iter().position(|&e| e == o))
            .unwrap_or(self.cursor);
        let to = if forward {
            Some(at + 1).filter(|&t| t < self.shown.len())
        } else {
            at.checked_sub(1)
        };
        match to {
            Some(to) => {
                self.cursor = to;
                self.keep_cursor_in_view();
                self.read(self.shown[to]);
            }
            None => {
                let end = if forward { "last" } else { "first" };
                if let Some(app) = self.reader_mut() {
                    app.message = Some(format!("this is the {end} article of the list"));
                }
            }
        }
    }

    /// Opens the reader on an entry (the list's cursor follows), where the
    /// user left it if read before.
    pub fn read_entry(&mut self, entry: usize) {
        if let Some(at) = self.shown.iter().position(|&e| e == entry) {
            self.cursor = at;
            self.keep_cursor_in_view();
        }
        self.read(entry);
    }

    /// Opens the reader on an entry, where the user left it if read before;
    /// an item of a feed is fetched first.
    fn read(&mut self, entry: usize) {
        if let Some(item) = &self.entries[entry].item {
            if !self.entries[entry].fetching {
                self.fetches.push((entry, item.clone()));
                self.entries[entry].fetching = true;
            }
            self.awaited = Some(entry);
            let source = &self.entries[entry].doc.source;
            self.say(format!("fetching {source}…"));
            return;
        }
        let (width, height) = self.size;
        if !self.readers.contains_key(&entry) {
            let e = &self.entries[entry];
            let mut app = App::new(
                e.doc.clone(),
                e.analysis.clone().unwrap_or_default(),
                &self.settings,
                self.theme.clone(),
                (width, height),
            );
            app.analysing = e.analysis.is_none();
            self.readers.insert(entry, app);
        }
        self.open = Some(entry);
        let (position, count) = (
            self.shown
                .iter()
                .position(|&e| e == entry)
                .map_or(0, |p| p + 1),
            self.shown.len(),
        );
        let hint = if self.single {
            None
        } else {
            Some(format!(
                "article {position} of {count} · {} next · {} previous · {} list",
                self.keymap.label(Action::NextArticle),
                self.keymap.label(Action::PrevArticle),
                self.keymap.label(Action::ToList),
            ))
        };
        let app = self.readers.get_mut(&entry).expect("just inserted");
        app.resize(width, height);
        app.message = hint;
    }

    /// Typing the filter: a character narrows, the search prompt's keys
    /// edit, Enter keeps the filter, Esc clears it.
    fn filter_key(&mut self, key: KeyEvent) {
        let mut query = self.query.clone();
        match self.keymap.typing_action(Layer::Search, key) {
            Some(Action::Confirm) => {
                self.typing = false;
                return;
            }
            Some(Action::Cancel) => {
                self.typing = false;
                query.clear();
            }
            Some(Action::DeleteChar) => {
                query.pop();
            }
            Some(Action::DeleteWord) => {
                let keep = query.trim_end().rfind(' ').map_or(0, |i| i + 1);
                query.truncate(keep);
            }
            Some(Action::ClearLine) => query.clear(),
            _ => match key.code {
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => query.push(c),
                _ => return,
            },
        }
        self.set_query(query);
    }

    fn set_query(&mut self, query: String) {
        let at = self.selected();
        self.query = query;
        self.refilter();
        self.cursor_to(at);
    }

    /// Orders and filters the rows again.
    fn refilter(&mut self) {
        let at = self.selected();
        let query = self.query.to_lowercase();
        let mut shown: Vec<usize> = (0..self.entries.len())
            .filter(|&i| {
                let doc = &self.entries[i].doc;
                query.is_empty()
                    || doc.title.to_lowercase().contains(&query)
                    || doc.source.to_lowercase().contains(&query)
            })
            .collect();
        let entries = &self.entries;
        let count = |i: usize, of: fn(&Analysis) -> usize| {
            std::cmp::Reverse(entries[i].analysis.as_ref().map(of))
        };
        match self.sort {
            SortBy::Opened => {}
            SortBy::Title => shown.sort_by_cached_key(|&i| entries[i].doc.title.to_lowercase()),
            SortBy::Source => {
                shown.sort_by(|&a, &b| entries[a].doc.source.cmp(&entries[b].doc.source))
            }
            // Newest first; dates that cannot be read last, as written.
            SortBy::Date => shown.sort_by_cached_key(|&i| {
                std::cmp::Reverse((entries[i].moment(), entries[i].date()))
            }),
            SortBy::Claims => shown.sort_by_key(|&i| count(i, |a| a.claims.len())),
            SortBy::Actors => shown.sort_by_key(|&i| count(i, |a| a.actors.len())),
            SortBy::Marks => shown.sort_by_key(|&i| std::cmp::Reverse(entries[i].marks)),
        }
        self.shown = shown;
        self.cursor_to(at);
    }

    /// Puts the cursor back on an entry if it is still shown.
    fn cursor_to(&mut self, entry: Option<usize>) {
        self.cursor = entry
            .and_then(|e| self.shown.iter().position(|&s| s == e))
            .unwrap_or(0)
            .min(self.shown.len().saturating_sub(1));
        self.keep_cursor_in_view();
    }

    /// Rows of the table on screen: all but the header, the frame and the status bar.
    pub fn rows_on_screen(&self) -> usize {
        (self.size.1 as usize).saturating_sub(4).max(1)
    }

    fn page(&self) -> usize {
        self.rows_on_screen().saturating_sub(1).max(1)
    }

    fn keep_cursor_in_view(&mut self) {
        let rows = self.rows_on_screen();
        if self.cursor < self.top {
            self.top = self.cursor;
        } else if self.cursor >= self.top + rows {
            self.top = self.cursor + 1 - rows;
        }
    }
}
