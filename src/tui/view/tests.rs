//! Snapshots of every pane and overlay at fixed sizes, on the fixture (so
//! they hold still while the engine changes). The bundled article's own
//! snapshot is in `tests/reader_bundled.rs`.

use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::super::app::App;
use super::super::fixture::{self, press, type_text};

use super::tests_support::screen;

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
fn actors_filtered_by_name_say_what_they_match() {
    assert_snapshot!(after("3 / r s d enter", 80, 24));
}

#[test]
fn tiny_20x6_shows_what_fits() {
    assert_snapshot!(after("n", 20, 6));
    assert_snapshot!("tiny_claims", after("2", 20, 6));
}

#[test]
fn without_room_for_borders_the_title_keeps_its_row() {
    let screen = after("", 30, 4);
    let rows: Vec<&str> = screen.lines().collect();
    assert!(rows[0].contains("River town weighs"), "{screen}");
    assert!(
        rows[1].contains("River town weighs"),
        "the text starts below: {screen}"
    );
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

/// The status bar, the screen's last row, without the quotes TestBackend adds.
fn status_row(screen: &str) -> String {
    let last = screen.lines().last().unwrap();
    last.trim_matches('"').trim_end().to_string()
}

#[test]
fn the_status_bar_shows_whole_key_hints_never_one_cut_in_half() {
    use super::super::keymap::Pane;
    for width in [24, 40, 60, 80, 100, 120] {
        for (keys, pane) in [("1", Pane::Text), ("2", Pane::Claims), ("3", Pane::Actors)] {
            let app = fixture::app(width, 24);
            let mut words: Vec<&str> = app.keymap.hints(pane).iter().map(|h| h.1).collect();
            words.push("help");
            let row = status_row(&after(keys, width, 24));
            assert!(row.contains("? help"), "{width}: {row:?}");
            assert!(
                words.iter().any(|w| row.ends_with(&format!(" {w}"))),
                "{width}, {pane:?}: the row ends in a whole hint: {row:?}"
            );
        }
    }
}

#[test]
fn a_prompt_too_narrow_for_its_keys_leaves_them_out_rather_than_cut_them() {
    let narrow = status_row(&after("3 / r", 30, 12));
    assert_eq!(narrow, " actors: r█  2 of 3");
    let wide = status_row(&after("3 / r", 60, 12));
    assert!(wide.ends_with("Enter: keep · Esc: clear"), "{wide:?}");
}

#[test]
fn an_article_from_standard_input_is_called_stdin_in_the_status_bar() {
    let doc = crate::document::Document::from_text("-", fixture::TEXT);
    let app = fixture::app_on(doc, fixture::analysis(), 80, 24);
    let row = status_row(&screen(&app, 80, 24));
    assert!(row.starts_with(" stdin  Text │"), "{row:?}");
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
fn help_at_40x12_wraps_its_descriptions_and_scrolls_to_its_last_line() {
    assert_snapshot!(after("?", 40, 12));
    assert_snapshot!("help_at_40x12_bottom", after("? G", 40, 12));
    assert_eq!(
        after("? G j j", 40, 12),
        after("? G", 40, 12),
        "j at the bottom stays"
    );
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
    let mut app = fixture::app(80, 24);
    press(&mut app, "n m e");
    if let Some(super::super::app::Overlay::Export(dialog)) = &mut app.overlay {
        dialog.folder = "/home/me/news".into();
        dialog.home = Some("/home/me".into());
    }
    assert_snapshot!(screen(&app, 80, 24));
}

/// The cell showing the first character of `words` in the text pane.
fn cell_of<'a>(
    buffer: &'a ratatui::buffer::Buffer,
    app: &App,
    words: &str,
) -> &'a ratatui::buffer::Cell {
    let offset = app.doc.text.find(words).unwrap();
    let wrapped = app.wrapped();
    let row = wrapped.row_of(offset) - app.text.top;
    let x = app.screen.areas.column.x + wrapped.column_of(&app.doc.text, offset);
    &buffer[(x, app.screen.areas.column.y + row as u16)]
}

