//! Turns of a conversation: where two people talk in consecutive quote
//! paragraphs, the speakers alternate, A, B, A, B — the conversation sieve
//! of deterministic quote attribution for novels (Muzny et al. 2017).
//!
//! It runs once mentions are resolved, so that "she" and "Emma" can be told
//! to be one person or two. The turns a cue names the speaker of ("said
//! Emma") anchor the exchange. A turn no cue frames takes the speaker of
//! the nearest anchor an even number of turns away, or the other party at
//! an odd number. A turn framed by a pronoun or a description ("she said",
//! "said the girl") keeps whom that stands for unless it is the speaker of
//! the turn after it, or nobody of the exchange, while the alternating
//! party fits the pronoun's gender: then it stands for that party. A
//! relation or a pronoun that found no name ("said his sister") stands for
//! the person of its gender whom the turn beside calls by name, and a
//! "he" or "she" the one person its own paragraph names before the quote
//! ("Kestrel came down the stairs. “…,” he said"). A
//! paragraph in which a second person is named speaking is two turns. A name
//! a quote addresses ("Take care, Emma!") is not its speaker, and speaks
//! the bare turn right after or before it.
//!
//! In news a new quote paragraph mostly goes on with the speaker before, so
//! only a text holding several quote paragraphs with no cue (a dialogue)
//! is read by turns, and only an exchange with two anchored speakers.

use std::ops::Range;

use super::pronouns::noun_gender;
use super::traits::{Pronoun, Traits};
use crate::analysis::quotes::paragraph_breaks;
use crate::analysis::shared::{MentionCursor, is_description};
use crate::analysis::steps;
use crate::analysis::wordlists::{Gender, Map};
use crate::analysis::{ClaimKind, FoundClaim, Mention, Rule, Via};

/// How many turns away an anchor of the exchange is looked for.
const TURNS_REACH: usize = 12;

/// How many quote paragraphs with no cue make a text a dialogue.
const BARE_TURNS: usize = 3;

/// What the turns are read against: the mentions and their traits, the
/// set each belongs to, the gender each set is known to have (by root, a
/// slot per mention).
pub(super) struct People<'a> {
    pub mentions: &'a [Mention],
    pub traits: &'a [Traits],
    /// By mention, where it starts (`Names::starts`).
    pub starts: &'a [u32],
    pub root_of: &'a [usize],
    pub gender: &'a [Option<Gender>],
}

/// How a turn's speaker is told.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Frame {
    /// A name (or the narrator's "I") framing a quote of the turn.
    Named,
    /// "she said", "said the girl": someone of this gender, if it tells one.
    Soft(Option<Gender>),
    /// A name acting in the narration by a quote no cue frames ("Tony
    /// looked away. “…”").
    Acting,
    /// No cue in the paragraph: the speaker comes from the turns around.
    Bare,
    /// No cue in the paragraph, and the turn beside it addresses the speaker.
    Addressee,
}

/// One paragraph of a conversation holding quotations.
struct Turn<'a> {
    /// Indices of its quote claims.
    claims: &'a [usize],
    frame: Frame,
    /// The mention the frame names (Named or Soft).
    mention: Option<usize>,
    /// The speaker once known (the root of their set of mentions) and the
    /// mention that names them.
    speaker: Option<(usize, usize)>,
    /// The first person its quotes address by name, and that name.
    addressed: Option<(usize, usize)>,
    /// The first name its quotes call out, whether the narration uses it
    /// or not ("Oh, Mr. Hale, …").
    called: Option<usize>,
    /// Whether the narration of its own paragraph names whom its frame
    /// stands for before the quote ("General Ash sat down. “…,” said he").
    introduced: bool,
    /// For a "he" or "she" framing it, the one person its paragraph's
    /// narration names before the quote, if only one ("The guard shook
    /// his head. “…,” he said").
    named_before: Option<(usize, usize)>,
}

