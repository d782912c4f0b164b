//! Stories of an actor beyond one article: the actors pane says in how many
//! other articles of the library the selected actor appears, `L` lists what
//! it said there, and Enter reads that article at that claim (joining the
//! list, so the list key goes back). With snapshots of the pane and the list.

use std::collections::HashSet;
use std::path::Path;

use insta::assert_snapshot;

use super::app::{App, Effect, Overlay};
use super::fixture::{self, ORTIZ, press};
use super::library::Library as Keeper;
use super::library_view::Library;
use super::settings::Settings;
use super::theme::Theme;
use super::view::tests_support::screen;
use crate::analysis::{ActorKind, Analysis, ClaimKind, Options};
use crate::document::Document;
use crate::store::{DocId, Store, Visit};

const FERRY: &str = "Ferry crossing to stay open
Mayor Ana Ortiz said the ferry would run all winter. Pilots from the harbour agreed.
";

const MARKET: &str = "Market square reopens
The mayor was not there. Ana Ortiz told the paper that the square “is ours again.”
";

fn ferry() -> Analysis {
    fixture::Builder::new(FERRY)
        .actor(
            "Ana Ortiz",
            ActorKind::Person,
            Some("Mayor"),
            &["Mayor Ana Ortiz"],
        )
        .claim(
            ClaimKind::Indirect,
            "the ferry would run all winter",
            None,
            ("Mayor Ana Ortiz", 0),
            "said",
            &[],
        )
        .build()
}

fn market() -> Analysis {
    fixture::Builder::new(MARKET)
        .actor("Ana Ortiz", ActorKind::Person, None, &["Ana Ortiz"])
        .claim(
            ClaimKind::Mixed,
            "the square “is ours again.”",
            Some("is ours again."),
            ("Ana Ortiz", 0),
            "told",
            &[],
        )
        .build()
}

/// Two other articles that name the fixture's mayor, kept in the library
/// at `path` (as `whosaid add` keeps them); their ids.
fn keep_others(path: &Path) -> [DocId; 2] {
    let store = Store::open(path).unwrap();
    [
        ("ferry.txt", FERRY, ferry()),
        ("market.txt", MARKET, market()),
    ]
    .map(|(name, text, analysis)| {
        let id = store
            .put_document(&Document::from_text(name, text), Visit::Added)
            .unwrap();
        store
            .keep_analysis(id, &Options::default(), &analysis)
            .unwrap();
        id
    })
}

/// The fixture's reader with its library beside it, as the event loop has them.
struct Reading {
    app: App,
    keeper: Keeper,
    _dir: tempfile::TempDir,
}

impl Reading {
    fn open() -> (Reading, [DocId; 2]) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.sqlite");
        let others = keep_others(&path);
        let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
        let keeper = Keeper::open(&path, &doc).unwrap();
        let mut app = fixture::app(80, 24);
        keeper.attach(&mut app, &fixture::analysis(), true);
        let reading = Reading {
            app,
            keeper,
            _dir: dir,
        };
        (reading, others)
    }

    /// Presses keys, asking the library what the reader asks it.
    fn press(&mut self, keys: &str) -> Vec<Effect> {
        let mut left = Vec::new();
        for key in keys.split_whitespace() {
            press(&mut self.app, key);
            for effect in self.app.take_effects() {
                match effect {
                    Effect::Elsewhere { actor } => self.keeper.show_elsewhere(&mut self.app, actor),
                    effect => left.push(effect),
                }
            }
        }
        left
    }
}

#[test]
fn the_actors_pane_says_in_how_many_other_articles_the_actor_appears() {
    let (mut reading, _) = Reading::open();
    assert_eq!(reading.app.elsewhere_count(ORTIZ), Some(2));
    reading.press("3");
    let shown = screen(&reading.app, 80, 24);
    assert!(
        shown.contains("in 2 other articles · L lists the claims"),
        "{shown}"
    );
    assert_snapshot!("actors_pane_with_the_count_elsewhere", shown);
    // An actor no other article names says so.
    reading.press("j j");
    let actor = reading.app.actors.selected().unwrap();
    assert_eq!(reading.app.elsewhere_count(actor), Some(0));
    assert!(screen(&reading.app, 80, 24).contains("in no other article"));
    reading.press("L");
    assert!(reading.app.overlay.is_none());
    assert!(
        reading
            .app
            .message
            .as_deref()
            .unwrap()
            .contains("in no other article"),
        "{:?}",
        reading.app.message
    );
}

