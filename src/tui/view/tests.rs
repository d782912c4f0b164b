//! Snapshots of every pane and overlay at fixed sizes, on the fixture (so
//! they hold still while the engine changes) and one on the bundled article.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::super::app::App;
use super::super::fixture::{self, press, type_text};

fn screen(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| super::draw(app, frame)).unwrap();
    terminal.backend().to_string()
}

fn after(keys: &str, width: u16, height: u16) -> String {
    let mut app = fixture::app(width, height);
    press(&mut app, keys);
    screen(&app, width, height)
}

#[test]
fn wide_with_a_claim_selected() {
    assert_snapshot!(after("n n", 120, 40));
}

#[test]
fn narrow_80x24_with_the_claims_tab() {
    assert_snapshot!(after("n", 80, 24));
}

#[test]
fn narrow_60x20_with_the_actors_tab_focused() {
    assert_snapshot!(after("3", 60, 20));
}

#[test]
fn tiny_20x6_shows_what_fits() {
    assert_snapshot!(after("n", 20, 6));
    assert_snapshot!("tiny_claims", after("2", 20, 6));
}

#[test]
fn degenerate_sizes_do_not_panic() {
    for (w, h) in [(0, 0), (1, 1), (3, 2), (10, 3), (39, 13), (99, 11)] {
        let mut app = fixture::app(w, h);
        press(&mut app, "n s ? esc 2 j 3 j e esc / x esc");
        if w > 0 {
            // (TestBackend itself cannot print a zero-width screen.)
            screen(&app, w, h);
        }
    }
}

#[test]
fn filter_marks_and_counts() {
    assert_snapshot!(after("3 space 1 n m", 120, 40));
}

#[test]
fn help_overlay_lists_the_keys() {
    assert_snapshot!(after("?", 120, 40));
}

#[test]
fn search_prompt_with_a_match_count() {
    let mut app = fixture::app(80, 24);
    press(&mut app, "/");
    type_text(&mut app, "survey");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn export_dialog() {
    assert_snapshot!(after("n m e", 80, 24));
}

#[test]
fn bundled_article_at_120x40() {
    let doc = crate::document::Document::from_text(
        "assets/us-mexico-cartels.txt",
        include_str!("../../../assets/us-mexico-cartels.txt"),
    );
    let analysis = crate::analysis::analyze(
        &doc.text,
        &crate::config::Config::defaults().analysis_options(),
    );
    let mut app = fixture::app_on(doc, analysis, 120, 40);
    press(&mut app, "n");
    assert_snapshot!(screen(&app, 120, 40));
}
