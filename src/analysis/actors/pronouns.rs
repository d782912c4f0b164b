//! Pronouns and descriptions that are claim sources, resolved to the actor
//! they stand for: "he"/"she" to a person (gender from titles like "Mrs."
//! and from earlier pronouns), "they" to a plural group or an organisation,
//! "it" to an organisation, place or document, "who" to the phrase just
//! before it; "the two-term president" to a person with that title.
//!
//! Candidates are earlier mentions outside quotation marks. The same
//! sentence comes first, then earlier ones; within a sentence its subject
//! (its first mention, the first of a clause of its own, or a "he" or
//! "she" anywhere in it) or a claim's source beats a nearer object. The
//! sentences are real ones: the lines of a hard-wrapped text are joined.

use std::ops::Range;

use super::Groups;
use super::traits::{Names, Pronoun, Traits};
use crate::analysis::segment::{self, Sentence};
use crate::analysis::shared::{first_start_from, is_person_or_anonymous, last_word};
use crate::analysis::steps;
use crate::analysis::wordlists::{self, Gender, Map, with_ascii_lowercase, with_lowercase};
use crate::analysis::{ActorKind, Mention, Quotation};

/// How many sentences back a pronoun may reach (through a chain of
/// pronouns, each reaches back from the previous one). Real sentences,
/// the lines of a hard-wrapped novel joined (`segment::goes_on`).
const SENTENCES_BACK: usize = 3;

/// How many mentions back a description looks for the person it describes.
const DESCRIPTION_REACH: usize = 300;

/// How many mentions back a pronoun looks at most, whatever the sentences:
/// one endless sentence ("he said that, she said that, …") must not make
/// every pronoun look at every mention before it.
const MENTIONS_BACK: usize = 300;

/// How far back "he" or "she" looks when nothing fits nearer.
const FAR_SENTENCES_BACK: usize = 8;

/// An earlier mention a pronoun may stand for, and how it ranks.
#[derive(Clone, Copy)]
struct Candidate {
    rank: Rank,
    /// Index of the mention.
    mention: usize,
}

/// The lower the better, field by field: nearer sentences first, then a
/// known gender, then a salient mention (a subject or a source).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// Narrated sentences back, all beyond the near reach counted as one.
    sentences_back: usize,
    /// "she" and a name of unknown gender ("Airolo"): a woman's name wins.
    gender_unknown: bool,
    not_salient: bool,
}

impl Rank {
    /// Field by field, except that within the near reach a known gender
    /// beats a nearer name of unknown gender ("Anna walked to Lindau. The
    /// square was empty. She said …": Anna).
    fn better_than(self, other: Rank) -> bool {
        let near = self.sentences_back <= SENTENCES_BACK && other.sentences_back <= SENTENCES_BACK;
        if near && self.gender_unknown != other.gender_unknown {
            !self.gender_unknown
        } else {
            self < other
        }
    }
}

