//! `policy-badges`: the analyzer on the command line.
//!
//! ```text
//! policy-badges analyze policy.html            # JSON summary
//! policy-badges analyze --format text -        # readable summary of stdin
//! policy-badges diff old.md new.md             # what changed
//! policy-badges eval ../shared/corpus-dev      # accuracy on labeled policies
//! policy-badges batch crawl/ -o crawl.jsonl    # every policy of a crawl, on every core
//! policy-badges timeline repo --all '*/Privacy Policy.md' --html chart.html
//! ```

mod batch;
mod eval;
mod html;
mod input;
mod lines;
mod progress;
mod quotes;
mod render;
mod score;
mod timeline;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

/// Prints `value` as pretty JSON on stdout.
fn print_json<T: Serialize>(value: &T) -> Result<()> {
    print_out(&format!("{}\n", serde_json::to_string_pretty(value).context("could not write JSON")?))
}

/// Writes `text` to stdout. A reader that stopped reading (`| head`) is
/// not an error: the rest is not wanted.
fn print_out(text: &str) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written.context("cannot write to standard output"),
    }
}

/// Reads privacy policies and states their practices as badges, with evidence.
#[derive(Parser)]
#[command(name = "policy-badges", version, about)]
struct Args {
    #[command(subcommand)]
    command: Command,
    /// When to color text output.
    #[arg(long, global = true, value_enum, default_value_t = render::ColorChoice::Auto)]
    color: render::ColorChoice,
}

#[derive(Subcommand)]
enum Command {
    /// Print the badges of a policy (.txt, .md or .html file, or - for stdin).
    Analyze {
        /// The policy file, or - to read standard input.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Read the text as part of a policy (a quote or a pasted paragraph):
        /// give its badges even when it is no whole policy.
        #[arg(long)]
        excerpt: bool,
    },
    /// Print which badges changed between two versions of a policy.
    Diff {
        /// The older version.
        old: PathBuf,
        /// The newer version.
        new: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the badge list as a Markdown table (as in the README).
    Badges,
    /// Show, sentence by sentence, which rules matched and how (for tuning rules).
    Explain {
        /// The policy file, or - to read standard input.
        file: PathBuf,
    },
    /// Score the analyzer: on directories of NAME.txt + NAME.labels.json
    /// files, and on .jsonl files of labeled quotes ({id, badge, text} a line,
    /// each read as an excerpt). One table each.
    Eval {
        /// Directories of labeled policies, quote files, or both.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also write per-document misses and false alarms (with evidence) here.
        #[arg(long)]
        json: Option<PathBuf>,
        /// List up to this many missed quotes per badge, with their text.
        #[arg(long, default_value_t = 0)]
        misses: usize,
    },
    /// Analyze many documents on every core: directories, or a JSON Lines
    /// manifest; one JSON line (or CSV row) per document, then a summary.
    Batch(batch::Args),
    /// Follow a policy through a git repository's history: when each badge
    /// appeared or disappeared, with the commit date and the evidence.
    Timeline(timeline::Args),
}

/// Output formats.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Machine-readable JSON.
    Json,
    /// A readable, colored summary.
    Text,
}

/// Runs the command line: parses arguments, runs the command, reports errors.
fn main() -> ExitCode {
    let args = Args::parse();
    let style = render::Style::new(args.color);
    let result = match args.command {
        Command::Analyze { file, format, excerpt } => analyze(&file, format, excerpt, &style),
        Command::Diff { old, new, format } => diff(&old, &new, format, &style),
        Command::Badges => print_out(&policy_badges::markdown_table()),
        Command::Explain { file } => input::read(&file).and_then(|text| print_out(&render::explanations(&text))),
        Command::Eval { paths, json, misses } => eval::run(&paths, &eval::Options { json: json.as_deref(), misses }),
        Command::Batch(args) => lines::done_if_closed_pipe(batch::run(&args)),
        Command::Timeline(args) => lines::done_if_closed_pipe(timeline::run(&args)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("policy-badges: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn analyze(file: &Path, format: Format, excerpt: bool, style: &render::Style) -> Result<()> {
    let mode = if excerpt { policy_badges::Mode::Excerpt } else { policy_badges::Mode::Document };
    let summary = policy_badges::analyze_as(&input::read(file)?, mode);
    match format {
        Format::Json => print_json(&summary),
        Format::Text => print_out(&render::summary(&summary, style)),
    }
}

fn diff(old: &Path, new: &Path, format: Format, style: &render::Style) -> Result<()> {
    let old_summary = policy_badges::analyze(&input::read(old)?);
    let new_summary = policy_badges::analyze(&input::read(new)?);
    let diff = policy_badges::diff(&old_summary, &new_summary);
    match format {
        Format::Json => print_json(&diff),
        Format::Text => print_out(&render::diff(&diff, &old_summary, &new_summary, style)),
    }
}
