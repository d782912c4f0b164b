//! What the actors stage asks of each mention again and again — a
//! pronoun, and which? a description? inside quotation marks? a proper
//! name? which name? — read once into eight bytes per mention, with each
//! distinct name given a number. The passes over hundreds of thousands of
//! mentions then walk a small array instead of the mentions and the names
//! they point to, and what is worked out per name is looked up by number
//! instead of by hashing the name again.

use crate::analysis::open_table::OpenTable;
use crate::analysis::wordlists::{same_bytes, short_word};
use crate::analysis::{ActorKind, Mention};

/// The source pronouns as resolution tells them apart, named once per
/// pronoun rather than compared as strings per candidate.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Pronoun {
    He,
    She,
    /// "they", "we".
    Plural,
    It,
    /// "who", "which".
    Relative,
    /// "I", as written: the narrator of a first-person text.
    I,
    Other,
}

impl Pronoun {
    fn of(name: &str) -> Pronoun {
        let is = |p: &str| name.eq_ignore_ascii_case(p);
        if is("he") {
            Pronoun::He
        } else if is("she") {
            Pronoun::She
        } else if is("they") || is("we") {
            Pronoun::Plural
        } else if is("it") {
            Pronoun::It
        } else if is("who") || is("which") {
            Pronoun::Relative
        } else if name == "I" {
            Pronoun::I
        } else {
            Pronoun::Other
        }
    }
}

/// One mention's traits (see the module comment).
#[derive(Clone, Copy, Debug)]
pub(super) struct Traits {
    /// The mention's name, as an index into the distinct names
    /// ([`Names::all`]): equal names, equal ids.
    pub name: u32,
    pub kind: ActorKind,
    /// Which pronoun, for a pronoun.
    pub pronoun: Option<Pronoun>,
    bits: u8,
}

const IN_QUOTE: u8 = 1;
/// `shared::is_description`: "the two-term president".
const DESCRIPTION: u8 = 1 << 1;
/// The name starts with a capital letter.
const CAPITALISED: u8 = 1 << 2;
/// Found with a title (`Mention::role`).
const TITLED: u8 = 1 << 3;
/// The name has more than one word.
const SPACED: u8 = 1 << 4;
/// "he", "she" or "they" outside quotation marks: a subject pronoun that
/// links a chain of pronouns.
const CHAINS: u8 = 1 << 5;
/// Of a name: "he", "she" or "they" in any case (CHAINS outside quotes).
const SUBJECT_WORD: u8 = 1 << 6;
/// Of a name: it starts with "the " (a description, for a person).
const THE: u8 = 1 << 7;

/// The mentions' traits and their distinct names.
pub(super) struct Names<'a> {
    /// By mention.
    pub traits: Vec<Traits>,
    /// Each distinct name once, by id ([`Traits::name`]).
    pub all: Vec<&'a str>,
    /// By mention, where it starts: searched compactly
    /// (`shared::MentionCursor`), read in the same pass as the traits.
    pub starts: Vec<u32>,
}

impl<'a> Names<'a> {
    /// Reads each mention's traits; what a name tells wherever it stands
    /// (capitalised? a pronoun?) is read once per distinct name, as a text
    /// names its people again and again.
    pub fn of(mentions: &'a [Mention]) -> Names<'a> {
        // Sized ahead for a name in five mentions, up to a few thousand
        // names: growing a map rehashes every name seen so far, and a
        // longer text mostly repeats its names.
        let expected = (mentions.len() / 5).min(1 << 12);
        let mut ids = Ids::with_capacity(expected);
        let mut all = Vec::with_capacity(expected);
        let mut told: Vec<(u8, Pronoun)> = Vec::with_capacity(expected);
        let mut starts = Vec::with_capacity(mentions.len());
        let traits = mentions
            .iter()
            .map(|m| {
                // Offsets fit in four bytes: longer texts are refused.
                starts.push(m.span.start as u32);
                let name = ids.id_of(m.name(), &mut all);
                if name as usize == told.len() {
                    told.push(name_bits(m.name()));
                }
                let (said, pronoun) = told[name as usize];
                let chains = !m.in_quote && said & SUBJECT_WORD != 0;
                let description = m.kind == ActorKind::Person && said & THE != 0;
                // Flags times bits, not a loop of branches: per mention.
                let bits = (said & (CAPITALISED | SPACED))
                    | (u8::from(m.in_quote) * IN_QUOTE)
                    | (u8::from(description) * DESCRIPTION)
                    | (u8::from(m.role.is_some()) * TITLED)
                    | (u8::from(chains) * CHAINS);
                Traits {
                    name,
                    kind: m.kind,
                    pronoun: m.pronoun.then_some(pronoun),
                    bits,
                }
            })
            .collect();
        Names {
            traits,
            all,
            starts,
        }
    }
}

/// The id of each distinct name. A name of up to seven bytes (the
/// pronouns, most surnames) is keyed by its bytes and length packed in one
/// word, which is the name itself; a longer one by a word folded from its
/// first and last eight bytes, with its length (capped) in the top byte,
/// checked against the name. A lookup is a multiply and nearly always one
/// compare of words, where a map hashed the name and probed for it at
/// three times the cost.
struct Ids {
    /// The id of each name by its key.
    table: OpenTable<u64>,
}

/// An odd constant whose multiply spreads a long name's bits.
const MIX: u64 = 0x9E37_79B9_7F4A_7C15;

impl Ids {
    fn with_capacity(names: usize) -> Self {
        Ids {
            table: OpenTable::with_room(names),
        }
    }

