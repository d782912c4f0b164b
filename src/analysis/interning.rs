//! The written forms of a text, interned while the token table is built
//! (tokens.rs): each distinct form ("Said", "said") gets an index in the
//! order it first appears, and so does its ASCII-lowercased form; the word
//! lists and cues of a lower-case form are looked up once, when it is new,
//! and the shape of a written form (capitalised, possessive, …) is worked
//! out once too.

use super::lexicon::{Classes, CueHead, Cues, Lexicon};
use super::open_table::{OpenTable, SlotKey};
use super::segment::{HIGH_BITS, TokenKind, each};
use super::wordlists::{Map, same_bytes, short_word};
use crate::span::Span;

/// Facts of a written form, as bits of its shape: it starts with an
/// upper-case letter; it ends with a possessive "’s" or "'s" (after more
/// than one byte); it is a word written in lower case ("meanwhile": a
/// lower-case initial and no ASCII capital).
pub(super) const CAPITALIZED: u8 = 1;
pub(super) const POSSESSIVE: u8 = 2;
pub(super) const LOWER_WORD: u8 = 4;
/// It holds an ASCII hyphen ("trillion-dollar").
pub(super) const HYPHENATED: u8 = 8;
/// It has two letters or more, none in lower case ("FBI", "CHAPTER").
pub(super) const ALL_CAPS: u8 = 16;
/// It holds a character outside ASCII ("Zoë", "’s").
pub(super) const NOT_ASCII: u8 = 32;

/// In [`Interner::lower_cues`]: the lower-case form starts no cue.
pub(super) const NO_CUE: u32 = u32::MAX;

/// A written form of more than [`SHORT`] bytes as a key while the table
/// is built: compared in line, not by a call to memcmp per token.
#[derive(Clone, Copy, Eq)]
struct Written<'t>(&'t str);

/// The longest form held in a [`ShortForm`] key.
const SHORT: usize = 15;

/// A written form of at most [`SHORT`] bytes (nearly every one) as a key
/// holding its bytes and length in two words: a key pointing into the
/// text would read the text where the form was first seen, a cache miss
/// per token once the text outgrows the cache.
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortForm(u64, u64);

impl ShortForm {
    fn of(word: &str) -> Option<Self> {
        let b = word.as_bytes();
        let n = b.len();
        if n > SHORT {
            return None;
        }
        let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
        let (low, high) = if n < 8 {
            (short_word(b), 0)
        } else {
            (word(0), short_word(&b[8..]))
        };
        // The high word holds at most 7 bytes: its top byte is free.
        Some(ShortForm(low, high | (n as u64) << 56))
    }
}

impl PartialEq for Written<'_> {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        same_bytes(self.0.as_bytes(), other.0.as_bytes())
    }
}

impl std::hash::Hash for Written<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

/// How a form is looked up: one of up to eight bytes by its bytes as a
/// word (a branch on one byte or more took more time than the table's
/// lookup of a one-byte form saved), a longer short one by a
/// [`ShortForm`], a long one by its text (`L`: the written text, or a
/// lower-case form's own copy).
#[derive(Clone, Copy)]
enum Key<L> {
    Word(u64),
    Short(ShortForm),
    Long(L),
}

impl<'t> Key<Written<'t>> {
    /// The key of the token at `span` of `text`, of more than eight bytes.
    fn longer(text: &'t str, span: Span) -> Self {
        let word = span.of(text);
        ShortForm::of(word).map_or(Key::Long(Written(word)), Key::Short)
    }

    /// The key of the form ASCII-lowercased: the same bytes in the same
    /// places, so the lowercased key of a short form is its key's words
    /// lowercased, without the text.
    fn lowered(self) -> Key<Box<str>> {
        match self {
            Key::Word(word) => Key::Word(ascii_lowercase(word)),
            Key::Short(ShortForm(low, high)) => {
                Key::Short(ShortForm(ascii_lowercase(low), ascii_lowercase(high)))
            }
            Key::Long(Written(word)) => Key::Long(word.to_ascii_lowercase().into()),
        }
    }
}

