//! Whole corpora: many articles in, JSON Lines out, one `whosaid/1` object
//! per article in the order they came, the work spread over every core.
//!
//! Two sources: articles (files, directories walked for
//! [`ARTICLE_EXTENSIONS`], web addresses, feeds — read by [`crate::input`])
//! and JSON Lines of `{"id": …, "text": …}`. Both stream in windows: a window
//! of inputs is read, analysed in parallel (rayon), written in input order,
//! then the next is read, so memory is bounded by the window, never by the
//! corpus. An input that is not an article becomes an error object on its
//! own line and the stream goes on: N inputs in, N lines out.

use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Map, Value};
use thiserror::Error;

use crate::analysis::{Analysis, ClaimKind, Lexicon, analyze};
use crate::document::Document;
use crate::export::Request;
use crate::export::json;
use crate::export::json_out::JsonOut;
use crate::filter::ClaimFilter;
use crate::input::{self, Entry, Feed, Opened};
use crate::reading::MAX_BYTES_LIMIT;
use crate::safe_text::write_json;

/// The file extensions (lower case, no dot) a directory is searched for.
/// Files named on the command line are read whatever their extension.
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// At most this many inputs are held at once (read, not yet written).
const WINDOW_ITEMS: usize = 256;
/// A window also closes once its JSON Lines input reaches this many bytes.
const WINDOW_BYTES: usize = 32 << 20;

/// Why the articles named on the command line cannot be listed.
#[derive(Debug, Error)]
pub enum ExpandError {
    #[error("{path}: cannot list it ({error})")]
    Walk {
        path: PathBuf,
        error: walkdir::Error,
    },
}

/// The article files `args` name, in argument order: a file as given (any
/// extension; "-" is standard input), a directory as the files under it, at
/// any depth, with one of [`ARTICLE_EXTENSIONS`], sorted by path.
pub fn expand(args: &[PathBuf]) -> Result<Vec<PathBuf>, ExpandError> {
    let mut files = Vec::new();
    for arg in args {
        if arg.is_dir() {
            for entry in walkdir::WalkDir::new(arg)
                .follow_links(true)
                .sort_by_file_name()
            {
                let entry = entry.map_err(|error| ExpandError::Walk {
                    path: arg.clone(),
                    error,
                })?;
                if entry.file_type().is_file() && is_article(entry.path()) {
                    files.push(entry.into_path());
                }
            }
        } else {
            // Reading it tells what is wrong, if anything: missing, a device…
            files.push(arg.clone());
        }
    }
    Ok(files)
}

/// Whether a file found in a directory is read as an article, by extension.
pub fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// Why a corpus run stopped before its end. An input that is not an article
/// does not stop it: it becomes an error line.
#[derive(Debug, Error)]
pub enum RunError {
    #[error("cannot read the corpus ({0})")]
    Read(#[source] io::Error),
    #[error("cannot write the output ({0})")]
    Write(#[source] io::Error),
}

/// What every article of a corpus goes through: the lexicon, which
/// claims to keep, and the size cap of one article (a file, or a JSON line)
/// in bytes.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    pub lexicon: &'a Lexicon,
    /// Keep claims of these kinds; empty keeps every kind.
    pub kinds: &'a [ClaimKind],
    /// Keep claims by actors of these names or aliases, looked up in each
    /// article; empty keeps every claim.
    pub actors: &'a [String],
    pub max_bytes: u64,
}

impl Job<'_> {
    /// What reading one source may take: files up to the job's cap, web
    /// pages within the fetch defaults.
    fn input_limits(&self) -> input::Limits {
        input::Limits {
            max_bytes: self.max_bytes,
            ..input::Limits::default()
        }
    }

    /// The filter of this job for one article's analysis.
    fn filter(&self, analysis: &Analysis) -> ClaimFilter {
        let actors =
            (!self.actors.is_empty()).then(|| ClaimFilter::actors_called(analysis, self.actors).0);
        ClaimFilter {
            kinds: self.kinds.to_vec(),
            actors,
            marked_only: false,
        }
    }
}

/// How a corpus run went: how many inputs, and the first that was not an
/// article (its line number, or path, and why) with how many such there were.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub articles: usize,
    pub failed: usize,
    pub first_failure: Option<String>,
}

impl Summary {
    fn count(&mut self, outcome: &Outcome) {
        self.articles += 1;
        if let Some(why) = &outcome.failure {
            self.failed += 1;
            self.first_failure.get_or_insert_with(|| why.clone());
        }
    }
}

/// One input's line of output, and why it failed if it did.
struct Outcome {
    line: Vec<u8>,
    failure: Option<String>,
}