/// For each mention, the mention (not a pronoun) it stands for: itself
/// for a name; for a source pronoun or a description, its antecedent if
/// one is found; `None` for other pronouns. `names` holds the mentions'
/// traits and names. `root_of` gives each mention's set of merged
/// mentions; `addressed`, by source pronoun, the sets its quotes call by
/// name, which it does not stand for; `titled`, each mention's gender as
/// its title or first name tells it. Also the gender each set is known to
/// have, by its root (a slot per mention: looked up for every candidate).
#[allow(clippy::too_many_arguments)]
pub(super) fn resolve(
    text: &str,
    sentences: &[Sentence],
    mentions: &[Mention],
    names: &Names,
    quotations: &[Quotation],
    is_source: &[bool],
    root_of: &[usize],
    titled: &[Option<Gender>],
    addressed: &Map<usize, Vec<usize>>,
    wrapped: bool,
) -> (Vec<Option<usize>>, Vec<Option<Gender>>) {
    let traits = &names.traits;
    let mut referent: Vec<Option<usize>> = traits
        .iter()
        .enumerate()
        .map(|(i, t)| (!t.is_pronoun() && !t.is_description()).then_some(i))
        .collect();
    // Distances count narrated sentences only: a long speech between a name
    // and "she said" does not put the name out of reach. In a hard-wrapped
    // text a line that goes on from the one before is no new sentence: in
    // "Greta set the basket down beside\nMarta on the bench", Marta opens a
    // line but is no subject.
    let mut narrated = Vec::with_capacity(sentences.len());
    let mut count = 0;
    // Where each narrated sentence starts, by its number (0: before the first).
    let mut starts = vec![0];
    // Sentences and quotations come by start: the number of quotations
    // opening before a sentence moves forward with it, not searched anew.
    let mut at = 0;
    for (k, s) in sentences.iter().enumerate() {
        while at < quotations.len() && quotations[at].outer.start <= s.span().start {
            at += 1;
        }
        let quoted = at > 0
            && quotations[..at]
                .iter()
                .rev()
                .take(4)
                .any(|q| q.outer.contains(s.span()));
        // Asked only of a sentence outside quotes: it reads the text.
        let goes_on = || wrapped && k > 0 && segment::goes_on(text, &sentences[k - 1], s);
        if !quoted && !goes_on() {
            count += 1;
            starts.push(s.span().start);
        }
        narrated.push(count);
    }
    // Mentions come by start: the sentence moves forward with them, and is
    // searched for only where a mention starts before the previous one.
    // Their starts are read from the compact list, not from the mentions.
    let (mut s, mut previous) = (0, 0);
    let sentence_of: Vec<usize> = names
        .starts
        .iter()
        .map(|&start| {
            let start = start as usize;
            if start < previous {
                s = sentences.partition_point(|s| s.span().end <= start);
            }
            while s < sentences.len() && sentences[s].span().end <= start {
                s += 1;
            }
            previous = start;
            narrated.get(s).copied().unwrap_or(count)
        })
        .collect();
    // The subject of a sentence: its first mention (not nested in an earlier one).
    let mut is_subject = vec![false; mentions.len()];
    for i in 0..mentions.len() {
        is_subject[i] = i == 0 || sentence_of[i - 1] != sentence_of[i];
    }
    clause_subjects(
        text,
        mentions,
        traits,
        &sentence_of,
        &starts,
        &mut is_subject,
    );
    // "the tunnel of Airolo", "the Campanile": a bare name only ever after
    // a preposition or an article may be a place; "he" and "she" need a
    // name seen elsewhere too.
    // By root: `None` for a set with no person named.
    let mut seen_free: Vec<Option<bool>> = vec![None; mentions.len()];
    for (i, t) in traits.iter().enumerate() {
        if !t.is_person() || t.is_pronoun() {
            continue;
        }
        let seen = &mut seen_free[root_of[i]];
        // Cheap tests first: `after_preposition` reads the text.
        if seen != &Some(true) {
            let free = t.is_titled() || t.has_spaces() || !after_preposition(text, &mentions[i]);
            *seen = Some(seen.unwrap_or(false) | free);
        }
    }
    let mut gender: Vec<Option<Gender>> = vec![None; mentions.len()];
    let mut main = MainCharacters::new(traits, root_of);
    let nouns = HeadNouns::of(mentions, names, titled);
    for i in 0..mentions.len() {
        if let Some(g) = titled[i].or(nouns.gender[i]) {
            main.set_gender(&mut gender, root_of[i], g);
        }
    }
    for (root, g) in super::gender::from_pronouns(traits, &sentence_of, root_of, is_source) {
        main.set_gender(&mut gender, root, g);
    }
    // The people named with a title, by the words of their titles: a
    // description looks back through those of its noun alone, not through
    // every mention within reach. Made at the first description.
    let mut titled_people: Option<TitleWords> = None;
    for i in 0..mentions.len() {
        let t = traits[i];
        if t.is_description() {
            let titled_people =
                titled_people.get_or_insert_with(|| TitleWords::of(mentions, traits));
            let by_title = described(mentions, titled_people, &referent, i);
            let by_gender = || {
                let wanted = nouns.gender[i]?;
                same_gender_named(traits, &referent, i, |r| gender[root_of[r]] == Some(wanted))
            };
            referent[i] = Some(by_title.or_else(by_gender).unwrap_or(i));
            continue;
        }
        // Pronouns outside quotes that are no sources are resolved too, so
        // that a chain ("She heard … she said") carries the name along; only
        // sources keep their referent.
        let Some(pronoun) = t.pronoun else { continue };
        if (t.in_quote() || !is_source[i]) && !t.chains() {
            continue;
        }
        let m = &mentions[i];
        if pronoun == Pronoun::Relative {
            referent[i] = relative_antecedent(text, mentions, &referent, &sentence_of, i);
            continue;
        }
        let wanted_gender = match pronoun {
            Pronoun::He => Some(Gender::Male),
            Pronoun::She => Some(Gender::Female),
            _ => None,
        };
        // Whether the mention `r` of gender `gender` may be the pronoun's.
        let fits = |r: usize, gender: Option<Gender>| {
            let target = traits[r];
            match pronoun {
                Pronoun::He | Pronoun::She => {
                    // Or someone ("a girl"), not a pronoun, whose noun tells a gender.
                    let someone = target.kind == ActorKind::Anonymous
                        && !target.is_pronoun()
                        && nouns.gender[r].is_some();
                    (target.kind == ActorKind::Person || someone)
                        && gender.is_none_or(|g| Some(g) == wanted_gender)
                }
                Pronoun::Plural => nouns.plural[r] || target.kind == ActorKind::Organization,
                Pronoun::It => {
                    matches!(
                        target.kind,
                        ActorKind::Organization | ActorKind::Place | ActorKind::Other
                    ) || (target.kind == ActorKind::Group && !nouns.plural[r])
                }
                Pronoun::Relative | Pronoun::I | Pronoun::Other => false,
            }
        };
        // "“Well, Nils,” he said": not Nils.
        let listeners = addressed.get(&i).map_or(&[][..], Vec::as_slice);
        let listening = |r: usize| listeners.contains(&root_of[r]);
        let mut best: Option<Candidate> = None;
        // Near candidates by salience; failing those, the nearest person
        // further back ("she" after a paragraph about the weather).
        let reach = if wanted_gender.is_some() {
            FAR_SENTENCES_BACK
        } else {
            SENTENCES_BACK
        };
        for j in (i.saturating_sub(MENTIONS_BACK)..i).rev() {
            steps::step();
            let distance = sentence_of[i] - sentence_of[j];
            // Only names of unknown gender near: a person of the right
            // gender further back may still come.
            let settled = best.is_some_and(|b| !b.rank.gender_unknown);
            if distance > reach || distance > SENTENCES_BACK && settled {
                break;
            }
            if traits[j].in_quote() {
                continue;
            }
            let Some(r) = referent[j] else { continue };
            let root = root_of[r];
            if !fits(r, gender[root]) || listening(r) {
                continue;
            }
            // Asked last: the mention lies apart from the small arrays above.
            if mentions[j].span.end > m.span.start {
                continue;
            }
            let maybe_place =
                traits[r].is_person() && gender[root].is_none() && !seen_free[root].unwrap_or(true);
            if wanted_gender.is_some() && maybe_place {
                continue;
            }
            // "he", "she" are subjects wherever they stand in the sentence.
            let nominative = traits[j].is_pronoun() && traits[j].chains();
            let salient =
                distance <= SENTENCES_BACK && (is_subject[j] || is_source[j] || nominative);
            // "she" after a name of unknown gender ("Airolo") and a woman's:
            // the woman's.
            let unknown = wanted_gender.is_some() && gender[root].is_none();
            let rank = Rank {
                sentences_back: distance.min(SENTENCES_BACK + 1),
                gender_unknown: unknown,
                not_salient: !salient,
            };
            // "Orla came in. … Kestrel was tired. … “No,” she said.": a
            // woman named or described ("the girl") who was a subject or a
            // speaker a few sentences back beats the nearer names of unknown
            // gender; a relation ("his father") is someone's, too weak.
            let named = traits[r].is_capitalised() || traits[r].is_description();
            let far_known = distance > SENTENCES_BACK
                && !unknown
                && named
                && (is_subject[j] || is_source[j])
                && best.is_some_and(|b| b.rank.gender_unknown);
            // On a tie the nearer mention, found first, stays.
            if far_known || best.is_none_or(|b| rank.better_than(b.rank)) {
                best = Some(Candidate { rank, mention: j });
            }
        }
        // Then the person of that gender the text names most often, before
        // or after: an excerpt may open on "he" and name him later.
        let mut best = best.map(|c| c.mention);
        if best.is_none() {
            best = wanted_gender
                .and_then(|g| main.of(g))
                .filter(|&j| !listening(j));
        }
        // Last, a person of the right gender named inside a quotation
        // ("Oh, Mr. Reyes, …" she said): a vocative names a listener.
        if best.is_none() && wanted_gender.is_some() {
            best = (i.saturating_sub(MENTIONS_BACK)..i)
                .rev()
                .take_while(|&j| sentence_of[i] - sentence_of[j] <= FAR_SENTENCES_BACK)
                .find(|&j| {
                    traits[j].in_quote()
                        && referent[j].is_some_and(|r| {
                            !listening(r)
                                && traits[r].is_person()
                                && gender[root_of[r]] == wanted_gender
                        })
                });
        }
        if let Some(j) = best {
            let r = referent[j].unwrap_or(j);
            referent[i] = Some(r);
            if let Some(g) = wanted_gender {
                main.set_gender(&mut gender, root_of[r], g);
            }
        }
    }
    for (i, t) in traits.iter().enumerate() {
        if t.is_pronoun() && !is_source[i] {
            referent[i] = None;
        }
    }
    (referent, gender)
}