/// Gives the turns of each two-person exchange their alternating speakers:
/// rewrites the source of the claims no cue framed, and what a pronoun or
/// description framing a turn stands for (`referent`).
pub(super) fn follow(
    text: &str,
    hard_wrapped: bool,
    people: &People,
    claims: &mut [FoundClaim],
    referent: &mut [Option<usize>],
) {
    let speaker = |claim: &FoundClaim| {
        let m = claim.source.filter(|_| by_cue(claim.via))?;
        referent[m].map(|r| people.root_of[r])
    };
    let found = turns(text, hard_wrapped, claims, speaker);
    let bare = found
        .turns()
        .filter(|t| classify(people, claims, t).0 == Frame::Bare)
        .take(BARE_TURNS)
        .count();
    if bare < BARE_TURNS {
        // No dialogue to follow, but a quote paragraph standing alone with
        // nobody framing it is still someone's ("Mara set down the lamp.
        // The wind rose.\n\n“Is anyone there?”").
        let mut cursor = MentionCursor::default();
        for turn in found.turns() {
            if turn.iter().all(|&k| claims[k].rule == Rule::BareQuote) {
                name_nearest(people, referent, claims, &mut cursor, turn);
            }
        }
        return;
    }
    // Only a name the narration uses too is a character one can address
    // ("“Spent.”" is a word, not a call). By root, a flag per mention.
    let mut narrated = vec![false; people.mentions.len()];
    for (m, t) in people.traits.iter().enumerate() {
        if let Some(r) = referent[m].filter(|_| !t.in_quote()) {
            narrated[people.root_of[r]] = true;
        }
    }
    let mut called = CalledNames::default();
    // The turns come in text order: their mentions are found walking forward.
    // A cursor each: each walks forward through the quotes.
    let mut vocatives = MentionCursor::default();
    let mut introductions = MentionCursor::default();
    let mut nearest = MentionCursor::default();
    // One vector for the turns of every conversation, emptied for each.
    let mut turns: Vec<Turn> = Vec::new();
    for conversation in &found.conversations {
        turns.clear();
        turns.extend(found.turns_of(conversation).map(|claims_of| {
            let (frame, mention) = classify(people, claims, claims_of);
            let vocative = addressed(text, people, claims, &mut vocatives, claims_of);
            let addressed = vocative
                .and_then(|m| referent[m].map(|r| (people.root_of[r], m)))
                .filter(|&(id, _)| narrated[id]);
            // Where the turn's first quote starts, and its first mention.
            let first_quote = claims_of.first().map(|&k| {
                let before = claims[k].span.start;
                (before, introductions.first_from(people.starts, before))
            });
            // The narration before it in its paragraph, read by the two
            // rules below, which ask only of a frame naming someone.
            let narration = first_quote
                .filter(|_| mention.is_some())
                .map(|(before, at)| {
                    narration_before(text, hard_wrapped, people.mentions, before, at)
                });
            let introduced = introduced(people, referent, narration.clone(), mention);
            let named_before = mention
                .filter(|&m| people.mentions[m].pronoun)
                .and_then(|_| only_named_before(people, referent, narration));
            Turn {
                claims: claims_of,
                frame,
                mention,
                speaker: None,
                addressed,
                called: vocative,
                introduced,
                named_before,
            }
        }));
        let parties = alternate(people, referent, &mut turns);
        apply(people.mentions, claims, referent, &turns);
        nearest_named(people, referent, claims, &mut nearest, &turns);
        called.note(people, referent, &narrated, &turns, &parties);
    }
    called.apply(people, referent);
    one_person_per_description(people, referent);
}

/// "the doctor" said, the turns told, to stand for Mr. Losberne once
/// stands for him wherever the dialogue leaves it unlinked: in one
/// excerpt a description names one person, unless the links disagree.
fn one_person_per_description(people: &People, referent: &mut [Option<usize>]) {
    let mentions = people.mentions;
    // The descriptions, found in one pass over the traits: they are few,
    // and both passes below read only them.
    let descriptions: Vec<usize> = (0..people.traits.len())
        .filter(|&i| people.traits[i].is_description())
        .collect();
    // By description: the name it was linked to, or `None` on a disagreement.
    let mut linked: Map<&str, Option<usize>> = Map::default();
    for &i in &descriptions {
        let Some(r) = referent[i].filter(|&r| r != i) else {
            continue;
        };
        if !is_proper(&mentions[r]) {
            continue;
        }
        let entry = linked.entry(mentions[i].name()).or_insert(Some(r));
        if entry.is_some_and(|e| people.root_of[e] != people.root_of[r]) {
            *entry = None;
        }
    }
    if linked.is_empty() {
        return;
    }
    let mut relinked: Map<usize, usize> = Map::default();
    for &i in &descriptions {
        if referent[i] == Some(i)
            && let Some(Some(r)) = linked.get(mentions[i].name())
        {
            relinked.insert(i, *r);
        }
    }
    if relinked.is_empty() {
        return;
    }
    // The pronouns that stood for the description follow it. Only a
    // description is looked up: the others are no key.
    for r in referent.iter_mut() {
        let description = r.filter(|&m| people.traits[m].is_description());
        if let Some(&to) = description.and_then(|m| relinked.get(&m)) {
            *r = Some(to);
        }
    }
}

/// How far before a quote (in bytes) the narration is searched for the
/// person named nearest, and through how many mentions.
const NEAREST_REACH: usize = 300;
const NEAREST_MENTIONS: usize = 24;

/// A turn of a dialogue that neither a frame nor the alternation gives a
/// speaker (three people talk, or nobody is named yet) goes to the person
/// named nearest before it in the narration, as the baseline of quote
/// attribution does: "Mary put down her cup. … “I'm going.”"
fn nearest_named(
    people: &People,
    referent: &[Option<usize>],
    claims: &mut [FoundClaim],
    cursor: &mut MentionCursor,
    turns: &[Turn],
) {
    for turn in turns.iter().filter(|t| t.frame == Frame::Bare) {
        name_nearest(people, referent, claims, cursor, turn.claims);
    }
}

/// Gives the claims of one turn no source was found for the person named
/// nearest before it.
fn name_nearest(
    people: &People,
    referent: &[Option<usize>],
    claims: &mut [FoundClaim],
    cursor: &mut MentionCursor,
    turn: &[usize],
) {
    let mentions = people.mentions;
    let Some(&first) = turn.first() else {
        return;
    };
    if turn.iter().any(|&k| claims[k].source.is_some()) {
        return;
    }
    let before = claims[first].span.start;
    let at = cursor.first_from(people.starts, before);
    let nearest = (at.saturating_sub(NEAREST_MENTIONS)..at)
        .rev()
        .take_while(|&j| mentions[j].span.end + NEAREST_REACH >= before)
        .find(|&j| {
            steps::step();
            let t = people.traits[j];
            let person = t.is_person() && !t.is_pronoun() && !t.in_quote();
            person && mentions[j].span.end <= before && referent[j].is_some()
        });
    if let Some(j) = nearest {
        for &k in turn {
            claims[k].source = Some(j);
            claims[k].via = Via::NearestName;
        }
    }
}

