//! The analysis of an article into actors and the claims they make.
//!
//! `analyze()` is pure: text in, [`Analysis`] out, no I/O, deterministic.
//! The stages, each in its own module, run in one direction:
//! segment (tokens, sentences, paragraphs) → quotes (pairing quotation marks)
//! → actors (mentions of people, organisations, places, groups) → attribution
//! (claims, their cues and sources) → actors again (aliases merged, pronouns
//! resolved) → hedges and figures.

pub mod segment;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    /// A country or city acting ("Washington", "Mexico").
    Place,
    /// "Mexican officials", "many analysts".
    Group,
    /// "one local editor", "a senior official who asked not to be named".
    Anonymous,
    /// A document or anything else that speaks ("a joint statement").
    Other,
}

/// How a claim is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech or a stated position without quotation marks.
    Indirect,
    /// Reported speech that contains a quoted stretch.
    Mixed,
}

/// Someone or something the article names or quotes, aliases merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The fullest plain name ("Claudia Sheinbaum"), without title.
    pub name: String,
    pub kind: ActorKind,
    /// The title found with the name ("Mexican President"), if any.
    pub role: Option<String>,
    /// Other ways the article refers to the actor, without `name`.
    pub aliases: Vec<String>,
    /// Every mention in the text, sorted.
    pub mentions: Vec<Span>,
    /// Indices into [`Analysis::claims`] of the claims this actor is the source of.
    pub claims: Vec<usize>,
}

/// Who a claim is attributed to: the mention in the text and the actor it refers to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source {
    /// Index into [`Analysis::actors`]; `None` when the mention could not be resolved.
    pub actor: Option<usize>,
    pub span: Span,
}

/// One attributed statement or position.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Direct: the words inside the marks. Indirect: the reported content.
    /// Mixed: the reported content including its quoted stretches.
    pub span: Span,
    /// The quoted stretches inside `span` (for direct claims, `span` itself).
    pub quotes: Vec<Span>,
    pub source: Option<Source>,
    /// The verb or phrase that attributes the claim ("said", "according to").
    pub cue: Option<Span>,
    /// The sentence (or sentences, for a quote over several) the claim sits in.
    pub sentence: Span,
    /// Hedges inside the claim ("reportedly", "might").
    pub hedges: Vec<Span>,
}

/// A number or amount in the text ("31 percent", "55 high-level operatives").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    pub span: Span,
    /// Index into [`Analysis::claims`] of the claim the figure sits in.
    pub claim: Option<usize>,
}

/// Everything found in one article. Computed once, then only read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub actors: Vec<Actor>,
    /// Sorted by `span.start`.
    pub claims: Vec<Claim>,
    /// Sorted by `span.start`.
    pub figures: Vec<Figure>,
}

/// Additions to the built-in word lists and alias rules, from config.toml.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Extra cue verbs or phrases ("opined", "made the case"), any inflection.
    pub cue_verbs: Vec<String>,
    /// Extra titles that may precede a name ("Ombudsman").
    pub titles: Vec<String>,
    /// Actors whose mentions the rules would not merge on their own.
    pub actors: Vec<ActorAlias>,
}

/// A user-declared actor: every alias is merged into one actor called `name`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorAlias {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: Option<ActorKind>,
}

/// Analyses an article's text. Pure and deterministic.
pub fn analyze(text: &str, options: &Options) -> Analysis {
    let _ = (text, options);
    Analysis::default()
}
