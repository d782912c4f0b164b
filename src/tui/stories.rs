//! What a reader does, key by key, on the invented fixture. Stories that
//! need the engine's real claims on the bundled article are in
//! `tests/reader_bundled.rs` (src/ names nobody from an article).

use super::app::{Effect, Overlay};
use super::fixture::{self, DELTA, ORTIZ, RESIDENTS, at_cursor, down_to, press, type_text};
use super::keymap::Pane;
use crate::analysis;
use crate::analysis::ClaimKind;
use crate::document::Document;

#[test]
fn n_selects_the_first_claim_and_moves_the_cursor_to_it() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n");
    assert_eq!(app.claims.selected, Some(0));
    assert!(at_cursor(&app).starts_with("the bridge “will open"));
    press(&mut app, "n n");
    assert_eq!(app.claims.selected, Some(2));
    press(&mut app, "N");
    assert_eq!(app.claims.selected, Some(1));
}

#[test]
fn n_past_the_last_claim_wraps_and_says_so() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "G 2 G");
    assert_eq!(app.claims.selected, Some(4));
    press(&mut app, "1 n");
    assert_eq!(app.claims.selected, Some(0));
    assert_eq!(app.message.as_deref(), Some("wrapped to the first claim"));
}

#[test]
fn s_on_a_quote_selects_its_source_and_s_again_returns_to_the_quote() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n n");
    assert!(at_cursor(&app).starts_with("We have waited"));
    press(&mut app, "s");
    assert!(
        at_cursor(&app).starts_with("the mayor told"),
        "{}",
        at_cursor(&app)
    );
    assert_eq!(app.actors.list[app.actors.cursor], ORTIZ);
    press(&mut app, "s");
    assert!(at_cursor(&app).starts_with("We have waited"));
    assert_eq!(
        app.claims.selected,
        Some(2),
        "the quote stays selected throughout"
    );
}

#[test]
fn ctrl_o_walks_back_through_jumps_and_ctrl_i_forward() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n n s");
    let source = app.text.cursor;
    press(&mut app, "ctrl-o");
    assert!(at_cursor(&app).starts_with("We have waited"));
    press(&mut app, "ctrl-i");
    assert_eq!(app.text.cursor, source);
    // Where ctrl-i arrives as Tab (tmux, most terminals), alt-i goes forward.
    press(&mut app, "ctrl-o alt-i");
    assert_eq!(app.text.cursor, source);
}

#[test]
fn filtering_by_two_actors_lists_only_their_claims() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "3");
    assert_eq!(app.focus, Pane::Actors);
    // Ortiz and the Delta Institute have two claims each (then by name), Residents one.
    assert_eq!(app.actors.list, [ORTIZ, DELTA, RESIDENTS]);
    press(&mut app, "space j f");
    assert_eq!(app.claims.shown, [0, 1, 2, 4]);
    assert_eq!(app.filter_names(), "Ana Ortiz or Delta Institute");
    press(&mut app, "F");
    assert_eq!(app.claims.shown.len(), 5);
}

#[test]
fn with_a_filter_n_skips_the_other_claims() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "3 space 1 n n");
    assert_eq!(
        app.claims.selected,
        Some(2),
        "from Ortiz's first claim to his second"
    );
}

#[test]
fn f_on_a_claim_filters_by_its_source() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n f");
    assert!(app.claims.filter.names_actor(DELTA));
    assert_eq!(app.claims.shown, [1, 4]);
}

#[test]
fn t_cycles_the_claim_kinds() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "t");
    assert_eq!(app.claims.filter.kinds, [ClaimKind::Direct]);
    assert_eq!(app.claims.shown, [2]);
    press(&mut app, "t");
    assert_eq!(app.claims.shown, [1, 3]);
    press(&mut app, "t t");
    assert!(app.claims.filter.kinds.is_empty());
}

#[test]
fn the_claims_pane_follows_the_text_cursor_and_the_text_follows_the_list() {
    let mut app = fixture::app(120, 40);
    // Down in the text to the row of the council's paragraph.
    down_to(&mut app, "The council");
    press(&mut app, "j");
    assert_eq!(
        app.claims.selected,
        Some(2),
        "the row shows the mayor's quote"
    );
    press(&mut app, "2 j");
    assert_eq!(app.claims.selected, Some(3));
    assert!(at_cursor(&app).starts_with("the old ferry"));
}

#[test]
fn enter_on_an_actor_jumps_to_its_first_mention_and_n_cycles_its_claims_and_mentions() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "3");
    press(&mut app, "n");
    assert!(at_cursor(&app).starts_with("Mayor Ana Ortiz"));
    press(&mut app, "n");
    assert!(at_cursor(&app).starts_with("the bridge"));
    assert_eq!(app.claims.selected, Some(0));
    press(&mut app, "enter");
    assert_eq!(app.focus, Pane::Text);
    assert!(at_cursor(&app).starts_with("Mayor Ana Ortiz"));
}

