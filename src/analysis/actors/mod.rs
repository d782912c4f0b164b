//! Mentions into actors: aliases merged (merging.rs: "Holm", "Minister
//! Holm"; "Danish officials" = "Danish authorities"; "U.S." =
//! "Washington" = "the United States"), pronouns resolved to the nearest
//! fitting actor (pronouns.rs), then each actor named and described (here).
//!
//! Named entities always become actors; groups, anonymous sources and
//! documents only when they are a claim's source or merge with an actor.

mod addressed;
mod gender;
mod merging;
mod narrator;
mod pronouns;
mod traits;
mod turns;

use super::lexicon::Lexicon;
use super::segment::Sentence;
use super::shared::{DisjointSets, Groups, first_name_gender, honorific_gender, is_pronoun};
use super::wordlists::{self, Gender, Map, same_bytes};
use super::{Actor, ActorKind, FoundClaim, Mention, Quotation, Resolution};
pub use merging::is_organisation_description;
use merging::{merge_configured, merge_descriptions, merge_names};
use traits::{Names, Traits};

/// The actors the mentions stand for. `hard_wrapped` is the token table's
/// finding (`TokenTable::wrapped`), not made again from the text.
pub fn resolve(
    text: &str,
    hard_wrapped: bool,
    sentences: &[Sentence],
    mentions: &[Mention],
    claims: &mut [FoundClaim],
    quotations: &[Quotation],
    lexicon: &Lexicon,
) -> Resolution {
    let mut is_source = vec![false; mentions.len()];
    for m in claims.iter().filter_map(|c| c.source) {
        if m < mentions.len() {
            is_source[m] = true;
        }
    }
    let names = Names::of(mentions);
    let traits = &names.traits;
    let titled = title_genders(mentions, &names);
    let mut sets = DisjointSets::new(mentions.len());
    merge_names(mentions, &names, &titled, &mut sets);
    merge_descriptions(text, mentions, &names, &mut sets);
    let forced = merge_configured(text, mentions, &lexicon.actors, &mut sets);
    let root_of = sets.into_roots();
    let addressed = addressed::by_pronoun(text, mentions, &names, &root_of, claims);
    let (mut referent, gender) = pronouns::resolve(
        text,
        sentences,
        mentions,
        &names,
        quotations,
        &is_source,
        &root_of,
        &titled,
        &addressed,
        hard_wrapped,
    );
    narrator::resolve(
        text,
        mentions,
        &names,
        &root_of,
        claims,
        &is_source,
        &mut referent,
    );
    let people = turns::People {
        mentions,
        traits,
        starts: &names.starts,
        root_of: &root_of,
        gender: &gender,
    };
    turns::follow(text, hard_wrapped, &people, claims, &mut referent);
    // The turns may give a quote to someone who was no source before.
    for m in claims.iter().filter_map(|c| c.source) {
        if m < mentions.len() {
            is_source[m] = true;
        }
    }

    // Which sets are actors.
    let mut keep = vec![false; mentions.len()];
    for (i, &t) in traits.iter().enumerate() {
        let Some(r) = referent[i] else { continue };
        let root = root_of[r];
        if is_source[i] || is_named(t) || forced.contains_key(&root) {
            keep[root] = true;
        }
    }
    // By root, a slot per mention: four bytes, `NO_ACTOR` for none, a
    // quarter of the memory to clear of an `Option<usize>`.
    let mut actor_of_root: Vec<u32> = vec![NO_ACTOR; mentions.len()];
    // A kept set is one actor: sized ahead, not grown (an actor is over a
    // hundred bytes, copied at every growth).
    let count = keep.iter().filter(|&&k| k).count();
    let mut actors: Vec<Actor> = Vec::with_capacity(count);
    // By actor, the root of its set.
    let mut roots: Vec<usize> = Vec::with_capacity(count);
    // Collected, not cleared and then written: one pass over the slots.
    let actor_of: Vec<Option<usize>> = referent
        .iter()
        .map(|&r| {
            let r = r?;
            let root = root_of[r];
            if !keep[root] {
                return None;
            }
            if actor_of_root[root] == NO_ACTOR {
                // Actor indices fit in four bytes: there are fewer than mentions.
                actor_of_root[root] = actors.len() as u32;
                actors.push(Actor {
                    name: String::new(),
                    kind: mentions[r].kind,
                    role: None,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    claims: Vec::new(),
                });
                roots.push(root);
            }
            Some(actor_of_root[root] as usize)
        })
        .collect();
    // The mentions of every actor, in text order.
    let by_actor = || {
        actor_of
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.map(|a| (a, i)))
    };
    let members = Groups::of(by_actor, actors.len());
    let mut sizes = vec![None; names.all.len()];
    for (index, actor) in actors.iter_mut().enumerate() {
        let members = members.of_group(index);
        // A group is named as it first speaks ("U.S. officials also prefer …"),
        // not as it is first mentioned.
        let speaking = members
            .iter()
            .copied()
            .find(|&i| is_source[i] && !traits[i].is_pronoun());
        let actor_members = Members {
            members,
            mentions,
            traits,
        };
        describe(
            actor,
            &actor_members,
            &mut sizes,
            forced.get(&roots[index]),
            speaking,
        );
    }
    add_aliases(text, mentions, &names, &actor_of, &mut actors);
    Resolution { actors, actor_of }
}

