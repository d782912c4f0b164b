//! The whole analysis and every export format on a few thousand
//! deterministic pseudo-random texts (a fixed seed, a bounded count: a
//! property test that runs in `cargo test`). It must never panic; every
//! span it returns must be a valid slice of the text; spans nest (quotes
//! inside their claim, the claim inside its sentence); the JSON export's
//! code-point offsets slice its texts; and the human-readable formats carry
//! no control character. The texts mix article words, names, cue verbs,
//! every kind of quotation mark, dashes, line breaks (CRLF too), digits,
//! accents, emoji and terminal escapes — the pieces the rules look at, in
//! orders no article would use.

use serde_json::Value;
use whosaid::analysis::{Analysis, Options, analyze_with};
use whosaid::document::Document;
use whosaid::export::{FormatSpec, Request};
use whosaid::span::Span;

/// The pieces texts are made of; spaces are pieces too, so some words glue.
const PIECES: &[&str] = &[
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "that",
    "on",
    "for",
    "with",
    "by",
    "was",
    "who",
    "it",
    "he",
    "she",
    "they",
    "we",
    "I",
    "his",
    "her",
    "their",
    "officials",
    "analysts",
    "spokesman",
    "president",
    "minister",
    "government",
    "police",
    "report",
    "statement",
    "according to",
    "said",
    "says",
    "told",
    "asked",
    "added",
    "warned",
    "claimed",
    "denied",
    "argued",
    "noted",
    "Said",
    "Asked",
    "According",
    "Mr.",
    "Mrs.",
    "Dr.",
    "Sen.",
    "Gov.",
    "U.S.",
    "D.C.",
    "St.",
    "Ana Velo",
    "Piet Marlow",
    "Quill",
    "Tarn Institute",
    "the Ministry of Salt",
    "Ostrava",
    "Mlle",
    "Zoë",
    "Ærø",
    "Łukasz",
    "Ñandú",
    "İzmir",
    "ΣΟΦΙΑ",
    "Дмитрий",
    "東京",
    "😀",
    "👩‍👩‍👧",
    "\"",
    "'",
    "“",
    "”",
    "„",
    "‟",
    "‘",
    "’",
    "‚",
    "‛",
    "«",
    "»",
    "‹",
    "›",
    "`",
    " « ",
    " » ",
    "—",
    "–",
    "-",
    "--",
    ":",
    ";",
    ",",
    ".",
    "…",
    "?",
    "!",
    "(",
    ")",
    "[",
    "]",
    "'s",
    "’s",
    "\n",
    "\r\n",
    "\n\n",
    "\t",
    " ",
    " ",
    " ",
    " ",
    "\u{a0}",
    "\u{ad}",
    "31",
    "4,530",
    "1.5",
    "1990s",
    "30-minute",
    "%",
    "$",
    "a.m.",
    "e.g.",
    "R-Pa.",
    "(D)",
    "(R-WI)",
    "\x1b]52;c;aGk=\x07",
    "\x1b]2;t\x1b\\",
    "\x1bc",
    "\x1b#8",
    "\x1b[2J",
    "\u{9b}1m",
    "\u{9d}0;t\u{9c}",
    "\u{85}",
    "\x07",
    "\0",
    "\x7f",
    "\r",
    "\u{2028}",
    "\u{feff}",
    "\u{200b}",
];

/// xorshift64*: small, deterministic, good enough to shuffle pieces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A text of up to `max` pieces, a space after most of them.
fn random_text(rng: &mut Rng, pieces: &[&str], max: usize) -> String {
    let len = rng.below(max) + 1;
    let mut text = String::new();
    for _ in 0..len {
        text.push_str(pieces[rng.below(pieces.len())]);
        if rng.below(4) != 0 {
            text.push(' ');
        }
    }
    text
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end,
        "{what} {span:?} reversed in {text:?}"
    );
    assert!(
        span.end <= text.len(),
        "{what} {span:?} past the end of {text:?}"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries in {text:?}"
    );
}

