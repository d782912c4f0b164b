//! The `whosaid` command: open the reader on an article, or export its
//! analysis. Parsing arguments and choosing exit codes only; the work is in
//! the library.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use whosaid::analysis::{self, Analysis, ClaimKind};
use whosaid::config::{self, Config};
use whosaid::document::Document;
use whosaid::export::{self, Format, selection::Selection};
use whosaid::input;

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
    #[arg(short, long, value_enum)]
    format: Option<Format>,
    /// Only claims by this actor (its name or any alias, case-insensitive); repeat to OR several.
    #[arg(long, value_name = "NAME")]
    actor: Vec<String>,
    /// Only claims of this kind; repeat for several.
    #[arg(long, value_enum)]
    kind: Vec<KindArg>,
    /// Write to FILE instead of standard output. An existing file is kept unless --force.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the -o file if it exists.
    #[arg(long, requires = "output")]
    force: bool,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum KindArg {
    /// Words inside quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech with a quoted stretch.
    Mixed,
}

impl From<KindArg> for ClaimKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Direct => ClaimKind::Direct,
            KindArg::Indirect => ClaimKind::Indirect,
            KindArg::Mixed => ClaimKind::Mixed,
        }
    }
}

const EXPORT_EXAMPLES: &str = "\
Formats:
  json      the whosaid/1 contract: actors, claims, figures; offsets in code points
  markdown  claims grouped by actor as blockquotes, for notes
  csv       one row per claim: id, kind, start, end, text, source, cue, hedges
  w3c       a W3C Web Annotation collection (JSON-LD), one annotation per claim

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

Exit codes: 0 success; 2 bad input, bad config, bad usage, or an output file that exists."
    )
}

fn main() -> ExitCode {
    let matches = Cli::command().after_help(after_help()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    if cli.print_config {
        return write_stdout(config::DEFAULT_CONFIG.as_bytes());
    }
    let config = Config::load(cli.config.as_deref())?;
    match cli.command {
        Some(Command::Export(args)) => export_command(&config, args),
        None => whosaid::tui::run(load(cli.article.as_deref())?, &config),
    }
}

fn load(article: Option<&Path>) -> anyhow::Result<Document> {
    Ok(match article {
        Some(path) => input::load(&path.to_string_lossy())?,
        None => Document::from_text(BUNDLED_PATH, BUNDLED_TEXT),
    })
}

fn export_command(config: &Config, args: ExportArgs) -> anyhow::Result<()> {
    let doc = load(args.article.as_deref())?;
    let analysis = analysis::analyze(&doc.text, &config.analysis_options());
    let selection = Selection {
        actors: args.actor,
        kinds: args.kind.into_iter().map(ClaimKind::from).collect(),
    };
    warn_unmatched(&selection, &doc, &analysis);
    let selected = selection.apply(&analysis);
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(Format::from_path))
        .unwrap_or(Format::Json);
    let out = format.render(&doc, &analysis, &selected.claims, &selected.actors);
    match args.output {
        Some(path) if path != Path::new("-") => {
            export::write_file(&path, out.as_bytes(), args.force).or_else(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Err(anyhow::Error::new(e)),
                _ => Err(e).with_context(|| format!("{}: cannot write the export", path.display())),
            })
        }
        _ => write_stdout(out.as_bytes()),
    }
}

/// Tells on stderr about each --actor name that calls nobody, with the
/// names that would.
fn warn_unmatched(selection: &Selection, doc: &Document, analysis: &Analysis) {
    let unmatched = selection.unmatched_names(analysis);
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
        eprintln!(
            "whosaid: warning: no actor in {} is called \"{name}\"; {known}",
            doc.source
        );
    }
}

/// Writes to standard output; a reader that went away (`| head`) is no error.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}
