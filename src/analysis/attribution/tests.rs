//! Each rule with the sentence that motivated it. Mentions are given by hand
//! (mentions.rs finds them in the real pipeline).

use super::*;
use crate::analysis::segment::sentences;
use crate::analysis::{ActorKind, Options, quotes};

/// The claims of `text` as the whole pipeline finds them (mentions too).
fn analysed(text: &str) -> Vec<Seen> {
    let analysis = crate::analysis::analyze_with(text, &Options::default());
    analysis
        .claims
        .iter()
        .map(|claim| Seen {
            text: claim.span.of(text).to_string(),
            kind: claim.kind,
            cue: claim.cue.map(|s| s.of(text).to_string()),
            source: claim.source.map(|s| s.span.of(text).to_string()),
        })
        .collect()
}

/// The claim of `text` cued by `cue`, if any.
fn cued<'a>(all: &'a [Seen], cue: &str) -> Option<&'a Seen> {
    all.iter().find(|c| c.cue.as_deref() == Some(cue))
}

/// The source of the claim of `text` whose cue is `cue`.
fn source_for_cue(text: &str, cue: &str) -> Option<String> {
    let all = analysed(text);
    let claim = all.iter().find(|c| c.cue.as_deref() == Some(cue));
    claim
        .unwrap_or_else(|| panic!("no claim cued by {cue:?}: {all:?}"))
        .source
        .clone()
}

/// What a reader sees of a claim: its text, kind, cue and source.
#[derive(Debug, PartialEq)]
struct Seen {
    text: String,
    kind: ClaimKind,
    cue: Option<String>,
    source: Option<String>,
}