/// "“Oh, Mr. Hale, …”" in a two-person exchange, where the narration says
/// "Philip" and never "Mr. Hale": the name one party calls out and the
/// narration never uses is the other party's, as people are often called
/// by title and surname while the narration says their first name. A
/// word called out once with no title ("“Cheese, please.”") names nobody.
#[derive(Default)]
struct CalledNames {
    /// By the set of the name called: the party it names (their set and
    /// the mention naming them), or `None` once two parties disagree; and
    /// whether it is sure enough (titled, or called again).
    other_party: Map<usize, (Option<(usize, usize)>, bool)>,
}

impl CalledNames {
    /// Notes the names the turns of one exchange call out.
    fn note(
        &mut self,
        people: &People,
        referent: &[Option<usize>],
        narrated: &[bool],
        turns: &[Turn],
        parties: &[(usize, usize)],
    ) {
        let &[a, b] = parties else { return };
        for turn in turns {
            let (Some((speaker, _)), Some(v)) = (turn.speaker, turn.called) else {
                continue;
            };
            let Some(name) = referent[v].map(|r| people.root_of[r]) else {
                continue;
            };
            let other = if speaker == a.0 { b } else { a };
            let unknown = speaker != a.0 && speaker != b.0;
            // A name the narration uses, or a party's own, is someone's already.
            if unknown || narrated[name] || name == a.0 || name == b.0 {
                continue;
            }
            let gender = people.gender[name];
            if gender.is_some_and(|g| people.gender[other.0].is_some_and(|o| o != g)) {
                continue;
            }
            let titled = people.mentions[v].role.is_some();
            match self.other_party.get_mut(&name) {
                None => {
                    self.other_party.insert(name, (Some(other), titled));
                }
                Some((party, sure)) => {
                    *sure = true;
                    if party.is_some_and(|(id, _)| id != other.0) {
                        *party = None;
                    }
                }
            }
        }
    }

    /// Points the mentions of each name called at the party it names.
    fn apply(&self, people: &People, referent: &mut [Option<usize>]) {
        let target: Map<usize, usize> = self
            .other_party
            .iter()
            .filter(|(_, (_, sure))| *sure)
            .filter_map(|(&name, (party, _))| Some((name, referent[party.as_ref()?.1]?)))
            .collect();
        if target.is_empty() {
            return;
        }
        for r in referent.iter_mut() {
            if let Some(&to) = r.and_then(|m| target.get(&people.root_of[m])) {
                *r = Some(to);
            }
        }
    }
}

/// The quote claims grouped by paragraph (a turn) and the turns by runs of
/// consecutive paragraphs (a conversation), in three flat lists: every
/// claim and turn is added at the end, so each turn is a run of the claims
/// and each conversation a run of the turns, with no vector of its own.
#[derive(Default)]
struct Conversations {
    /// The quote claims, in text order.
    claims: Vec<usize>,
    /// Each turn's claims, as a range of `claims`.
    turns: Vec<Range<usize>>,
    /// Each conversation's turns, as a range of `turns`.
    conversations: Vec<Range<usize>>,
}

impl Conversations {
    /// Every turn's claims.
    fn turns(&self) -> impl Iterator<Item = &[usize]> {
        self.turns.iter().map(|t| &self.claims[t.clone()])
    }

    /// The claims of each turn of one conversation.
    fn turns_of(&self, conversation: &Range<usize>) -> impl Iterator<Item = &[usize]> {
        self.turns[conversation.clone()]
            .iter()
            .map(|t| &self.claims[t.clone()])
    }

    /// Adds claim `k` as a new turn, of a new conversation if `new`.
    fn new_turn(&mut self, k: usize, new: bool) {
        if new {
            self.conversations.push(self.turns.len()..self.turns.len());
        }
        self.turns.push(self.claims.len()..self.claims.len());
        if let Some(conversation) = self.conversations.last_mut() {
            conversation.end += 1;
        }
        self.add_to_turn(k);
    }

    /// Adds claim `k` to the last turn.
    fn add_to_turn(&mut self, k: usize) {
        self.claims.push(k);
        if let Some(turn) = self.turns.last_mut() {
            turn.end += 1;
        }
    }
}

/// The quote claims grouped by paragraph (a turn) and the turns by runs of
/// consecutive paragraphs (a conversation). A paragraph left open, whose
/// speaker the next one names, is one turn with it.
fn turns(
    text: &str,
    wrapped: bool,
    claims: &[FoundClaim],
    speaker: impl Fn(&FoundClaim) -> Option<usize>,
) -> Conversations {
    // Sized ahead by the claims, which bound all three lists.
    let mut found = Conversations {
        claims: Vec::with_capacity(claims.len()),
        turns: Vec::with_capacity(claims.len()),
        conversations: Vec::with_capacity(claims.len()),
    };
    let mut reach = 0;
    // The person a cue names as the speaker of the current turn, if any.
    let mut framed: Option<usize> = None;
    for (k, claim) in claims.iter().enumerate() {
        if claim.kind == ClaimKind::Indirect {
            continue;
        }
        let breaks = match found.conversations.last() {
            None => 2,
            Some(_) if claim.span.start <= reach => 0,
            Some(_) => paragraph_breaks(&text[reach..claim.span.start], wrapped),
        };
        reach = reach.max(claim.span.end);
        let own = speaker(claim);
        if breaks >= 2 {
            found.new_turn(k, true);
            framed = own;
            continue;
        }
        // The last claim is the last turn's.
        let continued = found
            .claims
            .last()
            .is_some_and(|&j| claims[j].via == Via::ContinuedQuote);
        // "“Select,” I told the driver. … Ann said: “Would you …”": the
        // paragraph holds two turns.
        let other = own.is_some_and(|o| framed.is_some_and(|f| f != o));
        if (breaks == 0 || continued) && !other {
            found.add_to_turn(k);
            framed = framed.or(own);
        } else {
            found.new_turn(k, false);
            framed = own;
        }
    }
    found
}