/// Whether `outer` holds all of `inner`.
fn holds(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn check(text: &str, analysis: &Analysis) {
    for claim in &analysis.claims {
        check_span(text, claim.span, "claim");
        check_span(text, claim.sentence, "sentence");
        assert!(
            holds(claim.sentence, claim.span),
            "sentence {:?} does not hold its claim {:?} in {text:?}",
            claim.sentence,
            claim.span
        );
        claim.quotes.iter().for_each(|&q| {
            check_span(text, q, "quote");
            assert!(
                holds(claim.span, q),
                "quote {q:?} outside its claim {:?} in {text:?}",
                claim.span
            );
        });
        claim
            .hedges
            .iter()
            .for_each(|&h| check_span(text, h, "hedge"));
        claim
            .cue
            .into_iter()
            .for_each(|c| check_span(text, c, "cue"));
        if let Some(source) = claim.source {
            check_span(text, source.span, "source");
            if let Some(actor) = source.actor {
                assert!(actor < analysis.actors.len(), "source actor out of range");
            }
        }
    }
    let starts: Vec<usize> = analysis.claims.iter().map(|c| c.span.start).collect();
    assert!(starts.is_sorted(), "claims not sorted in {text:?}");
    for actor in &analysis.actors {
        actor
            .mentions
            .iter()
            .for_each(|&m| check_span(text, m, "mention"));
        assert!(actor.claims.iter().all(|&c| c < analysis.claims.len()));
    }
    for figure in &analysis.figures {
        check_span(text, figure.span, "figure");
    }
}

/// `text[start..end]` in code points, as the exports count.
fn slice(chars: &[char], span: &Value) -> String {
    let at = |key: &str| span[key].as_u64().expect("offsets are numbers") as usize;
    chars[at("start")..at("end")].iter().collect()
}

/// Every export of every claim: the JSON's offsets slice its texts and nest;
/// Markdown and CSV hold no control character (a CR only before a LF).
fn check_exports(doc: &Document, analysis: &Analysis) {
    let text = doc.text.as_str();
    let claims: Vec<usize> = (0..analysis.claims.len()).collect();
    let actors: Vec<usize> = (0..analysis.actors.len()).collect();
    let request = Request::new(doc, analysis, &claims, &actors);
    let render = |name: &str| FormatSpec::named(name).unwrap().render(&request);
    let export: Value = serde_json::from_str(&render("json"))
        .unwrap_or_else(|e| panic!("the JSON export of {text:?} is not JSON: {e}"));
    let chars: Vec<char> = doc.text.chars().collect();
    for claim in export["claims"].as_array().unwrap() {
        assert_eq!(slice(&chars, claim), claim["text"].as_str().unwrap());
        for key in ["source", "cue"] {
            if claim[key].is_object() {
                assert_eq!(
                    slice(&chars, &claim[key]),
                    claim[key]["text"].as_str().unwrap()
                );
            }
        }
    }
    serde_json::from_str::<Value>(&render("w3c"))
        .unwrap_or_else(|e| panic!("the W3C export of {text:?} is not JSON: {e}"));
    for (format, out) in [("Markdown", render("markdown")), ("CSV", render("csv"))] {
        let bare = out.replace("\r\n", "\n");
        let control = bare
            .chars()
            .find(|&c| c.is_control() && c != '\n' && c != '\t');
        assert!(
            control.is_none(),
            "{format} of {text:?} holds {control:?}:\n{out}"
        );
    }
}

/// Runs `count` texts from `seed`; fails naming every text that panicked
/// (the panic messages above say where).
fn run(seed: u64, count: usize, max_pieces: usize) {
    run_with(PIECES, seed, count, max_pieces);
}

/// Like [`run`], with texts made of `pieces`.
fn run_with(pieces: &[&str], seed: u64, count: usize, max_pieces: usize) {
    let options = Options::default();
    let mut rng = Rng(seed);
    let mut panicked = Vec::new();
    for _ in 0..count {
        // As whosaid reads it: a leading byte-order mark is dropped.
        let doc = Document::from_text("random.txt", random_text(&mut rng, pieces, max_pieces));
        let text = doc.text.as_str();
        match std::panic::catch_unwind(|| analyze_with(text, &options)) {
            Ok(analysis) => {
                check(text, &analysis);
                check_exports(&doc, &analysis);
            }
            Err(_) => panicked.push(doc.text.clone()),
        }
    }
    assert!(
        panicked.is_empty(),
        "analyze panicked on {} of {count} texts: {panicked:#?}",
        panicked.len()
    );
}

#[test]
fn short_garbage_never_panics() {
    run(0x9e37_79b9_7f4a_7c15, 3000, 12);
}

#[test]
fn longer_garbage_never_panics() {
    run(0xdead_beef_cafe_f00d, 1000, 80);
}

/// Few words, many quotation marks: claims that start or end inside a
/// quotation, quotes split by their attribution, marks facing the wrong way.
const QUOTE_HEAVY: &[&str] = &[
    "›",
    "‹",
    "»",
    "«",
    "“",
    "”",
    "\"",
    "'",
    "Ana Velo",
    "said",
    "says",
    "told",
    "the plan",
    "we will win",
    ",",
    ".",
    ":",
    "\n\n",
    "according to",
    "officials",
    "she",
    "that",
    "›we will win‹",
    "‹soon›",
    "“and soon.”",
    "today",
];

#[test]
fn quote_heavy_texts_keep_spans_nested() {
    run_with(QUOTE_HEAVY, 0x5eed_0f9a_111e_7500, 3000, 14);
}

#[test]
fn the_text_that_once_crashed_mentions() {
    let text = ")says« \r\n according to «  x and Asked  ";
    check(text, &analyze_with(text, &Options::default()));
}
