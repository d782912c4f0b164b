//! Every call of the store's API, on a library in a temporary folder.

use super::*;
use crate::analysis::{ClaimKind, Options};
use crate::document::Document;
use crate::span::Span;

const ARTICLE: &str = "Council vote on the bridge\n\n\
    Mayor Jane Roe said the bridge would open in May. \
    “We will not wait any longer,” Roe said on Tuesday.\n\n\
    Tom Okafor, a local engineer, said the budget was too small.";

fn library() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("whosaid/library.sqlite")).unwrap();
    (dir, store)
}

fn article() -> Document {
    Document::from_text("bridge.txt", ARTICLE)
}

fn span_of(text: &str, words: &str) -> Span {
    let start = text.find(words).expect("the words are in the text");
    Span::new(start, start + words.len())
}

#[test]
fn open_creates_the_folder_and_a_current_schema_in_wal_mode() {
    let (dir, store) = library();
    assert!(dir.path().join("whosaid/library.sqlite").is_file());
    let version: i64 = store
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = store
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_document_is_kept_once_per_text_and_read_back() {
    let (_dir, store) = library();
    let doc = article();
    let id = store.put_document(&doc, Visit::Added).unwrap();
    assert_eq!(store.put_document(&doc, Visit::Opened).unwrap(), id);
    assert_eq!(store.document(id).unwrap(), doc);
    assert_eq!(store.find(&content_hash(&doc.text)).unwrap(), Some(id));
    assert_eq!(store.find(&content_hash("other")).unwrap(), None);
    let entries = store.entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert!(entries[0].first_opened.is_some(), "opened the second time");
    assert_eq!(entries[0].title, "Council vote on the bridge");
}

#[test]
fn added_only_is_not_opened() {
    let (_dir, store) = library();
    store.put_document(&article(), Visit::Added).unwrap();
    let entry = &store.entries().unwrap()[0];
    assert_eq!((entry.first_opened, entry.last_opened), (None, None));
    assert_eq!(entry.claims, None, "no analysis kept yet");
}

#[test]
fn the_analysis_is_kept_and_read_back_whole() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Added).unwrap();
    let options = Options::default();
    assert_eq!(store.kept_analysis(id, &options).unwrap(), None);
    assert_eq!(store.unanalysed(&options).unwrap(), vec![id]);
    let made = store.analysis_for(id, &options).unwrap();
    assert_eq!(made, crate::analysis::analyze_with(ARTICLE, &options));
    assert_eq!(
        store.kept_analysis(id, &options).unwrap(),
        Some(made.clone())
    );
    assert!(store.unanalysed(&options).unwrap().is_empty());
    let entry = &store.entries().unwrap()[0];
    assert_eq!(entry.claims, Some(made.claims.len()));
    assert_eq!(entry.actors, Some(made.actors.len()));
}

#[test]
fn other_options_or_an_old_version_are_analysed_again() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Added).unwrap();
    store.analysis_for(id, &Options::default()).unwrap();
    let other = Options {
        cue_verbs: vec!["opine".into()],
        ..Options::default()
    };
    assert_eq!(store.kept_analysis(id, &other).unwrap(), None);
    // An analysis kept by an older engine is not used.
    store
        .conn
        .execute("UPDATE analyses SET version = version - 1", [])
        .unwrap();
    assert_eq!(store.kept_analysis(id, &Options::default()).unwrap(), None);
    store.analysis_for(id, &Options::default()).unwrap();
    let rows: i64 = store
        .conn
        .query_row("SELECT count(*) FROM analyses", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1, "the old version's analysis is replaced");
}

#[test]
fn a_kept_analysis_that_no_longer_reads_is_made_again() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Added).unwrap();
    store.analysis_for(id, &Options::default()).unwrap();
    store
        .conn
        .execute("UPDATE analyses SET data = '{\"not\": 1}'", [])
        .unwrap();
    let again = store.analysis_for(id, &Options::default()).unwrap();
    assert_eq!(
        again,
        crate::analysis::analyze_with(ARTICLE, &Options::default())
    );
}

