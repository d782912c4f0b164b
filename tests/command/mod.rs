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

/// The windows-1252 café page with its `<meta charset>` taken out: the same
/// bytes, declaring nothing. (Not every test file that shares this module
/// uses it.)
#[allow(dead_code)]
pub fn undeclared_cafe_page() -> Vec<u8> {
    let page = std::fs::read(fixture("encodings/cafe-windows-1252.html")).unwrap();
    let declaration = br#"<meta charset="windows-1252">"#;
    let at = page
        .windows(declaration.len())
        .position(|w| w == declaration)
        .expect("the page declares its charset");
    [&page[..at], &page[at + declaration.len()..]].concat()
}
