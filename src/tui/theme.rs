//! Colours and text styles for each role on screen: one colour per actor,
//! and the marks for quotes, mentions, cues, hedges and figures. A dark and
//! a light palette, overlaid by `[theme]`; `NO_COLOR` keeps only the
//! attributes (bold, italic, underline, reverse), and then reported words
//! are italic so claims stay apart from narration.
//!
//! The actor palettes are ordered so that neighbours in them are far apart
//! in hue: [`super::lookup`] hands them out in text order, so actors close
//! in the text take neighbouring entries.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

use super::settings::ThemeSection;

/// Which built-in palette to start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

/// A colour as config.toml writes it: a name ("blue", "lightred"), "#rrggbb"
/// or a 256-colour index ("117").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Color::from_str(&text).map(Colour).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour {text:?}: use a name (\"blue\", \"lightred\"), \"#rrggbb\" or a 256-colour index (\"117\")"
            ))
        })
    }
}

/// Every style the views use, resolved once.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// One per actor rank, cycling when there are more actors.
    pub actors: Vec<Color>,
    /// Claims whose source is not a known actor.
    pub unattributed: Color,
    pub selection: Style,
    pub accent: Style,
    pub search_match: Style,
    pub current_match: Style,
    /// Highlights of claims the filter leaves out.
    pub filtered_out: Style,
    pub border: Style,
    pub status: Style,
    pub dim: Style,
    /// Added on top of the claim colour for quoted words.
    pub direct: Modifier,
    /// Added to a claim's words outside quotation marks (only without colour).
    pub reported: Modifier,
    pub mention: Modifier,
    pub cue: Modifier,
    pub hedge: Modifier,
    /// Figures: a tint of their own, not the sources' underline.
    pub figure: Style,
}

impl Theme {
    pub fn dark() -> Theme {
        Theme {
            // blue, orange, green, pink, cyan, yellow, purple, red, lime,
            // plum, teal, tan, periwinkle, salmon
            actors: [
                75, 215, 120, 213, 87, 227, 141, 203, 156, 183, 43, 180, 111, 210,
            ]
            .map(Color::Indexed)
            .to_vec(),
            unattributed: Color::Indexed(250),
            selection: Style::new().bg(Color::Indexed(237)),
            accent: Style::new()
                .fg(Color::Indexed(81))
                .add_modifier(Modifier::BOLD),
            search_match: Style::new().bg(Color::Indexed(58)),
            current_match: Style::new().bg(Color::Indexed(136)).fg(Color::Black),
            filtered_out: Style::new().fg(Color::Indexed(243)),
            border: Style::new().fg(Color::Indexed(240)),
            status: Style::new().bg(Color::Indexed(235)).fg(Color::Indexed(252)),
            dim: Style::new().fg(Color::Indexed(244)),
            figure: Style::new().bg(Color::Indexed(23)),
            ..Theme::attributes()
        }
    }

    pub fn light() -> Theme {
        Theme {
            // blue, brown, green, magenta, teal, olive, purple, red, moss,
            // crimson, cerulean, umber, slate, orange
            actors: [25, 130, 28, 162, 30, 136, 91, 160, 64, 125, 31, 94, 61, 166]
                .map(Color::Indexed)
                .to_vec(),
            unattributed: Color::Indexed(240),
            selection: Style::new().bg(Color::Indexed(254)),
            accent: Style::new()
                .fg(Color::Indexed(25))
                .add_modifier(Modifier::BOLD),
            search_match: Style::new().bg(Color::Indexed(229)),
            current_match: Style::new().bg(Color::Indexed(214)).fg(Color::Black),
            filtered_out: Style::new().fg(Color::Indexed(246)),
            border: Style::new().fg(Color::Indexed(248)),
            status: Style::new().bg(Color::Indexed(253)).fg(Color::Indexed(236)),
            dim: Style::new().fg(Color::Indexed(244)),
            figure: Style::new().bg(Color::Indexed(195)),
            ..Theme::attributes()
        }
    }

