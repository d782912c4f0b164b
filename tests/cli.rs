//! `whosaid export` end to end, as a user runs it: formats, filters, output
//! files, standard input, bad input and bad config.
//!
//! Tests marked "needs the analysis" expect claims from real sentences in
//! `tests/fixtures/` and fail while the analysis finds nothing.

mod command;

use std::path::Path;

use command::{fixture, whosaid};
use predicates::prelude::*;
use serde_json::Value;

const BUNDLED: &str = include_str!("../assets/us-mexico-cartels.txt");

/// Runs `whosaid export ARGS`, expects success, and parses the JSON.
fn export_json(args: &[&str]) -> Value {
    let out = whosaid().arg("export").args(args).assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("export prints JSON")
}

fn claims(export: &Value) -> &Vec<Value> {
    export["claims"].as_array().expect("claims is a list")
}

/// `text[start:end]` in code points, as Python slices, after checking that
/// the range lies in the text.
fn slice(chars: &[char], span: &Value) -> String {
    let start = span["start"].as_u64().expect("start") as usize;
    let end = span["end"].as_u64().expect("end") as usize;
    assert!(
        start <= end && end <= chars.len(),
        "span {start}..{end} out of range 0..{}: {span}",
        chars.len()
    );
    chars[start..end].iter().collect()
}

/// Checks every span of an export against the article text; returns how
/// many it checked.
fn check_offsets(text: &str, export: &Value) -> usize {
    let chars: Vec<char> = text
        .strip_prefix('\u{FEFF}')
        .unwrap_or(text)
        .chars()
        .collect();
    assert_eq!(
        export["document"]["chars"],
        chars.len(),
        "chars counts code points"
    );
    let mut checked = 0;
    let mut check = |span: &Value| {
        if span.is_null() {
            return;
        }
        assert_eq!(
            slice(&chars, span),
            span["text"].as_str().unwrap(),
            "{span}"
        );
        checked += 1;
    };
    for claim in claims(export) {
        check(claim);
        check(&claim["source"]);
        check(&claim["cue"]);
        claim["hedges"]
            .as_array()
            .unwrap()
            .iter()
            .for_each(&mut check);
        for range in claim["quotes"].as_array().unwrap() {
            slice(&chars, range);
        }
        let sentence = slice(&chars, &claim["sentence"]);
        let text = claim["text"].as_str().unwrap();
        assert!(
            sentence.contains(text),
            "claim {text:?} outside its sentence {sentence:?}"
        );
    }
    for actor in export["actors"].as_array().unwrap() {
        actor["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .for_each(&mut check);
    }
    export["figures"]
        .as_array()
        .unwrap()
        .iter()
        .for_each(&mut check);
    checked
}

// --- the JSON contract ---

#[test]
fn export_prints_the_bundled_articles_analysis_as_whosaid_1_json() {
    let export = export_json(&[]);
    assert_eq!(export["schema"], "whosaid/1");
    assert_eq!(export["document"]["path"], "assets/us-mexico-cartels.txt");
    assert!(
        export["document"]["title"]
            .as_str()
            .is_some_and(|t| !t.is_empty())
    );
    for list in ["actors", "claims", "figures"] {
        assert!(export[list].is_array(), "{list} is a list");
    }
    for claim in claims(&export) {
        for field in [
            "id", "kind", "start", "end", "text", "quotes", "source", "cue", "sentence", "hedges",
        ] {
            assert!(claim.get(field).is_some(), "claim without {field}: {claim}");
        }
    }
}

#[test]
fn offsets_round_trip_on_the_bundled_article() {
    check_offsets(BUNDLED, &export_json(&[]));
}

/// Needs the analysis: the fixture's attributions must be found.
#[test]
fn offsets_round_trip_on_accents_curly_quotes_and_emoji() {
    let path = fixture("accents-emoji.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let export = export_json(&[path.to_str().unwrap()]);
    let checked = check_offsets(&text, &export);
    assert!(
        !claims(&export).is_empty(),
        "no claim found in {text:?}; checked {checked} spans"
    );
}

// --- the fixture's claims (need the analysis) ---

fn sheinbaum() -> Value {
    export_json(&[fixture("sheinbaum.txt").to_str().unwrap()])
}

fn actor_named<'a>(export: &'a Value, name: &str) -> &'a Value {
    export["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("no actor {name} in {:#}", export["actors"]))
}

/// Needs the analysis.
#[test]
fn a_reported_statement_is_an_indirect_claim_by_the_named_actor() {
    let export = sheinbaum();
    let actor = actor_named(&export, "Claudia Sheinbaum");
    assert_eq!(actor["role"], "Mexican President");
    let claim = claims(&export)
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .contains("would never accept foreign troops")
        })
        .expect("the indirect claim");
    assert_eq!(claim["kind"], "indirect");
    assert_eq!(claim["source"]["actor"], actor["id"]);
    assert_eq!(claim["cue"]["text"], "said");
    check_offsets(
        &std::fs::read_to_string(fixture("sheinbaum.txt")).unwrap(),
        &export,
    );
}