#[test]
fn claims_take_their_sources_colour_quotes_are_bold_and_the_selection_is_tinted() {
    use super::super::theme::Theme;
    use ratatui::style::Modifier;
    let doc = crate::document::Document::from_text("river-bridge.txt", fixture::TEXT);
    let mut app = App::new(
        doc,
        fixture::analysis(),
        &crate::tui::settings::Settings::defaults(),
        Theme::dark(),
        (120, 40),
    );
    press(&mut app, "n");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| super::draw(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let theme = Theme::dark();
    let ortiz = theme.actor(Some(0));
    let delta = theme.actor(Some(1));
    assert_ne!(ortiz, delta);

    let quoted = cell_of(buffer, &app, "will open by spring");
    assert_eq!(quoted.fg, ortiz);
    assert!(
        quoted.modifier.contains(Modifier::BOLD),
        "quoted words are bold"
    );
    assert_eq!(
        quoted.bg,
        theme.selection.bg.unwrap(),
        "the selected claim is tinted"
    );

    let reported = cell_of(buffer, &app, "river bed might");
    assert_eq!(reported.fg, delta);
    assert!(
        !reported.modifier.contains(Modifier::BOLD),
        "reported words are not"
    );
    assert!(
        cell_of(buffer, &app, "might shift")
            .modifier
            .contains(Modifier::DIM),
        "hedges are dim"
    );
    assert!(
        cell_of(buffer, &app, "Engineers from")
            .modifier
            .contains(Modifier::UNDERLINED),
        "sources are underlined"
    );
    assert!(
        cell_of(buffer, &app, "warned")
            .modifier
            .contains(Modifier::ITALIC),
        "cues are italic"
    );
    assert_eq!(
        cell_of(buffer, &app, "The council").fg,
        ratatui::style::Color::Reset,
        "plain text stays plain"
    );

    let figure = cell_of(buffer, &app, "12 million");
    assert_eq!(
        figure.bg,
        theme.figure.bg.unwrap(),
        "figures have a tint of their own"
    );
    assert!(
        !figure.modifier.contains(Modifier::UNDERLINED),
        "figures are not underlined like sources"
    );

    // With a filter on the Delta Institute, the mayor's claims are dimmed.
    press(&mut app, "n f");
    terminal.draw(|frame| super::draw(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    assert_eq!(
        cell_of(buffer, &app, "will open by spring").fg,
        theme.filtered_out.fg.unwrap()
    );
    assert_eq!(cell_of(buffer, &app, "river bed might").fg, delta);
}

#[test]
fn without_colour_reported_words_are_italic_so_claims_stand_apart_from_narration() {
    use ratatui::style::Modifier;
    let mut app = fixture::app(120, 40);
    press(&mut app, "n");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|frame| super::draw(&app, frame)).unwrap();
    let buffer = terminal.backend().buffer();
    let italic = |words| {
        cell_of(buffer, &app, words)
            .modifier
            .contains(Modifier::ITALIC)
    };
    assert!(italic("river bed might"), "an indirect claim");
    assert!(!italic("The council"), "narration");
    assert!(!italic("warned"), "a cue is bold, not italic like a claim");
}

#[test]
fn five_digit_counts_keep_their_columns_under_the_header() {
    let mut analysis = fixture::analysis();
    let residents = &mut analysis.actors[fixture::RESIDENTS];
    let mention = residents.mentions[0];
    residents.mentions = vec![mention; 12345];
    let doc = crate::document::Document::from_text("river-bridge.txt", fixture::TEXT);
    let mut app = fixture::app_on(doc, analysis, 80, 24);
    press(&mut app, "3");
    let screen = screen(&app, 80, 24);
    let header = screen.lines().find(|l| l.contains("kind")).unwrap();
    let row = screen.lines().find(|l| l.contains("Residents ")).unwrap();
    let end = |line: &str, what: &str| line.find(what).unwrap() + what.len();
    assert!(row.contains(" 12345"), "{row}");
    assert_eq!(end(header, "mn"), end(row, "12345"), "{header}\n{row}");
    assert_eq!(end(header, "cl"), end(row, "group") + 4, "{header}\n{row}");
}

#[test]
fn detail_view_80x24() {
    assert_snapshot!(after("n n i", 80, 24));
}

#[test]
fn detail_view_wide() {
    assert_snapshot!(after("n n n i", 160, 40));
}

#[test]
fn help_lists_the_keys_of_the_prompts_and_the_dialog_from_the_keymap() {
    assert_snapshot!(after("? G", 100, 40));
}

#[test]
fn note_editor_80x24() {
    let mut app = fixture::app(80, 24);
    press(&mut app, "n n a");
    type_text(&mut app, "check this");
    press(&mut app, "enter");
    type_text(&mut app, "against the survey");
    assert_snapshot!(screen(&app, 80, 24));
}

#[test]
fn picker_80x24_and_wide() {
    let mut app = fixture::app(80, 24);
    press(&mut app, "n n c");
    type_text(&mut app, "a");
    assert_snapshot!(screen(&app, 80, 24));
    let mut app = fixture::app(160, 40);
    press(&mut app, "n n c");
    assert_snapshot!("picker_wide", screen(&app, 160, 40));
}

#[test]
fn marks_notes_and_corrections_show_in_the_list_and_the_detail_view() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n m a");
    type_text(&mut app, "check this");
    press(&mut app, "ctrl-s");
    app.user.claims[2].by_user = true;
    app.user.claims[3].dismissed = true;
    press(&mut app, "i");
    assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn orphaned_annotations_are_counted_in_the_status_bar_and_listed_in_help() {
    let mut app = fixture::app(100, 60);
    app.user.orphans = vec!["a note on “the old bridge”: ask the mayor".to_string()];
    assert!(status_row(&screen(&app, 100, 60)).contains("│ 1 orphaned"));
    press(&mut app, "? G");
    let help = screen(&app, 100, 60);
    assert!(
        help.contains("a note on “the old bridge”: ask the mayor"),
        "{help}"
    );
}
