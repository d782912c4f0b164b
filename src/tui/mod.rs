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
pub mod lookup;
pub mod search;
pub mod settings;
pub mod theme;
pub mod view;
pub mod wrap;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod stories;

use std::io::{self, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use base64::Engine;
use crossterm::event::{self, Event, KeyEventKind};
use crossterm::{execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub use app::App;

use crate::analysis::{self, Analysis};
use crate::config::Config;
use crate::document::Document;
use crate::safe_text;
use app::Effect;
use library::Library;
use settings::Settings;
use theme::{Theme, no_color_requested};

/// Opens the reader on `doc` and returns when the user quits. The user's
/// marks, notes, corrections and reading position are kept in the library
/// at `library` (in memory for this session only, without one).
pub fn run(
    doc: Document,
    config: &Config,
    settings: &Settings,
    library: Option<&Path>,
) -> anyhow::Result<()> {
    let (library, warning) = match library.map(|path| Library::open(path, &doc)) {
        Some(Ok(library)) => (Some(library), None),
        Some(Err(e)) => (
            Library::in_memory(&doc).ok(),
            Some(format!("not kept in the library: {e}")),
        ),
        None => (Library::in_memory(&doc).ok(), None),
    };
    let session = Session::start(settings.reader.mouse).context("cannot set up the terminal")?;
    exit_on_signals(session.mouse, session.keyboard_flags)?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;

    // The text shows at once; the analysis runs beside it and is attached
    // when it is done (a long article takes a while). Terminal events and
    // the analysis arrive on one channel, so either wakes the loop at once.
    let (sender, events) = mpsc::channel();
    let (text, options) = (doc.text.clone(), config.analysis_options());
    let analysed = sender.clone();
    std::thread::spawn(move || {
        let _ = analysed.send(Wake::Analysed(Box::new(analysis::analyze(&text, &options))));
    });
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
    let mut app = App::new(
        doc,
        Analysis::default(),
        settings,
        theme,
        (size.width, size.height),
    );
    app.analysing = true;
    app.message = warning.map(|w| safe_text::for_terminal(&w).into_owned());
    // The analysis as the engine made it: the user's layer is applied over it.
    let mut original = Analysis::default();

    let _session = session;
    while !app.quit {
        terminal.draw(|frame| view::draw(&app, frame))?;
        // A flash lasts until the next key, or this long.
        let wake = if app.text.flash.is_some() {
            match events.recv_timeout(FLASH) {
                Ok(wake) => wake,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    app.text.flash = None;
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
            Wake::Analysed(analysis) => {
                original = *analysis;
                app.attach_analysis(original.clone());
                if let Some(library) = &library {
                    library.attach(&mut app, &original, true);
                }
            }
            Wake::Terminal(event) => match event? {
                Event::Key(key) if key.kind != KeyEventKind::Release => app.handle_key(key),
                Event::Mouse(mouse) => app.handle_mouse(mouse),
                Event::Resize(width, height) => app.resize(width, height),
                _ => continue,
            },
        }
        for effect in app.take_effects() {
            match effect {
                Effect::Edit(edit) => {
                    if let Some(library) = &library {
                        library.carry_out(&mut app, &original, &edit);
                    }
                }
                effect => perform(&mut app, effect)?,
            }
        }
    }
    if let Some(library) = library.as_ref().filter(|l| l.kept && !app.analysing) {
        library.save_reading(&app.reading())?;
    }
    Ok(())
}

/// How long a flash (the source `s` went to) stays without a key.
const FLASH: Duration = Duration::from_millis(700);

/// What wakes the event loop.
enum Wake {
    Terminal(io::Result<Event>),
    Analysed(Box<Analysis>),
}

/// Carries out what the app asked for.
fn perform(app: &mut App, effect: Effect) -> io::Result<()> {
    match effect {
        Effect::Copy(text) => copy_osc52(&mut io::stdout(), &text),
        // The loop stores edits in the library before anything else.
        Effect::Edit(_) => Ok(()),
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
