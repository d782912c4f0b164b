//! The reader end to end: the real binary in a detached tmux session of a
//! fixed size, driven with `tmux send-keys` and read with `capture-pane`, as
//! a user at a terminal would see it. `.ci/run` installs tmux.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A tmux server of our own (its own socket), killed when dropped.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(name: &str, cwd: &Path, command: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("whosaid-e2e-{}-{name}", std::process::id()),
        };
        let out = tmux.run(
            &[
                "new-session",
                "-d",
                "-s",
                "e2e",
                "-x",
                "100",
                "-y",
                "30",
                "-c",
            ],
            &[cwd.to_str().unwrap(), command],
        );
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux
    }

    fn run(&self, args: &[&str], more: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .args(more)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs (install it: apt-get install tmux)")
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend(keys);
        assert!(self.run(&args, &[]).status.success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"], &[]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows what `ready` looks for; fails with the screen after 10 s.
    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(text, |s| s.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"], &[]);
    }
}

/// The last line with something on it: the reader's status bar.
fn status_bar(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

fn bundled_article() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/us-mexico-cartels.txt")
}

/// The shell line for the session: the reader (its library in the session's
/// folder, never the user's), then its exit status, then a pause so the pane
/// stays to be read.
fn reader_command(args: &str) -> String {
    format!(
        "{} --library library.sqlite {args}; echo EXIT=$?; sleep 30",
        env!("CARGO_BIN_EXE_whosaid")
    )
}

#[test]
fn a_reader_session_from_first_claim_to_export_and_quit() {
    let dir = tempfile::tempdir().unwrap();
    let article = bundled_article();
    let tmux = Tmux::start(
        "session",
        dir.path(),
        &reader_command(&format!("'{}'", article.display())),
    );

    // The status bar is drawn last: once it is there, so is the rest.
    let screen = tmux.wait_for("the three panes, analysed", |s| {
        s.contains("Claims")
            && s.contains("Actors")
            && status_bar(s).contains("? help")
            && !s.contains("analysing")
    });
    assert!(
        screen.contains("The Trump administration"),
        "the article is shown:\n{screen}"
    );
    assert!(
        screen.contains("? help"),
        "key hints in the status bar:\n{screen}"
    );

    // n: the first claim is selected and counted.
    tmux.keys(&["n"]);
    tmux.wait_for("the first claim selected", |s| s.contains("Claims 1/"));

    // s: to the claim's source; the status bar names it.
    tmux.keys(&["s"]);
    tmux.wait_for_text("source:");

    // f: filter by that source.
    tmux.keys(&["f"]);
    tmux.wait_for_text("filter:");

    // e, Enter: export the shown claims as Markdown under the default name.
    tmux.keys(&["e"]);
    tmux.wait_for_text("us-mexico-cartels-claims.md");
    tmux.keys(&["Enter"]);
    tmux.wait_for_text("exported");
    let exported = dir.path().join("us-mexico-cartels-claims.md");
    let markdown =
        std::fs::read_to_string(&exported).expect("the export is written in the working directory");
    assert!(
        markdown.contains("> "),
        "claims as block quotes:\n{markdown}"
    );

    // Again: the file exists, so the dialog asks; n keeps it.
    std::fs::write(&exported, "mine").unwrap();
    tmux.keys(&["e"]);
    tmux.wait_for_text("us-mexico-cartels-claims.md");
    tmux.keys(&["Enter"]);
    tmux.wait_for_text("Replace it? y/n");
    tmux.keys(&["n", "Escape"]);
    tmux.wait_for("the dialog closed", |s| {
        !s.contains("Replace it?") && !s.contains("Format")
    });
    assert_eq!(std::fs::read_to_string(&exported).unwrap(), "mine");

    // q: the reader exits 0 and the terminal is back to the shell's screen.
    tmux.keys(&["q"]);
    let screen = tmux.wait_for_text("EXIT=0");
    assert!(
        !screen.contains("Claims") && !screen.contains("Actors"),
        "the alternate screen was left:\n{screen}"
    );
}

#[test]
fn help_shows_the_keys_and_a_tiny_terminal_does_not_crash_it() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start("help", dir.path(), &reader_command(""));
    tmux.wait_for("the reader", |s| status_bar(s).contains("? help"));
    tmux.keys(&["?"]);
    tmux.wait_for_text("go back in the jump list");
    tmux.keys(&["Escape"]);
    tmux.wait_for("help closed", |s| !s.contains("jump list"));
    // Shrink to a tiny window and back: the reader redraws and keeps going.
    tmux.run(&["resize-window", "-t", "e2e", "-x", "20", "-y", "6"], &[]);
    tmux.wait_for("the tiny layout", |s| {
        s.lines().next().is_some_and(|l| l.chars().count() <= 20)
    });
    tmux.run(
        &["resize-window", "-t", "e2e", "-x", "100", "-y", "30"],
        &[],
    );
    tmux.wait_for_text("Actors");
    tmux.keys(&["C-c"]);
    tmux.wait_for_text("EXIT=0");
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::start(
        "term",
        dir.path(),
        &format!(
            "{} --no-library & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo EXIT=$?; sleep 30",
            env!("CARGO_BIN_EXE_whosaid")
        ),
    );
    let _ = &tmux;
    let screen = tmux.wait_for_text("EXIT=");
    assert!(screen.contains("EXIT=143"), "128 + SIGTERM: {screen}");
    assert!(
        !screen.contains("Claims"),
        "the alternate screen was left:\n{screen}"
    );
}

