//! The gender of a name no title or word list tells, from the pronouns
//! that follow it: "Brett came in. She sat down." — when the narration
//! names only one person in the sentence before "she" and in its own, that
//! person is a woman. Names of the characters of a novel are often in no
//! list ("Brett", "Sibyl"), and "she said" needs the gender to pick the
//! right one of two people talking.

use super::traits::{Pronoun, Traits};
use crate::analysis::steps;
use crate::analysis::wordlists::{Gender, Map};

/// How many unambiguous pronouns a name needs before its gender is taken.
const VOTES: usize = 2;

/// How many narrated sentences back the name before a pronoun may be
/// (real sentences, not the lines of a hard-wrapped text).
const NAME_REACH: usize = 1;

/// How many narrated sentences back nobody else may be named.
const NOBODY_ELSE: usize = 1;

/// The genders the pronouns tell, by the set (root) of the names they
/// follow: only where all but at most one in four of a name's pronouns
/// agree. `traits` are the mentions' traits, by mention; `sentence_of`
/// numbers each mention's narrated sentence. A
/// pronoun framing a quote ("“…,” she said") tells nothing: the speaker is
/// as often someone else than the last person named.
pub(super) fn from_pronouns(
    traits: &[Traits],
    sentence_of: &[usize],
    root_of: &[usize],
    is_source: &[bool],
) -> Vec<(usize, Gender)> {
    // By root: pronouns seen after the name, (male, female).
    let mut votes: Map<usize, (usize, usize)> = Map::default();
    // The last person mentioned in narration, and the sentence of the one
    // before it of another set (someone else within reach makes "she"
    // ambiguous).
    let mut last: Option<(usize, usize)> = None;
    let mut other_before: Option<usize> = None;
    // The sentence whose first mention was seen last: a name is its
    // sentence's subject when no mention comes before it there.
    let mut sentence = None;
    for (i, t) in traits.iter().enumerate() {
        steps::step();
        if t.in_quote() {
            continue;
        }
        let s = sentence_of[i];
        let subject = sentence != Some(s);
        sentence = Some(s);
        let Some(pronoun) = t.pronoun else {
            if !t.is_person_or_anonymous() {
                continue;
            }
            let root = root_of[i];
            if let Some((previous, at)) = last
                && previous != root
            {
                other_before = Some(at);
            }
            // A description ("the girl") or a name that is no subject
            // ("not her Ayah") takes part as a rival, but only a name
            // that is its sentence's subject gains a gender here.
            let named = subject && !t.is_description() && t.is_capitalised();
            last = Some((if named { root } else { usize::MAX }, s));
            continue;
        };
        let gender = match pronoun {
            Pronoun::He => Gender::Male,
            Pronoun::She => Gender::Female,
            _ => continue,
        };
        let Some((root, at)) = last else { continue };
        if is_source[i] {
            continue;
        }
        // The name within two sentences, nobody else within three.
        let clear = other_before.is_none_or(|o| o + NOBODY_ELSE < s);
        if root == usize::MAX || at + NAME_REACH < s || !clear {
            continue;
        }
        let v = votes.entry(root).or_default();
        match gender {
            Gender::Male => v.0 += 1,
            Gender::Female => v.1 += 1,
        }
    }
    let mut found: Vec<(usize, Gender)> = votes
        .into_iter()
        .filter_map(|(root, (male, female))| {
            let (more, fewer, gender) = if male >= female {
                (male, female, Gender::Male)
            } else {
                (female, male, Gender::Female)
            };
            (more >= VOTES && fewer * 4 <= more + fewer).then_some((root, gender))
        })
        .collect();
    found.sort_unstable_by_key(|&(root, _)| root);
    found
}

#[cfg(test)]
mod tests {
    use crate::analysis::shared::speakers;

    #[test]
    fn pronouns_after_a_name_no_list_knows_tell_its_gender() {
        // Neither name is in a list of first names: the pronouns after
        // each, later on, tell that "she" is Orla and not the nearer Kestrel.
        let text = "Then Orla stood at the window. Then Kestrel came in and sat down.\n\n\"The road was flooded,\" she said.\n\nThen Kestrel shrugged. He took off his boots. Then Kestrel was tired, and he went up to bed.\n\nThen Orla stayed by the fire. She read until late. Then Orla was the last awake, and she put out the lamp.";
        let found = speakers(text);
        assert_eq!(found[0].0, "The road was flooded,");
        assert_eq!(found[0].1.as_deref(), Some("Orla"), "{found:?}");
    }
}
