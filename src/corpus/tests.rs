use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

const ARTICLE: &str = "Harbour plan approved\n\nThe council approved the harbour plan on Monday. \
    \"We waited ten years for this,\" said Mayor Alma Kedone. Critics said the cost was too high.";

/// Runs `corpus` (`export_jsonl` or `export_files` with its input) with a
/// job of the default options, `kinds` and `max_bytes`, and parses the
/// lines it wrote.
fn run_with(
    kinds: &[ClaimKind],
    max_bytes: u64,
    corpus: impl FnOnce(Job, &mut Vec<u8>) -> Result<Summary, RunError>,
) -> (Vec<Value>, Summary) {
    let lexicon = Lexicon::builtin();
    let job = Job {
        lexicon,
        kinds,
        actors: &[],
        max_bytes,
    };
    let mut out = Vec::new();
    let summary = corpus(job, &mut out).unwrap();
    let lines = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (lines, summary)
}

const NO_CAP: u64 = crate::reading::DEFAULT_MAX_BYTES;

fn job_run(input: &str) -> (Vec<Value>, Summary) {
    run_with(&[], NO_CAP, |job, out| {
        export_jsonl(input.as_bytes(), job, out)
    })
}

fn input_line(id: Value, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string() + "\n"
}

#[test]
fn every_line_comes_out_in_input_order_with_its_id_across_windows() {
    let count = WINDOW_ITEMS * 2 + 7;
    let input: String = (0..count)
        .map(|i| input_line(Value::from(format!("n{i}")), &format!("{ARTICLE} Row {i}.")))
        .collect();
    let (lines, summary) = job_run(&input);
    assert_eq!(lines.len(), count);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], format!("n{i}"));
        assert_eq!(line["schema"], "whosaid/1");
    }
    assert_eq!(
        summary,
        Summary {
            articles: count,
            failed: 0,
            first_failure: None
        }
    );
}

#[test]
fn an_article_line_is_the_json_export_plus_its_id_and_other_fields() {
    let input = serde_json::json!({ "id": 42, "text": ARTICLE, "lang": "en", "tags": ["city"] })
        .to_string();
    let (lines, _) = job_run(&input);
    let mut line = lines.into_iter().next().unwrap();
    assert_eq!(line["id"], 42);
    assert_eq!(
        line["meta"],
        serde_json::json!({ "lang": "en", "tags": ["city"] })
    );
    let object = line.as_object_mut().unwrap();
    object.remove("id");
    object.remove("meta");

    let doc = Document::from_text("42", ARTICLE);
    let analysis = crate::analysis::analyze_with(ARTICLE, &crate::analysis::Options::default());
    let all = ClaimFilter::default().apply(&analysis, &[]);
    let request = crate::export::Request::new(&doc, &analysis, &all.claims, &all.actors);
    let single: Value = serde_json::from_str(&crate::export::json::to_text(&request)).unwrap();
    assert_eq!(line, single);
    assert!(
        !line["claims"].as_array().unwrap().is_empty(),
        "the article has claims to compare"
    );
}

