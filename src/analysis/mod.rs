//! The analysis of an article into actors and the claims they make.
//!
//! `analyze_with()` is pure: a [`Document`] and a [`Lexicon`] in, [`Analysis`]
//! out, no I/O, deterministic. The stages, each in its own module, run in
//! one direction: the token table (tokens.rs: each token's lower-case form
//! and word lists, worked out once, which every later stage reads) →
//! segment (sentences, paragraphs) → quotes (pairing quotation marks)
//! → actors (mentions of people, organisations, places, groups) → attribution
//! (claims, their cues and sources) → actors again (aliases merged, pronouns
//! resolved) → hedges and figures.

pub mod actors;
pub mod attribution;
mod interning;
pub mod lexicon;
pub mod markers;
pub mod mentions;
mod open_table;
pub mod provenance;
pub mod quotes;
pub mod segment;
mod shared;
mod spare;
pub(crate) mod steps;
pub mod tokens;
pub mod wordlists;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

pub use lexicon::Lexicon;
pub use provenance::{Rule, Via};
pub use tokens::TokenTable;

/// The version of the analysis output: bumped whenever a change to the
/// rules changes what `analyze` returns (caches of analyses key on it).
pub const VERSION: u32 = 54;

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Organization,
    /// A country or city acting ("Washington", "Norway").
    Place,
    /// "Norwegian inspectors", "many teachers".
    Group,
    /// "one veteran gardener", "a senior official who asked not to be named".
    Anonymous,
    /// A document or anything else that speaks ("a joint statement").
    Other,
}

impl ActorKind {
    /// As the JSON export spells it (serde's name for it too).
    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Place => "place",
            ActorKind::Group => "group",
            ActorKind::Anonymous => "anonymous",
            ActorKind::Other => "other",
        }
    }
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

impl ClaimKind {
    /// Every kind, in the order the reader's `t` steps through them.
    pub const ALL: [ClaimKind; 3] = [ClaimKind::Direct, ClaimKind::Indirect, ClaimKind::Mixed];

    /// As every export and `--kind` spell it (the JSON value too).
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
            ClaimKind::Mixed => "mixed",
        }
    }

    /// The kind called `name`, as [`ClaimKind::name`] spells it.
    pub fn named(name: &str) -> Option<ClaimKind> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// What the kind means, in words.
    pub fn describe(self) -> &'static str {
        match self {
            ClaimKind::Direct => "words inside quotation marks",
            ClaimKind::Indirect => "reported speech without quotation marks",
            ClaimKind::Mixed => "reported speech with a quoted stretch",
        }
    }
}

/// Someone or something the article names or quotes, aliases merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The fullest plain name ("Maria Okafor"), without title.
    pub name: String,
    pub kind: ActorKind,
    /// The title found with the name ("Danish Minister"), if any.
    pub role: Option<String>,
    /// Other ways the article refers to the actor, without `name`.
    pub aliases: Vec<String>,
    /// Every mention in the text, sorted.
    pub mentions: Vec<Span>,
    /// Indices into [`Analysis::claims`] of the claims this actor is the source of.
    pub claims: Vec<usize>,
}

/// Who a claim is attributed to: the mention in the text and the actor it refers to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Index into [`Analysis::actors`]; `None` when the mention could not be resolved.
    pub actor: Option<usize>,
    pub span: Span,
    /// How the source was found.
    pub via: Via,
}

/// One attributed statement or position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: ClaimKind,
    /// Direct: the words inside the marks. Indirect: the reported content.
    /// Mixed: the reported content including its quoted stretches.
    pub span: Span,
    /// The quoted stretches inside `span` (for direct claims, `span` itself);
    /// always within `span`.
    pub quotes: Vec<Span>,
    pub source: Option<Source>,
    /// The verb or phrase that attributes the claim ("said", "according to").
    pub cue: Option<Span>,
    /// The sentence (or sentences, for a quote over several) the claim sits
    /// in; always holds `span`.
    pub sentence: Span,
    /// Hedges inside the claim ("reportedly", "might").
    pub hedges: Vec<Span>,
    /// The rule that made the claim.
    pub rule: Rule,
}

/// A number or amount in the text ("31 percent", "55 high-level coaches").
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub span: Span,
    /// Index into [`Analysis::claims`] of the claim the figure sits in.
    pub claim: Option<usize>,
}

/// Everything found in one article. Computed once, then only read.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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

/// A pair of quotation marks and what they enclose. (quotes.rs finds them.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// The words inside the marks, marks excluded.
    pub inner: Span,
    /// The marks included. A quote over several paragraphs runs from the
    /// first opening mark to the last closing one.
    pub outer: Span,
}

