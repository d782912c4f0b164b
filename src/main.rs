//! The `whosaid` command: open the reader on an article, or export its
//! analysis. Parsing arguments and choosing exit codes only; the work is in
//! the library.

use std::io::Write;
use std::os::fd::AsFd;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use anyhow::Context;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use whosaid::analysis::{self, Analysis, ClaimKind};
use whosaid::config::{self, Config, ConfigFile};
use whosaid::document::Document;
use whosaid::export::{self, FORMATS, FormatSpec};
use whosaid::filter::ClaimFilter;
use whosaid::input::{self, Opened};
use whosaid::reading;
use whosaid::safe_text::for_terminal;

/// The bundled article, opened when no file is given.
const BUNDLED_PATH: &str = "assets/us-mexico-cartels.txt";
const BUNDLED_TEXT: &str = include_str!("../assets/us-mexico-cartels.txt");

/// Read a news article and see who said what: every quote, reported
/// statement and stated position, with its source and the verb that
/// attributes it.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// The article to read: a text, Markdown or saved web page file, a web
    /// address, or - for standard input. Without one, the bundled sample
    /// article opens.
    article: Option<PathBuf>,

    /// Use this config file instead of the one in your config directory.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Print the default config.toml, every setting documented, and exit.
    #[arg(long)]
    print_config: bool,

    /// The largest article to read, e.g. 256M, 1G or a number of bytes
    /// [default: 256M for a file, 10M for a web page; at most 4G less one byte].
    #[arg(long, global = true, value_name = "SIZE", value_parser = reading::parse_size)]
    max_size: Option<u64>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse an article without the reader and print or write the result.
    #[command(after_help = EXPORT_EXAMPLES)]
    Export(ExportArgs),
}

#[derive(clap::Args)]
struct ExportArgs {
    /// The article: a text, Markdown or web page file, a web address, or - for standard input (default: the bundled one).
    article: Option<PathBuf>,
    /// Output format [default: from the -o file's extension, else json].
    #[arg(short, long, value_parser = format_parser())]
    format: Option<&'static FormatSpec>,
    /// Only claims by this actor (its name or any alias, case-insensitive); repeat to OR several.
    #[arg(long, value_name = "NAME")]
    actor: Vec<String>,
    /// Only claims of this kind; repeat for several.
    #[arg(long, value_parser = kind_parser())]
    kind: Vec<ClaimKind>,
    /// Write to FILE instead of standard output. An existing file is kept unless --force.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the -o file if it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

/// `--kind`'s values and their help, from the one claim kind enum.
fn kind_parser() -> impl TypedValueParser<Value = ClaimKind> {
    let values = ClaimKind::ALL
        .iter()
        .map(|k| PossibleValue::new(k.name()).help(k.describe()));
    PossibleValuesParser::new(values)
        .map(|name| ClaimKind::named(&name).expect("a value the parser offered"))
}

/// `--format`'s values and their help, from the export registry.
fn format_parser() -> impl TypedValueParser<Value = &'static FormatSpec> {
    let values = FORMATS
        .iter()
        .map(|f| PossibleValue::new(f.name).help(f.description));
    PossibleValuesParser::new(values)
        .map(|name| FormatSpec::named(&name).expect("a value the parser offered"))
}

const EXPORT_EXAMPLES: &str = "\
Examples:
  whosaid export                                 the bundled article, as JSON
  whosaid export article.txt -o notes.md         Markdown notes (format from the extension)
  whosaid export --actor 'Jane Roe' --kind direct article.txt
  cat article.txt | whosaid export - --format csv > claims.csv";

/// The help's closing part: examples, the config file and exit codes.
fn after_help() -> String {
    let config = config::user_config_path().map_or("~/.config/whosaid/config.toml".into(), |p| {
        p.display().to_string()
    });
    format!(
        "\
Examples:
  whosaid                          open the reader on the bundled article
  whosaid article.txt              open the reader on your own article
  whosaid export article.txt       print its analysis as JSON (see `whosaid export --help`)
  whosaid --print-config > {config}

Config: {config} (or --config PATH) is overlaid on the
documented defaults that `whosaid --print-config` prints.

Exit codes: 0 success; 2 bad input, bad config, bad usage, an output file that exists,
or output that cannot be written.{}",
        if cfg!(feature = "reader") {
            ""
        } else {
            "\n\nThis whosaid was built without the reader (cargo feature `reader`): only `whosaid export` works."
        }
    )
}

/// Whether standard output was open when whosaid started (`>&-` closes it).
static STDOUT_OPEN: OnceLock<bool> = OnceLock::new();