#[test]
fn search_moves_to_matches_as_you_type_and_n_steps_through_them() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "surv");
    assert!(at_cursor(&app).starts_with("survey."));
    press(&mut app, "enter");
    assert_eq!(app.overlay, None);
    assert_eq!(app.text.search.as_ref().unwrap().count(), "1/2");
    press(&mut app, "n");
    assert!(at_cursor(&app).starts_with("survey next"));
    press(&mut app, "esc");
    assert!(
        app.text.search.is_none() && !app.quit,
        "Esc clears the search first"
    );
}

#[test]
fn esc_while_typing_a_search_puts_the_cursor_back() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n");
    let before = app.text.cursor;
    press(&mut app, "/");
    type_text(&mut app, "ferry");
    assert_ne!(app.text.cursor, before);
    press(&mut app, "esc");
    assert_eq!(app.text.cursor, before);
}

#[test]
fn slash_in_the_actors_pane_filters_the_list_by_name() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "3 /");
    type_text(&mut app, "rsd");
    assert_eq!(app.actors.list, [RESIDENTS]);
    press(&mut app, "enter esc");
    assert_eq!(app.actors.list.len(), 3);
    assert!(!app.quit);
}

#[test]
fn marked_claims_are_exported_and_an_existing_file_is_kept_until_the_user_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = fixture::app(120, 40);
    press(&mut app, "n m n n m e");
    let Some(Overlay::Export(dialog)) = &app.overlay else {
        panic!("the export dialog opens")
    };
    assert_eq!(dialog.claims, [0, 2]);
    assert_eq!(dialog.path, "river-bridge-claims.md");
    // Type a path into the temp dir instead of the default name.
    let path = dir.path().join("out.json");
    for _ in 0..dialog.path.len() {
        press(&mut app, "backspace");
    }
    type_text(&mut app, path.to_str().unwrap());
    press(&mut app, "backtab enter");
    let writes = perform(&mut app);
    // (shift-tab went back from Markdown to JSON, which the typed file name keeps.)
    assert_eq!(writes, 1);
    assert!(app.overlay.is_none());
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .starts_with("exported 2 claims")
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(json["claims"].as_array().unwrap().len(), 2);

    // Again to the same file: the dialog asks, n keeps the file, y replaces it.
    std::fs::write(&path, "keep me").unwrap();
    press(&mut app, "e");
    type_text(&mut app, "");
    if let Some(Overlay::Export(d)) = &mut app.overlay {
        d.path = path.to_str().unwrap().to_string();
    }
    press(&mut app, "enter");
    perform(&mut app);
    assert!(matches!(&app.overlay, Some(Overlay::Export(d)) if d.confirm_overwrite));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    press(&mut app, "y");
    perform(&mut app);
    assert!(app.overlay.is_none());
    let markdown = std::fs::read_to_string(&path).unwrap();
    assert!(
        markdown.starts_with("# River town weighs a new bridge"),
        "{markdown}"
    );
    assert!(
        markdown.contains("We have waited long enough"),
        "{markdown}"
    );
}

#[test]
fn an_export_into_a_folder_that_does_not_exist_says_so_and_keeps_the_dialog_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = fixture::app(120, 40);
    press(&mut app, "e");
    let path = dir.path().join("missing").join("out.md");
    if let Some(Overlay::Export(d)) = &mut app.overlay {
        d.path = path.to_str().unwrap().to_string();
    }
    press(&mut app, "enter");
    assert_eq!(perform(&mut app), 1);
    let Some(Overlay::Export(dialog)) = &app.overlay else {
        panic!("the dialog stays open to correct the path")
    };
    let folder = dir.path().join("missing");
    assert_eq!(
        dialog.error.as_deref(),
        Some(
            format!(
                "there is no folder {}: type a path in a folder that exists",
                folder.display()
            )
            .as_str()
        )
    );
}

#[test]
fn in_the_export_dialog_ctrl_w_deletes_a_word_and_ctrl_u_the_whole_name() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "e ctrl-w");
    let path = |app: &super::app::App| match &app.overlay {
        Some(Overlay::Export(d)) => d.path.clone(),
        _ => panic!("the dialog is open"),
    };
    assert_eq!(path(&app), "river-bridge-claims.");
    press(&mut app, "ctrl-w");
    assert_eq!(path(&app), "river-bridge-");
    press(&mut app, "ctrl-u");
    assert_eq!(path(&app), "");
    type_text(&mut app, "notes.md");
    assert_eq!(path(&app), "notes.md");
}

/// Carries out queued writes as the event loop would; returns how many.
fn perform(app: &mut super::app::App) -> usize {
    let mut n = 0;
    for effect in app.take_effects() {
        if let Effect::Write {
            path,
            contents,
            overwrite,
        } = effect
        {
            let result = crate::export::write_file(&path, contents.as_bytes(), overwrite);
            app.export_written(path, result);
            n += 1;
        }
    }
    n
}