/// The JSON Lines export of `files` (paths, web addresses, feeds): one
/// `whosaid/1` object per article, in order; a source that cannot be read
/// is `{"path": …, "error": …}`.
pub fn export_files(files: &[PathBuf], job: Job, out: impl Write) -> Result<Summary, RunError> {
    let mut items = files.iter();
    run_windows(
        || Ok(items.by_ref().take(WINDOW_ITEMS).collect::<Vec<_>>()),
        |path| file_outcome(path, job),
        out,
    )
}

/// The JSON Lines export of a feed's articles, in the feed's order, each
/// read from the feed when it carries the whole text and fetched otherwise;
/// one that cannot be read is `{"path": LINK, "error": …}`.
pub fn export_feed(feed: &Feed, job: Job, out: impl Write) -> Result<Summary, RunError> {
    let mut items = feed.entries.iter();
    run_windows(
        || Ok(items.by_ref().take(WINDOW_ITEMS).collect::<Vec<_>>()),
        |entry| entry_outcome(entry, job),
        out,
    )
}

/// Reads JSON Lines of `{"id": …, "text": …}` from `input` and writes one
/// `whosaid/1` object per line to `out`, with the line's `id` and its other
/// fields under `meta`, in input order. A line that is not such an object is
/// `{"id": …, "line": N, "error": …}` (N counts from 1). Only a failure to
/// read or write is an `Err`.
pub fn export_jsonl(
    mut input: impl BufRead,
    job: Job,
    out: impl Write,
) -> Result<Summary, RunError> {
    let max = usize::try_from(job.max_bytes.min(MAX_BYTES_LIMIT)).unwrap_or(usize::MAX);
    let mut number = 0;
    run_windows(
        || {
            let mut window = Vec::new();
            let mut bytes = 0;
            while window.len() < WINDOW_ITEMS && bytes < WINDOW_BYTES {
                let mut line = Vec::new();
                let Some(whole) = read_line_at_most(&mut input, &mut line, max)? else {
                    break;
                };
                number += 1;
                bytes += line.len();
                window.push((number, whole.then_some(line)));
            }
            Ok(window)
        },
        |(number, line)| match line {
            Some(line) => line_outcome(&line, number, job),
            None => too_long(number, job.max_bytes.min(MAX_BYTES_LIMIT)),
        },
        out,
    )
}

/// Reads a line into `line` if it holds at most `max` bytes (its line feed
/// aside); a longer one is read past and dropped, so it never fills the
/// memory. `None` at the end of the input, else whether the line was kept.
fn read_line_at_most(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<Option<bool>> {
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    if Read::take(&mut *input, limit).read_until(b'\n', line)? == 0 {
        return Ok(None);
    }
    if line.len() <= max || line.ends_with(b"\n") {
        return Ok(Some(true));
    }
    line.clear();
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(Some(false));
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(end) => {
                input.consume(end + 1);
                return Ok(Some(false));
            }
            None => {
                let all = buf.len();
                input.consume(all);
            }
        }
    }
}

/// The error line of a line over the size cap.
fn too_long(number: usize, max_bytes: u64) -> Outcome {
    let error = format!(
        "the line is longer than the size cap of {max_bytes} bytes; raise it with --max-size"
    );
    Outcome {
        line: to_line(&ErrorLine {
            id: Some(&Value::Null),
            line: Some(number),
            path: None,
            error: &error,
        }),
        failure: Some(format!("line {number}: {error}")),
    }
}

/// Reads windows from `next_window` until an empty one, maps each window's
/// items to outcomes on all cores, and writes them in order, flushing after
/// every window so a pipe downstream sees progress.
fn run_windows<T: Send>(
    mut next_window: impl FnMut() -> io::Result<Vec<T>>,
    work: impl Fn(T) -> Outcome + Sync,
    out: impl Write,
) -> Result<Summary, RunError> {
    let mut out = io::BufWriter::new(out);
    let mut summary = Summary::default();
    loop {
        let window = next_window().map_err(RunError::Read)?;
        if window.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = window.into_par_iter().map(&work).collect();
        for outcome in &outcomes {
            summary.count(outcome);
            out.write_all(&outcome.line).map_err(RunError::Write)?;
        }
        out.flush().map_err(RunError::Write)?;
    }
    Ok(summary)
}

/// The line of an input that is not an article.
#[derive(Serialize)]
struct ErrorLine<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    error: &'a str,
}