/// The [`Key::Word`] of the token at `span` of `text` when it is of up to
/// eight bytes.
#[inline(always)]
fn word_key(text: &str, span: Span) -> Option<u64> {
    let bytes = text.as_bytes();
    let n = span.end - span.start;
    if n > 8 {
        return None;
    }
    // The eight bytes from the token's start, those past its end masked
    // off: one load and no branch on its length, where loads of its exact
    // bytes would branch on it and mispredict.
    Some(match bytes.get(span.start..span.start + 8) {
        Some(eight) => {
            let eight = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
            eight & (u64::MAX >> (64 - 8 * n))
        }
        None => short_word(&bytes[span.start..span.end]),
    })
}

/// The eight bytes of `word` ASCII-lowercased at once: 0x20 added to
/// each byte from "A" to "Z" (no byte carries into the next: each is
/// below 0x80 when added to).
fn ascii_lowercase(word: u64) -> u64 {
    let low7 = word & !HIGH_BITS;
    let at_least_a = low7 + each(0x80 - b'A');
    let above_z = low7 + each(0x7F - b'Z');
    let capitals = at_least_a & !above_z & !word & HIGH_BITS;
    word | capitals >> 2
}

/// Values by [`Key`] (form indices, or a written form's [`Entry`]), a
/// table for each kind.
struct Tables<L, V> {
    words: OpenTable<u64, V>,
    short: OpenTable<ShortForm, V>,
    long: Map<L, V>,
}

impl<L: std::hash::Hash + Eq, V: Copy + Default> Tables<L, V> {
    /// Tables for `room` forms before they grow.
    fn with_room(room: usize) -> Self {
        Tables {
            words: OpenTable::with_room(room),
            // A form of more than eight bytes is rarer.
            short: OpenTable::with_room(room / 2),
            long: Map::default(),
        }
    }

    #[inline(always)]
    fn get(&self, key: &Key<L>) -> Option<V> {
        match key {
            Key::Word(word) => self.words.get(*word),
            Key::Short(key) => self.short.get(*key),
            Key::Long(key) => self.long.get(key).copied(),
        }
    }

    /// Where the value of `key` lies, when it is in the tables: read or
    /// changed there ([`Tables::value_mut`]) by a caller that adds the key
    /// when it is missing (a borrow of the value would keep the tables
    /// borrowed for the adding too).
    #[inline(always)]
    fn slot<'k>(&self, key: &'k Key<L>) -> Option<Slot<'k, L>> {
        match key {
            Key::Word(word) => self.words.slot(*word).map(Slot::Word),
            Key::Short(key) => self.short.slot(*key).map(Slot::Short),
            Key::Long(key) => self.long.contains_key(key).then_some(Slot::Long(key)),
        }
    }

    /// The value in `slot`, as [`Tables::slot`] found it.
    #[inline(always)]
    fn value_mut(&mut self, slot: Slot<L>) -> &mut V {
        match slot {
            Slot::Word(at) => self.words.value_mut(at),
            Slot::Short(at) => self.short.value_mut(at),
            Slot::Long(key) => self.long.get_mut(key).expect("a key found"),
        }
    }

    /// Adds `key`, not in the tables yet, for `value`, and gives the value
    /// to change.
    fn insert(&mut self, key: Key<L>, value: V) -> &mut V {
        match key {
            Key::Word(word) => self.words.insert(word, value),
            Key::Short(key) => self.short.insert(key, value),
            Key::Long(key) => self.long.entry(key).or_insert(value),
        }
    }

    /// Every value, in no order.
    fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.words
            .values()
            .chain(self.short.values())
            .chain(self.long.values().copied())
    }
}

/// Where a key's value lies in [`Tables`]: a slot of a table by open
/// addressing, or the key itself for a long form (looked up again, a rare
/// form).
enum Slot<'k, L> {
    Word(usize),
    Short(usize),
    Long(&'k L),
}

/// Every short form's length byte is above 0.
impl SlotKey for ShortForm {
    const EMPTY: Self = ShortForm(0, 0);
    fn fold(self) -> u64 {
        self.0 ^ self.1.rotate_left(29)
    }
}