    /// The id of `name`: its index in `all`, where it is added if new.
    #[inline]
    fn id_of<'a>(&mut self, name: &'a str, all: &mut Vec<&'a str>) -> u32 {
        let bytes = name.as_bytes();
        // A short name's key is the name: equal keys, equal names.
        let exact = bytes.len() < 8;
        let key = if exact {
            short_word(bytes) | (bytes.len() as u64) << 56
        } else {
            let first = u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes"));
            let last =
                u64::from_le_bytes(bytes[bytes.len() - 8..].try_into().expect("eight bytes"));
            // The top byte from 8 to 254: never a short name's key, nor
            // the table's empty one.
            let length = (bytes.len().min(254) as u64) << 56;
            ((first ^ last.rotate_left(29)).wrapping_mul(MIX) >> 8) | length
        };
        let known = self.table.find(key, |id| {
            exact || same_bytes(all[id as usize].as_bytes(), bytes)
        });
        known.unwrap_or_else(|| {
            let id = all.len() as u32;
            all.push(name);
            self.table.insert(key, id);
            id
        })
    }
}

/// What a name tells wherever it stands: the name bits and which pronoun
/// it would be.
fn name_bits(name: &str) -> (u8, Pronoun) {
    let subject = ["he", "she", "they"]
        .iter()
        .any(|p| name.eq_ignore_ascii_case(p));
    let mut bits = 0;
    for (set, bit) in [
        (name.starts_with(char::is_uppercase), CAPITALISED),
        (name.contains(' '), SPACED),
        (subject, SUBJECT_WORD),
        (name.starts_with("the "), THE),
    ] {
        if set {
            bits |= bit;
        }
    }
    (bits, Pronoun::of(name))
}

impl Traits {
    pub fn is_pronoun(self) -> bool {
        self.pronoun.is_some()
    }

    pub fn in_quote(self) -> bool {
        self.bits & IN_QUOTE != 0
    }

    pub fn is_description(self) -> bool {
        self.bits & DESCRIPTION != 0
    }

    pub fn is_capitalised(self) -> bool {
        self.bits & CAPITALISED != 0
    }

    pub fn is_titled(self) -> bool {
        self.bits & TITLED != 0
    }

    pub fn has_spaces(self) -> bool {
        self.bits & SPACED != 0
    }

    /// See [`CHAINS`].
    pub fn chains(self) -> bool {
        self.bits & CHAINS != 0
    }

    pub fn is_person(self) -> bool {
        self.kind == ActorKind::Person
    }

    /// A person named, not a pronoun or a description.
    pub fn is_named_person(self) -> bool {
        self.is_person() && !self.is_pronoun() && !self.is_description()
    }

    /// A person named or described, or an anonymous one
    /// (`shared::is_person_or_anonymous`).
    pub fn is_person_or_anonymous(self) -> bool {
        matches!(self.kind, ActorKind::Person | ActorKind::Anonymous)
    }
}

#[cfg(test)]
mod tests {
    use super::Ids;

    #[test]
    fn equal_names_share_an_id_and_others_do_not() {
        // Short and long names, long ones alike in their first and last
        // eight bytes, and enough of them for the table to grow.
        let mut names: Vec<String> = ["he", "she", "Holm", "", "Lene Holm", "Lene X Holm"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        names.extend((0..200).map(|n| format!("Minister {n} of Holmstad")));
        names.extend((0..50).map(|n| format!("w{n}")));
        let mut ids = Ids::with_capacity(2);
        let mut all = Vec::new();
        let first: Vec<u32> = names.iter().map(|n| ids.id_of(n, &mut all)).collect();
        let again: Vec<u32> = names.iter().map(|n| ids.id_of(n, &mut all)).collect();
        assert_eq!(first, again);
        assert_eq!(first, (0..names.len() as u32).collect::<Vec<_>>());
        assert_eq!(all.len(), names.len());
    }
}
