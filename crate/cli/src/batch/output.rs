//! How a batch writes its records: one JSON object per line, or one CSV row
//! per document with a column per badge id.

use std::io::Write;

use anyhow::{Context, Result};
use policy_badges::{Badge, BadgeId};
use serde::ser::{Serialize, SerializeMap, Serializer};

use super::document::{Outcome, Record};
use crate::input::LOSSY;
use crate::lines::{csv_row, json_line, Format};

/// The columns before the badge columns of the CSV output.
const CSV_FIELDS: [&str; 6] = ["id", "is_policy", "words", "truncated", "error", "warning"];

/// Writes records in one format.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    evidence: bool,
}

impl<W: Write> RecordWriter<W> {
    /// A writer to `out`; `evidence` adds each badge's evidence (JSON Lines).
    pub fn new(out: W, format: Format, evidence: bool) -> RecordWriter<W> {
        RecordWriter { out, format, evidence }
    }

    /// Writes the CSV header (JSON Lines has none).
    pub fn header(&mut self) -> Result<()> {
        if self.format == Format::Csv {
            csv_row(&mut self.out, csv_header().iter().map(String::as_str))?;
        }
        Ok(())
    }

    /// Writes one record; skipped records write nothing.
    pub fn write(&mut self, record: &Record) -> Result<()> {
        match (&record.outcome, self.format) {
            (Outcome::Skipped, _) => Ok(()),
            (_, Format::Jsonl) => json_line(&mut self.out, &Line::new(record, self.evidence)),
            (_, Format::Csv) => csv_row(&mut self.out, csv_fields(record).iter().map(String::as_str)),
        }
    }

    /// Flushes what is buffered, so a stopped run keeps whole lines.
    pub fn flush(&mut self) -> Result<()> {
        self.out.flush().context("cannot write the output")
    }
}

/// The CSV header: the fixed fields, then every badge id in taxonomy order.
pub fn csv_header() -> Vec<String> {
    CSV_FIELDS.iter().copied().chain(BadgeId::ALL.iter().map(|b| b.as_str())).map(String::from).collect()
}

fn csv_fields(record: &Record) -> Vec<String> {
    let mut row = vec![record.id.clone()];
    match &record.outcome {
        Outcome::Analyzed { summary, lossy } => {
            row.extend([
                summary.is_policy.to_string(),
                summary.words.to_string(),
                summary.truncated.to_string(),
                String::new(),
                if *lossy { LOSSY.to_string() } else { String::new() },
            ]);
            for id in BadgeId::ALL {
                let has = summary.badges.iter().any(|b| b.id == id.as_str());
                row.push(if has { "1" } else { "0" }.to_string());
            }
        }
        Outcome::Failed(error) => {
            row.extend([String::new(), String::new(), String::new(), error.clone(), String::new()]);
            row.extend(BadgeId::ALL.iter().map(|_| String::new()));
        }
        Outcome::Skipped => {}
    }
    row
}

/// A JSON Lines record: `{"id", "is_policy", "words", "truncated",
/// "badges", ["evidence"], ["warning"]}` or `{"id", "error"}`.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_policy: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    truncated: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    badges: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evidence: Option<EvidenceMap<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

impl<'a> Line<'a> {
    fn new(record: &'a Record, evidence: bool) -> Line<'a> {
        let mut line = Line {
            id: &record.id,
            is_policy: None,
            words: None,
            truncated: None,
            badges: None,
            evidence: None,
            warning: None,
            error: None,
        };
        match &record.outcome {
            Outcome::Analyzed { summary, lossy } => {
                line.is_policy = Some(summary.is_policy);
                line.words = Some(summary.words);
                line.truncated = Some(summary.truncated);
                line.badges = Some(summary.badges.iter().map(|b| b.id).collect());
                line.evidence = evidence.then_some(EvidenceMap(&summary.badges));
                line.warning = lossy.then(|| format!("the file {LOSSY}"));
            }
            Outcome::Failed(error) => line.error = Some(error),
            Outcome::Skipped => {}
        }
        line
    }
}

/// `{"badge-id": [evidence...]}` in display order.
struct EvidenceMap<'a>(&'a [Badge]);

impl Serialize for EvidenceMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for badge in self.0 {
            map.serialize_entry(badge.id, &badge.evidence)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::TEST_POLICY;

    fn records() -> Vec<Record> {
        vec![
            Record {
                id: "a, \"quoted\"".into(),
                outcome: Outcome::Analyzed { summary: policy_badges::analyze(TEST_POLICY), lossy: true },
            },
            Record { id: "b".into(), outcome: Outcome::Failed("cannot read b: gone".into()) },
            Record { id: "c".into(), outcome: Outcome::Skipped },
        ]
    }

    fn written(format: Format, evidence: bool) -> String {
        let mut out = Vec::new();
        let mut writer = RecordWriter::new(&mut out, format, evidence);
        writer.header().expect("a header");
        for record in records() {
            writer.write(&record).expect("a record");
        }
        String::from_utf8(out).expect("UTF-8 output")
    }

    #[test]
    fn json_lines_hold_results_or_errors() {
        let text = written(Format::Jsonl, false);
        let lines: Vec<serde_json::Value> =
            text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
        assert_eq!(lines.len(), 2, "skipped records write nothing");
        assert_eq!(lines[0]["id"], "a, \"quoted\"");
        assert_eq!(lines[0]["is_policy"], true);
        assert!(lines[0]["badges"].as_array().is_some_and(|b| b.contains(&"cookies".into())));
        assert!(lines[0].get("evidence").is_none());
        assert!(lines[0]["warning"].as_str().is_some_and(|w| w.contains("UTF-8")));
        assert_eq!(lines[1], serde_json::json!({"id": "b", "error": "cannot read b: gone"}));
    }

    #[test]
    fn evidence_is_keyed_by_badge() {
        let text = written(Format::Jsonl, true);
        let first: serde_json::Value = serde_json::from_str(text.lines().next().expect("a line")).expect("JSON");
        let cookies = &first["evidence"]["cookies"][0];
        assert_eq!(cookies["text"], "We use cookies to remember your preferences.");
        assert!(cookies["start"].is_u64() && cookies["end"].is_u64());
    }

    #[test]
    fn csv_has_a_column_per_badge() {
        let text = written(Format::Csv, false);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header = reader.headers().expect("a header").clone();
        assert_eq!(header.len(), CSV_FIELDS.len() + BadgeId::ALL.len());
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
        assert_eq!(rows.len(), 2);
        let cookies = header.iter().position(|h| h == "cookies").expect("a cookies column");
        assert_eq!((&rows[0][0], &rows[0][1], &rows[0][cookies]), ("a, \"quoted\"", "true", "1"));
        assert_eq!((&rows[1][4], &rows[1][cookies]), ("cannot read b: gone", ""));
    }
}
