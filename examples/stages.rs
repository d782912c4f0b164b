//! Times each analysis stage on a text file in CPU time of this thread, with
//! the bytes allocated at the end of each stage and the peak so far, over
//! the input's size (a profiling aid; `cargo bench` gives the figures):
//! `cargo run --release --example stages FILE`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use whosaid::analysis::{
    Lexicon, TokenTable, actors, analyze_text, attribution, markers, mentions, quotes, segment,
};

/// The system allocator, counting the bytes live and the most seen.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, layout) }
    }

    /// Counted as the change in size, as the bench does: a large block
    /// grows or shrinks in place (mremap), not by a copy.
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let now = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size
                - layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { System.realloc(p, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for the call to fill.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE");
    let text = std::fs::read_to_string(path).expect("a readable UTF-8 file");
    let lexicon = Lexicon::builtin();
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let size = text.len() as f64;
    let mut last = cpu();
    let mut lap = |stage: &str| {
        let now = cpu();
        let live = (LIVE.load(Ordering::Relaxed) - base) as f64 / size;
        let peak = (PEAK.load(Ordering::Relaxed) - base) as f64 / size;
        eprintln!(
            "{stage:<12} {:>5.0} ms  live {live:.2} ×  peak {peak:.2} ×",
            (now - last).as_secs_f64() * 1e3
        );
        last = now;
    };
    let table = TokenTable::new(&text, lexicon);
    lap("tokens");
    let sentences = segment::sentences(&table);
    lap("sentences");
    let q = quotes::find(&table);
    lap("quotes");
    let m = mentions::find(&table, &sentences, &q, lexicon);
    lap("mentions");
    let mut f = attribution::find(&table, &sentences, &q, &m, lexicon);
    lap("attribution");
    // In analyze's order: the hedges and figures are read off the token
    // table, which is dropped before the actors are merged.
    let hedges: Vec<_> = f.iter().map(|c| markers::hedges(&table, c.span)).collect();
    lap("hedges");
    let figures = markers::figures(&table);
    lap("figures");
    let wrapped = table.wrapped;
    drop(table);
    let r = actors::resolve(&text, wrapped, &sentences, &m, &mut f, &q, lexicon);
    lap("actors");
    eprintln!(
        "({} mentions, {} actors, {} figures)",
        m.len(),
        r.actors.len(),
        figures.len()
    );
    drop((sentences, q, m, f, r, hedges, figures));
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = cpu();
    let analysis = analyze_text(&text, lexicon);
    let seconds = (cpu() - start).as_secs_f64();
    let peak = (PEAK.load(Ordering::Relaxed) - base) as f64 / size;
    eprintln!(
        "analyze: {:.0} ms, {:.1} MB/s, peak {peak:.2} × the input",
        seconds * 1e3,
        text.len() as f64 / 1e6 / seconds
    );
    drop(analysis);
}
