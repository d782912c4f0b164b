//! The interactive reader: terminal setup and restore, and the event loop
//! (read an event, turn it into an action, update the app, draw). State and
//! its rules live in [`app`], drawing in [`view`].
//!
//! The terminal is restored on every way out: a normal quit, an error (the
//! guard's `Drop`), a panic (the hook restores before the message prints),
//! and every signal that would end the process — SIGTERM, SIGINT, SIGHUP,
//! SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM and the rest of [`ENDING_SIGNALS`] (a
//! thread that restores and exits with 128 + the signal: the main thread
//! may be stuck reading a terminal that has gone away, where crossterm
//! spins on end-of-file).

pub mod app;
pub mod dialog;
pub mod jumps;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod library_view;
pub mod lookup;
pub mod search;
pub mod settings;
pub mod theme;
pub mod view;
pub mod wrap;

#[cfg(test)]
mod elsewhere_stories;
#[cfg(test)]
mod fixture;
#[cfg(test)]
mod library_stories;
#[cfg(test)]
mod stories;

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Context;
use base64::Engine;
use crossterm::event::{self, Event, KeyEventKind};
use crossterm::{execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub use app::App;
pub use library_view::Library;

use crate::analysis::Analysis;
use crate::config::Config;
use crate::document::Document;
use crate::input::{self, Listed};
use crate::safe_text;
use crate::store::DocId;
use app::Effect;
use library::Library as Keeper;
use settings::Settings;
use theme::{Theme, no_color_requested};

/// Opens the reader on one article, or the list of several, and returns
/// when the user quits. The user's marks, notes, corrections and reading
/// position are kept in the library at `library` (in memory for this
/// session only, without one), and so is each article's analysis.
pub fn run(
    articles: Vec<Listed>,
    notice: Option<String>,
    config: &Config,
    settings: &Settings,
    library: Option<&Path>,
    limits: input::Limits,
) -> anyhow::Result<()> {
    let mut warning = None;
    let keepers = keepers_for(&articles, library, &mut warning);
    let session = Session::start(settings.reader.mouse).context("cannot set up the terminal")?;
    exit_on_signals(session.mouse, session.keyboard_flags)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;

    // The text (or the list) shows at once; the analyses run beside it and
    // are attached when each is done (a long article takes a while).
    // Terminal events, analyses and fetched items arrive on one channel, so
    // any of them wakes the loop at once.
    let (sender, events) = mpsc::channel();
    let analyser = Arc::new(library::Analyser::new(config.analysis_options(), library));
    let analyses = Analyses::start(&articles, &keepers, &analyser, sender.clone());
    forward_terminal_events(sender.clone());
    let size = terminal.size()?;
    let theme = Theme::from_config(&settings.theme, no_color_requested());
    let mut list = Library::new(articles, settings, theme, (size.width, size.height));
    // What could not be read or kept, said in the status bar (the
    // reader's, when one article opens straight in it).
    let said: Vec<String> = notice.into_iter().chain(warning).collect();
    if !said.is_empty() {
        list.say(safe_text::for_terminal(&said.join("; ")).into_owned());
    }
    let mut reader = Reader {
        library: list,
        keepers,
        attached: HashSet::new(),
        analyser,
        library_path: library,
        waker: sender,
        limits,
    };
    reader.show_kept_all();

    while !reader.library.quit {
        terminal.draw(|frame| view::library::draw(&reader.library, frame))?;
        let Some(wake) = next_wake(&events, &mut reader.library) else {
            break;
        };
        if reader.on_wake(wake)? {
            reader.after_wake()?;
        }
    }
    analyses.stop();
    reader.save_reading()?;
    // The terminal is the user's again while the analyses under way are
    // finished and kept.
    drop(session);
    analyses.join();
    Ok(())
}

/// Each article's keeper in the library at `library` (a feed's items have
/// theirs once they are fetched).
fn keepers_for(
    articles: &[Listed],
    library: Option<&Path>,
    warning: &mut Option<String>,
) -> Vec<Option<Keeper>> {
    articles
        .iter()
        .map(|listed| match listed {
            Listed::Article(doc) => keeper_for(doc, library, warning),
            Listed::Item(_) => None,
        })
        .collect()
}

/// The analyses of the articles opened, made on all cores beside the loop:
/// each once, the library's kept one, else made and kept there.
struct Analyses {
    thread: std::thread::JoinHandle<()>,
    quitting: Arc<AtomicBool>,
}

impl Analyses {
    fn start(
        articles: &[Listed],
        keepers: &[Option<Keeper>],
        analyser: &Arc<library::Analyser>,
        analysed: mpsc::Sender<Wake>,
    ) -> Analyses {
        let jobs: Vec<(usize, String, Option<DocId>)> = articles
            .iter()
            .zip(keepers)
            .enumerate()
            .filter_map(|(i, (listed, keeper))| match listed {
                Listed::Article(doc) => {
                    let id = keeper.as_ref().filter(|k| k.kept).map(Keeper::id);
                    Some((i, doc.text.clone(), id))
                }
                Listed::Item(_) => None,
            })
            .collect();
        let by = Arc::clone(analyser);
        let quitting = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&quitting);
        let thread = std::thread::spawn(move || {
            use rayon::prelude::*;
            jobs.par_iter().for_each(|(i, text, id)| {
                // After quitting, what is left is analysed next time.
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let analysis = by.analyse(*id, text);
                let _ = analysed.send(Wake::Analysed(*i, Box::new(analysis)));
            });
        });
        Analyses { thread, quitting }
    }

    /// No analysis starts after this; those under way finish.
    fn stop(&self) {
        self.quitting.store(true, Ordering::Relaxed);
    }

    fn join(self) {
        let _ = self.thread.join();
    }
}