/// A written form's entry in the interner's tables: its index, and a
/// record its tokens read and change while the token table is built (`R`:
/// tokens.rs's facts of the form), kept in the slot a lookup loads anyway,
/// where an array by index took a second load, a cache miss for a rare
/// form.
#[derive(Clone, Copy, Default)]
pub(super) struct Entry<R> {
    pub(super) form: u32,
    pub(super) record: R,
}

/// The forms of a text so far, and the maps that find a form's index.
pub(super) struct Interner<'t, R> {
    written: Tables<Written<'t>, Entry<R>>,
    lowers: Tables<Box<str>, u32>,
    /// Per written form, by index: the index of its lower-case form,
    pub(super) lower_of: Vec<u32>,
    /// and its shape (bits of [`CAPITALIZED`] and the others).
    pub(super) shapes: Vec<u8>,
    /// The lower-case forms, one after another,
    pub(super) lower_text: String,
    /// and per lower-case form: where it lies in `lower_text`, the word
    /// lists it is in, and the index of the cues starting with it in
    /// `cue_heads` (or [`NO_CUE`]).
    pub(super) lower_spans: Vec<(u32, u32)>,
    pub(super) lower_classes: Vec<Classes>,
    pub(super) lower_cues: Vec<u32>,
    /// The lexicon's cues of each lower-case form that starts some.
    pub(super) cue_heads: Vec<CueHead>,
}

/// What a written form's [`Entry`] records for the token table.
pub(super) trait Record: Copy + Default {
    /// The record of a new form, `word`, first seen as a token of `kind`,
    /// with its shape and its lower-case form's word lists.
    fn fresh(word: &str, kind: TokenKind, shape: u8, classes: Classes) -> Self;
}

impl<'t, R: Record> Interner<'t, R> {
    /// An interner for a text of `len` bytes. Never in line, nor
    /// [`Interner::records`]: run once a text, in the token table's
    /// builder they only crowded its token loop (which then spilled).
    #[inline(never)]
    pub(super) fn new(len: usize) -> Self {
        // Room for the forms of an article (a short one's tables do not
        // grow several times), not more: a long text has far fewer
        // distinct forms than tokens.
        let room = (len / 8).min(1 << 14);
        Interner {
            written: Tables::with_room(room),
            lowers: Tables::with_room(room),
            lower_of: Vec::new(),
            shapes: Vec::new(),
            lower_text: String::new(),
            lower_spans: Vec::new(),
            lower_classes: Vec::new(),
            lower_cues: Vec::new(),
            cue_heads: Vec::new(),
        }
    }

    /// The entry of the written form of the token at `span`, of `kind`,
    /// interned now if it is new.
    #[inline(always)]
    pub(super) fn form(
        &mut self,
        text: &'t str,
        span: Span,
        kind: TokenKind,
        lexicon: &Lexicon,
    ) -> &mut Entry<R> {
        // A form of up to eight bytes (most) is looked up by its word, not
        // through a Key: the enum, read by reference, was kept on the stack.
        if let Some(word) = word_key(text, span) {
            return match self.written.words.slot(word) {
                Some(slot) => self.written.words.value_mut(slot),
                None => self.add(Key::Word(word), span.of(text), kind, lexicon),
            };
        }
        self.longer_form(text, span, kind, lexicon)
    }

    /// [`Interner::form`] of a form of more than eight bytes. A call of
    /// its own: in line, its lookups crowded the token loop's registers,
    /// and the loop spilled for every token.
    #[inline(never)]
    fn longer_form(
        &mut self,
        text: &'t str,
        span: Span,
        kind: TokenKind,
        lexicon: &Lexicon,
    ) -> &mut Entry<R> {
        let key = Key::longer(text, span);
        match self.written.slot(&key) {
            Some(slot) => self.written.value_mut(slot),
            None => self.add(key, span.of(text), kind, lexicon),
        }
    }

