//! config.toml: the documented defaults embedded in the binary, with the
//! user's file overlaid key by key. Errors name the file, the line and the
//! column, type errors included.
//!
//! The loader is generic: [`ConfigFile::read`] deserialises the overlaid
//! file into any section struct, so each part of the program declares its
//! own sections — the library's [`Config`] here, the reader's `[keys]`,
//! `[theme]` and `[reader]` in `tui::settings` — and the library knows
//! nothing of the terminal.
//!
//! One struct per section. A section needs no `#[serde(default)]`: the
//! embedded config.toml must set every field (a unit test checks it parses),
//! so every setting is documented, and a user's file that sets only some keys
//! of a section keeps the defaults of the others.

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use thiserror::Error;
use toml::de::{DeTable, DeValue};

use crate::analysis::{ActorAlias, Options};

/// The defaults, documented: the repository's config.toml.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// Where the defaults' errors point (they are a bug, not the user's).
const BUILT_IN: &str = "<built-in config.toml>";

/// The library's settings: what the analysis reads.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub analysis: AnalysisSection,
    /// `[[actors]]`: none by default, so the embedded file only shows one in a comment.
    #[serde(default)]
    pub actors: Vec<ActorAlias>,
    /// The reader's sections, read on its side with the same loader; named
    /// here so that a file written for the reader is valid without it, and
    /// an unknown section is still an error.
    #[serde(default, rename = "keys")]
    _keys: IgnoredAny,
    #[serde(default, rename = "theme")]
    _theme: IgnoredAny,
    #[serde(default, rename = "reader")]
    _reader: IgnoredAny,
    pub library: LibrarySection,
}

/// `[library]`: whether whosaid keeps what you read (see `crate::store`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibrarySection {
    /// false: keep nothing, as `--no-library` does.
    pub enabled: bool,
}

/// `[analysis]`: additions to the built-in word lists.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalysisSection {
    pub cue_verbs: Vec<String>,
    pub titles: Vec<String>,
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the config file ({error}); check the path")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The config's folder cannot be searched, so a config there (maybe a
    /// broken one) would go unseen: said, not skipped.
    #[error(
        "{path}: cannot look for the config file ({error}); make its folder readable, or name a config with --config PATH"
    )]
    Unsearchable {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "{path}:{line}:{column}: {message}; fix that line, or compare with the documented defaults (`whosaid --print-config`)"
    )]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// The user's config file as read, to overlay on the defaults; or none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConfigFile {
    /// Where the text came from; `None` when there is no user file.
    path: Option<PathBuf>,
    text: String,
}

impl ConfigFile {
    /// No user file: the defaults alone.
    pub fn defaults() -> Self {
        Self::default()
    }

    /// A user file's text, as if read from `path`.
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        ConfigFile {
            path: Some(path.into()),
            text: text.into(),
        }
    }

    /// `explicit` if given (it must exist), else [`user_config_path`] if
    /// that file exists, else none.
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_owned()),
            None => user_config_path().map(existing).transpose()?.flatten(),
        };
        let Some(path) = path else {
            return Ok(Self::defaults());
        };
        let bytes = std::fs::read(&path).map_err(|error| ConfigError::Read {
            path: path.clone(),
            error,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| not_utf8(&path, &e))?;
        Ok(Self::from_text(path, text))
    }

    /// The defaults overlaid with this file, deserialised as `T`: each part
    /// of the program reads its own sections this way (and names the others
    /// with `IgnoredAny`, so an unknown section is still an error).
    pub fn read<T: DeserializeOwned>(&self) -> Result<T, ConfigError> {
        let path = self.path.as_deref().unwrap_or(Path::new(BUILT_IN));
        overlaid(DEFAULT_CONFIG, path, &self.text)
    }
}

impl Config {
    /// The embedded defaults.
    pub fn defaults() -> Self {
        ConfigFile::defaults()
            .read()
            .expect("the embedded config.toml is valid")
    }

    /// The defaults overlaid with the user's file (see [`ConfigFile::load`]).
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        ConfigFile::load(explicit)?.read()
    }

    /// The analysis options this config asks for.
    pub fn analysis_options(&self) -> Options {
        Options {
            cue_verbs: self.analysis.cue_verbs.clone(),
            titles: self.analysis.titles.clone(),
            actors: self.actors.clone(),
        }
    }
}

/// `$XDG_CONFIG_HOME/whosaid/config.toml`, else `~/.config/whosaid/config.toml`.
pub fn user_config_path() -> Option<PathBuf> {
    config_path_from(
        std::env::var_os("XDG_CONFIG_HOME"),
        std::env::var_os("HOME"),
    )
}