/// Needs the analysis.
#[test]
fn actor_filter_matches_an_alias_in_any_case() {
    let all = sheinbaum();
    let id = actor_named(&all, "Claudia Sheinbaum")["id"].clone();
    let export = export_json(&[
        "--actor",
        "SHEINBAUM",
        fixture("sheinbaum.txt").to_str().unwrap(),
    ]);
    let kept = claims(&export);
    assert!(kept.len() >= 2, "her two claims: {kept:#?}");
    assert!(kept.iter().all(|c| c["source"]["actor"] == id), "{kept:#?}");
    assert!(
        claims(&all).len() > kept.len(),
        "the other actor's claim is left out"
    );
    // Two names are OR-ed.
    let both = export_json(&[
        "--actor",
        "sheinbaum",
        "--actor",
        "marco rubio",
        fixture("sheinbaum.txt").to_str().unwrap(),
    ]);
    assert!(claims(&both).len() > kept.len());
}

/// Needs the analysis.
#[test]
fn kind_filter_keeps_only_that_kind() {
    let path = fixture("sheinbaum.txt");
    let direct = export_json(&["--kind", "direct", path.to_str().unwrap()]);
    assert!(!claims(&direct).is_empty());
    assert!(claims(&direct).iter().all(|c| c["kind"] == "direct"));
    let indirect = export_json(&[
        "--kind",
        "indirect",
        "--kind",
        "mixed",
        path.to_str().unwrap(),
    ]);
    assert!(!claims(&indirect).is_empty());
    assert!(claims(&indirect).iter().all(|c| c["kind"] != "direct"));
}

/// Needs the analysis.
#[test]
fn markdown_groups_claims_under_the_actor_and_role() {
    let out = whosaid()
        .args(["export", "--format", "markdown"])
        .arg(fixture("sheinbaum.txt"))
        .assert()
        .success();
    let md = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        md.starts_with("# Sheinbaum rejects any foreign intervention\n"),
        "{md}"
    );
    assert!(
        md.contains("\n## Claudia Sheinbaum — Mexican President\n"),
        "{md}"
    );
    assert!(
        md.contains("> “We cooperate, but we do not subordinate ourselves"),
        "{md}"
    );
}

#[test]
fn an_actor_name_that_calls_nobody_is_a_warning_not_an_error() {
    whosaid()
        .args(["export", "--actor", "Nobody Atall"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "whosaid: warning: no actor in assets/us-mexico-cartels.txt is called \"Nobody Atall\"",
        ))
        .stdout(predicate::str::contains("\"claims\": []"));
}

