//! Rules that find reported speech the frames of `tests.rs` missed, each
//! with an invented sentence of the kind that motivated it.

use super::*;

#[test]
fn a_negated_contraction_stands_between_a_subject_and_its_stance_verb() {
    let all = analysed("The ferry captains don't want to sail past the new breakwater.");
    let claim = cued(&all, "want").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "to sail past the new breakwater");
    assert_eq!(claim.source.as_deref(), Some("The ferry captains"));
}

#[test]
fn a_frame_after_the_content_may_describe_its_subject_before_the_name() {
    let text = "The lock gates will close for the winter, canal keeper Rosa Imbert told the Courier on Monday.";
    let all = analysed(text);
    let claim = cued(&all, "told").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "The lock gates will close for the winter");
    assert_eq!(claim.source.as_deref(), Some("Rosa Imbert"));
    // A conjunction is no description: "but" keeps the frame apart.
    let all = analysed("The lock gates will close, but Rosa Imbert said little.");
    assert!(
        all.iter()
            .all(|c| c.text != "The lock gates will close" || c.cue.is_none()),
        "{all:?}"
    );
}

#[test]
fn a_subject_and_verb_of_saying_after_a_comma_end_the_content_before() {
    let text = "While the board was debating the new tariffs, Tomas Ferrer said the port would lose its ferries.";
    let all = analysed(text);
    let claim = cued(&all, "said").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the port would lose its ferries");
    assert_eq!(claim.source.as_deref(), Some("Tomas Ferrer"));
    // A phrase fronted inside a that-clause stays in it.
    let text = "The keeper said that after the flood, the mayor called her twice.";
    let all = analysed(text);
    let claim = cued(&all, "said").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "after the flood, the mayor called her twice");
}

#[test]
fn a_far_subject_with_prepositional_phrases_needs_no_that() {
    let text = "A study by the guild of harbor budgets in three counties showed the busiest docks paid the least.";
    let all = analysed(text);
    let claim = cued(&all, "showed").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the busiest docks paid the least");
    assert_eq!(claim.source.as_deref(), Some("A study"));
}

#[test]
fn a_particle_after_a_verb_is_no_cue() {
    // "back" endorses ("unions back the plan"), but not after a verb.
    let all = analysed("A count of the gulls going back to 1970 found fewer nests.");
    assert!(cued(&all, "back").is_none(), "{all:?}");
}

#[test]
fn a_noun_before_the_subject_of_a_cue_with_no_object_is_what_was_spoken_of() {
    let text = "The ferries the guild named in its letter are all too old to sail.";
    let all = analysed(text);
    let claim = cued(&all, "named").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "The ferries");
    assert_eq!(claim.source.as_deref(), Some("the guild"));
    // The phrase after the cue is no content of its own.
    assert!(
        all.iter().all(|c| !c.text.starts_with("in its letter")),
        "{all:?}"
    );
    // A title before a name is no such noun.
    let all = analysed("“We sail at dawn,” said the retired captain Ana Vell on Monday.");
    assert!(all.iter().all(|c| !c.text.contains("captain")), "{all:?}");
}

#[test]
fn a_relative_object_takes_the_cue_before_a_phrase_of_time() {
    let text = "The harbor which the candidates will praise on Friday night is half empty.";
    let all = analysed(text);
    let claim = cued(&all, "praise").unwrap_or_else(|| panic!("{all:?}"));
    assert!(claim.text.ends_with("which"), "{all:?}");
    assert_eq!(claim.source.as_deref(), Some("the candidates"));
    assert!(
        all.iter().all(|c| !c.text.starts_with("on Friday")),
        "{all:?}"
    );
}

#[test]
fn a_negated_passive_is_no_cue() {
    let all = analysed("One of the reasons the mayor is not widely recognized is her silence.");
    assert!(cued(&all, "recognized").is_none(), "{all:?}");
}

#[test]
fn a_subject_with_a_relative_aside_takes_the_verb_and_the_name_after_is_its_object() {
    let text = "Ana Vell, who has led the guild for years, challenged Tom Reyes to a debate before the vote.";
    let all = analysed(text);
    let claim = cued(&all, "challenged").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.source.as_deref(), Some("Ana Vell"));
    assert!(claim.text.starts_with("Tom Reyes to a debate"), "{all:?}");
}

