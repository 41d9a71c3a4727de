//! One document of a batch: read (a file, or a manifest line's `path` or
//! `text`), analyzed, and kept as a [`Record`] for the output. Every failure
//! becomes the record's error; nothing here stops the batch.

use std::collections::HashSet;
use std::path::Path;

use policy_badges::Summary;
use serde::Deserialize;

use super::input::Job;
use crate::input;

/// Files larger than this are refused, not read (the analyzer reads only
/// the first [`policy_badges::MAX_INPUT_BYTES`] of a text anyway).
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// What became of one document.
#[derive(Debug)]
pub struct Record {
    /// The document's id: its path, or the id its manifest line gives.
    pub id: String,
    /// Its analysis, or why there is none.
    pub outcome: Outcome,
}

/// The result part of a [`Record`].
#[derive(Debug)]
pub enum Outcome {
    /// Analyzed; `lossy` when invalid UTF-8 had to be replaced.
    Analyzed {
        /// What the analyzer found.
        summary: Summary,
        /// Whether undecodable bytes were replaced by U+FFFD.
        lossy: bool,
    },
    /// Could not be read or parsed: the reason, for people.
    Failed(String),
    /// Already in the output being resumed: nothing is written.
    Skipped,
}

/// A manifest line.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: Option<serde_json::Value>,
    path: Option<String>,
    text: Option<String>,
}

/// Reads and analyzes one job, unless its id is in `done`.
pub fn process(job: Job, done: &HashSet<String>) -> Record {
    let (id, outcome) = match job {
        Job::Failed { id, error } => (id, Outcome::Failed(error)),
        Job::File { id, path } => {
            let outcome = if done.contains(&id) { Outcome::Skipped } else { read_file(&path) };
            (id, outcome)
        }
        Job::Line { place, base, line } => match parse_entry(&line) {
            Err(error) => (place, Outcome::Failed(error)),
            Ok((id, _)) if done.contains(&id) => (id, Outcome::Skipped),
            Ok((id, Source::Path(path))) => {
                let outcome = read_file(&base.join(path));
                (id, outcome)
            }
            Ok((id, Source::Text(text))) => {
                // Read as a file named after the id would be: HTML when the
                // id ends in .html or the text starts with a doctype.
                let outcome = analyze(input::decode(Path::new(&id), text.into_bytes()));
                (id, outcome)
            }
        },
    };
    Record { id, outcome }
}

/// Where a manifest line's document is.
enum Source {
    Path(String),
    Text(String),
}

/// The id and source of a manifest line, or why it is not one.
fn parse_entry(line: &str) -> Result<(String, Source), String> {
    let entry: Entry = serde_json::from_str(line).map_err(|e| format!("not a manifest line ({e})"))?;
    let id = match entry.id {
        Some(serde_json::Value::String(id)) => Some(id),
        Some(serde_json::Value::Number(id)) => Some(id.to_string()),
        None => None,
        Some(_) => return Err("\"id\" must be a string or a number".into()),
    };
    match (id, entry.path, entry.text) {
        (_, Some(_), Some(_)) => Err("give \"path\" or \"text\", not both".into()),
        (id, Some(path), None) => Ok((id.unwrap_or_else(|| path.clone()), Source::Path(path))),
        (Some(id), None, Some(text)) => Ok((id, Source::Text(text))),
        (None, None, Some(_)) => Err("a \"text\" needs an \"id\"".into()),
        (_, None, None) => Err("give \"path\" or \"text\"".into()),
    }
}

/// Reads a policy file (refusing huge ones) and analyzes it.
fn read_file(path: &Path) -> Outcome {
    let bytes = match std::fs::metadata(path) {
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        Ok(meta) if meta.is_dir() => Err(format!("{} is a directory", path.display())),
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            Err(format!("{} is larger than {} MiB", path.display(), MAX_FILE_BYTES >> 20))
        }
        Ok(_) => std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display())),
    };
    match bytes {
        Ok(bytes) => analyze(input::decode(path, bytes)),
        Err(error) => Outcome::Failed(error),
    }
}

/// Analyzes decoded text; a text with nothing to read is a failure.
fn analyze(decoded: anyhow::Result<input::Decoded>) -> Outcome {
    match decoded {
        Err(error) => Outcome::Failed(format!("{error:#}")),
        Ok(decoded) if decoded.text.trim().is_empty() => Outcome::Failed("empty: no text to read".into()),
        Ok(decoded) => Outcome::Analyzed { summary: policy_badges::analyze(&decoded.text), lossy: decoded.lossy },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::TEST_POLICY;

    fn line(json: &str) -> Outcome {
        let job = Job::Line { place: "m.jsonl:1".into(), base: Path::new(".").into(), line: json.into() };
        process(job, &HashSet::new()).outcome
    }

    fn error(outcome: Outcome) -> String {
        match outcome {
            Outcome::Failed(error) => error,
            other => panic!("expected a failure, got {other:?}"),
        }
    }

    #[test]
    fn manifest_lines_are_checked() {
        assert!(error(line("{\"id\": 1, \"path\": \"a\", \"text\": \"b\"}")).contains("not both"));
        assert!(error(line("{\"text\": \"b\"}")).contains("needs an \"id\""));
        assert!(error(line("{\"id\": \"a\"}")).contains("give \"path\" or \"text\""));
        assert!(error(line("{\"id\": [1]}")).contains("string or a number"));
        assert!(error(line("not json")).starts_with("not a manifest line"));
        assert!(error(line("{\"id\": \"a\", \"url\": \"x\"}")).starts_with("not a manifest line"));
    }

    #[test]
    fn inline_text_is_analyzed_and_numbers_are_ids() {
        let json = serde_json::json!({"id": 7, "text": TEST_POLICY}).to_string();
        let job = Job::Line { place: "m.jsonl:1".into(), base: Path::new(".").into(), line: json };
        let record = process(job, &HashSet::new());
        assert_eq!(record.id, "7");
        assert!(matches!(record.outcome, Outcome::Analyzed { lossy: false, .. }));
    }

    #[test]
    fn done_ids_are_skipped_before_reading() {
        let job = Job::File { id: "gone.txt".into(), path: "/nonexistent/gone.txt".into() };
        let done = HashSet::from(["gone.txt".to_string()]);
        assert!(matches!(process(job, &done).outcome, Outcome::Skipped));
    }

    #[test]
    fn blank_and_missing_files_fail_with_a_reason() {
        assert!(error(line("{\"id\": \"blank\", \"text\": \"  \\n\"}")).starts_with("empty"));
        assert!(error(line("{\"path\": \"/nonexistent/x.txt\"}")).starts_with("cannot read"));
    }
}