/// How many bytes before a mention a semicolon may be: two joiners and
/// their spaces ("; and then Anna").
const JOINERS_BYTES: usize = 12;

/// Marks as subjects, besides each sentence's first mention, the first
/// mention of a clause of its own: after a semicolon ("Tom sat down; then
/// Anna stood up"), and after the comma that closes an opening subordinate
/// clause ("As Tom watched, Anna stood up"). `starts` gives where each
/// narrated sentence (`sentence_of`) starts.
fn clause_subjects(
    text: &str,
    mentions: &[Mention],
    traits: &[Traits],
    sentence_of: &[usize],
    starts: &[usize],
    is_subject: &mut [bool],
) {
    let lists = wordlists::get();
    // The text between mention `j` and the one before it in its sentence.
    let gap = |j: usize| {
        let (before, this) = (mentions[j - 1].span, mentions[j].span);
        (sentence_of[j - 1] == sentence_of[j] && before.end <= this.start)
            .then(|| &text[before.end..this.start])
    };
    // Semicolons are few: found once, not looked for before every mention.
    // Offsets fit in four bytes: longer texts are refused.
    let semicolons: Vec<u32> = memchr::memchr_iter(b';', text.as_bytes())
        .map(|at| at as u32)
        .collect();
    // How many semicolons come before the mention: the mentions come by
    // start, so the count gallops forward with them instead of a search
    // per mention (a nested mention starting earlier searches again).
    let mut passed = 0;
    for i in 0..mentions.len() {
        if i > 0 && !is_subject[i] {
            // The last semicolon before the mention, at most two short words
            // before it and after the mention before.
            let start = mentions[i].span.start;
            passed = first_start_from(&semicolons, passed, start);
            let Some(at) = semicolons[..passed].last().map(|&at| at as usize) else {
                continue;
            };
            if at + JOINERS_BYTES >= start
                && sentence_of[i - 1] == sentence_of[i]
                && mentions[i - 1].span.end <= at
            {
                let mut words = text[at + 1..start].split_whitespace();
                is_subject[i] =
                    words.clone().count() <= 2 && words.all(|w| lists.clause_joiners.has(w));
            }
            continue;
        }
        if traits[i].in_quote() {
            continue;
        }
        let from = starts
            .get(sentence_of[i])
            .map_or(0, |&s| s.min(mentions[i].span.start));
        // Its first word, past quotation marks and brackets; a word that
        // opens on a letter past ASCII is no subordinator.
        let head = &text[from..mentions[i].span.start];
        let begin = head
            .bytes()
            .position(|b| b.is_ascii_alphabetic() || !b.is_ascii())
            .unwrap_or(head.len());
        let len = head.as_bytes()[begin..]
            .iter()
            .position(|b| !b.is_ascii_alphabetic())
            .unwrap_or(head.len() - begin);
        if !lists.subordinators.has(&head[begin..begin + len]) {
            continue;
        }
        let main = (i + 1..mentions.len())
            .take_while(|&j| sentence_of[j] == sentence_of[i])
            .find(|&j| !traits[j].in_quote() && gap(j).is_some_and(|g| g.contains(',')));
        if let Some(j) = main {
            is_subject[j] = true;
        }
    }
}