#[test]
fn which_after_a_comma_is_the_subject_of_a_cue_and_stands_for_the_noun_before() {
    let text = "The council released the audit, which showed the harbor lost money.";
    let all = analysed(text);
    let claim = cued(&all, "showed").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the harbor lost money");
    assert_eq!(claim.source.as_deref(), Some("which"));
    let analysis = crate::analysis::analyze_with(text, &Options::default());
    let claim = analysis
        .claims
        .iter()
        .find(|c| c.span.of(text) == "the harbor lost money");
    let actor = claim
        .and_then(|c| c.source.as_ref())
        .and_then(|s| s.actor)
        .map(|a| &analysis.actors[a]);
    assert!(
        actor.is_some_and(|a| a.name.contains("audit")),
        "{:?}",
        analysis.actors
    );
}

#[test]
fn making_a_case_with_any_determiner_frames_its_content() {
    let text = "The dock workers made their case to the council that the night shift is unsafe.";
    let all = analysed(text);
    let claim = cued(&all, "made their case").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the night shift is unsafe");
    assert_eq!(claim.source.as_deref(), Some("The dock workers"));
}

#[test]
fn according_to_a_source_with_a_clause_of_its_own_still_frames_the_content() {
    let text = "Two ferry lines will close by spring, according to a new survey that shows fewer riders each year.";
    let all = analysed(text);
    let claim = cued(&all, "according to").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "Two ferry lines will close by spring");
    assert_eq!(claim.source.as_deref(), Some("a new survey"));
}

#[test]
fn an_accusing_verb_takes_a_person_or_a_with_phrase_and_no_price() {
    let all =
        analysed("Prosecutors charged the harbor clerk with fraud and the mayor fired his deputy.");
    let claim = cued(&all, "charged").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the harbor clerk with fraud");
    assert_eq!(claim.source.as_deref(), Some("Prosecutors"));
    let all = analysed("Police had last month charged Tom Brisk after finding a second witness.");
    let claim = cued(&all, "charged").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "Tom Brisk");
    assert_eq!(claim.source.as_deref(), Some("Police"));
    let all = analysed("The ferry company charged a higher fee for bicycles.");
    assert!(cued(&all, "charged").is_none(), "{all:?}");
}

#[test]
fn a_mention_after_than_is_the_subject_of_its_clause() {
    let text = "The mayor has won less praise than aides say she deserves for the new ferry.";
    let all = analysed(text);
    let claim = cued(&all, "say").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "she deserves for the new ferry");
    assert_eq!(claim.source.as_deref(), Some("aides"));
}

#[test]
fn a_participle_after_a_claim_takes_the_subject_of_its_own_clause() {
    let text = "Inspectors faulted the old pier and the mayor closed the market, admitting that the town had waited too long.";
    let all = analysed(text);
    let claim = cued(&all, "admitting").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the town had waited too long");
    assert_eq!(claim.source.as_deref(), Some("the mayor"));
}

#[test]
fn an_adjective_of_stance_after_be_is_a_cue() {
    let all = analysed("The guild was confident that the night ferry would sail again.");
    let claim = cued(&all, "confident that").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the night ferry would sail again");
    assert_eq!(claim.source.as_deref(), Some("The guild"));
    let all = analysed("The anglers are opposed to the new harbor levy.");
    let claim = cued(&all, "opposed to").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the new harbor levy");
    // A passive stays no cue.
    let all = analysed("The levy was opposed in the council by two members.");
    assert!(
        all.iter().all(|c| c.cue.as_deref() != Some("opposed")),
        "{all:?}"
    );
}

#[test]
fn believing_in_something_is_a_stance() {
    let all = analysed("Anglers still believe in the old harbor.");
    let claim = cued(&all, "believe in").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the old harbor");
    assert_eq!(claim.source.as_deref(), Some("Anglers"));
}

#[test]
fn a_passive_question_is_asked_by_its_by_agent_or_by_nobody_named() {
    let text = "Ms. Lund was asked by radio host Ray Dunn whether her plan would cost more.";
    let all = analysed(text);
    let claim = cued(&all, "asked").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "whether her plan would cost more");
    assert_eq!(claim.source.as_deref(), Some("host Ray Dunn"));
    let all = analysed("Ms. Lund was asked whether her plan would cost more.");
    let claim = cued(&all, "asked").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.source, None);
}

