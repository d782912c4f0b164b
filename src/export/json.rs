//! The JSON contract (`"schema": "whosaid/1"`) that tests, the reader and
//! other tools rely on. Fields may be added, never renamed or removed.

use std::io::{self, Write};

use crate::analysis::{Analysis, Claim};
use crate::corrected::Annotation;
use crate::document::Document;
use crate::export::Request;
use crate::export::json_out::JsonOut;
use crate::span::{CharIndex, Span};

pub const SCHEMA: &str = "whosaid/1";

/// An actor's or a claim's id ("a3", "c12"): its index in the analysis,
/// from 1, after a letter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Id {
    prefix: u8,
    /// The index of the actor or claim in the analysis.
    index: usize,
}

impl Id {
    pub fn actor(index: usize) -> Id {
        Id {
            prefix: b'a',
            index,
        }
    }

    pub fn claim(index: usize) -> Id {
        Id {
            prefix: b'c',
            index,
        }
    }

    /// Written straight into the JSON: an export has one per claim and per
    /// link to a claim, too many to allocate a string for each.
    fn write(self, w: &mut JsonOut) {
        w.prefixed_number(self.prefix, self.index + 1);
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}{}", self.prefix as char, self.index + 1)
    }
}

pub fn actor_id(index: usize) -> String {
    Id::actor(index).to_string()
}

pub fn claim_id(index: usize) -> String {
    Id::claim(index).to_string()
}

/// The export asked for as pretty-printed JSON, with the user's layer when
/// it has one.
pub fn render(request: &Request, out: &mut dyn Write) -> io::Result<()> {
    write_export(request, out, true)
}

/// The export asked for as one line of JSON Lines (compact, then a newline).
pub fn to_line(request: &Request, out: &mut dyn Write) -> io::Result<()> {
    write_export(request, out, false)
}

fn write_export(request: &Request, out: &mut dyn Write, pretty: bool) -> io::Result<()> {
    let mut w = JsonOut::new(out, pretty);
    w.begin_object();
    write_members(&mut w, request);
    w.end_object();
    w.finish()
}

/// The members of the whosaid/1 object, into the object `w` is writing:
/// the claims whose indices are in `request.claims` (in that order), the
/// actors in `request.actors` and the figures of the claims kept (or of
/// none). Ids always follow the full analysis, so a filtered export stays
/// comparable. Written straight from the analysis, with nothing built.
pub fn write_members(w: &mut JsonOut, request: &Request) {
    let Request {
        doc,
        analysis,
        claims,
        actors,
        user,
    } = *request;
    let text = Text::new(&doc.text);
    let mut kept = vec![false; analysis.claims.len()];
    for &c in claims {
        kept[c] = true;
    }
    w.key("schema");
    w.plain_str(SCHEMA);
    w.key("document");
    write_document(w, doc, &text);
    w.key("actors");
    w.begin_array();
    for &i in actors {
        write_actor(w, &text, analysis, i, &kept);
    }
    w.end_array();
    w.key("claims");
    w.begin_array();
    for &i in claims {
        write_claim(w, &text, i, &analysis.claims[i], user.get(i));
    }
    w.end_array();
    w.key("figures");
    write_figures(w, &text, analysis, &kept);
}

/// The document text with its code-point index: every span is written
/// through it.
struct Text<'t> {
    text: &'t str,
    index: CharIndex,
}

impl<'t> Text<'t> {
    fn new(text: &'t str) -> Self {
        Text {
            text,
            index: CharIndex::new(text),
        }
    }

    /// `"start": …, "end": …` of a span, in code points.
    fn range_members(&self, w: &mut JsonOut, span: Span) {
        w.key("start");
        w.number(self.index.chars_at(span.start));
        w.key("end");
        w.number(self.index.chars_at(span.end));
    }

    /// `{"start": …, "end": …}`.
    fn range(&self, w: &mut JsonOut, span: Span) {
        w.begin_object();
        self.range_members(w, span);
        w.end_object();
    }