#[test]
fn bad_lines_become_error_lines_with_their_number_and_the_stream_goes_on() {
    let input = [
        input_line(Value::from("good-1"), ARTICLE),
        "{not json\n".to_string(),
        r#"{"id": "no-text", "body": "x"}"#.to_string() + "\n",
        r#"{"id": "number", "text": 7}"#.to_string() + "\n",
        "[1, 2]\n".to_string(),
        "\n".to_string(),
        input_line(Value::from("good-2"), ARTICLE),
    ]
    .concat();
    let (lines, summary) = job_run(&input);
    assert_eq!(lines.len(), 7, "N lines in, N lines out");
    assert_eq!(lines[0]["id"], "good-1");
    assert_eq!(lines[6]["id"], "good-2");
    assert_eq!(lines[6]["schema"], "whosaid/1");
    let errors: Vec<(&Value, u64, &str)> = lines[1..6]
        .iter()
        .map(|l| {
            (
                &l["id"],
                l["line"].as_u64().unwrap(),
                l["error"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(errors[0].0, &Value::Null);
    assert_eq!(errors[0].1, 2);
    assert!(errors[0].2.starts_with("not JSON"), "{}", errors[0].2);
    assert_eq!(errors[1].0, "no-text");
    assert!(
        errors[1].2.starts_with("no \"text\" field"),
        "{}",
        errors[1].2
    );
    assert_eq!(errors[2].0, "number");
    assert_eq!(errors[2].2, "\"text\" is a number, not a string");
    assert!(errors[3].2.starts_with("not a JSON object but an array"));
    assert_eq!(errors[4].1, 6);
    assert_eq!(errors[4].2, "an empty line, not a JSON object");
    assert_eq!(summary.failed, 5);
    assert_eq!(summary.articles, 7);
    assert!(
        summary
            .first_failure
            .unwrap()
            .starts_with("line 2: not JSON")
    );
}

#[test]
fn a_line_over_the_size_cap_is_an_error_line_and_the_next_line_still_reads() {
    let long = input_line(Value::from("long"), &"word ".repeat(200));
    let input = [
        input_line(Value::from("a"), "Short."),
        long,
        input_line(Value::from("b"), "Short."),
    ]
    .concat();
    let (lines, summary) = run_with(&[], 300, |job, out| {
        export_jsonl(io::BufReader::with_capacity(64, input.as_bytes()), job, out)
    });
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["line"], 2);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("size cap of 300 bytes")
    );
    assert_eq!(lines[2]["id"], "b");
    assert_eq!(summary.failed, 1);
}

#[test]
fn windows_ending_in_crlf_and_no_final_newline_still_read() {
    let input = input_line(Value::from("a"), ARTICLE).replace('\n', "\r\n")
        + input_line(Value::from("b"), ARTICLE).trim_end();
    let (lines, summary) = job_run(&input);
    assert_eq!(summary.failed, 0, "{lines:?}");
    assert_eq!(lines[1]["id"], "b");
}

#[test]
fn a_filter_applies_to_every_article() {
    let (lines, _) = run_with(&[ClaimKind::Direct], NO_CAP, |job, out| {
        export_jsonl(input_line(Value::Null, ARTICLE).as_bytes(), job, out)
    });
    let line = &lines[0];
    let kinds: Vec<&Value> = line["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["kind"])
        .collect();
    assert!(!kinds.is_empty());
    assert!(kinds.iter().all(|k| *k == "direct"), "{kinds:?}");
    assert_eq!(line["id"], Value::Null);
    assert_eq!(line["document"]["path"], "-");
}

/// An endless-looking input that counts the lines handed out so far.
struct CountingLines {
    given: Arc<AtomicUsize>,
    total: usize,
    pending: Vec<u8>,
}

impl Read for CountingLines {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            let n = self.given.load(Ordering::SeqCst);
            if n == self.total {
                return Ok(0);
            }
            self.given.store(n + 1, Ordering::SeqCst);
            self.pending =
                input_line(Value::from(n), "Ms Ora Vell said the bridge was safe.").into_bytes();
        }
        let k = buf.len().min(self.pending.len());
        buf[..k].copy_from_slice(&self.pending[..k]);
        self.pending.drain(..k);
        Ok(k)
    }
}

/// Remembers how many input lines had been read when output first came.
struct FirstWrite {
    given: Arc<AtomicUsize>,
    seen: Option<usize>,
}

impl Write for FirstWrite {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.seen
            .get_or_insert_with(|| self.given.load(Ordering::SeqCst));
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn output_starts_after_one_window_not_after_the_whole_corpus() {
    let given = Arc::new(AtomicUsize::new(0));
    let total = WINDOW_ITEMS * 20;
    let input = io::BufReader::new(CountingLines {
        given: given.clone(),
        total,
        pending: Vec::new(),
    });
    let mut sink = FirstWrite {
        given: given.clone(),
        seen: None,
    };
    let lexicon = Lexicon::builtin();
    let job = Job {
        lexicon,
        kinds: &[],
        actors: &[],
        max_bytes: NO_CAP,
    };
    let summary = export_jsonl(input, job, &mut sink).unwrap();
    assert_eq!(summary.articles, total);
    let read_before_output = sink.seen.unwrap();
    // One window, plus what the BufReader read ahead of it.
    assert!(
        read_before_output <= WINDOW_ITEMS + 8192 / 50,
        "{read_before_output} of {total} lines read before any output"
    );
}

#[test]
fn directories_give_their_articles_sorted_and_files_are_kept_as_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/deep")).unwrap();
    for name in [
        "b/deep/z.md",
        "b/a.html",
        "b/notes.pdf",
        "b/c.TXT",
        "a.htm",
        "x.markdown",
        "odd.text",
    ] {
        std::fs::write(root.join(name), "Some text.").unwrap();
    }
    let files = expand(&[root.join("odd.text"), root.to_path_buf()]).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(
        names,
        [
            "odd.text",
            "a.htm",
            "b/a.html",
            "b/c.TXT",
            "b/deep/z.md",
            "x.markdown"
        ]
    );
    let missing = root.join("missing.txt");
    let got = expand(std::slice::from_ref(&missing)).unwrap();
    assert_eq!(got, [missing], "reading it will say it is missing");
}

#[test]
fn a_file_that_cannot_be_read_is_an_error_line_in_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&good, ARTICLE).unwrap();
    std::fs::write(&bad, b"PK\x00\x03").unwrap();
    let files = [bad.clone(), good.clone()];
    let (lines, summary) = run_with(&[], NO_CAP, |job, out| export_files(&files, job, out));
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["path"], bad.display().to_string());
    assert!(lines[0]["error"].as_str().unwrap().contains("binary"));
    assert_eq!(lines[1]["document"]["path"], good.display().to_string());
    assert_eq!(summary.failed, 1);
}
