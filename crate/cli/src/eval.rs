//! `policy-badges eval DIR`: accuracy on a directory of labeled policies.

use std::fmt::Write;
use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::score::{score, Labels, Report, MIN_SUPPORT_FOR_MACRO};

/// Scores every `NAME.txt` of `dir` that has a `NAME.labels.json`, prints the
/// per-badge table, and writes the per-document errors to `json` if given.
pub fn run(dir: &Path, json: Option<&Path>) -> Result<()> {
    let documents = load(dir)?;
    let summaries: Vec<_> = documents.iter().map(|(_, text, _)| policy_badges::analyze(text)).collect();
    let report =
        score(documents.iter().zip(&summaries).map(|((name, _, labels), summary)| (name.as_str(), summary, labels)));
    print!("{}", table(&report));
    if let Some(path) = json {
        let text = serde_json::to_string_pretty(&report).context("could not write JSON")?;
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
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

/// The per-badge table; its last line is `macro-F1 X micro-F1 Y docs N`.
fn table(report: &Report) -> String {
    let mut out = String::new();
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
            if row.support < MIN_SUPPORT_FOR_MACRO { "  (not in macro)" } else { "" }
        );
    }
    let _ = writeln!(out, "macro-F1 {:.3} micro-F1 {:.3} docs {}", report.macro_f1, report.micro_f1, report.docs);
    out
}
