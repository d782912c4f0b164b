//! The first-person narrator: "“Come on,” I said." makes "I" an actor, one
//! for the whole text, named where the other characters name the narrator
//! as they speak to them ("“You're drunk, Jake.”", "“Well, Hastings?”").

use super::traits::{Names, Pronoun, Traits};
use crate::analysis::shared::{MentionCursor, is_vocative};
use crate::analysis::wordlists::{Map, Set, with_lowercase};
use crate::analysis::{ClaimKind, FoundClaim, Mention};

/// How often a name must address someone before it is taken for the
/// narrator's, when the narration uses that name too.
const TIMES_ADDRESSED: usize = 2;

/// How often, when the narration never uses the name: a narrator says
/// "I", so a name only ever heard in the others' speech is theirs.
const TIMES_ADDRESSED_UNNARRATED: usize = 1;

/// Points every first-person source mention ("I" outside quotation marks)
/// at one referent: the name others address the narrator by, if the text
/// gives one, or else the first such "I". `names` holds the mentions'
/// traits and names; `root_of` gives each mention's set of merged mentions.
pub(super) fn resolve(
    text: &str,
    mentions: &[Mention],
    names: &Names,
    root_of: &[usize],
    claims: &[FoundClaim],
    is_source: &[bool],
    referent: &mut [Option<usize>],
) {
    let traits = &names.traits;
    let first_person = |t: Traits| t.pronoun == Some(Pronoun::I) && !t.in_quote();
    let narrating: Vec<usize> = (0..mentions.len())
        .filter(|&i| is_source[i] && first_person(traits[i]))
        .collect();
    let Some(&first) = narrating.first() else {
        return;
    };
    let named = addressed_by_others(text, mentions, names, root_of, claims, first_person);
    let target = named.map_or(first, |j| referent[j].unwrap_or(j));
    for i in narrating {
        referent[i] = Some(target);
    }
}