#[test]
fn y_copies_the_selected_claim_as_a_markdown_quote_with_its_source() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n n y");
    let effects = app.take_effects();
    assert_eq!(
        effects,
        [Effect::Copy(
            "> We have waited long enough,\n>\n> — Ana Ortiz, Mayor\n".to_string()
        )]
    );
}

#[test]
fn j_in_a_help_that_fits_the_window_leaves_it_where_it_is() {
    let mut app = fixture::app(120, 90);
    press(&mut app, "? j j G");
    assert_eq!(app.overlay, Some(Overlay::Help { scroll: 0 }));
}

#[test]
fn esc_closes_the_help_and_never_quits_q_does() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    press(&mut app, "esc");
    assert!(app.overlay.is_none() && !app.quit);
    press(&mut app, "esc esc 2 esc 3 esc");
    assert!(!app.quit, "a stray Esc must not lose the reader");
    assert_eq!(
        app.message.as_deref(),
        Some("nothing to close · q/C-c quits")
    );
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn resizing_rewraps_and_keeps_the_selected_claim_in_view() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "G 2 G");
    for (w, h) in [(60, 20), (20, 6), (45, 14), (200, 60)] {
        app.resize(w, h);
        let row = app.cursor_row();
        let height = app.screen.areas.rows(Pane::Text);
        assert!(
            row >= app.text.top && row < app.text.top + height,
            "{w}x{h}: row {row}, top {}",
            app.text.top
        );
    }
}

#[test]
fn a_click_on_a_claims_row_selects_it_and_the_wheel_scrolls() {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = fixture::app(120, 40);
    let claims = app.screen.areas.claims.unwrap();
    let click = |x, y| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(click(claims.x + 5, claims.y + 1 + 3));
    assert_eq!((app.focus, app.claims.selected), (Pane::Claims, Some(3)));
    app.handle_mouse(MouseEvent {
        kind: MouseEventKind::ScrollUp,
        ..click(claims.x + 5, claims.y + 2)
    });
    assert_eq!(app.claims.selected, Some(2));
}

#[test]
fn the_text_shows_while_the_analysis_runs_and_the_claims_arrive_later() {
    let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
    let mut app = fixture::app_on(doc, analysis::Analysis::default(), 120, 40);
    app.analysing = true;
    press(&mut app, "j j");
    let cursor = app.text.cursor;
    app.attach_analysis(fixture::analysis());
    assert!(!app.analysing);
    assert_eq!(app.claims.shown.len(), 5);
    assert_eq!(app.text.cursor, cursor, "the reader stays where it was");
    assert_eq!(
        app.claims.selected,
        Some(0),
        "the claim on the cursor's row is selected"
    );
}

#[test]
fn an_empty_article_opens_and_no_key_breaks_it() {
    for text in ["", "\n", "One line, no newline"] {
        let doc = Document::from_text("empty.txt", text);
        let mut app = fixture::app_on(doc, analysis::Analysis::default(), 80, 24);
        press(
            &mut app,
            "j k G g n N s f F t m e y / x backspace esc 2 j n enter 3 j n enter / q esc ctrl-o ctrl-i ? esc tab backtab",
        );
        assert!(!app.quit, "{text:?}");
        assert!(app.text.cursor <= text.len());
    }
}

#[test]
fn f_says_whom_it_added_and_how_to_clear_it_and_f_again_takes_them_out() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n f");
    assert_eq!(
        app.message.as_deref(),
        Some("added Ana Ortiz to the filter · F clears it")
    );
    press(&mut app, "f");
    assert_eq!(
        app.message.as_deref(),
        Some("removed Ana Ortiz from the filter")
    );
    assert_eq!(app.claims.filter.actors, None);
}

#[test]
fn m_says_what_marks_are_for_and_the_count_is_left_to_the_status_bar() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n m");
    assert_eq!(
        app.message.as_deref(),
        Some("marked · e exports the marked claims")
    );
    press(&mut app, "m");
    assert_eq!(app.message.as_deref(), Some("unmarked"));
}

#[test]
fn after_a_search_the_reader_says_how_to_step_through_it_and_when_it_wraps() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "surv");
    press(&mut app, "enter");
    assert_eq!(
        app.message.as_deref(),
        Some("n/N: next/previous match · Esc: clear the search")
    );
    press(&mut app, "n");
    assert_eq!(app.message, None, "the status bar shows the count");
    assert_eq!(app.text.search.as_ref().unwrap().count(), "2/2");
    press(&mut app, "n");
    assert_eq!(app.message.as_deref(), Some("search wrapped to the top"));
    press(&mut app, "N");
    assert_eq!(app.message.as_deref(), Some("search wrapped to the bottom"));

    press(&mut app, "esc /");
    type_text(&mut app, "xyzzy");
    press(&mut app, "enter");
    assert_eq!(app.message, None, "no hint to step through nothing");
    assert_eq!(app.text.search.as_ref().unwrap().count(), "no match");
}

