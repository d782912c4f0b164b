//! The jump list: where the cursor was before each jump, walked back and
//! forth with ctrl-o and ctrl-i as in vim and helix.

/// Byte offsets of the cursor before each jump.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JumpList {
    back: Vec<usize>,
    forward: Vec<usize>,
}

impl JumpList {
    const MAX: usize = 100;

    /// Records `from` before a jump; a new jump forgets the way forward.
    pub fn push(&mut self, from: usize) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        if self.back.len() > Self::MAX {
            self.back.remove(0);
        }
        self.forward.clear();
    }

    /// Where to go back to from `current`.
    pub fn back(&mut self, current: usize) -> Option<usize> {
        let to = self.back.pop()?;
        self.forward.push(current);
        Some(to)
    }

    pub fn forward(&mut self, current: usize) -> Option<usize> {
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
        let mut jumps = JumpList::default();
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
