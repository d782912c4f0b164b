//! Prints the mentions of a text file, one a line: code-point offset, kind,
//! span text, name, role, in_quote (a debugging aid for the mention rules).
use whosaid::analysis::{Options, mentions, quotes, segment};

fn main() {
    let path = std::env::args().nth(1).expect("usage: mentions FILE");
    let text = std::fs::read_to_string(path).expect("readable file");
    let tokens = segment::tokenize(&text);
    let sentences = segment::sentences(&text, &tokens);
    let quotations = quotes::find(&text, &tokens);
    for m in mentions::find(&text, &tokens, &sentences, &quotations, &Options::default()) {
        let offset = text[..m.span.start].chars().count();
        let span = m.span.of(&text);
        println!(
            "{offset}\t{:?}\t{span:?}\t{}\t{:?}\t{}",
            m.kind, m.name, m.role, m.in_quote
        );
    }
}
