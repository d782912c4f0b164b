//! Articles in every form a user brings them — a saved web page, Markdown,
//! plain text, each from a file or standard input — through `whosaid
//! export`, checking the document text, its metadata and that every claim's
//! offsets index that text.

mod command;

use std::path::PathBuf;

use command::{fixture, whosaid};
use serde_json::Value;

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

/// The JSON Lines a feed exports: one object per line.
fn json_lines(stdout: &[u8]) -> Vec<Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn a_feed_with_whole_articles_exports_each_of_them_as_a_json_line() {
    let feed = fixture("feeds/lakeside.atom");
    let out = whosaid()
        .args(["export", feed.to_str().unwrap()])
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(lines.len(), 2);
    let first = &lines[0];
    assert_eq!(first["schema"], "whosaid/1");
    assert_eq!(
        first["document"]["title"],
        "Council backs harbour bridge repairs"
    );
    assert_eq!(
        first["document"]["source"],
        "https://courier.example/news/bridge-vote"
    );
    assert_eq!(first["document"]["byline"], "Marta Kovalenko");
    assert_eq!(first["document"]["published"], "2025-03-14T08:30:00+00:00");
    assert!(
        first["document"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Council backs harbour bridge repairs\n\nThe town council voted 7 to 2")
    );
    assert!(claims_index_the_document_text(first) >= 3);
    assert_eq!(
        lines[1]["document"]["title"],
        "Ferry timetable changes for summer"
    );
    assert_eq!(
        lines[1]["document"]["published"],
        "2025-03-13T17:00:00+00:00"
    );
    assert!(claims_index_the_document_text(&lines[1]) >= 1);
}

#[test]
fn a_feed_on_standard_input_is_detected_by_its_content() {
    let out = whosaid()
        .args(["export", "-"])
        .write_stdin(read("feeds/lakeside.atom"))
        .assert()
        .success();
    assert_eq!(json_lines(&out.get_output().stdout).len(), 2);
}

#[test]
fn a_feed_exports_as_json_lines_only() {
    let feed = fixture("feeds/lakeside.atom");
    let out = whosaid()
        .args(["export", "--format", "csv", feed.to_str().unwrap()])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("export as JSON Lines only"), "{stderr}");
}

#[test]
fn the_reader_given_a_feed_lists_its_articles_and_how_to_open_one() {
    let feed = fixture("feeds/lakeside.atom");
    let out = whosaid().arg(feed.to_str().unwrap()).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(stdout.starts_with("The Lakeside Courier ("), "{stdout}");
    assert!(
        stdout.contains("2025-03-14  Council backs harbour bridge repairs\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("https://courier.example/news/ferry"),
        "{stdout}"
    );
    assert!(stdout.contains("whosaid LINK"), "{stdout}");
}

#[test]
fn a_page_in_the_windows_1252_it_declares_is_decoded() {
    let page = fixture("encodings/cafe-windows-1252.html");
    let bytes = std::fs::read(&page).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    let out = export(&[page.to_str().unwrap()], "");
    let doc = &out["document"];
    assert_eq!(doc["title"], "Café owners protest new terrace rules");
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.contains("Mayor Léa Durand said the rules “will not change before the summer,”"),
        "{text}"
    );
    assert!(text.contains("about 4 000 € a month — a figure"), "{text}");
    assert!(claims_index_the_document_text(&out) > 0);
    // Standard input is read the same way.
    let out = whosaid()
        .args(["export", "--format", "json", "-"])
        .write_stdin(bytes.clone())
        .assert()
        .success();
    let json: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        json["document"]["title"],
        "Café owners protest new terrace rules"
    );

    // Without its declaration the same bytes are refused, as any text that
    // is not UTF-8.
    let undeclared = command::undeclared_cafe_page();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cafe.html");
    std::fs::write(&file, undeclared).unwrap();
    let out = whosaid().arg("export").arg(&file).assert().code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
}

#[test]
fn a_feed_in_the_latin_1_its_declaration_names_is_decoded_once() {
    let feed = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Café news</title><link>http://127.0.0.1:9/</link>
<description>Local news</description>
<item><title>Café owners protest</title><link>http://127.0.0.1:9/cafe</link></item>
</channel></rss>
"#;
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(feed);
    assert!(!unmappable && std::str::from_utf8(&bytes).is_err());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.xml");
    std::fs::write(&file, &bytes).unwrap();
    let out = whosaid().arg("--no-library").arg(&file).assert().success();
    let listed = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(listed.contains("Café news"), "{listed}");
    assert!(listed.contains("Café owners protest"), "{listed}");
}