/// Whether standard output was closed when the process started. The Rust
/// runtime then opens /dev/null read-write in its place (so no file opened
/// later can take it); a shell's `>/dev/null` opens it write-only.
fn stdout_was_closed() -> bool {
    use std::os::unix::fs::MetadataExt;
    let stdout = std::io::stdout();
    let read_write = rustix::fs::fcntl_getfl(stdout.as_fd())
        .is_ok_and(|f| f & rustix::fs::OFlags::RWMODE == rustix::fs::OFlags::RDWR);
    let is_null = |meta: std::fs::Metadata| {
        std::fs::metadata("/dev/null")
            .is_ok_and(|null| (meta.dev(), meta.ino()) == (null.dev(), null.ino()))
    };
    read_write
        && stdout
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata())
            .is_ok_and(is_null)
}

fn main() -> ExitCode {
    STDOUT_OPEN.get_or_init(|| !stdout_was_closed());
    print_panics_safely();
    let parsed = Cli::command()
        .after_help(after_help())
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let result = match parsed {
        Ok(cli) => run(cli),
        Err(e) => return clap_exit(e),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{e:#}")),
    }
}

/// A panic's message may quote the article (a slice out of bounds shows the
/// text around it): print it, like every message, safe for the terminal.
fn print_panics_safely() {
    std::panic::set_hook(Box::new(|info| {
        let report = format!("internal error, please report it: {info}");
        eprintln!("whosaid: {}", for_terminal(&report));
        if std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0") {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
    }));
}

/// Tells what went wrong on stderr, in one line that is safe for the
/// terminal, and gives the exit code for errors.
fn fail(message: &str) -> ExitCode {
    eprintln!("whosaid: {}", for_terminal(message));
    ExitCode::from(2)
}

/// Ends as clap asks: help and version on standard output (an error if that
/// cannot be written), a usage error on stderr with the code for errors.
/// Both are printed safe for the terminal: an argument may hold escapes.
fn clap_exit(e: clap::Error) -> ExitCode {
    if e.use_stderr() {
        eprint!("{}", for_terminal(&e.render().to_string()));
        return ExitCode::from(2);
    }
    match write_stdout(e.render().to_string().as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{e:#}")),
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    if cli.print_config {
        return write_stdout(config::DEFAULT_CONFIG.as_bytes());
    }
    let file = ConfigFile::load(cli.config.as_deref())?;
    let config: Config = file.read()?;
    let limits = cli
        .max_size
        .map_or_else(input::Limits::default, input::Limits::at_most);
    match cli.command {
        Some(Command::Export(args)) => export_command(&config, args, limits),
        None => {
            if !STDOUT_OPEN.get().copied().unwrap_or(true) {
                anyhow::bail!("standard output is closed; the reader draws on it");
            }
            match open(cli.article.as_deref(), limits)? {
                Opened::Article(doc) => reader(doc, &config, &file),
                Opened::Feed(feed) => list_feed(&feed),
            }
        }
    }
}

#[cfg(feature = "reader")]
fn reader(doc: Document, config: &Config, file: &ConfigFile) -> anyhow::Result<()> {
    let settings = whosaid::tui::settings::Settings::read(file)?;
    whosaid::tui::run(doc, config, &settings)
}

#[cfg(not(feature = "reader"))]
fn reader(_: Document, _: &Config, _: &ConfigFile) -> anyhow::Result<()> {
    anyhow::bail!(
        "this whosaid was built without the reader (cargo feature `reader`); \
         `whosaid export` works, or rebuild with the default features to read an article"
    )
}

/// The article (or feed) named on the command line, or the bundled article.
fn open(article: Option<&Path>, limits: input::Limits) -> anyhow::Result<Opened> {
    Ok(match article {
        Some(path) => input::open_with(&path.to_string_lossy(), limits)?,
        None => Opened::Article(Document::from_text(BUNDLED_PATH, BUNDLED_TEXT)),
    })
}

/// A feed given to the reader: its articles, one a line, and how to open
/// one (until the reader has a list of articles of its own).
fn list_feed(feed: &input::Feed) -> anyhow::Result<()> {
    let mut out = format!(
        "{} ({}): {} article{}\n",
        feed.title,
        feed.source,
        feed.entries.len(),
        if feed.entries.len() == 1 { "" } else { "s" }
    );
    for entry in &feed.entries {
        let date = entry
            .date
            .as_deref()
            .map_or("", |d| d.get(..10).unwrap_or(d));
        out.push_str(&format!("{date:<10}  {}\n", entry.title));
        if let Some(link) = &entry.link {
            out.push_str(&format!("            {link}\n"));
        }
    }
    out.push_str("Open one with `whosaid LINK`; `whosaid export FEED` exports them all.\n");
    write_stdout(for_terminal(&out).as_bytes())
}

fn export_command(config: &Config, args: ExportArgs, limits: input::Limits) -> anyhow::Result<()> {
    let doc = match open(args.article.as_deref(), limits)? {
        Opened::Article(doc) => doc,
        Opened::Feed(feed) => return export_feed(config, &args, &feed, limits),
    };
    let analysis = analysis::analyze(&doc.text, &config.analysis_options());
    let (filter, unmatched) = claim_filter(&analysis, &args);
    warn_unmatched(&unmatched, &doc, &analysis);
    // No user layer here: nothing is marked or noted.
    let selected = filter.apply(&analysis, &[]);
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(FormatSpec::for_path))
        .unwrap_or(&FORMATS[0]);
    let out = format.render(&doc, &analysis, &selected.claims, &selected.actors);
    match args.output {
        Some(path) if path != Path::new("-") => {
            remove_unfinished_on_signals()?;
            // The error names the path and says what went wrong.
            Ok(export::write_file(&path, out.as_bytes(), args.force)?)
        }
        _ => write_stdout(out.as_bytes()),
    }
}

/// The filter the export's --kind and --actor ask for, and the names that
/// call no actor of `analysis`.
fn claim_filter<'a>(analysis: &Analysis, args: &'a ExportArgs) -> (ClaimFilter, Vec<&'a str>) {
    let (called, unmatched) = ClaimFilter::actors_called(analysis, &args.actor);
    let filter = ClaimFilter {
        kinds: args.kind.clone(),
        actors: (!args.actor.is_empty()).then_some(called),
        marked_only: false,
    };
    (filter, unmatched)
}

/// Exports each article of a feed, read from the feed when it carries the
/// whole text and fetched from its link otherwise, as JSON Lines: one
/// `whosaid/1` object per article in the feed's order, or an error line
/// (`source`, `title`, `error`) for an article that could not be read, which
/// makes the exit code 2 once all is written.
fn export_feed(
    config: &Config,
    args: &ExportArgs,
    feed: &input::Feed,
    limits: input::Limits,
) -> anyhow::Result<()> {
    if let Some(other) = args.format.filter(|f| f.name != FORMATS[0].name) {
        anyhow::bail!(
            "{}: a feed is several articles, exported as JSON Lines only, not {}; \
             drop --format, or export one of its articles",
            feed.source,
            other.name
        );
    }
    let options = config.analysis_options();
    let mut out = String::new();
    let mut failures = Vec::new();
    for entry in &feed.entries {
        let line = match entry.load(limits) {
            Ok(doc) => {
                let analysis = analysis::analyze(&doc.text, &options);
                let (filter, _) = claim_filter(&analysis, args);
                let selected = filter.apply(&analysis, &[]);
                let export =
                    export::json::build(&doc, &analysis, &selected.claims, &selected.actors);
                serde_json::to_string(&export)?
            }
            Err(e) => {
                let line = serde_json::json!({
                    "source": entry.link.as_deref().unwrap_or(&feed.source),
                    "title": entry.title,
                    "error": e.to_string(),
                });
                failures.push(e);
                line.to_string()
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    match &args.output {
        Some(path) if path != Path::new("-") => {
            remove_unfinished_on_signals()?;
            export::write_file(path, out.as_bytes(), args.force)?;
        }
        _ => write_stdout(out.as_bytes())?,
    }
    if let Some(first) = failures.first() {
        anyhow::bail!(
            "{} of {} articles of the feed could not be read (each has an error line); the first: {first}",
            failures.len(),
            feed.entries.len()
        );
    }
    Ok(())
}

/// On SIGINT, SIGTERM or SIGHUP while an export is written: remove its
/// temporary file, then end as the signal would have (128 + its number).
fn remove_unfinished_on_signals() -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
        .context("cannot watch for signals")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            export::remove_unfinished();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Tells on stderr about each --actor name that calls nobody, with the
/// names that would.
fn warn_unmatched(unmatched: &[&str], doc: &Document, analysis: &Analysis) {
    if unmatched.is_empty() {
        return;
    }
    let known: Vec<&str> = analysis.actors.iter().map(|a| a.name.as_str()).collect();
    let known = if known.is_empty() {
        "it has none".to_string()
    } else {
        format!("they are: {}", known.join(", "))
    };
    for name in unmatched {
        let warning = format!(
            "warning: no actor in {} is called \"{name}\"; {known}",
            doc.source
        );
        eprintln!("whosaid: {}", for_terminal(&warning));
    }
}

/// Writes to standard output; a reader that went away (`| head`) is no
/// error, but a closed or full standard output is.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    if !STDOUT_OPEN.get().copied().unwrap_or(true) {
        anyhow::bail!("cannot write to standard output: it is closed");
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}