/// One article's line: analysed, filtered as the job says, exported.
fn article_line(
    doc: &Document,
    job: Job,
    id: Option<&Value>,
    meta: Option<&Map<String, Value>>,
) -> Vec<u8> {
    let analysis = analyze(doc, job.lexicon);
    let selected = job.filter(&analysis).apply(&analysis, &[]);
    let request = Request::new(doc, &analysis, &selected.claims, &selected.actors);
    // The `whosaid/1` object, with the id and the other fields of a JSON
    // Lines input when it came from one.
    let mut line = Vec::new();
    let mut w = JsonOut::new(&mut line, false);
    w.begin_object();
    if let Some(id) = id {
        w.key("id");
        w.serialized(id);
    }
    json::write_members(&mut w, &request);
    if let Some(meta) = meta {
        w.key("meta");
        w.serialized(meta);
    }
    w.end_object();
    w.finish().expect("writing to memory");
    line
}

/// One line of JSON Lines, escaped as every JSON export is (DEL and C1
/// controls too, see [`write_json`]).
fn to_line(value: &impl Serialize) -> Vec<u8> {
    let mut line = Vec::new();
    write_json(&mut line, value, false).expect("export lines always serialise");
    line.push(b'\n');
    line
}

/// The line of an article file, web page or "-"; a feed (see [`input`])
/// gives a line per article in it.
fn file_outcome(path: &Path, job: Job) -> Outcome {
    let source = path.to_string_lossy();
    match input::open_with(&source, job.input_limits()) {
        Ok(Opened::Article(doc)) => Outcome {
            line: article_line(&doc, job, None, None),
            failure: None,
        },
        Ok(Opened::Feed(feed)) => {
            let mut outcome = Outcome {
                line: Vec::new(),
                failure: None,
            };
            for entry in &feed.entries {
                let one = entry_outcome(entry, job);
                outcome.line.extend(one.line);
                outcome.failure = outcome.failure.or(one.failure);
            }
            outcome
        }
        Err(e) => error_outcome(&source, &e),
    }
}

/// The line of one article of a feed.
fn entry_outcome(entry: &Entry, job: Job) -> Outcome {
    match entry.load(job.input_limits()) {
        Ok(doc) => Outcome {
            line: article_line(&doc, job, None, None),
            failure: None,
        },
        Err(e) => error_outcome(entry.link.as_deref().unwrap_or(&entry.feed), &e),
    }
}

/// The error line of a source that could not be read.
fn error_outcome(path: &str, error: &impl std::fmt::Display) -> Outcome {
    let error = error.to_string();
    Outcome {
        line: to_line(&ErrorLine {
            id: None,
            line: None,
            path: Some(path),
            error: &error,
        }),
        failure: Some(error),
    }
}

/// Line `number` of a JSON Lines input, read as `{"id": …, "text": …}`.
fn line_outcome(raw: &[u8], number: usize, job: Job) -> Outcome {
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let (id, article) = parse_line(raw);
    match article {
        Ok(LineArticle { text, meta }) => {
            let doc = Document::from_text(name_of(&id), text);
            let meta = (!meta.is_empty()).then_some(&meta);
            Outcome {
                line: article_line(&doc, job, Some(&id), meta),
                failure: None,
            }
        }
        Err(error) => Outcome {
            line: to_line(&ErrorLine {
                id: Some(&id),
                line: Some(number),
                path: None,
                error: &error,
            }),
            failure: Some(format!("line {number}: {error}")),
        },
    }
}

/// A JSON line's article: its text, and its fields other than id and text.
struct LineArticle {
    text: String,
    meta: Map<String, Value>,
}

/// A line's id (null when it has none) and its article, or why it is not one.
fn parse_line(raw: &[u8]) -> (Value, Result<LineArticle, String>) {
    let mut object = match serde_json::from_slice::<Value>(raw) {
        Ok(Value::Object(object)) => object,
        Ok(other) => {
            let error = format!(
                "not a JSON object but {}; give {{\"id\": …, \"text\": …}}",
                type_name(&other)
            );
            return (Value::Null, Err(error));
        }
        Err(_) if raw.trim_ascii().is_empty() => {
            return (Value::Null, Err("an empty line, not a JSON object".into()));
        }
        Err(e) => return (Value::Null, Err(format!("not JSON ({e})"))),
    };
    let id = object.remove("id").unwrap_or(Value::Null);
    let article = match object.remove("text") {
        Some(Value::String(text)) => Ok(LineArticle { text, meta: object }),
        Some(other) => Err(format!("\"text\" is {}, not a string", type_name(&other))),
        None => Err("no \"text\" field; each line needs the article's text under \"text\"".into()),
    };
    (id, article)
}

/// How an article read from a JSON line is named in its `document.path`:
/// its id, or "-" without one.
fn name_of(id: &Value) -> String {
    match id {
        Value::Null => "-".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests;
