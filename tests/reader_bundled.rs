//! The reader on the bundled article, key by key: stories that need the
//! engine's real claims, and a snapshot of the opening screen. They live
//! here, not in src/, because they name the article's people.

mod common;

use common::{at_cursor, bundled, press, screen, type_text};
use whosaid::tui::App;

/// Presses `n` until the selected claim's sentence contains `words`.
fn select_claim_with(app: &mut App, words: &str) {
    for _ in 0..app.analysis.claims.len() {
        press(app, "n");
        let c = &app.analysis.claims[app.claims.selected.unwrap()];
        if c.sentence.of(&app.doc.text).contains(words) {
            return;
        }
    }
    panic!("no claim contains {words:?}");
}

#[test]
fn s_on_rubios_quote_selects_marco_rubio_and_moves_to_his_title_and_name() {
    let mut app = bundled(120, 40);
    select_claim_with(&mut app, "the closest we have ever had");
    press(&mut app, "s");
    assert_eq!(
        app.analysis.actors[app.actors.selected().unwrap()].name,
        "Marco Rubio"
    );
    assert!(
        at_cursor(&app).starts_with("Secretary of State Marco Rubio"),
        "{}",
        &at_cursor(&app)[..40]
    );
    press(&mut app, "s");
    assert!(
        app.analysis.claims[app.claims.selected.unwrap()]
            .span
            .contains_offset(app.text.cursor)
    );
}

#[test]
fn filtering_the_bundled_article_by_sheinbaum_lists_only_her_claims() {
    let mut app = bundled(120, 40);
    press(&mut app, "3 /");
    type_text(&mut app, "sheinbaum");
    press(&mut app, "enter space");
    assert!(!app.claims.shown.is_empty());
    for &c in &app.claims.shown {
        let actor = app.analysis.claims[c].source.unwrap().actor.unwrap();
        assert_eq!(app.analysis.actors[actor].name, "Claudia Sheinbaum");
    }
}

#[test]
fn bundled_article_at_120x40() {
    let mut app = bundled(120, 40);
    press(&mut app, "n");
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn k_moves_up_out_of_a_paragraph_instead_of_sticking_on_its_first_row() {
    let mut app = bundled(120, 40);
    press(&mut app, "g j j j j j j j j");
    let before = app.text.cursor;
    for _ in 0..3 {
        press(&mut app, "k");
    }
    assert!(app.text.cursor < before);
    press(&mut app, "g");
    assert_eq!(app.cursor_row(), 0);
}

#[test]
fn ctrl_o_after_going_to_rubios_source_and_back_selects_his_claim_not_the_one_before() {
    let mut app = bundled(120, 40);
    select_claim_with(&mut app, "the closest we have ever had");
    let claim = app.claims.selected;
    press(&mut app, "s s ctrl-o");
    assert_eq!(app.claims.selected, claim);
    let actor = app.actors.selected().unwrap();
    assert_eq!(app.analysis.actors[actor].name, "Marco Rubio");
}