#[test]
fn marks_are_set_found_and_removed() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    let claim = span_of(ARTICLE, "We will not wait any longer,");
    assert!(store.set_mark(id, claim, true).unwrap());
    assert!(!store.set_mark(id, claim, true).unwrap(), "marked once");
    let layer = store.user_layer(id).unwrap();
    assert!(layer.is_marked(claim));
    assert_eq!(layer.marks.len(), 1);
    assert!(store.set_mark(id, claim, false).unwrap());
    assert!(!store.user_layer(id).unwrap().is_marked(claim));
}

#[test]
fn a_note_is_set_replaced_and_deleted_when_emptied() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    let claim = span_of(ARTICLE, "the budget was too small");
    store
        .set_note(id, claim, "check this\nwith the council")
        .unwrap();
    assert_eq!(
        store.user_layer(id).unwrap().note_at(claim),
        Some("check this\nwith the council")
    );
    store.set_note(id, claim, "checked").unwrap();
    let layer = store.user_layer(id).unwrap();
    assert_eq!(layer.notes.len(), 1);
    assert_eq!(layer.note_at(claim), Some("checked"));
    store.set_note(id, claim, "  ").unwrap();
    assert!(store.user_layer(id).unwrap().notes.is_empty());
}

#[test]
fn the_reading_state_is_restored() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    assert_eq!(store.user_layer(id).unwrap().reading, None);
    let state = ReadingState {
        position: span_of(ARTICLE, "Tom Okafor"),
        filters: serde_json::json!({"actors": ["Tom Okafor"], "kind": "direct"}),
        pane: "claims".into(),
    };
    store.save_reading_state(id, &state).unwrap();
    assert_eq!(store.user_layer(id).unwrap().reading, Some(state));
}

#[test]
fn corrections_undo_and_redo_in_order() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    let claim = span_of(ARTICLE, "the bridge would open in May");
    let first = store
        .add_correction(
            id,
            Some(claim),
            Change::Kind {
                to: ClaimKind::Direct,
            },
        )
        .unwrap();
    let second = store
        .add_correction(
            id,
            None,
            Change::RenameActor {
                actor: "Roe".into(),
                to: "Jane Roe".into(),
            },
        )
        .unwrap();
    let layer = store.user_layer(id).unwrap();
    assert_eq!(
        layer.corrections.iter().map(|c| c.id).collect::<Vec<_>>(),
        [first, second]
    );
    assert_eq!(
        layer.corrections[0].place.and_then(Place::span),
        Some(claim)
    );
    assert_eq!(layer.corrections[1].place, None, "about an actor");
    assert!(layer.can_undo && !layer.can_redo);

    assert_eq!(store.undo(id).unwrap(), Some(second));
    assert_eq!(store.undo(id).unwrap(), Some(first));
    assert_eq!(store.undo(id).unwrap(), None);
    let layer = store.user_layer(id).unwrap();
    assert!(layer.corrections.is_empty() && !layer.can_undo && layer.can_redo);
    assert_eq!(
        store.redo(id).unwrap(),
        Some(first),
        "the last undone first"
    );
    assert_eq!(store.redo(id).unwrap(), Some(second));
    assert_eq!(store.redo(id).unwrap(), None);
    assert_eq!(store.user_layer(id).unwrap().corrections.len(), 2);
}

#[test]
fn a_new_correction_after_an_undo_ends_redo_but_keeps_the_row() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    let claim = span_of(ARTICLE, "the budget was too small");
    store
        .add_correction(id, Some(claim), Change::Dismiss)
        .unwrap();
    store.undo(id).unwrap();
    let to = SourceChoice::Actor {
        name: "Jane Roe".into(),
    };
    store
        .add_correction(id, Some(claim), Change::Source { to })
        .unwrap();
    assert_eq!(store.redo(id).unwrap(), None);
    let kept: i64 = store
        .conn
        .query_row("SELECT count(*) FROM corrections", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 2, "the abandoned correction is still in the file");
}

