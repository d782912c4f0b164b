//! Whole corpora end to end: `whosaid export` over several articles and
//! directories, and over JSON Lines (`--input jsonl`), as a user or a
//! pipeline runs it; splitting a corpus into chunks (by hand and with GNU
//! parallel, as the README shows) gives exactly one run's output.

mod command;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command as Process, Stdio};

use command::{fixture, whosaid};
use serde_json::Value;

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes)
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

/// The single-article JSON export of `path`.
fn single(path: &Path) -> Value {
    let out = whosaid().arg("export").arg(path).assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// A JSON Lines corpus of news articles: the dev news articles beside the
/// repository when they are there, else the test fixtures, given ids.
fn news_corpus(count: usize) -> String {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval-dev/polnear-sample.jsonl");
    let texts: Vec<String> = match std::fs::read_to_string(&dev) {
        Ok(s) => s
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["text"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect(),
        Err(_) => ["sheinbaum.txt", "accents-emoji.txt"]
            .iter()
            .map(|f| std::fs::read_to_string(fixture(f)).unwrap())
            .collect(),
    };
    texts
        .iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(i, text)| {
            serde_json::json!({ "id": format!("doc-{i}"), "text": text, "n": i }).to_string() + "\n"
        })
        .collect()
}

/// One run of `whosaid export --input jsonl -` over `input`.
fn run_jsonl(input: &str) -> Vec<u8> {
    let out = whosaid()
        .args(["export", "--input", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .success();
    out.get_output().stdout.clone()
}

#[test]
fn several_articles_and_a_directory_are_one_json_line_each_in_argument_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("more")).unwrap();
    let nested = dir.path().join("more/b.txt");
    std::fs::copy(fixture("accents-emoji.txt"), &nested).unwrap();
    std::fs::write(dir.path().join("more/skipped.json"), "{}").unwrap();
    let first = fixture("sheinbaum.txt");

    let out = whosaid()
        .arg("export")
        .arg(&first)
        .arg(dir.path())
        .assert()
        .success();
    let lines = json_lines(&out.get_output().stdout);
    assert_eq!(
        lines.len(),
        2,
        "the .json file in the directory is not an article"
    );
    assert_eq!(lines[0], single(&first));
    assert_eq!(lines[1], single(&nested));
}

#[test]
fn format_jsonl_makes_one_article_a_single_line() {
    let out = whosaid()
        .args(["export", "--format", "jsonl"])
        .arg(fixture("sheinbaum.txt"))
        .assert()
        .success();
    let stdout = &out.get_output().stdout;
    assert_eq!(stdout.iter().filter(|&&b| b == b'\n').count(), 1);
    assert_eq!(json_lines(stdout)[0], single(&fixture("sheinbaum.txt")));
}

#[test]
fn several_articles_as_markdown_is_refused_with_what_to_do() {
    whosaid()
        .args(["export", "--format", "markdown"])
        .arg(fixture("sheinbaum.txt"))
        .arg(fixture("accents-emoji.txt"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "export as JSON Lines only, not markdown",
        ));
}

#[test]
fn a_jsonl_corpus_comes_out_line_for_line_with_ids_from_a_file_or_stdin() {
    let corpus = news_corpus(5);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    std::fs::write(&path, &corpus).unwrap();
    let from_file = whosaid()
        .args(["export", "--input", "jsonl"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(from_file, run_jsonl(&corpus));
    let lines = json_lines(&from_file);
    assert_eq!(lines.len(), 5);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("doc-{i}"));
        assert_eq!(line["meta"]["n"], i);
        assert_eq!(line["schema"], "whosaid/1");
    }
    assert!(
        lines
            .iter()
            .any(|l| !l["claims"].as_array().unwrap().is_empty())
    );
}

#[test]
fn bad_lines_are_reported_in_place_and_the_exit_code_is_2_at_the_end() {
    let corpus = news_corpus(2);
    let mut lines: Vec<&str> = corpus.lines().collect();
    lines.insert(1, r#"{"id": "x", "text": ["not", "a", "string"]}"#);
    lines.insert(1, "this is not json");
    let input = lines.join("\n") + "\n";
    let out = whosaid()
        .args(["export", "--input", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "2 of 4 inputs were not articles (each has an error line in the output); the first: line 2: not JSON",
        ));
    let got = json_lines(&out.get_output().stdout);
    assert_eq!(got.len(), 4);
    assert_eq!(got[0]["id"], "doc-0");
    assert_eq!(
        got[1],
        serde_json::json!({ "id": null, "line": 2, "error": "not JSON (expected ident at line 1 column 2)" })
    );
    assert_eq!(got[2]["id"], "x");
    assert_eq!(got[2]["line"], 3);
    assert_eq!(got[3]["id"], "doc-1");
}

#[test]
fn output_streams_before_the_input_ends() {
    let mut child = Process::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["export", "--input", "jsonl", "-"])
        .env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // More than one window of lines, with the input left open.
    for i in 0..600 {
        writeln!(
            stdin,
            r#"{{"id": {i}, "text": "Ms Ora Vell said the bridge was safe."}}"#
        )
        .unwrap();
    }
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (first_line, first) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = first_line.send(lines.next().unwrap().unwrap());
        1 + lines.count()
    });
    let first = first.recv_timeout(std::time::Duration::from_secs(120));
    drop(stdin);
    let first: Value =
        serde_json::from_str(&first.expect("a line came out while stdin was open")).unwrap();
    assert_eq!(first["id"], 0);
    assert_eq!(reader.join().unwrap(), 600);
    assert!(child.wait().unwrap().success());
}

#[test]
fn a_corpus_split_into_chunks_run_separately_and_concatenated_is_one_runs_output() {
    let corpus = news_corpus(23);
    let whole = run_jsonl(&corpus);
    let lines: Vec<&str> = corpus.split_inclusive('\n').collect();
    let mut concatenated = Vec::new();
    for chunk in [&lines[..1], &lines[1..9], &lines[9..10], &lines[10..]] {
        concatenated.extend(run_jsonl(&chunk.concat()));
    }
    assert_eq!(json_lines(&whole).len(), 23);
    assert!(
        concatenated == whole,
        "the chunked output differs from one run"
    );
}

#[test]
fn gnu_parallel_as_the_readme_shows_gives_one_runs_output() {
    let corpus = news_corpus(23);
    let whole = run_jsonl(&corpus);
    let mut child = Process::new("parallel")
        .args(["--pipe", "--keep-order", "--block", "20k", "-j", "2"])
        .arg(env!("CARGO_BIN_EXE_whosaid"))
        .args(["export", "--input", "jsonl", "-"])
        .env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("GNU parallel runs (install it: apt-get install parallel; .ci/run does)");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(corpus.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout == whole,
        "GNU parallel's output differs from one run"
    );
}

#[test]
fn a_corpus_written_with_o_is_the_same_lines_and_an_existing_file_is_kept() {
    let corpus = news_corpus(3);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims.jsonl");
    whosaid()
        .args(["export", "--input", "jsonl", "-", "-o"])
        .arg(&path)
        .write_stdin(corpus.clone())
        .assert()
        .success();
    assert_eq!(std::fs::read(&path).unwrap(), run_jsonl(&corpus));
    whosaid()
        .args(["export", "--input", "jsonl", "-", "-o"])
        .arg(&path)
        .write_stdin("{}\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists"));
    assert_eq!(std::fs::read(&path).unwrap(), run_jsonl(&corpus));
}