/// No actor yet, in `resolve`'s slots by root.
const NO_ACTOR: u32 = u32::MAX;

/// Each person's gender as their title ("Mrs. Clinton") or, failing that,
/// their first name ("Hillary Clinton", "Mary") tells it, if any: found
/// once for merging and pronouns, and once per distinct title and name, a
/// slot per name id rather than a hash: a text names its people again and
/// again.
fn title_genders(mentions: &[Mention], names: &Names) -> Vec<Option<Gender>> {
    // By name id, what its first name tells with no title and with one.
    let mut untitled: Vec<Option<Option<Gender>>> = vec![None; names.all.len()];
    let mut titled: Vec<Option<Option<Gender>>> = vec![None; names.all.len()];
    let mut honorifics: Map<&str, Option<Gender>> = Map::default();
    mentions
        .iter()
        .zip(&names.traits)
        .map(|(m, t)| {
            if !t.is_person() || t.is_pronoun() {
                return None;
            }
            // The traits tell a title: an untitled mention is read only
            // as the first of its name.
            if !t.is_titled() {
                return *untitled[t.name as usize]
                    .get_or_insert_with(|| first_name_gender(m.name(), false));
            }
            let role = m.role().unwrap_or_default();
            let by_title = *honorifics
                .entry(role)
                .or_insert_with(|| honorific_gender(role));
            by_title.or_else(|| {
                *titled[t.name as usize].get_or_insert_with(|| first_name_gender(m.name(), true))
            })
        })
        .collect()
}

/// Gives each actor its aliases: the names and texts of its mentions
/// (pronouns aside) other than its name, each once in any ASCII case, in
/// text order. One pass over all the mentions reads the text front to
/// back, where a pass per actor would jump across the whole text.
fn add_aliases(
    text: &str,
    mentions: &[Mention],
    names: &Names,
    actor_of: &[Option<usize>],
    actors: &mut [Actor],
) {
    // By name id, the actor its last mention stood for. A name an actor
    // had before was taken or turned down then, and is no fresh alias of
    // it now: most mentions repeat a name, and are not checked again.
    let mut last_actor: Vec<Option<usize>> = vec![None; names.all.len()];
    // By name id, the actor and phrase as written (when more than the
    // name) its last such mention gave: a phrase an actor had before was
    // taken or turned down then, so "President Lund" said again is not
    // compared with every alias again.
    let mut last_surface: Vec<Option<(usize, &str)>> = vec![None; names.all.len()];
    for (i, &actor) in actor_of.iter().enumerate() {
        let Some(a) = actor else {
            continue;
        };
        let t = names.traits[i];
        if t.is_pronoun() {
            continue;
        }
        let m = &mentions[i];
        let name = (last_actor[t.name as usize].replace(a) != Some(a)).then_some(m.name());
        // The phrase as written, when it is more than the name (compared
        // in line, not by a call to memcmp: per mention).
        let surface = Some(m.span.of(text))
            .filter(|&s| !same_bytes(s.as_bytes(), m.name().as_bytes()))
            .filter(|&s| last_surface[t.name as usize].replace((a, s)) != Some((a, s)));
        let actor = &mut actors[a];
        for candidate in [name, surface].into_iter().flatten() {
            let candidate = candidate.trim();
            let fresh = !candidate.is_empty()
                && !candidate.contains(',')
                && !is_pronoun(candidate)
                && !candidate.eq_ignore_ascii_case(&actor.name)
                && !actor
                    .aliases
                    .iter()
                    .any(|a| a.eq_ignore_ascii_case(candidate));
            if fresh {
                actor.aliases.push(candidate.to_string());
            }
        }
    }
}

