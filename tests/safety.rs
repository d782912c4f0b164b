//! What whosaid promises about hostile input (README, "Safety"): no escape
//! sequence from an article or a file name reaches the terminal — through
//! any export format, an error message, the reader's screen or its
//! clipboard — while the offsets still index the text as read; input is
//! read in bounded chunks; output that cannot be written is an error.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;
use whosaid::analysis::{Analysis, Lexicon, analyze};
use whosaid::config::Config;
use whosaid::document::Document;
use whosaid::export::{FormatSpec, Request};
use whosaid::safe_text::HOSTILE;

fn whosaid() -> Command {
    let mut cmd = cargo_bin_cmd!("whosaid");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .env_remove("HOME");
    cmd
}

/// Where `bytes` hold something a terminal would act on: a C0 control
/// other than tab, line feed and a CR before a line feed; DEL; a C1
/// control (0xC2 0x80..=0x9F in UTF-8). Empty when there is none.
fn controls_in(bytes: &[u8]) -> Vec<usize> {
    (0..bytes.len())
        .filter(|&i| match bytes[i] {
            b'\t' | b'\n' => false,
            b'\r' => bytes.get(i + 1) != Some(&b'\n'),
            0..=0x1f | 0x7f => true,
            0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
            _ => false,
        })
        .collect()
}

