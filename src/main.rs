//! The `whosaid` command: open the reader on an article, or export its analysis.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use whosaid::analysis::{self, ClaimKind};
use whosaid::config::Config;
use whosaid::document::Document;
use whosaid::export;

/// The bundled article, opened when no file is given.
const BUNDLED_PATH: &str = "assets/us-mexico-cartels.txt";
const BUNDLED_TEXT: &str = include_str!("../assets/us-mexico-cartels.txt");

/// Read a news article and see who said what: every quote, reported
/// statement and stated position, with its source and the verb that
/// attributes it.
#[derive(Parser)]
#[command(version, about, long_about = None)]
struct Cli {
    /// The article to read: a UTF-8 text file, or - for standard input.
    /// Without one, the bundled sample article opens.
    article: Option<PathBuf>,

    /// Use this config file instead of ~/.config/whosaid/config.toml.
    #[arg(long, global = true, value_name = "PATH")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse an article without the reader and print or write the result.
    Export(ExportArgs),
}

#[derive(clap::Args)]
struct ExportArgs {
    /// The article: a UTF-8 text file, or - for standard input (default: the bundled one).
    article: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Only claims by this actor (its name or any alias, case-insensitive); repeat to OR several.
    #[arg(long, value_name = "NAME")]
    actor: Vec<String>,
    /// Only claims of this kind; repeat for several.
    #[arg(long, value_enum)]
    kind: Vec<KindArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum KindArg {
    Direct,
    Indirect,
    Mixed,
}

impl KindArg {
    fn matches(self, kind: ClaimKind) -> bool {
        matches!(
            (self, kind),
            (KindArg::Direct, ClaimKind::Direct)
                | (KindArg::Indirect, ClaimKind::Indirect)
                | (KindArg::Mixed, ClaimKind::Mixed)
        )
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::load(cli.config.as_deref())?;
    match cli.command {
        Some(Command::Export(args)) => export_command(&config, args),
        None => whosaid::tui::run(load(cli.article)?, &config),
    }
}

fn load(article: Option<PathBuf>) -> anyhow::Result<Document> {
    Ok(match article {
        Some(path) => Document::load(&path)?,
        None => Document::from_text(BUNDLED_PATH, BUNDLED_TEXT),
    })
}

fn export_command(config: &Config, args: ExportArgs) -> anyhow::Result<()> {
    let doc = load(args.article)?;
    let analysis = analysis::analyze(&doc.text, &config.analysis_options());
    let wanted_actor = |i: usize| {
        let a = &analysis.actors[i];
        args.actor.iter().any(|n| {
            a.name.eq_ignore_ascii_case(n) || a.aliases.iter().any(|al| al.eq_ignore_ascii_case(n))
        })
    };
    let claims: Vec<usize> = (0..analysis.claims.len())
        .filter(|&i| {
            let c = &analysis.claims[i];
            (args.kind.is_empty() || args.kind.iter().any(|k| k.matches(c.kind)))
                && (args.actor.is_empty()
                    || c.source.and_then(|s| s.actor).is_some_and(wanted_actor))
        })
        .collect();
    let actors: Vec<usize> = (0..analysis.actors.len())
        .filter(|&i| args.actor.is_empty() || wanted_actor(i))
        .collect();
    let out = match args.format {
        Format::Json => export::json::to_string(&doc, &analysis, &claims, &actors),
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(())
}