    /// For `NO_COLOR`: attributes only.
    pub fn monochrome() -> Theme {
        Theme {
            actors: vec![Color::Reset],
            unattributed: Color::Reset,
            selection: Style::new().add_modifier(Modifier::REVERSED),
            accent: Style::new().add_modifier(Modifier::BOLD),
            search_match: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            current_match: Style::new().add_modifier(Modifier::REVERSED),
            filtered_out: Style::new().add_modifier(Modifier::DIM),
            border: Style::new(),
            status: Style::new().add_modifier(Modifier::REVERSED),
            dim: Style::new().add_modifier(Modifier::DIM),
            // Without colour, claims must still stand apart from narration;
            // then cues cannot be italic too.
            reported: Modifier::ITALIC,
            cue: Modifier::BOLD,
            figure: Style::new().add_modifier(Modifier::DIM | Modifier::UNDERLINED),
            ..Theme::attributes()
        }
    }

    /// The attributes every palette shares; the colours are placeholders.
    fn attributes() -> Theme {
        Theme {
            actors: Vec::new(),
            unattributed: Color::Reset,
            selection: Style::new(),
            accent: Style::new(),
            search_match: Style::new(),
            current_match: Style::new(),
            filtered_out: Style::new(),
            border: Style::new(),
            status: Style::new(),
            dim: Style::new(),
            direct: Modifier::BOLD,
            reported: Modifier::empty(),
            mention: Modifier::UNDERLINED,
            cue: Modifier::ITALIC,
            hedge: Modifier::DIM,
            figure: Style::new(),
        }
    }

    /// The theme `[theme]` asks for; `no_color` (NO_COLOR set) wins.
    pub fn from_config(section: &ThemeSection, no_color: bool) -> Theme {
        if no_color {
            return Theme::monochrome();
        }
        let mut theme = match section.name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
        };
        if !section.actors.is_empty() {
            theme.actors = section.actors.iter().map(|c| c.0).collect();
        }
        if let Some(c) = section.selection {
            theme.selection = Style::new().bg(c.0);
        }
        if let Some(c) = section.accent {
            theme.accent = theme.accent.fg(c.0);
        }
        if let Some(c) = section.search {
            theme.search_match = Style::new().bg(c.0);
        }
        theme
    }

    /// The colour of the actor at `rank` (0: the one with most claims).
    pub fn actor(&self, rank: Option<usize>) -> Color {
        match rank {
            Some(r) if !self.actors.is_empty() => self.actors[r % self.actors.len()],
            _ => self.unattributed,
        }
    }
}

/// Whether `NO_COLOR` asks for no colour (set and not empty, per no-color.org).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_colours_replace_the_palette_and_no_color_wins() {
        let section = ThemeSection {
            actors: vec![Colour(Color::Red)],
            ..ThemeSection::default()
        };
        assert_eq!(
            Theme::from_config(&section, false).actor(Some(3)),
            Color::Red
        );
        let mono = Theme::from_config(&section, true);
        assert_eq!(mono.actor(Some(0)), Color::Reset);
        assert!(mono.selection.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn the_palettes_hold_a_dozen_distinct_colours_apart_from_the_unattributed() {
        for theme in [Theme::dark(), Theme::light()] {
            let mut seen = theme.actors.clone();
            seen.sort_by_key(|c| format!("{c}"));
            seen.dedup();
            assert_eq!(seen.len(), theme.actors.len());
            assert!(seen.len() >= 12);
            assert!(!theme.actors.contains(&theme.unattributed));
        }
    }

    #[test]
    fn without_colour_reported_words_and_figures_are_marked_and_cues_differ_from_claims() {
        let mono = Theme::monochrome();
        assert!(!mono.reported.is_empty());
        assert_ne!(mono.cue, mono.reported);
        assert_ne!(mono.figure, Style::new().add_modifier(mono.mention));
        for theme in [Theme::dark(), Theme::light()] {
            assert!(
                theme.figure.bg.is_some(),
                "figures are tinted, not underlined"
            );
        }
    }
}
