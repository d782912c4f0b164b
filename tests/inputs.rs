//! Articles in every form a user brings them — a saved web page, Markdown,
//! plain text, each from a file or standard input — through `whosaid
//! export`, checking the document text, its metadata and that every claim's
//! offsets index that text.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

fn whosaid() -> Command {
    let mut cmd = cargo_bin_cmd!("whosaid");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .env_remove("HOME");
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture exists")
}

/// `whosaid export --format json ARGS` with `stdin`, expecting success.
fn export(args: &[&str], stdin: &str) -> Value {
    let out = whosaid()
        .args(["export", "--format", "json"])
        .args(args)
        .write_stdin(stdin)
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("export prints JSON")
}

/// Every claim's text is the slice of `document.text` its offsets name, in
/// code points; returns how many claims there were.
fn claims_index_the_document_text(export: &Value) -> usize {
    let text: Vec<char> = export["document"]["text"]
        .as_str()
        .expect("document.text")
        .chars()
        .collect();
    let claims = export["claims"].as_array().expect("claims");
    for claim in claims {
        let (start, end) = (
            claim["start"].as_u64().unwrap() as usize,
            claim["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text[start..end].iter().collect();
        assert_eq!(slice, claim["text"].as_str().unwrap(), "{claim}");
    }
    claims.len()
}

fn page(name: &str) -> (PathBuf, String) {
    let dir = fixture("pages").join(name);
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected text");
    (dir.join("source.html"), expected)
}

#[test]
fn a_saved_web_page_reads_as_its_article_alone() {
    let (source, expected) = page("bridge-vote");
    let out = export(&[source.to_str().unwrap()], "");
    let doc = &out["document"];
    assert_eq!(doc["text"], expected.trim_end());
    assert_eq!(doc["format"], "html");
    assert_eq!(doc["source"], source.to_str().unwrap());
    assert_eq!(
        doc["title"],
        "Council backs harbour bridge repairs after long night"
    );
    assert_eq!(doc["byline"], "Marta Kovalenko");
    assert_eq!(doc["site"], "The Lakeside Courier");
    assert_eq!(doc["published"], "2025-03-14T08:30:00Z");
    assert!(claims_index_the_document_text(&out) >= 3, "{out}");
    let actors: Vec<&str> = out["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(actors.iter().any(|a| a.contains("Brandt")), "{actors:?}");
    // Nothing from the page's furniture becomes an actor or a claim.
    for furniture in ["Georgia", "Subscribe", "Related", "Comments", "Privacy"] {
        assert!(
            !out["document"]["text"]
                .as_str()
                .unwrap()
                .contains(furniture)
        );
    }
}

#[test]
fn a_web_page_on_standard_input_is_detected_by_its_content() {
    let (source, expected) = page("bridge-vote");
    let out = export(&["-"], &std::fs::read_to_string(source).unwrap());
    assert_eq!(out["document"]["text"], expected.trim_end());
    assert_eq!(out["document"]["format"], "html");
    assert_eq!(out["document"]["source"], "-");
}

#[test]
fn markdown_reads_without_its_markup_and_titles_by_its_first_heading() {
    let path = fixture("bridge-vote.md");
    let out = export(&[path.to_str().unwrap()], "");
    assert_eq!(out["document"]["text"], read("bridge-vote.expected.txt"));
    assert_eq!(out["document"]["format"], "markdown");
    assert_eq!(
        out["document"]["title"],
        "Council backs harbour bridge repairs"
    );
    assert!(claims_index_the_document_text(&out) >= 2, "{out}");
    // The bold and link marks no longer split a name or a figure.
    let text = out["document"]["text"].as_str().unwrap();
    assert!(!text.contains(['*', '#', '[', '`', '<']), "{text}");
}

#[test]
fn markdown_on_standard_input_is_detected_by_its_heading() {
    let out = export(&["-"], &read("bridge-vote.md"));
    assert_eq!(out["document"]["text"], read("bridge-vote.expected.txt"));
    assert_eq!(out["document"]["format"], "markdown");
}

#[test]
fn plain_text_stays_as_read_from_a_file_or_standard_input() {
    let text = "Harbour news\n\nThe mayor said the bridge would reopen.\n";
    let out = export(&["-"], text);
    assert_eq!(out["document"]["text"], text);
    assert_eq!(out["document"]["format"], "text");
    assert_eq!(out["document"]["title"], "Harbour news");
    assert_eq!(out["document"]["byline"], Value::Null);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("harbour.txt");
    std::fs::write(&file, text).unwrap();
    let out = export(&[file.to_str().unwrap()], "");
    assert_eq!(out["document"]["text"], text);
    assert_eq!(out["document"]["path"], file.to_str().unwrap());
}

#[test]
fn the_w3c_export_names_its_source_by_a_file_uri() {
    let (source, _) = page("bridge-vote");
    let out = whosaid()
        .args(["export", "--format", "w3c", source.to_str().unwrap()])
        .assert()
        .success();
    let out: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let target = &out["first"]["items"][0]["target"]["source"];
    assert_eq!(
        target.as_str().unwrap(),
        format!("file://{}", source.canonicalize().unwrap().display())
    );
}
