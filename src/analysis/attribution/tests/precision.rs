//! Rules that keep spurious claims out and put a content's ends where they
//! belong, each with an invented sentence of the kind that motivated it.

use super::*;

#[test]
fn a_relative_clause_naming_whom_its_subject_backs_is_no_claim() {
    let text = "The vote was led by Mara Quist, a ferry pilot who has endorsed Tomas Ferrer in the harbor race.";
    let all = analysed(text);
    assert!(cued(&all, "endorsed").is_none(), "{all:?}");
    let text = "Ivo Brand, who is challenging Senator Ruth Gale, spoke at the dock.";
    let all = analysed(text);
    assert!(cued(&all, "challenging").is_none(), "{all:?}");
    // Simple past reports an act, and a clause is a claim whatever the tense.
    let text = "Mara Quist, who has argued the tolls are too high, spoke at the dock.";
    let all = analysed(text);
    let claim = cued(&all, "argued").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the tolls are too high");
}

#[test]
fn a_denied_seem_or_appear_holds_no_belief() {
    let all =
        analysed("Many sailors trust the pilot because he doesn't seem like the harbor clerks.");
    assert!(
        all.iter().all(|c| c.cue.as_deref() != Some("seem")),
        "{all:?}"
    );
    // Undenied, the frame is a belief of someone unnamed.
    let all = analysed("The pilot seems ready for a long winter.");
    let claim = all.iter().find(|c| c.text == "ready for a long winter");
    assert!(claim.is_some_and(|c| c.source.is_none()), "{all:?}");
}

#[test]
fn a_that_inside_a_clause_already_begun_does_not_open_the_content() {
    let text = "The ferry pilot also said she knows how slow that can be.";
    let all = analysed(text);
    let claim = cued(&all, "said").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "she knows how slow that can be");
    // "that" a few words on after the object still opens it.
    let all = analysed("The pilot told the clerks on Monday that the ferry was late.");
    let claim = cued(&all, "told").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the ferry was late");
}

#[test]
fn a_phrase_of_time_after_a_verb_of_saying_is_no_content() {
    let all = analysed("The harbor master testified before the council last spring.");
    assert!(cued(&all, "testified").is_none(), "{all:?}");
}

#[test]
fn an_ing_word_after_a_possessive_or_determiner_is_a_noun() {
    let text =
        "Her brother gave a glimpse of the pilot's thinking in a letter to the harbor board.";
    let all = analysed(text);
    assert!(cued(&all, "thinking").is_none(), "{all:?}");
}