/// How a turn's speaker is told: by its first claim a cue frames.
fn classify(people: &People, claims: &[FoundClaim], turn: &[usize]) -> (Frame, Option<usize>) {
    let framed = turn.iter().find_map(|&k| {
        let claim = &claims[k];
        claim.source.filter(|_| by_cue(claim.via))
    });
    let Some(m) = framed else {
        return (Frame::Bare, None);
    };
    let mention = &people.mentions[m];
    // The person acting in the narration around a quote ("Tony looked
    // at them. “…”") speaks it less surely than a cue's subject does.
    let narrated = turn.iter().all(|&k| {
        claims[k].source != Some(m)
            || matches!(claims[k].via, Via::NarratedSubject | Via::ActorAfter)
    });
    let frame = if narrated && is_proper(mention) {
        Frame::Acting
    } else if mention.pronoun {
        match people.traits[m].pronoun {
            Some(Pronoun::He) => Frame::Soft(Some(Gender::Male)),
            Some(Pronoun::She) => Frame::Soft(Some(Gender::Female)),
            _ => Frame::Named,
        }
    } else if is_description(mention) || !mention.name.starts_with(char::is_uppercase) {
        // "the girl", "his sister": someone the exchange may name.
        Frame::Soft(noun_gender(mention))
    } else {
        Frame::Named
    };
    (frame, Some(m))
}

/// Whether a source found this way frames its own quote (a cue's subject,
/// the name after it, the person acting beside it), not the turns around.
fn by_cue(via: Via) -> bool {
    matches!(
        via,
        Via::Subject
            | Via::AfterCue
            | Via::BeforeColon
            | Via::AfterDash
            | Via::MainSubject
            | Via::ClauseSubject
            | Via::ContinuedQuote
            | Via::NarratedSubject
            | Via::ActorAfter
    )
}

/// A name, not a description or a pronoun.
fn is_proper(mention: &Mention) -> bool {
    !mention.pronoun && mention.name.starts_with(char::is_uppercase)
}

/// How many mentions before a turn's first quote are read for the person
/// its frame stands for.
const INTRODUCED_MENTIONS: usize = 12;

/// The mentions in the narration of a turn's own paragraph before its
/// first quote, at most [`INTRODUCED_MENTIONS`] of them: `before` is where
/// that quote starts, `at` the first mention from there on.
fn narration_before(
    text: &str,
    wrapped: bool,
    mentions: &[Mention],
    before: usize,
    at: usize,
) -> Range<usize> {
    let candidates = at.saturating_sub(INTRODUCED_MENTIONS)..at;
    let end_of = |j: usize| mentions[j].span.end.min(before);
    let from = candidates.clone().map(end_of).min().unwrap_or(before);
    let start = paragraph_start(text, wrapped, from, before);
    let first = candidates
        .rev()
        .take_while(|&j| {
            steps::step();
            end_of(j) >= start
        })
        .last()
        .unwrap_or(at);
    first..at
}

/// Where the paragraph holding `before` starts, looking back no further
/// than `from`: past the last paragraph break between them (as
/// `quotes::paragraph_breaks` counts them: a line break, or in hard-wrapped
/// text a blank line), else `from`. A stretch from an offset at or past it
/// to `before` holds no break. Found by one search back, where reading the
/// stretch from each mention before a quote read the nearer text again.
fn paragraph_start(text: &str, wrapped: bool, from: usize, before: usize) -> usize {
    // The line break after the one at hand, going back.
    let mut later: Option<usize> = None;
    for newline in memchr::memrchr_iter(b'\n', &text.as_bytes()[from..before]) {
        let newline = from + newline;
        let blank_line = later.is_some_and(|l| text[newline + 1..l].trim().is_empty());
        if !wrapped || blank_line {
            return newline + 1;
        }
        later = Some(newline);
    }
    from
}

/// Whether the person the frame `mention` stands for is named in the
/// `narration` before the turn's first quote ("General Ash sat down by the
/// fire. “…,” said he.").
fn introduced(
    people: &People,
    referent: &[Option<usize>],
    narration: Option<Range<usize>>,
    mention: Option<usize>,
) -> bool {
    let (Some(m), Some(narration)) = (mention, narration) else {
        return false;
    };
    // A name: a description ("the lad") may still turn out to be someone named.
    let Some(id) = referent[m]
        .filter(|&r| is_proper(&people.mentions[r]))
        .map(|r| people.root_of[r])
    else {
        return false;
    };
    let mentions = people.mentions;
    narration.rev().any(|j| {
        steps::step();
        j != m && !mentions[j].in_quote && referent[j].is_some_and(|r| people.root_of[r] == id)
    })
}