/// Sends every terminal event to the loop, from a thread of its own.
fn forward_terminal_events(sender: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(Wake::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
}

/// Waits for what wakes the loop next (`None`: nothing ever will). A flash
/// lasts until then, or [`FLASH`] at most.
fn next_wake(events: &mpsc::Receiver<Wake>, library: &mut Library) -> Option<Wake> {
    let flashing = library.reader().is_some_and(|app| app.text.flash.is_some());
    if !flashing {
        return events.recv().ok();
    }
    match events.recv_timeout(FLASH) {
        Ok(wake) => Some(wake),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            if let Some(app) = library.reader_mut() {
                app.text.flash = None;
            }
            // Drawn again, without the flash.
            Some(Wake::Redraw)
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => None,
    }
}

/// The loop's state: the list and its readers, and each article's keeper
/// in the library.
struct Reader<'a> {
    library: Library,
    keepers: Vec<Option<Keeper>>,
    /// The readers that have their user's layer attached.
    attached: HashSet<usize>,
    analyser: Arc<library::Analyser>,
    library_path: Option<&'a Path>,
    /// Wakes the loop from the threads that fetch and analyse feed items.
    waker: mpsc::Sender<Wake>,
    limits: input::Limits,
}

impl Reader<'_> {
    /// What the library knows of each article, on the list.
    fn show_kept_all(&mut self) {
        for (entry, keeper) in self.keepers.iter().enumerate() {
            show_kept(&mut self.library, entry, keeper.as_ref());
        }
    }

    /// Takes in what woke the loop; `false` when there is nothing more to
    /// do before drawing again.
    fn on_wake(&mut self, wake: Wake) -> io::Result<bool> {
        match wake {
            Wake::Redraw => return Ok(false),
            Wake::Analysed(entry, analysis) => self.analysed(entry, *analysis),
            Wake::Fetched(entry, Ok(doc)) => self.fetched(entry, doc),
            Wake::Fetched(entry, Err(why)) => self.library.fetch_failed(entry, why),
            Wake::Terminal(event) => match event? {
                Event::Key(key) if key.kind != KeyEventKind::Release => {
                    self.library.handle_key(key)
                }
                Event::Mouse(mouse) => self.library.handle_mouse(mouse),
                Event::Resize(width, height) => self.library.resize(width, height),
                _ => return Ok(false),
            },
        }
        Ok(true)
    }

    fn analysed(&mut self, entry: usize, analysis: Analysis) {
        self.library.attach_analysis(entry, analysis);
        // Another article kept: the open reader's actors may be in it.
        if let Some(open) = self
            .library
            .open
            .filter(|o| *o != entry && self.attached.contains(o))
            && let (Some(keeper), Some(app)) = (&self.keepers[open], self.library.reader_mut())
        {
            keeper.count_elsewhere(app);
        }
    }

    /// A feed's item is read: kept and analysed as the others were at the
    /// start, and its reader opened.
    fn fetched(&mut self, entry: usize, doc: Document) {
        let keeper = keeper_for(&doc, self.library_path, &mut None);
        show_kept(&mut self.library, entry, keeper.as_ref());
        let id = keeper.as_ref().filter(|k| k.kept).map(Keeper::id);
        self.keepers[entry] = keeper;
        let (text, waker, by) = (
            doc.text.clone(),
            self.waker.clone(),
            Arc::clone(&self.analyser),
        );
        std::thread::spawn(move || {
            let analysis = by.analyse(id, &text);
            let _ = waker.send(Wake::Analysed(entry, Box::new(analysis)));
        });
        self.library.fetched(entry, doc);
    }

    /// After an event: the open reader's layer, what the app asked for, the
    /// marks counted, the items to fetch.
    fn after_wake(&mut self) -> io::Result<()> {
        self.attach_open_reader();
        for effect in self.library.take_effects() {
            self.carry_out(effect)?;
        }
        if self
            .library
            .open
            .is_some_and(|o| self.attached.contains(&o))
        {
            self.library.recount_marks();
        }
        self.start_fetches();
        Ok(())
    }

    /// The open reader gets its user's layer once its analysis is there.
    fn attach_open_reader(&mut self) {
        if let Some(entry) = self.library.open.filter(|e| !self.attached.contains(e))
            && let Some(original) = self.library.entries[entry].analysis.clone()
            && let Some(app) = self.library.reader_mut().filter(|app| !app.analysing)
        {
            if let Some(keeper) = &self.keepers[entry] {
                keeper.attach(app, &original, true);
            }
            self.attached.insert(entry);
        }
    }

    /// Carries out what the open reader asked for: the library's part
    /// through its keeper, the rest by [`perform`].
    fn carry_out(&mut self, effect: Effect) -> io::Result<()> {
        let Some(entry) = self.library.open else {
            return Ok(());
        };
        if let Effect::OpenArticle { document, claim } = effect {
            self.read(entry, document, claim);
            return Ok(());
        }
        let original = self.library.entries[entry]
            .analysis
            .clone()
            .unwrap_or_default();
        let Some(app) = self.library.reader_mut() else {
            return Ok(());
        };
        match (effect, &self.keepers[entry]) {
            (Effect::Edit(edit), Some(keeper)) => keeper.carry_out(app, &original, &edit),
            (Effect::Elsewhere { actor }, Some(keeper)) => keeper.show_elsewhere(app, actor),
            (Effect::Edit(_) | Effect::Elsewhere { .. }, None) => {}
            (effect, _) => perform(app, effect)?,
        }
        Ok(())
    }

    /// Fetches the feed items the list asked for, each on a thread.
    fn start_fetches(&mut self) {
        for (entry, item) in self.library.take_fetches() {
            let (waker, limits) = (self.waker.clone(), self.limits);
            std::thread::spawn(move || {
                let read = item.load(limits).map_err(|e| e.to_string());
                let _ = waker.send(Wake::Fetched(entry, read));
            });
        }
    }

    /// Reads `document` of the library at `claim`, from the reader of entry
    /// `from`: its entry in the list if it has one, else a new entry, read
    /// from the library.
    fn read(&mut self, from: usize, document: DocId, claim: crate::span::Span) {
        let listed = self
            .keepers
            .iter()
            .position(|k| k.as_ref().is_some_and(|k| k.kept && k.id() == document));
        let entry = match listed {
            Some(entry) => entry,
            None => match self.load(from, document) {
                Some(entry) => entry,
                None => return,
            },
        };
        self.library.read_entry(entry);
        // Its layer now, without going back where it was last read: the
        // claim picked is where the reader opens.
        if let Some(original) = self.library.entries[entry].analysis.clone()
            && let Some(app) = self.library.reader_mut().filter(|app| !app.analysing)
        {
            if !self.attached.contains(&entry)
                && let Some(keeper) = &self.keepers[entry]
            {
                keeper.attach(app, &original, false);
            }
            self.attached.insert(entry);
            app.select_claim_at(claim);
        }
    }

    /// Adds `document` of the library (that of entry `from`'s keeper) to
    /// the list, with its analysis; a failure is said in the open reader.
    fn load(&mut self, from: usize, document: DocId) -> Option<usize> {
        let store = self.keepers[from].as_ref()?.library();
        let loaded = store.document(document).and_then(|doc| {
            let analysis = store.analysis_for(document, &self.analyser.options)?;
            let keeper = Keeper::open(store.path(), &doc)?;
            Ok((doc, analysis, keeper))
        });
        match loaded {
            Ok((doc, analysis, keeper)) => {
                let entry = self.library.add_entry(doc, analysis);
                show_kept(&mut self.library, entry, Some(&keeper));
                self.keepers.push(Some(keeper));
                Some(entry)
            }
            Err(e) => {
                if let Some(app) = self.library.reader_mut() {
                    let said = format!("cannot open that article: {e}");
                    app.message = Some(safe_text::for_terminal(&said).into_owned());
                }
                None
            }
        }
    }

    /// Where the user was in each article read, kept for next time.
    fn save_reading(&self) -> Result<(), crate::store::StoreError> {
        for &entry in &self.attached {
            if let (Some(keeper), Some(app)) = (&self.keepers[entry], self.library.reader_at(entry))
                && keeper.kept
            {
                keeper.save_reading(&app.reading())?;
            }
        }
        Ok(())
    }
}

