//! The `whosaid` command: open the reader on an article, or export its
//! analysis. Parsing arguments and choosing exit codes only; the work is in
//! the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use whosaid::analysis::{self, Analysis, ClaimKind};
use whosaid::config::{self, Config, ConfigFile};
use whosaid::corpus;
use whosaid::document::Document;
use whosaid::export::{self, FORMATS, FormatSpec, Request};
use whosaid::filter::ClaimFilter;
use whosaid::input::{self, Listed, Opened};
use whosaid::reading;
use whosaid::safe_text::for_terminal;
use whosaid::store::{self, Store, listing};

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
    /// address, a feed (its articles are listed), or - for standard input.
    /// Without one, the bundled sample article opens. Several, or a
    /// directory (searched at any depth for *.txt, *.md, *.markdown,
    /// *.html, *.htm), open a list of the articles first.
    #[arg(value_name = "ARTICLE")]
    articles: Vec<PathBuf>,

    /// Use this config file instead of the one in your config directory.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Print the default config.toml, every setting documented, and exit.
    #[arg(long)]
    print_config: bool,

    /// Keep the library in this file instead of
    /// $XDG_DATA_HOME/whosaid/library.sqlite.
    #[arg(long, global = true, value_name = "PATH")]
    library: Option<PathBuf>,

    /// Keep nothing: no library is read or written.
    #[arg(long, global = true, conflicts_with = "library")]
    no_library: bool,

    /// The largest article to read, e.g. 256M, 1G or a number of bytes
    /// [default: 256M; at most 4G less one byte].
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
    /// Put articles in the library without opening the reader.
    Add(AddArgs),
    /// List the articles in the library, or what one actor said in all of them.
    #[command(after_help = LIBRARY_EXAMPLES)]
    Library(LibraryArgs),
}