#[test]
fn an_unknown_kind_or_format_is_a_usage_error() {
    whosaid()
        .args(["export", "--kind", "rumour"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: direct, indirect, mixed",
        ));
    whosaid()
        .args(["export", "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("json, markdown, csv, w3c, jsonl"));
}

// --- the other formats ---

#[test]
fn every_format_exports_the_bundled_article() {
    let run = |format: &str| {
        let out = whosaid()
            .args(["export", "--format", format])
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let md = run("markdown");
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("assets/us-mexico-cartels.txt"), "{md}");
    let csv = run("csv");
    assert_eq!(
        csv.lines().next(),
        Some("id,kind,start,end,text,source_actor,source_text,cue,hedges,marked,note,by")
    );
    let n = claims(&export_json(&[])).len();
    assert_eq!(
        csv.lines().count(),
        n + 1,
        "a row per claim (no claim text has a newline here)"
    );
    let w3c: Value = serde_json::from_str(&run("w3c")).unwrap();
    assert_eq!(w3c["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["total"], n);
    let items = w3c["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), n);
    let chars: Vec<char> = BUNDLED.chars().collect();
    for item in items {
        let selector = &item["target"]["selector"];
        let exact = slice(&chars, &selector[0]);
        assert_eq!(selector[1]["exact"], exact.as_str());
    }
}

// --- output files ---

#[test]
fn output_file_is_never_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("claims.json");
    whosaid()
        .args(["export", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let first: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(first["schema"], "whosaid/1");

    std::fs::write(&path, "my notes").unwrap();
    whosaid()
        .args(["export", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes");

    whosaid()
        .args(["export", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("whosaid/1")
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn the_output_files_extension_picks_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("notes.md");
    whosaid().args(["export", "-o"]).arg(&md).assert().success();
    assert!(std::fs::read_to_string(&md).unwrap().starts_with("# "));
    // An explicit --format wins over the extension.
    let md_name = dir.path().join("claims.md");
    whosaid()
        .args(["export", "--format", "csv", "-o"])
        .arg(&md_name)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&md_name)
            .unwrap()
            .starts_with("id,kind,")
    );
}

#[test]
fn an_output_file_in_a_missing_folder_is_an_error_naming_it() {
    whosaid()
        .args(["export", "-o", "/nonexistent/folder/claims.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "whosaid: /nonexistent/folder/claims.json: cannot write the export",
        ));
}

#[test]
fn force_without_an_output_file_is_a_usage_error() {
    whosaid().args(["export", "--force"]).assert().code(2);
}

// --- standard input ---

#[test]
fn a_dash_reads_the_article_from_standard_input() {
    let text = "Héllo “world” 🚀\nSome text.\n";
    let out = whosaid()
        .args(["export", "-"])
        .write_stdin(text)
        .assert()
        .success();
    let export: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(export["document"]["path"], "-");
    assert_eq!(export["document"]["title"], "Héllo “world” 🚀");
    check_offsets(text, &export);
}

#[test]
fn an_empty_article_is_an_empty_analysis() {
    let export = {
        let out = whosaid()
            .args(["export", "-"])
            .write_stdin("")
            .assert()
            .success();
        serde_json::from_slice::<Value>(&out.get_output().stdout).unwrap()
    };
    assert_eq!(export["document"]["chars"], 0);
    assert_eq!(export["claims"], serde_json::json!([]));
    assert_eq!(export["actors"], serde_json::json!([]));
}

// --- bad input: one line on stderr, exit code 2 ---

/// Runs export on `path` and returns stderr, checking the exit code and
/// that the message is one line naming `shown`.
fn bad_input(args: &[&str], stdin: &[u8], shown: &str) -> String {
    let out = whosaid()
        .arg("export")
        .args(args)
        .write_stdin(stdin)
        .assert()
        .code(2)
        .stdout("");
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(err.starts_with(&format!("whosaid: {shown}: ")), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    err
}

#[test]
fn a_missing_file_is_named() {
    let err = bad_input(&["no-such-article.txt"], b"", "no-such-article.txt");
    assert!(err.contains("no such file"), "{err}");
}

#[test]
fn a_directory_without_articles_is_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("photo.jpg"), b"not an article").unwrap();
    let shown = dir.path().display().to_string();
    let err = bad_input(&[&shown], b"", &shown);
    assert!(err.contains("no articles in it (looked for *.txt"), "{err}");
}

#[test]
fn a_binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("photo.jpg");
    std::fs::write(&path, b"\xff\xd8\xff\xe0\0\x10JFIF\0").unwrap();
    let shown = path.display().to_string();
    let err = bad_input(&[&shown], b"", &shown);
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn invalid_utf8_names_line_column_and_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Title\nCaf\xe9 talk\n").unwrap();
    let shown = path.display().to_string();
    let err = bad_input(&[&shown], b"", &shown);
    assert!(
        err.contains("not valid UTF-8 at line 2, column 4 (byte 9)"),
        "{err}"
    );
    assert!(err.contains("iconv"), "{err}");
}

#[test]
fn utf16_is_told_to_convert() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf16.txt");
    std::fs::write(&path, b"\xff\xfeH\0i\0").unwrap();
    let shown = path.display().to_string();
    let err = bad_input(&[&shown], b"", &shown);
    assert!(err.contains("UTF-16"), "{err}");
}

#[test]
fn invalid_utf8_on_standard_input_is_named_stdin() {
    let err = bad_input(&["-"], b"ok\n\xc3(", "<stdin>");
    assert!(err.contains("not valid UTF-8 at line 2, column 1"), "{err}");
}

// --- config ---

#[test]
fn print_config_prints_the_documented_defaults() {
    whosaid()
        .arg("--print-config")
        .assert()
        .success()
        .stdout(include_str!("../config.toml"));
}

/// `whosaid --config PATH export`.
fn export_with_config(path: &Path) -> assert_cmd::assert::Assert {
    whosaid().arg("--config").arg(path).arg("export").assert()
}

/// Expects exit code 2 and an error that starts `whosaid: PATH` then `rest`.
fn fails_at(assert: assert_cmd::assert::Assert, path: &Path, rest: &str) {
    assert.code(2).stderr(predicate::str::starts_with(format!(
        "whosaid: {}{rest}",
        path.display()
    )));
}

#[test]
fn a_wrong_type_in_the_config_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(
        &path,
        "# mine\n[analysis]\ntitles = [\"Ombudsman\"]\ncue_verbs = \"opine\"\n",
    )
    .unwrap();
    fails_at(export_with_config(&path), &path, ":4:13: invalid type");
}

#[test]
fn the_config_in_xdg_config_home_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whosaid/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "[analysis]\ncue_verb = []\n").unwrap();
    let export = || {
        whosaid()
            .env("XDG_CONFIG_HOME", dir.path())
            .arg("export")
            .assert()
    };
    fails_at(export(), &path, ":2:1: unknown field `cue_verb`");
    std::fs::write(&path, "[analysis]\ntitles = [\"Ombudsman\"]\n").unwrap();
    export().success();
}

#[test]
fn a_config_file_of_64_kib_or_more_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    let padding = "# a comment that pads the file out past 64 KiB\n".repeat(1500);
    assert!(padding.len() >= 64 * 1024);
    std::fs::write(
        &path,
        format!("{padding}[analysis]\ntitles = [\"Ombudsman\"]\n"),
    )
    .unwrap();
    export_with_config(&path).success();
    std::fs::write(&path, format!("{padding}[analysis]\ntitles = 3\n")).unwrap();
    fails_at(export_with_config(&path), &path, ":1502:10: invalid type");
}

#[test]
fn a_config_that_is_not_utf8_names_the_line_and_column_of_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, b"# mine\n[analysis]\ntitles = [\"Caf\xe9\"]\n").unwrap();
    fails_at(export_with_config(&path), &path, ":3:15: not valid UTF-8");
}