/// For "he" or "she" with no antecedent: the person of that gender named
/// most often outside quotation marks (at least twice), by the first
/// mention of them. Kept up to date as sets gain a gender (they never lose
/// or change one), so no pronoun recounts every mention.
struct MainCharacters {
    /// By set (root): how many mentions name the person, and the first of
    /// them (a count of 0: nobody). Four bytes each, a pair per mention:
    /// half the memory to clear and to read of `usize`s.
    named: Vec<(u32, u32)>,
    male: Option<(usize, usize)>,
    female: Option<(usize, usize)>,
}

impl MainCharacters {
    fn new(traits: &[Traits], root_of: &[usize]) -> Self {
        let mut named = vec![(0, 0); traits.len()];
        for (j, t) in traits.iter().enumerate() {
            if t.is_named_person() && !t.in_quote() {
                let (count, first) = &mut named[root_of[j]];
                if *count == 0 {
                    // Mention indices fit in four bytes: longer texts are refused.
                    *first = j as u32;
                }
                *count += 1;
            }
        }
        MainCharacters {
            named,
            male: None,
            female: None,
        }
    }

    /// Gives the set `root` the gender `g` unless it has one already.
    fn set_gender(&mut self, gender: &mut [Option<Gender>], root: usize, g: Gender) {
        if gender[root].is_some() {
            return;
        }
        gender[root] = Some(g);
        let (count, first) = self.named[root];
        let (count, first) = (count as usize, first as usize);
        if count == 0 {
            return;
        }
        let best = match g {
            Gender::Male => &mut self.male,
            Gender::Female => &mut self.female,
        };
        // The most mentions, then the earliest first mention.
        let key = |(n, first): (usize, usize)| (n, std::cmp::Reverse(first));
        if count >= 2 && best.is_none_or(|b| key((count, first)) > key(b)) {
            *best = Some((count, first));
        }
    }

