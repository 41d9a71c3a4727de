//! `policy-badges timeline`: a policy through its git history. Every
//! version of the selected files is read from the repository (in-process,
//! no `git` command), analyzed on every core, and compared with the policy
//! version before it; the badge changes are written as they are found, one
//! file at a time, and `--html` draws them as one chart per file.

mod changes;
mod git;
mod html;
mod output;

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use gix::ObjectId;
use indicatif::ProgressBar;
use rayon::prelude::*;

use self::changes::{Change, Reading};
use self::git::{FileHistory, Repository, Select, Version};
use self::output::ChangeWriter;
use crate::lines::Format;
use crate::render::count;
use crate::{input, progress};

/// Files whose versions are read together, so that files with few
/// versions still keep every core busy.
const FILES_AT_ONCE: usize = 16;

/// The options of `timeline`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("files").required(true).args(["path", "all"])))]
pub struct Args {
    /// The git repository (a work tree, or a bare repository).
    pub repo: PathBuf,
    /// The file to follow, as a path in the repository.
    #[arg(long)]
    pub path: Option<String>,
    /// Follow every file whose path matches this glob ('*' stays within a
    /// directory, '**' crosses them), e.g. '*/Privacy Policy.md'.
    #[arg(long, value_name = "GLOB")]
    pub all: Option<String>,
    /// The branch, tag or commit whose first-parent history is read.
    #[arg(long, default_value = "HEAD")]
    pub rev: String,
    /// Output format of the changes.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write the changes to this file instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Also draw the timelines as one self-contained HTML page.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Worker threads [default: one per core].
    #[arg(long, short)]
    pub jobs: Option<usize>,
}

/// How one version was read, for the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Read as a privacy policy.
    Policy,
    /// Read, not as a policy.
    NotPolicy,
    /// Unreadable.
    Unreadable,
}

/// One version as the outputs need it.
#[derive(Debug, Clone)]
pub struct VersionInfo {
    /// The commit that wrote it.
    pub commit: ObjectId,
    /// The commit's time, in seconds since 1970 (UTC).
    pub time: i64,
    /// How it was read.
    pub status: Status,
}

/// The timeline of one file: its versions and its badge changes.
#[derive(Debug)]
pub struct FileTimeline {
    /// The file's path in the repository.
    pub path: String,
    /// Its versions, oldest first.
    pub versions: Vec<VersionInfo>,
    /// Its badge changes, in version order.
    pub changes: Vec<Change>,
}

/// Runs a timeline: the changes to the output, the summary on standard
/// error, and the chart to `--html`.
pub fn run(args: &Args) -> Result<()> {
    let select = match (&args.path, &args.all) {
        (Some(path), _) => Select::Path(path.trim_start_matches("./").trim_start_matches('/').to_string()),
        (None, Some(glob)) => Select::Glob(glob.clone()),
        (None, None) => bail!("give --path FILE or --all GLOB"),
    };
    let started = Instant::now();
    let repo = Repository::open(&args.repo)?;
    let rev = (args.rev != "HEAD").then_some(args.rev.as_str());

    let bar = progress::bar(None, "commits listed");
    let commits = repo.commits(rev, || bar.inc(1))?;
    bar.finish_and_clear();
    let bar = progress::bar(Some(commits.len() as u64), "commits walked");
    let files = repo.histories(&commits, &select, || bar.inc(1))?;
    bar.finish_and_clear();
    git::check_found(&select, &files, &args.rev)?;

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    let mut writer = ChangeWriter::new(open_output(args.output.as_deref())?, args.format)?;
    let bar = progress::bar(Some(files.iter().map(|f| f.versions.len() as u64).sum()), "versions");
    let mut timelines = Vec::new();
    let mut tally = Tally::default();
    for group in files.chunks(FILES_AT_ONCE) {
        for (file, readings) in group.iter().zip(read_versions(&pool, &repo, group, &bar)) {
            let timeline = FileTimeline {
                changes: changes::changes(&readings),
                versions: file.versions.iter().zip(&readings).map(|(v, r)| info(v, r)).collect(),
                path: file.path.clone(),
            };
            writer.write(&timeline)?;
            tally.add(&timeline);
            if args.html.is_some() {
                timelines.push(timeline);
            }
        }
    }
    bar.finish_and_clear();
    if let Some(path) = &args.html {
        let end = commits.last().map_or(0, |&(_, time, _)| time);
        let page =
            html::page(&timelines, &html::Context { source: &args.repo.display().to_string(), rev: &args.rev, end });
        std::fs::write(path, page).with_context(|| format!("cannot write {}", path.display()))?;
    }
    eprintln!("{}", tally.report(commits.len(), started.elapsed().as_secs_f64()));
    Ok(())
}

