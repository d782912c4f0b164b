//! Why a claim is there: the rule that made it ([`Rule`]) and how its
//! source was found ([`Via`]). The reader's detail view shows them in
//! words; the JSON export names them (`rule`, `source.via`) so that a wrong
//! claim can be traced to the rule that made it.

use serde::{Deserialize, Serialize};

/// The rule that made a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// "“…,” she said", "“…,” said Emma", "“…,” according to the memo".
    QuoteThenFrame,
    /// "“…” — Jane Roe": a dash signs the quote off.
    QuoteThenDash,
    /// "“Well!” sputtered Ann": a verb the lexicon does not know next to a name.
    QuoteThenUnknownVerb,
    /// "“A,” she said, “B.”": the quote after a frame shares it.
    QuoteResumed,
    /// "Reyes: “…”".
    NameColonQuote,
    /// "Poll: most voters …": a sentence opening with a source and a colon.
    ColonLead,
    /// "Asked whether …, most said yes": a question nobody named asked.
    AskedQuestion,
    /// "As one editor noted, …".
    AsSourceNoted,
    /// "These plans, say officials, will fail": an inverted frame inside or after.
    InvertedFrame,
    /// "…, analysts warn." / "The plan, officials said, will fail."
    ContentThenFrame,
    /// "According to X, …" / "…, according to X."
    AccordingTo,
    /// "analysts warn that …".
    SubjectCueContent,
    /// "An analysis of every race since 1972 showed …": a cue whose subject,
    /// long or with an aside, opens the sentence.
    FarSubject,
    /// "Party leaders see him as an asset": a verb of seeing or casting, its
    /// object, then "as".
    SeenAs,
    /// "…, arguing that …" / "… and says …": the subject of the verb before.
    Participle,
    /// "He denied the charges and counter-accused her of lying": the object
    /// of a second verb after a claim, with the same source.
    ConjoinedVerb,
    /// "The ad targets a “corrupt system”": a quote after a subject and a verb.
    SubjectVerbQuote,
    /// "She said slowly:\n\n“…”": a cue and colon end the paragraph before.
    CueColonBefore,
    /// A quote with no frame of its own: its speaker comes from around it.
    BareQuote,
    /// "The mayor is expected to sign", "was accused of lying", "appears to
    /// be failing": a belief or expectation, its holder the by-agent or nobody.
    Evidential,
    /// "The plan appears to be failing": what an evidential frame is about,
    /// a claim beside the frame's content, with the same source.
    EvidentialSubject,
    /// "the port, which the mayor calls a relic": the relative word before
    /// the subject of a cue stands for what the source spoke of.
    RelativeObject,
    /// "the ships the union named in its letter": a noun phrase right
    /// before the subject of a cue that has no object of its own.
    ObjectBeforeSubject,
    /// "In a new poll, most riders …", "… in a survey released Monday":
    /// a finding set in a document.
    Finding,
    /// The reader's user made the claim (a correction; never the engine's).
    User,
}

