//! Stories of several articles: the list first, `Enter` reads one, `]` / `[`
//! the next and previous, the list key goes back; sorting and filtering the
//! list; and snapshots of the list at 80×24 and wide.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::ONE_ARTICLE;
use super::fixture::{self, TEXT};
use super::keymap::Key;
use super::library_view::{Library, SortBy};
use super::settings::Settings;
use super::theme::Theme;
use crate::analysis::Analysis;
use crate::document::Document;

const SECOND: &str = "Harbour plans stall again\nNothing was said about the harbour today.\n";
const THIRD: &str = "Orchard fair draws a crowd\nThe fair opened on Sunday.\n";

/// The fixture's article, a second and a third, none analysed.
fn three_docs() -> Vec<Document> {
    vec![
        Document::from_text("news/river-bridge.txt", TEXT),
        Document::from_text("news/harbour.md", SECOND),
        Document::from_text("more/orchard-fair.txt", THIRD),
    ]
}

/// Three articles: the fixture's (analysed), a second (analysed, nothing
/// found) and a third still being analysed.
fn library(width: u16, height: u16) -> Library {
    let docs = three_docs();
    let mut library = Library::new(
        docs,
        &Settings::defaults(),
        Theme::monochrome(),
        (width, height),
    );
    library.attach_analysis(0, fixture::analysis());
    library.attach_analysis(1, Analysis::default());
    library
}

fn press(library: &mut Library, keys: &str) {
    for key in keys.split_whitespace() {
        let key = Key::parse(key).expect("test keys parse");
        library.handle_key(KeyEvent::new(key.code, key.mods));
    }
}