fn assert_clean(what: &str, seq: &str, bytes: &[u8]) {
    let found = controls_in(bytes);
    assert!(
        found.is_empty(),
        "{what} of an article holding {seq:?} has control bytes at {found:?}:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

/// An article with `seq` inside a quotation, a speaker's name, a cue's
/// sentence and a hedged indirect claim.
fn hostile_article(seq: &str) -> String {
    format!(
        "Quiet vote{seq} in the valley\n\n\
         Ana Velo{seq} said: “We will {seq}win the vote.”\n\n\
         The minister told reporters that the plan{seq} would probably fail.\n\n\
         “It is over{seq},” Piet Marlow said.\n"
    )
}

#[test]
fn every_hostile_sequence_is_harmless_in_every_export_format() {
    let config = Config::defaults();
    for seq in HOSTILE {
        let text = hostile_article(seq);
        let doc = Document::from_text(format!("news{seq}.txt"), text.clone());
        let analysis = analyze(&doc, &Lexicon::new(&config.analysis_options()));
        let all: Vec<usize> = (0..analysis.claims.len()).collect();
        let actors: Vec<usize> = (0..analysis.actors.len()).collect();
        assert!(
            analysis
                .claims
                .iter()
                .any(|c| c.span.of(&doc.text).contains(seq)),
            "the sequence {seq:?} is inside a claim, so the test means something"
        );
        // Every format of the registry, so a new one is checked too.
        for format in whosaid::export::FORMATS {
            let out = format.render(&Request::new(&doc, &analysis, &all, &actors));
            assert_clean(format.name, seq, out.as_bytes());
        }
        // A note the user pasted the sequence into is as harmless.
        let note = whosaid::corrected::Annotation {
            marked: true,
            note: Some(format!("see {seq} here")),
            by_user: true,
            dismissed: false,
        };
        let user = vec![note; analysis.claims.len()];
        for format in whosaid::export::FORMATS {
            let request = Request::new(&doc, &analysis, &all, &actors).with_user(&user);
            let out = format.render(&request);
            assert_clean(format.name, seq, out.as_bytes());
        }
        // JSON keeps the text exact: the claim's words, sliced in code points.
        let export: Value = serde_json::from_str(
            &FormatSpec::named("json")
                .unwrap()
                .render(&Request::new(&doc, &analysis, &all, &actors)),
        )
        .expect("the JSON export is JSON");
        let chars: Vec<char> = text.chars().collect();
        for claim in export["claims"].as_array().unwrap() {
            let (start, end) = (
                claim["start"].as_u64().unwrap() as usize,
                claim["end"].as_u64().unwrap() as usize,
            );
            let words: String = chars[start..end].iter().collect();
            assert_eq!(claim["text"], words.as_str());
        }
    }
}

/// The reader's screen and clipboard (only when it is built in).
#[cfg(feature = "reader")]
mod reader {
    use base64::Engine;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use whosaid::tui::App;
    use whosaid::tui::app::Effect;
    use whosaid::tui::keymap::Key;
    use whosaid::tui::settings::Settings;
    use whosaid::tui::theme::Theme;

    use super::*;

    /// Presses keys written as config.toml writes them, separated by spaces.
    fn press(app: &mut App, keys: &str) {
        for key in keys.split_whitespace() {
            let key = Key::parse(key).expect("test keys parse");
            app.handle_key(crossterm::event::KeyEvent::new(key.code, key.mods));
        }
    }

    /// The reader drawn into a buffer, every cell's symbol as bytes.
    fn drawn(app: &App) -> (Vec<u8>, String) {
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
        terminal
            .draw(|frame| whosaid::tui::view::draw(app, frame))
            .unwrap();
        let buffer = terminal.backend().buffer();
        let bytes = buffer
            .content()
            .iter()
            .flat_map(|cell| cell.symbol().as_bytes().to_vec())
            .collect();
        (bytes, terminal.backend().to_string())
    }

    #[test]
    fn the_reader_shows_and_copies_hostile_text_safely() {
        let config = Config::defaults();
        for seq in HOSTILE {
            let doc = Document::from_text(format!("news{seq}.txt"), hostile_article(seq));
            let analysis: Analysis = analyze(&doc, &Lexicon::new(&config.analysis_options()));
            let claims = analysis.claims.len();
            let settings = Settings::defaults();
            let mut app = App::new(doc, analysis, &settings, Theme::monochrome(), (100, 30));
            let (screen, text) = drawn(&app);
            assert_clean("the reader's screen", seq, &screen);
            if seq.starts_with('\x1b') {
                assert!(
                    text.contains('␛'),
                    "the status bar shows the file name's ESC as ␛:\n{text}"
                );
            }
            for _ in 0..claims {
                press(&mut app, "n y");
                let (screen, _) = drawn(&app);
                assert_clean("the reader's screen on a claim", seq, &screen);
                press(&mut app, "i");
                let (screen, _) = drawn(&app);
                assert_clean("the claim's detail view", seq, &screen);
                press(&mut app, "esc");
                for effect in app.take_effects() {
                    let Effect::Copy(quote) = effect else {
                        continue;
                    };
                    let mut written = Vec::new();
                    whosaid::tui::copy_osc52(&mut written, &quote).unwrap();
                    let payload = written
                        .strip_prefix(b"\x1b]52;c;")
                        .and_then(|rest| rest.split(|&b| b == 0x07).next())
                        .expect("an OSC 52 sequence");
                    let pasted = base64::engine::general_purpose::STANDARD
                        .decode(payload)
                        .unwrap();
                    assert_clean("the clipboard", seq, &pasted);
                }
            }
        }
    }
}

#[test]
fn a_file_name_with_escapes_is_shown_safely_in_errors_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let name = "\x1b]2;pwned\x07\u{9b}31m.txt";
    let missing = dir.path().join(name);
    let out = whosaid().arg("export").arg(&missing).assert().code(2);
    let stderr = &out.get_output().stderr;
    assert_clean("the error for a missing file", name, stderr);
    assert!(String::from_utf8_lossy(stderr).contains("␛]2;pwned␇"));

    std::fs::write(&missing, hostile_article("")).unwrap();
    for format in ["markdown", "csv", "json", "w3c"] {
        let out = whosaid()
            .args(["export", "--format", format])
            .arg(&missing)
            .assert()
            .success();
        assert_clean(format, name, &out.get_output().stdout);
    }
    // An --actor name that calls nobody is echoed in a warning.
    let out = whosaid()
        .args(["export", "--actor", "\x1bc\x1b#8"])
        .arg(&missing)
        .assert()
        .success();
    assert_clean("the warning", "ESC c", &out.get_output().stderr);
    // So is an argument clap does not know.
    let out = whosaid().arg("--\x1b]2;x\x07").assert().code(2);
    assert_clean("a usage error", "OSC", &out.get_output().stderr);
}

// --- reading: bounded, fast to refuse what is not text ---

#[test]
fn random_bytes_are_refused_at_once() {
    let out = whosaid()
        .args(["export", "/dev/urandom"])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with("whosaid: /dev/urandom: ") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn an_endless_input_stops_at_the_size_cap() {
    let out = whosaid()
        .args(["--max-size", "1M", "export", "/dev/zero"])
        .timeout(Duration::from_secs(10))
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("binary"));
    let out = whosaid()
        .args(["export", "--max-size", "1K", "-"])
        .write_stdin("word ".repeat(300))
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with("whosaid: <stdin>: is larger than") && stderr.contains("--max-size"),
        "{stderr}"
    );
    whosaid()
        .args(["export", "--max-size", "2K", "-"])
        .write_stdin("word ".repeat(300))
        .assert()
        .success();
}

