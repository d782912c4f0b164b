//! `cargo bench`: how fast `analyze` runs on one core and how much memory
//! it takes, how `whosaid export --format json` compares with `wc -w`, and
//! whether any input shape makes it slower per megabyte as it grows.
//!
//! Times are CPU time of the analysing thread (or of the child processes
//! for the export), not wall time: the machine may be shared, and CPU time
//! is what one core spends. Targets (issue 6):
//! - at least 40 MB/s over 10 MB of article text (criterion, and one timed
//!   analysis with its peak memory);
//! - peak memory at most 6 × the input;
//! - `whosaid export --format json` of a 10.5 MB file (the bundled article
//!   repeated 2,300 times with blank lines) at most 8 × the CPU time of
//!   `wc -w` on the same file, measured side by side in this run;
//! - time per MB flat from 64 KB to 4 MB for ordinary text and for the
//!   adversarial shapes (the slowest size at most twice the fastest, per MB).
//!
//! The article text is the dev articles (`shared/eval-dev/*.jsonl` beside
//! the repository or its worktree folder, their `text` fields, or the
//! folder named by `WHOSAID_EVAL_DEV`) joined by blank lines and repeated;
//! without them, the bundled article repeated.
//!
//! So that `cargo bench` ends in minutes even when the analysis is far too
//! slow: over 2 s for 1 MB skips the 10 MB runs; over 5 s for one 10 MB
//! analysis skips its repetitions by criterion; a shape that takes over
//! 10 s at one size is not run at the next. Each is said when it happens.

mod dev;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::{Criterion, Throughput};
use whosaid::analysis::{Options, analyze_with};

const BUNDLED: &str = include_str!("../assets/us-mexico-cartels.txt");
const BIG: usize = 10_000_000;
/// Over this many seconds for 1 MB, the 10 MB runs are skipped.
const SLOW_1MB: f64 = 2.0;
/// Over this many seconds for one 10 MB analysis, criterion does not repeat it.
const SLOW_10MB: f64 = 5.0;
/// Over this many seconds at one size, a shape is not run at the next.
const SLOW_SHAPE: f64 = 10.0;
const TARGET_MB_S: f64 = 40.0;
const TARGET_PEAK: f64 = 6.0;
const TARGET_WC_RATIO: f64 = 8.0;
/// The slowest size of a shape over its fastest, per MB.
const TARGET_FLATNESS: f64 = 2.0;

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

/// The CPU time this thread has used.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The CPU time (user and system) the finished child processes have used.
fn children_cpu() -> Duration {
    // SAFETY: an all-zero rusage is valid, and getrusage only fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(status, 0, "getrusage(RUSAGE_CHILDREN) failed");
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// The CPU time of one analysis of `text`.
fn cpu_seconds(text: &str, options: &Options) -> f64 {
    let start = thread_cpu();
    black_box(analyze_with(black_box(text), options));
    (thread_cpu() - start).as_secs_f64()
}

/// At least `size` bytes of real article text, and where it came from.
fn big_text(size: usize) -> (String, &'static str) {
    let articles = dev::texts(|_| true);
    let (articles, origin) = if articles.is_empty() {
        (vec![BUNDLED.to_string()], "the bundled article, repeated")
    } else {
        (articles, "the dev articles, repeated")
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

/// Criterion over `text`, timed in CPU time of this thread.
fn criterion_run(c: &mut Criterion, name: &str, text: &str, samples: usize) {
    let options = Options::default();
    let mut group = c.benchmark_group("analyze");
    // Decimal megabytes, the unit of the target and of the timed analysis
    // below (criterion's `Bytes` would print MiB/s, 5% lower).
    group.throughput(Throughput::BytesDecimal(text.len() as u64));
    if samples < 100 {
        group.sample_size(samples);
        group.measurement_time(Duration::from_secs(20));
    }
    group.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let start = thread_cpu();
            for _ in 0..iters {
                black_box(analyze_with(black_box(text), &options));
            }
            thread_cpu() - start
        })
    });
    group.finish();
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "NOT met" }
}

/// One analysis of `text`: prints its speed (against the target when
/// `speed_target`: the target is over 10 MB, and the first, smaller run
/// also pays for the process's first touch of its memory) and the peak of
/// the bytes it allocated beyond what was live before it started; returns
/// the seconds.
fn once(text: &str, origin: &str, speed_target: bool) -> f64 {
    let options = Options::default();
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = thread_cpu();
    let analysis = analyze_with(text, &options);
    let elapsed = (thread_cpu() - start).as_secs_f64();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    let mb = text.len() as f64 / 1e6;
    let speed = mb / elapsed;
    let ratio = peak as f64 / text.len() as f64;
    println!("one analysis of {mb:.1} MB ({origin}):");
    let against_target = if speed_target {
        format!(
            " (target ≥ {TARGET_MB_S}: {})",
            verdict(speed >= TARGET_MB_S)
        )
    } else {
        String::new()
    };
    println!(
        "  {} claims, {} actors, {} figures in {elapsed:.2} s CPU: {speed:.1} MB/s{against_target}",
        analysis.claims.len(),
        analysis.actors.len(),
        analysis.figures.len(),
    );
    println!(
        "  peak allocated {:.1} MB = {ratio:.2} × the input (target ≤ {TARGET_PEAK}: {})",
        peak as f64 / 1e6,
        verdict(ratio <= TARGET_PEAK),
    );
    elapsed
}

