//! The reader's sections of config.toml — `[keys]`, `[theme]`, `[reader]` —
//! read through the library's generic loader ([`ConfigFile::read`]), so
//! their errors name the file, the line and the column like any other.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::keymap::{Action, Key};
use super::theme::{Colour, ThemeName};
use crate::config::{ConfigError, ConfigFile};

/// What the reader reads from config.toml.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `[keys]`: action name = the keys that trigger it, replacing its
    /// defaults. Empty by default: the defaults live in the keymap table, and
    /// config.toml lists them in comments (a test keeps the two in step).
    #[serde(default)]
    pub keys: BTreeMap<Action, Vec<Key>>,
    pub theme: ThemeSection,
    pub reader: ReaderSection,
    /// The library's sections (see `crate::config::Config`).
    #[serde(default, rename = "analysis")]
    _analysis: IgnoredAny,
    #[serde(default, rename = "actors")]
    _actors: IgnoredAny,
    #[serde(default, rename = "library")]
    _library: IgnoredAny,
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

impl Settings {
    /// The embedded defaults.
    pub fn defaults() -> Self {
        Self::read(&ConfigFile::defaults()).expect("the embedded config.toml is valid")
    }

    /// The reader's sections of the defaults overlaid with `file`.
    pub fn read(file: &ConfigFile) -> Result<Self, ConfigError> {
        file.read()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DEFAULT_CONFIG;

    fn read(user: &str) -> Result<Settings, ConfigError> {
        Settings::read(&ConfigFile::from_text("c.toml", user))
    }

    fn error_of(user: &str) -> String {
        read(user).unwrap_err().to_string()
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
        let settings = read(user).unwrap();
        assert_eq!(settings.keys[&Action::Quit].len(), 2);
        assert_eq!(settings.theme.name, ThemeName::Light);
        assert_eq!(settings.theme.actors.len(), 2);
        assert!(!settings.reader.mouse);
        assert_eq!(settings.reader.max_text_width, 100);
    }

    #[test]
    fn the_librarys_sections_are_left_to_it() {
        let settings = read("[analysis]\ntitles = 3\n[[actors]]\nname = \"X\"\n").unwrap();
        assert_eq!(settings, Settings::defaults());
        assert!(error_of("[readr]\nmouse = false\n").starts_with("c.toml:1:"));
    }

    #[test]
    fn config_toml_documents_every_action_with_its_default_keys() {
        for info in super::super::keymap::ACTIONS {
            let name = serde_json::to_string(&info.action).unwrap();
            let keys: Vec<String> = info.defaults.iter().map(|k| format!("{k:?}")).collect();
            let line = format!("# {} = [{}]", name.trim_matches('"'), keys.join(", "));
            assert!(
                DEFAULT_CONFIG.contains(&line),
                "config.toml lacks the line: {line}"
            );
        }
    }
}