#[test]
fn a_relative_xdg_config_home_is_ignored_as_the_xdg_spec_says() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("relative/whosaid/config.toml");
    std::fs::create_dir_all(broken.parent().unwrap()).unwrap();
    std::fs::write(&broken, "[analysis]\ncue_verb = []\n").unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let export = || {
        whosaid()
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", "relative")
            .env("HOME", &home)
            .arg("export")
            .assert()
    };
    export().success();
    // Then $HOME/.config is where the config is looked for.
    let at_home = home.join(".config/whosaid/config.toml");
    std::fs::create_dir_all(at_home.parent().unwrap()).unwrap();
    std::fs::write(&at_home, "[analysis]\ncue_verb = []\n").unwrap();
    fails_at(export(), &at_home, ":2:1:");
}

#[test]
fn a_config_folder_that_cannot_be_searched_is_an_error_not_the_defaults() {
    // A folder whosaid cannot look into: a symbolic link to itself (a
    // folder without permissions would do, but not for root, who CI is).
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(dir.path().join("whosaid"), dir.path().join("whosaid")).unwrap();
    whosaid()
        .env("XDG_CONFIG_HOME", dir.path())
        .arg("export")
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(format!(
            "whosaid: {}: cannot look for the config file",
            dir.path().join("whosaid/config.toml").display()
        )))
        .stderr(predicate::str::contains("--config"));
}