#[test]
fn without_a_library_file_nothing_is_counted() {
    let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
    let keeper = Keeper::in_memory(&doc).unwrap();
    let mut app = fixture::app(80, 24);
    keeper.attach(&mut app, &fixture::analysis(), true);
    assert_eq!(app.elsewhere_count(ORTIZ), None);
    press(&mut app, "3");
    assert!(!screen(&app, 80, 24).contains("other article"));
    press(&mut app, "L");
    assert!(app.overlay.is_none());
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("the library is off")
    );
}

#[test]
fn l_lists_what_the_actor_said_in_the_other_articles() {
    let (mut reading, [ferry_id, market_id]) = Reading::open();
    reading.press("3 L");
    let Some(Overlay::Elsewhere(list)) = &reading.app.overlay else {
        panic!("no list: {:?}", reading.app.message);
    };
    assert_eq!(list.articles, 2);
    let said: Vec<(&str, &str, Option<&str>)> = list
        .claims
        .iter()
        .map(|c| (c.claim.as_str(), c.title.as_str(), c.cue.as_deref()))
        .collect();
    assert!(
        said.contains(&(
            "the ferry would run all winter",
            "Ferry crossing to stay open",
            Some("said")
        )),
        "{said:?}"
    );
    assert!(
        said.contains(&(
            "the square “is ours again.”",
            "Market square reopens",
            Some("told")
        )),
        "{said:?}"
    );
    assert_snapshot!("the_list_of_claims_elsewhere", screen(&reading.app, 80, 24));
    // Enter on the second asks to read its article at that claim.
    let second = list.claims[1].clone();
    let effects = reading.press("j enter");
    assert_eq!(
        effects,
        [Effect::OpenArticle {
            document: second.document,
            claim: second.span
        }]
    );
    assert!([ferry_id, market_id].contains(&second.document));
    // Esc closes the list and leaves the reader as it was.
    reading.press("L esc");
    assert!(reading.app.overlay.is_none());
}

#[test]
fn enter_in_the_list_reads_the_other_article_at_that_claim_and_the_list_goes_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.sqlite");
    let [_, market_id] = keep_others(&path);
    let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
    let keepers = vec![Some(Keeper::open(&path, &doc).unwrap())];
    let mut library = Library::new(
        vec![doc],
        &Settings::defaults(),
        Theme::monochrome(),
        (80, 24),
    );
    library.attach_analysis(0, fixture::analysis());
    let claim = market().claims[0].span;
    let mut reader = super::Reader {
        library,
        keepers,
        attached: HashSet::from([0]),
        analyser: std::sync::Arc::new(super::library::Analyser::new(
            Options::default(),
            Some(&path),
        )),
        library_path: Some(&path),
        waker: std::sync::mpsc::channel().0,
        limits: crate::input::Limits::default(),
    };
    reader.read(0, market_id, claim);
    let library = &mut reader.library;
    let app = library.reader().expect("reading");
    assert_eq!(app.doc.title, "Market square reopens");
    let selected = app.claims.selected.expect("the claim picked is selected");
    assert_eq!(app.analysis.claims[selected].span, claim);
    // The article joined the list: the list key goes back to both.
    assert_eq!(library.entries.len(), 2);
    press_library(library, "backspace");
    assert!(library.reader().is_none());
    assert_eq!(library.shown.len(), 2);
}

fn press_library(library: &mut Library, keys: &str) {
    for key in keys.split_whitespace() {
        let key = super::keymap::Key::parse(key).unwrap();
        library.handle_key(crossterm::event::KeyEvent::new(key.code, key.mods));
    }
}

#[test]
fn the_key_is_in_the_help_and_the_actors_panes_hints() {
    let mut app = fixture::app(120, 60);
    let hints = app.keymap.hints(super::keymap::Pane::Actors);
    assert!(hints.contains(&("L".to_string(), "elsewhere")), "{hints:?}");
    press(&mut app, "?");
    let help = screen(&app, 120, 60);
    assert!(
        help.contains("the actor's claims in the other articles of the library"),
        "{help}"
    );
}