/// The one person (by set, with the mention naming them) the `narration`
/// before a turn's first quote names, if only one.
fn only_named_before(
    people: &People,
    referent: &[Option<usize>],
    narration: Option<Range<usize>>,
) -> Option<(usize, usize)> {
    let mentions = people.mentions;
    let mut only: Option<(usize, usize)> = None;
    for j in narration?.rev() {
        steps::step();
        let t = people.traits[j];
        if t.in_quote()
            || !t.is_person()
            || t.is_pronoun()
            || t.is_description()
            || !is_proper(&mentions[j])
        {
            continue;
        }
        let Some(id) = referent[j].map(|r| people.root_of[r]) else {
            continue;
        };
        match only {
            Some((other, _)) if other != id => return None,
            Some(_) => {}
            None => only = Some((id, j)),
        }
    }
    only
}

/// "Take care, Emma!": the first person a turn's quotes address by name.
fn addressed(
    text: &str,
    people: &People,
    claims: &[FoundClaim],
    cursor: &mut MentionCursor,
    turn: &[usize],
) -> Option<usize> {
    turn.iter().find_map(|&k| {
        let span = claims[k].span;
        let at = cursor.first_from(people.starts, span.start);
        super::addressed::called(text, people.mentions, people.traits, at, span.end).next()
    })
}

/// The people of an exchange, in the order they joined it (with the
/// mention naming each), and a set of them: an exchange among hundreds of
/// names does not compare each with all the others.
#[derive(Default)]
struct Participants {
    list: Vec<(usize, usize)>,
    seen: Map<usize, ()>,
}

/// The speaker of each turn: the anchors first, then the pronouns and
/// descriptions checked against the alternation, then the bare turns.
/// Returns the parties of the exchange (none if fewer than two).
fn alternate(
    people: &People,
    referent: &[Option<usize>],
    turns: &mut [Turn],
) -> Vec<(usize, usize)> {
    let who = |m: usize| referent[m].map(|r| (people.root_of[r], m));
    let mut participants = Participants::default();
    let join = |participants: &mut Participants, person: Option<(usize, usize)>| {
        if let Some((id, m)) = person
            && participants.seen.insert(id, ()).is_none()
        {
            participants.list.push((id, m));
        }
    };
    for turn in turns.iter_mut() {
        if turn.frame == Frame::Named {
            turn.speaker = turn.mention.and_then(who);
            join(&mut participants, turn.speaker);
        }
    }
    let mut unnamed = Vec::new();
    for t in 0..turns.len() {
        let (gender, acting) = match turns[t].frame {
            Frame::Soft(gender) => (gender, false),
            Frame::Acting => (None, true),
            _ => continue,
        };
        let addresses = |id: usize| turns[t].addressed.is_some_and(|(a, _)| a == id);
        let before = turns[t]
            .named_before
            .filter(|&(id, _)| fits(people, id, gender) && !addresses(id));
        let resolved = before.or_else(|| turns[t].mention.and_then(who));
        let expected = expected(turns, &participants.list, t)
            .filter(|&(id, _)| fits(people, id, gender) && !addresses(id));
        // Someone who speaks the turn after is doubted; "she" for the
        // speaker of the turn before may well go on after some narration
        // ("Ann came out. She gave me her hand. “Do I look a mess?”"), a
        // name only acting near the quote less so.
        let speaks = |s: Option<usize>, id: usize| {
            s.and_then(|s| turns.get(s)?.speaker)
                .is_some_and(|(other, _)| other == id)
        };
        let beside = |id: usize| speaks(Some(t + 1), id) || acting && speaks(t.checked_sub(1), id);
        let outsider =
            |id: usize| participants.list.len() >= 2 && !participants.seen.contains_key(&id);
        // Someone new acting by a quote may well speak it.
        // Someone the paragraph itself brings in before the quote is no
        // outsider to it.
        let introduced = turns[t].introduced || before.is_some();
        let doubtful = resolved.is_none_or(|(id, _)| {
            beside(id) || addresses(id) || !acting && !introduced && outsider(id)
        });
        // "“…, Agnes.” … “No,” said his sister.": whom the turn beside
        // calls by name, if she is known to be a woman, stands for a
        // relation or a pronoun that found no name.
        let nameless = |m: usize| !referent[m].is_some_and(|r| is_proper(&people.mentions[r]));
        let answering = turns[t]
            .mention
            .filter(|&m| !acting && nameless(m))
            .and_then(|_| addressed_beside(turns, t))
            .filter(|&(id, _)| known_to_be(people, id, gender) && !addresses(id));
        turns[t].speaker = match (answering, expected) {
            (Some(a), _) => Some(a),
            (None, Some((id, m))) if doubtful && resolved.is_none_or(|(r, _)| r != id) => {
                Some((id, m))
            }
            _ => resolved,
        };
        // "the lad" unnamed takes part only if nobody named does: a name
        // said later may be his.
        match turns[t].speaker {
            Some((_, m)) if nameless(m) => {
                unnamed.push(turns[t].speaker);
            }
            speaker => join(&mut participants, speaker),
        }
    }
    // Those the quotes address take part too.
    for turn in turns.iter() {
        join(&mut participants, turn.addressed);
    }
    for speaker in unnamed {
        if participants.list.len() < 2 {
            join(&mut participants, speaker);
        }
    }
    if participants.list.len() < 2 {
        for turn in turns.iter_mut() {
            turn.speaker = None;
        }
        return Vec::new();
    }
    for t in 0..turns.len() {
        if turns[t].frame != Frame::Bare {
            continue;
        }
        let own = turns[t].addressed.map(|(a, _)| a);
        let speaker = addressed_beside(turns, t).or_else(|| expected(turns, &participants.list, t));
        turns[t].speaker = speaker.filter(|&(id, _)| Some(id) != own);
        turns[t].frame = match turns[t].speaker {
            Some((_, m)) if people.mentions[m].in_quote => Frame::Addressee,
            _ => Frame::Bare,
        };
    }
    participants.list
}

