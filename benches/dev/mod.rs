//! The dev articles the benches read: `$WHOSAID_EVAL_DEV`, else
//! `shared/eval-dev` beside the repository (or beside the folder of
//! worktrees it is in). Shared by the benches that measure real text.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The folder of the dev articles, if there is one.
fn folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("WHOSAID_EVAL_DEV") {
        return Some(dir.into());
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .ancestors()
        .skip(1)
        .take(2)
        .map(|dir| dir.join("shared/eval-dev"))
        .find(|dir| dir.is_dir())
}

/// The text of every dev article that `keep` keeps (given its JSON line),
/// in file order; none without the folder.
pub fn texts(keep: impl Fn(&Value) -> bool) -> Vec<String> {
    let mut files: Vec<_> = folder()
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|s| s.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter_map(|line| serde_json::from_str::<Value>(&line).ok())
        .filter(|v| keep(v))
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect()
}