    /// The first mention of the main character of gender `g`, if any.
    fn of(&self, g: Gender) -> Option<usize> {
        match g {
            Gender::Male => self.male,
            Gender::Female => self.female,
        }
        .map(|(_, first)| first)
    }
}

/// Whether a mention follows a preposition or an article ("of Airolo",
/// "the Campanile"): a place or a thing more often than a person.
fn after_preposition(text: &str, m: &Mention) -> bool {
    let before = text[..m.span.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    with_ascii_lowercase(word, |word| {
        let article = matches!(word, "the" | "a" | "an");
        article || !word.is_empty() && wordlists::get().prepositions.has(word)
    })
}

/// What each mention's head noun tells: its gender ("the young man", "a
/// girl": someone "he" or "she" may stand for) and whether a group is
/// plural ("officials", not "government"). Found once per distinct name:
/// every pronoun asks it of each candidate within reach. Not asked of a
/// person named whose title or first name tells the gender (`titled`).
struct HeadNouns {
    gender: Vec<Option<Gender>>,
    plural: Vec<bool>,
}

/// What a head noun tells, with the kind and pronoun flag it was asked for.
type Answer = (ActorKind, bool, Option<Gender>, bool);

impl HeadNouns {
    fn of(mentions: &[Mention], names: &Names, titled: &[Option<Gender>]) -> HeadNouns {
        // By name id, the answer for the kind and pronoun flag the name
        // first came with: a slot, not a hash, per mention; the rare name
        // seen with another kind is asked again.
        let mut known: Vec<Option<Answer>> = vec![None; names.all.len()];
        let mentions_count = names.traits.len();
        let mut gender = vec![None; mentions_count];
        let mut plural = vec![false; mentions_count];
        for (i, (t, titled)) in names.traits.iter().zip(titled).enumerate() {
            let asked = match t.kind {
                ActorKind::Anonymous | ActorKind::Group => true,
                ActorKind::Person => titled.is_none() || t.is_description(),
                _ => false,
            };
            // A pronoun's noun tells no gender, nor a plural but of a group:
            // most of the mentions asked are pronouns.
            if !asked || t.is_pronoun() && t.kind != ActorKind::Group {
                continue;
            }
            let m = &mentions[i];
            let ask = || (t.kind, t.is_pronoun(), noun_gender(m), is_plural(m));
            let &mut (kind, pronoun, said_gender, said_plural) =
                known[t.name as usize].get_or_insert_with(ask);
            (gender[i], plural[i]) = if (kind, pronoun) == (t.kind, t.is_pronoun()) {
                (said_gender, said_plural)
            } else {
                (noun_gender(m), is_plural(m))
            };
        }
        HeadNouns { gender, plural }
    }
}

/// The gender a description's head noun tells: "the young man", "a girl".
pub(super) fn noun_gender(m: &Mention) -> Option<Gender> {
    if m.pronoun || !is_person_or_anonymous(m) {
        return None;
    }
    let head = last_word(&m.name);
    with_lowercase(head, |head| {
        wordlists::get().gendered_nouns.get(head).copied()
    })
}

/// Whether a group's head noun is plural ("officials", not "government").
fn is_plural(m: &Mention) -> bool {
    if m.kind != ActorKind::Group {
        return false;
    }
    let head = last_word(&m.name);
    let lists = wordlists::get();
    with_lowercase(head, |head| {
        lists.people.get(head).map_or(
            !lists.collectives.contains_key(head) && head.ends_with('s'),
            |n| n.plural,
        )
    })
}

/// "Small, who attended the rally", "the union, which argued": the mention
/// just before "who" or "which" in its sentence.
fn relative_antecedent(
    text: &str,
    mentions: &[Mention],
    referent: &[Option<usize>],
    sentence_of: &[usize],
    i: usize,
) -> Option<usize> {
    let who = mentions[i].span;
    (i.saturating_sub(MENTIONS_BACK)..i)
        .rev()
        .take_while(|&j| sentence_of[j] == sentence_of[i])
        .filter(|&j| !mentions[j].pronoun && mentions[j].span.end <= who.start)
        .find(|&j| {
            let gap = &text[mentions[j].span.end..who.start];
            gap.chars()
                .all(|c| c == ',' || c.is_whitespace() || c == ')')
        })
        .and_then(|j| referent[j])
}

/// "Nora came in. … “No,” said the girl.": the nearest earlier person
/// named outside quotation marks whose gender (`has_gender`) is the one
/// the description's noun tells.
fn same_gender_named(
    traits: &[Traits],
    referent: &[Option<usize>],
    i: usize,
    mut has_gender: impl FnMut(usize) -> bool,
) -> Option<usize> {
    (i.saturating_sub(GENDER_DESCRIPTION_REACH)..i)
        .rev()
        .filter(|&j| traits[j].is_named_person() && !traits[j].in_quote())
        .find_map(|j| referent[j].filter(|&r| has_gender(r)))
}

/// How many mentions back "the girl" looks for the woman it describes.
const GENDER_DESCRIPTION_REACH: usize = 80;

/// The people named with a title ("President Lund"), by each word of
/// their titles in ASCII lower case, in text order: a mention per word of
/// its title, grouped by word ([`Groups`]), not a vector per word.
struct TitleWords {
    /// The number of each word.
    ids: Map<String, usize>,
    /// By word number, the people (mention indices).
    people_of: Groups,
}

impl TitleWords {
    fn of(mentions: &[Mention], traits: &[Traits]) -> TitleWords {
        let mut ids: Map<String, usize> = Map::default();
        // By title as written, where its words' numbers lie in `words`: a
        // title said again is not lowercased and looked up word by word.
        let mut titles: Map<&str, Range<usize>> = Map::default();
        let mut words: Vec<usize> = Vec::new();
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let titled =
            (0..mentions.len()).filter(|&j| traits[j].is_named_person() && traits[j].is_titled());
        for j in titled {
            let role = mentions[j].role.as_deref().unwrap_or_default();
            let title = titles.entry(role).or_insert_with(|| {
                let from = words.len();
                for word in role.split_whitespace() {
                    let fresh = ids.len();
                    let id = with_ascii_lowercase(word, |word| match ids.get(word) {
                        Some(&id) => id,
                        None => {
                            ids.insert(word.to_string(), fresh);
                            fresh
                        }
                    });
                    // A word twice in one title lists its person once.
                    if !words[from..].contains(&id) {
                        words.push(id);
                    }
                }
                from..words.len()
            });
            pairs.extend(words[title.clone()].iter().map(|&id| (id, j)));
        }
        let people_of = Groups::of(|| pairs.iter().copied(), ids.len());
        TitleWords { ids, people_of }
    }
}

/// "the two-term president": the nearest earlier person whose title has the
/// description's head noun, among `titled_people`.
fn described(
    mentions: &[Mention],
    titled_people: &TitleWords,
    referent: &[Option<usize>],
    i: usize,
) -> Option<usize> {
    let head = last_word(&mentions[i].name);
    // Lowercased as a whole, then matched in any ASCII case: as the titles'
    // words are keyed.
    let word = with_lowercase(head, |head| titled_people.ids.get(head).copied())?;
    let people = titled_people.people_of.of_group(word);
    // Within the last few paragraphs' worth of mentions.
    let from = people.partition_point(|&j| j < i.saturating_sub(DESCRIPTION_REACH));
    let to = people.partition_point(|&j| j < i);
    people[from..to].iter().rev().find_map(|&j| referent[j])
}

#[cfg(test)]
mod tests {
    use crate::analysis::shared::speakers;

    #[test]
    fn she_as_a_subject_later_in_her_sentence_beats_a_woman_named_as_an_object() {
        // Helen is nearer to "she said", but the "she" who gave is Maria.
        let text = "Maria Lind waited at the gate. When Peter came back from the mill, she gave him and Helen the keys. \"We leave tomorrow,\" she said.";
        let found = speakers(text);
        assert_eq!(found[0].0, "We leave tomorrow,");
        assert_eq!(found[0].1.as_deref(), Some("Maria Lind"), "{found:?}");
    }

    #[test]
    fn a_description_stands_for_the_person_named_with_its_title() {
        // Berg is the nearest person and Holm the nearest titled one, but
        // only Lind's title has the description's noun.
        let text = "Finance Minister Ana Lind toured the harbour on Monday with Mayor Petra Holm. Tomas Berg, a fisherman, showed them the broken pier. On Tuesday the minister said the pier would be rebuilt by May.";
        let found = speakers(text);
        let claim = found
            .iter()
            .find(|(claim, ..)| claim.contains("rebuilt"))
            .unwrap_or_else(|| panic!("no claim on the pier in {found:?}"));
        assert_eq!(claim.1.as_deref(), Some("Ana Lind"), "{found:?}");
    }

    #[test]
    fn a_clause_after_a_semicolon_has_a_subject_of_its_own() {
        let text = "Edwin Marsh read the letter twice by the window; then Tobias Brandt took it from him and folded it away.\n\n\"We leave at dawn,\" he said.\n";
        let found = speakers(text);
        assert_eq!(found[0].0, "We leave at dawn,");
        assert_eq!(found[0].1.as_deref(), Some("Tobias Brandt"), "{found:?}");
    }

    #[test]
    fn the_subject_of_the_main_clause_comes_after_an_opening_as_clause() {
        // Jonas is the sentence's first name, but only in the clause "As …".
        let text = "As Jonas Brandt watched from the jetty, Pieter Vos loaded the boat alone.\n\n\"That is the last of the crates,\" he said.\n";
        let found = speakers(text);
        assert_eq!(found[0].0, "That is the last of the crates,");
        assert_eq!(found[0].1.as_deref(), Some("Pieter Vos"), "{found:?}");
    }

    #[test]
    fn a_name_opening_the_next_line_of_a_wrapped_sentence_is_not_its_subject() {
        // Hard-wrapped: Marta opens a printed line, but the sentence is
        // Greta's; Marta is only where the basket was set down.
        let text = "Greta Hollin carried the heavy basket all the way down the towpath,\npast the mill and the old boathouse, and at last set it beside\nMarta Vell on the bench by the lock gates.\n\n\"The water is high today,\" she said.\n\nA heron rose from the reeds across the canal and flew low over\nthe water toward the distant trees, and the two of them watched it\ngo.\n";
        let found = speakers(text);
        assert_eq!(found[0].0, "The water is high today,");
        assert_eq!(found[0].1.as_deref(), Some("Greta Hollin"), "{found:?}");
    }
}