/// The least CPU time of `runs` runs of a command, its output thrown away.
fn command_cpu(program: &Path, args: &[&str], runs: usize) -> f64 {
    (0..runs)
        .map(|_| {
            let start = children_cpu();
            let status = Command::new(program)
                .args(args)
                .stdout(Stdio::from(
                    std::fs::File::create("/dev/null").expect("/dev/null"),
                ))
                .status()
                .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
            assert!(status.success(), "{} failed", program.display());
            (children_cpu() - start).as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// `whosaid export --format json` against `wc -w` on the bundled article
/// repeated 2,300 times, side by side: the ratio of their CPU times.
fn export_against_wc() {
    let article = BUNDLED.trim_end();
    let text = vec![article; 2300].join("\n\n");
    let path = std::env::temp_dir().join(format!("whosaid-bench-{}.txt", std::process::id()));
    std::fs::write(&path, &text).expect("write the 10.5 MB file");
    let file = path.to_str().expect("a UTF-8 temporary path");
    let wc = command_cpu(Path::new("wc"), &["-w", file], 5);
    let export = command_cpu(
        Path::new(env!("CARGO_BIN_EXE_whosaid")),
        &["export", "--format", "json", file],
        3,
    );
    let _ = std::fs::remove_file(&path);
    let ratio = export / wc.max(1e-6);
    println!(
        "export --format json of {:.1} MB (the bundled article × 2300): {:.0} ms CPU, \
         wc -w {:.0} ms: {ratio:.1} × (target ≤ {TARGET_WC_RATIO}: {})",
        text.len() as f64 / 1e6,
        export * 1e3,
        wc * 1e3,
        verdict(ratio <= TARGET_WC_RATIO),
    );
}

/// `unit` repeated to `size` bytes (cut at a character boundary).
fn repeated(unit: &str, size: usize) -> String {
    let mut text = unit.repeat(size / unit.len() + 1);
    let mut cut = size;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}

/// "Anna said that, Boris said that, …": one sentence, claims without end.
fn said_chain(size: usize) -> String {
    const NAMES: &[&str] = &["Anna", "Boris", "Carla", "David", "Elena", "Frank"];
    let mut text = String::with_capacity(size + 32);
    for name in NAMES.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(name);
        text.push_str(" said that, ");
    }
    text
}

/// Seconds per MB for each size of a shape: small sizes are analysed
/// several times, so that each figure sums at least 0.2 s.
fn scaling(shape: &str, make: &dyn Fn(usize) -> String) {
    let options = Options::default();
    let sizes = [64 << 10, 256 << 10, 1 << 20, 4 << 20];
    let mut per_mb = Vec::new();
    let mut line = format!("  {shape:<32}");
    for size in sizes {
        let text = make(size);
        let mut total = 0.0;
        let mut runs = 0;
        while total < 0.2 && runs < 1000 {
            total += cpu_seconds(&text, &options);
            runs += 1;
        }
        let seconds = total / f64::from(runs);
        let mb = text.len() as f64 / 1e6;
        per_mb.push(seconds / mb);
        line.push_str(&format!(" {:>8.1}", seconds / mb * 1e3));
        if seconds > SLOW_SHAPE {
            line.push_str(&format!("  (stopped: {seconds:.0} s at {} KB)", size >> 10));
            break;
        }
    }
    let fastest = per_mb.iter().copied().fold(f64::INFINITY, f64::min);
    let slowest = per_mb.iter().copied().fold(0.0, f64::max);
    let flatness = slowest / fastest;
    line.push_str(&format!(
        "   {flatness:>4.1} × ({})",
        verdict(flatness <= TARGET_FLATNESS && per_mb.len() == sizes.len())
    ));
    println!("{line}");
}

fn scaling_table(ordinary: &str) {
    println!(
        "ms of CPU per MB at 64 KB, 256 KB, 1 MB, 4 MB; slowest over fastest \
         (target ≤ {TARGET_FLATNESS}):"
    );
    let cut = |size: usize| {
        let mut end = size.min(ordinary.len());
        while !ordinary.is_char_boundary(end) {
            end -= 1;
        }
        ordinary[..end].to_string()
    };
    scaling("ordinary articles", &cut);
    scaling("\"according to \" repeated", &|n| {
        repeated("according to ", n)
    });
    scaling("\"X said that, Y said that, …\"", &said_chain);
    scaling("title words", &|n| {
        repeated("President Secretary Minister Dr. ", n)
    });
    scaling("\"he said that, she said that, …\"", &|n| {
        repeated("he said that, she said that, they said that, ", n)
    });
    scaling("quotations in one sentence", &|n| {
        repeated("“yes,” “no,” said the officials, ", n)
    });
    scaling("long groups in one sentence", &|n| {
        repeated(
            "the officials from the ministry of the interior of the state said on \
             Tuesday in a statement that ",
            n,
        )
    });
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    criterion_run(&mut c, "bundled article", BUNDLED, 100);
    // `cargo test --benches` runs each benchmark once: the bundled article
    // is enough there. The big runs are for `cargo bench`.
    if std::env::args().any(|a| a == "--bench") {
        let (one, origin) = big_text(BIG / 10);
        let seconds = once(&one, origin, false);
        drop(one);
        let (text, origin) = big_text(BIG);
        if seconds > SLOW_1MB {
            println!(
                "analyze/10 MB: skipped, 1 MB took {seconds:.1} s (over {SLOW_1MB} s); \
                 profile before measuring more"
            );
        } else {
            let seconds = once(&text, origin, true);
            if seconds > SLOW_10MB {
                println!(
                    "analyze/10 MB of articles: not repeated, one analysis took {seconds:.1} s \
                     (over {SLOW_10MB} s); the figure above is the measure"
                );
            } else {
                criterion_run(&mut c, "10 MB of articles", &text, 10);
            }
        }
        export_against_wc();
        scaling_table(&text);
    }
    c.final_summary();
}