/// Whether a mention names its actor surely enough to make it one: an
/// organisation, a place, a person with a title or a full name. A bare
/// capitalised word ("Tarija" in "areas like Tarija") is too uncertain on
/// its own; it joins an actor only by merging with such a mention.
fn is_named(t: Traits) -> bool {
    match t.kind {
        ActorKind::Organization | ActorKind::Place => !t.is_pronoun(),
        ActorKind::Person => t.is_named_person() && (t.is_titled() || t.has_spaces()),
        _ => false,
    }
}

/// The mentions of one actor, with what is known of each.
struct Members<'a> {
    members: &'a [usize],
    mentions: &'a [Mention],
    traits: &'a [Traits],
}

/// Fills in an actor's name, kind, role and mentions. `sizes` holds, by
/// name id, the words and bytes of each name once counted: an actor's
/// name is chosen among all its mentions, and they repeat a few names.
fn describe(
    actor: &mut Actor,
    members: &Members,
    sizes: &mut [Option<(usize, usize)>],
    forced: Option<&(String, Option<ActorKind>)>,
    speaking: Option<usize>,
) {
    let Members {
        members,
        mentions,
        traits,
    } = *members;
    // Iterated again where needed, not collected: an actor a mention long
    // would cost two allocations each.
    let named = || {
        members
            .iter()
            .copied()
            .filter(|&i| !traits[i].is_pronoun() && !traits[i].is_description())
    };
    let all = || members.iter().map(|&i| &mentions[i]);
    let lists = wordlists::get();
    let first = named().next().map(|i| &mentions[i]).or(all().next());
    if let Some(first) = first {
        actor.kind = first.kind;
    }
    actor.name = match actor.kind {
        ActorKind::Person | ActorKind::Organization => named()
            .max_by_key(|&i| {
                // A name ("Lena Berg") before a description ("his sister").
                let t = traits[i];
                let (words, bytes) = *sizes[t.name as usize].get_or_insert_with(|| {
                    let name = mentions[i].name();
                    (name.split_whitespace().count(), name.len())
                });
                (t.is_capitalised(), words, bytes)
            })
            .map(|i| mentions[i].name().to_string()),
        ActorKind::Place => named().find_map(|i| {
            let place = lists.places.get(mentions[i].name());
            place.map(|p| p.canonical.to_string())
        }),
        _ => speaking.map(|i| mentions[i].name().to_string()),
    }
    .or_else(|| first.map(|m| m.name().to_string()))
    .unwrap_or_default();
    actor.role = fullest_role(all().filter_map(|m| m.role())).map(str::to_string);
    if let Some((name, kind)) = forced {
        actor.name = name.clone();
        if let Some(kind) = kind {
            actor.kind = *kind;
        }
    }
    actor.mentions = all().map(|m| m.span).collect();
    // Members come in text order: sorted already, but for two mentions
    // starting together (the longer first).
    if !actor.mentions.is_sorted() {
        actor.mentions.sort();
    }
    actor.mentions.dedup();
}

/// The fullest of an actor's roles (none with a comma): a title more than
/// an honorific ("Mr."), then the one of most words; the last of equals,
/// as `max_by_key`. A role written as the best so far is not weighed
/// again: an actor's mentions repeat a few roles.
fn fullest_role<'m>(roles: impl Iterator<Item = &'m str>) -> Option<&'m str> {
    let weight = |r: &str| (!is_honorific(r), r.split_whitespace().count());
    let mut best: Option<(&str, (bool, usize))> = None;
    for role in roles.filter(|r| !r.contains(',')) {
        if best.is_some_and(|(b, _)| b == role) {
            continue;
        }
        let w = weight(role);
        if best.is_none_or(|(_, bw)| w >= bw) {
            best = Some((role, w));
        }
    }
    best.map(|(role, _)| role)
}