/// Claims of `text`, with `phrases` as the mentions (every occurrence).
fn claims(text: &str, phrases: &[&str]) -> Vec<Seen> {
    let table = TokenTable::new(text, Lexicon::builtin());
    let sentences = sentences(&table);
    let quotations = quotes::find(&table);
    let mut mentions: Vec<Mention> = Vec::new();
    for phrase in phrases {
        for (start, _) in text.match_indices(phrase) {
            let whole_word = !text[..start].ends_with(char::is_alphanumeric)
                && !text[start + phrase.len()..].starts_with(char::is_alphanumeric);
            if !whole_word {
                continue;
            }
            let span = Span::new(start, start + phrase.len());
            let in_quote = quotations.iter().any(|q| q.inner.contains(span));
            let pronoun = matches!(
                *phrase,
                "he" | "He" | "she" | "She" | "they" | "They" | "it"
            );
            mentions.push(Mention {
                span,
                name: (*phrase).into(),
                // Documents speak too ("a joint statement").
                kind: if phrase.ends_with("statement") || phrase.ends_with("poll") {
                    ActorKind::Other
                } else {
                    ActorKind::Person
                },
                role: None,
                pronoun,
                in_quote,
            });
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    let found = find(
        &table,
        &sentences,
        &quotations,
        &mentions,
        Lexicon::builtin(),
    );
    found
        .iter()
        .map(|c| Seen {
            text: c.span.of(text).to_string(),
            kind: c.kind,
            cue: c.cue.map(|s| s.of(text).to_string()),
            source: c.source.map(|m| mentions[m].span.of(text).to_string()),
        })
        .collect()
}

fn seen(text: &str, kind: ClaimKind, cue: &str, source: &str) -> Seen {
    Seen {
        text: text.to_string(),
        kind,
        cue: (!cue.is_empty()).then(|| cue.to_string()),
        source: (!source.is_empty()).then(|| source.to_string()),
    }
}

use ClaimKind::{Direct, Indirect, Mixed};

#[test]
fn subject_and_stance_verb_before_the_content() {
    let text = "Norwegian librarians emphasize the quiet and patient cataloguing already under way, which they believe will make a new catalogue unnecessary.";
    assert_eq!(
        claims(text, &["Norwegian librarians", "they"]),
        vec![seen(
            "the quiet and patient cataloguing already under way, which they believe will make a new catalogue unnecessary",
            Indirect,
            "emphasize",
            "Norwegian librarians"
        )]
    );
}

#[test]
fn warn_that_starts_the_content_after_that() {
    let text =
        "However, engineers warn that Brackenford might be putting too much faith in the old dam.";
    assert_eq!(
        claims(text, &["engineers", "Brackenford"]),
        vec![seen(
            "Brackenford might be putting too much faith in the old dam",
            Indirect,
            "warn",
            "engineers"
        )]
    );
}

#[test]
fn an_inserted_frame_makes_the_whole_sentence_the_content() {
    let text =
        "These repairs, say Norwegian inspectors, have led to a steep drop in burst water pipes.";
    assert_eq!(
        claims(text, &["Norwegian inspectors"]),
        vec![seen(
            "These repairs, say Norwegian inspectors, have led to a steep drop in burst water pipes",
            Indirect,
            "say",
            "Norwegian inspectors"
        )]
    );
}

#[test]
fn a_participle_takes_the_subject_of_the_main_clause() {
    let text = "Council Chair Lena Voss has kept a firm position, unequivocally rejecting any new holiday cottages on the northern shore, whether near the dunes or the cliffs.";
    assert_eq!(
        claims(text, &["Council Chair Lena Voss"]),
        vec![seen(
            "any new holiday cottages on the northern shore, whether near the dunes or the cliffs",
            Indirect,
            "rejecting",
            "Council Chair Lena Voss"
        )]
    );
}

#[test]
fn a_quote_after_that_with_words_before_it_is_mixed() {
    let text = "Ingrid Sollen of the Coastal Rowing Club observed that even when Harwick wins, “the fans always want more.”";
    assert_eq!(
        claims(
            text,
            &["Ingrid Sollen of the Coastal Rowing Club", "Harwick"]
        ),
        vec![seen(
            "even when Harwick wins, “the fans always want more.”",
            Mixed,
            "observed",
            "Ingrid Sollen of the Coastal Rowing Club"
        )]
    );
}

#[test]
fn an_insertion_between_subject_and_cue_and_a_participle_after_the_quote() {
    let text = "Schools Minister Petra Hale, during a short trip to Dunmore, lauded the reading programme as “the best we have ever had,” even while strongly advocating for the closure of small schools.";
    let found = claims(text, &["Schools Minister Petra Hale", "Dunmore"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].kind, Mixed);
    assert!(found[0].text.ends_with("“the best we have ever had,”"));
    assert_eq!(
        found[0].source.as_deref(),
        Some("Schools Minister Petra Hale")
    );
    assert_eq!(
        found[1],
        seen(
            "for the closure of small schools",
            Indirect,
            "advocating",
            "Schools Minister Petra Hale"
        )
    );
}

#[test]
fn a_document_emphasizing_a_quote_is_a_direct_claim() {
    let text = "The friendly mood carried into a joint statement emphasizing “respect for the players and the referees.”";
    assert_eq!(
        claims(text, &["a joint statement"]),
        vec![seen(
            "respect for the players and the referees.",
            Direct,
            "emphasizing",
            "a joint statement"
        )]
    );
}

#[test]
fn a_quote_then_she_said_then_a_second_quote_are_two_claims() {
    let text = "“We faced difficult challenges together,” she said. “We worked hard.”";
    assert_eq!(
        claims(text, &["she"]),
        vec![
            seen(
                "We faced difficult challenges together,",
                Direct,
                "said",
                "she"
            ),
            seen("We worked hard.", Direct, "said", "she"),
        ]
    );
}

#[test]
fn inverted_said_emma_in_fiction() {
    let text = "\"It is the cassava field,\" said Rosa. \"We must go back to dig the cassava.\"";
    assert_eq!(
        claims(text, &["Rosa"]),
        vec![
            seen("It is the cassava field,", Direct, "said", "Rosa"),
            seen(
                "We must go back to dig the cassava.",
                Direct,
                "said",
                "Rosa"
            ),
        ]
    );
}

#[test]
fn colon_frame_and_said_colon() {
    let text = "The timing does not surprise pollster Daron Shaw: “Historically, lesser-known candidates have seen the biggest boost.”\nLombardi said: “I’m not expecting anything.”";
    assert_eq!(
        claims(text, &["pollster Daron Shaw", "Lombardi"]),
        vec![
            seen(
                "Historically, lesser-known candidates have seen the biggest boost.",
                Direct,
                ":",
                "pollster Daron Shaw"
            ),
            seen("I’m not expecting anything.", Direct, "said", "Lombardi"),
        ]
    );
}

#[test]
fn according_to_at_either_end() {
    let text = "According to the survey, most voters prefer lower prices.\nMost voters prefer lower prices, according to a new poll.";
    assert_eq!(
        claims(text, &["the survey", "a new poll"]),
        vec![
            seen(
                "most voters prefer lower prices",
                Indirect,
                "According to",
                "the survey"
            ),
            seen(
                "Most voters prefer lower prices",
                Indirect,
                "according to",
                "a new poll"
            ),
        ]
    );
}

#[test]
fn content_first_then_subject_and_cue() {
    let text = "Brackenford might be putting too much faith in the old dam, engineers warn.";
    assert_eq!(
        claims(text, &["Brackenford", "engineers"]),
        vec![seen(
            "Brackenford might be putting too much faith in the old dam",
            Indirect,
            "warn",
            "engineers"
        )]
    );
}

#[test]
fn as_someone_noted() {
    let text = "As one veteran gardener noted, while some might hope for the frost to end, patience is wise.";
    assert_eq!(
        claims(text, &["one veteran gardener"]),
        vec![seen(
            "while some might hope for the frost to end, patience is wise",
            Indirect,
            "noted",
            "one veteran gardener"
        )]
    );
}

#[test]
fn dash_sign_off_names_the_source() {
    let text = "“We will rebuild this town stone by stone.” — Jane Roe, mayor";
    assert_eq!(
        claims(text, &["Jane Roe"]),
        vec![seen(
            "We will rebuild this town stone by stone.",
            Direct,
            "—",
            "Jane Roe"
        )]
    );
}

#[test]
fn a_quote_paragraph_with_no_cue_continues_the_previous_speaker() {
    let text = "“It cherry-picked a limited subset,” Fallon said of the story.\n“It is outrageous to misrepresent her basis for meeting them.”";
    let found = claims(text, &["Fallon"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].source.as_deref(), Some("Fallon"));
    assert_eq!(found[1].kind, Direct);
}

#[test]
fn a_scare_quote_alone_is_not_a_claim_and_names_need_a_subject() {
    let text = "The “miracle” tonics grew popular. The United States grew too.";
    assert_eq!(claims(text, &["The United States"]), vec![]);
}

#[test]
fn passives_and_nouns_are_not_cues() {
    let text = "The plan was highlighted in the report. Their warning came late.";
    assert_eq!(claims(text, &["the report"]), vec![]);
}

#[test]
fn no_source_means_none_not_a_guess() {
    let text = "“Asked whether the plan works,” it remained unclear.";
    let found = claims(text, &[]);
    assert!(found.iter().all(|c| c.source.is_none()), "{found:?}");
}

#[test]
fn a_second_verb_after_and_is_a_second_claim_of_the_same_subject() {
    let text = "He says the obvious response was to break up fraudulent operators and says he introduced legislation to accomplish that.";
    assert_eq!(
        claims(text, &["He", "he"]),
        vec![
            seen(
                "the obvious response was to break up fraudulent operators",
                Indirect,
                "says",
                "He"
            ),
            seen(
                "he introduced legislation to accomplish that",
                Indirect,
                "says",
                "He"
            ),
        ]
    );
}

#[test]
fn appositions_brackets_and_days_between_subject_and_cue() {
    let text = "Alabama Sen. Jeff Sessions, a prominent Haines supporter, said the deal was akin to extortion.\nSpeaker Paul Ryan (R-WI) said “anti-Semitic images have no place in a campaign.”\nHillary Clinton on Tuesday said that the violence is genocide.";
    let found = claims(
        text,
        &[
            "Alabama Sen. Jeff Sessions, a prominent Haines supporter",
            "Speaker Paul Ryan",
            "Hillary Clinton",
        ],
    );
    let sources: Vec<_> = found.iter().map(|c| c.source.as_deref()).collect();
    assert_eq!(
        sources,
        vec![
            Some("Alabama Sen. Jeff Sessions, a prominent Haines supporter"),
            Some("Speaker Paul Ryan"),
            Some("Hillary Clinton")
        ]
    );
    assert_eq!(found[1].kind, Direct);
    assert_eq!(found[2].text, "the violence is genocide");
}

#[test]
fn a_trailing_frame_may_name_a_show() {
    let text = "Shays was pro Kasich while the governor was running, he said Wednesday morning on MSNBC’s “Morning Joe.”";
    let found = claims(text, &["he"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].text,
        "Shays was pro Kasich while the governor was running"
    );
    assert_eq!(found[0].source.as_deref(), Some("he"));
}

#[test]
fn a_base_form_after_a_singular_name_is_a_noun() {
    let text = "South Carolina state Reps met on Monday.\nNorwegian referees firmly state that late tackles are forbidden.";
    assert_eq!(
        claims(text, &["South Carolina", "Norwegian referees"]),
        vec![seen(
            "late tackles are forbidden",
            Indirect,
            "state",
            "Norwegian referees"
        )]
    );
}

#[test]
fn a_frame_after_the_content_may_name_where_it_was_said() {
    let text = "Democrats had “put the biggest crack” yet in the glass ceiling for women, she said in a video message to the convention.";
    assert_eq!(
        claims(text, &["she"]),
        vec![seen(
            "Democrats had “put the biggest crack” yet in the glass ceiling for women",
            Mixed,
            "said",
            "she"
        )]
    );
}

#[test]
fn content_stops_at_but_and_a_mention_may_hold_its_brackets() {
    let text = "Clinton says the mails were personal, but for Republicans, it is a smoking gun.\nSen. Bernie Sanders (I-Vt.) said he will make his records available.";
    assert_eq!(
        claims(text, &["Clinton", "Sen. Bernie Sanders (I-Vt.)"]),
        vec![
            seen("the mails were personal", Indirect, "says", "Clinton"),
            seen(
                "he will make his records available",
                Indirect,
                "said",
                "Sen. Bernie Sanders (I-Vt.)"
            ),
        ]
    );
}

#[test]
fn fiction_frames_with_unknown_verbs_asides_and_dashes() {
    let text = "\"Silly nonsense!\" he exploded.\n\n\"Well!\" ejaculated Miss Miller.\n\n\"Oh, Jim!\" said Sibyl, laughing, \"how unkind of you!\"\n\n\"That English lady,\" she said--\"asked me if we all live in hotels.\"";
    let found = claims(text, &["he", "Miss Miller", "Sibyl", "she"]);
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.source.as_deref()))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("Silly nonsense!", Some("he")),
            ("Well!", Some("Miss Miller")),
            ("Oh, Jim!", Some("Sibyl")),
            ("how unkind of you!", Some("Sibyl")),
            ("That English lady,", Some("she")),
            ("asked me if we all live in hotels.", Some("she")),
        ]
    );
}

