//! The export dialog: which format, which file. Writing is left to the event
//! loop; the dialog only asks, and asks again before replacing a file.

use std::path::{Path, PathBuf};

use crate::export::{FORMATS, FormatSpec};

/// The format the dialog starts on: notes are what a reader exports most.
const FIRST_FORMAT: &str = "markdown";

/// The dialog's state.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    /// One of [`FORMATS`]: the dialog offers every format the CLI has.
    pub format: &'static FormatSpec,
    /// The file name as typed so far.
    pub path: String,
    /// The claims to export (marked, else those the filter shows).
    pub claims: Vec<usize>,
    /// Whether they are the marked ones (for the dialog's wording).
    pub marked: bool,
    /// The file exists: waiting for y or n.
    pub confirm_overwrite: bool,
    pub error: Option<String>,
    /// Whether the user typed in the name (then a format change keeps it).
    edited: bool,
    stem: String,
    /// Where a relative name lands: the folder the reader was started in.
    pub folder: PathBuf,
    /// What a leading `~` stands for.
    pub home: Option<PathBuf>,
}

impl ExportDialog {
    pub fn new(article_path: &str, claims: Vec<usize>, marked: bool) -> ExportDialog {
        let stem = Path::new(article_path)
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|s| !s.is_empty() && *s != "-")
            .unwrap_or("article")
            .to_string();
        let format = FormatSpec::named(FIRST_FORMAT).unwrap_or(&FORMATS[0]);
        ExportDialog {
            format,
            path: default_name(&stem, format),
            claims,
            marked,
            confirm_overwrite: false,
            error: None,
            edited: false,
            stem,
            folder: PathBuf::new(),
            home: None,
        }
    }

    /// The next format in [`FORMATS`] (or the previous one), round.
    pub fn cycle_format(&mut self, forward: bool) {
        let n = FORMATS.len();
        let at = FORMATS.iter().position(|f| f == self.format).unwrap_or(0);
        let to = if forward { at + 1 } else { at + n - 1 };
        self.format = &FORMATS[to % n];
        if !self.edited {
            self.path = default_name(&self.stem, self.format);
        }
    }

    /// Edits the path with `change` (which says whether it changed it);
    /// an edited name is the user's, and the last error no longer applies.
    pub fn edit(&mut self, change: impl FnOnce(&mut String) -> bool) {
        if change(&mut self.path) {
            self.edited = true;
            self.error = None;
        }
    }
}

impl ExportDialog {
    /// The file the name as typed stands for: a leading `~` is the home
    /// folder (as a shell has it), and a relative name is in `folder`.
    pub fn target(&self) -> PathBuf {
        let typed = self.path.trim();
        let expanded = match (typed.strip_prefix('~'), &self.home) {
            (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
                home.join(rest.trim_start_matches('/'))
            }
            _ => PathBuf::from(typed),
        };
        if expanded.is_relative() {
            self.folder.join(expanded)
        } else {
            expanded
        }
    }
}

/// "article-claims.md" for article.txt.
fn default_name(stem: &str, format: &FormatSpec) -> String {
    format!("{stem}-claims.{}", format.extension)
}

/// Why an export could not be written, and what to type instead. The
/// dialog stays open with the path, so the user can correct it there.
pub fn write_error(path: &Path, error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.display().to_string(),
        _ => "this folder".to_string(),
    };
    match error.kind() {
        ErrorKind::NotFound => {
            format!("there is no folder {folder}: type a path in a folder that exists")
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            format!("not allowed to write in {folder}: type a path in another folder")
        }
        ErrorKind::IsADirectory => {
            format!("{} is a folder: add a file name", path.display())
        }
        // The error names the path and what went wrong (export::write_file).
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_is_the_home_folder_and_a_relative_name_lands_in_the_folder() {
        let mut dialog = ExportDialog::new("story.txt", vec![0], false);
        dialog.folder = PathBuf::from("/work/here");
        dialog.home = Some(PathBuf::from("/home/me"));
        assert_eq!(dialog.target(), PathBuf::from("/work/here/story-claims.md"));
        dialog.path = "~/notes/out.md".to_string();
        assert_eq!(dialog.target(), PathBuf::from("/home/me/notes/out.md"));
        dialog.path = "~other/out.md".to_string();
        assert_eq!(dialog.target(), PathBuf::from("/work/here/~other/out.md"));
        dialog.path = "/tmp/x.json ".to_string();
        assert_eq!(dialog.target(), PathBuf::from("/tmp/x.json"));
    }

    #[test]
    fn the_default_name_follows_the_article_and_the_format() {
        let mut dialog = ExportDialog::new("assets/some-story.txt", vec![0], false);
        assert_eq!(dialog.path, "some-story-claims.md");
        dialog.cycle_format(false);
        assert_eq!(dialog.path, "some-story-claims.json");
        dialog.edit(|path| {
            path.push('x');
            true
        });
        dialog.cycle_format(true);
        assert_eq!(dialog.path, "some-story-claims.jsonx");
        assert_eq!(
            ExportDialog::new("-", vec![], false).path,
            "article-claims.md"
        );
    }

    #[test]
    fn tab_reaches_every_format_the_cli_has_and_comes_round() {
        let mut dialog = ExportDialog::new("story.txt", vec![0], false);
        let first = dialog.format;
        let mut seen = vec![first.name];
        loop {
            dialog.cycle_format(true);
            if dialog.format == first {
                break;
            }
            assert_eq!(
                dialog.path,
                format!("story-claims.{}", dialog.format.extension)
            );
            seen.push(dialog.format.name);
        }
        seen.sort_unstable();
        let mut all: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
        all.sort_unstable();
        assert_eq!(seen, all);
    }
}
