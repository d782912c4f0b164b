//! Times each analysis stage on a text file (a profiling aid):
//! `cargo run --release --example stages FILE`.
use std::time::Instant;
use whosaid::analysis::{Options, actors, attribution, markers, mentions, quotes, segment};
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let o = Options::default();
    let t = Instant::now();
    let tokens = segment::tokenize(&text);
    let sentences = segment::sentences(&text, &tokens);
    eprintln!("segment {:?}", t.elapsed());
    let t = Instant::now();
    let q = quotes::find(&text, &tokens);
    eprintln!("quotes {:?}", t.elapsed());
    let t = Instant::now();
    let m = mentions::find(&text, &tokens, &sentences, &q, &o);
    eprintln!("mentions {:?} ({})", t.elapsed(), m.len());
    let t = Instant::now();
    let mut f = attribution::find(&text, &tokens, &sentences, &q, &m, &o);
    eprintln!("attribution {:?}", t.elapsed());
    let t = Instant::now();
    let r = actors::resolve(&text, &sentences, &m, &mut f, &q, &o);
    eprintln!("actors {:?} ({})", t.elapsed(), r.actors.len());
    let t = Instant::now();
    let figs = markers::figures(&text, &tokens);
    for c in &f {
        markers::hedges(&text, &tokens, c.span);
    }
    eprintln!("markers {:?} ({})", t.elapsed(), figs.len());
}
