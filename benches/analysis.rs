//! `cargo bench`: how fast `analyze` runs on one core (bytes per second, on
//! the bundled article and on 10 MB of text), and how much memory one
//! analysis of the 10 MB text takes at its peak, as a multiple of the input.
//! Targets: at least 20 MB/s, at most 10 × the input.
//!
//! The 10 MB text is the dev articles (`../shared/eval-dev/*.jsonl`, their
//! `text` fields) joined by blank lines and repeated; without them, the
//! bundled article repeated.
//!
//! One timed analysis of 1 MB, then of 10 MB, comes first, each with its
//! peak memory. So that `cargo bench` still ends in minutes when the
//! analysis is far too slow: over 2 s for 1 MB skips the 10 MB runs, and
//! over 5 s for the one 10 MB analysis skips its repetitions by criterion
//! (that one analysis is then the figure). Both are said when they happen.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use whosaid::analysis::{Options, analyze};

const BUNDLED: &str = include_str!("../assets/us-mexico-cartels.txt");
const BIG: usize = 10_000_000;
/// Over this many seconds for 1 MB, the 10 MB runs are skipped.
const SLOW_1MB: f64 = 2.0;
/// Over this many seconds for one 10 MB analysis, criterion does not repeat it.
const SLOW_10MB: f64 = 5.0;

/// The system allocator, counting the bytes live now and the most seen.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        shrank(layout.size());
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, layout, new_size) };
        if !q.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                shrank(layout.size() - new_size);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// At least `size` bytes of real article text, and where it came from.
fn big_text(size: usize) -> (String, &'static str) {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval-dev");
    let mut files: Vec<_> = std::fs::read_dir(&dev)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let articles: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|s| s.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(&line).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    let (articles, origin) = if articles.is_empty() {
        (vec![BUNDLED.to_string()], "the bundled article, repeated")
    } else {
        (articles, "the dev articles in ../shared/eval-dev, repeated")
    };
    let mut text = String::with_capacity(size + 100_000);
    for article in articles.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(article);
        text.push_str("\n\n");
    }
    (text, origin)
}

fn bundled(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(BUNDLED.len() as u64));
    group.bench_function("bundled article", |b| {
        b.iter(|| analyze(black_box(BUNDLED), &options))
    });
    group.finish();
}

fn big(c: &mut Criterion, text: &str) {
    let options = Options::default();
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("10 MB of articles", |b| {
        b.iter(|| analyze(black_box(text), &options))
    });
    group.finish();
}

/// One analysis of `text`: prints its speed and the peak of the bytes it
/// allocated beyond what was live before it started; returns the seconds.
fn once(text: &str, origin: &str) -> f64 {
    let options = Options::default();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let analysis = analyze(text, &options);
    let elapsed = start.elapsed().as_secs_f64();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let mb = text.len() as f64 / 1e6;
    let speed = mb / elapsed;
    let ratio = peak as f64 / text.len() as f64;
    println!("one analysis of {mb:.1} MB ({origin}):");
    println!(
        "  {} claims, {} actors, {} figures in {elapsed:.2} s: {speed:.1} MB/s (target ≥ 20: {})",
        analysis.claims.len(),
        analysis.actors.len(),
        analysis.figures.len(),
        if speed >= 20.0 { "met" } else { "NOT met" },
    );
    println!(
        "  peak allocated {:.1} MB = {ratio:.2} × the input (target ≤ 10: {})",
        peak as f64 / 1e6,
        if ratio <= 10.0 { "met" } else { "NOT met" },
    );
    elapsed
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bundled(&mut c);
    // `cargo test --benches` runs each benchmark once: the bundled article
    // is enough there. The big runs are for `cargo bench`.
    if std::env::args().any(|a| a == "--bench") {
        let (one, origin) = big_text(BIG / 10);
        let seconds = once(&one, origin);
        drop(one);
        if seconds > SLOW_1MB {
            println!(
                "analyze/10 MB: skipped, 1 MB took {seconds:.1} s (over {SLOW_1MB} s); \
                 profile before measuring more"
            );
        } else {
            let (text, origin) = big_text(BIG);
            let seconds = once(&text, origin);
            if seconds > SLOW_10MB {
                println!(
                    "analyze/10 MB of articles: not repeated, one analysis took {seconds:.1} s \
                     (over {SLOW_10MB} s); the figure above is the measure"
                );
            } else {
                big(&mut c, &text);
            }
        }
    }
    c.final_summary();
}
