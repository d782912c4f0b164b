//! The Spark recipe end to end: `examples/spark_whosaid.py` runs in local
//! mode over a JSON Lines corpus split into several partitions, and its part
//! files, concatenated, are exactly one `whosaid export --input jsonl` run.
//!
//! Needs Java 17 and a Python with PySpark: `.ci/pyspark-venv` makes one (at
//! `~/.cache/whosaid/pyspark-venv`, where this test looks), `.ci/run` runs it
//! and sets `WHOSAID_PYSPARK_PYTHON`, which may also point at any python that
//! imports pyspark.

use std::path::{Path, PathBuf};
use std::process::Command;

const HOW_TO_GET_PYSPARK: &str = "this test needs a Python with PySpark (and Java 17): \
    run `.ci/pyspark-venv` once (it makes ~/.cache/whosaid/pyspark-venv), or set \
    WHOSAID_PYSPARK_PYTHON to a python that can `import pyspark`";

/// The python to run the example with: `$WHOSAID_PYSPARK_PYTHON`, else the
/// virtual environment `.ci/pyspark-venv` makes.
fn pyspark_python() -> PathBuf {
    if let Some(python) = std::env::var_os("WHOSAID_PYSPARK_PYTHON") {
        return PathBuf::from(python);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
        .expect("HOME or XDG_CACHE_HOME is set");
    cache.join("whosaid/pyspark-venv/bin/python")
}

/// A corpus of invented articles, one JSON object per line.
fn corpus() -> String {
    let speakers = ["Ora Vell", "Tomas Reyk", "Ines Baudry", "Kofi Anan-Dale"];
    (0..12)
        .map(|i| {
            let who = speakers[i % speakers.len()];
            let text = format!(
                "Council vote number {i}\n\n\"The harbour plan is ready,\" said {who}, the mayor. \
                 Critics said the cost of {i} million was too high. {who} added that work \
                 would start in spring."
            );
            serde_json::json!({ "id": format!("story-{i}"), "text": text }).to_string() + "\n"
        })
        .collect()
}

#[test]
fn the_pyspark_example_in_local_mode_gives_one_runs_output() {
    let python = pyspark_python();
    let has_pyspark = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        has_pyspark,
        "{}: no pyspark there; {HOW_TO_GET_PYSPARK}",
        python.display()
    );

    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    std::fs::write(&input, corpus()).unwrap();
    let output = dir.path().join("out");
    let whosaid = env!("CARGO_BIN_EXE_whosaid");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/spark_whosaid.py");
    let run = Command::new(&python)
        .arg(&example)
        .args([
            "--master",
            "local[2]",
            "--partitions",
            "3",
            "--whosaid",
            whosaid,
        ])
        .arg(&input)
        .arg(&output)
        .env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "the Spark example failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let mut parts: Vec<PathBuf> = std::fs::read_dir(&output)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    parts.sort();
    let non_empty = parts
        .iter()
        .filter(|p| std::fs::metadata(p).unwrap().len() > 0)
        .count();
    assert!(
        non_empty >= 2,
        "the corpus was split over partitions: {parts:?}"
    );
    let spark: Vec<u8> = parts
        .iter()
        .flat_map(|p| std::fs::read(p).unwrap())
        .collect();

    let one_run = Command::new(whosaid)
        .args(["export", "--input", "jsonl"])
        .arg(&input)
        .env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .output()
        .unwrap();
    assert!(one_run.status.success());
    assert_eq!(one_run.stdout.iter().filter(|&&b| b == b'\n').count(), 12);
    assert!(
        spark == one_run.stdout,
        "Spark's output differs from one run:\n{}",
        String::from_utf8_lossy(&spark)
    );
}