#[test]
fn a_key_that_needs_a_claim_says_how_to_select_one() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "y");
    assert_eq!(
        app.message.as_deref(),
        Some("no claim selected to copy: n selects the next one")
    );
    press(&mut app, "m");
    assert_eq!(
        app.message.as_deref(),
        Some("no claim selected to mark: n selects the next one")
    );
    press(&mut app, "s");
    assert_eq!(
        app.message.as_deref(),
        Some("no claim selected to go to its source: n selects the next one")
    );
}

#[test]
fn t_says_which_kind_it_shows_and_which_comes_next() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "t");
    assert_eq!(app.claims.filter.kinds, [ClaimKind::Direct]);
    assert_eq!(
        app.message.as_deref(),
        Some("showing direct claims · t again: indirect")
    );
    press(&mut app, "t t t");
    assert_eq!(
        app.message.as_deref(),
        Some("showing all claims · t again: direct")
    );
}

#[test]
fn when_the_filters_leave_no_claim_n_says_which_keys_bring_claims_back() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n n n f t");
    assert_eq!(
        app.claims
            .filter
            .actors
            .iter()
            .flatten()
            .copied()
            .collect::<Vec<_>>(),
        [RESIDENTS]
    );
    assert!(
        app.claims.shown.is_empty(),
        "Residents made no direct claim"
    );
    press(&mut app, "n");
    assert_eq!(
        app.message.as_deref(),
        Some("no claims match the filter: F clears the actor filter · t changes the kind")
    );
    press(&mut app, "F");
    assert_eq!(app.claims.shown, [2], "the mayor's direct quote");
}

// ----- faults found by trying the reader (issue 8) --------------------------

#[test]
fn k_climbs_from_the_first_row_of_a_paragraph_into_the_one_above() {
    let mut app = fixture::app(120, 40);
    down_to(&mut app, "The council");
    let council = app.text.cursor;
    press(&mut app, "k");
    assert!(
        app.text.cursor < council,
        "k left the paragraph's first row"
    );
    assert!(
        at_cursor(&app).starts_with("might shift"),
        "onto the last row of the paragraph above: {:?}",
        &at_cursor(&app)[..20]
    );
    let up = app.cursor_row();
    press(&mut app, "up");
    assert!(app.cursor_row() < up, "↑ too");
    press(&mut app, "g");
    assert_eq!(app.text.cursor, 0);
}

#[test]
fn s_flashes_the_source_mention_until_the_next_key() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n n s");
    let flash = app.text.flash.expect("the source is highlighted");
    assert_eq!(flash.of(&app.doc.text), "the mayor");
    press(&mut app, "j");
    assert_eq!(app.text.flash, None);
}

#[test]
fn ctrl_o_after_s_s_goes_back_to_the_source_with_its_claim_still_selected() {
    let mut app = fixture::app(120, 40);
    // The mayor's quote, whose source ("the mayor") is on the row after it
    // starts, past the start of another claim on that row.
    press(&mut app, "n n n s s");
    assert_eq!(app.claims.selected, Some(2));
    press(&mut app, "ctrl-o");
    assert!(at_cursor(&app).starts_with("the mayor told"));
    assert_eq!(
        app.claims.selected,
        Some(2),
        "the quote, not the claim on the row"
    );
    assert_eq!(app.actors.selected(), Some(ORTIZ));
    press(&mut app, "ctrl-o");
    assert!(at_cursor(&app).starts_with("We have waited"));
    assert_eq!(app.claims.selected, Some(2));
}

#[test]
fn n_in_a_search_goes_to_the_next_match_after_the_cursor_once_it_has_moved() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "the");
    press(&mut app, "enter");
    assert_eq!(app.text.search.as_ref().unwrap().current, Some(0));
    // Down to the council's paragraph, then n: the first match after it,
    // not the second match of the list.
    down_to(&mut app, "The council");
    let cursor = app.text.cursor;
    press(&mut app, "n");
    let search = app.text.search.as_ref().unwrap();
    assert!(search.current > Some(1));
    let at = search.matches[search.current.unwrap()].start;
    assert!(at > cursor, "{at} after {cursor}");
    assert_eq!(
        search
            .matches
            .iter()
            .filter(|m| m.start > cursor && m.start < at)
            .count(),
        0
    );
    press(&mut app, "g N");
    assert_eq!(app.message.as_deref(), Some("search wrapped to the bottom"));
}

#[test]
fn search_folds_case_and_curly_quotes() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "\"WE HAVE");
    assert_eq!(app.text.search.as_ref().unwrap().count(), "1/1");
    assert!(at_cursor(&app).starts_with("“We have"));
}

