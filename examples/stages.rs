//! Times each analysis stage on a text file in CPU time of this thread (a
//! profiling aid; `cargo bench` gives the figures):
//! `cargo run --release --example stages FILE`.
use std::time::Duration;

use whosaid::analysis::{
    Lexicon, TokenTable, actors, analyze_text, attribution, markers, mentions, quotes, segment,
};

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
    let mut last = cpu();
    let mut lap = |stage: &str| {
        let now = cpu();
        eprint!("{stage} {:.0} ms  ", (now - last).as_secs_f64() * 1e3);
        last = now;
    };
    let table = TokenTable::new(&text, lexicon);
    lap("tokens");
    let sentences = segment::sentences(&text, &table.tokens);
    lap("sentences");
    let q = quotes::find(&text, &table.tokens);
    lap("quotes");
    let m = mentions::find(&table, &sentences, &q, lexicon);
    lap("mentions");
    let mut f = attribution::find(&table, &sentences, &q, &m, lexicon);
    lap("attribution");
    let r = actors::resolve(&text, &sentences, &m, &mut f, &q, lexicon);
    lap("actors");
    for c in &f {
        markers::hedges(&text, &table.tokens, c.span);
    }
    lap("hedges");
    let figures = markers::figures(&text, &table.tokens);
    lap("figures");
    eprintln!(
        "({} mentions, {} actors, {} figures)",
        m.len(),
        r.actors.len(),
        figures.len()
    );
    let start = cpu();
    analyze_text(&text, lexicon);
    let seconds = (cpu() - start).as_secs_f64();
    eprintln!(
        "analyze: {:.0} ms, {:.1} MB/s",
        seconds * 1e3,
        text.len() as f64 / 1e6 / seconds
    );
}
