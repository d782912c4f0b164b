//! The JSON contract (`"schema": "whosaid/1"`) that tests, the reader and
//! other tools rely on. Fields may be added, never renamed or removed.

use std::io::{self, Write};

use serde::Serialize;

use crate::analysis::{ActorKind, Analysis, ClaimKind, Rule, Via};
use crate::corrected::Annotation;
use crate::document::{DocFormat, Document};
use crate::export::Request;
use crate::safe_text::write_json;
use crate::span::{CharIndex, Span};

pub const SCHEMA: &str = "whosaid/1";

#[derive(Serialize)]
pub struct Export<'a> {
    pub schema: &'static str,
    pub document: DocumentInfo<'a>,
    pub actors: Vec<ActorOut<'a>>,
    pub claims: Vec<ClaimOut<'a>>,
    pub figures: Vec<FigureOut<'a>>,
}

#[derive(Serialize)]
pub struct DocumentInfo<'a> {
    /// The source as given; kept from the first version, same as `source`.
    pub path: &'a str,
    pub title: &'a str,
    pub chars: usize,
    pub format: DocFormat,
    pub source: &'a str,
    pub byline: Option<&'a str>,
    pub site: Option<&'a str>,
    pub published: Option<&'a str>,
    /// The document text every offset indexes (extracted prose for a web
    /// page or Markdown).
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct TextSpan<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct ActorOut<'a> {
    pub id: Id,
    pub name: &'a str,
    pub kind: ActorKind,
    pub role: Option<&'a str>,
    pub aliases: &'a [String],
    pub mentions: Vec<TextSpan<'a>>,
    pub claims: Vec<Id>,
}

#[derive(Serialize)]
pub struct SourceOut<'a> {
    pub actor: Option<Id>,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// How the source was found.
    pub via: Via,
}

#[derive(Serialize)]
pub struct ClaimOut<'a> {
    pub id: Id,
    pub kind: ClaimKind,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub quotes: Vec<Range>,
    pub source: Option<SourceOut<'a>>,
    pub cue: Option<TextSpan<'a>>,
    pub sentence: Range,
    pub hedges: Vec<TextSpan<'a>>,
    /// The rule that made the claim.
    pub rule: Rule,
    /// With the user's layer: whether the user marked the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marked: Option<bool>,
    /// The user's note on the claim.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// With the user's layer: "user" for a claim the user made or
    /// corrected, else "analysis".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<&'static str>,
}

#[derive(Serialize)]
pub struct FigureOut<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub claim: Option<Id>,
}

/// An actor's or a claim's id ("a3", "c12"), written straight into the
/// JSON: an export has one per claim and per link to a claim, too many to
/// allocate a string for each.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Id {
    prefix: char,
    /// The index of the actor or claim in the analysis.
    index: usize,
}

impl Id {
    pub fn actor(index: usize) -> Id {
        Id { prefix: 'a', index }
    }

    pub fn claim(index: usize) -> Id {
        Id { prefix: 'c', index }
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}{}", self.prefix, self.index + 1)
    }
}

impl Serialize for Id {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

pub fn actor_id(index: usize) -> String {
    Id::actor(index).to_string()
}

pub fn claim_id(index: usize) -> String {
    Id::claim(index).to_string()
}

/// Builds the export of the claims whose indices are in `claims` (in that
/// order) and of the actors that are their sources or are kept by `actors`.
/// Ids always follow the full analysis, so a filtered export stays comparable.
pub fn build<'a>(
    doc: &'a Document,
    analysis: &'a Analysis,
    claims: &[usize],
    actors: &[usize],
) -> Export<'a> {
    build_with_user(doc, analysis, claims, actors, &[])
}

/// [`build`], each claim carrying what the user added to it (`user`: one
/// per claim of the analysis; empty: no user layer, no such fields).
pub fn build_with_user<'a>(
    doc: &'a Document,
    analysis: &'a Analysis,
    claims: &[usize],
    actors: &[usize],
    user: &'a [Annotation],
) -> Export<'a> {
    let text = doc.text.as_str();
    let index = CharIndex::new(text);
    let mut kept = vec![false; analysis.claims.len()];
    for &c in claims {
        kept[c] = true;
    }
    let chars = |s: Span| (index.chars_at(s.start), index.chars_at(s.end));
    let text_span = |s: Span| {
        let (start, end) = chars(s);
        TextSpan {
            start,
            end,
            text: s.of(text),
        }
    };
    let range = |s: Span| {
        let (start, end) = chars(s);
        Range { start, end }
    };
    let actors_out = actors
        .iter()
        .map(|&i| {
            let a = &analysis.actors[i];
            ActorOut {
                id: Id::actor(i),
                name: &a.name,
                kind: a.kind,
                role: a.role.as_deref(),
                aliases: &a.aliases,
                mentions: a.mentions.iter().map(|&m| text_span(m)).collect(),
                claims: a
                    .claims
                    .iter()
                    .filter(|&&c| kept[c])
                    .map(|&c| Id::claim(c))
                    .collect(),
            }
        })
        .collect();
    let claims_out = claims
        .iter()
        .map(|&i| {
            let c = &analysis.claims[i];
            let (start, end) = chars(c.span);
            ClaimOut {
                id: Id::claim(i),
                kind: c.kind,
                start,
                end,
                text: c.span.of(text),
                quotes: c.quotes.iter().map(|&q| range(q)).collect(),
                source: c.source.map(|s| {
                    let (start, end) = chars(s.span);
                    SourceOut {
                        actor: s.actor.map(Id::actor),
                        start,
                        end,
                        text: s.span.of(text),
                        via: s.via,
                    }
                }),
                cue: c.cue.map(text_span),
                sentence: range(c.sentence),
                hedges: c.hedges.iter().map(|&h| text_span(h)).collect(),
                rule: c.rule,
                marked: user.get(i).map(|u| u.marked),
                note: user.get(i).and_then(|u| u.note.as_deref()),
                by: user
                    .get(i)
                    .map(|u| if u.by_user { "user" } else { "analysis" }),
            }
        })
        .collect();
    let figures_out = analysis
        .figures
        .iter()
        .filter(|f| f.claim.is_none_or(|c| kept[c]))
        .map(|f| {
            let t = text_span(f.span);
            FigureOut {
                start: t.start,
                end: t.end,
                text: t.text,
                claim: f.claim.map(Id::claim),
            }
        })
        .collect();
    Export {
        schema: SCHEMA,
        document: DocumentInfo {
            path: &doc.source,
            title: &doc.title,
            chars: text.chars().count(),
            format: doc.format,
            source: &doc.source,
            byline: doc.byline.as_deref(),
            site: doc.site.as_deref(),
            published: doc.published.as_deref(),
            text,
        },
        actors: actors_out,
        claims: claims_out,
        figures: figures_out,
    }
}