#[test]
fn the_claims_counter_follows_the_cursor_and_the_scroll_percentage_starts_at_zero() {
    let mut app = fixture::app(80, 14);
    press(&mut app, "G 2 G 1");
    assert_eq!(app.claims.selected, Some(4));
    press(&mut app, "g");
    assert_eq!(
        app.claims.selected, None,
        "the title row has no claim: none is selected"
    );
    let screen = crate::tui::view::tests_support::screen(&app, 80, 14);
    assert!(screen.contains("Claims –/5"), "{screen}");
    assert!(screen.contains(" 0% "), "{screen}");
    for _ in 0..3 {
        press(&mut app, "pagedown");
        // The selected claim, if any, is on the cursor's row.
        if let Some(c) = app.claims.selected {
            let span = app.analysis.claims[c].span;
            let wrapped = app.wrapped();
            let rows = wrapped.row_of(span.start)..=wrapped.row_of(span.end - 1);
            assert!(rows.contains(&app.cursor_row()), "claim {c}");
        }
    }
}

#[test]
fn growing_the_window_shows_the_whole_list_without_rows_hidden_above() {
    let mut app = fixture::app(40, 14);
    press(&mut app, "2 G");
    assert!(app.claims.top > 0, "a small window scrolls the list");
    app.resize(120, 40);
    assert_eq!(app.claims.top, 0, "all five claims fit now");
    press(&mut app, "3 G");
    app.resize(40, 14);
    app.resize(120, 40);
    assert_eq!(app.actors.top, 0);
}

#[test]
fn the_actor_on_the_last_row_of_a_short_actors_pane_is_on_screen() {
    // The pane's first row is the column header.
    let mut app = fixture::app(120, 14);
    press(&mut app, "3 G");
    let rows = app.screen.areas.rows(Pane::Actors) - 1;
    assert!(app.actors.cursor < app.actors.top + rows);
}

#[test]
fn while_analysing_the_reader_says_so_and_the_message_goes_when_the_claims_arrive() {
    let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
    let mut app = fixture::app_on(doc, analysis::Analysis::default(), 120, 40);
    app.analysing = true;
    press(&mut app, "n");
    assert_eq!(app.message.as_deref(), Some("still finding the claims…"));
    let screen = crate::tui::view::tests_support::screen(&app, 120, 40);
    assert!(screen.contains("analysing…"), "{screen}");
    assert!(!screen.contains("no actors found"), "{screen}");
    app.attach_analysis(fixture::analysis());
    assert_eq!(app.message, None);
}

#[test]
fn actors_close_in_the_text_have_different_colours() {
    let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
    let app = super::App::new(
        doc,
        fixture::analysis(),
        &crate::tui::settings::Settings::defaults(),
        super::theme::Theme::dark(),
        (120, 40),
    );
    let colours: Vec<_> = [ORTIZ, DELTA, RESIDENTS]
        .map(|a| app.lookup.actor_colour[a])
        .to_vec();
    assert_eq!(colours, [0, 1, 2]);
}

#[test]
fn i_shows_the_claim_whole_n_steps_to_the_next_and_enter_shows_it_in_the_text() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "i");
    assert_eq!(
        app.message.as_deref(),
        Some("no claim selected to show: n selects the next one")
    );
    press(&mut app, "n i");
    assert_eq!(
        app.overlay,
        Some(Overlay::Detail {
            claim: 0,
            scroll: 0
        })
    );
    press(&mut app, "n");
    assert_eq!(
        app.overlay,
        Some(Overlay::Detail {
            claim: 1,
            scroll: 0
        })
    );
    assert_eq!(app.claims.selected, Some(1));
    press(&mut app, "esc");
    assert_eq!(app.overlay, None);
    // Enter in the claims pane opens it too; Enter again shows the claim.
    press(&mut app, "2 j enter");
    assert_eq!(
        app.overlay,
        Some(Overlay::Detail {
            claim: 2,
            scroll: 0
        })
    );
    press(&mut app, "enter");
    assert_eq!((app.overlay.clone(), app.focus), (None, Pane::Text));
    assert!(at_cursor(&app).starts_with("We have waited"));
}

#[test]
fn n_in_the_detail_view_steps_claims_even_during_a_search() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "/");
    type_text(&mut app, "survey");
    press(&mut app, "enter n i n");
    assert!(matches!(app.overlay, Some(Overlay::Detail { .. })));
    let Some(Overlay::Detail { claim, .. }) = app.overlay else {
        unreachable!()
    };
    assert_eq!(Some(claim), app.claims.selected);
}

#[test]
fn keys_rebound_in_config_work_in_the_export_dialog_and_its_hint_says_so() {
    use super::keymap::{Action, Key, Keymap, Layer};
    let mut app = fixture::app(120, 40);
    let mut keys = std::collections::BTreeMap::new();
    keys.insert(Action::Confirm, vec![Key::parse("ctrl-s").unwrap()]);
    app.keymap = Keymap::new(&keys);
    press(&mut app, "e enter");
    assert!(
        matches!(&app.overlay, Some(Overlay::Export(d)) if !d.path.is_empty()),
        "Enter no longer writes"
    );
    assert!(app.take_effects().is_empty());
    press(&mut app, "ctrl-s");
    assert_eq!(app.take_effects().len(), 1, "ctrl-s does");
    let hint = crate::tui::view::layer_hint(&app, Layer::Export);
    assert!(hint.starts_with("C-s: write"), "{hint}");
}