#[test]
fn an_unattributed_reply_in_a_dialogue_is_the_other_speakers() {
    let text = "\"Where are the men?\" asked Tony.\n\n\"It is the cassava field,\" said Rosa.\n\n\"Then we wait.\"\n\nNews paragraph.";
    let found = claims(text, &["Tony", "Rosa"]);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[2].text, "Then we wait.");
    assert_eq!(found[2].source.as_deref(), Some("Tony"));
}

#[test]
fn a_quote_after_a_subject_and_an_unknown_verb_is_the_subjects() {
    let text = "The ad targets a “corrupt political system that keeps in place a rigged economy.”";
    assert_eq!(
        claims(text, &["The ad"]),
        vec![seen(
            "a “corrupt political system that keeps in place a rigged economy.”",
            Mixed,
            "targets",
            "The ad"
        )]
    );
}

#[test]
fn a_participle_after_a_comma_is_the_main_subjects_not_the_nouns_before() {
    let text = "Haines launched an attack against Obama, calling him “the most ignorant president in our history.”";
    let found = claims(text, &["Haines", "Obama"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].cue.as_deref(), Some("calling"));
    assert_eq!(found[0].source.as_deref(), Some("Haines"));
}

#[test]
fn an_insertion_with_commas_inside_and_a_stance_verb_closing_the_sentence() {
    let text = "Clinton, during a town hall meeting in Columbus, Ohio, said she was going to act.\nClinton has kept support among black voters, Fox found.";
    let found = claims(text, &["Clinton", "Columbus", "Ohio", "Fox"]);
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.source.as_deref()))
        .collect();
    assert!(
        seen.contains(&("she was going to act", Some("Clinton"))),
        "{seen:?}"
    );
    assert!(
        seen.contains(&("Clinton has kept support among black voters", Some("Fox"))),
        "{seen:?}"
    );
}

#[test]
fn a_sentence_opening_with_asked_holds_the_question() {
    let text = "Asked whether Clinton “has the integrity to serve effectively as president,” 75 percent of Democrats said yes.";
    let found = claims(text, &["75 percent of Democrats"]);
    assert_eq!(
        found[0],
        seen(
            "whether Clinton “has the integrity to serve effectively as president,”",
            Mixed,
            "Asked",
            ""
        )
    );
    assert_eq!(
        found[1],
        seen("yes", Indirect, "said", "75 percent of Democrats")
    );
}

#[test]
fn a_participle_may_stand_between_a_document_and_its_verb() {
    let text = "The report published Tuesday showed that half of the meetings were with donors.";
    let found = claims(text, &["The report"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source.as_deref(), Some("The report"));
}

#[test]
fn frames_after_a_quote_with_descriptors_appositions_and_according_to() {
    let text = "\"I'm not going to say it is a mistake,\" said retired neurosurgeon Ben Carson.\n\"Perpetual motion!\" Rep. Glenn Thompson, R-Pa., said of the convention.\n“The evidence cannot prove the crime,” according to a court document.\n\"Friend, let me be blunt,\" the email read.";
    let found = claims(
        text,
        &[
            "Ben Carson",
            "Rep. Glenn Thompson",
            "a court document",
            "the email",
        ],
    );
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.cue.as_deref(), c.source.as_deref()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (Some("said"), Some("Ben Carson")),
            (Some("said"), Some("Rep. Glenn Thompson")),
            (Some("according to"), Some("a court document")),
            (Some("read"), Some("the email")),
        ]
    );
}

#[test]
fn scare_quotes_make_the_reported_sentence_mixed() {
    let text = "Coach Dara Fenn has openly expressed her readiness to field young players against these “fearsome” city clubs, even stating she’d be “thrilled” to do so.";
    assert_eq!(
        claims(text, &["Coach Dara Fenn"]),
        vec![
            seen(
                "her readiness to field young players against these “fearsome” city clubs",
                Mixed,
                "expressed",
                "Coach Dara Fenn"
            ),
            seen(
                "she’d be “thrilled” to do so",
                Mixed,
                "stating",
                "Coach Dara Fenn"
            ),
        ]
    );
}