/// How long a flash (the source `s` went to) stays without a key.
const FLASH: Duration = Duration::from_millis(700);

/// What wakes the event loop.
enum Wake {
    Terminal(io::Result<Event>),
    /// Nothing new: draw again (a flash has ended).
    Redraw,
    /// The analysis of the article at this index of the list.
    Analysed(usize, Box<Analysis>),
    /// The item of a feed at this index, read (or why not).
    Fetched(usize, Result<Document, String>),
}

/// What the library knows of an entry's article, for the list: the user's
/// marks on it, when it was added.
fn show_kept(library: &mut Library, entry: usize, keeper: Option<&Keeper>) {
    if let Some(row) = keeper.filter(|k| k.kept).and_then(|k| k.entry().ok()) {
        library.set_kept(entry, row.marks, row.added);
    }
}

/// The library's keeper of an article: in the library at `library`, else
/// (none, or it cannot be opened: said in `warning`) in memory.
fn keeper_for(
    doc: &Document,
    library: Option<&Path>,
    warning: &mut Option<String>,
) -> Option<Keeper> {
    match library.map(|path| Keeper::open(path, doc)) {
        Some(Ok(keeper)) => Some(keeper),
        Some(Err(e)) => {
            *warning = Some(format!("not kept in the library: {e}"));
            Keeper::in_memory(doc).ok()
        }
        None => Keeper::in_memory(doc).ok(),
    }
}