#[test]
fn the_export_dialog_expands_a_tilde_and_writes_a_relative_name_in_the_folder_it_shows() {
    let home = tempfile::tempdir().unwrap();
    let folder = tempfile::tempdir().unwrap();
    let mut app = fixture::app(120, 40);
    let open = |app: &mut super::app::App| {
        press(app, "e");
        if let Some(Overlay::Export(d)) = &mut app.overlay {
            d.folder = folder.path().to_path_buf();
            d.home = Some(home.path().to_path_buf());
        }
    };
    open(&mut app);
    press(&mut app, "ctrl-u");
    type_text(&mut app, "~/mine.md");
    press(&mut app, "enter");
    perform(&mut app);
    assert!(home.path().join("mine.md").exists(), "{:?}", app.message);
    open(&mut app);
    press(&mut app, "enter");
    perform(&mut app);
    assert!(folder.path().join("river-bridge-claims.md").exists());
}

// ----- the user's own work ----------------------------------------------

/// The edits queued since the last call.
fn edits(app: &mut super::app::App) -> Vec<super::app::Edit> {
    app.take_effects()
        .into_iter()
        .filter_map(|e| match e {
            Effect::Edit(edit) => Some(edit),
            _ => None,
        })
        .collect()
}

#[test]
fn a_writes_a_note_of_several_lines_that_ctrl_s_saves_and_an_empty_note_deletes() {
    use super::app::Edit;
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n a");
    type_text(&mut app, "check this");
    press(&mut app, "enter");
    type_text(&mut app, "with the survey");
    press(&mut app, "ctrl-s");
    assert_eq!(app.overlay, None);
    let span = app.analysis.claims[1].span;
    let note = "check this\nwith the survey".to_string();
    assert_eq!(app.annotation(1).note.as_deref(), Some(note.as_str()));
    assert_eq!(edits(&mut app), [Edit::Note { span, body: note }]);
    assert_eq!(app.message.as_deref(), Some("note saved"));
    // a again edits it; emptied, Esc saves the deletion.
    press(&mut app, "a ctrl-u backspace ctrl-u esc");
    assert_eq!(app.annotation(1).note, None);
    assert_eq!(app.message.as_deref(), Some("note deleted"));
    assert_eq!(
        edits(&mut app),
        [Edit::Note {
            span,
            body: String::new()
        }]
    );
}

#[test]
fn m_marks_and_asks_the_loop_to_store_the_mark() {
    use super::app::Edit;
    let mut app = fixture::app(120, 40);
    press(&mut app, "n m");
    let span = app.analysis.claims[0].span;
    assert_eq!(app.marked(), [0]);
    assert_eq!(edits(&mut app), [Edit::Mark { span, on: true }]);
    press(&mut app, "m");
    assert_eq!(edits(&mut app), [Edit::Mark { span, on: false }]);
}

#[test]
fn c_picks_a_new_source_among_the_actors_by_a_fuzzy_name_or_nobody_or_a_new_actor() {
    use super::app::{Choice, Edit, PickFor};
    use crate::corrected::{Change, SourceChoice};
    let mut app = fixture::app(120, 40);
    press(&mut app, "2 j c");
    let Some(Overlay::Picker(picker)) = app.overlay.clone() else {
        panic!("the picker opens")
    };
    assert_eq!(picker.purpose, PickFor::Source { claim: 1 });
    assert_eq!(
        app.pick_choices(&picker),
        [
            Choice::Actor(ORTIZ),
            Choice::Actor(DELTA),
            Choice::Actor(RESIDENTS),
            Choice::Nobody
        ]
    );
    type_text(&mut app, "rsd");
    press(&mut app, "enter");
    let span = app.analysis.claims[1].span;
    assert_eq!(
        edits(&mut app),
        [Edit::Correct {
            span: Some(span),
            change: Change::Source {
                to: SourceChoice::Actor {
                    name: "Residents".to_string()
                }
            }
        }]
    );
    assert_eq!(app.message.as_deref(), Some("source: Residents · u undoes"));
    // A name nobody has is a new actor; Down reaches it past the matches.
    press(&mut app, "c");
    type_text(&mut app, "Port Authority");
    let Some(Overlay::Picker(picker)) = app.overlay.clone() else {
        panic!()
    };
    assert_eq!(
        app.pick_choices(&picker),
        [Choice::New("Port Authority".to_string()), Choice::Nobody]
    );
    press(&mut app, "down enter");
    assert!(matches!(
        &edits(&mut app)[..],
        [Edit::Correct {
            change: Change::Source {
                to: SourceChoice::Nobody
            },
            ..
        }]
    ));
}

