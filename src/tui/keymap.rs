//! The one keymap table: every action the reader knows, its default keys and
//! what it does — in the panes, and in the layers that take typing (the
//! search prompts, the export dialog). The status-bar hints, the prompts'
//! and dialog's hints and the help overlay are generated from it, and
//! `[keys]` in config.toml overlays it, so help can never drift from the
//! keys that work.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// Something the user can ask for with a key. Its snake_case name is the one
/// used in `[keys]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Cancel,
    Help,
    FocusNext,
    FocusPrev,
    FocusText,
    FocusClaims,
    FocusActors,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Next,
    Prev,
    Open,
    Detail,
    Source,
    JumpBack,
    JumpForward,
    Filter,
    ClearFilter,
    Search,
    KindFilter,
    Mark,
    Export,
    Copy,
    Note,
    ChangeSource,
    Dismiss,
    ShowDismissed,
    ChangeKind,
    Undo,
    Redo,
    Visual,
    WordNext,
    WordBack,
    NewClaim,
    MergeActor,
    RenameActor,
    Elsewhere,
    // With several articles open (the library list and the reader on one):
    NextArticle,
    PrevArticle,
    ToList,
    Sort,
    // In the layers that take typing:
    Confirm,
    DeleteChar,
    DeleteWord,
    ClearLine,
    NextFormat,
    PrevFormat,
    NewLine,
    Save,
    PickDown,
    PickUp,
}

/// Where an action means something; hints for a pane show only its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every pane: listed in help, left out of the status-bar hints.
    Global,
    /// Every pane, and hinted in the status bar of the listed ones.
    Panes(&'static [Pane]),
    /// Only in the listed layers that take typing (where other keys type).
    Typing(&'static [Layer]),
}

/// A layer over the panes that takes typing: a character key types, and
/// only the keys bound in the layer (and Esc, and ctrl-c) do something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    /// The text search prompt.
    Search,
    /// The actors pane's name filter.
    ActorQuery,
    /// The export dialog.
    Export,
    /// The note editor.
    Note,
    /// The actor picker (changing a source, a new claim, merging actors).
    Picker,
    /// Renaming an actor.
    Rename,
}

impl Layer {
    pub const ALL: [Layer; 6] = [
        Layer::Search,
        Layer::ActorQuery,
        Layer::Export,
        Layer::Note,
        Layer::Picker,
        Layer::Rename,
    ];
}

/// Where a key is looked up: the panes, or one typing layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Context {
    Panes,
    Typing(Layer),
}

/// The three panes that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Pane {
    #[default]
    Text,
    Claims,
    Actors,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Text, Pane::Claims, Pane::Actors];

    pub fn name(self) -> &'static str {
        match self {
            Pane::Text => "Text",
            Pane::Claims => "Claims",
            Pane::Actors => "Actors",
        }
    }
}

/// One row of the table.
pub struct ActionInfo {
    pub action: Action,
    pub defaults: &'static [&'static str],
    /// Short: shown in the status bar.
    pub hint: &'static str,
    /// Longer: shown in the help overlay.
    pub desc: &'static str,
    pub scope: Scope,
}

use Pane::{Actors, Claims, Text};

const ALL_PANES: &[Pane] = &[Text, Claims, Actors];