/// Where the config is, given `$XDG_CONFIG_HOME` and `$HOME`. A relative
/// (or empty) `XDG_CONFIG_HOME` is ignored, as the XDG base directory
/// specification says: it would name a different file in every folder.
fn config_path_from(xdg_config_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let base = xdg_config_home
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("whosaid").join("config.toml"))
}

/// `path` if something is there; `None` if nothing is (or a folder on the
/// way is a file). Any other failure to look is an error: a config that
/// whosaid cannot see must not be taken for no config.
fn existing(path: PathBuf) -> Result<Option<PathBuf>, ConfigError> {
    match std::fs::metadata(&path) {
        Ok(_) => Ok(Some(path)),
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => Ok(None),
        Err(error) => Err(ConfigError::Unsearchable { path, error }),
    }
}

/// The error for a config that is not UTF-8, at its first bad byte.
fn not_utf8(path: &Path, e: &std::string::FromUtf8Error) -> ConfigError {
    let bytes = e.as_bytes();
    let at = e.utf8_error().valid_up_to();
    let valid = std::str::from_utf8(&bytes[..at]).expect("valid up to there");
    let (line, column) = line_and_column(valid);
    ConfigError::Invalid {
        path: path.to_owned(),
        line,
        column,
        message: format!(
            "not valid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
            bytes[at]
        ),
    }
}

/// The line and column (in characters, from 1) just after `before`.
fn line_and_column(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// `defaults` overlaid with `user` (read from `path`), then deserialised.
///
/// Both are parsed with spans and merged before deserialising, so an error
/// carries the span of the value at fault. The defaults are parsed behind
/// as many spaces as the user's text is long: a span that starts before
/// `user.len()` is in the user's file, any other in the defaults.
fn overlaid<T: DeserializeOwned>(
    defaults: &str,
    path: &Path,
    user: &str,
) -> Result<T, ConfigError> {
    let user_table = DeTable::parse(user).map_err(|e| invalid(path, user, &e))?;
    // (Not `format!` with a width: widths stop at 65,535.)
    let padded = " ".repeat(user.len()) + defaults;
    let mut merged = DeTable::parse(&padded).expect("the embedded config.toml is valid TOML");
    overlay(merged.get_mut(), user_table.into_inner());
    T::deserialize(toml::de::Deserializer::from(merged)).map_err(|e| match e.span() {
        Some(span) if span.start >= user.len() => invalid(Path::new(BUILT_IN), &padded, &e),
        _ => invalid(path, user, &e),
    })
}

/// Tables merge key by key; anything else in `user` replaces the default.
fn overlay<'i>(base: &mut DeTable<'i>, user: DeTable<'i>) {
    for (key, value) in user {
        match (base.get_mut(&key).map(|v| v.get_mut()), value.get_ref()) {
            (Some(DeValue::Table(b)), DeValue::Table(_)) => {
                let DeValue::Table(u) = value.into_inner() else {
                    unreachable!("matched a table above")
                };
                overlay(b, u);
            }
            _ => {
                base.insert(key, value);
            }
        }
    }
}

