//! `cargo bench --bench corpus`: news articles per second through
//! `corpus::export_jsonl` on every core (rayon), JSON parsing and writing
//! included, over a JSON Lines corpus of the dev news articles
//! (`../shared/eval-dev`, or `$WHOSAID_EVAL_DEV`; those not marked fiction)
//! repeated; without them, the bundled article repeated. Target: at least 4,000 articles/s on the
//! 2-core machine. Criterion reports it as "elem/s".

mod dev;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use whosaid::analysis::Lexicon;
use whosaid::corpus::{Job, export_jsonl};

const BUNDLED: &str = include_str!("../assets/us-mexico-cartels.txt");
/// Articles in the benched corpus.
const ARTICLES: usize = 2_000;

/// The dev news articles' texts, and where they came from.
fn news_texts() -> (Vec<String>, &'static str) {
    let texts = dev::texts(|article| article["genre"] != "fiction");
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