/// Every action, in the order help lists them.
pub const ACTIONS: &[ActionInfo] = &[
    info(
        Action::Down,
        &["j", "down"],
        "down",
        "move down one row",
        ALL_PANES,
    ),
    info(Action::Up, &["k", "up"], "up", "move up one row", ALL_PANES),
    info(
        Action::PageDown,
        &["pagedown", "ctrl-d"],
        "page",
        "move down one page",
        &[],
    ),
    info(
        Action::PageUp,
        &["pageup", "ctrl-u"],
        "page up",
        "move up one page",
        &[],
    ),
    info(Action::Top, &["g", "home"], "top", "go to the top", &[]),
    info(
        Action::Bottom,
        &["G", "end"],
        "bottom",
        "go to the bottom",
        &[],
    ),
    info(
        Action::Next,
        &["n"],
        "next",
        "next claim (or search match; in Actors: the actor's next)",
        ALL_PANES,
    ),
    info(
        Action::Prev,
        &["N"],
        "prev",
        "previous claim (or search match; in Actors: the actor's)",
        &[],
    ),
    info(
        Action::Open,
        &["enter"],
        "show",
        "in Claims: the claim's details; else show it in the text",
        &[Actors],
    ),
    info(
        Action::Source,
        &["s"],
        "source",
        "jump from a claim to its source, and back",
        &[Text, Claims],
    ),
    info(
        Action::Detail,
        &["i"],
        "details",
        "the selected claim whole, and why: its source, cue, rule",
        &[Text, Claims],
    ),
    info(
        Action::JumpBack,
        &["ctrl-o"],
        "back",
        "go back in the jump list",
        &[],
    ),
    info(
        Action::JumpForward,
        // Most terminals send ctrl-i as Tab; alt-i reaches it everywhere.
        &["ctrl-i", "alt-i"],
        "forward",
        "go forward in the jump list",
        &[],
    ),
    info(
        Action::Filter,
        &["f", "space"],
        "filter",
        "toggle the actor (or the claim's source) in the filter",
        &[Claims, Actors],
    ),
    info(
        Action::ClearFilter,
        &["F"],
        "clear",
        "clear the actor filter",
        &[],
    ),
    info(
        Action::KindFilter,
        &["t"],
        "kind",
        "cycle the claim kinds shown: all, direct, indirect, mixed",
        &[Text, Claims],
    ),
    info(
        Action::Search,
        &["/"],
        "search",
        "search the text (in Actors: filter the list by name)",
        ALL_PANES,
    ),
    info(
        Action::Mark,
        &["m"],
        "mark",
        "mark or unmark the selected claim for export",
        &[Text, Claims],
    ),
    info(
        Action::Export,
        &["e"],
        "export",
        "export the marked (or the shown) claims",
        &[Text, Claims],
    ),
    info(
        Action::Copy,
        &["y"],
        "copy",
        "copy the selected claim as a Markdown quote",
        &[],
    ),
    info(
        Action::FocusNext,
        &["tab"],
        "pane",
        "focus the next pane",
        &[],
    ),
    info(
        Action::FocusPrev,
        &["backtab"],
        "pane",
        "focus the previous pane",
        &[],
    ),
    info(Action::FocusText, &["1"], "text", "focus the text", &[]),
    info(
        Action::FocusClaims,
        &["2"],
        "claims",
        "focus the claims",
        &[],
    ),
    info(
        Action::FocusActors,
        &["3"],
        "actors",
        "focus the actors",
        &[],
    ),
    info(
        Action::Help,
        &["?"],
        "help",
        "show or hide this help",
        ALL_PANES,
    ),
    info(
        Action::Cancel,
        &["esc"],
        "close",
        "close an overlay, clear the search; never quits",
        &[],
    ),
    info(
        Action::Note,
        &["a"],
        "note",
        "add or edit the selected claim's note (several lines; an empty note is deleted)",
        &[Text, Claims],
    ),
    info(
        Action::ChangeSource,
        &["c"],
        "source?",
        "correct the claim's source: pick an actor, nobody, or type a new name",
        &[Claims],
    ),
    info(
        Action::Dismiss,
        &["x"],
        "dismiss",
        "dismiss the claim: it is not one (again: take it back)",
        &[Claims],
    ),
    info(
        Action::ShowDismissed,
        &["X"],
        "dismissed",
        "show or hide dismissed claims (struck through)",
        &[],
    ),
    info(
        Action::ChangeKind,
        &["K"],
        "kind?",
        "correct the claim's kind: direct, indirect, mixed in turn",
        &[],
    ),
    info(
        Action::Undo,
        &["u"],
        "undo",
        "undo the last correction",
        &[],
    ),
    info(
        Action::Redo,
        &["U", "ctrl-r"],
        "redo",
        "redo the last correction undone",
        &[],
    ),
    info(
        Action::Visual,
        &["v"],
        "select",
        "in the text: start selecting (j k w b extend; Esc cancels)",
        &[Text],
    ),
    info(
        Action::WordNext,
        &["w"],
        "word",
        "in the text: to the next word",
        &[],
    ),
    info(
        Action::WordBack,
        &["b"],
        "word back",
        "in the text: to the previous word",
        &[],
    ),
    info(
        Action::NewClaim,
        &["C"],
        "claim",
        "make the selected text a claim, with a source you pick",
        &[],
    ),
    info(
        Action::MergeActor,
        &["M"],
        "merge",
        "in Actors: merge the actor into another you pick",
        &[Actors],
    ),
    info(
        Action::RenameActor,
        &["R"],
        "rename",
        "in Actors: rename the actor",
        &[Actors],
    ),
    info(
        Action::Elsewhere,
        &["L"],
        "elsewhere",
        "the actor's claims in the other articles of the library (Enter reads one)",
        &[Actors],
    ),
    info(
        Action::NextArticle,
        &["]"],
        "next article",
        "with several articles: read the next one in the list",
        &[],
    ),
    info(
        Action::PrevArticle,
        &["["],
        "previous article",
        "with several articles: read the previous one in the list",
        &[],
    ),
    info(
        Action::ToList,
        &["backspace"],
        "list",
        "with several articles: back to the list of articles",
        &[],
    ),
    info(
        Action::Sort,
        &["o"],
        "sort",
        "in the list of articles: sort by the next column",
        &[],
    ),
    info(Action::Quit, &["q", "ctrl-c"], "quit", "quit", ALL_PANES),
    typing(
        Action::Confirm,
        &["enter"],
        "keep",
        "keep what was typed: the search, the filter, the name; write the export; take the picked actor",
        &[
            Layer::Search,
            Layer::ActorQuery,
            Layer::Export,
            Layer::Picker,
            Layer::Rename,
        ],
    ),
    typing(
        Action::NewLine,
        &["enter"],
        "new line",
        "in a note: start a new line",
        &[Layer::Note],
    ),
    typing(
        Action::Save,
        &["ctrl-s"],
        "save",
        "save the note (Esc saves too)",
        &[Layer::Note],
    ),
    typing(
        Action::PickDown,
        &["down", "ctrl-n"],
        "next",
        "in the picker: the next actor",
        &[Layer::Picker],
    ),
    typing(
        Action::PickUp,
        &["up", "ctrl-p"],
        "previous",
        "in the picker: the previous actor",
        &[Layer::Picker],
    ),
    typing(
        Action::DeleteChar,
        &["backspace"],
        "delete",
        "delete the last character",
        PROMPTS,
    ),
    typing(
        Action::DeleteWord,
        &["ctrl-w"],
        "word",
        "delete the last word (of a path: up to a / . - or _)",
        PROMPTS,
    ),
    typing(
        Action::ClearLine,
        &["ctrl-u"],
        "clear",
        "delete all that was typed",
        PROMPTS,
    ),
    typing(
        Action::NextFormat,
        &["tab", "right"],
        "format",
        "the next export format",
        &[Layer::Export],
    ),
    typing(
        Action::PrevFormat,
        &["backtab", "left"],
        "previous format",
        "the previous export format",
        &[Layer::Export],
    ),
];