#[test]
fn said_in_a_statement_and_told_reporters_skip_to_that() {
    let text = "The ministry said in a statement that the talks had failed.\nThe mayor told reporters on Monday that the budget was safe.";
    assert_eq!(
        claims(text, &["The ministry", "The mayor"]),
        vec![
            seen("the talks had failed", Indirect, "said", "The ministry"),
            seen("the budget was safe", Indirect, "told", "The mayor"),
        ]
    );
}

#[test]
fn a_quote_after_a_narrated_sentence_is_its_subjects() {
    let text = "Some narration first.\n\nTony looked at the empty camp. \"They will come back.\"";
    let found = claims(text, &["Tony"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source.as_deref(), Some("Tony"));
    assert_eq!(found[0].cue, None);
}

#[test]
fn a_noun_like_cue_with_no_subject_claims_nothing_and_brackets_lead_quotes() {
    let text = "Discussing a controversial tweet from the nominee, Speaker Paul Ryan (R-WI) said “anti-Semitic images have no place in a campaign.”\nIt drew blowback (\"I want my dues back,\" wrote Edward Nelson, a technician).";
    let found = claims(text, &["Speaker Paul Ryan (R-WI)", "Edward Nelson"]);
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.text.as_str(), c.kind, c.source.as_deref()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                "anti-Semitic images have no place in a campaign.",
                Direct,
                Some("Speaker Paul Ryan (R-WI)")
            ),
            ("I want my dues back,", Direct, Some("Edward Nelson")),
        ]
    );
}

#[test]
fn stray_marks_and_odd_frames_never_panic() {
    const PIECES: &[&str] = &[
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "said",
        "he",
        "She said",
        "according to",
        ",",
        ":",
        "—",
        ".",
        "\n",
        "\n\n",
        "(",
        ")",
        "Mr.",
        "U.S.",
        "and",
        "says",
        "that",
        "Asked",
        "“A,”",
        "wrote",
        "x",
        "Reyes:",
        "—Jane",
        "😀",
        "\r\n",
        "exploded",
        "'' ",
        "stating",
    ];
    let mut seed: u64 = 7;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n
    };
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..next(40) {
            text.push_str(PIECES[next(PIECES.len())]);
            if next(10) < 6 {
                text.push(' ');
            }
        }
        let table = TokenTable::new(&text, Lexicon::builtin());
        let sentences = sentences(&table);
        let quotations = quotes::find(&table);
        // Every capitalised word and every "he"/"she" stands for someone.
        let mentions: Vec<Mention> = (0..table.len())
            .filter(|&i| table.is_cap(i) || matches!(table.word(i), "he" | "She"))
            .map(|i| Mention {
                span: table.span(i),
                name: table.word(i).into(),
                kind: ActorKind::Person,
                role: None,
                pronoun: false,
                in_quote: quotations.iter().any(|q| q.inner.contains(table.span(i))),
            })
            .collect();
        let found = find(
            &table,
            &sentences,
            &quotations,
            &mentions,
            Lexicon::builtin(),
        );
        for claim in found {
            assert!(
                claim.span.end <= text.len() && !claim.span.is_empty(),
                "{text:?}"
            );
        }
    }
}

#[test]
fn a_quote_framed_by_people_nobody_named_is_still_a_claim() {
    let text = "“Psychic,” the girls whispered, and left.";
    assert_eq!(
        claims(text, &[]),
        vec![seen("Psychic,", Direct, "whispered", "")]
    );
}

#[test]
fn in_a_dialogue_a_bare_reply_goes_to_the_person_addressed_or_named_before() {
    // Walter spoke once; the bare paragraphs after him alternate with the
    // person he addresses.
    let text = "Maria Okafor came in.\n\n\"You are late, Maria,\" said Walter.\n\n\"The train was slow.\"\n\n\"It always is.\"\n\n\"Not on Sundays.\"";
    let found = claims(text, &["Maria Okafor", "Maria", "Walter"]);
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found[1].text, "The train was slow.");
    assert_eq!(found[1].source.as_deref(), Some("Maria"));
    assert_eq!(found[2].source.as_deref(), Some("Walter"));
    assert_eq!(found[3].source.as_deref(), Some("Maria"));
}

#[test]
fn outside_a_dialogue_a_bare_quote_paragraph_continues_its_speaker() {
    let text = "Maria Okafor met the mayor.\n\n\"We need buses,\" said Walter Reyes.\n\n\"And we need them now.\"";
    let found = claims(text, &["Maria Okafor", "Walter Reyes"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].source.as_deref(), Some("Walter Reyes"));
}

#[test]
fn in_a_dialogue_a_quote_after_a_narrated_paragraph_is_its_subjects() {
    let text = "\"Sit down,\" said Walter.\n\n\"Thank you.\"\n\n\"Tea?\"\n\nMaria Okafor looked up from her book.\n\n\"Is it late?\"";
    let found = claims(text, &["Maria Okafor", "Walter"]);
    assert_eq!(found.len(), 4, "{found:?}");
    assert_eq!(found[3].text, "Is it late?");
    assert_eq!(found[3].source.as_deref(), Some("Maria Okafor"));
}

#[test]
fn a_bare_quote_paragraph_after_a_narrated_one_is_its_subjects() {
    let text = "Walter Reyes spoke to reporters on Monday.\n\n“We will win this district.”";
    let found = claims(text, &["Walter Reyes"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source.as_deref(), Some("Walter Reyes"));
}

#[test]
fn a_cue_and_colon_closing_a_paragraph_frame_the_quote_that_opens_the_next() {
    let text = "Maria Okafor answered slowly:\n\n“I will come tomorrow.”";
    let found = claims(text, &["Maria Okafor"]);
    assert_eq!(
        found,
        vec![seen(
            "I will come tomorrow.",
            Direct,
            "answered",
            "Maria Okafor"
        )]
    );
}

#[test]
fn a_bare_quote_after_a_narrated_paragraph_takes_its_main_subject_past_a_participle() {
    let text = "Seeing the door open, Walter Reyes got up and put in a word.\n\n“Stay for supper.”";
    let found = claims(text, &["Walter Reyes"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].source.as_deref(), Some("Walter Reyes"));
}

#[test]
fn whoever_a_bare_quote_addresses_is_not_its_speaker() {
    let text =
        "“Sit down,” said Walter.\n\nMaria Okafor came in.\n\n“No, Maria Okafor, you must stand.”";
    let found = claims(text, &["Maria Okafor", "Walter"]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].source.as_deref(), Some("Walter"));
}