fn type_text(library: &mut Library, text: &str) {
    for c in text.chars() {
        library.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn screen(library: &Library, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| super::view::library::draw(library, frame))
        .unwrap();
    terminal.backend().to_string()
}

fn reading(library: &Library) -> &str {
    &library.reader().expect("a reader is open").doc.title
}

#[test]
fn several_articles_open_on_the_list_of_all_of_them() {
    let library = library(100, 24);
    assert!(library.reader().is_none());
    let screen = screen(&library, 100, 24);
    assert!(
        screen.contains("River town weighs a new bridge"),
        "{screen}"
    );
    assert!(screen.contains("Harbour plans stall again"), "{screen}");
    assert!(screen.contains("analysing…"), "{screen}");
}

#[test]
fn enter_reads_the_selected_article() {
    let mut library = library(80, 24);
    press(&mut library, "j enter");
    assert_eq!(reading(&library), "Harbour plans stall again");
    let screen = screen(&library, 80, 24);
    assert!(
        screen.contains("Nothing was said about the harbour"),
        "{screen}"
    );
    assert!(screen.contains("article 2 of 3"), "{screen}");
}

#[test]
fn bracket_reads_the_next_article_and_the_previous() {
    let mut library = library(80, 24);
    press(&mut library, "enter ]");
    assert_eq!(reading(&library), "Harbour plans stall again");
    press(&mut library, "]");
    assert_eq!(reading(&library), "Orchard fair draws a crowd");
    press(&mut library, "]");
    let app = library.reader().unwrap();
    assert_eq!(
        app.message.as_deref(),
        Some("this is the last article of the list")
    );
    press(&mut library, "[ [");
    assert_eq!(reading(&library), "River town weighs a new bridge");
}

#[test]
fn back_returns_to_the_list_on_the_article_just_read() {
    let mut library = library(80, 24);
    press(&mut library, "enter ] backspace");
    assert!(library.reader().is_none());
    assert_eq!(library.selected(), Some(1));
    assert!(screen(&library, 80, 24).contains("Articles · 3 of 3"));
}

#[test]
fn a_reader_keeps_its_place_when_the_user_comes_back_to_it() {
    let mut library = library(80, 24);
    press(&mut library, "enter n n");
    let claim = library.reader().unwrap().claims.selected;
    assert!(claim.is_some());
    press(&mut library, "] [");
    assert_eq!(library.reader().unwrap().claims.selected, claim);
}

#[test]
fn an_analysis_that_arrives_while_reading_shows_in_the_reader() {
    let mut library = library(80, 24);
    press(&mut library, "G enter");
    assert!(library.reader().unwrap().analysing);
    library.attach_analysis(2, fixture::analysis());
    let app = library.reader().unwrap();
    assert!(!app.analysing);
    assert!(!app.analysis.claims.is_empty());
}

#[test]
fn the_sort_key_orders_by_the_next_column() {
    let mut library = library(80, 24);
    press(&mut library, "o");
    assert_eq!(library.sort, SortBy::Title);
    // Harbour, Orchard, River.
    assert_eq!(library.shown, vec![1, 2, 0]);
    press(&mut library, "o o o");
    assert_eq!(library.sort, SortBy::Claims);
    // Most claims first; the one still analysing last.
    assert_eq!(library.shown, vec![0, 1, 2]);
}

#[test]
fn the_status_bar_names_the_order_once_and_keeps_the_keys_in_view() {
    let mut library = library(100, 12);
    press(&mut library, "o");
    let status = screen(&library, 100, 12)
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert_eq!(status.matches("sorted by title").count(), 1, "{status}");
    assert!(status.contains("o sort"), "{status}");
}

#[test]
fn the_list_shows_each_articles_date_and_marks_and_sorts_by_them() {
    let mut docs = three_docs();
    // A page that says when it was published shows that day; the others
    // show when they were added to the library.
    docs[1].published = Some("2025-03-14T08:00:00Z".to_string());
    let mut library = Library::new(docs, &Settings::defaults(), Theme::monochrome(), (100, 12));
    library.set_kept(0, 2, 1_700_000_000); // 2023-11-14
    library.set_kept(2, 0, 1_600_000_000); // 2020-09-13
    let shown = screen(&library, 100, 12);
    for expected in ["Date", "Marks", "2023-11-14", "2025-03-14", "2020-09-13"] {
        assert!(shown.contains(expected), "{expected}: {shown}");
    }
    press(&mut library, "o o o");
    assert_eq!(library.sort, SortBy::Date);
    assert_eq!(library.shown, vec![1, 0, 2], "newest first");
    press(&mut library, "o o o");
    assert_eq!(library.sort, SortBy::Marks);
    assert_eq!(library.shown[0], 0, "most marks first");
    assert_snapshot!(screen(&library, 100, 12));
}

#[test]
fn sorting_by_date_reads_the_dates_however_the_pages_spell_them() {
    let mut docs = three_docs();
    docs[0].published = Some("2025-06-01T09:30:00Z".to_string());
    docs[1].published = Some("March 3, 2025".to_string());
    docs[2].published = Some("Mon, 01 Apr 2024 08:00:00 +0000".to_string());
    let mut library = Library::new(docs, &Settings::defaults(), Theme::monochrome(), (100, 12));
    press(&mut library, "o o o");
    assert_eq!(library.sort, SortBy::Date);
    assert_eq!(
        library.shown,
        vec![0, 1, 2],
        "June 2025, March 2025, April 2024"
    );
    // Every date shows as one kind of day.
    let shown = screen(&library, 100, 12);
    for expected in ["2025-06-01", "2025-03-03", "2024-04-01"] {
        assert!(shown.contains(expected), "{expected}: {shown}");
    }
}

#[test]
fn the_marks_column_follows_the_marks_made_in_the_reader() {
    let mut library = library(100, 12);
    press(&mut library, "enter n m");
    library.recount_marks();
    press(&mut library, "backspace");
    assert_eq!(library.entries[0].marks, 1);
}

#[test]
fn slash_filters_the_rows_by_title_or_source() {
    let mut library = library(80, 24);
    press(&mut library, "/");
    type_text(&mut library, "news/");
    assert_eq!(library.shown, vec![0, 1]);
    press(
        &mut library,
        "backspace backspace backspace backspace backspace",
    );
    type_text(&mut library, "orchard");
    press(&mut library, "enter");
    assert_eq!(library.shown, vec![2]);
    press(&mut library, "enter");
    assert_eq!(reading(&library), "Orchard fair draws a crowd");
}

#[test]
fn one_article_opens_straight_in_the_reader_with_no_list_to_go_back_to() {
    let docs = vec![Document::from_text("river-bridge.txt", TEXT)];
    let mut library = Library::new(docs, &Settings::defaults(), Theme::monochrome(), (80, 24));
    assert_eq!(reading(&library), "River town weighs a new bridge");
    press(&mut library, "backspace");
    let app = library.reader().expect("still reading");
    assert_eq!(app.message.as_deref(), Some(ONE_ARTICLE));
}

#[test]
fn q_quits_from_the_list_and_from_the_reader() {
    let mut library = library(80, 24);
    press(&mut library, "q");
    assert!(library.quit);
    let mut library = self::library(80, 24);
    press(&mut library, "enter q");
    assert!(library.quit);
}

#[test]
fn list_80x24() {
    assert_snapshot!(screen(&library(80, 24), 80, 24));
}

#[test]
fn list_wide_sorted_and_filtered() {
    let mut library = library(120, 30);
    press(&mut library, "o /");
    type_text(&mut library, "news");
    assert_snapshot!(screen(&library, 120, 30));
}

#[test]
fn list_help() {
    let mut library = library(80, 24);
    press(&mut library, "?");
    assert_snapshot!(screen(&library, 80, 24));
}

// ----- a feed's items ------------------------------------------------------

fn item(title: &str, link: &str) -> crate::input::Entry {
    crate::input::Entry {
        title: title.to_string(),
        date: Some("2025-03-14T08:30:00Z".to_string()),
        link: Some(link.to_string()),
        byline: None,
        content: None,
        feed: "news/feed.xml".to_string(),
    }
}

/// An article and two items of a feed, not read yet.
fn with_a_feed() -> Library {
    use crate::input::Listed;
    let mut library = Library::new(
        vec![
            Listed::Article(Document::from_text("news/river-bridge.txt", TEXT)),
            Listed::Item(item(
                "Harbour plans stall again",
                "https://news.example/harbour",
            )),
            Listed::Item(item(
                "Orchard fair draws a crowd",
                "https://news.example/orchard",
            )),
        ],
        &Settings::defaults(),
        Theme::monochrome(),
        (100, 12),
    );
    library.attach_analysis(0, fixture::analysis());
    library
}

#[test]
fn a_feeds_items_are_rows_of_the_list_fetched_when_opened() {
    let mut library = with_a_feed();
    let shown = screen(&library, 100, 12);
    assert!(shown.contains("Harbour plans stall again"), "{shown}");
    assert!(shown.contains("not read"), "{shown}");
    assert!(shown.contains("2025-03-14"), "the feed's date: {shown}");
    // Enter on an item asks for it to be fetched, once, and says so.
    press(&mut library, "j enter");
    assert!(library.reader().is_none());
    let fetches = library.take_fetches();
    assert_eq!(fetches.len(), 1);
    assert_eq!(fetches[0].0, 1);
    assert_eq!(
        fetches[0].1.link.as_deref(),
        Some("https://news.example/harbour")
    );
    press(&mut library, "enter");
    assert!(library.take_fetches().is_empty(), "fetched once");
    let shown = screen(&library, 100, 12);
    assert!(shown.contains("fetching…"), "{shown}");
    assert!(
        shown.contains("fetching https://news.example/harbour…"),
        "{shown}"
    );
    assert_snapshot!(shown);
    // Once read, the reader opens on it, and the analysis follows.
    library.fetched(
        1,
        Document::from_text("https://news.example/harbour", SECOND),
    );
    assert_eq!(reading(&library), "Harbour plans stall again");
    assert!(library.reader().unwrap().analysing);
    library.attach_analysis(1, Analysis::default());
    assert!(!library.reader().unwrap().analysing);
    assert!(library.entries[1].item.is_none());
}

#[test]
fn an_item_that_cannot_be_fetched_says_why_and_can_be_tried_again() {
    let mut library = with_a_feed();
    press(&mut library, "G enter");
    let [(entry, _)] = library.take_fetches()[..] else {
        panic!("one fetch");
    };
    library.fetch_failed(
        entry,
        "https://news.example/orchard: 404 Not Found".to_string(),
    );
    assert!(library.reader().is_none());
    let shown = screen(&library, 100, 12);
    assert!(shown.contains("404 Not Found"), "{shown}");
    assert!(shown.contains("not read"), "{shown}");
    press(&mut library, "enter");
    assert_eq!(library.take_fetches().len(), 1, "tried again");
}

#[test]
fn bracket_onto_an_item_fetches_it_and_reads_it_when_it_is_there() {
    let mut library = with_a_feed();
    press(&mut library, "enter");
    assert_eq!(reading(&library), "River town weighs a new bridge");
    press(&mut library, "]");
    assert_eq!(
        reading(&library),
        "River town weighs a new bridge",
        "until it is fetched"
    );
    let [(entry, _)] = library.take_fetches()[..] else {
        panic!("one fetch");
    };
    assert!(
        library
            .reader()
            .unwrap()
            .message
            .as_deref()
            .unwrap()
            .starts_with("fetching"),
        "the reader says so"
    );
    library.fetched(
        entry,
        Document::from_text("https://news.example/harbour", SECOND),
    );
    assert_eq!(reading(&library), "Harbour plans stall again");
}

#[test]
fn a_feed_of_one_item_is_a_list_too() {
    let library = Library::new(
        vec![crate::input::Listed::Item(item(
            "Harbour plans stall again",
            "https://news.example/harbour",
        ))],
        &Settings::defaults(),
        Theme::monochrome(),
        (100, 12),
    );
    assert!(library.reader().is_none());
}