/// The export asked for as pretty-printed JSON, with the user's layer when
/// it has one (see [`build_with_user`]).
pub fn render(request: &Request, out: &mut dyn Write) -> io::Result<()> {
    write_json(&mut *out, &build_request(request), true)?;
    out.write_all(b"\n")
}

/// The export asked for as one line of JSON Lines (compact, then a newline).
pub fn to_line(request: &Request, out: &mut dyn Write) -> io::Result<()> {
    write_json(&mut *out, &build_request(request), false)?;
    out.write_all(b"\n")
}

fn build_request<'a>(r: &Request<'a>) -> Export<'a> {
    build_with_user(r.doc, r.analysis, r.claims, r.actors, r.user)
}

/// The pretty JSON of an export asked for, as text (for tests).
#[cfg(test)]
pub(crate) fn to_text(request: &Request) -> String {
    let mut out = Vec::new();
    render(request, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("JSON is UTF-8")
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::export::sample;

    /// `text[start:end]` in code points, as Python would slice it.
    fn slice(chars: &[char], start: usize, end: usize) -> String {
        assert!(
            start <= end && end <= chars.len(),
            "{start}..{end} out of range"
        );
        chars[start..end].iter().collect()
    }

    #[test]
    fn every_offset_slices_its_text_in_code_points() {
        let (doc, analysis) = sample::analysis();
        let export = build(&doc, &analysis, &[0, 1, 2, 3], &[0, 1]);
        let chars: Vec<char> = doc.text.chars().collect();
        assert_eq!(export.document.chars, chars.len());
        let mut spans: Vec<(usize, usize, &str)> = Vec::new();
        for c in &export.claims {
            spans.push((c.start, c.end, c.text));
            let source = c.source.as_ref().unwrap();
            spans.push((source.start, source.end, source.text));
            let cue = c.cue.as_ref().unwrap();
            spans.push((cue.start, cue.end, cue.text));
            spans.extend(c.hedges.iter().map(|h| (h.start, h.end, h.text)));
        }
        for a in &export.actors {
            spans.extend(a.mentions.iter().map(|m| (m.start, m.end, m.text)));
        }
        spans.extend(export.figures.iter().map(|f| (f.start, f.end, f.text)));
        assert_eq!(spans.len(), 4 * 3 + 2 + 3 + 2);
        for (start, end, text) in spans {
            assert_eq!(slice(&chars, start, end), text);
        }
        let mixed = &export.claims[2];
        assert_eq!(
            slice(&chars, mixed.quotes[0].start, mixed.quotes[0].end),
            "naïve"
        );
        let sentence = &mixed.sentence;
        assert!(slice(&chars, sentence.start, sentence.end).starts_with("Zoë O’Neill, 42"));
        let out: Value =
            serde_json::from_str(&to_text(&Request::new(&doc, &analysis, &[0], &[0]))).unwrap();
        assert_eq!(out["schema"], "whosaid/1");
        assert_eq!(out["document"]["text"], doc.text);
        assert_eq!(out["document"]["format"], "text");
        assert_eq!(out["document"]["source"], "notes/café.txt");
        assert_eq!(out["document"]["path"], "notes/café.txt");
        assert_eq!(out["document"]["byline"], Value::Null);
        assert_eq!(out["claims"][0]["start"], export.claims[0].start);
    }

    #[test]
    fn a_filtered_export_keeps_the_full_analysis_ids() {
        let (doc, analysis) = sample::analysis();
        let out: Value =
            serde_json::from_str(&to_text(&Request::new(&doc, &analysis, &[2], &[1]))).unwrap();
        assert_eq!(out["claims"][0]["id"], "c3");
        assert_eq!(out["claims"][0]["source"]["actor"], "a2");
        assert_eq!(out["actors"][0]["id"], "a2");
        assert_eq!(out["actors"][0]["claims"], serde_json::json!(["c3"]));
        // The figure in a claim left out goes; the one in no claim stays.
        let figures: Vec<&str> = out["figures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["text"].as_str().unwrap())
            .collect();
        assert_eq!(figures, ["42"]);
    }
}