/// Carries out what the app asked for.
fn perform(app: &mut App, effect: Effect) -> io::Result<()> {
    match effect {
        Effect::Copy(text) => copy_osc52(&mut io::stdout(), &text),
        // The loop asks the library for these.
        Effect::Edit(_) | Effect::Elsewhere { .. } | Effect::OpenArticle { .. } => Ok(()),
        Effect::Write {
            path,
            contents,
            overwrite,
        } => {
            let result = crate::export::write_file(&path, contents.as_bytes(), overwrite);
            app.export_written(path, result);
            Ok(())
        }
    }
}

/// Puts `text` on the clipboard with OSC 52, which terminals honour over
/// SSH too; inside tmux, also wrapped for tmux to pass on. Control
/// characters are made visible first: what is pasted must not drive the
/// terminal it is pasted into.
pub fn copy_osc52(out: &mut impl Write, text: &str) -> io::Result<()> {
    let text = crate::safe_text::for_terminal(text);
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let sequence = format!("\x1b]52;c;{encoded}\x07");
    out.write_all(sequence.as_bytes())?;
    if std::env::var_os("TMUX").is_some() {
        let wrapped = format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"));
        out.write_all(wrapped.as_bytes())?;
    }
    out.flush()
}

/// Every signal whose default is to end the process and that a program
/// may catch. (SIGPIPE is ignored in Rust programs; SIGKILL and SIGSTOP
/// cannot be caught; SIGSEGV and the like are the program's own faults.)
const ENDING_SIGNALS: &[i32] = {
    use signal_hook::consts::signal::*;
    &[
        SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ, SIGIO,
    ]
};

/// On any signal that would end the process: restore the terminal, remove
/// an export's unfinished temporary file, and exit with 128 + the signal,
/// from a thread of its own.
fn exit_on_signals(mouse: bool, keyboard_flags: bool) -> anyhow::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new(ENDING_SIGNALS).context("cannot watch for signals")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore(mouse, keyboard_flags);
            crate::export::remove_unfinished();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// The terminal in the reader's modes; dropping it restores the terminal.
struct Session {
    mouse: bool,
    keyboard_flags: bool,
}

impl Session {
    fn start(mouse: bool) -> io::Result<Session> {
        install_panic_hook(mouse);
        terminal::enable_raw_mode()?;
        let mut out = io::stdout();
        execute!(out, terminal::EnterAlternateScreen)?;
        if mouse {
            execute!(out, event::EnableMouseCapture)?;
        }
        // Lets terminals that can tell ctrl-i from Tab do so (for the jump list).
        let keyboard_flags = terminal::supports_keyboard_enhancement().unwrap_or(false)
            && execute!(
                out,
                event::PushKeyboardEnhancementFlags(
                    event::KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES
                )
            )
            .is_ok();
        Ok(Session {
            mouse,
            keyboard_flags,
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore(self.mouse, self.keyboard_flags);
    }
}

/// Leaves every mode the reader entered; safe to call twice.
fn restore(mouse: bool, keyboard_flags: bool) {
    let mut out = io::stdout();
    if keyboard_flags {
        let _ = execute!(out, event::PopKeyboardEnhancementFlags);
    }
    if mouse {
        let _ = execute!(out, event::DisableMouseCapture);
    }
    let _ = execute!(out, terminal::LeaveAlternateScreen, crossterm::cursor::Show);
    let _ = terminal::disable_raw_mode();
}

/// On a panic: restore the terminal first, so the message is readable.
fn install_panic_hook(mouse: bool) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore(mouse, true);
        previous(info);
    }));
}