/// The layers where a line is typed: all of them.
const PROMPTS: &[Layer] = &Layer::ALL;

const fn typing(
    action: Action,
    defaults: &'static [&'static str],
    hint: &'static str,
    desc: &'static str,
    layers: &'static [Layer],
) -> ActionInfo {
    ActionInfo {
        scope: Scope::Typing(layers),
        ..info(action, defaults, hint, desc, &[])
    }
}

impl ActionInfo {
    /// Where the action's keys are looked up. Esc cancels everywhere.
    fn contexts(&self) -> Vec<Context> {
        match self.scope {
            Scope::Typing(layers) => layers.iter().map(|&l| Context::Typing(l)).collect(),
            _ if self.action == Action::Cancel => std::iter::once(Context::Panes)
                .chain(Layer::ALL.map(Context::Typing))
                .collect(),
            _ => vec![Context::Panes],
        }
    }
}

const fn info(
    action: Action,
    defaults: &'static [&'static str],
    hint: &'static str,
    desc: &'static str,
    hinted_in: &'static [Pane],
) -> ActionInfo {
    let scope = if hinted_in.is_empty() {
        Scope::Global
    } else {
        Scope::Panes(hinted_in)
    };
    ActionInfo {
        action,
        defaults,
        hint,
        desc,
        scope,
    }
}