#[test]
fn an_expectation_nobody_holds_by_name_has_no_source() {
    let text = "The harbour master is expected to close the port before the storm.";
    assert_eq!(
        claims(text, &["The harbour master"]),
        vec![
            seen("The harbour master", Indirect, "is expected", ""),
            seen(
                "to close the port before the storm",
                Indirect,
                "is expected",
                ""
            )
        ]
    );
}

#[test]
fn a_passive_frame_takes_its_by_agent_as_source() {
    let text = "The orchard plan was attacked for its cost by the growers’ union.";
    assert_eq!(
        claims(text, &["The orchard plan", "the growers’ union"]),
        vec![
            seen(
                "The orchard plan",
                Indirect,
                "was attacked for",
                "the growers’ union"
            ),
            seen(
                "its cost",
                Indirect,
                "was attacked for",
                "the growers’ union"
            )
        ]
    );
}

#[test]
fn seems_with_a_complement_frames_it_but_not_a_place() {
    let text = "The ferry appeared on the horizon. The captain seems ready to sail at dawn.";
    assert_eq!(
        claims(text, &["The captain"]),
        vec![
            seen("The captain", Indirect, "seems", ""),
            seen("ready to sail at dawn", Indirect, "seems", "")
        ]
    );
}

#[test]
fn a_verb_of_saying_with_a_bare_noun_object_reports_no_words() {
    let text = "The rowers asserted their strength. The coach said yes.";
    assert_eq!(
        claims(text, &["The rowers", "The coach"]),
        vec![seen("yes", Indirect, "said", "The coach")]
    );
}

#[test]
fn saying_the_words_themselves_reports_none_of_them() {
    let text = "The coach said a few kind words about the rowers. The pastor said a short prayer before the race. The warden said the words were false.";
    assert_eq!(
        claims(text, &["The coach", "The pastor", "The warden"]),
        vec![seen("the words were false", Indirect, "said", "The warden")]
    );
}

#[test]
fn a_short_clause_in_the_past_after_a_verb_of_saying_is_reported() {
    let text = "The ferry captain said the crossing failed. The warden said the tide rose.";
    assert_eq!(
        claims(text, &["The ferry captain", "The warden"]),
        vec![
            seen("the crossing failed", Indirect, "said", "The ferry captain"),
            seen("the tide rose", Indirect, "said", "The warden"),
        ]
    );
}

#[test]
fn ask_reports_a_question_or_a_request_never_a_topic() {
    let text = "The ferry survey asked riders about the timetable. The warden asked the climbers whether the ridge was safe.";
    assert_eq!(
        claims(text, &["The ferry survey", "The warden"]),
        vec![seen(
            "whether the ridge was safe",
            Indirect,
            "asked",
            "The warden"
        )]
    );
}

#[test]
fn a_finding_set_in_a_poll_is_the_polls() {
    let text = "In a new harbour poll, the evening boats came out on top. The ferry chief took 6 percent of the vote in a county survey released Monday.";
    // Documents come from the mention finders, not from a hand-made list.
    assert_eq!(
        analysed(text),
        vec![
            seen(
                "the evening boats came out on top",
                Indirect,
                "In",
                "a new harbour poll"
            ),
            seen(
                "The ferry chief took 6 percent of the vote",
                Indirect,
                "in",
                "a county survey"
            )
        ]
    );
}

#[test]
fn a_quote_paragraph_left_open_is_the_speaker_of_the_next_ones_frame() {
    let text = "The hut was cold.\n\n\"The ridge is closed. Nobody goes up.\n\n\"Not even guides,\" the warden added.";
    assert_eq!(
        claims(text, &["the warden"]),
        vec![
            seen(
                "The ridge is closed. Nobody goes up.",
                Direct,
                "added",
                "the warden"
            ),
            seen("Not even guides,", Direct, "added", "the warden"),
        ]
    );
}

#[test]
fn a_bare_time_or_topic_phrase_is_no_content() {
    let text =
        "The harbour master declined to comment on Tuesday. The keeper was thinking of the tide.";
    assert_eq!(claims(text, &["The harbour master", "The keeper"]), vec![]);
}

#[test]
fn words_nobody_said_are_no_claim() {
    let text = "The keeper didn’t say “never,” but he frowned. The keeper never told the crew that the lamp was broken.";
    assert_eq!(claims(text, &["The keeper", "he"]), vec![]);
}

#[test]
fn a_manner_adverb_before_the_quote_is_no_content() {
    let text = "Jo said sadly, “The lamp is out.”";
    assert_eq!(
        claims(text, &["Jo"]),
        vec![seen("The lamp is out.", Direct, "said", "Jo")]
    );
}

#[test]
fn a_second_source_after_while_ends_the_first_content() {
    let text =
        "The chamber urged the council to wait, while the bakers warned that sales would fall.";
    assert_eq!(
        claims(text, &["The chamber", "the bakers"]),
        vec![
            seen("the council to wait", Indirect, "urged", "The chamber"),
            seen("sales would fall", Indirect, "warned", "the bakers"),
        ]
    );
}

#[test]
fn a_comma_inside_a_closing_mark_ends_the_content_before_a_second_source() {
    let text = "The coach urged him to stay calm, to act “like a captain,” but Ray Moss said he answered: “We fight.”";
    assert_eq!(
        claims(text, &["The coach", "Ray Moss", "he"]),
        vec![
            seen(
                "him to stay calm, to act “like a captain,”",
                Mixed,
                "urged",
                "The coach"
            ),
            seen("he answered: “We fight.”", Mixed, "said", "Ray Moss"),
        ]
    );
}

#[test]
fn a_while_after_a_quote_with_no_cue_of_its_own_keeps_the_content_whole() {
    let text = "Ivo Rask said he “backs the plan fully,” while his rival did not.";
    assert_eq!(
        claims(text, &["Ivo Rask", "he", "his rival"]),
        vec![seen(
            "he “backs the plan fully,” while his rival did not",
            Mixed,
            "said",
            "Ivo Rask"
        )]
    );
}

#[test]
fn a_relative_clause_with_a_named_source_and_cue_ends_the_content() {
    let text = "The mayor praised the bridge, which engineers say will crack within a decade.";
    assert_eq!(
        claims(text, &["The mayor", "engineers"]),
        vec![
            seen("the bridge", Indirect, "praised", "The mayor"),
            seen("which", Indirect, "say", "engineers"),
            seen("will crack within a decade", Indirect, "say", "engineers"),
        ]
    );
}