#[test]
fn a_correction_must_say_what_it_is_about() {
    let (_dir, store) = library();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    let claim = span_of(ARTICLE, "the budget was too small");
    let merge = Change::MergeActor {
        actor: "Roe".into(),
        into: "Jane Roe".into(),
    };
    assert!(matches!(
        store.add_correction(id, Some(claim), merge),
        Err(StoreError::InvalidCorrection(_))
    ));
    let new = Change::NewClaim {
        kind: ClaimKind::Indirect,
        source: SourceChoice::Nobody,
    };
    assert!(matches!(
        store.add_correction(id, None, new),
        Err(StoreError::InvalidCorrection(_))
    ));
}

#[test]
fn the_users_layer_follows_a_new_version_of_the_same_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("library.sqlite")).unwrap();
    let file = dir.path().join("bridge.txt");
    let path = file.display().to_string();
    std::fs::write(&file, ARTICLE).unwrap(); // the origin is the file's real path
    let old = Document::from_text(path.clone(), ARTICLE);
    let id = store.put_document(&old, Visit::Opened).unwrap();
    let claim = span_of(ARTICLE, "the budget was too small");
    store.set_note(id, claim, "check").unwrap();
    store
        .set_mark(id, span_of(ARTICLE, "the bridge would open"), true)
        .unwrap();

    let text = format!("Updated: a line on top.\n\n{ARTICLE}").replace(" would open", " opens");
    let new = Document::from_text(path, text.as_str());
    let id2 = store.put_document(&new, Visit::Opened).unwrap();
    assert_ne!(id, id2);
    let layer = store.user_layer(id2).unwrap();
    assert_eq!(
        layer.note_at(span_of(&text, "the budget was too small")),
        Some("check")
    );
    assert_eq!(
        layer.notes[0].place,
        Place::At {
            span: span_of(&text, "the budget was too small"),
            moved: true
        }
    );
    assert_eq!(layer.marks[0].place, Place::Orphaned, "its words changed");
    assert_eq!(layer.orphans(), 1);
}

#[test]
fn document_calls_on_a_missing_document_say_so() {
    let (_dir, store) = library();
    let missing = DocId(99);
    assert!(matches!(
        store.document(missing),
        Err(StoreError::UnknownDocument)
    ));
    assert!(matches!(
        store.user_layer(missing),
        Err(StoreError::UnknownDocument)
    ));
    assert!(matches!(
        store.set_mark(missing, Span::new(0, 1), true),
        Err(StoreError::UnknownDocument)
    ));
}

#[test]
fn what_an_actor_said_is_found_across_articles_by_any_name_in_any_case() {
    let (_dir, store) = library();
    let options = Options::default();
    let one = store.put_document(&article(), Visit::Added).unwrap();
    let other = Document::from_text(
        "later.txt",
        "Budget row\n\nJane Roe said the council had misled voters.",
    );
    let two = store.put_document(&other, Visit::Added).unwrap();
    for id in [one, two] {
        store.analysis_for(id, &options).unwrap();
    }
    let said = crate::across::claims_by(&store, "JANE ROE").unwrap();
    let titles: std::collections::BTreeSet<&str> = said.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Budget row", "Council vote on the bridge"].into(),
        "{said:#?}"
    );
    assert!(said.iter().any(|c| c.claim.contains("misled voters")));
    assert!(
        crate::across::claims_by(&store, "Nobody Atall")
            .unwrap()
            .is_empty()
    );

    let analysis = store.analysis_for(one, &options).unwrap();
    let roe = analysis
        .actors
        .iter()
        .find(|a| a.name == "Jane Roe")
        .expect("the analysis finds Jane Roe");
    let counts = store.elsewhere_counts(one, &analysis).unwrap();
    assert_eq!(counts.len(), analysis.actors.len());
    for (actor, count) in analysis.actors.iter().zip(&counts) {
        let expected = usize::from(actor.name == "Jane Roe");
        assert_eq!(
            *count, expected,
            "{} is in {count} other articles",
            actor.name
        );
    }
    let elsewhere = crate::across::elsewhere(&store, one, roe).unwrap();
    assert_eq!(elsewhere.articles, 1);
    assert!(elsewhere.claims.iter().all(|c| c.document == two));
    assert_eq!(elsewhere.claims[0].cue.as_deref(), Some("said"));
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    let bytes = b"these are my notes, not a database\n".repeat(200);
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("left untouched"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    assert!(!dir.path().join("library.sqlite-wal").exists());
}