    /// Interns a written form seen for the first time, its lower-case form
    /// too if new.
    #[inline(never)]
    fn add(
        &mut self,
        key: Key<Written<'t>>,
        word: &str,
        kind: TokenKind,
        lexicon: &Lexicon,
    ) -> &mut Entry<R> {
        let form = self.lower_of.len() as u32;
        let lower = self.lower_form(key.lowered(), word, lexicon);
        let shape = shape_of(word, kind == TokenKind::Word);
        self.lower_of.push(lower);
        self.shapes.push(shape);
        let record = R::fresh(word, kind, shape, self.lower_classes[lower as usize]);
        self.written.insert(key, Entry { form, record })
    }

    /// Each written form's record, by form index.
    #[inline(never)]
    pub(super) fn records(&self) -> Vec<R> {
        let mut records = vec![R::default(); self.lower_of.len()];
        for Entry { form, record } in self.written.values() {
            records[form as usize] = record;
        }
        records
    }

    /// The index of the lower-case form of `word`, whose key is `key`:
    /// interned, its word lists and cues looked up, if new.
    fn lower_form(&mut self, key: Key<Box<str>>, word: &str, lexicon: &Lexicon) -> u32 {
        if let Some(known) = self.lowers.get(&key) {
            return known;
        }
        let id = self.lower_spans.len() as u32;
        let short = match key {
            Key::Word(word) => Some(word),
            _ => None,
        };
        self.lowers.insert(key, id);
        let start = self.lower_text.len();
        self.lower_text.push_str(word);
        self.lower_text[start..].make_ascii_lowercase();
        self.lower_spans
            .push((start as u32, self.lower_text.len() as u32));
        let lower = &self.lower_text[start..];
        let classes = short.map_or_else(
            || lexicon.classes_of(lower),
            |word| lexicon.classes_of_word(word),
        );
        let head = Cues::may_start(lower, classes)
            .then(|| lexicon.cues.head(lower))
            .flatten();
        self.lower_cues.push(head.map_or(NO_CUE, |head| {
            self.cue_heads.push(head);
            (self.cue_heads.len() - 1) as u32
        }));
        self.lower_classes.push(classes);
        id
    }
}

/// The shape of a written form (bits of [`CAPITALIZED`] and the others).
fn shape_of(word: &str, is_word: bool) -> u8 {
    if word.is_ascii() {
        ascii_shape_of(word.as_bytes(), is_word)
    } else {
        NOT_ASCII | unicode_shape_of(word, is_word)
    }
}

/// [`shape_of`] any form, from its characters (but [`NOT_ASCII`]).
fn unicode_shape_of(word: &str, is_word: bool) -> u8 {
    let mut shape = 0;
    if word.starts_with(char::is_uppercase) {
        shape |= CAPITALIZED;
    }
    if word.len() > 2 && (word.ends_with("’s") || word.ends_with("'s")) {
        shape |= POSSESSIVE;
    }
    if word.contains('-') {
        shape |= HYPHENATED;
    }
    if word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !word.chars().any(char::is_lowercase)
    {
        shape |= ALL_CAPS;
    }
    let plain = !word.bytes().any(|b| b.is_ascii_uppercase());
    if is_word && plain && word.starts_with(char::is_lowercase) {
        shape |= LOWER_WORD;
    }
    shape
}

/// [`shape_of`] an ASCII form (most), told from its bytes eight at a
/// time (a test per byte took more instructions than the rest of a new
/// form's interning): an ASCII letter is alphabetic, upper or lower case
/// as its byte says.
fn ascii_shape_of(word: &[u8], is_word: bool) -> u8 {
    let (mut letters, mut lower, mut upper, mut hyphen) = (0, 0, 0, 0);
    for chunk in word.chunks(8) {
        let eight = match chunk.try_into() {
            Ok(eight) => u64::from_le_bytes(eight),
            // Zero-padded: a zero byte is no letter and no hyphen.
            Err(_) => short_word(chunk),
        };
        let (capitals, smalls) = (
            bytes_between(eight, b'A', b'Z'),
            bytes_between(eight, b'a', b'z'),
        );
        letters += (capitals | smalls).count_ones();
        upper |= capitals;
        lower |= smalls;
        hyphen |= bytes_between(eight, b'-', b'-');
    }
    let first = word.first().copied().unwrap_or(0);
    let mut shape = 0;
    if first.is_ascii_uppercase() {
        shape |= CAPITALIZED;
    }
    if word.len() > 2 && word.ends_with(b"'s") {
        shape |= POSSESSIVE;
    }
    if hyphen != 0 {
        shape |= HYPHENATED;
    }
    if letters >= 2 && lower == 0 {
        shape |= ALL_CAPS;
    }
    if is_word && upper == 0 && first.is_ascii_lowercase() {
        shape |= LOWER_WORD;
    }
    shape
}

