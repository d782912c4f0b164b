//! Exports of an analysis, one file per format. All speak Unicode code-point
//! offsets, as the W3C TextPositionSelector does.

pub mod json;

use std::io::Write;
use std::path::Path;

/// Writes `contents` to `path` atomically: a temporary file beside it, then a
/// rename. Unless `overwrite`, an existing file is never replaced (the error
/// is `AlreadyExists`), even if it appears while writing.
pub fn write_file(path: &Path, contents: &[u8], overwrite: bool) -> std::io::Result<()> {
    if !overwrite && path.exists() {
        return Err(already_exists(path));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("export");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        if overwrite {
            std::fs::rename(&tmp, path)
        } else {
            // A hard link fails if the target exists: no window to clobber it.
            std::fs::hard_link(&tmp, path).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => already_exists(path),
                _ => e,
            })
        }
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

fn already_exists(path: &Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!(
            "{} already exists; choose another name or pass --force to replace it",
            path.display()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_unless_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.md");
        write_file(&path, b"first", false).unwrap();
        let err = write_file(&path, b"second", false).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"first");
        write_file(&path, b"third", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"third");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left behind"
        );
    }
}
