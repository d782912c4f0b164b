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

use crate::analysis::{self, Analysis};
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
    config: &Config,
    settings: &Settings,
    library: Option<&Path>,
    limits: input::Limits,
) -> anyhow::Result<()> {
    let mut warning = None;
    // (A feed's items have theirs once they are fetched.)
    let mut keepers: Vec<Option<Keeper>> = articles
        .iter()
        .map(|listed| match listed {
            Listed::Article(doc) => keeper_for(doc, library, &mut warning),
            Listed::Item(_) => None,
        })
        .collect();
    let session = Session::start(settings.reader.mouse).context("cannot set up the terminal")?;
    exit_on_signals(session.mouse, session.keyboard_flags)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;

    // The text (or the list) shows at once; the analyses run beside it and
    // are attached when each is done (a long article takes a while). Each
    // is made once: the library's kept one, else made and kept there.
    // Terminal events and analyses arrive on one channel, so either wakes
    // the loop at once.
    let (sender, events) = mpsc::channel();
    let jobs: Vec<(usize, String, Option<DocId>)> = articles
        .iter()
        .zip(&keepers)
        .enumerate()
        .filter_map(|(i, (listed, keeper))| match listed {
            Listed::Article(doc) => {
                let id = keeper.as_ref().filter(|k| k.kept).map(Keeper::id);
                Some((i, doc.text.clone(), id))
            }
            Listed::Item(_) => None,
        })
        .collect();
    let analyser = Arc::new(library::Analyser::new(config.analysis_options(), library));
    let analysed = sender.clone();
    let by = Arc::clone(&analyser);
    let quitting = Arc::new(AtomicBool::new(false));
    let stop = Arc::clone(&quitting);
    let analyses = std::thread::spawn(move || {
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
    // Fetched items of feeds and their analyses wake the loop too.
    let waker = sender.clone();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(Wake::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
    let theme = Theme::from_config(&settings.theme, no_color_requested());
    let size = terminal.size()?;
    let library_path = library;
    let mut library = Library::new(articles, settings, theme, (size.width, size.height));
    library.message = warning.map(|w| safe_text::for_terminal(&w).into_owned());
    for (entry, keeper) in keepers.iter().enumerate() {
        show_kept(&mut library, entry, keeper.as_ref());
    }
    // The readers that have their user's layer attached.
    let mut attached = HashSet::new();

    while !library.quit {
        terminal.draw(|frame| view::library::draw(&library, frame))?;
        // A flash lasts until the next key, or this long.
        let flashing = library.reader().is_some_and(|app| app.text.flash.is_some());
        let wake = if flashing {
            match events.recv_timeout(FLASH) {
                Ok(wake) => wake,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if let Some(app) = library.reader_mut() {
                        app.text.flash = None;
                    }
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match events.recv() {
                Ok(wake) => wake,
                Err(_) => break,
            }
        };
        match wake {
            Wake::Analysed(entry, analysis) => {
                library.attach_analysis(entry, *analysis);
                // Another article kept: the open reader's actors may be in it.
                if let Some(open) = library.open.filter(|o| *o != entry && attached.contains(o))
                    && let (Some(keeper), Some(app)) = (&keepers[open], library.reader_mut())
                {
                    keeper.count_elsewhere(app);
                }
            }
            Wake::Fetched(entry, Ok(doc)) => {
                // Kept and analysed as the others were at the start.
                let keeper = keeper_for(&doc, library_path, &mut None);
                show_kept(&mut library, entry, keeper.as_ref());
                let id = keeper.as_ref().filter(|k| k.kept).map(Keeper::id);
                keepers[entry] = keeper;
                let (text, waker, by) = (doc.text.clone(), waker.clone(), Arc::clone(&analyser));
                std::thread::spawn(move || {
                    let analysis = by.analyse(id, &text);
                    let _ = waker.send(Wake::Analysed(entry, Box::new(analysis)));
                });
                library.fetched(entry, doc);
            }
            Wake::Fetched(entry, Err(why)) => library.fetch_failed(entry, why),
            Wake::Terminal(event) => match event? {
                Event::Key(key) if key.kind != KeyEventKind::Release => library.handle_key(key),
                Event::Mouse(mouse) => library.handle_mouse(mouse),
                Event::Resize(width, height) => library.resize(width, height),
                _ => continue,
            },
        }
        // The open reader gets its user's layer once its analysis is there.
        if let Some(entry) = library.open.filter(|e| !attached.contains(e))
            && let Some(original) = library.entries[entry].analysis.clone()
            && let Some(app) = library.reader_mut().filter(|app| !app.analysing)
        {
            if let Some(keeper) = &keepers[entry] {
                keeper.attach(app, &original, true);
            }
            attached.insert(entry);
        }
        for effect in library.take_effects() {
            let Some(entry) = library.open else { continue };
            if let Effect::OpenArticle { document, claim } = effect {
                let opened = Opened {
                    library: &mut library,
                    keepers: &mut keepers,
                    attached: &mut attached,
                };
                opened.read(entry, document, claim, &analyser.options);
                continue;
            }
            let original = library.entries[entry].analysis.clone().unwrap_or_default();
            let Some(app) = library.reader_mut() else {
                continue;
            };
            match (effect, &keepers[entry]) {
                (Effect::Edit(edit), Some(keeper)) => keeper.carry_out(app, &original, &edit),
                (Effect::Elsewhere { actor }, Some(keeper)) => keeper.show_elsewhere(app, actor),
                (Effect::Edit(_) | Effect::Elsewhere { .. }, None) => {}
                (effect, _) => perform(app, effect)?,
            }
        }
        if library.open.is_some_and(|o| attached.contains(&o)) {
            library.recount_marks();
        }
        for (entry, item) in library.take_fetches() {
            let waker = waker.clone();
            std::thread::spawn(move || {
                let read = item.load(limits).map_err(|e| e.to_string());
                let _ = waker.send(Wake::Fetched(entry, read));
            });
        }
    }
    quitting.store(true, Ordering::Relaxed);
    for entry in attached {
        if let (Some(keeper), Some(app)) = (&keepers[entry], library.reader_at(entry))
            && keeper.kept
        {
            keeper.save_reading(&app.reading())?;
        }
    }
    // The terminal is the user's again while the analyses under way are
    // finished and kept.
    drop(session);
    let _ = analyses.join();
    Ok(())
}

/// What opening an article from an actor's claims elsewhere changes.
struct Opened<'a> {
    library: &'a mut Library,
    keepers: &'a mut Vec<Option<Keeper>>,
    attached: &'a mut HashSet<usize>,
}

impl Opened<'_> {
    /// Reads `document` of the library at `claim`, from the reader of entry
    /// `from`: its entry in the list if it has one, else a new entry, read
    /// from the library.
    fn read(
        self,
        from: usize,
        document: DocId,
        claim: crate::span::Span,
        options: &analysis::Options,
    ) {
        let listed = self
            .keepers
            .iter()
            .position(|k| k.as_ref().is_some_and(|k| k.kept && k.id() == document));
        let entry = match listed {
            Some(entry) => entry,
            None => {
                let Some(keeper) = &self.keepers[from] else {
                    return;
                };
                let store = keeper.library();
                let loaded = store.document(document).and_then(|doc| {
                    let analysis = store.analysis_for(document, options)?;
                    let keeper = Keeper::open(store.path(), &doc)?;
                    Ok((doc, analysis, keeper))
                });
                match loaded {
                    Ok((doc, analysis, keeper)) => {
                        let entry = self.library.add_entry(doc, analysis);
                        show_kept(self.library, entry, Some(&keeper));
                        self.keepers.push(Some(keeper));
                        entry
                    }
                    Err(e) => {
                        if let Some(app) = self.library.reader_mut() {
                            let said = format!("cannot open that article: {e}");
                            app.message = Some(safe_text::for_terminal(&said).into_owned());
                        }
                        return;
                    }
                }
            }
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
}

/// How long a flash (the source `s` went to) stays without a key.
const FLASH: Duration = Duration::from_millis(700);

/// What wakes the event loop.
enum Wake {
    Terminal(io::Result<Event>),
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