#[test]
fn the_reader_keeps_the_article_it_opens_in_the_library() {
    let dir = tempfile::tempdir().unwrap();
    let article = bundled_article();
    let tmux = Tmux::start(
        "library",
        dir.path(),
        &reader_command(&format!("'{}'", article.display())),
    );
    tmux.wait_for("the three panes, analysed", |s| {
        s.contains("Actors") && status_bar(s).contains("? help") && !s.contains("analysing")
    });
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT=0");
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--library", "library.sqlite", "library", "--json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the list is JSON");
    let articles = list["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1, "{list}");
    assert_eq!(articles[0]["source"], article.display().to_string());
    assert!(articles[0]["last_opened_at"].is_string(), "{list}");
    assert!(
        articles[0]["claims"].as_u64().is_some_and(|n| n > 0),
        "its analysis is kept too: {list}"
    );
}

/// tmux's view of the pane's terminal modes: alternate screen, cursor shown,
/// mouse reporting.
fn pane_modes(tmux: &Tmux) -> String {
    let out = tmux.run(
        &[
            "display-message",
            "-p",
            "-t",
            "e2e",
            "alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}",
        ],
        &[],
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn every_signal_that_ends_the_reader_restores_the_terminal() {
    for (signal, number) in [("QUIT", 3), ("USR1", 10), ("USR2", 12), ("ALRM", 14)] {
        let dir = tempfile::tempdir().unwrap();
        let tmux = Tmux::start(
            &format!("signal-{signal}"),
            dir.path(),
            &format!(
                "{} --no-library & echo $! > pid; wait $!; echo EXIT=$?; sleep 30",
                env!("CARGO_BIN_EXE_whosaid")
            ),
        );
        tmux.wait_for("the reader", |s| status_bar(s).contains("? help"));
        assert_eq!(
            pane_modes(&tmux),
            "alt=1 cursor=0 mouse=1",
            "the reader's modes are on before SIG{signal}"
        );
        let pid = std::fs::read_to_string(dir.path().join("pid")).unwrap();
        // The shell's own kill: a fresh machine may have no kill program.
        let killed = Command::new("sh")
            .args(["-c", &format!("kill -s {signal} {}", pid.trim())])
            .status()
            .unwrap();
        assert!(killed.success());
        let screen = tmux.wait_for_text("EXIT=");
        assert!(
            screen.contains(&format!("EXIT={}", 128 + number)),
            "128 + SIG{signal}: {screen}"
        );
        assert_eq!(
            pane_modes(&tmux),
            "alt=0 cursor=1 mouse=0",
            "SIG{signal} left the terminal as it found it:\n{screen}"
        );
    }
}

#[test]
fn two_articles_open_a_list_enter_reads_one_and_bracket_the_next() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("harbour.txt"),
        "Harbour plans stall again\n\nThe mayor said the harbour “will wait another year.”\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("orchard.txt"),
        "Orchard fair draws a crowd\n\nThe fair opened on Sunday. The mayor said the fair “will come back next year.”\n",
    )
    .unwrap();
    let tmux = Tmux::start(
        "list",
        dir.path(),
        &reader_command("harbour.txt orchard.txt"),
    );

    // The list first, both articles, each counted once analysed.
    let screen = tmux.wait_for("the list of both, analysed", |s| {
        s.contains("Articles · 2 of 2") && !s.contains("analysing")
    });
    assert!(screen.contains("Harbour plans stall again"), "{screen}");
    assert!(screen.contains("Orchard fair draws a crowd"), "{screen}");

    // Enter: the reader on the first; `]`: the next one.
    tmux.keys(&["Enter"]);
    tmux.wait_for("the reader on the first", |s| {
        s.contains("will wait another year") && s.contains("article 1 of 2")
    });
    tmux.keys(&["]"]);
    tmux.wait_for("the reader on the second", |s| {
        s.contains("The fair opened on Sunday") && s.contains("article 2 of 2")
    });

    // The mayor speaks in both: the actors pane says so, L lists what the
    // mayor said in the other, Enter reads it there.
    tmux.keys(&["3"]);
    tmux.wait_for_text("in 1 other article");
    tmux.keys(&["L"]);
    tmux.wait_for("the mayor's claims elsewhere", |s| {
        s.contains("in other articles") && s.contains("Harbour plans stall again")
    });
    tmux.keys(&["Enter"]);
    tmux.wait_for("the reader on the first again", |s| {
        s.contains("will wait another year") && !s.contains("in other articles")
    });

    // Backspace: back to the list; q quits with 0.
    tmux.keys(&["BSpace"]);
    tmux.wait_for_text("Articles · 2 of 2");
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT=0");
}

#[test]
fn marks_notes_and_corrections_last_in_the_library_and_export_marked_carries_them() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::copy(bundled_article(), &article).unwrap();
    // (The session's library is library.sqlite in its folder.)
    let library = dir.path().join("library.sqlite");
    let args = format!("'{}'", article.display());
    let tmux = Tmux::start("marks", dir.path(), &reader_command(&args));
    tmux.wait_for("the analysis", |s| {
        s.contains("Claims") && status_bar(s).contains("? help") && !s.contains("analysing")
    });

    // n, m: the first claim marked; a: a note, saved with ctrl-s.
    tmux.keys(&["n"]);
    tmux.wait_for("the first claim selected", |s| s.contains("Claims 1/"));
    tmux.keys(&["m"]);
    tmux.wait_for_text("1 marked");
    tmux.keys(&["a"]);
    tmux.wait_for_text("Note");
    tmux.keys(&["-l", "check this"]);
    tmux.keys(&["C-s"]);
    tmux.wait_for_text("note saved");
    // c: another source, picked by name.
    tmux.keys(&["c"]);
    tmux.wait_for_text("Source of the claim");
    tmux.keys(&["-l", "analysts"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for_text("source: analysts");
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT=0");

    // The export of the marked claims holds exactly that claim, as corrected.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args([
            "--library",
            library.to_str().unwrap(),
            "export",
            "--marked",
            "--format",
            "json",
        ])
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = json["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 1, "{json:#}");
    let claim = &claims[0];
    assert_eq!(claim["marked"], true);
    assert_eq!(claim["note"], "check this");
    assert_eq!(claim["by"], "user");
    let actor = claim["source"]["actor"].as_str().unwrap();
    let named = json["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == actor)
        .unwrap();
    assert_eq!(named["name"], "analysts");

    // Reopened: the mark and the note are there, on the claim left selected.
    drop(tmux);
    let tmux = Tmux::start("reopen", dir.path(), &reader_command(&args));
    tmux.wait_for("the mark, restored", |s| {
        status_bar(s).contains("1 marked") && !s.contains("analysing")
    });
    tmux.keys(&["i"]);
    tmux.wait_for_text("check this");
    // (Esc and q apart: sent together, a terminal reads them as alt-q.)
    tmux.keys(&["Escape"]);
    tmux.wait_for("the detail view closed", |s| !s.contains("found by"));
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT=0");
}

#[test]
fn a_feed_lists_its_items_and_enter_reads_one() {
    let dir = tempfile::tempdir().unwrap();
    // One item carries its whole article; the other only links to a page
    // on a port where nothing answers.
    let story =
        "<p>The ferry operator said the boats would run every hour from Monday.</p>".repeat(20);
    let feed = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Lakeside Courier</title><link>http://127.0.0.1:9/</link><description>News</description>
<item><title>Ferry timetable changes for summer</title><link>http://127.0.0.1:9/ferry</link>
<pubDate>Thu, 13 Mar 2025 17:00:00 GMT</pubDate><content:encoded><![CDATA[{story}]]></content:encoded></item>
<item><title>Council backs harbour repairs</title><link>http://127.0.0.1:9/harbour</link>
<pubDate>Fri, 14 Mar 2025 08:30:00 GMT</pubDate></item>
</channel></rss>"#
    );
    std::fs::write(dir.path().join("feed.xml"), feed).unwrap();
    let tmux = Tmux::start("feed", dir.path(), &reader_command("feed.xml"));

    let screen = tmux.wait_for("the feed's items", |s| s.contains("Articles · 2 of 2"));
    assert!(
        screen.contains("Ferry timetable changes for summer"),
        "{screen}"
    );
    assert!(screen.contains("not read"), "{screen}");
    assert!(screen.contains("2025-03-13"), "{screen}");

    // The second cannot be had: the list says why and stays.
    tmux.keys(&["j", "Enter"]);
    tmux.wait_for("the fetch refused", |s| {
        status_bar(s).contains("127.0.0.1:9/harbour") && !status_bar(s).contains("fetching")
    });
    // The first is read from the feed itself.
    tmux.keys(&["k", "Enter"]);
    tmux.wait_for("the reader on the first item", |s| {
        s.contains("boats would run every hour") && s.contains("article 1 of 2")
    });
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT=0");
}

#[test]
fn a_file_named_twice_is_one_row_and_one_that_cannot_be_read_is_told_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("news")).unwrap();
    std::fs::write(
        dir.path().join("news/harbour.txt"),
        "Harbour plans stall again\n\nThe mayor said the harbour “will wait another year.”\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("news/broken.txt"), b"\x00\x01 not text").unwrap();
    // The harbour twice (by name and in its folder) is one article, so it
    // opens straight in the reader; the broken file is told there.
    let tmux = Tmux::start(
        "unread",
        dir.path(),
        &reader_command("news/harbour.txt news"),
    );
    let screen = tmux.wait_for_text("will wait another year");
    assert!(
        status_bar(&screen).contains("not read: news/broken.txt"),
        "{screen}"
    );
    assert!(!screen.contains("Articles ·"), "no list of one: {screen}");
    tmux.keys(&["q"]);
    tmux.wait_for_text("EXIT=0");
}
