//! config.toml: the documented defaults embedded in the binary, with the
//! user's file overlaid key by key. Errors name the file, the line and the
//! column, type errors included.
//!
//! One struct per section. A section needs no `#[serde(default)]`: the
//! embedded config.toml must set every field (a unit test checks it parses),
//! so every setting is documented, and a user's file that sets only some keys
//! of a section keeps the defaults of the others.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;
use toml::de::{DeTable, DeValue};

use crate::analysis::{ActorAlias, Options};
use crate::tui::keymap::{Action, Key};
use crate::tui::theme::{Colour, ThemeName};

/// The defaults, documented: the repository's config.toml.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub analysis: AnalysisSection,
    /// `[[actors]]`: none by default, so the embedded file only shows one in a comment.
    #[serde(default)]
    pub actors: Vec<ActorAlias>,
    /// `[keys]`: action name = the keys that trigger it, replacing its
    /// defaults. Empty by default: the defaults live in the keymap table, and
    /// config.toml lists them in comments (a test keeps the two in step).
    #[serde(default)]
    pub keys: BTreeMap<Action, Vec<Key>>,
    pub theme: ThemeSection,
    pub reader: ReaderSection,
    pub library: LibrarySection,
}

/// `[theme]`: the reader's colours.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSection {
    /// "dark" or "light": which built-in palette to start from.
    pub name: ThemeName,
    /// Colours given to actors in order of their number of claims; empty
    /// keeps the palette's own.
    pub actors: Vec<Colour>,
    /// Background of the selected claim and the selected list row; unset
    /// keeps the palette's (TOML has no null, so these are commented out).
    #[serde(default)]
    pub selection: Option<Colour>,
    /// Border and title of the focused pane.
    #[serde(default)]
    pub accent: Option<Colour>,
    /// Background of search matches.
    #[serde(default)]
    pub search: Option<Colour>,
}

/// `[reader]`: how the reader lays out and behaves.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReaderSection {
    /// The widest the text column grows; it is centred beyond that. 0: no limit.
    pub max_text_width: u16,
    /// Whether the mouse selects and scrolls.
    pub mouse: bool,
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

impl Config {
    /// The embedded defaults.
    pub fn defaults() -> Self {
        overlaid(DEFAULT_CONFIG, Path::new("<built-in config.toml>"), "")
            .expect("the embedded config.toml is valid")
    }

    /// The defaults overlaid with the user's file: `explicit` if given (it
    /// must exist), else [`user_config_path`] if that file exists.
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_owned()),
            None => user_config_path().filter(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Ok(Self::defaults());
        };
        let text = std::fs::read_to_string(&path).map_err(|error| ConfigError::Read {
            path: path.clone(),
            error,
        })?;
        overlaid(DEFAULT_CONFIG, &path, &text)
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
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("whosaid").join("config.toml"))
}

/// `defaults` overlaid with `user` (read from `path`), then deserialised.
///
/// Both are parsed with spans and merged before deserialising, so an error
/// carries the span of the value at fault. The defaults are parsed behind
/// as many spaces as the user's text is long: a span that starts before
/// `user.len()` is in the user's file, any other in the defaults.
fn overlaid(defaults: &str, path: &Path, user: &str) -> Result<Config, ConfigError> {
    let user_table = DeTable::parse(user).map_err(|e| invalid(path, user, &e))?;
    let padded = format!("{:width$}{defaults}", "", width = user.len());
    let mut merged = DeTable::parse(&padded).expect("the embedded config.toml is valid TOML");
    overlay(merged.get_mut(), user_table.into_inner());
    Config::deserialize(toml::de::Deserializer::from(merged)).map_err(|e| match e.span() {
        Some(span) if span.start >= user.len() => {
            invalid(Path::new("<built-in config.toml>"), &padded, &e)
        }
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
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
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
        overlaid(DEFAULT_CONFIG, Path::new("c.toml"), user)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn the_embedded_defaults_set_every_field() {
        let defaults = Config::defaults();
        assert_eq!(defaults.analysis.cue_verbs, Vec::<String>::new());
        assert!(defaults.actors.is_empty());
    }

    #[test]
    fn an_unknown_action_or_key_names_its_line() {
        let msg = error_of("[keys]\nquit = [\"q\"]\njump = [\"x\"]\n");
        assert!(msg.starts_with("c.toml:3:"), "{msg}");
        let msg = error_of("[keys]\n\nquit = [\"hyper-q\"]\n");
        assert!(
            msg.starts_with("c.toml:3:") && msg.contains("unknown key"),
            "{msg}"
        );
        let msg = error_of("[theme]\nactors = [\"blu\"]\n");
        assert!(
            msg.starts_with("c.toml:2:") && msg.contains("unknown colour"),
            "{msg}"
        );
    }

    #[test]
    fn keys_theme_and_reader_settings_are_read() {
        let user = "[keys]\nquit = [\"x\", \"ctrl-q\"]\n[theme]\nname = \"light\"\nactors = [\"#ff0000\", \"blue\"]\n[reader]\nmouse = false\n";
        let config = overlaid(DEFAULT_CONFIG, Path::new("c.toml"), user).unwrap();
        assert_eq!(config.keys[&Action::Quit].len(), 2);
        assert_eq!(config.theme.name, ThemeName::Light);
        assert_eq!(config.theme.actors.len(), 2);
        assert!(!config.reader.mouse);
        assert_eq!(config.reader.max_text_width, 100);
    }

    #[test]
    fn config_toml_documents_every_action_with_its_default_keys() {
        for info in crate::tui::keymap::ACTIONS {
            let name = serde_json::to_string(&info.action).unwrap();
            let keys: Vec<String> = info.defaults.iter().map(|k| format!("{k:?}")).collect();
            let line = format!("# {} = [{}]", name.trim_matches('"'), keys.join(", "));
            assert!(
                DEFAULT_CONFIG.contains(&line),
                "config.toml lacks the line: {line}"
            );
        }
    }

    #[test]
    fn a_file_that_sets_one_key_keeps_the_other_defaults() {
        let defaults = "[analysis]\ncue_verbs = [\"opine\"]\ntitles = []\n[theme]\nname = \"dark\"\nactors = []\n[reader]\nmax_text_width = 0\nmouse = true\n[library]\nenabled = true\n";
        let config = overlaid(
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
        let config = overlaid(
            DEFAULT_CONFIG,
            Path::new("c.toml"),
            "[[actors]]\nname = \"World Health Organization\"\naliases = [\"WHO\"]\nkind = \"organization\"\n",
        )
        .unwrap();
        assert_eq!(config.actors[0].aliases, ["WHO"]);
        assert_eq!(config.analysis_options().actors.len(), 1);
    }
}