/// The top bit of each byte of `word` (eight ASCII bytes) from `lo` to
/// `hi`: no byte carries into the next, each being below 0x80.
fn bytes_between(word: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = word + each(0x80 - lo);
    let above_hi = word + each(0x7F - hi);
    at_least_lo & !above_hi & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::super::segment;
    use super::*;

    /// The form index of each token of `text`, interned in tables that
    /// start with room for a few forms and grow.
    fn forms(text: &str) -> Vec<u32> {
        let mut interner = Interner::new(0);
        segment::tokenize(text)
            .map(|t| {
                let entry: &mut Entry<()> =
                    interner.form(text, t.span, TokenKind::Word, Lexicon::builtin());
                entry.form
            })
            .collect()
    }

    impl Record for () {
        fn fresh(_: &str, _: TokenKind, _: u8, _: Classes) {}
    }

    #[test]
    fn each_distinct_form_gets_one_index_in_order_of_first_appearance() {
        // Lengths on either side of each key's limits (1, 8, 15 bytes),
        // a capital, and the last word where fewer than eight bytes follow
        // its start.
        let text = "a ab abcdefgh abcdefghi abcdefghijklmno abcdefghijklmnop \
                    Ab ab a abcdefghijklmnop abcdefgh abcdefghi abcdefghijklmno ab";
        assert_eq!(forms(text), [0, 1, 2, 3, 4, 5, 6, 1, 0, 5, 2, 3, 4, 1]);
        // A NUL, the one token with a zero byte, is a form like any other.
        assert_eq!(forms("\0 , \0 ab ,"), [0, 1, 0, 2, 1]);
    }

    #[test]
    fn a_word_of_eight_bytes_is_lowercased_at_once_as_byte_by_byte() {
        for b in 0..=255u8 {
            for place in 0..8 {
                let mut bytes = *b"aZ@[`{Q\xC3";
                bytes[place] = b;
                let word = u64::from_le_bytes(bytes);
                let expected = u64::from_le_bytes(bytes.map(|c| c.to_ascii_lowercase()));
                assert_eq!(ascii_lowercase(word), expected, "{b} at {place}");
            }
        }
    }

    #[test]
    fn an_ascii_form_has_the_shape_its_characters_give() {
        let words = [
            "Said",
            "said",
            "SAID",
            "FBI",
            "A",
            "I",
            "a",
            "x-ray",
            "Anti-Graft",
            "Minister's",
            "'s",
            "it's",
            "U.S.",
            "Mr.",
            "3rd",
            "1990s",
            "30-minute",
            "NATO-led",
            "e-MAIL",
            "ABCDEFGHIJKLMNOP-Q",
            "Counter-Intelligence's",
            "abcdefgh",
            "ABCDEFGH",
            ",",
            "(",
            "-",
            "",
        ];
        for word in words {
            for is_word in [true, false] {
                assert_eq!(
                    ascii_shape_of(word.as_bytes(), is_word),
                    unicode_shape_of(word, is_word),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn the_tables_grow_past_the_room_they_start_with() {
        let words: Vec<String> = (0..3000).map(|k| format!("w{k} longerword{k}")).collect();
        let text = words.join(" ") + " " + &words.join(" ");
        let found = forms(&text);
        assert_eq!(found[..6000], (0..6000).collect::<Vec<u32>>()[..]);
        assert_eq!(found[6000..], found[..6000]);
    }
}