#[test]
fn a_subordinate_clause_with_a_source_and_cue_of_its_own_ends_the_content() {
    let text = "Ana Lind said the harbour is safe after the inspectors found no cracks.";
    assert_eq!(
        claims(text, &["Ana Lind", "the inspectors"]),
        vec![
            seen("the harbour is safe", Indirect, "said", "Ana Lind"),
            seen("no cracks", Indirect, "found", "the inspectors"),
        ]
    );
}

#[test]
fn a_frame_closing_the_sentence_reports_only_the_joined_clause_with_a_frame_of_its_own() {
    let text = "The town has applied for a grant, and Sen. Mia Holt is expected to back the request, her office said.";
    assert_eq!(
        claims(text, &["Sen. Mia Holt", "her office"]),
        vec![seen(
            "Sen. Mia Holt is expected to back the request",
            Indirect,
            "said",
            "her office"
        )]
    );
    // Without a frame of its own, the joined clause is reported too.
    let text = "Sales fell in May, and the firm will cut jobs, the report said.";
    assert_eq!(
        claims(text, &["the firm", "the report"]),
        vec![seen(
            "Sales fell in May, and the firm will cut jobs",
            Indirect,
            "said",
            "the report"
        )]
    );
}

#[test]
fn a_place_after_a_preposition_describes_the_subject_before_it() {
    let text = "Bakers on Elm Street warned that the closures would ruin them.";
    assert_eq!(
        claims(text, &["Bakers", "Elm Street"]),
        vec![seen(
            "the closures would ruin them",
            Indirect,
            "warned",
            "Bakers"
        )]
    );
}

#[test]
fn going_on_holiday_is_no_speech() {
    let text = "The family decided to go on vacation. “And then?” she went on.";
    assert_eq!(
        claims(text, &["The family", "she"]),
        vec![seen("And then?", Direct, "went on", "she")]
    );
}

#[test]
fn according_to_a_source_that_runs_on_to_the_end_of_the_sentence() {
    let text = "The ferry will stop in winter, according to a port official with knowledge of the timetables.";
    assert_eq!(
        claims(text, &["a port official"]),
        vec![seen(
            "The ferry will stop in winter",
            Indirect,
            "according to",
            "a port official"
        )]
    );
}

#[test]
fn a_second_verb_in_the_cues_form_ends_the_object_and_claims_its_own() {
    let text = "The mayor denied the rumours and berated her rival for lying.";
    assert_eq!(
        claims(text, &["The mayor"]),
        vec![
            seen("the rumours", Indirect, "denied", "The mayor"),
            seen("her rival for lying", Indirect, "berated", "The mayor"),
        ]
    );
}

#[test]
fn what_an_evidential_frame_is_about_is_a_claim_beside_its_content() {
    // No mention: the words back to the start of the clause.
    let text = "The tide was low, while the old ferry route appears to be closing.";
    assert_eq!(
        claims(text, &[]),
        vec![
            seen("the old ferry route", Indirect, "appears", ""),
            seen("to be closing", Indirect, "appears", ""),
        ]
    );
}

#[test]
fn the_subject_of_a_verb_before_to_is_the_subject_of_the_cue_after_it() {
    let text = "The harbour master is trying to show that the pier is safe.";
    assert_eq!(
        claims(text, &["The harbour master"]),
        vec![seen(
            "the pier is safe",
            Indirect,
            "show",
            "The harbour master"
        )]
    );
}

#[test]
fn a_second_subject_and_cue_after_a_comma_and_end_the_first_content() {
    let text = "The pilots say the runway is short, and the mechanics warn that the hangar leaks.";
    assert_eq!(
        claims(text, &["The pilots", "the mechanics"]),
        vec![
            seen("the runway is short", Indirect, "say", "The pilots"),
            seen("the hangar leaks", Indirect, "warn", "the mechanics"),
        ]
    );
}

#[test]
fn a_relative_clause_content_ends_at_its_comma() {
    let text = "Ona Brel, who cited the tides as her main worry, rowed home.";
    assert_eq!(
        claims(text, &["Ona Brel", "who"]),
        vec![seen(
            "the tides as her main worry",
            Indirect,
            "cited",
            "who"
        )]
    );
}

#[test]
fn a_cue_and_colon_frame_a_quote_so_the_subject_after_it_does_not() {
    let text = "The skipper said: “Hoist the sails!” Sailors still praise that order.";
    let found = claims(text, &["The skipper", "Sailors"]);
    assert_eq!(
        found[0],
        seen("Hoist the sails!", Direct, "said", "The skipper")
    );
}

#[test]
fn a_frame_inside_the_content_splits_it_in_two() {
    let text = "At the time, she said, the lighthouse keeper was away.";
    assert_eq!(
        claims(text, &["she"]),
        vec![
            seen("At the time", Indirect, "said", "she"),
            seen("the lighthouse keeper was away", Indirect, "said", "she"),
        ]
    );
}

#[test]
fn a_question_asked_after_when_is_asked_by_nobody_named() {
    let text = "The keeper laughed when asked what the lamp would cost, and left.";
    let found = claims(text, &["The keeper"]);
    assert_eq!(
        found[0],
        seen("what the lamp would cost", Indirect, "asked", "")
    );
}

#[test]
fn a_relative_word_before_the_subject_of_a_cue_is_what_the_source_spoke_of() {
    let text = "They toured the old mill, which the mayor describes as a relic.";
    assert_eq!(
        claims(text, &["the mayor"]),
        vec![
            seen("which", Indirect, "describes", "the mayor"),
            seen("as a relic", Indirect, "describes", "the mayor"),
        ]
    );
}

#[test]
fn a_phrasal_particle_is_no_content() {
    let text = "The rowers are pushing back. The coach did show up late.";
    assert_eq!(claims(text, &["The rowers", "The coach"]), vec![]);
}

#[test]
fn a_participle_leading_the_sentence_is_the_main_subjects() {
    let text = "Noting the tide was high, the harbour master said the ferry would wait.";
    let found = claims(text, &["the harbour master"]);
    assert_eq!(
        found[0],
        seen(
            "the tide was high",
            Indirect,
            "Noting",
            "the harbour master"
        )
    );
}

#[test]
fn a_title_case_headline_writes_its_verb_with_a_capital() {
    let text = "Harbour Master Warns Ferry Will Stop.\n\nThe ferry ran late.";
    assert_eq!(
        claims(text, &["Harbour Master"]),
        vec![seen("Ferry Will Stop", Indirect, "Warns", "Harbour Master")]
    );
}

