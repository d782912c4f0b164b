//! Dialogue sieves for fiction: who speaks a quotation that no cue frames.
//!
//! Novels leave most cues out; the speaker is then told by the narration
//! around the quote in its own paragraph ("“Perhaps.” He came closer."),
//! as deterministic sieves for novels do (Muzny et al. 2017). They look no
//! further than the sentence next to the quotation, in its paragraph.

use super::{Pass, Units, source};
use crate::analysis::{ActorKind, Mention};

impl Pass<'_, '_> {
    /// "“Perhaps I do.” He came close to her.": the person who acts in the
    /// narrated sentence right after a quotation nobody framed, in the same
    /// paragraph, speaks it. `at` is the unit holding the quotation.
    pub(super) fn actor_after(&self, units: &Units, at: usize) -> Option<usize> {
        let c = self.context;
        let (unit, after) = (units.get(at)?, units.get(at + 1)?);
        if c.breaks_between(unit.span.end, after.span.start) {
            return None;
        }
        // A narrated sentence: no quotation of its own (that one has its frame).
        if c.any_quoted(after.first, after.end) {
            return None;
        }
        let subject = source::mention_starting_at(c, after.first)?;
        let acts = self.verb_after(subject, after.end).is_some();
        (acts && is_person(&c.mentions[subject])).then_some(subject)
    }
}

/// A person named, described or pronominalised as one ("he", "she", "I").
fn is_person(mention: &Mention) -> bool {
    if mention.pronoun {
        ["he", "she", "i"]
            .iter()
            .any(|p| mention.name.eq_ignore_ascii_case(p))
    } else {
        mention.kind == ActorKind::Person
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Via;
    use crate::analysis::shared::speakers;

    #[test]
    fn a_name_and_a_verb_skipped_before_cues_still_frame_a_quote() {
        // "continued" is skipped in "is continuing to say", and is the verb here.
        let found =
            speakers("\"And the rest of the harvest,\" Mrs. Odell continued, with a frown.");
        assert_eq!(found[0].1.as_deref(), Some("Odell"), "{found:?}");
        assert_eq!(found[0].2, Some(Via::Subject));
    }

    #[test]
    fn a_quote_thought_aloud_is_framed_like_one_said() {
        let found = speakers("\"Is it far?\" asked Ida Moen.\n\n\"An hour,\" thought Olav Dahl.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "An hour,");
        assert_eq!(found[1].1.as_deref(), Some("Olav Dahl"), "{found:?}");
        assert_eq!(found[1].2, Some(Via::AfterCue));
    }

    #[test]
    fn in_a_dialogue_the_person_acting_right_after_a_bare_quote_speaks_it() {
        // Turns alone would give the last quote back to Oskar.
        let text = "\"Is the boat ready?\" asked Oskar Lind.\n\n\"Nearly,\" said Petra Holm.\n\n\"And the nets?\"\n\n\"Dry.\"\n\n\"The oars?\"\n\n\"In the shed.\"\n\n\"The tide is wrong.\" Marta Vik came down the stairs with a lamp.";
        let found = speakers(text);
        let last = found.last().expect("claims");
        assert_eq!(last.0, "The tide is wrong.");
        assert_eq!(last.1.as_deref(), Some("Marta Vik"), "{found:?}");
        assert_eq!(last.2, Some(Via::ActorAfter));
    }
}
