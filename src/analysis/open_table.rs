//! A table from small keys to `u32` values by open addressing with linear
//! probing, for the stages' hottest lookups (written forms while the token
//! table is built, names while actors are resolved): a lookup is a
//! multiplication and, nearly always, one compare of the key in its home
//! slot, where a general hash map took three times the instructions.

/// A key of an [`OpenTable`]: none is [`SlotKey::EMPTY`], which marks an
/// empty slot.
pub(super) trait SlotKey: Copy + Eq {
    const EMPTY: Self;
    /// The key folded into a word for its hash.
    fn fold(self) -> u64;
}

/// A key packed in one word, never all ones: a form's or a name's bytes,
/// zero-padded (no byte of UTF-8 is 0xFF), or such bytes with a length or
/// hash packed in below a top byte that is not 0xFF.
impl SlotKey for u64 {
    const EMPTY: Self = u64::MAX;
    fn fold(self) -> u64 {
        self ^ self >> 29
    }
}

/// Values by key: keys may repeat when a key is a hash that stands for
/// several entries (see [`OpenTable::find`]). A value is an index, or a
/// small record whose facts a lookup reads from the slot it loads anyway.
#[derive(Clone)]
pub(super) struct OpenTable<K, V = u32> {
    /// The key and the value of each slot, a power of two of them.
    slots: Vec<(K, V)>,
    /// The shift that takes a hash's top bits as a slot's index.
    shift: u32,
    len: usize,
}

impl<K: SlotKey, V: Copy + Default> OpenTable<K, V> {
    /// A table for `room` entries before it grows.
    pub(super) fn with_room(room: usize) -> Self {
        // At most three slots in four taken: an entry is nearly always in
        // its home slot or close after it, in the same cache line.
        let slots = (room * 4 / 3 + 1).next_power_of_two().max(16);
        OpenTable {
            slots: vec![(K::EMPTY, V::default()); slots],
            shift: 64 - slots.trailing_zeros(),
            len: 0,
        }
    }

    #[inline(always)]
    fn home(&self, key: K) -> usize {
        const MIX: u64 = 0x9E37_79B9_7F4A_7C15;
        (key.fold().wrapping_mul(MIX) >> self.shift) as usize
    }

    /// The value of `key`, when each key has one entry.
    #[inline(always)]
    pub(super) fn get(&self, key: K) -> Option<V> {
        self.find(key, |_| true)
    }

    /// The value of the first entry of `key` that `accept` takes: for keys
    /// that are hashes, each entry checked by what its value stands for.
    #[inline(always)]
    pub(super) fn find(&self, key: K, mut accept: impl FnMut(V) -> bool) -> Option<V> {
        let at = self.slot_of(key, |&value| accept(value))?;
        Some(self.slots[at].1)
    }

    /// The slot of `key`'s entry, when each key has one: its value read
    /// or changed there ([`OpenTable::value_mut`]) by a caller that adds
    /// the key when it is missing (a borrow of the value would keep the
    /// table borrowed for the adding too).
    #[inline(always)]
    pub(super) fn slot(&self, key: K) -> Option<usize> {
        self.slot_of(key, |_| true)
    }

    /// The value in `slot`, as [`OpenTable::slot`] found it.
    #[inline(always)]
    pub(super) fn value_mut(&mut self, slot: usize) -> &mut V {
        &mut self.slots[slot].1
    }

    /// The slot of the first entry of `key` that `accept` takes.
    #[inline(always)]
    fn slot_of(&self, key: K, mut accept: impl FnMut(&V) -> bool) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        loop {
            let (k, value) = &self.slots[at];
            if *k == key && accept(value) {
                return Some(at);
            }
            if *k == K::EMPTY {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// Adds an entry of `key` for `value`, after those `key` has already
    /// (none, for a key that is no hash), and gives its value to change.
    pub(super) fn insert(&mut self, key: K, value: V) -> &mut V {
        debug_assert!(key != K::EMPTY, "no entry has the empty key");
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = self.home(key);
        while self.slots[at].0 != K::EMPTY {
            at = (at + 1) & mask;
        }
        self.slots[at] = (key, value);
        self.len += 1;
        &mut self.slots[at].1
    }

    /// Every entry's value, in no order.
    pub(super) fn values(&self) -> impl Iterator<Item = V> + '_ {
        self.slots
            .iter()
            .filter(|(k, _)| *k != K::EMPTY)
            .map(|&(_, value)| value)
    }

    fn grow(&mut self) {
        let old = std::mem::replace(self, OpenTable::with_room(self.slots.len()));
        for (key, value) in old.slots {
            if key != K::EMPTY {
                self.insert(key, value);
            }
        }
    }
}
