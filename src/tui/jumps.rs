//! The jump list: where the reader was before each jump, walked back and
//! forth with ctrl-o and ctrl-i as in vim and helix.

/// Where the reader was: the cursor and the claim selected there, so going
/// back selects the claim the reader left, not whichever starts on the row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Place {
    /// Byte offset of the text cursor.
    pub cursor: usize,
    /// Index into `analysis.claims`.
    pub claim: Option<usize>,
}

/// The places before each jump.
#[derive(Debug, Clone, PartialEq)]
pub struct JumpList<T = Place> {
    back: Vec<T>,
    forward: Vec<T>,
}

impl<T> Default for JumpList<T> {
    fn default() -> Self {
        JumpList {
            back: Vec::new(),
            forward: Vec::new(),
        }
    }
}

impl<T: Copy + PartialEq> JumpList<T> {
    const MAX: usize = 100;

    /// Records `from` before a jump; a new jump forgets the way forward.
    pub fn push(&mut self, from: T) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > Self::MAX {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Where to go back to from `current`.
    pub fn back(&mut self, current: T) -> Option<T> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    pub fn forward(&mut self, current: T) -> Option<T> {
        let to = self.forward.pop()?;
        self.back.push(current);
        Some(to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_and_forth_retraces_the_jumps() {
        let mut jumps = JumpList::<usize>::default();
        jumps.push(10); // at 10, jump to 50
        jumps.push(50); // at 50, jump to 90
        assert_eq!(jumps.back(90), Some(50));
        assert_eq!(jumps.back(50), Some(10));
        assert_eq!(jumps.back(10), None);
        assert_eq!(jumps.forward(10), Some(50));
        assert_eq!(jumps.forward(50), Some(90));
        assert_eq!(jumps.forward(90), None);
    }
}