/// A key with its modifiers, as written in config.toml: "j", "G", "ctrl-o",
/// "alt-x", "enter", "space", "pagedown", "backtab", "f1".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    /// The key a terminal event stands for. Shift is part of the character
    /// ("G"), so it is dropped for characters and for back-tab.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut mods =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(event.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let code = match event.code {
            // Terminals send ctrl-letters lower case; some send upper case.
            KeyCode::Char(c) if mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Key { code, mods }
    }

    pub fn parse(text: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, flag) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") && rest.len() > "shift-".len() {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            mods |= flag;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                f if f.starts_with('f')
                    && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
                {
                    KeyCode::F(f[1..].parse().unwrap_or(1))
                }
                _ => {
                    return Err(format!(
                        "unknown key {text:?}: use a character (\"j\", \"G\", \"/\"), a name (enter, esc, tab, backtab, space, backspace, up, down, left, right, home, end, pageup, pagedown, f1…f24), optionally after ctrl-, alt- or shift-"
                    ));
                }
            },
        };
        // Normalise as `from_event` does, so parsed keys match events.
        Ok(Key::from_event(KeyEvent::new(code, mods)))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("C-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("M-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("S-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::Backspace => f.write_str("BS"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Key::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The bindings in force: the defaults with the user's `[keys]` overlaid.
#[derive(Debug, Clone)]
pub struct Keymap {
    keys: BTreeMap<Action, Vec<Key>>,
    lookup: HashMap<(Context, Key), Action>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&BTreeMap::new())
    }
}

impl Keymap {
    /// The defaults, with each action in `overrides` bound to exactly the
    /// keys given there. A key the user gives to one action is taken away
    /// from the action it had by default where both are looked up (a key
    /// of the panes stays free to mean something else in the dialog).
    pub fn new(overrides: &BTreeMap<Action, Vec<Key>>) -> Keymap {
        let info = |a: Action| ACTIONS.iter().find(|i| i.action == a);
        let taken: Vec<(Context, Key)> = overrides
            .iter()
            .filter_map(|(&a, keys)| Some((info(a)?.contexts(), keys)))
            .flat_map(|(contexts, keys)| {
                contexts
                    .into_iter()
                    .flat_map(move |c| keys.iter().map(move |&k| (c, k)))
            })
            .collect();
        let mut keys = BTreeMap::new();
        for info in ACTIONS {
            let contexts = info.contexts();
            let bound = match overrides.get(&info.action) {
                Some(user) => user.clone(),
                None => info
                    .defaults
                    .iter()
                    .map(|k| Key::parse(k).expect("default keys parse"))
                    .filter(|k| !contexts.iter().any(|&c| taken.contains(&(c, *k))))
                    .collect(),
            };
            keys.insert(info.action, bound);
        }
        let mut lookup = HashMap::new();
        for info in ACTIONS {
            for context in info.contexts() {
                for &key in &keys[&info.action] {
                    lookup.insert((context, key), info.action);
                }
            }
        }
        Keymap { keys, lookup }
    }

    /// The action of a key pressed in the panes.
    pub fn action(&self, event: KeyEvent) -> Option<Action> {
        self.lookup
            .get(&(Context::Panes, Key::from_event(event)))
            .copied()
    }

    /// The action of a key pressed in a typing layer; `None` for a key
    /// that types (or does nothing there).
    pub fn typing_action(&self, layer: Layer, event: KeyEvent) -> Option<Action> {
        self.lookup
            .get(&(Context::Typing(layer), Key::from_event(event)))
            .copied()
    }

    pub fn keys(&self, action: Action) -> &[Key] {
        self.keys.get(&action).map_or(&[], Vec::as_slice)
    }

