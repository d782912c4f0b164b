//! Whom a quotation calls by name ("“Well, Nils,” he said"): the listener,
//! never the one who says it. A pronoun framing such a quote stands for
//! someone else, as the vocative sieve of quote attribution for novels has
//! it (Muzny et al. 2017).

use super::traits::{Names, Traits};
use crate::analysis::shared::{MentionCursor, is_vocative};
use crate::analysis::steps;
use crate::analysis::wordlists::Map;
use crate::analysis::{FoundClaim, Mention, Via};

/// How many mentions of a quote are looked at for the names it calls.
const ADDRESS_REACH: usize = 16;

/// For each pronoun that is a claim's source, the sets of mentions
/// (roots) of the people its claims' quotations address by name. One
/// source may frame several quotes of its paragraph ("“A,” he said,
/// “B.”"); the quotes of later turns that only inherit it do not count.
pub(super) fn by_pronoun(
    text: &str,
    mentions: &[Mention],
    names: &Names,
    root_of: &[usize],
    claims: &[FoundClaim],
) -> Map<usize, Vec<usize>> {
    let traits = &names.traits;
    let mut addressed: Map<usize, Vec<usize>> = Map::default();
    let mut cursor = MentionCursor::default();
    for claim in claims {
        let Some(s) = claim.source.filter(|&s| traits[s].is_pronoun()) else {
            continue;
        };
        if claim.via.is_dialogue() && claim.via != Via::SpeakerInParagraph {
            continue;
        }
        for quote in &claim.quotes {
            let at = cursor.first_from(&names.starts, quote.start);
            for v in called(text, mentions, traits, at, quote.end) {
                let roots = addressed.entry(s).or_default();
                if !roots.contains(&root_of[v]) {
                    roots.push(root_of[v]);
                }
            }
        }
    }
    addressed
}

/// The people named as listeners in a quote: from the mention `at`, its
/// first, to `end`, where it ends.
pub(super) fn called<'a>(
    text: &'a str,
    mentions: &'a [Mention],
    traits: &'a [Traits],
    at: usize,
    end: usize,
) -> impl Iterator<Item = usize> + 'a {
    mentions[at..]
        .iter()
        .take_while(move |m| m.span.start < end)
        .take(ADDRESS_REACH)
        .enumerate()
        .filter(move |&(k, m)| {
            steps::step();
            let t = traits[at + k];
            t.is_named_person() && t.in_quote() && m.span.end <= end && is_vocative(text, m.span)
        })
        .map(move |(k, _)| at + k)
}

#[cfg(test)]
mod tests {
    use crate::analysis::shared::speakers;

    #[test]
    fn he_who_frames_a_quote_is_not_the_man_it_addresses() {
        // "he" alone would stand for Arne, the subject just before.
        let text = "Nils Ek came in from the yard and shut the door. Arne Holt sat by the stove.\n\n\"Well, Arne,\" he said, \"the cows are in.\"";
        let found = speakers(text);
        assert_eq!(found[0].0, "Well, Arne,");
        assert_eq!(found[0].1.as_deref(), Some("Nils Ek"), "{found:?}");
        assert_eq!(found[1].1.as_deref(), Some("Nils Ek"), "{found:?}");
    }
}
