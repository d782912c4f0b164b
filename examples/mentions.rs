//! Prints the mentions of a text file (a debugging aid for the mention rules).
use whosaid::analysis::{Options, mentions, quotes, segment};

fn main() {
    let path = std::env::args().nth(1).expect("usage: mentions FILE");
    let text = std::fs::read_to_string(path).expect("readable file");
    let tokens = segment::tokenize(&text);
    let sentences = segment::sentences(&text, &tokens);
    let quotations = quotes::find(&text, &tokens);
    for m in mentions::find(&text, &tokens, &sentences, &quotations, &Options::default()) {
        println!(
            "{:?}\t{:?}\t{}\t{:?}",
            m.kind,
            m.span.of(&text),
            m.name,
            m.role
        );
    }
}
