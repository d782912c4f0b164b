//! Driving the reader without a terminal, for the integration tests: the
//! bundled article opened as `whosaid` opens it, keys pressed as config.toml
//! writes them, and the screen drawn into a `TestBackend`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use whosaid::config::Config;
use whosaid::document::Document;
use whosaid::tui::App;
use whosaid::tui::keymap::Key;
use whosaid::tui::settings::Settings;
use whosaid::tui::theme::Theme;

/// The reader on the bundled article with its real analysis, at a given
/// size, in the monochrome theme so snapshots do not depend on colours.
pub fn bundled(width: u16, height: u16) -> App {
    let doc = Document::from_text(
        "assets/us-mexico-cartels.txt",
        include_str!("../../assets/us-mexico-cartels.txt"),
    );
    let config = Config::defaults();
    let lexicon = whosaid::analysis::Lexicon::new(&config.analysis_options());
    let analysis = whosaid::analysis::analyze(&doc, &lexicon);
    App::new(
        doc,
        analysis,
        &Settings::defaults(),
        Theme::monochrome(),
        (width, height),
    )
}

/// Presses keys written as config.toml writes them, separated by spaces.
pub fn press(app: &mut App, keys: &str) {
    for key in keys.split_whitespace() {
        let key = Key::parse(key).expect("test keys parse");
        app.handle_key(crossterm::event::KeyEvent::new(key.code, key.mods));
    }
}

/// Types text into a prompt, one character at a time (spaces too: they
/// are characters here, not the separators of [`press`]).
pub fn type_text(app: &mut App, text: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// The text from the cursor on.
pub fn at_cursor(app: &App) -> &str {
    &app.doc.text[app.text.cursor..]
}

/// The screen as the reader draws it at its size.
pub fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| whosaid::tui::view::draw(app, frame))
        .unwrap();
    terminal.backend().to_string()
}
