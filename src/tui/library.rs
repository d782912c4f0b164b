//! The reader's side of the library: the article's place in it, its
//! analysis kept (made once, by whoever needs it first), each edit stored
//! as it is made (marks, notes, corrections, undo and redo), the user's
//! layer read back for the app, where its actors appear in the other
//! articles, and the reading position kept on quitting. Without a library (`--no-library`, or one that cannot be
//! opened) the same happens in memory, for the session only.

use std::path::{Path, PathBuf};

use super::app::{App, Edit, Reading};
use crate::analysis::{self, Analysis, Lexicon, Options};
use crate::corrected::from_layer;
use crate::document::Document;
use crate::safe_text::for_terminal;
use crate::store::{DocId, ReadingState, Store, StoreError, UserLayer, Visit};

/// The open library and the article's id in it.
pub struct Library {
    store: Store,
    id: DocId,
    /// Whether it is kept in a file (else in memory, for this session).
    pub kept: bool,
}

impl Library {
    /// The article in the library at `path` (it is added when new).
    pub fn open(path: &Path, doc: &Document) -> Result<Library, StoreError> {
        Library::at(path, doc, true)
    }

    /// A library in memory, gone when the reader quits.
    pub fn in_memory(doc: &Document) -> Result<Library, StoreError> {
        Library::at(Path::new(":memory:"), doc, false)
    }

    fn at(path: &Path, doc: &Document, kept: bool) -> Result<Library, StoreError> {
        let store = Store::open(path)?;
        // Put again when known: that records when it was last opened.
        let id = store.put_document(doc, Visit::Opened)?;
        Ok(Library { store, id, kept })
    }

    /// The article's id in the library.
    pub fn id(&self) -> DocId {
        self.id
    }

    /// The open library.
    pub fn library(&self) -> &Store {
        &self.store
    }

    /// The library's row for the article: its marks, when it was added.
    pub fn entry(&self) -> Result<crate::store::Entry, StoreError> {
        self.store.entry(self.id)
    }

    /// Stores one edit, in one transaction.
    pub fn store(&self, edit: &Edit) -> Result<(), StoreError> {
        let (store, id) = (&self.store, self.id);
        match edit {
            Edit::Mark { span, on } => store.set_mark(id, *span, *on).map(drop),
            Edit::Note { span, body } => store.set_note(id, *span, body),
            Edit::Correct { span, change } => {
                store.add_correction(id, *span, change.clone()).map(drop)
            }
            Edit::Undo => store.undo(id).map(drop),
            Edit::Redo => store.redo(id).map(drop),
        }
    }

    /// The user's layer, placed in the article's text.
    pub fn layer(&self) -> Result<UserLayer, StoreError> {
        self.store.user_layer(self.id)
    }

    pub fn save_reading(&self, reading: &Reading) -> Result<(), StoreError> {
        self.store.save_reading_state(
            self.id,
            &ReadingState {
                position: reading.position,
                filters: reading.filters.clone(),
                pane: reading.pane.clone(),
            },
        )
    }

    /// Shows the user's layer over `original` in the app; with `restore`,
    /// the reader also goes back where it was when the article was last read.
    pub fn attach(&self, app: &mut App, original: &Analysis, restore: bool) {
        match self.layer() {
            Ok(layer) => {
                app.attach_corrected(from_layer(original, &layer));
                if let Some(r) = layer.reading.as_ref().filter(|_| restore) {
                    app.restore(&Reading {
                        position: r.position,
                        filters: r.filters.clone(),
                        pane: r.pane.clone(),
                    });
                }
            }
            Err(e) => app.message = Some(for_terminal(&format!("library: {e}")).into_owned()),
        }
        self.count_elsewhere(app);
    }

    /// For each actor the reader shows, how many other articles of the
    /// library name it (a library in memory has no others: nothing shown).
    pub fn count_elsewhere(&self, app: &mut App) {
        if !self.kept {
            return;
        }
        match self.store.elsewhere_counts(self.id, &app.analysis) {
            Ok(counts) => app.actors.elsewhere = counts,
            Err(e) => app.message = Some(for_terminal(&format!("library: {e}")).into_owned()),
        }
    }

    /// Opens the list of what an actor of the reader said in the other
    /// articles of the library.
    pub fn show_elsewhere(&self, app: &mut App, actor: usize) {
        let Some(who) = app.analysis.actors.get(actor) else {
            return;
        };
        match crate::across::elsewhere(&self.store, self.id, who) {
            Ok(found) => app.show_elsewhere(actor, found),
            Err(e) => app.message = Some(for_terminal(&format!("library: {e}")).into_owned()),
        }
    }

    /// Stores an edit the app asked for and shows the result.
    pub fn carry_out(&self, app: &mut App, original: &Analysis, edit: &Edit) {
        let stored = self.store(edit);
        // Either way the reader shows what the library holds: after a
        // failure, the change undone on screen too.
        self.attach(app, original, false);
        if let Err(e) = stored {
            app.message = Some(for_terminal(&format!("not kept: {e}")).into_owned());
        }
    }
}

/// How the articles of the list are analysed, shared by the threads that
/// do it: with the options (which key a kept analysis) and the word lists
/// built from them once, each article's analysis made once: the one the
/// library at `library` keeps, else made now and kept there for next time.
pub struct Analyser {
    pub options: Options,
    lexicon: Lexicon,
    library: Option<PathBuf>,
}

impl Analyser {
    pub fn new(options: Options, library: Option<&Path>) -> Analyser {
        Analyser {
            lexicon: Lexicon::new(&options),
            options,
            library: library.map(Path::to_owned),
        }
    }

    /// The analysis of `text`, document `id` of the library. Without a
    /// library, or when it cannot be used (it is busy, the disk is full),
    /// the analysis is made and not kept.
    pub fn analyse(&self, id: Option<DocId>, text: &str) -> Analysis {
        let store = self.library.as_deref().zip(id);
        let store = store.and_then(|(p, id)| Some((Store::open(p).ok()?, id)));
        if let Some((store, id)) = &store
            && let Ok(Some(kept)) = store.kept_analysis(*id, &self.options)
        {
            return kept;
        }
        let made = analysis::analyze_text(text, &self.lexicon);
        if let Some((store, id)) = &store {
            // Not kept is no loss: it is made again next time.
            let _ = store.keep_analysis(*id, &self.options, &made);
        }
        made
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::fixture;

    #[test]
    fn an_article_is_analysed_once_and_its_analysis_kept_for_next_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.sqlite");
        let doc = Document::from_text("river-bridge.txt", fixture::TEXT);
        let id = Library::open(&path, &doc).unwrap().id();
        let analyser = Analyser::new(Options::default(), Some(&path));
        let made = analyser.analyse(Some(id), &doc.text);
        let store = Store::open(&path).unwrap();
        assert_ne!(
            made,
            fixture::analysis(),
            "the engine's analysis is not the fixture's"
        );
        assert_eq!(
            store.kept_analysis(id, &Options::default()).unwrap(),
            Some(made)
        );
        // Next time the kept one is read, not made again: a kept analysis
        // (here the fixture's, unlike what the engine finds) comes back.
        store
            .keep_analysis(id, &Options::default(), &fixture::analysis())
            .unwrap();
        assert_eq!(analyser.analyse(Some(id), &doc.text), fixture::analysis());
        // Without a library it is made, and kept nowhere.
        let alone = Analyser::new(Options::default(), None);
        assert_eq!(
            alone.analyse(None, &doc.text),
            analysis::analyze_text(&doc.text, Lexicon::builtin())
        );
    }
}
