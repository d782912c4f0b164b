//! Prints the mentions of a text file, one a line: code-point offset, kind,
//! span text, name, role, in_quote (a debugging aid for the mention rules).
use whosaid::analysis::{Lexicon, TokenTable, mentions, quotes, segment};

fn main() {
    let path = std::env::args().nth(1).expect("usage: mentions FILE");
    let text = std::fs::read_to_string(path).expect("readable file");
    let lexicon = Lexicon::builtin();
    let table = TokenTable::new(&text, lexicon);
    let sentences = segment::sentences(&table);
    let quotations = quotes::find(&table);
    for m in mentions::find(&table, &sentences, &quotations, lexicon) {
        let offset = text[..m.span.start].chars().count();
        let span = m.span.of(&text);
        println!(
            "{offset}\t{:?}\t{span:?}\t{}\t{:?}\t{}",
            m.kind, m.name, m.role, m.in_quote
        );
    }
}