    /// "j/↓": the keys of an action as help and hints show them.
    pub fn label(&self, action: Action) -> String {
        let keys = self.keys(action);
        if keys.is_empty() {
            return "unbound".to_string();
        }
        keys.iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The status-bar hints for a pane: its own actions, then help and quit.
    pub fn hints(&self, pane: Pane) -> Vec<(String, &'static str)> {
        ACTIONS
            .iter()
            .filter(|i| matches!(i.scope, Scope::Panes(panes) if panes.contains(&pane)))
            .filter_map(|i| {
                let first = self.keys(i.action).first()?;
                Some((first.to_string(), i.hint))
            })
            .collect()
    }

    /// The hints of a typing layer: its keys that do more than edit the
    /// line, then Esc. Editing keys (Backspace, ctrl-w, ctrl-u) and going
    /// back through the formats are in help.
    pub fn layer_hints(&self, layer: Layer) -> Vec<(String, &'static str)> {
        let editing = [
            Action::DeleteChar,
            Action::DeleteWord,
            Action::ClearLine,
            Action::PrevFormat,
            Action::PickUp,
        ];
        let cancel = match layer {
            Layer::ActorQuery => "clear",
            Layer::Note => "save",
            _ => "cancel",
        };
        ACTIONS
            .iter()
            .filter(|i| matches!(i.scope, Scope::Typing(layers) if layers.contains(&layer)))
            .filter(|i| !editing.contains(&i.action))
            .map(|i| match (i.action, layer) {
                (Action::Confirm, Layer::Export) => (i.action, "write"),
                (Action::Confirm, Layer::Picker) => (i.action, "pick"),
                _ => (i.action, i.hint),
            })
            .chain([(Action::Cancel, cancel)])
            .filter_map(|(action, hint)| Some((self.keys(action).first()?.to_string(), hint)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_as_config_writes_them_and_match_terminal_events() {
        let shifted_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::parse("G").unwrap(), Key::from_event(shifted_g));
        let ctrl_o = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(Key::parse("ctrl-o").unwrap(), Key::from_event(ctrl_o));
        assert_eq!(
            Key::parse("shift-tab").unwrap(),
            Key::parse("backtab").unwrap()
        );
        assert_eq!(Key::parse("space").unwrap().code, KeyCode::Char(' '));
        assert!(Key::parse("hyper-x").unwrap_err().contains("unknown key"));
    }

    #[test]
    fn every_action_has_a_row_and_its_defaults_parse() {
        let keymap = Keymap::default();
        for info in ACTIONS {
            assert!(!keymap.keys(info.action).is_empty(), "{:?}", info.action);
        }
        assert_eq!(keymap.label(Action::Down), "j/↓");
    }

    #[test]
    fn a_user_binding_replaces_the_default_and_takes_the_key_from_another_action() {
        let mut user = BTreeMap::new();
        user.insert(Action::Next, vec![Key::parse("j").unwrap()]);
        let keymap = Keymap::new(&user);
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(keymap.action(j), Some(Action::Next));
        assert_eq!(keymap.label(Action::Down), "↓");
        assert_eq!(keymap.label(Action::Next), "j");
        let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE);
        assert_eq!(keymap.action(n), None);
    }

    #[test]
    fn a_key_of_the_panes_means_something_else_while_typing() {
        let keymap = Keymap::default();
        let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(keymap.action(ctrl_u), Some(Action::PageUp));
        assert_eq!(
            keymap.typing_action(Layer::Search, ctrl_u),
            Some(Action::ClearLine)
        );
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(keymap.typing_action(Layer::Search, j), None, "j types");
        let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            keymap.typing_action(Layer::Export, esc),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn the_dialog_hints_its_own_keys_from_the_table() {
        let mut user = BTreeMap::new();
        user.insert(Action::NextFormat, vec![Key::parse("ctrl-f").unwrap()]);
        let keymap = Keymap::new(&user);
        assert_eq!(
            keymap.layer_hints(Layer::Export),
            [
                ("Enter".to_string(), "write"),
                ("C-f".to_string(), "format"),
                ("Esc".to_string(), "cancel"),
            ]
        );
    }

    #[test]
    fn hints_follow_the_focused_pane() {
        let keymap = Keymap::default();
        let actors: Vec<_> = keymap
            .hints(Pane::Actors)
            .into_iter()
            .map(|(_, h)| h)
            .collect();
        assert!(actors.contains(&"filter"), "{actors:?}");
        assert!(!actors.contains(&"mark"), "{actors:?}");
    }
}