/// "“Are you cold, Emma?” … “A little.”": whom the turn before (or else
/// the one after) addresses, unless they speak it themselves.
fn addressed_beside(turns: &[Turn], t: usize) -> Option<(usize, usize)> {
    let by = |s: usize| {
        let turn = turns.get(s)?;
        let (id, m) = turn.addressed?;
        (turn.speaker.map(|(speaker, _)| speaker) != Some(id)).then_some((id, m))
    };
    t.checked_sub(1).and_then(by).or_else(|| by(t + 1))
}

/// Who speaks turn `t` if the exchange alternates: the speaker of the
/// nearest known turn an even number of turns away; at an odd number, the
/// nearest other speaker an even number away, or else the other of the
/// exchange's two participants.
fn expected(turns: &[Turn], participants: &[(usize, usize)], t: usize) -> Option<(usize, usize)> {
    let known = |s: usize| {
        let anchor = matches!(
            turns[s].frame,
            Frame::Named | Frame::Soft(_) | Frame::Acting
        );
        turns[s].speaker.filter(|_| anchor)
    };
    let nearest = nearest_known(turns.len(), t, |s| known(s).is_some())?;
    let (id, m) = known(nearest)?;
    if nearest.abs_diff(t) % 2 == 0 {
        return Some((id, m));
    }
    let other = nearest_known(turns.len(), t, |s| {
        s.abs_diff(t) % 2 == 0 && known(s).is_some_and(|(other, _)| other != id)
    });
    match (other, participants) {
        (Some(s), _) => known(s),
        (None, [a, b]) => Some(if a.0 == id { *b } else { *a }),
        _ => None,
    }
}

/// The turn nearest `t` (within reach, the earlier on a tie) that `is`.
fn nearest_known(len: usize, t: usize, mut is: impl FnMut(usize) -> bool) -> Option<usize> {
    (1..=TURNS_REACH).find_map(|d| {
        steps::step();
        let before = t.checked_sub(d).filter(|&s| is(s));
        before.or_else(|| Some(t + d).filter(|&s| s < len && is(s)))
    })
}

/// Whether a speaker may be the one a pronoun or description of `gender`
/// stands for: their gender is that one or unknown.
fn fits(people: &People, id: usize, gender: Option<Gender>) -> bool {
    match (gender, people.gender[id]) {
        (Some(wanted), Some(known)) => wanted == known,
        _ => true,
    }
}

/// Whether a speaker is known to be of `gender`, when it tells one.
fn known_to_be(people: &People, id: usize, gender: Option<Gender>) -> bool {
    gender.is_none_or(|wanted| people.gender[id] == Some(wanted))
}

