//! The badge changes of a timeline as JSON Lines (one change a line) or CSV
//! (one change a row; a cell's evidence sentences on lines of their own).

use std::io::Write;

use anyhow::{Context, Result};
use policy_badges::Polarity;
use serde::Serialize;

use super::changes::{Change, Kind};
use super::FileTimeline;
use crate::lines::{csv_row, json_line, Format};

/// The columns of the CSV output.
const CSV_HEADER: [&str; 9] =
    ["path", "date", "commit", "change", "badge", "label", "polarity", "previous_date", "evidence"];

/// One change as written.
#[derive(Serialize)]
struct Event<'a> {
    path: &'a str,
    date: String,
    commit: String,
    change: Kind,
    badge: &'static str,
    label: &'static str,
    polarity: Polarity,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_date: Option<String>,
    evidence: &'a [String],
}

impl<'a> Event<'a> {
    fn new(file: &'a FileTimeline, change: &'a Change) -> Event<'a> {
        let version = &file.versions[change.version];
        let def = change.badge.def();
        Event {
            path: &file.path,
            date: super::iso_date(version.time),
            commit: version.commit.to_string(),
            change: change.kind,
            badge: def.id,
            label: def.label,
            polarity: def.polarity,
            previous_date: change.previous.map(|i| super::iso_date(file.versions[i].time)),
            evidence: &change.evidence,
        }
    }
}

/// Writes changes in one format.
pub struct ChangeWriter<W: Write> {
    out: W,
    format: Format,
}

impl<W: Write> ChangeWriter<W> {
    /// A writer to `out`, its CSV header written.
    pub fn new(mut out: W, format: Format) -> Result<ChangeWriter<W>> {
        if format == Format::Csv {
            csv_row(&mut out, CSV_HEADER)?;
        }
        Ok(ChangeWriter { out, format })
    }

    /// Writes the changes of one file.
    pub fn write(&mut self, file: &FileTimeline) -> Result<()> {
        for change in &file.changes {
            let event = Event::new(file, change);
            match self.format {
                Format::Jsonl => json_line(&mut self.out, &event)?,
                Format::Csv => {
                    let polarity = match event.polarity {
                        Polarity::Good => "good",
                        Polarity::Bad => "bad",
                        Polarity::Info => "info",
                    };
                    let evidence = event.evidence.join("\n");
                    csv_row(
                        &mut self.out,
                        [
                            event.path,
                            &event.date,
                            &event.commit,
                            event.change.as_str(),
                            event.badge,
                            event.label,
                            polarity,
                            event.previous_date.as_deref().unwrap_or_default(),
                            &evidence,
                        ],
                    )?;
                }
            }
        }
        self.out.flush().context("cannot write the output")
    }
}