/// Reads and analyzes every version of some files, on every core, and
/// gives their readings file by file. A policy often flips between the
/// same few captures: each content of a file is read once.
fn read_versions(
    pool: &rayon::ThreadPool,
    repo: &Repository,
    files: &[FileHistory],
    bar: &ProgressBar,
) -> Vec<Vec<Reading>> {
    let mut contents: Vec<(usize, ObjectId)> =
        files.iter().enumerate().flat_map(|(i, file)| file.versions.iter().map(move |v| (i, v.blob))).collect();
    contents.sort_unstable();
    contents.dedup();
    let read: HashMap<(usize, ObjectId), Reading> = pool.install(|| {
        contents
            .par_iter()
            .map_init(|| repo.reader(), |reader, &(i, blob)| ((i, blob), read(reader, &files[i].path, blob)))
            .collect()
    });
    for (&(i, blob), reading) in &read {
        if let Reading::Unreadable(reason) = reading {
            bar.suspend(|| eprintln!("policy-badges: warning: {} (blob {blob}): {reason}", files[i].path));
        }
    }
    bar.inc(files.iter().map(|f| f.versions.len() as u64).sum());
    let readings_of = |(i, file): (usize, &FileHistory)| {
        file.versions.iter().filter_map(|v| read.get(&(i, v.blob)).cloned()).collect()
    };
    files.iter().enumerate().map(readings_of).collect()
}

/// Reads and analyzes one content of the file at `path`.
fn read(reader: &git::Reader, path: &str, blob: ObjectId) -> Reading {
    let decoded = reader.read(blob).and_then(|bytes| input::decode(Path::new(path), bytes));
    match decoded {
        Ok(decoded) => Reading::of(&policy_badges::analyze(&decoded.text)),
        Err(error) => Reading::Unreadable(format!("{error:#}")),
    }
}

fn info(version: &Version, reading: &Reading) -> VersionInfo {
    let status = match reading {
        Reading::Policy(_) => Status::Policy,
        Reading::NotPolicy => Status::NotPolicy,
        Reading::Unreadable(_) => Status::Unreadable,
    };
    VersionInfo { commit: version.commit, time: version.time, status }
}

fn open_output(path: Option<&Path>) -> Result<BufWriter<Box<dyn Write>>> {
    let sink: Box<dyn Write> = match path {
        None => Box::new(std::io::stdout().lock()),
        Some(path) => Box::new(File::create(path).with_context(|| format!("cannot create {}", path.display()))?),
    };
    Ok(BufWriter::new(sink))
}

/// A commit time as an ISO 8601 date and time in UTC.
pub fn iso_date(seconds: i64) -> String {
    gix::date::Time::new(seconds, 0).format_or_unix(gix::date::time::format::ISO8601_STRICT)
}

/// A commit time as a day (`2024-05-31`, UTC).
pub fn day(seconds: i64) -> String {
    gix::date::Time::new(seconds, 0).format_or_unix(gix::date::time::format::SHORT)
}

/// What a timeline found, for its closing line.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    versions: usize,
    not_policies: usize,
    unreadable: usize,
    initial: usize,
    appeared: usize,
    disappeared: usize,
}

impl Tally {
    fn add(&mut self, timeline: &FileTimeline) {
        self.files += 1;
        self.versions += timeline.versions.len();
        self.not_policies += timeline.versions.iter().filter(|v| v.status == Status::NotPolicy).count();
        self.unreadable += timeline.versions.iter().filter(|v| v.status == Status::Unreadable).count();
        for change in &timeline.changes {
            match change.kind {
                changes::Kind::Initial => self.initial += 1,
                changes::Kind::Appeared => self.appeared += 1,
                changes::Kind::Disappeared => self.disappeared += 1,
            }
        }
    }

    fn report(&self, commits: usize, seconds: f64) -> String {
        format!(
            "timeline: {}, {} ({} not read as a policy, {} unreadable) over {}; \
             {} ({} appeared, {} disappeared) after {}; {seconds:.1} s",
            count(self.files, "file", "files"),
            count(self.versions, "version", "versions"),
            self.not_policies,
            self.unreadable,
            count(commits, "commit", "commits"),
            count(self.appeared + self.disappeared, "badge change", "badge changes"),
            self.appeared,
            self.disappeared,
            count(self.initial, "initial badge", "initial badges"),
        )
    }
}