#[derive(clap::Args)]
struct AddArgs {
    /// The articles: files (text, Markdown, web pages), folders (searched at any
    /// depth), URLs or feeds; - for standard input.
    #[arg(required = true, value_name = "ARTICLE")]
    articles: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct LibraryArgs {
    /// What the actor of this name (or alias, any case) said in every article.
    #[arg(long, value_name = "NAME")]
    actor: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

const LIBRARY_EXAMPLES: &str = "\
Examples:
  whosaid add *.txt                     keep articles without reading them now
  whosaid library                       the articles kept, most recently opened first
  whosaid library --actor 'jane roe'    what she said in every article kept
  whosaid --library /tmp/l.sqlite library --json";

#[derive(clap::Args)]
struct ExportArgs {
    /// Articles: text, Markdown or web page files, directories (searched at
    /// any depth for *.txt, *.md, *.markdown, *.html, *.htm), web addresses,
    /// RSS or Atom feeds, or - for standard input (default: the bundled one).
    /// Several, a directory or a feed export as JSON Lines: one whosaid/1
    /// object per article, in argument order.
    #[arg(value_name = "ARTICLE")]
    articles: Vec<PathBuf>,
    /// Read a corpus instead: JSON Lines of {"id": …, "text": …} from the
    /// ARTICLE file or - (the default); writes one whosaid/1 line per input
    /// line, in order, carrying its id (other fields under "meta").
    #[arg(long, value_enum, value_name = "KIND")]
    input: Option<InputKind>,
    /// Output format [default: from the -o file's extension, else json; jsonl for several articles].
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
    /// Only the claims you marked in the reader (the article must be in the library).
    #[arg(long)]
    marked: bool,
}

/// What `--input` reads (JSON Lines, one {"id": …, "text": …} per line).
#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum InputKind {
    Jsonl,
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
  cat article.txt | whosaid export - --format csv > claims.csv
  whosaid export articles/ > claims.jsonl        every article under articles/, one line each
  whosaid export --input jsonl corpus.jsonl      a corpus of {\"id\", \"text\"} lines, streamed";

/// The help's closing part: examples, the config file and exit codes.
fn after_help() -> String {
    let config = config::user_config_path().map_or("~/.config/whosaid/config.toml".into(), |p| {
        p.display().to_string()
    });
    let library = store::default_path()
        .map_or("~/.local/share/whosaid/library.sqlite".into(), |p| {
            p.display().to_string()
        });
    format!(
        "\
Examples:
  whosaid                          open the reader on the bundled article
  whosaid article.txt              open the reader on your own article
  whosaid a.txt b.txt articles/    a list of several articles; Enter reads one
  whosaid export article.txt       print its analysis as JSON (see `whosaid export --help`)
  whosaid add a.txt b.txt          keep articles in the library without reading them now
  whosaid library                  list the library (see `whosaid library --help`)
  whosaid --print-config > {config}

Config: {config} (or --config PATH) is overlaid on the
documented defaults that `whosaid --print-config` prints.

Library: every article opened is kept, with its analysis and your marks and
notes, in {library}
(--library PATH for another, --no-library to keep nothing).

Exit codes: 0 success; 2 bad input, bad config, bad usage, an output file that exists,
or output that cannot be written.{}",
        if cfg!(feature = "reader") {
            ""
        } else {
            "\n\nThis whosaid was built without the reader (cargo feature `reader`): only `whosaid export` works."
        }
    )
}

/// Whether standard output was closed when the process started (`>&-`).
/// Rust's runtime puts /dev/null in place of a closed descriptor before
/// `main`, which then looks like any `>/dev/null` (Python's
/// `subprocess.DEVNULL` opens it read-write too), so the descriptor is
/// checked before the runtime starts, by a constructor in `.init_array`.
static STDOUT_CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static CHECK_STDOUT_AT_START: extern "C" fn() = check_stdout_at_start;

#[cfg(target_os = "linux")]
extern "C" fn check_stdout_at_start() {
    // SAFETY: F_GETFD only asks whether descriptor 1 is open; nothing is changed.
    if unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1 {
        STDOUT_CLOSED_AT_START.store(true, Ordering::Relaxed);
    }
}

/// Whether standard output was open when whosaid started.
fn stdout_open() -> bool {
    !STDOUT_CLOSED_AT_START.load(Ordering::Relaxed)
}

fn main() -> ExitCode {
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
    let max_size = cli.max_size.unwrap_or(reading::DEFAULT_MAX_BYTES);
    // One cap for files and web pages when the user gives one.
    let limits = cli
        .max_size
        .map_or_else(input::Limits::default, input::Limits::at_most);
    let library = library_path(&cli, &config)?;
    match cli.command {
        Some(Command::Export(args)) => {
            export_command(&config, args, max_size, limits, library.clone())
        }
        Some(Command::Add(args)) => add_command(&config, library, args, limits),
        Some(Command::Library(args)) => library_command(&config, library, args),
        None => {
            if !stdout_open() {
                anyhow::bail!("standard output is closed; the reader draws on it");
            }
            let (articles, notice) = if several(&cli.articles) {
                load_several(&cli.articles, limits)?
            } else {
                let opened = open(cli.articles.first().map(PathBuf::as_path), limits)?;
                // A feed lists its items in the reader; printed where there
                // is no reader to show them (a pipe, a build without it).
                if let Opened::Feed(feed) = &opened
                    && (!cfg!(feature = "reader") || !std::io::stdout().is_terminal())
                {
                    return list_feed(feed);
                }
                (opened.listed(), None)
            };
            // The reader keeps each article and its analysis in the library.
            let library = library.as_deref();
            reader(articles, notice, &config, &file, library, limits)
        }
    }
}

/// The library file to use, or `None` when the user keeps nothing
/// (`--no-library`, `[library] enabled = false`, or no home to keep it in).
fn library_path(cli: &Cli, config: &Config) -> anyhow::Result<Option<PathBuf>> {
    if cli.no_library || (!config.library.enabled && cli.library.is_none()) {
        return Ok(None);
    }
    Ok(cli.library.clone().or_else(store::default_path))
}

/// The library, for a command that needs one.
fn open_library(library: Option<PathBuf>) -> anyhow::Result<Store> {
    let path = library.context(
        "no library: it is turned off (--no-library or [library] enabled = false), \
         or neither XDG_DATA_HOME nor HOME is set; give one with --library PATH",
    )?;
    Ok(Store::open(&path)?)
}

fn add_command(
    config: &Config,
    library: Option<PathBuf>,
    args: AddArgs,
    limits: input::Limits,
) -> anyhow::Result<()> {
    let store = open_library(library)?;
    let mut docs = Vec::new();
    let mut failed = 0;
    let mut tell = |e: &input::InputError| {
        eprintln!("whosaid: {}", for_terminal(&e.to_string()));
        failed += 1;
    };
    // A folder adds the articles in it, as the reader and export read them.
    let files = corpus::expand(&args.articles)?;
    if files.is_empty() {
        return Err(no_articles_in(&args.articles));
    }
    for path in &files {
        match input::open_with(&path.to_string_lossy(), limits) {
            Ok(Opened::Article(doc)) => docs.push(doc),
            // A feed adds each of its articles.
            Ok(Opened::Feed(feed)) => {
                for entry in &feed.entries {
                    match entry.load(limits) {
                        Ok(doc) => docs.push(doc),
                        Err(e) => tell(&e),
                    }
                }
            }
            Err(e) => tell(&e),
        }
    }
    let added = store.add_all(&docs, &config.analysis_options())?;
    write_stdout(listing::added_text(&added).as_bytes())?;
    if failed > 0 {
        anyhow::bail!("{failed} of {} articles could not be read", files.len());
    }
    Ok(())
}

fn library_command(
    config: &Config,
    library: Option<PathBuf>,
    args: LibraryArgs,
) -> anyhow::Result<()> {
    let store = open_library(library)?;
    let where_ = store.path().display().to_string();
    let out = match args.actor {
        Some(name) => {
            store.bring_up_to_date(&config.analysis_options())?;
            let claims = whosaid::across::claims_by(&store, &name)?;
            if args.json {
                listing::actor_json(&name, &claims)
            } else {
                listing::actor_text(&name, &claims)
            }
        }
        None if args.json => listing::entries_json(&where_, &store.entries()?),
        None => listing::entries_text(&where_, &store.entries()?),
    };
    write_stdout(out.as_bytes())
}

#[cfg(feature = "reader")]
fn reader(
    articles: Vec<Listed>,
    notice: Option<String>,
    config: &Config,
    file: &ConfigFile,
    library: Option<&Path>,
    limits: input::Limits,
) -> anyhow::Result<()> {
    let settings = whosaid::tui::settings::Settings::read(file)?;
    whosaid::tui::run(articles, notice, config, &settings, library, limits)
}

#[cfg(not(feature = "reader"))]
fn reader(
    _: Vec<Listed>,
    _: Option<String>,
    _: &Config,
    _: &ConfigFile,
    _: Option<&Path>,
    _: input::Limits,
) -> anyhow::Result<()> {
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

/// Whether the reader gets several articles (a list first).
fn several(args: &[PathBuf]) -> bool {
    args.len() > 1 || args.iter().any(|a| a.is_dir())
}

/// Every article that several arguments or a directory name, for the list,
/// each once, and a notice of those that could not be read. Only when none
/// can be read is it an error.
fn load_several(
    args: &[PathBuf],
    limits: input::Limits,
) -> anyhow::Result<(Vec<Listed>, Option<String>)> {
    let files = corpus::expand(args)?;
    if files.is_empty() {
        return Err(no_articles_in(args));
    }
    let mut several = input::several(&files, limits);
    if several.listed.is_empty() {
        return Err(several.unread.remove(0).into());
    }
    let notice = several.unread_notice();
    Ok((several.listed, notice))
}

/// Folders given where articles were expected, and none in them.
fn no_articles_in(args: &[PathBuf]) -> anyhow::Error {
    let folders: Vec<String> = args.iter().map(|a| a.display().to_string()).collect();
    anyhow::anyhow!(
        "{}: no articles in it (looked for *.{} at any depth); give article files, or a folder that holds some",
        folders.join(", "),
        corpus::ARTICLE_EXTENSIONS.join(", *.")
    )
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

fn export_command(
    config: &Config,
    args: ExportArgs,
    max_size: u64,
    limits: input::Limits,
    library: Option<PathBuf>,
) -> anyhow::Result<()> {
    let format = args
        .format
        .or_else(|| args.output.as_deref().and_then(FormatSpec::for_path));
    if args.input == Some(InputKind::Jsonl) {
        let input = open_jsonl(&args.articles)?;
        let source = Corpus::Jsonl(input);
        return export_corpus(config, &args, format, source, max_size);
    }
    let files = corpus::expand(&args.articles)?;
    let several = args.articles.len() > 1 || args.articles.iter().any(|a| a.is_dir());
    if several || format.is_some_and(|f| f.name == "jsonl") {
        if files.is_empty() {
            return Err(no_articles_in(&args.articles));
        }
        let source = Corpus::Files(&files);
        return export_corpus(config, &args, format, source, max_size);
    }
    let doc = match open(files.first().map(PathBuf::as_path), limits)? {
        Opened::Article(doc) => doc,
        // A feed is several articles: JSON Lines, as for several files.
        Opened::Feed(feed) => {
            return export_corpus(config, &args, format, Corpus::Feed(&feed), max_size);
        }
    };
    let analysis = analysis::analyze(&doc, &analysis::Lexicon::new(&config.analysis_options()));
    // The user's corrections, marks and notes, when the library has the article.
    let corrected = users_work(library.as_deref(), &doc, &analysis, args.marked)?;
    let (analysis, user) = match &corrected {
        Some(c) => (&c.analysis, c.claims.as_slice()),
        None => (&analysis, &[][..]),
    };
    let (called, unmatched) = ClaimFilter::actors_called(analysis, &args.actor);
    warn_unmatched(&unmatched, &doc, analysis);
    let filter = ClaimFilter {
        kinds: args.kind.clone(),
        actors: (!args.actor.is_empty()).then_some(called),
        marked_only: args.marked,
    };
    let mut selected = filter.apply(analysis, user);
    // Claims the user dismissed are not claims.
    selected
        .claims
        .retain(|&c| !user.get(c).is_some_and(|u| u.dismissed));
    let format = format.unwrap_or(&FORMATS[0]);
    let request = Request::new(&doc, analysis, &selected.claims, &selected.actors).with_user(user);
    // Streamed to the file or standard output, never held whole.
    let write = |out: &mut dyn Write| {
        let mut out = std::io::BufWriter::with_capacity(WRITE_BUFFER, out);
        format.write(&request, &mut out)?;
        out.flush()
    };
    match &args.output {
        Some(path) if path != Path::new("-") => {
            remove_unfinished_on_signals()?;
            // The error names the path and says what went wrong.
            Ok(export::write_file_with(path, args.force, |file| {
                write(file)
            })?)
        }
        _ => write_stdout_with(write),
    }
}

/// The analysis as the user corrected it in the reader, when the library
/// holds the article (by its text); `None` when it does not, which is an
/// error when the marked claims were asked for.
fn users_work(
    library: Option<&Path>,
    doc: &Document,
    analysis: &Analysis,
    needed: bool,
) -> anyhow::Result<Option<whosaid::corrected::Corrected>> {
    let layer = match library.filter(|path| path.exists()) {
        Some(path) => {
            let store = Store::open(path)?;
            match store.find(&store::content_hash(&doc.text))? {
                Some(id) => Some(store.user_layer(id)?),
                None => None,
            }
        }
        None => None,
    };
    match layer {
        Some(layer) => Ok(Some(whosaid::corrected::from_layer(analysis, &layer))),
        None if needed => anyhow::bail!(
            "{}: not in the library, so nothing is marked; open it in the reader (`whosaid {}`) and mark claims with m",
            for_terminal(&doc.source),
            for_terminal(&doc.source)
        ),
        None => Ok(None),
    }
}

/// Where a corpus export reads its articles.
enum Corpus<'a> {
    Files(&'a [PathBuf]),
    Feed(&'a input::Feed),
    Jsonl(Box<dyn std::io::BufRead>),
}

/// The JSON Lines corpus named by the export's one ARTICLE, or standard input.
fn open_jsonl(articles: &[PathBuf]) -> anyhow::Result<Box<dyn std::io::BufRead>> {
    match articles {
        [] => Ok(Box::new(std::io::stdin().lock())),
        [path] if path == Path::new("-") => Ok(Box::new(std::io::stdin().lock())),
        [path] => {
            let file = std::fs::File::open(path)
                .with_context(|| format!("{}: cannot open the corpus", path.display()))?;
            Ok(Box::new(std::io::BufReader::new(file)))
        }
        _ => {
            anyhow::bail!("--input jsonl reads one corpus: give one file, or - for standard input")
        }
    }
}

/// Exports several articles, or a JSON Lines corpus, as JSON Lines to
/// standard output or the -o file. Inputs that are not articles are error
/// lines in the output and make the exit code 2 once all is written.
fn export_corpus(
    config: &Config,
    args: &ExportArgs,
    format: Option<&'static FormatSpec>,
    source: Corpus,
    max_size: u64,
) -> anyhow::Result<()> {
    if let Some(other) = format.filter(|f| !matches!(f.name, "json" | "jsonl")) {
        anyhow::bail!(
            "several articles, a feed, or --input jsonl, export as JSON Lines only, not {}; \
             drop --format or export each article on its own",
            other.name
        );
    }
    let lexicon = analysis::Lexicon::new(&config.analysis_options());
    let job = corpus::Job {
        lexicon: &lexicon,
        kinds: &args.kind,
        actors: &args.actor,
        max_bytes: max_size,
    };
    let run = |out: &mut dyn Write| match source {
        Corpus::Files(files) => corpus::export_files(files, job, out),
        Corpus::Feed(feed) => corpus::export_feed(feed, job, out),
        Corpus::Jsonl(input) => corpus::export_jsonl(input, job, out),
    };
    let summary = match &args.output {
        Some(path) if path != Path::new("-") => {
            remove_unfinished_on_signals()?;
            // A corpus that stops half-way leaves no file: its error is told.
            let mut stopped = None;
            let written = export::write_file_with(path, args.force, |file| {
                run(file).map_err(|e| {
                    let io = std::io::Error::other(e.to_string());
                    stopped = Some(e);
                    io
                })
            });
            match (written, stopped) {
                (_, Some(e)) => return Err(e.into()),
                (written, None) => written?,
            }
        }
        _ if !stdout_open() => {
            anyhow::bail!("cannot write to standard output: it is closed")
        }
        _ => match run(&mut std::io::stdout().lock()) {
            Err(corpus::RunError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                return Ok(());
            }
            other => other?,
        },
    };
    if let Some(first) = summary.first_failure {
        anyhow::bail!(
            "{} of {} inputs were not articles (each has an error line in the output); the first: {first}",
            summary.failed,
            summary.articles
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

/// How much of an export is gathered before each write.
const WRITE_BUFFER: usize = 1 << 16;

/// Writes to standard output; a reader that went away (`| head`) is no
/// error, but a closed or full standard output is.
fn write_stdout(bytes: &[u8]) -> anyhow::Result<()> {
    write_stdout_with(|out| out.write_all(bytes))
}

/// As [`write_stdout`], with the output streamed by `write`.
fn write_stdout_with(
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    if !stdout_open() {
        anyhow::bail!("cannot write to standard output: it is closed");
    }
    let mut stdout = std::io::stdout().lock();
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(e).context("cannot write to standard output")
        }
        _ => Ok(()),
    }
}
