//! Several articles for one list: each file once however often it is
//! named (`whosaid notes/today.md notes/`), a feed as its items, and the
//! files that cannot be read told apart, so one bad file in a folder does
//! not keep the others from being read.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{InputError, Limits, Listed, open_with};

/// What several sources make of a list.
#[derive(Debug, Default)]
pub struct Several {
    /// The rows, in the order the sources were given.
    pub listed: Vec<Listed>,
    /// The sources that could not be read, and why.
    pub unread: Vec<InputError>,
}

impl Several {
    /// The files that could not be read, in one line for the status bar;
    /// `None` when all were.
    pub fn unread_notice(&self) -> Option<String> {
        let first = self.unread.first()?;
        Some(match self.unread.len() {
            1 => format!("not read: {first}"),
            n => format!("{n} files not read; the first: {first}"),
        })
    }
}

/// Reads `files` (paths, URLs or `-`, as [`crate::corpus::expand`] lists
/// them) for a list of articles.
pub fn several(files: &[PathBuf], limits: Limits) -> Several {
    let mut seen = HashSet::new();
    let mut out = Several::default();
    for file in files {
        // The same file by another path (`./a.txt`, a link) is the same row.
        let same = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        if !seen.insert(same) {
            continue;
        }
        match open_with(&file.to_string_lossy(), limits) {
            Ok(opened) => out.listed.extend(opened.listed()),
            Err(e) => out.unread.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(several: &Several) -> Vec<String> {
        several
            .listed
            .iter()
            .map(|l| match l {
                Listed::Article(doc) => doc.title.clone(),
                Listed::Item(item) => item.title.clone(),
            })
            .collect()
    }

    #[test]
    fn a_file_named_twice_is_one_row() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "Bridge vote\n\nJane Roe said it would open.\n").unwrap();
        let again = dir.path().join(".").join("a.txt");
        let got = several(&[a.clone(), again, a], Limits::default());
        assert_eq!(titles(&got), ["Bridge vote"]);
        assert!(got.unread.is_empty());
    }

    #[test]
    fn a_file_that_cannot_be_read_is_told_and_the_others_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.txt");
        std::fs::write(&good, "Bridge vote\n\nJane Roe said it would open.\n").unwrap();
        let binary = dir.path().join("binary.txt");
        std::fs::write(&binary, b"\x00\x01\x02 not text").unwrap();
        let missing = dir.path().join("missing.md");
        let got = several(&[binary, good, missing], Limits::default());
        assert_eq!(titles(&got), ["Bridge vote"]);
        assert_eq!(got.unread.len(), 2);
        let notice = got.unread_notice().unwrap();
        assert!(
            notice.starts_with("2 files not read; the first: "),
            "{notice}"
        );
        assert!(notice.contains("binary.txt"), "{notice}");
    }
}