#[test]
fn x_dismisses_k_changes_the_kind_and_u_says_when_there_is_nothing_to_undo() {
    use super::app::Edit;
    use crate::corrected::Change;
    let mut app = fixture::app(120, 40);
    press(&mut app, "u");
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
    press(&mut app, "n x K");
    let span = Some(app.analysis.claims[0].span);
    assert_eq!(
        edits(&mut app),
        [
            Edit::Correct {
                span,
                change: Change::Dismiss
            },
            Edit::Correct {
                span,
                change: Change::Kind {
                    to: crate::analysis::ClaimKind::Direct
                }
            }
        ]
    );
    app.user.can_undo = true;
    press(&mut app, "u");
    assert_eq!(edits(&mut app), [Edit::Undo]);
}

#[test]
fn v_selects_words_that_c_makes_a_claim_and_esc_cancels_a_selection() {
    use super::app::{Edit, PickFor};
    use crate::corrected::{Change, SourceChoice};
    let mut app = fixture::app(120, 40);
    down_to(&mut app, "The council");
    press(&mut app, "v w w w");
    let selected = app.selection().unwrap();
    assert_eq!(selected.of(&app.doc.text), "The council has approved");
    press(&mut app, "esc");
    assert_eq!(app.selection(), None);
    assert!(!app.quit);
    press(&mut app, "b b b v w w w C");
    assert_eq!(
        app.overlay.as_ref().map(
            |o| matches!(o, Overlay::Picker(p) if p.purpose == PickFor::NewClaim { span: selected })
        ),
        Some(true)
    );
    type_text(&mut app, "nobody");
    press(&mut app, "down enter");
    assert_eq!(
        edits(&mut app),
        [Edit::Correct {
            span: Some(selected),
            change: Change::NewClaim {
                kind: crate::analysis::ClaimKind::Indirect,
                source: SourceChoice::Nobody,
            }
        }]
    );
}

#[test]
fn in_the_actors_pane_m_merges_into_a_picked_actor_and_r_renames() {
    use super::app::Edit;
    use crate::corrected::Change;
    let mut app = fixture::app(120, 40);
    press(&mut app, "3 j M");
    type_text(&mut app, "ortiz");
    press(&mut app, "enter");
    assert_eq!(
        edits(&mut app),
        [Edit::Correct {
            span: None,
            change: Change::MergeActor {
                actor: "Delta Institute".to_string(),
                into: "Ana Ortiz".to_string()
            }
        }]
    );
    press(&mut app, "R ctrl-u");
    type_text(&mut app, "Delta Lab");
    press(&mut app, "enter");
    assert_eq!(
        edits(&mut app),
        [Edit::Correct {
            span: None,
            change: Change::RenameActor {
                actor: "Delta Institute".to_string(),
                to: "Delta Lab".to_string()
            }
        }]
    );
}

#[test]
fn the_reading_position_filters_and_pane_come_back_on_reopening() {
    let mut app = fixture::app(120, 40);
    press(&mut app, "n n n f t 2");
    let reading = app.reading();
    assert_eq!(reading.pane, "Claims");
    let mut again = fixture::app(120, 40);
    again.restore(&reading);
    assert_eq!(again.focus, Pane::Claims);
    assert_eq!(again.claims.filter, app.claims.filter);
    assert_eq!(
        again.claims.filter.kinds,
        [crate::analysis::ClaimKind::Direct]
    );
    assert_eq!(again.claims.selected, Some(2));
    assert!(at_cursor(&again).starts_with("We have waited"));
}

// ----- the user's work in the library ------------------------------------

/// The reader on the fixture with its library in a temporary file: what
/// the event loop does with each edit, done after every key.
struct Kept {
    app: super::app::App,
    library: super::library::Library,
    original: crate::analysis::Analysis,
    _dir: tempfile::TempDir,
}

impl Kept {
    fn open(dir: tempfile::TempDir) -> Kept {
        let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
        let library = super::library::Library::open(&dir.path().join("lib.sqlite"), &doc).unwrap();
        let mut app = fixture::app(120, 40);
        let original = fixture::analysis();
        library.attach(&mut app, &original, true);
        Kept {
            app,
            library,
            original,
            _dir: dir,
        }
    }

    fn press(&mut self, keys: &str) {
        for key in keys.split_whitespace() {
            press(&mut self.app, key);
            for effect in self.app.take_effects() {
                if let Effect::Edit(edit) = effect {
                    self.library.carry_out(&mut self.app, &self.original, &edit);
                }
            }
        }
    }

    fn reopen(self) -> Kept {
        self.library.save_reading(&self.app.reading()).unwrap();
        Kept::open(self._dir)
    }
}

