//! Any bytes that whosaid would read as an article: the analysis must not
//! panic, its spans must nest (quotes in their claim, the claim in its
//! sentence), the JSON export must be JSON whose code-point offsets slice
//! the text, and Markdown and CSV must carry no control character.

#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid::analysis::{Lexicon, analyze};
use whosaid::document::Document;
use whosaid::export::{csv, json, markdown, w3c};
use whosaid::reading::read_text;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = read_text(bytes, std::path::Path::new("fuzz"), 1 << 20) else {
        return;
    };
    let doc = Document::from_text("fuzz.txt", text);
    let analysis = analyze(&doc, Lexicon::builtin());
    for claim in &analysis.claims {
        assert!(claim.sentence.start <= claim.span.start && claim.span.end <= claim.sentence.end);
        for q in &claim.quotes {
            assert!(claim.span.start <= q.start && q.end <= claim.span.end);
        }
    }
    let claims: Vec<usize> = (0..analysis.claims.len()).collect();
    let actors: Vec<usize> = (0..analysis.actors.len()).collect();
    let export: serde_json::Value =
        serde_json::from_str(&json::render(&doc, &analysis, &claims, &actors, &[])).unwrap();
    let chars: Vec<char> = doc.text.chars().collect();
    for claim in export["claims"].as_array().unwrap() {
        let at = |key: &str| claim[key].as_u64().unwrap() as usize;
        let words: String = chars[at("start")..at("end")].iter().collect();
        assert_eq!(claim["text"].as_str().unwrap(), words);
    }
    serde_json::from_str::<serde_json::Value>(&w3c::render(&doc, &analysis, &claims, &actors, &[]))
        .unwrap();
    for out in [
        markdown::render(&doc, &analysis, &claims, &actors, &[]),
        csv::render(&doc, &analysis, &claims, &actors, &[]),
    ] {
        let bare = out.replace("\r\n", "\n");
        assert!(!bare.chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
    }
});
