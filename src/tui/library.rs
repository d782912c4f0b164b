//! The reader's side of the library: the article's place in it, each edit
//! stored as it is made (marks, notes, corrections, undo and redo), the
//! user's layer read back for the app, and the reading position kept on
//! quitting. Without a library (`--no-library`, or one that cannot be
//! opened) the same happens in memory, for the session only.

use std::path::Path;

use super::app::{App, Edit, Reading};
use crate::analysis::Analysis;
use crate::corrected::from_layer;
use crate::document::Document;
use crate::safe_text::for_terminal;
use crate::store::{DocId, ReadingState, Store, StoreError, UserLayer, Visit, content_hash};

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
        let id = match store.find(&content_hash(&doc.text))? {
            Some(id) => id,
            None => store.put_document(doc, Visit::Opened)?,
        };
        Ok(Library { store, id, kept })
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
    }

    /// Stores an edit the app asked for and shows the result.
    pub fn carry_out(&self, app: &mut App, original: &Analysis, edit: &Edit) {
        match self.store(edit) {
            Ok(()) => self.attach(app, original, false),
            Err(e) => app.message = Some(for_terminal(&format!("not kept: {e}")).into_owned()),
        }
    }
}
