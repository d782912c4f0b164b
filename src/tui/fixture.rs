//! A small invented article with a hand-built analysis, for tests that must
//! not depend on what the analysis engine finds.

use super::settings::Settings;
use crate::analysis::{Actor, ActorKind, Analysis, Claim, ClaimKind, Figure, Rule, Source, Via};
use crate::document::Document;
use crate::span::Span;

use super::app::App;
use super::keymap::Key;
use super::theme::Theme;

pub const TEXT: &str = "River town weighs a new bridge
Mayor Ana Ortiz said the bridge “will open by spring, whatever it costs.” Engineers from the Delta Institute warned that the river bed might shift, according to a survey.
The council has approved 12 million dollars for the work. “We have waited long enough,” the mayor told reporters. Residents, however, say the old ferry still works.
A spokesperson for the Delta Institute stated the group would publish its full survey next month, and that “nothing is certain yet.”
";

/// Builds an analysis by naming spans with words of the text.
pub struct Builder {
    text: &'static str,
    analysis: Analysis,
}

impl Builder {
    pub fn new(text: &'static str) -> Builder {
        Builder {
            text,
            analysis: Analysis::default(),
        }
    }

    /// The span of the first occurrence of `words`.
    pub fn span(&self, words: &str) -> Span {
        let start = self
            .text
            .find(words)
            .unwrap_or_else(|| panic!("{words:?} is not in the fixture"));
        Span::new(start, start + words.len())
    }

    pub fn actor(
        mut self,
        name: &str,
        kind: ActorKind,
        role: Option<&str>,
        mentions: &[&str],
    ) -> Builder {
        let mentions = mentions.iter().map(|m| self.span(m)).collect();
        self.analysis.actors.push(Actor {
            name: name.to_string(),
            kind,
            role: role.map(str::to_string),
            aliases: Vec::new(),
            mentions,
            claims: Vec::new(),
        });
        self
    }

    /// A claim; `quote` is the quoted stretch inside it, if any.
    pub fn claim(
        mut self,
        kind: ClaimKind,
        content: &str,
        quote: Option<&str>,
        source: (&str, usize),
        cue: &str,
        hedges: &[&str],
    ) -> Builder {
        let span = self.span(content);
        let claim = Claim {
            kind,
            span,
            quotes: quote.map(|q| self.span(q)).into_iter().collect(),
            source: Some(Source {
                actor: Some(source.1),
                span: self.span(source.0),
                via: Via::Subject,
            }),
            cue: Some(self.span(cue)),
            sentence: span,
            hedges: hedges.iter().map(|h| self.span(h)).collect(),
            rule: Rule::SubjectCueContent,
        };
        let index = self.analysis.claims.len();
        self.analysis.actors[source.1].claims.push(index);
        self.analysis.claims.push(claim);
        self
    }

    pub fn figure(mut self, words: &str) -> Builder {
        let span = self.span(words);
        let claim = self
            .analysis
            .claims
            .iter()
            .position(|c| c.span.contains(span));
        self.analysis.figures.push(Figure { span, claim });
        self
    }

    pub fn build(self) -> Analysis {
        self.analysis
    }
}

pub const ORTIZ: usize = 0;
pub const DELTA: usize = 1;
pub const RESIDENTS: usize = 2;

/// The fixture's analysis: three actors, five claims in text order.
pub fn analysis() -> Analysis {
    use ClaimKind::*;
    Builder::new(TEXT)
        .actor("Ana Ortiz", ActorKind::Person, Some("Mayor"), &["Mayor Ana Ortiz", "the mayor"])
        .actor("Delta Institute", ActorKind::Organization, None, &["Engineers from the Delta Institute", "A spokesperson for the Delta Institute"])
        .actor("Residents", ActorKind::Group, None, &["Residents"])
        .claim(Mixed, "the bridge “will open by spring, whatever it costs.”", Some("will open by spring, whatever it costs."), ("Mayor Ana Ortiz", ORTIZ), "said", &[])
        .claim(Indirect, "the river bed might shift", None, ("Engineers from the Delta Institute", DELTA), "warned", &["might"])
        .claim(Direct, "We have waited long enough,", Some("We have waited long enough,"), ("the mayor", ORTIZ), "told", &[])
        .claim(Indirect, "the old ferry still works", None, ("Residents", RESIDENTS), "say", &[])
        .claim(Mixed, "the group would publish its full survey next month, and that “nothing is certain yet.”", Some("nothing is certain yet."), ("A spokesperson for the Delta Institute", DELTA), "stated", &[])
        .figure("12 million dollars")
        .build()
}

/// The reader on the fixture at a given size, with the monochrome theme so
/// snapshots do not depend on colours.
pub fn app(width: u16, height: u16) -> App {
    app_on(
        Document::from_text("river-bridge.txt", TEXT),
        analysis(),
        width,
        height,
    )
}

pub fn app_on(doc: Document, analysis: Analysis, width: u16, height: u16) -> App {
    App::new(
        doc,
        analysis,
        &Settings::defaults(),
        Theme::monochrome(),
        (width, height),
    )
}

/// Presses keys written as config.toml writes them, separated by spaces.
pub fn press(app: &mut App, keys: &str) {
    for key in keys.split_whitespace() {
        let key = Key::parse(key).expect("test keys parse");
        app.handle_key(crossterm::event::KeyEvent::new(key.code, key.mods));
    }
}

/// Types text into a prompt, character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ));
    }
}

/// The text from the cursor on.
pub fn at_cursor(app: &App) -> &str {
    &app.doc.text[app.text.cursor..]
}

/// Presses `j` until the cursor is on the row that starts with `row`.
pub fn down_to(app: &mut App, row: &str) {
    while !at_cursor(app).starts_with(row) {
        press(app, "j");
    }
}