/// Writes the speakers found into the claims and referents.
fn apply(
    mentions: &[Mention],
    claims: &mut [FoundClaim],
    referent: &mut [Option<usize>],
    turns: &[Turn],
) {
    for turn in turns {
        let Some((_, named)) = turn.speaker else {
            continue;
        };
        match turn.frame {
            Frame::Named => {}
            Frame::Soft(_) | Frame::Acting => {
                let Some(m) = turn.mention.filter(|&m| m != named) else {
                    continue;
                };
                if referent[m] == referent[named] {
                    continue;
                }
                // A name acting near the quote stays that person's: the
                // quote goes to the other. A pronoun or description stood
                // for the other.
                let name = is_proper(&mentions[m]);
                if !name {
                    referent[m] = referent[named];
                }
                for &k in turn.claims {
                    if claims[k].source == Some(m) {
                        claims[k].via = Via::TurnTaking;
                        if name {
                            claims[k].source = Some(named);
                        }
                    }
                }
            }
            Frame::Bare | Frame::Addressee => {
                let via = if turn.frame == Frame::Bare {
                    Via::TurnTaking
                } else {
                    Via::Addressee
                };
                for &k in turn.claims {
                    claims[k].source = Some(named);
                    claims[k].via = via;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Via;
    use crate::analysis::quotes::paragraph_breaks;
    use crate::analysis::shared::speakers;

    #[test]
    fn a_paragraph_starts_past_the_last_break_the_quotes_count() {
        let texts = [
            "Ann sat.\n\nTom left the room\nand closed the door.\n \n\n“No,” she said.",
            "One line\r\n\r\ngoes on\n\u{a0}\nhere.\n",
            "no break at all",
        ];
        for text in texts {
            for wrapped in [false, true] {
                for before in 0..=text.len() {
                    for from in 0..=before {
                        if !text.is_char_boundary(from) || !text.is_char_boundary(before) {
                            continue;
                        }
                        let start = super::paragraph_start(text, wrapped, from, before);
                        for end in (from..=before).filter(|&e| text.is_char_boundary(e)) {
                            let unbroken = paragraph_breaks(&text[end..before], wrapped) == 0;
                            assert_eq!(
                                end >= start,
                                unbroken,
                                "{text:?} {wrapped} {end}..{before}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn quote_paragraphs_with_no_cue_alternate_between_the_two_speakers() {
        let text = "\"Where were you?\" asked Ilse Brandt.\n\n\"At the mill,\" said Tomas Kerr.\n\n\"All night?\"\n\n\"All night.\"\n\n\"I waited.\"\n\n\"I know.\"";
        let found = speakers(text);
        let names: Vec<Option<&str>> = found.iter().map(|f| f.1.as_deref()).collect();
        let (ilse, tomas) = (Some("Ilse Brandt"), Some("Tomas Kerr"));
        assert_eq!(names, [ilse, tomas, ilse, tomas, ilse, tomas], "{found:?}");
        assert_eq!(found[4].2, Some(Via::TurnTaking));
    }

    #[test]
    fn a_paragraph_where_two_people_speak_is_two_turns() {
        // Taken as one turn of Olav's, "An hour." would go to Ida.
        let text = "\"Where to?\" asked Ida Moen.\n\n\"The harbour,\" said Olav Dahl. Ida Moen nodded. Then Ida Moen said: \"Is it far?\"\n\n\"An hour.\"\n\n\"On foot?\"\n\n\"By cart.\"";
        let found = speakers(text);
        assert_eq!(found[3].0, "An hour.");
        assert_eq!(found[3].1.as_deref(), Some("Olav Dahl"), "{found:?}");
        assert_eq!(found[4].1.as_deref(), Some("Ida Moen"), "{found:?}");
    }

    #[test]
    fn she_who_spoke_the_turn_before_may_go_on_after_some_narration() {
        let text = "\"Is it far?\" asked Tarn Velo.\n\n\"An hour,\" said Ida Moen.\n\nIda Moen stood up. She took her coat from the hook. \"Then we go now,\" she said.\n\n\"Now?\"\n\n\"Now.\"\n\n\"As you wish.\"";
        let found = speakers(text);
        assert_eq!(found[2].0, "Then we go now,");
        assert_eq!(found[2].1.as_deref(), Some("Ida Moen"), "{found:?}");
    }

    #[test]
    fn a_relation_framing_a_turn_is_the_woman_the_next_turn_calls_by_name() {
        // Only Tom is named speaking: "his sister" would stay nobody's.
        let text = "Agnes Reyes sat by the fire.\n\n\"Come to the window,\" said Tom Reyes.\n\n\"Not now,\" said his sister.\n\n\"Please, Agnes. Look at the snow.\"\n\n\"I have seen snow.\"\n\n\"Not like this.\"\n\n\"Fine.\"";
        let found = speakers(text);
        assert_eq!(found[1].0, "Not now,");
        assert_eq!(found[1].1.as_deref(), Some("Agnes Reyes"), "{found:?}");
    }

    #[test]
    fn a_description_framing_a_turn_stands_for_the_alternating_speaker() {
        let text = "\"Are you ready?\" asked Karl Berg.\n\n\"Almost,\" said Lena Berg.\n\n\"The car is waiting.\"\n\n\"I know,\" said his sister.\n\n\"Then hurry.\"\n\n\"One minute.\"";
        let found = speakers(text);
        assert_eq!(found[3].0, "I know,");
        assert_eq!(found[3].1.as_deref(), Some("Lena Berg"), "{found:?}");
        assert_eq!(found[3].2, Some(Via::TurnTaking));
    }

    #[test]
    fn he_framing_a_turn_stands_for_the_man_his_paragraph_brings_in() {
        // The alternation alone would give the turn back to Oskar.
        let text = "\"Is the boat ready?\" asked Oskar Lind.\n\n\"Nearly,\" said Petra Holm.\n\n\"And the nets?\"\n\n\"Dry.\"\n\nCaptain Arne Vik came down the stairs with a lamp. \"The tide is wrong,\" said he.\n\n\"Then we wait.\"\n\n\"Until dawn.\"";
        let found = speakers(text);
        assert_eq!(found[4].0, "The tide is wrong,");
        assert_eq!(found[4].1.as_deref(), Some("Arne Vik"), "{found:?}");
    }

    #[test]
    fn he_framing_a_turn_stands_for_the_one_person_his_paragraph_names_before_it() {
        // "he" alone would stand for Mr. Lind, the man known to be one.
        let text = "\"Is the boat ready?\" asked Mr. Oskar Lind. He looked tired.\n\n\"Nearly,\" said Petra Holm.\n\n\"And the nets?\"\n\n\"Dry.\"\n\nThe lamp went out. Kestrel Marrow came down the stairs. \"The nets are torn,\" he said.\n\n\"Then we wait.\"\n\n\"Until dawn.\"";
        let found = speakers(text);
        assert_eq!(found[4].0, "The nets are torn,");
        assert_eq!(found[4].1.as_deref(), Some("Kestrel Marrow"), "{found:?}");
    }

    #[test]
    fn a_name_acting_before_a_quote_gives_way_when_it_spoke_the_turn_before() {
        let text = "\"Will you come?\" asked Ada Voss.\n\n\"I cannot,\" said Ben Lorr.\n\nBen Lorr looked away. \"Why not?\"\n\n\"Work.\"\n\n\"On a Sunday?\"\n\n\"Even so.\"";
        let found = speakers(text);
        assert_eq!(found[2].0, "Why not?");
        assert_eq!(found[2].1.as_deref(), Some("Ada Voss"), "{found:?}");
        assert_eq!(found[2].2, Some(Via::TurnTaking));
    }

    #[test]
    fn someone_addressed_by_name_is_the_other_party_of_an_exchange() {
        // Only Greta is named as a speaker: Falk takes part as the one addressed.
        let text = "Mr. Falk came to the door.\n\n\"Come in,\" said Greta Lund.\n\n\"I cannot stay long.\"\n\n\"Then sit, Mr. Falk, just for a moment.\"\n\n\"Only a moment.\"\n\n\"Tea?\"\n\n\"Please.\"";
        let found = speakers(text);
        let names: Vec<Option<&str>> = found.iter().map(|f| f.1.as_deref()).collect();
        let (greta, falk) = (Some("Greta Lund"), Some("Falk"));
        assert_eq!(names, [greta, falk, greta, falk, greta, falk], "{found:?}");
    }

    #[test]
    fn a_capitalised_word_said_alone_addresses_nobody() {
        let text = "Sure came into the yard.\n\n\"Is it far?\" asked Ida Moen.\n\n\"Sure. An hour,\" said Olav Dahl.\n\n\"On foot?\"\n\n\"By cart.\"\n\n\"Then we go.\"";
        let found = speakers(text);
        assert_eq!(found[2].0, "On foot?");
        assert_eq!(found[2].1.as_deref(), Some("Ida Moen"), "{found:?}");
    }

    #[test]
    fn a_name_one_party_calls_out_and_the_narration_never_uses_is_the_other_party() {
        let text = "\"Will you stay for supper?\" asked Ada Voss.\n\n\"I cannot,\" said Karel.\n\n\"Then come tomorrow, Mr. Dunmore.\"\n\n\"Perhaps.\"\n\n\"Promise me.\"\n\n\"I promise.\"";
        let analysis = crate::analysis::analyze_with(text, &crate::analysis::Options::default());
        let claim = |quote: &str| {
            let claim = analysis.claims.iter().find(|c| c.span.of(text) == quote);
            let actor = claim.and_then(|c| c.source?.actor).expect("a speaker");
            &analysis.actors[actor]
        };
        let karel = claim("I cannot,");
        let names: Vec<&str> = std::iter::once(karel.name.as_str())
            .chain(karel.aliases.iter().map(String::as_str))
            .collect();
        assert!(names.contains(&"Mr. Dunmore"), "{names:?}");
        assert!(names.contains(&"Karel"), "{names:?}");
        assert_eq!(claim("Perhaps.").name, karel.name);
    }

    #[test]
    fn a_turn_nobody_frames_or_alternates_goes_to_the_person_named_just_before() {
        // No quote has a cue: the turns name nobody.
        let text = "Mara Quell set the lamp on the sill.\n\nThe wind rose.\n\n\"Is anyone there?\"\n\n\"Only the wind.\"\n\n\"Then close the shutter.\"";
        let found = speakers(text);
        assert_eq!(found[0].0, "Is anyone there?");
        assert_eq!(found[0].1.as_deref(), Some("Mara Quell"), "{found:?}");
        assert_eq!(found[0].2, Some(Via::NearestName));
    }

    #[test]
    fn a_lone_quote_paragraph_nobody_frames_goes_to_the_person_named_just_before() {
        // One bare quote is no dialogue: before, it stayed nobody's.
        let text = "Mara Quell set the lamp on the sill. The wind rose.\n\n\"Is anyone there?\"";
        let found = speakers(text);
        assert_eq!(found[0].0, "Is anyone there?");
        assert_eq!(found[0].1.as_deref(), Some("Mara Quell"), "{found:?}");
        assert_eq!(found[0].2, Some(Via::NearestName));
    }

    #[test]
    fn a_description_the_turns_linked_to_a_name_stands_for_it_elsewhere_too() {
        let text = "\"Are you ready?\" asked Karl Berg.\n\n\"Almost,\" said Lena Berg.\n\n\"The car is waiting.\"\n\n\"I know,\" said the doctor.\n\n\"Then hurry.\"\n\n\"One minute.\"\n\nThe house was quiet after they left. Hours later the doctor came back alone.\n\n\"The roads are closed,\" said the doctor.";
        let found = speakers(text);
        assert_eq!(found[3].1.as_deref(), Some("Lena Berg"), "{found:?}");
        let last = found.last().expect("claims");
        assert_eq!(last.0, "The roads are closed,");
        assert_eq!(last.1.as_deref(), Some("Lena Berg"), "{found:?}");
    }

    #[test]
    fn the_one_a_quote_addresses_by_name_speaks_the_bare_turn_after_it() {
        // Alternation alone would give "I might." to Nils.
        let text = "\"Are you coming to the fair?\" asked Berit Sand, and Arne Holt looked up.\n\n\"Not this year,\" said Nils Ek.\n\n\"And you, Arne?\"\n\n\"I might.\"\n\n\"Then we go together.\"";
        let found = speakers(text);
        assert_eq!(found[2].0, "And you, Arne?");
        assert_ne!(found[2].1.as_deref(), Some("Arne Holt"), "{found:?}");
        assert_eq!(found[3].1.as_deref(), Some("Arne Holt"), "{found:?}");
        assert_eq!(found[3].2, Some(Via::Addressee));
    }
}
