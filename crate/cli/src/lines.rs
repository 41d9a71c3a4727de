//! Output a record at a time, for `batch` and `timeline`: JSON Lines or
//! CSV rows, written as they come.

use std::io::Write;

use anyhow::{Context, Result};
use clap::ValueEnum;
use serde::Serialize;

/// Record-per-line output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// A header, then one row per record.
    Csv,
}

/// Writes `value` as one line of JSON.
pub fn json_line(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    serde_json::to_writer(&mut *out, value).context("cannot write the output")?;
    out.write_all(b"\n").context("cannot write the output")
}

/// Writes one CSV row, quoting fields as needed.
pub fn csv_row<'a>(out: &mut impl Write, fields: impl IntoIterator<Item = &'a str>) -> Result<()> {
    let mut row = csv::Writer::from_writer(out);
    row.write_record(fields).context("cannot write the output")?;
    row.flush().context("cannot write the output")
}
