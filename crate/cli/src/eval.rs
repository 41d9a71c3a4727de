//! `policy-badges eval PATH...`: accuracy on labeled policies (a directory
//! of `NAME.txt` + `NAME.labels.json`) and on labeled quotes (a `.jsonl`
//! file), one table each.

use std::fmt::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::quotes::{self, Quote};
use crate::score::{score, Labels, Report, MACRO_SUPPORTS};

/// What `eval` prints besides its tables.
pub struct Options<'a> {
    /// Where to write the per-document errors (with evidence) as JSON.
    pub json: Option<&'a Path>,
    /// How many missed quotes to list per badge, with their text.
    pub misses: usize,
}

/// Scores every path and prints a table for each.
pub fn run(paths: &[impl AsRef<Path>], options: &Options<'_>) -> Result<()> {
    let mut reports = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path.is_dir() {
            let report = documents(path)?;
            print!("{}", documents_table(path, &report));
            reports.push((path.display().to_string(), report));
        } else {
            print!("{}", quotes_table(path, &read_quotes(path)?, options.misses));
        }
        println!();
    }
    if let Some(json) = options.json {
        let text = serde_json::to_string_pretty(&reports).context("could not write JSON")?;
        std::fs::write(json, text).with_context(|| format!("cannot write {}", json.display()))?;
    }
    Ok(())
}

/// Scores every labeled text of `dir`.
fn documents(dir: &Path) -> Result<Report> {
    let documents = load(dir)?;
    let summaries: Vec<_> = documents.iter().map(|(_, text, _)| policy_badges::analyze(text)).collect();
    Ok(score(documents.iter().zip(&summaries).map(|((name, _, labels), summary)| (name.as_str(), summary, labels))))
}

/// Reads `(name, text, labels)` for every labeled text of `dir`, by name.
fn load(dir: &Path) -> Result<Vec<(String, String, Labels)>> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("cannot read directory {}", dir.display()))?;
    let mut documents = Vec::new();
    for entry in entries {
        let path = entry.with_context(|| format!("cannot list {}", dir.display()))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".txt")) else {
            continue;
        };
        let labels_path = dir.join(format!("{name}.labels.json"));
        if !labels_path.exists() {
            continue;
        }
        let labels_json =
            std::fs::read_to_string(&labels_path).with_context(|| format!("cannot read {}", labels_path.display()))?;
        let labels: Labels = serde_json::from_str(&labels_json)
            .with_context(|| format!("{} is not a labels file", labels_path.display()))?;
        documents.push((name.to_string(), crate::input::read(&path)?, labels));
    }
    if documents.is_empty() {
        bail!("{} holds no NAME.txt with a NAME.labels.json", dir.display());
    }
    documents.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(documents)
}

/// Reads a quotes file: one JSON object a line.
fn read_quotes(path: &Path) -> Result<Vec<Quote>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let quotes = (text.lines().enumerate())
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(at, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a quote {{id, badge, text}}", path.display(), at + 1))
        })
        .collect::<Result<Vec<Quote>>>()?;
    if quotes.is_empty() {
        bail!("{} holds no quotes", path.display());
    }
    Ok(quotes)
}

/// The per-badge table of a directory, then the is_policy tally, the
/// documents it got wrong and a last line of the overall figures.
fn documents_table(dir: &Path, report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "== {}: {} documents", dir.display(), report.docs);
    let _ = writeln!(
        out,
        "{:<22} {:>4} {:>4} {:>4} {:>6} {:>6} {:>6} {:>7}",
        "badge", "TP", "FP", "FN", "prec", "recall", "F1", "support"
    );
    for row in &report.badges {
        let _ = writeln!(
            out,
            "{:<22} {:>4} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>7}{}",
            row.id,
            row.tp,
            row.fp,
            row.fn_,
            row.precision,
            row.recall,
            row.f1,
            row.support,
            if row.support < MACRO_SUPPORTS[1] { "  (in no macro)" } else { "" }
        );
    }
    let (labeled, right) = report.is_policy;
    if labeled > 0 {
        let _ = writeln!(out, "is_policy right {right} of {labeled}");
        for doc in &report.documents {
            match doc.is_policy_wrong {
                Some(true) => _ = writeln!(out, "  called a policy, labeled not one: {}", doc.name),
                Some(false) => _ = writeln!(out, "  called not a policy, labeled one: {}", doc.name),
                None => {}
            }
        }
    }
    let [macro_5, macro_3] = report.macro_f1;
    let _ = writeln!(
        out,
        "macro-F1 {macro_5:.3} (badges with >= {} positives), {macro_3:.3} (>= {}); micro precision {:.3} recall {:.3} F1 {:.3}; docs {}",
        MACRO_SUPPORTS[0], MACRO_SUPPORTS[1], report.micro.precision, report.micro.recall, report.micro.f1, report.docs
    );
    out
}

/// The per-badge table of a quotes file, up to `misses` missed quotes per
/// badge, and a last line of the totals.
fn quotes_table(path: &Path, quotes: &[Quote], misses: usize) -> String {
    let (rows, total) = quotes::score(quotes);
    let mut out = String::new();
    let _ = writeln!(out, "== {}: {} quotes, each read as an excerpt", path.display(), total.quotes);
    let _ = writeln!(out, "{:<22} {:>6} {:>5} {:>6} {:>8}", "badge", "quotes", "hits", "recall", "opposite");
    for row in &rows {
        let _ =
            writeln!(out, "{:<22} {:>6} {:>5} {:>6.3} {:>8}", row.id, row.quotes, row.hits, row.recall(), row.opposite);
        for id in row.missed.iter().take(misses) {
            let text = quotes.iter().find(|q| &q.id == id).map_or("", |q| q.text.as_str());
            let _ = writeln!(out, "    missed {id}: {}", text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    let _ = writeln!(
        out,
        "quotes {} recall {:.3} opposite {} ({:.1}%)",
        total.quotes,
        total.recall(),
        total.opposite,
        100.0 * quotes::ratio(total.opposite, total.quotes)
    );
    out
}