#[test]
fn a_library_from_a_newer_whosaid_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    drop(Store::open(&path).unwrap());
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("refused");
    assert!(matches!(err, StoreError::Newer { .. }), "{err}");
    assert!(err.to_string().contains("update whosaid"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn the_library_is_in_xdg_data_home_else_under_home() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| std::ffi::OsString::from(v))
        }
    };
    const BOTH: &[(&str, &str)] = &[("XDG_DATA_HOME", "/data"), ("HOME", "/home/u")];
    assert_eq!(
        path_from(env(BOTH)),
        Some(PathBuf::from("/data/whosaid/library.sqlite"))
    );
    const HOME: &[(&str, &str)] = &[("XDG_DATA_HOME", ""), ("HOME", "/home/u")];
    assert_eq!(
        path_from(env(HOME)),
        Some(PathBuf::from("/home/u/.local/share/whosaid/library.sqlite"))
    );
    assert_eq!(path_from(env(&[])), None);
}

#[test]
fn a_library_in_memory_works_for_a_session_without_a_file() {
    let store = Store::open(Path::new(":memory:")).unwrap();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    let claim = span_of(ARTICLE, "the budget was too small");
    store.set_mark(id, claim, true).unwrap();
    assert!(store.user_layer(id).unwrap().is_marked(claim));
    assert!(!Path::new(":memory:").exists(), "no file was made");
}

#[test]
fn a_full_disk_keeps_everything_saved_before_and_says_so() {
    let (dir, store) = library();
    let id = store.put_document(&article(), Visit::Opened).unwrap();
    let marked = span_of(ARTICLE, "We will not wait any longer,");
    let noted = span_of(ARTICLE, "the budget was too small");
    store.set_mark(id, marked, true).unwrap();
    store.set_note(id, noted, "check this").unwrap();
    store
        .add_correction(
            id,
            Some(marked),
            Change::Kind {
                to: ClaimKind::Mixed,
            },
        )
        .unwrap();

    // The disk fills: a long note no longer fits.
    store.fill_disk_but(0);
    let long = "a note longer than the room left on the disk ".repeat(2_000);
    let error = store.set_note(id, noted, &long).unwrap_err();
    assert!(matches!(error, StoreError::Full { .. }), "{error:?}");
    let said = error.to_string();
    assert!(said.contains("library.sqlite"), "names the file: {said}");
    assert!(said.contains("disk is full"), "{said}");
    assert!(
        said.contains("everything saved before it is safe"),
        "{said}"
    );
    assert!(!said.contains('\n'), "one line: {said}");
    // Nor does a new document, nor its analysis.
    let other = Document::from_text("other.txt", "Tom Okafor said it would rain. ".repeat(500));
    assert!(matches!(
        store.put_document(&other, Visit::Opened),
        Err(StoreError::Full { .. })
    ));

    // Reopened (as after the disk is freed): all that was saved, unchanged.
    drop(store);
    let store = Store::open(&dir.path().join("whosaid/library.sqlite")).unwrap();
    let layer = store.user_layer(id).unwrap();
    assert!(layer.is_marked(marked));
    assert_eq!(
        layer.note_at(noted),
        Some("check this"),
        "the old note, whole"
    );
    assert_eq!(layer.corrections.len(), 1);
    assert_eq!(store.entries().unwrap().len(), 1, "no half-kept document");
    // And with room again, the change goes through.
    store.set_note(id, noted, &long).unwrap();
}