fn invalid(path: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
    let offset = e.span().map_or(0, |s| s.start).min(text.len());
    let (line, column) = line_and_column(&text[..offset]);
    ConfigError::Invalid {
        path: path.to_owned(),
        line,
        column,
        message: e.message().trim().replace('\n', "; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(user: &str) -> String {
        overlaid::<Config>(DEFAULT_CONFIG, Path::new("c.toml"), user)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn a_config_of_64_kib_or_more_is_read_and_its_errors_keep_their_line() {
        let padding = "# a comment line that pads the file\n".repeat(2000);
        assert!(padding.len() > u16::MAX as usize);
        let user = format!("{padding}[analysis]\ntitles = [\"Ombudsman\"]\n");
        let config: Config = overlaid(DEFAULT_CONFIG, Path::new("c.toml"), &user).unwrap();
        assert_eq!(config.analysis.titles, ["Ombudsman"]);
        let msg = error_of(&format!("{padding}[analysis]\ntitles = 3\n"));
        assert!(msg.starts_with("c.toml:2002:10: invalid type"), "{msg}");
    }

    #[test]
    fn a_relative_or_empty_xdg_config_home_falls_back_to_home() {
        let at = |xdg: Option<&str>, home: Option<&str>| {
            config_path_from(xdg.map(OsString::from), home.map(OsString::from))
        };
        let home = Some(PathBuf::from("/h/.config/whosaid/config.toml"));
        assert_eq!(at(Some("rel/conf"), Some("/h")), home);
        assert_eq!(at(Some(""), Some("/h")), home);
        assert_eq!(at(None, Some("/h")), home);
        assert_eq!(
            at(Some("/x"), Some("/h")),
            Some(PathBuf::from("/x/whosaid/config.toml"))
        );
        assert_eq!(at(Some("rel"), None), None);
    }

    #[test]
    fn only_a_config_that_is_not_there_is_no_config() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("whosaid/config.toml");
        assert!(existing(missing).unwrap().is_none());
        let file = dir.path().join("file");
        std::fs::write(&file, "").unwrap();
        assert!(existing(file.join("config.toml")).unwrap().is_none());
        let looped = dir.path().join("loop");
        std::os::unix::fs::symlink(&looped, &looped).unwrap();
        let err = existing(looped.join("config.toml")).unwrap_err();
        assert!(matches!(err, ConfigError::Unsearchable { .. }), "{err}");
    }

    #[test]
    fn a_config_that_is_not_utf8_names_its_first_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, b"[analysis]\ntitles = [\"\xc3\xa9t\xe9\"]\n").unwrap();
        let msg = ConfigFile::load(Some(&path)).unwrap_err().to_string();
        let at = format!("{}:2:14: not valid UTF-8 (byte 0xE9)", path.display());
        assert!(msg.starts_with(&at), "{msg}");
    }

    #[test]
    fn the_embedded_defaults_set_every_field() {
        let defaults = Config::defaults();
        assert_eq!(defaults.analysis.cue_verbs, Vec::<String>::new());
        assert!(defaults.actors.is_empty());
    }

    #[test]
    fn the_readers_sections_are_left_to_it_but_an_unknown_section_is_an_error() {
        let config: Config = overlaid(
            DEFAULT_CONFIG,
            Path::new("c.toml"),
            "[keys]\nquit = [\"x\"]\n[theme]\nname = 3\n",
        )
        .unwrap();
        assert_eq!(config, Config::defaults());
        let msg = error_of("[analysis]\ntitles = []\n[theem]\nname = \"light\"\n");
        assert!(
            msg.starts_with("c.toml:3:") && msg.contains("theem"),
            "{msg}"
        );
    }

    #[test]
    fn a_file_that_sets_one_key_keeps_the_other_defaults() {
        let defaults =
            "[analysis]\ncue_verbs = [\"opine\"]\ntitles = []\n[library]\nenabled = true\n";
        let config: Config = overlaid(
            defaults,
            Path::new("c.toml"),
            "[analysis]\ntitles = [\"Ombudsman\"]\n",
        )
        .unwrap();
        assert_eq!(config.analysis.cue_verbs, ["opine"]);
        assert_eq!(config.analysis.titles, ["Ombudsman"]);
    }

    #[test]
    fn a_wrong_type_inside_an_overlaid_table_names_the_users_line() {
        let msg = error_of("# mine\n[analysis]\ntitles = [\"Ombudsman\"]\ncue_verbs = 3\n");
        assert!(msg.starts_with("c.toml:4:13: invalid type"), "{msg}");
        let msg = error_of("[analysis]\ncue_verbs = [\"opine\", 3]\n");
        assert!(msg.starts_with("c.toml:2:23:"), "{msg}");
    }

    #[test]
    fn an_unknown_setting_is_an_error_at_its_key() {
        let msg = error_of("[analysis]\ncue_verb = []\n");
        assert!(msg.starts_with("c.toml:2:1:"), "{msg}");
        assert!(msg.contains("cue_verb"), "{msg}");
    }

    #[test]
    fn a_bad_actor_entry_names_its_line() {
        let msg = error_of("[[actors]]\nname = \"WHO\"\nkind = \"persn\"\n");
        assert!(msg.starts_with("c.toml:3:8:"), "{msg}");
        let msg = error_of("\n[[actors]]\naliases = [\"WHO\"]\n");
        assert!(
            msg.starts_with("c.toml:2:") || msg.starts_with("c.toml:3:"),
            "{msg}"
        );
        assert!(msg.contains("name"), "{msg}");
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let msg = error_of("[analysis]\ntitles = [\"a\"\n");
        assert!(
            msg.starts_with("c.toml:2:") || msg.starts_with("c.toml:3:"),
            "{msg}"
        );
        assert!(!msg.contains('\n'), "one line: {msg}");
    }

    #[test]
    fn actors_declared_by_the_user_are_read() {
        let config: Config = overlaid(
            DEFAULT_CONFIG,
            Path::new("c.toml"),
            "[[actors]]\nname = \"World Health Organization\"\naliases = [\"WHO\"]\nkind = \"organization\"\n",
        )
        .unwrap();
        assert_eq!(config.actors[0].aliases, ["WHO"]);
        assert_eq!(config.analysis_options().actors.len(), 1);
    }
}