impl Rule {
    /// As the JSON export spells it (serde's name for it too).
    pub fn name(self) -> &'static str {
        match self {
            Rule::QuoteThenFrame => "quote_then_frame",
            Rule::QuoteThenDash => "quote_then_dash",
            Rule::QuoteThenUnknownVerb => "quote_then_unknown_verb",
            Rule::QuoteResumed => "quote_resumed",
            Rule::NameColonQuote => "name_colon_quote",
            Rule::ColonLead => "colon_lead",
            Rule::AskedQuestion => "asked_question",
            Rule::AsSourceNoted => "as_source_noted",
            Rule::InvertedFrame => "inverted_frame",
            Rule::ContentThenFrame => "content_then_frame",
            Rule::AccordingTo => "according_to",
            Rule::SubjectCueContent => "subject_cue_content",
            Rule::FarSubject => "far_subject",
            Rule::SeenAs => "seen_as",
            Rule::Participle => "participle",
            Rule::ConjoinedVerb => "conjoined_verb",
            Rule::SubjectVerbQuote => "subject_verb_quote",
            Rule::CueColonBefore => "cue_colon_before",
            Rule::BareQuote => "bare_quote",
            Rule::Evidential => "evidential",
            Rule::EvidentialSubject => "evidential_subject",
            Rule::RelativeObject => "relative_object",
            Rule::ObjectBeforeSubject => "object_before_subject",
            Rule::Finding => "finding",
            Rule::User => "user",
        }
    }

    /// The rule in a few words, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::QuoteThenFrame => "quote, then its speaker and cue verb",
            Rule::QuoteThenDash => "quote signed off by a dash and a name",
            Rule::QuoteThenUnknownVerb => "quote, then a name and a verb of its manner",
            Rule::QuoteResumed => "second part of a quote around its frame",
            Rule::NameColonQuote => "name and colon before the quote",
            Rule::ColonLead => "source and colon opening the sentence",
            Rule::AskedQuestion => "question introduced by “asked”",
            Rule::AsSourceNoted => "“as X said,” before the content",
            Rule::InvertedFrame => "content around an inverted “say X” frame",
            Rule::ContentThenFrame => "subject + cue verb after the content",
            Rule::AccordingTo => "“according to” and its source",
            Rule::SubjectCueContent => "subject + cue verb before the content",
            Rule::FarSubject => "cue verb after a long subject opening the sentence",
            Rule::SeenAs => "view: “see X as”, “cast X as” and the like",
            Rule::Participle => "participle or second verb of an earlier subject",
            Rule::ConjoinedVerb => "object of a second verb of the same subject",
            Rule::SubjectVerbQuote => "subject + verb before a quoted stretch",
            Rule::CueColonBefore => "cue and colon ending the paragraph before",
            Rule::BareQuote => "quote with no frame of its own",
            Rule::EvidentialSubject => "what an evidential or passive frame is about",
            Rule::RelativeObject => "relative word before the subject of a cue",
            Rule::ObjectBeforeSubject => "noun before the subject of a cue with no object",
            Rule::Finding => "finding set in a poll, survey or report",
            Rule::User => "made by you",
            Rule::Evidential => "evidential or passive frame (“is expected to”, “was accused of”)",
        }
    }
}

/// How a claim's source was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// The subject of the cue verb ("analysts warn", "“…,” she said").
    Subject,
    /// The name right after the cue ("said Emma", "according to the memo").
    AfterCue,
    /// The name before a colon ("Reyes: “…”").
    BeforeColon,
    /// The name after a dash ("— Jane Roe").
    AfterDash,
    /// A participle's or second verb's subject: the source of the claim
    /// before in the sentence.
    ClaimBefore,
    /// The subject of the sentence's main clause.
    MainSubject,
    /// The subject of the clause a participle follows.
    ClauseSubject,
    /// The speaker of the claim before in the same paragraph.
    SpeakerInParagraph,
    /// The speaker of the quote paragraph before.
    PreviousSpeaker,
    /// Turns alternate: the speaker two (or four, …) quote paragraphs away,
    /// or the other party of a two-person exchange.
    TurnTaking,
    /// In a dialogue, the other party: someone the turn before addressed,
    /// or the other person named nearby.
    OtherParty,
    /// The subject of the narrated sentence just before the quote.
    NarratedSubject,
    /// In a dialogue, the person the turn before (or after) addresses by
    /// name ("“Cold, Emma?”").
    Addressee,
    /// In a dialogue, the person acting in the narrated sentence right
    /// after the quote, in its paragraph ("“No.” She turned away.").
    ActorAfter,
    /// The quote names the chosen speaker as its listener: the speaker
    /// before takes it.
    NotTheAddressee,
    /// A pronoun ("he", "they"), resolved to the nearest earlier fitting actor.
    Pronoun,
    /// "who", "which": the name just before it.
    Relative,
    /// A description ("the two-term senator") linked to the person with
    /// that title.
    Description,
    /// A description of an organisation ("the newspaper", "the group")
    /// linked to the one of its kind named before ("The Valley Press").
    NamedBefore,
    /// The poll or survey the sentence is set in, for a share of people
    /// answering it ("In a new poll, 28 percent said …").
    SetIn,
    /// The agent of a passive frame ("was criticised by the union").
    ByAgent,
    /// The speaker of the next paragraph, which goes on with the quote.
    ContinuedQuote,
    /// In a dialogue whose turns tell nobody, the person named nearest
    /// before the quote in the narration.
    NearestName,
    /// The reader's user chose the source (a correction; never the engine's).
    User,
}