    /// `{"start": …, "end": …, "text": …}`.
    fn text_span(&self, w: &mut JsonOut, span: Span) {
        w.begin_object();
        self.range_members(w, span);
        w.key("text");
        w.str(span.of(self.text));
        w.end_object();
    }

    /// A list of spans with their text.
    fn text_spans(&self, w: &mut JsonOut, spans: &[Span]) {
        w.begin_array();
        for &span in spans {
            self.text_span(w, span);
        }
        w.end_array();
    }
}

fn write_document(w: &mut JsonOut, doc: &Document, text: &Text) {
    w.begin_object();
    // The source as given; kept from the first version, same as `source`.
    w.key("path");
    w.str(&doc.source);
    w.key("title");
    w.str(&doc.title);
    w.key("chars");
    w.number(text.index.chars_at(text.text.len()));
    w.key("format");
    w.plain_str(doc.format.name());
    w.key("source");
    w.str(&doc.source);
    let metadata = [
        ("byline", &doc.byline),
        ("site", &doc.site),
        ("published", &doc.published),
    ];
    for (key, value) in metadata {
        w.key(key);
        w.str_or_null(value.as_deref());
    }
    // The text every offset indexes (extracted prose for a web page or Markdown).
    w.key("text");
    w.str(text.text);
    w.end_object();
}

fn write_actor(w: &mut JsonOut, text: &Text, analysis: &Analysis, i: usize, kept: &[bool]) {
    let actor = &analysis.actors[i];
    w.begin_object();
    w.key("id");
    Id::actor(i).write(w);
    w.key("name");
    w.str(&actor.name);
    w.key("kind");
    w.plain_str(actor.kind.name());
    w.key("role");
    w.str_or_null(actor.role.as_deref());
    w.key("aliases");
    w.begin_array();
    for alias in &actor.aliases {
        w.str(alias);
    }
    w.end_array();
    w.key("mentions");
    text.text_spans(w, &actor.mentions);
    // Only the claims exported.
    w.key("claims");
    w.begin_array();
    for &c in actor.claims.iter().filter(|&&c| kept[c]) {
        Id::claim(c).write(w);
    }
    w.end_array();
    w.end_object();
}

/// A claim; with the user's layer, what the user added to it.
fn write_claim(w: &mut JsonOut, text: &Text, i: usize, claim: &Claim, user: Option<&Annotation>) {
    w.begin_object();
    w.key("id");
    Id::claim(i).write(w);
    w.key("kind");
    w.plain_str(claim.kind.name());
    text.range_members(w, claim.span);
    w.key("text");
    w.str(claim.span.of(text.text));
    w.key("quotes");
    w.begin_array();
    for &quote in &claim.quotes {
        text.range(w, quote);
    }
    w.end_array();
    w.key("source");
    match &claim.source {
        Some(source) => {
            w.begin_object();
            w.key("actor");
            match source.actor {
                Some(a) => Id::actor(a).write(w),
                None => w.null(),
            }
            text.range_members(w, source.span);
            w.key("text");
            w.str(source.span.of(text.text));
            // How the source was found.
            w.key("via");
            w.plain_str(source.via.name());
            w.end_object();
        }
        None => w.null(),
    }
    w.key("cue");
    match claim.cue {
        Some(cue) => text.text_span(w, cue),
        None => w.null(),
    }
    w.key("sentence");
    text.range(w, claim.sentence);
    w.key("hedges");
    text.text_spans(w, &claim.hedges);
    // The rule that made the claim.
    w.key("rule");
    w.plain_str(claim.rule.name());
    if let Some(user) = user {
        w.key("marked");
        w.bool(user.marked);
        if let Some(note) = &user.note {
            w.key("note");
            w.str(note);
        }
        // "user" for a claim the user made or corrected.
        w.key("by");
        w.plain_str(if user.by_user { "user" } else { "analysis" });
    }
    w.end_object();
}

