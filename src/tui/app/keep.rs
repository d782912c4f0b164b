//! What the reader keeps and takes away: the actor filter, marks for
//! export, the export dialog's claims, and a claim copied as a quote.

use super::super::dialog::ExportDialog;
use super::super::keymap::{Action, Pane};
use super::{App, Effect, Overlay};

impl App {
    pub(super) fn toggle_filter(&mut self) {
        let actor = match self.focus {
            Pane::Actors => self.actors.selected(),
            _ => self
                .claims
                .selected
                .and_then(|c| self.analysis.claims[c].source?.actor),
        };
        let Some(actor) = actor else {
            self.message = Some("no actor here to filter by".to_string());
            return;
        };
        // The status bar shows the filter itself; the message says what
        // changed and how to undo it.
        let name = &self.analysis.actors[actor].name;
        self.message = Some(if !self.claims.filter.toggle_actor(actor) {
            format!("removed {name} from the filter")
        } else {
            format!(
                "added {name} to the filter · {} clears it",
                self.keymap.label(Action::ClearFilter)
            )
        });
        self.refilter();
    }

    /// Why the claims pane is empty, and which keys bring claims back: the
    /// actor filter and the kind filter are cleared by different keys.
    pub fn why_no_claims_shown(&self) -> String {
        if self.analysing {
            return super::STILL_ANALYSING.to_string();
        }
        if self.analysis.claims.is_empty() {
            return "no claims found in this article".to_string();
        }
        let mut ways = Vec::new();
        if self.claims.filter.actors.is_some() {
            let key = self.keymap.label(Action::ClearFilter);
            ways.push(format!("{key} clears the actor filter"));
        }
        if !self.claims.filter.kinds.is_empty() {
            let key = self.keymap.label(Action::KindFilter);
            ways.push(format!("{key} changes the kind"));
        }
        format!("no claims match the filter: {}", ways.join(" · "))
    }

    /// The names of the actors in the filter, for the status bar.
    pub fn filter_names(&self) -> String {
        let names: Vec<&str> = self
            .claims
            .filter
            .actors
            .iter()
            .flatten()
            .map(|&a| self.analysis.actors[a].name.as_str())
            .collect();
        names.join(" or ")
    }

    pub(super) fn open_export(&mut self) {
        // The marked claims whatever the filter shows, else the shown ones.
        // Dismissed claims are not claims: they are not exported, marked
        // before or not.
        let dismissed = |c: &usize| self.annotation(*c).dismissed;
        let marked_claims = self.marked();
        let marked = !marked_claims.is_empty();
        let claims: Vec<usize> = if marked {
            marked_claims
        } else {
            self.claims
                .shown
                .iter()
                .copied()
                .filter(|c| !dismissed(c))
                .collect()
        };
        if claims.is_empty() {
            self.message = Some("no claims to export".to_string());
            return;
        }
        let mut dialog = ExportDialog::new(&self.doc.source, claims, marked);
        dialog.folder = std::env::current_dir().unwrap_or_default();
        dialog.home = std::env::var_os("HOME").map(std::path::PathBuf::from);
        self.overlay = Some(Overlay::Export(dialog));
    }

    pub(super) fn copy_selected(&mut self) {
        let Some(c) = self.claims.selected else {
            self.message = Some(self.no_claim_selected("to copy"));
            return;
        };
        let quote = self.markdown_quote(c);
        self.effects.push(Effect::Copy(quote));
        self.message = Some("copied the claim to the clipboard".to_string());
    }

    /// A claim as a Markdown block quote with its source.
    pub fn markdown_quote(&self, claim: usize) -> String {
        let c = &self.analysis.claims[claim];
        let text = c.span.of(&self.doc.text);
        let mut out: String = text.lines().map(|l| format!("> {l}\n")).collect();
        out.push_str(&format!(">\n> — {}\n", self.source_label(claim)));
        out
    }

    /// The source's name and role, or its words, or "unattributed".
    pub fn source_label(&self, claim: usize) -> String {
        let Some(source) = self.analysis.claims[claim].source else {
            return "unattributed".to_string();
        };
        match source.actor.map(|a| &self.analysis.actors[a]) {
            Some(a) => match &a.role {
                Some(role) => format!("{}, {role}", a.name),
                None => a.name.clone(),
            },
            None => source.span.of(&self.doc.text).to_string(),
        }
    }
}