#[test]
fn an_aside_between_dashes_stands_between_subject_and_cue() {
    let text = "Ona Brel — like her rival, a former harbour master — recalled the storm of 1990.";
    assert_eq!(
        claims(text, &["Ona Brel"]),
        vec![seen("the storm of 1990", Indirect, "recalled", "Ona Brel")]
    );
}

#[test]
fn a_share_answering_a_poll_speaks_through_the_poll() {
    let text = "In a new harbour poll, 28 percent of riders said the ferry was late.";
    let found = claims(text, &["a new harbour poll", "28 percent of riders"]);
    assert_eq!(
        found,
        vec![seen(
            "the ferry was late",
            Indirect,
            "said",
            "a new harbour poll"
        )]
    );
}

#[test]
fn a_long_subject_opening_the_sentence_is_the_source_of_a_that_clause() {
    let text = "A review of every ferry timetable from the last ten years concludes that the boats were never late.";
    assert_eq!(
        claims(text, &["A review"]),
        vec![seen(
            "the boats were never late",
            Indirect,
            "concludes",
            "A review"
        )]
    );
}

#[test]
fn a_participle_after_a_comma_takes_the_subject_of_the_clause_it_follows() {
    let text = "Over the past week, inspectors closed the market and Mayor Ida Lund fired her deputy, acknowledging that residents have lost trust in the office.";
    assert_eq!(
        source_for_cue(text, "acknowledging").as_deref(),
        Some("Mayor Ida Lund")
    );
}

#[test]
fn a_frame_after_a_comma_inside_a_that_clause_is_no_frame_of_the_sentence() {
    let text = "On Monday, the keeper revealed that after the storm, the captain called her twice.";
    assert_eq!(
        claims(text, &["the keeper", "the captain"]),
        vec![seen(
            "after the storm, the captain called her twice",
            Indirect,
            "revealed",
            "the keeper"
        )]
    );
}

#[test]
fn a_clause_subject_after_a_fronted_phrase_not_the_name_in_the_phrase() {
    let text = "In the last Harbor debate, on Channel Five, candidates dodged hard questions by saying that the host was wrong.";
    assert_eq!(
        source_for_cue(text, "saying").as_deref(),
        Some("candidates")
    );
}

#[test]
fn seeing_an_object_as_something_is_a_view_of_the_subject() {
    let text = "The fishermen see the new quay as a threat to their nets.";
    assert_eq!(
        claims(text, &["The fishermen"]),
        vec![seen(
            "the new quay as a threat to their nets",
            Indirect,
            "see",
            "The fishermen"
        )]
    );
}

#[test]
fn an_apposition_is_no_clause_subject_of_its_own() {
    let text = "Ida Lund, the Harbor socialist who filled the hall, spoke for an hour, describing a town run by landlords.";
    assert_eq!(
        source_for_cue(text, "describing").as_deref(),
        Some("Ida Lund")
    );
}

#[test]
fn a_pronoun_subject_of_the_nearer_clause_takes_the_participle() {
    let text = "Mayor Ida Lund was criticised for the delay, though in a radio interview last week she used stronger words, saying the bridge “must be rebuilt.”";
    assert_eq!(source_for_cue(text, "saying").as_deref(), Some("she"));
}

#[test]
fn a_document_sent_by_someone_speaks_for_the_sender() {
    let text = "Ida Lund sent a fundraising letter on Friday saying that the race is tied.";
    assert_eq!(source_for_cue(text, "saying").as_deref(), Some("Ida Lund"));
    let text = "The good mood carried into a joint statement emphasizing that the match went well.";
    assert_eq!(
        source_for_cue(text, "emphasizing").as_deref(),
        Some("a joint statement")
    );
}

#[test]
fn a_possessive_document_is_the_source_of_its_quote() {
    let text = "The union’s statement then declares “the strike is over.”";
    assert_eq!(
        source_for_cue(text, "declares").as_deref(),
        Some("The union’s statement")
    );
}

#[test]
fn an_evidential_frame_after_a_pronoun_makes_no_claim_of_the_pronoun() {
    let text = "The mayor spoke for an hour. He almost seemed to agree with the council.";
    let all = analysed(text);
    assert!(all.iter().all(|c| c.text != "He"), "{all:?}");
    assert!(
        all.iter()
            .any(|c| c.text == "to agree with the council" && c.source.is_none()),
        "{all:?}"
    );
}

#[test]
fn a_relative_subject_of_an_evidential_frame_reaches_back_to_its_noun() {
    let text = "Ida Lund spoke before the harbour board, which appears to have changed its mind.";
    let all = analysed(text);
    assert!(
        all.iter()
            .any(|c| c.text == "the harbour board, which" && c.cue.as_deref() == Some("appears")),
        "{all:?}"
    );
}

#[test]
fn a_relative_object_reaches_back_to_its_noun_unless_a_preposition_takes_it() {
    let text = "Ida Lund visited the harbour board, which Mayor Tom Pike called “a disgrace.”";
    let all = analysed(text);
    assert!(
        all.iter().any(|c| c.text == "the harbour board, which"
            && c.source.as_deref() == Some("Mayor Tom Pike")),
        "{all:?}"
    );
    let text = "Nobody can say what the fishermen think of the new levy.";
    let all = analysed(text);
    assert!(all.iter().all(|c| c.text != "what"), "{all:?}");
}

#[test]
fn a_label_before_a_colon_is_no_source_when_the_sentence_names_its_own() {
    let text = "Analysis: The vote shows a council tired of waiting, said Ruth Gale, a historian.";
    let all = analysed(text);
    assert!(
        all.iter().all(|c| c.source.as_deref() != Some("Analysis")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|c| c.source.as_deref() == Some("Ruth Gale, a historian")
                || c.source.as_deref() == Some("Ruth Gale")),
        "{all:?}"
    );
}

#[test]
fn an_evidential_subject_keeps_its_relative_clause() {
    let text = "Residents who attended the meeting seemed divided.";
    let all = analysed(text);
    assert!(
        all.iter()
            .any(|c| c.text == "Residents who attended the meeting"),
        "{all:?}"
    );
}

/// An invented local-news article with the kinds a new user met on a fresh
/// article: titles before names, unnamed sources with descriptions, a
/// newspaper named again by a description, relative clauses, a section
/// label before a colon, time and prepositional phrases after cues.
const FLOOD_BARRIER: &str = include_str!("../../../tests/fixtures/flood-barrier.txt");

