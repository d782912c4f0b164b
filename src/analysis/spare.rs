//! Room kept from one analysis to the next on the same thread: the vector
//! of mentions, one of the largest of an analysis (a mention every few
//! dozen bytes of text, live to the end).
//!
//! A vector that large comes straight from the system and goes back to it
//! when freed; each analysis then has every page of it zeroed and mapped
//! in again. Kept here, a thread analysing text after text (a corpus
//! worker, the benches) maps it once. The token vector is not kept: it is
//! freed before the actors are resolved, whose memory it then makes room
//! for, and keeping it would raise the peak by nearly twice the text.

use std::cell::RefCell;

use super::Mention;

/// A vector with more bytes of room than this is not kept: a thread that
/// once analysed a huge text should not hold that memory for good.
const MOST_KEPT: usize = 64 << 20;

thread_local! {
    static MENTIONS: RefCell<Vec<Mention>> = const { RefCell::new(Vec::new()) };
}

/// An empty vector of mentions with room for `room`: the spare one, grown
/// to that room if it has less.
pub(super) fn mentions(room: usize) -> Vec<Mention> {
    let mut mentions = MENTIONS.take();
    // Exactly: the stage sizes its vector to the text (and returns the
    // room it did not use), and a large vector grows by being remapped,
    // its pages kept.
    mentions.reserve_exact(room);
    mentions
}

/// Keeps the room of `mentions` for the next analysis on this thread.
pub(super) fn keep_mentions(mut mentions: Vec<Mention>) {
    mentions.clear();
    if mentions.capacity() * std::mem::size_of::<Mention>() <= MOST_KEPT {
        MENTIONS.set(mentions);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Lexicon, analyze_text};

    const LONG: &str = "Mayor Ilse Varga said the bridge would reopen in May. \
        \"We are not done,\" said Tomas Brell, who leads the river council. \
        Officials from the port authority warned that costs could rise. \
        According to one engineer, the cables are sound.\n\n\
        Varga told reporters she expected the work to end soon.";
    const SHORT: &str = "\"It is late,\" said Ana Rell. She added that the ferry would wait.";

    #[test]
    fn an_analysis_after_a_longer_one_on_the_same_thread_finds_what_it_finds_alone() {
        let alone = std::thread::spawn(|| analyze_text(SHORT, Lexicon::builtin()))
            .join()
            .expect("the analysis on its own thread");
        let long = analyze_text(LONG, Lexicon::builtin());
        let after = analyze_text(SHORT, Lexicon::builtin());
        assert!(long.claims.len() > alone.claims.len());
        assert_eq!(after, alone);
        assert_eq!(alone.claims.len(), 2);
    }
}