/// A stretch of text that may stand for an actor (mentions.rs finds them):
/// a name with its title or apposition, a group, an anonymous source, a
/// document, a pronoun.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The whole phrase as a source would show it: "Secretary of State Petra
    /// Hale", "Ingrid Sollen of the Coastal Rowing Club", "many teachers
    /// from both ends of the valley", "one veteran gardener", "he".
    pub span: Span,
    /// The plain name the phrase gives: "Petra Hale", "Ingrid Sollen",
    /// "teachers", "one veteran gardener"; for a pronoun, the pronoun.
    /// Inline up to 24 bytes, as most names are: a text has a mention every
    /// few words, and an allocation each cost as much as finding it
    /// (compare it through [`Mention::name`]).
    pub name: CompactString,
    pub kind: ActorKind,
    /// The title found with the name: "Secretary of State".
    pub role: Option<Box<str>>,
    /// Set for "he", "she", "they", "it", "we", "I", "who"…: resolved later.
    pub pronoun: bool,
    /// Inside quotation marks: a name there is someone mentioned, not a
    /// speaker of the surrounding text.
    pub in_quote: bool,
}

impl Mention {
    /// The plain name (see the field).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The title found with the name, if any.
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }
}

/// A claim as attribution.rs finds it, before actors are merged: its
/// source is an index into the mentions.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundClaim {
    pub kind: ClaimKind,
    pub span: Span,
    pub quotes: Vec<Span>,
    /// Index into the mentions of the phrase that is the claim's source.
    pub source: Option<usize>,
    pub cue: Option<Span>,
    pub sentence: Span,
    pub rule: Rule,
    /// How the source mention was found (meaningless without a source).
    pub via: Via,
}

/// Actors merged from mentions (actors.rs): each mention's actor, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    /// The actors, with mentions filled in but `claims` still empty.
    pub actors: Vec<Actor>,
    /// For each mention (same index), the actor it refers to.
    pub actor_of: Vec<Option<usize>>,
}

/// Analyses a document with what `lexicon` knows about words. Pure and
/// deterministic: only the document's text is read.
pub fn analyze(document: &Document, lexicon: &Lexicon) -> Analysis {
    analyze_text(&document.text, lexicon)
}

/// Analyses a text as [`analyze`] does a document's.
pub fn analyze_text(text: &str, lexicon: &Lexicon) -> Analysis {
    let table = TokenTable::new(text, lexicon);
    let sentences = segment::sentences(&table);
    let quotations = quotes::find(&table);
    let mentions = mentions::find(&table, &sentences, &quotations, lexicon);
    let mut found = attribution::find(&table, &sentences, &quotations, &mentions, lexicon);
    // The last questions for the token table, asked before the actors are
    // merged: the table, the largest structure, is gone by then.
    let hedges = found
        .iter()
        .map(|c| markers::hedges(&table, c.span))
        .collect();
    let figures = markers::figures(&table);
    let wrapped = table.wrapped;
    drop(table);
    let resolution = actors::resolve(
        text,
        wrapped,
        &sentences,
        &mentions,
        &mut found,
        &quotations,
        lexicon,
    );
    let analysis = assemble(
        text, &sentences, &mentions, found, hedges, figures, resolution,
    );
    spare::keep_mentions(mentions);
    analysis
}

/// Analyses a text with the built-in word lists and the additions of
/// `options` (building the [`Lexicon`] each time: to analyse many texts,
/// build it once and call [`analyze_text`]).
pub fn analyze_with(text: &str, options: &Options) -> Analysis {
    if *options == Options::default() {
        analyze_text(text, Lexicon::builtin())
    } else {
        analyze_text(text, &Lexicon::new(options))
    }
}

/// The claim's sentence when it holds the claim; otherwise (the second half
/// of a split quotation, found from the first half's sentence) the whole
/// sentences the claim's words cover.
fn sentence_holding(sentences: &[segment::Sentence], sentence: Span, claim: Span) -> Span {
    if sentence.contains(claim) {
        return sentence;
    }
    let first = sentences.partition_point(|s| s.span().end <= claim.start);
    let after = sentences.partition_point(|s| s.span().start < claim.end);
    sentences[first..after.max(first)]
        .iter()
        .fold(claim, |covered, s| covered.cover(s.span()))
}

/// The parts of `quotes` inside the claim: a quotation the claim starts or
/// ends within counts only as far as the claim goes.
fn quotes_within(quotes: Vec<Span>, claim: Span) -> Vec<Span> {
    quotes
        .into_iter()
        .filter(|q| q.overlaps(claim))
        .map(|q| Span::new(q.start.max(claim.start), q.end.min(claim.end)))
        .collect()
}

/// For each claim (sorted by start), the furthest end of it and the claims before.
fn reach_so_far(claims: &[Claim]) -> Vec<usize> {
    claims
        .iter()
        .scan(0, |reach, c| {
            *reach = c.span.end.max(*reach);
            Some(*reach)
        })
        .collect()
}

/// The first claim whose span holds `span`, in O(log n) instead of a scan
/// of every claim per figure: among the claims starting at or before it,
/// the first to reach its end is the first to hold it.
fn first_claim_holding(claims: &[Claim], reach: &[usize], span: Span) -> Option<usize> {
    let starting_before = claims.partition_point(|c| c.span.start <= span.start);
    let first = reach.partition_point(|&r| r < span.end);
    (first < starting_before).then_some(first)
}