impl Via {
    /// As the JSON export spells it (serde's name for it too).
    pub fn name(self) -> &'static str {
        match self {
            Via::Subject => "subject",
            Via::AfterCue => "after_cue",
            Via::BeforeColon => "before_colon",
            Via::AfterDash => "after_dash",
            Via::ClaimBefore => "claim_before",
            Via::MainSubject => "main_subject",
            Via::ClauseSubject => "clause_subject",
            Via::SpeakerInParagraph => "speaker_in_paragraph",
            Via::PreviousSpeaker => "previous_speaker",
            Via::TurnTaking => "turn_taking",
            Via::OtherParty => "other_party",
            Via::NarratedSubject => "narrated_subject",
            Via::Addressee => "addressee",
            Via::ActorAfter => "actor_after",
            Via::NotTheAddressee => "not_the_addressee",
            Via::Pronoun => "pronoun",
            Via::Relative => "relative",
            Via::Description => "description",
            Via::NamedBefore => "named_before",
            Via::SetIn => "set_in",
            Via::ByAgent => "by_agent",
            Via::ContinuedQuote => "continued_quote",
            Via::NearestName => "nearest_name",
            Via::User => "user",
        }
    }

    /// Whether the source was found from a dialogue's turns or neighbours,
    /// not from a frame around the claim itself.
    pub fn is_dialogue(self) -> bool {
        matches!(
            self,
            Via::SpeakerInParagraph
                | Via::PreviousSpeaker
                | Via::TurnTaking
                | Via::OtherParty
                | Via::NarratedSubject
                | Via::ActorAfter
                | Via::NotTheAddressee
                | Via::ContinuedQuote
                | Via::Addressee
                | Via::NearestName
        )
    }

    /// How the source was found, in a few words, for people.
    pub fn describe(self) -> &'static str {
        match self {
            Via::Subject => "subject of the cue verb",
            Via::AfterCue => "name after the cue",
            Via::BeforeColon => "name before the colon",
            Via::AfterDash => "name after the dash",
            Via::ClaimBefore => "source of the claim before in the sentence",
            Via::MainSubject => "subject of the sentence’s main clause",
            Via::ClauseSubject => "subject of the clause the participle follows",
            Via::SpeakerInParagraph => "speaker before in the same paragraph",
            Via::PreviousSpeaker => "speaker of the quote paragraph before",
            Via::TurnTaking => "turns alternate: the speaker an even number of turns away",
            Via::OtherParty => "the other party of the dialogue",
            Via::NarratedSubject => "subject of the narration just before",
            Via::Addressee => "the one the turn before or after addresses by name",
            Via::ActorAfter => {
                "person acting in the narration right after, in the quote’s paragraph"
            }
            Via::NotTheAddressee => "the speaker before, as the quote addresses the other",
            Via::Pronoun => "pronoun → nearest earlier fitting actor",
            Via::Relative => "relative pronoun → the name just before it",
            Via::Description => "description → the person with that title",
            Via::NamedBefore => "description → the organisation of its kind named before",
            Via::User => "chosen by you",
            Via::SetIn => "the poll or survey the sentence is set in",
            Via::ByAgent => "the “by” agent of a passive frame",
            Via::ContinuedQuote => "speaker of the next paragraph, which goes on with the quote",
            Via::NearestName => "the person named nearest before, as the turns tell nobody",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_and_vias_serialise_as_snake_case_names() {
        assert_eq!(
            serde_json::to_string(&Rule::SubjectCueContent).unwrap(),
            "\"subject_cue_content\""
        );
        assert_eq!(
            serde_json::to_string(&Via::AfterCue).unwrap(),
            "\"after_cue\""
        );
        // The names the export writes by hand are serde's.
        for rule in [
            Rule::SubjectCueContent,
            Rule::QuoteThenUnknownVerb,
            Rule::User,
        ] {
            let serde = serde_json::to_string(&rule).unwrap();
            assert_eq!(serde, format!("\"{}\"", rule.name()));
        }
        for via in [Via::AfterCue, Via::NotTheAddressee, Via::SetIn] {
            let serde = serde_json::to_string(&via).unwrap();
            assert_eq!(serde, format!("\"{}\"", via.name()));
        }
        assert_eq!(
            Rule::ContentThenFrame.describe(),
            "subject + cue verb after the content"
        );
    }
}
