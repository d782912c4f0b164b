//! A small hand-made analysis of a non-ASCII article, so each export format
//! can be tested without depending on what the analysis finds.

use crate::analysis::{Actor, ActorKind, Analysis, Claim, ClaimKind, Figure, Rule, Source, Via};
use crate::document::Document;
use crate::export::{Render, Request};
use crate::span::Span;

pub const TEXT: &str = "Café budget fight 🚀\n\
“We won’t back down,” Mayor Élise Durand said on Tuesday.\n\
Durand said that 31 percent of the budget would reportedly go to schools.\n\
Zoë O’Neill, 42, argued the plan was “naïve” and might fail.\n\
Critics called it “a turning point” for the city.\n";

/// The span of the first `needle` at or after the first `anchor`.
fn at(anchor: &str, needle: &str) -> Span {
    let from = TEXT.find(anchor).expect("anchor in sample");
    let start = from + TEXT[from..].find(needle).expect("needle in sample");
    Span::new(start, start + needle.len())
}

fn line(anchor: &str) -> Span {
    let start = TEXT.find(anchor).unwrap();
    Span::new(start, start + TEXT[start..].find('\n').unwrap())
}

/// The document and its analysis: two actors (one with a role and an alias),
/// a direct, an indirect and a mixed claim, and a claim whose source is not
/// resolved to an actor; two figures, one outside every claim.
pub fn analysis() -> (Document, Analysis) {
    let doc = Document::from_text("notes/café.txt", TEXT);
    let direct = at("“We", "We won’t back down,");
    let indirect = at(
        "Durand said",
        "31 percent of the budget would reportedly go to schools",
    );
    let mixed = at("argued", "the plan was “naïve” and might fail");
    let critics = at("Critics", "a turning point");
    let claims = vec![
        Claim {
            kind: ClaimKind::Direct,
            span: direct,
            quotes: vec![direct],
            source: Some(Source {
                actor: Some(0),
                span: at("Mayor", "Mayor Élise Durand"),
                via: Via::Subject,
            }),
            cue: Some(at("Durand said on", "said")),
            sentence: line("“We"),
            hedges: vec![],
            rule: Rule::QuoteThenFrame,
        },
        Claim {
            kind: ClaimKind::Indirect,
            span: indirect,
            quotes: vec![],
            source: Some(Source {
                actor: Some(0),
                span: at("Durand said", "Durand"),
                via: Via::Subject,
            }),
            cue: Some(at("Durand said", "said")),
            sentence: line("Durand said"),
            hedges: vec![at("Durand said", "reportedly")],
            rule: Rule::SubjectCueContent,
        },
        Claim {
            kind: ClaimKind::Mixed,
            span: mixed,
            quotes: vec![at("argued", "naïve")],
            source: Some(Source {
                actor: Some(1),
                span: at("Zoë", "Zoë O’Neill"),
                via: Via::Subject,
            }),
            cue: Some(at("Zoë", "argued")),
            sentence: line("Zoë"),
            hedges: vec![at("argued", "might")],
            rule: Rule::SubjectCueContent,
        },
        Claim {
            kind: ClaimKind::Direct,
            span: critics,
            quotes: vec![critics],
            source: Some(Source {
                actor: None,
                span: at("Critics", "Critics"),
                via: Via::Subject,
            }),
            cue: Some(at("Critics", "called")),
            sentence: line("Critics"),
            hedges: vec![],
            rule: Rule::SubjectVerbQuote,
        },
    ];
    let actors = vec![
        Actor {
            name: "Élise Durand".into(),
            kind: ActorKind::Person,
            role: Some("Mayor".into()),
            aliases: vec!["Durand".into()],
            mentions: vec![at("Mayor", "Élise Durand"), at("Durand said", "Durand")],
            claims: vec![0, 1],
        },
        Actor {
            name: "Zoë O’Neill".into(),
            kind: ActorKind::Person,
            role: None,
            aliases: vec!["O’NEILL".into()],
            mentions: vec![at("Zoë", "Zoë O’Neill")],
            claims: vec![2],
        },
    ];
    let figures = vec![
        Figure {
            span: at("Durand said", "31 percent"),
            claim: Some(1),
        },
        Figure {
            span: at("Zoë", "42"),
            claim: None,
        },
    ];
    (
        doc,
        Analysis {
            actors,
            claims,
            figures,
        },
    )
}

/// What `render` writes for `request`, as text.
pub fn rendered(render: Render, request: &Request) -> String {
    let mut out = Vec::new();
    render(request, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("every format writes UTF-8")
}