/// The name most often used to address someone inside the quotations of
/// speakers other than the narrator, when used at least [`TIMES_ADDRESSED`]
/// times (once, if the narration never names them): in a first-person
/// novel, the others mostly speak to the narrator.
fn addressed_by_others(
    text: &str,
    mentions: &[Mention],
    names: &Names,
    root_of: &[usize],
    claims: &[FoundClaim],
    first_person: impl Fn(Traits) -> bool,
) -> Option<usize> {
    let traits = &names.traits;
    // At the first mention of the last quote read: claims come in text order.
    let mut cursor = MentionCursor::default();
    // Lower-case name → (times addressed, first mention).
    let mut addressed: Map<String, (usize, usize)> = Map::default();
    for claim in claims {
        let Some(s) = claim.source else {
            continue;
        };
        if claim.kind == ClaimKind::Indirect || first_person(traits[s]) {
            continue;
        }
        let speaker = traits[s].name;
        for quote in &claim.quotes {
            let at = cursor.first_from(&names.starts, quote.start);
            let inside = mentions[at..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.span.end <= quote.end);
            for (k, m) in inside {
                let t = traits[at + k];
                // Equal names, equal ids: no need to compare the strings.
                if !t.is_named_person() || t.name == speaker || !is_vocative(text, m.span) {
                    continue;
                }
                addressed
                    .entry(m.name().to_lowercase())
                    .or_insert((0, at + k))
                    .0 += 1;
            }
        }
    }
    if addressed.is_empty() {
        return None;
    }
    // "Mike said" outside quotation marks: Mike is a third person, not the
    // narrator, however often the others call him. A set: every name
    // addressed is looked up in it; each name lowercased once.
    // By name id.
    let mut source_name = vec![false; names.all.len()];
    for s in claims.iter().filter_map(|claim| claim.source) {
        let t = traits[s];
        if !t.is_pronoun() && !t.in_quote() {
            source_name[t.name as usize] = true;
        }
    }
    // Each source name lowercased on the stack and looked up among the few
    // names addressed, rather than every one allocated into a set.
    let third_person: Set<&str> = (0..names.all.len())
        .filter(|&id| source_name[id])
        .filter_map(|id| {
            with_lowercase(names.all[id], |name| {
                addressed.get_key_value(name).map(|(name, _)| name.as_str())
            })
        })
        .collect();
    // The sets of names the narration uses ("Mike came in"): not the
    // narrator's alone. Only a name called fewer times than
    // TIMES_ADDRESSED needs it.
    let mut narrated = Vec::new();
    if addressed
        .values()
        .any(|&(times, _)| times < TIMES_ADDRESSED)
    {
        narrated = vec![false; mentions.len()];
        for (i, t) in traits.iter().enumerate() {
            if !t.in_quote() && !t.is_pronoun() {
                narrated[root_of[i]] = true;
            }
        }
    }
    addressed
        .iter()
        .filter(|(name, _)| !third_person.contains(name.as_str()))
        .filter(|&(_, &(times, first))| {
            let unnarrated = !narrated.get(root_of[first]).copied().unwrap_or(true);
            times >= TIMES_ADDRESSED || unnarrated && times >= TIMES_ADDRESSED_UNNARRATED
        })
        .map(|(_, &found)| found)
        // The most addressed; on a tie, the first named.
        .max_by_key(|&(times, first)| (times, std::cmp::Reverse(first)))
        .map(|(_, first)| first)
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Options, analyze_with};

    /// The name of the actor speaking the claim whose text is `quote`.
    fn speaker_of(text: &str, quote: &str) -> Option<String> {
        let analysis = analyze_with(text, &Options::default());
        let claim = analysis
            .claims
            .iter()
            .find(|c| c.span.of(text) == quote)
            .expect("the quote is a claim");
        let actor = claim.source?.actor?;
        Some(analysis.actors[actor].name.clone())
    }

    #[test]
    fn the_narrator_is_named_by_what_the_others_call_them() {
        let text = "\"Are you coming, Tomas?\" asked Vera Lund.\n\n\"Not yet,\" I said.\n\n\"You are always late, Tomas,\" said Vera Lund.\n\n\"I know,\" I said.";
        assert_eq!(speaker_of(text, "Not yet,").as_deref(), Some("Tomas"));
        assert_eq!(speaker_of(text, "I know,").as_deref(), Some("Tomas"));
    }

    #[test]
    fn someone_the_narration_names_as_a_speaker_is_not_the_narrator() {
        let text = "\"Sit down, Mike,\" said Ann Ray.\n\n\"Thanks,\" Mike said.\n\n\"Eat something, Mike,\" said Ann Ray.\n\n\"Good soup,\" I said.";
        assert_eq!(speaker_of(text, "Thanks,").as_deref(), Some("Mike"));
        assert_ne!(speaker_of(text, "Good soup,").as_deref(), Some("Mike"));
    }

    #[test]
    fn a_name_only_heard_in_the_others_speech_names_the_narrator_at_once() {
        let text = "Vera Lund waved to me from the porch. \"Tomas,\" she said, \"come and eat.\"\n\n\"In a minute,\" I said.";
        assert_eq!(speaker_of(text, "In a minute,").as_deref(), Some("Tomas"));
    }

    #[test]
    fn a_name_the_narration_uses_too_needs_to_be_called_twice() {
        let text = "Tomas was asleep in the barn. Vera Lund waved to me. \"Tomas,\" she called.\n\n\"Let him sleep,\" I said.";
        assert_ne!(speaker_of(text, "Let him sleep,").as_deref(), Some("Tomas"));
    }

    #[test]
    fn an_unnamed_narrator_is_still_one_actor() {
        let text =
            "\"Is it raining?\" I asked.\n\n\"Yes,\" said Vera Lund.\n\n\"Then we stay,\" I said.";
        let analysis = analyze_with(text, &Options::default());
        let narrator: Vec<_> = analysis
            .claims
            .iter()
            .filter(|c| c.source.is_some_and(|s| s.span.of(text) == "I"))
            .map(|c| c.source.and_then(|s| s.actor))
            .collect();
        assert_eq!(narrator.len(), 2);
        assert!(narrator[0].is_some() && narrator[0] == narrator[1]);
    }
}