fn is_honorific(role: &str) -> bool {
    wordlists::with_ascii_lowercase(role, |role| wordlists::get().honorifics.contains_key(role))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::mentions::tests::mentions_of;
    use crate::analysis::{ClaimKind, Options, segment};
    use crate::span::Span;

    /// Resolves `text` with a claim whose source is the mention `source_text`
    /// (each of them, in order).
    fn resolve_with_sources(
        text: &str,
        sources: &[&str],
        options: &Options,
    ) -> (Vec<Mention>, Resolution) {
        let mentions = mentions_of(text);
        let mut from = 0;
        let mut claims: Vec<FoundClaim> = sources
            .iter()
            .map(|s| {
                let start = from + text[from..].find(s).expect("source in text");
                from = start + s.len();
                let source = mentions
                    .iter()
                    .position(|m| m.span == Span::new(start, start + s.len()))
                    .unwrap_or_else(|| panic!("no mention {s:?} in {mentions:?}"));
                FoundClaim {
                    kind: ClaimKind::Indirect,
                    span: Span::new(0, 1),
                    quotes: Vec::new(),
                    source: Some(source),
                    cue: None,
                    sentence: Span::new(0, text.len()),
                    rule: crate::analysis::Rule::SubjectCueContent,
                    via: crate::analysis::Via::Subject,
                }
            })
            .collect();
        let lexicon = Lexicon::new(options);
        let table = crate::analysis::TokenTable::new(text, &lexicon);
        let quotations = crate::analysis::quotes::find(&table);
        let sentences = segment::sentences(&table);
        let resolution = resolve(
            text,
            table.wrapped,
            &sentences,
            &mentions,
            &mut claims,
            &quotations,
            &lexicon,
        );
        (mentions, resolution)
    }

    fn actor_named<'r>(r: &'r Resolution, name: &str) -> &'r Actor {
        r.actors
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("no actor {name:?} in {:?}", r.actors))
    }

    #[test]
    fn a_person_is_one_actor_under_the_fullest_name_and_title() {
        let text = "Danish Minister Lene Holm has kept a firm position. Farmers take comfort in Minister Holm’s strong stance. Holm said so.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        let people: Vec<&Actor> = r
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .collect();
        assert_eq!(people.len(), 1, "{people:?}");
        let s = people[0];
        assert_eq!(s.name, "Lene Holm");
        assert_eq!(s.role.as_deref(), Some("Danish Minister"));
        assert!(
            s.aliases.contains(&"Minister Holm".to_string()),
            "{:?}",
            s.aliases
        );
        assert!(s.aliases.contains(&"Holm".to_string()));
        assert_eq!(s.mentions.len(), 3);
    }

    #[test]
    fn groups_keep_each_group_in_the_order_its_items_came() {
        let pairs = [(2, 10), (0, 11), (2, 12), (0, 13), (2, 14)];
        let groups = Groups::of(|| pairs.iter().copied(), 4);
        assert_eq!(groups.of_group(0), &[11, 13]);
        assert_eq!(groups.of_group(1), &[] as &[usize]);
        assert_eq!(groups.of_group(2), &[10, 12, 14]);
        assert_eq!(groups.of_group(3), &[] as &[usize]);
    }

    #[test]
    fn abbreviations_and_capitals_are_their_country() {
        let text = "Canada is a market Washington has long hoped to win. Tourism into the United States fell, and 55 coaches were sent to the U.S.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        let us = actor_named(&r, "United States");
        assert_eq!(us.kind, ActorKind::Place);
        assert!(us.aliases.contains(&"Washington".to_string()));
        assert!(us.aliases.contains(&"U.S.".to_string()));
    }

    #[test]
    fn a_description_joins_the_organisation_of_its_kind_named_before() {
        let text = "The Lund Gazette reported that the ferry would stop. The newspaper said it had seen the timetable. The Harbour Alliance said the pier was unsafe. The group plans a protest.";
        let (_, r) = resolve_with_sources(
            text,
            &[
                "The Lund Gazette",
                "The newspaper",
                "The Harbour Alliance",
                "The group",
            ],
            &Options::default(),
        );
        let gazette = actor_named(&r, "Lund Gazette");
        assert!(
            gazette.aliases.contains(&"The newspaper".to_string()),
            "{gazette:?}"
        );
        let alliance = actor_named(&r, "Harbour Alliance");
        assert!(
            alliance.aliases.contains(&"The group".to_string()),
            "{alliance:?}"
        );
        assert!(!gazette.aliases.iter().any(|a| a.contains("group")));
    }

    #[test]
    fn a_description_with_nothing_of_its_kind_named_before_stays_apart() {
        // The group is named before the alliance, and no newspaper is named.
        let text = "The group said the pier was unsafe. The Harbour Alliance agreed. The newspaper said so too.";
        let (_, r) = resolve_with_sources(
            text,
            &["The group", "The Harbour Alliance", "The newspaper"],
            &Options::default(),
        );
        let alliance = actor_named(&r, "Harbour Alliance");
        assert_eq!(alliance.aliases, vec!["The Harbour Alliance".to_string()]);
        assert!(
            r.actors.iter().any(|a| a.name == "newspaper"),
            "{:?}",
            r.actors
        );
    }

    #[test]
    fn groups_with_the_same_modifier_and_kind_of_people_merge() {
        let text = "Danish authorities emphasize the timetable. Danish officials confirm that U.S. counterparts have seen no delays. U.S. officials also prefer trains.";
        let (_, r) = resolve_with_sources(
            text,
            &["Danish authorities", "Danish officials", "U.S. officials"],
            &Options::default(),
        );
        let danish = actor_named(&r, "Danish authorities");
        assert!(danish.aliases.contains(&"Danish officials".to_string()));
        let us = actor_named(&r, "U.S. officials");
        assert!(us.aliases.contains(&"U.S. counterparts".to_string()));
        assert_eq!(us.kind, ActorKind::Group);
    }

    #[test]
    fn unnamed_sources_described_apart_stay_apart_whatever_their_head_noun() {
        let text = "Two people familiar with the bidding process said the price was low. Children from the school asked for a playground.";
        let (_, r) = resolve_with_sources(
            text,
            &[
                "Two people familiar with the bidding process",
                "Children from the school",
            ],
            &Options::default(),
        );
        let people = actor_named(&r, "people");
        assert_eq!(people.mentions.len(), 1, "{people:?}");
        let children = actor_named(&r, "Children");
        assert_eq!(children.mentions.len(), 1, "{children:?}");
    }

    #[test]
    fn groups_become_actors_only_as_sources() {
        let text = "Certain club members are unfazed. Many teachers caution against optimism. Teachers warn that Harwick might spend too much.";
        let (_, r) = resolve_with_sources(text, &["Many teachers"], &Options::default());
        assert!(r.actors.iter().all(|a| a.name != "club members"));
        let analysts = actor_named(&r, "teachers");
        assert_eq!(analysts.mentions.len(), 2, "{analysts:?}");
    }

    #[test]
    fn they_resolves_to_the_plural_group_that_spoke_not_the_nearer_government() {
        let text = "At a trade fair, hotel owners expressed little worry, attributing their calm to the Danish government’s generous subsidies. They also praised the mild winter.";
        let (mentions, r) =
            resolve_with_sources(text, &["hotel owners", "They"], &Options::default());
        let they = mentions
            .iter()
            .position(|m| m.span.of(text) == "They")
            .unwrap();
        let actor = &r.actors[r.actor_of[they].expect("They resolved")];
        assert_eq!(actor.name, "hotel owners");
        assert!(
            !actor.aliases.iter().any(|a| a == "They"),
            "a pronoun is no alias"
        );
    }

    #[test]
    fn she_skips_a_man_known_by_his_title() {
        let text = "Mrs. Clinton met Mr. Haines on Monday. She said the talks went well.";
        let (mentions, r) = resolve_with_sources(text, &["She"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "She").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Clinton");
    }

    #[test]
    fn he_prefers_the_subject_of_the_previous_sentence() {
        let text = "Senator Bernie Sanders attacked Hillary Clinton on Monday. He said the party had lost its way.";
        let (mentions, r) = resolve_with_sources(text, &["He"], &Options::default());
        let he = mentions.iter().position(|m| m.name() == "He").unwrap();
        assert_eq!(r.actors[r.actor_of[he].unwrap()].name, "Bernie Sanders");
    }

    #[test]
    fn who_stands_for_the_name_just_before_it() {
        let text = "The crowd cheered for Small, who said the rally was great.";
        let (mentions, r) = resolve_with_sources(text, &["who"], &Options::default());
        let who = mentions.iter().position(|m| m.name() == "who").unwrap();
        assert_eq!(r.actors[r.actor_of[who].unwrap()].name, "Small");
    }

    #[test]
    fn a_bare_capitalised_word_alone_is_no_actor() {
        let text = "Floods swept through towns like Tarija. Secretary of State Petra Hale visited.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        assert!(
            r.actors.iter().all(|a| a.name != "Tarija"),
            "{:?}",
            r.actors
        );
        assert!(r.actors.iter().any(|a| a.name == "Petra Hale"));
    }

    #[test]
    fn the_config_merges_what_the_rules_would_not() {
        let text = "The Fed raised rates. The Federal Reserve said inflation was easing.";
        let options = Options {
            actors: vec![crate::analysis::ActorAlias {
                name: "Federal Reserve".into(),
                aliases: vec!["Fed".into()],
                kind: Some(ActorKind::Organization),
            }],
            ..Options::default()
        };
        let (_, r) = resolve_with_sources(text, &[], &options);
        let fed = actor_named(&r, "Federal Reserve");
        assert_eq!(fed.mentions.len(), 2, "{:?}", r.actors);
        assert_eq!(fed.kind, ActorKind::Organization);
    }

    #[test]
    fn a_first_name_tells_the_gender_and_joins_the_full_name() {
        let text = "Mary Lennox sat with Philip in the garden. Philip looked away. Mary waited, and she said it was late.";
        let (mentions, r) = resolve_with_sources(text, &["she"], &Options::default());
        let mary = actor_named(&r, "Mary Lennox");
        assert_eq!(mary.mentions.len(), 3, "{:?}", r.actors);
        let she = mentions.iter().position(|m| m.name() == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Mary Lennox");
    }

    #[test]
    fn a_title_of_the_other_gender_keeps_a_surname_apart_from_the_full_name() {
        let text = "Peter Varga opened the door. Mrs. Varga stayed at the table.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        let tomas = actor_named(&r, "Peter Varga");
        assert_eq!(tomas.mentions.len(), 1, "{:?}", r.actors);
    }

    #[test]
    fn mr_and_mrs_with_one_surname_and_no_full_name_are_two_people() {
        let text = "Mr. Varga opened the door. Mrs. Varga stayed at the table. Varga waved.";
        let (_, r) = resolve_with_sources(text, &[], &Options::default());
        let vargas = r.actors.iter().filter(|a| a.name.contains("Varga")).count();
        assert_eq!(vargas, 2, "{:?}", r.actors);
    }

    #[test]
    fn a_chain_of_pronouns_carries_the_name_across_sentences() {
        let text = "Mary woke early. She heard nothing. She looked at the wall. The house was still. Nobody came. The wind blew. Then she said it was quiet.";
        let (mentions, r) = resolve_with_sources(text, &["she"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Mary");
        let other_she = mentions.iter().position(|m| m.name() == "She").unwrap();
        assert_eq!(
            r.actor_of[other_she], None,
            "only sources keep their referent"
        );
    }

    #[test]
    fn he_and_she_may_stand_for_a_boy_or_a_girl_nobody_names() {
        let text = "The boy sat by the river. A girl came down the path. She said the water was cold. He said he did not mind.";
        let (mentions, r) = resolve_with_sources(text, &["She", "He"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "She").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "a girl");
        let he = mentions.iter().position(|m| m.name() == "He").unwrap();
        assert_eq!(r.actors[r.actor_of[he].unwrap()].name, "the boy");
    }

    #[test]
    fn a_long_speech_does_not_put_the_speaker_out_of_reach_of_she() {
        let speech = "It rained. ".repeat(20);
        let text = format!(
            "Maria Okafor sat down by the fire. Walter Reyes left the room.\n\n\"{}\" she said at last.",
            speech.trim_end()
        );
        let (mentions, r) = resolve_with_sources(&text, &["she"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Maria Okafor");
    }

    #[test]
    fn kin_with_my_or_the_is_someone_who_may_speak() {
        let text = "“Look,” said my mother. “The hunt is coming.” The old gentleman nodded, and she said it was late.";
        let (mentions, r) = resolve_with_sources(text, &["my mother", "she"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "my mother");
    }

    #[test]
    fn she_prefers_a_woman_to_a_name_of_unknown_gender_in_the_same_sentence() {
        let text = "Walter Reyes left early. Then Tarvell Quinby met Maria Okafor at the station, and she said the train was late.";
        let (mentions, r) = resolve_with_sources(text, &["she"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "she").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Maria Okafor");
    }

    #[test]
    fn she_prefers_a_woman_a_few_sentences_back_to_a_nearer_name_of_unknown_gender() {
        let text = "Helen Marsh took the ferry to Kestrel. Kestrel was grey and wet. The pier was empty. She said the crossing had been rough.";
        let (mentions, r) = resolve_with_sources(text, &["She"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "She").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Helen Marsh");
    }

    #[test]
    fn she_goes_back_past_the_near_reach_to_a_woman_when_only_unknown_names_are_near() {
        // Five sentences back is beyond the near reach; Kestrel is nearer
        // but of unknown gender.
        let text = "Mrs. Orla Fenn sat down by the stove. The lamp flickered. The kettle boiled. The clock struck. Then Kestrel came in. The dog barked.\n\n\"The road was flooded,\" she said.";
        let found = crate::analysis::shared::speakers(text);
        assert_eq!(found[0].0, "The road was flooded,");
        assert_eq!(found[0].1.as_deref(), Some("Orla Fenn"), "{found:?}");
    }

    #[test]
    fn he_going_back_past_the_near_reach_skips_a_relation_for_the_man_named() {
        let text = "Mr. Tomas Holm sat by the stove. His father slept upstairs. The lamp flickered. The kettle boiled. The clock struck. The dog barked. Then Kestrel came in.\n\n\"The road is flooded,\" he said.";
        let found = crate::analysis::shared::speakers(text);
        assert_eq!(found[0].1.as_deref(), Some("Tomas Holm"), "{found:?}");
    }

    #[test]
    fn the_girl_stands_for_the_woman_named_before() {
        let text = "Oliver waited. Nancy came in from the cold street and sat down.\n\n“I won’t go back,” said the girl.";
        let (mentions, r) = resolve_with_sources(text, &["the girl"], &Options::default());
        let girl = mentions
            .iter()
            .position(|m| m.name() == "the girl")
            .unwrap();
        assert_eq!(r.actors[r.actor_of[girl].unwrap()].name, "Nancy");
    }

    #[test]
    fn she_is_no_bare_name_seen_only_after_the_or_of() {
        let text = "Miss Abbott looked out of the window. The train was slow. The hills were grey. The air was cold. The light was fading. The train crawled towards the Belvane of Tarrow. She said the tunnel was near.";
        let (mentions, r) = resolve_with_sources(text, &["She"], &Options::default());
        let she = mentions.iter().position(|m| m.name() == "She").unwrap();
        assert_eq!(r.actors[r.actor_of[she].unwrap()].name, "Abbott");
    }

    #[test]
    fn he_before_any_name_is_the_man_the_excerpt_names_most() {
        let text = "He said the road was closed. Tom Ashby walked to the inn later. Tom sat down.";
        let (mentions, r) = resolve_with_sources(text, &["He"], &Options::default());
        let he = mentions.iter().position(|m| m.name() == "He").unwrap();
        assert_eq!(r.actors[r.actor_of[he].unwrap()].name, "Tom Ashby");
    }
}
