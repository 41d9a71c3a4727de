//! `policy-badges batch`: the analyzer over many documents, on every core.
//!
//! Jobs are taken from the inputs in chunks; each chunk is read and
//! analyzed in parallel (rayon) and written in input order before the next
//! one is taken, so memory holds one chunk however many documents there
//! are. A document that cannot be read becomes a line with its error; the
//! run goes on.

mod document;
mod input;
mod output;
mod resume;
mod tally;

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use self::input::Input;
use self::output::RecordWriter;
use self::tally::Tally;
use crate::lines::Format;
use crate::progress;

/// Documents taken from the inputs at a time: enough to keep every core
/// busy past the slowest document of a chunk, few enough to hold in memory.
const CHUNK: usize = 256;

/// The options of `batch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directories (walked recursively for .txt, .md and .html files),
    /// JSON Lines manifests (.jsonl: {"id": ..., "path": ...} or
    /// {"id": ..., "text": ...} a line; - reads one from standard input),
    /// or single policy files.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Add each badge's evidence (JSON Lines only).
    #[arg(long)]
    pub evidence: bool,
    /// Continue a stopped run: skip the ids the output file already has and
    /// append the others.
    #[arg(long, requires = "output")]
    pub resume: bool,
    /// Worker threads [default: one per core].
    #[arg(long, short)]
    pub jobs: Option<usize>,
}

/// Runs a batch: writes one record per document, then the summary on
/// standard error.
pub fn run(args: &Args) -> Result<()> {
    if args.evidence && args.format == Format::Csv {
        bail!("--evidence needs --format jsonl (a CSV cell per badge holds 1 or 0)");
    }
    let inputs = args.inputs.iter().map(|path| Input::classify(path)).collect::<Result<Vec<_>>>()?;
    if inputs.iter().filter(|input| input.is_stdin()).count() > 1 {
        bail!("standard input (-) can be given once");
    }
    let (out, done) = open_output(args.output.as_deref(), args.format, args.resume)?;
    let mut writer = RecordWriter::new(out.sink, args.format, args.evidence);
    if out.needs_header {
        writer.header()?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;

    // Counting walks the inputs once more: only worth it for a bar to see.
    let total =
        (progress::visible() && !inputs.iter().any(Input::is_stdin)).then(|| input::jobs(&inputs).count() as u64);
    let bar = progress::bar(total, "documents");
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut jobs = input::jobs(&inputs);
    loop {
        let chunk: Vec<_> = jobs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        let records: Vec<_> = pool.install(|| chunk.into_par_iter().map(|job| document::process(job, &done)).collect());
        for record in &records {
            writer.write(record)?;
            tally.add(record);
        }
        writer.flush()?;
        bar.inc(records.len() as u64);
        bar.set_message(format!("{} failed", tally.failures));
    }
    bar.finish_and_clear();
    eprint!("{}", tally.report(started.elapsed()));
    Ok(())
}

/// Where records go, and whether it still needs a CSV header.
struct Output {
    sink: BufWriter<Box<dyn Write>>,
    needs_header: bool,
}

/// Opens standard output or the output file: a new file, or with
/// `resume` an existing one cut after its last whole line, with the ids it
/// holds. An existing non-empty file is never overwritten.
fn open_output(path: Option<&Path>, format: Format, resume: bool) -> Result<(Output, HashSet<String>)> {
    let Some(path) = path else {
        let sink = BufWriter::new(Box::new(std::io::stdout().lock()) as Box<dyn Write>);
        return Ok((Output { sink, needs_header: true }, HashSet::new()));
    };
    let name = path.display();
    let existing = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    if existing > 0 && !resume {
        bail!("{name} exists: give --resume to continue it, or remove it first");
    }
    let (file, done) = if resume && existing > 0 {
        let mut file =
            OpenOptions::new().read(true).write(true).open(path).with_context(|| format!("cannot open {name}"))?;
        let done = resume::read(&mut file, format).with_context(|| format!("cannot resume {name}"))?;
        file.set_len(done.whole_len).with_context(|| format!("cannot write {name}"))?;
        drop(file);
        let file = OpenOptions::new().append(true).open(path).with_context(|| format!("cannot open {name}"))?;
        (file, done)
    } else {
        (File::create(path).with_context(|| format!("cannot create {name}"))?, resume::Done::default())
    };
    let sink = BufWriter::new(Box::new(file) as Box<dyn Write>);
    Ok((Output { sink, needs_header: done.whole_len == 0 }, done.ids))
}

/// A policy short enough for unit tests, read as one (cookies, contact
/// details, no sale, a privacy contact).
#[cfg(test)]
const TEST_POLICY: &str = include_str!("../../tests/fixtures/acme-policy.md");
