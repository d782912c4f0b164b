//! Writing an export to a file so that it never surprises: all or nothing
//! (a temporary file beside the target, then a rename), never over an
//! existing file unless asked, only ever to a regular file, keeping the
//! replaced file's permissions, and without leaving a temporary file behind
//! on an error or a signal.
//!
//! - A path that is a device, a pipe, a socket or a folder is refused, even
//!   when replacing is allowed: whosaid writes exports to regular files only.
//! - A symbolic link is written through: its target gets the export (and
//!   replacing it needs `--force` like any existing file); the link stays.
//!   A link to nothing is refused.
//! - The temporary file has a random name (`.NAME.XXXXXX.tmp`), created
//!   exclusively in the target's folder, so a leftover from any other run
//!   neither gets in the way nor gets deleted.

use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files being written now, for [`remove_unfinished`].
static UNFINISHED: Registry = Registry(Mutex::new(Vec::new()));

/// Writes `contents` to `path` atomically. Unless `overwrite`, an existing
/// file is never replaced (the error is `AlreadyExists`), even if it appears
/// while writing. Every error names the path.
pub fn write_file(path: &Path, contents: &[u8], overwrite: bool) -> io::Result<()> {
    write_file_with(path, overwrite, |file| file.write_all(contents))
}

/// As [`write_file`], with the contents streamed by `write` (a corpus's
/// JSON Lines) instead of held in memory: the file appears, whole, only
/// once `write` has succeeded; what it returns is returned.
pub fn write_file_with<T>(
    path: &Path,
    overwrite: bool,
    write: impl FnOnce(&mut std::fs::File) -> io::Result<T>,
) -> io::Result<T> {
    let target = through_links(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            return Err(error(
                ErrorKind::IsADirectory,
                path,
                "is a folder; add a file name",
            ));
        }
        Ok(meta) if !meta.is_file() => {
            return Err(error(
                ErrorKind::InvalidInput,
                path,
                "is not a regular file (a device, pipe or socket); whosaid writes exports \
                 only to regular files, even with --force",
            ));
        }
        Ok(_) if !overwrite => return Err(already_exists(path)),
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == ErrorKind::NotFound => None,
        Err(e) => return Err(wrap(path, "cannot look at it", e)),
    };

    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or("export".into(), |n| n.to_string_lossy());
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666))
        .tempfile_in(dir)
        .map_err(|e| match e.kind() {
            ErrorKind::NotFound => error(
                ErrorKind::NotFound,
                path,
                "cannot write the export: its folder does not exist",
            ),
            _ => wrap(path, "cannot write the export in its folder", e),
        })?;
    let _unfinished = UNFINISHED.register(temp.path());
    if let Some(meta) = &existing {
        keep_owner_and_mode(temp.as_file(), meta)
            .map_err(|e| wrap(path, "cannot give the export the replaced file's mode", e))?;
    }
    let written = write(temp.as_file_mut())
        .and_then(|written| temp.as_file().sync_all().map(|()| written))
        .map_err(|e| wrap(path, "cannot write the export", e))?;
    // On failure the temporary file is dropped with the error, which removes it.
    if overwrite {
        temp.persist(&target)
            .map_err(|e| wrap(path, "cannot write the export over it", e.error))?;
    } else {
        temp.persist_noclobber(&target)
            .map_err(|e| match e.error.kind() {
                ErrorKind::AlreadyExists => already_exists(path),
                _ => wrap(path, "cannot write the export", e.error),
            })?;
    }
    Ok(written)
}

/// Removes the temporary files of exports being written, for a signal
/// handler to call before the process ends.
pub fn remove_unfinished() {
    UNFINISHED.remove_all();
}

/// Paths of temporary files, each listed while its [`Unfinished`] lives.
struct Registry(Mutex<Vec<PathBuf>>);

impl Registry {
    fn paths(&self) -> std::sync::MutexGuard<'_, Vec<PathBuf>> {
        // A panic elsewhere must not stop the clean-up.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn register(&self, path: &Path) -> Unfinished<'_> {
        self.paths().push(path.to_owned());
        Unfinished(self, path.to_owned())
    }

    fn remove_all(&self) {
        for path in self.paths().iter() {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// A temporary file listed in its registry while it lives.
struct Unfinished<'a>(&'a Registry, PathBuf);

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        self.0.paths().retain(|p| *p != self.1);
    }
}