/// How a source was found, told by its mention when the mention stands
/// for someone named elsewhere (a pronoun, a description) and was found
/// where it stands (the subject of a cue, the name after it). A dialogue's
/// via (turns, the speaker before) says more and is kept.
fn resolved_via(text: &str, mention: &Mention, actor: Option<&Actor>, found: Via) -> Via {
    // "the newspaper" standing for "The Valley Press".
    let named_before = || {
        actor.is_some_and(|a| a.kind == ActorKind::Organization && *a.name != *mention.name)
            && actors::is_organisation_description(text, mention)
    };
    if found.is_dialogue() {
        found
    } else if named_before() {
        Via::NamedBefore
    } else if mention.pronoun {
        let relative = ["who", "which", "that"]
            .iter()
            .any(|r| mention.name.eq_ignore_ascii_case(r));
        if relative {
            Via::Relative
        } else {
            Via::Pronoun
        }
    } else if shared::is_description(mention) {
        Via::Description
    } else {
        found
    }
}

/// Joins claims to actors and adds hedges and figures: `found` sorted by
/// span, as attribution gives them, each with its `hedges`.
fn assemble(
    text: &str,
    sentences: &[segment::Sentence],
    mentions: &[Mention],
    found: Vec<FoundClaim>,
    hedges: Vec<Vec<Span>>,
    figures: Vec<Span>,
    resolution: Resolution,
) -> Analysis {
    let Resolution {
        mut actors,
        actor_of,
    } = resolution;
    debug_assert!(found.is_sorted_by_key(|c| (c.span.start, c.span.end)));
    let claims: Vec<Claim> = found
        .into_iter()
        .zip(hedges)
        .map(|(c, hedges)| Claim {
            kind: c.kind,
            span: c.span,
            quotes: quotes_within(c.quotes, c.span),
            source: c.source.map(|m| Source {
                actor: actor_of[m],
                span: mentions[m].span,
                via: resolved_via(text, &mentions[m], actor_of[m].map(|a| &actors[a]), c.via),
            }),
            cue: c.cue,
            sentence: sentence_holding(sentences, c.sentence, c.span),
            hedges,
            rule: c.rule,
        })
        .collect();
    for (index, claim) in claims.iter().enumerate() {
        if let Some(actor) = claim.source.and_then(|s| s.actor) {
            actors[actor].claims.push(index);
        }
    }
    let reach = reach_so_far(&claims);
    let figures = figures
        .into_iter()
        .map(|span| Figure {
            span,
            claim: first_claim_holding(&claims, &reach, span),
        })
        .collect();
    Analysis {
        actors,
        claims,
        figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(start: usize, end: usize) -> Claim {
        let span = Span::new(start, end);
        Claim {
            kind: ClaimKind::Indirect,
            span,
            quotes: Vec::new(),
            source: None,
            cue: None,
            sentence: span,
            hedges: Vec::new(),
            rule: Rule::SubjectCueContent,
        }
    }

    #[test]
    fn a_figure_belongs_to_the_first_claim_holding_it() {
        // Sorted by start; a long claim early on holds figures far ahead.
        let claims = [(0, 5), (2, 30), (10, 20), (12, 40), (50, 60)].map(|(s, e)| claim(s, e));
        let reach = reach_so_far(&claims);
        for start in 0..65 {
            for end in start..66 {
                let span = Span::new(start, end);
                assert_eq!(
                    first_claim_holding(&claims, &reach, span),
                    claims.iter().position(|c| c.span.contains(span)),
                    "figure at {start}..{end}"
                );
            }
        }
    }

    /// Every claim's quotes lie inside it, and its sentence holds it.
    fn assert_nested(text: &str) {
        let analysis = analyze_with(text, &Options::default());
        assert!(!analysis.claims.is_empty(), "claims in {text:?}");
        for c in &analysis.claims {
            assert!(
                c.sentence.contains(c.span),
                "sentence {:?} of {:?} in {text:?}",
                c.sentence.of(text),
                c.span.of(text)
            );
            for q in &c.quotes {
                assert!(
                    c.span.contains(*q),
                    "quote {:?} of {:?}",
                    q.of(text),
                    c.span.of(text)
                );
            }
        }
    }

    #[test]
    fn the_second_half_of_a_split_quotation_gets_a_sentence_that_holds_it() {
        let text = "“We will win,” Ana Velo said, “and soon.”";
        assert_nested(text);
        let analysis = analyze_with(text, &Options::default());
        let second = analysis
            .claims
            .iter()
            .find(|c| c.span.of(text) == "and soon.")
            .expect("the second half is a claim");
        assert!(second.sentence.of(text).ends_with("and soon.”"));
    }

    #[test]
    fn a_claim_starting_inside_a_quotation_keeps_only_its_part_of_it() {
        // Texts a fuzzer made, with marks in orders no article uses.
        for text in [
            "according to \" , that \" today told ‹ told \" »",
            "according to we will win ‹ officials we will win » , “ « we will win \n\n",
            "according to . that « ‹ according to , according to \" . says : ›we will win‹",
        ] {
            assert_nested(text);
        }
    }
}
