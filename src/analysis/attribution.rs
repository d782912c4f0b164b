//! Claims and their attribution: cue verbs, "according to", inverted "say X",
//! colon and dash frames, and the source mention of each claim.

use super::segment::{Sentence, Token};
use super::{FoundClaim, Mention, Options, Quotation};

/// Every claim in the text with its cue and source mention.
pub fn find(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    quotations: &[Quotation],
    mentions: &[Mention],
    options: &Options,
) -> Vec<FoundClaim> {
    let _ = (text, tokens, sentences, quotations, mentions, options);
    Vec::new()
}