#[test]
fn a_capitalised_participle_after_a_quotation_opens_the_next_sentence() {
    let text = "The crowd cheered. “We will keep the ferry.” Asked what that might cost, she said: “We will find out.”";
    let all = analysed(text);
    let claim = cued(&all, "Asked").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "what that might cost");
    assert_eq!(claim.source, None);
    assert!(
        all.iter()
            .filter(|c| c.cue.as_deref() == Some("Asked"))
            .count()
            == 1,
        "{all:?}"
    );
}

#[test]
fn an_answer_of_yes_or_no_is_the_one_word() {
    let all =
        analysed("Asked about the ferry, most riders said yes and the council agreed to run it.");
    let claim = cued(&all, "said").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "yes");
    assert_eq!(claim.source.as_deref(), Some("most riders"));
}

#[test]
fn documenting_something_is_evidence() {
    let all = analysed("The audit also documented three cases where the harbor lost money.");
    let claim = cued(&all, "documented").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "three cases where the harbor lost money");
    assert_eq!(claim.source.as_deref(), Some("The audit"));
}

#[test]
fn a_headline_names_a_bare_document_or_person_as_its_source() {
    let text = "Ferry riders trust the new mayor, poll finds\n\nThe council met on Monday.";
    let all = analysed(text);
    let claim = cued(&all, "finds").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "Ferry riders trust the new mayor");
    assert_eq!(claim.source.as_deref(), Some("poll"));
    let text = "But expert says more towns keep their distance from the port\n\nThe council met.";
    let all = analysed(text);
    let claim = cued(&all, "says").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "more towns keep their distance from the port");
    assert_eq!(claim.source.as_deref(), Some("expert"));
}

#[test]
fn a_name_after_a_capitalised_title_and_of_is_the_subject() {
    let text = "Director of Harbor Services Ana Vell told reporters that the ferry would run late.";
    let all = analysed(text);
    let claim = cued(&all, "told").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "the ferry would run late");
    assert!(
        claim
            .source
            .as_deref()
            .is_some_and(|s| s.ends_with("Ana Vell"))
    );
    // The title of an organisation is no name: "the director" speaks.
    let all = analysed("The director of Acme Freight said that the ferry would run late.");
    let claim = cued(&all, "said").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.source.as_deref(), Some("The director"));
}

#[test]
fn putting_a_figure_at_a_number_is_an_estimate() {
    let text = "The new ferry survey puts support for the levy at a solid 55 percent.";
    let all = analysed(text);
    let claim = cued(&all, "puts").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "support for the levy at a solid 55 percent");
    assert_eq!(claim.source.as_deref(), Some("The new ferry survey"));
    // Without a figure, "put" reports nothing.
    let all = analysed("The mayor puts the boats at the dock every night.");
    assert!(cued(&all, "puts").is_none(), "{all:?}");
}

#[test]
fn a_reduced_relative_frame_holds_its_noun_and_content() {
    let text = "The race turns on a valley known for backing ferry bonds.";
    let all = analysed(text);
    let claim = cued(&all, "known for").unwrap_or_else(|| panic!("{all:?}"));
    let texts: Vec<&str> = all
        .iter()
        .filter(|c| c.cue.as_deref() == Some("known for"))
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["a valley", "backing ferry bonds"], "{all:?}");
    assert_eq!(claim.source, None);
    // A comma closes the modifier; "known as" only names.
    let all = analysed("In a decade now recalled for its calm, the port grew.");
    let content: Vec<&str> = all.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(content, ["a decade", "its calm"], "{all:?}");
    let all = analysed("The levy, a tax known as the dock fee, passed.");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn passive_directives_and_mentions_are_evidential_frames() {
    let text = "At noon the harbour band was instructed to stop playing.";
    let all = analysed(text);
    let claim = cued(&all, "was instructed").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.source, None);
    assert!(all.iter().any(|c| c.text == "to stop playing"), "{all:?}");
    let all = analysed("Ana Vell has also been mentioned as a likely harbour chief.");
    let texts: Vec<&str> = all.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["Ana Vell", "a likely harbour chief"], "{all:?}");
}

#[test]
fn knowing_with_a_clause_is_a_stance() {
    let text = "Ana Vell knows how hard it is to keep the ferry running.";
    let all = analysed(text);
    let claim = cued(&all, "knows how").unwrap_or_else(|| panic!("{all:?}"));
    assert_eq!(claim.text, "hard it is to keep the ferry running");
    assert_eq!(claim.source.as_deref(), Some("Ana Vell"));
    // Knowing a place or a person holds no claim.
    let all = analysed("Ana Vell knows the harbour well.");
    assert!(all.is_empty(), "{all:?}");
}
