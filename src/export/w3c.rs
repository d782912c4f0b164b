//! W3C Web Annotation (https://www.w3.org/TR/annotation-model/): a JSON-LD
//! AnnotationCollection with one `highlighting` Annotation per claim. Its
//! target selects the claim in the document by position (code points, end
//! exclusive) and by quote with some context; its bodies tag the claim's
//! kind and describe its source and cue.

use std::io::{self, Write};

use serde::Serialize;

use crate::export::Request;
use crate::export::json::claim_id;
use crate::safe_text::write_json;
use crate::span::{CharIndex, Span};

/// How many code points of context a TextQuoteSelector carries on each side.
const CONTEXT: usize = 32;

const CONTEXT_IRI: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    generator: Generator,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Generator {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Page<'a> {
    id: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<TextualBody>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct TextualBody {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    format: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (PositionSelector, QuoteSelector<'a>),
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

fn body(purpose: &'static str, value: String) -> TextualBody {
    TextualBody {
        kind: "TextualBody",
        purpose,
        format: "text/plain",
        value,
    }
}

/// The annotations of the claims asked for, as one collection whose single
/// page holds them all. Annotation ids are the JSON export's claim ids, as
/// fragments (`#c1`), so the two exports can be joined. The actors asked
/// for are not listed: every annotation names its own source. With the
/// user's layer (empty for none): a claim with a note is a
/// `commenting` annotation whose first body is the note (as Hypothesis
/// exports read), and a marked one is tagged "marked".
pub fn render(request: &Request, out: &mut dyn Write) -> io::Result<()> {
    let (doc, analysis) = (request.doc, request.analysis);
    let text = doc.text.as_str();
    let index = CharIndex::new(text);
    let source = doc.source_uri();
    let items: Vec<Annotation> = request
        .claims
        .iter()
        .map(|&i| {
            let c = &analysis.claims[i];
            let mut bodies = vec![body("tagging", c.kind.name().to_string())];
            if let Some(source) = c.source {
                let who = match source.actor {
                    Some(a) => analysis.actors[a].name.as_str(),
                    None => source.span.of(text),
                };
                bodies.push(body("identifying", format!("source: {who}")));
            }
            if let Some(cue) = c.cue {
                bodies.push(body("describing", format!("cue: {}", cue.of(text))));
            }
            let mine = request.user.get(i);
            if mine.is_some_and(|u| u.marked) {
                bodies.push(body("tagging", "marked".to_string()));
            }
            let note = mine.and_then(|u| u.note.clone());
            let motivation = if note.is_some() {
                "commenting"
            } else {
                "highlighting"
            };
            if let Some(note) = note {
                bodies.insert(0, body("commenting", note));
            }
            Annotation {
                id: format!("#{}", claim_id(i)),
                kind: "Annotation",
                motivation,
                body: bodies,
                target: Target {
                    source: &source,
                    selector: (
                        PositionSelector {
                            kind: "TextPositionSelector",
                            start: index.chars_at(c.span.start),
                            end: index.chars_at(c.span.end),
                        },
                        QuoteSelector {
                            kind: "TextQuoteSelector",
                            exact: c.span.of(text),
                            prefix: prefix(text, c.span),
                            suffix: suffix(text, c.span),
                        },
                    ),
                },
            }
        })
        .collect();
    let collection = Collection {
        context: CONTEXT_IRI,
        id: "#claims",
        kind: "AnnotationCollection",
        label: format!("Who said what: {}", doc.title),
        generator: Generator {
            kind: "Software",
            name: concat!("whosaid ", env!("CARGO_PKG_VERSION")),
        },
        total: items.len(),
        first: Page {
            id: "#claims-page-1",
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    write_json(&mut *out, &collection, true)?;
    out.write_all(b"\n")
}

/// Up to [`CONTEXT`] code points just before `span`.
fn prefix(text: &str, span: Span) -> &str {
    let before = &text[..span.start];
    let start = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    &before[start..]
}

/// Up to [`CONTEXT`] code points just after `span`.
fn suffix(text: &str, span: Span) -> &str {
    let after = &text[span.end..];
    let end = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    &after[..end]
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::export::sample;

    #[test]
    fn each_claim_is_a_highlighting_annotation_with_both_selectors() {
        let (doc, analysis) = sample::analysis();
        let out: Value = serde_json::from_str(&sample::rendered(
            render,
            &Request::new(&doc, &analysis, &[0, 1, 2, 3], &[0, 1]),
        ))
        .unwrap();
        assert_eq!(out["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(out["type"], "AnnotationCollection");
        assert_eq!(out["total"], 4);
        let items = out["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 4);
        let chars: Vec<char> = doc.text.chars().collect();
        for item in items {
            assert_eq!(item["type"], "Annotation");
            assert_eq!(item["motivation"], "highlighting");
            let source = item["target"]["source"].as_str().unwrap();
            assert!(
                source.starts_with("file:///") && source.ends_with("/notes/caf%C3%A9.txt"),
                "{source}"
            );
            let [position, quote] = item["target"]["selector"].as_array().unwrap().as_slice()
            else {
                panic!("two selectors expected: {item}");
            };
            assert_eq!(position["type"], "TextPositionSelector");
            assert_eq!(quote["type"], "TextQuoteSelector");
            let (start, end) = (
                position["start"].as_u64().unwrap() as usize,
                position["end"].as_u64().unwrap() as usize,
            );
            let at = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            assert_eq!(at(start, end), quote["exact"].as_str().unwrap());
            let prefix = quote["prefix"].as_str().unwrap();
            let suffix = quote["suffix"].as_str().unwrap();
            assert_eq!(at(start - prefix.chars().count(), start), prefix);
            assert_eq!(at(end, end + suffix.chars().count()), suffix);
        }
        let zoe = &items[2];
        assert_eq!(zoe["id"], "#c3");
        assert_eq!(zoe["body"][0]["purpose"], "tagging");
        assert_eq!(zoe["body"][0]["type"], "TextualBody");
        assert_eq!(zoe["body"][0]["value"], "mixed");
        assert_eq!(zoe["body"][1]["value"], "source: Zoë O’Neill");
        assert_eq!(zoe["body"][2]["value"], "cue: argued");
        assert_eq!(items[3]["body"][1]["value"], "source: Critics");
    }

    #[test]
    fn context_stops_at_the_ends_of_the_text_and_counts_code_points() {
        let text = "é“quoted”🚀🚀";
        let inner = Span::new(text.find("quoted").unwrap(), text.find('”').unwrap());
        assert_eq!(prefix(text, inner), "é“");
        assert_eq!(suffix(text, inner), "”🚀🚀");
        let long = "ü".repeat(40) + "x";
        let x = Span::new(long.len() - 1, long.len());
        assert_eq!(prefix(&long, x).chars().count(), CONTEXT);
    }
}
