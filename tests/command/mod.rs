//! The `whosaid` command as the CLI tests run it: no user config in the
//! way, and the fixtures beside the tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

/// The command, with no user config file in the way.
pub fn whosaid() -> Command {
    let mut cmd = cargo_bin_cmd!("whosaid");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .env_remove("HOME");
    cmd
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}