#[test]
fn the_size_cap_cannot_pass_what_the_analysis_can_index() {
    let out = whosaid()
        .args(["export", "--max-size", "4G", "-"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("4G less one byte"));
}

#[test]
fn a_nul_byte_past_the_first_8_kib_is_binary_too() {
    let mut bytes = "Plain words here. ".repeat(1000).into_bytes();
    bytes.extend_from_slice(b"\0\x1b]2;x\x07 more words.");
    let out = whosaid()
        .args(["export", "--format", "csv", "-"])
        .write_stdin(bytes)
        .assert()
        .code(2)
        .stdout("");
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr).contains("NUL byte at byte 18000"),
        "{:?}",
        out.get_output()
    );
}

#[test]
fn utf32_is_named_utf32() {
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    for c in "Hello.".chars() {
        bytes.extend_from_slice(&(c as u32).to_le_bytes());
    }
    let out = whosaid()
        .args(["export", "-"])
        .write_stdin(bytes)
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("is UTF-32 text"));
}

// --- output that cannot be written ---

fn sh(script: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_whosaid"))
        .env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .output()
        .unwrap()
}

#[test]
fn a_closed_or_full_standard_output_is_an_error() {
    for script in [
        r#""$0" export >&-"#,
        r#""$0" --print-config >&-"#,
        r#""$0" export >/dev/full"#,
        r#""$0" --help >/dev/full"#,
        r#""$0" --version >/dev/full"#,
    ] {
        let out = sh(script);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{script}: {stderr}");
        assert!(
            stderr.starts_with("whosaid: cannot write to standard output"),
            "{script}: {stderr}"
        );
    }
}

/// `subprocess.DEVNULL`, nohup and service managers give /dev/null opened
/// read-write: that is an open output whose words are thrown away, not a
/// closed one.
#[test]
fn dev_null_opened_read_write_is_an_open_output() {
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("export")
        .env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
        .stdout(null)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_pipe_is_never_replaced_by_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("claims.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = whosaid()
        .args(["export", "--force", "-o"])
        .arg(&fifo)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("is not a regular file"), "{stderr}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_replaced_export_keeps_its_mode_and_leftovers_are_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims.md");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let leftover = dir.path().join(".claims.md.12345.tmp");
    std::fs::write(&leftover, "not whosaid's").unwrap();
    whosaid()
        .args(["export", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("# "));
    assert_eq!(std::fs::read_to_string(&leftover).unwrap(), "not whosaid's");
    assert!(Path::new(&leftover).exists());
}

/// The temporary files an export to `out.jsonl` leaves in `dir`.
fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out.jsonl.") && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn an_export_ended_by_a_signal_mid_write_leaves_no_temporary_file() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    for (signal, number) in [(libc::SIGTERM, 15), (libc::SIGINT, 2), (libc::SIGHUP, 1)] {
        let dir = tempfile::tempdir().unwrap();
        // A corpus on a pipe that stays open: whosaid writes the first
        // article's line and waits for more, its export half done.
        let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
            .args(["--no-library", "export", "--input", "jsonl", "-", "-o"])
            .arg(dir.path().join("out.jsonl"))
            .env("XDG_CONFIG_HOME", "/nonexistent/whosaid-tests")
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut input = child.stdin.take().unwrap();
        writeln!(
            input,
            r#"{{"id": 1, "text": "Jane Roe said the bridge would open."}}"#
        )
        .unwrap();
        input.flush().unwrap();
        let started = std::time::Instant::now();
        while temporaries(dir.path()).is_empty() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the export never began"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        // (Give it time to write the first line into the temporary file.)
        std::thread::sleep(Duration::from_millis(200));
        unsafe { libc::kill(child.id() as i32, signal) };
        let status = child.wait().unwrap();
        drop(input);
        assert_eq!(status.code(), Some(128 + number), "signal {number}");
        assert!(
            temporaries(dir.path()).is_empty(),
            "signal {number} left {:?}",
            temporaries(dir.path())
        );
        assert!(
            !dir.path().join("out.jsonl").exists(),
            "a half-written export never appears"
        );
    }
}