#[test]
fn what_an_actor_said_across_the_library_follows_the_users_corrections() {
    let (_dir, store, id) = library_with_article();
    let said = |store: &Store| said_by(store, "Jane Roe");
    let quote = "We will not wait any longer,";
    let before = said(&store);
    assert!(before.iter().any(|c| c == quote), "{before:?}");
    assert!(before.len() >= 2, "{before:?}");
    let other = before.iter().find(|c| *c != quote).unwrap().clone();

    // Dismissed: not a claim. Given to someone else: not hers.
    let span = span_of(ARTICLE, quote);
    store
        .add_correction(id, Some(span), Change::Dismiss)
        .unwrap();
    let to_okafor = Change::Source {
        to: SourceChoice::Actor {
            name: "Tom Okafor".to_string(),
        },
    };
    store
        .add_correction(id, Some(span_of(ARTICLE, &other)), to_okafor)
        .unwrap();
    let after = said(&store);
    assert!(!after.contains(&quote.to_string()), "{after:?}");
    assert!(!after.contains(&other), "{after:?}");
    // Undone, the source change gives it back; given back by name (any
    // case), it is hers again too.
    store.undo(id).unwrap();
    assert!(said(&store).contains(&other));
    let to_her = Change::Source {
        to: SourceChoice::Actor {
            name: "JANE ROE".to_string(),
        },
    };
    store
        .add_correction(id, Some(span_of(ARTICLE, &other)), to_her)
        .unwrap();
    assert!(said(&store).contains(&other));
    assert!(
        !said(&store).contains(&quote.to_string()),
        "still dismissed"
    );
}

#[test]
fn an_actor_the_user_renamed_or_named_is_found_across_the_library_by_that_name() {
    let (_dir, store, id) = library_with_article();
    let options = Options::default();
    let said = said_by;
    let later = Document::from_text("later.txt", "Budget row\n\nThe budget was cut again.");
    let two = store.put_document(&later, Visit::Added).unwrap();
    let analysis = store.analysis_for(two, &options).unwrap();
    let hers = said(&store, "Jane Roe");
    assert!(!hers.is_empty());

    // Renamed: found by the new name (and still by the old one).
    let rename = Change::RenameActor {
        actor: "Jane Roe".to_string(),
        to: "Mayor J. Roe".to_string(),
    };
    store.add_correction(id, None, rename).unwrap();
    assert_eq!(said(&store, "mayor j. roe"), hers);
    assert_eq!(said(&store, "Jane Roe"), hers);

    // A claim made for a new actor, in another article: found by its name,
    // and counted from the first article's actor of that name.
    let words = span_of(
        "Budget row\n\nThe budget was cut again.",
        "The budget was cut again.",
    );
    let new_claim = Change::NewClaim {
        kind: ClaimKind::Indirect,
        source: SourceChoice::Actor {
            name: "Tom Okafor".to_string(),
        },
    };
    assert!(analysis.claims.is_empty(), "{analysis:#?}");
    store.add_correction(two, Some(words), new_claim).unwrap();
    let his = crate::across::claims_by(&store, "TOM OKAFOR").unwrap();
    assert!(
        his.iter()
            .any(|c| c.claim == "The budget was cut again." && c.title == "Budget row"),
        "{his:#?}"
    );
    let first = store.analysis_for(id, &options).unwrap();
    let counts = store.elsewhere_counts(id, &first).unwrap();
    let okafor = first
        .actors
        .iter()
        .position(|a| a.name == "Tom Okafor")
        .unwrap();
    assert_eq!(
        counts[okafor], 1,
        "the other article, where the user named him"
    );
    let elsewhere = crate::across::elsewhere(&store, id, &first.actors[okafor]).unwrap();
    assert_eq!(elsewhere.articles, 1);
    assert_eq!(elsewhere.claims.len(), 1);
}

/// A library holding the article, analysed.
fn library_with_article() -> (tempfile::TempDir, Store, DocId) {
    let (dir, store) = library();
    let id = store.put_document(&article(), Visit::Added).unwrap();
    store.analysis_for(id, &Options::default()).unwrap();
    (dir, store, id)
}

/// What `name` said across the library, sorted.
fn said_by(store: &Store, name: &str) -> Vec<String> {
    let mut claims: Vec<String> = crate::across::claims_by(store, name)
        .unwrap()
        .into_iter()
        .map(|c| c.claim)
        .collect();
    claims.sort();
    claims
}