#[test]
fn a_missing_config_file_given_with_config_is_an_error() {
    whosaid()
        .args(["--config", "/nonexistent/whosaid.toml", "export"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "whosaid: /nonexistent/whosaid.toml: cannot read the config file",
        ));
}

// --- help ---

#[test]
fn help_explains_the_tool_its_config_and_examples() {
    let out = whosaid().arg("--help").assert().success();
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for needle in [
        "who said what",
        "export",
        "--print-config",
        "/nonexistent/whosaid-tests/whosaid/config.toml",
        "Examples:",
        "Exit codes:",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
    let out = whosaid().args(["export", "--help"]).assert().success();
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for needle in [
        "--actor",
        "--kind",
        "--force",
        "markdown",
        "w3c",
        "Examples:",
    ] {
        assert!(
            help.contains(needle),
            "export --help lacks {needle:?}:\n{help}"
        );
    }
}

#[test]
fn export_help_lists_every_format_once_with_its_description() {
    let out = whosaid().args(["export", "--help"]).assert().success();
    let help = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    for format in whosaid::export::FORMATS {
        let line = format!("- {}:", format.name);
        assert_eq!(help.matches(&line).count(), 1, "{line:?} in:\n{help}");
        assert_eq!(
            help.matches(format.description).count(),
            1,
            "{:?} in:\n{help}",
            format.description
        );
    }
}

#[test]
fn every_claim_says_which_rule_made_it_and_how_its_source_was_found() {
    let export = export_json(&[]);
    let mut vias = 0;
    for claim in claims(&export) {
        assert!(
            claim["rule"].as_str().is_some_and(|r| !r.is_empty()),
            "claim without a rule: {claim}"
        );
        if let Some(source) = claim["source"].as_object() {
            assert!(
                source["via"].as_str().is_some_and(|v| !v.is_empty()),
                "source without a via: {claim}"
            );
            vias += 1;
        }
    }
    assert!(vias > 0, "the bundled article has sourced claims");
    // "analysts warn that …": the subject before the cue, content after it.
    let out = whosaid()
        .args(["export", "-"])
        .write_stdin("Analysts warn that the bridge will close.\n")
        .assert()
        .success();
    let export: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let claim = &claims(&export)[0];
    assert_eq!(claim["rule"], "subject_cue_content");
    assert_eq!(claim["source"]["via"], "subject");
}

// --- the README ---

#[test]
fn the_readmes_json_example_slices_the_bundled_article() {
    let readme = include_str!("../README.md");
    let block = readme
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("README has a JSON example");
    let example: Value = serde_json::from_str(block).expect("the example is valid JSON");
    assert_eq!(example["schema"], "whosaid/1");
    assert!(check_offsets(BUNDLED, &example) >= 5);
}