/// Where writing `path` puts the bytes: the path itself, or the file a
/// symbolic link (or a chain of them) leads to.
fn through_links(path: &Path) -> io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(|e| match e.kind() {
                ErrorKind::NotFound => error(
                    ErrorKind::NotFound,
                    path,
                    "is a symbolic link to nothing; give the file's own path",
                ),
                _ => wrap(path, "cannot follow the symbolic link", e),
            })
        }
        _ => Ok(path.to_owned()),
    }
}

/// Gives the new file the replaced file's owner (when allowed, i.e. as
/// root) and mode.
fn keep_owner_and_mode(file: &std::fs::File, old: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (old.uid(), old.gid()) {
        // Only root may give a file away; anyone else keeps their own.
        let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    }
    file.set_permissions(old.permissions())
}

fn error(kind: ErrorKind, path: &Path, what: &str) -> io::Error {
    io::Error::new(kind, format!("{}: {what}", path.display()))
}

fn wrap(path: &Path, what: &str, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {what} ({e})", path.display()))
}

fn already_exists(path: &Path) -> io::Error {
    error(
        ErrorKind::AlreadyExists,
        path,
        "already exists; choose another name or pass --force to replace it",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::{FileTypeExt, PermissionsExt};

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn an_existing_file_is_kept_unless_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        write_file(&path, b"first", false).unwrap();
        let err = write_file(&path, b"second", false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::AlreadyExists);
        assert!(
            err.to_string().contains("notes.md: already exists"),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_file(&path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        assert_eq!(names_in(dir.path()), ["notes.md"], "no temporary file left");
    }

    #[test]
    fn a_leftover_temporary_file_of_an_earlier_run_is_neither_in_the_way_nor_deleted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        // The name the export once used for its temporary file.
        let leftover = dir
            .path()
            .join(format!(".notes.md.{}.tmp", std::process::id()));
        std::fs::write(&leftover, "someone's").unwrap();
        write_file(&path, b"export", false).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"export");
        assert_eq!(std::fs::read(&leftover).unwrap(), b"someone's");
    }

    #[test]
    fn a_pipe_or_a_folder_is_refused_even_with_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let err = write_file(&fifo, b"x", true).unwrap_err();
        assert!(
            err.to_string().contains("pipe: is not a regular file"),
            "{err}"
        );
        assert!(
            std::fs::metadata(&fifo).unwrap().file_type().is_fifo(),
            "the pipe is still a pipe"
        );
        let err = write_file(dir.path(), b"x", true).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::IsADirectory, "{err}");
        assert_eq!(names_in(dir.path()), ["pipe"], "no temporary file left");
    }

    #[test]
    fn a_replaced_file_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("private.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_file(&path, b"new", true).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
    }

    #[test]
    fn a_symlink_is_written_through_to_its_target_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let err = write_file(&link, b"new", false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::AlreadyExists);
        write_file(&link, b"new", true).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");

        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink(dir.path().join("nowhere.md"), &dangling).unwrap();
        let err = write_file(&dangling, b"x", true).unwrap_err();
        assert!(
            err.to_string().contains("a symbolic link to nothing"),
            "{err}"
        );
        assert!(!dir.path().join("nowhere.md").exists());
    }

    #[test]
    fn an_error_names_the_path_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no-such-folder/out.csv");
        let err = write_file(&path, b"x", false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert!(err.to_string().contains("no-such-folder/out.csv"), "{err}");
        assert!(names_in(dir.path()).is_empty());
    }

    #[test]
    fn temporary_files_being_written_are_removed_on_request() {
        let dir = tempfile::tempdir().unwrap();
        let temp = dir.path().join(".out.json.abc123.tmp");
        std::fs::write(&temp, "partial").unwrap();
        // A registry of its own: the global one lists other tests' files.
        let registry = Registry(Mutex::new(Vec::new()));
        let unfinished = registry.register(&temp);
        registry.remove_all();
        assert!(!temp.exists(), "a signal removes the partial file");
        drop(unfinished);
        assert!(registry.paths().is_empty());
    }
}