#[test]
fn a_local_news_article_gets_its_sources_and_no_phrase_claims() {
    let all = analysed(FLOOD_BARRIER);
    let by = |text: &str| {
        all.iter()
            .find(|c| c.text.starts_with(text))
            .unwrap_or_else(|| panic!("no claim {text:?} in {all:?}"))
            .source
            .clone()
    };
    assert_eq!(
        by("a company from outside the county").as_deref(),
        Some("Two people familiar with the bidding process")
    );
    assert_eq!(
        by("the money would be better spent").as_deref(),
        Some("Councilmember Paul Diaz")
    );
    assert_eq!(
        by("We have waited long enough").as_deref(),
        Some("Dr. Maria Okafor, a hydrologist at Tessel State University")
    );
    assert_eq!(by("The river does not wait").as_deref(), Some("She"));
    assert!(by("Residents who attended the meeting").is_none());
    // "The city has applied for a federal grant, and state Sen. Helen Park
    // is expected to …, her office said": the office speaks of the senator.
    assert_eq!(
        by("state Sen. Helen Park is expected to support the application").as_deref(),
        Some("her office")
    );
    assert!(
        all.iter()
            .all(|c| !c.text.starts_with("The city has applied")),
        "{all:?}"
    );
    // "The Riverton Chamber of Commerce urged …, while restaurant owners
    // warned that …": two claims, two sources.
    assert_eq!(
        by("the council to delay construction until after the summer season").as_deref(),
        Some("The Riverton Chamber of Commerce")
    );
    assert!(by("months of closed sidewalks would ruin them").is_some());
    // "declined to comment on Tuesday", "Asked about the cost", "since
    // taking office in 2021": no phrase is a claim, no label a source.
    for phrase in ["on Tuesday", "about the cost", "since taking office"] {
        assert!(
            all.iter().all(|c| !c.text.starts_with(phrase)),
            "{phrase}: {all:?}"
        );
    }
    assert!(
        all.iter().all(|c| c.source.as_deref() != Some("Analysis")),
        "{all:?}"
    );
    let analysis = crate::analysis::analyze_with(FLOOD_BARRIER, &Options::default());
    let roe = analysis.actors.iter().find(|a| a.name == "Jane Roe");
    assert_eq!(roe.and_then(|a| a.role.as_deref()), Some("Councilmember"));
    // "Dr." is a form of address; the apposition tells what she does.
    let okafor = analysis.actors.iter().find(|a| a.name == "Maria Okafor");
    assert_eq!(
        okafor.and_then(|a| a.role.as_deref()),
        Some("hydrologist at Tessel State University")
    );
    // "the newspaper" is The Valley Press, "The group" the alliance named
    // before it: each one actor, with the claims of both mentions.
    let actor_saying = |claim: &str| {
        let c = analysis
            .claims
            .iter()
            .find(|c| c.span.of(FLOOD_BARRIER).starts_with(claim))
            .unwrap_or_else(|| panic!("no claim {claim:?}"));
        let a = c.source.and_then(|s| s.actor).expect("a source actor");
        (analysis.actors[a].name.as_str(), c.source.map(|s| s.via))
    };
    assert_eq!(
        actor_saying("it had seen letters"),
        ("Valley Press", Some(crate::analysis::Via::NamedBefore))
    );
    assert_eq!(actor_saying("several families").0, "Valley Press");
    assert_eq!(
        actor_saying("to ask the state for a review"),
        (
            "Tessel Watershed Alliance",
            Some(crate::analysis::Via::NamedBefore)
        )
    );
    let children = analysis.actors.iter().find(|a| a.name == "Children");
    assert!(children.is_some_and(|a| {
        a.mentions
            .iter()
            .all(|m| !m.of(FLOOD_BARRIER).contains("people"))
    }));
}

mod precision;
mod recall;

#[test]
fn a_search_near_a_hint_finds_what_a_search_of_the_whole_list_finds() {
    let starts = [2, 3, 3, 3, 8, 9, 9, 20, 21, 40, 41, 41, 41, 41, 90];
    for offset in 0..100 {
        for at_too in [false, true] {
            let before = |&s: &i32| s < offset || (at_too && s == offset);
            let whole = starts.partition_point(before);
            for near in 0..starts.len() + 3 {
                assert_eq!(
                    shared::partition_point_near(&starts, near, before),
                    whole,
                    "{offset} {near}"
                );
            }
        }
    }
    assert_eq!(shared::partition_point_near(&[] as &[i32], 5, |_| true), 0);
}

#[test]
fn a_paragraph_break_between_tokens_is_told_as_the_text_between_them_tells_it() {
    let prose = "The ferry ran late.\nOwners said so, twice.\n\n  Tolls rose \r\n\r\nagain; riders left.\n \nDone.";
    let line = "the harbour board met on the pier to weigh the cost of a new";
    let wrapped =
        format!("{line}\n{line}\n{line}\n{line}\n\n{line}\n{line}.\n{line}\n\n{line}\n").repeat(4);
    for (text, hard_wrapped) in [(prose.to_string(), false), (wrapped, true)] {
        let table = TokenTable::new(&text, Lexicon::builtin());
        assert_eq!(table.wrapped, hard_wrapped, "{text:?}");
        let context = Context::new(&table, &quotes::find(&table), &[], Lexicon::builtin());
        let mut breaks = 0;
        for last in 0..table.len() {
            for next in last + 1..table.len().min(last + 4) {
                let read = context.breaks_between(table.span(last).end, table.tokens[next].start());
                assert_eq!(
                    context.breaks_after(last, next),
                    read,
                    "{last} {next} {text:?}"
                );
                breaks += usize::from(read && next == last + 1);
            }
        }
        assert!(breaks >= 3, "{text:?}");
    }
}

#[test]
fn a_resumed_quotation_framed_twice_is_one_claim_with_its_speaker() {
    let text = "The path climbed to the mill. It was there that Badger lived.\n\n\
                \"And if anybody can mend anything,\" said Fox to himself,\n\
                \"it's Badger who can mend something,\" he said, \"or my name's\n\
                not Fox,\" he said. \"Which it is,\" he added.\n";
    let all = analysed(text);
    let resumed: Vec<&Seen> = all
        .iter()
        .filter(|c| c.text.starts_with("it's Badger"))
        .collect();
    assert_eq!(resumed.len(), 1, "{all:?}");
    assert!(resumed[0].source.is_some(), "{all:?}");
}