/// The figures in no claim or in a claim kept.
fn write_figures(w: &mut JsonOut, text: &Text, analysis: &Analysis, kept: &[bool]) {
    w.begin_array();
    for figure in &analysis.figures {
        if figure.claim.is_some_and(|c| !kept[c]) {
            continue;
        }
        w.begin_object();
        text.range_members(w, figure.span);
        w.key("text");
        w.str(figure.span.of(text.text));
        w.key("claim");
        match figure.claim {
            Some(c) => Id::claim(c).write(w),
            None => w.null(),
        }
        w.end_object();
    }
    w.end_array();
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

    /// Every `{start, end, text}` object in `value`, at any depth.
    fn text_spans(value: &Value, spans: &mut Vec<(usize, usize, String)>) {
        match value {
            Value::Object(members) => {
                if let (Some(start), Some(end), Some(Value::String(text))) = (
                    members.get("start"),
                    members.get("end"),
                    members.get("text"),
                ) {
                    let at = |v: &Value| v.as_u64().unwrap() as usize;
                    spans.push((at(start), at(end), text.clone()));
                }
                members.values().for_each(|v| text_spans(v, spans));
            }
            Value::Array(items) => items.iter().for_each(|v| text_spans(v, spans)),
            _ => {}
        }
    }

    #[test]
    fn every_offset_slices_its_text_in_code_points() {
        let (doc, analysis) = sample::analysis();
        let request = Request::new(&doc, &analysis, &[0, 1, 2, 3], &[0, 1]);
        let out: Value = serde_json::from_str(&to_text(&request)).unwrap();
        let chars: Vec<char> = doc.text.chars().collect();
        assert_eq!(out["document"]["chars"], chars.len());
        let mut spans = Vec::new();
        text_spans(&out["actors"], &mut spans);
        text_spans(&out["claims"], &mut spans);
        text_spans(&out["figures"], &mut spans);
        // Claims, their sources and cues; hedges; mentions; figures.
        assert_eq!(spans.len(), 4 * 3 + 2 + 3 + 2);
        for (start, end, text) in spans {
            assert_eq!(slice(&chars, start, end), text);
        }
        let mixed = &out["claims"][2];
        let (quote, sentence) = (&mixed["quotes"][0], &mixed["sentence"]);
        let at = |v: &Value| v.as_u64().unwrap() as usize;
        assert_eq!(
            slice(&chars, at(&quote["start"]), at(&quote["end"])),
            "naïve"
        );
        let sentence = slice(&chars, at(&sentence["start"]), at(&sentence["end"]));
        assert!(sentence.starts_with("Zoë O’Neill, 42"));
        assert_eq!(out["schema"], "whosaid/1");
        assert_eq!(out["document"]["text"], doc.text);
        assert_eq!(out["document"]["format"], "text");
        assert_eq!(out["document"]["source"], "notes/café.txt");
        assert_eq!(out["document"]["path"], "notes/café.txt");
        assert_eq!(out["document"]["byline"], Value::Null);
    }

    #[test]
    fn the_users_layer_comes_after_each_claims_rule() {
        let (doc, analysis) = sample::analysis();
        let mut user = vec![Annotation::default(); analysis.claims.len()];
        user[1].marked = true;
        user[1].note = Some("ask the \"clerk\"".to_string());
        let request = Request::new(&doc, &analysis, &[0, 1], &[]).with_user(&user);
        let text = to_text(&request);
        let rule = |i: usize| format!("\"rule\": \"{}\"", analysis.claims[i].rule.name());
        let plain = format!(
            "{},\n      \"marked\": false,\n      \"by\": \"analysis\"\n    }}",
            rule(0)
        );
        assert!(text.contains(&plain), "{text}");
        let noted = format!(
            "{},\n      \"marked\": true,\n      \"note\": \"ask the \\\"clerk\\\"\",\n      \"by\": \"analysis\"\n    }}",
            rule(1)
        );
        assert!(text.contains(&noted), "{text}");
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
