//! Native timing of [`policy_badges::analyze`], next to a baseline on the
//! same text: one pass of the `regex` crate (default features) counting
//! Unicode `\w+` matches, the cost of merely reading the text once.
//!
//! Run: `cargo bench --bench analyze -p policy_badges` (release profile).
//! Prints one JSON document on stdout (merged by `bench/run.mjs`) and one
//! line per case on stderr. Without `--bench` (as under
//! `cargo test --all-targets`) it runs every case once, untimed.
//!
//! Texts: each seed policy (`tests/fixtures/seeds/*.md`), and the long
//! policy: the seeds in file-name order, each followed by a blank line
//! (`"\n\n"`), that whole round repeated until it holds at least 10,000
//! words (`\w+` matches); then the long policy repeated 4 and 16 times.
//! `bench/texts.mjs` builds the same texts for the wasm side.
//!
//! Method: per text, analyze and the baseline run alternately, so machine
//! noise hits both alike and their ratio stays meaningful. Warm-up is at
//! least 3 rounds and 0.5 s; then at least 30 timed rounds and 1 s. Each
//! case reports the median, min and p90 (nearest rank) of its runs, in µs.
//!
//! The core uses no regex engine (see `crate/phrase`); the `regex` crate here
//! is only the baseline's, so the core runs as in the shipped CLI.

use std::fs;
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use regex::Regex;
use serde_json::json;

/// The baseline's pattern, and the definition of a word.
const WORD: &str = r"\w+";
/// The long policy holds at least this many words.
const LONG_WORDS: usize = 10_000;
/// The long policy is also timed repeated this many times.
const SCALES: [usize; 3] = [1, 4, 16];
const WARMUP_ROUNDS: usize = 3;
const WARMUP_TIME: Duration = Duration::from_millis(500);
const MIN_ROUNDS: usize = 30;
const BUDGET: Duration = Duration::from_secs(1);

/// A named input.
struct Text {
    name: String,
    body: String,
}

/// What one case runs on its text.
#[derive(Clone, Copy)]
enum Kind {
    Analyze,
    Baseline,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Analyze => "analyze",
            Kind::Baseline => "baseline",
        }
    }
}

/// One timed thing: a kind of work on one text.
struct Case<'a> {
    text: &'a Text,
    kind: Kind,
}

impl Case<'_> {
    fn run(&self, word: &Regex) {
        let text = black_box(self.text.body.as_str());
        match self.kind {
            Kind::Analyze => {
                black_box(policy_badges::analyze(text));
            }
            Kind::Baseline => {
                black_box(word.find_iter(text).count());
            }
        }
    }
}

/// Median, min and p90 of one case's timed runs.
struct Stats {
    runs: usize,
    median: Duration,
    min: Duration,
    p90: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort_unstable();
    let n = samples.len();
    let median = if n % 2 == 1 { samples[n / 2] } else { (samples[n / 2 - 1] + samples[n / 2]) / 2 };
    Stats { runs: n, median, min: samples[0], p90: samples[(n * 9).div_ceil(10) - 1] }
}

/// Runs `cases` in turn, round after round: warm-up, then timed rounds until
/// both [`MIN_ROUNDS`] and [`BUDGET`] are reached.
fn measure(cases: &[Case], word: &Regex) -> Vec<Stats> {
    let started = Instant::now();
    let mut rounds = 0;
    while rounds < WARMUP_ROUNDS || started.elapsed() < WARMUP_TIME {
        cases.iter().for_each(|case| case.run(word));
        rounds += 1;
    }
    let mut samples = vec![Vec::new(); cases.len()];
    let started = Instant::now();
    while samples[0].len() < MIN_ROUNDS || started.elapsed() < BUDGET {
        for (case, times) in cases.iter().zip(&mut samples) {
            let start = Instant::now();
            case.run(word);
            times.push(start.elapsed());
        }
    }
    samples.into_iter().map(stats).collect()
}

/// The seed policies, in file-name order.
fn seeds() -> Vec<Text> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/seeds");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| Text {
            name: path.file_stem().expect("a file name").to_string_lossy().into_owned(),
            body: fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display())),
        })
        .collect()
}

/// The long policy (see the module docs) at each of [`SCALES`].
fn long_policies(seeds: &[Text], word: &Regex) -> Vec<Text> {
    let round: String = seeds.iter().map(|s| format!("{}\n\n", s.body)).collect();
    let mut long = String::new();
    while word.find_iter(&long).count() < LONG_WORDS {
        long.push_str(&round);
    }
    SCALES.iter().map(|&scale| Text { name: format!("long-10k-x{scale}"), body: long.repeat(scale) }).collect()
}

fn micros(d: Duration) -> f64 {
    d.as_nanos() as f64 / 1000.0
}

fn main() {
    let word = Regex::new(WORD).expect("the word pattern compiles");
    let seeds = seeds();
    let long = long_policies(&seeds, &word);
    let texts: Vec<&Text> = seeds.iter().chain(&long).collect();

    if !std::env::args().any(|arg| arg == "--bench") {
        for &text in &texts {
            for kind in [Kind::Analyze, Kind::Baseline] {
                Case { text, kind }.run(&word);
            }
        }
        eprintln!("analyze bench: every case ran once (test mode; time it with cargo bench)");
        return;
    }

    let mut cases = Vec::new();
    let mut text_info = Vec::new();
    for &text in &texts {
        let pair = [Kind::Analyze, Kind::Baseline].map(|kind| Case { text, kind });
        let stats = measure(&pair, &word);
        for (case, s) in pair.iter().zip(&stats) {
            eprintln!(
                "{:<18} {:<8} median {:>10.1} µs  min {:>10.1}  p90 {:>10.1}  ({} runs)",
                text.name,
                case.kind.name(),
                micros(s.median),
                micros(s.min),
                micros(s.p90),
                s.runs
            );
            cases.push(json!({
                "text": text.name,
                "kind": case.kind.name(),
                "runs": s.runs,
                "median_us": micros(s.median),
                "min_us": micros(s.min),
                "p90_us": micros(s.p90),
            }));
        }
        eprintln!("{:<18} analyze / baseline = {:.1}", text.name, micros(stats[0].median) / micros(stats[1].median));
        text_info.push(json!({
            "name": text.name,
            "bytes": text.body.len(),
            "words": word.find_iter(&text.body).count(),
            "truncated": policy_badges::analyze(&text.body).truncated,
        }));
    }
    println!("{}", json!({ "texts": text_info, "cases": cases }));
}
