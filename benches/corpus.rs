//! `cargo bench --bench corpus`: news articles per second through
//! `corpus::export_jsonl` on every core (rayon), JSON parsing and writing
//! included, over a JSON Lines corpus of the dev news articles
//! (`../shared/eval-dev`, or `$WHOSAID_EVAL_DEV`; those not marked fiction)
//! repeated; without them, the bundled article repeated. Target: at least 4,000 articles/s on the
//! 2-core machine. Criterion reports it as "elem/s".

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput};
use serde_json::Value;
use whosaid::analysis::Lexicon;
use whosaid::corpus::{Job, export_jsonl};

const BUNDLED: &str = include_str!("../assets/us-mexico-cartels.txt");
/// Articles in the benched corpus.
const ARTICLES: usize = 2_000;

/// The dev news articles' texts, and where they came from.
fn news_texts() -> (Vec<String>, &'static str) {
    let dev = std::env::var_os("WHOSAID_EVAL_DEV").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval-dev"),
        PathBuf::from,
    );
    let mut files: Vec<_> = std::fs::read_dir(&dev)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|s| s.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter_map(|line| serde_json::from_str::<Value>(&line).ok())
        .filter(|v| v["genre"] != "fiction")
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    if texts.is_empty() {
        (vec![BUNDLED.to_string()], "the bundled article")
    } else {
        (texts, "the dev news articles")
    }
}

/// `count` lines of `{"id", "text"}`, cycling through `texts`.
fn corpus(texts: &[String], count: usize) -> String {
    texts
        .iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(i, text)| serde_json::json!({ "id": i, "text": text }).to_string() + "\n")
        .collect()
}

fn main() {
    let (texts, origin) = news_texts();
    let corpus = corpus(&texts, ARTICLES);
    eprintln!(
        "corpus: {ARTICLES} articles ({} distinct, {origin}), {:.1} MB of JSON Lines, {} threads",
        texts.len(),
        corpus.len() as f64 / 1e6,
        rayon::current_num_threads()
    );
    let lexicon = Lexicon::builtin();
    let job = Job {
        lexicon,
        kinds: &[],
        actors: &[],
        max_bytes: whosaid::reading::DEFAULT_MAX_BYTES,
    };
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Elements(ARTICLES as u64));
    group.bench_function("news articles as JSON Lines, all cores", |b| {
        b.iter(|| {
            let summary = export_jsonl(black_box(corpus.as_bytes()), job, std::io::sink())
                .expect("writing to a sink cannot fail");
            assert_eq!(summary.failed, 0);
        })
    });
    group.finish();
    c.final_summary();
}