#[test]
fn marks_notes_and_corrections_are_kept_and_come_back_with_the_reading_position() {
    let mut kept = Kept::open(tempfile::tempdir().unwrap());
    kept.press("n n m a");
    type_text(&mut kept.app, "check this");
    kept.press("ctrl-s c");
    type_text(&mut kept.app, "resid");
    kept.press("enter");
    let c = kept.app.claims.selected.unwrap();
    let source = kept.app.analysis.claims[c].source.unwrap().actor.unwrap();
    assert_eq!(kept.app.analysis.actors[source].name, "Residents");
    assert!(kept.app.annotation(c).by_user);
    let kept = kept.reopen();
    let app = &kept.app;
    assert_eq!(app.claims.selected, Some(1), "the claim the reader was on");
    let user = app.annotation(1);
    assert!(user.marked && user.by_user);
    assert_eq!(user.note.as_deref(), Some("check this"));
    let source = app.analysis.claims[1].source.unwrap().actor.unwrap();
    assert_eq!(app.analysis.actors[source].name, "Residents");
}

#[test]
fn u_undoes_a_correction_and_redo_brings_it_back() {
    let mut kept = Kept::open(tempfile::tempdir().unwrap());
    kept.press("n x");
    assert!(kept.app.annotation(0).dismissed);
    kept.press("u");
    assert!(!kept.app.annotation(0).dismissed);
    kept.press("U");
    assert!(kept.app.annotation(0).dismissed);
    kept.press("X");
    assert!(
        !kept.app.claims.shown.contains(&0),
        "X hides dismissed claims"
    );
}

#[test]
fn a_claim_made_from_a_selection_is_kept_in_text_order() {
    let mut kept = Kept::open(tempfile::tempdir().unwrap());
    while !at_cursor(&kept.app).starts_with("The council") {
        kept.press("j");
    }
    kept.press("v w w w C");
    type_text(&mut kept.app, "council");
    kept.press("enter");
    let claims = &kept.app.analysis.claims;
    assert_eq!(claims.len(), 6);
    assert_eq!(claims[2].span.of(fixture::TEXT), "The council has approved");
    assert!(kept.app.annotation(2).by_user);
    let actor = claims[2].source.unwrap().actor.unwrap();
    assert_eq!(kept.app.analysis.actors[actor].name, "council");
}

#[test]
fn on_a_full_disk_a_note_is_not_kept_the_reader_says_so_and_what_was_saved_stays() {
    let mut kept = Kept::open(tempfile::tempdir().unwrap());
    kept.press("n m");
    kept.library.library().fill_disk_but(0);
    kept.press("a");
    type_text(&mut kept.app, &"a long note ".repeat(2_000));
    kept.press("ctrl-s");
    let said = kept.app.message.clone().unwrap_or_default();
    assert!(said.starts_with("not kept:"), "{said}");
    assert!(said.contains("disk is full"), "{said}");
    assert!(
        said.contains("everything saved before it is safe"),
        "{said}"
    );
    assert_eq!(
        kept.app.annotation(0).note,
        None,
        "the screen shows what is kept"
    );
    let kept = kept.reopen();
    let user = kept.app.annotation(0);
    assert!(user.marked, "the mark saved before the disk filled");
    assert_eq!(user.note, None);
}

/// What `e` then Enter would write: the export dialog's contents, as JSON.
fn exported_json(kept: &mut Kept) -> serde_json::Value {
    kept.press("e");
    let Some(Overlay::Export(dialog)) = &mut kept.app.overlay else {
        panic!("no export dialog: {:?}", kept.app.message);
    };
    dialog.format = crate::export::FORMATS
        .iter()
        .find(|f| f.name == "json")
        .unwrap();
    dialog.path = "/nonexistent/whosaid-test/out.json".to_string();
    press(&mut kept.app, "enter");
    let written = kept.app.take_effects().into_iter().find_map(|e| match e {
        Effect::Write { contents, .. } => Some(contents),
        _ => None,
    });
    serde_json::from_str(&written.expect("an export is written")).unwrap()
}

#[test]
fn a_marked_claim_then_dismissed_is_left_out_of_the_marked_export() {
    let mut kept = Kept::open(tempfile::tempdir().unwrap());
    // Two claims marked, then the first dismissed: it is not a claim.
    kept.press("n m n m N x");
    assert!(kept.app.annotation(0).marked && kept.app.annotation(0).dismissed);
    let json = exported_json(&mut kept);
    let texts: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["the river bed might shift"], "{json:#}");
    assert_eq!(json["claims"][0]["marked"], true);
    // The status bar counts it no more either.
    assert_eq!(kept.app.marked(), [1]);
}

#[test]
fn when_every_marked_claim_is_dismissed_the_export_takes_the_shown_claims() {
    let mut kept = Kept::open(tempfile::tempdir().unwrap());
    kept.press("n m x");
    let json = exported_json(&mut kept);
    let texts: Vec<&str> = json["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 4, "{texts:?}");
    assert!(
        !texts.iter().any(|t| t.contains("will open by spring")),
        "{texts:?}"
    );
}
