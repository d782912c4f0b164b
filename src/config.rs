//! config.toml: the documented defaults embedded in the binary, with the
//! user's file overlaid. Errors name the file, the line and the column.

use std::path::{Path, PathBuf};

use std::collections::BTreeMap;

use serde::Deserialize;
use thiserror::Error;

use crate::analysis::{ActorAlias, Options};
use crate::tui::keymap::{Action, Key};
use crate::tui::theme::{Colour, ThemeName};

/// The defaults, documented: the repository's config.toml.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub analysis: AnalysisSection,
    pub actors: Vec<ActorAlias>,
    /// `[keys]`: action name = the keys that trigger it, replacing its defaults.
    pub keys: BTreeMap<Action, Vec<Key>>,
    pub theme: ThemeSection,
    pub reader: ReaderSection,
}

/// `[theme]`: the reader's colours.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeSection {
    /// "dark" or "light": which built-in palette to start from.
    pub name: ThemeName,
    /// Colours given to actors in order of their number of claims; empty
    /// keeps the palette's own.
    pub actors: Vec<Colour>,
    /// Background of the selected claim and the selected list row.
    pub selection: Option<Colour>,
    /// Border and title of the focused pane.
    pub accent: Option<Colour>,
    /// Background of search matches.
    pub search: Option<Colour>,
}

/// `[reader]`: how the reader lays out and behaves.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReaderSection {
    /// The widest the text column grows; it is centred beyond that. 0: no limit.
    pub max_text_width: u16,
    /// Whether the mouse selects and scrolls.
    pub mouse: bool,
}

impl Default for ReaderSection {
    fn default() -> Self {
        ReaderSection {
            max_text_width: 100,
            mouse: true,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalysisSection {
    pub cue_verbs: Vec<String>,
    pub titles: Vec<String>,
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the config file: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}:{column}: {message}\n  fix that line, or see the documented defaults with `whosaid --print-config`"
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
        parse(Path::new("<built-in config.toml>"), DEFAULT_CONFIG)
            .expect("the embedded config.toml is valid")
    }

    /// The defaults overlaid with the user's file: `explicit` if given (it
    /// must exist), else the first of the XDG locations that exists.
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let path = match explicit {
            Some(p) => Some(p.to_owned()),
            None => user_config_path().filter(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Ok(Self::defaults());
        };
        let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
            path: path.clone(),
            source,
        })?;
        let mut defaults: toml::Table =
            toml::from_str(DEFAULT_CONFIG).expect("the embedded config.toml is valid");
        let user: toml::Table = toml::from_str(&text).map_err(|e| invalid(&path, &text, &e))?;
        overlay(&mut defaults, user);
        // Re-parse the user's text alone to get line numbers for type errors.
        parse(&path, &text)?;
        Config::deserialize(defaults).map_err(|e| ConfigError::Invalid {
            path: path.clone(),
            line: 1,
            column: 1,
            message: e.message().to_string(),
        })
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

fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
    toml::from_str(text).map_err(|e| invalid(path, text, &e))
}

fn invalid(path: &Path, text: &str, e: &toml::de::Error) -> ConfigError {
    let offset = e.span().map_or(0, |s| s.start);
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    ConfigError::Invalid {
        path: path.to_owned(),
        line,
        column,
        message: e.message().to_string(),
    }
}

/// Tables merge key by key; anything else in `user` replaces the default.
fn overlay(base: &mut toml::Table, user: toml::Table) {
    for (key, value) in user {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(u)) => overlay(b, u),
            (_, v) => {
                base.insert(key, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_defaults_parse() {
        assert_eq!(Config::defaults().analysis.cue_verbs, Vec::<String>::new());
    }

    #[test]
    fn a_bad_setting_names_its_line_and_column() {
        let err = parse(Path::new("c.toml"), "[analysis]\ncue_verbs = 3\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:2:13:"), "{msg}");
    }

    #[test]
    fn an_unknown_action_or_key_names_its_line() {
        let err = parse(
            Path::new("c.toml"),
            "[keys]\nquit = [\"q\"]\njump = [\"x\"]\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("c.toml:3:"), "{err}");
        let err = parse(Path::new("c.toml"), "[keys]\n\nquit = [\"hyper-q\"]\n").unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("c.toml:3:") && msg.contains("unknown key"),
            "{msg}"
        );
    }

    #[test]
    fn keys_theme_and_reader_settings_are_read() {
        let text = "[keys]\nquit = [\"x\", \"ctrl-q\"]\n[theme]\nname = \"light\"\nactors = [\"#ff0000\", \"blue\"]\n[reader]\nmouse = false\n";
        let config = parse(Path::new("c.toml"), text).unwrap();
        assert_eq!(config.keys[&Action::Quit].len(), 2);
        assert_eq!(config.theme.name, ThemeName::Light);
        assert_eq!(config.theme.actors.len(), 2);
        assert!(!config.reader.mouse);
        assert_eq!(config.reader.max_text_width, 100);
    }

    #[test]
    fn an_unknown_setting_is_an_error() {
        let err = parse(Path::new("c.toml"), "[analysis]\ncue_verb = []\n").unwrap_err();
        assert!(err.to_string().contains("c.toml:2:1"), "{err}");
    }
}
